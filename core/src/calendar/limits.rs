//! What a calendar definition may declare.
//!
//! A definition is data a client sends, so it is bounded before anything is
//! built from it: [`Calendar::new`](super::Calendar::new) compiles a table
//! with one entry per covered day, and a definition claiming hundreds of
//! thousands of years would make that table gigabytes large. Every value
//! below is checked by [`CalendarDef::validate`](super::CalendarDef::validate);
//! a value over its limit is one more validation problem, reported together
//! with all the others:
//!
//! | code | problem |
//! |---|---|
//! | `year_out_of_range` | a year (of a layer's `years`, a holiday or an extra working day) outside [`MIN_YEAR`]`..=`[`MAX_YEAR`] |
//! | `coverage_too_long` | the covered years span more than [`MAX_COVERAGE_YEARS`] |
//! | `too_many` | a list longer than its limit (its elements are then not examined) |
//! | `too_long` | a text longer than its limit, in characters |
//!
//! The limits are far above what an office needs (the built-in national
//! calendar has one layer of 135 holidays over 5 years) and far below what
//! would strain a server: at the limits the day table holds 200 years (about
//! 73,000 days, under 2 MB).
//!
//! # Example
//! ```
//! use ptsp::calendar::limits;
//! use ptsp::{CalendarDef, YearEntry, YearStatus};
//!
//! let mut def = CalendarDef::indonesia();
//! def.layers[0].years.push(YearEntry { year: 9999, status: YearStatus::Unknown, note: None });
//! def.name = "x".repeat(limits::MAX_NAME_CHARS + 1);
//! let codes: Vec<String> = def.validate().into_iter().map(|p| p.code.to_string()).collect();
//! assert_eq!(codes, ["too_long", "year_out_of_range"]);
//! ```

/// The first year a definition may mention (in a layer's `years`, a holiday
/// or an extra working day).
///
/// # Example
/// ```
/// assert_eq!(ptsp::calendar::limits::MIN_YEAR, 1900);
/// ```
pub const MIN_YEAR: i32 = 1900;

/// The last year a definition may mention. Together with [`MIN_YEAR`]:
/// every date a valid definition holds is written with four digits, as
/// iCalendar (`YYYYMMDD`) requires.
///
/// # Example
/// ```
/// assert_eq!(ptsp::calendar::limits::MAX_YEAR, 2200);
/// ```
pub const MAX_YEAR: i32 = 2200;

/// The most years a calendar may cover (the intersection of its layers'
/// covered years).
///
/// # Example
/// ```
/// assert_eq!(ptsp::calendar::limits::MAX_COVERAGE_YEARS, 200);
/// ```
pub const MAX_COVERAGE_YEARS: i32 = 200;

/// The most holiday layers in a calendar.
///
/// # Example
/// ```
/// assert_eq!(ptsp::calendar::limits::MAX_LAYERS, 32);
/// ```
pub const MAX_LAYERS: usize = 32;

/// The most entries in one layer's `years` (one per year of
/// [`MIN_YEAR`]`..=`[`MAX_YEAR`]).
///
/// # Example
/// ```
/// assert_eq!(ptsp::calendar::limits::MAX_YEAR_ENTRIES, 301);
/// ```
pub const MAX_YEAR_ENTRIES: usize = (MAX_YEAR - MIN_YEAR + 1) as usize;

/// The most holidays in one layer.
///
/// # Example
/// ```
/// assert_eq!(ptsp::calendar::limits::MAX_HOLIDAYS, 20_000);
/// ```
pub const MAX_HOLIDAYS: usize = 20_000;

/// The most sources (decrees) in one layer.
///
/// # Example
/// ```
/// assert_eq!(ptsp::calendar::limits::MAX_SOURCES, 1_000);
/// ```
pub const MAX_SOURCES: usize = 1_000;

/// The most decree numbers of one source.
///
/// # Example
/// ```
/// assert_eq!(ptsp::calendar::limits::MAX_NUMBERS, 16);
/// ```
pub const MAX_NUMBERS: usize = 16;

/// The most extra working days in a calendar.
///
/// # Example
/// ```
/// assert_eq!(ptsp::calendar::limits::MAX_EXTRA_WORKING_DAYS, 20_000);
/// ```
pub const MAX_EXTRA_WORKING_DAYS: usize = 20_000;

/// The most entries in `non_working_kinds` (each kind once).
///
/// # Example
/// ```
/// assert_eq!(ptsp::calendar::limits::MAX_NON_WORKING_KINDS, ptsp::HolidayKind::ALL.len());
/// ```
pub const MAX_NON_WORKING_KINDS: usize = 4;

/// The most breaks in one day's office hours.
///
/// # Example
/// ```
/// assert_eq!(ptsp::calendar::limits::MAX_BREAKS, 16);
/// ```
pub const MAX_BREAKS: usize = 16;

/// The longest identifier, in characters: of the calendar, a layer, a
/// source, and a source cited by a holiday, an amendment or an extra
/// working day.
///
/// # Example
/// ```
/// assert_eq!(ptsp::calendar::limits::MAX_ID_CHARS, 100);
/// ```
pub const MAX_ID_CHARS: usize = 100;

/// The longest name, in characters: of the calendar, a layer, a holiday
/// (either language), an extra working day, a source's title and each of
/// its decree numbers.
///
/// # Example
/// ```
/// assert_eq!(ptsp::calendar::limits::MAX_NAME_CHARS, 1_000);
/// ```
pub const MAX_NAME_CHARS: usize = 1_000;

/// The longest note, in characters (of a source, a year, the office hours).
///
/// # Example
/// ```
/// assert_eq!(ptsp::calendar::limits::MAX_NOTE_CHARS, 5_000);
/// ```
pub const MAX_NOTE_CHARS: usize = 5_000;
