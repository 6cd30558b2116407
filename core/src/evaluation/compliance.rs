//! Internal evaluation (seed §11, *evaluasi secara internal*): SLA
//! compliance reports over any set of cases and a period, grouped by the
//! dimensions asked for — procedure (the service type), step, lane, unit,
//! staff member, tier, month — with exact counts and exact histograms of
//! working minutes, so that a report over parts merges into the report over
//! the whole ([`ComplianceReport::merge`]) and the work splits across
//! processes.
//!
//! What a step visit contributes, for a period `[from, to]` (days, in each
//! instant's own offset) and an instant `now`:
//!
//! * **started** — entered within the period;
//! * **finished** — ended within the period; if it had a deadline, **on
//!   time** (ended by it) or **late**; its working minutes (pauses with the
//!   applicant excluded) into the histogram, its correction rounds and the
//!   working time paused;
//! * **open** — entered by the end of the period and not ended at `now`;
//!   **breached** when its deadline has passed at `now`;
//! * **warned** and **escalated** — the supervision recorded on it
//!   (seed §6), counted where it finished, or as open.
//!
//! With the month as a dimension, a visit counts where each of these
//! happened: started in its start month, finished in its end month, open in
//! the month of the period's end. Cases contribute the same way to case
//! rows: submitted, ended (with how), deemed approvals due, and for a tiered
//! procedure (complaints) the tier's case-level deadline met or missed.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{EvaluationError, Fraction};
use crate::calendar::Calendar;
use crate::case::{Case, CaseStatus, StepVisit};
use crate::desk::routing::index::FastBuild;
use crate::error::{Code, Lang, Problem};
use crate::procedure::{EndKind, Procedure};

type Instant = DateTime<FixedOffset>;

/// What a report groups by.
///
/// # Example
/// ```
/// let d: ptsp::evaluation::Dimension = serde_json::from_str("\"staff\"")?;
/// assert_eq!(d, ptsp::evaluation::Dimension::Staff);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    /// The procedure (service type) id.
    Procedure,
    /// The step id (step rows only).
    Step,
    /// The lane id (step rows only).
    Lane,
    /// The unit that completed a routed step (step rows only; `-` for none).
    Unit,
    /// The staff member bound to the step visit (step rows only; `-` for
    /// none).
    Staff,
    /// The case's tier (`-` for none).
    Tier,
    /// The month (`2026-11`).
    Month,
}

impl Dimension {
    /// Its name in the given language, for column headers.
    ///
    /// # Example
    /// ```
    /// assert_eq!(ptsp::evaluation::Dimension::Staff.label(ptsp::Lang::Id), "Petugas");
    /// ```
    pub fn label(self, lang: Lang) -> &'static str {
        let (id, en) = match self {
            Dimension::Procedure => ("Layanan", "Service"),
            Dimension::Step => ("Langkah", "Step"),
            Dimension::Lane => ("Lajur", "Lane"),
            Dimension::Unit => ("Unit", "Unit"),
            Dimension::Staff => ("Petugas", "Staff"),
            Dimension::Tier => ("Tingkat", "Tier"),
            Dimension::Month => ("Bulan", "Month"),
        };
        lang.pick(id, en)
    }
}

/// The period a report covers: days `from` to `to`, both included.
///
/// # Example
/// ```
/// let p: ptsp::evaluation::Period = serde_json::from_str(r#"{"from": "2026-01-01", "to": "2026-12-31"}"#)?;
/// assert!(p.contains("2026-07-01".parse().unwrap()));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// The first day.
    pub from: NaiveDate,
    /// The last day.
    pub to: NaiveDate,
}

impl Period {
    /// Whether `day` falls within the period.
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.from <= day && day <= self.to
    }
}

/// Exact counts of working minutes: minute → how many visits took it
/// (rounded down to the minute).
pub type Minutes = BTreeMap<u32, u64>;

/// What step visits did, in one row.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StepStats {
    /// Visits entered within the period.
    pub started: u64,
    /// Visits ended within the period.
    pub finished: u64,
    /// Of those with a deadline, ended by it.
    pub on_time: u64,
    /// Of those with a deadline, ended after it.
    pub late: u64,
    /// Visits open at `now`.
    pub open: u64,
    /// Of those, past their deadline.
    pub breached: u64,
    /// Correction rounds of the finished visits.
    pub corrections: u64,
    /// Working seconds the finished visits spent with the applicant.
    pub paused_seconds: i64,
    /// Visits whose preventive warning was recorded.
    pub warned: u64,
    /// Visits escalated after their deadline (repressive, any level).
    pub escalated: u64,
    /// The highest escalation level recorded.
    pub max_level: u8,
    /// Working minutes of the finished visits, exactly (in JSON, a list of
    /// `[minute, visits]` pairs in minute order).
    #[serde(with = "pairs")]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<(u32, u64)>"))]
    pub minutes: Minutes,
}

/// A minute histogram as `[minute, visits]` pairs: JSON object keys are
/// text, and a list keeps the minutes numbers in every language.
mod pairs {
    use super::Minutes;
    use serde::{Deserialize, Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(m: &Minutes, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(m.iter())
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Minutes, D::Error> {
        let pairs: Vec<(u32, u64)> = Vec::deserialize(d)?;
        let mut out = Minutes::new();
        for (m, n) in pairs {
            let slot = out.entry(m).or_default();
            *slot = slot
                .checked_add(n)
                .ok_or_else(|| serde::de::Error::custom("a minute's count overflows"))?;
        }
        Ok(out)
    }
}

/// `a + b`, or `None` when it overflows (a forged report): merging never
/// wraps around.
fn add(a: &mut u64, b: u64) -> Option<()> {
    *a = a.checked_add(b)?;
    Some(())
}

impl StepStats {
    /// Adds `o`'s figures; `None` (and a partly added `self`, to be thrown
    /// away) when a count would overflow.
    fn merge(&mut self, o: &StepStats) -> Option<()> {
        add(&mut self.started, o.started)?;
        add(&mut self.finished, o.finished)?;
        add(&mut self.on_time, o.on_time)?;
        add(&mut self.late, o.late)?;
        add(&mut self.open, o.open)?;
        add(&mut self.breached, o.breached)?;
        add(&mut self.corrections, o.corrections)?;
        self.paused_seconds = self.paused_seconds.checked_add(o.paused_seconds)?;
        add(&mut self.warned, o.warned)?;
        add(&mut self.escalated, o.escalated)?;
        self.max_level = self.max_level.max(o.max_level);
        for (m, n) in &o.minutes {
            add(self.minutes.entry(*m).or_default(), *n)?;
        }
        Some(())
    }

    /// Every inconsistency of a row read from outside: more on time and
    /// late than finished, a minute histogram that does not count the
    /// finished visits, more breached than open, negative paused time, a
    /// level beyond the deepest line of command.
    fn problems(&self, path: &str, out: &mut Vec<Problem>) {
        let total: u128 = self.minutes.values().map(|n| u128::from(*n)).sum();
        let checks = [
            (
                u128::from(self.on_time) + u128::from(self.late) <= u128::from(self.finished),
                "on_time",
                "more on time and late than finished",
                "tepat waktu dan terlambat melebihi yang selesai",
            ),
            (
                total == u128::from(self.finished),
                "minutes",
                "the minutes do not count the finished visits",
                "menit tidak menghitung kunjungan yang selesai",
            ),
            (
                self.breached <= self.open,
                "breached",
                "more past their deadline than open",
                "lewat tenggat melebihi yang berjalan",
            ),
            (
                self.paused_seconds >= 0,
                "paused_seconds",
                "negative time paused",
                "waktu jeda negatif",
            ),
            (
                usize::from(self.max_level) <= crate::office::organisation::MAX_DEPTH,
                "max_level",
                "a level beyond the deepest line of command",
                "tingkat melebihi garis komando terdalam",
            ),
        ];
        for (ok, field, en, id) in checks {
            if !ok {
                out.push(Problem::new(
                    format!("{path}.{field}"),
                    Code::OutOfRange,
                    en,
                    id,
                ));
            }
        }
    }

    /// On time among the finished visits with a deadline, in percent with
    /// two decimals (rounded half up), or `None` when there are none.
    ///
    /// # Example
    /// ```
    /// let mut s = ptsp::evaluation::StepStats::default();
    /// (s.on_time, s.late) = (2, 1);
    /// assert_eq!(s.on_time_percent().as_deref(), Some("66.67"));
    /// ```
    pub fn on_time_percent(&self) -> Option<String> {
        let timed = u128::from(self.on_time) + u128::from(self.late);
        (timed > 0).then(|| Fraction::new(u128::from(self.on_time) * 100, timed).decimal(2))
    }

    /// The `p`-th percentile (0–100) of the working minutes, nearest rank:
    /// the smallest minute at or below which at least `p`% of the finished
    /// visits fall. `None` without finished visits.
    ///
    /// # Example
    /// ```
    /// let mut s = ptsp::evaluation::StepStats::default();
    /// s.minutes = [(10, 1), (20, 1), (30, 1), (600, 1)].into();
    /// assert_eq!((s.percentile(50), s.percentile(90)), (Some(20), Some(600)));
    /// ```
    pub fn percentile(&self, p: u8) -> Option<u32> {
        let total: u128 = self.minutes.values().map(|n| u128::from(*n)).sum();
        if total == 0 {
            return None;
        }
        // Nearest rank: ceil(p/100 · total), at least 1.
        let rank = (u128::from(p.min(100)) * total).div_ceil(100).max(1);
        let mut seen = 0u128;
        for (m, n) in &self.minutes {
            seen += u128::from(*n);
            if seen >= rank {
                return Some(*m);
            }
        }
        self.minutes.keys().next_back().copied()
    }
}

/// What cases did, in one row.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CaseStats {
    /// Cases submitted within the period.
    pub submitted: u64,
    /// Cases ended within the period, by how (`approved`, `rejected` …).
    pub ended: BTreeMap<String, u64>,
    /// Cases open at `now`.
    pub open: u64,
    /// Deemed approvals due at `now` (the procedure's opt-in rule).
    pub deemed_approvals: u64,
    /// Cases whose tier (case-level) deadline was met, among those ended
    /// within the period with a tier.
    pub tier_on_time: u64,
    /// Missed.
    pub tier_late: u64,
    /// Correction rounds of the cases ended within the period.
    pub corrections: u64,
}

impl CaseStats {
    /// Adds `o`'s figures; `None` when a count would overflow.
    fn merge(&mut self, o: &CaseStats) -> Option<()> {
        add(&mut self.submitted, o.submitted)?;
        for (k, n) in &o.ended {
            add(self.ended.entry(k.clone()).or_default(), *n)?;
        }
        add(&mut self.open, o.open)?;
        add(&mut self.deemed_approvals, o.deemed_approvals)?;
        add(&mut self.tier_on_time, o.tier_on_time)?;
        add(&mut self.tier_late, o.tier_late)?;
        add(&mut self.corrections, o.corrections)?;
        Some(())
    }

    fn problems(&self, path: &str, out: &mut Vec<Problem>) {
        let ended: u128 = self.ended.values().map(|n| u128::from(*n)).sum();
        if u128::from(self.tier_on_time) + u128::from(self.tier_late) > ended {
            out.push(Problem::new(
                format!("{path}.tier_on_time"),
                Code::OutOfRange,
                "more tier deadlines met and missed than cases ended",
                "tenggat tingkat terpenuhi dan terlewati melebihi kasus yang berakhir",
            ));
        }
        for k in self.ended.keys() {
            if serde_json::from_value::<EndKind>(serde_json::Value::from(k.as_str())).is_err() {
                out.push(Problem::new(
                    format!("{path}.ended.{}", crate::error::excerpt(k)),
                    Code::UnknownVariant,
                    format!("“{}” is not a way a case ends", crate::error::excerpt(k)),
                    format!("“{}” bukan cara kasus berakhir", crate::error::excerpt(k)),
                ));
            }
        }
    }
}

/// One row of step figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StepRow {
    /// The values of the report's step dimensions, in their order.
    pub key: Vec<String>,
    /// The figures.
    pub stats: StepStats,
}

/// One row of case figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CaseRow {
    /// The values of the report's case dimensions, in their order.
    pub key: Vec<String>,
    /// The figures.
    pub stats: CaseStats,
}

/// An SLA compliance report: exact, mergeable.
///
/// # Example
/// ```
/// use ptsp::evaluation::{ComplianceReport, Dimension, Period};
/// let period = Period { from: "2026-01-01".parse().unwrap(), to: "2026-12-31".parse().unwrap() };
/// let now = ptsp::calendar::parse_instant("2027-01-04T08:00:00+07:00")?;
/// let r = ComplianceReport::new(period, now, &[Dimension::Procedure, Dimension::Step])?;
/// assert!(r.steps.is_empty() && r.cases.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ComplianceReport {
    /// The period.
    pub period: Period,
    /// The instant open visits are judged at.
    pub now: Instant,
    /// The dimensions step rows are grouped by.
    pub step_dimensions: Vec<Dimension>,
    /// The dimensions case rows are grouped by (those of the step
    /// dimensions that apply to cases: procedure, tier, month).
    pub case_dimensions: Vec<Dimension>,
    /// Step rows, keys in order.
    pub steps: Vec<StepRow>,
    /// Case rows, keys in order.
    pub cases: Vec<CaseRow>,
    /// Cases counted.
    pub counted: u64,
}

/// The longest key text a report row may carry (ids, months): the longest
/// id any procedure may allow ([`TextLimits::CEILING`](crate::TextLimits::CEILING)),
/// so a report of checked logs always passes [`ComplianceReport::validate`].
pub const MAX_KEY: usize = crate::procedure::TextLimits::CEILING;

/// The problems of a report's period, dimensions and instant.
fn header_problems(
    period: Period,
    now: Instant,
    dimensions: &[Dimension],
    path: &str,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    if period.to < period.from {
        problems.push(Problem::new(
            "period",
            Code::EndsBeforeStart,
            format!(
                "the period ends ({}) before it starts ({})",
                period.to, period.from
            ),
            format!(
                "periode berakhir ({}) sebelum dimulai ({})",
                period.to, period.from
            ),
        ));
    }
    for (name, day) in [("from", period.from), ("to", period.to)] {
        if !crate::case::INSTANT_YEARS.contains(&day.year()) {
            problems.push(Problem::new(
                format!("period.{name}"),
                Code::DateOutOfRange,
                format!(
                    "date {day} is outside the years {} to {}",
                    crate::case::INSTANT_YEARS.start(),
                    crate::case::INSTANT_YEARS.end()
                ),
                format!(
                    "tanggal {day} berada di luar tahun {} sampai {}",
                    crate::case::INSTANT_YEARS.start(),
                    crate::case::INSTANT_YEARS.end()
                ),
            ));
        }
    }
    for (i, d) in dimensions.iter().enumerate() {
        if dimensions[..i].contains(d) {
            problems.push(Problem::new(
                format!("{path}[{i}]"),
                Code::DuplicateDimension,
                format!("{} is named twice", d.label(Lang::En)),
                format!("{} disebut dua kali", d.label(Lang::Id)),
            ));
        }
    }
    if let Err(p) = crate::case::check_instant("now", now) {
        problems.extend(p.problems().iter().cloned());
    }
    problems
}

/// The case dimensions of a report grouped by `dimensions`.
fn case_dimensions(dimensions: &[Dimension]) -> Vec<Dimension> {
    dimensions
        .iter()
        .copied()
        .filter(|d| matches!(d, Dimension::Procedure | Dimension::Tier | Dimension::Month))
        .collect()
}

/// Problems of rows' keys: the right number of values, none over-long,
/// keys strictly in order (so no row twice).
fn key_problems<'k>(
    keys: impl Iterator<Item = &'k Vec<String>>,
    width: usize,
    path: &str,
    out: &mut Vec<Problem>,
) {
    let mut last: Option<&Vec<String>> = None;
    for (i, key) in keys.enumerate() {
        let at = format!("{path}[{i}].key");
        if key.len() != width {
            out.push(Problem::new(
                at.clone(),
                Code::OutOfRange,
                format!("a key of {} values for {width} dimensions", key.len()),
                format!("kunci {} nilai untuk {width} dimensi", key.len()),
            ));
        }
        for (j, k) in key.iter().enumerate() {
            crate::error::check_len(out, format!("{at}[{j}]"), k, MAX_KEY);
        }
        if last.is_some_and(|l| l >= key) {
            out.push(Problem::new(
                at,
                Code::DuplicateId,
                "rows out of order or repeated",
                "baris tidak berurutan atau berulang",
            ));
        }
        last = Some(key);
        if out.len() > 100 {
            return;
        }
    }
}

impl ComplianceReport {
    /// An empty report (no dimension repeated; the period not reversed and
    /// within the years 1900 to 2200).
    pub fn new(
        period: Period,
        now: Instant,
        dimensions: &[Dimension],
    ) -> Result<ComplianceReport, EvaluationError> {
        let problems = header_problems(period, now, dimensions, "dimensions");
        if !problems.is_empty() {
            return Err(EvaluationError::InvalidReport { problems });
        }
        Ok(ComplianceReport {
            period,
            now,
            step_dimensions: dimensions.to_vec(),
            case_dimensions: case_dimensions(dimensions),
            steps: Vec::new(),
            cases: Vec::new(),
            counted: 0,
        })
    }

    /// Every problem of a report that did not come from [`compliance`]
    /// (one read back from storage, or sent by a client): its period,
    /// dimensions and instant as [`ComplianceReport::new`] checks them, the
    /// case dimensions those of the step dimensions, every row's key of
    /// the right width, bounded and in order, and every row's figures
    /// consistent (no more on time than finished, a minute histogram that
    /// counts the finished visits …).
    ///
    /// # Example
    /// ```
    /// use ptsp::evaluation::{ComplianceReport, Dimension, Period};
    /// let period = Period { from: "2026-12-01".parse().unwrap(), to: "2026-12-31".parse().unwrap() };
    /// let now = ptsp::calendar::parse_instant("2026-12-31T15:00:00+07:00")?;
    /// let mut r = ComplianceReport::new(period, now, &[Dimension::Step])?;
    /// r.steps.push(ptsp::evaluation::StepRow { key: vec![], stats: Default::default() });
    /// assert_eq!(r.validate()[0].path, "steps[0].key");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn validate(&self) -> Vec<Problem> {
        let mut out = header_problems(
            self.period,
            self.now,
            &self.step_dimensions,
            "step_dimensions",
        );
        if self.case_dimensions != case_dimensions(&self.step_dimensions) {
            out.push(Problem::new(
                "case_dimensions",
                Code::OutOfRange,
                "the case dimensions are not those of the step dimensions",
                "dimensi kasus bukan dimensi langkah yang berlaku untuk kasus",
            ));
        }
        key_problems(
            self.steps.iter().map(|r| &r.key),
            self.step_dimensions.len(),
            "steps",
            &mut out,
        );
        key_problems(
            self.cases.iter().map(|r| &r.key),
            self.case_dimensions.len(),
            "cases",
            &mut out,
        );
        for (i, r) in self.steps.iter().enumerate().take(1_000) {
            r.stats.problems(&format!("steps[{i}].stats"), &mut out);
        }
        for (i, r) in self.cases.iter().enumerate().take(1_000) {
            r.stats.problems(&format!("cases[{i}].stats"), &mut out);
        }
        out.truncate(100);
        out
    }

    /// The report if [`ComplianceReport::validate`] finds nothing
    /// (`invalid_report` with every problem otherwise): how a report read
    /// from outside comes in.
    pub fn checked(self) -> Result<ComplianceReport, EvaluationError> {
        let problems = self.validate();
        if problems.is_empty() {
            Ok(self)
        } else {
            Err(EvaluationError::InvalidReport { problems })
        }
    }

    /// Adds another report over other cases with the same period, instant
    /// and dimensions (`incompatible_reports` otherwise): the result is the
    /// report over all their cases. Both are validated first
    /// (`invalid_report`), a total that would overflow is refused, and a
    /// refused merge changes nothing.
    pub fn merge(&mut self, other: &ComplianceReport) -> Result<(), EvaluationError> {
        let problems: Vec<Problem> = self
            .validate()
            .into_iter()
            .chain(other.validate())
            .collect();
        if !problems.is_empty() {
            return Err(EvaluationError::InvalidReport { problems });
        }
        self.merge_valid(other)
    }

    /// The report over the union of `reports` (each validated with its
    /// position, every problem at once; `nothing_to_merge` for none).
    ///
    /// # Example
    /// ```
    /// use ptsp::evaluation::{ComplianceReport, Dimension, Period};
    /// let period = Period { from: "2026-12-01".parse().unwrap(), to: "2026-12-31".parse().unwrap() };
    /// let now = ptsp::calendar::parse_instant("2026-12-31T15:00:00+07:00")?;
    /// let r = ComplianceReport::new(period, now, &[Dimension::Step])?;
    /// assert_eq!(ComplianceReport::merge_all(vec![r.clone(), r.clone()])?, r);
    /// let none = ComplianceReport::merge_all(vec![]).unwrap_err();
    /// assert_eq!(none.problems()[0].code, ptsp::Code::NothingToMerge);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn merge_all(reports: Vec<ComplianceReport>) -> Result<ComplianceReport, EvaluationError> {
        let mut problems = Vec::new();
        for (i, r) in reports.iter().enumerate() {
            problems.extend(r.validate().into_iter().map(|mut p| {
                p.path = format!("reports[{i}].{}", p.path);
                p
            }));
        }
        if !problems.is_empty() {
            return Err(EvaluationError::InvalidReport { problems });
        }
        let mut all = reports.into_iter();
        let Some(mut out) = all.next() else {
            return Err(EvaluationError::InvalidReport {
                problems: vec![Problem::new(
                    "reports",
                    Code::NothingToMerge,
                    "no report to merge",
                    "tidak ada laporan untuk digabung",
                )],
            });
        };
        for r in all {
            out.merge_valid(&r)?;
        }
        Ok(out)
    }

    fn merge_valid(&mut self, other: &ComplianceReport) -> Result<(), EvaluationError> {
        if self.period != other.period
            || self.now != other.now
            || self.step_dimensions != other.step_dimensions
        {
            return Err(EvaluationError::IncompatibleReports);
        }
        let overflow = || EvaluationError::InvalidReport {
            problems: vec![Problem::new(
                "counted",
                Code::OutOfRange,
                "the merged report's counts would overflow",
                "hitungan laporan gabungan akan melampaui batas",
            )],
        };
        let mut steps: BTreeMap<Vec<String>, StepStats> = self
            .steps
            .iter()
            .map(|r| (r.key.clone(), r.stats.clone()))
            .collect();
        for r in &other.steps {
            steps
                .entry(r.key.clone())
                .or_default()
                .merge(&r.stats)
                .ok_or_else(overflow)?;
        }
        let mut cases: BTreeMap<Vec<String>, CaseStats> = self
            .cases
            .iter()
            .map(|r| (r.key.clone(), r.stats.clone()))
            .collect();
        for r in &other.cases {
            cases
                .entry(r.key.clone())
                .or_default()
                .merge(&r.stats)
                .ok_or_else(overflow)?;
        }
        self.counted = self
            .counted
            .checked_add(other.counted)
            .ok_or_else(overflow)?;
        self.steps = steps
            .into_iter()
            .map(|(key, stats)| StepRow { key, stats })
            .collect();
        self.cases = cases
            .into_iter()
            .map(|(key, stats)| CaseRow { key, stats })
            .collect();
        Ok(())
    }
}

/// The report over `cases`, each evaluated on its own procedure (among
/// `procedures`, by id and version: `unknown_procedure` for a case whose
/// procedure is not given, every such case listed) with `calendar`, for
/// `period` and open visits judged at `now`, grouped by `dimensions`.
///
/// # Example
/// ```
/// use ptsp::{Actor, Calendar, Case, Command, Procedure, Request, SubmittedDocument};
/// use ptsp::evaluation::{Dimension, Period, compliance};
/// let (p, cal) = (Procedure::jatim_permit(), Calendar::jatim());
/// let docs = ["surat_permohonan", "ktp", "nib", "npwp", "dokumen_teknis"]
///     .map(|c| SubmittedDocument::new(c, "pdf", 10_000)).to_vec();
/// let mut case = Case::new();
/// case.execute(&Request { actor: Actor::new("p-1", &["pemohon"], None),
///     at: ptsp::calendar::parse_instant("2026-12-21T09:00:00+07:00")?,
///     command: Command::Submit { case_id: "IZN-1".into(), documents: docs } }, &p, &cal)?;
/// let period = Period { from: "2026-12-01".parse()?, to: "2026-12-31".parse()? };
/// let now = ptsp::calendar::parse_instant("2026-12-31T16:00:00+07:00")?;
/// let r = compliance(&[case], &[&p], &cal, period, now, &[Dimension::Step])?;
/// let check = r.steps.iter().find(|s| s.key == ["pemeriksaan"]).unwrap();
/// assert_eq!((check.stats.started, check.stats.open, check.stats.breached), (1, 1, 1));
/// assert_eq!(r.cases[0].stats.submitted, 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn compliance(
    cases: &[Case],
    procedures: &[&Procedure],
    calendar: &Calendar,
    period: Period,
    now: Instant,
    dimensions: &[Dimension],
) -> Result<ComplianceReport, EvaluationError> {
    let mut report = ComplianceReport::new(period, now, dimensions)?;
    let mut acc = Accumulator::default();
    let mut missing = Vec::new();
    for (i, case) in cases.iter().enumerate() {
        if case.status == CaseStatus::New {
            continue;
        }
        let Some(p) = procedures
            .iter()
            .find(|p| p.def().id == case.procedure && p.def().version == case.version)
        else {
            if missing.len() < 100 {
                missing.push(Problem::new(
                    format!("cases[{i}]"),
                    Code::UnknownProcedure,
                    format!(
                        "case “{}” runs on {} v{}, which is not among the procedures given",
                        crate::error::excerpt(&case.id),
                        crate::error::excerpt(&case.procedure),
                        case.version
                    ),
                    format!(
                        "kasus “{}” berjalan pada {} v{}, yang tidak termasuk prosedur yang diberikan",
                        crate::error::excerpt(&case.id),
                        crate::error::excerpt(&case.procedure),
                        case.version
                    ),
                ));
            }
            continue;
        };
        acc.add(&report, case, p, calendar)
            .map_err(EvaluationError::Case)?;
    }
    if !missing.is_empty() {
        return Err(EvaluationError::InvalidReport { problems: missing });
    }
    acc.finish(&mut report);
    Ok(report)
}

/// Rows being counted, keyed by interned names: a key is an array of
/// ids (a name's index in `names`, or a month as `year × 12 + month`), so a
/// visit's row is found by hashing a few integers, with no string built.
#[derive(Default)]
struct Accumulator {
    names: Interner,
    steps: HashMap<Key, usize, FastBuild>,
    step_rows: Vec<(Key, StepStats)>,
    cases: HashMap<Key, usize, FastBuild>,
    case_rows: Vec<(Key, CaseStats)>,
    counted: u64,
}

/// How many dimensions there are.
const DIMENSIONS: usize = 7;

/// At most one part per dimension (a report's dimensions are distinct).
type Key = [u32; DIMENSIONS];

/// Strings to small ids and back.
#[derive(Default)]
struct Interner {
    ids: HashMap<Box<str>, u32, FastBuild>,
    names: Vec<Box<str>>,
}

impl Interner {
    /// The names of a key's parts, in the dimensions' order.
    fn names_of(&self, key: &Key, dims: &[Dimension]) -> Vec<String> {
        dims.iter()
            .zip(key)
            .map(|(d, &id)| match d {
                Dimension::Month => month_name(id),
                _ => self.names[id as usize].to_string(),
            })
            .collect()
    }

    fn id(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = u32::try_from(self.names.len()).unwrap_or(u32::MAX);
        self.names.push(s.into());
        self.ids.insert(s.into(), id);
        id
    }
}

/// A month as one number.
fn month_id(t: Instant) -> u32 {
    month_number(t.date_naive())
}

fn month_number(d: NaiveDate) -> u32 {
    // Instants are bounded (years 1 to 9999): never negative.
    u32::try_from(d.year()).unwrap_or(0) * 12 + d.month0()
}

fn month_name(n: u32) -> String {
    format!("{:04}-{:02}", n / 12, n % 12 + 1)
}

impl Accumulator {
    /// The row of `key` among `rows` (added if new).
    fn row<'a, T: Default>(
        index: &mut HashMap<Key, usize, FastBuild>,
        rows: &'a mut Vec<(Key, T)>,
        key: Key,
    ) -> &'a mut T {
        let i = *index.entry(key).or_insert_with(|| {
            rows.push((key, T::default()));
            rows.len() - 1
        });
        &mut rows[i].1
    }

    /// Moves the rows into `report`, keys in order.
    fn finish(self, report: &mut ComplianceReport) {
        let Accumulator {
            names,
            step_rows,
            case_rows,
            counted,
            ..
        } = self;
        report.counted = counted;
        let mut steps: Vec<StepRow> = step_rows
            .into_iter()
            .map(|(key, stats)| StepRow {
                key: names.names_of(&key, &report.step_dimensions),
                stats,
            })
            .collect();
        steps.sort_by(|a, b| a.key.cmp(&b.key));
        let mut cases: Vec<CaseRow> = case_rows
            .into_iter()
            .map(|(key, stats)| CaseRow {
                key: names.names_of(&key, &report.case_dimensions),
                stats,
            })
            .collect();
        cases.sort_by(|a, b| a.key.cmp(&b.key));
        report.steps = steps;
        report.cases = cases;
    }

    fn add(
        &mut self,
        r: &ComplianceReport,
        case: &Case,
        p: &Procedure,
        cal: &Calendar,
    ) -> Result<(), crate::case::CaseError> {
        // A report keeps levels within the deepest line of command (what
        // `ComplianceReport::validate` accepts); a trusted log may record
        // more, which is refused here rather than counted.
        let deepest = crate::office::organisation::MAX_DEPTH;
        if let Some((k, v)) = case
            .visits
            .iter()
            .enumerate()
            .find(|(_, v)| usize::from(v.escalated) > deepest)
        {
            return Err(crate::case::CaseError::InvalidInput {
                what: crate::error::phrase::VISIT,
                problems: vec![Problem::new(
                    format!("visits[{k}].escalated"),
                    Code::OutOfRange,
                    format!(
                        "step “{}” is escalated to level {}, beyond the deepest line of command ({deepest} levels)",
                        crate::error::excerpt(&v.step),
                        v.escalated
                    ),
                    format!(
                        "langkah “{}” dieskalasi ke tingkat {}, melebihi garis komando terdalam ({deepest} tingkat)",
                        crate::error::excerpt(&v.step),
                        v.escalated
                    ),
                )],
            });
        }
        // The clocks as `sla::evaluate` computes them, without its report.
        let due_status = crate::sla::case_due_status(case, p, cal, r.now)?.0;
        self.counted += 1;
        let period = r.period;
        // Open visits count in the month of `now`, kept within the period.
        let open_month = month_number(r.now.date_naive().clamp(period.from, period.to));
        let names = &mut self.names;
        // The procedure the case was matched to (a case read lean leaves
        // its own `procedure` empty).
        let procedure = names.id(&p.def().id);
        let tier = names.id(case.tier.as_deref().unwrap_or("-"));
        let month_slot = r
            .step_dimensions
            .iter()
            .position(|d| *d == Dimension::Month);
        for (i, v) in case.visits.iter().enumerate() {
            // One lookup of the step and one of its lane per visit.
            let step = p.step(&v.step);
            let lane = step.map_or("", |s| s.lane.as_str());
            let kind = p.lane(lane).map(|l| l.kind);
            let office = kind.is_some_and(|k| k != crate::procedure::LaneKind::Applicant);
            let applicant = kind == Some(crate::procedure::LaneKind::Applicant);
            let clock = crate::sla::visit_clock(case, i, step, applicant, cal, r.now)?;
            let mut key: Key = [0; DIMENSIONS];
            for (slot, d) in key.iter_mut().zip(&r.step_dimensions) {
                *slot = match d {
                    Dimension::Procedure => procedure,
                    Dimension::Step => names.id(&v.step),
                    Dimension::Lane => names.id(lane),
                    Dimension::Unit => names.id(v.unit.as_deref().unwrap_or("-")),
                    Dimension::Staff => names.id(v.staff.as_deref().unwrap_or("-")),
                    Dimension::Tier => tier,
                    Dimension::Month => 0,
                };
            }
            let in_month = |m: u32| {
                let mut k = key;
                if let Some(i) = month_slot {
                    k[i] = m;
                }
                k
            };
            if period.contains(v.started.date_naive()) {
                Self::row(
                    &mut self.steps,
                    &mut self.step_rows,
                    in_month(month_id(v.started)),
                )
                .started += 1;
            }
            match v.ended {
                Some(end) if period.contains(end.date_naive()) => {
                    let s = Self::row(
                        &mut self.steps,
                        &mut self.step_rows,
                        in_month(month_id(end)),
                    );
                    s.finished += 1;
                    if office {
                        match clock.status {
                            crate::sla::ClockStatus::MetOnTime => s.on_time += 1,
                            crate::sla::ClockStatus::MetLate => s.late += 1,
                            _ => {}
                        }
                    }
                    let minutes =
                        u32::try_from(clock.elapsed_seconds.max(0) / 60).unwrap_or(u32::MAX);
                    *s.minutes.entry(minutes).or_default() += 1;
                    s.corrections += v.pauses.len() as u64;
                    s.paused_seconds += clock.paused_seconds;
                    supervised(s, v);
                }
                None if v.started.date_naive() <= period.to => {
                    let s = Self::row(&mut self.steps, &mut self.step_rows, in_month(open_month));
                    s.open += 1;
                    if office && clock.status == crate::sla::ClockStatus::Breached {
                        s.breached += 1;
                    }
                    supervised(s, v);
                }
                _ => {}
            }
        }
        let case_key = |m: u32| -> Key {
            let mut key: Key = [0; DIMENSIONS];
            for (slot, d) in key.iter_mut().zip(&r.case_dimensions) {
                *slot = match d {
                    Dimension::Procedure => procedure,
                    Dimension::Tier => tier,
                    _ => m,
                };
            }
            key
        };
        if let Some(first) = case.visits.first()
            && period.contains(first.started.date_naive())
        {
            Self::row(
                &mut self.cases,
                &mut self.case_rows,
                case_key(month_id(first.started)),
            )
            .submitted += 1;
        }
        match (case.status, case.last_at) {
            (CaseStatus::Ended(kind), Some(end)) if period.contains(end.date_naive()) => {
                let s = Self::row(
                    &mut self.cases,
                    &mut self.case_rows,
                    case_key(month_id(end)),
                );
                let name = end_name(kind);
                match s.ended.get_mut(name) {
                    Some(n) => *n += 1,
                    None => {
                        s.ended.insert(name.to_owned(), 1);
                    }
                }
                s.corrections += u64::from(case.corrections);
                match due_status {
                    Some(crate::sla::ClockStatus::MetOnTime) => s.tier_on_time += 1,
                    Some(crate::sla::ClockStatus::MetLate) => s.tier_late += 1,
                    _ => {}
                }
            }
            (CaseStatus::Ended(_), _) => {}
            _ => {
                if case
                    .visits
                    .first()
                    .is_some_and(|v| v.started.date_naive() <= period.to)
                {
                    let s = Self::row(&mut self.cases, &mut self.case_rows, case_key(open_month));
                    s.open += 1;
                    s.deemed_approvals +=
                        u64::from(crate::sla::deemed_approval_due(case, p, r.now));
                }
            }
        }
        Ok(())
    }
}

fn supervised(s: &mut StepStats, v: &StepVisit) {
    s.warned += u64::from(v.warned);
    s.escalated += u64::from(v.escalated > 0);
    s.max_level = s.max_level.max(v.escalated);
}

fn end_name(kind: EndKind) -> &'static str {
    match kind {
        EndKind::Approved => "approved",
        EndKind::Rejected => "rejected",
        EndKind::Withdrawn => "withdrawn",
        EndKind::Completed => "completed",
        EndKind::Forwarded => "forwarded",
        EndKind::Archived => "archived",
        EndKind::Lapsed => "lapsed",
    }
}

/// A CSV field: quoted when it holds a comma, a quote or a line break.
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

impl ComplianceReport {
    /// The step rows as CSV (RFC 4180, `\n` line ends): the dimensions'
    /// columns, then `started, finished, on_time, late, on_time_percent,
    /// open, breached, corrections, paused_hours, warned, escalated,
    /// max_level, median_minutes, p90_minutes`.
    ///
    /// # Example
    /// ```
    /// use ptsp::evaluation::{ComplianceReport, Dimension, Period};
    /// let period = Period { from: "2026-01-01".parse().unwrap(), to: "2026-12-31".parse().unwrap() };
    /// let now = ptsp::calendar::parse_instant("2027-01-04T08:00:00+07:00")?;
    /// let r = ComplianceReport::new(period, now, &[Dimension::Step])?;
    /// assert!(r.steps_csv().starts_with("step,started,finished,on_time,late,on_time_percent,"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn steps_csv(&self) -> String {
        let mut out = String::new();
        let mut head: Vec<String> = self.step_dimensions.iter().map(serde_name).collect();
        head.extend(
            [
                "started",
                "finished",
                "on_time",
                "late",
                "on_time_percent",
                "open",
                "breached",
                "corrections",
                "paused_hours",
                "warned",
                "escalated",
                "max_level",
                "median_minutes",
                "p90_minutes",
            ]
            .map(str::to_owned),
        );
        out.push_str(&head.join(","));
        out.push('\n');
        for row in &self.steps {
            let s = &row.stats;
            let mut cells: Vec<String> = row.key.iter().map(|k| csv_field(k)).collect();
            cells.extend([
                s.started.to_string(),
                s.finished.to_string(),
                s.on_time.to_string(),
                s.late.to_string(),
                s.on_time_percent().unwrap_or_default(),
                s.open.to_string(),
                s.breached.to_string(),
                s.corrections.to_string(),
                Fraction::new(u128::try_from(s.paused_seconds.max(0)).unwrap_or(0), 3_600)
                    .decimal(2),
                s.warned.to_string(),
                s.escalated.to_string(),
                s.max_level.to_string(),
                s.percentile(50).map(|m| m.to_string()).unwrap_or_default(),
                s.percentile(90).map(|m| m.to_string()).unwrap_or_default(),
            ]);
            out.push_str(&cells.join(","));
            out.push('\n');
        }
        out
    }

    /// The case rows as CSV: the case dimensions' columns, then
    /// `submitted, open, deemed_approvals, corrections, tier_on_time,
    /// tier_late`, then one column per way a case ended (`ended_approved`
    /// …), in name order.
    ///
    /// # Example
    /// ```
    /// use ptsp::evaluation::{ComplianceReport, Dimension, Period, StepRow};
    /// let period = Period { from: "2026-12-01".parse().unwrap(), to: "2026-12-31".parse().unwrap() };
    /// let now = ptsp::calendar::parse_instant("2026-12-31T15:00:00+07:00")?;
    /// let mut r = ComplianceReport::new(period, now, &[Dimension::Month])?;
    /// let mut row = StepRow { key: vec!["2026-12".into()], stats: Default::default() };
    /// (row.stats.finished, row.stats.on_time, row.stats.late) = (4, 3, 1);
    /// row.stats.minutes = [(30, 4)].into();
    /// r.steps.push(row);
    /// assert!(r.cases_csv().starts_with("month,submitted,open,deemed_approvals,"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn cases_csv(&self) -> String {
        let kinds: std::collections::BTreeSet<&String> = self
            .cases
            .iter()
            .flat_map(|r| r.stats.ended.keys())
            .collect();
        let mut head: Vec<String> = self.case_dimensions.iter().map(serde_name).collect();
        head.extend(
            [
                "submitted",
                "open",
                "deemed_approvals",
                "corrections",
                "tier_on_time",
                "tier_late",
            ]
            .map(str::to_owned),
        );
        head.extend(kinds.iter().map(|k| format!("ended_{k}")));
        let mut out = head.join(",");
        out.push('\n');
        for row in &self.cases {
            let s = &row.stats;
            let mut cells: Vec<String> = row.key.iter().map(|k| csv_field(k)).collect();
            cells.extend([
                s.submitted.to_string(),
                s.open.to_string(),
                s.deemed_approvals.to_string(),
                s.corrections.to_string(),
                s.tier_on_time.to_string(),
                s.tier_late.to_string(),
            ]);
            cells.extend(
                kinds
                    .iter()
                    .map(|k| s.ended.get(*k).copied().unwrap_or(0).to_string()),
            );
            out.push_str(&cells.join(","));
            out.push('\n');
        }
        out
    }

    /// On time per month across every step row (the report must group by
    /// month): `(month, on-time percent)` in month order, `None` for a
    /// month with nothing finished against a deadline. The chart of the
    /// performance page reads it.
    ///
    /// # Example
    /// ```
    /// use ptsp::evaluation::{ComplianceReport, Dimension, Period, StepRow};
    /// let period = Period { from: "2026-12-01".parse().unwrap(), to: "2026-12-31".parse().unwrap() };
    /// let now = ptsp::calendar::parse_instant("2026-12-31T15:00:00+07:00")?;
    /// let mut r = ComplianceReport::new(period, now, &[Dimension::Month])?;
    /// let mut row = StepRow { key: vec!["2026-12".into()], stats: Default::default() };
    /// (row.stats.finished, row.stats.on_time, row.stats.late) = (4, 3, 1);
    /// row.stats.minutes = [(30, 4)].into();
    /// r.steps.push(row);
    /// assert_eq!(r.monthly_on_time(), [("2026-12".to_owned(), Some("75.00".to_owned()))]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn monthly_on_time(&self) -> Vec<(String, Option<String>)> {
        let Some(m) = self
            .step_dimensions
            .iter()
            .position(|d| *d == Dimension::Month)
        else {
            return Vec::new();
        };
        // Only the on-time and late counts matter: summed in 128 bits.
        let mut months: BTreeMap<&str, (u128, u128)> = BTreeMap::new();
        for row in &self.steps {
            if let Some(key) = row.key.get(m) {
                let (on_time, late) = months.entry(key.as_str()).or_default();
                *on_time += u128::from(row.stats.on_time);
                *late += u128::from(row.stats.late);
            }
        }
        months
            .into_iter()
            .map(|(k, (on_time, late))| {
                let timed = on_time + late;
                (
                    k.to_owned(),
                    (timed > 0).then(|| Fraction::new(on_time * 100, timed).decimal(2)),
                )
            })
            .collect()
    }

    /// The step rows as a table in the given language: the header, then
    /// one row per step row (the key, started, finished, on time, % on
    /// time, open, past deadline, median and P90 working minutes).
    ///
    /// # Example
    /// ```
    /// use ptsp::evaluation::{ComplianceReport, Dimension, Period, StepRow};
    /// let period = Period { from: "2026-12-01".parse().unwrap(), to: "2026-12-31".parse().unwrap() };
    /// let now = ptsp::calendar::parse_instant("2026-12-31T15:00:00+07:00")?;
    /// let mut r = ComplianceReport::new(period, now, &[Dimension::Month])?;
    /// let mut row = StepRow { key: vec!["2026-12".into()], stats: Default::default() };
    /// (row.stats.finished, row.stats.on_time, row.stats.late) = (4, 3, 1);
    /// row.stats.minutes = [(30, 4)].into();
    /// r.steps.push(row);
    /// let (head, rows) = r.steps_table(ptsp::Lang::En);
    /// assert_eq!((head[0].as_str(), rows[0][4].as_str()), ("Month", "75.00"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn steps_table(&self, lang: Lang) -> (Vec<String>, Vec<Vec<String>>) {
        let mut head: Vec<String> = self
            .step_dimensions
            .iter()
            .map(|d| d.label(lang).to_owned())
            .collect();
        head.extend(
            lang.pick(
                [
                    "Mulai",
                    "Selesai",
                    "Tepat waktu",
                    "% tepat waktu",
                    "Berjalan",
                    "Lewat tenggat",
                    "Median (menit kerja)",
                    "P90 (menit kerja)",
                ],
                [
                    "Started",
                    "Finished",
                    "On time",
                    "% on time",
                    "Open",
                    "Past deadline",
                    "Median (working minutes)",
                    "P90 (working minutes)",
                ],
            )
            .map(str::to_owned),
        );
        let rows = self
            .steps
            .iter()
            .map(|row| {
                let s = &row.stats;
                let mut cells = row.key.clone();
                cells.extend([
                    s.started.to_string(),
                    s.finished.to_string(),
                    s.on_time.to_string(),
                    s.on_time_percent().unwrap_or_else(|| "–".into()),
                    s.open.to_string(),
                    s.breached.to_string(),
                    s.percentile(50)
                        .map_or_else(|| "–".into(), |m| m.to_string()),
                    s.percentile(90)
                        .map_or_else(|| "–".into(), |m| m.to_string()),
                ]);
                cells
            })
            .collect();
        (head, rows)
    }

    /// The step rows as a Markdown table in the given language.
    ///
    /// # Example
    /// ```
    /// use ptsp::evaluation::{ComplianceReport, Dimension, Period, StepRow};
    /// let period = Period { from: "2026-12-01".parse().unwrap(), to: "2026-12-31".parse().unwrap() };
    /// let now = ptsp::calendar::parse_instant("2026-12-31T15:00:00+07:00")?;
    /// let mut r = ComplianceReport::new(period, now, &[Dimension::Month])?;
    /// let mut row = StepRow { key: vec!["2026-12".into()], stats: Default::default() };
    /// (row.stats.finished, row.stats.on_time, row.stats.late) = (4, 3, 1);
    /// row.stats.minutes = [(30, 4)].into();
    /// r.steps.push(row);
    /// assert!(r.steps_markdown(ptsp::Lang::Id).starts_with("| Bulan | Mulai |"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn steps_markdown(&self, lang: Lang) -> String {
        let (head, rows) = self.steps_table(lang);
        let mut out = format!("| {} |\n|{}\n", head.join(" | "), "---|".repeat(head.len()));
        for r in rows {
            let cells: Vec<String> = r.iter().map(|c| markdown_cell(c)).collect();
            out.push_str(&format!("| {} |\n", cells.join(" | ")));
        }
        out
    }
}

fn serde_name(d: &Dimension) -> String {
    serde_json::to_value(d)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// A table cell: pipes escaped, line breaks as spaces.
fn markdown_cell(s: &str) -> String {
    s.replace('|', "\\|").replace(['\n', '\r'], " ")
}

/// A stored log's events. With the `compact` feature (the WASM build) the
/// text is read as a `Value` first and the events through the crate's
/// input reader, so `Event` keeps one deserializer; the outcome is the same.
fn parse_log(bytes: &[u8]) -> Result<Vec<crate::case::Event>, String> {
    #[cfg(feature = "compact")]
    {
        let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
        crate::error::input::from_value(&value, "").map_err(|e| e.message(Lang::En))
    }
    #[cfg(not(feature = "compact"))]
    {
        serde_json::from_slice(bytes).map_err(|e| e.to_string())
    }
}

/// How [`compliance_from_logs`] replays a log.
///
/// # Example
/// ```
/// assert_eq!(ptsp::evaluation::Replay::default(), ptsp::evaluation::Replay::Checked);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Replay {
    /// Every event checked against its procedure ([`Case::replay`]).
    #[default]
    Checked,
    /// Folded without the procedure's checks, for a store the backend
    /// trusts ([`Case::replay_trusted`]); each log is read by a lean reader
    /// that builds only what a report reads and checks the rest as JSON and
    /// by the kind of each required value (a list, a string), not by its
    /// inner shape. A log it cannot take (an unusual shape, a refusal) is
    /// read in full, with the full reader's messages. Same reports as
    /// `Checked` on the logs the engine writes, about three times faster.
    Trusted,
}

/// The report over stored event logs, one JSON array of events per case
/// (text or bytes): each parsed, replayed on its procedure (named by its
/// first event) and evaluated, in one pass. A log that does not parse,
/// does not replay or runs on a procedure not given is a problem at
/// `logs[i]`; every one is reported (up to 100), nothing counted.
///
/// # Example
/// ```
/// use ptsp::{Actor, Calendar, Case, Command, Procedure, Request, SubmittedDocument};
/// use ptsp::evaluation::{Dimension, Period, Replay, compliance_from_logs};
/// let (p, cal) = (Procedure::jatim_permit(), Calendar::jatim());
/// let docs = ["surat_permohonan", "ktp", "nib", "npwp", "dokumen_teknis"]
///     .map(|c| SubmittedDocument::new(c, "pdf", 10_000)).to_vec();
/// let events = Case::new().execute(&Request { actor: Actor::new("p-1", &["pemohon"], None),
///     at: ptsp::calendar::parse_instant("2026-12-21T09:00:00+07:00")?,
///     command: Command::Submit { case_id: "IZN-1".into(), documents: docs } }, &p, &cal)?;
/// let log = serde_json::to_string(&events)?;
/// let period = Period { from: "2026-12-01".parse()?, to: "2026-12-31".parse()? };
/// let now = ptsp::calendar::parse_instant("2026-12-31T16:00:00+07:00")?;
/// let r = compliance_from_logs(&[log.as_str(), "[oops"], &[&p], &cal, period, now, &[], Replay::Checked)
///     .unwrap_err();
/// assert_eq!(r.problems()[0].path, "logs[1]");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[allow(clippy::too_many_arguments)]
pub fn compliance_from_logs<L: AsRef<[u8]>>(
    logs: &[L],
    procedures: &[&Procedure],
    calendar: &Calendar,
    period: Period,
    now: Instant,
    dimensions: &[Dimension],
    replay: Replay,
) -> Result<ComplianceReport, EvaluationError> {
    let mut report = ComplianceReport::new(period, now, dimensions)?;
    let mut acc = Accumulator::default();
    let mut problems = Vec::new();
    let mut problem = |i: usize, code: Code, en: String, id: String| {
        if problems.len() < 100 {
            problems.push(Problem::new(format!("logs[{i}]"), code, en, id));
        }
    };
    let not_json = |i: usize, e: &str| {
        (
            format!("log {i} is not a JSON list of events: {e}"),
            format!("log {i} bukan daftar peristiwa JSON: {e}"),
        )
    };
    let mut lean = Vec::new();
    for (i, log) in logs.iter().enumerate() {
        // Trusted: the lean reader first (see `lean`), the full one for
        // anything it leaves.
        let submitted = if replay == Replay::Trusted {
            super::lean::read(log.as_ref(), &mut lean)
        } else {
            None
        };
        let from_lean = submitted.is_some();
        let read = if from_lean {
            Ok(std::mem::take(&mut lean))
        } else {
            parse_log(log.as_ref())
        };
        let events: Vec<crate::case::Event> = match read {
            Ok(e) => e,
            Err(e) => {
                let (en, id) = not_json(i, &e);
                problem(i, Code::InvalidJson, en, id);
                continue;
            }
        };
        let named = match (submitted, events.first().map(|e| &e.kind)) {
            (Some((id, version)), _) => Some((id, version)),
            (
                None,
                Some(crate::case::EventKind::Submitted {
                    procedure, version, ..
                }),
            ) => Some((procedure.as_str(), *version)),
            _ => None,
        };
        let Some((procedure, version)) = named else {
            if !events.is_empty() {
                problem(
                    i,
                    Code::InconsistentLog,
                    format!("log {i} does not start with a submission"),
                    format!("log {i} tidak diawali pengajuan"),
                );
            }
            continue;
        };
        let Some(p) = procedures
            .iter()
            .find(|p| p.def().id == procedure && p.def().version == version)
        else {
            problem(
                i,
                Code::UnknownProcedure,
                format!(
                    "log {i} runs on {} v{version}, which is not among the procedures given",
                    crate::error::excerpt(procedure)
                ),
                format!(
                    "log {i} berjalan pada {} v{version}, yang tidak termasuk prosedur yang diberikan",
                    crate::error::excerpt(procedure)
                ),
            );
            continue;
        };
        let case = match replay {
            Replay::Checked => Case::replay(&events, p),
            Replay::Trusted => match Case::replay_trusted(&events) {
                // A refusal is read again in full, for its message.
                Err(_) if from_lean => match parse_log(log.as_ref()) {
                    Ok(full) => Case::replay_trusted(&full),
                    Err(e) => {
                        let (en, id) = not_json(i, &e);
                        problem(i, Code::InvalidJson, en, id);
                        continue;
                    }
                },
                other => other,
            },
        };
        match case {
            Ok(case) => {
                if let Err(e) = acc.add(&report, &case, p, calendar) {
                    problem(i, e.code(), e.message(Lang::En), e.message(Lang::Id));
                }
            }
            Err(e) => problem(i, e.code(), e.message(Lang::En), e.message(Lang::Id)),
        }
        // The next log reuses the list's room.
        lean = events;
    }
    if !problems.is_empty() {
        return Err(EvaluationError::InvalidReport { problems });
    }
    acc.finish(&mut report);
    Ok(report)
}
