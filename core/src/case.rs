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

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::calendar::{Calendar, CalendarError};
use crate::error::{Lang, Problem};
use crate::procedure::{
    CorrectionClock, DocumentRequirement, EndKind, LaneDef, LaneKind, OutputKind, Procedure, Sla,
    SlaUnit, StepDef, StepKind, TierAnchor,
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
        /// The documents the step produced (its official report,
        /// recommendation or permit), on a step that declares outputs.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        outputs: Vec<OutputRecord>,
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
        /// The unit (required for a routed lane, unless only a staff member
        /// is bound to a lane a unit already holds).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unit: Option<String>,
        /// The staff member: bound to the lane's current (or next) step
        /// visit only, released when that visit ends.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        staff: Option<String>,
        /// Why a unit that declined the case is assigned it again: required
        /// for that, and recorded in the event whenever given.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
    /// Act on a lapsed window (a [`crate::DueEvent`] the SLA evaluation
    /// reported): the applicant's step takes its lapse outcome
    /// ([`crate::StepDef::on_lapse`]), or a file not resubmitted within the
    /// correction window ends the case as lapsed. Any office actor may
    /// record it, and only once the window has passed at the request's
    /// instant.
    Lapse {
        /// The current step.
        step: String,
    },
}

/// A document a step produced, as recorded on completion: the official
/// report (*berita acara*), the recommendation, the permit.
///
/// # Example
/// ```
/// let o: ptsp::OutputRecord = serde_json::from_str(r#"{"kind": "izin",
///   "number": "503/1234/IZN/2026", "date": "2026-12-30"}"#)?;
/// assert_eq!(o.kind, ptsp::OutputKind::Izin);
/// assert!(o.file.is_none());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutputRecord {
    /// What it is (one the step declares).
    pub kind: OutputKind,
    /// Its official number.
    pub number: String,
    /// Its date (not after the day it is recorded).
    pub date: NaiveDate,
    /// Where the file is kept (a document-store reference).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
}

impl OutputRecord {
    /// A record without a file reference.
    ///
    /// # Example
    /// ```
    /// let d = ptsp::calendar::parse_date("2026-12-29")?;
    /// let o = ptsp::OutputRecord::new(ptsp::OutputKind::Rekomendasi, "445/REK/1", d);
    /// assert!(o.file.is_none());
    /// # Ok::<(), ptsp::CalendarError>(())
    /// ```
    pub fn new(kind: OutputKind, number: &str, date: NaiveDate) -> OutputRecord {
        OutputRecord {
            kind,
            number: number.to_owned(),
            date,
            file: None,
        }
    }
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
///   "at": "2026-12-22T09:15:00+07:00", "case": "IZN-1", "actor": "p-1",
///   "actor_role": "pemohon", "type": "withdrawn", "reason": null
/// }"#)?;
/// assert!(matches!(e.kind, ptsp::EventKind::Withdrawn { .. }));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// When.
    pub at: DateTime<FixedOffset>,
    /// The case the event belongs to.
    pub case: String,
    /// Actor id.
    pub actor: String,
    /// The role the actor acted under (checked on replay).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor_role: Option<String>,
    /// The unit the actor acted for, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor_unit: Option<String>,
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
        /// The documents the step produced.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        outputs: Vec<OutputRecord>,
        /// The routed lane whose unit declined the matter with this outcome
        /// (its assignment ends).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        declined: Option<String>,
        /// Whether the outcome was taken because the applicant's window
        /// lapsed ([`Command::Lapse`]) rather than by the applicant.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        by_lapse: bool,
        /// What happened to the case-level (tier) clock.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        case_clock: Option<CaseClockChange>,
    },
    /// The file went back to the applicant; the step's clock stopped.
    ReturnedForCorrection {
        /// The step.
        step: String,
        /// What to correct.
        reasons: Vec<CorrectionReason>,
        /// Working seconds that were left until the deadline (0 if late).
        remaining_seconds: i64,
        /// The end of the correction window, if the procedure sets one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        window_due: Option<DateTime<FixedOffset>>,
        /// What happened to the case-level (tier) clock.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        case_clock: Option<CaseClockChange>,
    },
    /// Corrected documents came back; the step's clock runs again.
    Resubmitted {
        /// The step resumed.
        step: String,
        /// Documents.
        documents: Vec<SubmittedDocument>,
        /// The step's new deadline.
        due: Option<DateTime<FixedOffset>>,
        /// What happened to the case-level (tier) clock.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        case_clock: Option<CaseClockChange>,
    },
    /// The correction window passed without a resubmission: the case ended
    /// as lapsed.
    CorrectionLapsed {
        /// The step the file was returned from.
        step: String,
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
        /// The step the staff member is bound to.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        step: Option<String>,
        /// Why a unit that declined is assigned again.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
}

/// A change of the case-level (tier) clock recorded in an event: it stops
/// while the case is with the applicant (an answer delivered and awaiting
/// confirmation, a file returned for correction) and runs again when the
/// case comes back to the office.
///
/// # Example
/// ```
/// let c: ptsp::CaseClockChange = serde_json::from_str(r#"{"change": "paused", "remaining_seconds": 3600}"#)?;
/// assert_eq!(c, ptsp::CaseClockChange::Paused { remaining_seconds: 3600 });
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum CaseClockChange {
    /// The tier was set: the clock runs from `from` (the tier's anchor).
    Started {
        /// The anchor instant.
        from: DateTime<FixedOffset>,
    },
    /// Stopped; the working seconds that were left (0 if late).
    Paused {
        /// Working seconds left until the tier deadline.
        remaining_seconds: i64,
    },
    /// Runs again with the time that was left: the new deadline.
    Resumed {
        /// The new deadline.
        due: DateTime<FixedOffset>,
    },
    /// Starts again with the tier's full SLA: the new deadline.
    Restarted {
        /// The new deadline.
        due: DateTime<FixedOffset>,
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
            outputs: Vec::new(),
        }
    }

    /// The same command recording `output` (on `CompleteStep`; other
    /// commands are returned unchanged).
    ///
    /// # Example
    /// ```
    /// use ptsp::{Command, OutputKind, OutputRecord};
    /// let date = ptsp::calendar::parse_date("2026-12-31")?;
    /// let c = Command::complete("cetak", "dicetak")
    ///     .with_output(OutputRecord::new(OutputKind::Izin, "503/IZN/0412/2026", date));
    /// assert!(matches!(&c, Command::CompleteStep { outputs, .. } if outputs.len() == 1));
    /// # Ok::<(), ptsp::CalendarError>(())
    /// ```
    pub fn with_output(mut self, output: OutputRecord) -> Command {
        if let Command::CompleteStep { outputs, .. } = &mut self {
            outputs.push(output);
        }
        self
    }

    /// The `snake_case` name of the command.
    ///
    /// # Example
    /// ```
    /// assert_eq!(ptsp::Command::complete("a", "b").name(), "complete_step");
    /// ```
    pub fn name(&self) -> &'static str {
        match self {
            Command::Submit { .. } => "submit",
            Command::CompleteStep { .. } => "complete_step",
            Command::ReturnForCorrection { .. } => "return_for_correction",
            Command::Resubmit { .. } => "resubmit",
            Command::Reject { .. } => "reject",
            Command::Withdraw { .. } => "withdraw",
            Command::Assign { .. } => "assign",
            Command::Lapse { .. } => "lapse",
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
            EventKind::CorrectionLapsed { .. } => "correction_lapsed",
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
/// let a = ptsp::Assignment { unit: Some("dinkes".into()), staff: None, step: None };
/// assert!(a.staff.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Assignment {
    /// The unit a routed lane's work belongs to, for the whole case (until
    /// the unit declines).
    pub unit: Option<String>,
    /// The staff member bound to one visit of `step`; released when that
    /// visit ends.
    pub staff: Option<String>,
    /// The step the staff member is bound to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<String>,
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
    /// The documents it produced.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outputs: Vec<OutputRecord>,
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
/// for e in &events { case.apply(e, &proc_)?; }
/// assert_eq!(case.current.as_deref(), Some("pemeriksaan"));
/// assert_eq!(case.due().unwrap().to_rfc3339(), "2026-12-29T16:00:00+07:00");
/// assert_eq!(Case::replay(&events, &proc_)?, case);
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
    /// The end of the current correction window, while the file is with
    /// the applicant and the procedure sets one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window_due: Option<DateTime<FixedOffset>>,
    /// Units that declined the case, per routed lane.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub declined: BTreeMap<String, Vec<String>>,
    /// When the current period of the case-level (tier) clock started: the
    /// tier's anchor, or the last restart.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case_started: Option<DateTime<FixedOffset>>,
    /// Stops of the case-level clock in its current period: (stopped,
    /// running again).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub case_pauses: Vec<(DateTime<FixedOffset>, Option<DateTime<FixedOffset>>)>,
    /// Working seconds that were left on the case-level clock when it last
    /// stopped.
    #[serde(default)]
    pub case_remaining_at_pause: i64,
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
            (Requirement::Role { roles }, Lang::En) => format!("one of the roles {roles:?}"),
            (Requirement::Role { roles }, Lang::Id) => format!("salah satu peran {roles:?}"),
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
            CaseError::NotDue { step, due } => format!(
                "jangka waktu langkah {step:?} masih berjalan sampai {due}: belum ada yang lewat waktu"
            ),
            CaseError::Calendar(e) => e.message(Lang::Id),
        }
    }
}

type CaseResult<T> = Result<T, CaseError>;

type Instant = DateTime<FixedOffset>;

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
                    "lapsed" => "lewat waktu",
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

/// The years an instant may fall in when it crosses the engine's boundary
/// (a request's instant, every instant of an event, the `now` of an SLA
/// evaluation): far wider than any case, narrow enough that no deadline
/// or offset arithmetic can overflow.
pub const INSTANT_YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// Whether an instant may cross the engine's boundary: inside
/// [`INSTANT_YEARS`], with a UTC offset of whole minutes (RFC 3339, the
/// form events are stored in, has no seconds in an offset: an instant at
/// `+07:00:10` would come back from its JSON ten seconds off).
pub(crate) fn instant_in_range(t: DateTime<FixedOffset>) -> bool {
    INSTANT_YEARS.contains(&t.naive_utc().year()) && t.offset().local_minus_utc() % 60 == 0
}

/// The refusal of an instant [`instant_in_range`] refuses.
pub(crate) fn instant_problem(path: &str, t: DateTime<FixedOffset>) -> Problem {
    if t.offset().local_minus_utc() % 60 != 0 {
        let offset = t.offset().local_minus_utc();
        return Problem::new(
            path,
            "offset_with_seconds",
            format!(
                "the UTC offset of {offset} seconds is not a whole number of minutes: RFC 3339 cannot record it"
            ),
            format!(
                "selisih UTC {offset} detik bukan bilangan menit bulat: RFC 3339 tidak dapat mencatatnya"
            ),
        );
    }
    Problem::new(
        path,
        "instant_out_of_range",
        format!(
            "instant {} is outside the years {} to {}",
            t.to_rfc3339(),
            INSTANT_YEARS.start(),
            INSTANT_YEARS.end()
        ),
        format!(
            "waktu {} berada di luar tahun {} sampai {}",
            t.to_rfc3339(),
            INSTANT_YEARS.start(),
            INSTANT_YEARS.end()
        ),
    )
}

/// Checks one instant parameter (e.g. the `now` of an SLA evaluation).
pub(crate) fn check_instant(path: &str, t: DateTime<FixedOffset>) -> CaseResult<()> {
    if instant_in_range(t) {
        Ok(())
    } else {
        Err(CaseError::InvalidInput {
            what: "instant",
            problems: vec![instant_problem(path, t)],
        })
    }
}

/// Collects length and count problems of a request's fields.
struct Limits<'a> {
    limits: &'a crate::procedure::TextLimits,
    out: Vec<Problem>,
}

impl Limits<'_> {
    fn text(&mut self, path: &str, value: &str, max: usize) {
        crate::error::check_len(&mut self.out, path, value, max);
    }

    fn id(&mut self, path: &str, value: &str) {
        if value.trim().is_empty() {
            self.out.push(Problem::new(
                path,
                "empty_id",
                format!("{path} is empty or blank: an identifier is required"),
                format!("{path} kosong: pengenal wajib diisi"),
            ));
        } else {
            self.text(path, value, self.limits.id);
        }
    }

    fn opt_id(&mut self, path: &str, value: Option<&String>) {
        if let Some(v) = value {
            self.id(path, v);
        }
    }

    fn count(&mut self, path: &str, n: usize) {
        if n > self.limits.items {
            self.out
                .push(crate::error::too_many(path, n, self.limits.items));
        }
    }

    fn documents(&mut self, documents: &[SubmittedDocument]) {
        self.count("command.documents", documents.len());
        for (i, d) in documents.iter().enumerate().take(self.limits.items) {
            self.text(
                &format!("command.documents[{i}].code"),
                &d.code,
                self.limits.id,
            );
            self.text(
                &format!("command.documents[{i}].format"),
                &d.format,
                self.limits.id,
            );
        }
    }
}

/// Every bound a request must keep, checked before anything else: blank
/// or over-long identifiers, over-long text, too many items, an instant
/// out of range or before the case's last event.
fn check_request(case: &Case, p: &Procedure, req: &Request) -> CaseResult<()> {
    let limits = &p.def().limits;
    let mut l = Limits {
        limits,
        out: Vec::new(),
    };
    l.id("actor.id", &req.actor.id);
    l.count("actor.roles", req.actor.roles.len());
    for (i, r) in req.actor.roles.iter().enumerate().take(limits.items) {
        l.text(&format!("actor.roles[{i}]"), r, limits.id);
    }
    l.opt_id("actor.unit", req.actor.unit.as_ref());
    if !instant_in_range(req.at) {
        l.out.push(instant_problem("at", req.at));
    } else if let Some(last) = case.last_at
        && req.at < last
    {
        l.out.push(Problem::new(
            "at",
            "before_last_event",
            format!(
                "instant {} is earlier than the case's last event ({})",
                req.at.to_rfc3339(),
                last.to_rfc3339()
            ),
            format!(
                "waktu {} lebih awal daripada peristiwa terakhir kasus ({})",
                req.at.to_rfc3339(),
                last.to_rfc3339()
            ),
        ));
    }
    match &req.command {
        Command::Submit { case_id, documents } => {
            l.id("command.case_id", case_id);
            l.documents(documents);
        }
        Command::Resubmit { documents } => l.documents(documents),
        Command::CompleteStep {
            step,
            outcome,
            note,
            tier,
            outputs,
        } => {
            l.text("command.step", step, limits.id);
            l.text("command.outcome", outcome, limits.id);
            if let Some(n) = note {
                l.text("command.note", n, limits.note);
            }
            if let Some(t) = tier {
                l.text("command.tier", t, limits.id);
            }
            l.count("command.outputs", outputs.len());
            for (i, o) in outputs.iter().enumerate().take(limits.items) {
                l.id(&format!("command.outputs[{i}].number"), &o.number);
                if !INSTANT_YEARS.contains(&o.date.year()) {
                    l.out.push(Problem::new(
                        format!("command.outputs[{i}].date"),
                        "date_out_of_range",
                        format!(
                            "date {} is outside the years {} to {}",
                            o.date,
                            INSTANT_YEARS.start(),
                            INSTANT_YEARS.end()
                        ),
                        format!(
                            "tanggal {} berada di luar tahun {} sampai {}",
                            o.date,
                            INSTANT_YEARS.start(),
                            INSTANT_YEARS.end()
                        ),
                    ));
                }
                if let Some(f) = &o.file {
                    l.id(&format!("command.outputs[{i}].file"), f);
                }
            }
        }
        Command::ReturnForCorrection { step, reasons } => {
            l.text("command.step", step, limits.id);
            l.count("command.reasons", reasons.len());
            for (i, r) in reasons.iter().enumerate().take(limits.items) {
                l.text(
                    &format!("command.reasons[{i}].document"),
                    &r.document,
                    limits.id,
                );
                l.text(
                    &format!("command.reasons[{i}].reason"),
                    &r.reason,
                    limits.reason,
                );
            }
        }
        Command::Reject { step, reason } => {
            l.text("command.step", step, limits.id);
            l.text("command.reason", reason, limits.reason);
        }
        Command::Withdraw { reason } => {
            if let Some(r) = reason {
                l.text("command.reason", r, limits.reason);
            }
        }
        Command::Assign {
            lane,
            unit,
            staff,
            reason,
        } => {
            l.text("command.lane", lane, limits.id);
            l.opt_id("command.unit", unit.as_ref());
            l.opt_id("command.staff", staff.as_ref());
            if let Some(r) = reason {
                l.text("command.reason", r, limits.reason);
            }
        }
        Command::Lapse { step } => l.text("command.step", step, limits.id),
    }
    if l.out.is_empty() {
        Ok(())
    } else {
        Err(CaseError::InvalidInput {
            what: "request",
            problems: l.out,
        })
    }
}

/// What a step's completion with an outcome leads to, as far as the
/// procedure and the case's state decide it (the calendar fills in the
/// deadlines).
struct Transition<'p> {
    next: &'p StepDef,
    ended: Option<EndKind>,
    /// The lane whose unit declines with this outcome.
    declines: Option<String>,
    /// What the case-level clock does.
    case_clock: ClockMove,
}

/// The expected move of the case-level (tier) clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ClockMove {
    None,
    Pause,
    Resume,
    Restart,
}

impl ClockMove {
    fn matches(self, change: Option<&CaseClockChange>) -> bool {
        matches!(
            (self, change),
            (ClockMove::None, None)
                | (ClockMove::Pause, Some(CaseClockChange::Paused { .. }))
                | (ClockMove::Resume, Some(CaseClockChange::Resumed { .. }))
                | (ClockMove::Restart, Some(CaseClockChange::Restarted { .. }))
        )
    }
}

fn lane_kind(p: &Procedure, step: &StepDef) -> Option<LaneKind> {
    p.lane(&step.lane).map(|l| l.kind)
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
            window_due: None,
            declined: BTreeMap::new(),
            case_started: None,
            case_pauses: Vec::new(),
            case_remaining_at_pause: 0,
            events: 0,
            last_at: None,
        }
    }

    /// Replays a log from the start, checking every event against the
    /// procedure: a log that [`Case::decide`] could not have produced
    /// (another case's event, a step completed by someone whose role, unit
    /// or lane does not allow it, an outcome that leads elsewhere, an
    /// absurd recorded time) is refused as `inconsistent_log`.
    ///
    /// # Example
    /// ```
    /// let p = ptsp::Procedure::jatim_permit();
    /// assert_eq!(ptsp::Case::replay(&[], &p)?, ptsp::Case::new());
    /// # Ok::<(), ptsp::CaseError>(())
    /// ```
    pub fn replay(events: &[Event], p: &Procedure) -> CaseResult<Case> {
        let mut case = Case::new();
        for e in events {
            case.apply(e, p)?;
        }
        Ok(case)
    }

    /// Replays a log without checking it against a procedure: the fast
    /// path for a store the backend trusts (its own append-only log,
    /// written only from [`Case::execute`]). Events that cannot be folded
    /// at all (out of order, not fitting the status, instants or times
    /// out of range) are still refused as `inconsistent_log`.
    ///
    /// # Example
    /// ```
    /// assert_eq!(ptsp::Case::replay_trusted(&[])?, ptsp::Case::new());
    /// # Ok::<(), ptsp::CaseError>(())
    /// ```
    pub fn replay_trusted(events: &[Event]) -> CaseResult<Case> {
        let mut case = Case::new();
        for e in events {
            case.apply_trusted(e)?;
        }
        Ok(case)
    }

    /// The deadline of the current step, if it has one and its clock runs.
    /// While the file is with the applicant for correction the clock is
    /// stopped and there is no deadline: see [`Case::paused_remaining`].
    ///
    /// # Example
    /// ```
    /// assert!(ptsp::Case::new().due().is_none());
    /// ```
    pub fn due(&self) -> Option<DateTime<FixedOffset>> {
        match self.status {
            CaseStatus::Active => self.visits.last()?.due,
            _ => None,
        }
    }

    /// The working seconds left on the current step's clock while it is
    /// stopped (the file is with the applicant for correction); `None`
    /// otherwise or when the step has no SLA.
    ///
    /// # Example
    /// ```
    /// assert!(ptsp::Case::new().paused_remaining().is_none());
    /// ```
    pub fn paused_remaining(&self) -> Option<i64> {
        match self.status {
            CaseStatus::AwaitingCorrection => self
                .visits
                .last()
                .and_then(|v| v.due)
                .map(|_| self.remaining_at_pause),
            _ => None,
        }
    }

    /// Whether the case-level (tier) clock is stopped (the case is with the
    /// applicant).
    ///
    /// # Example
    /// ```
    /// assert!(!ptsp::Case::new().case_clock_paused());
    /// ```
    pub fn case_clock_paused(&self) -> bool {
        self.case_pauses.last().is_some_and(|p| p.1.is_none())
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

    fn inconsistent(&self, detail: String) -> CaseError {
        CaseError::InconsistentLog {
            index: self.events,
            detail,
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
        p.step(named).ok_or_else(|| {
            self.inconsistent(format!("current step {named:?} is not in the procedure"))
        })
    }

    fn lane<'p>(&self, p: &'p Procedure, step: &StepDef) -> CaseResult<&'p LaneDef> {
        p.lane(&step.lane).ok_or_else(|| {
            self.inconsistent(format!("lane {:?} is not in the procedure", step.lane))
        })
    }

    /// Whether `actor` may act on `step`; returns the role the actor acts
    /// under, or an error naming what was needed.
    fn authorize(
        &self,
        p: &Procedure,
        step: &StepDef,
        actor: &Actor,
        action: &'static str,
    ) -> CaseResult<String> {
        let lane = self.lane(p, step)?;
        let roles = if step.roles.is_empty() {
            &lane.roles
        } else {
            &step.roles
        };
        let deny = |required| CaseError::Unauthorized {
            actor: actor.id.clone(),
            action,
            required,
        };
        let role = roles
            .iter()
            .find(|r| actor.has_role(r))
            .cloned()
            .ok_or_else(|| {
                deny(Requirement::Role {
                    roles: roles.clone(),
                })
            })?;
        if lane.kind != LaneKind::Applicant
            && p.def().separation_of_duties
            && !self.applicant.is_empty()
            && actor.id == self.applicant
        {
            return Err(deny(Requirement::NotApplicant));
        }
        match lane.kind {
            LaneKind::Applicant if actor.id != self.applicant => {
                return Err(deny(Requirement::Applicant));
            }
            LaneKind::RoutedUnit => {
                let unit = self
                    .assignments
                    .get(&lane.id)
                    .and_then(|a| a.unit.clone())
                    .ok_or_else(|| CaseError::NotRouted {
                        lane: lane.id.clone(),
                    })?;
                if actor.unit.as_deref() != Some(unit.as_str()) {
                    return Err(deny(Requirement::Unit { unit }));
                }
            }
            _ => {}
        }
        if let Some(a) = self.assignments.get(&lane.id)
            && a.step.as_deref() == Some(step.id.as_str())
            && let Some(staff) = &a.staff
            && *staff != actor.id
        {
            return Err(deny(Requirement::Staff {
                staff: staff.clone(),
            }));
        }
        Ok(role)
    }

    /// The applicant's own commands (submit, resubmit, withdraw): a role of
    /// the start step's lane, and the case's own applicant once submitted.
    fn applicant_only(
        &self,
        p: &Procedure,
        actor: &Actor,
        action: &'static str,
    ) -> CaseResult<String> {
        let start = p
            .step(&p.def().start)
            .ok_or_else(|| self.inconsistent("the start step is not in the procedure".into()))?;
        let lane = self.lane(p, start)?;
        let Some(role) = lane.roles.iter().find(|r| actor.has_role(r)) else {
            return Err(CaseError::Unauthorized {
                actor: actor.id.clone(),
                action,
                required: Requirement::Role {
                    roles: lane.roles.clone(),
                },
            });
        };
        if !self.applicant.is_empty() && actor.id != self.applicant {
            return Err(CaseError::Unauthorized {
                actor: actor.id.clone(),
                action,
                required: Requirement::Applicant,
            });
        }
        Ok(role.clone())
    }

    /// Who may record a lapse: a role of one of the office's own lanes
    /// (not the applicant's, not a routed unit's), and not the case's own
    /// applicant.
    fn lapse_role(&self, p: &Procedure, actor: &Actor) -> CaseResult<String> {
        let roles: Vec<String> = p
            .def()
            .lanes
            .iter()
            .filter(|l| l.kind == LaneKind::Office)
            .flat_map(|l| l.roles.iter().cloned())
            .collect();
        if actor.id == self.applicant {
            return Err(CaseError::Unauthorized {
                actor: actor.id.clone(),
                action: "lapse",
                required: Requirement::NotApplicant,
            });
        }
        roles
            .iter()
            .find(|r| actor.has_role(r))
            .cloned()
            .ok_or_else(|| CaseError::Unauthorized {
                actor: actor.id.clone(),
                action: "lapse",
                required: Requirement::Role { roles },
            })
    }

    /// What completing `step` with `outcome` leads to; refuses an unknown
    /// outcome and entering a routed lane nobody was assigned.
    fn transition<'p>(
        &self,
        p: &'p Procedure,
        step: &StepDef,
        outcome: &str,
    ) -> CaseResult<Transition<'p>> {
        let o = step
            .outcomes
            .iter()
            .find(|o| o.id == outcome)
            .ok_or_else(|| CaseError::UnknownOutcome {
                step: step.id.clone(),
                outcome: outcome.to_owned(),
                expected: step.outcomes.iter().map(|o| o.id.clone()).collect(),
            })?;
        let next = p.step(&o.next).ok_or_else(|| {
            self.inconsistent(format!("step {:?} is not in the procedure", o.next))
        })?;
        let ended = (next.kind == StepKind::End).then_some(next.end).flatten();
        let here = self.lane(p, step)?;
        let there = self.lane(p, next)?;
        let declines = (o.declines && here.kind == LaneKind::RoutedUnit).then(|| here.id.clone());
        // A routed lane's step can only be entered once a unit has it (the
        // head of complaints distributes by assigning first). A unit that
        // declines loses the lane, so the distribution must assign anew.
        if ended.is_none() && there.kind == LaneKind::RoutedUnit {
            let still = self
                .assignments
                .get(&there.id)
                .is_some_and(|a| a.unit.is_some())
                && declines.as_deref() != Some(there.id.as_str());
            if !still {
                return Err(CaseError::NotRouted {
                    lane: there.id.clone(),
                });
            }
        }
        let case_clock = if self.case_due.is_none() || ended.is_some() {
            ClockMove::None
        } else if here.kind != LaneKind::Applicant
            && there.kind == LaneKind::Applicant
            && !self.case_clock_paused()
        {
            ClockMove::Pause
        } else if here.kind == LaneKind::Applicant
            && there.kind != LaneKind::Applicant
            && self.case_clock_paused()
        {
            match p.def().reopen_clock {
                CorrectionClock::PauseResume => ClockMove::Resume,
                CorrectionClock::Restart => ClockMove::Restart,
            }
        } else {
            ClockMove::None
        };
        Ok(Transition {
            next,
            ended,
            declines,
            case_clock,
        })
    }

    /// The case-level clock change of a move, with the calendar's figures.
    fn clock_change(
        &self,
        p: &Procedure,
        cal: &Calendar,
        mv: ClockMove,
        at: DateTime<FixedOffset>,
    ) -> CaseResult<Option<CaseClockChange>> {
        Ok(match (mv, self.case_due) {
            (ClockMove::Pause, Some(due)) => Some(CaseClockChange::Paused {
                remaining_seconds: cal
                    .working_time_between(at, due)
                    .map_err(calendar_err)?
                    .num_seconds()
                    .max(0),
            }),
            (ClockMove::Resume, Some(_)) => Some(CaseClockChange::Resumed {
                due: cal
                    .add_working_time(at, working_duration(self.case_remaining_at_pause, "s")?)
                    .map_err(calendar_err)?,
            }),
            (ClockMove::Restart, Some(_)) => {
                let tier = self
                    .tier
                    .as_deref()
                    .and_then(|t| p.tier(t))
                    .ok_or_else(|| {
                        self.inconsistent("the case's tier is not in the procedure".into())
                    })?;
                Some(CaseClockChange::Restarted {
                    due: sla_due(p, cal, &tier.sla, at)?,
                })
            }
            _ => None,
        })
    }

    /// The tier a step sets, checked: required on a step that sets one
    /// (unless the outcome ends the case), refused elsewhere.
    fn tier_of<'p>(
        &self,
        p: &'p Procedure,
        step: &StepDef,
        tier: Option<&String>,
        ends: bool,
    ) -> CaseResult<Option<&'p crate::procedure::Tier>> {
        match (step.sets_tier, tier) {
            (true, _) if ends => Ok(None),
            (true, Some(t)) => {
                let ids: Vec<&str> = p.def().tiers.iter().map(|t| t.id.as_str()).collect();
                p.tier(t).map(Some).ok_or_else(|| {
                    tier_problem(
                        "unknown_tier",
                        format!("tier {t:?} is not one of {}", ids.join(", ")),
                        format!("tingkat {t:?} bukan salah satu dari {}", ids.join(", ")),
                    )
                })
            }
            (true, None) => Err(tier_problem(
                "tier_required",
                format!("step {:?} sets the case's tier: give one", step.id),
                format!(
                    "langkah {:?} menetapkan tingkat kasus: isi tingkatnya",
                    step.id
                ),
            )),
            (false, Some(t)) => Err(tier_problem(
                "tier_not_allowed",
                format!("step {:?} does not set a tier, found {t:?}", step.id),
                format!(
                    "langkah {:?} tidak menetapkan tingkat, ditemukan {t:?}",
                    step.id
                ),
            )),
            (false, None) => Ok(None),
        }
    }

    /// The tier deadline and its anchor for a tier set at `at`.
    fn tier_due(
        &self,
        p: &Procedure,
        cal: &Calendar,
        tier: &crate::procedure::Tier,
        at: DateTime<FixedOffset>,
    ) -> CaseResult<(DateTime<FixedOffset>, DateTime<FixedOffset>)> {
        match p.def().tier_anchor {
            TierAnchor::TierStep => Ok((at, sla_due(p, cal, &tier.sla, at)?)),
            TierAnchor::Submission => {
                let from = self.visits.first().map_or(at, |v| v.started);
                let due = sla_due(p, cal, &tier.sla, from)?;
                // The complainant's time before the tier was set (a
                // postponement) does not count against the office.
                let mut paused = 0;
                for v in &self.visits {
                    paused += crate::sla::paused(cal, &v.pauses, at)?;
                }
                let due = if paused > 0 {
                    cal.add_working_time(due, working_duration(paused, "s")?)
                        .map_err(calendar_err)?
                } else {
                    due
                };
                Ok((from, due))
            }
        }
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

    /// Checks an assignment; returns the assigner's role and the step a
    /// staff member is bound to.
    fn check_assign(
        &self,
        p: &Procedure,
        actor: &Actor,
        lane: &str,
        unit: Option<&String>,
        staff: Option<&String>,
        reason: Option<&String>,
    ) -> CaseResult<(String, Option<String>)> {
        if !matches!(
            self.status,
            CaseStatus::Active | CaseStatus::AwaitingCorrection
        ) {
            return Err(self.wrong_state("assign"));
        }
        let roles = &p.def().assigner_roles;
        let Some(role) = roles.iter().find(|r| actor.has_role(r)) else {
            return Err(CaseError::Unauthorized {
                actor: actor.id.clone(),
                action: "assign",
                required: Requirement::Role {
                    roles: roles.clone(),
                },
            });
        };
        if p.def().separation_of_duties && actor.id == self.applicant {
            return Err(CaseError::Unauthorized {
                actor: actor.id.clone(),
                action: "assign",
                required: Requirement::NotApplicant,
            });
        }
        let problem = |path: &str, code: &str, en: String, id: String| CaseError::InvalidInput {
            what: "assignment",
            problems: vec![Problem::new(path, code, en, id)],
        };
        let Some(l) = p.lane(lane) else {
            return Err(problem(
                "command.lane",
                "unknown_lane",
                format!("lane {lane:?} is not in the procedure"),
                format!("lajur {lane:?} tidak ada di prosedur"),
            ));
        };
        let blank = |v: Option<&String>| v.is_none_or(|s| s.trim().is_empty());
        let holder = self.assignments.get(lane).and_then(|a| a.unit.as_deref());
        match l.kind {
            LaneKind::Applicant => {
                return Err(problem(
                    "command.lane",
                    "invalid_assignment",
                    format!("lane {lane:?} is the applicant's: it cannot be assigned"),
                    format!("lajur {lane:?} milik pemohon: tidak dapat ditugaskan"),
                ));
            }
            LaneKind::Office if unit.is_some() => {
                return Err(problem(
                    "command.unit",
                    "invalid_assignment",
                    format!(
                        "lane {lane:?} is the office's own: assign a staff member, not a unit (units are for routed lanes)"
                    ),
                    format!(
                        "lajur {lane:?} milik kantor sendiri: tugaskan petugas, bukan unit (unit hanya untuk lajur tujuan)"
                    ),
                ));
            }
            LaneKind::Office if blank(staff) => {
                return Err(problem(
                    "command.staff",
                    "invalid_assignment",
                    format!("lane {lane:?} needs a staff member to assign to"),
                    format!("lajur {lane:?} membutuhkan petugas tujuan penugasan"),
                ));
            }
            LaneKind::RoutedUnit if blank(unit) && (blank(staff) || holder.is_none()) => {
                return Err(problem(
                    "command.unit",
                    "invalid_assignment",
                    format!("lane {lane:?} needs a unit to assign to"),
                    format!("lajur {lane:?} membutuhkan unit tujuan penugasan"),
                ));
            }
            _ => {}
        }
        // A unit that declined may come back only with a reason — unless it
        // holds the lane again already (re-admitted earlier).
        if let Some(u) = unit
            && holder != Some(u.as_str())
            && self
                .declined
                .get(lane)
                .is_some_and(|d| d.iter().any(|x| x == u))
            && blank(reason)
        {
            return Err(problem(
                "command.unit",
                "declined_unit",
                format!(
                    "unit {u:?} already declined this case: assign another unit, or give a reason to override"
                ),
                format!(
                    "unit {u:?} sudah menyatakan bukan kewenangannya: tugaskan unit lain, atau beri alasan untuk tetap menugaskannya"
                ),
            ));
        }
        let step = match staff {
            None => None,
            Some(_) => {
                let here = self
                    .current
                    .as_deref()
                    .and_then(|c| p.step(c))
                    .filter(|s| s.lane == lane && s.kind != StepKind::End);
                let candidates: Vec<&StepDef> = p
                    .def()
                    .steps
                    .iter()
                    .filter(|s| s.lane == lane && s.kind != StepKind::End)
                    .collect();
                match (here, candidates.as_slice()) {
                    (Some(s), _) => Some(s.id.clone()),
                    (None, [only]) => Some(only.id.clone()),
                    _ => {
                        return Err(problem(
                            "command.staff",
                            "invalid_assignment",
                            format!(
                                "lane {lane:?} has several steps and none is current: assign its staff when the case reaches it"
                            ),
                            format!(
                                "lajur {lane:?} memiliki beberapa langkah dan tidak ada yang sedang berjalan: tugaskan petugasnya saat kasus sampai di sana"
                            ),
                        ));
                    }
                }
            }
        };
        Ok((role.clone(), step))
    }

    /// Checks a step's recorded outputs: each of a kind the step declares,
    /// dated no later than the day recorded; a step that declares
    /// documents (anything but an answer) needs at least one.
    fn check_outputs(
        &self,
        step: &StepDef,
        outputs: &[OutputRecord],
        at: DateTime<FixedOffset>,
    ) -> CaseResult<()> {
        let is_document = |k: &OutputKind| *k != OutputKind::Answer && step.outputs.contains(k);
        let declares = step.outputs.iter().any(|k| *k != OutputKind::Answer);
        // The replay path: everything in order, nothing to build.
        if outputs
            .iter()
            .all(|o| is_document(&o.kind) && o.date <= at.date_naive())
            && (!declares || !outputs.is_empty())
        {
            return Ok(());
        }
        let mut problems = Vec::new();
        let documents: Vec<OutputKind> = step
            .outputs
            .iter()
            .copied()
            .filter(|k| *k != OutputKind::Answer)
            .collect();
        let name = |k: OutputKind| {
            serde_json::to_value(k)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default()
        };
        let declared = documents.iter().map(|k| name(*k)).collect::<Vec<_>>();
        for (i, o) in outputs.iter().enumerate() {
            if !documents.contains(&o.kind) {
                problems.push(Problem::new(
                    format!("command.outputs[{i}].kind"),
                    "undeclared_output",
                    format!(
                        "step {:?} does not produce {}: it produces {}",
                        step.id,
                        name(o.kind),
                        if declared.is_empty() {
                            "no documents".to_owned()
                        } else {
                            declared.join(", ")
                        }
                    ),
                    format!(
                        "langkah {:?} tidak menghasilkan {}: hasilnya {}",
                        step.id,
                        name(o.kind),
                        if declared.is_empty() {
                            "tidak ada dokumen".to_owned()
                        } else {
                            declared.join(", ")
                        }
                    ),
                ));
            }
            if o.date > at.date_naive() {
                problems.push(Problem::new(
                    format!("command.outputs[{i}].date"),
                    "output_date_in_future",
                    format!(
                        "{} {:?} is dated {}, after the day it is recorded ({})",
                        name(o.kind),
                        o.number,
                        o.date,
                        at.date_naive()
                    ),
                    format!(
                        "{} {:?} bertanggal {}, setelah hari pencatatannya ({})",
                        name(o.kind),
                        o.number,
                        o.date,
                        at.date_naive()
                    ),
                ));
            }
        }
        if !documents.is_empty() && !outputs.iter().any(|o| documents.contains(&o.kind)) {
            problems.push(Problem::new(
                "command.outputs",
                "missing_output",
                format!(
                    "step {:?} must record what it produced ({}): number and date",
                    step.id,
                    declared.join(" or ")
                ),
                format!(
                    "langkah {:?} wajib mencatat dokumen yang dihasilkan ({}): nomor dan tanggal",
                    step.id,
                    declared.join(" atau ")
                ),
            ));
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(CaseError::InvalidInput {
                what: "outputs",
                problems,
            })
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
            return Err(self.inconsistent(format!(
                "case runs on {} v{}, not {} v{}",
                self.procedure,
                self.version,
                p.def().id,
                p.def().version
            )));
        }
        check_request(self, p, req)?;
        let at = req.at;
        let actor = &req.actor;
        let (role, kind) = match &req.command {
            Command::Submit { case_id, documents } => {
                if self.status != CaseStatus::New {
                    return Err(self.wrong_state("submit"));
                }
                let role = self.applicant_only(p, actor, "submit")?;
                check_complete(p, documents)?;
                let start = p
                    .step(&p.def().start)
                    .ok_or_else(|| self.inconsistent("no start step".into()))?;
                let next = start
                    .outcomes
                    .first()
                    .and_then(|o| p.step(&o.next))
                    .ok_or_else(|| self.inconsistent("the start step leads nowhere".into()))?;
                (
                    role,
                    EventKind::Submitted {
                        case_id: case_id.clone(),
                        procedure: p.def().id.clone(),
                        version: p.def().version,
                        applicant: actor.id.clone(),
                        documents: documents.clone(),
                        entered: next.id.clone(),
                        due: Case::due_on_entry(p, cal, next, at)?,
                    },
                )
            }
            Command::CompleteStep {
                step,
                outcome,
                note,
                tier,
                outputs,
            } => {
                let s = self.current_step(p, step, "complete_step")?;
                let role = self.authorize(p, s, actor, "complete_step")?;
                let t = self.transition(p, s, outcome)?;
                let tier_def = self.tier_of(p, s, tier.as_ref(), t.ended.is_some())?;
                self.check_outputs(s, outputs, at)?;
                let (tier, case_due, case_clock) = match tier_def {
                    Some(def) => {
                        let (from, due) = self.tier_due(p, cal, def, at)?;
                        (
                            Some(def.id.clone()),
                            Some(due),
                            Some(CaseClockChange::Started { from }),
                        )
                    }
                    None => (None, None, self.clock_change(p, cal, t.case_clock, at)?),
                };
                (
                    role,
                    EventKind::StepCompleted {
                        step: step.clone(),
                        outcome: outcome.clone(),
                        note: note.clone(),
                        entered: t.next.id.clone(),
                        due: match t.ended {
                            Some(_) => None,
                            None => Case::due_on_entry(p, cal, t.next, at)?,
                        },
                        ended: t.ended,
                        tier,
                        case_due,
                        unit: (lane_kind(p, s) == Some(LaneKind::RoutedUnit))
                            .then(|| actor.unit.clone())
                            .flatten(),
                        outputs: outputs.clone(),
                        by_lapse: false,
                        declined: t.declines,
                        case_clock,
                    },
                )
            }
            Command::ReturnForCorrection { step, reasons } => {
                let s = self.current_step(p, step, "return_for_correction")?;
                let role = self.authorize(p, s, actor, "return_for_correction")?;
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
                let window_due = match &p.def().correction_window {
                    Some(w) => Some(sla_due(p, cal, w, at)?),
                    None => None,
                };
                let mv = if self.case_due.is_some() && !self.case_clock_paused() {
                    ClockMove::Pause
                } else {
                    ClockMove::None
                };
                (
                    role,
                    EventKind::ReturnedForCorrection {
                        step: step.clone(),
                        reasons: reasons.clone(),
                        remaining_seconds: remaining,
                        window_due,
                        case_clock: self.clock_change(p, cal, mv, at)?,
                    },
                )
            }
            Command::Resubmit { documents } => {
                if self.status != CaseStatus::AwaitingCorrection {
                    return Err(self.wrong_state("resubmit"));
                }
                let role = self.applicant_only(p, actor, "resubmit")?;
                check_complete(p, documents)?;
                let step = self.current.clone().unwrap_or_default();
                let s = p.step(&step).ok_or_else(|| {
                    self.inconsistent(format!("current step {step:?} is not in the procedure"))
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
                let mv = if self.case_clock_paused() {
                    ClockMove::Resume
                } else {
                    ClockMove::None
                };
                (
                    role,
                    EventKind::Resubmitted {
                        step,
                        documents: documents.clone(),
                        due,
                        case_clock: self.clock_change(p, cal, mv, at)?,
                    },
                )
            }
            Command::Reject { step, reason } => {
                let s = self.current_step(p, step, "reject")?;
                let role = self.authorize(p, s, actor, "reject")?;
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
                            "command.reason",
                            "empty_reason",
                            "a rejection needs a reason",
                            "penolakan membutuhkan alasan",
                        )],
                    });
                }
                (
                    role,
                    EventKind::Rejected {
                        step: step.clone(),
                        reason: reason.clone(),
                    },
                )
            }
            Command::Withdraw { reason } => {
                if !matches!(
                    self.status,
                    CaseStatus::Active | CaseStatus::AwaitingCorrection
                ) {
                    return Err(self.wrong_state("withdraw"));
                }
                let role = self.applicant_only(p, actor, "withdraw")?;
                (
                    role,
                    EventKind::Withdrawn {
                        reason: reason.clone(),
                    },
                )
            }
            Command::Assign {
                lane,
                unit,
                staff,
                reason,
            } => {
                let (role, step) = self.check_assign(
                    p,
                    actor,
                    lane,
                    unit.as_ref(),
                    staff.as_ref(),
                    reason.as_ref(),
                )?;
                (
                    role,
                    EventKind::Assigned {
                        lane: lane.clone(),
                        unit: unit.clone(),
                        staff: staff.clone(),
                        step,
                        reason: reason.clone(),
                    },
                )
            }
            Command::Lapse { step } => self.decide_lapse(p, cal, actor, step, at)?,
        };
        let case = match &kind {
            EventKind::Submitted { case_id, .. } => case_id.clone(),
            _ => self.id.clone(),
        };
        Ok(vec![Event {
            at,
            case,
            actor: actor.id.clone(),
            actor_role: Some(role),
            actor_unit: actor.unit.clone(),
            kind,
        }])
    }

    /// The window a lapse would end, if it has passed at `at`.
    fn lapse_window(&self, p: &Procedure, step: &str, at: DateTime<FixedOffset>) -> CaseResult<()> {
        let (due, allowed) = match self.status {
            CaseStatus::AwaitingCorrection => {
                if self.current.as_deref() != Some(step) {
                    return Err(CaseError::WrongStep {
                        expected: self.current.clone(),
                        found: step.to_owned(),
                    });
                }
                (self.window_due, self.window_due.is_some())
            }
            CaseStatus::Active => {
                let s = self.current_step(p, step, "lapse")?;
                let due = self.visits.last().and_then(|v| v.due);
                (
                    due,
                    s.on_lapse.is_some() && lane_kind(p, s) == Some(LaneKind::Applicant),
                )
            }
            _ => return Err(self.wrong_state("lapse")),
        };
        match due {
            Some(due) if allowed => {
                if at > due {
                    Ok(())
                } else {
                    Err(CaseError::NotDue {
                        step: step.to_owned(),
                        due: due.to_rfc3339(),
                    })
                }
            }
            _ => Err(CaseError::NotAllowed {
                step: step.to_owned(),
                action: "lapse",
            }),
        }
    }

    fn decide_lapse(
        &self,
        p: &Procedure,
        cal: &Calendar,
        actor: &Actor,
        step: &str,
        at: DateTime<FixedOffset>,
    ) -> CaseResult<(String, EventKind)> {
        self.lapse_window(p, step, at)?;
        let role = self.lapse_role(p, actor)?;
        if self.status == CaseStatus::AwaitingCorrection {
            return Ok((
                role,
                EventKind::CorrectionLapsed {
                    step: step.to_owned(),
                },
            ));
        }
        let s = self.current_step(p, step, "lapse")?;
        let outcome = s.on_lapse.clone().unwrap_or_default();
        let t = self.transition(p, s, &outcome)?;
        Ok((
            role,
            EventKind::StepCompleted {
                step: step.to_owned(),
                outcome,
                note: None,
                entered: t.next.id.clone(),
                due: match t.ended {
                    Some(_) => None,
                    None => Case::due_on_entry(p, cal, t.next, at)?,
                },
                ended: t.ended,
                tier: None,
                case_due: None,
                unit: None,
                outputs: Vec::new(),
                by_lapse: true,
                declined: None,
                case_clock: self.clock_change(p, cal, t.case_clock, at)?,
            },
        ))
    }

    /// Checks that `decide` could have produced `e` from this state under
    /// `p` (the deadlines it records are the calendar's and are only
    /// bounded, not recomputed: a case keeps what it recorded).
    fn check_event(&self, e: &Event, p: &Procedure) -> CaseResult<()> {
        let def = p.def();
        if let EventKind::Submitted {
            case_id,
            procedure,
            version,
            ..
        } = &e.kind
        {
            if *procedure != def.id || *version != def.version {
                return Err(self.inconsistent(format!(
                    "the log runs on {procedure} v{version}, not {} v{}",
                    def.id, def.version
                )));
            }
            if e.case != *case_id {
                return Err(self.inconsistent(format!(
                    "the submission names case {case_id:?} but the event belongs to {:?}",
                    e.case
                )));
            }
        } else if self.status != CaseStatus::New {
            if self.procedure != def.id || self.version != def.version {
                return Err(self.inconsistent(format!(
                    "case runs on {} v{}, not {} v{}",
                    self.procedure, self.version, def.id, def.version
                )));
            }
            if e.case != self.id {
                return Err(self.inconsistent(format!(
                    "event of case {:?} in the log of case {:?}",
                    e.case, self.id
                )));
            }
        }
        let actor = Actor {
            id: e.actor.clone(),
            roles: e.actor_role.iter().cloned().collect(),
            unit: e.actor_unit.clone(),
        };
        let role_is = |role: String| -> CaseResult<()> {
            if e.actor_role.as_deref() == Some(role.as_str()) {
                Ok(())
            } else {
                Err(self.inconsistent(format!(
                    "the event records role {:?}, the command needs {role:?}",
                    e.actor_role
                )))
            }
        };
        let bounded = |name: &str, secs: i64, max: i64| -> CaseResult<()> {
            if (0..=max).contains(&secs) {
                Ok(())
            } else {
                Err(self.inconsistent(format!(
                    "{name} of {secs} working seconds is outside 0 to {max}"
                )))
            }
        };
        let tier_max = || {
            self.tier
                .as_deref()
                .and_then(|t| p.tier(t))
                .map_or(0, |t| t.sla.max_seconds())
        };
        let clock_ok = |mv: ClockMove, change: Option<&CaseClockChange>| -> CaseResult<()> {
            if !mv.matches(change) {
                return Err(self.inconsistent(format!(
                    "the case-level clock change {change:?} does not fit (expected {mv:?})"
                )));
            }
            if let Some(CaseClockChange::Paused { remaining_seconds }) = change {
                bounded("the case-level time left", *remaining_seconds, tier_max())?;
            }
            Ok(())
        };
        let due_fits = |due: Option<DateTime<FixedOffset>>, sla: Option<&Sla>| -> CaseResult<()> {
            match (due, sla) {
                (None, None) => Ok(()),
                (Some(d), Some(_)) if d >= e.at => Ok(()),
                _ => Err(self.inconsistent(format!(
                    "the recorded deadline {due:?} does not fit the step's SLA {sla:?}"
                ))),
            }
        };
        match &e.kind {
            EventKind::Submitted {
                applicant,
                documents,
                entered,
                due,
                ..
            } => {
                if self.status != CaseStatus::New {
                    return Err(self.wrong_state("submit"));
                }
                role_is(self.applicant_only(p, &actor, "submit")?)?;
                if *applicant != e.actor {
                    return Err(self.inconsistent(format!(
                        "applicant {applicant:?} is not the submitting actor {:?}",
                        e.actor
                    )));
                }
                check_complete(p, documents)?;
                let next = p
                    .step(&def.start)
                    .and_then(|s| s.outcomes.first())
                    .and_then(|o| p.step(&o.next));
                match next {
                    Some(n) if n.id == *entered => due_fits(*due, n.sla.as_ref()),
                    _ => Err(self.inconsistent(format!(
                        "a submission enters {entered:?}, not the step after the start"
                    ))),
                }
            }
            EventKind::StepCompleted {
                step,
                outcome,
                entered,
                due,
                ended,
                tier,
                case_due,
                unit,
                outputs,
                by_lapse,
                declined,
                case_clock,
                ..
            } => {
                let s = self.current_step(p, step, "complete_step")?;
                if *by_lapse {
                    self.lapse_window(p, step, e.at)?;
                    role_is(self.lapse_role(p, &actor)?)?;
                    if s.on_lapse.as_deref() != Some(outcome.as_str()) {
                        return Err(self.inconsistent(format!(
                            "a lapse of {step:?} takes {:?}, not {outcome:?}",
                            s.on_lapse
                        )));
                    }
                } else {
                    role_is(self.authorize(p, s, &actor, "complete_step")?)?;
                    self.check_outputs(s, outputs, e.at)?;
                }
                let t = self.transition(p, s, outcome)?;
                if t.next.id != *entered || t.ended != *ended {
                    return Err(self.inconsistent(format!(
                        "outcome {outcome:?} of {step:?} leads to {:?}, not {entered:?}",
                        t.next.id
                    )));
                }
                if t.declines != *declined {
                    return Err(self.inconsistent(format!(
                        "outcome {outcome:?} of {step:?} records a decline of {declined:?}, expected {:?}",
                        t.declines
                    )));
                }
                let routed = lane_kind(p, s) == Some(LaneKind::RoutedUnit);
                if *unit != if routed { e.actor_unit.clone() } else { None } {
                    return Err(self.inconsistent(format!(
                        "the completing unit {unit:?} does not fit the step's lane"
                    )));
                }
                let tier_def = self.tier_of(p, s, tier.as_ref(), t.ended.is_some())?;
                match tier_def {
                    Some(_) => {
                        let started = matches!(case_clock, Some(CaseClockChange::Started { from }) if *from <= e.at);
                        if case_due.is_none_or(|d| d < e.at) || !started {
                            return Err(self.inconsistent(
                                "a tier is set without its deadline and anchor".into(),
                            ));
                        }
                    }
                    None => {
                        if case_due.is_some() {
                            return Err(self.inconsistent(
                                "a tier deadline is recorded where no tier is set".into(),
                            ));
                        }
                        clock_ok(t.case_clock, case_clock.as_ref())?;
                    }
                }
                match t.ended {
                    Some(_) => due_fits(*due, None),
                    None => due_fits(*due, t.next.sla.as_ref()),
                }
            }
            EventKind::ReturnedForCorrection {
                step,
                reasons,
                remaining_seconds,
                window_due,
                case_clock,
            } => {
                let s = self.current_step(p, step, "return_for_correction")?;
                role_is(self.authorize(p, s, &actor, "return_for_correction")?)?;
                if !s.correction {
                    return Err(CaseError::NotAllowed {
                        step: step.clone(),
                        action: "return_for_correction",
                    });
                }
                check_reasons(p, reasons)?;
                bounded(
                    "the time left",
                    *remaining_seconds,
                    s.sla.as_ref().map_or(0, Sla::max_seconds),
                )?;
                due_fits(*window_due, def.correction_window.as_ref())?;
                let mv = if self.case_due.is_some() && !self.case_clock_paused() {
                    ClockMove::Pause
                } else {
                    ClockMove::None
                };
                clock_ok(mv, case_clock.as_ref())
            }
            EventKind::Resubmitted {
                step,
                documents,
                due,
                case_clock,
            } => {
                if self.status != CaseStatus::AwaitingCorrection {
                    return Err(self.wrong_state("resubmit"));
                }
                role_is(self.applicant_only(p, &actor, "resubmit")?)?;
                check_complete(p, documents)?;
                let s = match p.step(step) {
                    Some(s) if self.current.as_deref() == Some(step.as_str()) => s,
                    _ => {
                        return Err(self.inconsistent(format!(
                            "resubmission names step {step:?}, the file is at {:?}",
                            self.current
                        )));
                    }
                };
                due_fits(*due, s.sla.as_ref())?;
                let mv = if self.case_clock_paused() {
                    ClockMove::Resume
                } else {
                    ClockMove::None
                };
                clock_ok(mv, case_clock.as_ref())
            }
            EventKind::Rejected { step, reason } => {
                let s = self.current_step(p, step, "reject")?;
                role_is(self.authorize(p, s, &actor, "reject")?)?;
                if !s.can_reject || reason.trim().is_empty() {
                    return Err(CaseError::NotAllowed {
                        step: step.clone(),
                        action: "reject",
                    });
                }
                Ok(())
            }
            EventKind::Withdrawn { .. } => {
                if !matches!(
                    self.status,
                    CaseStatus::Active | CaseStatus::AwaitingCorrection
                ) {
                    return Err(self.wrong_state("withdraw"));
                }
                role_is(self.applicant_only(p, &actor, "withdraw")?)
            }
            EventKind::Assigned {
                lane,
                unit,
                staff,
                step,
                reason,
            } => {
                let (role, bound) = self.check_assign(
                    p,
                    &actor,
                    lane,
                    unit.as_ref(),
                    staff.as_ref(),
                    reason.as_ref(),
                )?;
                role_is(role)?;
                if bound != *step {
                    return Err(self.inconsistent(format!(
                        "the staff member is bound to {step:?}, expected {bound:?}"
                    )));
                }
                Ok(())
            }
            EventKind::CorrectionLapsed { step } => {
                self.lapse_window(p, step, e.at)?;
                role_is(self.lapse_role(p, &actor)?)
            }
        }
    }

    /// Folds one event into the state after checking it against the
    /// procedure (see [`Case::replay`]); a refused event changes nothing.
    ///
    /// # Example
    /// ```
    /// let e: ptsp::Event = serde_json::from_str(r#"{"at": "2026-12-22T09:15:00+07:00",
    ///   "case": "A", "actor": "p", "type": "withdrawn", "reason": null}"#)?;
    /// let err = ptsp::Case::new().apply(&e, &ptsp::Procedure::jatim_permit()).unwrap_err();
    /// assert_eq!(err.code(), "inconsistent_log");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn apply(&mut self, e: &Event, p: &Procedure) -> CaseResult<()> {
        self.check_event(e, p).map_err(|err| match err {
            CaseError::InconsistentLog { .. } => err,
            other => self.inconsistent(format!(
                "{} could not have been decided: {}",
                e.kind.name(),
                other
            )),
        })?;
        self.apply_trusted(e)
    }

    /// Folds one event into the state without checking it against a
    /// procedure (see [`Case::replay_trusted`]). An event that does not
    /// fit the state, is out of order, or carries instants or times out of
    /// range is refused as `inconsistent_log`, changing nothing.
    ///
    /// # Example
    /// ```
    /// let e: ptsp::Event = serde_json::from_str(r#"{"at": "2026-12-22T09:15:00+07:00",
    ///   "case": "A", "actor": "p", "type": "withdrawn", "reason": null}"#)?;
    /// assert_eq!(ptsp::Case::new().apply_trusted(&e).unwrap_err().code(), "inconsistent_log");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn apply_trusted(&mut self, e: &Event) -> CaseResult<()> {
        self.check_bounds(e)?;
        // `fold` refuses before it changes anything: every arm that
        // matches succeeds, and the refusal is the arm that matches none.
        self.fold(e)
    }

    /// Every instant of an event in range, every recorded time left within
    /// what any SLA allows, and the event not before the last one.
    fn check_bounds(&self, e: &Event) -> CaseResult<()> {
        const MAX_LEFT: i64 = Sla::MAX_WORKING_DAYS * 86_400;
        // At most four instants and two times left per event: no
        // allocation on the replay path.
        let (mut instants, mut left): ([Option<Instant>; 4], [Option<i64>; 2]) =
            ([Some(e.at), None, None, None], [None, None]);
        let clock = match &e.kind {
            EventKind::Submitted { due, .. } => {
                instants[1] = *due;
                None
            }
            EventKind::StepCompleted {
                due,
                case_due,
                case_clock,
                ..
            } => {
                (instants[1], instants[2]) = (*due, *case_due);
                case_clock.as_ref()
            }
            EventKind::ReturnedForCorrection {
                remaining_seconds,
                window_due,
                case_clock,
                ..
            } => {
                left[0] = Some(*remaining_seconds);
                instants[1] = *window_due;
                case_clock.as_ref()
            }
            EventKind::Resubmitted {
                due, case_clock, ..
            } => {
                instants[1] = *due;
                case_clock.as_ref()
            }
            _ => None,
        };
        match clock {
            Some(CaseClockChange::Paused { remaining_seconds }) => {
                left[1] = Some(*remaining_seconds)
            }
            Some(
                CaseClockChange::Resumed { due }
                | CaseClockChange::Restarted { due }
                | CaseClockChange::Started { from: due },
            ) => instants[3] = Some(*due),
            None => {}
        }
        if let Some(t) = instants.iter().flatten().find(|t| !instant_in_range(**t)) {
            return Err(self.inconsistent(instant_problem("event", *t).message));
        }
        if let Some(s) = left.iter().flatten().find(|s| !(0..=MAX_LEFT).contains(*s)) {
            return Err(self.inconsistent(format!(
                "a recorded time left of {s} working seconds is outside 0 to {MAX_LEFT}"
            )));
        }
        if let Some(last) = self.last_at
            && e.at < last
        {
            return Err(self.inconsistent(format!(
                "event at {} is earlier than the one before",
                e.at.to_rfc3339()
            )));
        }
        Ok(())
    }

    fn fold(&mut self, e: &Event) -> CaseResult<()> {
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
                    outputs,
                    declined,
                    case_clock,
                    ..
                },
                CaseStatus::Active,
            ) if self.current.as_deref() == Some(step) => {
                self.finish(e.at, outcome);
                if let Some(v) = self.visits.last_mut() {
                    v.unit.clone_from(unit);
                    v.outputs.clone_from(outputs);
                }
                if let Some(lane) = declined
                    && let Some(u) = self.assignments.remove(lane).and_then(|a| a.unit)
                {
                    let list = self.declined.entry(lane.clone()).or_default();
                    if !list.contains(&u) {
                        list.push(u);
                    }
                }
                if tier.is_some() {
                    self.tier.clone_from(tier);
                    self.case_due = *case_due;
                    self.case_pauses.clear();
                }
                self.move_clock(e.at, case_clock.as_ref());
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
                    window_due,
                    case_clock,
                    ..
                },
                CaseStatus::Active,
            ) if self.current.as_deref() == Some(step) => {
                self.status = CaseStatus::AwaitingCorrection;
                self.corrections += 1;
                self.remaining_at_pause = *remaining_seconds;
                self.window_due = *window_due;
                if let Some(v) = self.visits.last_mut() {
                    v.pauses.push((e.at, None));
                }
                self.move_clock(e.at, case_clock.as_ref());
            }
            (
                EventKind::Resubmitted {
                    step,
                    documents,
                    due,
                    case_clock,
                },
                CaseStatus::AwaitingCorrection,
            ) if self.current.as_deref() == Some(step) => {
                self.status = CaseStatus::Active;
                self.documents.clone_from(documents);
                self.window_due = None;
                if let Some(v) = self.visits.last_mut() {
                    if let Some(p) = v.pauses.last_mut() {
                        p.1 = Some(e.at);
                    }
                    v.due = *due;
                }
                self.move_clock(e.at, case_clock.as_ref());
            }
            (EventKind::Rejected { step, .. }, CaseStatus::Active)
                if self.current.as_deref() == Some(step) =>
            {
                self.finish(e.at, "rejected");
                self.status = CaseStatus::Ended(EndKind::Rejected);
            }
            (EventKind::Withdrawn { .. }, CaseStatus::Active | CaseStatus::AwaitingCorrection) => {
                self.close_pause(e.at);
                self.finish(e.at, "withdrawn");
                self.status = CaseStatus::Ended(EndKind::Withdrawn);
            }
            (EventKind::CorrectionLapsed { step }, CaseStatus::AwaitingCorrection)
                if self.current.as_deref() == Some(step) =>
            {
                self.close_pause(e.at);
                self.finish(e.at, "lapsed");
                self.status = CaseStatus::Ended(EndKind::Lapsed);
            }
            (
                EventKind::Assigned {
                    lane,
                    unit,
                    staff,
                    step,
                    ..
                },
                CaseStatus::Active | CaseStatus::AwaitingCorrection,
            ) => {
                // A staff-only assignment keeps the lane's unit.
                let keep = self.assignments.get(lane).and_then(|a| a.unit.clone());
                self.assignments.insert(
                    lane.clone(),
                    Assignment {
                        unit: unit.clone().or(keep),
                        staff: staff.clone(),
                        step: step.clone(),
                    },
                );
            }
            (kind, _) => {
                return Err(self.inconsistent(format!(
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

    fn move_clock(&mut self, at: DateTime<FixedOffset>, change: Option<&CaseClockChange>) {
        match change {
            Some(CaseClockChange::Started { from }) => self.case_started = Some(*from),
            Some(CaseClockChange::Paused { remaining_seconds }) => {
                self.case_pauses.push((at, None));
                self.case_remaining_at_pause = *remaining_seconds;
            }
            Some(CaseClockChange::Resumed { due }) => {
                if let Some(p) = self.case_pauses.last_mut() {
                    p.1 = Some(at);
                }
                self.case_due = Some(*due);
            }
            Some(CaseClockChange::Restarted { due }) => {
                self.case_pauses.clear();
                self.case_started = Some(at);
                self.case_due = Some(*due);
            }
            None => {}
        }
    }

    fn close_pause(&mut self, at: DateTime<FixedOffset>) {
        self.window_due = None;
        if let Some(v) = self.visits.last_mut()
            && let Some(p) = v.pauses.last_mut()
            && p.1.is_none()
        {
            p.1 = Some(at);
        }
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
            outputs: Vec::new(),
        });
    }

    fn finish(&mut self, at: DateTime<FixedOffset>, outcome: &str) {
        let Case {
            visits,
            assignments,
            ..
        } = self;
        if let Some(v) = visits.last_mut() {
            v.ended = Some(at);
            v.outcome = Some(outcome.to_owned());
            // A staff member is bound to one visit of one step.
            for a in assignments.values_mut() {
                if a.step.as_deref() == Some(v.step.as_str()) {
                    a.staff = None;
                    a.step = None;
                }
            }
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
            next.apply_trusted(e)?;
        }
        *self = next;
        Ok(events)
    }
}

/// A calendar operation's error inside the case engine (and its SLA
/// clocks): calendar errors keep their code.
pub(crate) fn calendar_err(e: crate::CalendarError) -> CaseError {
    CaseError::Calendar(e)
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
            what: crate::error::phrase::DURATION,
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
        EndKind::Lapsed => "lapsed",
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
    /// `resubmitted`, `rejected`, `withdrawn`, `lapsed`.
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
    /// Current deadline, while the current step's clock runs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<DateTime<FixedOffset>>,
    /// While the file is with the applicant for correction: the working
    /// seconds left on the stopped clock (there is no deadline then).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paused_remaining_seconds: Option<i64>,
    /// The number of the permit (or non-permit document) issued, once
    /// recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permit_number: Option<String>,
    /// History, oldest first.
    pub history: Vec<TrackingEntry>,
}

impl Tracking {
    /// One line for the public: where the case stands and what its clock
    /// says ("paused, N working hours left" while the file is with the
    /// applicant).
    ///
    /// # Example
    /// ```
    /// let t = ptsp::Case::new().tracking(&ptsp::Procedure::jatim_permit());
    /// assert_eq!(t.clock_text(ptsp::Lang::En), "not submitted");
    /// ```
    pub fn clock_text(&self, lang: Lang) -> String {
        let hours = |s: i64| {
            let h = s / 3600;
            let m = (s % 3600) / 60;
            match (lang, m) {
                (Lang::En, 0) => format!("{h} working hours"),
                (Lang::En, _) => format!("{h} working hours {m} minutes"),
                (Lang::Id, 0) => format!("{h} jam kerja"),
                (Lang::Id, _) => format!("{h} jam {m} menit kerja"),
            }
        };
        match (self.status, lang) {
            (CaseStatus::New, Lang::En) => "not submitted".into(),
            (CaseStatus::New, Lang::Id) => "belum diajukan".into(),
            (CaseStatus::Ended(k), Lang::En) => format!("ended ({})", end_name(k)),
            (CaseStatus::Ended(k), Lang::Id) => status_id(&format!("ended ({})", end_name(k))),
            (CaseStatus::AwaitingCorrection, _) => match (self.paused_remaining_seconds, lang) {
                (Some(s), Lang::En) => format!("paused, {} left", hours(s)),
                (Some(s), Lang::Id) => format!("dijeda, sisa {}", hours(s)),
                (None, Lang::En) => "paused, with the applicant".into(),
                (None, Lang::Id) => "dijeda, berkas di pemohon".into(),
            },
            (CaseStatus::Active, _) => match (self.due, lang) {
                (Some(d), Lang::En) => format!("due {}", d.format("%Y-%m-%d %H:%M (%:z)")),
                (Some(d), Lang::Id) => format!("batas waktu {}", d.format("%Y-%m-%d %H:%M (%:z)")),
                (None, Lang::En) => "in progress".into(),
                (None, Lang::Id) => "sedang diproses".into(),
            },
        }
    }
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
                    "rejected" | "withdrawn" | "lapsed" => outcome.as_str(),
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
            paused_remaining_seconds: self.paused_remaining(),
            permit_number: self
                .visits
                .iter()
                .flat_map(|v| &v.outputs)
                .rev()
                .find(|o| matches!(o.kind, OutputKind::Izin | OutputKind::NonIzin))
                .map(|o| o.number.clone()),
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
