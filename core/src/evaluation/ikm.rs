//! The community satisfaction index (*Indeks Kepuasan Masyarakat*, IKM) of
//! PermenPANRB No. 14 Tahun 2017, the survey seed §9 and §11 ask an office
//! to run at least once a year.
//!
//! * [`SurveyDef::permenpanrb_14_2017`]: the nine elements (*unsur*) with
//!   their names, definitions, questions and answer options in Bahasa
//!   Indonesia and English, the 1–4 scale, the category table and the
//!   respondent profile — built-in data (`core/data/ikm-permenpanrb-14-2017.json`)
//!   recording, item by item, how each value was confirmed.
//! * [`Response`]: one respondent's answers keyed by element id, with the
//!   date, service, unit and the optional profile; [`validate_response`]
//!   reports every problem at once (the kiosk form in the browser runs the
//!   same code through WASM).
//! * [`Tally`]: per-element sums and counts — exact, mergeable (a tally
//!   over parts adds up to the tally over the whole), fed a response or a
//!   row of nine answers at a time.
//! * [`IkmResult`]: the per-element average (NRR), the index on the 1–4
//!   scale and converted to 25–100, its category, both with the exact
//!   weight 1/9 and with the weight 0,111 the processing format prints,
//!   saying which the category used, and the weakest elements.
//! * [`ikm`] and [`ikm_by`] (per service, unit, month, quarter or year),
//!   and [`sample_size`] (Krejcie and Morgan).
//!
//! # Example
//! ```
//! use ptsp::evaluation::{SurveyDef, Tally, Method};
//! let def = SurveyDef::permenpanrb_14_2017();
//! let mut t = Tally::new(&def);
//! t.add_row(&[4, 3, 3, 4, 3, 4, 4, 3, 3]);
//! t.add_row(&[3, 3, 4, 4, 3, 3, 4, 3, 4]);
//! let r = t.result(&def, Method::Exact)?;
//! assert_eq!(r.exact.index, "3.4444");
//! assert_eq!(r.exact.converted, "86.11");
//! assert_eq!(r.category.quality, "B");
//! assert_eq!(r.with_printed_weight.converted, "86.03"); // weight 0,111
//! # Ok::<(), ptsp::evaluation::EvaluationError>(())
//! ```

use std::collections::BTreeMap;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{EvaluationError, Fraction};
use crate::error::{Code, Label, Problem};

/// The built-in survey, as data.
const PERMENPANRB_14_2017: &str = include_str!("../../data/ikm-permenpanrb-14-2017.json");

/// The longest id, service or unit name a response may carry.
pub const MAX_ID: usize = 128;

/// The oldest age a respondent may give.
pub const MAX_AGE: u16 = 130;

/// Where the survey comes from, and how its values were checked.
///
/// # Example
/// ```
/// let s = &ptsp::evaluation::SurveyDef::permenpanrb_14_2017().source;
/// assert_eq!(s.short, "PermenPANRB No. 14 Tahun 2017");
/// assert!(s.enacted.is_none()); // not found: left out, not guessed
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SurveySource {
    /// The regulation's full title.
    pub regulation: String,
    /// Its short citation.
    pub short: String,
    /// What it replaces.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replaces: Option<String>,
    /// The article that obliges the survey.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<String>,
    /// The date of enactment, when known.
    #[serde(default)]
    pub enacted: Option<NaiveDate>,
    /// The Berita Negara number, when known.
    #[serde(default)]
    pub berita_negara: Option<String>,
    /// How the values were obtained and checked.
    pub note: String,
    /// Independent checks of the values.
    #[serde(default)]
    pub cross_checks: Vec<String>,
}

/// How one item of the data was confirmed: per field, `confirmed` (two
/// independent sources agree) or a description of the weaker support.
pub type Status = BTreeMap<String, String>;

/// One answer option of an element's question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AnswerOption {
    /// Its value, 1 to 4.
    pub value: u8,
    /// Its wording.
    pub label: Label,
}

/// One element (*unsur*) of the survey.
///
/// # Example
/// ```
/// let def = ptsp::evaluation::SurveyDef::permenpanrb_14_2017();
/// let cost = def.element("biaya").unwrap();
/// assert_eq!(cost.name.id, "Biaya/Tarif");
/// assert_eq!(cost.options[3].label.id, "Gratis");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ElementDef {
    /// Stable id (`persyaratan`, `prosedur`, … `sarana`).
    pub id: String,
    /// Its number in the regulation's list of elements.
    pub list_number: u8,
    /// Its number in the example questionnaire and processing format
    /// (U1–U9).
    pub question_number: u8,
    /// Its name.
    pub name: Label,
    /// What it covers.
    pub definition: Label,
    /// The question asked.
    pub question: Label,
    /// The four options, values 1 to 4.
    pub options: Vec<AnswerOption>,
    /// How each text was confirmed.
    #[serde(default)]
    pub status: Status,
}

/// A row of the regulation's category table: a perception value, its
/// interval on the 1–4 scale and on the converted 25–100 scale, the
/// quality letter and the unit's performance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CategoryDef {
    /// The perception value, 1 to 4.
    pub perception: u8,
    /// The interval on the 1–4 scale, as printed (decimal point).
    pub index_from: String,
    /// Its upper end.
    pub index_to: String,
    /// The interval on the 25–100 scale, as printed (decimal point).
    pub converted_from: String,
    /// Its upper end.
    pub converted_to: String,
    /// The quality letter (`A` to `D`).
    pub quality: String,
    /// The unit's performance (`Sangat Baik` …).
    pub performance: Label,
    /// The intervals as the sources print them (decimal comma).
    #[serde(default)]
    pub printed: BTreeMap<String, String>,
}

/// A field of the respondent profile (sex, education, occupation, age).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProfileField {
    /// Stable id (`sex`, `education`, `occupation`, `age`).
    pub id: String,
    /// Its name.
    pub name: Label,
    /// Its options (empty: a number).
    #[serde(default)]
    pub options: Vec<ProfileOption>,
    /// How it was confirmed.
    pub status: String,
}

/// One option of a profile field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProfileOption {
    /// Stable id.
    pub id: String,
    /// Its wording.
    pub label: Label,
}

/// A quoted rule of the computation and how it was confirmed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// The rule as the sources print it.
    pub quote: String,
    /// How it was confirmed.
    pub status: String,
    /// The conversion factor (the conversion rule only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub factor: Option<u32>,
}

/// The weight of each element's average.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct WeightDef {
    /// The exact weight, one over the number of elements (`1/9`).
    pub exact: String,
    /// The weight as the processing format prints it (`0,111`).
    pub printed: String,
    /// The same with a decimal point (`0.111`).
    pub printed_value: String,
    /// The printed rule.
    pub quote: String,
    /// How it was confirmed.
    pub status: String,
}

/// The 1–4 answer scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Scale {
    /// The lowest answer (1).
    pub min: u8,
    /// The highest answer (4).
    pub max: u8,
}

/// The sample-size method the survey refers to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SampleSizeDef {
    /// Its name (Krejcie and Morgan).
    pub method: String,
    /// The publication.
    pub reference: String,
    /// The formula as used.
    pub formula: String,
    /// How it was confirmed.
    pub status: String,
}

/// The survey of PermenPANRB No. 14 Tahun 2017 as data.
///
/// # Example
/// ```
/// let def = ptsp::evaluation::SurveyDef::permenpanrb_14_2017();
/// assert_eq!(def.elements.len(), 9);
/// assert_eq!(def.categories[3].quality, "A");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SurveyDef {
    /// The regulation and how its values were checked.
    pub source: SurveySource,
    /// The nine elements, in the regulation's list order.
    pub elements: Vec<ElementDef>,
    /// Why two orders exist and why it does not matter here.
    pub element_order_note: String,
    /// The answer scale.
    pub scale: Scale,
    /// The weight of each element.
    pub weight: WeightDef,
    /// The per-element average.
    pub nrr: Rule,
    /// The conversion to 25–100.
    pub conversion: Rule,
    /// The category table, lowest first.
    pub categories: Vec<CategoryDef>,
    /// How the table was confirmed.
    pub categories_status: String,
    /// The respondent profile fields.
    pub profile: Vec<ProfileField>,
    /// The sample-size method.
    pub sample_size: SampleSizeDef,
}

impl SurveyDef {
    /// The built-in survey (parsed once, then shared).
    pub fn permenpanrb_14_2017() -> &'static SurveyDef {
        static DEF: OnceLock<SurveyDef> = OnceLock::new();
        DEF.get_or_init(|| {
            crate::error::input::from_json(PERMENPANRB_14_2017, "")
                .expect("the built-in survey is valid (tested)")
        })
    }

    /// An element by id.
    pub fn element(&self, id: &str) -> Option<&ElementDef> {
        self.elements.iter().find(|e| e.id == id)
    }

    /// The category of a converted (25–100) value: rounded half up to two
    /// decimals — the precision of the table — then looked up, so that the
    /// intervals leave no gap (64.99 is D, 65.00 is C; 64.994 rounds to
    /// 64.99, 64.995 to 65.00).
    ///
    /// # Example
    /// ```
    /// use ptsp::evaluation::{Fraction, SurveyDef};
    /// let def = SurveyDef::permenpanrb_14_2017();
    /// assert_eq!(def.classify(&Fraction::new(6_499, 100)).quality, "D");
    /// assert_eq!(def.classify(&Fraction::new(6_500, 100)).quality, "C");
    /// assert_eq!(def.classify(&Fraction::new(64_995, 1_000)).quality, "C");
    /// ```
    pub fn classify(&self, converted: &Fraction) -> Category {
        category_of(self, &converted.decimal(2))
    }

    fn element_index(&self, id: &str) -> Option<usize> {
        self.elements.iter().position(|e| e.id == id)
    }
}

/// A respondent's profile: every field optional.
///
/// # Example
/// ```
/// let p: ptsp::evaluation::Profile = serde_json::from_str(r#"{"sex": "P", "age": 34}"#)?;
/// assert_eq!(p.age, Some(34));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// `L` or `P`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sex: Option<String>,
    /// `SD`, `SMP`, `SMA`, `S1`, `S2`, `S3`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub education: Option<String>,
    /// `pns`, `tni`, `polri`, `swasta`, `wirausaha`, `lainnya`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occupation: Option<String>,
    /// Age in years.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age: Option<u16>,
}

/// One respondent's answers.
///
/// # Example
/// ```
/// let r: ptsp::evaluation::Response = serde_json::from_str(r#"{"date": "2026-11-30",
///   "service": "izin-apotek", "answers": {"persyaratan": 4, "biaya": 4}}"#)?;
/// assert_eq!(r.answers["biaya"], 4);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Response {
    /// A reference to the questionnaire, if kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The day of the survey.
    pub date: NaiveDate,
    /// The service received (*jenis layanan*).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    /// The unit that gave it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Answers, 1 to 4, by element id; an element left out was not
    /// answered.
    pub answers: BTreeMap<String, u8>,
    /// The respondent's profile.
    #[serde(default)]
    pub profile: Profile,
}

/// What [`validate_response`] requires beyond well-formed answers.
///
/// # Example
/// ```
/// assert!(ptsp::evaluation::ResponseRules::default().require_all);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct ResponseRules {
    /// Every element answered (the kiosk form); `false` accepts blanks, as
    /// the per-element average counts only the questionnaires that answer
    /// it.
    pub require_all: bool,
}

impl Default for ResponseRules {
    fn default() -> Self {
        ResponseRules { require_all: true }
    }
}

/// Every problem of one response, paths from `path` (`responses[3]`, or
/// empty for a single form): an unknown element, an answer outside 1–4, an
/// unanswered element when all are required, a profile option the survey
/// does not list, an age over 130, an over-long id, a date outside the
/// years 1900–9999.
///
/// # Example
/// ```
/// use ptsp::evaluation::{Response, ResponseRules, SurveyDef, validate_response};
/// let r: Response = serde_json::from_str(r#"{"date": "2026-11-30",
///   "answers": {"persyaratan": 5, "harga": 3}, "profile": {"sex": "X"}}"#).unwrap();
/// let problems = validate_response(&SurveyDef::permenpanrb_14_2017(), &r, &ResponseRules::default(), "");
/// let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
/// assert_eq!(paths[..3], ["answers.harga", "answers.persyaratan", "answers.prosedur"]);
/// assert!(paths.contains(&"profile.sex"));
/// ```
pub fn validate_response(
    def: &SurveyDef,
    r: &Response,
    rules: &ResponseRules,
    path: &str,
) -> Vec<Problem> {
    let at = |field: &str| {
        if path.is_empty() {
            field.to_owned()
        } else {
            format!("{path}.{field}")
        }
    };
    let mut out = Vec::new();
    for (k, v) in &r.answers {
        let p = at(&format!("answers.{}", crate::error::excerpt(k)));
        if def.element(k).is_none() {
            let ids: Vec<&str> = def.elements.iter().map(|e| e.id.as_str()).collect();
            out.push(Problem::new(
                p,
                Code::UnknownElement,
                format!(
                    "“{}” is not an element of the survey: expected one of {}",
                    crate::error::excerpt(k),
                    crate::error::one_of(&ids, crate::Lang::En)
                ),
                format!(
                    "“{}” bukan unsur survei: seharusnya salah satu dari {}",
                    crate::error::excerpt(k),
                    crate::error::one_of(&ids, crate::Lang::Id)
                ),
            ));
        } else if !(def.scale.min..=def.scale.max).contains(v) {
            out.push(Problem::new(
                p,
                Code::OutOfRange,
                format!(
                    "answer {v} is outside {} to {}",
                    def.scale.min, def.scale.max
                ),
                format!(
                    "jawaban {v} di luar {} sampai {}",
                    def.scale.min, def.scale.max
                ),
            ));
        }
    }
    if rules.require_all {
        for e in &def.elements {
            if !r.answers.contains_key(&e.id) {
                out.push(Problem::new(
                    at(&format!("answers.{}", e.id)),
                    Code::Unanswered,
                    format!("element “{}” ({}) is not answered", e.id, e.name.en),
                    format!("unsur “{}” ({}) belum dijawab", e.id, e.name.id),
                ));
            }
        }
    }
    let profile = &r.profile;
    for (field, value) in [
        ("sex", profile.sex.as_deref()),
        ("education", profile.education.as_deref()),
        ("occupation", profile.occupation.as_deref()),
    ] {
        let Some(v) = value else { continue };
        let Some(f) = def.profile.iter().find(|f| f.id == field) else {
            continue;
        };
        if !f.options.iter().any(|o| o.id == v) {
            let ids: Vec<&str> = f.options.iter().map(|o| o.id.as_str()).collect();
            out.push(Problem::new(
                at(&format!("profile.{field}")),
                Code::UnknownOption,
                format!(
                    "“{}” is not an option of {}: expected one of {}",
                    crate::error::excerpt(v),
                    f.name.en,
                    crate::error::one_of(&ids, crate::Lang::En)
                ),
                format!(
                    "“{}” bukan pilihan {}: seharusnya salah satu dari {}",
                    crate::error::excerpt(v),
                    f.name.id,
                    crate::error::one_of(&ids, crate::Lang::Id)
                ),
            ));
        }
    }
    if let Some(age) = profile.age
        && age > MAX_AGE
    {
        out.push(Problem::new(
            at("profile.age"),
            Code::OutOfRange,
            format!("age {age} is over {MAX_AGE}"),
            format!("usia {age} lebih dari {MAX_AGE}"),
        ));
    }
    for (field, value) in [
        ("id", r.id.as_deref()),
        ("service", r.service.as_deref()),
        ("unit", r.unit.as_deref()),
    ] {
        if let Some(v) = value {
            if v.trim().is_empty() {
                out.push(Problem::new(
                    at(field),
                    Code::EmptyId,
                    format!("{field} is blank: leave it out or name it"),
                    format!("{field} kosong: hilangkan atau isi"),
                ));
            } else {
                crate::error::check_len(&mut out, at(field), v, MAX_ID);
            }
        }
    }
    if !crate::case::INSTANT_YEARS.contains(&r.date.year()) {
        out.push(Problem::new(
            at("date"),
            Code::DateOutOfRange,
            format!(
                "date {} is outside the years {} to {}",
                r.date,
                crate::case::INSTANT_YEARS.start(),
                crate::case::INSTANT_YEARS.end()
            ),
            format!(
                "tanggal {} berada di luar tahun {} sampai {}",
                r.date,
                crate::case::INSTANT_YEARS.start(),
                crate::case::INSTANT_YEARS.end()
            ),
        ));
    }
    out
}

/// Per-element sums and counts of answers: exact and mergeable.
///
/// # Example
/// ```
/// use ptsp::evaluation::{SurveyDef, Tally};
/// let def = SurveyDef::permenpanrb_14_2017();
/// let (mut a, mut b, mut whole) = (Tally::new(&def), Tally::new(&def), Tally::new(&def));
/// a.add_row(&[4; 9]);
/// b.add_row(&[2, 3, 0, 4, 4, 4, 4, 4, 4]); // 0: not answered
/// for row in [[4; 9], [2, 3, 0, 4, 4, 4, 4, 4, 4]] { whole.add_row(&row); }
/// a.merge(&b)?;
/// assert_eq!(a, whole);
/// assert_eq!(whole.answered(2), 1);
/// # Ok::<(), ptsp::evaluation::EvaluationError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Tally {
    /// Respondents counted.
    pub respondents: u64,
    /// Sum of the answers per element, in the survey's element order.
    pub sums: Vec<u64>,
    /// How many answered each element.
    pub counts: Vec<u64>,
    /// The earliest survey day counted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<NaiveDate>,
    /// The latest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<NaiveDate>,
}

impl Tally {
    /// An empty tally for a survey's elements.
    pub fn new(def: &SurveyDef) -> Tally {
        Tally {
            respondents: 0,
            sums: vec![0; def.elements.len()],
            counts: vec![0; def.elements.len()],
            from: None,
            to: None,
        }
    }

    /// Counts one row of answers in the survey's element order (0 or an
    /// answer outside 1–4: not answered; extra values ignored).
    pub fn add_row(&mut self, row: &[u8]) {
        self.respondents += 1;
        for ((s, c), &v) in self.sums.iter_mut().zip(&mut self.counts).zip(row) {
            let ok = (1..=4).contains(&v);
            *s += u64::from(v) * u64::from(ok);
            *c += u64::from(ok);
        }
    }

    /// Counts one response (answers to unknown elements, or outside 1–4,
    /// are not counted: validate first).
    pub fn add(&mut self, def: &SurveyDef, r: &Response) {
        self.respondents += 1;
        for (k, &v) in &r.answers {
            if let Some(i) = def.element_index(k)
                && (1..=4).contains(&v)
                && i < self.sums.len()
            {
                self.sums[i] += u64::from(v);
                self.counts[i] += 1;
            }
        }
        self.from = Some(self.from.map_or(r.date, |d| d.min(r.date)));
        self.to = Some(self.to.map_or(r.date, |d| d.max(r.date)));
    }

    /// The tally of `responses`, each validated first (blanks allowed) with
    /// every problem reported at once (`invalid_responses`).
    ///
    /// # Example
    /// ```
    /// use ptsp::evaluation::{Response, SurveyDef, Tally};
    /// let def = SurveyDef::permenpanrb_14_2017();
    /// let rs: Vec<Response> = serde_json::from_str(r#"[{"date": "2026-11-02", "answers": {"biaya": 4}}]"#).unwrap();
    /// assert_eq!(Tally::of(&def, &rs)?.sums[3], 4);
    /// # Ok::<(), ptsp::evaluation::EvaluationError>(())
    /// ```
    pub fn of(def: &SurveyDef, responses: &[Response]) -> Result<Tally, EvaluationError> {
        check_all(def, responses)?;
        let mut t = Tally::new(def);
        for r in responses {
            t.add(def, r);
        }
        Ok(t)
    }

    /// The tally of `rows`: answers laid out row after row, `width` per
    /// respondent in the survey's element order, 0 for not answered. A
    /// width other than the survey's, or an answer above 4, is refused
    /// (`invalid_responses`, the first such answer at `rows[i][j]`).
    ///
    /// # Example
    /// ```
    /// use ptsp::evaluation::{SurveyDef, Tally};
    /// let def = SurveyDef::permenpanrb_14_2017();
    /// let t = Tally::from_rows(&def, &[4, 4, 4, 4, 4, 4, 4, 4, 0, 3, 3, 3, 3, 3, 3, 3, 3, 3], 9)?;
    /// assert_eq!((t.respondents, t.counts[8]), (2, 1));
    /// let err = Tally::from_rows(&def, &[5; 9], 9).unwrap_err();
    /// assert_eq!(err.problems()[0].path, "rows[0][0]");
    /// # Ok::<(), ptsp::evaluation::EvaluationError>(())
    /// ```
    pub fn from_rows(def: &SurveyDef, rows: &[u8], width: usize) -> Result<Tally, EvaluationError> {
        let n = def.elements.len();
        let invalid = |path: String, en: String, id: String| EvaluationError::InvalidResponses {
            problems: vec![Problem::new(path, Code::OutOfRange, en, id)],
        };
        if width != n || !rows.len().is_multiple_of(n) {
            return Err(invalid(
                "rows".into(),
                format!(
                    "rows of {width} answers ({} in all): expected {n} per respondent, one per element",
                    rows.len()
                ),
                format!(
                    "baris berisi {width} jawaban ({} seluruhnya): seharusnya {n} per responden, satu per unsur",
                    rows.len()
                ),
            ));
        }
        if let Some(k) = rows.iter().position(|v| *v > def.scale.max) {
            let v = rows[k];
            return Err(invalid(
                format!("rows[{}][{}]", k / n, k % n),
                format!(
                    "answer {v} is outside 1 to {} (0: not answered)",
                    def.scale.max
                ),
                format!(
                    "jawaban {v} di luar 1 sampai {} (0: tidak dijawab)",
                    def.scale.max
                ),
            ));
        }
        let mut t = Tally::new(def);
        for row in rows.chunks_exact(n) {
            t.add_row(row);
        }
        Ok(t)
    }

    /// Every problem of a tally that did not come from [`Tally::add`] (one
    /// read back from storage, or sent by a client), paths under `path`:
    /// one sum and one count per element, no element answered by more
    /// than the respondents, every sum within what its count of 1–4
    /// answers allows, the days in order.
    ///
    /// # Example
    /// ```
    /// use ptsp::evaluation::{SurveyDef, Tally};
    /// let def = SurveyDef::permenpanrb_14_2017();
    /// let mut t = Tally::new(&def);
    /// t.add_row(&[4; 9]);
    /// assert!(t.validate(&def, "tally").is_empty());
    /// t.sums[0] = 100; // one answer cannot sum to 100
    /// assert_eq!(t.validate(&def, "tally")[0].path, "tally.sums[0]");
    /// ```
    pub fn validate(&self, def: &SurveyDef, path: &str) -> Vec<Problem> {
        let mut out = Vec::new();
        let n = def.elements.len();
        if self.sums.len() != n || self.counts.len() != n {
            out.push(Problem::new(
                format!("{path}.sums"),
                Code::InvalidTally,
                format!(
                    "a tally has {n} sums and {n} counts, one per element: found {} and {}",
                    self.sums.len(),
                    self.counts.len()
                ),
                format!(
                    "tally memiliki {n} jumlah dan {n} hitungan, satu per unsur: ditemukan {} dan {}",
                    self.sums.len(),
                    self.counts.len()
                ),
            ));
            return out;
        }
        let (lo, hi) = (u128::from(def.scale.min), u128::from(def.scale.max));
        for (i, (s, c)) in self.sums.iter().zip(&self.counts).enumerate() {
            if *c > self.respondents {
                out.push(Problem::new(
                    format!("{path}.counts[{i}]"),
                    Code::OutOfRange,
                    format!("{c} answers from {} respondents", self.respondents),
                    format!("{c} jawaban dari {} responden", self.respondents),
                ));
            }
            let (s, c) = (u128::from(*s), u128::from(*c));
            if s < c * lo || s > c * hi {
                out.push(Problem::new(
                    format!("{path}.sums[{i}]"),
                    Code::OutOfRange,
                    format!("a sum of {s} is not what {c} answers of {lo} to {hi} can give"),
                    format!("jumlah {s} tidak mungkin dari {c} jawaban bernilai {lo} sampai {hi}"),
                ));
            }
        }
        if let (Some(from), Some(to)) = (self.from, self.to)
            && to < from
        {
            out.push(Problem::new(
                format!("{path}.to"),
                Code::EndsBeforeStart,
                format!("the last day ({to}) is before the first ({from})"),
                format!("hari terakhir ({to}) sebelum hari pertama ({from})"),
            ));
        }
        out
    }

    /// Adds another tally of the same survey: a tally over parts equals the
    /// tally over the whole. `other` is validated first, and a total that
    /// would overflow is refused (`invalid_tally`); nothing changes then.
    pub fn merge(&mut self, other: &Tally) -> Result<(), EvaluationError> {
        let invalid = |problems| EvaluationError::InvalidTally { problems };
        if self.sums.len() != other.sums.len() || self.counts.len() != other.counts.len() {
            return Err(invalid(vec![Problem::new(
                "sums",
                Code::InvalidTally,
                "tallies of surveys with different elements cannot be merged",
                "tally survei dengan unsur berbeda tidak dapat digabung",
            )]));
        }
        let add = |a: &[u64], b: &[u64]| -> Option<Vec<u64>> {
            a.iter().zip(b).map(|(x, y)| x.checked_add(*y)).collect()
        };
        let merged = (
            self.respondents.checked_add(other.respondents),
            add(&self.sums, &other.sums),
            add(&self.counts, &other.counts),
        );
        let (Some(respondents), Some(sums), Some(counts)) = merged else {
            return Err(invalid(vec![Problem::new(
                "respondents",
                Code::OutOfRange,
                "the merged tally's counts would overflow",
                "hitungan tally gabungan akan melampaui batas",
            )]));
        };
        (self.respondents, self.sums, self.counts) = (respondents, sums, counts);
        self.from = match (self.from, other.from) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        self.to = match (self.to, other.to) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        Ok(())
    }

    /// The tally of the union of `tallies`, each validated first with its
    /// position (`tallies[2].sums[0]`), every problem at once.
    ///
    /// # Example
    /// ```
    /// use ptsp::evaluation::{SurveyDef, Tally};
    /// let def = SurveyDef::permenpanrb_14_2017();
    /// let mut t = Tally::new(&def);
    /// t.add_row(&[3; 9]);
    /// assert_eq!(Tally::merge_all(&def, &[t.clone(), t])?.respondents, 2);
    /// # Ok::<(), ptsp::evaluation::EvaluationError>(())
    /// ```
    pub fn merge_all(def: &SurveyDef, tallies: &[Tally]) -> Result<Tally, EvaluationError> {
        let problems: Vec<Problem> = tallies
            .iter()
            .enumerate()
            .flat_map(|(i, t)| t.validate(def, &format!("tallies[{i}]")))
            .collect();
        if !problems.is_empty() {
            return Err(EvaluationError::InvalidTally { problems });
        }
        let mut out = Tally::new(def);
        for t in tallies {
            out.merge(t)?;
        }
        Ok(out)
    }

    /// How many answered element `i`.
    pub fn answered(&self, i: usize) -> u64 {
        self.counts.get(i).copied().unwrap_or(0)
    }

    /// The index from this tally (validated first: `invalid_tally`):
    /// refused with no respondents
    /// (`no_respondents`) or an element nobody answered
    /// (`unanswered_element`, since every element weighs the same).
    pub fn result(&self, def: &SurveyDef, used: Method) -> Result<IkmResult, EvaluationError> {
        let problems = self.validate(def, "tally");
        if !problems.is_empty() {
            return Err(EvaluationError::InvalidTally { problems });
        }
        if self.respondents == 0 {
            return Err(EvaluationError::NoRespondents);
        }
        if let Some(i) = self.counts.iter().position(|c| *c == 0) {
            return Err(EvaluationError::UnansweredElement {
                element: def
                    .elements
                    .get(i)
                    .map(|e| e.id.clone())
                    .unwrap_or_default(),
            });
        }
        let k = def.elements.len() as u64;
        let nrrs: Vec<Fraction> = self
            .sums
            .iter()
            .zip(&self.counts)
            .map(|(s, c)| Fraction::new(u128::from(*s), u128::from(*c)))
            .collect();
        let total = nrrs.iter().fold(Fraction::whole(0), |acc, f| acc.add(f));
        let exact = figure(def, &total.scale(1, k));
        let printed = figure(def, &total.scale(111, 1000));
        let elements: Vec<ElementResult> = def
            .elements
            .iter()
            .zip(&nrrs)
            .zip(self.sums.iter().zip(&self.counts))
            .map(|((e, nrr), (s, c))| {
                let f = figure(def, nrr);
                ElementResult {
                    id: e.id.clone(),
                    name: e.name.clone(),
                    answered: *c,
                    total: *s,
                    nrr: f.index,
                    nrr_value: f.value,
                    converted: f.converted,
                    category: f.category,
                }
            })
            .collect();
        let lowest = nrrs
            .iter()
            .min()
            .cloned()
            .unwrap_or_else(|| Fraction::whole(0));
        let weakest = def
            .elements
            .iter()
            .zip(&nrrs)
            .filter(|(_, n)| **n == lowest)
            .map(|(e, _)| e.id.clone())
            .collect();
        let category = match used {
            Method::Exact => exact.category.clone(),
            Method::PrintedWeight => printed.category.clone(),
        };
        Ok(IkmResult {
            respondents: self.respondents,
            from: self.from,
            to: self.to,
            elements,
            exact,
            with_printed_weight: printed,
            used,
            category,
            weakest,
        })
    }
}

/// Which weighting a result's category follows.
///
/// # Example
/// ```
/// assert_eq!(ptsp::evaluation::Method::default(), ptsp::evaluation::Method::Exact);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// Each element weighs exactly 1/9 (the weights add up to 1, as the
    /// guideline requires; all answers 4 give 100, the top of the table).
    #[default]
    Exact,
    /// Each element weighs 0,111, as the processing format prints (all
    /// answers 4 give 99,90).
    PrintedWeight,
}

/// An index value: on the 1–4 scale with four decimals, converted to 25–100
/// with two (both rounded half up from the exact value), and its category.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Figure {
    /// On the 1–4 scale, four decimals (`"3.4444"`).
    pub index: String,
    /// Converted (× 25), two decimals (`"86.11"`).
    pub converted: String,
    /// The converted value as a number (for charts).
    pub value: f64,
    /// Its category in the regulation's table.
    pub category: Category,
}

/// A category of the table, as a result carries it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Category {
    /// The perception value, 1 to 4.
    pub perception: u8,
    /// The quality letter.
    pub quality: String,
    /// The unit's performance.
    pub performance: Label,
}

/// One element's figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ElementResult {
    /// Element id.
    pub id: String,
    /// Its name.
    pub name: Label,
    /// How many answered it.
    pub answered: u64,
    /// The sum of their answers.
    pub total: u64,
    /// The average (NRR) with four decimals.
    pub nrr: String,
    /// The average as a number.
    pub nrr_value: f64,
    /// The average converted (× 25), two decimals.
    pub converted: String,
    /// The element's own category (the results name what to improve).
    pub category: Category,
}

/// The satisfaction index of a set of responses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct IkmResult {
    /// Respondents.
    pub respondents: u64,
    /// The earliest survey day.
    pub from: Option<NaiveDate>,
    /// The latest.
    pub to: Option<NaiveDate>,
    /// Per element, in the survey's order.
    pub elements: Vec<ElementResult>,
    /// With the exact weight 1/9.
    pub exact: Figure,
    /// With the printed weight 0,111.
    pub with_printed_weight: Figure,
    /// Which of the two `category` follows.
    pub used: Method,
    /// The category of the method used.
    pub category: Category,
    /// The elements with the lowest average (ties all named): where to
    /// improve first.
    pub weakest: Vec<String>,
}

/// The figure of a value on the 1–4 scale.
fn figure(def: &SurveyDef, v: &Fraction) -> Figure {
    let converted = v.scale(u64::from(def.conversion.factor.unwrap_or(25)), 1);
    let text = converted.decimal(2);
    Figure {
        index: v.decimal(4),
        value: converted.to_f64(),
        category: category_of(def, &text),
        converted: text,
    }
}

/// Hundredths of a decimal text such as `"64.99"` or `"100"`.
fn hundredths(text: &str) -> Option<u64> {
    let (int, frac) = text.split_once('.').unwrap_or((text, ""));
    let frac = format!("{frac:0<2}");
    if frac.len() > 2 {
        return None;
    }
    Some(int.parse::<u64>().ok()? * 100 + frac.parse::<u64>().ok()?)
}

/// The category of a converted value already rounded to two decimals — the
/// precision the table prints its intervals with, which then leave no gap:
/// 64.99 is D, 65.00 is C.
fn category_of(def: &SurveyDef, converted: &str) -> Category {
    let v = hundredths(converted).unwrap_or(0);
    let row = def
        .categories
        .iter()
        .rev()
        .find(|c| hundredths(&c.converted_from).is_some_and(|from| v >= from))
        .or(def.categories.first());
    match row {
        Some(c) => Category {
            perception: c.perception,
            quality: c.quality.clone(),
            performance: c.performance.clone(),
        },
        None => Category {
            perception: 0,
            quality: String::new(),
            performance: Label::new("", ""),
        },
    }
}

/// The index of a set of responses, every response validated first (with
/// blanks allowed) and every problem reported at once
/// (`invalid_responses`, paths `responses[i].…`).
///
/// # Example
/// ```
/// use ptsp::evaluation::{Method, Response, SurveyDef, ikm};
/// let rs: Vec<Response> = serde_json::from_str(r#"[
///   {"date": "2026-11-02", "answers": {"persyaratan": 4, "prosedur": 4, "waktu": 4, "biaya": 4,
///     "produk": 4, "kompetensi": 4, "perilaku": 4, "pengaduan": 4, "sarana": 4}}]"#).unwrap();
/// let r = ikm(&SurveyDef::permenpanrb_14_2017(), &rs, Method::Exact)?;
/// assert_eq!((r.exact.converted.as_str(), r.category.performance.id.as_str()), ("100.00", "Sangat Baik"));
/// assert_eq!(r.with_printed_weight.converted, "99.90");
/// # Ok::<(), ptsp::evaluation::EvaluationError>(())
/// ```
pub fn ikm(
    def: &SurveyDef,
    responses: &[Response],
    used: Method,
) -> Result<IkmResult, EvaluationError> {
    Tally::of(def, responses)?.result(def, used)
}

fn check_all(def: &SurveyDef, responses: &[Response]) -> Result<(), EvaluationError> {
    let rules = ResponseRules { require_all: false };
    let mut problems = Vec::new();
    for (i, r) in responses.iter().enumerate() {
        if plainly_valid(def, r) {
            continue;
        }
        problems.extend(validate_response(
            def,
            r,
            &rules,
            &format!("responses[{i}]"),
        ));
        if problems.len() > 1_000 {
            break;
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(EvaluationError::InvalidResponses { problems })
    }
}

/// A quick look that passes what [`validate_response`] (blanks allowed)
/// would find nothing wrong with, without building paths: the common case.
fn plainly_valid(def: &SurveyDef, r: &Response) -> bool {
    let (lo, hi) = (def.scale.min, def.scale.max);
    let listed = |field: &str, v: &Option<String>| {
        v.as_deref().is_none_or(|v| {
            def.profile
                .iter()
                .find(|f| f.id == field)
                .is_none_or(|f| f.options.iter().any(|o| o.id == v))
        })
    };
    r.answers
        .iter()
        .all(|(k, v)| (lo..=hi).contains(v) && def.elements.iter().any(|e| e.id == *k))
        && listed("sex", &r.profile.sex)
        && listed("education", &r.profile.education)
        && listed("occupation", &r.profile.occupation)
        && r.profile.age.is_none_or(|a| a <= MAX_AGE)
        && [&r.id, &r.service, &r.unit].iter().all(|v| {
            v.as_ref()
                .is_none_or(|v| !v.trim().is_empty() && v.chars().count() <= MAX_ID)
        })
        && crate::case::INSTANT_YEARS.contains(&r.date.year())
}

/// How [`ikm_by`] groups responses.
///
/// # Example
/// ```
/// let g: ptsp::evaluation::GroupBy = serde_json::from_str("\"month\"")?;
/// assert_eq!(g, ptsp::evaluation::GroupBy::Month);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum GroupBy {
    /// Per service (`-` for responses that name none).
    Service,
    /// Per unit (`-` for responses that name none).
    Unit,
    /// Per month (`2026-11`).
    Month,
    /// Per quarter (`2026-Q4`).
    Quarter,
    /// Per half year, the semesters SKM reports use (`2026-S2`).
    Semester,
    /// Per year (`2026`).
    Year,
}

/// One group's index, or why it has none (an element nobody in the group
/// answered).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct GroupResult {
    /// The group's key.
    pub key: String,
    /// Its index.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<IkmResult>,
    /// Why it has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub problem: Option<Problem>,
}

/// The index per group, keys in order.
///
/// # Example
/// ```
/// use ptsp::evaluation::{GroupBy, Method, Response, SurveyDef, ikm_by};
/// let all = |d: &str, v: u8| format!(r#"{{"date": "{d}", "answers": {{"persyaratan": {v}, "prosedur": {v},
///   "waktu": {v}, "biaya": {v}, "produk": {v}, "kompetensi": {v}, "perilaku": {v}, "pengaduan": {v}, "sarana": {v}}}}}"#);
/// let rs: Vec<Response> = serde_json::from_str(&format!("[{}, {}]", all("2026-10-05", 3), all("2026-11-09", 4))).unwrap();
/// let g = ikm_by(&SurveyDef::permenpanrb_14_2017(), &rs, GroupBy::Month, Method::Exact)?;
/// assert_eq!(g.iter().map(|x| x.key.as_str()).collect::<Vec<_>>(), ["2026-10", "2026-11"]);
/// assert_eq!(g[0].result.as_ref().unwrap().exact.converted, "75.00");
/// # Ok::<(), ptsp::evaluation::EvaluationError>(())
/// ```
pub fn ikm_by(
    def: &SurveyDef,
    responses: &[Response],
    by: GroupBy,
    used: Method,
) -> Result<Vec<GroupResult>, EvaluationError> {
    check_all(def, responses)?;
    let mut groups: BTreeMap<String, Tally> = BTreeMap::new();
    for r in responses {
        let key = match by {
            GroupBy::Service => r.service.clone().unwrap_or_else(|| "-".into()),
            GroupBy::Unit => r.unit.clone().unwrap_or_else(|| "-".into()),
            GroupBy::Month => format!("{:04}-{:02}", r.date.year(), r.date.month()),
            GroupBy::Quarter => format!("{:04}-Q{}", r.date.year(), r.date.month0() / 3 + 1),
            GroupBy::Semester => format!("{:04}-S{}", r.date.year(), r.date.month0() / 6 + 1),
            GroupBy::Year => format!("{:04}", r.date.year()),
        };
        groups
            .entry(key)
            .or_insert_with(|| Tally::new(def))
            .add(def, r);
    }
    Ok(groups
        .into_iter()
        .map(|(key, t)| match t.result(def, used) {
            Ok(r) => GroupResult {
                key,
                result: Some(r),
                problem: None,
            },
            Err(e) => GroupResult {
                problem: Some(Problem::new(
                    key.clone(),
                    e.code(),
                    e.message(crate::Lang::En),
                    e.message(crate::Lang::Id),
                )),
                key,
                result: None,
            },
        })
        .collect())
}

/// The sample size for a population of `population` service users, by
/// Krejcie and Morgan (1970): `S = λ²·N·P·Q / (d²·(N−1) + λ²·P·Q)` with
/// λ² = 3.841, P = Q = 0.5 and d = 0.05, rounded to the nearest whole
/// number — which reproduces every row of their published table.
///
/// # Example
/// ```
/// use ptsp::evaluation::sample_size;
/// assert_eq!(sample_size(100), 80);
/// assert_eq!(sample_size(1_000), 278);
/// assert_eq!(sample_size(1_000_000), 384);
/// ```
pub fn sample_size(population: u64) -> u64 {
    if population == 0 {
        return 0;
    }
    // 3.841·N·0.25 / (0.0025·(N−1) + 3.841·0.25) = 3841·N / (10·(N−1) + 3841)
    let n = u128::from(population);
    let num = 3_841 * n;
    let den = 10 * (n - 1) + 3_841;
    u64::try_from((2 * num + den) / (2 * den)).unwrap_or(u64::MAX)
}
