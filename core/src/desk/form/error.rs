//! The error of the web form.

use crate::error::input::InputError;
use crate::error::{Code, Kind, Lang, Problem, PtspError, summary};

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
    #[error(transparent)]
    Input(#[from] InputError),
}

crate::error::inherent_methods!(FormError);

impl PtspError for FormError {
    fn code(&self) -> Code {
        match self {
            FormError::Invalid { .. } => Code::InvalidForm,
            FormError::InvalidLimits { .. } => Code::InvalidLimits,
            FormError::Input(e) => e.code(),
        }
    }

    fn kind(&self) -> Kind {
        Kind::Form
    }

    fn problems(&self) -> &[Problem] {
        match self {
            FormError::Invalid { problems } | FormError::InvalidLimits { problems } => problems,
            FormError::Input(e) => e.problems(),
        }
    }

    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (FormError::Input(e), _) => e.message(lang),
            (_, Lang::En) => self.to_string(),
            (FormError::Invalid { problems }, Lang::Id) => {
                format!("formulir tidak valid: {}", summary(problems, lang))
            }
            (FormError::InvalidLimits { problems }, Lang::Id) => format!(
                "pengaturan formulir tidak valid: {}",
                summary(problems, lang)
            ),
        }
    }
}

pub(super) fn invalid(problems: Vec<Problem>) -> FormError {
    FormError::Invalid { problems }
}
