//! Email addresses: a pragmatic syntactic check.

use super::error::{FormError, invalid};
use super::personal::{PersonalData, mask};
use super::validate::quote;
use crate::error::Code;
use crate::error::Problem;

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
/// use ptsp::desk::form::normalize_email;
/// assert_eq!(normalize_email(" Budi.Santoso@Jatimprov.GO.ID ")?, "Budi.Santoso@jatimprov.go.id");
/// let err = normalize_email("budi@localhost").unwrap_err();
/// assert_eq!(err.problems()[0].code, "invalid_email");
/// assert!(err.problems()[0].message.starts_with("email “b***@localhost” has domain"));
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
        let c = crate::error::excerpt(c.encode_utf8(&mut [0; 4]));
        return Some((
            format!(
                "contains “{c}” at character {}: expected no spaces or control characters",
                i + 1
            ),
            format!(
                "mengandung “{c}” pada karakter ke-{}: seharusnya tanpa spasi atau karakter kontrol",
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
            format!("contains “{c}” before the @: quoted or special local parts are not accepted"),
            format!(
                "mengandung “{c}” sebelum @: bagian lokal berkutip atau berkarakter khusus tidak diterima"
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
pub(super) fn check_email(t: &str, out: &mut Vec<Problem>) -> Option<String> {
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
                Code::InvalidEmail,
                format!("email {q} {en}"),
                format!("email {q} {id}"),
            ));
            None
        }
    }
}
