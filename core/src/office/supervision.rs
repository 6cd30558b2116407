//! Seed §6, *Pengawasan Internal*: "Pengendalian secara terus menerus yang
//! dilakukan oleh atasan langsung terhadap bawahannya secara preventif atau
//! represif" — continuous control by the direct superior over their
//! subordinates, preventive or repressive.
//!
//! Computed, never clocked: from a case's event log, the organisation and
//! an instant, [`Supervision::escalations`] says who must act on a step:
//! a step **at risk** notifies the assignee's direct superior (preventive);
//! a **breached** step escalates to the direct superior at its deadline,
//! then one level further up after each [`EscalationPolicy::every`](crate::EscalationPolicy::every) of
//! working time, up to the head of the office (repressive). A superior's
//! [`Supervision::worklist`] gathers what concerns their subordinates,
//! direct and below, most urgent first.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::hash::{BuildHasherDefault, Hasher};

use chrono::{DateTime, Duration, FixedOffset};
use serde::{Deserialize, Serialize};

use super::{OfficeError, Organisation};
use crate::calendar::Calendar;
use crate::case::{Case, Control};
use crate::desk::routing::index::{FastBuild, hash};
use crate::error::Label;
use crate::procedure::{Interval, Procedure, SlaUnit};
use crate::sla::{ClockStatus, open_step_alarm};

type Instant = DateTime<FixedOffset>;

/// One superior who must act on one step.
///
/// # Example
/// ```
/// # use ptsp::office::{Control, Escalation};
/// let e = Escalation { case: "IZN-1".into(), step: "pemeriksaan".into(), visit: 1,
///     assignee: "s-01".into(), control: Control::Repressive, level: 1,
///     position: "kasi-verifikasi".into(), staff: vec!["s-04".into()],
///     deadline: None, due: None, recorded: false, reason: ptsp::Label::new("a", "b") };
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
    /// Whether the case's log already records it (an
    /// [`EventKind::Escalated`](crate::EventKind::Escalated) event): the
    /// backend records those that are not
    /// ([`Command::Escalate`](crate::Command::Escalate)).
    pub recorded: bool,
    /// Why, in both languages.
    pub reason: Label,
}

/// The organisation indexed for supervision: every staff member's chain of
/// superiors ([`Organisation::chain_of`]) and every position's holders,
/// computed once and owned (no borrow of the organisation).
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
pub struct Supervision {
    /// Position ids; chains refer to them by index.
    positions: Vec<String>,
    /// The staff holding each position.
    incumbents: Vec<Vec<String>>,
    /// Every staff member's chain, as position indexes, direct superior
    /// first.
    chains: HashMap<String, Box<[u32]>, FastBuild>,
    /// "Not resolved at level k", for k from 1 to the deepest chain.
    unresolved: Vec<Label>,
}

impl Supervision {
    /// Indexes an organisation (validate it first: [`Organisation::checked`]).
    pub fn new(org: &Organisation) -> Self {
        let positions: Vec<String> = org.positions.iter().map(|p| p.id.clone()).collect();
        let index: HashMap<&str, u32, FastBuild> = positions
            .iter()
            .enumerate()
            .map(|(i, p)| (p.as_str(), u32::try_from(i).unwrap_or(u32::MAX)))
            .collect();
        let mut incumbents = vec![Vec::new(); positions.len()];
        for s in &org.staff {
            if let Some(i) = s.position.as_deref().and_then(|p| index.get(p)) {
                incumbents[*i as usize].push(s.id.clone());
            }
        }
        let lines = super::organisation::Lines::new(org);
        let chains: HashMap<String, Box<[u32]>, FastBuild> = org
            .staff
            .iter()
            .map(|m| {
                let chain = lines
                    .chain_of(&m.id)
                    .iter()
                    .filter_map(|p| index.get(p.id.as_str()).copied())
                    .collect();
                (m.id.clone(), chain)
            })
            .collect();
        let depth = chains.values().map(|c| c.len()).max().unwrap_or(0);
        let unresolved = (1..=depth)
            .map(|k| {
                Label::new(
                    format!("belum ditangani di tingkat {k}"),
                    format!("not resolved at level {k}"),
                )
            })
            .collect();
        Supervision {
            positions,
            incumbents,
            chains,
            unresolved,
        }
    }

    /// The positions above a staff member, the direct superior first, up to
    /// the head (empty for the head and for ids not in the organisation).
    pub fn chain(&self, staff: &str) -> Vec<&str> {
        self.chains.get(staff).map_or_else(Vec::new, |c| {
            c.iter()
                .map(|i| self.positions[*i as usize].as_str())
                .collect()
        })
    }

    /// How many levels `position` stands above `staff` (1: the direct
    /// superior), if it is in their chain at all. Nobody is above
    /// themselves.
    ///
    /// # Example
    /// ```
    /// # let org = ptsp::office::Organisation::from_json(r#"{"id": "x", "units": [], "positions": []}"#)?;
    /// let s = ptsp::office::Supervision::new(&org);
    /// assert_eq!(s.level_above("kadis", "s-1"), None);
    /// # Ok::<(), ptsp::office::OfficeError>(())
    /// ```
    pub fn level_above(&self, position: &str, staff: &str) -> Option<u8> {
        let chain = self.chains.get(staff)?;
        let k = chain
            .iter()
            .position(|i| self.positions[*i as usize] == position)?;
        u8::try_from(k + 1).ok()
    }

    /// The staff holding a position.
    pub fn incumbents(&self, position: &str) -> &[String] {
        self.positions
            .iter()
            .position(|p| p == position)
            .map_or(&[], |i| self.incumbents[i].as_slice())
    }

    /// Who must act on `case` at `now`: for its open step, at risk or
    /// breached and assigned to a staff member, the direct superior
    /// (preventive, or repressive from the deadline) and each further
    /// level whose time has come, as the procedure's
    /// [`EscalationPolicy`](crate::EscalationPolicy) says
    /// ([`SupervisionSettings`](crate::SupervisionSettings)). Each says
    /// whether the case's log already records it. Unassigned steps and
    /// staff outside the organisation yield nothing.
    /// (`tests/office_supervision.rs` walks a permit from at risk to the
    /// head of the office.)
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
        let policy = &procedure.def().supervision.escalation;
        let mut out = Vec::new();
        // Who the open step is assigned to, before any clock is read: most
        // cases at rest are not assigned, or to nobody in the organisation.
        let Some(open) = case.visits.last().filter(|v| v.ended.is_none()) else {
            crate::case::check_instant("now", now)?;
            return Ok(out);
        };
        let lane = procedure.step(&open.step).map(|s| s.lane.as_str());
        let Some(assignee) = lane
            .and_then(|l| case.assignments.get(l))
            .filter(|a| a.step.as_deref().is_none_or(|s| s == open.step))
            .and_then(|a| a.staff.as_deref())
        else {
            crate::case::check_instant("now", now)?;
            return Ok(out);
        };
        let Some(chain) = self.chains.get(assignee) else {
            crate::case::check_instant("now", now)?;
            return Ok(out);
        };
        let Some((visit, v, status, threshold)) = open_step_alarm(case, procedure, calendar, now)?
        else {
            return Ok(out);
        };
        let max = policy
            .max_levels
            .map_or(chain.len(), usize::from)
            .min(chain.len());
        if max == 0 {
            return Ok(out);
        }
        let push = |out: &mut Vec<Escalation>, level: usize, control, due, reason| {
            let position = chain[level - 1] as usize;
            let level = u8::try_from(level).unwrap_or(u8::MAX);
            out.push(Escalation {
                case: case.id.clone(),
                step: v.step.clone(),
                visit,
                assignee: assignee.to_owned(),
                control,
                level,
                position: self.positions[position].clone(),
                staff: self.incumbents[position].clone(),
                deadline: v.due,
                due,
                recorded: match control {
                    Control::Preventive => v.warned,
                    Control::Repressive => level <= v.escalated,
                },
                reason,
            });
        };
        match (status, v.due) {
            (ClockStatus::AtRisk, _) => {
                let used = threshold.unwrap_or_default();
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
                let shown = minute(deadline);
                let mut due = deadline;
                for level in 1..=max {
                    if due > now {
                        break;
                    }
                    let reason = if level == 1 {
                        Label::new(
                            format!("tenggat {shown} terlewati"),
                            format!("deadline {shown} passed"),
                        )
                    } else {
                        self.unresolved[level - 2].clone()
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
        Ok(out)
    }

    /// A superior's worklist: of `escalations` (for many cases), those about
    /// steps of the staff below `position` (directly or further down), one
    /// per step at its highest level, most urgent first — breached before
    /// at risk, the higher level first, then the earlier deadline, then the
    /// case id. Fastest when each step's escalations are adjacent, as
    /// [`Supervision::escalations`] returns them; any order gives the same
    /// list. The cost is linear in the records given: a backend that keeps
    /// each step's current (highest) escalation passes one per step.
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
        let Some(rank) = self.positions.iter().position(|p| p == position) else {
            return Vec::new();
        };
        let rank = u32::try_from(rank).unwrap_or(u32::MAX);
        // Each line carries its sort key, computed while the escalation is
        // at hand: urgency (control and level) descending and the deadline
        // in one word, then the case id's first 16 bytes; what the key
        // cannot tell apart is compared in full (deadline, case id, visit).
        type Key = [u64; 3];
        let key = |e: &Escalation| -> Key {
            let urgency = (u64::from(e.control == Control::Repressive) << 8) | u64::from(e.level);
            // Seconds from 1900 (instants are bounded to years 1900 to
            // 9999, within 2^40 seconds of it).
            let secs = e.deadline.map_or((1 << 48) - 1, |d| {
                (d.timestamp() + 2_208_988_800).clamp(0, (1 << 48) - 2) as u64
            });
            let mut prefix = [0u8; 16];
            let n = e.case.len().min(16);
            prefix[..n].copy_from_slice(&e.case.as_bytes()[..n]);
            let (hi, lo) = prefix.split_at(8);
            [
                ((0xFFFF - urgency) << 48) | secs,
                u64::from_be_bytes(hi.try_into().unwrap_or_default()),
                u64::from_be_bytes(lo.try_into().unwrap_or_default()),
            ]
        };
        // One line per run of a step's escalations (as `escalations` emits
        // them: adjacent), at its highest level.
        let mut best: Vec<(Key, &Escalation)> = Vec::new();
        let mut hashes: Vec<u64> = Vec::new();
        let mut last_assignee: Option<(&str, bool)> = None;
        let raise = |slot: &mut (Key, &'e Escalation), e: &'e Escalation| {
            if (e.control, e.level) > (slot.1.control, slot.1.level) {
                *slot = (key(e), e);
            }
        };
        for e in escalations {
            let below = match last_assignee {
                Some((a, b)) if a == e.assignee => b,
                _ => {
                    let b = self
                        .chains
                        .get(e.assignee.as_str())
                        .is_some_and(|c| c.contains(&rank));
                    last_assignee = Some((e.assignee.as_str(), b));
                    b
                }
            };
            if !below {
                continue;
            }
            if let Some(prev) = best.last_mut()
                && prev.1.visit == e.visit
                && prev.1.case == e.case
            {
                raise(prev, e);
                continue;
            }
            hashes.push(step_hash(e));
            best.push((key(e), e));
        }
        // A step in two runs (escalations given in another order) shows as
        // a repeated hash; only then are the lines merged by (case, visit),
        // a hash compared in full and colliding keys in an exact map.
        hashes.sort_unstable();
        if hashes.windows(2).any(|w| w[0] == w[1]) {
            let mut merged: Vec<(Key, &Escalation)> = Vec::with_capacity(best.len());
            let mut by_hash: HashMap<u64, usize, BuildHasherDefault<Identity>> = HashMap::default();
            let mut exact: HashMap<(&str, usize), usize> = HashMap::new();
            for (k, e) in best {
                match by_hash.entry(step_hash(e)) {
                    Entry::Vacant(slot) => {
                        slot.insert(merged.len());
                        merged.push((k, e));
                    }
                    Entry::Occupied(slot) => {
                        let i = *slot.get();
                        if merged[i].1.case == e.case && merged[i].1.visit == e.visit {
                            raise(&mut merged[i], e);
                        } else {
                            match exact.entry((e.case.as_str(), e.visit)) {
                                Entry::Occupied(x) => raise(&mut merged[*x.get()], e),
                                Entry::Vacant(x) => {
                                    x.insert(merged.len());
                                    merged.push((k, e));
                                }
                            }
                        }
                    }
                }
            }
            best = merged;
        }
        best.sort_unstable_by(|(ka, a), (kb, b)| {
            ka.cmp(kb).then_with(|| {
                a.deadline
                    .cmp(&b.deadline)
                    .then_with(|| a.case.cmp(&b.case))
                    .then(a.visit.cmp(&b.visit))
            })
        });
        best.into_iter().map(|(_, e)| e).collect()
    }
}

/// `YYYY-MM-DD HH:MM` in the instant's own offset.
fn minute(t: Instant) -> String {
    use chrono::{Datelike, Timelike};
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        t.year(),
        t.month(),
        t.day(),
        t.hour(),
        t.minute()
    )
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

/// A hash of an escalation's step visit: (case, visit).
fn step_hash(e: &Escalation) -> u64 {
    hash(e.case.as_bytes()) ^ (e.visit as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// A hasher for keys that are hashes already.
#[derive(Default)]
struct Identity(u64);

impl Hasher for Identity {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Only `write_u64` is used; fold anything else in.
        for b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(*b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}
