//! Cases: one application running through a [`Procedure`](crate::Procedure), event-sourced.
//!
//! `decide(case, request)` checks a [`Request`] (who, when, what) against
//! the procedure, the case's state and the actor's rights, and returns the
//! [`Event`]s it causes — or a typed [`CaseError`] and no change.
//! [`Case::apply`] folds an event into the state; replaying a log gives the
//! identical state. The engine never reads the clock: every request carries
//! its instant. Deadlines are computed when a step is entered and recorded
//! in the events, so later changes to a calendar or a definition never
//! rewrite what a case recorded.
//!
//! The engine's parts: `command` (what is asked: [`Command`], [`Request`]),
//! `event` (what happened: [`Event`]), `bounds` (the limits a request must
//! keep), `authorize` (who may act), `transition` (where an outcome leads,
//! clocks and deadlines), `documents` (what comes in and goes out),
//! `decide` (a request into events), `apply` (events into state, checked or
//! trusted), `tracking` (the public and redacted views) and `error`
//! ([`CaseError`]). Everything public is re-exported here.

mod apply;
mod authorize;
mod bounds;
mod command;
mod decide;
mod documents;
mod error;
mod event;
mod event_wire;
mod tracking;
mod transition;

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::error::Lang;
use crate::procedure::EndKind;

pub use bounds::INSTANT_YEARS;
pub(crate) use bounds::check_instant;
pub use command::{
    Action, Actor, Command, Control, CorrectionReason, Directive, OutputRecord, Request,
    SubmittedDocument,
};
pub use documents::check_documents;
pub use error::{CaseError, Requirement};
pub use event::{CaseClockChange, Event, EventKind};
pub use tracking::{CurrentStep, REDACTED, Tracking, TrackingEntry};
pub(crate) use transition::{calendar_err, sla_due};

/// Where a case stands. In JSON one `snake_case` string: `new`, `active`,
/// `awaiting_correction`, or — once ended — how it ended (`approved`,
/// `rejected`, `withdrawn`, `completed`, `forwarded`, `archived`,
/// `lapsed`).
///
/// # Example
/// ```
/// use ptsp::{CaseStatus, EndKind};
/// assert_eq!(serde_json::to_value(CaseStatus::AwaitingCorrection)?, "awaiting_correction");
/// assert_eq!(serde_json::to_value(CaseStatus::Ended(EndKind::Approved))?, "approved");
/// assert_eq!(serde_json::from_value::<CaseStatus>("lapsed".into())?, CaseStatus::Ended(EndKind::Lapsed));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "StatusName", into = "StatusName")]
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

impl CaseStatus {
    /// Whether the case has ended.
    ///
    /// # Example
    /// ```
    /// assert!(!ptsp::CaseStatus::Active.is_ended());
    /// ```
    pub fn is_ended(self) -> bool {
        matches!(self, CaseStatus::Ended(_))
    }
}

/// The JSON form of a [`CaseStatus`]: one string.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "CaseStatus"))]
#[serde(rename_all = "snake_case")]
enum StatusName {
    /// Not yet submitted.
    New,
    /// A step is in progress.
    Active,
    /// Back with the applicant.
    AwaitingCorrection,
    /// Ended: the permit (or answer) was granted.
    Approved,
    /// Ended: refused.
    Rejected,
    /// Ended: withdrawn by the applicant.
    Withdrawn,
    /// Ended: finished (e.g. an answer delivered).
    Completed,
    /// Ended: passed on to another agency.
    Forwarded,
    /// Ended: archived without further action.
    Archived,
    /// Ended: the applicant's window lapsed.
    Lapsed,
}

impl From<StatusName> for CaseStatus {
    fn from(s: StatusName) -> Self {
        match s {
            StatusName::New => CaseStatus::New,
            StatusName::Active => CaseStatus::Active,
            StatusName::AwaitingCorrection => CaseStatus::AwaitingCorrection,
            StatusName::Approved => CaseStatus::Ended(EndKind::Approved),
            StatusName::Rejected => CaseStatus::Ended(EndKind::Rejected),
            StatusName::Withdrawn => CaseStatus::Ended(EndKind::Withdrawn),
            StatusName::Completed => CaseStatus::Ended(EndKind::Completed),
            StatusName::Forwarded => CaseStatus::Ended(EndKind::Forwarded),
            StatusName::Archived => CaseStatus::Ended(EndKind::Archived),
            StatusName::Lapsed => CaseStatus::Ended(EndKind::Lapsed),
        }
    }
}

impl From<CaseStatus> for StatusName {
    fn from(s: CaseStatus) -> Self {
        match s {
            CaseStatus::New => StatusName::New,
            CaseStatus::Active => StatusName::Active,
            CaseStatus::AwaitingCorrection => StatusName::AwaitingCorrection,
            CaseStatus::Ended(EndKind::Approved) => StatusName::Approved,
            CaseStatus::Ended(EndKind::Rejected) => StatusName::Rejected,
            CaseStatus::Ended(EndKind::Withdrawn) => StatusName::Withdrawn,
            CaseStatus::Ended(EndKind::Completed) => StatusName::Completed,
            CaseStatus::Ended(EndKind::Forwarded) => StatusName::Forwarded,
            CaseStatus::Ended(EndKind::Archived) => StatusName::Archived,
            CaseStatus::Ended(EndKind::Lapsed) => StatusName::Lapsed,
        }
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for CaseStatus {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        StatusName::schema_name()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        StatusName::json_schema(generator)
    }
}

impl CaseStatus {
    /// The status for a reader, in the given language.
    ///
    /// # Example
    /// ```
    /// use ptsp::{CaseStatus, EndKind, Lang};
    /// assert_eq!(CaseStatus::Ended(EndKind::Approved).label(Lang::Id), "selesai (disetujui)");
    /// assert_eq!(CaseStatus::AwaitingCorrection.label(Lang::En), "awaiting_correction");
    /// ```
    pub fn label(self, lang: Lang) -> String {
        match (self, lang) {
            (CaseStatus::New, Lang::En) => "new".into(),
            (CaseStatus::New, Lang::Id) => "baru".into(),
            (CaseStatus::Active, Lang::En) => "active".into(),
            (CaseStatus::Active, Lang::Id) => "aktif".into(),
            (CaseStatus::AwaitingCorrection, Lang::En) => "awaiting_correction".into(),
            (CaseStatus::AwaitingCorrection, Lang::Id) => "menunggu perbaikan".into(),
            (CaseStatus::Ended(k), Lang::En) => format!("ended ({})", k.label(lang)),
            (CaseStatus::Ended(k), Lang::Id) => format!("selesai ({})", k.label(lang)),
        }
    }
}

/// Who a lane's work is assigned to.
///
/// # Example
/// ```
/// let a = ptsp::Assignment { unit: Some("dinkes".into()), staff: None, step: None };
/// assert!(a.staff.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    /// The staff member bound to this visit by an assignment (kept after
    /// the visit ends, for the reports).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub staff: Option<String>,
    /// Whether the preventive warning (seed §6) was recorded on this visit.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub warned: bool,
    /// The highest repressive escalation level recorded on this visit (0:
    /// none).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub escalated: u8,
}

fn is_zero(n: &u8) -> bool {
    *n == 0
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

type CaseResult<T> = Result<T, CaseError>;

type Instant = DateTime<FixedOffset>;

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

    pub(crate) fn wrong_state(&self, action: Action) -> CaseError {
        CaseError::WrongState {
            action,
            status: self.status,
        }
    }

    fn inconsistent(&self, detail: String) -> CaseError {
        CaseError::InconsistentLog {
            index: self.events,
            detail,
        }
    }
}

/// The phrases the case engine's errors name inputs with.
pub(crate) mod phrase {
    use crate::error::phrase::Phrase;

    /// A correction reason.
    pub const REASON: Phrase = crate::error::phrase::phrase!("alasan", "reason");
    /// Correction reasons.
    pub const REASONS: Phrase = crate::error::phrase::phrase!("alasan perbaikan", "reasons");
    /// An assignment.
    pub const ASSIGNMENT: Phrase = crate::error::phrase::phrase!("penugasan", "assignment");
    /// A request.
    pub const REQUEST: Phrase = crate::error::phrase::phrase!("permintaan", "request");
    /// A step's outputs.
    pub const OUTPUTS: Phrase = crate::error::phrase::phrase!("keluaran", "outputs");
    /// A complaint tier.
    pub const TIER: Phrase = crate::error::phrase::phrase!("tingkat", "tier");
    /// A step visit.
    pub const VISIT: Phrase = crate::error::phrase::phrase!("kunjungan langkah", "visit");
}
