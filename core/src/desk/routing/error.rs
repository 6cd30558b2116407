//! The error of routing rule sets.

use crate::error::input::InputError;
use crate::error::{Code, Kind, Lang, Problem, PtspError, summary};

/// An error of routing rule sets.
///
/// # Example
/// ```
/// let mut set = ptsp::desk::routing::RuleSet::sample();
/// set.fallback = "nobody".into();
/// let err = ptsp::desk::routing::Router::new(set).unwrap_err();
/// assert_eq!(err.code(), "invalid_rule_set");
/// assert_eq!(err.problems()[0].code, "unknown_fallback");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RoutingError {
    /// The rule set failed validation; every problem is listed.
    #[error("invalid routing rule set: {}", summary(.problems, Lang::En))]
    Invalid {
        /// All problems found.
        problems: Vec<Problem>,
    },
    /// A JSON text could not be read.
    #[error(transparent)]
    Input(#[from] InputError),
}

crate::error::inherent_methods!(RoutingError);

impl PtspError for RoutingError {
    fn code(&self) -> Code {
        match self {
            RoutingError::Invalid { .. } => Code::InvalidRuleSet,
            RoutingError::Input(e) => e.code(),
        }
    }

    fn kind(&self) -> Kind {
        Kind::Routing
    }

    fn problems(&self) -> &[Problem] {
        match self {
            RoutingError::Invalid { problems } => problems,
            RoutingError::Input(e) => e.problems(),
        }
    }

    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (RoutingError::Input(e), _) => e.message(lang),
            (_, Lang::En) => self.to_string(),
            (RoutingError::Invalid { problems }, Lang::Id) => {
                format!("aturan perutean tidak valid: {}", summary(problems, lang))
            }
        }
    }
}
