//! The office running the case engine: an [`Office`] holds the
//! organisation and the competence requirements and decides what the case
//! engine alone cannot — actors built from staff data, assignments checked
//! against the staff's roles, presence and competence (seed §5), escalations
//! recorded as events and a superior's note or instruction authorised by the
//! line of command (§6), and the least-loaded qualified staff member for new
//! work.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::competence::{self, Requirement, requirement_for};
use super::{OfficeError, Organisation, StaffMember, Supervision, supervision::Escalation};
use crate::calendar::Calendar;
use crate::case::{
    Action, Actor, Case, CaseError, CaseStatus, Command, Control, Event, EventKind, Request,
    Requirement as Needed,
};
use crate::error::Label;
use crate::procedure::{Procedure, Qualification};

type Instant = chrono::DateTime<chrono::FixedOffset>;

/// An office: its organisation, its competence requirements and the line of
/// command indexed for supervision — validated once, then used for every
/// request. Owns its data; build one per organisation version.
///
/// # Example
/// ```
/// use ptsp::office::{Office, Organisation};
/// let org = Organisation::from_json(r#"{"id": "x",
///   "units": [{"id": "dinas", "name": {"id": "D", "en": "O"}, "kind": "office"}],
///   "positions": [{"id": "kadis", "title": {"id": "K", "en": "H"}, "unit": "dinas"}],
///   "staff": [{"id": "s-1", "name": "Ani", "status": "pns", "unit": "dinas",
///              "roles": ["verifikator"], "absences": [{"from": "2026-12-24", "to": "2026-12-31", "kind": "leave"}]}]}"#)?;
/// let office = Office::new(org, vec![])?;
/// let actor = office.actor("s-1", "2026-12-22".parse().unwrap())?;
/// assert_eq!((actor.roles.as_slice(), actor.unit.as_deref()), (&["verifikator".to_owned()][..], Some("dinas")));
/// assert_eq!(office.actor("s-1", "2026-12-28".parse().unwrap()).unwrap_err().code(), "staff_away");
/// assert_eq!(office.actor("s-9", "2026-12-22".parse().unwrap()).unwrap_err().code(), "unknown_staff");
/// # Ok::<(), ptsp::office::OfficeError>(())
/// ```
#[derive(Debug, Clone)]
pub struct Office {
    organisation: Organisation,
    requirements: Vec<Requirement>,
    supervision: Supervision,
}

impl Office {
    /// An office from its organisation and requirements, each validated
    /// with every problem at once (`invalid_organisation`,
    /// `invalid_requirements`).
    pub fn new(
        organisation: Organisation,
        requirements: Vec<Requirement>,
    ) -> Result<Office, OfficeError> {
        let organisation = organisation.checked()?;
        let problems = competence::validate(&requirements);
        if !problems.is_empty() {
            return Err(OfficeError::InvalidRequirements { problems });
        }
        let supervision = Supervision::new(&organisation);
        Ok(Office {
            organisation,
            requirements,
            supervision,
        })
    }

    /// The organisation (validated), the competence requirements and the
    /// indexed line of command it holds.
    ///
    /// # Example
    /// ```
    /// # let org = ptsp::office::Organisation::from_json(r#"{"id": "x",
    /// #   "units": [{"id": "dinas", "name": {"id": "D", "en": "O"}, "kind": "office"}],
    /// #   "positions": [{"id": "kadis", "title": {"id": "K", "en": "H"}, "unit": "dinas"}],
    /// #   "staff": [{"id": "s-1", "name": "Ani", "status": "pns", "unit": "dinas"}]}"#)?;
    /// let office = ptsp::office::Office::new(org, vec![])?;
    /// assert_eq!(office.organisation().staff.len(), 1);
    /// assert!(office.requirements().is_empty());
    /// assert!(office.supervision().chain("s-1").contains(&"kadis"));
    /// # Ok::<(), ptsp::office::OfficeError>(())
    /// ```
    pub fn organisation(&self) -> &Organisation {
        &self.organisation
    }

    /// The competence requirements.
    pub fn requirements(&self) -> &[Requirement] {
        &self.requirements
    }

    /// The line of command, indexed.
    pub fn supervision(&self) -> &Supervision {
        &self.supervision
    }

    /// The engine actor of a staff member on `day`: their id, the roles
    /// they hold and their unit, resolved from the organisation — refused
    /// for an id not in it (`unknown_staff`) and for someone away that day
    /// (`staff_away`). See the type's example.
    pub fn actor(&self, staff: &str, day: NaiveDate) -> Result<Actor, OfficeError> {
        let m = self.member(staff)?;
        if m.away_on(day) {
            return Err(OfficeError::StaffAway {
                staff: m.id.clone(),
                day,
            });
        }
        Ok(Actor {
            id: m.id.clone(),
            roles: m.roles.clone(),
            unit: Some(m.unit.clone()),
        })
    }

    /// Why `staff` may not take work of `role` in `sector` on `day` (empty:
    /// they may): away that day, and each of seed §5's criteria of the
    /// role's requirement ([`requirement_for`]) they do not meet. A role
    /// without a requirement asks nothing.
    ///
    /// # Example
    /// ```
    /// # use ptsp::office::{Office, Organisation, Requirement};
    /// let org = Organisation::from_json(r#"{"id": "x",
    ///   "units": [{"id": "dinas", "name": {"id": "D", "en": "O"}, "kind": "office"}],
    ///   "positions": [{"id": "kadis", "title": {"id": "K", "en": "H"}, "unit": "dinas"}],
    ///   "staff": [{"id": "s-1", "name": "Ani", "status": "pns", "unit": "dinas", "roles": ["verifikator"]}]}"#)?;
    /// let reqs: Vec<Requirement> = serde_json::from_str(r#"[{"role": "verifikator", "computer": true}]"#).unwrap();
    /// let office = Office::new(org, reqs)?;
    /// let why = office.shortfalls("s-1", "verifikator", None, "2026-12-22".parse().unwrap())?;
    /// assert_eq!(why[0].en, "does not operate a computer");
    /// # Ok::<(), ptsp::office::OfficeError>(())
    /// ```
    pub fn shortfalls(
        &self,
        staff: &str,
        role: &str,
        sector: Option<&str>,
        day: NaiveDate,
    ) -> Result<Vec<Label>, OfficeError> {
        Ok(self.gaps(self.member(staff)?, role, sector, day))
    }

    fn gaps(
        &self,
        m: &StaffMember,
        role: &str,
        sector: Option<&str>,
        day: NaiveDate,
    ) -> Vec<Label> {
        let mut out = Vec::new();
        if let Some(a) = m.absences.iter().find(|a| a.covers(day)) {
            out.push(Label::new(
                format!("tidak bertugas pada {day} ({} s.d. {})", a.from, a.to),
                format!("away on {day} ({} to {})", a.from, a.to),
            ));
        }
        if let Some(r) = requirement_for(&self.requirements, role, sector) {
            out.extend(
                competence::assess(m, r, sector, day)
                    .into_iter()
                    .map(|s| s.why),
            );
        }
        out
    }

    /// The staff member who should take the next piece of work of `role`:
    /// among those holding it — in `unit` and serving `sector` when given
    /// — who are present and qualify on `day`, the one with the fewest
    /// open cases in `open` (absent: none); ties go to the smallest id.
    /// `None` when nobody fits: the work stays with the unit (routing
    /// never invents a person).
    ///
    /// # Example
    /// ```
    /// # use ptsp::office::{Office, Organisation};
    /// let org = Organisation::from_json(r#"{"id": "x",
    ///   "units": [{"id": "dinas", "name": {"id": "D", "en": "O"}, "kind": "office"}],
    ///   "positions": [{"id": "kadis", "title": {"id": "K", "en": "H"}, "unit": "dinas"}],
    ///   "staff": [{"id": "a", "name": "A", "status": "pns", "unit": "dinas", "roles": ["verifikator"]},
    ///             {"id": "b", "name": "B", "status": "pns", "unit": "dinas", "roles": ["verifikator"]}]}"#)?;
    /// let office = Office::new(org, vec![])?;
    /// let open = [("a".to_owned(), 3), ("b".to_owned(), 1)].into();
    /// let day = "2026-12-22".parse().unwrap();
    /// assert_eq!(office.pick_staff("verifikator", None, None, day, &open).map(|m| m.id.as_str()), Some("b"));
    /// assert!(office.pick_staff("kasir", None, None, day, &open).is_none());
    /// # Ok::<(), ptsp::office::OfficeError>(())
    /// ```
    pub fn pick_staff(
        &self,
        role: &str,
        unit: Option<&str>,
        sector: Option<&str>,
        day: NaiveDate,
        open: &BTreeMap<String, u32>,
    ) -> Option<&StaffMember> {
        self.organisation
            .staff
            .iter()
            .filter(|m| {
                m.roles.iter().any(|r| r == role)
                    && unit.is_none_or(|u| m.unit == u)
                    && sector.is_none_or(|s| m.sectors.iter().any(|x| x == s))
                    && self.gaps(m, role, sector, day).is_empty()
            })
            .min_by(|a, b| {
                let load = |m: &StaffMember| open.get(&m.id).copied().unwrap_or(0);
                load(a).cmp(&load(b)).then_with(|| a.id.cmp(&b.id))
            })
    }

    /// [`Supervision::escalations`] in this office (examples there and in
    /// `tests/office_supervision.rs`).
    pub fn escalations(
        &self,
        case: &Case,
        procedure: &Procedure,
        calendar: &Calendar,
        now: Instant,
    ) -> Result<Vec<Escalation>, OfficeError> {
        self.supervision.escalations(case, procedure, calendar, now)
    }

    /// [`Supervision::worklist`] in this office (examples there).
    pub fn worklist<'e>(
        &self,
        position: &str,
        escalations: &'e [Escalation],
    ) -> Vec<&'e Escalation> {
        self.supervision.worklist(position, escalations)
    }

    /// Checks a request against the case, the procedure and the office,
    /// and returns the events it causes; changes nothing. Everything
    /// [`Case::decide`] decides, plus:
    ///
    /// * **Assign** a staff member: they must be in the organisation
    ///   (`unknown_staff`) and hold one of the step's roles (`lacks_role`);
    ///   if they are away that day or miss a criterion of the role's
    ///   requirement (for the procedure's [`sector`](crate::ProcedureDef::sector)),
    ///   the procedure's [`Qualification`] setting refuses it
    ///   (`not_qualified`) or records the reasons in the event's `warnings`.
    /// * **Escalate**: the escalation must be due at the request's instant
    ///   ([`Supervision::escalations`]), not yet recorded, and the next
    ///   level in order (`escalation_not_due`); any office actor records it.
    /// * **Supervise**: the actor must be a staff member holding a position
    ///   above a staff member assigned to the case — the one on the current
    ///   step first (`unauthorized`, requiring a superior); the event
    ///   records the position and how many levels above.
    ///
    /// `tests/office_supervision.rs` walks these from a permit's breach to
    /// the head of the office.
    ///
    /// # Example
    /// ```
    /// use ptsp::{Actor, Calendar, Case, Command, Procedure, Request, case::Directive};
    /// # let org = ptsp::office::Organisation::from_json(r#"{"id": "x",
    /// #   "units": [{"id": "dinas", "name": {"id": "D", "en": "O"}, "kind": "office"}],
    /// #   "positions": [{"id": "kadis", "title": {"id": "K", "en": "H"}, "unit": "dinas"}],
    /// #   "staff": [{"id": "s-0", "name": "K", "status": "pns", "unit": "dinas", "position": "kadis"}]}"#)?;
    /// let office = ptsp::office::Office::new(org, vec![])?;
    /// let req = Request { actor: Actor::new("s-0", &[], None),
    ///     at: ptsp::calendar::parse_instant("2026-12-22T09:00:00+07:00")?,
    ///     command: Command::Supervise { directive: Directive::Note, text: "Segera".into() } };
    /// // A new case: nothing to supervise yet.
    /// let err = office.decide(&Case::new(), &req, &Procedure::jatim_permit(), &Calendar::jatim()).unwrap_err();
    /// assert_eq!(err.code(), "wrong_state");
    /// // The engine alone cannot decide it.
    /// let err = Case::new().decide(&req, &Procedure::jatim_permit(), &Calendar::jatim()).unwrap_err();
    /// assert_eq!(err.code(), "office_required");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn decide(
        &self,
        case: &Case,
        req: &Request,
        procedure: &Procedure,
        calendar: &Calendar,
    ) -> Result<Vec<Event>, OfficeError> {
        match &req.command {
            Command::Escalate {
                step,
                control,
                level,
            } => self.decide_escalate(case, req, procedure, calendar, step, *control, *level),
            Command::Supervise { directive, text } => {
                case.check_request(req, procedure)?;
                if !matches!(
                    case.status,
                    CaseStatus::Active | CaseStatus::AwaitingCorrection
                ) {
                    return Err(case.wrong_state(Action::Supervise).into());
                }
                if text.trim().is_empty() {
                    return Err(CaseError::InvalidInput {
                        what: crate::case::phrase::REQUEST,
                        problems: vec![crate::error::Problem::new(
                            "command.text",
                            crate::error::Code::EmptyText,
                            "a supervisory note or instruction needs a text",
                            "catatan atau arahan pengawasan membutuhkan isi",
                        )],
                    }
                    .into());
                }
                let (position, subordinate, level) = self.superior(case, &req.actor)?;
                Ok(vec![case.event_for(
                    req,
                    None,
                    EventKind::Supervised {
                        directive: *directive,
                        text: text.clone(),
                        step: case.current.clone(),
                        position,
                        subordinate,
                        level,
                    },
                )])
            }
            Command::Assign {
                staff: Some(staff), ..
            } => {
                let mut events = case.decide(req, procedure, calendar)?;
                let warnings = self.check_assignee(&events, staff, procedure, req)?;
                if let Some(EventKind::Assigned { warnings: w, .. }) =
                    events.first_mut().map(|e| &mut e.kind)
                {
                    *w = warnings;
                }
                Ok(events)
            }
            _ => Ok(case.decide(req, procedure, calendar)?),
        }
    }

    /// Decides a request with [`Office::decide`] and applies its events;
    /// a refused request changes nothing.
    ///
    /// # Example
    /// ```
    /// use ptsp::{Actor, Calendar, Case, Command, EventKind, Procedure, Request, SubmittedDocument};
    /// use ptsp::{case::Directive, office::{Office, Organisation}};
    /// let org = Organisation::from_json(r#"{"id": "x",
    ///   "units": [{"id": "dinas", "name": {"id": "D", "en": "O"}, "kind": "office"}],
    ///   "positions": [{"id": "kadis", "title": {"id": "K", "en": "H"}, "unit": "dinas"}],
    ///   "staff": [{"id": "s-0", "name": "K", "status": "pns", "unit": "dinas", "position": "kadis"},
    ///             {"id": "s-1", "name": "V", "status": "pns", "unit": "dinas", "roles": ["verifikator"]}]}"#)?;
    /// let office = Office::new(org, vec![])?;
    /// let (p, cal) = (Procedure::jatim_permit(), Calendar::jatim());
    /// let at = |s| ptsp::calendar::parse_instant(s);
    /// let docs = ["surat_permohonan", "ktp", "nib", "npwp", "dokumen_teknis"]
    ///     .map(|c| SubmittedDocument::new(c, "pdf", 10_000)).to_vec();
    /// let mut case = Case::new();
    /// for (who, when, command) in [
    ///     (Actor::new("p-1", &["pemohon"], None), "2026-12-21T09:00:00+07:00",
    ///      Command::Submit { case_id: "IZN-1".into(), documents: docs }),
    ///     (Actor::new("fo", &["front_office"], None), "2026-12-21T09:10:00+07:00",
    ///      Command::Assign { lane: "ptsp".into(), unit: None, staff: Some("s-1".into()), reason: None }),
    /// ] {
    ///     office.execute(&mut case, &Request { actor: who, at: at(when)?, command }, &p, &cal)?;
    /// }
    /// // The head of office, above the verifier, gives an instruction.
    /// let head = office.actor("s-0", "2026-12-22".parse().unwrap())?;
    /// let events = office.execute(&mut case, &Request { actor: head, at: at("2026-12-22T08:00:00+07:00")?,
    ///     command: Command::Supervise { directive: Directive::Instruction, text: "Segera".into() } }, &p, &cal)?;
    /// assert!(matches!(&events[0].kind, EventKind::Supervised { level: 1, subordinate, .. } if subordinate == "s-1"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn execute(
        &self,
        case: &mut Case,
        req: &Request,
        procedure: &Procedure,
        calendar: &Calendar,
    ) -> Result<Vec<Event>, OfficeError> {
        let events = self.decide(case, req, procedure, calendar)?;
        let mut next = case.clone();
        for e in &events {
            next.apply_trusted(e)?;
        }
        *case = next;
        Ok(events)
    }

    fn member(&self, staff: &str) -> Result<&StaffMember, OfficeError> {
        self.organisation
            .member(staff)
            .ok_or_else(|| OfficeError::UnknownStaff {
                staff: crate::error::excerpt(staff),
            })
    }

    /// The position, the subordinate and the level by which `actor` may
    /// supervise `case`.
    fn superior(&self, case: &Case, actor: &Actor) -> Result<(String, String, u8), OfficeError> {
        let current = case.current.as_deref();
        let mut assigned: Vec<&str> = Vec::new();
        // The staff member on the current step first, then the others.
        for a in case.assignments.values() {
            if let Some(s) = a.staff.as_deref() {
                if a.step.as_deref() == current && current.is_some() {
                    assigned.insert(0, s);
                } else if !assigned.contains(&s) {
                    assigned.push(s);
                }
            }
        }
        let deny = || {
            OfficeError::Case(CaseError::Unauthorized {
                actor: actor.id.clone(),
                action: Action::Supervise,
                required: Needed::Superior {
                    of: assigned.iter().map(|s| (*s).to_owned()).collect(),
                },
            })
        };
        let member = self.member(&actor.id)?;
        let Some(position) = member.position.as_deref() else {
            return Err(deny());
        };
        assigned
            .iter()
            .filter(|s| **s != member.id)
            .find_map(|s| {
                self.supervision
                    .level_above(position, s)
                    .map(|level| (position.to_owned(), (*s).to_owned(), level))
            })
            .ok_or_else(deny)
    }

    #[allow(clippy::too_many_arguments)]
    fn decide_escalate(
        &self,
        case: &Case,
        req: &Request,
        procedure: &Procedure,
        calendar: &Calendar,
        step: &str,
        control: Control,
        level: u8,
    ) -> Result<Vec<Event>, OfficeError> {
        case.check_request(req, procedure)?;
        case.current_step(procedure, step, Action::Escalate)?;
        let role = case.office_role(procedure, &req.actor, Action::Escalate)?;
        let not_due = |id: String, en: String| OfficeError::EscalationNotDue {
            step: step.to_owned(),
            control,
            level,
            why: Label::new(id, en),
        };
        let due = self.escalations(case, procedure, calendar, req.at)?;
        let found = due
            .iter()
            .find(|e| e.step == step && e.control == control && e.level == level);
        // In 16 bits: a trusted log may have recorded level 255.
        let reached = case.visits.last().map_or(0, |v| u16::from(v.escalated));
        let e = match found {
            Some(e) if e.recorded => {
                return Err(not_due(
                    "sudah dicatat".into(),
                    "it is already recorded".into(),
                ));
            }
            Some(_) if control == Control::Repressive && u16::from(level) > reached + 1 => {
                return Err(not_due(
                    format!("catat tingkat {} terlebih dahulu", reached + 1),
                    format!("record level {} first", reached + 1),
                ));
            }
            Some(e) => e,
            None => {
                return Err(not_due(
                    "pada saat ini langkah tidak berisiko atau tingkat ini belum tiba (atau langkah tidak ditugaskan kepada petugas di organisasi)".into(),
                    "at this instant the step is not at risk or this level has not come (or the step is not assigned to a staff member of the organisation)".into(),
                ));
            }
        };
        Ok(vec![case.event_for(
            req,
            Some(role),
            EventKind::Escalated {
                step: e.step.clone(),
                control,
                level,
                position: e.position.clone(),
                staff: e.staff.clone(),
                assignee: e.assignee.clone(),
                deadline: e.deadline,
            },
        )])
    }

    /// The warnings an assignment records, or its refusal.
    fn check_assignee(
        &self,
        events: &[Event],
        staff: &str,
        procedure: &Procedure,
        req: &Request,
    ) -> Result<Vec<Label>, OfficeError> {
        let member = self.member(staff)?;
        let Some(EventKind::Assigned {
            step: Some(step), ..
        }) = events.first().map(|e| &e.kind)
        else {
            return Ok(Vec::new());
        };
        let Some(s) = procedure.step(step) else {
            return Ok(Vec::new());
        };
        let roles = if s.roles.is_empty() {
            procedure
                .lane(&s.lane)
                .map(|l| l.roles.clone())
                .unwrap_or_default()
        } else {
            s.roles.clone()
        };
        let held: Vec<&String> = roles.iter().filter(|r| member.roles.contains(r)).collect();
        if held.is_empty() {
            return Err(OfficeError::LacksRole {
                staff: member.id.clone(),
                step: step.clone(),
                roles,
            });
        }
        let rule = procedure.def().supervision.qualification;
        if rule == Qualification::Off {
            return Ok(Vec::new());
        }
        let day = req.at.date_naive();
        let sector = procedure.def().sector.as_deref();
        // Qualified under any role of the step they hold; otherwise the
        // shortfalls under the first.
        let mut first = None;
        for r in held {
            let gaps = self.gaps(member, r, sector, day);
            if gaps.is_empty() {
                return Ok(Vec::new());
            }
            first.get_or_insert(gaps);
        }
        let reasons = first.unwrap_or_default();
        match rule {
            Qualification::Refuse => Err(OfficeError::NotQualified {
                staff: member.id.clone(),
                step: step.clone(),
                reasons,
            }),
            _ => Ok(reasons),
        }
    }
}
