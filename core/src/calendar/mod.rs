//! The working-day calendar: *hari kerja* on an Indonesian holiday calendar.
//!
//! A [`CalendarDef`] is data (weekmask, holiday layers with their decrees,
//! extra working days, office hours, UTC offset). [`Calendar::new`]
//! validates it and compiles an index, after which every day operation is
//! O(1):
//!
//! * [`Calendar::is_working_day`], [`Calendar::next_working_day`],
//!   [`Calendar::previous_working_day`];
//! * [`Calendar::add_working_days`] — numpy's `busday_offset` with
//!   `roll="forward"` for `n ≥ 0` and `roll="backward"` for `n < 0`;
//! * [`Calendar::working_days_between`] — numpy's `busday_count`
//!   (half-open, negative when `b < a`);
//! * [`Calendar::deadline`] — "at most N working days after receipt";
//! * [`Calendar::add_working_time`], [`Calendar::working_time_between`] —
//!   office hours and breaks respected.
//!
//! What a definition may declare (years, coverage, counts, text lengths)
//! is bounded: see [`limits`].
//!
//! Days outside the covered years are refused with
//! [`CalendarError::OutOfCoverage`]; [`Calendar::assuming_weekends_only`]
//! opts in to treating them as weekends-only, and every result computed
//! that way says which years were assumed.

mod deadline;
mod def;
mod error;
mod hours;
mod ical;
mod index;
pub mod limits;

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveTime, TimeZone, Timelike};
use serde::{Deserialize, Serialize};

pub use deadline::{
    AfterHours, CountFrom, DayRole, Deadline, DeadlinePolicy, ExplainedDay, Explanation, SkipReason,
};
pub use def::{
    CalendarDef, ExtraWorkingDay, Holiday, HolidayKind, HolidayLayer, Source, Weekmask, YearEntry,
    YearStatus,
};
pub use error::CalendarError;
pub use hours::{Break, ClockTime, DayHours, OfficeHours};
pub use ical::IcalImport;

use crate::error::phrase;

/// Results of the calendar.
pub type Result<T, E = CalendarError> = std::result::Result<T, E>;
use index::Index;

/// A validated, compiled working-day calendar.
///
/// # Example
/// ```
/// use ptsp::Calendar;
/// let cal = Calendar::indonesia();
/// // Lebaran 2025: Idul Fitri on 31 March and 1 April, cuti bersama 2–4 and 7 April.
/// // Nyepi on 29 March with cuti bersama on the 28th.
/// let d = cal.add_working_days("2025-03-27".parse()?, 1)?;
/// assert_eq!(d.to_string(), "2025-04-08");
/// assert_eq!(cal.working_days_between("2025-03-24".parse()?, "2025-04-14".parse()?)?, 8);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Calendar {
    def: CalendarDef,
    offset: FixedOffset,
    first_year: i32,
    last_year: i32,
    /// Working intervals per weekday, seconds after midnight.
    hours: Option<[Vec<(u32, u32)>; 7]>,
    index: Index,
    /// Holiday entries by day number: (layer, entry) indices.
    by_day: BTreeMap<i64, Vec<(usize, usize)>>,
}

/// An inclusive range of years.
///
/// # Example
/// ```
/// let c = ptsp::Calendar::indonesia().coverage();
/// assert_eq!(c.first, 2023);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct YearSpan {
    /// First year.
    pub first: i32,
    /// Last year.
    pub last: i32,
}

/// One holiday entry with its decree resolved, as operations report it.
///
/// # Example
/// ```
/// let cal = ptsp::Calendar::indonesia();
/// let h = &cal.holidays(2024)?[0];
/// assert_eq!(h.date.to_string(), "2024-01-01");
/// assert!(h.non_working);
/// # Ok::<(), ptsp::CalendarError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct HolidayInfo {
    /// The day.
    pub date: NaiveDate,
    /// Indonesian name.
    pub name: String,
    /// English name, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    /// Kind of day off.
    pub kind: HolidayKind,
    /// Id of the layer it comes from.
    pub layer: String,
    /// The decree that set it.
    pub source: Source,
    /// Whether this calendar treats the day as a day off (see
    /// [`CalendarDef::non_working_kinds`]).
    pub non_working: bool,
}

/// A result computed with uncovered years assumed weekends-only, and which
/// years were assumed (empty when none was needed).
///
/// # Example
/// ```
/// let cal = ptsp::Calendar::indonesia();
/// let e = cal.assuming_weekends_only().add_working_days("2031-01-01".parse()?, 1)?;
/// assert_eq!(e.value.to_string(), "2031-01-02");
/// assert_eq!(e.assumed[0].first, 2031);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Estimate<T> {
    /// The computed value.
    pub value: T,
    /// The uncovered year ranges the computation assumed weekends-only.
    pub assumed: Vec<YearSpan>,
}

impl<T> Estimate<T> {
    /// Whether any year had to be assumed.
    ///
    /// # Example
    /// ```
    /// let cal = ptsp::Calendar::indonesia();
    /// let e = cal.assuming_weekends_only().is_working_day("2024-01-01".parse()?)?;
    /// assert!(!e.is_assumed() && !e.value);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_assumed(&self) -> bool {
        !self.assumed.is_empty()
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Strict,
    Assume,
}

/// Days examined by an operation: the day it started from and the range.
struct Span {
    origin: i64,
    lo: i64,
    hi: i64,
}

impl Span {
    fn new(origin: i64, a: i64, b: i64) -> Span {
        Span {
            origin,
            lo: a.min(b),
            hi: a.max(b),
        }
    }
}

#[inline]
fn day_number(d: NaiveDate) -> i64 {
    i64::from(d.num_days_from_ce())
}

#[inline]
fn to_date(d: i64) -> Result<NaiveDate> {
    i32::try_from(d)
        .ok()
        .and_then(NaiveDate::from_num_days_from_ce_opt)
        .ok_or_else(|| range_err(phrase::RESULT_DATE, format_args!("day number {d}")))
}

/// Parses an ISO 8601 calendar date (`YYYY-MM-DD`).
///
/// # Example
/// ```
/// let d = ptsp::calendar::parse_date("2026-12-31")?;
/// assert_eq!(d.to_string(), "2026-12-31");
/// assert_eq!(ptsp::calendar::parse_date("31/12/2026").unwrap_err().code(), "invalid_value");
/// # Ok::<(), ptsp::CalendarError>(())
/// ```
pub fn parse_date(s: &str) -> Result<NaiveDate, CalendarError> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .filter(|_| s.len() >= 10)
        .ok_or_else(|| CalendarError::InvalidValue {
            what: phrase::DATE,
            value: s.to_owned(),
            expected: phrase::ISO_DATE,
        })
}

/// Parses an RFC 3339 instant with its UTC offset
/// (`2026-12-24T16:45:00+07:00`).
///
/// # Example
/// ```
/// let t = ptsp::calendar::parse_instant("2026-12-24T16:45:00+07:00")?;
/// assert_eq!(t.offset().local_minus_utc(), 7 * 3600);
/// assert_eq!(ptsp::calendar::parse_instant("2026-12-24 16:45").unwrap_err().code(), "invalid_value");
/// # Ok::<(), ptsp::CalendarError>(())
/// ```
pub fn parse_instant(s: &str) -> Result<DateTime<FixedOffset>, CalendarError> {
    if let Some(t) = parse_instant_fast(s) {
        return Ok(t);
    }
    DateTime::parse_from_rfc3339(s).map_err(|_| CalendarError::InvalidValue {
        what: phrase::INSTANT,
        value: s.to_owned(),
        expected: phrase::RFC3339_INSTANT,
    })
}

/// The common shape of a stored instant, `YYYY-MM-DDTHH:MM:SS±HH:MM` (or
/// `Z`), read without chrono's general parser (about ten times faster);
/// `None` for anything else, which the caller then hands to chrono. Every
/// text accepted here is accepted by chrono with the same value (a property
/// test compares them).
pub(crate) fn parse_instant_fast(s: &str) -> Option<DateTime<FixedOffset>> {
    let b = s.as_bytes();
    if !(b.len() == 25 || b.len() == 20) {
        return None;
    }
    let digits = |i: usize, n: usize| -> Option<u32> {
        let mut v = 0u32;
        for &c in &b[i..i + n] {
            if !c.is_ascii_digit() {
                return None;
            }
            v = v * 10 + u32::from(c - b'0');
        }
        Some(v)
    };
    if b[4] != b'-' || b[7] != b'-' || b[10] != b'T' || b[13] != b':' || b[16] != b':' {
        return None;
    }
    let offset = match (b.len(), b[19]) {
        (20, b'Z') => 0,
        (25, sign @ (b'+' | b'-')) if b[22] == b':' => {
            let (h, m) = (digits(20, 2)?, digits(23, 2)?);
            if h > 23 || m > 59 {
                return None;
            }
            let secs = i32::try_from(h * 3600 + m * 60).ok()?;
            if sign == b'-' { -secs } else { secs }
        }
        _ => return None,
    };
    let date = chrono::NaiveDate::from_ymd_opt(
        i32::try_from(digits(0, 4)?).ok()?,
        digits(5, 2)?,
        digits(8, 2)?,
    )?;
    let local = date.and_hms_opt(digits(11, 2)?, digits(14, 2)?, digits(17, 2)?)?;
    let tz = FixedOffset::east_opt(offset)?;
    chrono::TimeZone::from_local_datetime(&tz, &local).single()
}

impl Calendar {
    /// Validates a definition and compiles it. Every problem is reported at
    /// once in [`CalendarError::Invalid`].
    ///
    /// # Example
    /// ```
    /// use ptsp::{Calendar, CalendarDef, ExtraWorkingDay};
    /// let mut def = CalendarDef::indonesia();
    /// def.extra_working_days.push(ExtraWorkingDay {
    ///     date: "2026-01-01".parse()?, // New Year's Day: a day off
    ///     name: "Sabtu masuk".into(),
    ///     source: None,
    /// });
    /// let err = Calendar::new(def).unwrap_err();
    /// assert_eq!(err.code(), "invalid_definition");
    /// assert_eq!(err.problems()[0].code, "conflicting_day");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(def: CalendarDef) -> Result<Calendar> {
        let problems = def.validate();
        if !problems.is_empty() {
            return Err(CalendarError::Invalid { problems });
        }
        let offset = def::parse_offset(&def.utc_offset).ok_or_else(|| CalendarError::Invalid {
            problems: Vec::new(),
        })?;
        let (first_year, last_year) = def.coverage().ok_or_else(|| CalendarError::Invalid {
            problems: Vec::new(),
        })?;
        let start = day_number(NaiveDate::from_ymd_opt(first_year, 1, 1).ok_or(
            CalendarError::OutOfRange {
                what: phrase::YEAR,
                value: first_year.to_string(),
            },
        )?);
        let end = day_number(NaiveDate::from_ymd_opt(last_year + 1, 1, 1).ok_or(
            CalendarError::OutOfRange {
                what: phrase::YEAR,
                value: last_year.to_string(),
            },
        )?);
        let mut by_day: BTreeMap<i64, Vec<(usize, usize)>> = BTreeMap::new();
        let mut off = BTreeSet::new();
        for (li, layer) in def.layers.iter().enumerate() {
            for (hi, h) in layer.holidays.iter().enumerate() {
                let d = day_number(h.date);
                by_day.entry(d).or_default().push((li, hi));
                if def.non_working_kinds.contains(&h.kind) {
                    off.insert(d);
                }
            }
        }
        let extra: BTreeSet<i64> = def
            .extra_working_days
            .iter()
            .map(|x| day_number(x.date))
            .collect();
        let hours = def.office_hours.as_ref().map(|h| {
            std::array::from_fn(|wd| h.by_index(wd).map(DayHours::intervals).unwrap_or_default())
        });
        let day_secs: [i64; 7] = match &hours {
            Some(h) => {
                std::array::from_fn(|wd: usize| h[wd].iter().map(|(a, b)| i64::from(b - a)).sum())
            }
            None => [0; 7],
        };
        let index = Index::build(start, end, def.weekmask.0, &off, &extra, day_secs);
        Ok(Calendar {
            def,
            offset,
            first_year,
            last_year,
            hours,
            index,
            by_day,
        })
    }

    /// The built-in national calendar of Indonesia (see
    /// [`CalendarDef::indonesia`]).
    ///
    /// # Example
    /// ```
    /// let cal = ptsp::Calendar::indonesia();
    /// assert!(!cal.is_working_day("2026-12-25".parse()?)?); // Natal
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn indonesia() -> Calendar {
        Calendar::new(CalendarDef::indonesia()).expect("built-in calendar is valid (tested)")
    }

    /// The national calendar with the office hours of the East Java
    /// provincial government (see [`CalendarDef::jatim`]).
    ///
    /// # Example
    /// ```
    /// let cal = ptsp::Calendar::jatim();
    /// assert!(cal.def().office_hours.is_some());
    /// ```
    pub fn jatim() -> Calendar {
        Calendar::new(CalendarDef::jatim()).expect("built-in calendar is valid (tested)")
    }

    /// Reads a [`CalendarDef`] from JSON and builds it. Malformed JSON, or
    /// JSON of the wrong shape, is a [`CalendarError::Input`] whose problems
    /// name where.
    ///
    /// # Example
    /// ```
    /// let json = ptsp::Calendar::indonesia().to_json();
    /// let again = ptsp::Calendar::from_json(&json)?;
    /// assert_eq!(again.def(), ptsp::Calendar::indonesia().def());
    /// let err = ptsp::Calendar::from_json("{\"id\": 3}").unwrap_err();
    /// assert_eq!(err.code(), "invalid_json");
    /// # Ok::<(), ptsp::CalendarError>(())
    /// ```
    pub fn from_json(text: &str) -> Result<Calendar> {
        let def: CalendarDef = crate::error::input::from_json(text, "")?;
        Calendar::new(def)
    }

    /// The definition as pretty JSON.
    ///
    /// # Example
    /// ```
    /// assert!(ptsp::Calendar::indonesia().to_json().contains("\"weekmask\": \"1111100\""));
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(&self.def).expect("calendar definitions always serialize")
    }

    /// The definition this calendar was built from.
    ///
    /// # Example
    /// ```
    /// assert_eq!(ptsp::Calendar::indonesia().def().id, "id-national");
    /// ```
    pub fn def(&self) -> &CalendarDef {
        &self.def
    }

    /// The office's UTC offset.
    ///
    /// # Example
    /// ```
    /// assert_eq!(ptsp::Calendar::indonesia().utc_offset().local_minus_utc(), 7 * 3600);
    /// ```
    pub fn utc_offset(&self) -> FixedOffset {
        self.offset
    }

    /// The covered years: those every coverage-claiming layer knows.
    ///
    /// # Example
    /// ```
    /// let c = ptsp::Calendar::indonesia().coverage();
    /// assert!(c.first <= 2023 && c.last >= 2026);
    /// ```
    pub fn coverage(&self) -> YearSpan {
        YearSpan {
            first: self.first_year,
            last: self.last_year,
        }
    }

    /// The status of every year in coverage, and the notes of each layer.
    ///
    /// # Example
    /// ```
    /// let cal = ptsp::Calendar::indonesia();
    /// let y = cal.year_status(2024).unwrap();
    /// assert_eq!(y, ptsp::YearStatus::Decreed);
    /// assert!(cal.year_status(1999).is_none());
    /// ```
    pub fn year_status(&self, year: i32) -> Option<YearStatus> {
        if year < self.first_year || year > self.last_year {
            return None;
        }
        let mut status = YearStatus::Decreed;
        for layer in &self.def.layers {
            if let Some(y) = layer.years.iter().find(|y| y.year == year)
                && y.status == YearStatus::Provisional
            {
                status = YearStatus::Provisional;
            }
        }
        Some(status)
    }

    fn out_of_coverage(&self, d: i64) -> CalendarError {
        CalendarError::OutOfCoverage {
            day: to_date(d).unwrap_or(NaiveDate::MIN),
            first_year: self.first_year,
            last_year: self.last_year,
        }
    }

    /// Strict mode: the first uncovered day the operation needed.
    #[inline(always)]
    fn guard(&self, mode: Mode, span: &Span) -> Result<()> {
        if mode == Mode::Assume {
            return Ok(());
        }
        let (start, end) = (self.index.start, self.index.end);
        if span.origin < start || span.origin >= end {
            return Err(self.out_of_coverage(span.origin));
        }
        if span.lo < start {
            return Err(self.out_of_coverage(start - 1));
        }
        if span.hi >= end {
            return Err(self.out_of_coverage(end));
        }
        Ok(())
    }

    fn assumed(&self, span: &Span) -> Result<Vec<YearSpan>> {
        let mut out = Vec::new();
        let (lo, hi) = (to_date(span.lo)?.year(), to_date(span.hi)?.year());
        if lo < self.first_year {
            out.push(YearSpan {
                first: lo,
                last: hi.min(self.first_year - 1),
            });
        }
        if hi > self.last_year {
            out.push(YearSpan {
                first: lo.max(self.last_year + 1),
                last: hi,
            });
        }
        Ok(out)
    }

    #[inline]
    fn working_in(&self, d: NaiveDate, mode: Mode) -> Result<(bool, Span)> {
        let dn = day_number(d);
        let span = Span::new(dn, dn, dn);
        self.guard(mode, &span)?;
        Ok((self.index.is_working(dn), span))
    }

    /// Whether `d` is a working day: a weekmask day or extra working day,
    /// and not a day off of a non-working kind.
    ///
    /// # Example
    /// ```
    /// let cal = ptsp::Calendar::indonesia();
    /// assert!(cal.is_working_day("2026-12-23".parse()?)?);
    /// assert!(!cal.is_working_day("2026-12-24".parse()?)?); // cuti bersama Natal
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[inline(always)]
    pub fn is_working_day(&self, d: NaiveDate) -> Result<bool> {
        let dn = day_number(d);
        if dn >= self.index.start && dn < self.index.end {
            // The common case, kept apart from the error's construction.
            return Ok(self.index.is_working(dn));
        }
        self.working_in(d, Mode::Strict).map(|r| r.0)
    }

    fn step_in(&self, d: NaiveDate, forward: bool, mode: Mode) -> Result<(NaiveDate, Span)> {
        let dn = day_number(d);
        let k = if forward {
            self.index.rank(dn + 1)
        } else {
            self.index.rank(dn) - 1
        };
        let r = self
            .index
            .nth(k)
            .ok_or_else(|| range_err(phrase::RESULT_DATE, k))?;
        let span = Span::new(dn, dn, r);
        self.guard(mode, &span)?;
        Ok((to_date(r)?, span))
    }

    /// The first working day strictly after `d`.
    ///
    /// # Example
    /// ```
    /// let cal = ptsp::Calendar::indonesia();
    /// // Friday 2026-12-23 → the next working day skips cuti bersama (24th),
    /// // Natal (25th) and the weekend.
    /// assert_eq!(cal.next_working_day("2026-12-23".parse()?)?.to_string(), "2026-12-28");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn next_working_day(&self, d: NaiveDate) -> Result<NaiveDate> {
        self.step_in(d, true, Mode::Strict).map(|r| r.0)
    }

    /// The last working day strictly before `d`.
    ///
    /// # Example
    /// ```
    /// let cal = ptsp::Calendar::indonesia();
    /// assert_eq!(cal.previous_working_day("2026-12-28".parse()?)?.to_string(), "2026-12-23");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn previous_working_day(&self, d: NaiveDate) -> Result<NaiveDate> {
        self.step_in(d, false, Mode::Strict).map(|r| r.0)
    }

    /// Rank of the result of adding `n` working days to day `dn`.
    #[inline]
    fn add_rank(&self, dn: i64, n: i64, mode: Mode) -> Result<i64> {
        if mode == Mode::Strict && (dn < self.index.start || dn >= self.index.end) {
            return Err(self.out_of_coverage(dn));
        }
        let base = if n >= 0 || self.index.is_working(dn) {
            self.index.rank(dn)
        } else {
            self.index.rank(dn) - 1
        };
        base.checked_add(n)
            .ok_or_else(|| range_err(phrase::COUNT, n))
    }

    #[inline]
    fn add_dn(&self, dn: i64, n: i64, mode: Mode) -> Result<(i64, Span)> {
        let k = self.add_rank(dn, n, mode)?;
        let r = self
            .index
            .nth(k)
            .ok_or_else(|| range_err(phrase::COUNT, n))?;
        let span = Span::new(dn, dn, r);
        self.guard(mode, &span)?;
        Ok((r, span))
    }

    #[inline]
    fn add_in(&self, d: NaiveDate, n: i64, mode: Mode) -> Result<(NaiveDate, Span)> {
        let dn = day_number(d);
        let k = self.add_rank(dn, n, mode)?;
        if let Some((r, date)) = self.index.table_day(k) {
            // Inside coverage: no guard needed, no conversion.
            return Ok((date, Span::new(dn, dn, r)));
        }
        let (r, span) = self.add_dn(dn, n, mode)?;
        Ok((to_date(r)?, span))
    }

    /// Adds `n` working days to `d`. For `n ≥ 0` a non-working `d` first
    /// rolls forward to the next working day, for `n < 0` backward to the
    /// previous one — exactly `numpy.busday_offset(d, n, roll="forward")`
    /// and `roll="backward"` with the same weekmask and holidays.
    ///
    /// # Example
    /// ```
    /// let cal = ptsp::Calendar::indonesia();
    /// let d = "2026-12-23".parse()?;
    /// assert_eq!(cal.add_working_days(d, 3)?.to_string(), "2026-12-30");
    /// assert_eq!(cal.add_working_days(d, -1)?.to_string(), "2026-12-22");
    /// // Saturday, n = 0: rolls forward to Monday.
    /// assert_eq!(cal.add_working_days("2026-12-26".parse()?, 0)?.to_string(), "2026-12-28");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[inline]
    pub fn add_working_days(&self, d: NaiveDate, n: i64) -> Result<NaiveDate> {
        self.add_in(d, n, Mode::Strict).map(|r| r.0)
    }

    #[inline]
    fn between_dn(&self, an: i64, bn: i64, mode: Mode) -> Result<(i64, Span)> {
        // numpy ≥ 1.25: [a, b) when a ≤ b, and minus the count of (b, a]
        // when b < a — the same as shifting both ends one day later.
        let (a, b) = if bn < an { (an + 1, bn + 1) } else { (an, bn) };
        let span = Span::new(an, a.min(b), (a.max(b) - 1).max(a.min(b)));
        self.guard(mode, &span)?;
        Ok((self.index.rank(b) - self.index.rank(a), span))
    }

    fn between_in(&self, a: NaiveDate, b: NaiveDate, mode: Mode) -> Result<(i64, Span)> {
        self.between_dn(day_number(a), day_number(b), mode)
    }

    /// The number of working days in `[a, b)`; when `b < a`, minus the
    /// number in `(b, a]` — exactly `numpy.busday_count(a, b)` (numpy ≥ 1.25;
    /// older numpy counted `[b, a)`).
    ///
    /// # Example
    /// ```
    /// let cal = ptsp::Calendar::indonesia();
    /// let (sun, mon) = ("2024-01-07".parse()?, "2024-01-08".parse()?);
    /// assert_eq!(cal.working_days_between(sun, mon)?, 0); // [Sun, Mon)
    /// assert_eq!(cal.working_days_between(mon, sun)?, -1); // (Sun, Mon]
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[inline]
    pub fn working_days_between(&self, a: NaiveDate, b: NaiveDate) -> Result<i64> {
        self.between_in(a, b, Mode::Strict).map(|r| r.0)
    }

    /// [`Calendar::add_working_days`] over many dates at once, in numpy's
    /// representation: days since 1970-01-01 (`datetime64[D]` as `int64`),
    /// with `n` either one count for all or one per date. The first failing
    /// element fails the whole call ([`CalendarError::InBatch`] names it)
    /// and nothing is returned; `NAT` (numpy's not-a-time) is refused.
    ///
    /// # Example
    /// ```
    /// let cal = ptsp::Calendar::indonesia();
    /// let days = [20_446, 20_451]; // 2025-12-24, 2025-12-29
    /// let out = cal.add_working_days_batch(&days, &[1])?;
    /// assert_eq!(out, [20_451, 20_452]); // 2025-12-25/26 are days off
    /// # Ok::<(), ptsp::CalendarError>(())
    /// ```
    pub fn add_working_days_batch(&self, days: &[i64], n: &[i64]) -> Result<Vec<i64>> {
        check_shape(days.len(), n.len())?;
        let mut out = Vec::with_capacity(days.len());
        for (i, &d) in days.iter().enumerate() {
            let k = if n.len() == 1 { n[0] } else { n[i] };
            let r = match self.add_in_table(d, k) {
                Some(r) => r,
                None => self.add_batch_item(i, d, k)?,
            };
            out.push(r - UNIX_EPOCH_DAY);
        }
        Ok(out)
    }

    /// The batch's common case: `d` (days since 1970-01-01) and the result
    /// both inside the covered table. `None` sends the element to
    /// [`Calendar::add_batch_item`] for its result or its error.
    #[inline]
    fn add_in_table(&self, d: i64, n: i64) -> Option<i64> {
        let dn = d.checked_add(UNIX_EPOCH_DAY)?;
        if dn < self.index.start || dn >= self.index.end {
            return None;
        }
        let base = if n >= 0 || self.index.is_working(dn) {
            self.index.rank(dn)
        } else {
            self.index.rank(dn) - 1
        };
        self.index.table_day(base.checked_add(n)?).map(|(r, _)| r)
    }

    /// One batch element by the general path (outside the table, or an
    /// error), out of line.
    #[cold]
    #[inline(never)]
    fn add_batch_item(&self, i: usize, d: i64, n: i64) -> Result<i64> {
        epoch_to_dn(d)
            .and_then(|dn| self.add_dn(dn, n, Mode::Strict))
            .map(|r| r.0)
            .map_err(|e| in_batch(i, e))
    }

    /// [`Calendar::working_days_between`] over many pairs at once (days
    /// since 1970-01-01; either side may be a single value broadcast to the
    /// other's length). Errors as in [`Calendar::add_working_days_batch`].
    ///
    /// # Example
    /// ```
    /// let cal = ptsp::Calendar::indonesia();
    /// let out = cal.working_days_between_batch(&[20_446], &[20_453, 20_439])?;
    /// assert_eq!(out, [3, -5]);
    /// # Ok::<(), ptsp::CalendarError>(())
    /// ```
    pub fn working_days_between_batch(&self, a: &[i64], b: &[i64]) -> Result<Vec<i64>> {
        let len = match (a.len(), b.len()) {
            (1, n) | (n, 1) => n,
            (x, y) if x == y => x,
            (x, y) => return Err(CalendarError::ShapeMismatch { len: x, other: y }),
        };
        let mut out = Vec::with_capacity(len);
        for i in 0..len {
            let x = if a.len() == 1 { a[0] } else { a[i] };
            let y = if b.len() == 1 { b[0] } else { b[i] };
            let r = epoch_to_dn(x)
                .and_then(|an| Ok((an, epoch_to_dn(y)?)))
                .and_then(|(an, bn)| self.between_dn(an, bn, Mode::Strict))
                .map_err(|e| in_batch(i, e))?;
            out.push(r.0);
        }
        Ok(out)
    }

    fn holiday_info(&self, li: usize, hi: usize) -> HolidayInfo {
        let layer = &self.def.layers[li];
        let h = &layer.holidays[hi];
        HolidayInfo {
            date: h.date,
            name: h.name.clone(),
            name_en: h.name_en.clone(),
            kind: h.kind,
            layer: layer.id.clone(),
            source: layer.source(&h.source).cloned().unwrap_or_else(|| Source {
                id: h.source.clone(),
                title: h.source.clone(),
                numbers: Vec::new(),
                signed: None,
                amends: None,
                note: None,
            }),
            non_working: self.def.non_working_kinds.contains(&h.kind),
        }
    }

    /// The holiday entries of day number `d`.
    fn holidays_on(&self, d: i64) -> Vec<HolidayInfo> {
        self.by_day
            .get(&d)
            .map(|v| v.iter().map(|&(l, h)| self.holiday_info(l, h)).collect())
            .unwrap_or_default()
    }

    /// Every holiday entry of `year`, in date order, with its decree.
    ///
    /// # Example
    /// ```
    /// let cal = ptsp::Calendar::indonesia();
    /// let h = cal.holidays(2024)?;
    /// assert!(h.iter().any(|h| h.date.to_string() == "2024-02-14")); // election day
    /// assert_eq!(cal.holidays(2040).unwrap_err().code(), "out_of_coverage");
    /// # Ok::<(), ptsp::CalendarError>(())
    /// ```
    pub fn holidays(&self, year: i32) -> Result<Vec<HolidayInfo>> {
        if year < self.first_year || year > self.last_year {
            let day = NaiveDate::from_ymd_opt(year, 1, 1)
                .map(day_number)
                .ok_or_else(|| range_err(phrase::YEAR, year))?;
            return Err(self.out_of_coverage(day));
        }
        let from = day_number(NaiveDate::from_ymd_opt(year, 1, 1).expect("covered year"));
        let to = day_number(NaiveDate::from_ymd_opt(year + 1, 1, 1).expect("covered year"));
        Ok(self
            .by_day
            .range(from..to)
            .flat_map(|(_, v)| v.iter().map(|&(l, h)| self.holiday_info(l, h)))
            .collect())
    }

    fn intervals(&self) -> Result<&[Vec<(u32, u32)>; 7]> {
        self.hours
            .as_ref()
            .ok_or_else(|| CalendarError::NoOfficeHours {
                calendar: self.def.id.clone(),
            })
    }

    /// Local day number and seconds after midnight of an instant, or
    /// `out_of_range` when the office's local time of the instant is beyond
    /// the dates chrono represents (an instant at the very edge of its range
    /// seen from another offset).
    fn local(&self, at: DateTime<FixedOffset>) -> Result<(i64, u32, DateTime<FixedOffset>)> {
        let naive = at
            .naive_utc()
            .checked_add_offset(self.offset)
            .ok_or_else(|| range_err(phrase::INSTANT, format!("{} UTC", at.naive_utc())))?;
        Ok((
            day_number(naive.date()),
            naive.time().num_seconds_from_midnight(),
            at.with_timezone(&self.offset),
        ))
    }

    /// The instant at `secs` after midnight of day `d`, in the office's offset.
    fn instant(&self, d: i64, secs: u32) -> Result<DateTime<FixedOffset>> {
        let (d, secs) = if secs >= 86_400 {
            (d + 1, secs - 86_400)
        } else {
            (d, secs)
        };
        let time = NaiveTime::from_num_seconds_from_midnight_opt(secs, 0)
            .ok_or_else(|| range_err(phrase::TIME, secs))?;
        self.offset
            .from_local_datetime(&to_date(d)?.and_time(time))
            .single()
            .ok_or_else(|| range_err(phrase::INSTANT, d))
    }

    /// Working seconds of day `d` before `secs` after midnight.
    fn worked_before(&self, iv: &[Vec<(u32, u32)>; 7], d: i64, secs: u32) -> i64 {
        if !self.index.is_working(d) {
            return 0;
        }
        iv[index::weekday(d)]
            .iter()
            .map(|&(a, b)| i64::from(secs.clamp(a, b) - a))
            .sum()
    }

    fn position(&self, iv: &[Vec<(u32, u32)>; 7], d: i64, secs: u32) -> i64 {
        self.index.secs(d) + self.worked_before(iv, d, secs)
    }

    fn add_time_in(
        &self,
        at: DateTime<FixedOffset>,
        dur: Duration,
        mode: Mode,
    ) -> Result<(DateTime<FixedOffset>, Span)> {
        let iv = self.intervals()?;
        let (dn, secs, local) = self.local(at)?;
        let seconds = dur.num_seconds();
        if seconds < 0 {
            return Err(CalendarError::NegativeDuration { seconds });
        }
        if seconds == 0 {
            let span = Span::new(dn, dn, dn);
            self.guard(mode, &span)?;
            return Ok((local, span));
        }
        let x = self
            .position(iv, dn, secs)
            .checked_add(seconds)
            .ok_or_else(|| range_err(phrase::DURATION, seconds))?;
        let day = self
            .index
            .day_at_secs(x)
            .ok_or_else(|| range_err(phrase::DURATION, seconds))?;
        let span = Span::new(dn, dn, day);
        self.guard(mode, &span)?;
        let mut rest = x - self.index.secs(day);
        let mut time = 0;
        for &(a, b) in &iv[index::weekday(day)] {
            let len = i64::from(b - a);
            if rest <= len {
                time = a + rest as u32;
                break;
            }
            rest -= len;
        }
        Ok((self.instant(day, time)?, span))
    }

    /// Adds a working duration to an instant: only time inside office
    /// hours, outside breaks, on working days counts. The result is in the
    /// office's UTC offset; landing exactly on a closing time or break start
    /// gives that instant, not the next opening. Sub-second parts are dropped.
    ///
    /// # Example
    /// ```
    /// use chrono::Duration;
    /// let cal = ptsp::Calendar::jatim();
    /// let at = ptsp::calendar::parse_instant("2026-12-23T15:00:00+07:00")?;
    /// // One hour left on Wednesday; Thursday and Friday are days off; Monday 07:30 + 2 h.
    /// let end = cal.add_working_time(at, Duration::hours(3))?;
    /// assert_eq!(end.to_rfc3339(), "2026-12-28T09:30:00+07:00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add_working_time(
        &self,
        at: DateTime<FixedOffset>,
        dur: Duration,
    ) -> Result<DateTime<FixedOffset>> {
        self.add_time_in(at, dur, Mode::Strict).map(|r| r.0)
    }

    fn time_between_in(
        &self,
        a: DateTime<FixedOffset>,
        b: DateTime<FixedOffset>,
        mode: Mode,
    ) -> Result<(Duration, Span)> {
        let iv = self.intervals()?;
        let (an, asec, _) = self.local(a)?;
        let (bn, bsec, _) = self.local(b)?;
        let span = Span::new(an, an, bn);
        self.guard(mode, &span)?;
        let secs = self.position(iv, bn, bsec) - self.position(iv, an, asec);
        Ok((Duration::seconds(secs), span))
    }

    /// Working time between two instants (negative when `b` is before
    /// `a`), counting only office hours outside breaks on working days.
    ///
    /// # Example
    /// ```
    /// let cal = ptsp::Calendar::jatim();
    /// let a = ptsp::calendar::parse_instant("2026-12-23T15:00:00+07:00")?;
    /// let b = ptsp::calendar::parse_instant("2026-12-28T09:30:00+07:00")?;
    /// assert_eq!(cal.working_time_between(a, b)?.num_minutes(), 180);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn working_time_between(
        &self,
        a: DateTime<FixedOffset>,
        b: DateTime<FixedOffset>,
    ) -> Result<Duration> {
        self.time_between_in(a, b, Mode::Strict).map(|r| r.0)
    }

    /// Opts in to treating days outside coverage as weekends-only days
    /// (weekmask, no holidays). Every result says which years were assumed.
    ///
    /// # Example
    /// ```
    /// let cal = ptsp::Calendar::indonesia();
    /// let e = cal.assuming_weekends_only().working_days_between("2030-12-30".parse()?, "2031-01-06".parse()?)?;
    /// assert_eq!(e.value, 5);
    /// assert!(e.is_assumed());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn assuming_weekends_only(&self) -> Assuming<'_> {
        Assuming { cal: self }
    }
}

/// numpy's not-a-time in `datetime64` arrays viewed as `int64`.
pub const NAT: i64 = i64::MIN;

/// Day number (as [`Datelike::num_days_from_ce`]) of 1970-01-01.
const UNIX_EPOCH_DAY: i64 = 719_163;

#[inline]
fn epoch_to_dn(d: i64) -> Result<i64> {
    if d == NAT {
        return Err(nat_err());
    }
    let dn = d
        .checked_add(UNIX_EPOCH_DAY)
        .ok_or_else(|| range_err(phrase::DATE, d))?;
    let (lo, hi) = (day_number(NaiveDate::MIN), day_number(NaiveDate::MAX));
    if dn < lo || dn > hi {
        return Err(range_err(
            phrase::DATE,
            format!("{d} days after 1970-01-01"),
        ));
    }
    Ok(dn)
}

fn check_shape(len: usize, other: usize) -> Result<()> {
    if other == len || other == 1 {
        Ok(())
    } else {
        Err(CalendarError::ShapeMismatch { len, other })
    }
}

#[cold]
#[inline(never)]
fn nat_err() -> CalendarError {
    CalendarError::InvalidValue {
        what: phrase::DATE,
        value: "NaT".to_owned(),
        expected: phrase::NOT_NAT,
    }
}

#[cold]
#[inline(never)]
fn in_batch(index: usize, error: CalendarError) -> CalendarError {
    CalendarError::InBatch {
        index,
        error: Box::new(error),
    }
}

#[cold]
#[inline(never)]
fn range_err(what: phrase::Phrase, value: impl std::fmt::Display) -> CalendarError {
    CalendarError::OutOfRange {
        what,
        value: value.to_string(),
    }
}

/// A view of a [`Calendar`] that treats uncovered years as weekends-only;
/// made by [`Calendar::assuming_weekends_only`]. Its operations mirror the
/// calendar's and return an [`Estimate`].
///
/// # Example
/// ```
/// let cal = ptsp::Calendar::indonesia();
/// let view = cal.assuming_weekends_only();
/// let e = view.next_working_day("2022-12-30".parse()?)?;
/// assert_eq!(e.value.to_string(), "2023-01-02");
/// assert_eq!(e.assumed, vec![ptsp::YearSpan { first: 2022, last: 2022 }]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Assuming<'a> {
    cal: &'a Calendar,
}

impl Assuming<'_> {
    fn wrap<T>(&self, r: Result<(T, Span)>) -> Result<Estimate<T>> {
        let (value, span) = r?;
        Ok(Estimate {
            value,
            assumed: self.cal.assumed(&span)?,
        })
    }

    /// See [`Calendar::is_working_day`].
    ///
    /// # Example
    /// ```
    /// let cal = ptsp::Calendar::indonesia();
    /// assert!(cal.assuming_weekends_only().is_working_day("2040-01-02".parse()?)?.value);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_working_day(&self, d: NaiveDate) -> Result<Estimate<bool>> {
        self.wrap(self.cal.working_in(d, Mode::Assume))
    }

    /// See [`Calendar::next_working_day`].
    ///
    /// # Example
    /// ```
    /// let cal = ptsp::Calendar::indonesia();
    /// assert_eq!(cal.assuming_weekends_only().next_working_day("2040-01-06".parse()?)?.value.to_string(), "2040-01-09");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn next_working_day(&self, d: NaiveDate) -> Result<Estimate<NaiveDate>> {
        self.wrap(self.cal.step_in(d, true, Mode::Assume))
    }

    /// See [`Calendar::previous_working_day`].
    ///
    /// # Example
    /// ```
    /// let cal = ptsp::Calendar::indonesia();
    /// assert_eq!(cal.assuming_weekends_only().previous_working_day("2040-01-09".parse()?)?.value.to_string(), "2040-01-06");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn previous_working_day(&self, d: NaiveDate) -> Result<Estimate<NaiveDate>> {
        self.wrap(self.cal.step_in(d, false, Mode::Assume))
    }

    /// See [`Calendar::add_working_days`].
    ///
    /// # Example
    /// ```
    /// let cal = ptsp::Calendar::indonesia();
    /// let e = cal.assuming_weekends_only().add_working_days("2024-01-02".parse()?, 10)?;
    /// assert!(!e.is_assumed()); // stayed inside coverage
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add_working_days(&self, d: NaiveDate, n: i64) -> Result<Estimate<NaiveDate>> {
        self.wrap(self.cal.add_in(d, n, Mode::Assume))
    }

    /// See [`Calendar::working_days_between`].
    ///
    /// # Example
    /// ```
    /// let cal = ptsp::Calendar::indonesia();
    /// let e = cal.assuming_weekends_only().working_days_between("2040-01-02".parse()?, "2040-01-09".parse()?)?;
    /// assert_eq!(e.value, 5);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn working_days_between(&self, a: NaiveDate, b: NaiveDate) -> Result<Estimate<i64>> {
        self.wrap(self.cal.between_in(a, b, Mode::Assume))
    }

    /// See [`Calendar::add_working_time`].
    ///
    /// # Example
    /// ```
    /// let cal = ptsp::Calendar::jatim();
    /// let at = ptsp::calendar::parse_instant("2040-01-06T10:00:00+07:00")?; // a Friday
    /// let e = cal.assuming_weekends_only().add_working_time(at, chrono::Duration::hours(7))?;
    /// assert_eq!(e.value.to_rfc3339(), "2040-01-09T08:00:00+07:00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add_working_time(
        &self,
        at: DateTime<FixedOffset>,
        dur: Duration,
    ) -> Result<Estimate<DateTime<FixedOffset>>> {
        self.wrap(self.cal.add_time_in(at, dur, Mode::Assume))
    }

    /// See [`Calendar::working_time_between`].
    ///
    /// # Example
    /// ```
    /// let cal = ptsp::Calendar::jatim();
    /// let a = ptsp::calendar::parse_instant("2040-01-06T16:00:00+07:00")?;
    /// let b = ptsp::calendar::parse_instant("2040-01-09T08:00:00+07:00")?;
    /// assert_eq!(cal.assuming_weekends_only().working_time_between(a, b)?.value.num_minutes(), 60);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn working_time_between(
        &self,
        a: DateTime<FixedOffset>,
        b: DateTime<FixedOffset>,
    ) -> Result<Estimate<Duration>> {
        self.wrap(self.cal.time_between_in(a, b, Mode::Assume))
    }

    /// See [`Calendar::deadline`].
    ///
    /// # Example
    /// ```
    /// let cal = ptsp::Calendar::jatim();
    /// let at = ptsp::calendar::parse_instant("2040-01-06T10:00:00+07:00")?;
    /// let e = cal.assuming_weekends_only().deadline(at, 3, &Default::default())?;
    /// assert_eq!(e.value.due_date.to_string(), "2040-01-11");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn deadline(
        &self,
        received: DateTime<FixedOffset>,
        n: i64,
        policy: &DeadlinePolicy,
    ) -> Result<Estimate<Deadline>> {
        self.wrap(self.cal.deadline_in(received, n, policy, Mode::Assume))
    }

    /// See [`Calendar::explain_deadline`].
    ///
    /// # Example
    /// ```
    /// let cal = ptsp::Calendar::jatim();
    /// let at = ptsp::calendar::parse_instant("2040-01-06T10:00:00+07:00")?;
    /// let e = cal.assuming_weekends_only().explain_deadline(at, 3, &Default::default())?;
    /// assert!(e.value.days.iter().any(|d| d.reason == Some(ptsp::SkipReason::AssumedWeekend)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn explain_deadline(
        &self,
        received: DateTime<FixedOffset>,
        n: i64,
        policy: &DeadlinePolicy,
    ) -> Result<Estimate<Explanation>> {
        self.wrap(self.cal.explain_in(received, n, policy, Mode::Assume))
    }
}
