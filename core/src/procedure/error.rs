//! The error of procedure definitions ([`ProcedureError`]).

use crate::error::{Lang, Problem};

/// An error of procedure definitions.
///
/// # Example
/// ```
/// let mut p = ptsp::ProcedureDef::jatim_permit();
/// p.lanes[0].roles.clear();
/// let err = ptsp::Procedure::new(p).unwrap_err();
/// assert_eq!(err.code(), "invalid_procedure");
/// assert_eq!(err.problems()[0].code, "lane_without_role");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ProcedureError {
    /// The definition failed validation; every problem is listed.
    #[error("invalid procedure definition: {}", crate::error::summary(.problems, Lang::En))]
    Invalid {
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
        /// What was wrong.
        detail: String,
    },
}

impl ProcedureError {
    /// The stable code.
    ///
    /// # Example
    /// ```
    /// let e = ptsp::ProcedureError::Invalid { problems: vec![] };
    /// assert_eq!(e.code(), "invalid_procedure");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            ProcedureError::Invalid { .. } => "invalid_procedure",
            ProcedureError::InvalidJson { .. } => "invalid_json",
        }
    }

    /// The problems behind an `invalid_procedure` error.
    ///
    /// # Example
    /// ```
    /// assert!(ptsp::ProcedureError::Invalid { problems: vec![] }.problems().is_empty());
    /// ```
    pub fn problems(&self) -> &[Problem] {
        match self {
            ProcedureError::Invalid { problems } => problems,
            ProcedureError::InvalidJson { .. } => &[],
        }
    }

    /// The message in the given language.
    ///
    /// # Example
    /// ```
    /// use ptsp::Lang;
    /// let e = ptsp::ProcedureError::Invalid { problems: vec![] };
    /// assert!(e.message(Lang::Id).starts_with("definisi prosedur tidak valid"));
    /// ```
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (_, Lang::En) => self.to_string(),
            (ProcedureError::Invalid { problems }, Lang::Id) => format!(
                "definisi prosedur tidak valid: {}",
                crate::error::summary(problems, Lang::Id)
            ),
            (
                ProcedureError::InvalidJson {
                    line,
                    column,
                    detail,
                },
                Lang::Id,
            ) => crate::error::json_message_id(*line, *column, detail),
        }
    }
}
