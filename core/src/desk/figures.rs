//! The consultation and complaint desk (seed §7) on the case engine:
//! per-ticket figures (first response, resolution, validation loops,
//! redistributions, reopenings, working time per lane, tier deadline) and
//! per-unit summaries.
//!
//! The flows themselves are procedures
//! ([`ProcedureDef::jatim_consultation`](crate::ProcedureDef::jatim_consultation),
//! [`ProcedureDef::jatim_complaint`](crate::ProcedureDef::jatim_complaint))
//! run by [`Case`]; routing suggestions are in [`super::routing`] and the
//! web form in [`super::form`].

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::calendar::Calendar;
use crate::case::{Case, CaseError, CaseStatus};
use crate::procedure::{LaneKind, Procedure};
use crate::sla::{self, ClockStatus};

type Instant = DateTime<FixedOffset>;

/// Outcome ids of the built-in desk flows that the figures count.
pub mod outcomes {
    /// The head of complaints sends an answer back ("Belum Valid").
    pub const NOT_YET_VALID: &str = "belum_valid";
    /// A unit says the matter is not theirs (redistribution).
    pub const NOT_OURS: &str = "bukan_kewenangan";
    /// The complainant reopens after the answer.
    pub const REOPENED: &str = "buka_kembali";
}

/// Figures of one ticket (consultation or complaint case) at an instant.
///
/// # Example
/// ```
/// let (p, cal) = (ptsp::Procedure::new(ptsp::ProcedureDef::jatim_consultation())?, ptsp::Calendar::jatim());
/// let now = ptsp::calendar::parse_instant("2026-12-22T09:00:00+07:00")?;
/// let f = ptsp::desk::figures::figures(&ptsp::Case::new(), &p, &cal, now)?;
/// assert_eq!(f.validation_loops, 0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TicketFigures {
    /// Case id.
    pub case_id: String,
    /// Status.
    pub status: CaseStatus,
    /// When the ticket was submitted.
    pub submitted: Option<Instant>,
    /// Office working seconds from submission to the first step completed
    /// by the office (classification or verification): net of the time the
    /// ticket spent with the asker (postponed for more information).
    pub first_response_seconds: Option<i64>,
    /// The same span counted gross (every working second in between).
    #[serde(default)]
    pub first_response_gross_seconds: Option<i64>,
    /// Office working seconds from submission to the end, once ended: net
    /// of the time with the asker (postponements, awaiting confirmation).
    pub resolution_seconds: Option<i64>,
    /// The same span counted gross.
    #[serde(default)]
    pub resolution_gross_seconds: Option<i64>,
    /// "Belum Valid" rounds.
    pub validation_loops: u32,
    /// Times a unit said "not ours" and the ticket went back to distribution.
    pub redistributions: u32,
    /// Times the complainant reopened.
    pub reopened: u32,
    /// Times the ticket went back to the asker for more information.
    pub corrections: u32,
    /// Every outcome taken, counted (for custom flows).
    pub outcome_counts: BTreeMap<String, u32>,
    /// Working seconds per lane.
    pub lane_seconds: BTreeMap<String, i64>,
    /// The unit that last worked on the ticket in a routed lane.
    pub unit: Option<String>,
    /// Severity tier.
    pub tier: Option<String>,
    /// The tier's deadline.
    pub due: Option<Instant>,
    /// Status against it.
    pub due_status: Option<ClockStatus>,
}

/// Computes a ticket's figures at `now`.
///
/// # Example
/// ```
/// // See `examples/desk.rs` and `tests/desk_figures.rs` for full flows.
/// let (p, cal) = (ptsp::Procedure::new(ptsp::ProcedureDef::jatim_complaint())?, ptsp::Calendar::jatim());
/// let now = ptsp::calendar::parse_instant("2026-12-22T09:00:00+07:00")?;
/// assert!(ptsp::desk::figures::figures(&ptsp::Case::new(), &p, &cal, now)?.submitted.is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn figures(
    case: &Case,
    p: &Procedure,
    cal: &Calendar,
    now: Instant,
) -> Result<TicketFigures, CaseError> {
    let report = sla::evaluate(case, p, cal, now)?;
    let mut outcome_counts: BTreeMap<String, u32> = BTreeMap::new();
    for v in &case.visits {
        if let Some(o) = &v.outcome {
            *outcome_counts.entry(o.clone()).or_default() += 1;
        }
    }
    let count = |o: &str| outcome_counts.get(o).copied().unwrap_or(0);
    let submitted = case.visits.first().map(|v| v.started);
    let office = |step: &str| {
        p.step(step)
            .and_then(|s| p.lane(&s.lane))
            .is_some_and(|l| l.kind != LaneKind::Applicant)
    };
    let first_response = case
        .visits
        .iter()
        .find(|v| v.ended.is_some() && office(&v.step))
        .and_then(|v| v.ended);
    let (first_response_seconds, first_response_gross_seconds) = match (submitted, first_response) {
        (Some(s), Some(r)) => (
            Some(office_seconds(case, p, cal, r)?),
            Some(sla::between(cal, s, r)?),
        ),
        _ => (None, None),
    };
    let (resolution_seconds, resolution_gross_seconds) = match (submitted, report.case.ended) {
        (Some(_), Some(end)) => (
            Some(office_seconds(case, p, cal, end)?),
            Some(report.case.elapsed_seconds),
        ),
        _ => (None, None),
    };
    Ok(TicketFigures {
        case_id: case.id.clone(),
        status: case.status,
        submitted,
        first_response_seconds,
        first_response_gross_seconds,
        resolution_seconds,
        resolution_gross_seconds,
        validation_loops: count(outcomes::NOT_YET_VALID),
        redistributions: case
            .visits
            .iter()
            .filter(|v| v.outcome.as_deref() == Some(outcomes::NOT_OURS) && routed(p, &v.step))
            .count() as u32,
        reopened: count(outcomes::REOPENED),
        corrections: case.corrections,
        outcome_counts,
        lane_seconds: report
            .lanes
            .iter()
            .map(|l| (l.lane.clone(), l.elapsed_seconds))
            .collect(),
        unit: case.visits.iter().rev().find_map(|v| v.unit.clone()),
        tier: case.tier.clone(),
        due: report.case.due,
        due_status: report.case.due_status,
    })
}

/// Working seconds the office had a ticket until `until`: every visit of a
/// step outside the applicant's lane, less its correction pauses.
fn office_seconds(
    case: &Case,
    p: &Procedure,
    cal: &Calendar,
    until: Instant,
) -> Result<i64, CaseError> {
    let mut total = 0;
    for v in &case.visits {
        if p.lane_of(&v.step)
            .is_none_or(|l| l.kind == LaneKind::Applicant)
        {
            continue;
        }
        let end = v.ended.unwrap_or(until).min(until);
        if end <= v.started {
            continue;
        }
        total += sla::between(cal, v.started, end)? - sla::paused(cal, &v.pauses, end)?;
    }
    Ok(total)
}

/// Whether a step is in a routed lane (a unit's "not ours" is a
/// redistribution; an admin's is a forward to another agency).
fn routed(p: &Procedure, step: &str) -> bool {
    p.step(step)
        .and_then(|s| p.lane(&s.lane))
        .is_some_and(|l| l.kind == LaneKind::RoutedUnit)
}

/// Per-unit figures over many tickets.
///
/// # Example
/// ```
/// let u = ptsp::desk::figures::UnitSummary { unit: "dkp".into(), tickets: 1, answered: 1, not_ours: 0,
///     sent_back: 0, working_seconds: 3600, mean_seconds_per_visit: Some(3600) };
/// assert_eq!(u.unit, "dkp");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct UnitSummary {
    /// Unit id.
    pub unit: String,
    /// Tickets the unit worked on.
    pub tickets: u32,
    /// Answers drafted.
    pub answered: u32,
    /// Times it said "not ours".
    pub not_ours: u32,
    /// Its answers sent back as not yet valid.
    pub sent_back: u32,
    /// Working seconds spent in its steps.
    pub working_seconds: i64,
    /// Mean working seconds per finished step visit.
    pub mean_seconds_per_visit: Option<i64>,
}

/// Summaries per unit over many cases at `now`, in unit order. A unit's
/// work is the step visits of routed lanes it completed; "sent back" counts
/// a validation's "Belum Valid" that followed the unit's answer.
///
/// # Example
/// ```
/// let p = ptsp::Procedure::new(ptsp::ProcedureDef::jatim_consultation())?;
/// let now = ptsp::calendar::parse_instant("2026-12-22T09:00:00+07:00")?;
/// let s = ptsp::desk::figures::unit_summaries(&[ptsp::Case::new()], &p, &ptsp::Calendar::jatim(), now)?;
/// assert!(s.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn unit_summaries(
    cases: &[Case],
    p: &Procedure,
    cal: &Calendar,
    now: Instant,
) -> Result<Vec<UnitSummary>, CaseError> {
    let mut by: BTreeMap<String, (UnitSummary, i64)> = BTreeMap::new();
    for case in cases {
        let clocks = sla::evaluate(case, p, cal, now)?.steps;
        let mut seen: Vec<&str> = Vec::new();
        let mut last_unit: Option<&str> = None;
        for (v, clock) in case.visits.iter().zip(&clocks) {
            if let Some(unit) = v.unit.as_deref() {
                let (s, visits) = by.entry(unit.to_owned()).or_insert_with(|| {
                    (
                        UnitSummary {
                            unit: unit.to_owned(),
                            tickets: 0,
                            answered: 0,
                            not_ours: 0,
                            sent_back: 0,
                            working_seconds: 0,
                            mean_seconds_per_visit: None,
                        },
                        0,
                    )
                });
                if !seen.contains(&unit) {
                    seen.push(unit);
                    s.tickets += 1;
                }
                match v.outcome.as_deref() {
                    Some(outcomes::NOT_OURS) => s.not_ours += 1,
                    Some(_) => s.answered += 1,
                    None => {}
                }
                s.working_seconds += clock.elapsed_seconds;
                *visits += 1;
                last_unit = Some(unit);
            } else if v.outcome.as_deref() == Some(outcomes::NOT_YET_VALID)
                && let Some(u) = last_unit
                && let Some((s, _)) = by.get_mut(u)
            {
                s.sent_back += 1;
            }
        }
    }
    Ok(by
        .into_values()
        .map(|(mut s, visits)| {
            s.mean_seconds_per_visit = (visits > 0).then(|| s.working_seconds / visits);
            s
        })
        .collect())
}
