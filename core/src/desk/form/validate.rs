//! Validation of a whole form: every problem at once, in field order.

use crate::error::Code;
use std::fmt;

use chrono::NaiveDate;
use serde::Serialize;

use super::email::check_email;
use super::error::{FormError, invalid};
use super::nik::{Nik, check_nik};
use super::personal::{PersonalData, mask};
use super::phone::check_phone;
use super::{AttachmentMeta, CharRange, FormLimits, TicketKind, WebForm};
use crate::error::Problem;

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
/// use ptsp::desk::form::{FormLimits, TicketKind, WebForm, validate};
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    /// use ptsp::desk::form::{FormLimits, TicketKind, WebForm, validate};
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
/// given in the [module documentation](super).
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
/// use ptsp::desk::form::{FormLimits, TicketKind, WebForm, validate};
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
            Code::Required,
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
            Code::ContactRequired,
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
pub(super) const FORMAT_MAX: usize = 16;

fn required(f: Field) -> Problem {
    required_at(f.path.to_owned(), &f)
}

fn required_at(path: String, f: &Field) -> Problem {
    Problem::new(
        path,
        Code::Required,
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
            Code::TooShort,
            format!(
                "{} has {n} characters: at least {} required",
                f.en, range.min
            ),
            format!("{} berisi {n} karakter: paling sedikit {}", f.id, range.min),
        ));
    } else if n > range.max {
        out.push(Problem::new(
            path(),
            Code::TooLong,
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
            Code::InvalidCharacters,
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
            Code::TooManyAttachments,
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
            Code::AttachmentsTooLarge,
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
                Code::Required,
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
                Code::WrongFormat,
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
                Code::EmptyFile,
                format!("attachment {} is empty (0 bytes)", shown()),
                format!("lampiran {} kosong (0 byte)", shown()),
            ));
        } else if a.bytes > limits.max_file_bytes {
            out.push(Problem::new(
                format!("attachments[{i}].bytes"),
                Code::FileTooLarge,
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
            Code::InvalidFileName,
            format!(
                "file name {} contains “{c}”: expected a name without a folder path",
                quote(&t)
            ),
            format!(
                "nama berkas {} mengandung “{c}”: seharusnya nama tanpa jalur folder",
                quote(&t)
            ),
        ));
    }
    (out.len() == before).then_some(t)
}

/// A value quoted for a message, shortened to 40 characters.
pub(super) fn quote(s: &str) -> String {
    format!("“{}”", crate::error::problem::excerpt(s))
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn quote_shortens() {
        assert_eq!(quote("ab"), "“ab”");
        assert_eq!(quote("a\u{0}b"), "“a\\0b”");
        let long = "é".repeat(50);
        assert_eq!(quote(&long), format!("“{}…”", "é".repeat(40)));
    }
}
