//! Web-form data of the consultation and complaint desk: one validator for
//! the browser (through the WASM binding) and the backend (through the
//! Python binding).
//!
//! Section 7 of the standard, *penanganan pengaduan, saran, dan masukan*
//! (complaints, suggestions and input): the applicant picks *konsultasi*
//! (consultation, a question) or *pengaduan* (complaint) — or, since the
//! section also takes suggestions, *saran* — then "fills in personal data
//! and the question/complaint on a web form". A [`WebForm`] is that form as
//! submitted; [`validate`] checks it against configurable [`FormLimits`] and
//! returns either the normalised [`ValidForm`] or **every** problem at once,
//! each with a path (`nik`, `attachments[2].bytes`), a stable code and a
//! message in English and Bahasa Indonesia.
//!
//! ## Quick start
//! ```
//! use ptsp::form::{FormLimits, TicketKind, WebForm, validate};
//!
//! let today = "2026-12-01".parse()?;
//! let form = WebForm::new(TicketKind::Complaint, " Siti Rahayu ", "Izin belum terbit",
//!         "Berkas saya lengkap sejak Oktober tetapi izin belum terbit.")
//!     .with_nik("3515144508680002")
//!     .with_phone("0812-3456-7890")
//!     .with_email("Siti@Example.CO.ID");
//! let valid = validate(&form, &FormLimits::default(), today)?;
//! assert_eq!(valid.name, "Siti Rahayu");
//! assert_eq!(valid.phone.as_deref(), Some("+6281234567890"));
//! assert_eq!(valid.email.as_deref(), Some("Siti@example.co.id"));
//! let nik = valid.nik.unwrap();
//! assert_eq!(nik.province_name(), "Jawa Timur");
//! assert_eq!(nik.birth_date().to_string(), "1968-08-05");
//!
//! // Every problem at once.
//! let bad = WebForm::new(TicketKind::Complaint, "", "Hi", "short")
//!     .with_nik("3515143108680000")
//!     .with_phone("12345");
//! let err = validate(&bad, &FormLimits::default(), today).unwrap_err();
//! let codes: Vec<&str> = err.problems().iter().map(|p| p.code.as_str()).collect();
//! assert_eq!(codes, ["required", "invalid_nik_serial", "invalid_phone", "too_short", "too_short"]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## The rules
//! * **Text fields** (`name`, `subject`, `text`, `service`, `category`,
//!   file names and formats) are trimmed and bounded (see [`FormLimits`]);
//!   lengths count Unicode scalar values (characters), not bytes and not
//!   UTF-16 units; control characters (Unicode category Cc) are refused,
//!   except tab and line breaks in `text`, whose CR LF and lone CR become
//!   LF.
//! * **Optional fields** (`nik`, `email`, `phone`, `service`, `category`)
//!   that are blank count as absent.
//! * **NIK** (*Nomor Induk Kependudukan*, the 16-digit population number): see
//!   [`Nik`]. Spaces, dots and hyphens between digits are ignored.
//! * **Phone**: see [`normalize_phone`]; always stored as E.164 `+62…`.
//! * **Email**: see [`normalize_email`]; a pragmatic syntactic check, not
//!   full RFC 5322.
//! * **Contact**: with [`FormLimits::require_contact`] at least one of email
//!   and phone, whatever the kind — the answer is "delivered directly by
//!   the authorised official" (section 7, step 5), so the desk needs a way
//!   to reach the applicant, also for a suggestion that needs no NIK.
//! * **Attachments**: metadata only (name, format, size); the upload itself
//!   is the transport's business.
//! * **Personal data**: messages and `Debug` output show the NIK, email and
//!   phone masked ([`mask`]); serde output keeps them.
//!
//! Problems come in a fixed order: `kind`, `name`, `nik`, `email`, `phone`,
//! `contact`, `subject`, `text`, `service`, `category`, `attachments`, then
//! each attachment's `file_name`, `format` and `bytes`.
//!
//! The library never reads the clock: the reference date that resolves a
//! NIK's two-digit year is a parameter.

use std::fmt;
use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};

use crate::error::{Lang, Problem, summary};

// ---------------------------------------------------------------------------
// Types of the form
// ---------------------------------------------------------------------------

/// What the applicant files: a consultation (a question), a complaint, or a
/// suggestion.
///
/// On the wire the Indonesian names are used: `"konsultasi"`,
/// `"pengaduan"` and `"saran"`; the English `"consultation"`, `"complaint"`
/// and `"suggestion"` are accepted as aliases when reading, and so is
/// `"masukan"` (input) for a suggestion.
///
/// Section 7 of the standard is titled *penanganan pengaduan, saran, dan
/// masukan* (the seed writes "sarana", evidently *saran*, as in the
/// service-standard component of that name in the law on public services,
/// UU 25/2009), but its steps only name the *konsultasi* and
/// *pengaduan* options and draw no flow of their own for a suggestion. A
/// suggestion is routed like the other kinds (category `saran`, see
/// [`crate::routing`]); the consultation flow fits it (the Operator
/// acknowledges it, or distributes it to the unit concerned).
///
/// # Example
/// ```
/// use ptsp::form::TicketKind;
/// let k: TicketKind = serde_json::from_str("\"pengaduan\"")?;
/// assert_eq!(k, TicketKind::Complaint);
/// assert_eq!(serde_json::to_string(&TicketKind::Consultation)?, "\"konsultasi\"");
/// assert_eq!(serde_json::from_str::<TicketKind>("\"complaint\"")?, TicketKind::Complaint);
/// assert_eq!(serde_json::from_str::<TicketKind>("\"masukan\"")?, TicketKind::Suggestion);
/// assert_eq!(serde_json::to_string(&TicketKind::Suggestion)?, "\"saran\"");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TicketKind {
    /// *Konsultasi*: the applicant asks a question.
    #[serde(rename = "konsultasi", alias = "consultation")]
    Consultation,
    /// *Pengaduan*: the applicant complains about a service.
    #[serde(rename = "pengaduan", alias = "complaint")]
    Complaint,
    /// *Saran* (or *masukan*): the applicant suggests how a service could
    /// be better; no grievance of their own, so by default no NIK is
    /// required (see [`FormLimits`]).
    #[serde(rename = "saran", alias = "suggestion", alias = "masukan")]
    Suggestion,
}

impl TicketKind {
    /// Every kind, in wire-name order of the standard.
    ///
    /// # Example
    /// ```
    /// let names: Vec<&str> = ptsp::form::TicketKind::ALL.iter().map(|k| k.as_str()).collect();
    /// assert_eq!(names, ["konsultasi", "pengaduan", "saran"]);
    /// ```
    pub const ALL: [TicketKind; 3] = [
        TicketKind::Consultation,
        TicketKind::Complaint,
        TicketKind::Suggestion,
    ];

    /// The wire name (`konsultasi`, `pengaduan` or `saran`), which is also
    /// the routing category of the ticket.
    ///
    /// # Example
    /// ```
    /// assert_eq!(ptsp::form::TicketKind::Complaint.as_str(), "pengaduan");
    /// assert_eq!(ptsp::form::TicketKind::Suggestion.as_str(), "saran");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            TicketKind::Consultation => "konsultasi",
            TicketKind::Complaint => "pengaduan",
            TicketKind::Suggestion => "saran",
        }
    }
}

/// Metadata of one attached file, as the form reports it before upload.
///
/// # Example
/// ```
/// let a: ptsp::form::AttachmentMeta = serde_json::from_str(
///     r#"{"file_name": "bukti.pdf", "format": "pdf", "bytes": 120000}"#)?;
/// assert_eq!(a.bytes, 120_000);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttachmentMeta {
    /// The file's name, without a path.
    #[serde(default)]
    pub file_name: String,
    /// The format, as a file extension (`pdf`, `jpg`; case-insensitive, a
    /// leading dot is ignored).
    #[serde(default)]
    pub format: String,
    /// Size in bytes.
    #[serde(default)]
    pub bytes: u64,
}

impl AttachmentMeta {
    /// Attachment metadata.
    ///
    /// # Example
    /// ```
    /// let a = ptsp::form::AttachmentMeta::new("foto.jpg", "jpg", 300_000);
    /// assert_eq!(a.format, "jpg");
    /// ```
    pub fn new(file_name: &str, format: &str, bytes: u64) -> AttachmentMeta {
        AttachmentMeta {
            file_name: file_name.to_owned(),
            format: format.to_owned(),
            bytes,
        }
    }
}

/// A consultation or complaint web form, as submitted.
///
/// Every field may be missing from the JSON: a missing `kind`, `name`,
/// `subject` or `text` is reported by [`validate`] as a `required` problem
/// (not as a JSON error), so a browser form gets field-level messages.
///
/// # Example
/// ```
/// let form = ptsp::form::WebForm::from_json(r#"{
///     "kind": "konsultasi", "name": "Budi", "email": "budi@example.com",
///     "subject": "Syarat izin", "text": "Apa saja syarat izin operasional klinik?"
/// }"#)?;
/// assert_eq!(form.kind, Some(ptsp::form::TicketKind::Consultation));
/// assert!(form.attachments.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// `Debug` masks the NIK, email and phone (see [`mask`]); serde keeps them.
#[derive(Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WebForm {
    /// Consultation, complaint or suggestion; `None` when the applicant has
    /// not chosen.
    #[serde(default)]
    pub kind: Option<TicketKind>,
    /// The applicant's name.
    #[serde(default)]
    pub name: String,
    /// NIK, the 16-digit population number (see [`Nik`]).
    #[serde(default)]
    pub nik: Option<String>,
    /// Email address.
    #[serde(default)]
    pub email: Option<String>,
    /// Indonesian phone number in any usual notation.
    #[serde(default)]
    pub phone: Option<String>,
    /// Subject line (*perihal*).
    #[serde(default)]
    pub subject: String,
    /// The question or complaint.
    #[serde(default)]
    pub text: String,
    /// Attached files.
    #[serde(default)]
    pub attachments: Vec<AttachmentMeta>,
    /// The service the ticket is about (an id from the office's catalogue).
    #[serde(default)]
    pub service: Option<String>,
    /// A category chosen by the applicant.
    #[serde(default)]
    pub category: Option<String>,
}

impl WebForm {
    /// A form with the four fields every ticket has; the rest empty.
    ///
    /// # Example
    /// ```
    /// use ptsp::form::{TicketKind, WebForm};
    /// let f = WebForm::new(TicketKind::Consultation, "Budi", "Syarat", "Apa syaratnya?");
    /// assert_eq!(f.kind, Some(TicketKind::Consultation));
    /// assert!(f.nik.is_none());
    /// ```
    pub fn new(kind: TicketKind, name: &str, subject: &str, text: &str) -> WebForm {
        WebForm {
            kind: Some(kind),
            name: name.to_owned(),
            subject: subject.to_owned(),
            text: text.to_owned(),
            ..WebForm::default()
        }
    }

    /// The same form with a NIK.
    ///
    /// # Example
    /// ```
    /// # use ptsp::form::{TicketKind, WebForm};
    /// let f = WebForm::new(TicketKind::Complaint, "Budi", "S", "T").with_nik("3515140508680001");
    /// assert_eq!(f.nik.as_deref(), Some("3515140508680001"));
    /// ```
    pub fn with_nik(mut self, nik: &str) -> WebForm {
        self.nik = Some(nik.to_owned());
        self
    }

    /// The same form with an email address.
    ///
    /// # Example
    /// ```
    /// # use ptsp::form::{TicketKind, WebForm};
    /// let f = WebForm::new(TicketKind::Complaint, "Budi", "S", "T").with_email("b@example.id");
    /// assert_eq!(f.email.as_deref(), Some("b@example.id"));
    /// ```
    pub fn with_email(mut self, email: &str) -> WebForm {
        self.email = Some(email.to_owned());
        self
    }

    /// The same form with a phone number.
    ///
    /// # Example
    /// ```
    /// # use ptsp::form::{TicketKind, WebForm};
    /// let f = WebForm::new(TicketKind::Complaint, "Budi", "S", "T").with_phone("0812 3456 789");
    /// assert_eq!(f.phone.as_deref(), Some("0812 3456 789"));
    /// ```
    pub fn with_phone(mut self, phone: &str) -> WebForm {
        self.phone = Some(phone.to_owned());
        self
    }

    /// The same form with a service id.
    ///
    /// # Example
    /// ```
    /// # use ptsp::form::{TicketKind, WebForm};
    /// let f = WebForm::new(TicketKind::Complaint, "Budi", "S", "T").with_service("izin-klinik");
    /// assert_eq!(f.service.as_deref(), Some("izin-klinik"));
    /// ```
    pub fn with_service(mut self, service: &str) -> WebForm {
        self.service = Some(service.to_owned());
        self
    }

    /// The same form with a category.
    ///
    /// # Example
    /// ```
    /// # use ptsp::form::{TicketKind, WebForm};
    /// let f = WebForm::new(TicketKind::Complaint, "Budi", "S", "T").with_category("perizinan");
    /// assert_eq!(f.category.as_deref(), Some("perizinan"));
    /// ```
    pub fn with_category(mut self, category: &str) -> WebForm {
        self.category = Some(category.to_owned());
        self
    }

    /// The same form with one more attachment.
    ///
    /// # Example
    /// ```
    /// # use ptsp::form::{TicketKind, WebForm};
    /// let f = WebForm::new(TicketKind::Complaint, "Budi", "S", "T")
    ///     .with_attachment("bukti.pdf", "pdf", 1000);
    /// assert_eq!(f.attachments[0].file_name, "bukti.pdf");
    /// ```
    pub fn with_attachment(mut self, file_name: &str, format: &str, bytes: u64) -> WebForm {
        self.attachments
            .push(AttachmentMeta::new(file_name, format, bytes));
        self
    }

    /// Reads a form from JSON. Only malformed JSON or a wrongly typed field
    /// is an error here; everything else is for [`validate`].
    ///
    /// # Example
    /// ```
    /// let err = ptsp::form::WebForm::from_json(r#"{"kind": "pujian"}"#).unwrap_err();
    /// assert_eq!(err.code(), "invalid_json");
    /// assert!(ptsp::form::WebForm::from_json("{}").is_ok());
    /// ```
    pub fn from_json(text: &str) -> Result<WebForm, FormError> {
        serde_json::from_str(text).map_err(json_error)
    }
}

impl fmt::Debug for WebForm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let masked = |v: &Option<String>, kind| v.as_deref().map(|v| mask(kind, v));
        f.debug_struct("WebForm")
            .field("kind", &self.kind)
            .field("name", &self.name)
            .field("nik", &masked(&self.nik, PersonalData::Nik))
            .field("email", &masked(&self.email, PersonalData::Email))
            .field("phone", &masked(&self.phone, PersonalData::Phone))
            .field("subject", &self.subject)
            .field("text", &self.text)
            .field("attachments", &self.attachments)
            .field("service", &self.service)
            .field("category", &self.category)
            .finish()
    }
}

// ---------------------------------------------------------------------------
// Limits
// ---------------------------------------------------------------------------

/// An inclusive range of lengths in characters.
///
/// # Example
/// ```
/// let r = ptsp::form::CharRange { min: 5, max: 150 };
/// assert!(r.contains(5) && !r.contains(151));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CharRange {
    /// Fewest characters allowed.
    pub min: usize,
    /// Most characters allowed.
    pub max: usize,
}

impl CharRange {
    /// Whether `n` characters are allowed.
    ///
    /// # Example
    /// ```
    /// assert!(!ptsp::form::CharRange { min: 2, max: 3 }.contains(1));
    /// ```
    pub fn contains(&self, n: usize) -> bool {
        self.min <= n && n <= self.max
    }
}

/// Which fields one kind of ticket requires.
///
/// # Example
/// ```
/// let rules = ptsp::form::FormLimits::default().complaint;
/// assert!(rules.nik_required && !rules.email_required);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct KindRules {
    /// The NIK must be given.
    pub nik_required: bool,
    /// The email address must be given.
    pub email_required: bool,
    /// The phone number must be given.
    pub phone_required: bool,
    /// The service the ticket is about must be given.
    pub service_required: bool,
}

/// The office's settings for the web form.
///
/// These are **settings, not regulation**: the standard fixes no lengths,
/// sizes or formats. The defaults are a reasonable starting point:
///
/// | setting | default |
/// |---|---|
/// | `name` | 2–100 characters |
/// | `subject` | 5–150 characters |
/// | `text` | 20–5000 characters |
/// | `label_max` (`service`, `category`) | 100 characters |
/// | `file_name_max` (each attachment's `file_name`) | 255 characters, the common file-system limit |
/// | `max_attachments` | 5 |
/// | `formats` | `pdf`, `jpg`, `jpeg`, `png` (empty list: any format) |
/// | `max_file_bytes` | 5 MiB (5 242 880), as the sample requirements catalogue |
/// | `max_total_bytes` | 10 MiB (10 485 760) |
/// | `require_contact` | yes: email or phone |
/// | `consultation` | nothing else required |
/// | `complaint` | NIK required |
/// | `suggestion` | nothing else required |
///
/// A complaint needs the NIK by default because it concerns the
/// applicant's own dealings with the office, which staff must be able to
/// find and verify; a consultation is a general question and may be asked
/// without one. Offices that accept anonymous complaints set
/// `complaint.nik_required` to `false`.
///
/// A suggestion (*saran*) is about the service, not the applicant's own
/// file, so it needs no NIK: nothing identifies the applicant beyond the
/// name they choose to give. It still needs a way to reply — the answer is
/// "delivered directly by the authorised official" (section 7, step 5), and
/// a suggestion is answered too (acknowledged, or told what was done) — so
/// `require_contact` (email or phone) applies to it as to every kind, and
/// neither is required on its own: the applicant picks the channel.
///
/// Every free-text field is bounded: `name`, `subject` and `text` by their
/// ranges, `service` and `category` by `label_max`, file names by
/// `file_name_max`; an attachment's `format` is a file extension of at most
/// 16 characters whatever the settings; the NIK, phone and email have
/// fixed formats (16 digits, at most 15 digits, at most 254 bytes).
///
/// In JSON every field is optional and defaults as above.
///
/// # Example
/// ```
/// let limits = ptsp::form::FormLimits::from_json(r#"{"max_attachments": 2, "formats": ["pdf"]}"#)?;
/// assert_eq!(limits.max_attachments, 2);
/// assert_eq!(limits.subject.max, 150); // default kept
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FormLimits {
    /// Length of the applicant's name.
    pub name: CharRange,
    /// Length of the subject.
    pub subject: CharRange,
    /// Length of the question or complaint.
    pub text: CharRange,
    /// Most characters of `service` and `category`.
    pub label_max: usize,
    /// Most characters of an attachment's file name.
    pub file_name_max: usize,
    /// Most attachments.
    pub max_attachments: usize,
    /// Accepted formats, as lower-case extensions; empty: any format.
    pub formats: Vec<String>,
    /// Largest size of one attachment, in bytes.
    pub max_file_bytes: u64,
    /// Largest total size of all attachments, in bytes.
    pub max_total_bytes: u64,
    /// At least one of email and phone must be given.
    pub require_contact: bool,
    /// Required fields of a consultation.
    pub consultation: KindRules,
    /// Required fields of a complaint.
    pub complaint: KindRules,
    /// Required fields of a suggestion.
    pub suggestion: KindRules,
}

impl Default for FormLimits {
    fn default() -> FormLimits {
        FormLimits {
            name: CharRange { min: 2, max: 100 },
            subject: CharRange { min: 5, max: 150 },
            text: CharRange { min: 20, max: 5000 },
            label_max: 100,
            file_name_max: 255,
            max_attachments: 5,
            formats: ["pdf", "jpg", "jpeg", "png"].map(String::from).to_vec(),
            max_file_bytes: 5 * 1024 * 1024,
            max_total_bytes: 10 * 1024 * 1024,
            require_contact: true,
            consultation: KindRules::default(),
            complaint: KindRules {
                nik_required: true,
                ..KindRules::default()
            },
            suggestion: KindRules::default(),
        }
    }
}

impl FormLimits {
    /// The required fields of one kind of ticket.
    ///
    /// # Example
    /// ```
    /// use ptsp::form::{FormLimits, TicketKind};
    /// assert!(!FormLimits::default().rules(TicketKind::Consultation).nik_required);
    /// assert!(!FormLimits::default().rules(TicketKind::Suggestion).nik_required);
    /// ```
    pub fn rules(&self, kind: TicketKind) -> &KindRules {
        match kind {
            TicketKind::Consultation => &self.consultation,
            TicketKind::Complaint => &self.complaint,
            TicketKind::Suggestion => &self.suggestion,
        }
    }

    /// Checks that the settings make sense: every range has `min ≤ max`
    /// and `max ≥ 1`, `label_max ≥ 1`, `file_name_max ≥ 1`, and every
    /// format is a lower-case extension of 1–16 letters and digits without a
    /// dot. [`validate`] does not repeat this check; run it once when the
    /// settings are loaded ([`FormLimits::from_json`] does).
    ///
    /// # Example
    /// ```
    /// let mut limits = ptsp::form::FormLimits::default();
    /// assert!(limits.check().is_ok());
    /// limits.subject.min = 200;
    /// let err = limits.check().unwrap_err();
    /// assert_eq!(err.code(), "invalid_limits");
    /// assert_eq!(err.problems()[0].path, "subject");
    /// ```
    pub fn check(&self) -> Result<(), FormError> {
        let mut out = Vec::new();
        for (path, r) in [
            ("name", self.name),
            ("subject", self.subject),
            ("text", self.text),
        ] {
            if r.min > r.max || r.max == 0 {
                out.push(Problem::new(
                    path,
                    "invalid_range",
                    format!(
                        "{path} length range {}..={} is empty: expected 1 <= max and min <= max",
                        r.min, r.max
                    ),
                    format!(
                        "rentang panjang {path} {}..={} kosong: seharusnya 1 <= max dan min <= max",
                        r.min, r.max
                    ),
                ));
            }
        }
        for (path, max) in [
            ("label_max", self.label_max),
            ("file_name_max", self.file_name_max),
        ] {
            if max == 0 {
                out.push(Problem::new(
                    path,
                    "invalid_range",
                    format!("{path} is 0: expected at least 1"),
                    format!("{path} bernilai 0: seharusnya paling sedikit 1"),
                ));
            }
        }
        for (i, f) in self.formats.iter().enumerate() {
            let ok = !f.is_empty()
                && f.len() <= FORMAT_MAX
                && f.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
            if !ok {
                out.push(Problem::new(
                    format!("formats[{i}]"),
                    "invalid_format",
                    format!(
                        "format {} is not a file extension: expected 1-{FORMAT_MAX} lower-case letters and digits without a dot, e.g. \"pdf\"",
                        quote(f)
                    ),
                    format!(
                        "format {} bukan ekstensi berkas: seharusnya 1-{FORMAT_MAX} huruf kecil dan angka tanpa titik, mis. \"pdf\"",
                        quote(f)
                    ),
                ));
            }
        }
        if out.is_empty() {
            Ok(())
        } else {
            Err(FormError::InvalidLimits { problems: out })
        }
    }

    /// Reads settings from JSON (missing fields take their defaults) and
    /// [checks](FormLimits::check) them.
    ///
    /// # Example
    /// ```
    /// use ptsp::form::FormLimits;
    /// assert_eq!(FormLimits::from_json("{}")?, FormLimits::default());
    /// assert_eq!(FormLimits::from_json(r#"{"text": {"min": 9, "max": 1}}"#).unwrap_err().code(), "invalid_limits");
    /// assert_eq!(FormLimits::from_json(r#"{"colour": 1}"#).unwrap_err().code(), "invalid_json");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_json(text: &str) -> Result<FormLimits, FormError> {
        let limits: FormLimits = serde_json::from_str(text).map_err(json_error)?;
        limits.check()?;
        Ok(limits)
    }
}

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

/// An error of the web-form module.
///
/// Every variant has a stable [code](FormError::code) and a message in
/// English (`Display`) and Bahasa Indonesia ([`FormError::message`]).
///
/// # Example
/// ```
/// use ptsp::form::{FormError, FormLimits, WebForm, validate};
/// let err = validate(&WebForm::default(), &FormLimits::default(), "2026-01-01".parse()?).unwrap_err();
/// let FormError::Invalid { problems } = &err else { panic!("{err}") };
/// assert_eq!(problems[0].path, "kind");
/// assert_eq!(err.code(), "invalid_form");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FormError {
    /// The form failed validation; every problem is listed.
    #[error("invalid form: {}", summary(.problems, Lang::En))]
    Invalid {
        /// All problems found, each with path, code and messages.
        problems: Vec<Problem>,
    },
    /// The form settings are inconsistent; every problem is listed.
    #[error("invalid form limits: {}", summary(.problems, Lang::En))]
    InvalidLimits {
        /// All problems found.
        problems: Vec<Problem>,
    },
    /// A JSON text could not be read.
    #[error("invalid json at line {line}, column {column}: {detail}")]
    InvalidJson {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the reader expected and found.
        detail: String,
    },
}

impl FormError {
    /// The stable `snake_case` code: `invalid_form`, `invalid_limits` or
    /// `invalid_json`. The codes of the individual problems are in
    /// [`FormError::problems`].
    ///
    /// # Example
    /// ```
    /// let e = ptsp::form::FormError::Invalid { problems: vec![] };
    /// assert_eq!(e.code(), "invalid_form");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            FormError::Invalid { .. } => "invalid_form",
            FormError::InvalidLimits { .. } => "invalid_limits",
            FormError::InvalidJson { .. } => "invalid_json",
        }
    }

    /// The problems behind the error (empty for `invalid_json`).
    ///
    /// # Example
    /// ```
    /// let err = ptsp::form::normalize_phone("123").unwrap_err();
    /// assert_eq!(err.problems()[0].code, "invalid_phone");
    /// ```
    pub fn problems(&self) -> &[Problem] {
        match self {
            FormError::Invalid { problems } | FormError::InvalidLimits { problems } => problems,
            FormError::InvalidJson { .. } => &[],
        }
    }

    /// The message in the given language.
    ///
    /// # Example
    /// ```
    /// use ptsp::Lang;
    /// let err = ptsp::form::normalize_email("budi").unwrap_err();
    /// assert!(err.message(Lang::Id).starts_with("formulir tidak valid: email: "));
    /// assert!(err.message(Lang::En).starts_with("invalid form: email: "));
    /// ```
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (_, Lang::En) => self.to_string(),
            (FormError::Invalid { problems }, Lang::Id) => {
                format!("formulir tidak valid: {}", summary(problems, Lang::Id))
            }
            (FormError::InvalidLimits { problems }, Lang::Id) => format!(
                "pengaturan formulir tidak valid: {}",
                summary(problems, Lang::Id)
            ),
            (
                FormError::InvalidJson {
                    line,
                    column,
                    detail,
                },
                Lang::Id,
            ) => crate::error::json_message_id(*line, *column, detail),
        }
    }
}

fn json_error(e: serde_json::Error) -> FormError {
    FormError::InvalidJson {
        line: e.line(),
        column: e.column(),
        detail: e.to_string(),
    }
}

fn invalid(problems: Vec<Problem>) -> FormError {
    FormError::Invalid { problems }
}

// ---------------------------------------------------------------------------
// Personal data
// ---------------------------------------------------------------------------

/// The kinds of personal data the form holds that [`mask`] hides.
///
/// # Example
/// ```
/// use ptsp::form::{PersonalData, mask};
/// assert_eq!(mask(PersonalData::Phone, "0812-3456-7890"), "****-****-*890");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PersonalData {
    /// A NIK (or what was typed as one).
    Nik,
    /// A phone number.
    Phone,
    /// An email address.
    Email,
}

/// A piece of personal data masked for logs, `Debug` output and messages:
/// enough to tell which value is meant, not enough to recover it.
///
/// * **NIK**: the first 4 and the last 2 characters are kept and every
///   other character becomes `*` (`3171**********01`: the province and
///   regency, and the end of the serial). A value of fewer than 12
///   characters is masked whole, so that at least half of it stays hidden.
/// * **Phone**: only the last 3 digits are kept; the other digits and every
///   letter or symbol become `*`, spaces, hyphens, dots, parentheses and
///   `+` stay (`+** ***-****-*890`).
/// * **Email**: the first character of the local part, then `***@` and the
///   domain (`s***@example.co.id`); the domain is what the office needs to
///   see, and the part after the last `@` is taken as it. A value without
///   `@` keeps only its first character.
///
/// The length of a masked NIK or phone is the length of the value (in
/// characters); a masked email always has three stars. The form's
/// messages quote values masked, and `Debug` of [`WebForm`], [`ValidForm`]
/// and [`Nik`] masks them; serde output keeps the real values, which are
/// the data the backend stores.
///
/// # Example
/// ```
/// use ptsp::form::{PersonalData, mask};
/// assert_eq!(mask(PersonalData::Nik, "3171011708260001"), "3171**********01");
/// assert_eq!(mask(PersonalData::Nik, "12345"), "*****");
/// assert_eq!(mask(PersonalData::Phone, "+62 812-3456-7890"), "+** ***-****-*890");
/// assert_eq!(mask(PersonalData::Email, "Siti.Rahayu@Example.co.id"), "S***@Example.co.id");
/// assert_eq!(mask(PersonalData::Email, "no-at-sign"), "n***");
/// ```
pub fn mask(kind: PersonalData, value: &str) -> String {
    match kind {
        PersonalData::Nik => {
            let n = value.chars().count();
            let (head, tail) = if n >= 12 { (4, 2) } else { (0, 0) };
            value
                .chars()
                .enumerate()
                .map(|(i, c)| if i < head || i + tail >= n { c } else { '*' })
                .collect()
        }
        PersonalData::Phone => {
            let digits = value.chars().filter(char::is_ascii_digit).count();
            let mut seen = 0usize;
            value
                .chars()
                .map(|c| match c {
                    ' ' | '-' | '.' | '(' | ')' | '+' => c,
                    '0'..='9' => {
                        seen += 1;
                        if seen + 3 > digits { c } else { '*' }
                    }
                    _ => '*',
                })
                .collect()
        }
        PersonalData::Email => {
            let mut out: String = value.chars().take(1).filter(|&c| c != '@').collect();
            out.push_str("***");
            if let Some(at) = value.rfind('@') {
                out.push_str(&value[at..]);
            }
            out
        }
    }
}

// ---------------------------------------------------------------------------
// Provinces
// ---------------------------------------------------------------------------

const PROVINCES_JSON: &str = include_str!("../data/id-province-codes.json");

/// One Kemendagri province code, with the legal instrument that set it.
///
/// The list is `core/data/id-province-codes.json`: Permendagri 72/2019
/// (34 provinces), Kepmendagri 100.1.1-6117/2022 (Papua Selatan, Papua
/// Tengah, Papua Pegunungan) and Kepmendagri 300.2.2-2138/2025 (Papua Barat
/// Daya); the file records the evidence for each and what could not be
/// verified.
///
/// # Example
/// ```
/// let p = ptsp::form::provinces().iter().find(|p| p.code == "35").unwrap();
/// assert_eq!(p.name, "Jawa Timur");
/// assert_eq!(p.source, "permendagri-72-2019");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Province {
    /// Two-digit code, e.g. `"35"`.
    pub code: String,
    /// Name, e.g. `"Jawa Timur"`.
    pub name: String,
    /// Id of the source instrument in the data file.
    pub source: String,
}

struct ProvinceTable {
    list: Vec<Province>,
    by_code: [Option<u8>; 100],
}

#[derive(Deserialize)]
struct ProvinceFile {
    provinces: Vec<Province>,
}

static PROVINCES: LazyLock<ProvinceTable> = LazyLock::new(|| {
    let file: ProvinceFile = serde_json::from_str(PROVINCES_JSON)
        .expect("built-in id-province-codes.json is valid (tested)");
    let mut by_code = [None; 100];
    for (i, p) in file.provinces.iter().enumerate() {
        let code: usize = p
            .code
            .parse()
            .expect("built-in province codes are two digits (tested)");
        by_code[code] = Some(i as u8);
    }
    ProvinceTable {
        list: file.provinces,
        by_code,
    }
});

/// All Kemendagri province codes a NIK can start with, in code order.
///
/// # Example
/// ```
/// let all = ptsp::form::provinces();
/// assert_eq!(all.len(), 38);
/// assert_eq!(all[0].name, "Aceh");
/// assert_eq!(all[37].code, "96");
/// ```
pub fn provinces() -> &'static [Province] {
    &PROVINCES.list
}

/// The name of the province with this two-digit Kemendagri code.
///
/// # Example
/// ```
/// use ptsp::form::province_name;
/// assert_eq!(province_name("91"), Some("Papua"));
/// assert_eq!(province_name("94"), Some("Papua Tengah"));
/// assert_eq!(province_name("20"), None);
/// ```
pub fn province_name(code: &str) -> Option<&'static str> {
    let b = code.as_bytes();
    if b.len() != 2 || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    province_by_number(two(b[0], b[1]))
}

fn province_by_number(n: u8) -> Option<&'static str> {
    let t = &*PROVINCES;
    t.by_code
        .get(usize::from(n))
        .copied()
        .flatten()
        .map(|i| t.list[usize::from(i)].name.as_str())
}

fn two(a: u8, b: u8) -> u8 {
    (a - b'0') * 10 + (b - b'0')
}

// ---------------------------------------------------------------------------
// NIK
// ---------------------------------------------------------------------------

/// Sex as encoded in a NIK (women's birth day is written plus 40).
///
/// # Example
/// ```
/// use ptsp::form::Sex;
/// assert_eq!(serde_json::to_string(&Sex::Female)?, "\"female\"");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    /// *Laki-laki*: birth day written 01–31.
    Male,
    /// *Perempuan*: birth day written 41–71.
    Female,
}

/// Whether digits 3–4 of a region code name a regency or a city.
///
/// # Example
/// ```
/// use ptsp::form::{Nik, RegencyKind};
/// let nik = Nik::parse("3578010101900001", "2026-01-01".parse()?)?;
/// assert_eq!(nik.regency_kind(), RegencyKind::City); // 78: Kota Surabaya
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RegencyKind {
    /// *Kabupaten*: codes 01–69.
    Regency,
    /// *Kota*: codes 71–99.
    City,
}

/// A checked and decoded NIK (*Nomor Induk Kependudukan*), the lifelong
/// 16-digit population number of every Indonesian resident.
///
/// | digits | meaning | checked |
/// |---|---|---|
/// | 1–2 | province code where the NIK was first registered | one of the Kemendagri codes ([`provinces`]) |
/// | 3–4 | regency (01–69) or city (71–99) code | not 00 or 70 |
/// | 5–6 | district (*kecamatan*) code | not checked (no sourced rule) |
/// | 7–12 | birth date DDMMYY; women's DD plus 40 | a real date (the century is chosen, see below) |
/// | 13–16 | serial number | not 0000 (serials start at 0001) |
///
/// The structure is Dukcapil's (e.g. dukcapil.klaten.go.id, "Arti 16 digit
/// NIK"); the regency/city ranges are those of the Kemendagri region-code
/// rules (Permendagri 58/2021). Province codes keep their meaning when a
/// province is split, so a NIK from Mimika issued before 2022 still starts
/// with 91 (Papua).
///
/// **The century.** The year has two digits. The birth date is read in the
/// most recent century that does not put it after the reference date
/// `today`: the latest year ending in those digits that is not after
/// `today`'s year, or the year a century before when the day and month are
/// still to come in `today`'s year. So `3171011708260001` (17 August '26)
/// checked on 2026-03-10 is born on 1926-08-17, and on 2026-08-17 or later
/// on 2026-08-17. A birth date is therefore never after `today`, and the
/// holder is always younger than 100 years: a NIK cannot tell a newborn
/// from a centenarian, and the younger reading is taken. Day and month are
/// still checked: day 31 of February is refused in every century, and
/// 29 February in a year the century makes a common year (`290200`
/// checked on 2000-02-28 would be 1900-02-29, which does not exist).
///
/// `Debug` shows the NIK masked (see [`mask`]); `Display`, [`Nik::as_str`]
/// and serde give the 16 digits.
///
/// # Example
/// ```
/// use ptsp::form::{Nik, Sex};
/// let nik = Nik::parse("35 15 14 450868 0002", "2026-12-01".parse()?)?;
/// assert_eq!(nik.to_string(), "3515144508680002");
/// assert_eq!(nik.province_code(), "35");
/// assert_eq!(nik.regency_code(), "3515");
/// assert_eq!(nik.district_code(), "351514");
/// assert_eq!(nik.sex(), Sex::Female);
/// assert_eq!(nik.birth_date().to_string(), "1968-08-05");
/// assert_eq!(nik.serial(), "0002");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Nik {
    digits: [u8; 16],
    birth_date: NaiveDate,
}

impl Nik {
    /// Checks and decodes a NIK. Spaces, dots and hyphens between the
    /// digits are ignored; `today` resolves the century of the birth year.
    /// The problems' messages show the NIK masked (see [`mask`]).
    ///
    /// # Example
    /// ```
    /// use ptsp::form::Nik;
    /// let today = "2026-12-01".parse()?;
    /// assert!(Nik::parse("3515140508680001", today).is_ok());
    /// let old = Nik::parse("3171011708260001", "2026-03-10".parse()?)?;
    /// assert_eq!(old.birth_date().to_string(), "1926-08-17");
    /// let err = Nik::parse("2015143102990000", today).unwrap_err();
    /// let codes: Vec<&str> = err.problems().iter().map(|p| p.code.as_str()).collect();
    /// assert_eq!(codes, ["invalid_nik_region", "invalid_nik_birth_date", "invalid_nik_serial"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parse(text: &str, today: NaiveDate) -> Result<Nik, FormError> {
        let mut out = Vec::new();
        match check_nik(text.trim(), today, &mut out) {
            Some(nik) => Ok(nik),
            None => Err(invalid(out)),
        }
    }

    /// The 16 digits.
    ///
    /// # Example
    /// ```
    /// let nik = ptsp::form::Nik::parse("3515-1405-0868-0001", "2026-01-01".parse()?)?;
    /// assert_eq!(nik.as_str(), "3515140508680001");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn as_str(&self) -> &str {
        // Only ASCII digits are ever stored.
        std::str::from_utf8(&self.digits).unwrap_or_default()
    }

    /// The two-digit province code (digits 1–2).
    ///
    /// # Example
    /// ```
    /// let nik = ptsp::form::Nik::parse("3515140508680001", "2026-01-01".parse()?)?;
    /// assert_eq!(nik.province_code(), "35");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn province_code(&self) -> &str {
        &self.as_str()[..2]
    }

    /// The name of the province (see [`provinces`]).
    ///
    /// # Example
    /// ```
    /// let nik = ptsp::form::Nik::parse("9401010101900001", "2026-01-01".parse()?)?;
    /// assert_eq!(nik.province_name(), "Papua Tengah");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn province_name(&self) -> &'static str {
        province_by_number(two(self.digits[0], self.digits[1])).unwrap_or_default()
    }

    /// The four-digit regency or city code (digits 1–4).
    ///
    /// # Example
    /// ```
    /// let nik = ptsp::form::Nik::parse("3515140508680001", "2026-01-01".parse()?)?;
    /// assert_eq!(nik.regency_code(), "3515");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn regency_code(&self) -> &str {
        &self.as_str()[..4]
    }

    /// Whether digits 3–4 name a regency or a city.
    ///
    /// # Example
    /// ```
    /// let nik = ptsp::form::Nik::parse("3515140508680001", "2026-01-01".parse()?)?;
    /// assert_eq!(nik.regency_kind(), ptsp::form::RegencyKind::Regency);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn regency_kind(&self) -> RegencyKind {
        if self.digits[2] >= b'7' {
            RegencyKind::City
        } else {
            RegencyKind::Regency
        }
    }

    /// The six-digit district (*kecamatan*) code (digits 1–6).
    ///
    /// # Example
    /// ```
    /// let nik = ptsp::form::Nik::parse("3515140508680001", "2026-01-01".parse()?)?;
    /// assert_eq!(nik.district_code(), "351514");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn district_code(&self) -> &str {
        &self.as_str()[..6]
    }

    /// The decoded birth date.
    ///
    /// # Example
    /// ```
    /// let nik = ptsp::form::Nik::parse("3515140508050001", "2026-01-01".parse()?)?;
    /// assert_eq!(nik.birth_date().to_string(), "2005-08-05");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn birth_date(&self) -> NaiveDate {
        self.birth_date
    }

    /// The sex encoded in the birth day.
    ///
    /// # Example
    /// ```
    /// let nik = ptsp::form::Nik::parse("3515140508680001", "2026-01-01".parse()?)?;
    /// assert_eq!(nik.sex(), ptsp::form::Sex::Male);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn sex(&self) -> Sex {
        if self.digits[6] >= b'4' {
            Sex::Female
        } else {
            Sex::Male
        }
    }

    /// The four-digit serial number (digits 13–16).
    ///
    /// # Example
    /// ```
    /// let nik = ptsp::form::Nik::parse("3515140508680001", "2026-01-01".parse()?)?;
    /// assert_eq!(nik.serial(), "0001");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn serial(&self) -> &str {
        &self.as_str()[12..]
    }
}

impl fmt::Display for Nik {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Masked: `Nik("3515**********02")`.
impl fmt::Debug for Nik {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Nik")
            .field(&mask(PersonalData::Nik, self.as_str()))
            .finish()
    }
}

/// Serialised as an object: `nik`, `province_code`, `province`,
/// `regency_code`, `regency_kind`, `district_code`, `birth_date` (ISO 8601),
/// `sex`, `serial`.
impl Serialize for Nik {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Nik", 9)?;
        st.serialize_field("nik", self.as_str())?;
        st.serialize_field("province_code", self.province_code())?;
        st.serialize_field("province", self.province_name())?;
        st.serialize_field("regency_code", self.regency_code())?;
        st.serialize_field("regency_kind", &self.regency_kind())?;
        st.serialize_field("district_code", self.district_code())?;
        st.serialize_field("birth_date", &self.birth_date)?;
        st.serialize_field("sex", &self.sex())?;
        st.serialize_field("serial", self.serial())?;
        st.end()
    }
}

/// The year a NIK's two-digit year `yy` means for a birth on `month`/`day`
/// (as written; not checked here): the most recent century that does not
/// put the birth after `today` (see [`Nik`]).
fn birth_year(yy: i32, month: u32, day: u32, today: NaiveDate) -> i32 {
    // The latest year ending in yy that is not after today's year …
    let year = today.year() - (today.year() - yy).rem_euclid(100);
    // … or a century earlier when that day is still to come this year.
    if year == today.year() && (month, day) > (today.month(), today.day()) {
        year - 100
    } else {
        year
    }
}

/// Checks a trimmed, non-empty NIK; pushes its problems (path `nik`). The
/// messages show the NIK masked.
fn check_nik(t: &str, today: NaiveDate, out: &mut Vec<Problem>) -> Option<Nik> {
    let shown = || quote(&mask(PersonalData::Nik, t));
    let mut d = [0u8; 16];
    let mut n = 0usize;
    for (at, &b) in t.as_bytes().iter().enumerate() {
        match b {
            b'0'..=b'9' => {
                if n < 16 {
                    d[n] = b;
                }
                n += 1;
            }
            b' ' | b'.' | b'-' => {}
            _ => {
                // The character (not byte) position, for the message.
                let i = t[..at].chars().count();
                let c = t[at..].chars().next().unwrap_or_default();
                out.push(Problem::new(
                    "nik",
                    "invalid_nik_digits",
                    format!(
                        "nik {} contains {c:?} at character {}: expected 16 digits 0-9",
                        shown(),
                        i + 1
                    ),
                    format!(
                        "NIK {} mengandung {c:?} pada karakter ke-{}: seharusnya 16 angka 0-9",
                        shown(),
                        i + 1
                    ),
                ));
                return None;
            }
        }
    }
    if n != 16 {
        out.push(Problem::new(
            "nik",
            "invalid_nik_length",
            format!("nik {} has {n} digits: expected 16", shown()),
            format!("NIK {} berisi {n} angka: seharusnya 16", shown()),
        ));
        return None;
    }
    let before = out.len();
    let s = quote(&mask(
        PersonalData::Nik,
        std::str::from_utf8(&d).unwrap_or_default(),
    ));
    let province = two(d[0], d[1]);
    if province_by_number(province).is_none() {
        out.push(Problem::new(
            "nik",
            "invalid_nik_region",
            format!(
                "nik {s} starts with province code {province:02}, which is not a Kemendagri province code"
            ),
            format!(
                "NIK {s} diawali kode provinsi {province:02} yang bukan kode provinsi Kemendagri"
            ),
        ));
    }
    let regency = two(d[2], d[3]);
    if regency == 0 || regency == 70 {
        out.push(Problem::new(
            "nik",
            "invalid_nik_region",
            format!(
                "nik {s} has regency/city code {regency:02} (digits 3-4): expected 01-69 for a regency or 71-99 for a city"
            ),
            format!(
                "NIK {s} memiliki kode kabupaten/kota {regency:02} (digit 3-4): seharusnya 01-69 untuk kabupaten atau 71-99 untuk kota"
            ),
        ));
    }
    let dd = two(d[6], d[7]);
    let mm = two(d[8], d[9]);
    let yy = i32::from(two(d[10], d[11]));
    let day = match dd {
        1..=31 => Some(dd),
        41..=71 => Some(dd - 40),
        _ => None,
    };
    let date = day.and_then(|day| {
        let (month, day) = (u32::from(mm), u32::from(day));
        NaiveDate::from_ymd_opt(birth_year(yy, month, day, today), month, day)
    });
    match (day, date) {
        (None, _) => out.push(Problem::new(
            "nik",
            "invalid_nik_birth_date",
            format!(
                "nik {s} has birth day {dd:02} (digits 7-8): expected 01-31 for a man or 41-71 for a woman (day plus 40)"
            ),
            format!(
                "NIK {s} memiliki tanggal lahir {dd:02} (digit 7-8): seharusnya 01-31 untuk laki-laki atau 41-71 untuk perempuan (tanggal ditambah 40)"
            ),
        )),
        (Some(day), None) => {
            let year = birth_year(yy, u32::from(mm), u32::from(day), today);
            out.push(Problem::new(
                "nik",
                "invalid_nik_birth_date",
                format!(
                    "nik {s} encodes a birth date (digits 7-12, DDMMYY) that is not a calendar date: day {day}, month {mm}, year {year}"
                ),
                format!(
                    "NIK {s} memuat tanggal lahir (digit 7-12, DDMMYY) yang bukan tanggal yang ada: tanggal {day}, bulan {mm}, tahun {year}"
                ),
            ))
        }
        (Some(_), Some(_)) => {}
    }
    if &d[12..] == b"0000" {
        out.push(Problem::new(
            "nik",
            "invalid_nik_serial",
            format!("nik {s} ends with serial 0000 (digits 13-16): serials start at 0001"),
            format!("NIK {s} diakhiri nomor urut 0000 (digit 13-16): nomor urut dimulai dari 0001"),
        ));
    }
    match date {
        Some(birth_date) if out.len() == before => Some(Nik {
            digits: d,
            birth_date,
        }),
        _ => None,
    }
}

// ---------------------------------------------------------------------------
// Phone
// ---------------------------------------------------------------------------

/// Normalises an Indonesian phone number to E.164 (`+62` and the national
/// significant number, without the trunk prefix 0).
///
/// Accepted notations: `0812-3456-7890`, `+62 812 3456 7890`,
/// `(+62) 812…`, `62812…`, `(021) 3456 7890`, `+62 (0)21 …`, with spaces,
/// hyphens, dots and parentheses anywhere and one `+` before the first
/// digit; a bare mobile number `812…` (forms that show a fixed `+62`
/// label). The national significant number must then be
///
/// * **mobile**: `8` then a digit other than 0 and 4, 9–12 digits in all
///   (10–13 digits written with the leading 0);
/// * **landline**: starting with 2–7 or 9 (area code then subscriber
///   number), 7–11 digits in all; the area code itself is not checked.
///
/// The lengths and leading digits are those of Google's libphonenumber
/// metadata for Indonesia (`mobile`: `8[1-35-9]\d{7,10}`, possible lengths
/// 9–12; `fixedLine`: possible lengths 7–11), which agree with the
/// operator practice of 10–13-digit mobile numbers written with 0.
/// Numbers of other countries, short codes (`1…`), `80x` service numbers
/// and `84…` are refused. A result always matches
/// `^\+62[1-9][0-9]{6,11}$`. A problem's message shows the number masked
/// (see [`mask`]).
///
/// # Example
/// ```
/// use ptsp::form::normalize_phone;
/// assert_eq!(normalize_phone("0812-3456-7890")?, "+6281234567890");
/// assert_eq!(normalize_phone("(031) 3520 7000")?, "+623135207000");
/// assert_eq!(normalize_phone("+62 (0)21 5790 1234")?, "+622157901234");
/// let err = normalize_phone("+65 6123 4567").unwrap_err();
/// assert_eq!(err.problems()[0].code, "invalid_phone");
/// assert!(err.problems()[0].message.starts_with("phone \"+** **** *567\" is not an Indonesian number"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn normalize_phone(text: &str) -> Result<String, FormError> {
    let mut out = Vec::new();
    match check_phone(text.trim(), &mut out) {
        Some(p) => Ok(p),
        None => Err(invalid(out)),
    }
}

enum PhoneFault {
    Character(char, usize),
    Foreign,
    Prefix,
    Mobile(usize),
    Landline(usize),
    TooLong(usize),
    Range,
}

/// The national significant number of a trimmed phone number: digits in
/// `buf[start..n]`, returned as `(start, n)`.
fn phone_nsn(t: &str, buf: &mut [u8; 24]) -> Result<(usize, usize), PhoneFault> {
    let mut n = 0usize;
    let bytes = t.as_bytes();
    let mut plus = false;
    for (i, &x) in bytes.iter().enumerate() {
        match x {
            // One + before the first digit: "+62 …", "(+62) …".
            b'+' if n == 0 && !plus => plus = true,
            b'0'..=b'9' => {
                if n < buf.len() {
                    buf[n] = x;
                }
                n += 1;
            }
            b' ' | b'-' | b'.' | b'(' | b')' => {}
            _ => {
                // The character (not byte) position, for the message.
                let pos = t[..i].chars().count();
                let c = t[i..].chars().next().unwrap_or_default();
                return Err(PhoneFault::Character(c, pos + 1));
            }
        }
    }
    if n > buf.len() {
        return Err(PhoneFault::TooLong(n));
    }
    let digits = &buf[..n];
    let (start, international) = if digits.starts_with(b"62") {
        (2, true)
    } else if plus {
        return Err(PhoneFault::Foreign);
    } else if digits.starts_with(b"0") {
        (1, false)
    } else if digits.starts_with(b"8") {
        (0, false)
    } else {
        return Err(PhoneFault::Prefix);
    };
    // "+62 (0)21 …": the trunk 0 written after the country code.
    let start = if international && digits.get(start) == Some(&b'0') {
        start + 1
    } else {
        start
    };
    let nsn = &digits[start..];
    let len = nsn.len();
    match nsn.first() {
        Some(b'8') => {
            let second_ok = matches!(nsn.get(1), Some(b'1'..=b'3' | b'5'..=b'9'));
            if second_ok && (9..=12).contains(&len) {
                Ok((start, n))
            } else if !second_ok && len >= 2 {
                Err(PhoneFault::Range)
            } else {
                Err(PhoneFault::Mobile(len))
            }
        }
        Some(b'2'..=b'7' | b'9') if (7..=11).contains(&len) => Ok((start, n)),
        Some(b'2'..=b'7' | b'9') => Err(PhoneFault::Landline(len)),
        Some(_) => Err(PhoneFault::Range),
        None => Err(PhoneFault::Landline(0)),
    }
}

/// Checks a trimmed, non-empty phone number; pushes its problem (path
/// `phone`), the number masked in the messages.
fn check_phone(t: &str, out: &mut Vec<Problem>) -> Option<String> {
    let mut buf = [0u8; 24];
    match phone_nsn(t, &mut buf) {
        Ok((start, n)) => {
            let mut s = String::with_capacity(3 + n - start);
            s.push_str("+62");
            s.push_str(std::str::from_utf8(&buf[start..n]).unwrap_or_default());
            Some(s)
        }
        Err(fault) => {
            let q = quote(&mask(PersonalData::Phone, t));
            let (en, id) = match fault {
                PhoneFault::Character(c, pos) => (
                    format!(
                        "phone {q} contains {c:?} at character {pos}: expected digits, optionally with spaces, hyphens, dots, parentheses and a leading +"
                    ),
                    format!(
                        "nomor telepon {q} mengandung {c:?} pada karakter ke-{pos}: seharusnya angka, boleh dengan spasi, tanda hubung, titik, tanda kurung dan + di depan"
                    ),
                ),
                PhoneFault::Foreign => (
                    format!("phone {q} is not an Indonesian number: expected +62 after the +"),
                    format!(
                        "nomor telepon {q} bukan nomor Indonesia: seharusnya +62 setelah tanda +"
                    ),
                ),
                PhoneFault::Prefix => (
                    format!("phone {q} has no prefix: expected it to start with 0, 62 or +62"),
                    format!("nomor telepon {q} tidak berawalan: seharusnya diawali 0, 62 atau +62"),
                ),
                PhoneFault::Mobile(len) => (
                    format!(
                        "phone {q} is a mobile number of {len} digits after the prefix: expected 9-12 (10-13 written with 0)"
                    ),
                    format!(
                        "nomor telepon {q} adalah nomor seluler {len} angka setelah awalan: seharusnya 9-12 (10-13 bila ditulis dengan 0)"
                    ),
                ),
                PhoneFault::Landline(len) => (
                    format!(
                        "phone {q} has {len} digits after the prefix: expected 7-11 for a landline (area code and number) or 9-12 for a mobile number"
                    ),
                    format!(
                        "nomor telepon {q} berisi {len} angka setelah awalan: seharusnya 7-11 untuk telepon rumah (kode wilayah dan nomor) atau 9-12 untuk nomor seluler"
                    ),
                ),
                PhoneFault::TooLong(n) => (
                    format!("phone {q} has {n} digits: expected at most 15 with the country code"),
                    format!(
                        "nomor telepon {q} berisi {n} angka: seharusnya paling banyak 15 dengan kode negara"
                    ),
                ),
                PhoneFault::Range => (
                    format!(
                        "phone {q} is not a subscriber number: expected a mobile number starting 08 (not 080 or 084) or an area code starting 02-07 or 09"
                    ),
                    format!(
                        "nomor telepon {q} bukan nomor pelanggan: seharusnya nomor seluler berawalan 08 (bukan 080 atau 084) atau kode wilayah berawalan 02-07 atau 09"
                    ),
                ),
            };
            out.push(Problem::new("phone", "invalid_phone", en, id));
            None
        }
    }
}

// ---------------------------------------------------------------------------
// Email
// ---------------------------------------------------------------------------

/// Checks an email address and lower-cases its domain (the local part is
/// kept as written: it may be case-sensitive).
///
/// A pragmatic syntactic check, **not** full RFC 5322: one `@` between a
/// local part of 1–64 bytes and a domain; at most 254 bytes in all; no
/// whitespace or control characters; no quoted local parts, so none of
/// `"(),:;<>[\]`; no leading, trailing or doubled dot in the local part; a
/// domain of at least two dot-separated labels of 1–63 bytes made of
/// letters (internationalised letters allowed), digits and inner hyphens,
/// the last one not all digits. Whether the mailbox exists is not checked.
/// A problem's message shows the address masked (see [`mask`]).
///
/// # Example
/// ```
/// use ptsp::form::normalize_email;
/// assert_eq!(normalize_email(" Budi.Santoso@Jatimprov.GO.ID ")?, "Budi.Santoso@jatimprov.go.id");
/// let err = normalize_email("budi@localhost").unwrap_err();
/// assert_eq!(err.problems()[0].code, "invalid_email");
/// assert!(err.problems()[0].message.starts_with("email \"b***@localhost\" has domain"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn normalize_email(text: &str) -> Result<String, FormError> {
    let mut out = Vec::new();
    match check_email(text.trim(), &mut out) {
        Some(e) => Ok(e),
        None => Err(invalid(out)),
    }
}

/// Why an address is refused: (English, Indonesian) explanations.
fn email_fault(t: &str) -> Option<(String, String)> {
    if t.len() > 254 {
        return Some((
            format!("is {} bytes long: expected at most 254", t.len()),
            format!("panjangnya {} byte: seharusnya paling banyak 254", t.len()),
        ));
    }
    let spaced = if t.is_ascii() {
        t.bytes().any(|b| b <= b' ' || b == 0x7f)
    } else {
        t.chars().any(|c| c.is_whitespace() || c.is_control())
    };
    if let Some((i, c)) = spaced
        .then(|| {
            t.chars()
                .enumerate()
                .find(|(_, c)| c.is_whitespace() || c.is_control())
        })
        .flatten()
    {
        return Some((
            format!(
                "contains {c:?} at character {}: expected no spaces or control characters",
                i + 1
            ),
            format!(
                "mengandung {c:?} pada karakter ke-{}: seharusnya tanpa spasi atau karakter kontrol",
                i + 1
            ),
        ));
    }
    let at = t.bytes().position(|b| b == b'@');
    let Some((local, domain)) = at.map(|i| (&t[..i], &t[i + 1..])) else {
        return Some((
            "has no @: expected name@domain".to_owned(),
            "tidak memuat @: seharusnya nama@domain".to_owned(),
        ));
    };
    if domain.bytes().any(|b| b == b'@') {
        return Some((
            "has more than one @: expected exactly one".to_owned(),
            "memuat lebih dari satu @: seharusnya tepat satu".to_owned(),
        ));
    }
    if local.is_empty() || local.len() > 64 {
        return Some((
            format!(
                "has a local part of {} bytes before the @: expected 1-64",
                local.len()
            ),
            format!(
                "bagian sebelum @ berisi {} byte: seharusnya 1-64",
                local.len()
            ),
        ));
    }
    let special = |b: u8| {
        matches!(
            b,
            b'"' | b'(' | b')' | b',' | b':' | b';' | b'<' | b'>' | b'[' | b'\\' | b']'
        )
    };
    if let Some(&b) = local.as_bytes().iter().find(|&&b| special(b)) {
        let c = char::from(b);
        return Some((
            format!("contains {c:?} before the @: quoted or special local parts are not accepted"),
            format!(
                "mengandung {c:?} sebelum @: bagian lokal berkutip atau berkarakter khusus tidak diterima"
            ),
        ));
    }
    let lb = local.as_bytes();
    if lb.first() == Some(&b'.') || lb.last() == Some(&b'.') || lb.windows(2).any(|w| w == b"..") {
        return Some((
            "has a misplaced dot before the @: expected no leading, trailing or double dot"
                .to_owned(),
            "memiliki titik yang salah tempat sebelum @: seharusnya tanpa titik di awal, di akhir atau ganda"
                .to_owned(),
        ));
    }
    let mut labels = 0usize;
    let mut last = "";
    for label in domain.split('.') {
        labels += 1;
        last = label;
        let ok = !label.is_empty()
            && label.len() <= 63
            && !label.starts_with('-')
            && !label.ends_with('-')
            && if label.is_ascii() {
                label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
            } else {
                label.chars().all(|c| c.is_alphanumeric() || c == '-')
            };
        if !ok {
            return Some((
                format!(
                    "has a bad domain label {}: expected 1-63 letters, digits or inner hyphens between dots",
                    quote(label)
                ),
                format!(
                    "memiliki label domain {} yang salah: seharusnya 1-63 huruf, angka atau tanda hubung di tengah, dipisah titik",
                    quote(label)
                ),
            ));
        }
    }
    if labels < 2 {
        return Some((
            format!(
                "has domain {} without a dot: expected e.g. example.co.id",
                quote(domain)
            ),
            format!(
                "memiliki domain {} tanpa titik: seharusnya mis. example.co.id",
                quote(domain)
            ),
        ));
    }
    if last.bytes().all(|b| b.is_ascii_digit()) {
        return Some((
            format!(
                "ends with the numeric label {}: expected a top-level domain such as id or com",
                quote(last)
            ),
            format!(
                "diakhiri label angka {}: seharusnya domain tingkat atas seperti id atau com",
                quote(last)
            ),
        ));
    }
    None
}

/// Checks a trimmed, non-empty address; pushes its problem (path `email`),
/// the address masked in the messages.
fn check_email(t: &str, out: &mut Vec<Problem>) -> Option<String> {
    match email_fault(t) {
        None => {
            let at = t.bytes().position(|b| b == b'@').unwrap_or_default();
            let mut s = t.to_owned();
            s[at + 1..].make_ascii_lowercase();
            Some(s)
        }
        Some((en, id)) => {
            let q = quote(&mask(PersonalData::Email, t));
            out.push(Problem::new(
                "email",
                "invalid_email",
                format!("email {q} {en}"),
                format!("email {q} {id}"),
            ));
            None
        }
    }
}

// ---------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------

/// A validated form, normalised: text trimmed, the phone in E.164, the
/// email's domain lower-cased, the NIK decoded, attachment formats
/// lower-cased; blank optional fields are `None`.
///
/// Serialises to JSON for the bindings, with the real NIK, email and phone
/// (the data the backend stores); `Debug` masks them (see [`mask`]).
/// [`ValidForm::to_form`] gives the [`WebForm`] that validates to this same
/// value again.
///
/// # Example
/// ```
/// use ptsp::form::{FormLimits, TicketKind, WebForm, validate};
/// let form = WebForm::new(TicketKind::Consultation, "Budi", "Syarat izin",
///         "Apa saja syarat izin operasional klinik pratama?")
///     .with_phone("+62 812-3456-789");
/// let valid = validate(&form, &FormLimits::default(), "2026-12-01".parse()?)?;
/// let json = serde_json::to_value(&valid)?;
/// assert_eq!(json["kind"], "konsultasi");
/// assert_eq!(json["phone"], "+628123456789");
/// assert_eq!(json["nik"], serde_json::Value::Null);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq, Serialize)]
pub struct ValidForm {
    /// Consultation, complaint or suggestion.
    pub kind: TicketKind,
    /// The applicant's name, trimmed.
    pub name: String,
    /// The decoded NIK.
    pub nik: Option<Nik>,
    /// Email address with lower-cased domain.
    pub email: Option<String>,
    /// Phone number in E.164, `+62…`.
    pub phone: Option<String>,
    /// Subject, trimmed.
    pub subject: String,
    /// Question or complaint, trimmed, line breaks as LF.
    pub text: String,
    /// Attachments: names trimmed, formats lower-case without a dot.
    pub attachments: Vec<AttachmentMeta>,
    /// Service id, trimmed.
    pub service: Option<String>,
    /// Category, trimmed.
    pub category: Option<String>,
}

impl ValidForm {
    /// The form that validates to this value again (the NIK as its 16
    /// digits).
    ///
    /// # Example
    /// ```
    /// use ptsp::form::{FormLimits, TicketKind, WebForm, validate};
    /// let (limits, today) = (FormLimits::default(), "2026-12-01".parse()?);
    /// let form = WebForm::new(TicketKind::Complaint, " Ani ", "Izin terlambat",
    ///         "Izin saya terlambat dua minggu dari jadwal.")
    ///     .with_nik("3515 1445 0868 0002").with_email("ani@MAIL.com");
    /// let once = validate(&form, &limits, today)?;
    /// let twice = validate(&once.to_form(), &limits, today)?;
    /// assert_eq!(once, twice);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_form(&self) -> WebForm {
        WebForm {
            kind: Some(self.kind),
            name: self.name.clone(),
            nik: self.nik.map(|n| n.to_string()),
            email: self.email.clone(),
            phone: self.phone.clone(),
            subject: self.subject.clone(),
            text: self.text.clone(),
            attachments: self.attachments.clone(),
            service: self.service.clone(),
            category: self.category.clone(),
        }
    }
}

impl fmt::Debug for ValidForm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let masked = |v: &Option<String>, kind| v.as_deref().map(|v| mask(kind, v));
        f.debug_struct("ValidForm")
            .field("kind", &self.kind)
            .field("name", &self.name)
            .field("nik", &self.nik)
            .field("email", &masked(&self.email, PersonalData::Email))
            .field("phone", &masked(&self.phone, PersonalData::Phone))
            .field("subject", &self.subject)
            .field("text", &self.text)
            .field("attachments", &self.attachments)
            .field("service", &self.service)
            .field("category", &self.category)
            .finish()
    }
}

/// Validates a web form against the office's settings, with `today` as the
/// reference date for NIK birth dates. Returns the normalised form, or
/// [`FormError::Invalid`] with **every** problem found, in the field order
/// given in the [module documentation](self).
///
/// Problem codes: `required`, `too_short`, `too_long`,
/// `invalid_characters`, `invalid_nik_digits`, `invalid_nik_length`,
/// `invalid_nik_region`, `invalid_nik_birth_date`, `invalid_nik_serial`,
/// `invalid_email`, `invalid_phone`, `contact_required`,
/// `too_many_attachments`, `attachments_too_large`, `invalid_file_name`,
/// `wrong_format`, `empty_file`, `file_too_large`. Messages quote the
/// values they are about, except the NIK, email and phone, which they
/// show masked (see [`mask`]).
///
/// Without a `kind`, the consultation rules apply to the other fields.
///
/// # Example
/// ```
/// use ptsp::form::{FormLimits, TicketKind, WebForm, validate};
/// let form = WebForm::new(TicketKind::Complaint, "Budi", "Izin belum terbit",
///         "Sudah tiga minggu izin saya belum terbit.")
///     .with_email("budi@example.com")
///     .with_attachment("bukti.docx", "docx", 9_000_000);
/// let err = validate(&form, &FormLimits::default(), "2026-12-01".parse()?).unwrap_err();
/// let found: Vec<(&str, &str)> =
///     err.problems().iter().map(|p| (p.path.as_str(), p.code.as_str())).collect();
/// assert_eq!(found, [
///     ("nik", "required"),
///     ("attachments[0].format", "wrong_format"),
///     ("attachments[0].bytes", "file_too_large"),
/// ]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn validate(
    form: &WebForm,
    limits: &FormLimits,
    today: NaiveDate,
) -> Result<ValidForm, FormError> {
    let mut out = Vec::new();
    if form.kind.is_none() {
        out.push(Problem::new(
            "kind",
            "required",
            "kind is required: expected \"konsultasi\", \"pengaduan\" or \"saran\"",
            "jenis wajib dipilih: seharusnya \"konsultasi\", \"pengaduan\" atau \"saran\"",
        ));
    }
    let rules = *limits.rules(form.kind.unwrap_or(TicketKind::Consultation));

    let name = text_field(&form.name, NAME, limits.name, false, &mut out);

    let nik = match blank_to_none(&form.nik) {
        Some(t) => check_nik(t, today, &mut out),
        None => {
            if rules.nik_required {
                out.push(required(NIK));
            }
            None
        }
    };
    let email_in = blank_to_none(&form.email);
    let email = match email_in {
        Some(t) => check_email(t, &mut out),
        None => {
            if rules.email_required {
                out.push(required(EMAIL));
            }
            None
        }
    };
    let phone_in = blank_to_none(&form.phone);
    let phone = match phone_in {
        Some(t) => check_phone(t, &mut out),
        None => {
            if rules.phone_required {
                out.push(required(PHONE));
            }
            None
        }
    };
    if limits.require_contact && email_in.is_none() && phone_in.is_none() {
        out.push(Problem::new(
            "contact",
            "contact_required",
            "a contact is required: fill in an email address or a phone number",
            "kontak wajib diisi: isi alamat email atau nomor telepon",
        ));
    }

    let subject = text_field(&form.subject, SUBJECT, limits.subject, false, &mut out);
    let text = text_field(&form.text, TEXT, limits.text, true, &mut out);

    let label = CharRange {
        min: 1,
        max: limits.label_max,
    };
    let service = match blank_to_none(&form.service) {
        Some(t) => text_field(t, SERVICE, label, false, &mut out),
        None => {
            if rules.service_required {
                out.push(required(SERVICE));
            }
            None
        }
    };
    let category =
        blank_to_none(&form.category).and_then(|t| text_field(t, CATEGORY, label, false, &mut out));

    let attachments = check_attachments(&form.attachments, limits, &mut out);

    match form.kind {
        Some(kind) if out.is_empty() => Ok(ValidForm {
            kind,
            name: name.unwrap_or_default(),
            nik,
            email,
            phone,
            subject: subject.unwrap_or_default(),
            text: text.unwrap_or_default(),
            attachments,
            service,
            category,
        }),
        _ => Err(invalid(out)),
    }
}

/// A field's path and its name in both languages.
struct Field {
    path: &'static str,
    en: &'static str,
    id: &'static str,
}

const NAME: Field = Field {
    path: "name",
    en: "name",
    id: "nama",
};
const NIK: Field = Field {
    path: "nik",
    en: "nik",
    id: "NIK",
};
const EMAIL: Field = Field {
    path: "email",
    en: "email",
    id: "email",
};
const PHONE: Field = Field {
    path: "phone",
    en: "phone",
    id: "nomor telepon",
};
const SUBJECT: Field = Field {
    path: "subject",
    en: "subject",
    id: "perihal",
};
const TEXT: Field = Field {
    path: "text",
    en: "text",
    id: "isi",
};
const SERVICE: Field = Field {
    path: "service",
    en: "service",
    id: "layanan",
};
const CATEGORY: Field = Field {
    path: "category",
    en: "category",
    id: "kategori",
};

/// The longest accepted attachment format (a file extension), in
/// characters: a property of what an extension is, not an office setting.
const FORMAT_MAX: usize = 16;

fn required(f: Field) -> Problem {
    required_at(f.path.to_owned(), &f)
}

fn required_at(path: String, f: &Field) -> Problem {
    Problem::new(
        path,
        "required",
        format!("{} is required", f.en),
        format!("{} wajib diisi", f.id),
    )
}

fn blank_to_none(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(trim).filter(|t| !t.is_empty())
}

/// `str::trim`, skipped when both ends are visible ASCII (the usual case).
fn trim(s: &str) -> &str {
    let b = s.as_bytes();
    match (b.first(), b.last()) {
        (Some(&f), Some(&l)) if (b'!'..=b'~').contains(&f) && (b'!'..=b'~').contains(&l) => s,
        _ => s.trim(),
    }
}

/// Length in characters, whether a refused control character occurs, and
/// whether a CR occurs.
///
/// Fast path: text of printable ASCII only (checked 32 bytes at a time, in
/// a form that vectorises) has as many characters as bytes and no control
/// character. Otherwise one exact pass: UTF-8 continuation bytes are not
/// counted; C0 controls and DEL are single bytes; C1 controls
/// (U+0080–U+009F) are the byte pairs 0xC2 0x80–0x9F.
fn scan(s: &str, multiline: bool) -> (usize, bool, bool) {
    let b = s.as_bytes();
    let plain = printable_ascii(b);
    if plain {
        return (b.len(), false, false);
    }
    let mut chars = 0usize;
    let mut bad = false;
    let mut cr = false;
    let mut prev = 0u8;
    for &x in b {
        chars += usize::from((x as i8) >= -0x40);
        cr |= x == b'\r';
        let allowed = multiline & ((x == b'\t') | (x == b'\n') | (x == b'\r'));
        bad |=
            ((x < 0x20) & !allowed) | (x == 0x7f) | ((prev == 0xC2) & (0x80..=0x9F).contains(&x));
        prev = x;
    }
    (chars, bad, cr)
}

/// Whether every byte is printable ASCII (0x20–0x7E), eight bytes at a
/// time: a byte is outside when its high bit is set, when subtracting 0x20
/// borrows (`(w - 0x20…) & !w`), or when adding 1 reaches 0x80 (0x7F).
/// With all high bits clear no byte carries into its neighbour, so the
/// test is exact.
fn printable_ascii(b: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut words = b.chunks_exact(8);
    let mut acc = 0u64;
    for c in &mut words {
        let mut a = [0u8; 8];
        a.copy_from_slice(c);
        let w = u64::from_le_bytes(a);
        acc |= w | (w.wrapping_sub(ONES * 0x20) & !w) | w.wrapping_add(ONES);
    }
    acc & HIGH == 0 && words.remainder().iter().all(|x| (0x20..0x7f).contains(x))
}

/// Checks a free-text field: trimmed, required, length within `range`, no
/// control characters (tab and LF allowed when `multiline`).
fn text_field(
    raw: &str,
    f: Field,
    range: CharRange,
    multiline: bool,
    out: &mut Vec<Problem>,
) -> Option<String> {
    text_at(raw, || f.path.to_owned(), &f, range, multiline, out)
}

/// As [`text_field`], with the path built only when a problem is found.
fn text_at(
    raw: &str,
    path: impl Fn() -> String,
    f: &Field,
    range: CharRange,
    multiline: bool,
    out: &mut Vec<Problem>,
) -> Option<String> {
    let t = trim(raw);
    if t.is_empty() {
        out.push(required_at(path(), f));
        return None;
    }
    let (mut n, mut bad, cr) = scan(t, multiline);
    // Multi-line text: CR LF and lone CR become LF (the ends are trimmed
    // already, so no new outer whitespace appears).
    let lf = (cr && multiline).then(|| {
        let lf = t.replace("\r\n", "\n").replace('\r', "\n");
        (n, bad, _) = scan(&lf, multiline);
        lf
    });
    let t = lf.as_deref().unwrap_or(t);
    let before = out.len();
    if n < range.min {
        out.push(Problem::new(
            path(),
            "too_short",
            format!(
                "{} has {n} characters: at least {} required",
                f.en, range.min
            ),
            format!("{} berisi {n} karakter: paling sedikit {}", f.id, range.min),
        ));
    } else if n > range.max {
        out.push(Problem::new(
            path(),
            "too_long",
            format!("{} has {n} characters: at most {} allowed", f.en, range.max),
            format!("{} berisi {n} karakter: paling banyak {}", f.id, range.max),
        ));
    }
    if bad {
        let allowed = |c: char| multiline && matches!(c, '\t' | '\n' | '\r');
        let (i, c) = t
            .chars()
            .enumerate()
            .find(|&(_, c)| c.is_control() && !allowed(c))
            .unwrap_or((0, '\0'));
        let cp = u32::from(c);
        out.push(Problem::new(
            path(),
            "invalid_characters",
            format!(
                "{} contains the control character U+{cp:04X} at character {}: expected printable text",
                f.en,
                i + 1
            ),
            format!(
                "{} mengandung karakter kontrol U+{cp:04X} pada karakter ke-{}: seharusnya teks yang dapat dicetak",
                f.id,
                i + 1
            ),
        ));
    }
    if out.len() != before {
        return None;
    }
    Some(match lf {
        Some(lf) => lf,
        None => t.to_owned(),
    })
}

fn check_attachments(
    list: &[AttachmentMeta],
    limits: &FormLimits,
    out: &mut Vec<Problem>,
) -> Vec<AttachmentMeta> {
    if list.len() > limits.max_attachments {
        out.push(Problem::new(
            "attachments",
            "too_many_attachments",
            format!(
                "{} attachments: at most {} allowed",
                list.len(),
                limits.max_attachments
            ),
            format!(
                "{} lampiran: paling banyak {}",
                list.len(),
                limits.max_attachments
            ),
        ));
    }
    let total = list.iter().fold(0u64, |sum, a| sum.saturating_add(a.bytes));
    if total > limits.max_total_bytes {
        out.push(Problem::new(
            "attachments",
            "attachments_too_large",
            format!(
                "attachments total {total} bytes: at most {} allowed",
                limits.max_total_bytes
            ),
            format!(
                "total ukuran lampiran {total} byte: paling besar {}",
                limits.max_total_bytes
            ),
        ));
    }
    let mut valid = Vec::with_capacity(list.len());
    for (i, a) in list.iter().enumerate() {
        let before = out.len();
        let name = check_file_name(&a.file_name, i, limits.file_name_max, out);
        let shown = || quote(name.as_deref().unwrap_or(a.file_name.trim()));
        let format = trim(&a.format);
        let format = format.strip_prefix('.').unwrap_or(format);
        let format_path = || format!("attachments[{i}].format");
        if format.is_empty() {
            out.push(Problem::new(
                format_path(),
                "required",
                format!("the format of attachment {} is required", shown()),
                format!("format lampiran {} wajib diisi", shown()),
            ));
        } else if text_at(format, format_path, &FORMAT, FORMAT_RANGE, false, out).is_some()
            && !limits.formats.is_empty()
            && !limits
                .formats
                .iter()
                .any(|f| f.eq_ignore_ascii_case(format))
        {
            let allowed = limits.formats.join(", ");
            out.push(Problem::new(
                format!("attachments[{i}].format"),
                "wrong_format",
                format!(
                    "attachment {} has format {}: expected one of {allowed}",
                    shown(),
                    quote(format)
                ),
                format!(
                    "lampiran {} berformat {}: seharusnya salah satu dari {allowed}",
                    shown(),
                    quote(format)
                ),
            ));
        }
        if a.bytes == 0 {
            out.push(Problem::new(
                format!("attachments[{i}].bytes"),
                "empty_file",
                format!("attachment {} is empty (0 bytes)", shown()),
                format!("lampiran {} kosong (0 byte)", shown()),
            ));
        } else if a.bytes > limits.max_file_bytes {
            out.push(Problem::new(
                format!("attachments[{i}].bytes"),
                "file_too_large",
                format!(
                    "attachment {} is {} bytes: at most {} allowed",
                    shown(),
                    a.bytes,
                    limits.max_file_bytes
                ),
                format!(
                    "lampiran {} berukuran {} byte: paling besar {}",
                    shown(),
                    a.bytes,
                    limits.max_file_bytes
                ),
            ));
        }
        if out.len() == before
            && let Some(file_name) = name
        {
            valid.push(AttachmentMeta {
                file_name,
                format: format.to_ascii_lowercase(),
                bytes: a.bytes,
            });
        }
    }
    valid
}

/// An attachment's format as a text field.
const FORMAT: Field = Field {
    path: "",
    en: "format",
    id: "format",
};
const FORMAT_RANGE: CharRange = CharRange {
    min: 1,
    max: FORMAT_MAX,
};

fn check_file_name(raw: &str, i: usize, max: usize, out: &mut Vec<Problem>) -> Option<String> {
    const FILE_NAME: Field = Field {
        path: "",
        en: "file name",
        id: "nama berkas",
    };
    let path = || format!("attachments[{i}].file_name");
    let range = CharRange { min: 1, max };
    let before = out.len();
    let t = text_at(raw, path, &FILE_NAME, range, false, out)?;
    if let Some(&b) = t.as_bytes().iter().find(|&&b| b == b'/' || b == b'\\') {
        let c = char::from(b);
        out.push(Problem::new(
            path(),
            "invalid_file_name",
            format!(
                "file name {} contains {c:?}: expected a name without a folder path",
                quote(&t)
            ),
            format!(
                "nama berkas {} mengandung {c:?}: seharusnya nama tanpa jalur folder",
                quote(&t)
            ),
        ));
    }
    (out.len() == before).then_some(t)
}

/// A value quoted for a message, shortened to 40 characters.
fn quote(s: &str) -> String {
    const MAX: usize = 40;
    match s.char_indices().nth(MAX) {
        None => format!("{s:?}"),
        Some((cut, _)) => format!("{:?}", format!("{}…", &s[..cut])),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn province_data_is_complete_and_ordered() {
        let all = provinces();
        assert_eq!(all.len(), 38);
        let mut prev = 0u8;
        for p in all {
            let n: u8 = p.code.parse().unwrap();
            assert!(n > prev, "{} out of order", p.code);
            prev = n;
            assert_eq!(province_name(&p.code), Some(p.name.as_str()));
        }
        let file: serde_json::Value = serde_json::from_str(PROVINCES_JSON).unwrap();
        let sources: Vec<&str> = file["sources"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["id"].as_str().unwrap())
            .collect();
        for p in all {
            assert!(sources.contains(&p.source.as_str()), "{}", p.source);
        }
    }

    #[test]
    fn scan_counts_chars_and_finds_controls() {
        assert_eq!(scan("abc", false), (3, false, false));
        assert_eq!(scan("héllo ✓ 🙂", false), (9, false, false));
        assert_eq!(scan("a\tb", false), (3, true, false));
        assert_eq!(scan("a\tb\nc", true), (5, false, false));
        assert_eq!(scan("a\r\nb", true), (4, false, true));
        assert_eq!(scan("a\u{7f}", true), (2, true, false));
        assert_eq!(scan("a\u{85}b", true), (3, true, false));
        assert_eq!(scan("a\u{a0}b", false), (3, false, false));
        let long = "x".repeat(100) + "\u{1}";
        assert_eq!(scan(&long, false), (101, true, false));
        // Every byte value at every position of a word agrees with the
        // byte-by-byte rule.
        for pos in 0..16 {
            for x in 0..=255u8 {
                let mut b = vec![b'a'; 16];
                b[pos] = x;
                assert_eq!(
                    printable_ascii(&b),
                    (0x20..0x7f).contains(&x),
                    "{x:#x} at {pos}"
                );
            }
        }
        assert!(printable_ascii(b""));
        for c in [
            '\u{0}', '\u{1f}', '\u{7f}', '\u{80}', '\u{9f}', 'é', '\u{a0}',
        ] {
            let s = format!("x{c}y");
            assert_eq!(scan(&s, false).1, c.is_control(), "{c:?}");
        }
    }

    #[test]
    fn century_resolution() {
        let nik = |s: &str, t: &str| Nik::parse(s, day(t)).map(|n| n.birth_date().to_string());
        assert_eq!(nik("3515140101260001", "2026-01-01").unwrap(), "2026-01-01");
        assert_eq!(nik("3515140101270001", "2026-01-01").unwrap(), "1927-01-01");
        assert_eq!(nik("3515140101000001", "2026-01-01").unwrap(), "2000-01-01");
        assert_eq!(nik("3515142902000001", "2026-01-01").unwrap(), "2000-02-29");
        // A day still to come this year is a century earlier.
        assert_eq!(nik("3515140201260001", "2026-01-01").unwrap(), "1926-01-02");
        assert_eq!(nik("3171011708260001", "2026-03-10").unwrap(), "1926-08-17");
        assert_eq!(nik("3171011708260001", "2026-08-16").unwrap(), "1926-08-17");
        assert_eq!(nik("3171011708260001", "2026-08-17").unwrap(), "2026-08-17");
        // 29 February of a year the century makes common is no date.
        assert_eq!(nik("3515142902000001", "2000-02-29").unwrap(), "2000-02-29");
        assert!(nik("3515142902000001", "2000-02-28").is_err());
        assert_eq!(nik("3515142902280001", "2028-02-28").unwrap(), "1928-02-29");
        // Impossible days and months in every century.
        assert!(nik("3515143102260001", "2026-03-10").is_err());
        assert!(nik("3515140113260001", "2026-03-10").is_err());
    }

    #[test]
    fn birth_year_never_puts_the_birth_after_today() {
        let today = day("2026-03-10");
        assert_eq!(birth_year(26, 3, 10, today), 2026);
        assert_eq!(birth_year(26, 3, 11, today), 1926);
        assert_eq!(birth_year(25, 12, 31, today), 2025);
        assert_eq!(birth_year(27, 1, 1, today), 1927);
        assert_eq!(birth_year(0, 1, 1, today), 2000);
        // Far from the usual dates: no overflow, no panic.
        for t in [NaiveDate::MIN, NaiveDate::MAX] {
            for yy in [0, 50, 99] {
                let y = birth_year(yy, 12, 31, t);
                assert!(y <= t.year() && y > t.year() - 101, "{t} {yy} {y}");
            }
        }
    }

    #[test]
    fn quote_shortens() {
        assert_eq!(quote("ab"), "\"ab\"");
        let long = "é".repeat(50);
        assert_eq!(quote(&long), format!("\"{}…\"", "é".repeat(40)));
    }
}
