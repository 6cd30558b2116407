//! The crate-wide error type, message languages and validation problems.
//!
//! Every module has its own error enum (for now [`CalendarError`]); [`Error`]
//! composes them. Every error has a stable `snake_case` [code](Error::code)
//! that programs and tests match on, and a message in English (its
//! `Display`) and in Bahasa Indonesia ([`Error::message`] with [`Lang::Id`]).

use serde::{Deserialize, Serialize};

use crate::calendar::CalendarError;
use crate::case::CaseError;
use crate::desk::form::FormError;
use crate::desk::routing::RoutingError;
use crate::procedure::ProcedureError;

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
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// Bahasa Indonesia.
    Id,
    /// English.
    #[default]
    En,
}

/// One problem found while validating a definition: where it is, what kind
/// of problem it is, and a message in both languages.
///
/// Validation collects *all* problems before it fails, so a user fixing a
/// definition sees every mistake at once.
///
/// # Example
/// ```
/// use ptsp::{CalendarDef, Error};
/// let mut def = CalendarDef::indonesia();
/// def.weekmask = "0000000".parse().unwrap_or_default();
/// def.utc_offset = "+25:00".into();
/// let Error::Calendar(err) = ptsp::Calendar::new(def).unwrap_err() else { unreachable!() };
/// let codes: Vec<&str> = err.problems().iter().map(|p| p.code.as_str()).collect();
/// assert!(codes.contains(&"invalid_utc_offset"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// Path to the offending value, e.g. `layers[0].holidays[3].date`.
    pub path: String,
    /// Stable `snake_case` code.
    pub code: String,
    /// Message in English.
    pub message: String,
    /// Message in Bahasa Indonesia.
    pub message_id: String,
}

impl Problem {
    pub(crate) fn new(
        path: impl Into<String>,
        code: &str,
        en: impl Into<String>,
        id: impl Into<String>,
    ) -> Self {
        Problem {
            path: path.into(),
            code: code.to_owned(),
            message: en.into(),
            message_id: id.into(),
        }
    }

    /// The message in the given language.
    ///
    /// # Example
    /// ```
    /// # use ptsp::{Problem, Lang};
    /// let p = Problem { path: "x".into(), code: "c".into(), message: "bad".into(), message_id: "salah".into() };
    /// assert_eq!(p.text(Lang::Id), "salah");
    /// ```
    pub fn text(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.message,
            Lang::Id => &self.message_id,
        }
    }
}

/// Joins problems into one line of text.
pub(crate) fn summary(problems: &[Problem], lang: Lang) -> String {
    let mut out = String::new();
    for (i, p) in problems.iter().enumerate() {
        if i > 0 {
            out.push_str("; ");
        }
        out.push_str(&p.path);
        out.push_str(": ");
        out.push_str(p.text(lang));
    }
    out
}

/// The first characters of a text, for quoting a value too long to quote
/// whole.
pub(crate) fn excerpt(text: &str) -> String {
    const CHARS: usize = 40;
    match text.char_indices().nth(CHARS) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_owned(),
    }
}

/// The `too_many` problem of a list longer than its limit.
pub(crate) fn too_many(path: impl Into<String>, len: usize, max: usize) -> Problem {
    Problem::new(
        path,
        "too_many",
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
            "too_long",
            format!(
                "text {:?} is {n} characters long: at most {max} are allowed",
                excerpt(text)
            ),
            format!(
                "teks {:?} panjangnya {n} karakter: paling banyak {max} karakter yang diizinkan",
                excerpt(text)
            ),
        ));
    }
}

/// The Indonesian message of every module's `InvalidJson` error (the
/// English one is each variant's `Display`).
pub(crate) fn json_message_id(line: usize, column: usize, detail: &str) -> String {
    format!("json tidak valid pada baris {line}, kolom {column}: {detail}")
}

/// Any error of this crate.
///
/// # Example
/// ```
/// use ptsp::Calendar;
/// let cal = Calendar::indonesia();
/// let err = cal.add_working_days("2023-01-02".parse()?, i64::MAX).unwrap_err();
/// assert_eq!(err.code(), "out_of_range");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An error of the working-day calendar.
    #[error(transparent)]
    Calendar(#[from] CalendarError),
    /// An error of a procedure definition.
    #[error(transparent)]
    Procedure(#[from] ProcedureError),
    /// An error of the case engine.
    #[error(transparent)]
    Case(#[from] CaseError),
    /// An error of the web form.
    #[error(transparent)]
    Form(#[from] FormError),
    /// An error of a routing rule set.
    #[error(transparent)]
    Routing(#[from] RoutingError),
}

impl Error {
    /// The stable `snake_case` code of this error.
    ///
    /// # Example
    /// ```
    /// let err = ptsp::Calendar::from_json("{").unwrap_err();
    /// assert_eq!(err.code(), "invalid_json");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            Error::Calendar(e) => e.code(),
            Error::Procedure(e) => e.code(),
            Error::Case(e) => e.code(),
            Error::Form(e) => e.code(),
            Error::Routing(e) => e.code(),
        }
    }

    /// The message in the given language (English is also `Display`).
    ///
    /// # Example
    /// ```
    /// use ptsp::Lang;
    /// let err = ptsp::Calendar::from_json("{").unwrap_err();
    /// assert!(err.message(Lang::Id).starts_with("json tidak valid"));
    /// ```
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Error::Calendar(e) => e.message(lang),
            Error::Procedure(e) => e.message(lang),
            Error::Case(e) => e.message(lang),
            Error::Form(e) => e.message(lang),
            Error::Routing(e) => e.message(lang),
        }
    }

    /// The validation problems behind this error (empty for other errors).
    ///
    /// # Example
    /// ```
    /// let err = ptsp::Calendar::from_json("{").unwrap_err();
    /// assert!(err.problems().is_empty());
    /// ```
    pub fn problems(&self) -> &[Problem] {
        match self {
            Error::Calendar(e) => e.problems(),
            Error::Procedure(e) => e.problems(),
            Error::Case(e) => e.problems(),
            Error::Form(e) => e.problems(),
            Error::Routing(e) => e.problems(),
        }
    }
}

/// Shorthand for results of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;
