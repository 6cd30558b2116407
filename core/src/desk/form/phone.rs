//! Indonesian phone numbers, normalised to E.164.

use super::error::{FormError, invalid};
use super::personal::{PersonalData, mask};
use super::validate::quote;
use crate::error::Code;
use crate::error::Problem;

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
/// use ptsp::desk::form::normalize_phone;
/// assert_eq!(normalize_phone("0812-3456-7890")?, "+6281234567890");
/// assert_eq!(normalize_phone("(031) 3520 7000")?, "+623135207000");
/// assert_eq!(normalize_phone("+62 (0)21 5790 1234")?, "+622157901234");
/// let err = normalize_phone("+65 6123 4567").unwrap_err();
/// assert_eq!(err.problems()[0].code, "invalid_phone");
/// assert!(err.problems()[0].message.starts_with("phone “+** **** *567” is not an Indonesian number"));
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
pub(super) fn check_phone(t: &str, out: &mut Vec<Problem>) -> Option<String> {
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
                PhoneFault::Character(c, pos) => {
                    let c = crate::error::excerpt(c.encode_utf8(&mut [0; 4]));
                    (
                        format!(
                            "phone {q} contains “{c}” at character {pos}: expected digits, optionally with spaces, hyphens, dots, parentheses and a leading +"
                        ),
                        format!(
                            "nomor telepon {q} mengandung “{c}” pada karakter ke-{pos}: seharusnya angka, boleh dengan spasi, tanda hubung, titik, tanda kurung dan + di depan"
                        ),
                    )
                }
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
            out.push(Problem::new("phone", Code::InvalidPhone, en, id));
            None
        }
    }
}
