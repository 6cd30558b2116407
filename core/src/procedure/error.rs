//! The error of procedure definitions ([`ProcedureError`]).

use crate::error::input::InputError;
use crate::error::{Code, Kind, Lang, Problem, PtspError, summary};

/// An error of procedure definitions.
///
/// # Example
/// ```
/// let mut p = ptsp::ProcedureDef::jatim_permit();
/// p.lanes[0].roles.clear();
/// let err = ptsp::Procedure::new(p).unwrap_err();
/// assert_eq!(err.code(), ptsp::Code::InvalidProcedure);
/// assert_eq!(err.problems()[0].code, ptsp::Code::LaneWithoutRole);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ProcedureError {
    /// The definition failed validation; every problem is listed.
    #[error("invalid procedure definition: {}", summary(.problems, Lang::En))]
    Invalid {
        /// All problems found.
        problems: Vec<Problem>,
    },
    /// A JSON text or value could not be read: every problem has its path.
    #[error(transparent)]
    Input(#[from] InputError),
}

crate::error::inherent_methods!(ProcedureError);

impl PtspError for ProcedureError {
    fn code(&self) -> Code {
        match self {
            ProcedureError::Invalid { .. } => Code::InvalidProcedure,
            ProcedureError::Input(e) => e.code(),
        }
    }

    fn kind(&self) -> Kind {
        Kind::Procedure
    }

    fn problems(&self) -> &[Problem] {
        match self {
            ProcedureError::Invalid { problems } => problems,
            ProcedureError::Input(e) => e.problems(),
        }
    }

    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (_, Lang::En) => self.to_string(),
            (ProcedureError::Invalid { problems }, Lang::Id) => {
                format!("definisi prosedur tidak valid: {}", summary(problems, lang))
            }
            (ProcedureError::Input(e), _) => e.message(lang),
        }
    }
}
