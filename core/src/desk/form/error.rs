//! The error of the web form.

use crate::error::{Lang, Problem, summary};

/// An error of the web-form module.
///
/// Every variant has a stable [code](FormError::code) and a message in
/// English (`Display`) and Bahasa Indonesia ([`FormError::message`]).
///
/// # Example
/// ```
/// use ptsp::desk::form::{FormError, FormLimits, WebForm, validate};
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
    /// let e = ptsp::desk::form::FormError::Invalid { problems: vec![] };
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
    /// let err = ptsp::desk::form::normalize_phone("123").unwrap_err();
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
    /// let err = ptsp::desk::form::normalize_email("budi").unwrap_err();
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

pub(super) fn json_error(e: serde_json::Error) -> FormError {
    FormError::InvalidJson {
        line: e.line(),
        column: e.column(),
        detail: e.to_string(),
    }
}

pub(super) fn invalid(problems: Vec<Problem>) -> FormError {
    FormError::Invalid { problems }
}
