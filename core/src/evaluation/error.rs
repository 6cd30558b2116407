//! The error of the evaluation module.

use crate::error::input::InputError;
use crate::error::{Code, Kind, Lang, Problem, PtspError, summary};

/// An error of the evaluation module: every variant has a stable code and
/// a message in English (`Display`) and Bahasa Indonesia.
///
/// # Example
/// ```
/// use ptsp::evaluation::{EvaluationError, Method, SurveyDef, ikm};
/// let err = ikm(&SurveyDef::permenpanrb_14_2017(), &[], Method::Exact).unwrap_err();
/// assert_eq!(err.code(), "no_respondents");
/// assert!(err.message(ptsp::Lang::Id).contains("responden"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EvaluationError {
    /// Survey responses have problems; every one is listed.
    #[error("invalid survey responses: {}", summary(.problems, Lang::En))]
    InvalidResponses {
        /// All problems found.
        problems: Vec<Problem>,
    },
    /// A tally has problems (from storage or a client): every one listed.
    #[error("invalid survey tally: {}", summary(.problems, Lang::En))]
    InvalidTally {
        /// All problems found.
        problems: Vec<Problem>,
    },
    /// No respondent: an index over nobody is undefined.
    #[error("no respondents: the index needs at least one")]
    NoRespondents,
    /// An element nobody answered: every element weighs the same, so the
    /// index needs an average for each.
    #[error("element “{element}” has no answers: the index needs an average for every element")]
    UnansweredElement {
        /// The element.
        element: String,
    },
    /// A report request has problems (a reversed period, a dimension
    /// named twice, cases whose procedure is not given); every one listed.
    #[error("invalid report request: {}", summary(.problems, Lang::En))]
    InvalidReport {
        /// All problems found.
        problems: Vec<Problem>,
    },
    /// Reports over other periods, instants or dimensions cannot be merged.
    #[error("reports over different periods, instants or dimensions cannot be merged")]
    IncompatibleReports,
    /// A case could not be evaluated (its own error, code and kind kept).
    #[error(transparent)]
    Case(#[from] crate::case::CaseError),
    /// A JSON text or value of the wrong shape.
    #[error(transparent)]
    Input(#[from] InputError),
}

crate::error::inherent_methods!(EvaluationError);

impl PtspError for EvaluationError {
    fn code(&self) -> Code {
        match self {
            EvaluationError::InvalidResponses { .. } => Code::InvalidResponses,
            EvaluationError::InvalidTally { .. } => Code::InvalidTally,
            EvaluationError::NoRespondents => Code::NoRespondents,
            EvaluationError::UnansweredElement { .. } => Code::UnansweredElement,
            EvaluationError::InvalidReport { .. } => Code::InvalidReport,
            EvaluationError::IncompatibleReports => Code::IncompatibleReports,
            EvaluationError::Case(e) => e.code(),
            EvaluationError::Input(e) => e.code(),
        }
    }

    fn kind(&self) -> Kind {
        match self {
            EvaluationError::Case(e) => e.kind(),
            _ => Kind::Evaluation,
        }
    }

    fn problems(&self) -> &[Problem] {
        match self {
            EvaluationError::InvalidResponses { problems }
            | EvaluationError::InvalidTally { problems }
            | EvaluationError::InvalidReport { problems } => problems,
            EvaluationError::Case(e) => e.problems(),
            EvaluationError::Input(e) => e.problems(),
            _ => &[],
        }
    }

    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (EvaluationError::Input(e), _) => e.message(lang),
            (EvaluationError::Case(e), _) => PtspError::message(e, lang),
            (_, Lang::En) => self.to_string(),
            (EvaluationError::InvalidResponses { problems }, Lang::Id) => {
                format!("jawaban survei tidak valid: {}", summary(problems, lang))
            }
            (EvaluationError::InvalidTally { problems }, Lang::Id) => {
                format!("tally survei tidak valid: {}", summary(problems, lang))
            }
            (EvaluationError::NoRespondents, Lang::Id) => {
                "tidak ada responden: indeks membutuhkan sedikitnya satu".into()
            }
            (EvaluationError::InvalidReport { problems }, Lang::Id) => {
                format!(
                    "permintaan laporan tidak valid: {}",
                    summary(problems, lang)
                )
            }
            (EvaluationError::IncompatibleReports, Lang::Id) => {
                "laporan atas periode, waktu atau dimensi yang berbeda tidak dapat digabung".into()
            }
            (EvaluationError::UnansweredElement { element }, Lang::Id) => format!(
                "unsur “{element}” tidak memiliki jawaban: indeks membutuhkan nilai rata-rata setiap unsur"
            ),
        }
    }
}
