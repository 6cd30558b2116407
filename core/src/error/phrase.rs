//! Names and expected forms that errors speak of, each in both languages at
//! the one place it is written. Errors carry a [`Phrase`], never an English
//! string to be translated later.

use std::fmt;

use super::Lang;

/// A short text in Bahasa Indonesia and English: one pointer to a pair
/// kept in static memory, so errors that carry phrases stay small.
///
/// # Example
/// ```
/// use ptsp::{Lang, error::phrase};
/// assert_eq!(phrase::DATE.get(Lang::Id), "tanggal");
/// assert_eq!(phrase::DATE.to_string(), "date");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Phrase(&'static Texts);

/// The two texts of a [`Phrase`].
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct Texts {
    /// Bahasa Indonesia.
    pub id: &'static str,
    /// English.
    pub en: &'static str,
}

impl Phrase {
    /// A phrase from its two texts, kept in static memory (a constant's
    /// `&Texts { … }` is).
    ///
    /// # Example
    /// ```
    /// use ptsp::error::phrase::{Phrase, Texts};
    /// const YEAR: Phrase = Phrase::new(&Texts { id: "tahun", en: "year" });
    /// assert_eq!(YEAR.en(), "year");
    /// ```
    pub const fn new(texts: &'static Texts) -> Phrase {
        Phrase(texts)
    }

    /// The text in Bahasa Indonesia.
    pub const fn id(self) -> &'static str {
        self.0.id
    }

    /// The text in English.
    pub const fn en(self) -> &'static str {
        self.0.en
    }

    /// The text in the given language.
    ///
    /// # Example
    /// ```
    /// assert_eq!(ptsp::error::phrase::YEAR.get(ptsp::Lang::Id), "tahun");
    /// ```
    pub const fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Id => self.0.id,
            Lang::En => self.0.en,
        }
    }
}

/// A [`Phrase`] constant: `phrase!("tanggal", "date")`.
macro_rules! phrase {
    ($id:expr, $en:expr $(,)?) => {
        $crate::error::phrase::Phrase::new(&$crate::error::phrase::Texts { id: $id, en: $en })
    };
}
pub(crate) use phrase;

/// English (the `Display` of every error is English).
impl fmt::Display for Phrase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.en)
    }
}

/// A day.
pub const DATE: Phrase = phrase!("tanggal", "date");
/// An instant.
pub const INSTANT: Phrase = phrase!("waktu", "instant");
/// A time of day.
pub const TIME: Phrase = phrase!("jam", "time");
/// A duration.
pub const DURATION: Phrase = phrase!("durasi", "duration");
/// A count of working days.
pub const COUNT: Phrase = phrase!("jumlah hari n", "n");
/// A date computed by an operation.
pub const RESULT_DATE: Phrase = phrase!("tanggal hasil", "result date");
/// An instant computed by an operation.
pub const RESULT_INSTANT: Phrase = phrase!("waktu hasil", "result instant");
/// A duration computed by an operation.
pub const RESULT_DURATION: Phrase = phrase!("durasi hasil", "result duration");
/// A weekmask.
pub const WEEKMASK: Phrase = phrase!("weekmask", "weekmask");
/// A year.
pub const YEAR: Phrase = phrase!("tahun", "year");
/// A step visit (its number).
pub const VISIT: Phrase = phrase!("kunjungan langkah", "visit");
/// A number of days (a look-ahead).
pub const DAYS: Phrase = phrase!("jumlah hari", "number of days");
/// An integer given for a batch.
pub const NUMBER: Phrase = phrase!("bilangan", "number");
/// A deadline explanation.
pub const EXPLANATION: Phrase = phrase!("penjelasan", "explanation");
/// A message language.
pub const LANGUAGE: Phrase = phrase!("bahasa", "language");
/// A UTC offset.
pub const UTC_OFFSET: Phrase = phrase!("selisih UTC", "utc offset");
/// A kind of holiday.
pub const HOLIDAY_KIND: Phrase = phrase!("jenis hari libur", "holiday kind");

/// The form of a date.
pub const ISO_DATE: Phrase = phrase!("tanggal ISO 8601 YYYY-MM-DD", "an ISO 8601 date YYYY-MM-DD");
/// The form of an instant as text.
pub const RFC3339_INSTANT: Phrase = phrase!(
    "waktu RFC 3339 dengan selisih UTC, mis. 2026-12-24T16:45:00+07:00",
    "an RFC 3339 instant with offset, e.g. 2026-12-24T16:45:00+07:00"
);
/// The form of an instant given as a datetime object (Python, JS `Date`).
pub const AWARE_DATETIME: Phrase = phrase!(
    "datetime yang memiliki zona waktu (tzinfo dengan selisih UTC), mis. datetime(2026, 12, 24, 16, 45, tzinfo=timezone(timedelta(hours=7)))",
    "an aware datetime (tzinfo with a UTC offset), e.g. datetime(2026, 12, 24, 16, 45, tzinfo=timezone(timedelta(hours=7)))"
);
/// A date that is not numpy's not-a-time.
pub const NOT_NAT: Phrase = phrase!(
    "sebuah tanggal, bukan not-a-time (NaT) numpy",
    "a date, not numpy's not-a-time"
);
/// The forms of a weekmask.
pub const WEEKMASK_FORM: Phrase = phrase!(
    "tujuh angka 0/1 mulai Senin (\"1111100\") atau nama hari (\"Mon Tue Wed Thu Fri\")",
    "seven 0/1 digits from Monday (\"1111100\") or day names (\"Mon Tue Wed Thu Fri\")"
);
/// The kinds of holiday.
pub const HOLIDAY_KINDS: Phrase = phrase!(
    "national_holiday, cuti_bersama, regional atau office_closure",
    "national_holiday, cuti_bersama, regional or office_closure"
);
/// The form of a time of day.
pub const CLOCK_TIME: Phrase = phrase!(
    "JJ:MM atau JJ:MM:DD antara 00:00 dan 24:00",
    "HH:MM or HH:MM:SS between 00:00 and 24:00"
);
/// The message languages.
pub const LANG_CODES: Phrase = phrase!("\"en\" atau \"id\"", "\"en\" or \"id\"");
