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
//! use ptsp::desk::form::{FormLimits, TicketKind, WebForm, validate};
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

mod email;
mod error;
mod limits;
mod nik;
mod personal;
mod phone;
mod province;
mod validate;

use std::fmt;

use serde::{Deserialize, Serialize};

pub use email::normalize_email;
pub use error::FormError;
pub use limits::{CharRange, FormLimits, KindRules};
pub use nik::{Nik, RegencyKind, Sex};
pub use personal::{PersonalData, mask};
pub use phone::normalize_phone;
pub use province::{Province, province_name, provinces};
pub use validate::{ValidForm, validate};

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
/// [`crate::desk::routing`]); the consultation flow fits it (the Operator
/// acknowledges it, or distributes it to the unit concerned).
///
/// # Example
/// ```
/// use ptsp::desk::form::TicketKind;
/// let k: TicketKind = serde_json::from_str("\"pengaduan\"")?;
/// assert_eq!(k, TicketKind::Complaint);
/// assert_eq!(serde_json::to_string(&TicketKind::Consultation)?, "\"konsultasi\"");
/// assert_eq!(serde_json::from_str::<TicketKind>("\"complaint\"")?, TicketKind::Complaint);
/// assert_eq!(serde_json::from_str::<TicketKind>("\"masukan\"")?, TicketKind::Suggestion);
/// assert_eq!(serde_json::to_string(&TicketKind::Suggestion)?, "\"saran\"");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    /// let names: Vec<&str> = ptsp::desk::form::TicketKind::ALL.iter().map(|k| k.as_str()).collect();
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
    /// assert_eq!(ptsp::desk::form::TicketKind::Complaint.as_str(), "pengaduan");
    /// assert_eq!(ptsp::desk::form::TicketKind::Suggestion.as_str(), "saran");
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
/// let a: ptsp::desk::form::AttachmentMeta = serde_json::from_str(
///     r#"{"file_name": "bukti.pdf", "format": "pdf", "bytes": 120000}"#)?;
/// assert_eq!(a.bytes, 120_000);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    /// let a = ptsp::desk::form::AttachmentMeta::new("foto.jpg", "jpg", 300_000);
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
/// let form = ptsp::desk::form::WebForm::from_json(r#"{
///     "kind": "konsultasi", "name": "Budi", "email": "budi@example.com",
///     "subject": "Syarat izin", "text": "Apa saja syarat izin operasional klinik?"
/// }"#)?;
/// assert_eq!(form.kind, Some(ptsp::desk::form::TicketKind::Consultation));
/// assert!(form.attachments.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// `Debug` masks the NIK, email and phone (see [`mask`]); serde keeps them.
#[derive(Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    /// use ptsp::desk::form::{TicketKind, WebForm};
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
    /// # use ptsp::desk::form::{TicketKind, WebForm};
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
    /// # use ptsp::desk::form::{TicketKind, WebForm};
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
    /// # use ptsp::desk::form::{TicketKind, WebForm};
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
    /// # use ptsp::desk::form::{TicketKind, WebForm};
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
    /// # use ptsp::desk::form::{TicketKind, WebForm};
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
    /// # use ptsp::desk::form::{TicketKind, WebForm};
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
    /// let err = ptsp::desk::form::WebForm::from_json(r#"{"kind": "pujian"}"#).unwrap_err();
    /// assert_eq!(err.code(), "invalid_json");
    /// assert!(ptsp::desk::form::WebForm::from_json("{}").is_ok());
    /// ```
    pub fn from_json(text: &str) -> Result<WebForm, FormError> {
        Ok(crate::error::input::from_json(text, "")?)
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
