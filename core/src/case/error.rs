//! The case engine's errors ([`CaseError`]) and what a refused actor lacked
//! ([`Requirement`]), with their messages in English and Bahasa Indonesia.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::calendar::CalendarError;
use crate::error::{Lang, Problem};

/// What an action required that the actor lacked.
///
/// # Example
/// ```
/// let r = ptsp::Requirement::Applicant;
/// assert_eq!(r.to_string(), "the case's own applicant");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
                format!("one of the roles {}", list(roles, Lang::En))
            }
            (Requirement::Role { roles }, Lang::Id) => {
                format!("salah satu peran {}", list(roles, Lang::Id))
            }
            (Requirement::Applicant, Lang::En) => "the case's own applicant".into(),
            (Requirement::Applicant, Lang::Id) => "pemohon kasus ini sendiri".into(),
            (Requirement::Unit { unit }, Lang::En) => format!("membership of unit {unit:?}"),
            (Requirement::Unit { unit }, Lang::Id) => format!("keanggotaan unit {unit:?}"),
            (Requirement::Staff { staff }, Lang::En) => format!("being staff member {staff:?}"),
            (Requirement::Staff { staff }, Lang::Id) => format!("petugas {staff:?} sendiri"),
            (Requirement::NotApplicant, Lang::En) => {
                "someone other than the case's own applicant (separation of duties)".into()
            }
            (Requirement::NotApplicant, Lang::Id) => {
                "pihak selain pemohon kasus ini (pemisahan tugas)".into()
            }
        }
    }
}

/// An error of the case engine.
///
/// # Example
/// ```
/// let e = ptsp::CaseError::WrongStep { expected: Some("pemeriksaan".into()), found: "cetak".into() };
/// assert_eq!(e.code(), "wrong_step");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CaseError {
    /// The actor may not do this; names what was required.
    #[error("actor {actor:?} may not {action}: requires {required}")]
    Unauthorized {
        /// The actor id.
        actor: String,
        /// The command's name.
        action: &'static str,
        /// What was required.
        required: Requirement,
    },
    /// The command does not fit the case's status.
    #[error("cannot {action} a case whose status is {status}")]
    WrongState {
        /// The command's name.
        action: &'static str,
        /// The status, as text.
        status: String,
    },
    /// The command names a step that is not the current one.
    #[error("step {found:?} is not the current step (current: {})", expected.as_deref().unwrap_or("none"))]
    WrongStep {
        /// The current step.
        expected: Option<String>,
        /// The step named.
        found: String,
    },
    /// The outcome does not belong to the step.
    #[error("step {step:?} has no outcome {outcome:?}: expected one of {}", list(.expected, Lang::En))]
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
    #[error("step {step:?} has several outcomes: choose one of {}", list(.expected, Lang::En))]
    OutcomeRequired {
        /// The step.
        step: String,
        /// The step's outcomes.
        expected: Vec<String>,
    },
    /// The step does not allow this command.
    #[error("step {step:?} does not allow {action}")]
    NotAllowed {
        /// The step.
        step: String,
        /// The command's name.
        action: &'static str,
    },
    /// A routed lane's step before the case was assigned to a unit.
    #[error("lane {lane:?} is not assigned to a unit yet: assign it first")]
    NotRouted {
        /// The lane.
        lane: String,
    },
    /// The documents or reasons are not acceptable; every problem listed.
    #[error("invalid {what}: {}", crate::error::summary(.problems, Lang::En))]
    InvalidInput {
        /// `documents`, `reasons`, `assignment` …
        what: &'static str,
        /// All problems.
        problems: Vec<Problem>,
    },
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
    #[error("the window of step {step:?} is open until {due}: nothing has lapsed yet")]
    NotDue {
        /// The step.
        step: String,
        /// The end of the window (`None`: the step has no window).
        due: String,
    },
    /// A calendar error while computing a deadline.
    #[error(transparent)]
    Calendar(#[from] CalendarError),
}

impl CaseError {
    /// The stable code.
    ///
    /// # Example
    /// ```
    /// let e = ptsp::CaseError::NotRouted { lane: "opd_teknis".into() };
    /// assert_eq!(e.code(), "not_routed");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            CaseError::Unauthorized { .. } => "unauthorized",
            CaseError::WrongState { .. } => "wrong_state",
            CaseError::WrongStep { .. } => "wrong_step",
            CaseError::UnknownOutcome { .. } => "unknown_outcome",
            CaseError::OutcomeRequired { .. } => "outcome_required",
            CaseError::NotAllowed { .. } => "not_allowed",
            CaseError::NotRouted { .. } => "not_routed",
            CaseError::InvalidInput { what, .. } => match *what {
                "documents" => "incomplete_documents",
                _ => "invalid_input",
            },
            CaseError::InconsistentLog { .. } => "inconsistent_log",
            CaseError::NotDue { .. } => "not_due",
            CaseError::Calendar(e) => e.code().as_str(),
        }
    }

    /// Problems behind an input error.
    ///
    /// # Example
    /// ```
    /// assert!(ptsp::CaseError::NotRouted { lane: "x".into() }.problems().is_empty());
    /// ```
    pub fn problems(&self) -> &[Problem] {
        match self {
            CaseError::InvalidInput { problems, .. } => problems,
            CaseError::Calendar(e) => e.problems(),
            _ => &[],
        }
    }

    /// The message in the given language.
    ///
    /// # Example
    /// ```
    /// use ptsp::Lang;
    /// let e = ptsp::CaseError::NotRouted { lane: "opd_teknis".into() };
    /// assert!(e.message(Lang::Id).contains("belum ditugaskan"));
    /// ```
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            CaseError::Unauthorized {
                actor,
                action,
                required,
            } => format!(
                "aktor {actor:?} tidak berwenang untuk {}: membutuhkan {}",
                action_id(action),
                required.text(Lang::Id)
            ),
            CaseError::WrongState { action, status } => format!(
                "tidak dapat {} pada kasus berstatus {}",
                action_id(action),
                status_id(status)
            ),
            CaseError::WrongStep { expected, found } => format!(
                "langkah {found:?} bukan langkah saat ini (saat ini: {})",
                expected.as_deref().unwrap_or("tidak ada")
            ),
            CaseError::UnknownOutcome {
                step,
                outcome,
                expected,
            } => format!(
                "langkah {step:?} tidak memiliki hasil {outcome:?}: seharusnya salah satu dari {}",
                list(expected, Lang::Id)
            ),
            CaseError::OutcomeRequired { step, expected } => format!(
                "langkah {step:?} memiliki lebih dari satu hasil: pilih salah satu dari {}",
                list(expected, Lang::Id)
            ),
            CaseError::NotAllowed { step, action } => {
                format!("langkah {step:?} tidak mengizinkan {}", action_id(action))
            }
            CaseError::NotRouted { lane } => format!(
                "lajur {lane:?} belum ditugaskan ke unit mana pun: tugaskan terlebih dahulu"
            ),
            CaseError::InvalidInput { what, problems } => format!(
                "{what} tidak valid: {}",
                crate::error::summary(problems, Lang::Id)
            ),
            CaseError::InconsistentLog { index, detail } => {
                format!("log kasus tidak konsisten pada peristiwa {index}: {detail}")
            }
            CaseError::NotDue { step, due } => format!(
                "jangka waktu langkah {step:?} masih berjalan sampai {due}: belum ada yang lewat waktu"
            ),
            CaseError::Calendar(e) => e.message(Lang::Id),
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
pub(super) fn quoted(value: Option<&str>) -> String {
    value.map_or_else(|| "none".to_owned(), |v| format!("{v:?}"))
}

/// Indonesian names of the commands named in errors.
fn action_id(action: &str) -> &str {
    match action {
        "submit" => "mengajukan",
        "complete_step" => "menyelesaikan langkah",
        "return_for_correction" => "mengembalikan untuk perbaikan",
        "resubmit" => "mengajukan ulang",
        "reject" => "menolak",
        "withdraw" => "menarik permohonan",
        "assign" => "menugaskan",
        "lapse" => "mencatat lewat waktu",
        other => other,
    }
}

/// Indonesian form of a case status text (see `Case::status_text`).
pub(super) fn status_id(status: &str) -> String {
    match status {
        "new" => "baru".into(),
        "active" => "aktif".into(),
        "awaiting_correction" => "menunggu perbaikan".into(),
        other => match other
            .strip_prefix("ended (")
            .and_then(|s| s.strip_suffix(')'))
        {
            Some(k) => format!(
                "selesai ({})",
                match k {
                    "approved" => "disetujui",
                    "rejected" => "ditolak",
                    "withdrawn" => "ditarik",
                    "completed" => "tuntas",
                    "forwarded" => "diteruskan",
                    "archived" => "diarsipkan",
                    "lapsed" => "lewat waktu",
                    k => k,
                }
            ),
            None => other.into(),
        },
    }
}
