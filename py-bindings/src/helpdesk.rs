//! The core's `helpdesk` module, exposed as the native submodule
//! `helpdesk` of `ptsp._ptsp`, re-exported by the Python module
//! `ptsp.helpdesk`: the figures of one consultation or complaint ticket
//! (`figures`) and per-unit summaries over many (`unit_summaries`).
//!
//! Every function converts its arguments in ([`convert`]), calls the core
//! once and converts the result out (dicts in the core's JSON shape);
//! errors map through [`error`].

use pyo3::prelude::*;

use crate::convert;
use crate::error;

/// The figures of a ticket (a case of the consultation or complaint
/// procedure) at `now` (an aware datetime), as a dict: first response and
/// resolution in working seconds, "Belum Valid" rounds, redistributions,
/// reopenings, corrections, outcome counts, working seconds per lane, the
/// unit that last worked on it, its tier, the tier's deadline and status.
#[pyfunction]
pub fn figures<'py>(
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
    let f = ptsp::desk::figures::figures(case.core(), p, cal, now).map_err(error::core)?;
    convert::view_out(py, "TicketFigures", &f)
}

/// Per-unit summaries over many tickets (a list of `ptsp.Case`) at `now`,
/// in unit order, as dicts: tickets worked on, answers drafted, "not ours",
/// answers sent back as not yet valid, working seconds and the mean per
/// finished visit. Computed without holding the GIL; the first case that
/// cannot be evaluated raises.
#[pyfunction]
pub fn unit_summaries<'py>(
    py: Python<'py>,
    cases: &Bound<'py, PyAny>,
    procedure: &Bound<'py, PyAny>,
    calendar: &Bound<'py, PyAny>,
    now: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let cases = convert::cases_in(cases)?;
    let p = convert::procedure_in(procedure)?;
    let cal = convert::calendar_in(calendar)?;
    let now = convert::instant_in(now, "now")?;
    let summaries = py
        .detach(|| ptsp::desk::figures::unit_summaries(&cases, p, cal, now))
        .map_err(error::core)?;
    Ok(convert::views_out(py, "UnitSummary", &summaries)?.into_any())
}

/// Builds the submodule `helpdesk` (its functions' `__module__` is
/// `ptsp.helpdesk`, the Python module that re-exports them) and adds it to
/// `parent`.
pub fn register(parent: &Bound<'_, PyModule>) -> PyResult<()> {
    let m = PyModule::new(parent.py(), "ptsp.helpdesk")?;
    m.add_function(wrap_pyfunction!(figures, &m)?)?;
    m.add_function(wrap_pyfunction!(unit_summaries, &m)?)?;
    parent.add("helpdesk", m)
}
