//! Names and expected forms that errors speak of, each in both languages at
//! the one place it is written. Errors carry a [`Phrase`], never an English
//! string to be translated later.

use std::fmt;

use super::Lang;

/// A short text in Bahasa Indonesia and English.
///
/// # Example
/// ```
/// use ptsp::{Lang, error::phrase};
/// assert_eq!(phrase::DATE.get(Lang::Id), "tanggal");
/// assert_eq!(phrase::DATE.to_string(), "date");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Phrase {
    /// Bahasa Indonesia.
    pub id: &'static str,
    /// English.
    pub en: &'static str,
}

impl Phrase {
    /// A phrase from its two texts.
    ///
    /// # Example
    /// ```
    /// let p = ptsp::error::phrase::Phrase::new("tahun", "year");
    /// assert_eq!(p.en, "year");
    /// ```
    pub const fn new(id: &'static str, en: &'static str) -> Phrase {
        Phrase { id, en }
    }

    /// The text in the given language.
    ///
    /// # Example
    /// ```
    /// assert_eq!(ptsp::error::phrase::YEAR.get(ptsp::Lang::Id), "tahun");
    /// ```
    pub const fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Id => self.id,
            Lang::En => self.en,
        }
    }
}

/// English (the `Display` of every error is English).
impl fmt::Display for Phrase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.en)
    }
}

/// A day.
pub const DATE: Phrase = Phrase::new("tanggal", "date");
/// An instant.
pub const INSTANT: Phrase = Phrase::new("waktu", "instant");
/// A time of day.
pub const TIME: Phrase = Phrase::new("jam", "time");
/// A duration.
pub const DURATION: Phrase = Phrase::new("durasi", "duration");
/// A count of working days.
pub const COUNT: Phrase = Phrase::new("jumlah hari n", "n");
/// A date computed by an operation.
pub const RESULT_DATE: Phrase = Phrase::new("tanggal hasil", "result date");
/// An instant computed by an operation.
pub const RESULT_INSTANT: Phrase = Phrase::new("waktu hasil", "result instant");
/// A duration computed by an operation.
pub const RESULT_DURATION: Phrase = Phrase::new("durasi hasil", "result duration");
/// A weekmask.
pub const WEEKMASK: Phrase = Phrase::new("weekmask", "weekmask");
/// A year.
pub const YEAR: Phrase = Phrase::new("tahun", "year");
/// A deadline explanation.
pub const EXPLANATION: Phrase = Phrase::new("penjelasan", "explanation");
/// A message language.
pub const LANGUAGE: Phrase = Phrase::new("bahasa", "language");
/// A UTC offset.
pub const UTC_OFFSET: Phrase = Phrase::new("selisih UTC", "utc offset");
/// A kind of holiday.
pub const HOLIDAY_KIND: Phrase = Phrase::new("jenis hari libur", "holiday kind");

/// The form of a date.
pub const ISO_DATE: Phrase =
    Phrase::new("tanggal ISO 8601 YYYY-MM-DD", "an ISO 8601 date YYYY-MM-DD");
/// The form of an instant as text.
pub const RFC3339_INSTANT: Phrase = Phrase::new(
    "waktu RFC 3339 dengan selisih UTC, mis. 2026-12-24T16:45:00+07:00",
    "an RFC 3339 instant with offset, e.g. 2026-12-24T16:45:00+07:00",
);
/// The form of an instant given as a datetime object (Python, JS `Date`).
pub const AWARE_DATETIME: Phrase = Phrase::new(
    "datetime yang memiliki zona waktu (tzinfo dengan selisih UTC), mis. datetime(2026, 12, 24, 16, 45, tzinfo=timezone(timedelta(hours=7)))",
    "an aware datetime (tzinfo with a UTC offset), e.g. datetime(2026, 12, 24, 16, 45, tzinfo=timezone(timedelta(hours=7)))",
);
/// A date that is not numpy's not-a-time.
pub const NOT_NAT: Phrase = Phrase::new(
    "sebuah tanggal, bukan not-a-time (NaT) numpy",
    "a date, not numpy's not-a-time",
);
/// The forms of a weekmask.
pub const WEEKMASK_FORM: Phrase = Phrase::new(
    "tujuh angka 0/1 mulai Senin (\"1111100\") atau nama hari (\"Mon Tue Wed Thu Fri\")",
    "seven 0/1 digits from Monday (\"1111100\") or day names (\"Mon Tue Wed Thu Fri\")",
);
/// The kinds of holiday.
pub const HOLIDAY_KINDS: Phrase = Phrase::new(
    "national_holiday, cuti_bersama, regional atau office_closure",
    "national_holiday, cuti_bersama, regional or office_closure",
);
/// The form of a time of day.
pub const CLOCK_TIME: Phrase = Phrase::new(
    "JJ:MM atau JJ:MM:DD antara 00:00 dan 24:00",
    "HH:MM or HH:MM:SS between 00:00 and 24:00",
);
/// The message languages.
pub const LANG_CODES: Phrase = Phrase::new("\"en\" atau \"id\"", "\"en\" or \"id\"");
