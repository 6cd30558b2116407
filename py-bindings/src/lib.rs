//! # ptsp — Python binding
//!
//! The extension module `ptsp._ptsp` of the Python package `ptsp`, built
//! with [pyo3] and [maturin]. It registers one Rust file per exposed core
//! module: `calendar.rs` (the core's `ptsp::calendar`), `procedure.rs`
//! (`ptsp::procedure`), `case.rs` (`ptsp::case`), and as native submodules
//! re-exported by the Python modules of the same name: `sla.rs`
//! (`ptsp::sla` → `ptsp.sla`), `form.rs` (`ptsp::desk::form` → `ptsp.form`),
//! `routing.rs` (`ptsp::desk::routing` → `ptsp.routing`), `helpdesk.rs`
//! (`ptsp::desk::figures` → `ptsp.helpdesk`) and `office.rs`
//! (`ptsp::office` → `ptsp.office`). All conversions live in
//! `convert.rs` and all error mapping in `error.rs`. The exception classes themselves are defined in
//! Python (`ptsp/_errors.py`), and the Python package re-exports everything
//! as `ptsp.*`.
//!
//! [pyo3]: https://pyo3.rs
//! [maturin]: https://www.maturin.rs

use pyo3::prelude::*;

mod calendar;
mod case;
mod convert;
mod error;
mod evaluation;
mod form;
mod helpdesk;
mod office;
mod procedure;
mod publish;
mod routing;
mod sla;

/// The extension module `ptsp._ptsp`.
#[pymodule]
fn _ptsp(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<calendar::PyCalendar>()?;
    m.add_class::<calendar::PyAssuming>()?;
    m.add_class::<calendar::PyEstimate>()?;
    m.add_class::<calendar::PyDeadline>()?;
    m.add_class::<calendar::PyExplanation>()?;
    m.add_function(wrap_pyfunction!(calendar::layer_from_ical, m)?)?;
    m.add_function(wrap_pyfunction!(calendar::layer_to_ical, m)?)?;
    m.add_class::<procedure::PyProcedure>()?;
    m.add_function(wrap_pyfunction!(procedure::sample_catalogue, m)?)?;
    m.add_class::<case::PyCase>()?;
    sla::register(m)?;
    form::register(m)?;
    routing::register(m)?;
    helpdesk::register(m)?;
    office::register(m)?;
    evaluation::register(m)?;
    publish::register(m)?;
    Ok(())
}
