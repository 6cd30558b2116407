//! All error mapping of the binding.
//!
//! Core errors ([`ptsp::Error`]) and conversion failures become instances of
//! the exception classes defined in Python in `ptsp._errors`:
//!
//! | class | raised for |
//! |---|---|
//! | `PtspError(ValueError)` | the root; errors of a future core module |
//! | `CalendarError(PtspError)` | every [`ptsp::CalendarError`] |
//! | `ValidationError(CalendarError)` | code `invalid_definition`, with `.errors()` |
//! | `InvalidTypeError(PtspError, TypeError)` | code `invalid_type`: an argument of the wrong Python type |
//!
//! Every instance carries `.code` (the core's stable code) and `.messages`
//! (`{"en": …, "id": …}` from [`ptsp::Error::message`]); `str(e)` is the
//! English message. The messages of `invalid_type`, the only error the core
//! cannot know of, are written here in both languages.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyType};

use ptsp::{CalendarError, Lang, Problem};

const ERRORS_MODULE: &str = "ptsp._errors";

static PTSP_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static CALENDAR_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static VALIDATION_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static INVALID_TYPE_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// The exception classes of `ptsp._errors`.
#[derive(Clone, Copy)]
enum Class {
    Ptsp,
    Calendar,
    Validation,
    InvalidType,
}

impl Class {
    fn get<'py>(self, py: Python<'py>) -> PyResult<&'py Bound<'py, PyType>> {
        let (cell, name) = match self {
            Class::Ptsp => (&PTSP_ERROR, "PtspError"),
            Class::Calendar => (&CALENDAR_ERROR, "CalendarError"),
            Class::Validation => (&VALIDATION_ERROR, "ValidationError"),
            Class::InvalidType => (&INVALID_TYPE_ERROR, "InvalidTypeError"),
        };
        cell.import(py, ERRORS_MODULE, name)
    }
}

/// Builds `cls(code, {"en": en, "id": id}, errors)` as a Python exception.
fn raise(class: Class, code: &str, en: &str, id: &str, problems: &[Problem]) -> PyErr {
    Python::attach(|py| {
        let build = || -> PyResult<PyErr> {
            let messages = PyDict::new(py);
            messages.set_item("en", en)?;
            messages.set_item("id", id)?;
            let errors = PyList::empty(py);
            for p in problems {
                let item = PyDict::new(py);
                item.set_item("path", &p.path)?;
                item.set_item("code", &p.code)?;
                item.set_item("message", &p.message)?;
                item.set_item("message_id", &p.message_id)?;
                errors.append(item)?;
            }
            let instance = class.get(py)?.call1((code, messages, errors))?;
            Ok(PyErr::from_value(instance))
        };
        build().unwrap_or_else(|e| e)
    })
}

/// Maps a core error to its Python exception.
pub(crate) fn core(err: ptsp::Error) -> PyErr {
    let class = match &err {
        ptsp::Error::Calendar(CalendarError::Invalid { .. }) => Class::Validation,
        ptsp::Error::Calendar(_) => Class::Calendar,
        _ => Class::Ptsp,
    };
    raise(
        class,
        err.code(),
        &err.message(Lang::En),
        &err.message(Lang::Id),
        err.problems(),
    )
}

/// Maps a calendar error (one the binding found while converting) to its
/// Python exception.
pub(crate) fn calendar(err: CalendarError) -> PyErr {
    core(err.into())
}

/// `invalid_type`: an argument of the wrong Python type. `what` names the
/// parameter, `expected` the accepted types, `found` what was given.
pub(crate) fn invalid_type(what: &str, expected: &str, found: &str) -> PyErr {
    raise(
        Class::InvalidType,
        "invalid_type",
        &format!("invalid type for {what}: expected {expected}, found {found}"),
        &format!("tipe {what} tidak valid: seharusnya {expected}, ditemukan {found}"),
        &[],
    )
}

/// `invalid_value`: a naive `datetime` where an instant is needed.
pub(crate) fn naive_datetime(value: String) -> PyErr {
    calendar(CalendarError::InvalidValue {
        what: "instant",
        value,
        expected: "an aware datetime (tzinfo with a UTC offset), e.g. \
                   datetime(2026, 12, 24, 16, 45, tzinfo=timezone(timedelta(hours=7)))",
    })
}

/// `out_of_range`: a number or result that cannot be represented on one
/// side of the binding.
pub(crate) fn out_of_range(what: &'static str, value: String) -> PyErr {
    calendar(CalendarError::OutOfRange { what, value })
}

/// `invalid_json`: a dict that does not have the shape of the core's serde
/// type (a definition, layer or policy).
pub(crate) fn serde(err: &serde_json::Error) -> PyErr {
    calendar(CalendarError::InvalidJson {
        line: err.line(),
        column: err.column(),
        detail: err.to_string(),
    })
}

/// `invalid_value`: a text that should name one of a fixed set of values.
pub(crate) fn invalid_choice(what: &'static str, value: String, expected: &'static str) -> PyErr {
    calendar(CalendarError::InvalidValue {
        what,
        value,
        expected,
    })
}
