//! Tokens: lower case, Latin diacritics removed, split on everything that
//! is not a letter or a digit; an ASCII fast path.

/// ASCII folding: lower-case letters and digits, 0 for separators.
const ASCII_FOLD: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        t[i] = if b.is_ascii_lowercase() || b.is_ascii_digit() {
            b
        } else if b.is_ascii_uppercase() {
            b + 32
        } else {
            0
        };
        i += 1;
    }
    t
};

const SEPARATOR: u8 = 0;
const PLAIN: u8 = 1;
const UPPER: u8 = 2;
const NON_ASCII: u8 = 3;

/// What a byte is to the tokenizer.
const ASCII_CLASS: [u8; 256] = {
    let mut t = [NON_ASCII; 256];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        t[i] = if b.is_ascii_lowercase() || b.is_ascii_digit() {
            PLAIN
        } else if b.is_ascii_uppercase() {
            UPPER
        } else {
            SEPARATOR
        };
        i += 1;
    }
    t
};

/// A lower-case letter without its diacritic, for the Latin letters that
/// have one.
fn strip_diacritic(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

fn is_combining_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Appends the folded form of a token (letters, digits, combining marks)
/// to `buf`.
fn fold_into(token: &str, buf: &mut Vec<u8>) {
    for c in token.chars() {
        if c.is_ascii() {
            buf.push(ASCII_FOLD[c as usize]);
            continue;
        }
        for l in c.to_lowercase() {
            if let Some(s) = strip_diacritic(l) {
                buf.extend_from_slice(s.as_bytes());
            } else if !is_combining_mark(l) {
                let mut tmp = [0u8; 4];
                buf.extend_from_slice(l.encode_utf8(&mut tmp).as_bytes());
            }
        }
    }
}

/// Calls `f(folded, start, end)` for every token of `text`; `folded` is
/// the token in lower case without diacritics, `start..end` its byte span
/// in `text`. A token is a run of letters and digits (combining marks
/// inside a run belong to it). `buf` is scratch space.
#[inline]
pub(super) fn scan(text: &str, buf: &mut Vec<u8>, f: impl FnMut(&[u8], usize, usize)) {
    if text.is_ascii() {
        scan_ascii(text.as_bytes(), buf, f);
    } else {
        scan_unicode(text, buf, f);
    }
}

/// [`scan`] for ASCII text: a byte loop with one compare for the common
/// byte.
#[inline]
fn scan_ascii(bytes: &[u8], buf: &mut Vec<u8>, mut f: impl FnMut(&[u8], usize, usize)) {
    let n = bytes.len();
    let mut i = 0;
    while i < n {
        let first = ASCII_CLASS[bytes[i] as usize];
        if first == SEPARATOR {
            i += 1;
            continue;
        }
        let start = i;
        let mut upper = first == UPPER;
        i += 1;
        while i < n {
            let class = ASCII_CLASS[bytes[i] as usize];
            if class == PLAIN {
                i += 1;
            } else if class == UPPER {
                upper = true;
                i += 1;
            } else {
                break;
            }
        }
        if upper {
            buf.clear();
            buf.extend(bytes[start..i].iter().map(|&b| ASCII_FOLD[b as usize]));
            f(buf, start, i);
        } else {
            f(&bytes[start..i], start, i);
        }
    }
}

/// [`scan`] for any text, char by char.
fn scan_unicode(text: &str, buf: &mut Vec<u8>, mut f: impl FnMut(&[u8], usize, usize)) {
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() || (start.is_some() && is_combining_mark(c)) {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            buf.clear();
            fold_into(&text[s..i], buf);
            f(buf, s, i);
        }
    }
    if let Some(s) = start {
        buf.clear();
        fold_into(&text[s..], buf);
        f(buf, s, text.len());
    }
}

/// Splits a text into normalised words: lower case, Latin diacritics
/// removed, separated by anything that is not a letter or a digit.
///
/// # Example
/// ```
/// assert_eq!(
///     ptsp::desk::routing::tokenize("Izin-izin USAHA (café), No. 12!"),
///     ["izin", "izin", "usaha", "cafe", "no", "12"]
/// );
/// ```
pub fn tokenize(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut buf = Vec::new();
    scan(text, &mut buf, |t, _, _| {
        out.push(String::from_utf8(t.to_vec()).expect("folded tokens are UTF-8"));
    });
    out
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn scan_gives_folded_tokens_and_spans() {
        let text = "A\u{301}da  IZIN—café 7";
        let mut got = Vec::new();
        scan(text, &mut Vec::new(), |t, a, b| {
            got.push((String::from_utf8(t.to_vec()).unwrap(), &text[a..b]));
        });
        assert_eq!(
            got,
            [
                ("ada".to_owned(), "A\u{301}da"),
                ("izin".to_owned(), "IZIN"),
                ("cafe".to_owned(), "café"),
                ("7".to_owned(), "7"),
            ]
        );
    }

    /// The tokenizer written the plain way, one char at a time.
    fn reference_scan(text: &str) -> Vec<(String, usize, usize)> {
        let mut out = Vec::new();
        let mut cur: Option<(String, usize)> = None;
        for (i, c) in text.char_indices() {
            if c.is_alphanumeric() || (cur.is_some() && is_combining_mark(c)) {
                let (t, _) = cur.get_or_insert_with(|| (String::new(), i));
                let mut b = Vec::new();
                fold_into(c.encode_utf8(&mut [0; 4]), &mut b);
                t.push_str(std::str::from_utf8(&b).unwrap());
            } else if let Some((t, start)) = cur.take() {
                out.push((t, start, i));
            }
        }
        if let Some((t, start)) = cur {
            out.push((t, start, text.len()));
        }
        out
    }

    proptest! {
        #[test]
        fn scan_is_the_reference(text in "([a-zA-Z0-9 ,.!?\\-]{0,12}|[éÉİıßñ\u{301}\u{2014}\u{1F600}\u{3042}])*") {
            let mut got = Vec::new();
            scan(&text, &mut Vec::new(), |t, a, b| {
                got.push((String::from_utf8(t.to_vec()).unwrap(), a, b));
            });
            prop_assert_eq!(got, reference_scan(&text));
        }
    }
}
