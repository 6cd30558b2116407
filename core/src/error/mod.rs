//! Errors: the shared vocabulary of every module and the registry of codes.
//!
//! This module is a leaf: it imports no domain module. Each module has its
//! own error enum (`CalendarError`, `ProcedureError`, `CaseError`,
//! `FormError`, `RoutingError`, …) and implements [`PtspError`] for it: a
//! stable [`Code`] from the registry ([`Code::ALL`], each code declared once
//! with its meaning in both languages), the error's [`Kind`] (which module it
//! belongs to), its message in Bahasa Indonesia and English, and the
//! validation [`Problem`]s behind it. [`input`] reads JSON input with the
//! path of every shape error.
//!
//! The bindings map errors through this trait alone: Python's exception
//! classes and TypeScript's `ErrorCode` union are generated from
//! [`Code::ALL`] and [`Kind::ALL`].
//!
//! # Example
//! ```
//! use ptsp::{Calendar, Code, Kind, Lang, PtspError};
//! let err = Calendar::indonesia().is_working_day("2031-01-02".parse()?).unwrap_err();
//! assert_eq!(err.code(), Code::OutOfCoverage);
//! assert_eq!(err.kind(), Kind::Calendar);
//! assert!(err.message(Lang::Id).starts_with("tanggal 2031-01-02 di luar cakupan"));
//! assert!(err.problems().is_empty());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod code;
pub mod input;
pub mod phrase;
pub(crate) mod problem;

pub use code::{Code, UnknownCode};
pub use problem::{Label, Lang, Problem};
#[allow(unused_imports)] // all_of and one_of: for the modules moving to sentences
pub(crate) use problem::{all_of, check_len, excerpt, one_of, summary, too_many};

use serde::{Deserialize, Serialize};

/// The module an error belongs to: the Python exception class and the JS
/// error's `kind` follow it.
///
/// # Example
/// ```
/// assert_eq!(ptsp::Kind::Case.as_str(), "case");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Kind {
    /// The working-day calendar ([`crate::calendar`]).
    Calendar,
    /// Procedure definitions ([`crate::procedure`]).
    Procedure,
    /// The case engine ([`crate::case`]).
    Case,
    /// The desk's web form.
    Form,
    /// The desk's routing rules.
    Routing,
    /// The office: facilities, organisation and staffing
    /// ([`crate::office`]).
    Office,
    /// Evaluation: the satisfaction survey ([`crate::evaluation`]).
    Evaluation,
    /// A value handed across a binding of the wrong host-language type
    /// (code `invalid_type`).
    Input,
}

impl Kind {
    /// Every kind.
    pub const ALL: &'static [Kind] = &[
        Kind::Calendar,
        Kind::Procedure,
        Kind::Case,
        Kind::Form,
        Kind::Routing,
        Kind::Office,
        Kind::Evaluation,
        Kind::Input,
    ];

    /// The kind as `snake_case` text.
    ///
    /// # Example
    /// ```
    /// assert_eq!(ptsp::Kind::Routing.as_str(), "routing");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Kind::Calendar => "calendar",
            Kind::Procedure => "procedure",
            Kind::Case => "case",
            Kind::Form => "form",
            Kind::Routing => "routing",
            Kind::Office => "office",
            Kind::Evaluation => "evaluation",
            Kind::Input => "input",
        }
    }
}

/// What every error of the library says about itself.
///
/// # Example
/// ```
/// use ptsp::{Code, Lang, PtspError};
/// fn report(e: &dyn PtspError) -> String {
///     format!("[{}] {}", e.code(), e.message(Lang::Id))
/// }
/// let err = ptsp::Calendar::from_json("{").unwrap_err();
/// assert!(report(&err).starts_with("[invalid_json]"));
/// ```
pub trait PtspError: std::error::Error {
    /// The stable code.
    fn code(&self) -> Code;

    /// The message in the given language (English is also `Display`).
    fn message(&self, lang: Lang) -> String;

    /// The module the error belongs to.
    fn kind(&self) -> Kind;

    /// The problems behind a validation error (empty for other errors).
    fn problems(&self) -> &[Problem] {
        &[]
    }
}

/// Gives a module's error enum inherent `code`, `message` and `problems`
/// methods that forward to its [`PtspError`] implementation, so callers
/// need not import the trait.
macro_rules! inherent_methods {
    ($t:ty) => {
        impl $t {
            /// The stable code (see [`PtspError::code`](crate::PtspError::code)).
            pub fn code(&self) -> $crate::Code {
                <Self as $crate::PtspError>::code(self)
            }

            /// The message in the given language (English is also `Display`).
            pub fn message(&self, lang: $crate::Lang) -> String {
                <Self as $crate::PtspError>::message(self, lang)
            }

            /// The problems behind a validation error (empty otherwise).
            pub fn problems(&self) -> &[$crate::Problem] {
                <Self as $crate::PtspError>::problems(self)
            }
        }
    };
}
pub(crate) use inherent_methods;
