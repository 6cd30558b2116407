//! What a form may hold: lengths, which fields each kind requires, attachments.

use crate::error::Code;
use serde::{Deserialize, Serialize};

use super::TicketKind;
use super::error::FormError;
use super::validate::{FORMAT_MAX, quote};
use crate::error::Problem;

/// An inclusive range of lengths in characters.
///
/// # Example
/// ```
/// let r = ptsp::desk::form::CharRange { min: 5, max: 150 };
/// assert!(r.contains(5) && !r.contains(151));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    /// assert!(!ptsp::desk::form::CharRange { min: 2, max: 3 }.contains(1));
    /// ```
    pub fn contains(&self, n: usize) -> bool {
        self.min <= n && n <= self.max
    }
}

/// Which fields one kind of ticket requires.
///
/// # Example
/// ```
/// let rules = ptsp::desk::form::FormLimits::default().complaint;
/// assert!(rules.nik_required && !rules.email_required);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
/// let limits = ptsp::desk::form::FormLimits::from_json(r#"{"max_attachments": 2, "formats": ["pdf"]}"#)?;
/// assert_eq!(limits.max_attachments, 2);
/// assert_eq!(limits.subject.max, 150); // default kept
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    /// use ptsp::desk::form::{FormLimits, TicketKind};
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
    /// dot. [`validate`](super::validate) does not repeat this check; run it once when the
    /// settings are loaded ([`FormLimits::from_json`] does).
    ///
    /// # Example
    /// ```
    /// let mut limits = ptsp::desk::form::FormLimits::default();
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
                    Code::InvalidRange,
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
                    Code::InvalidRange,
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
                    Code::InvalidFormat,
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
    /// use ptsp::desk::form::FormLimits;
    /// assert_eq!(FormLimits::from_json("{}")?, FormLimits::default());
    /// assert_eq!(FormLimits::from_json(r#"{"text": {"min": 9, "max": 1}}"#).unwrap_err().code(), "invalid_limits");
    /// assert_eq!(FormLimits::from_json(r#"{"colour": 1}"#).unwrap_err().code(), "invalid_json");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_json(text: &str) -> Result<FormLimits, FormError> {
        let limits: FormLimits = crate::error::input::from_json(text, "")?;
        limits.check()?;
        Ok(limits)
    }
}
