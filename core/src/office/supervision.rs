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

type Instant = DateTime<FixedOffset>;

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

impl EscalationPolicy {
    /// Every problem of the policy: an interval outside 1 to 1,000.
    ///
    /// # Example
    /// ```
    /// let mut p = ptsp::office::EscalationPolicy::default();
    /// assert!(p.validate().is_empty());
    /// p.every.amount = 0;
    /// assert_eq!(p.validate()[0].path, "policy.every.amount");
    /// ```
    pub fn validate(&self) -> Vec<Problem> {
        if (1..=1_000).contains(&self.every.amount) {
            return Vec::new();
        }
        vec![Problem::new(
            "policy.every.amount",
            Code::OutOfRange,
            format!("{} is not from 1 to 1000", self.every.amount),
            format!("{} tidak di antara 1 dan 1000", self.every.amount),
        )]
    }
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

/// The organisation indexed for supervision: every staff member's chain of
/// superiors ([`Organisation::chain_of`]) and every position's holders,
/// computed once.
///
/// # Example
/// ```
/// let org = ptsp::office::Organisation::from_json(r#"{"id": "x",
///   "units": [{"id": "dinas", "name": {"id": "D", "en": "O"}, "kind": "office"},
///             {"id": "seksi", "name": {"id": "S", "en": "S"}, "kind": "section", "parent": "dinas"}],
///   "positions": [{"id": "kadis", "title": {"id": "K", "en": "H"}, "unit": "dinas"},
///                 {"id": "kasi", "title": {"id": "S", "en": "S"}, "unit": "seksi", "superior": "kadis"}],
///   "staff": [{"id": "s-1", "name": "Ani", "status": "pns", "unit": "seksi"}]}"#)?;
/// let s = ptsp::office::Supervision::new(&org);
/// assert_eq!(s.chain("s-1"), ["kasi", "kadis"]);
/// assert!(s.chain("nobody").is_empty());
/// # Ok::<(), ptsp::office::OfficeError>(())
/// ```
#[derive(Debug, Clone)]
pub struct Supervision<'o> {
    chains: HashMap<&'o str, Vec<&'o str>>,
    incumbents: HashMap<&'o str, Vec<String>>,
}

impl<'o> Supervision<'o> {
    /// Indexes an organisation (validate it first: [`Organisation::checked`]).
    pub fn new(org: &'o Organisation) -> Self {
        let mut incumbents: HashMap<&str, Vec<String>> = HashMap::new();
        for s in &org.staff {
            if let Some(p) = &s.position {
                incumbents.entry(p.as_str()).or_default().push(s.id.clone());
            }
        }
        let lines = super::organisation::Lines::new(org);
        let chains = org
            .staff
            .iter()
            .map(|m| {
                let chain = lines
                    .chain_of(&m.id)
                    .iter()
                    .map(|p| p.id.as_str())
                    .collect();
                (m.id.as_str(), chain)
            })
            .collect();
        Supervision { chains, incumbents }
    }

    /// The positions above a staff member, the direct superior first, up to
    /// the head (empty for the head and for ids not in the organisation).
    pub fn chain(&self, staff: &str) -> Vec<&'o str> {
        self.chains.get(staff).cloned().unwrap_or_default()
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
    /// let s = ptsp::office::Supervision::new(&org);
    /// let (p, cal) = (Procedure::jatim_permit(), Calendar::jatim());
    /// let mut case = Case::new();
    /// let at = ptsp::calendar::parse_instant("2026-12-21T09:00:00+07:00")?;
    /// case.execute(&Request { actor: Actor::new("a", &["pemohon"], None), at,
    ///     command: Command::Submit { case_id: "IZN-1".into(), documents: vec![] } }, &p, &cal).ok();
    /// let later = ptsp::calendar::parse_instant("2027-01-15T09:00:00+07:00")?;
    /// // Breached, but assigned to nobody: no superior to name.
    /// assert!(s.escalations(&case, &p, &cal, &Default::default(), later)?.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn escalations(
        &self,
        case: &Case,
        procedure: &Procedure,
        calendar: &Calendar,
        policy: &EscalationPolicy,
        now: Instant,
    ) -> Result<Vec<Escalation>, OfficeError> {
        let problems = policy.validate();
        if !problems.is_empty() {
            return Err(OfficeError::InvalidPolicy { problems });
        }
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
            let max = policy
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
                    staff: self.incumbents.get(position).cloned().unwrap_or_default(),
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
                        if level == max {
                            break;
                        }
                        match next(calendar, policy.every, due) {
                            Ok(t) => due = t,
                            // The next level falls after the calendar's
                            // coverage, so after `now` (which the SLA
                            // clocks could measure): not due yet.
                            Err(crate::CalendarError::OutOfCoverage { .. }) => break,
                            Err(e) => return Err(crate::case::CaseError::Calendar(e).into()),
                        }
                    }
                }
                _ => {}
            }
        }
        Ok(out)
    }

    /// A superior's worklist: of `escalations` (for many cases), those about
    /// steps of the staff below `position` (directly or further down), one
    /// per step at its highest level, most urgent first — breached before
    /// at risk, the higher level first, then the earlier deadline.
    ///
    /// # Example
    /// ```
    /// # let org = ptsp::office::Organisation::from_json(r#"{"id": "x", "units": [], "positions": []}"#)?;
    /// let s = ptsp::office::Supervision::new(&org);
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
            let below = self
                .chains
                .get(e.assignee.as_str())
                .is_some_and(|c| c.contains(&position));
            if !below {
                continue;
            }
            best.entry((e.case.as_str(), e.visit))
                .and_modify(|b| {
                    if (e.control, e.level) > (b.control, b.level) {
                        *b = e;
                    }
                })
                .or_insert(e);
        }
        let mut out: Vec<&Escalation> = best.into_values().collect();
        out.sort_unstable_by(|a, b| {
            (b.control, b.level)
                .cmp(&(a.control, a.level))
                .then(a.deadline.cmp(&b.deadline))
                .then(a.case.cmp(&b.case))
                .then(a.visit.cmp(&b.visit))
        });
        out
    }
}

/// The instant `every` of working time after `at`: the same clock time N
/// working days later, or N working hours later within office hours.
fn next(
    calendar: &Calendar,
    every: Interval,
    at: Instant,
) -> Result<Instant, crate::CalendarError> {
    match every.unit {
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
    }
}
