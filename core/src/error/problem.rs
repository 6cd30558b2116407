//! The shared vocabulary of every error: the message [`Lang`], a bilingual
//! [`Label`], one validation [`Problem`], and the small pieces of message
//! rendering that every module uses (lists, excerpts, length checks).
//!
//! This file imports no domain module.

use serde::{Deserialize, Serialize};

use super::Code;

/// The language of a user-facing message.
///
/// # Example
/// ```
/// use ptsp::{Calendar, Lang};
/// let cal = Calendar::indonesia();
/// let err = cal.is_working_day("2000-01-03".parse()?).unwrap_err();
/// assert!(err.message(Lang::Id).contains("di luar cakupan"));
/// assert!(err.message(Lang::En).contains("outside"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// Bahasa Indonesia.
    Id,
    /// English.
    #[default]
    En,
}

impl Lang {
    /// Both languages, Bahasa Indonesia first (the standard's own).
    ///
    /// # Example
    /// ```
    /// assert_eq!(ptsp::Lang::ALL.len(), 2);
    /// ```
    pub const ALL: [Lang; 2] = [Lang::Id, Lang::En];

    /// Picks the text of this language from a pair.
    ///
    /// # Example
    /// ```
    /// assert_eq!(ptsp::Lang::Id.pick("selesai", "done"), "selesai");
    /// ```
    pub fn pick<T>(self, id: T, en: T) -> T {
        match self {
            Lang::Id => id,
            Lang::En => en,
        }
    }
}

/// A name in both languages of the standard.
///
/// # Example
/// ```
/// let l = ptsp::Label::new("Cetak Izin", "Print the permit");
/// assert_eq!(l.get(ptsp::Lang::Id), "Cetak Izin");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Label {
    /// Bahasa Indonesia.
    pub id: String,
    /// English.
    pub en: String,
}

impl Label {
    /// A label from its two texts.
    ///
    /// # Example
    /// ```
    /// assert_eq!(ptsp::Label::new("a", "b").en, "b");
    /// ```
    pub fn new(id: impl Into<String>, en: impl Into<String>) -> Label {
        Label {
            id: id.into(),
            en: en.into(),
        }
    }

    /// The text in the given language.
    ///
    /// # Example
    /// ```
    /// assert_eq!(ptsp::Label::new("a", "b").get(ptsp::Lang::En), "b");
    /// ```
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Id => &self.id,
            Lang::En => &self.en,
        }
    }
}

/// One problem found while validating a definition or an input: where it
/// is, what kind of problem it is, and a message in both languages.
///
/// Validation collects *all* problems before it fails, so a user fixing a
/// definition sees every mistake at once.
///
/// # Example
/// ```
/// use ptsp::{CalendarDef, Code, PtspError};
/// let mut def = CalendarDef::indonesia();
/// def.utc_offset = "+25:00".into();
/// let err = ptsp::Calendar::new(def).unwrap_err();
/// assert!(err.problems().iter().any(|p| p.code == Code::InvalidUtcOffset));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Problem {
    /// Path to the offending value, e.g. `layers[0].holidays[3].date`.
    pub path: String,
    /// Stable code from the registry ([`Code`]).
    pub code: Code,
    /// Message in English.
    pub message: String,
    /// Message in Bahasa Indonesia.
    pub message_id: String,
}

impl Problem {
    /// A problem from its path, code and two messages.
    ///
    /// # Example
    /// ```
    /// use ptsp::{Code, Problem};
    /// let p = Problem::new("nik", Code::InvalidNikLength, "15 digits", "15 digit");
    /// assert_eq!(p.code.as_str(), "invalid_nik_length");
    /// ```
    pub fn new(
        path: impl Into<String>,
        code: Code,
        en: impl Into<String>,
        id: impl Into<String>,
    ) -> Self {
        Problem {
            path: path.into(),
            code,
            message: en.into(),
            message_id: id.into(),
        }
    }

    /// The message in the given language.
    ///
    /// # Example
    /// ```
    /// # use ptsp::{Code, Problem, Lang};
    /// let p = Problem::new("x", Code::InvalidValue, "bad", "salah");
    /// assert_eq!(p.text(Lang::Id), "salah");
    /// ```
    pub fn text(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.message,
            Lang::Id => &self.message_id,
        }
    }

    /// The same problem one level deeper: `prefix` put before the path
    /// (`events[2]` + `command.type` → `events[2].command.type`).
    ///
    /// # Example
    /// ```
    /// # use ptsp::{Code, Problem};
    /// let p = Problem::new("[1].note", Code::WrongType, "", "").under("events");
    /// assert_eq!(p.path, "events[1].note");
    /// ```
    pub fn under(mut self, prefix: &str) -> Self {
        self.path = join_path(prefix, &self.path);
        self
    }
}

/// `prefix` and `rest` joined into one path: a dot before a key, nothing
/// before an index.
pub(crate) fn join_path(prefix: &str, rest: &str) -> String {
    match (prefix.is_empty(), rest.is_empty()) {
        (true, _) => rest.to_owned(),
        (false, true) => prefix.to_owned(),
        (false, false) if rest.starts_with('[') => format!("{prefix}{rest}"),
        (false, false) => format!("{prefix}.{rest}"),
    }
}

/// Joins problems into one line of text.
pub(crate) fn summary(problems: &[Problem], lang: Lang) -> String {
    let mut out = String::new();
    for (i, p) in problems.iter().enumerate() {
        if i > 0 {
            out.push_str("; ");
        }
        if !p.path.is_empty() {
            out.push_str(&p.path);
            out.push_str(": ");
        }
        out.push_str(p.text(lang));
    }
    out
}

/// A list of names as a phrase: `“a”, “b” or “c”` / `“a”, “b” atau “c”`
/// (each name quoted), `none` / `tidak ada` when empty.
pub(crate) fn one_of<S: AsRef<str>>(items: &[S], lang: Lang) -> String {
    let or = lang.pick(" atau ", " or ");
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(if i + 1 == items.len() { or } else { ", " });
        }
        out.push('“');
        out.push_str(item.as_ref());
        out.push('”');
    }
    if out.is_empty() {
        out.push_str(lang.pick("tidak ada", "none"));
    }
    out
}

/// A list of names as a phrase with "and": `“a”, “b” and “c”` /
/// `“a”, “b” dan “c”`.
#[allow(dead_code)] // for the modules moving their lists to sentences
pub(crate) fn all_of<S: AsRef<str>>(items: &[S], lang: Lang) -> String {
    one_of(items, lang).replacen(lang.pick(" atau ", " or "), lang.pick(" dan ", " and "), 1)
}

/// The first 40 characters of a text, for quoting a value in a message
/// (`…` marks a cut); control characters are escaped (`\0`, `\n`) so a
/// message never carries them raw.
pub(crate) fn excerpt(text: &str) -> String {
    const CHARS: usize = 40;
    let mut out = String::with_capacity(text.len().min(4 * CHARS));
    for (n, c) in text.chars().enumerate() {
        if n == CHARS {
            out.push('…');
            break;
        }
        if c.is_control() {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    out
}

/// The `too_many` problem of a list longer than its limit.
pub(crate) fn too_many(path: impl Into<String>, len: usize, max: usize) -> Problem {
    Problem::new(
        path,
        Code::TooMany,
        format!("{len} entries: at most {max} are allowed"),
        format!("{len} entri: paling banyak {max} yang diizinkan"),
    )
}

/// Pushes a `too_long` problem when `text` has more than `max` characters.
pub(crate) fn check_len(out: &mut Vec<Problem>, path: impl Into<String>, text: &str, max: usize) {
    if text.len() <= max {
        return; // no more characters than bytes
    }
    let n = text.chars().count();
    if n > max {
        out.push(Problem::new(
            path,
            Code::TooLong,
            format!(
                "text “{}” is {n} characters long: at most {max} are allowed",
                excerpt(text)
            ),
            format!(
                "teks “{}” panjangnya {n} karakter: paling banyak {max} karakter yang diizinkan",
                excerpt(text)
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_read_as_sentences() {
        assert_eq!(one_of(&["a", "b", "c"], Lang::En), "“a”, “b” or “c”");
        assert_eq!(one_of(&["a"], Lang::Id), "“a”");
        assert_eq!(all_of(&["a", "b", "c"], Lang::Id), "“a”, “b” dan “c”");
        assert_eq!(one_of::<&str>(&[], Lang::En), "none");
    }

    #[test]
    fn paths_join() {
        assert_eq!(join_path("events", "[2].command"), "events[2].command");
        assert_eq!(join_path("events[2]", "command"), "events[2].command");
        assert_eq!(join_path("", "x"), "x");
        assert_eq!(join_path("x", ""), "x");
    }
}
