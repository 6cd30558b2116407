//! The error of the office module.

use crate::error::input::InputError;
use crate::error::{Code, Kind, Label, Lang, Problem, PtspError, one_of, summary};

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
    /// A staff id that is not in the organisation.
    #[error("staff member “{staff}” is not in the organisation")]
    UnknownStaff {
        /// The id given.
        staff: String,
    },
    /// A staff member who is away (leave, secondment) on the day.
    #[error("staff member “{staff}” is away on {day}")]
    StaffAway {
        /// The staff member.
        staff: String,
        /// The day.
        day: chrono::NaiveDate,
    },
    /// A staff member assigned to a step whose roles they do not hold.
    #[error("staff member “{staff}” holds none of the roles of step “{step}”: {}", one_of(.roles, Lang::En))]
    LacksRole {
        /// The staff member.
        staff: String,
        /// The step.
        step: String,
        /// The step's roles.
        roles: Vec<String>,
    },
    /// A staff member assigned to a step they do not qualify for, where
    /// the procedure refuses it ([`crate::Qualification::Refuse`]).
    #[error("staff member “{staff}” does not qualify for step “{step}”: {}", list_reasons(.reasons, Lang::En))]
    NotQualified {
        /// The staff member.
        staff: String,
        /// The step.
        step: String,
        /// Why, each in both languages.
        reasons: Vec<Label>,
    },
    /// An escalation that is not due at the request's instant, or is
    /// already recorded.
    #[error("no {} escalation of step “{step}” at level {level} to record: {}", control_name(*.control, Lang::En), .why.en)]
    EscalationNotDue {
        /// The step.
        step: String,
        /// Preventive or repressive.
        control: crate::case::Control,
        /// The level asked for.
        level: u8,
        /// Why, in both languages.
        why: Label,
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
            OfficeError::UnknownStaff { .. } => Code::UnknownStaff,
            OfficeError::StaffAway { .. } => Code::StaffAway,
            OfficeError::LacksRole { .. } => Code::LacksRole,
            OfficeError::NotQualified { .. } => Code::NotQualified,
            OfficeError::EscalationNotDue { .. } => Code::EscalationNotDue,
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
            | OfficeError::InvalidRequirements { problems } => problems,
            OfficeError::Case(e) => e.problems(),
            OfficeError::Input(e) => e.problems(),
            _ => &[],
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
            (OfficeError::UnknownStaff { staff }, Lang::Id) => {
                format!("petugas “{staff}” tidak ada di organisasi")
            }
            (OfficeError::StaffAway { staff, day }, Lang::Id) => {
                format!("petugas “{staff}” sedang tidak bertugas pada {day}")
            }
            (OfficeError::LacksRole { staff, step, roles }, Lang::Id) => format!(
                "petugas “{staff}” tidak memegang peran langkah “{step}”: {}",
                one_of(roles, lang)
            ),
            (
                OfficeError::NotQualified {
                    staff,
                    step,
                    reasons: r,
                },
                Lang::Id,
            ) => format!(
                "petugas “{staff}” tidak memenuhi syarat untuk langkah “{step}”: {}",
                list_reasons(r, lang)
            ),
            (
                OfficeError::EscalationNotDue {
                    step,
                    control,
                    level,
                    why,
                },
                Lang::Id,
            ) => format!(
                "tidak ada eskalasi {} langkah “{step}” tingkat {level} untuk dicatat: {}",
                control_name(*control, lang),
                why.id
            ),
        }
    }
}

fn list_reasons(items: &[Label], lang: Lang) -> String {
    items
        .iter()
        .map(|l| l.get(lang))
        .collect::<Vec<_>>()
        .join("; ")
}

fn control_name(c: crate::case::Control, lang: Lang) -> &'static str {
    match c {
        crate::case::Control::Preventive => lang.pick("preventif", "preventive"),
        crate::case::Control::Repressive => lang.pick("represif", "repressive"),
    }
}
