use chrono::NaiveDate;

use crate::error::input::InputError;
use crate::error::phrase::Phrase;
use crate::error::{Code, Kind, Lang, Problem, PtspError, summary};

/// An error of the working-day calendar.
///
/// Every variant has a stable [code](CalendarError::code) and a message in
/// English (`Display`) and Bahasa Indonesia ([`CalendarError::message`]).
///
/// # Example
/// ```
/// use ptsp::{Calendar, CalendarError};
/// let cal = Calendar::indonesia();
/// match cal.is_working_day("2031-05-05".parse()?) {
///     Err(CalendarError::OutOfCoverage { day, .. }) => {
///         assert_eq!(day.to_string(), "2031-05-05")
///     }
///     other => panic!("expected out_of_coverage, got {other:?}"),
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
#[repr(u8)]
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
        what: Phrase,
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
        "calendar “{calendar}” has no office hours: set office_hours to use time-of-day operations"
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
    /// A JSON text or value could not be read: every problem has its path.
    #[error(transparent)]
    Input(#[from] InputError),
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
    #[error("invalid {what} “{value}”: expected {expected}")]
    InvalidValue {
        /// What kind of value (`date`, `instant`, `weekmask`, …).
        what: Phrase,
        /// The text given.
        value: String,
        /// The expected form.
        expected: Phrase,
    },
}

crate::error::inherent_methods!(CalendarError);

impl PtspError for CalendarError {
    fn code(&self) -> Code {
        match self {
            CalendarError::OutOfCoverage { .. } => Code::OutOfCoverage,
            CalendarError::OutOfRange { .. } => Code::OutOfRange,
            CalendarError::InvalidCount { .. } => Code::InvalidCount,
            CalendarError::NegativeDuration { .. } => Code::NegativeDuration,
            CalendarError::NoOfficeHours { .. } => Code::NoOfficeHours,
            CalendarError::Invalid { .. } => Code::InvalidDefinition,
            CalendarError::Input(e) => e.code(),
            CalendarError::InvalidIcal { .. } => Code::InvalidIcal,
            CalendarError::InvalidValue { .. } => Code::InvalidValue,
            CalendarError::InBatch { error, .. } => error.code(),
            CalendarError::ShapeMismatch { .. } => Code::ShapeMismatch,
        }
    }

    fn kind(&self) -> Kind {
        Kind::Calendar
    }

    fn problems(&self) -> &[Problem] {
        match self {
            CalendarError::Invalid { problems } => problems,
            CalendarError::Input(e) => e.problems(),
            CalendarError::InBatch { error, .. } => error.problems(),
            _ => &[],
        }
    }

    fn message(&self, lang: Lang) -> String {
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
                format!("{} di luar rentang: {value}", what.get(lang))
            }
            CalendarError::InvalidCount { n } => format!(
                "jumlah hari kerja {n} tidak valid: tenggat membutuhkan paling sedikit 1 hari kerja"
            ),
            CalendarError::NegativeDuration { seconds } => {
                format!("durasi kerja {seconds} detik tidak valid: harus nol atau lebih")
            }
            CalendarError::NoOfficeHours { calendar } => format!(
                "kalender “{calendar}” tidak memiliki jam kerja: isi office_hours untuk operasi berbasis jam"
            ),
            CalendarError::Invalid { problems } => format!(
                "definisi kalender tidak valid: {}",
                summary(problems, Lang::Id)
            ),
            CalendarError::Input(e) => e.message(lang),
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
                "{} “{value}” tidak valid: seharusnya {}",
                what.get(lang),
                expected.get(lang)
            ),
        }
    }
}
