//! Deciding: a [`Request`] checked against the case, the procedure and the
//! actor's rights, turned into the [`Event`]s it causes; nothing is
//! changed ([`Case::execute`] applies them).

use super::command::Action;
use crate::error::Code;
use chrono::{DateTime, FixedOffset};

use super::bounds::check_request;
use super::documents::{check_complete, check_reasons};
use super::transition::{ClockMove, calendar_err, lane_kind, sla_due, working_duration};
use super::{
    Actor, Case, CaseClockChange, CaseError, CaseResult, CaseStatus, Command, Event, EventKind,
    Request,
};
use crate::calendar::Calendar;
use crate::error::Problem;
use crate::procedure::{CorrectionClock, LaneKind, Procedure, StepDef};

impl Case {
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
        self.check_request(req, p)?;
        let at = req.at;
        let actor = &req.actor;
        let (role, kind) = match &req.command {
            Command::Submit { case_id, documents } => {
                if self.status != CaseStatus::New {
                    return Err(self.wrong_state(Action::Submit));
                }
                let role = self.applicant_only(p, actor, Action::Submit)?;
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
                let s = self.current_step(p, step, Action::CompleteStep)?;
                let role = self.authorize(p, s, actor, Action::CompleteStep)?;
                let outcome = chosen_outcome(s, outcome.as_deref())?;
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
                        outcome: outcome.to_owned(),
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
                let s = self.current_step(p, step, Action::ReturnForCorrection)?;
                let role = self.authorize(p, s, actor, Action::ReturnForCorrection)?;
                if !s.correction {
                    return Err(CaseError::NotAllowed {
                        step: step.clone(),
                        action: Action::ReturnForCorrection,
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
                    return Err(self.wrong_state(Action::Resubmit));
                }
                let role = self.applicant_only(p, actor, Action::Resubmit)?;
                check_complete(p, documents)?;
                let step = self.current.clone().unwrap_or_default();
                let s = p.step(&step).ok_or_else(|| {
                    self.inconsistent(format!(
                        "current step “{}” is not in the procedure",
                        crate::error::excerpt(&step)
                    ))
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
                let s = self.current_step(p, step, Action::Reject)?;
                let role = self.authorize(p, s, actor, Action::Reject)?;
                if !s.can_reject {
                    return Err(CaseError::NotAllowed {
                        step: step.clone(),
                        action: Action::Reject,
                    });
                }
                if reason.trim().is_empty() {
                    return Err(CaseError::InvalidInput {
                        what: super::phrase::REASON,
                        problems: vec![Problem::new(
                            "command.reason",
                            Code::EmptyReason,
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
                    return Err(self.wrong_state(Action::Withdraw));
                }
                let role = self.applicant_only(p, actor, Action::Withdraw)?;
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
                        warnings: Vec::new(),
                    },
                )
            }
            Command::Lapse { step } => self.decide_lapse(p, cal, actor, step, at)?,
            Command::Escalate { .. } | Command::Supervise { .. } => {
                return Err(CaseError::OfficeRequired {
                    action: req.command.action(),
                });
            }
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

    /// What every request must pass before it is decided: the case runs on
    /// this procedure and version, and the request keeps every bound.
    pub(crate) fn check_request(&self, req: &Request, p: &Procedure) -> CaseResult<()> {
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
        check_request(self, p, req)
    }

    /// The event a request causes, as the office decides it (an
    /// escalation, a superior's note).
    pub(crate) fn event_for(&self, req: &Request, role: Option<String>, kind: EventKind) -> Event {
        Event {
            at: req.at,
            case: self.id.clone(),
            actor: req.actor.id.clone(),
            actor_role: role,
            actor_unit: req.actor.unit.clone(),
            kind,
        }
    }

    /// The window a lapse would end, if it has passed at `at`.
    pub(super) fn lapse_window(
        &self,
        p: &Procedure,
        step: &str,
        at: DateTime<FixedOffset>,
    ) -> CaseResult<()> {
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
                let s = self.current_step(p, step, Action::Lapse)?;
                let due = self.visits.last().and_then(|v| v.due);
                (
                    due,
                    s.on_lapse.is_some() && lane_kind(p, s) == Some(LaneKind::Applicant),
                )
            }
            _ => return Err(self.wrong_state(Action::Lapse)),
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
                action: Action::Lapse,
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
        let role = self.office_role(p, actor, Action::Lapse)?;
        if self.status == CaseStatus::AwaitingCorrection {
            return Ok((
                role,
                EventKind::CorrectionLapsed {
                    step: step.to_owned(),
                },
            ));
        }
        let s = self.current_step(p, step, Action::Lapse)?;
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

/// The outcome a completion takes: the one named, or the step's only one.
fn chosen_outcome<'s>(step: &'s StepDef, named: Option<&'s str>) -> CaseResult<&'s str> {
    match (named, step.outcomes.as_slice()) {
        (Some(o), _) => Ok(o),
        (None, [only]) => Ok(&only.id),
        (None, outcomes) => Err(CaseError::OutcomeRequired {
            step: step.id.clone(),
            expected: outcomes.iter().map(|o| o.id.clone()).collect(),
        }),
    }
}
