//! Cases: one application running through a [`Procedure`], event-sourced.
//!
//! `decide(case, request)` checks a [`Request`] (who, when, what) against
//! the procedure, the case's state and the actor's rights, and returns the
//! [`Event`]s it causes — or a typed [`CaseError`] and no change.
//! [`Case::apply`] folds an event into the state; replaying a log gives the
//! identical state. The engine never reads the clock: every request carries
//! its instant. Deadlines are computed when a step is entered and recorded
//! in the events, so later changes to a calendar or a definition never
//! rewrite what a case recorded.

use std::collections::BTreeMap;
use std::fmt;

use chrono::{DateTime, Duration, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::calendar::{Calendar, CalendarError};
use crate::error::{Lang, Problem};
use crate::procedure::{
    CorrectionClock, DocumentRequirement, EndKind, LaneKind, Procedure, SlaUnit, StepDef, StepKind,
};

/// Who performs a command: an id, the roles held, and the unit (division or
/// agency) the actor belongs to.
///
/// # Example
/// ```
/// let a = ptsp::Actor::new("u-17", &["verifikator"], None);
/// assert!(a.has_role("verifikator"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    /// Identifier.
    pub id: String,
    /// Roles held.
    #[serde(default)]
    pub roles: Vec<String>,
    /// Unit (Bidang or OPD) of the actor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
}

impl Actor {
    /// An actor.
    ///
    /// # Example
    /// ```
    /// let a = ptsp::Actor::new("opd-1", &["opd_teknis"], Some("dinkes"));
    /// assert_eq!(a.unit.as_deref(), Some("dinkes"));
    /// ```
    pub fn new(id: &str, roles: &[&str], unit: Option<&str>) -> Actor {
        Actor {
            id: id.to_owned(),
            roles: roles.iter().map(|r| (*r).to_owned()).collect(),
            unit: unit.map(str::to_owned),
        }
    }

    /// Whether the actor holds a role.
    ///
    /// # Example
    /// ```
    /// assert!(!ptsp::Actor::new("x", &[], None).has_role("pemohon"));
    /// ```
    pub fn has_role(&self, role: &str) -> bool {
        self.roles.iter().any(|r| r == role)
    }
}

/// A document as submitted: its requirement code and file metadata.
///
/// # Example
/// ```
/// let d = ptsp::SubmittedDocument::new("ktp", "pdf", 120_000);
/// assert_eq!(d.format, "pdf");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubmittedDocument {
    /// Requirement code.
    pub code: String,
    /// File format (extension, lower case).
    pub format: String,
    /// Size in bytes.
    pub bytes: u64,
}

impl SubmittedDocument {
    /// A submitted document.
    ///
    /// # Example
    /// ```
    /// assert_eq!(ptsp::SubmittedDocument::new("nib", "pdf", 1).bytes, 1);
    /// ```
    pub fn new(code: &str, format: &str, bytes: u64) -> SubmittedDocument {
        SubmittedDocument {
            code: code.to_owned(),
            format: format.to_owned(),
            bytes,
        }
    }
}

/// Why one document goes back to the applicant.
///
/// # Example
/// ```
/// let r = ptsp::CorrectionReason { document: "npwp".into(), reason: "tidak terbaca".into() };
/// assert_eq!(r.document, "npwp");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CorrectionReason {
    /// Requirement code.
    pub document: String,
    /// What is wrong.
    pub reason: String,
}

/// What an actor asks the case to do.
///
/// # Example
/// ```
/// let c: ptsp::Command = serde_json::from_str(
///     r#"{"type": "complete_step", "step": "pemeriksaan", "outcome": "lengkap"}"#)?;
/// assert!(matches!(c, ptsp::Command::CompleteStep { .. }));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Command {
    /// File the application (performs the start step).
    Submit {
        /// The case's identifier (e.g. the JOSS registration number).
        case_id: String,
        /// Uploaded documents.
        documents: Vec<SubmittedDocument>,
    },
    /// Finish the current step with one of its outcomes.
    CompleteStep {
        /// The step the actor is completing (must be the current one).
        step: String,
        /// The outcome chosen.
        outcome: String,
        /// A note for the record (an answer's text, a validation remark).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<String>,
        /// The tier (severity), on a step that sets one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        tier: Option<String>,
    },
    /// Send the file back to the applicant for correction.
    ReturnForCorrection {
        /// The current step.
        step: String,
        /// What to correct, per document.
        reasons: Vec<CorrectionReason>,
    },
    /// The applicant sends corrected documents.
    Resubmit {
        /// The full, corrected set of documents.
        documents: Vec<SubmittedDocument>,
    },
    /// Refuse the application at the current step.
    Reject {
        /// The current step.
        step: String,
        /// Why.
        reason: String,
    },
    /// The applicant withdraws.
    Withdraw {
        /// Why, if said.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
    /// Assign (or reassign) a lane's work to a unit and/or staff member.
    Assign {
        /// The lane.
        lane: String,
        /// The unit (required for a routed lane).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unit: Option<String>,
        /// The staff member.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        staff: Option<String>,
    },
}

/// A command with its actor and instant.
///
/// # Example
/// ```
/// let r: ptsp::Request = serde_json::from_str(r#"{
///   "actor": {"id": "p-1", "roles": ["pemohon"]},
///   "at": "2026-12-22T09:15:00+07:00",
///   "command": {"type": "withdraw"}
/// }"#)?;
/// assert_eq!(r.actor.id, "p-1");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Request {
    /// Who.
    pub actor: Actor,
    /// When.
    pub at: DateTime<FixedOffset>,
    /// What.
    pub command: Command,
}

/// Something that happened to a case.
///
/// # Example
/// ```
/// let e: ptsp::Event = serde_json::from_str(r#"{
///   "at": "2026-12-22T09:15:00+07:00", "actor": "p-1",
///   "type": "withdrawn", "reason": null
/// }"#)?;
/// assert!(matches!(e.kind, ptsp::EventKind::Withdrawn { .. }));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// When.
    pub at: DateTime<FixedOffset>,
    /// Actor id.
    pub actor: String,
    /// What.
    #[serde(flatten)]
    pub kind: EventKind,
}

/// The kinds of [`Event`].
///
/// # Example
/// ```
/// let k = ptsp::EventKind::Withdrawn { reason: None };
/// assert_eq!(serde_json::to_value(&k)?["type"], "withdrawn");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum EventKind {
    /// The application was filed; the case entered `entered`.
    Submitted {
        /// Case id.
        case_id: String,
        /// Procedure id.
        procedure: String,
        /// Procedure version, pinned for the case's life.
        version: u32,
        /// The applicant's actor id.
        applicant: String,
        /// Documents.
        documents: Vec<SubmittedDocument>,
        /// The step entered after the start step.
        entered: String,
        /// Its deadline, if it has an SLA.
        due: Option<DateTime<FixedOffset>>,
    },
    /// A step finished with an outcome; the case entered `entered`.
    StepCompleted {
        /// The step finished.
        step: String,
        /// The outcome.
        outcome: String,
        /// The note given.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<String>,
        /// The step entered.
        entered: String,
        /// Its deadline, if it has an SLA.
        due: Option<DateTime<FixedOffset>>,
        /// How the case ended, if `entered` is an end step.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        ended: Option<EndKind>,
        /// The tier set by this step.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        tier: Option<String>,
        /// The case-level deadline the tier sets.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        case_due: Option<DateTime<FixedOffset>>,
        /// The unit that completed the step, in a routed lane.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unit: Option<String>,
    },
    /// The file went back to the applicant; the step's clock stopped.
    ReturnedForCorrection {
        /// The step.
        step: String,
        /// What to correct.
        reasons: Vec<CorrectionReason>,
        /// Working seconds that were left until the deadline (0 if late).
        remaining_seconds: i64,
    },
    /// Corrected documents came back; the step's clock runs again.
    Resubmitted {
        /// The step resumed.
        step: String,
        /// Documents.
        documents: Vec<SubmittedDocument>,
        /// The step's new deadline.
        due: Option<DateTime<FixedOffset>>,
    },
    /// Refused at a step.
    Rejected {
        /// The step.
        step: String,
        /// Why.
        reason: String,
    },
    /// Withdrawn by the applicant.
    Withdrawn {
        /// Why.
        reason: Option<String>,
    },
    /// A lane's work was (re)assigned.
    Assigned {
        /// The lane.
        lane: String,
        /// The unit.
        unit: Option<String>,
        /// The staff member.
        staff: Option<String>,
    },
}

impl Command {
    /// `CompleteStep` with an outcome and nothing else.
    ///
    /// # Example
    /// ```
    /// let c = ptsp::Command::complete("pemeriksaan", "lengkap");
    /// assert!(matches!(c, ptsp::Command::CompleteStep { note: None, tier: None, .. }));
    /// ```
    pub fn complete(step: &str, outcome: &str) -> Command {
        Command::CompleteStep {
            step: step.to_owned(),
            outcome: outcome.to_owned(),
            note: None,
            tier: None,
        }
    }
}

impl EventKind {
    /// The `snake_case` name of the kind.
    ///
    /// # Example
    /// ```
    /// assert_eq!(ptsp::EventKind::Withdrawn { reason: None }.name(), "withdrawn");
    /// ```
    pub fn name(&self) -> &'static str {
        match self {
            EventKind::Submitted { .. } => "submitted",
            EventKind::StepCompleted { .. } => "step_completed",
            EventKind::ReturnedForCorrection { .. } => "returned_for_correction",
            EventKind::Resubmitted { .. } => "resubmitted",
            EventKind::Rejected { .. } => "rejected",
            EventKind::Withdrawn { .. } => "withdrawn",
            EventKind::Assigned { .. } => "assigned",
        }
    }
}

/// Where a case stands.
///
/// # Example
/// ```
/// assert_eq!(serde_json::to_value(ptsp::CaseStatus::AwaitingCorrection)?, "awaiting_correction");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CaseStatus {
    /// Not yet submitted.
    New,
    /// A step is in progress.
    Active,
    /// Back with the applicant.
    AwaitingCorrection,
    /// Finished.
    Ended(EndKind),
}

/// Who a lane's work is assigned to.
///
/// # Example
/// ```
/// let a = ptsp::Assignment { unit: Some("dinkes".into()), staff: None };
/// assert!(a.staff.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Assignment {
    /// Unit.
    pub unit: Option<String>,
    /// Staff member.
    pub staff: Option<String>,
}

/// One visit of a step: entered, deadline, pauses, finished.
///
/// # Example
/// ```
/// let case = ptsp::Case::new();
/// assert!(case.visits.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepVisit {
    /// The step.
    pub step: String,
    /// When it was entered.
    pub started: DateTime<FixedOffset>,
    /// The deadline in force (recomputed on resubmission).
    pub due: Option<DateTime<FixedOffset>>,
    /// The first deadline, as computed on entry.
    pub first_due: Option<DateTime<FixedOffset>>,
    /// Correction rounds: (returned, resubmitted).
    pub pauses: Vec<(DateTime<FixedOffset>, Option<DateTime<FixedOffset>>)>,
    /// When it finished.
    pub ended: Option<DateTime<FixedOffset>>,
    /// How (outcome id, or `rejected` / `withdrawn`).
    pub outcome: Option<String>,
    /// The unit that completed it, for a step of a routed lane.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
}

/// The state of a case: a pure fold of its events.
///
/// # Example
/// ```
/// use ptsp::{Actor, Calendar, Case, Command, Procedure, Request, SubmittedDocument};
/// let (proc_, cal) = (Procedure::jatim_permit(), Calendar::jatim());
/// let docs = ["surat_permohonan", "ktp", "nib", "npwp", "dokumen_teknis"]
///     .map(|c| SubmittedDocument::new(c, "pdf", 10_000)).to_vec();
/// let req = Request {
///     actor: Actor::new("p-1", &["pemohon"], None),
///     at: ptsp::calendar::parse_instant("2026-12-22T09:15:00+07:00")?,
///     command: Command::Submit { case_id: "IZN-1".into(), documents: docs },
/// };
/// let mut case = Case::new();
/// let events = case.decide(&req, &proc_, &cal)?;
/// for e in &events { case.apply(e)?; }
/// assert_eq!(case.current.as_deref(), Some("pemeriksaan"));
/// assert_eq!(case.due().unwrap().to_rfc3339(), "2026-12-29T16:00:00+07:00");
/// assert_eq!(Case::replay(&events)?, case);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Case {
    /// Case id.
    pub id: String,
    /// Procedure id.
    pub procedure: String,
    /// Procedure version.
    pub version: u32,
    /// Applicant's actor id.
    pub applicant: String,
    /// Status.
    pub status: CaseStatus,
    /// The current step.
    pub current: Option<String>,
    /// Latest documents.
    pub documents: Vec<SubmittedDocument>,
    /// Assignments per lane.
    pub assignments: BTreeMap<String, Assignment>,
    /// Every step visit, in order.
    pub visits: Vec<StepVisit>,
    /// Number of correction rounds.
    pub corrections: u32,
    /// The tier (severity), once set.
    pub tier: Option<String>,
    /// The case-level deadline of the tier.
    pub case_due: Option<DateTime<FixedOffset>>,
    /// Working seconds that were left on the current step's clock when the
    /// file last went back to the applicant.
    pub remaining_at_pause: i64,
    /// Number of events applied.
    pub events: u64,
    /// Instant of the last event applied.
    pub last_at: Option<DateTime<FixedOffset>>,
}

impl Default for Case {
    fn default() -> Self {
        Case::new()
    }
}

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
    /// Being the staff member the lane is assigned to.
    Staff {
        /// The staff member.
        staff: String,
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
            (Requirement::Role { roles }, Lang::En) => format!("one of the roles {roles:?}"),
            (Requirement::Role { roles }, Lang::Id) => format!("salah satu peran {roles:?}"),
            (Requirement::Applicant, Lang::En) => "the case's own applicant".into(),
            (Requirement::Applicant, Lang::Id) => "pemohon kasus ini sendiri".into(),
            (Requirement::Unit { unit }, Lang::En) => format!("membership of unit {unit:?}"),
            (Requirement::Unit { unit }, Lang::Id) => format!("keanggotaan unit {unit:?}"),
            (Requirement::Staff { staff }, Lang::En) => format!("being staff member {staff:?}"),
            (Requirement::Staff { staff }, Lang::Id) => format!("petugas {staff:?} sendiri"),
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
    #[error("step {step:?} has no outcome {outcome:?}: expected one of {expected:?}")]
    UnknownOutcome {
        /// The step.
        step: String,
        /// The outcome named.
        outcome: String,
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
            CaseError::NotAllowed { .. } => "not_allowed",
            CaseError::NotRouted { .. } => "not_routed",
            CaseError::InvalidInput { what, .. } => match *what {
                "documents" => "incomplete_documents",
                _ => "invalid_input",
            },
            CaseError::InconsistentLog { .. } => "inconsistent_log",
            CaseError::Calendar(e) => e.code(),
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
                "langkah {step:?} tidak memiliki hasil {outcome:?}: seharusnya salah satu dari {expected:?}"
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
            CaseError::Calendar(e) => e.message(Lang::Id),
        }
    }
}

type CaseResult<T> = Result<T, CaseError>;

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
        other => other,
    }
}

/// Indonesian form of a case status text (see `Case::status_text`).
fn status_id(status: &str) -> String {
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
                    k => k,
                }
            ),
            None => other.into(),
        },
    }
}

/// Checks submitted documents against a procedure's requirements and
/// returns every gap: missing mandatory documents, unknown codes, wrong
/// formats, files too large, duplicates — each with a path, code and
/// messages in both languages.
///
/// # Example
/// ```
/// use ptsp::{Procedure, SubmittedDocument, check_documents};
/// let p = Procedure::jatim_permit();
/// let gaps = check_documents(&p.def().documents, &[SubmittedDocument::new("ktp", "docx", 10)]);
/// let codes: Vec<&str> = gaps.iter().map(|g| g.code.as_str()).collect();
/// assert!(codes.contains(&"missing_document"));
/// assert!(codes.contains(&"wrong_format"));
/// ```
pub fn check_documents(
    required: &[DocumentRequirement],
    submitted: &[SubmittedDocument],
) -> Vec<Problem> {
    let mut out = Vec::new();
    for (i, d) in submitted.iter().enumerate() {
        let path = format!("documents[{i}]");
        if submitted[..i].iter().any(|e| e.code == d.code) {
            out.push(Problem::new(
                format!("{path}.code"),
                "duplicate_document",
                format!("document {:?} is submitted twice", d.code),
                format!("dokumen {:?} diunggah dua kali", d.code),
            ));
        }
        let Some(req) = required.iter().find(|r| r.code == d.code) else {
            out.push(Problem::new(
                format!("{path}.code"),
                "unknown_document",
                format!("document {:?} is not a requirement of this service", d.code),
                format!("dokumen {:?} bukan persyaratan layanan ini", d.code),
            ));
            continue;
        };
        let format = d.format.to_ascii_lowercase();
        if !req.formats.is_empty() && !req.formats.contains(&format) {
            out.push(Problem::new(
                format!("{path}.format"),
                "wrong_format",
                format!(
                    "{} must be one of {:?}, found {:?}",
                    req.name.en, req.formats, d.format
                ),
                format!(
                    "{} harus berformat salah satu dari {:?}, ditemukan {:?}",
                    req.name.id, req.formats, d.format
                ),
            ));
        }
        if let Some(max) = req.max_bytes
            && d.bytes > max
        {
            out.push(Problem::new(
                format!("{path}.bytes"),
                "file_too_large",
                format!(
                    "{} is {} bytes: at most {max} allowed",
                    req.name.en, d.bytes
                ),
                format!(
                    "{} berukuran {} byte: paling besar {max}",
                    req.name.id, d.bytes
                ),
            ));
        }
        if d.bytes == 0 {
            out.push(Problem::new(
                format!("{path}.bytes"),
                "empty_file",
                format!("{} is an empty file", req.name.en),
                format!("{} adalah berkas kosong", req.name.id),
            ));
        }
    }
    for (i, r) in required.iter().enumerate() {
        if r.mandatory && !submitted.iter().any(|d| d.code == r.code) {
            out.push(Problem::new(
                format!("required[{i}]"),
                "missing_document",
                format!("{} ({}) is required and missing", r.name.en, r.code),
                format!("{} ({}) wajib dan belum diunggah", r.name.id, r.code),
            ));
        }
    }
    out
}

impl Case {
    /// A case not yet submitted.
    ///
    /// # Example
    /// ```
    /// assert_eq!(ptsp::Case::new().status, ptsp::CaseStatus::New);
    /// ```
    pub fn new() -> Case {
        Case {
            id: String::new(),
            procedure: String::new(),
            version: 0,
            applicant: String::new(),
            status: CaseStatus::New,
            current: None,
            documents: Vec::new(),
            assignments: BTreeMap::new(),
            visits: Vec::new(),
            corrections: 0,
            tier: None,
            case_due: None,
            remaining_at_pause: 0,
            events: 0,
            last_at: None,
        }
    }

    /// Replays a log from the start.
    ///
    /// # Example
    /// ```
    /// assert_eq!(ptsp::Case::replay(&[])?, ptsp::Case::new());
    /// # Ok::<(), ptsp::CaseError>(())
    /// ```
    pub fn replay(events: &[Event]) -> CaseResult<Case> {
        let mut case = Case::new();
        for e in events {
            case.apply(e)?;
        }
        Ok(case)
    }

    /// The deadline of the current step, if it has one.
    ///
    /// # Example
    /// ```
    /// assert!(ptsp::Case::new().due().is_none());
    /// ```
    pub fn due(&self) -> Option<DateTime<FixedOffset>> {
        match self.status {
            CaseStatus::Active | CaseStatus::AwaitingCorrection => self.visits.last()?.due,
            _ => None,
        }
    }

    fn status_text(&self) -> String {
        match self.status {
            CaseStatus::Ended(k) => format!("ended ({})", end_name(k)),
            CaseStatus::New => "new".into(),
            CaseStatus::Active => "active".into(),
            CaseStatus::AwaitingCorrection => "awaiting_correction".into(),
        }
    }

    fn wrong_state(&self, action: &'static str) -> CaseError {
        CaseError::WrongState {
            action,
            status: self.status_text(),
        }
    }

    fn current_step<'p>(
        &self,
        p: &'p Procedure,
        named: &str,
        action: &'static str,
    ) -> CaseResult<&'p StepDef> {
        if self.status != CaseStatus::Active {
            return Err(self.wrong_state(action));
        }
        if self.current.as_deref() != Some(named) {
            return Err(CaseError::WrongStep {
                expected: self.current.clone(),
                found: named.to_owned(),
            });
        }
        p.step(named).ok_or_else(|| CaseError::InconsistentLog {
            index: self.events,
            detail: format!("current step {named:?} is not in the procedure"),
        })
    }

    /// Whether `actor` may act on `step`; the error names what was needed.
    fn authorize(
        &self,
        p: &Procedure,
        step: &StepDef,
        actor: &Actor,
        action: &'static str,
    ) -> CaseResult<()> {
        let lane = p
            .lane(&step.lane)
            .ok_or_else(|| CaseError::InconsistentLog {
                index: self.events,
                detail: format!("lane {:?} is not in the procedure", step.lane),
            })?;
        let roles = if step.roles.is_empty() {
            &lane.roles
        } else {
            &step.roles
        };
        let deny = |required| {
            Err(CaseError::Unauthorized {
                actor: actor.id.clone(),
                action,
                required,
            })
        };
        if !roles.iter().any(|r| actor.has_role(r)) {
            return deny(Requirement::Role {
                roles: roles.clone(),
            });
        }
        match lane.kind {
            LaneKind::Applicant if actor.id != self.applicant => deny(Requirement::Applicant),
            LaneKind::RoutedUnit => {
                let Some(a) = self.assignments.get(&lane.id).filter(|a| a.unit.is_some()) else {
                    return Err(CaseError::NotRouted {
                        lane: lane.id.clone(),
                    });
                };
                let unit = a.unit.clone().unwrap_or_default();
                if actor.unit.as_deref() != Some(unit.as_str()) {
                    return deny(Requirement::Unit { unit });
                }
                self.check_staff(a, actor, action)
            }
            _ => match self.assignments.get(&lane.id) {
                Some(a) => self.check_staff(a, actor, action),
                None => Ok(()),
            },
        }
    }

    fn check_staff(&self, a: &Assignment, actor: &Actor, action: &'static str) -> CaseResult<()> {
        match &a.staff {
            Some(staff) if *staff != actor.id => Err(CaseError::Unauthorized {
                actor: actor.id.clone(),
                action,
                required: Requirement::Staff {
                    staff: staff.clone(),
                },
            }),
            _ => Ok(()),
        }
    }

    fn applicant_only(&self, p: &Procedure, actor: &Actor, action: &'static str) -> CaseResult<()> {
        let start = p.step(&p.def().start).expect("validated start step");
        let lane = p.lane(&start.lane).expect("validated lane");
        if !lane.roles.iter().any(|r| actor.has_role(r)) {
            return Err(CaseError::Unauthorized {
                actor: actor.id.clone(),
                action,
                required: Requirement::Role {
                    roles: lane.roles.clone(),
                },
            });
        }
        if !self.applicant.is_empty() && actor.id != self.applicant {
            return Err(CaseError::Unauthorized {
                actor: actor.id.clone(),
                action,
                required: Requirement::Applicant,
            });
        }
        Ok(())
    }

    /// The deadline of entering `step` at `at` (None without an SLA).
    fn due_on_entry(
        p: &Procedure,
        cal: &Calendar,
        step: &StepDef,
        at: DateTime<FixedOffset>,
    ) -> CaseResult<Option<DateTime<FixedOffset>>> {
        match &step.sla {
            Some(sla) => sla_due(p, cal, sla, at).map(Some),
            None => Ok(None),
        }
    }

    /// Checks a request and returns the events it causes; changes nothing.
    /// See the type's example.
    ///
    /// # Example
    /// ```
    /// use ptsp::{Actor, Calendar, Case, Command, Procedure, Request};
    /// let req = Request {
    ///     actor: Actor::new("x", &["verifikator"], None),
    ///     at: ptsp::calendar::parse_instant("2026-12-22T09:15:00+07:00")?,
    ///     command: Command::Withdraw { reason: None },
    /// };
    /// let err = Case::new().decide(&req, &Procedure::jatim_permit(), &Calendar::jatim()).unwrap_err();
    /// assert_eq!(err.code(), "wrong_state");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn decide(&self, req: &Request, p: &Procedure, cal: &Calendar) -> CaseResult<Vec<Event>> {
        if self.status != CaseStatus::New
            && (self.procedure != p.def().id || self.version != p.def().version)
        {
            return Err(CaseError::InconsistentLog {
                index: self.events,
                detail: format!(
                    "case runs on {} v{}, not {} v{}",
                    self.procedure,
                    self.version,
                    p.def().id,
                    p.def().version
                ),
            });
        }
        let at = req.at;
        let actor = &req.actor;
        let event = |kind| Event {
            at,
            actor: actor.id.clone(),
            kind,
        };
        let kind = match &req.command {
            Command::Submit { case_id, documents } => {
                if self.status != CaseStatus::New {
                    return Err(self.wrong_state("submit"));
                }
                self.applicant_only(p, actor, "submit")?;
                if case_id.trim().is_empty() {
                    return Err(CaseError::InvalidInput {
                        what: "case id",
                        problems: vec![Problem::new(
                            "case_id",
                            "empty_id",
                            "case id is empty",
                            "id kasus kosong",
                        )],
                    });
                }
                check_complete(p, documents)?;
                let start = p.step(&p.def().start).expect("validated start");
                let outcome = &start.outcomes[0];
                let next = p.step(&outcome.next).expect("validated target");
                EventKind::Submitted {
                    case_id: case_id.clone(),
                    procedure: p.def().id.clone(),
                    version: p.def().version,
                    applicant: actor.id.clone(),
                    documents: documents.clone(),
                    entered: next.id.clone(),
                    due: Case::due_on_entry(p, cal, next, at)?,
                }
            }
            Command::CompleteStep {
                step,
                outcome,
                note,
                tier,
            } => {
                let s = self.current_step(p, step, "complete_step")?;
                self.authorize(p, s, actor, "complete_step")?;
                let ends = s
                    .outcomes
                    .iter()
                    .find(|o| o.id == *outcome)
                    .and_then(|o| p.step(&o.next))
                    .is_some_and(|n| n.kind == StepKind::End);
                let case_due = match (s.sets_tier, tier) {
                    (true, Some(_)) | (true, None) if ends => None,
                    (true, Some(t)) => {
                        let Some(def) = p.tier(t) else {
                            return Err(tier_problem(
                                "unknown_tier",
                                format!(
                                    "tier {t:?} is not one of {:?}",
                                    p.def().tiers.iter().map(|t| &t.id).collect::<Vec<_>>()
                                ),
                                format!(
                                    "tingkat {t:?} bukan salah satu dari {:?}",
                                    p.def().tiers.iter().map(|t| &t.id).collect::<Vec<_>>()
                                ),
                            ));
                        };
                        Some(sla_due(p, cal, &def.sla, at)?)
                    }
                    (true, None) => {
                        return Err(tier_problem(
                            "tier_required",
                            format!("step {step:?} sets the case's tier: give one"),
                            format!("langkah {step:?} menetapkan tingkat kasus: isi tingkatnya"),
                        ));
                    }
                    (false, Some(t)) => {
                        return Err(tier_problem(
                            "tier_not_allowed",
                            format!("step {step:?} does not set a tier, found {t:?}"),
                            format!("langkah {step:?} tidak menetapkan tingkat, ditemukan {t:?}"),
                        ));
                    }
                    (false, None) => None,
                };
                let o = s
                    .outcomes
                    .iter()
                    .find(|o| o.id == *outcome)
                    .ok_or_else(|| CaseError::UnknownOutcome {
                        step: step.clone(),
                        outcome: outcome.clone(),
                        expected: s.outcomes.iter().map(|o| o.id.clone()).collect(),
                    })?;
                let next = p.step(&o.next).expect("validated target");
                let ended = (next.kind == StepKind::End).then_some(next.end).flatten();
                EventKind::StepCompleted {
                    step: step.clone(),
                    outcome: outcome.clone(),
                    note: note.clone(),
                    entered: next.id.clone(),
                    due: if ended.is_some() {
                        None
                    } else {
                        Case::due_on_entry(p, cal, next, at)?
                    },
                    ended,
                    tier: tier.clone(),
                    case_due,
                    unit: p
                        .lane(&s.lane)
                        .filter(|l| l.kind == LaneKind::RoutedUnit)
                        .and_then(|_| actor.unit.clone()),
                }
            }
            Command::ReturnForCorrection { step, reasons } => {
                let s = self.current_step(p, step, "return_for_correction")?;
                self.authorize(p, s, actor, "return_for_correction")?;
                if !s.correction {
                    return Err(CaseError::NotAllowed {
                        step: step.clone(),
                        action: "return_for_correction",
                    });
                }
                check_reasons(p, reasons)?;
                let remaining = match self.visits.last().and_then(|v| v.due) {
                    Some(due) => cal
                        .working_time_between(at, due)
                        .map_err(calendar_err)?
                        .num_seconds()
                        .max(0),
                    None => 0,
                };
                EventKind::ReturnedForCorrection {
                    step: step.clone(),
                    reasons: reasons.clone(),
                    remaining_seconds: remaining,
                }
            }
            Command::Resubmit { documents } => {
                if self.status != CaseStatus::AwaitingCorrection {
                    return Err(self.wrong_state("resubmit"));
                }
                self.applicant_only(p, actor, "resubmit")?;
                check_complete(p, documents)?;
                let step = self.current.clone().unwrap_or_default();
                let s = p.step(&step).ok_or_else(|| CaseError::InconsistentLog {
                    index: self.events,
                    detail: format!("current step {step:?} is not in the procedure"),
                })?;
                let due = match (p.def().correction_clock, s.sla.is_some()) {
                    (_, false) => None,
                    (CorrectionClock::Restart, true) => Case::due_on_entry(p, cal, s, at)?,
                    (CorrectionClock::PauseResume, true) => {
                        let left = self.remaining_at_pause;
                        Some(
                            cal.add_working_time(at, working_duration(left, "s")?)
                                .map_err(calendar_err)?,
                        )
                    }
                };
                EventKind::Resubmitted {
                    step,
                    documents: documents.clone(),
                    due,
                }
            }
            Command::Reject { step, reason } => {
                let s = self.current_step(p, step, "reject")?;
                self.authorize(p, s, actor, "reject")?;
                if !s.can_reject {
                    return Err(CaseError::NotAllowed {
                        step: step.clone(),
                        action: "reject",
                    });
                }
                if reason.trim().is_empty() {
                    return Err(CaseError::InvalidInput {
                        what: "reason",
                        problems: vec![Problem::new(
                            "reason",
                            "empty_reason",
                            "a rejection needs a reason",
                            "penolakan membutuhkan alasan",
                        )],
                    });
                }
                EventKind::Rejected {
                    step: step.clone(),
                    reason: reason.clone(),
                }
            }
            Command::Withdraw { reason } => {
                if !matches!(
                    self.status,
                    CaseStatus::Active | CaseStatus::AwaitingCorrection
                ) {
                    return Err(self.wrong_state("withdraw"));
                }
                self.applicant_only(p, actor, "withdraw")?;
                EventKind::Withdrawn {
                    reason: reason.clone(),
                }
            }
            Command::Assign { lane, unit, staff } => {
                if !matches!(
                    self.status,
                    CaseStatus::Active | CaseStatus::AwaitingCorrection
                ) {
                    return Err(self.wrong_state("assign"));
                }
                let roles = &p.def().assigner_roles;
                if !roles.iter().any(|r| actor.has_role(r)) {
                    return Err(CaseError::Unauthorized {
                        actor: actor.id.clone(),
                        action: "assign",
                        required: Requirement::Role {
                            roles: roles.clone(),
                        },
                    });
                }
                let Some(l) = p.lane(lane) else {
                    return Err(CaseError::InvalidInput {
                        what: "assignment",
                        problems: vec![Problem::new(
                            "lane",
                            "unknown_lane",
                            format!("lane {lane:?} is not in the procedure"),
                            format!("lajur {lane:?} tidak ada di prosedur"),
                        )],
                    });
                };
                let empty = |v: &Option<String>| v.as_deref().is_none_or(|s| s.trim().is_empty());
                if (l.kind == LaneKind::RoutedUnit && empty(unit))
                    || (empty(unit) && empty(staff))
                    || l.kind == LaneKind::Applicant
                {
                    return Err(CaseError::InvalidInput {
                        what: "assignment",
                        problems: vec![Problem::new(
                            "unit",
                            "invalid_assignment",
                            format!(
                                "lane {lane:?} needs a unit{} to assign to",
                                if l.kind == LaneKind::RoutedUnit {
                                    ""
                                } else {
                                    " or staff member"
                                }
                            ),
                            format!(
                                "lajur {lane:?} membutuhkan unit{} tujuan penugasan",
                                if l.kind == LaneKind::RoutedUnit {
                                    ""
                                } else {
                                    " atau petugas"
                                }
                            ),
                        )],
                    });
                }
                EventKind::Assigned {
                    lane: lane.clone(),
                    unit: unit.clone(),
                    staff: staff.clone(),
                }
            }
        };
        Ok(vec![event(kind)])
    }

    /// Folds one event into the state.
    ///
    /// # Example
    /// ```
    /// let e: ptsp::Event = serde_json::from_str(r#"{"at": "2026-12-22T09:15:00+07:00",
    ///   "actor": "p", "type": "withdrawn", "reason": null}"#)?;
    /// assert_eq!(ptsp::Case::new().apply(&e).unwrap_err().code(), "inconsistent_log");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn apply(&mut self, e: &Event) -> CaseResult<()> {
        let bad = |detail: String| CaseError::InconsistentLog {
            index: self.events,
            detail,
        };
        if let Some(last) = self.last_at
            && e.at < last
        {
            return Err(bad(format!(
                "event at {} is earlier than the one before",
                e.at
            )));
        }
        match (&e.kind, self.status) {
            (
                EventKind::Submitted {
                    case_id,
                    procedure,
                    version,
                    applicant,
                    documents,
                    entered,
                    due,
                },
                CaseStatus::New,
            ) => {
                self.id.clone_from(case_id);
                self.procedure.clone_from(procedure);
                self.version = *version;
                self.applicant.clone_from(applicant);
                self.documents.clone_from(documents);
                self.status = CaseStatus::Active;
                self.enter(entered, e.at, *due);
            }
            (
                EventKind::StepCompleted {
                    step,
                    outcome,
                    entered,
                    due,
                    ended,
                    tier,
                    case_due,
                    unit,
                    ..
                },
                CaseStatus::Active,
            ) if self.current.as_deref() == Some(step) => {
                self.finish(e.at, outcome);
                if let Some(v) = self.visits.last_mut() {
                    v.unit.clone_from(unit);
                }
                if tier.is_some() {
                    self.tier.clone_from(tier);
                    self.case_due = *case_due;
                }
                match ended {
                    Some(k) => {
                        self.status = CaseStatus::Ended(*k);
                        self.current = Some(entered.clone());
                    }
                    None => self.enter(entered, e.at, *due),
                }
            }
            (
                EventKind::ReturnedForCorrection {
                    step,
                    remaining_seconds,
                    ..
                },
                CaseStatus::Active,
            ) if self.current.as_deref() == Some(step) => {
                self.status = CaseStatus::AwaitingCorrection;
                self.corrections += 1;
                self.remaining_at_pause = *remaining_seconds;
                if let Some(v) = self.visits.last_mut() {
                    v.pauses.push((e.at, None));
                }
            }
            (
                EventKind::Resubmitted {
                    step,
                    documents,
                    due,
                },
                CaseStatus::AwaitingCorrection,
            ) if self.current.as_deref() == Some(step) => {
                self.status = CaseStatus::Active;
                self.documents.clone_from(documents);
                if let Some(v) = self.visits.last_mut() {
                    if let Some(p) = v.pauses.last_mut() {
                        p.1 = Some(e.at);
                    }
                    v.due = *due;
                }
            }
            (EventKind::Rejected { step, .. }, CaseStatus::Active)
                if self.current.as_deref() == Some(step) =>
            {
                self.finish(e.at, "rejected");
                self.status = CaseStatus::Ended(EndKind::Rejected);
            }
            (EventKind::Withdrawn { .. }, CaseStatus::Active | CaseStatus::AwaitingCorrection) => {
                if let Some(v) = self.visits.last_mut()
                    && let Some(p) = v.pauses.last_mut()
                    && p.1.is_none()
                {
                    p.1 = Some(e.at);
                }
                self.finish(e.at, "withdrawn");
                self.status = CaseStatus::Ended(EndKind::Withdrawn);
            }
            (
                EventKind::Assigned { lane, unit, staff },
                CaseStatus::Active | CaseStatus::AwaitingCorrection,
            ) => {
                self.assignments.insert(
                    lane.clone(),
                    Assignment {
                        unit: unit.clone(),
                        staff: staff.clone(),
                    },
                );
            }
            (kind, _) => {
                return Err(bad(format!(
                    "{} does not fit a case whose status is {} at step {:?}",
                    kind.name(),
                    self.status_text(),
                    self.current
                )));
            }
        }
        self.events += 1;
        self.last_at = Some(e.at);
        Ok(())
    }

    fn enter(&mut self, step: &str, at: DateTime<FixedOffset>, due: Option<DateTime<FixedOffset>>) {
        self.current = Some(step.to_owned());
        self.remaining_at_pause = 0;
        self.visits.push(StepVisit {
            step: step.to_owned(),
            started: at,
            due,
            first_due: due,
            pauses: Vec::new(),
            ended: None,
            outcome: None,
            unit: None,
        });
    }

    fn finish(&mut self, at: DateTime<FixedOffset>, outcome: &str) {
        if let Some(v) = self.visits.last_mut() {
            v.ended = Some(at);
            v.outcome = Some(outcome.to_owned());
        }
    }

    /// Decides and applies one request; returns the events (to append to
    /// the case's log). On error the case is unchanged.
    ///
    /// # Example
    /// ```
    /// use ptsp::{Actor, Calendar, Case, Command, Procedure, Request};
    /// let mut case = Case::new();
    /// let before = case.clone();
    /// let req = Request {
    ///     actor: Actor::new("x", &["pemohon"], None),
    ///     at: ptsp::calendar::parse_instant("2026-12-22T09:15:00+07:00")?,
    ///     command: Command::Submit { case_id: "A".into(), documents: vec![] },
    /// };
    /// let err = case.execute(&req, &Procedure::jatim_permit(), &Calendar::jatim()).unwrap_err();
    /// assert_eq!(err.code(), "incomplete_documents");
    /// assert_eq!(case, before);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn execute(
        &mut self,
        req: &Request,
        p: &Procedure,
        cal: &Calendar,
    ) -> CaseResult<Vec<Event>> {
        let events = self.decide(req, p, cal)?;
        let mut next = self.clone();
        for e in &events {
            next.apply(e)?;
        }
        *self = next;
        Ok(events)
    }
}

/// A calendar operation's error inside the case engine (and its SLA
/// clocks): calendar errors keep their code.
pub(crate) fn calendar_err(e: crate::Error) -> CaseError {
    match e {
        crate::Error::Calendar(c) => CaseError::Calendar(c),
        other => CaseError::InconsistentLog {
            index: 0,
            detail: other.to_string(),
        },
    }
}

/// The deadline of an SLA started at `at`.
pub(crate) fn sla_due(
    p: &Procedure,
    cal: &Calendar,
    sla: &crate::procedure::Sla,
    at: DateTime<FixedOffset>,
) -> CaseResult<DateTime<FixedOffset>> {
    match sla.unit {
        SlaUnit::WorkingDays => Ok(cal
            .deadline(at, sla.amount, &p.def().deadline_policy)
            .map_err(calendar_err)?
            .due_at),
        SlaUnit::WorkingHours => cal
            .add_working_time(at, working_duration(sla.amount, "h")?)
            .map_err(calendar_err),
    }
}

/// A duration of `amount` hours (`unit` `"h"`) or seconds, or
/// `out_of_range` when chrono cannot hold it (a definition or an event log
/// may carry any `i64`).
fn working_duration(amount: i64, unit: &'static str) -> CaseResult<Duration> {
    let d = if unit == "h" {
        Duration::try_hours(amount)
    } else {
        Duration::try_seconds(amount)
    };
    d.ok_or_else(|| {
        CaseError::Calendar(crate::CalendarError::OutOfRange {
            what: "duration",
            value: format!("{amount} {unit}"),
        })
    })
}

fn tier_problem(code: &str, en: String, id: String) -> CaseError {
    CaseError::InvalidInput {
        what: "tier",
        problems: vec![Problem::new("tier", code, en, id)],
    }
}

fn check_complete(p: &Procedure, documents: &[SubmittedDocument]) -> CaseResult<()> {
    let problems = check_documents(&p.def().documents, documents);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(CaseError::InvalidInput {
            what: "documents",
            problems,
        })
    }
}

fn check_reasons(p: &Procedure, reasons: &[CorrectionReason]) -> CaseResult<()> {
    let mut problems = Vec::new();
    if reasons.is_empty() {
        problems.push(Problem::new(
            "reasons",
            "empty_reasons",
            "a correction needs at least one reason",
            "perbaikan membutuhkan paling sedikit satu alasan",
        ));
    }
    // With declared documents a reason names one of them; a procedure
    // without documents (a complaint asking for more information) takes
    // any topic there.
    let documents = &p.def().documents;
    for (i, r) in reasons.iter().enumerate() {
        if !documents.is_empty() && !documents.iter().any(|d| d.code == r.document) {
            problems.push(Problem::new(
                format!("reasons[{i}].document"),
                "unknown_document",
                format!(
                    "document {:?} is not a requirement of this service",
                    r.document
                ),
                format!("dokumen {:?} bukan persyaratan layanan ini", r.document),
            ));
        }
        if r.reason.trim().is_empty() {
            problems.push(Problem::new(
                format!("reasons[{i}].reason"),
                "empty_reason",
                "the reason is empty",
                "alasannya kosong",
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(CaseError::InvalidInput {
            what: "reasons",
            problems,
        })
    }
}

pub(crate) fn end_name(k: EndKind) -> &'static str {
    match k {
        EndKind::Approved => "approved",
        EndKind::Rejected => "rejected",
        EndKind::Withdrawn => "withdrawn",
        EndKind::Completed => "completed",
        EndKind::Forwarded => "forwarded",
        EndKind::Archived => "archived",
    }
}

/// One line of a public tracking history.
///
/// # Example
/// ```
/// let t: ptsp::TrackingEntry = serde_json::from_str(
///     r#"{"at": "2026-12-22T09:15:00+07:00", "what": "step_entered", "step": "pemeriksaan"}"#)?;
/// assert_eq!(t.what, "step_entered");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrackingEntry {
    /// When.
    pub at: DateTime<FixedOffset>,
    /// `step_entered`, `step_completed`, `returned_for_correction`,
    /// `resubmitted`, `rejected`, `withdrawn`.
    pub what: String,
    /// The step.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<String>,
    /// The outcome, for completed steps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<String>,
}

/// The public view of a case (seed §10, openness of information): status,
/// current step, due date and history — without personal data (no actor
/// ids, applicant, notes, reasons or documents).
///
/// # Example
/// ```
/// let t = ptsp::Case::new().tracking(&ptsp::Procedure::jatim_permit());
/// assert!(t.history.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tracking {
    /// Case id.
    pub case_id: String,
    /// Procedure name.
    pub procedure: crate::procedure::Label,
    /// Status.
    pub status: CaseStatus,
    /// Current step id and name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_step: Option<(String, crate::procedure::Label)>,
    /// Current deadline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<DateTime<FixedOffset>>,
    /// History, oldest first.
    pub history: Vec<TrackingEntry>,
}

impl Case {
    /// The public tracking view.
    ///
    /// # Example
    /// ```
    /// let json = serde_json::to_string(&ptsp::Case::new().tracking(&ptsp::Procedure::jatim_permit()))?;
    /// assert!(!json.contains("applicant"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn tracking(&self, p: &Procedure) -> Tracking {
        let mut history = Vec::new();
        let entry = |at, what: &str, step: &str, outcome: Option<&String>| TrackingEntry {
            at,
            what: what.to_owned(),
            step: Some(step.to_owned()),
            outcome: outcome.cloned(),
        };
        for v in &self.visits {
            history.push(entry(v.started, "step_entered", &v.step, None));
            for (from, to) in &v.pauses {
                history.push(entry(*from, "returned_for_correction", &v.step, None));
                if let Some(to) = to {
                    history.push(entry(*to, "resubmitted", &v.step, None));
                }
            }
            if let (Some(at), Some(outcome)) = (v.ended, &v.outcome) {
                let what = match outcome.as_str() {
                    "rejected" | "withdrawn" => outcome.as_str(),
                    _ => "step_completed",
                };
                let shown = (what == "step_completed").then_some(outcome);
                history.push(entry(at, what, &v.step, shown));
            }
        }
        // A case that ended by reaching an end step: that step was entered last.
        if let (CaseStatus::Ended(_), Some(step), Some(at)) =
            (self.status, &self.current, self.last_at)
            && p.step(step).is_some_and(|s| s.kind == StepKind::End)
        {
            history.push(entry(at, "step_entered", step, None));
        }
        Tracking {
            case_id: self.id.clone(),
            procedure: p.def().name.clone(),
            status: self.status,
            current_step: self
                .current
                .as_ref()
                .and_then(|s| p.step(s).map(|d| (s.clone(), d.name.clone()))),
            due: self.due(),
            history,
        }
    }
}

/// What replaces a confidential applicant's identity in a redacted view.
pub const REDACTED: &str = "[dirahasiakan]";

impl Case {
    /// Whether `actor` may see who the applicant is: the applicant
    /// themselves, or an actor holding a role of a lane that sees the
    /// applicant ([`crate::LaneDef::sees_applicant`]). Roles of no lane see
    /// nothing (least privilege).
    ///
    /// # Example
    /// ```
    /// let p = ptsp::Procedure::jatim_permit();
    /// let case = ptsp::Case::new();
    /// assert!(case.sees_applicant(&ptsp::Actor::new("v", &["verifikator"], None), &p));
    /// assert!(!case.sees_applicant(&ptsp::Actor::new("x", &[], None), &p));
    /// ```
    pub fn sees_applicant(&self, actor: &Actor, p: &Procedure) -> bool {
        (!self.applicant.is_empty() && actor.id == self.applicant)
            || p.def()
                .lanes
                .iter()
                .filter(|l| l.sees_applicant)
                .any(|l| l.roles.iter().any(|r| actor.has_role(r)))
    }

    /// The case as `actor` may see it: the applicant's identity replaced by
    /// [`REDACTED`] when [`Case::sees_applicant`] says no.
    ///
    /// # Example
    /// ```
    /// let p = ptsp::Procedure::jatim_permit();
    /// let mut case = ptsp::Case::new();
    /// case.applicant = "p-1".into();
    /// let seen = case.view_for(&ptsp::Actor::new("x", &["satpam"], None), &p);
    /// assert_eq!(seen.applicant, ptsp::case::REDACTED);
    /// ```
    pub fn view_for(&self, actor: &Actor, p: &Procedure) -> Case {
        let mut view = self.clone();
        if !self.sees_applicant(actor, p) {
            view.applicant = REDACTED.to_owned();
        }
        view
    }

    /// A case's log as `actor` may see it: events by the applicant carry
    /// [`REDACTED`] as their actor, and the submission hides the applicant,
    /// when [`Case::sees_applicant`] says no.
    ///
    /// # Example
    /// ```
    /// let p = ptsp::Procedure::jatim_permit();
    /// assert!(ptsp::Case::new().events_for(&[], &ptsp::Actor::new("x", &[], None), &p).is_empty());
    /// ```
    pub fn events_for(&self, events: &[Event], actor: &Actor, p: &Procedure) -> Vec<Event> {
        if self.sees_applicant(actor, p) {
            return events.to_vec();
        }
        events
            .iter()
            .map(|e| {
                let mut e = e.clone();
                if e.actor == self.applicant {
                    e.actor = REDACTED.to_owned();
                }
                if let EventKind::Submitted { applicant, .. } = &mut e.kind {
                    *applicant = REDACTED.to_owned();
                }
                e
            })
            .collect()
    }
}
