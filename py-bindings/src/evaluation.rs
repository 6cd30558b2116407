//! The core's `evaluation` module, exposed as the native submodule
//! `evaluation` of `ptsp._ptsp`, re-exported by the Python module
//! `ptsp.evaluation`: the community satisfaction index of PermenPANRB
//! No. 14 Tahun 2017 — the survey, response validation, the index (exact
//! and with the printed weight), per-group indices, mergeable tallies (also
//! from a numpy array of answers) and Krejcie–Morgan sample sizes.
//!
//! Every function converts its arguments in ([`convert`]), calls the core
//! once and converts the result out; errors map through [`error`].

use numpy::{PyArray2, PyArrayMethods, PyUntypedArrayMethods};
use pyo3::prelude::*;

use ptsp::evaluation::{
    ComplianceReport, Dimension, GroupBy, Method, Period, Replay, Response, ResponseRules,
    SurveyDef, Tally, ikm as core_ikm, ikm_by as core_ikm_by,
};
use pyo3::types::{PyBytes, PyDict, PyList, PyString};

use crate::convert;
use crate::error::{self, Domain};

fn method_in(method: Option<&Bound<'_, PyAny>>) -> PyResult<Method> {
    match method {
        Some(m) if !m.is_none() => convert::enum_in(m, "method", Domain::Evaluation),
        _ => Ok(Method::Exact),
    }
}

fn responses_in(ob: &Bound<'_, PyAny>) -> PyResult<Vec<Response>> {
    convert::list_value_in(ob, "responses", "responses", Domain::Evaluation)
}

fn tally_in(ob: &Bound<'_, PyAny>, what: &str) -> PyResult<Tally> {
    convert::value_in(ob, what, what, Domain::Evaluation)
}

/// The survey of PermenPANRB No. 14 Tahun 2017 as a dict: the nine
/// elements with their names, definitions, questions and options in both
/// languages, the category table, the respondent profile, the sample-size
/// method, and the source of every value.
#[pyfunction]
pub fn survey(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    convert::serde_out(py, SurveyDef::permenpanrb_14_2017())
}

/// Every problem of one response (a dict), as a list of problem dicts:
/// unknown elements, answers outside 1–4, unanswered elements (when
/// `require_all`), unknown profile options, an age over 130, blank or
/// over-long ids. The kiosk form in the browser runs the same check.
#[pyfunction]
#[pyo3(signature = (response, require_all = true))]
pub fn validate_response<'py>(
    py: Python<'py>,
    response: &Bound<'py, PyAny>,
    require_all: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let r: Response = convert::value_in(response, "response", "", Domain::Evaluation)?;
    let problems = ptsp::evaluation::validate_response(
        SurveyDef::permenpanrb_14_2017(),
        &r,
        &ResponseRules { require_all },
        "",
    );
    convert::serde_out(py, &problems)
}

/// The index of `responses` (a list of dicts): per-element averages, the
/// index with the exact weight 1/9 and with the printed 0,111, the category
/// of `method` (`"exact"` or `"printed_weight"`), the weakest elements.
/// Raises `EvaluationValidationError` with every problem of every response.
#[pyfunction]
#[pyo3(signature = (responses, method = None))]
pub fn ikm<'py>(
    py: Python<'py>,
    responses: &Bound<'py, PyAny>,
    method: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let rs = responses_in(responses)?;
    let method = method_in(method)?;
    let r = core_ikm(SurveyDef::permenpanrb_14_2017(), &rs, method).map_err(error::core)?;
    convert::view_out(py, "IkmResult", &r)
}

/// The index per group: `by` is `"service"`, `"unit"`, `"month"`,
/// `"quarter"`, `"semester"` or `"year"`; a group in which an element has
/// no answer carries a `problem` instead of a `result`.
#[pyfunction]
#[pyo3(signature = (responses, by, method = None))]
pub fn ikm_by<'py>(
    py: Python<'py>,
    responses: &Bound<'py, PyAny>,
    by: &Bound<'py, PyAny>,
    method: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let rs = responses_in(responses)?;
    let by: GroupBy = convert::enum_in(by, "by", Domain::Evaluation)?;
    let method = method_in(method)?;
    let groups =
        core_ikm_by(SurveyDef::permenpanrb_14_2017(), &rs, by, method).map_err(error::core)?;
    Ok(convert::views_out(py, "GroupResult", &groups)?.into_any())
}

/// The tally of `responses` (validated, blanks allowed): a dict
/// `{respondents, sums, counts, from, to}` to store or merge.
#[pyfunction]
pub fn tally<'py>(py: Python<'py>, responses: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let rs = responses_in(responses)?;
    let t = Tally::of(SurveyDef::permenpanrb_14_2017(), &rs).map_err(error::core)?;
    convert::serde_out(py, &t)
}

/// The tally of a 2-D numpy `uint8` array of answers, one row per
/// respondent and one column per element in the survey's order (0: not
/// answered; any other value outside 1–4 raises).
#[pyfunction]
pub fn tally_rows<'py>(py: Python<'py>, rows: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let Ok(array) = rows.cast::<PyArray2<u8>>() else {
        return Err(error::invalid_type(
            "rows",
            "numpy.ndarray of uint8 with 2 dimensions",
            &convert::type_name(rows),
        ));
    };
    let rows = array.try_readonly()?;
    let width = rows.shape()[1];
    // Row after row: borrowed when C-contiguous, copied in order otherwise.
    let copied: Vec<u8>;
    let flat: &[u8] = match rows.as_slice().ok().filter(|_| rows.is_c_contiguous()) {
        Some(flat) => flat,
        None => {
            copied = rows.as_array().iter().copied().collect();
            &copied
        }
    };
    let def = SurveyDef::permenpanrb_14_2017();
    let t = py
        .detach(|| Tally::from_rows(def, flat, width))
        .map_err(error::core)?;
    convert::serde_out(py, &t)
}

/// Merges tallies (a list of dicts as `tally` returns them): the tally of
/// the union.
#[pyfunction]
pub fn merge_tallies<'py>(
    py: Python<'py>,
    tallies: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let all: Vec<Tally> =
        convert::list_value_in(tallies, "tallies", "tallies", Domain::Evaluation)?;
    let out = Tally::merge_all(SurveyDef::permenpanrb_14_2017(), &all).map_err(error::core)?;
    convert::serde_out(py, &out)
}

/// The index of a tally (a dict as `tally`, `tally_rows` or
/// `merge_tallies` return it).
#[pyfunction]
#[pyo3(signature = (tally, method = None))]
pub fn ikm_of_tally<'py>(
    py: Python<'py>,
    tally: &Bound<'py, PyAny>,
    method: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let t = tally_in(tally, "tally")?;
    let method = method_in(method)?;
    let r = t
        .result(SurveyDef::permenpanrb_14_2017(), method)
        .map_err(error::core)?;
    convert::view_out(py, "IkmResult", &r)
}

/// The sample size for a population of service users (Krejcie and Morgan).
#[pyfunction]
pub fn sample_size(population: &Bound<'_, PyAny>) -> PyResult<u64> {
    let n: u64 = convert::int_in(population, "population", ptsp::error::phrase::NUMBER)?;
    Ok(ptsp::evaluation::sample_size(n))
}

fn period_in(ob: &Bound<'_, PyAny>) -> PyResult<Period> {
    convert::value_in(ob, "period", "period", Domain::Evaluation)
}

fn dimensions_in(ob: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<Dimension>> {
    match ob {
        Some(b) if !b.is_none() => {
            let items = convert::items_of(b, "by")?;
            items
                .iter()
                .map(|d| convert::enum_in(d, "by", Domain::Evaluation))
                .collect()
        }
        _ => Ok(Vec::new()),
    }
}

/// The procedures a report evaluates cases on (a list of `ptsp.Procedure`).
fn procedures_of<'a>(items: &'a [Bound<'_, PyAny>]) -> PyResult<Vec<&'a ptsp::Procedure>> {
    items.iter().map(|p| convert::procedure_in(p)).collect()
}

/// The SLA compliance report over `cases` (a list of `ptsp.Case`), each on
/// its procedure among `procedures`, for `period` (`{"from": date, "to":
/// date}`) with open steps judged at `now`, grouped `by` dimensions
/// (`"procedure"`, `"step"`, `"lane"`, `"unit"`, `"staff"`, `"tier"`,
/// `"month"`). A dict in the core's shape: mergeable (`merge_reports`),
/// renderable (`report_csv`, `report_markdown`, `report_columns`).
#[pyfunction]
#[pyo3(signature = (cases, procedures, calendar, period, now, by = None))]
pub fn compliance<'py>(
    py: Python<'py>,
    cases: &Bound<'py, PyAny>,
    procedures: &Bound<'py, PyAny>,
    calendar: &Bound<'py, PyAny>,
    period: &Bound<'py, PyAny>,
    now: &Bound<'py, PyAny>,
    by: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let cases = convert::cases_in(cases)?;
    let items = convert::items_of(procedures, "procedures")?;
    let ps = procedures_of(&items)?;
    let cal = convert::calendar_in(calendar)?;
    let period = period_in(period)?;
    let now = convert::instant_in(now, "now")?;
    let dims = dimensions_in(by)?;
    let r =
        ptsp::evaluation::compliance(&cases, &ps, cal, period, now, &dims).map_err(error::core)?;
    convert::serde_out(py, &r)
}

/// The report over stored event logs (a list of `str` or `bytes`, one JSON
/// array of events per case), parsed, replayed (checked against their
/// procedure unless `checked=False`), evaluated and aggregated in one call
/// without holding the GIL.
#[pyfunction]
#[pyo3(signature = (logs, procedures, calendar, period, now, by = None, checked = true))]
#[allow(clippy::too_many_arguments)]
pub fn compliance_logs<'py>(
    py: Python<'py>,
    logs: &Bound<'py, PyAny>,
    procedures: &Bound<'py, PyAny>,
    calendar: &Bound<'py, PyAny>,
    period: &Bound<'py, PyAny>,
    now: &Bound<'py, PyAny>,
    by: Option<&Bound<'py, PyAny>>,
    checked: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let items = convert::items_of(logs, "logs")?;
    let mut texts: Vec<&[u8]> = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        if let Ok(b) = item.cast::<PyBytes>() {
            texts.push(b.as_bytes());
        } else if let Ok(s) = item.cast::<PyString>() {
            texts.push(
                s.to_str()
                    .map_err(|_| {
                        error::invalid_type(
                            &format!("logs[{i}]"),
                            "str or bytes",
                            "str with a lone surrogate",
                        )
                    })?
                    .as_bytes(),
            );
        } else {
            return Err(error::invalid_type(
                &format!("logs[{i}]"),
                "str or bytes",
                &convert::type_name(item),
            ));
        }
    }
    let pitems = convert::items_of(procedures, "procedures")?;
    let ps = procedures_of(&pitems)?;
    let cal = convert::calendar_in(calendar)?;
    let period = period_in(period)?;
    let now = convert::instant_in(now, "now")?;
    let dims = dimensions_in(by)?;
    let replay = if checked {
        Replay::Checked
    } else {
        Replay::Trusted
    };
    let r = py
        .detach(|| {
            ptsp::evaluation::compliance_from_logs(&texts, &ps, cal, period, now, &dims, replay)
        })
        .map_err(error::core)?;
    convert::serde_out(py, &r)
}

/// A report dict, validated (`invalid_report` with every problem).
fn report_in(ob: &Bound<'_, PyAny>, what: &str) -> PyResult<ComplianceReport> {
    let r: ComplianceReport = convert::value_in(ob, what, what, Domain::Evaluation)?;
    r.checked().map_err(error::core)
}

/// Merges reports over the same period, instant and dimensions (dicts as
/// `compliance` returns them): the report over all their cases.
#[pyfunction]
pub fn merge_reports<'py>(
    py: Python<'py>,
    reports: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let all: Vec<ComplianceReport> =
        convert::list_value_in(reports, "reports", "reports", Domain::Evaluation)?;
    let r = ComplianceReport::merge_all(all).map_err(error::core)?;
    convert::serde_out(py, &r)
}

/// A table of a report (`"steps"` or `"cases"`) as CSV text.
#[pyfunction]
#[pyo3(signature = (report, table = "steps"))]
pub fn report_csv(report: &Bound<'_, PyAny>, table: &str) -> PyResult<String> {
    let r = report_in(report, "report")?;
    match table {
        "cases" => Ok(r.cases_csv()),
        _ => Ok(r.steps_csv()),
    }
}

/// The step table of a report as Markdown in `lang` (`"id"` or `"en"`).
#[pyfunction]
#[pyo3(signature = (report, lang = None))]
pub fn report_markdown(
    report: &Bound<'_, PyAny>,
    lang: Option<&Bound<'_, PyAny>>,
) -> PyResult<String> {
    let r = report_in(report, "report")?;
    let lang = match lang {
        Some(l) if !l.is_none() => convert::enum_in(l, "lang", Domain::Evaluation)?,
        _ => ptsp::Lang::Id,
    };
    Ok(r.steps_markdown(lang))
}

/// The step table of a report as columns: one numpy array per dimension
/// (`str`), per count (`int64`) and per figure (`float64`, NaN where there
/// is none: `on_time_percent`, `median_minutes`, `p90_minutes`).
#[pyfunction]
pub fn report_columns<'py>(
    py: Python<'py>,
    report: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyDict>> {
    use numpy::{IntoPyArray, PyArrayMethods as _};
    let r = report_in(report, "report")?;
    let out = PyDict::new(py);
    let np = py.import("numpy")?;
    for (i, d) in r.step_dimensions.iter().enumerate() {
        let values: Vec<&str> = r.steps.iter().map(|row| row.key[i].as_str()).collect();
        let name = serde_json::to_value(d)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        out.set_item(
            name,
            np.call_method1("array", (PyList::new(py, values)?, "U"))?,
        )?;
    }
    let int_col = |f: &dyn Fn(&ptsp::evaluation::StepStats) -> i64| -> Vec<i64> {
        r.steps.iter().map(|row| f(&row.stats)).collect()
    };
    let to_i = |n: u64| i64::try_from(n).unwrap_or(i64::MAX);
    let ints: [(&str, Vec<i64>); 11] = [
        ("started", int_col(&|s| to_i(s.started))),
        ("finished", int_col(&|s| to_i(s.finished))),
        ("on_time", int_col(&|s| to_i(s.on_time))),
        ("late", int_col(&|s| to_i(s.late))),
        ("open", int_col(&|s| to_i(s.open))),
        ("breached", int_col(&|s| to_i(s.breached))),
        ("corrections", int_col(&|s| to_i(s.corrections))),
        ("paused_seconds", int_col(&|s| s.paused_seconds)),
        ("warned", int_col(&|s| to_i(s.warned))),
        ("escalated", int_col(&|s| to_i(s.escalated))),
        ("max_level", int_col(&|s| i64::from(s.max_level))),
    ];
    for (name, col) in ints {
        out.set_item(name, col.into_pyarray(py))?;
    }
    let float_col = |f: &dyn Fn(&ptsp::evaluation::StepStats) -> Option<f64>| -> Vec<f64> {
        r.steps
            .iter()
            .map(|row| f(&row.stats).unwrap_or(f64::NAN))
            .collect()
    };
    let floats: [(&str, Vec<f64>); 3] = [
        (
            "on_time_percent",
            float_col(&|s| s.on_time_percent().and_then(|p| p.parse().ok())),
        ),
        (
            "median_minutes",
            float_col(&|s| s.percentile(50).map(f64::from)),
        ),
        (
            "p90_minutes",
            float_col(&|s| s.percentile(90).map(f64::from)),
        ),
    ];
    for (name, col) in floats {
        let arr = col.into_pyarray(py);
        let _ = arr.readonly();
        out.set_item(name, arr)?;
    }
    Ok(out)
}

/// Builds the submodule `evaluation` and adds it to `parent`.
pub fn register(parent: &Bound<'_, PyModule>) -> PyResult<()> {
    let m = PyModule::new(parent.py(), "ptsp.evaluation")?;
    m.add_function(wrap_pyfunction!(survey, &m)?)?;
    m.add_function(wrap_pyfunction!(validate_response, &m)?)?;
    m.add_function(wrap_pyfunction!(ikm, &m)?)?;
    m.add_function(wrap_pyfunction!(ikm_by, &m)?)?;
    m.add_function(wrap_pyfunction!(tally, &m)?)?;
    m.add_function(wrap_pyfunction!(tally_rows, &m)?)?;
    m.add_function(wrap_pyfunction!(merge_tallies, &m)?)?;
    m.add_function(wrap_pyfunction!(ikm_of_tally, &m)?)?;
    m.add_function(wrap_pyfunction!(sample_size, &m)?)?;
    m.add_function(wrap_pyfunction!(compliance, &m)?)?;
    m.add_function(wrap_pyfunction!(compliance_logs, &m)?)?;
    m.add_function(wrap_pyfunction!(merge_reports, &m)?)?;
    m.add_function(wrap_pyfunction!(report_csv, &m)?)?;
    m.add_function(wrap_pyfunction!(report_markdown, &m)?)?;
    m.add_function(wrap_pyfunction!(report_columns, &m)?)?;
    parent.add("evaluation", m)
}
