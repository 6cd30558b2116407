use chrono::NaiveDate;

use crate::error::{Lang, Problem, summary};

/// An error of the working-day calendar.
///
/// Every variant has a stable [code](CalendarError::code) and a message in
/// English (`Display`) and Bahasa Indonesia ([`CalendarError::message`]).
///
/// # Example
/// ```
/// use ptsp::{Calendar, CalendarError, Error};
/// let cal = Calendar::indonesia();
/// match cal.is_working_day("2031-05-05".parse()?) {
///     Err(Error::Calendar(CalendarError::OutOfCoverage { day, .. })) => {
///         assert_eq!(day.to_string(), "2031-05-05")
///     }
///     other => panic!("expected out_of_coverage, got {other:?}"),
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CalendarError {
    /// An operation needed a day whose holidays the calendar does not know.
    #[error(
        "day {day} is outside the calendar's coverage: holidays are known for {first_year}–{last_year} only"
    )]
    OutOfCoverage {
        /// The first day the operation needed that is not covered.
        day: NaiveDate,
        /// First covered year.
        first_year: i32,
        /// Last covered year.
        last_year: i32,
    },
    /// A count, date or duration is beyond what can be represented.
    #[error("{what} is out of range: {value}")]
    OutOfRange {
        /// What was out of range (e.g. `n`, `result date`).
        what: &'static str,
        /// The offending value, as text.
        value: String,
    },
    /// A statutory deadline of fewer than one working day was asked for.
    #[error("invalid working-day count {n}: a deadline needs at least 1 working day")]
    InvalidCount {
        /// The count given.
        n: i64,
    },
    /// A working duration was negative.
    #[error("invalid working duration {seconds} s: expected zero or more")]
    NegativeDuration {
        /// The duration given, in seconds.
        seconds: i64,
    },
    /// An operation needs office hours and the calendar has none.
    #[error(
        "calendar {calendar:?} has no office hours: set office_hours to use time-of-day operations"
    )]
    NoOfficeHours {
        /// The calendar id.
        calendar: String,
    },
    /// A definition failed validation; every problem is listed.
    #[error("invalid calendar definition: {}", summary(.problems, Lang::En))]
    Invalid {
        /// All problems found, each with path, code and messages.
        problems: Vec<Problem>,
    },
    /// A JSON text could not be read.
    #[error("invalid json at line {line}, column {column}: {detail}")]
    InvalidJson {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the reader expected and found.
        detail: String,
    },
    /// An iCalendar text could not be read.
    #[error("invalid icalendar at {location}: {detail}")]
    InvalidIcal {
        /// Where: an event number and property, or the parser's position.
        location: String,
        /// What was wrong.
        detail: String,
    },
    /// Two batch inputs have lengths that cannot be broadcast together.
    #[error(
        "batch inputs do not match: {len} elements against {other}; expected equal lengths or a single value"
    )]
    ShapeMismatch {
        /// Length of the first input.
        len: usize,
        /// Length of the other input.
        other: usize,
    },
    /// One element of a batch call failed; nothing was returned.
    #[error("element {index}: {error}")]
    InBatch {
        /// Position of the failing element.
        index: usize,
        /// What went wrong there.
        error: Box<CalendarError>,
    },
    /// A text that should be a date, time or instant is not one.
    #[error("invalid {what} {value:?}: expected {expected}")]
    InvalidValue {
        /// What kind of value (`date`, `instant`, `weekmask`, …).
        what: &'static str,
        /// The text given.
        value: String,
        /// The expected form.
        expected: &'static str,
    },
}

impl CalendarError {
    /// The stable `snake_case` code of this error.
    ///
    /// # Example
    /// ```
    /// use ptsp::CalendarError;
    /// let e = CalendarError::InvalidCount { n: 0 };
    /// assert_eq!(e.code(), "invalid_count");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            CalendarError::OutOfCoverage { .. } => "out_of_coverage",
            CalendarError::OutOfRange { .. } => "out_of_range",
            CalendarError::InvalidCount { .. } => "invalid_count",
            CalendarError::NegativeDuration { .. } => "negative_duration",
            CalendarError::NoOfficeHours { .. } => "no_office_hours",
            CalendarError::Invalid { .. } => "invalid_definition",
            CalendarError::InvalidJson { .. } => "invalid_json",
            CalendarError::InvalidIcal { .. } => "invalid_ical",
            CalendarError::InvalidValue { .. } => "invalid_value",
            CalendarError::InBatch { error, .. } => error.code(),
            CalendarError::ShapeMismatch { .. } => "shape_mismatch",
        }
    }

    /// The validation problems behind this error (empty for other errors).
    ///
    /// # Example
    /// ```
    /// use ptsp::CalendarError;
    /// assert!(CalendarError::InvalidCount { n: 0 }.problems().is_empty());
    /// ```
    pub fn problems(&self) -> &[Problem] {
        match self {
            CalendarError::Invalid { problems } => problems,
            CalendarError::InBatch { error, .. } => error.problems(),
            _ => &[],
        }
    }

    /// The message in the given language.
    ///
    /// # Example
    /// ```
    /// use ptsp::{CalendarError, Lang};
    /// let e = CalendarError::InvalidCount { n: 0 };
    /// assert_eq!(
    ///     e.message(Lang::Id),
    ///     "jumlah hari kerja 0 tidak valid: tenggat membutuhkan paling sedikit 1 hari kerja"
    /// );
    /// ```
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            CalendarError::OutOfCoverage {
                day,
                first_year,
                last_year,
            } => format!(
                "tanggal {day} di luar cakupan kalender: hari libur hanya diketahui untuk tahun {first_year}–{last_year}"
            ),
            CalendarError::OutOfRange { what, value } => {
                format!("{} di luar rentang: {value}", what_id(what))
            }
            CalendarError::InvalidCount { n } => format!(
                "jumlah hari kerja {n} tidak valid: tenggat membutuhkan paling sedikit 1 hari kerja"
            ),
            CalendarError::NegativeDuration { seconds } => {
                format!("durasi kerja {seconds} detik tidak valid: harus nol atau lebih")
            }
            CalendarError::NoOfficeHours { calendar } => format!(
                "kalender {calendar:?} tidak memiliki jam kerja: isi office_hours untuk operasi berbasis jam"
            ),
            CalendarError::Invalid { problems } => format!(
                "definisi kalender tidak valid: {}",
                summary(problems, Lang::Id)
            ),
            CalendarError::InvalidJson {
                line,
                column,
                detail,
            } => crate::error::json_message_id(*line, *column, detail),
            CalendarError::InvalidIcal { location, detail } => {
                format!("icalendar tidak valid pada {location}: {detail}")
            }
            CalendarError::ShapeMismatch { len, other } => format!(
                "masukan batch tidak cocok: {len} elemen berbanding {other}; seharusnya sama panjang atau satu nilai"
            ),
            CalendarError::InBatch { index, error } => {
                format!("elemen {index}: {}", error.message(Lang::Id))
            }
            CalendarError::InvalidValue {
                what,
                value,
                expected,
            } => format!(
                "{} {value:?} tidak valid: seharusnya {}",
                what_id(what),
                expected_id(expected)
            ),
        }
    }
}

/// Indonesian names of the value kinds named in errors.
fn what_id(what: &str) -> &str {
    match what {
        "date" => "tanggal",
        "instant" => "waktu",
        "time" => "jam",
        "n" => "jumlah hari n",
        "duration" => "durasi",
        "result date" => "tanggal hasil",
        "weekmask" => "weekmask",
        "year" => "tahun",
        "explanation" => "penjelasan",
        "language" => "bahasa",
        "utc offset" => "selisih UTC",
        "holiday kind" => "jenis hari libur",
        "result instant" => "waktu hasil",
        "result duration" => "durasi hasil",
        other => other,
    }
}

/// Indonesian forms of the expected-value phrases used with
/// [`CalendarError::InvalidValue`] (by the core and by the bindings).
fn expected_id(expected: &str) -> &str {
    match expected {
        "an ISO 8601 date YYYY-MM-DD" => "tanggal ISO 8601 YYYY-MM-DD",
        "an RFC 3339 instant with offset, e.g. 2026-12-24T16:45:00+07:00" => {
            "waktu RFC 3339 dengan selisih UTC, mis. 2026-12-24T16:45:00+07:00"
        }
        "a date, not numpy's not-a-time" => "sebuah tanggal, bukan not-a-time (NaT) numpy",
        "seven 0/1 digits from Monday (\"1111100\") or day names (\"Mon Tue Wed Thu Fri\")" => {
            "tujuh angka 0/1 mulai Senin (\"1111100\") atau nama hari (\"Mon Tue Wed Thu Fri\")"
        }
        "national_holiday, cuti_bersama, regional or office_closure" => {
            "national_holiday, cuti_bersama, regional atau office_closure"
        }
        "HH:MM or HH:MM:SS between 00:00 and 24:00" => "JJ:MM atau JJ:MM:DD antara 00:00 dan 24:00",
        "\"en\" or \"id\"" => "\"en\" atau \"id\"",
        e if e.starts_with("an aware datetime") => {
            "datetime yang memiliki zona waktu (tzinfo dengan selisih UTC), mis. datetime(2026, 12, 24, 16, 45, tzinfo=timezone(timedelta(hours=7)))"
        }
        other => other,
    }
}
