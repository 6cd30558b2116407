//! Seed §6, *Pengawasan Internal*: "Pengendalian secara terus menerus yang
//! dilakukan oleh atasan langsung terhadap bawahannya secara preventif atau
//! represif" — continuous control by the direct superior over their
//! subordinates, preventive or repressive.
//!
//! Computed, never clocked: from a case's event log, the organisation and
//! an instant, [`Supervision::escalations`] says who must act on a step:
//! a step **at risk** notifies the assignee's direct superior (preventive);
//! a **breached** step escalates to the direct superior at its deadline,
//! then one level further up after each [`EscalationPolicy::every`] of
//! working time, up to the head of the office (repressive). A superior's
//! [`Supervision::worklist`] gathers what concerns their subordinates,
//! direct and below, most urgent first.

use std::collections::HashMap;

use chrono::{DateTime, Duration, FixedOffset};
use serde::{Deserialize, Serialize};

use super::{OfficeError, Organisation};
use crate::calendar::Calendar;
use crate::case::Case;
use crate::error::{Code, Label, Problem};
use crate::procedure::{Procedure, SlaUnit};
use crate::sla::{ClockStatus, evaluate};

/// An instant, with its UTC offset.
pub type Instant = DateTime<FixedOffset>;

/// How a breach climbs the line of command. The standard sets no period;
/// the default is one working day per level, up to the head.
///
/// # Example
/// ```
/// let p: ptsp::office::EscalationPolicy = serde_json::from_str(
///     r#"{"every": {"amount": 4, "unit": "working_hours"}, "max_levels": 2}"#)?;
/// assert_eq!(p.max_levels, Some(2));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct EscalationPolicy {
    /// Working time between one level and the next.
    pub every: Interval,
    /// How many levels above the assignee at most (`None`: up to the head).
    pub max_levels: Option<u8>,
}

impl Default for EscalationPolicy {
    fn default() -> Self {
        EscalationPolicy {
            every: Interval {
                amount: 1,
                unit: SlaUnit::WorkingDays,
            },
            max_levels: None,
        }
    }
}

/// A stretch of working time: N working days (the same clock time N working
/// days later) or N working hours (within office hours).
///
/// # Example
/// ```
/// let i: ptsp::office::Interval = serde_json::from_str(r#"{"amount": 1, "unit": "working_days"}"#)?;
/// assert_eq!(i.amount, 1);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Interval {
    /// N, 1 to 1,000.
    pub amount: i64,
    /// Days or hours.
    pub unit: SlaUnit,
}

/// Preventive (a warning before the deadline) or repressive (after it).
///
/// # Example
/// ```
/// assert_eq!(serde_json::to_string(&ptsp::office::Control::Repressive)?, "\"repressive\"");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Control {
    /// The step is at risk: its assignee's direct superior is told.
    Preventive,
    /// The step is breached: the superior at this level must act.
    Repressive,
}

/// One superior who must act on one step.
///
/// # Example
/// ```
/// # use ptsp::office::{Control, Escalation};
/// let e = Escalation { case: "IZN-1".into(), step: "pemeriksaan".into(), visit: 1,
///     assignee: "s-01".into(), control: Control::Repressive, level: 1,
///     position: "kasi-verifikasi".into(), staff: vec!["s-04".into()],
///     deadline: None, due: None, reason: ptsp::Label::new("a", "b") };
/// assert_eq!(e.level, 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Escalation {
    /// The case id.
    pub case: String,
    /// The step id.
    pub step: String,
    /// The step's visit (index among the case's visits).
    pub visit: usize,
    /// The staff member the step is assigned to.
    pub assignee: String,
    /// Preventive or repressive.
    pub control: Control,
    /// 1 for the direct superior, 2 for theirs, and so on.
    pub level: u8,
    /// The superior's position.
    pub position: String,
    /// The staff holding that position (present or not).
    pub staff: Vec<String>,
    /// The step's deadline.
    pub deadline: Option<Instant>,
    /// When this level became due (repressive only).
    pub due: Option<Instant>,
    /// Why, in both languages.
    pub reason: Label,
}

/// The organisation indexed for supervision, with its escalation policy.
///
/// # Example
/// ```
/// let org = ptsp::office::Organisation::from_json(r#"{"id": "x",
///   "units": [{"id": "u", "name": {"id": "U", "en": "U"}, "kind": "office"}],
///   "positions": [{"id": "kadis", "title": {"id": "K", "en": "H"}, "unit": "u"}]}"#)?;
/// let s = ptsp::office::Supervision::new(&org, Default::default())?;
/// assert!(s.direct_superior("nobody").is_none());
/// # Ok::<(), ptsp::office::OfficeError>(())
/// ```
#[derive(Debug, Clone)]
pub struct Supervision<'o> {
    org: &'o Organisation,
    policy: EscalationPolicy,
    position: HashMap<&'o str, usize>,
    member: HashMap<&'o str, usize>,
    holders: HashMap<&'o str, Vec<String>>,
    chains: HashMap<&'o str, Vec<&'o str>>,
}

impl<'o> Supervision<'o> {
    /// Indexes a valid organisation; a policy out of range is refused.
    ///
    /// # Example
    /// ```
    /// # let org = ptsp::office::Organisation::from_json(r#"{"id": "x"}"#)?;
    /// let mut policy = ptsp::office::EscalationPolicy::default();
    /// policy.every.amount = 0;
    /// let err = ptsp::office::Supervision::new(&org, policy).unwrap_err();
    /// assert_eq!(err.code(), "invalid_escalation_policy");
    /// # Ok::<(), ptsp::office::OfficeError>(())
    /// ```
    pub fn new(org: &'o Organisation, policy: EscalationPolicy) -> Result<Self, OfficeError> {
        if !(1..=1_000).contains(&policy.every.amount) {
            return Err(OfficeError::InvalidPolicy {
                problems: vec![Problem::new(
                    "policy.every.amount",
                    Code::OutOfRange,
                    format!("{} is not from 1 to 1000", policy.every.amount),
                    format!("{} tidak di antara 1 dan 1000", policy.every.amount),
                )],
            });
        }
        let position = org
            .positions
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), i))
            .collect();
        let member = org
            .staff
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), i))
            .collect();
        let mut holders: HashMap<&str, Vec<String>> = HashMap::new();
        for s in &org.staff {
            if let Some(p) = &s.position {
                holders.entry(p.as_str()).or_default().push(s.id.clone());
            }
        }
        let mut s = Supervision {
            org,
            policy,
            position,
            member,
            holders,
            chains: HashMap::new(),
        };
        s.chains = org
            .staff
            .iter()
            .map(|m| (m.id.as_str(), s.walk(m.id.as_str())))
            .collect();
        Ok(s)
    }

    /// The position of a staff member's direct superior: their position's
    /// superior, or — for staff without a position — the head of their unit
    /// (the unit's position whose superior is outside it), looking up the
    /// unit's parents when the unit has none. See [`Supervision::chain`].
    pub fn direct_superior(&self, staff: &str) -> Option<&'o str> {
        self.chains.get(staff).and_then(|c| c.first().copied())
    }

    fn find_superior(&self, staff: &str) -> Option<&'o str> {
        let m = &self.org.staff[*self.member.get(staff)?];
        if let Some(p) = &m.position {
            return self.org.positions[*self.position.get(p.as_str())?]
                .superior
                .as_deref();
        }
        let mut unit = Some(m.unit.as_str());
        let mut steps = 0;
        while let Some(u) = unit {
            let head = self.org.positions.iter().find(|p| {
                p.unit == u
                    && p.superior.as_deref().is_none_or(|s| {
                        self.position
                            .get(s)
                            .is_none_or(|&i| self.org.positions[i].unit != u)
                    })
            });
            if let Some(h) = head {
                return Some(h.id.as_str());
            }
            unit = self
                .org
                .units
                .iter()
                .find(|x| x.id == u)
                .and_then(|x| x.parent.as_deref());
            steps += 1;
            if steps > self.org.units.len() {
                return None;
            }
        }
        None
    }

    /// The chain of superiors of a staff member: the direct superior
    /// first, up to the head.
    ///
    /// # Example
    /// ```
    /// let org = ptsp::office::Organisation::from_json(r#"{"id": "x",
    ///   "units": [{"id": "dinas", "name": {"id": "D", "en": "O"}, "kind": "office"},
    ///             {"id": "seksi", "name": {"id": "S", "en": "S"}, "kind": "section", "parent": "dinas"}],
    ///   "positions": [{"id": "kadis", "title": {"id": "K", "en": "H"}, "unit": "dinas"},
    ///                 {"id": "kasi", "title": {"id": "S", "en": "S"}, "unit": "seksi", "superior": "kadis"}],
    ///   "staff": [{"id": "s-1", "name": "Ani", "status": "pns", "unit": "seksi"}]}"#)?;
    /// let s = ptsp::office::Supervision::new(&org, Default::default())?;
    /// assert_eq!(s.direct_superior("s-1"), Some("kasi"));
    /// assert_eq!(s.chain("s-1"), ["kasi", "kadis"]);
    /// # Ok::<(), ptsp::office::OfficeError>(())
    /// ```
    pub fn chain(&self, staff: &str) -> Vec<&'o str> {
        self.chains.get(staff).cloned().unwrap_or_default()
    }

    /// [`Supervision::chain`], computed (once per staff member, in `new`).
    fn walk(&self, staff: &str) -> Vec<&'o str> {
        let mut out = Vec::new();
        let mut at = self.find_superior(staff);
        while let Some(p) = at {
            if out.contains(&p) || out.len() > self.org.positions.len() {
                break;
            }
            out.push(p);
            at = self
                .position
                .get(p)
                .and_then(|&i| self.org.positions[i].superior.as_deref());
        }
        out
    }

    /// Who must act on `case` at `now`: for its open step, at risk or
    /// breached and assigned to a staff member, the direct superior
    /// (preventive, or repressive from the deadline) and each further
    /// level whose time has come. Unassigned steps and staff outside the
    /// organisation yield nothing. (`tests/office_supervision.rs` walks a
    /// permit from at risk to the head of the office.)
    ///
    /// # Example
    /// ```
    /// use ptsp::{Actor, Calendar, Case, Command, Procedure, Request, SubmittedDocument};
    /// let org = ptsp::office::Organisation::from_json(r#"{"id": "x", "units": [], "positions": []}"#)?;
    /// let s = ptsp::office::Supervision::new(&org, Default::default())?;
    /// let (p, cal) = (Procedure::jatim_permit(), Calendar::jatim());
    /// let mut case = Case::new();
    /// let at = ptsp::calendar::parse_instant("2026-12-21T09:00:00+07:00")?;
    /// case.execute(&Request { actor: Actor::new("a", &["pemohon"], None), at,
    ///     command: Command::Submit { case_id: "IZN-1".into(), documents: vec![] } }, &p, &cal).ok();
    /// let later = ptsp::calendar::parse_instant("2027-01-15T09:00:00+07:00")?;
    /// // Breached, but assigned to nobody: no superior to name.
    /// assert!(s.escalations(&case, &p, &cal, later)?.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn escalations(
        &self,
        case: &Case,
        procedure: &Procedure,
        calendar: &Calendar,
        now: Instant,
    ) -> Result<Vec<Escalation>, OfficeError> {
        let report = evaluate(case, procedure, calendar, now)?;
        let mut out = Vec::new();
        for clock in report.steps.iter().filter(|c| c.ended.is_none()) {
            if !matches!(clock.status, ClockStatus::AtRisk | ClockStatus::Breached) {
                continue;
            }
            let Some(assignee) = case
                .assignments
                .get(&clock.lane)
                .filter(|a| a.step.as_deref().is_none_or(|s| s == clock.step))
                .and_then(|a| a.staff.as_deref())
            else {
                continue;
            };
            let Some(chain) = self.chains.get(assignee) else {
                continue;
            };
            let max = self
                .policy
                .max_levels
                .map_or(chain.len(), usize::from)
                .min(chain.len());
            let push = |out: &mut Vec<Escalation>, level: usize, control, due, reason| {
                let position = chain[level - 1];
                out.push(Escalation {
                    case: case.id.clone(),
                    step: clock.step.clone(),
                    visit: clock.visit,
                    assignee: assignee.to_owned(),
                    control,
                    level: u8::try_from(level).unwrap_or(u8::MAX),
                    position: position.to_owned(),
                    staff: self.holders.get(position).cloned().unwrap_or_default(),
                    deadline: clock.due,
                    due,
                    reason,
                });
            };
            if max == 0 {
                continue;
            }
            match (clock.status, clock.due) {
                (ClockStatus::AtRisk, _) => {
                    let used = clock.threshold.unwrap_or_default();
                    push(
                        &mut out,
                        1,
                        Control::Preventive,
                        None,
                        Label::new(
                            format!("langkah berisiko: {used}% waktu SLA terpakai"),
                            format!("step at risk: {used}% of its SLA time used"),
                        ),
                    );
                }
                (ClockStatus::Breached, Some(deadline)) => {
                    let mut due = deadline;
                    for level in 1..=max {
                        if due > now {
                            break;
                        }
                        let reason = if level == 1 {
                            let shown = deadline.format("%Y-%m-%d %H:%M");
                            Label::new(
                                format!("tenggat {shown} terlewati"),
                                format!("deadline {shown} passed"),
                            )
                        } else {
                            Label::new(
                                format!("belum ditangani di tingkat {}", level - 1),
                                format!("not resolved at level {}", level - 1),
                            )
                        };
                        push(&mut out, level, Control::Repressive, Some(due), reason);
                        due = self.next(calendar, due)?;
                    }
                }
                _ => {}
            }
        }
        Ok(out)
    }

    fn next(&self, calendar: &Calendar, at: Instant) -> Result<Instant, OfficeError> {
        let every = self.policy.every;
        let r = match every.unit {
            // The same clock time, N working days later.
            SlaUnit::WorkingDays => calendar
                .add_working_days(at.date_naive(), every.amount)
                .and_then(|d| {
                    d.and_time(at.time())
                        .and_local_timezone(*at.offset())
                        .single()
                        .ok_or(crate::CalendarError::OutOfRange {
                            what: crate::error::phrase::RESULT_INSTANT,
                            value: d.to_string(),
                        })
                }),
            SlaUnit::WorkingHours => calendar.add_working_time(at, Duration::hours(every.amount)),
        };
        r.map_err(|e| OfficeError::Case(crate::case::CaseError::Calendar(e)))
    }

    /// A superior's worklist: of `escalations` (for many cases), those about
    /// steps of the staff below `position` (directly or further down), one
    /// per step at its highest level, most urgent first — breached before
    /// at risk, the higher level first, then the earlier deadline.
    ///
    /// # Example
    /// ```
    /// # let org = ptsp::office::Organisation::from_json(r#"{"id": "x", "units": [], "positions": []}"#)?;
    /// let s = ptsp::office::Supervision::new(&org, Default::default())?;
    /// assert!(s.worklist("kadis", &[]).is_empty());
    /// # Ok::<(), ptsp::office::OfficeError>(())
    /// ```
    pub fn worklist<'e>(
        &self,
        position: &str,
        escalations: &'e [Escalation],
    ) -> Vec<&'e Escalation> {
        let mut best: HashMap<(&str, usize), &Escalation> = HashMap::new();
        for e in escalations {
            if !self
                .chains
                .get(e.assignee.as_str())
                .is_some_and(|c| c.contains(&position))
            {
                continue;
            }
            let key = (e.case.as_str(), e.visit);
            let keep = best
                .get(&key)
                .is_none_or(|b| (e.control, e.level) > (b.control, b.level));
            if keep {
                best.insert(key, e);
            }
        }
        let mut out: Vec<&Escalation> = best.into_values().collect();
        out.sort_by(|a, b| {
            (b.control, b.level)
                .cmp(&(a.control, a.level))
                .then(a.deadline.cmp(&b.deadline))
                .then(a.case.cmp(&b.case))
                .then(a.visit.cmp(&b.visit))
        });
        out
    }
}
