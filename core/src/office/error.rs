//! The error of the office module.

use crate::error::input::InputError;
use crate::error::{Code, Kind, Lang, Problem, PtspError, summary};

/// An error of the office module.
///
/// Every variant has a stable code and a message in English (`Display`) and
/// Bahasa Indonesia ([`OfficeError::message`]); the invalid ones list every
/// problem at once.
///
/// # Example
/// ```
/// use ptsp::office::{Checklist, Inventory, OfficeError, audit};
/// let inventory = Inventory::from_json(r#"{"office": "x", "as_of": "2026-12-01",
///     "entries": [{"item": "helipad", "present": true, "count": 1}]}"#)?;
/// let err = audit(&Checklist::jatim(), &inventory, &Default::default()).unwrap_err();
/// assert_eq!(err.code(), "invalid_inventory");
/// assert_eq!(err.problems()[0].path, "entries[0].item");
/// assert!(err.message(ptsp::Lang::Id).starts_with("inventaris sarana tidak valid"));
/// # Ok::<(), OfficeError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum OfficeError {
    /// A facilities checklist has problems; every one is listed.
    #[error("invalid facilities checklist: {}", summary(.problems, Lang::En))]
    InvalidChecklist {
        /// All problems found.
        problems: Vec<Problem>,
    },
    /// An inventory has problems; every one is listed.
    #[error("invalid facilities inventory: {}", summary(.problems, Lang::En))]
    InvalidInventory {
        /// All problems found.
        problems: Vec<Problem>,
    },
    /// An organisation has problems; every one is listed.
    #[error("invalid organisation: {}", summary(.problems, Lang::En))]
    InvalidOrganisation {
        /// All problems found.
        problems: Vec<Problem>,
    },
    /// Competence requirements have problems; every one is listed.
    #[error("invalid competence requirements: {}", summary(.problems, Lang::En))]
    InvalidRequirements {
        /// All problems found.
        problems: Vec<Problem>,
    },
    /// An escalation policy is out of range; every problem is listed.
    #[error("invalid escalation policy: {}", summary(.problems, Lang::En))]
    InvalidPolicy {
        /// All problems found.
        problems: Vec<Problem>,
    },
    /// A case could not be evaluated (its own error, code and kind kept).
    #[error(transparent)]
    Case(#[from] crate::case::CaseError),
    /// A JSON text or value of the wrong shape.
    #[error(transparent)]
    Input(#[from] InputError),
}

crate::error::inherent_methods!(OfficeError);

impl PtspError for OfficeError {
    fn code(&self) -> Code {
        match self {
            OfficeError::InvalidChecklist { .. } => Code::InvalidChecklist,
            OfficeError::InvalidInventory { .. } => Code::InvalidInventory,
            OfficeError::InvalidOrganisation { .. } => Code::InvalidOrganisation,
            OfficeError::InvalidRequirements { .. } => Code::InvalidRequirements,
            OfficeError::InvalidPolicy { .. } => Code::InvalidEscalationPolicy,
            OfficeError::Case(e) => e.code(),
            OfficeError::Input(e) => e.code(),
        }
    }

    fn kind(&self) -> Kind {
        match self {
            OfficeError::Case(e) => e.kind(),
            _ => Kind::Office,
        }
    }

    fn problems(&self) -> &[Problem] {
        match self {
            OfficeError::InvalidChecklist { problems }
            | OfficeError::InvalidInventory { problems }
            | OfficeError::InvalidOrganisation { problems }
            | OfficeError::InvalidRequirements { problems }
            | OfficeError::InvalidPolicy { problems } => problems,
            OfficeError::Case(e) => e.problems(),
            OfficeError::Input(e) => e.problems(),
        }
    }

    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (OfficeError::Input(e), _) => e.message(lang),
            (OfficeError::Case(e), _) => PtspError::message(e, lang),
            (_, Lang::En) => self.to_string(),
            (OfficeError::InvalidChecklist { problems }, Lang::Id) => format!(
                "daftar periksa sarana tidak valid: {}",
                summary(problems, lang)
            ),
            (OfficeError::InvalidInventory { problems }, Lang::Id) => {
                format!("inventaris sarana tidak valid: {}", summary(problems, lang))
            }
            (OfficeError::InvalidOrganisation { problems }, Lang::Id) => {
                format!("data organisasi tidak valid: {}", summary(problems, lang))
            }
            (OfficeError::InvalidRequirements { problems }, Lang::Id) => format!(
                "persyaratan kompetensi tidak valid: {}",
                summary(problems, lang)
            ),
            (OfficeError::InvalidPolicy { problems }, Lang::Id) => {
                format!("aturan eskalasi tidak valid: {}", summary(problems, lang))
            }
        }
    }
}
