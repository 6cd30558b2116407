//! Evaluation (core module `ptsp::evaluation`): the community satisfaction
//! index of PermenPANRB No. 14 Tahun 2017 — the survey for a kiosk form, the
//! check of one response, the index of a survey round, per-group indices,
//! mergeable tallies and Krejcie–Morgan sample sizes. In the full package: a
//! kiosk loads it once, and the form package keeps its size budget (the
//! survey would add about 42 KB gzipped to it).
//!
//! Every function converts its arguments in ([`crate::convert`]), calls core
//! once, and converts the result out; every failure is thrown as a
//! `PtspError` ([`crate::error`]).

use ptsp::evaluation::{
    ComplianceReport, Dimension, GroupBy, IkmResult, Method, Period, Replay, Response,
    ResponseRules, SurveyDef, Tally,
};
use ptsp::publish::{Format, Standard};
use wasm_bindgen::prelude::*;

use crate::convert::{self, Result};
use crate::error::Domain;

fn responses(v: &JsValue) -> Result<Vec<Response>> {
    convert::objects(v, "responses", Domain::Evaluation)
}

/// The survey of PermenPANRB No. 14 Tahun 2017: the nine elements with their
/// questions and options in both languages (for the kiosk's screens), the
/// category table, the respondent profile and the source of every value.
///
/// ```js
/// const s = survey();
/// s.elements.map((e) => e.question.id);   // nine questions, in the regulation's order
/// ```
#[wasm_bindgen(unchecked_return_type = "SurveyDef")]
pub fn survey() -> Result<JsValue> {
    convert::to_js(&SurveyDef::permenpanrb_14_2017())
}

/// Every problem of one response (`[]` when it may be submitted): unknown
/// elements, answers outside 1–4, unanswered elements unless `requireAll`
/// is `false`, unknown profile options, an age over 130, blank or
/// over-long ids. The same check as the server's.
///
/// ```js
/// validateSurveyResponse({ date: "2026-12-01", answers: { persyaratan: 4 } })
///   .map((p) => p.path);                   // the eight unanswered elements
/// ```
#[wasm_bindgen(js_name = validateSurveyResponse, unchecked_return_type = "Problem[]")]
pub fn validate_survey_response(
    #[wasm_bindgen(unchecked_param_type = "Response")] response: &JsValue,
    #[wasm_bindgen(js_name = requireAll, unchecked_param_type = "boolean | null | undefined")]
    require_all: &JsValue,
) -> Result<JsValue> {
    let r: Response = convert::object(response, "response", "", Domain::Evaluation)?;
    let require_all = if convert::absent(require_all) {
        true
    } else {
        require_all
            .as_bool()
            .ok_or_else(|| convert::wrong("requireAll", "boolean", require_all))?
    };
    convert::to_js(&ptsp::evaluation::validate_response(
        SurveyDef::permenpanrb_14_2017(),
        &r,
        &ResponseRules { require_all },
        "",
    ))
}

/// The index of a survey round: per-element averages, the index with the
/// exact weight 1/9 and with the printed 0,111, the category of `method`
/// (`"exact"` by default, or `"printed_weight"`), the weakest elements.
/// Throws `invalid_responses` with every problem of every response.
#[wasm_bindgen(unchecked_return_type = "IkmResult")]
pub fn ikm(
    #[wasm_bindgen(unchecked_param_type = "Response[]")] rs: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Method | null | undefined")] method: &JsValue,
) -> Result<JsValue> {
    let rs = responses(rs)?;
    let method: Method = convert::variant(method, "method", Domain::Evaluation)?;
    convert::to_js(&ptsp::evaluation::ikm(
        SurveyDef::permenpanrb_14_2017(),
        &rs,
        method,
    )?)
}

/// The index per `"service"`, `"unit"`, `"month"`, `"quarter"`,
/// `"semester"` or `"year"`.
#[wasm_bindgen(js_name = ikmBy, unchecked_return_type = "GroupResult[]")]
pub fn ikm_by(
    #[wasm_bindgen(unchecked_param_type = "Response[]")] rs: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "GroupBy")] by: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Method | null | undefined")] method: &JsValue,
) -> Result<JsValue> {
    let rs = responses(rs)?;
    let by: GroupBy = convert::required_variant(by, "by", Domain::Evaluation)?;
    let method: Method = convert::variant(method, "method", Domain::Evaluation)?;
    convert::to_js(&ptsp::evaluation::ikm_by(
        SurveyDef::permenpanrb_14_2017(),
        &rs,
        by,
        method,
    )?)
}

/// Per-element sums and counts of `responses` (validated, blanks
/// allowed), to store and merge.
#[wasm_bindgen(js_name = tallyResponses, unchecked_return_type = "Tally")]
pub fn tally_responses(
    #[wasm_bindgen(unchecked_param_type = "Response[]")] rs: &JsValue,
) -> Result<JsValue> {
    let rs = responses(rs)?;
    convert::to_js(&Tally::of(SurveyDef::permenpanrb_14_2017(), &rs)?)
}

/// The tally of the union of `tallies`.
#[wasm_bindgen(js_name = mergeTallies, unchecked_return_type = "Tally")]
pub fn merge_tallies(
    #[wasm_bindgen(unchecked_param_type = "Tally[]")] tallies: &JsValue,
) -> Result<JsValue> {
    let all: Vec<Tally> = convert::objects(tallies, "tallies", Domain::Evaluation)?;
    convert::to_js(&Tally::merge_all(SurveyDef::permenpanrb_14_2017(), &all)?)
}

/// The index of a tally.
#[wasm_bindgen(js_name = ikmOfTally, unchecked_return_type = "IkmResult")]
pub fn ikm_of_tally(
    #[wasm_bindgen(unchecked_param_type = "Tally")] tally: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Method | null | undefined")] method: &JsValue,
) -> Result<JsValue> {
    let t: Tally = convert::object(tally, "tally", "tally", Domain::Evaluation)?;
    let method: Method = convert::variant(method, "method", Domain::Evaluation)?;
    convert::to_js(&t.result(SurveyDef::permenpanrb_14_2017(), method)?)
}

/// Krejcie and Morgan's sample size for a population of service users.
///
/// ```js
/// sampleSize(1000); // 278
/// ```
#[wasm_bindgen(js_name = sampleSize)]
pub fn sample_size(
    #[wasm_bindgen(unchecked_param_type = "number")] population: &JsValue,
) -> Result<f64> {
    let n: u64 = convert::integer_in(population, "population", ptsp::error::phrase::NUMBER)?;
    Ok(ptsp::evaluation::sample_size(n) as f64)
}

/// The SLA compliance report over `cases` (`Case` objects), each on its
/// procedure among `procedures`, for `period` (`{from, to}` dates) with open
/// steps judged at `now`, grouped by `by` (`"procedure"`, `"step"`,
/// `"lane"`, `"unit"`, `"staff"`, `"tier"`, `"month"`): exact, mergeable.
#[wasm_bindgen(js_name = complianceReport, unchecked_return_type = "ComplianceReport")]
pub fn compliance_report(
    #[wasm_bindgen(unchecked_param_type = "Case[]")] cases: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Procedure[]")] procedures: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Calendar")] calendar: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Period")] period: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Instant")] now: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Dimension[] | null | undefined")] by: &JsValue,
) -> Result<JsValue> {
    let handles = convert::list(cases, "cases", convert::case)?;
    let mut owned = Vec::with_capacity(handles.len());
    for h in &handles {
        owned.push(h.with(|c| Ok(c.clone()))?);
    }
    let ps = convert::list(procedures, "procedures", convert::procedure)?;
    let refs: Vec<&ptsp::Procedure> = ps.iter().map(|p| p.core()).collect();
    let cal = convert::calendar(calendar, "calendar")?;
    let period: Period = convert::object(period, "period", "period", Domain::Evaluation)?;
    let now = convert::instant(now, "now")?;
    let dims = dimensions(by)?;
    convert::to_js(&ptsp::evaluation::compliance(
        &owned,
        &refs,
        cal.core(),
        period,
        now,
        &dims,
    )?)
}

/// The report over stored event logs (one JSON text per case), parsed,
/// replayed (checked unless `checked` is `false`) and aggregated.
#[wasm_bindgen(js_name = complianceFromLogs, unchecked_return_type = "ComplianceReport")]
pub fn compliance_from_logs(
    #[wasm_bindgen(unchecked_param_type = "string[]")] logs: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Procedure[]")] procedures: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Calendar")] calendar: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Period")] period: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Instant")] now: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Dimension[] | null | undefined")] by: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "boolean | null | undefined")] checked: &JsValue,
) -> Result<JsValue> {
    let texts = convert::list(logs, "logs", convert::text)?;
    let ps = convert::list(procedures, "procedures", convert::procedure)?;
    let refs: Vec<&ptsp::Procedure> = ps.iter().map(|p| p.core()).collect();
    let cal = convert::calendar(calendar, "calendar")?;
    let period: Period = convert::object(period, "period", "period", Domain::Evaluation)?;
    let now = convert::instant(now, "now")?;
    let dims = dimensions(by)?;
    let replay = match checked.as_bool() {
        Some(false) => Replay::Trusted,
        Some(true) => Replay::Checked,
        None if convert::absent(checked) => Replay::Checked,
        None => return Err(convert::wrong("checked", "boolean", checked)),
    };
    convert::to_js(&ptsp::evaluation::compliance_from_logs(
        &texts,
        &refs,
        cal.core(),
        period,
        now,
        &dims,
        replay,
    )?)
}

/// The report over the union of `reports` (same period, instant and
/// dimensions).
#[wasm_bindgen(js_name = mergeReports, unchecked_return_type = "ComplianceReport")]
pub fn merge_reports(
    #[wasm_bindgen(unchecked_param_type = "ComplianceReport[]")] reports: &JsValue,
) -> Result<JsValue> {
    let all: Vec<ComplianceReport> = convert::objects(reports, "reports", Domain::Evaluation)?;
    convert::to_js(&ComplianceReport::merge_all(all)?)
}

/// A report's table (`"steps"`, the default, or `"cases"`) as CSV.
#[wasm_bindgen(js_name = reportCsv)]
pub fn report_csv(
    #[wasm_bindgen(unchecked_param_type = "ComplianceReport")] report: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "\"steps\" | \"cases\" | null | undefined")]
    table: &JsValue,
) -> Result<String> {
    let r = report_in(report)?;
    Ok(match table.as_string().as_deref() {
        Some("cases") => r.cases_csv(),
        _ => r.steps_csv(),
    })
}

/// A report's step table as Markdown in `lang` (`"id"`, the default, or
/// `"en"`).
#[wasm_bindgen(js_name = reportMarkdown)]
pub fn report_markdown(
    #[wasm_bindgen(unchecked_param_type = "ComplianceReport")] report: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Lang | null | undefined")] lang: &JsValue,
) -> Result<String> {
    let r = report_in(report)?;
    Ok(r.steps_markdown(lang_in(lang)?))
}

fn dimensions(v: &JsValue) -> Result<Vec<Dimension>> {
    if convert::absent(v) {
        return Ok(Vec::new());
    }
    convert::list(v, "by", |x, at| {
        convert::required_variant(x, at, Domain::Evaluation)
    })
}

/// The published service standard of the East Java office with
/// `procedures`, as Markdown (`format` `"markdown"`, the default) or a
/// standalone HTML page (`"html"`), in `lang` (`"id"` or `"en"`).
#[wasm_bindgen(js_name = publishStandard)]
pub fn publish_standard(
    #[wasm_bindgen(unchecked_param_type = "Procedure[]")] procedures: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Lang | null | undefined")] lang: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Format | null | undefined")] format: &JsValue,
) -> Result<String> {
    let ps = convert::list(procedures, "procedures", convert::procedure)?;
    let refs: Vec<&ptsp::Procedure> = ps.iter().map(|p| p.core()).collect();
    let lang = lang_in(lang)?;
    let format: Format = convert::variant(format, "format", Domain::Evaluation)?;
    Ok(ptsp::publish::standard(&Standard::jatim(refs), lang).render(format))
}

/// The public performance page from a compliance report and a
/// satisfaction index result (either may be `null`).
#[wasm_bindgen(js_name = publishPerformance)]
pub fn publish_performance(
    #[wasm_bindgen(unchecked_param_type = "ComplianceReport | null | undefined")] report: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "IkmResult | null | undefined")] ikm: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Lang | null | undefined")] lang: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Format | null | undefined")] format: &JsValue,
) -> Result<String> {
    let report: Option<ComplianceReport> = if convert::absent(report) {
        None
    } else {
        Some(report_in(report)?)
    };
    let ikm: Option<IkmResult> = if convert::absent(ikm) {
        None
    } else {
        Some(convert::object(ikm, "ikm", "ikm", Domain::Evaluation)?)
    };
    let lang = lang_in(lang)?;
    let format: Format = convert::variant(format, "format", Domain::Evaluation)?;
    let office = Standard::jatim_office();
    Ok(ptsp::publish::performance(&office, report.as_ref(), ikm.as_ref(), lang).render(format))
}

/// A report object, validated (`invalid_report` with every problem).
fn report_in(v: &JsValue) -> Result<ComplianceReport> {
    let r: ComplianceReport = convert::object(v, "report", "report", Domain::Evaluation)?;
    Ok(r.checked()?)
}

fn lang_in(v: &JsValue) -> Result<ptsp::Lang> {
    if convert::absent(v) {
        Ok(ptsp::Lang::Id)
    } else {
        convert::required_variant(v, "lang", Domain::Evaluation)
    }
}
