//! Events: what happened to a case ([`Event`], [`EventKind`]), including
//! the changes of the case-level (tier) clock ([`CaseClockChange`]). Events
//! record what `decide` resolved (the outcome taken, the deadlines computed),
//! so a log keeps its meaning when a calendar or definition changes.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::{Control, CorrectionReason, Directive, OutputRecord, SubmittedDocument};
use crate::error::Label;
use crate::procedure::EndKind;

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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
        /// lapsed ([`Command::Lapse`](super::Command::Lapse)) rather than by the applicant.
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
        /// Why the staff member does not qualify for the step (seed §5's
        /// criteria, an absence), recorded when the procedure's
        /// qualification setting is `warn`.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        warnings: Vec<Label>,
    },
    /// A superior was called to act on a step (seed §6): the office found
    /// the escalation due and the backend recorded it.
    Escalated {
        /// The step.
        step: String,
        /// Preventive or repressive.
        control: Control,
        /// 1 for the assignee's direct superior, 2 for theirs, …
        level: u8,
        /// The superior's position.
        position: String,
        /// The staff holding that position when it was recorded.
        #[serde(default)]
        staff: Vec<String>,
        /// The staff member the step is assigned to.
        assignee: String,
        /// The step's deadline.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        deadline: Option<DateTime<FixedOffset>>,
    },
    /// A superior's note or instruction on the case (seed §6).
    Supervised {
        /// A note or an instruction.
        directive: Directive,
        /// Its text.
        text: String,
        /// The step the case was at.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        step: Option<String>,
        /// The superior's position.
        position: String,
        /// The staff member supervised (assigned to the case).
        subordinate: String,
        /// How many levels the superior stands above them (1: direct).
        level: u8,
    },
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
            EventKind::Escalated { .. } => "escalated",
            EventKind::Supervised { .. } => "supervised",
        }
    }
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

impl CaseClockChange {
    /// The change's name, for messages.
    pub(super) fn name(&self) -> &'static str {
        match self {
            CaseClockChange::Started { .. } => "started",
            CaseClockChange::Paused { .. } => "paused",
            CaseClockChange::Resumed { .. } => "resumed",
            CaseClockChange::Restarted { .. } => "restarted",
        }
    }
}
