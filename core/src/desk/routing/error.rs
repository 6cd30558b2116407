//! The error of routing rule sets.

use crate::error::{Lang, Problem};

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
    #[error("invalid routing rule set: {}", crate::error::summary(.problems, Lang::En))]
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

impl RoutingError {
    /// The stable code: `invalid_rule_set` or `invalid_json`.
    ///
    /// # Example
    /// ```
    /// let e = ptsp::desk::routing::RoutingError::Invalid { problems: vec![] };
    /// assert_eq!(e.code(), "invalid_rule_set");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            RoutingError::Invalid { .. } => "invalid_rule_set",
            RoutingError::InvalidJson { .. } => "invalid_json",
        }
    }

    /// The problems behind an `invalid_rule_set` error.
    ///
    /// # Example
    /// ```
    /// assert!(ptsp::desk::routing::RoutingError::Invalid { problems: vec![] }.problems().is_empty());
    /// ```
    pub fn problems(&self) -> &[Problem] {
        match self {
            RoutingError::Invalid { problems } => problems,
            RoutingError::InvalidJson { .. } => &[],
        }
    }

    /// The message in the given language.
    ///
    /// # Example
    /// ```
    /// use ptsp::Lang;
    /// let e = ptsp::desk::routing::Router::from_json("{").unwrap_err();
    /// assert!(e.message(Lang::Id).starts_with("json tidak valid"));
    /// let e = ptsp::desk::routing::RoutingError::Invalid { problems: vec![] };
    /// assert!(e.message(Lang::Id).starts_with("aturan perutean tidak valid"));
    /// ```
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (_, Lang::En) => self.to_string(),
            (RoutingError::Invalid { problems }, Lang::Id) => format!(
                "aturan perutean tidak valid: {}",
                crate::error::summary(problems, Lang::Id)
            ),
            (
                RoutingError::InvalidJson {
                    line,
                    column,
                    detail,
                },
                Lang::Id,
            ) => crate::error::json_message_id(*line, *column, detail),
        }
    }
}
