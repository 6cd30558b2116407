//! The case engine's errors ([`CaseError`]) and what a refused actor lacked
//! ([`Requirement`]), with their messages in English and Bahasa Indonesia.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::calendar::CalendarError;
use crate::error::input::InputError;
use crate::error::phrase::Phrase;
use crate::error::{Code, Kind, Lang, Problem, PtspError, one_of, summary};

use super::{Action, CaseStatus};

/// What an action required that the actor lacked.
///
/// # Example
/// ```
/// let r = ptsp::Requirement::Applicant;
/// assert_eq!(r.to_string(), "the case's own applicant");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Requirement {
    /// One of these roles.
    Role {
        /// The roles that would do.
        roles: Vec<String>,
    },
    /// The case's own applicant.
    Applicant,
    /// Membership of the unit the lane is routed to.
    Unit {
        /// The unit.
        unit: String,
    },
    /// Being the staff member the step is assigned to.
    Staff {
        /// The staff member.
        staff: String,
    },
    /// Not being the case's own applicant (separation of duties).
    NotApplicant,
    /// A position above one of these staff members in the line of command
    /// (seed §6: the superior of the staff assigned to the case).
    Superior {
        /// The staff assigned to the case (empty: nobody is).
        of: Vec<String>,
    },
}

impl fmt::Display for Requirement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl Requirement {
    fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (Requirement::Role { roles }, Lang::En) => {
                format!("one of the roles {}", one_of(roles, Lang::En))
            }
            (Requirement::Role { roles }, Lang::Id) => {
                format!("salah satu peran {}", one_of(roles, Lang::Id))
            }
            (Requirement::Applicant, Lang::En) => "the case's own applicant".into(),
            (Requirement::Applicant, Lang::Id) => "pemohon kasus ini sendiri".into(),
            (Requirement::Unit { unit }, Lang::En) => format!("membership of unit “{unit}”"),
            (Requirement::Unit { unit }, Lang::Id) => format!("keanggotaan unit “{unit}”"),
            (Requirement::Staff { staff }, Lang::En) => format!("being staff member “{staff}”"),
            (Requirement::Staff { staff }, Lang::Id) => format!("petugas “{staff}” sendiri"),
            (Requirement::NotApplicant, Lang::En) => {
                "someone other than the case's own applicant (separation of duties)".into()
            }
            (Requirement::NotApplicant, Lang::Id) => {
                "pihak selain pemohon kasus ini (pemisahan tugas)".into()
            }
            (Requirement::Superior { of }, Lang::En) if of.is_empty() => {
                "a superior of the staff assigned to the case, but nobody is assigned".into()
            }
            (Requirement::Superior { of }, Lang::Id) if of.is_empty() => {
                "atasan dari petugas yang ditugaskan pada kasus, tetapi belum ada yang ditugaskan"
                    .into()
            }
            (Requirement::Superior { of }, Lang::En) => format!(
                "a position above {} in the line of command",
                list_quoted(of, Lang::En)
            ),
            (Requirement::Superior { of }, Lang::Id) => format!(
                "jabatan di atas {} dalam garis komando",
                list_quoted(of, Lang::Id)
            ),
        }
    }
}

/// An error of the case engine.
///
/// # Example
/// ```
/// let e = ptsp::CaseError::WrongStep { expected: Some("pemeriksaan".into()), found: "cetak".into() };
/// assert_eq!(e.code(), ptsp::Code::WrongStep);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CaseError {
    /// The actor may not do this; names what was required.
    #[error("actor “{actor}” may not {action}: requires {required}")]
    Unauthorized {
        /// The actor id.
        actor: String,
        /// The command.
        action: Action,
        /// What was required.
        required: Requirement,
    },
    /// The command does not fit the case's status.
    #[error("cannot {action}: the case's status is {}", status.label(Lang::En))]
    WrongState {
        /// The command.
        action: Action,
        /// The case's status.
        status: CaseStatus,
    },
    /// The command names a step that is not the current one.
    #[error("step “{found}” is not the current step (current: {})", quoted(expected.as_deref(), Lang::En))]
    WrongStep {
        /// The current step.
        expected: Option<String>,
        /// The step named.
        found: String,
    },
    /// The outcome does not belong to the step.
    #[error("step “{step}” has no outcome “{outcome}”: expected one of {}", one_of(.expected, Lang::En))]
    UnknownOutcome {
        /// The step.
        step: String,
        /// The outcome named.
        outcome: String,
        /// The step's outcomes.
        expected: Vec<String>,
    },
    /// A completion without an outcome on a step that has several: the
    /// outcome may be left out only where the step has exactly one.
    #[error("step “{step}” has several outcomes: choose one of {}", one_of(.expected, Lang::En))]
    OutcomeRequired {
        /// The step.
        step: String,
        /// The step's outcomes.
        expected: Vec<String>,
    },
    /// The step does not allow this command.
    #[error("step “{step}” does not allow {action}")]
    NotAllowed {
        /// The step.
        step: String,
        /// The command.
        action: Action,
    },
    /// A routed lane's step before the case was assigned to a unit.
    #[error("lane “{lane}” is not assigned to a unit yet: assign it first")]
    NotRouted {
        /// The lane.
        lane: String,
    },
    /// The documents submitted are not complete or not acceptable; every
    /// problem listed.
    #[error("incomplete documents: {}", summary(.problems, Lang::En))]
    IncompleteDocuments {
        /// All problems.
        problems: Vec<Problem>,
    },
    /// The input of a command is not acceptable (reasons, an assignment, a
    /// tier, an instant …); every problem listed.
    #[error("invalid {what}: {}", summary(.problems, Lang::En))]
    InvalidInput {
        /// What was given: reasons, an assignment, a tier …
        what: Phrase,
        /// All problems.
        problems: Vec<Problem>,
    },
    /// A request, event or document of the wrong shape (a missing,
    /// unknown or mistyped field), each problem with its path.
    #[error(transparent)]
    Input(#[from] InputError),
    /// A case log does not fit the procedure (other id/version) or is out
    /// of order.
    #[error("inconsistent case log at event {index}: {detail}")]
    InconsistentLog {
        /// Position of the event.
        index: u64,
        /// What does not fit.
        detail: String,
    },
    /// A lapse recorded before the window it ends has passed.
    #[error("the window of step “{step}” is open until {due}: nothing has lapsed yet")]
    NotDue {
        /// The step.
        step: String,
        /// The end of the window (`None`: the step has no window).
        due: String,
    },
    /// A command that needs the office's organisation (an escalation, a
    /// superior's note) given to the case engine alone: decide it with
    /// [`crate::office::Office::decide`].
    #[error(
        "cannot {action} without the office's organisation: decide it with the office (Office::decide)"
    )]
    OfficeRequired {
        /// The command.
        action: Action,
    },
    /// A calendar error while computing a deadline.
    #[error(transparent)]
    Calendar(#[from] CalendarError),
}

crate::error::inherent_methods!(CaseError);

impl PtspError for CaseError {
    fn code(&self) -> Code {
        match self {
            CaseError::Unauthorized { .. } => Code::Unauthorized,
            CaseError::WrongState { .. } => Code::WrongState,
            CaseError::WrongStep { .. } => Code::WrongStep,
            CaseError::UnknownOutcome { .. } => Code::UnknownOutcome,
            CaseError::OutcomeRequired { .. } => Code::OutcomeRequired,
            CaseError::NotAllowed { .. } => Code::NotAllowed,
            CaseError::NotRouted { .. } => Code::NotRouted,
            CaseError::IncompleteDocuments { .. } => Code::IncompleteDocuments,
            CaseError::InvalidInput { .. } => Code::InvalidInput,
            CaseError::Input(e) => e.code(),
            CaseError::InconsistentLog { .. } => Code::InconsistentLog,
            CaseError::NotDue { .. } => Code::NotDue,
            CaseError::OfficeRequired { .. } => Code::OfficeRequired,
            CaseError::Calendar(e) => e.code(),
        }
    }

    fn kind(&self) -> Kind {
        match self {
            // A calendar error met while computing a deadline stays one.
            CaseError::Calendar(e) => e.kind(),
            _ => Kind::Case,
        }
    }

    fn problems(&self) -> &[Problem] {
        match self {
            CaseError::IncompleteDocuments { problems }
            | CaseError::InvalidInput { problems, .. } => problems,
            CaseError::Input(e) => e.problems(),
            CaseError::Calendar(e) => e.problems(),
            _ => &[],
        }
    }

    fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            CaseError::Unauthorized {
                actor,
                action,
                required,
            } => format!(
                "aktor “{actor}” tidak berwenang untuk {}: membutuhkan {}",
                action.label(lang),
                required.text(lang)
            ),
            CaseError::WrongState { action, status } => format!(
                "tidak dapat {}: status kasus {}",
                action.label(lang),
                status.label(lang)
            ),
            CaseError::WrongStep { expected, found } => format!(
                "langkah “{found}” bukan langkah saat ini (saat ini: {})",
                quoted(expected.as_deref(), lang)
            ),
            CaseError::UnknownOutcome {
                step,
                outcome,
                expected,
            } => format!(
                "langkah “{step}” tidak memiliki hasil “{outcome}”: seharusnya salah satu dari {}",
                one_of(expected, lang)
            ),
            CaseError::OutcomeRequired { step, expected } => format!(
                "langkah “{step}” memiliki lebih dari satu hasil: pilih salah satu dari {}",
                one_of(expected, lang)
            ),
            CaseError::NotAllowed { step, action } => {
                format!("langkah “{step}” tidak mengizinkan {}", action.label(lang))
            }
            CaseError::NotRouted { lane } => format!(
                "lajur “{lane}” belum ditugaskan ke unit mana pun: tugaskan terlebih dahulu"
            ),
            CaseError::IncompleteDocuments { problems } => {
                format!("dokumen belum lengkap: {}", summary(problems, lang))
            }
            CaseError::InvalidInput { what, problems } => format!(
                "{} tidak valid: {}",
                what.get(lang),
                summary(problems, lang)
            ),
            CaseError::Input(e) => e.message(lang),
            CaseError::InconsistentLog { index, detail } => {
                format!("log kasus tidak konsisten pada peristiwa {index}: {detail}")
            }
            CaseError::NotDue { step, due } => format!(
                "jangka waktu langkah “{step}” masih berjalan sampai {due}: belum ada yang lewat waktu"
            ),
            CaseError::OfficeRequired { action } => format!(
                "tidak dapat {} tanpa data organisasi kantor: putuskan melalui kantor (Office::decide)",
                action.label(lang)
            ),
            CaseError::Calendar(e) => e.message(lang),
        }
    }
}

/// Ids listed for a reader: `a, b or c` (`a, b atau c`).
pub(super) fn list(items: &[String], lang: Lang) -> String {
    match items {
        [] => match lang {
            Lang::En => "(none)".into(),
            Lang::Id => "(tidak ada)".into(),
        },
        [only] => only.clone(),
        [init @ .., last] => format!(
            "{} {} {last}",
            init.join(", "),
            match lang {
                Lang::En => "or",
                Lang::Id => "atau",
            }
        ),
    }
}

/// An optional id for a reader: quoted like every id in a message, or
/// `none`.
pub(super) fn quoted(value: Option<&str>, lang: Lang) -> String {
    value.map_or_else(
        || lang.pick("tidak ada", "none").to_owned(),
        |v| format!("“{v}”"),
    )
}

/// Ids listed for a reader, each quoted: “a”, “b” or “c”.
fn list_quoted(items: &[String], lang: Lang) -> String {
    let quoted: Vec<String> = items.iter().map(|i| format!("“{i}”")).collect();
    list(&quoted, lang)
}
