//! Authorisation: who may act on the current step (roles, the case's own
//! applicant, the unit a routed lane is assigned to, the staff member bound
//! to a step, separation of duties), who may record a lapse, and who may
//! assign work to a lane.

use super::command::Action;
use super::{Actor, Case, CaseError, CaseResult, CaseStatus, Requirement};
use crate::error::Code;
use crate::error::Problem;
use crate::procedure::{LaneDef, LaneKind, Procedure, StepDef, StepKind};

impl Case {
    pub(crate) fn current_step<'p>(
        &self,
        p: &'p Procedure,
        named: &str,
        action: Action,
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
            self.inconsistent(format!(
                "current step “{}” is not in the procedure",
                crate::error::excerpt(named)
            ))
        })
    }

    pub(super) fn lane<'p>(&self, p: &'p Procedure, step: &StepDef) -> CaseResult<&'p LaneDef> {
        p.lane(&step.lane).ok_or_else(|| {
            self.inconsistent(format!(
                "lane “{}” is not in the procedure",
                crate::error::excerpt(&step.lane)
            ))
        })
    }

    /// Whether `actor` may act on `step`; returns the role the actor acts
    /// under, or an error naming what was needed.
    pub(super) fn authorize(
        &self,
        p: &Procedure,
        step: &StepDef,
        actor: &Actor,
        action: Action,
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
    pub(super) fn applicant_only(
        &self,
        p: &Procedure,
        actor: &Actor,
        action: Action,
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

    /// Who may record a lapse or an escalation: a role of one of the
    /// office's own lanes (not the applicant's, not a routed unit's), and
    /// not the case's own applicant.
    pub(crate) fn office_role(
        &self,
        p: &Procedure,
        actor: &Actor,
        action: Action,
    ) -> CaseResult<String> {
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
                action,
                required: Requirement::NotApplicant,
            });
        }
        roles
            .iter()
            .find(|r| actor.has_role(r))
            .cloned()
            .ok_or_else(|| CaseError::Unauthorized {
                actor: actor.id.clone(),
                action,
                required: Requirement::Role { roles },
            })
    }

    /// Checks an assignment; returns the assigner's role and the step a
    /// staff member is bound to.
    pub(super) fn check_assign(
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
            return Err(self.wrong_state(Action::Assign));
        }
        let roles = &p.def().assigner_roles;
        let Some(role) = roles.iter().find(|r| actor.has_role(r)) else {
            return Err(CaseError::Unauthorized {
                actor: actor.id.clone(),
                action: Action::Assign,
                required: Requirement::Role {
                    roles: roles.clone(),
                },
            });
        };
        if p.def().separation_of_duties && actor.id == self.applicant {
            return Err(CaseError::Unauthorized {
                actor: actor.id.clone(),
                action: Action::Assign,
                required: Requirement::NotApplicant,
            });
        }
        let problem = |path: &str, code: Code, en: String, id: String| CaseError::InvalidInput {
            what: super::phrase::ASSIGNMENT,
            problems: vec![Problem::new(path, code, en, id)],
        };
        let Some(l) = p.lane(lane) else {
            return Err(problem(
                "command.lane",
                Code::UnknownLane,
                format!("lane “{lane}” is not in the procedure"),
                format!("lajur “{lane}” tidak ada di prosedur"),
            ));
        };
        let blank = |v: Option<&String>| v.is_none_or(|s| s.trim().is_empty());
        let holder = self.assignments.get(lane).and_then(|a| a.unit.as_deref());
        match l.kind {
            LaneKind::Applicant => {
                return Err(problem(
                    "command.lane",
                    Code::InvalidAssignment,
                    format!("lane “{lane}” is the applicant's: it cannot be assigned"),
                    format!("lajur “{lane}” milik pemohon: tidak dapat ditugaskan"),
                ));
            }
            LaneKind::Office if unit.is_some() => {
                return Err(problem(
                    "command.unit",
                    Code::InvalidAssignment,
                    format!(
                        "lane “{lane}” is the office's own: assign a staff member, not a unit (units are for routed lanes)"
                    ),
                    format!(
                        "lajur “{lane}” milik kantor sendiri: tugaskan petugas, bukan unit (unit hanya untuk lajur tujuan)"
                    ),
                ));
            }
            LaneKind::Office if blank(staff) => {
                return Err(problem(
                    "command.staff",
                    Code::InvalidAssignment,
                    format!("lane “{lane}” needs a staff member to assign to"),
                    format!("lajur “{lane}” membutuhkan petugas tujuan penugasan"),
                ));
            }
            LaneKind::RoutedUnit if blank(unit) && (blank(staff) || holder.is_none()) => {
                return Err(problem(
                    "command.unit",
                    Code::InvalidAssignment,
                    format!("lane “{lane}” needs a unit to assign to"),
                    format!("lajur “{lane}” membutuhkan unit tujuan penugasan"),
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
                Code::DeclinedUnit,
                format!(
                    "unit “{u}” already declined this case: assign another unit, or give a reason to override"
                ),
                format!(
                    "unit “{u}” sudah menyatakan bukan kewenangannya: tugaskan unit lain, atau beri alasan untuk tetap menugaskannya"
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
                            Code::InvalidAssignment,
                            format!(
                                "lane “{lane}” has several steps and none is current: assign its staff when the case reaches it"
                            ),
                            format!(
                                "lajur “{lane}” memiliki beberapa langkah dan tidak ada yang sedang berjalan: tugaskan petugasnya saat kasus sampai di sana"
                            ),
                        ));
                    }
                }
            }
        };
        Ok((role.clone(), step))
    }
}
