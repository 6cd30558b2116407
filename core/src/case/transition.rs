//! Where a step's outcome leads and what the clocks do: the next step,
//! how the case ends, a unit's decline, the case-level (tier) clock, and
//! the deadlines computed when a step is entered.

use chrono::{DateTime, Duration, FixedOffset};

use super::{Case, CaseClockChange, CaseError, CaseResult};
use crate::calendar::Calendar;
use crate::error::Code;
use crate::error::Problem;
use crate::procedure::{
    CorrectionClock, EndKind, LaneKind, Procedure, SlaUnit, StepDef, StepKind, TierAnchor,
};

/// What a step's completion with an outcome leads to, as far as the
/// procedure and the case's state decide it (the calendar fills in the
/// deadlines).
pub(super) struct Transition<'p> {
    pub(super) next: &'p StepDef,
    pub(super) ended: Option<EndKind>,
    /// The lane whose unit declines with this outcome.
    pub(super) declines: Option<String>,
    /// What the case-level clock does.
    pub(super) case_clock: ClockMove,
}

/// The expected move of the case-level (tier) clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ClockMove {
    None,
    Pause,
    Resume,
    Restart,
}

impl ClockMove {
    /// The move's name, for messages.
    pub(super) fn name(self) -> &'static str {
        match self {
            ClockMove::None => "none",
            ClockMove::Pause => "paused",
            ClockMove::Resume => "resumed",
            ClockMove::Restart => "restarted",
        }
    }

    pub(super) fn matches(self, change: Option<&CaseClockChange>) -> bool {
        matches!(
            (self, change),
            (ClockMove::None, None)
                | (ClockMove::Pause, Some(CaseClockChange::Paused { .. }))
                | (ClockMove::Resume, Some(CaseClockChange::Resumed { .. }))
                | (ClockMove::Restart, Some(CaseClockChange::Restarted { .. }))
        )
    }
}

pub(super) fn lane_kind(p: &Procedure, step: &StepDef) -> Option<LaneKind> {
    p.lane(&step.lane).map(|l| l.kind)
}

impl Case {
    /// What completing `step` with `outcome` leads to; refuses an unknown
    /// outcome and entering a routed lane nobody was assigned.
    pub(super) fn transition<'p>(
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
            self.inconsistent(format!(
                "step “{}” is not in the procedure",
                crate::error::excerpt(&o.next)
            ))
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
    pub(super) fn clock_change(
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
    pub(super) fn tier_of<'p>(
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
                        Code::UnknownTier,
                        format!("tier “{t}” is not one of {}", ids.join(", ")),
                        format!("tingkat “{t}” bukan salah satu dari {}", ids.join(", ")),
                    )
                })
            }
            (true, None) => Err(tier_problem(
                Code::TierRequired,
                format!("step “{}” sets the case's tier: give one", step.id),
                format!(
                    "langkah “{}” menetapkan tingkat kasus: isi tingkatnya",
                    step.id
                ),
            )),
            (false, Some(t)) => Err(tier_problem(
                Code::TierNotAllowed,
                format!("step “{}” does not set a tier, found “{t}”", step.id),
                format!(
                    "langkah “{}” tidak menetapkan tingkat, ditemukan “{t}”",
                    step.id
                ),
            )),
            (false, None) => Ok(None),
        }
    }

    /// The tier deadline and its anchor for a tier set at `at`.
    pub(super) fn tier_due(
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
    pub(super) fn due_on_entry(
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
pub(super) fn working_duration(amount: i64, unit: &'static str) -> CaseResult<Duration> {
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

pub(super) fn tier_problem(code: Code, en: String, id: String) -> CaseError {
    CaseError::InvalidInput {
        what: super::phrase::TIER,
        problems: vec![Problem::new("tier", code, en, id)],
    }
}
