//! Folding events into a case: [`Case::apply`] checks an event against the
//! procedure first (the questions `decide` asked), [`Case::apply_trusted`]
//! only that it can be folded; replay is the fold of a log.

use super::command::{Action, Control};
use crate::Lang;
use chrono::{DateTime, FixedOffset};

use super::bounds::{instant_in_range, instant_problem};
use super::documents::{check_complete, check_reasons};
use super::error::quoted;
use super::transition::{ClockMove, lane_kind};
use super::{
    Actor, Assignment, Case, CaseClockChange, CaseError, CaseResult, CaseStatus, Event, EventKind,
    Instant, StepVisit,
};
use crate::procedure::{EndKind, LaneKind, Procedure, Sla, SlaUnit};

impl Case {
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
        // Each step entered is one visit: room for them all at once.
        case.visits.reserve(
            events
                .iter()
                .filter(|e| {
                    matches!(
                        e.kind,
                        EventKind::Submitted { .. } | EventKind::StepCompleted { .. }
                    )
                })
                .count(),
        );
        for e in events {
            case.apply_trusted(e)?;
        }
        Ok(case)
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
                    "the submission names case “{case_id}” but the event belongs to “{}”",
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
                    "event of case “{}” in the log of case “{}”",
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
                    "the event records role {}, the command needs “{role}”",
                    quoted(e.actor_role.as_deref(), Lang::En)
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
                    "the case-level clock change {} does not fit (expected {})",
                    change.map_or("none", CaseClockChange::name),
                    mv.name()
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
                    "the recorded deadline {} does not fit the step's SLA ({})",
                    due.map_or_else(|| "none".to_owned(), |d| d.to_rfc3339()),
                    sla.map_or_else(|| "none".to_owned(), sla_text)
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
                    return Err(self.wrong_state(Action::Submit));
                }
                role_is(self.applicant_only(p, &actor, Action::Submit)?)?;
                if *applicant != e.actor {
                    return Err(self.inconsistent(format!(
                        "applicant “{applicant}” is not the submitting actor “{}”",
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
                        "a submission enters “{entered}”, not the step after the start"
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
                let s = self.current_step(p, step, Action::CompleteStep)?;
                if *by_lapse {
                    self.lapse_window(p, step, e.at)?;
                    role_is(self.office_role(p, &actor, Action::Lapse)?)?;
                    if s.on_lapse.as_deref() != Some(outcome.as_str()) {
                        return Err(self.inconsistent(format!(
                            "a lapse of “{step}” takes {}, not “{outcome}”",
                            quoted(s.on_lapse.as_deref(), Lang::En)
                        )));
                    }
                } else {
                    role_is(self.authorize(p, s, &actor, Action::CompleteStep)?)?;
                    self.check_outputs(s, outputs, e.at)?;
                }
                let t = self.transition(p, s, outcome)?;
                if t.next.id != *entered || t.ended != *ended {
                    return Err(self.inconsistent(format!(
                        "outcome “{outcome}” of “{step}” leads to “{}”, not “{entered}”",
                        t.next.id
                    )));
                }
                if t.declines != *declined {
                    return Err(self.inconsistent(format!(
                        "outcome “{outcome}” of “{step}” records a decline of {}, expected {}",
                        quoted(declined.as_deref(), Lang::En),
                        quoted(t.declines.as_deref(), Lang::En)
                    )));
                }
                let routed = lane_kind(p, s) == Some(LaneKind::RoutedUnit);
                if *unit != if routed { e.actor_unit.clone() } else { None } {
                    return Err(self.inconsistent(format!(
                        "the completing unit {} does not fit the step's lane",
                        quoted(unit.as_deref(), Lang::En)
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
                let s = self.current_step(p, step, Action::ReturnForCorrection)?;
                role_is(self.authorize(p, s, &actor, Action::ReturnForCorrection)?)?;
                if !s.correction {
                    return Err(CaseError::NotAllowed {
                        step: step.clone(),
                        action: Action::ReturnForCorrection,
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
                    return Err(self.wrong_state(Action::Resubmit));
                }
                role_is(self.applicant_only(p, &actor, Action::Resubmit)?)?;
                check_complete(p, documents)?;
                let s = match p.step(step) {
                    Some(s) if self.current.as_deref() == Some(step.as_str()) => s,
                    _ => {
                        return Err(self.inconsistent(format!(
                            "resubmission names step “{step}”, the file is at {}",
                            quoted(self.current.as_deref(), Lang::En)
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
                let s = self.current_step(p, step, Action::Reject)?;
                role_is(self.authorize(p, s, &actor, Action::Reject)?)?;
                if !s.can_reject || reason.trim().is_empty() {
                    return Err(CaseError::NotAllowed {
                        step: step.clone(),
                        action: Action::Reject,
                    });
                }
                Ok(())
            }
            EventKind::Withdrawn { .. } => {
                if !matches!(
                    self.status,
                    CaseStatus::Active | CaseStatus::AwaitingCorrection
                ) {
                    return Err(self.wrong_state(Action::Withdraw));
                }
                role_is(self.applicant_only(p, &actor, Action::Withdraw)?)
            }
            EventKind::Assigned {
                lane,
                unit,
                staff,
                step,
                reason,
                warnings,
            } => {
                let limits = &def.limits;
                if warnings.len() > limits.items
                    || warnings.iter().any(|w| {
                        w.id.chars().count() > limits.reason || w.en.chars().count() > limits.reason
                    })
                    || (!warnings.is_empty() && staff.is_none())
                {
                    return Err(self.inconsistent(
                        "the assignment's warnings are out of bounds or name no staff member"
                            .into(),
                    ));
                }
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
                        "the staff member is bound to {}, expected {}",
                        quoted(step.as_deref(), Lang::En),
                        quoted(bound.as_deref(), Lang::En)
                    )));
                }
                Ok(())
            }
            EventKind::CorrectionLapsed { step } => {
                self.lapse_window(p, step, e.at)?;
                role_is(self.office_role(p, &actor, Action::Lapse)?)
            }
            EventKind::Escalated {
                step,
                control,
                level,
                position,
                staff,
                assignee,
                deadline,
            } => {
                self.current_step(p, step, Action::Escalate)?;
                role_is(self.office_role(p, &actor, Action::Escalate)?)?;
                let limits = &def.limits;
                let ids_ok = [position, assignee]
                    .iter()
                    .chain(staff.iter().collect::<Vec<_>>().iter())
                    .all(|v| !v.trim().is_empty() && v.chars().count() <= limits.id)
                    && staff.len() <= limits.items;
                if !ids_ok {
                    return Err(self.inconsistent(
                        "the escalation names a blank or over-long position or staff member".into(),
                    ));
                }
                let visit = self.visits.last();
                let due = visit.and_then(|v| v.due);
                if *deadline != due {
                    return Err(self.inconsistent(
                        "the escalation records a deadline other than the step's".into(),
                    ));
                }
                let (warned, reached) = visit.map_or((false, 0), |v| (v.warned, v.escalated));
                let fits = match control {
                    Control::Preventive => {
                        *level == 1 && !warned && reached == 0 && due.is_some_and(|d| e.at < d)
                    }
                    Control::Repressive => {
                        reached.checked_add(1) == Some(*level) && due.is_some_and(|d| e.at >= d)
                    }
                };
                if fits {
                    Ok(())
                } else {
                    Err(self.inconsistent(format!(
                        "a {} escalation at level {level} does not follow what the visit recorded (warned: {warned}, level reached: {reached}) at this instant",
                        match control {
                            Control::Preventive => "preventive",
                            Control::Repressive => "repressive",
                        }
                    )))
                }
            }
            EventKind::Supervised {
                text,
                step,
                position,
                subordinate,
                level,
                ..
            } => {
                if !matches!(
                    self.status,
                    CaseStatus::Active | CaseStatus::AwaitingCorrection
                ) {
                    return Err(self.wrong_state(Action::Supervise));
                }
                let limits = &def.limits;
                let fits = *step == self.current
                    && e.actor_role.is_none()
                    && e.actor != self.applicant
                    && e.actor != *subordinate
                    && *level >= 1
                    && !text.trim().is_empty()
                    && text.chars().count() <= limits.note
                    && [position, subordinate]
                        .iter()
                        .all(|v| !v.trim().is_empty() && v.chars().count() <= limits.id);
                if fits {
                    Ok(())
                } else {
                    Err(self.inconsistent(
                        "a supervisory note must be by someone other than the applicant and the subordinate, at the current step, with a text and a position".into(),
                    ))
                }
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
                // A staff member bound to the open visit of the step takes it.
                if let (Some(who), Some(bound)) = (staff, step)
                    && self.current.as_deref() == Some(bound.as_str())
                    && let Some(v) = self.visits.last_mut().filter(|v| v.ended.is_none())
                {
                    v.staff = Some(who.clone());
                }
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
            (
                EventKind::Escalated {
                    step,
                    control,
                    level,
                    ..
                },
                CaseStatus::Active,
            ) if self.current.as_deref() == Some(step) => {
                if let Some(v) = self.visits.last_mut() {
                    match control {
                        Control::Preventive => v.warned = true,
                        Control::Repressive => v.escalated = v.escalated.max(*level),
                    }
                }
            }
            (EventKind::Supervised { .. }, CaseStatus::Active | CaseStatus::AwaitingCorrection) => {
            }
            (kind, _) => {
                return Err(self.inconsistent(format!(
                    "{} does not fit a case whose status is {} at step {}",
                    kind.name(),
                    self.status.label(Lang::En),
                    quoted(self.current.as_deref(), Lang::En)
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
        match &mut self.current {
            // The step's name replaces the last one in its room.
            Some(current) => {
                current.clear();
                current.push_str(step);
            }
            None => self.current = Some(step.to_owned()),
        }
        self.remaining_at_pause = 0;
        // A staff member bound ahead to this step takes the visit.
        let staff = self
            .assignments
            .values()
            .find(|a| a.step.as_deref() == Some(step) && a.staff.is_some())
            .and_then(|a| a.staff.clone());
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
            staff,
            warned: false,
            escalated: 0,
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
}

/// An SLA for a reader: "3 working days".
fn sla_text(sla: &Sla) -> String {
    match sla.unit {
        SlaUnit::WorkingDays => format!("{} working days", sla.amount),
        SlaUnit::WorkingHours => format!("{} working hours", sla.amount),
    }
}
