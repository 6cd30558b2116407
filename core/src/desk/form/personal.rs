//! Personal data and its masking in messages and `Debug` output.

/// The kinds of personal data the form holds that [`mask`] hides.
///
/// # Example
/// ```
/// use ptsp::desk::form::{PersonalData, mask};
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
/// messages quote values masked, and `Debug` of [`WebForm`](super::WebForm), [`ValidForm`](super::ValidForm)
/// and [`Nik`](super::Nik) masks them; serde output keeps the real values, which are
/// the data the backend stores.
///
/// # Example
/// ```
/// use ptsp::desk::form::{PersonalData, mask};
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
