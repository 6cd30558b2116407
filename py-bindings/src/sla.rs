//! The core's `sla` module, exposed as the native submodule `sla` of
//! `ptsp._ptsp`, re-exported by the Python module `ptsp.sla`: SLA clocks of
//! a case (`evaluate`, `evaluate_many`), the explanation of a step's
//! deadline (`explain`) and the completion preview (`preview`).
//!
//! Every function converts its arguments in ([`convert`]), calls the core
//! once and converts the result out (reports as dicts in the core's JSON
//! shape); errors map through [`error`].

use pyo3::prelude::*;
use pyo3::types::PyList;

use ptsp::error::phrase;

use crate::convert;
use crate::error;

/// Every SLA clock of `case` at `now` (an aware datetime), as a dict: per
/// step visit (started, due, elapsed / paused / remaining working seconds,
/// status, threshold), per lane, for the whole case, and the due events
/// (opt-in deemed approval).
#[pyfunction]
pub fn evaluate<'py>(
    py: Python<'py>,
    case: &Bound<'py, PyAny>,
    procedure: &Bound<'py, PyAny>,
    calendar: &Bound<'py, PyAny>,
    now: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let case = convert::case_in(case)?;
    let p = convert::procedure_in(procedure)?;
    let cal = convert::calendar_in(calendar)?;
    let now = convert::instant_in(now, "now")?;
    let report = ptsp::sla::evaluate(case.core(), p, cal, now).map_err(error::core)?;
    convert::view_out(py, "SlaReport", &report)
}

/// `evaluate` over many cases at one instant (a dashboard's batch call):
/// one entry per case, in order — the report dict, or the exception
/// *instance* (a `PtspError`, not raised) for a case that could not be
/// evaluated, so one broken case does not hide the others. The cases are
/// evaluated without holding the GIL.
#[pyfunction]
pub fn evaluate_many<'py>(
    py: Python<'py>,
    cases: &Bound<'py, PyAny>,
    procedure: &Bound<'py, PyAny>,
    calendar: &Bound<'py, PyAny>,
    now: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyList>> {
    let cases = convert::cases_in(cases)?;
    let p = convert::procedure_in(procedure)?;
    let cal = convert::calendar_in(calendar)?;
    let now = convert::instant_in(now, "now")?;
    let reports = py.detach(|| ptsp::sla::evaluate_many(&cases, p, cal, now));
    let out = PyList::empty(py);
    for r in reports {
        match r {
            Ok(report) => out.append(convert::view_out(py, "SlaReport", &report)?)?,
            Err(e) => out.append(error::value(py, &e)?)?,
        }
    }
    Ok(out)
}

/// Why visit number `visit` (0-based, as in the report's `steps`) of
/// `case` is due when it is: the step, its first and current deadline, the
/// calendar's day-by-day explanation of the first deadline (working-day
/// SLAs) and every correction pause, as a dict.
#[pyfunction]
pub fn explain<'py>(
    py: Python<'py>,
    case: &Bound<'py, PyAny>,
    visit: &Bound<'py, PyAny>,
    procedure: &Bound<'py, PyAny>,
    calendar: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let case = convert::case_in(case)?;
    let visit: usize = convert::int_in(visit, "visit", phrase::VISIT)?;
    let p = convert::procedure_in(procedure)?;
    let cal = convert::calendar_in(calendar)?;
    let e = ptsp::sla::explain(case.core(), visit, p, cal).map_err(error::core)?;
    convert::view_out(py, "StepExplanation", &e)
}

/// The latest completion of an application submitted at `submitted_at`
/// (an aware datetime) if every step takes at most its SLA along the main
/// path, as a dict `{steps, completion, untimed}`; steps without an SLA
/// count as taking no time and are listed in `untimed` (the completion is
/// then a lower bound).
#[pyfunction]
pub fn preview<'py>(
    py: Python<'py>,
    procedure: &Bound<'py, PyAny>,
    calendar: &Bound<'py, PyAny>,
    submitted_at: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let p = convert::procedure_in(procedure)?;
    let cal = convert::calendar_in(calendar)?;
    let at = convert::instant_in(submitted_at, "submitted_at")?;
    let preview = ptsp::sla::preview(p, cal, at).map_err(error::core)?;
    convert::view_out(py, "Preview", &preview)
}

/// Builds the submodule `sla` (its functions' `__module__` is `ptsp.sla`,
/// the Python module that re-exports them) and adds it to `parent`.
pub fn register(parent: &Bound<'_, PyModule>) -> PyResult<()> {
    let m = PyModule::new(parent.py(), "ptsp.sla")?;
    m.add_function(wrap_pyfunction!(evaluate, &m)?)?;
    m.add_function(wrap_pyfunction!(evaluate_many, &m)?)?;
    m.add_function(wrap_pyfunction!(explain, &m)?)?;
    m.add_function(wrap_pyfunction!(preview, &m)?)?;
    parent.add("sla", m)
}
