//! The core's `form` module, exposed as the native submodule `form` of
//! `ptsp._ptsp`, re-exported by the Python module `ptsp.form`: validation of
//! the consultation and complaint web form (`validate`, every problem at
//! once), the office's settings (`default_limits`), and the field checks on
//! their own (`parse_nik`, `normalize_phone`, `normalize_email`,
//! `provinces`, `province_name`).
//!
//! Every function converts its arguments in ([`convert`]), calls the core
//! once and converts the result out (dicts in the core's JSON shape);
//! errors map through [`error`] to `ptsp.FormError`.

use pyo3::prelude::*;

use ptsp::desk::form;

use crate::convert;
use crate::error::{self, Domain};

/// Validates a web-form dict against the office's settings (`limits`: a
/// dict, missing keys taking their defaults, or `None` for the defaults),
/// with `today` (a `datetime.date`) resolving the century of a NIK's birth
/// year. Returns the normalised form as a dict (text trimmed, phone in
/// E.164, email domain lower-cased, NIK decoded); raises `FormError` (code
/// `invalid_form`) listing every problem in `.errors()`, `invalid_limits`
/// for inconsistent settings and `invalid_json` for a dict of the wrong
/// shape.
#[pyfunction]
#[pyo3(signature = (form, limits = None, *, today))]
pub fn validate<'py>(
    py: Python<'py>,
    form: &Bound<'py, PyAny>,
    limits: Option<&Bound<'py, PyAny>>,
    today: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let form = convert::form_in(form)?;
    let limits = convert::limits_in(limits)?;
    let today = convert::date_in(today, "today")?;
    let valid = form::validate(&form, &limits, today).map_err(error::core)?;
    convert::serde_out(py, &valid)
}

/// The default settings of the web form, as a dict (edit it and pass it to
/// `validate` as `limits`).
#[pyfunction]
pub fn default_limits(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    convert::serde_out(py, &ptsp::FormLimits::default())
}

/// Checks and decodes a NIK (*Nomor Induk Kependudukan*, the 16-digit
/// population number; spaces, dots and hyphens between digits ignored),
/// with `today` resolving the century of the birth year. Returns a dict
/// `{nik, province_code, province, regency_code, regency_kind,
/// district_code, birth_date, sex, serial}`; raises `FormError`
/// (`invalid_form`) with every problem at path `nik`.
#[pyfunction]
pub fn parse_nik<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    today: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let text = convert::str_in(text, "text", Domain::Form)?;
    let today = convert::date_in(today, "today")?;
    let nik = form::Nik::parse(text, today).map_err(error::core)?;
    convert::serde_out(py, &nik)
}

/// An Indonesian phone number in any usual notation, normalised to E.164
/// (`+62…`); raises `FormError` (`invalid_form`, problem `invalid_phone`).
#[pyfunction]
pub fn normalize_phone(text: &Bound<'_, PyAny>) -> PyResult<String> {
    form::normalize_phone(convert::str_in(text, "text", Domain::Form)?).map_err(error::core)
}

/// An email address, checked, with its domain lower-cased; raises
/// `FormError` (`invalid_form`, problem `invalid_email`).
#[pyfunction]
pub fn normalize_email(text: &Bound<'_, PyAny>) -> PyResult<String> {
    form::normalize_email(convert::str_in(text, "text", Domain::Form)?).map_err(error::core)
}

/// Every Kemendagri province code a NIK can start with, in code order, as
/// dicts `{code, name, source}`.
#[pyfunction]
pub fn provinces(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    convert::serde_out(py, form::provinces())
}

/// The name of the province with this two-digit code, or `None`.
#[pyfunction]
pub fn province_name(code: &Bound<'_, PyAny>) -> PyResult<Option<&'static str>> {
    Ok(form::province_name(convert::str_in(
        code,
        "code",
        Domain::Form,
    )?))
}

/// Builds the submodule `form` (its functions' `__module__` is
/// `ptsp.form`, the Python module that re-exports them) and adds it to
/// `parent`.
pub fn register(parent: &Bound<'_, PyModule>) -> PyResult<()> {
    let m = PyModule::new(parent.py(), "ptsp.form")?;
    m.add_function(wrap_pyfunction!(validate, &m)?)?;
    m.add_function(wrap_pyfunction!(default_limits, &m)?)?;
    m.add_function(wrap_pyfunction!(parse_nik, &m)?)?;
    m.add_function(wrap_pyfunction!(normalize_phone, &m)?)?;
    m.add_function(wrap_pyfunction!(normalize_email, &m)?)?;
    m.add_function(wrap_pyfunction!(provinces, &m)?)?;
    m.add_function(wrap_pyfunction!(province_name, &m)?)?;
    parent.add("form", m)
}
