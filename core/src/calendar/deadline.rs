//! Statutory deadlines ("at most N working days after receipt") and their
//! explanation.

use std::fmt::Write as _;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{
    Calendar, CalendarError, HolidayInfo, Mode, Span, day_number, index, range_err, to_date,
};
use crate::error::{Lang, phrase};

use super::Result;

/// Which day is day 1 of a statutory period.
///
/// # Example
/// ```
/// assert_eq!(ptsp::CountFrom::default(), ptsp::CountFrom::NextWorkingDay);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CountFrom {
    /// Day 1 is the first working day after the day of receipt (the
    /// day of receipt is not counted).
    #[default]
    NextWorkingDay,
    /// Day 1 is the day of receipt itself — unless the receipt came at or
    /// after that day's close (counted on the same day by
    /// [`AfterHours::SameDay`]): no working time is left on it, so day 1 is
    /// the next working day and the deadline is never before the receipt.
    ReceiptDay,
}

/// What a receipt after the close of office hours means.
///
/// # Example
/// ```
/// assert_eq!(ptsp::AfterHours::default(), ptsp::AfterHours::NextWorkingDay);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AfterHours {
    /// Counts as received at the next working day's opening.
    #[default]
    NextWorkingDay,
    /// Counts as received on the same (working) day, whatever the hour.
    SameDay,
}

/// The convention for counting a statutory deadline. The default is the
/// reading of "maksimal N hari kerja" used by this library: day 1 is the
/// first working day after receipt; a receipt after office hours or on a
/// non-working day counts as received at the next working day's opening;
/// the deadline is the close of office hours of the N-th working day.
///
/// # Example
/// ```
/// let p: ptsp::DeadlinePolicy = serde_json::from_str(r#"{"count_from": "receipt_day"}"#)?;
/// assert_eq!(p.after_hours, ptsp::AfterHours::NextWorkingDay);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct DeadlinePolicy {
    /// Which day is day 1.
    pub count_from: CountFrom,
    /// What a receipt after closing time means.
    pub after_hours: AfterHours,
}

/// A statutory deadline and how it was counted.
///
/// # Example
/// ```
/// let cal = ptsp::Calendar::jatim();
/// let at = ptsp::calendar::parse_instant("2026-12-23T10:00:00+07:00")?;
/// let d = cal.deadline(at, 3, &Default::default())?;
/// assert_eq!(d.day_one.to_string(), "2026-12-28");
/// assert_eq!(d.due_at.to_rfc3339(), "2026-12-30T16:00:00+07:00");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Deadline {
    /// When the file arrived, in the office's offset.
    pub received_at: DateTime<FixedOffset>,
    /// When it counts as received (the next opening for a late receipt).
    pub counted_received_at: DateTime<FixedOffset>,
    /// Whether it arrived after hours or on a non-working day.
    pub late_receipt: bool,
    /// Day 1 of the period.
    pub day_one: NaiveDate,
    /// The N-th working day.
    pub due_date: NaiveDate,
    /// The close of office hours on the due date.
    pub due_at: DateTime<FixedOffset>,
    /// N.
    pub working_days: i64,
    /// The convention used.
    pub policy: DeadlinePolicy,
}

/// The part a day plays in a deadline's count.
///
/// # Example
/// ```
/// let r: ptsp::DayRole = serde_json::from_str("\"counted\"")?;
/// assert_eq!(r, ptsp::DayRole::Counted);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DayRole {
    /// The day the file arrived.
    Received,
    /// The day a late file counts as received.
    CountedAsReceived,
    /// A working day that counts towards N.
    Counted,
    /// A day that does not count.
    Skipped,
}

/// Why a day does not count.
///
/// # Example
/// ```
/// let r: ptsp::SkipReason = serde_json::from_str("\"weekend\"")?;
/// assert_eq!(r, ptsp::SkipReason::Weekend);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SkipReason {
    /// Not a working weekday.
    Weekend,
    /// A day off of a non-working kind (see the day's holidays).
    Holiday,
    /// Outside coverage, not a working weekday (assumption opted in).
    AssumedWeekend,
}

/// One day of an explanation.
///
/// # Example
/// ```
/// let cal = ptsp::Calendar::jatim();
/// let at = ptsp::calendar::parse_instant("2026-12-23T10:00:00+07:00")?;
/// let e = cal.explain_deadline(at, 1, &Default::default())?;
/// assert_eq!(e.days[1].holidays[0].name, "Cuti Bersama Kelahiran Yesus Kristus");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ExplainedDay {
    /// The day.
    pub date: NaiveDate,
    /// Its part in the count.
    pub role: DayRole,
    /// For counted days: 1 for day 1, … N for the due date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ordinal: Option<i64>,
    /// For days that do not work: why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<SkipReason>,
    /// Holiday entries on this day (also those this calendar works on).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub holidays: Vec<HolidayInfo>,
}

/// A deadline and every day from receipt to due date, with why each day
/// counted or not.
///
/// # Example
/// ```
/// use ptsp::Lang;
/// let cal = ptsp::Calendar::jatim();
/// let at = ptsp::calendar::parse_instant("2026-12-23T10:00:00+07:00")?;
/// let e = cal.explain_deadline(at, 3, &Default::default())?;
/// let text = e.render(Lang::Id);
/// assert!(text.contains("Kelahiran Yesus Kristus"));
/// assert!(text.contains("akhir pekan"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Explanation {
    /// The deadline.
    pub deadline: Deadline,
    /// Every day from receipt to the due date.
    pub days: Vec<ExplainedDay>,
}

/// The longest span an explanation lists, day by day (about ten years).
const MAX_EXPLAINED_DAYS: i64 = 3660;

const WEEKDAYS_EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const WEEKDAYS_ID: [&str; 7] = ["Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"];

impl Explanation {
    /// A plain-text account, one line per day, in the given language.
    ///
    /// # Example
    /// ```
    /// use ptsp::Lang;
    /// let cal = ptsp::Calendar::jatim();
    /// let at = ptsp::calendar::parse_instant("2026-12-23T10:00:00+07:00")?;
    /// let text = cal.explain_deadline(at, 1, &Default::default())?.render(Lang::En);
    /// assert!(text.lines().last().unwrap().contains("due"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn render(&self, lang: Lang) -> String {
        let d = &self.deadline;
        let mut out = String::new();
        for day in &self.days {
            let wd = day.date.weekday().num_days_from_monday() as usize;
            let name = match lang {
                Lang::En => WEEKDAYS_EN[wd],
                Lang::Id => WEEKDAYS_ID[wd],
            };
            let _ = write!(out, "{name} {} ", day.date);
            let what = match (day.role, lang) {
                (DayRole::Received, Lang::En) => format!(
                    "received {}{}",
                    d.received_at.format("%H:%M"),
                    if d.late_receipt {
                        " (after office hours or on a day off)"
                    } else {
                        ""
                    }
                ),
                (DayRole::Received, Lang::Id) => format!(
                    "diterima pukul {}{}",
                    d.received_at.format("%H.%M"),
                    if d.late_receipt {
                        " (di luar jam kerja atau pada hari libur)"
                    } else {
                        ""
                    }
                ),
                (DayRole::CountedAsReceived, Lang::En) => format!(
                    "counts as received at opening, {}",
                    d.counted_received_at.format("%H:%M")
                ),
                (DayRole::CountedAsReceived, Lang::Id) => format!(
                    "dianggap diterima saat jam buka, pukul {}",
                    d.counted_received_at.format("%H.%M")
                ),
                (DayRole::Counted, Lang::En) => {
                    format!(
                        "working day {} of {}",
                        day.ordinal.unwrap_or(0),
                        d.working_days
                    )
                }
                (DayRole::Counted, Lang::Id) => {
                    format!(
                        "hari kerja ke-{} dari {}",
                        day.ordinal.unwrap_or(0),
                        d.working_days
                    )
                }
                (DayRole::Skipped, Lang::En) => "not counted".to_owned(),
                (DayRole::Skipped, Lang::Id) => "tidak dihitung".to_owned(),
            };
            out.push_str(&what);
            match (day.reason, lang) {
                (Some(SkipReason::Weekend), Lang::En) => out.push_str(": weekend"),
                (Some(SkipReason::Weekend), Lang::Id) => out.push_str(": akhir pekan"),
                (Some(SkipReason::AssumedWeekend), Lang::En) => {
                    out.push_str(": weekend (year not covered: assumed weekends only)")
                }
                (Some(SkipReason::AssumedWeekend), Lang::Id) => out
                    .push_str(": akhir pekan (tahun di luar cakupan: dianggap hanya akhir pekan)"),
                (Some(SkipReason::Holiday), Lang::En) => out.push_str(": day off"),
                (Some(SkipReason::Holiday), Lang::Id) => out.push_str(": hari libur"),
                _ => {}
            }
            for h in &day.holidays {
                let signed = h
                    .source
                    .signed
                    .map(|s| s.to_string())
                    .unwrap_or_else(|| match lang {
                        Lang::En => "date unknown".into(),
                        Lang::Id => "tanggal tidak diketahui".into(),
                    });
                let (label, note) = match lang {
                    Lang::En => (
                        h.kind.label(lang),
                        if h.non_working {
                            ""
                        } else {
                            ", a working day here"
                        },
                    ),
                    Lang::Id => (
                        h.kind.label(lang),
                        if h.non_working {
                            ""
                        } else {
                            ", tetap hari kerja di sini"
                        },
                    ),
                };
                let _ = write!(
                    out,
                    " — {} ({label}{note}; {}, {})",
                    h.name,
                    match h.source.numbers.as_slice() {
                        [] => h.source.title.clone(),
                        [one] => one.clone(),
                        [first, ..] => format!(
                            "{first} {}",
                            if lang == Lang::Id { "dkk." } else { "et al." }
                        ),
                    },
                    signed
                );
            }
            if day.date == d.due_date && day.role == DayRole::Counted {
                let _ = match lang {
                    Lang::En => write!(
                        out,
                        " — due at close of office hours, {}",
                        d.due_at.format("%H:%M")
                    ),
                    Lang::Id => write!(
                        out,
                        " — tenggat pada jam tutup kantor, pukul {}",
                        d.due_at.format("%H.%M")
                    ),
                };
            }
            out.push('\n');
        }
        out
    }
}

impl Calendar {
    /// The close of office hours of a working day (seconds after midnight).
    fn close_of(&self, iv: &[Vec<(u32, u32)>; 7], d: i64) -> u32 {
        iv[index::weekday(d)].last().map_or(86_400, |&(_, b)| b)
    }

    fn open_of(&self, iv: &[Vec<(u32, u32)>; 7], d: i64) -> u32 {
        iv[index::weekday(d)].first().map_or(0, |&(a, _)| a)
    }

    pub(super) fn deadline_in(
        &self,
        received: DateTime<FixedOffset>,
        n: i64,
        policy: &DeadlinePolicy,
        mode: Mode,
    ) -> Result<(Deadline, Span)> {
        let iv = self.intervals()?;
        if n < 1 {
            return Err(CalendarError::InvalidCount { n });
        }
        let (rd, secs, local) = self.local(received)?;
        let ix = &self.index;
        let on_time = ix.is_working(rd)
            && (policy.after_hours == AfterHours::SameDay || secs < self.close_of(iv, rd));
        let counted = if on_time {
            rd
        } else {
            ix.nth(ix.rank(rd + 1))
                .ok_or_else(|| range_err(phrase::INSTANT, received))?
        };
        // A receipt counted on its own day after the close leaves no
        // working time on that day: it cannot be day 1.
        let closed = on_time && secs >= self.close_of(iv, rd);
        let day_one = match policy.count_from {
            CountFrom::NextWorkingDay => ix.rank(counted) + 1,
            CountFrom::ReceiptDay if closed => ix.rank(counted) + 1,
            CountFrom::ReceiptDay => ix.rank(counted),
        };
        let due_rank = day_one
            .checked_add(n - 1)
            .ok_or_else(|| range_err(phrase::COUNT, n))?;
        let due = ix
            .nth(due_rank)
            .ok_or_else(|| range_err(phrase::COUNT, n))?;
        let span = Span::new(rd, rd, due);
        self.guard(mode, &span)?;
        let day_one = ix.nth(day_one).ok_or_else(|| range_err(phrase::COUNT, n))?;
        let counted_at = if on_time {
            local
        } else {
            self.instant(counted, self.open_of(iv, counted))?
        };
        let deadline = Deadline {
            received_at: local,
            counted_received_at: counted_at,
            late_receipt: !on_time,
            day_one: to_date(day_one)?,
            due_date: to_date(due)?,
            due_at: self.instant(due, self.close_of(iv, due))?,
            working_days: n,
            policy: *policy,
        };
        Ok((deadline, span))
    }

    /// The statutory deadline of "at most `n` working days after receipt
    /// at `received`", counted by `policy` (see [`DeadlinePolicy`]).
    /// Needs office hours.
    ///
    /// # Example
    /// ```
    /// let cal = ptsp::Calendar::jatim();
    /// // Received Thursday 2026-12-31 at 16:10, after the 16:00 close.
    /// let at = ptsp::calendar::parse_instant("2026-12-31T16:10:00+07:00")?;
    /// let d = cal.deadline(at, 3, &Default::default())?;
    /// assert!(d.late_receipt);
    /// // 1 January is New Year's Day: counted as received Monday 4 January 2027 07:30;
    /// // Tuesday 5 January is Isra Mikraj, so day 1 is the 6th and day 3 the 8th.
    /// assert_eq!(d.counted_received_at.to_rfc3339(), "2027-01-04T07:30:00+07:00");
    /// assert_eq!(d.due_date.to_string(), "2027-01-08");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn deadline(
        &self,
        received: DateTime<FixedOffset>,
        n: i64,
        policy: &DeadlinePolicy,
    ) -> Result<Deadline> {
        self.deadline_in(received, n, policy, Mode::Strict)
            .map(|r| r.0)
    }

    pub(super) fn explain_in(
        &self,
        received: DateTime<FixedOffset>,
        n: i64,
        policy: &DeadlinePolicy,
        mode: Mode,
    ) -> Result<(Explanation, Span)> {
        let (deadline, span) = self.deadline_in(received, n, policy, mode)?;
        let (from, to) = (
            day_number(deadline.received_at.date_naive()),
            day_number(deadline.due_date),
        );
        if to - from > MAX_EXPLAINED_DAYS {
            return Err(CalendarError::OutOfRange {
                what: phrase::EXPLANATION,
                value: format!(
                    "{} days from receipt to due date (at most {MAX_EXPLAINED_DAYS} are explained)",
                    to - from + 1
                ),
            });
        }
        let counted = day_number(deadline.counted_received_at.date_naive());
        let one = day_number(deadline.day_one);
        let ix = &self.index;
        let mut days = Vec::with_capacity((to - from + 1) as usize);
        for d in from..=to {
            let working = ix.is_working(d);
            let covered = d >= ix.start && d < ix.end;
            let role = if d == from {
                DayRole::Received
            } else if d == counted && deadline.late_receipt {
                DayRole::CountedAsReceived
            } else if working && d >= one {
                DayRole::Counted
            } else {
                DayRole::Skipped
            };
            let reason = if working {
                None
            } else if !self.def.weekmask.works(index::weekday(d))
                && !self
                    .def
                    .extra_working_days
                    .iter()
                    .any(|x| day_number(x.date) == d)
            {
                Some(if covered {
                    SkipReason::Weekend
                } else {
                    SkipReason::AssumedWeekend
                })
            } else {
                Some(SkipReason::Holiday)
            };
            days.push(super::deadline::ExplainedDay {
                date: to_date(d)?,
                role,
                ordinal: (role == DayRole::Counted).then(|| ix.rank(d) - ix.rank(one) + 1),
                reason,
                holidays: self.holidays_on(d),
            });
        }
        Ok((Explanation { deadline, days }, span))
    }

    /// The deadline with every day from receipt to due date and why it
    /// counted or not (weekend; holiday name, kind and decree).
    ///
    /// # Example
    /// ```
    /// use ptsp::{DayRole, SkipReason};
    /// let cal = ptsp::Calendar::jatim();
    /// let at = ptsp::calendar::parse_instant("2026-12-23T10:00:00+07:00")?;
    /// let e = cal.explain_deadline(at, 1, &Default::default())?;
    /// let roles: Vec<DayRole> = e.days.iter().map(|d| d.role).collect();
    /// assert_eq!(roles, [DayRole::Received, DayRole::Skipped, DayRole::Skipped,
    ///                    DayRole::Skipped, DayRole::Skipped, DayRole::Counted]);
    /// assert_eq!(e.days[1].reason, Some(SkipReason::Holiday));
    /// assert_eq!(e.days[3].reason, Some(SkipReason::Weekend));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn explain_deadline(
        &self,
        received: DateTime<FixedOffset>,
        n: i64,
        policy: &DeadlinePolicy,
    ) -> Result<Explanation> {
        self.explain_in(received, n, policy, Mode::Strict)
            .map(|r| r.0)
    }
}
