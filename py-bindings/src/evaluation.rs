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
    GroupBy, Method, Response, ResponseRules, SurveyDef, Tally, ikm as core_ikm,
    ikm_by as core_ikm_by,
};

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
    let t: Tally = convert::value_in(ob, what, what, Domain::Evaluation)?;
    let n = SurveyDef::permenpanrb_14_2017().elements.len();
    if t.sums.len() != n || t.counts.len() != n {
        return Err(error::core(
            ptsp::evaluation::EvaluationError::InvalidResponses {
                problems: vec![ptsp::Problem::new(
                    format!("{what}.sums"),
                    ptsp::Code::TooMany,
                    format!("a tally has {n} sums and {n} counts, one per element"),
                    format!("tally memiliki {n} jumlah dan {n} hitungan, satu per unsur"),
                )],
            },
        ));
    }
    Ok(t)
}

/// The survey of PermenPANRB No. 14 Tahun 2017 as a dict: the nine
/// elements with their names, definitions, questions and options in both
/// languages, the category table, the respondent profile, the sample-size
/// method, and the source of every value.
#[pyfunction]
pub fn survey(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    convert::serde_out(py, &SurveyDef::permenpanrb_14_2017())
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
        &SurveyDef::permenpanrb_14_2017(),
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
    let r = core_ikm(&SurveyDef::permenpanrb_14_2017(), &rs, method).map_err(error::core)?;
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
        core_ikm_by(&SurveyDef::permenpanrb_14_2017(), &rs, by, method).map_err(error::core)?;
    Ok(convert::views_out(py, "GroupResult", &groups)?.into_any())
}

/// The tally of `responses` (validated, blanks allowed): a dict
/// `{respondents, sums, counts, from, to}` to store or merge.
#[pyfunction]
pub fn tally<'py>(py: Python<'py>, responses: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let rs = responses_in(responses)?;
    let def = SurveyDef::permenpanrb_14_2017();
    // Validate as `ikm` does; an empty list is an empty tally.
    if !rs.is_empty()
        && let Err(e) = core_ikm(&def, &rs, Method::Exact)
        && e.code() == ptsp::Code::InvalidResponses
    {
        return Err(error::core(e));
    }
    let mut t = Tally::new(&def);
    for r in &rs {
        t.add(&def, r);
    }
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
    let def = SurveyDef::permenpanrb_14_2017();
    let width = def.elements.len();
    let shape = rows.shape();
    if shape[1] != width {
        return Err(error::core(
            ptsp::evaluation::EvaluationError::InvalidResponses {
                problems: vec![ptsp::Problem::new(
                    "rows",
                    ptsp::Code::OutOfRange,
                    format!(
                        "rows have {} columns: expected {width}, one per element",
                        shape[1]
                    ),
                    format!(
                        "baris memiliki {} kolom: seharusnya {width}, satu per unsur",
                        shape[1]
                    ),
                )],
            },
        ));
    }
    let mut t = Tally::new(&def);
    let mut bad: Option<(usize, usize, u8)> = None;
    let mut count = |t: &mut Tally, i: usize, row: &[u8]| -> bool {
        if let Some(j) = row.iter().position(|v| *v > 4) {
            bad = Some((i, j, row[j]));
            return false;
        }
        t.add_row(row);
        true
    };
    match rows.as_slice().ok().filter(|_| rows.is_c_contiguous()) {
        // C-contiguous: rows are consecutive runs of `width` bytes.
        Some(flat) => py.detach(|| {
            for (i, row) in flat.chunks_exact(width).enumerate() {
                if !count(&mut t, i, row) {
                    break;
                }
            }
        }),
        None => {
            let view = rows.as_array();
            let mut row = vec![0u8; width];
            for (i, r) in view.rows().into_iter().enumerate() {
                for (dst, src) in row.iter_mut().zip(r.iter()) {
                    *dst = *src;
                }
                if !count(&mut t, i, &row) {
                    break;
                }
            }
        }
    }
    if let Some((i, j, v)) = bad {
        return Err(error::core(
            ptsp::evaluation::EvaluationError::InvalidResponses {
                problems: vec![ptsp::Problem::new(
                    format!("rows[{i}][{j}]"),
                    ptsp::Code::OutOfRange,
                    format!("answer {v} is outside 1 to 4 (0: not answered)"),
                    format!("jawaban {v} di luar 1 sampai 4 (0: tidak dijawab)"),
                )],
            },
        ));
    }
    convert::serde_out(py, &t)
}

/// Merges tallies (a list of dicts as `tally` returns them): the tally of
/// the union.
#[pyfunction]
pub fn merge_tallies<'py>(
    py: Python<'py>,
    tallies: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let def = SurveyDef::permenpanrb_14_2017();
    let mut out = Tally::new(&def);
    for (i, item) in convert::items_of(tallies, "tallies")?.iter().enumerate() {
        out.merge(&tally_in(item, &format!("tallies[{i}]"))?);
    }
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
        .result(&SurveyDef::permenpanrb_14_2017(), method)
        .map_err(error::core)?;
    convert::view_out(py, "IkmResult", &r)
}

/// The sample size for a population of service users (Krejcie and Morgan).
#[pyfunction]
pub fn sample_size(population: &Bound<'_, PyAny>) -> PyResult<u64> {
    let n: u64 = convert::int_in(population, "population", ptsp::error::phrase::NUMBER)?;
    Ok(ptsp::evaluation::sample_size(n))
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
    parent.add("evaluation", m)
}
