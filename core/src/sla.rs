//! SLA clocks computed from a case's state: per step visit, per lane and
//! per case — started, due, elapsed and remaining working time, status
//! (running, at risk past a warning threshold, breached, met on time, met
//! late, paused) — plus due events (opt-in *fiktif positif*) and the
//! explanation of a deadline. Pure functions of the case, the procedure, the
//! calendar and the instant `now`.

use crate::error::Code;
use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::calendar::{Calendar, Explanation};
use crate::case::{Case, CaseError, CaseStatus, StepVisit, calendar_err, check_instant, sla_due};
use crate::procedure::{Label, LaneKind, Procedure, SlaUnit};

type Instant = DateTime<FixedOffset>;

/// The state of one clock.
///
/// # Example
/// ```
/// assert_eq!(serde_json::to_value(ptsp::ClockStatus::AtRisk)?, "at_risk");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ClockStatus {
    /// Running, below the first warning threshold.
    Running,
    /// Running, past a warning threshold (see `threshold`).
    AtRisk,
    /// Running, past the deadline.
    Breached,
    /// Stopped while the file is back with the applicant.
    Paused,
    /// Finished at or before the deadline.
    MetOnTime,
    /// Finished after the deadline.
    MetLate,
    /// Running, the step has no SLA.
    Untimed,
    /// Finished, the step has no SLA.
    Done,
    /// The applicant's window (a step of the applicant's lane with an SLA)
    /// passed without the applicant acting: a due event for the backend,
    /// never the office's breach.
    Lapsed,
}

/// The clock of one step visit.
///
/// # Example
/// ```
/// // See `evaluate` for a full example.
/// let s: ptsp::ClockStatus = serde_json::from_str("\"met_late\"")?;
/// assert_eq!(s, ptsp::ClockStatus::MetLate);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StepClock {
    /// Step id.
    pub step: String,
    /// Lane id.
    pub lane: String,
    /// Position among the case's visits.
    pub visit: usize,
    /// When the step was entered.
    pub started: Instant,
    /// Deadline in force.
    pub due: Option<Instant>,
    /// When the step finished.
    pub ended: Option<Instant>,
    /// Working seconds spent on the step, pauses excluded.
    pub elapsed_seconds: i64,
    /// Working seconds paused (file with the applicant).
    pub paused_seconds: i64,
    /// Working seconds left until the deadline (negative when breached);
    /// for running or paused timed steps.
    pub remaining_seconds: Option<i64>,
    /// Status.
    pub status: ClockStatus,
    /// The highest warning threshold passed (percent), if any.
    pub threshold: Option<u8>,
    /// Whether the preventive warning of seed §6 was recorded on this
    /// visit (an `escalated` event).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub warned: bool,
    /// The highest repressive escalation level recorded on this visit (0:
    /// none): how far up the line of command the breach went.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub escalated: u8,
}

fn is_zero(n: &u8) -> bool {
    *n == 0
}

/// Working time per lane.
///
/// # Example
/// ```
/// let l = ptsp::LaneClock { lane: "ptsp".into(), elapsed_seconds: 0, visits: 0, breached: 0 };
/// assert_eq!(l.visits, 0);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LaneClock {
    /// Lane id.
    pub lane: String,
    /// Working seconds spent in this lane's steps.
    pub elapsed_seconds: i64,
    /// Step visits in this lane.
    pub visits: u32,
    /// Visits breached or met late.
    pub breached: u32,
}

/// The whole case's clock.
///
/// # Example
/// ```
/// let s: ptsp::CaseStatus = serde_json::from_str("\"active\"")?;
/// assert_eq!(s, ptsp::CaseStatus::Active);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CaseClock {
    /// Case status.
    pub status: CaseStatus,
    /// Submission.
    pub started: Option<Instant>,
    /// End, if ended.
    pub ended: Option<Instant>,
    /// Working seconds from submission to end (or now).
    pub elapsed_seconds: i64,
    /// Working seconds the file spent with the applicant for correction.
    pub correction_seconds: i64,
    /// Timed visits breached or met late.
    pub breached: u32,
    /// The worst status among timed visits.
    pub status_worst: Option<ClockStatus>,
    /// Correction rounds.
    pub corrections: u32,
    /// The case-level deadline set by a tier (severity), if any.
    pub due: Option<Instant>,
    /// The status against that deadline: stopped (`paused`) while the
    /// case is with the applicant, never breached for the applicant's time.
    pub due_status: Option<ClockStatus>,
    /// The highest warning threshold of the tier passed (percent), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_threshold: Option<u8>,
    /// Working seconds left on the case-level clock (negative when
    /// breached; frozen while paused), while it runs or is paused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_remaining_seconds: Option<i64>,
}

/// Something due that the backend may act on; never applied by the
/// library.
///
/// # Example
/// ```
/// let e = ptsp::DueEvent::DeemedApproval {
///     step: "persetujuan".into(),
///     due: ptsp::calendar::parse_instant("2026-12-31T16:00:00+07:00")?,
///     basis: "UU 30/2014 Pasal 53".into(),
/// };
/// assert_eq!(serde_json::to_value(&e)?["type"], "deemed_approval");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum DueEvent {
    /// The statutory deadline of a deemed-approval step passed undecided
    /// (*fiktif positif*).
    DeemedApproval {
        /// The step.
        step: String,
        /// Its deadline.
        due: Instant,
        /// Legal basis as configured.
        basis: String,
    },
    /// The applicant's window on a step passed ("accepted by silence" for
    /// a complaint's confirmation): the backend records
    /// [`crate::Command::Lapse`], which takes `outcome`.
    Lapse {
        /// The step.
        step: String,
        /// The end of the window.
        due: Instant,
        /// The outcome the lapse takes.
        outcome: String,
    },
    /// The correction window passed without a resubmission: the backend may
    /// record [`crate::Command::Lapse`], which ends the case as lapsed.
    CorrectionLapsed {
        /// The step the file was returned from.
        step: String,
        /// The end of the window.
        due: Instant,
    },
}

/// The SLA evaluation of one case at one instant.
///
/// # Example
/// ```
/// // A full lifecycle is in `examples/permit_lifecycle.rs`.
/// let r = ptsp::sla::evaluate(&ptsp::Case::new(), &ptsp::Procedure::jatim_permit(),
///     &ptsp::Calendar::jatim(), ptsp::calendar::parse_instant("2026-12-22T09:00:00+07:00")?)?;
/// assert!(r.steps.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SlaReport {
    /// Case id.
    pub case_id: String,
    /// The instant evaluated at.
    pub at: Instant,
    /// One clock per step visit.
    pub steps: Vec<StepClock>,
    /// Per lane.
    pub lanes: Vec<LaneClock>,
    /// The whole case.
    pub case: CaseClock,
    /// Due events.
    pub due_events: Vec<DueEvent>,
}

/// Working seconds of `pauses` (stopped, running again) up to `end`; a pause
/// still open runs to `end`.
pub(crate) fn paused(
    cal: &Calendar,
    pauses: &[(Instant, Option<Instant>)],
    end: Instant,
) -> Result<i64, CaseError> {
    let mut total = 0;
    for &(from, to) in pauses {
        let to = to.unwrap_or(end).min(end);
        if to > from {
            total += between(cal, from, to)?;
        }
    }
    Ok(total)
}

/// Working seconds between two instants, as the case engine reports errors.
pub(crate) fn between(cal: &Calendar, a: Instant, b: Instant) -> Result<i64, CaseError> {
    Ok(cal
        .working_time_between(a, b)
        .map_err(calendar_err)?
        .num_seconds())
}

fn severity(s: ClockStatus) -> u8 {
    match s {
        ClockStatus::MetOnTime | ClockStatus::Done | ClockStatus::Untimed | ClockStatus::Lapsed => {
            0
        }
        ClockStatus::Running | ClockStatus::Paused => 1,
        ClockStatus::AtRisk => 2,
        ClockStatus::MetLate => 3,
        ClockStatus::Breached => 4,
    }
}

/// The status of a clock with a deadline at `now`: running (or at risk
/// past a warning threshold), or breached; `left` is the working time
/// left, `elapsed` the working time used (pauses excluded).
fn running(
    warn: &[u8],
    elapsed: i64,
    left: i64,
    now: Instant,
    due: Instant,
) -> (ClockStatus, Option<u8>) {
    if now > due {
        return (ClockStatus::Breached, None);
    }
    let total = elapsed + left;
    let mut out = (ClockStatus::Running, None);
    for &w in warn {
        if total > 0 && elapsed * 100 >= i64::from(w) * total {
            out = (ClockStatus::AtRisk, Some(w));
        }
    }
    out
}

/// Met on time or late, judged at the instant the clock stopped.
fn met(stopped: Instant, due: Instant) -> ClockStatus {
    if stopped <= due {
        ClockStatus::MetOnTime
    } else {
        ClockStatus::MetLate
    }
}

fn clock(
    v: &StepVisit,
    visit: usize,
    paused_now: Option<i64>,
    p: &Procedure,
    cal: &Calendar,
    now: Instant,
) -> Result<StepClock, CaseError> {
    let step = p.step(&v.step);
    let lane = step.map(|s| s.lane.clone()).unwrap_or_default();
    let applicant = step
        .and_then(|s| p.lane(&s.lane))
        .is_some_and(|l| l.kind == LaneKind::Applicant);
    let c = clock_core(v, paused_now, step, applicant, cal, now)?;
    Ok(StepClock {
        step: v.step.clone(),
        lane,
        visit,
        started: v.started,
        due: v.due,
        ended: v.ended,
        elapsed_seconds: c.elapsed_seconds,
        paused_seconds: c.paused_seconds,
        remaining_seconds: c.remaining_seconds,
        status: c.status,
        threshold: c.threshold,
        warned: v.warned,
        escalated: v.escalated,
    })
}

/// A visit's clock without its names: what [`StepClock`] reports of it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ClockCore {
    pub status: ClockStatus,
    pub elapsed_seconds: i64,
    pub paused_seconds: i64,
    pub remaining_seconds: Option<i64>,
    pub threshold: Option<u8>,
}

fn clock_core(
    v: &StepVisit,
    paused_now: Option<i64>,
    step: Option<&crate::procedure::StepDef>,
    applicant: bool,
    cal: &Calendar,
    now: Instant,
) -> Result<ClockCore, CaseError> {
    let end = v.ended.unwrap_or(now).max(v.started);
    let paused = paused(cal, &v.pauses, end)?;
    let elapsed = between(cal, v.started, end)? - paused;
    // A visit that ended while its file was with the applicant (withdrawn,
    // lapsed) stopped its clock when the file went back.
    let stopped = match v.pauses.last() {
        Some(&(from, Some(to))) if Some(to) == v.ended => Some(from),
        _ => v.ended,
    };
    let warn = step
        .and_then(|s| s.sla.as_ref())
        .map_or(&[][..], |s| s.warn_at.as_slice());
    let (mut status, mut remaining, mut threshold) = (ClockStatus::Done, None, None);
    match (v.due, stopped) {
        (None, Some(_)) => {}
        (None, None) => status = ClockStatus::Untimed,
        (Some(due), Some(stopped)) => status = met(stopped, due),
        (Some(due), None) => match paused_now {
            // The file is with the applicant: the clock is frozen at the
            // time that was left when it went back.
            Some(left) => {
                status = ClockStatus::Paused;
                remaining = Some(left);
            }
            None => {
                let left = between(cal, now, due)?;
                remaining = Some(left);
                (status, threshold) = running(warn, elapsed, left, now, due);
                if applicant && status == ClockStatus::Breached {
                    // The applicant's window passed: not the office's breach.
                    status = ClockStatus::Lapsed;
                }
            }
        },
    }
    Ok(ClockCore {
        status,
        elapsed_seconds: elapsed,
        paused_seconds: paused,
        remaining_seconds: remaining,
        threshold,
    })
}

/// The clock of visit `i` of `case` at `now`, as [`evaluate`] reports it
/// (for reports over many cases: no names copied), given the visit's step
/// definition and whether its lane is the applicant's.
pub(crate) fn visit_clock(
    case: &Case,
    i: usize,
    step: Option<&crate::procedure::StepDef>,
    applicant: bool,
    cal: &Calendar,
    now: Instant,
) -> Result<ClockCore, CaseError> {
    let last = case.visits.len().saturating_sub(1);
    let paused_now = (case.status == CaseStatus::AwaitingCorrection && i == last)
        .then_some(case.remaining_at_pause);
    clock_core(&case.visits[i], paused_now, step, applicant, cal, now)
}

/// The case-level (tier) clock at `now`: its status, the warning threshold
/// passed and the working seconds left (each `None` without a tier).
pub(crate) type CaseDue = (Option<ClockStatus>, Option<u8>, Option<i64>);

/// The case-level (tier) clock's [`CaseDue`] at `now`, as [`evaluate`]
/// reports it.
pub(crate) fn case_due_status(
    case: &Case,
    p: &Procedure,
    cal: &Calendar,
    now: Instant,
) -> Result<CaseDue, CaseError> {
    let ended = match case.status {
        CaseStatus::Ended(_) => case.last_at,
        _ => None,
    };
    Ok(match case.case_due {
        None => (None, None, None),
        Some(due) => {
            let stopped = case
                .case_pauses
                .last()
                .filter(|p| p.1.is_none())
                .map(|p| p.0);
            match (stopped, ended) {
                // Stopped at the instant the case went to the applicant.
                (Some(at), Some(_)) => (Some(met(at, due)), None, None),
                (None, Some(end)) => (Some(met(end, due)), None, None),
                (Some(_), None) => (
                    Some(ClockStatus::Paused),
                    None,
                    Some(case.case_remaining_at_pause),
                ),
                (None, None) => {
                    let from = case.case_started.unwrap_or(now).min(now);
                    let used = between(cal, from, now)? - paused(cal, &case.case_pauses, now)?;
                    let left = between(cal, now, due)?;
                    let warn = case
                        .tier
                        .as_deref()
                        .and_then(|t| p.tier(t))
                        .map_or(&[][..], |t| t.sla.warn_at.as_slice());
                    let (status, threshold) = running(warn, used, left, now, due);
                    (Some(status), threshold, Some(left))
                }
            }
        }
    })
}

/// Whether the open step's deemed approval fell due at `now` (the
/// procedure's `deemed_approval` names the step, its deadline passed, the
/// case is running).
pub(crate) fn deemed_approval_due(case: &Case, p: &Procedure, now: Instant) -> bool {
    let Some(d) = &p.def().deemed_approval else {
        return false;
    };
    case.visits.last().is_some_and(|v| {
        v.ended.is_none()
            && v.due.is_some_and(|due| now > due)
            && d.steps.contains(&v.step)
            && matches!(case.status, CaseStatus::Active)
    })
}

/// An open step's alarm: the visit's index, the visit, at risk or
/// breached, and the warning threshold passed.
pub(crate) type Alarm<'c> = (usize, &'c StepVisit, ClockStatus, Option<u8>);

/// The clock of a case's open step at `now`, for supervision: the visit's
/// index, the visit, and whether it is at risk (with the threshold passed)
/// or breached — `None` for a case not running (new, ended, with the
/// applicant), an open step without a deadline or in the applicant's lane,
/// or one merely running. The same verdict as [`evaluate`]'s step clock,
/// without the report.
pub(crate) fn open_step_alarm<'c>(
    case: &'c Case,
    p: &Procedure,
    cal: &Calendar,
    now: Instant,
) -> Result<Option<Alarm<'c>>, CaseError> {
    check_instant("now", now)?;
    if case.status != CaseStatus::Active {
        return Ok(None);
    }
    let Some(v) = case.visits.last() else {
        return Ok(None);
    };
    let (Some(due), None) = (v.due, v.ended) else {
        return Ok(None);
    };
    let step = p.step(&v.step);
    if p.lane_of(&v.step)
        .is_some_and(|l| l.kind == LaneKind::Applicant)
    {
        return Ok(None);
    }
    let visit = case.visits.len() - 1;
    if now > due {
        return Ok(Some((visit, v, ClockStatus::Breached, None)));
    }
    let warn = step
        .and_then(|s| s.sla.as_ref())
        .map_or(&[][..], |s| s.warn_at.as_slice());
    if warn.is_empty() {
        return Ok(None);
    }
    let end = now.max(v.started);
    let elapsed = between(cal, v.started, end)? - paused(cal, &v.pauses, end)?;
    let left = between(cal, now, due)?;
    match running(warn, elapsed, left, now, due) {
        (ClockStatus::AtRisk, t) => Ok(Some((visit, v, ClockStatus::AtRisk, t))),
        _ => Ok(None),
    }
}

/// Evaluates every SLA clock of a case at `now`.
///
/// # Example
/// ```
/// use ptsp::{Actor, Calendar, Case, ClockStatus, Command, Procedure, Request, SubmittedDocument};
/// let (p, cal) = (Procedure::jatim_permit(), Calendar::jatim());
/// let docs = ["surat_permohonan", "ktp", "nib", "npwp", "dokumen_teknis"]
///     .map(|c| SubmittedDocument::new(c, "pdf", 10_000)).to_vec();
/// let at = |s| ptsp::calendar::parse_instant(s);
/// let mut case = Case::new();
/// case.execute(&Request { actor: Actor::new("p-1", &["pemohon"], None), at: at("2026-12-22T09:15:00+07:00")?,
///     command: Command::Submit { case_id: "IZN-1".into(), documents: docs } }, &p, &cal)?;
/// let r = ptsp::sla::evaluate(&case, &p, &cal, at("2026-12-28T12:00:00+07:00")?)?;
/// assert_eq!(r.steps[0].status, ClockStatus::AtRisk); // day 2 of 3: past 50 %
/// let r = ptsp::sla::evaluate(&case, &p, &cal, at("2026-12-30T08:00:00+07:00")?)?;
/// assert_eq!(r.steps[0].status, ClockStatus::Breached);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn evaluate(
    case: &Case,
    p: &Procedure,
    cal: &Calendar,
    now: Instant,
) -> Result<SlaReport, CaseError> {
    check_instant("now", now)?;
    let paused_now =
        (case.status == CaseStatus::AwaitingCorrection).then_some(case.remaining_at_pause);
    let last = case.visits.len().saturating_sub(1);
    let mut steps = Vec::with_capacity(case.visits.len());
    for (i, v) in case.visits.iter().enumerate() {
        steps.push(clock(v, i, paused_now.filter(|_| i == last), p, cal, now)?);
    }
    let mut lanes: Vec<LaneClock> = Vec::new();
    let (mut breached, mut worst, mut correction) = (0, None, 0);
    for s in &steps {
        // The applicant's windows are not the office's SLA.
        let office = p
            .lane(&s.lane)
            .is_some_and(|l| l.kind != LaneKind::Applicant);
        let late = office && matches!(s.status, ClockStatus::Breached | ClockStatus::MetLate);
        breached += u32::from(late);
        if office && s.due.is_some() && worst.is_none_or(|w| severity(s.status) > severity(w)) {
            worst = Some(s.status);
        }
        correction += s.paused_seconds;
        match lanes.iter_mut().find(|l| l.lane == s.lane) {
            Some(l) => {
                l.elapsed_seconds += s.elapsed_seconds;
                l.visits += 1;
                l.breached += u32::from(late);
            }
            None => lanes.push(LaneClock {
                lane: s.lane.clone(),
                elapsed_seconds: s.elapsed_seconds,
                visits: 1,
                breached: u32::from(late),
            }),
        }
    }
    let started = case.visits.first().map(|v| v.started);
    let ended = match case.status {
        CaseStatus::Ended(_) => case.last_at,
        _ => None,
    };
    let elapsed = match started {
        Some(s) => between(cal, s, ended.unwrap_or(now).max(s))?,
        None => 0,
    };
    let (due_status, due_threshold, due_remaining) = case_due_status(case, p, cal, now)?;
    let mut due_events = Vec::new();
    if let (Some(d), Some(s)) = (&p.def().deemed_approval, steps.last())
        && deemed_approval_due(case, p, now)
    {
        due_events.push(DueEvent::DeemedApproval {
            step: s.step.clone(),
            due: s.due.unwrap_or(now),
            basis: d.basis.clone(),
        });
    }
    if let Some(s) = steps.last()
        && s.status == ClockStatus::Lapsed
        && let Some(outcome) = p.step(&s.step).and_then(|d| d.on_lapse.clone())
        && let Some(due) = s.due
    {
        due_events.push(DueEvent::Lapse {
            step: s.step.clone(),
            due,
            outcome,
        });
    }
    if case.status == CaseStatus::AwaitingCorrection
        && let (Some(due), Some(step)) = (case.window_due, &case.current)
        && now > due
    {
        due_events.push(DueEvent::CorrectionLapsed {
            step: step.clone(),
            due,
        });
    }
    Ok(SlaReport {
        case_id: case.id.clone(),
        at: now,
        steps,
        lanes,
        case: CaseClock {
            status: case.status,
            started,
            ended,
            elapsed_seconds: elapsed,
            correction_seconds: correction,
            breached,
            status_worst: worst,
            corrections: case.corrections,
            due: case.case_due,
            due_status,
            due_threshold,
            due_remaining_seconds: due_remaining,
        },
        due_events,
    })
}

/// Why a step visit is due when it is: the calendar's day-by-day
/// explanation of the first deadline, and every correction pause with the
/// working time that was left and the deadline that followed.
///
/// # Example
/// ```
/// let s = ptsp::sla::StepExplanation {
///     step: "x".into(), name: ptsp::Label::new("x", "x"), first_due: None, due: None,
///     explanation: None, pauses: vec![],
/// };
/// assert!(s.pauses.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StepExplanation {
    /// Step id.
    pub step: String,
    /// Step name.
    pub name: Label,
    /// The deadline computed on entry.
    pub first_due: Option<Instant>,
    /// The deadline in force.
    pub due: Option<Instant>,
    /// For working-day SLAs: the calendar's explanation of `first_due`.
    pub explanation: Option<Explanation>,
    /// Correction pauses.
    pub pauses: Vec<PauseInfo>,
}

/// One correction pause of a step.
///
/// # Example
/// ```
/// let p = ptsp::sla::PauseInfo { returned: ptsp::calendar::parse_instant("2026-12-23T10:00:00+07:00")?,
///     resubmitted: None };
/// assert!(p.resubmitted.is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PauseInfo {
    /// When the file went back to the applicant.
    pub returned: Instant,
    /// When it came back.
    pub resubmitted: Option<Instant>,
}

/// Explains the deadline of visit `visit` of a case.
///
/// # Example
/// ```
/// let err = ptsp::sla::explain(&ptsp::Case::new(), 0, &ptsp::Procedure::jatim_permit(), &ptsp::Calendar::jatim());
/// assert_eq!(err.unwrap_err().code(), "invalid_input");
/// ```
pub fn explain(
    case: &Case,
    visit: usize,
    p: &Procedure,
    cal: &Calendar,
) -> Result<StepExplanation, CaseError> {
    let v = case
        .visits
        .get(visit)
        .ok_or_else(|| CaseError::InvalidInput {
            what: crate::case::phrase::VISIT,
            problems: vec![crate::Problem::new(
                "visit",
                Code::UnknownVisit,
                format!(
                    "the case has {} step visits: visit {visit} does not exist",
                    case.visits.len()
                ),
                format!(
                    "kasus memiliki {} kunjungan langkah: kunjungan {visit} tidak ada",
                    case.visits.len()
                ),
            )],
        })?;
    let step = p.step(&v.step).ok_or_else(|| CaseError::InconsistentLog {
        index: 0,
        detail: format!(
            "step “{}” is not in the procedure",
            crate::error::excerpt(&v.step)
        ),
    })?;
    let explanation = match &step.sla {
        Some(sla) if sla.unit == SlaUnit::WorkingDays => Some(
            cal.explain_deadline(v.started, sla.amount, &p.def().deadline_policy)
                .map_err(calendar_err)?,
        ),
        _ => None,
    };
    Ok(StepExplanation {
        step: v.step.clone(),
        name: step.name.clone(),
        first_due: v.first_due,
        due: v.due,
        explanation,
        pauses: v
            .pauses
            .iter()
            .map(|&(returned, resubmitted)| PauseInfo {
                returned,
                resubmitted,
            })
            .collect(),
    })
}

/// One step of a completion preview.
///
/// # Example
/// ```
/// let cal = ptsp::Calendar::jatim();
/// let at = ptsp::calendar::parse_instant("2026-12-22T09:15:00+07:00")?;
/// let p = ptsp::sla::preview(&ptsp::Procedure::jatim_permit(), &cal, at)?;
/// assert_eq!(p.steps[0].step, "pemeriksaan");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PreviewStep {
    /// Step id.
    pub step: String,
    /// Step name.
    pub name: Label,
    /// Lane id.
    pub lane: String,
    /// When the step is entered, at the latest.
    pub entered: Instant,
    /// Its deadline (None: the step has no SLA and is counted as taking no
    /// time).
    pub due: Option<Instant>,
}

/// The expected completion of an application submitted at an instant, if
/// every step takes at most its SLA along the procedure's main path (the
/// first outcome of every step).
///
/// # Example
/// ```
/// let cal = ptsp::Calendar::jatim();
/// let at = ptsp::calendar::parse_instant("2026-12-22T09:15:00+07:00")?;
/// let p = ptsp::sla::preview(&ptsp::Procedure::jatim_permit(), &cal, at)?;
/// // The check is due 29 Dec 16:00; approval counts from 30 Dec (received at
/// // closing time), skips 1 Jan and the weekend and 5 Jan (Isra Mikraj).
/// assert_eq!(p.completion.to_rfc3339(), "2027-01-06T16:00:00+07:00");
/// assert_eq!(p.untimed, ["rekomendasi", "cetak"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Preview {
    /// The steps after submission, in order.
    pub steps: Vec<PreviewStep>,
    /// When the case would end at the latest.
    pub completion: Instant,
    /// Steps without an SLA, counted as taking no time: the completion is a
    /// lower bound where any are listed.
    pub untimed: Vec<String>,
}

/// Previews the latest completion of an application submitted at `at` (see
/// [`Preview`]).
///
/// # Example
/// ```
/// let cal = ptsp::Calendar::indonesia(); // no office hours
/// let at = ptsp::calendar::parse_instant("2026-12-22T09:15:00+07:00")?;
/// let err = ptsp::sla::preview(&ptsp::Procedure::jatim_permit(), &cal, at).unwrap_err();
/// assert_eq!(err.code(), "no_office_hours");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn preview(p: &Procedure, cal: &Calendar, at: Instant) -> Result<Preview, CaseError> {
    check_instant("at", at)?;
    let mut steps = Vec::new();
    let mut untimed = Vec::new();
    // Every instant of the preview in the office's offset.
    let mut now = at.with_timezone(&cal.utc_offset());
    let mut id = p.def().start.clone();
    for _ in 0..p.def().steps.len() {
        let Some(step) = p.step(&id) else { break };
        if step.kind == crate::procedure::StepKind::End {
            break;
        }
        if id != p.def().start {
            let due = match &step.sla {
                None => None,
                Some(sla) => Some(sla_due(p, cal, sla, now)?),
            };
            if due.is_none() {
                untimed.push(id.clone());
            }
            steps.push(PreviewStep {
                step: id.clone(),
                name: step.name.clone(),
                lane: step.lane.clone(),
                entered: now,
                due,
            });
            now = due.unwrap_or(now);
        }
        match step.outcomes.first() {
            Some(o) => id = o.next.clone(),
            None => break,
        }
    }
    Ok(Preview {
        steps,
        completion: now,
        untimed,
    })
}

/// [`evaluate`] over many cases at one instant (a dashboard's batch call).
/// One result per case, so one broken case does not hide the others.
///
/// # Example
/// ```
/// let (p, cal) = (ptsp::Procedure::jatim_permit(), ptsp::Calendar::jatim());
/// let now = ptsp::calendar::parse_instant("2026-12-22T09:00:00+07:00")?;
/// let reports = ptsp::sla::evaluate_many(&[ptsp::Case::new(), ptsp::Case::new()], &p, &cal, now);
/// assert_eq!(reports.len(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn evaluate_many<'c>(
    cases: impl IntoIterator<Item = &'c Case>,
    p: &Procedure,
    cal: &Calendar,
    now: Instant,
) -> Vec<Result<SlaReport, CaseError>> {
    cases
        .into_iter()
        .map(|c| evaluate(c, p, cal, now))
        .collect()
}
