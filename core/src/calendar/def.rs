//! Calendar definitions: the serde data an office loads, saves and validates.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, FixedOffset, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::CalendarError;
use super::hours::{OfficeHours, WEEKDAY_KEYS};
use super::limits::{
    MAX_COVERAGE_YEARS, MAX_EXTRA_WORKING_DAYS, MAX_HOLIDAYS, MAX_ID_CHARS, MAX_LAYERS,
    MAX_NAME_CHARS, MAX_NON_WORKING_KINDS, MAX_NOTE_CHARS, MAX_NUMBERS, MAX_SOURCES, MAX_YEAR,
    MAX_YEAR_ENTRIES, MIN_YEAR,
};
use crate::error::phrase;
use crate::error::{Code, Problem, check_len, excerpt, too_many};

/// Which weekdays are working days, Monday first — the same convention as
/// numpy's `weekmask`. Written `"1111100"` (Monday–Friday) or as day names
/// (`"Mon Tue Wed Thu Fri Sat"`).
///
/// # Example
/// ```
/// use ptsp::Weekmask;
/// let six: Weekmask = "Mon Tue Wed Thu Fri Sat".parse()?;
/// assert_eq!(six.to_string(), "1111110");
/// assert_eq!(Weekmask::default().to_string(), "1111100");
/// # Ok::<(), ptsp::CalendarError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Weekmask(pub [bool; 7]);

impl Default for Weekmask {
    fn default() -> Self {
        Weekmask([true, true, true, true, true, false, false])
    }
}

impl Weekmask {
    /// Whether the weekday (0 = Monday) is a working day.
    ///
    /// # Example
    /// ```
    /// assert!(!ptsp::Weekmask::default().works(6));
    /// ```
    pub fn works(&self, weekday_from_monday: usize) -> bool {
        self.0[weekday_from_monday % 7]
    }
}

impl FromStr for Weekmask {
    type Err = CalendarError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || CalendarError::InvalidValue {
            what: phrase::WEEKMASK,
            value: s.to_owned(),
            expected: phrase::WEEKMASK_FORM,
        };
        let mut mask = [false; 7];
        if s.len() == 7 && s.bytes().all(|b| b == b'0' || b == b'1') {
            for (i, b) in s.bytes().enumerate() {
                mask[i] = b == b'1';
            }
            return Ok(Weekmask(mask));
        }
        const NAMES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
        let mut any = false;
        for word in s.split_whitespace() {
            let lower = word.to_ascii_lowercase();
            let i = NAMES.iter().position(|n| *n == lower).ok_or_else(bad)?;
            mask[i] = true;
            any = true;
        }
        if any { Ok(Weekmask(mask)) } else { Err(bad()) }
    }
}

impl fmt::Display for Weekmask {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for w in self.0 {
            f.write_str(if w { "1" } else { "0" })?;
        }
        Ok(())
    }
}

impl Serialize for Weekmask {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Weekmask {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// What kind of day off a holiday entry is.
///
/// Which kinds are non-working is a calendar setting
/// ([`CalendarDef::non_working_kinds`]): civil-service offices close on
/// national holidays and *cuti bersama* (collective leave); a private
/// employer may treat cuti bersama as working days.
///
/// # Example
/// ```
/// let k: ptsp::HolidayKind = serde_json::from_str("\"cuti_bersama\"")?;
/// assert_eq!(k, ptsp::HolidayKind::CutiBersama);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum HolidayKind {
    /// *Hari libur nasional*: a national public holiday.
    NationalHoliday,
    /// *Cuti bersama*: collective leave decreed for the civil service.
    CutiBersama,
    /// A regional (provincial or regency) holiday.
    Regional,
    /// A closure of one office.
    OfficeClosure,
}

impl HolidayKind {
    /// All kinds, in declaration order.
    pub const ALL: [HolidayKind; 4] = [
        HolidayKind::NationalHoliday,
        HolidayKind::CutiBersama,
        HolidayKind::Regional,
        HolidayKind::OfficeClosure,
    ];

    /// The kind's name in the given language.
    ///
    /// # Example
    /// ```
    /// use ptsp::{HolidayKind, Lang};
    /// assert_eq!(HolidayKind::NationalHoliday.label(Lang::Id), "hari libur nasional");
    /// ```
    pub fn label(self, lang: crate::Lang) -> &'static str {
        use crate::Lang::*;
        match (self, lang) {
            (HolidayKind::NationalHoliday, En) => "national holiday",
            (HolidayKind::NationalHoliday, Id) => "hari libur nasional",
            (HolidayKind::CutiBersama, En) => "collective leave (cuti bersama)",
            (HolidayKind::CutiBersama, Id) => "cuti bersama",
            (HolidayKind::Regional, En) => "regional holiday",
            (HolidayKind::Regional, Id) => "hari libur daerah",
            (HolidayKind::OfficeClosure, En) => "office closure",
            (HolidayKind::OfficeClosure, Id) => "penutupan kantor",
        }
    }

    /// The `snake_case` name used in JSON and iCalendar.
    ///
    /// # Example
    /// ```
    /// assert_eq!(ptsp::HolidayKind::CutiBersama.as_str(), "cuti_bersama");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            HolidayKind::NationalHoliday => "national_holiday",
            HolidayKind::CutiBersama => "cuti_bersama",
            HolidayKind::Regional => "regional",
            HolidayKind::OfficeClosure => "office_closure",
        }
    }
}

impl FromStr for HolidayKind {
    type Err = CalendarError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        HolidayKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| CalendarError::InvalidValue {
                what: phrase::HOLIDAY_KIND,
                value: s.to_owned(),
                expected: phrase::HOLIDAY_KINDS,
            })
    }
}

/// A legal source: the decree (or other instrument) that set some days.
///
/// # Example
/// ```
/// let cal = ptsp::CalendarDef::indonesia();
/// let skb = &cal.layers[0].sources[0];
/// assert!(skb.title.contains("Hari Libur Nasional"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Identifier used by holiday entries of the same layer.
    pub id: String,
    /// Full title.
    pub title: String,
    /// Decree numbers (a joint decree has one per signing ministry).
    #[serde(default)]
    pub numbers: Vec<String>,
    /// Date of signing, where known.
    #[serde(default)]
    pub signed: Option<NaiveDate>,
    /// The source this one amends, if it is an amendment.
    #[serde(default)]
    pub amends: Option<String>,
    /// Anything a reader should know (e.g. a missing number).
    #[serde(default)]
    pub note: Option<String>,
}

/// How much is known about one year's holidays in a layer.
///
/// # Example
/// ```
/// assert!(ptsp::YearStatus::Decreed.is_covered());
/// assert!(!ptsp::YearStatus::Unknown.is_covered());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum YearStatus {
    /// Set by a signed decree.
    Decreed,
    /// Known from a decree whose final text was not available, or announced
    /// but not yet signed; may change.
    Provisional,
    /// Not yet known: the year is not covered.
    Unknown,
}

impl YearStatus {
    /// Whether a year with this status counts as covered.
    ///
    /// # Example
    /// ```
    /// assert!(ptsp::YearStatus::Provisional.is_covered());
    /// ```
    pub fn is_covered(self) -> bool {
        matches!(self, YearStatus::Decreed | YearStatus::Provisional)
    }
}

/// One year of a layer and its status.
///
/// # Example
/// ```
/// let def = ptsp::CalendarDef::indonesia();
/// assert_eq!(def.layers[0].years[0].year, 2023);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct YearEntry {
    /// The year.
    pub year: i32,
    /// How much is known.
    pub status: YearStatus,
    /// What amended it, what is missing.
    #[serde(default)]
    pub note: Option<String>,
}

/// One decreed day off.
///
/// # Example
/// ```
/// let def = ptsp::CalendarDef::indonesia();
/// let first = &def.layers[0].holidays[0];
/// assert_eq!(first.date.to_string(), "2023-01-01");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Holiday {
    /// The day.
    pub date: NaiveDate,
    /// Name in Indonesian, as the decree writes it.
    pub name: String,
    /// Name in English, where given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    /// What kind of day off.
    pub kind: HolidayKind,
    /// Id of the [`Source`] (in the same layer) that set it.
    pub source: String,
}

/// A set of holidays from one authority: the national decrees, a regional
/// regulation, or one office's closures.
///
/// # Example
/// ```
/// let layer: ptsp::HolidayLayer = serde_json::from_str(r#"{
///   "id": "kantor-x", "name": "Penutupan kantor X",
///   "sources": [{"id": "se-1", "title": "Surat Edaran Kepala Dinas Nomor 1"}],
///   "holidays": [{"date": "2026-03-02", "name": "Renovasi", "kind": "office_closure", "source": "se-1"}]
/// }"#)?;
/// assert!(layer.years.is_empty()); // an office-closure layer need not claim coverage
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct HolidayLayer {
    /// Identifier, unique within a calendar.
    pub id: String,
    /// Human name.
    pub name: String,
    /// The decrees its entries cite.
    #[serde(default)]
    pub sources: Vec<Source>,
    /// The years this layer knows completely. Empty: the layer makes no claim
    /// about coverage (typical for office closures).
    #[serde(default)]
    pub years: Vec<YearEntry>,
    /// The days off.
    #[serde(default)]
    pub holidays: Vec<Holiday>,
}

impl HolidayLayer {
    /// The covered years, if the layer claims any (first, last).
    pub(crate) fn coverage(&self) -> Option<(i32, i32)> {
        let covered = self.years.iter().filter(|y| y.status.is_covered());
        let first = covered.clone().map(|y| y.year).min()?;
        let last = covered.map(|y| y.year).max()?;
        Some((first, last))
    }

    /// The source with the given id.
    ///
    /// # Example
    /// ```
    /// let def = ptsp::CalendarDef::indonesia();
    /// let layer = &def.layers[0];
    /// assert!(layer.source(&layer.holidays[0].source).is_some());
    /// ```
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }
}

/// A day that is a working day although the weekmask says otherwise (a
/// Saturday declared working, for instance).
///
/// # Example
/// ```
/// let x: ptsp::ExtraWorkingDay = serde_json::from_str(
///     r#"{"date": "2026-03-14", "name": "Sabtu masuk pengganti"}"#)?;
/// assert!(x.source.is_none());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ExtraWorkingDay {
    /// The day.
    pub date: NaiveDate,
    /// Why it is a working day.
    pub name: String,
    /// The instrument that declared it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

fn default_kinds() -> Vec<HolidayKind> {
    HolidayKind::ALL.to_vec()
}

fn default_offset() -> String {
    "+07:00".to_owned()
}

/// A whole calendar as data: weekmask, holiday layers, which kinds close
/// the office, extra working days, office hours and UTC offset. Load it
/// from JSON, validate it by building a [`Calendar`](super::Calendar).
///
/// # Example
/// ```
/// use ptsp::{Calendar, CalendarDef, HolidayKind};
/// let mut def = CalendarDef::indonesia();
/// def.non_working_kinds = vec![HolidayKind::NationalHoliday]; // a private employer
/// let cal = Calendar::new(def)?;
/// // 2025-04-02 is cuti bersama for Idul Fitri: a working day for this employer.
/// assert!(cal.is_working_day("2025-04-02".parse()?)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CalendarDef {
    /// Identifier.
    pub id: String,
    /// Human name.
    pub name: String,
    /// Working weekdays (default Monday–Friday).
    #[serde(default)]
    pub weekmask: Weekmask,
    /// Which holiday kinds are days off (default: all kinds).
    #[serde(default = "default_kinds")]
    pub non_working_kinds: Vec<HolidayKind>,
    /// Holiday layers, composed: national, regional, office closures.
    pub layers: Vec<HolidayLayer>,
    /// Days that work despite the weekmask.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra_working_days: Vec<ExtraWorkingDay>,
    /// Office hours per weekday; needed for time-of-day operations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office_hours: Option<OfficeHours>,
    /// The office's offset from UTC: `+07:00` (WIB), `+08:00` (WITA),
    /// `+09:00` (WIT).
    #[serde(default = "default_offset")]
    pub utc_offset: String,
}

const NATIONAL_JSON: &str = include_str!("../../data/id-national.json");

impl CalendarDef {
    /// The built-in national calendar of Indonesia: Monday–Friday, national
    /// holidays and cuti bersama from the joint ministerial decrees (SKB),
    /// election days by presidential decree, WIB (+07:00), no office hours.
    ///
    /// # Example
    /// ```
    /// let def = ptsp::CalendarDef::indonesia();
    /// assert_eq!(def.layers[0].id, "id-national");
    /// ```
    pub fn indonesia() -> CalendarDef {
        CalendarDef {
            id: "id-national".to_owned(),
            name: "Indonesia — hari kerja instansi pemerintah".to_owned(),
            weekmask: Weekmask::default(),
            non_working_kinds: default_kinds(),
            layers: vec![national_layer()],
            extra_working_days: Vec::new(),
            office_hours: None,
            utc_offset: default_offset(),
        }
    }

    /// The national calendar with the office hours of the East Java
    /// provincial government (Pemprov Jatim): Monday–Thursday 07:30–16:00,
    /// Friday 07:30–16:30, WIB. Break times are not set: the source giving
    /// them was not available (see the `note` of the office hours).
    ///
    /// # Example
    /// ```
    /// let def = ptsp::CalendarDef::jatim();
    /// let fri = def.office_hours.as_ref().unwrap().fri.as_ref().unwrap();
    /// assert_eq!(fri.close.to_string(), "16:30");
    /// ```
    pub fn jatim() -> CalendarDef {
        let day = |close: &str| super::DayHours {
            open: ClockTimeLit::parse("07:30"),
            close: ClockTimeLit::parse(close),
            breaks: Vec::new(),
        };
        let mut def = CalendarDef::indonesia();
        def.id = "id-jatim-pemprov".to_owned();
        def.name = "Pemerintah Provinsi Jawa Timur — DPMPTSP".to_owned();
        def.office_hours = Some(OfficeHours {
            mon: Some(day("16:00")),
            tue: Some(day("16:00")),
            wed: Some(day("16:00")),
            thu: Some(day("16:00")),
            fri: Some(day("16:30")),
            sat: None,
            sun: None,
            note: Some(
                "Jam kerja Pemprov Jatim: Senin–Kamis 07.30–16.00, Jumat 07.30–16.30 WIB (as given \
                 in the project's issue 2; the Pergub text was not available to cross-check). \
                 Perpres 21/2023 sets 37.5 working hours a week, which implies 1 h of breaks \
                 Mon–Thu and 1.5 h on Friday; their clock times are not in any source we hold, \
                 so no breaks are set here."
                    .to_owned(),
            ),
        });
        def
    }

    /// Checks the definition and returns every problem found, each with a
    /// path, a stable code and messages; empty when the definition is valid.
    /// The [limits](super::limits) on years, counts and text lengths are
    /// checked here too; the elements of a list over its limit are not
    /// examined one by one.
    ///
    /// # Example
    /// ```
    /// let mut def = ptsp::CalendarDef::indonesia();
    /// assert!(def.validate().is_empty());
    /// def.utc_offset = "WIB".into();
    /// assert_eq!(def.validate()[0].code, "invalid_utc_offset");
    /// ```
    pub fn validate(&self) -> Vec<Problem> {
        let mut out = Vec::new();
        if self.id.trim().is_empty() {
            out.push(Problem::new(
                "id",
                Code::EmptyId,
                "calendar id is empty",
                "id kalender kosong",
            ));
        }
        check_len(&mut out, "id", &self.id, MAX_ID_CHARS);
        check_len(&mut out, "name", &self.name, MAX_NAME_CHARS);
        if !self.weekmask.0.iter().any(|w| *w) {
            out.push(Problem::new(
                "weekmask",
                Code::EmptyWeekmask,
                "weekmask \"0000000\" has no working weekday: expected at least one 1",
                "weekmask \"0000000\" tidak memiliki hari kerja: seharusnya paling sedikit satu angka 1",
            ));
        }
        if parse_offset(&self.utc_offset).is_none() {
            out.push(Problem::new(
                "utc_offset",
                Code::InvalidUtcOffset,
                format!(
                    "utc offset “{}” is not valid: expected ±HH:MM between -12:00 and +14:00, e.g. \"+07:00\"",
                    excerpt(&self.utc_offset)
                ),
                format!(
                    "selisih UTC “{}” tidak valid: seharusnya ±JJ:MM antara -12:00 dan +14:00, mis. \"+07:00\"",
                    excerpt(&self.utc_offset)
                ),
            ));
        }
        if self.non_working_kinds.len() > MAX_NON_WORKING_KINDS {
            out.push(too_many(
                "non_working_kinds",
                self.non_working_kinds.len(),
                MAX_NON_WORKING_KINDS,
            ));
        }
        if self.layers.len() > MAX_LAYERS {
            out.push(too_many("layers", self.layers.len(), MAX_LAYERS));
        } else {
            let mut layer_ids = BTreeSet::new();
            for (li, layer) in self.layers.iter().enumerate() {
                let lp = format!("layers[{li}]");
                if !layer_ids.insert(layer.id.as_str()) {
                    out.push(Problem::new(
                        format!("{lp}.id"),
                        Code::DuplicateId,
                        format!("layer id “{}” is used twice", layer.id),
                        format!("id lapisan “{}” dipakai dua kali", layer.id),
                    ));
                }
                validate_layer(layer, &lp, &mut out);
            }
        }
        match self.coverage() {
            None if out.iter().all(|p| p.code != "non_contiguous_years") => {
                out.push(Problem::new(
                    "layers",
                    Code::NoCoverage,
                    "no year is covered by every layer that lists years: expected at least one layer with a decreed or provisional year, and overlapping years across layers",
                    "tidak ada tahun yang dicakup semua lapisan yang mencantumkan tahun: seharusnya paling sedikit satu lapisan dengan tahun yang ditetapkan atau sementara, dan tahun yang beririsan antarlapisan",
                ));
            }
            Some((first, last))
                if i64::from(last) - i64::from(first) + 1 > i64::from(MAX_COVERAGE_YEARS) =>
            {
                let span = i64::from(last) - i64::from(first) + 1;
                out.push(Problem::new(
                    "layers",
                    Code::CoverageTooLong,
                    format!(
                        "the covered years {first}–{last} span {span} years: at most {MAX_COVERAGE_YEARS} are allowed"
                    ),
                    format!(
                        "tahun yang dicakup {first}–{last} meliputi {span} tahun: paling banyak {MAX_COVERAGE_YEARS} tahun yang diizinkan"
                    ),
                ));
            }
            _ => {}
        }
        if self.extra_working_days.len() > MAX_EXTRA_WORKING_DAYS {
            out.push(too_many(
                "extra_working_days",
                self.extra_working_days.len(),
                MAX_EXTRA_WORKING_DAYS,
            ));
        } else {
            self.validate_extra_days(&mut out);
        }
        if let Some(hours) = &self.office_hours {
            hours.validate("office_hours", &mut out);
            if let Some(note) = &hours.note {
                check_len(&mut out, "office_hours.note", note, MAX_NOTE_CHARS);
            }
            for (wd, key) in WEEKDAY_KEYS.iter().enumerate() {
                if self.weekmask.0[wd] && hours.by_index(wd).is_none() {
                    out.push(missing_hours(&format!("office_hours.{key}"), key, None));
                }
            }
        }
        out
    }

    fn validate_extra_days(&self, out: &mut Vec<Problem>) {
        let off: BTreeMap<NaiveDate, &Holiday> = self
            .layers
            .iter()
            .flat_map(|l| &l.holidays)
            .filter(|h| self.non_working_kinds.contains(&h.kind))
            .map(|h| (h.date, h))
            .collect();
        let mut seen = BTreeSet::new();
        for (i, x) in self.extra_working_days.iter().enumerate() {
            let p = format!("extra_working_days[{i}].date");
            check_year(out, &p, x.date);
            check_len(
                out,
                format!("extra_working_days[{i}].name"),
                &x.name,
                MAX_NAME_CHARS,
            );
            if let Some(source) = &x.source {
                check_len(
                    out,
                    format!("extra_working_days[{i}].source"),
                    source,
                    MAX_ID_CHARS,
                );
            }
            if !seen.insert(x.date) {
                out.push(Problem::new(
                    p.clone(),
                    Code::DuplicateExtraWorkingDay,
                    format!("extra working day {} is listed twice", x.date),
                    format!("hari kerja tambahan {} tercantum dua kali", x.date),
                ));
            }
            if let Some(h) = off.get(&x.date) {
                out.push(Problem::new(
                    p.clone(),
                    Code::ConflictingDay,
                    format!(
                        "{} is both an extra working day (“{}”) and a day off (“{}”, {})",
                        x.date,
                        x.name,
                        h.name,
                        h.kind.as_str()
                    ),
                    format!(
                        "{} sekaligus hari kerja tambahan (“{}”) dan hari libur (“{}”, {})",
                        x.date,
                        x.name,
                        h.name,
                        h.kind.as_str()
                    ),
                ));
            }
            if let Some(hours) = &self.office_hours {
                let wd = x.date.weekday().num_days_from_monday() as usize;
                if hours.by_index(wd).is_none() {
                    out.push(missing_hours(&p, WEEKDAY_KEYS[wd], Some(x.date)));
                }
            }
        }
    }

    /// The covered years (first, last): the intersection of the years of
    /// every layer that lists years.
    pub(crate) fn coverage(&self) -> Option<(i32, i32)> {
        let mut span: Option<(i32, i32)> = None;
        for layer in &self.layers {
            if layer.years.is_empty() {
                continue;
            }
            let (a, b) = layer.coverage()?;
            span = Some(match span {
                None => (a, b),
                Some((x, y)) => (x.max(a), y.min(b)),
            });
        }
        span.filter(|(a, b)| a <= b)
    }
}

fn missing_hours(path: &str, key: &str, date: Option<NaiveDate>) -> Problem {
    let (en, id) = match date {
        Some(d) => (
            format!("extra working day {d} falls on {key}, which has no office hours"),
            format!("hari kerja tambahan {d} jatuh pada {key}, yang tidak memiliki jam kerja"),
        ),
        None => (
            format!("{key} is a working weekday but has no office hours"),
            format!("{key} adalah hari kerja tetapi tidak memiliki jam kerja"),
        ),
    };
    Problem::new(path, Code::MissingOfficeHours, en, id)
}

/// Pushes `year_out_of_range` when `date` is outside the supported years.
fn check_year(out: &mut Vec<Problem>, path: &str, date: NaiveDate) -> bool {
    let year = date.year();
    let ok = (MIN_YEAR..=MAX_YEAR).contains(&year);
    if !ok {
        out.push(year_problem(path, year, Some(date)));
    }
    ok
}

fn year_problem(path: &str, year: i32, date: Option<NaiveDate>) -> Problem {
    let (en, id) = match date {
        Some(d) => (
            format!("{d} is in year {year}: expected a year from {MIN_YEAR} to {MAX_YEAR}"),
            format!("{d} berada di tahun {year}: seharusnya tahun {MIN_YEAR} sampai {MAX_YEAR}"),
        ),
        None => (
            format!("year {year} is out of range: expected a year from {MIN_YEAR} to {MAX_YEAR}"),
            format!("tahun {year} di luar rentang: seharusnya tahun {MIN_YEAR} sampai {MAX_YEAR}"),
        ),
    };
    Problem::new(path, Code::YearOutOfRange, en, id)
}

/// The problems a layer's own content has, apart from validation against
/// the rest of a calendar; also what [`HolidayLayer::to_ical`] refuses.
/// `lp` is the layer's path (`layers[2]`), empty for a layer on its own.
pub(crate) fn layer_bounds(layer: &HolidayLayer, lp: &str, out: &mut Vec<Problem>) {
    let at = |rest: String| {
        if lp.is_empty() {
            rest
        } else {
            format!("{lp}.{rest}")
        }
    };
    if layer.years.len() > MAX_YEAR_ENTRIES {
        out.push(too_many(
            at("years".to_owned()),
            layer.years.len(),
            MAX_YEAR_ENTRIES,
        ));
    } else {
        for (yi, y) in layer.years.iter().enumerate() {
            if !(MIN_YEAR..=MAX_YEAR).contains(&y.year) {
                out.push(year_problem(&at(format!("years[{yi}].year")), y.year, None));
            }
        }
    }
    if layer.holidays.len() > MAX_HOLIDAYS {
        out.push(too_many(
            at("holidays".to_owned()),
            layer.holidays.len(),
            MAX_HOLIDAYS,
        ));
    } else {
        for (hi, h) in layer.holidays.iter().enumerate() {
            check_year(out, &at(format!("holidays[{hi}].date")), h.date);
        }
    }
}

fn validate_layer(layer: &HolidayLayer, lp: &str, out: &mut Vec<Problem>) {
    check_len(out, format!("{lp}.id"), &layer.id, MAX_ID_CHARS);
    check_len(out, format!("{lp}.name"), &layer.name, MAX_NAME_CHARS);
    let mut source_ids = BTreeSet::new();
    let sources_ok = layer.sources.len() <= MAX_SOURCES;
    if !sources_ok {
        out.push(too_many(
            format!("{lp}.sources"),
            layer.sources.len(),
            MAX_SOURCES,
        ));
    }
    for (si, s) in layer.sources.iter().enumerate() {
        if !source_ids.insert(s.id.as_str()) && sources_ok {
            out.push(Problem::new(
                format!("{lp}.sources[{si}].id"),
                Code::DuplicateId,
                format!("source id “{}” is used twice", s.id),
                format!("id sumber “{}” dipakai dua kali", s.id),
            ));
        }
    }
    for (si, s) in layer.sources.iter().enumerate().filter(|_| sources_ok) {
        let sp = format!("{lp}.sources[{si}]");
        check_len(out, format!("{sp}.id"), &s.id, MAX_ID_CHARS);
        check_len(out, format!("{sp}.title"), &s.title, MAX_NAME_CHARS);
        if s.numbers.len() > MAX_NUMBERS {
            out.push(too_many(
                format!("{sp}.numbers"),
                s.numbers.len(),
                MAX_NUMBERS,
            ));
        } else {
            for (ni, n) in s.numbers.iter().enumerate() {
                check_len(out, format!("{sp}.numbers[{ni}]"), n, MAX_NAME_CHARS);
            }
        }
        if let Some(note) = &s.note {
            check_len(out, format!("{sp}.note"), note, MAX_NOTE_CHARS);
        }
        if let Some(a) = &s.amends
            && !source_ids.contains(a.as_str())
        {
            out.push(Problem::new(
                format!("{sp}.amends"),
                Code::UnknownSource,
                format!("source “{}” amends unknown source “{}”", s.id, a),
                format!(
                    "sumber “{}” mengubah sumber “{}” yang tidak dikenal",
                    s.id, a
                ),
            ));
        }
    }
    layer_bounds(layer, lp, out);
    let years_ok = layer.years.len() <= MAX_YEAR_ENTRIES;
    let mut years = BTreeMap::new();
    for (yi, y) in layer.years.iter().enumerate() {
        if years.insert(y.year, y.status).is_some() && years_ok {
            out.push(Problem::new(
                format!("{lp}.years[{yi}].year"),
                Code::DuplicateYear,
                format!("year {} is listed twice", y.year),
                format!("tahun {} tercantum dua kali", y.year),
            ));
        }
        if let Some(note) = y.note.as_ref().filter(|_| years_ok) {
            check_len(out, format!("{lp}.years[{yi}].note"), note, MAX_NOTE_CHARS);
        }
    }
    let covered: Vec<i32> = years
        .iter()
        .filter(|(_, s)| s.is_covered())
        .map(|(y, _)| *y)
        .collect();
    if let (Some(first), Some(last)) = (covered.first(), covered.last())
        && i64::from(*last) - i64::from(*first) + 1 != covered.len() as i64
    {
        out.push(Problem::new(
            format!("{lp}.years"),
            Code::NonContiguousYears,
            format!(
                "covered years {first}–{last} have a gap: expected every year in between to be decreed or provisional"
            ),
            format!(
                "tahun yang dicakup {first}–{last} berlubang: seharusnya setiap tahun di antaranya ditetapkan atau sementara"
            ),
        ));
    }
    if layer.holidays.len() > MAX_HOLIDAYS {
        return; // reported by layer_bounds
    }
    let mut entries = BTreeSet::new();
    for (hi, h) in layer.holidays.iter().enumerate() {
        let hp = format!("{lp}.holidays[{hi}]");
        check_len(out, format!("{hp}.name"), &h.name, MAX_NAME_CHARS);
        if let Some(en) = &h.name_en {
            check_len(out, format!("{hp}.name_en"), en, MAX_NAME_CHARS);
        }
        check_len(out, format!("{hp}.source"), &h.source, MAX_ID_CHARS);
        if !source_ids.contains(h.source.as_str()) {
            out.push(Problem::new(
                format!("{hp}.source"),
                Code::UnknownSource,
                format!(
                    "holiday {} cites unknown source “{}”: expected one of the layer's sources",
                    h.date,
                    h.source
                ),
                format!(
                    "hari libur {} merujuk sumber “{}” yang tidak dikenal: seharusnya salah satu sumber lapisan",
                    h.date,
                    h.source
                ),
            ));
        }
        if h.name.trim().is_empty() {
            out.push(Problem::new(
                format!("{hp}.name"),
                Code::EmptyName,
                format!("holiday {} has an empty name", h.date),
                format!("hari libur {} tidak bernama", h.date),
            ));
        }
        let in_range = (MIN_YEAR..=MAX_YEAR).contains(&h.date.year());
        if in_range
            && !layer.years.is_empty()
            && years.get(&h.date.year()).is_none_or(|s| !s.is_covered())
        {
            out.push(Problem::new(
                format!("{hp}.date"),
                Code::HolidayOutsideYears,
                format!(
                    "holiday {} is in year {}, which the layer does not list as decreed or provisional",
                    h.date,
                    h.date.year()
                ),
                format!(
                    "hari libur {} berada di tahun {}, yang tidak tercantum sebagai ditetapkan atau sementara",
                    h.date,
                    h.date.year()
                ),
            ));
        }
        if !entries.insert((h.date, h.kind, h.name.as_str())) {
            out.push(Problem::new(
                hp.clone(),
                Code::DuplicateHoliday,
                format!("holiday {} “{}” is listed twice", h.date, h.name),
                format!("hari libur {} “{}” tercantum dua kali", h.date, h.name),
            ));
        }
    }
}

/// Parses `±HH:MM` into an offset between -12:00 and +14:00.
pub(crate) fn parse_offset(s: &str) -> Option<FixedOffset> {
    let b = s.as_bytes();
    if b.len() != 6 || b[3] != b':' {
        return None;
    }
    let sign = match b[0] {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let h: i32 = s.get(1..3)?.parse().ok()?;
    let m: i32 = s.get(4..6)?.parse().ok()?;
    if !s[1..3].bytes().all(|c| c.is_ascii_digit()) || !s[4..6].bytes().all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let secs = sign * (h * 3600 + m * 60);
    if m > 59 || !(-12 * 3600..=14 * 3600).contains(&secs) {
        return None;
    }
    FixedOffset::east_opt(secs)
}

/// The built-in national layer (embedded at compile time; checked by tests).
fn national_layer() -> HolidayLayer {
    crate::error::input::from_json(NATIONAL_JSON, "")
        .expect("built-in id-national.json is valid (tested)")
}

/// Clock-time literals of built-in data (always valid; checked by tests).
struct ClockTimeLit;
impl ClockTimeLit {
    fn parse(s: &str) -> super::ClockTime {
        s.parse().expect("built-in clock time literal is valid")
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Weekmask {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Weekmask".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "Seven 0/1 digits from Monday (\"1111100\") or day names (\"Mon Tue Wed Thu Fri\")."
        })
    }
}
