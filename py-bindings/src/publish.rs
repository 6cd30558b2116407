//! The core's `publish` module, exposed as the native submodule `publish`
//! of `ptsp._ptsp`, re-exported by `ptsp.publish`: the published service
//! standard and the public performance page, as Markdown or standalone
//! HTML, in Bahasa Indonesia or English.

use pyo3::prelude::*;

use ptsp::Lang;
use ptsp::evaluation::{ComplianceReport, IkmResult};
use ptsp::publish::{Doc, Format, Standard};

use crate::convert;
use crate::error::Domain;

fn lang_in(lang: Option<&Bound<'_, PyAny>>) -> PyResult<Lang> {
    match lang {
        Some(l) if !l.is_none() => convert::enum_in(l, "lang", Domain::Evaluation),
        _ => Ok(Lang::Id),
    }
}

fn render(doc: &Doc, format: Option<&Bound<'_, PyAny>>) -> PyResult<String> {
    let format: Format = match format {
        Some(f) if !f.is_none() => convert::enum_in(f, "format", Domain::Evaluation)?,
        _ => Format::Markdown,
    };
    Ok(doc.render(format))
}

/// The published service standard of the East Java office with
/// `procedures` (a list of `ptsp.Procedure`): each procedure's steps, lanes,
/// time limits and documents, the facilities, and the standard's own texts
/// (§5–§11). `format` is `"markdown"` (the default) or `"html"` (a
/// standalone page).
#[pyfunction]
#[pyo3(signature = (procedures, lang = None, format = None))]
pub fn standard(
    procedures: &Bound<'_, PyAny>,
    lang: Option<&Bound<'_, PyAny>>,
    format: Option<&Bound<'_, PyAny>>,
) -> PyResult<String> {
    let items = convert::items_of(procedures, "procedures")?;
    let ps: Vec<&ptsp::Procedure> = items
        .iter()
        .map(|p| convert::procedure_in(p))
        .collect::<PyResult<_>>()?;
    let lang = lang_in(lang)?;
    render(&ptsp::publish::standard(&Standard::jatim(ps), lang), format)
}

/// The public performance page from a compliance report and a satisfaction
/// index result (dicts as `ptsp.evaluation.compliance` and `ikm` return
/// them; either may be `None`).
#[pyfunction]
#[pyo3(signature = (report = None, ikm = None, lang = None, format = None))]
pub fn performance(
    report: Option<&Bound<'_, PyAny>>,
    ikm: Option<&Bound<'_, PyAny>>,
    lang: Option<&Bound<'_, PyAny>>,
    format: Option<&Bound<'_, PyAny>>,
) -> PyResult<String> {
    let report: Option<ComplianceReport> = match report {
        Some(r) if !r.is_none() => {
            let r: ComplianceReport = convert::value_in(r, "report", "report", Domain::Evaluation)?;
            Some(r.checked().map_err(crate::error::core)?)
        }
        _ => None,
    };
    let ikm: Option<IkmResult> = match ikm {
        Some(r) if !r.is_none() => Some(convert::value_in(r, "ikm", "ikm", Domain::Evaluation)?),
        _ => None,
    };
    let lang = lang_in(lang)?;
    let office = Standard::jatim_office();
    render(
        &ptsp::publish::performance(&office, report.as_ref(), ikm.as_ref(), lang),
        format,
    )
}

/// Builds the submodule `publish` and adds it to `parent`.
pub fn register(parent: &Bound<'_, PyModule>) -> PyResult<()> {
    let m = PyModule::new(parent.py(), "ptsp.publish")?;
    m.add_function(wrap_pyfunction!(standard, &m)?)?;
    m.add_function(wrap_pyfunction!(performance, &m)?)?;
    parent.add("publish", m)
}
