//! Office hours: opening time, closing time and breaks per weekday.

use crate::error::Code;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::CalendarError;
use crate::error::Problem;
use crate::error::phrase;

/// A time of day on the office's clock, with one-second precision, written
/// `HH:MM` or `HH:MM:SS` (24-hour). `24:00` is allowed as a closing time.
///
/// # Example
/// ```
/// use ptsp::ClockTime;
/// let t: ClockTime = "07:30".parse()?;
/// assert_eq!(t.seconds(), 7 * 3600 + 30 * 60);
/// assert_eq!(t.to_string(), "07:30");
/// # Ok::<(), ptsp::CalendarError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClockTime(u32);

impl ClockTime {
    /// A clock time from seconds after midnight (at most 86 400).
    ///
    /// # Example
    /// ```
    /// assert_eq!(ptsp::ClockTime::from_seconds(3600).unwrap().to_string(), "01:00");
    /// assert!(ptsp::ClockTime::from_seconds(90_000).is_none());
    /// ```
    pub fn from_seconds(seconds: u32) -> Option<ClockTime> {
        (seconds <= 86_400).then_some(ClockTime(seconds))
    }

    /// Seconds after midnight.
    ///
    /// # Example
    /// ```
    /// assert_eq!("00:01:05".parse::<ptsp::ClockTime>().unwrap().seconds(), 65);
    /// ```
    pub fn seconds(self) -> u32 {
        self.0
    }
}

impl FromStr for ClockTime {
    type Err = CalendarError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || CalendarError::InvalidValue {
            what: phrase::TIME,
            value: s.to_owned(),
            expected: phrase::CLOCK_TIME,
        };
        let parts: Vec<&str> = s.split(':').collect();
        if !(2..=3).contains(&parts.len())
            || parts
                .iter()
                .any(|p| p.len() != 2 || !p.bytes().all(|b| b.is_ascii_digit()))
        {
            return Err(bad());
        }
        let num = |p: &str| p.parse::<u32>().map_err(|_| bad());
        let (h, m) = (num(parts[0])?, num(parts[1])?);
        let sec = if parts.len() == 3 { num(parts[2])? } else { 0 };
        if m > 59 || sec > 59 || h > 24 || (h == 24 && (m, sec) != (0, 0)) {
            return Err(bad());
        }
        Ok(ClockTime(h * 3600 + m * 60 + sec))
    }
}

impl fmt::Display for ClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (h, m, s) = (self.0 / 3600, self.0 / 60 % 60, self.0 % 60);
        if s == 0 {
            write!(f, "{h:02}:{m:02}")
        } else {
            write!(f, "{h:02}:{m:02}:{s:02}")
        }
    }
}

impl Serialize for ClockTime {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ClockTime {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A break inside a working day (e.g. midday rest and prayer).
///
/// # Example
/// ```
/// let b: ptsp::Break = serde_json::from_str(r#"{"start": "12:00", "end": "13:00"}"#)?;
/// assert_eq!(b.end.seconds() - b.start.seconds(), 3600);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Break {
    /// When the break starts.
    pub start: ClockTime,
    /// When the break ends.
    pub end: ClockTime,
}

/// The hours of one weekday: open, close and the breaks between.
///
/// # Example
/// ```
/// let d: ptsp::DayHours = serde_json::from_str(
///     r#"{"open": "07:30", "close": "16:00", "breaks": [{"start": "12:00", "end": "13:00"}]}"#,
/// )?;
/// assert_eq!(d.working_seconds(), 7 * 3600 + 30 * 60);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DayHours {
    /// Opening time.
    pub open: ClockTime,
    /// Closing time.
    pub close: ClockTime,
    /// Breaks, each inside `open..close`, not overlapping.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub breaks: Vec<Break>,
}

impl DayHours {
    /// Working intervals in seconds after midnight, in order. Assumes the
    /// hours were validated.
    pub(crate) fn intervals(&self) -> Vec<(u32, u32)> {
        let mut breaks: Vec<&Break> = self.breaks.iter().collect();
        breaks.sort_by_key(|b| b.start);
        let mut out = Vec::with_capacity(breaks.len() + 1);
        let mut from = self.open.0;
        for b in breaks {
            if b.start.0 > from {
                out.push((from, b.start.0));
            }
            from = from.max(b.end.0);
        }
        if self.close.0 > from {
            out.push((from, self.close.0));
        }
        out
    }

    /// Working seconds in the day: open to close, less the breaks.
    ///
    /// # Example
    /// ```
    /// let d = ptsp::DayHours { open: "08:00".parse()?, close: "09:00".parse()?, breaks: vec![] };
    /// assert_eq!(d.working_seconds(), 3600);
    /// # Ok::<(), ptsp::CalendarError>(())
    /// ```
    pub fn working_seconds(&self) -> i64 {
        self.intervals().iter().map(|(a, b)| i64::from(b - a)).sum()
    }

    fn validate(&self, path: &str, out: &mut Vec<Problem>) {
        if self.open >= self.close {
            out.push(Problem::new(
                format!("{path}.close"),
                Code::InvalidOfficeHours,
                format!(
                    "closing time {} is not after opening time {}",
                    self.close, self.open
                ),
                format!(
                    "jam tutup {} tidak setelah jam buka {}",
                    self.close, self.open
                ),
            ));
            return;
        }
        let mut sorted: Vec<(usize, &Break)> = self.breaks.iter().enumerate().collect();
        sorted.sort_by_key(|(_, b)| b.start);
        let mut prev_end: Option<(usize, ClockTime)> = None;
        for (i, b) in sorted {
            let bpath = format!("{path}.breaks[{i}]");
            if b.start >= b.end {
                out.push(Problem::new(
                    bpath,
                    Code::InvalidBreak,
                    format!("break end {} is not after its start {}", b.end, b.start),
                    format!(
                        "akhir istirahat {} tidak setelah awalnya {}",
                        b.end, b.start
                    ),
                ));
                continue;
            }
            if b.start < self.open || b.end > self.close {
                out.push(Problem::new(
                    bpath.clone(),
                    Code::InvalidBreak,
                    format!(
                        "break {}–{} is not inside office hours {}–{}",
                        b.start, b.end, self.open, self.close
                    ),
                    format!(
                        "istirahat {}–{} tidak berada di dalam jam kerja {}–{}",
                        b.start, b.end, self.open, self.close
                    ),
                ));
            }
            if let Some((j, end)) = prev_end
                && b.start < end
            {
                out.push(Problem::new(
                    bpath,
                    Code::OverlappingBreaks,
                    format!("break {}–{} overlaps break [{j}]", b.start, b.end),
                    format!(
                        "istirahat {}–{} tumpang tindih dengan istirahat [{j}]",
                        b.start, b.end
                    ),
                ));
            }
            if prev_end.is_none_or(|(_, e)| b.end > e) {
                prev_end = Some((i, b.end));
            }
        }
        if out.iter().all(|p| !p.path.starts_with(path)) && self.working_seconds() == 0 {
            out.push(Problem::new(
                path,
                Code::InvalidOfficeHours,
                "breaks leave no working time in the day",
                "istirahat menghabiskan seluruh jam kerja hari itu",
            ));
        }
    }
}

/// Office hours for each weekday; a weekday without hours is closed.
///
/// # Example
/// ```
/// let h: ptsp::OfficeHours = serde_json::from_str(r#"{
///     "mon": {"open": "07:30", "close": "16:00"},
///     "fri": {"open": "07:30", "close": "16:30"}
/// }"#)?;
/// assert!(h.day(chrono::Weekday::Tue).is_none());
/// assert_eq!(h.day(chrono::Weekday::Fri).unwrap().close.to_string(), "16:30");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct OfficeHours {
    /// Monday.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mon: Option<DayHours>,
    /// Tuesday.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tue: Option<DayHours>,
    /// Wednesday.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wed: Option<DayHours>,
    /// Thursday.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thu: Option<DayHours>,
    /// Friday.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fri: Option<DayHours>,
    /// Saturday.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sat: Option<DayHours>,
    /// Sunday.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sun: Option<DayHours>,
    /// Where these hours come from, or why a value is missing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

pub(crate) const WEEKDAY_KEYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

impl OfficeHours {
    /// The hours of one weekday, if the office opens that day.
    ///
    /// # Example
    /// ```
    /// let h = ptsp::OfficeHours::default();
    /// assert!(h.day(chrono::Weekday::Mon).is_none());
    /// ```
    pub fn day(&self, weekday: chrono::Weekday) -> Option<&DayHours> {
        self.by_index(weekday.num_days_from_monday() as usize)
    }

    pub(crate) fn by_index(&self, i: usize) -> Option<&DayHours> {
        [
            &self.mon, &self.tue, &self.wed, &self.thu, &self.fri, &self.sat, &self.sun,
        ][i]
            .as_ref()
    }

    pub(crate) fn validate(&self, path: &str, out: &mut Vec<Problem>) {
        for (i, key) in WEEKDAY_KEYS.iter().enumerate() {
            if let Some(d) = self.by_index(i) {
                if d.breaks.len() > super::limits::MAX_BREAKS {
                    out.push(crate::error::too_many(
                        format!("{path}.{key}.breaks"),
                        d.breaks.len(),
                        super::limits::MAX_BREAKS,
                    ));
                } else {
                    d.validate(&format!("{path}.{key}"), out);
                }
            }
        }
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for ClockTime {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "ClockTime".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A time of day, HH:MM or HH:MM:SS between 00:00 and 24:00."
        })
    }
}
