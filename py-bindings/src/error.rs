//! All error mapping of the binding.
//!
//! Every core error reaches Python through [`ptsp::PtspError`] alone: its
//! code, kind, messages in both languages and problems. The class comes from
//! `ptsp._errors.class_for(kind, code, has_problems)` — generated, like the
//! classes themselves, from the core's code registry by `tools/gen` — so no
//! class table and no message is written here:
//!
//! | class | raised for |
//! |---|---|
//! | `<Kind>Error(PtspError)` | an error of that module (`CalendarError`, `ProcedureError`, `CaseError`, `FormError`, `RoutingError`) |
//! | `<Kind>ValidationError(<Kind>Error, ValidationError)` | one that carries problems (`invalid_definition`, `invalid_procedure`, `invalid_input`, `incomplete_documents`, `invalid_form`, `invalid_limits`, `invalid_rule_set`, `invalid_json` with its paths, `invalid_text`) |
//! | `UnauthorizedError(CaseError)` | code `unauthorized` |
//! | `InvalidTypeError(PtspError, TypeError)` | code `invalid_type`: an argument of the wrong Python type ([`ptsp::error::input::ArgumentError`]) |
//!
//! Every instance carries `.code`, `.kind`, `.messages` (`{"en", "id"}`) and
//! `.errors()` (the problems, each `{path, code, message, message_id}`);
//! `str(e)` is the English message.
//!
//! A dict of the wrong shape is read by the core ([`ptsp::error::input`]),
//! which names the path of the offending value; the binding only says which
//! module's error it is ([`Domain`]).

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList};

use ptsp::error::input::{ArgumentError, InputError};
use ptsp::error::phrase::{self, Phrase};
use ptsp::{CalendarError, CaseError, FormError, Lang, ProcedureError, PtspError, RoutingError};

const ERRORS_MODULE: &str = "ptsp._errors";

static CLASS_FOR: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// Builds the exception instance for a core error, unraised.
pub(crate) fn value<'py, E: PtspError + ?Sized>(
    py: Python<'py>,
    err: &E,
) -> PyResult<Bound<'py, PyAny>> {
    let code = err.code().as_str();
    let problems = err.problems();
    let class = CLASS_FOR.import(py, ERRORS_MODULE, "class_for")?.call1((
        err.kind().as_str(),
        code,
        !problems.is_empty(),
    ))?;
    let messages = PyDict::new(py);
    messages.set_item("en", err.message(Lang::En))?;
    messages.set_item("id", err.message(Lang::Id))?;
    let errors = PyList::empty(py);
    for p in problems {
        let item = PyDict::new(py);
        item.set_item("path", &p.path)?;
        item.set_item("code", p.code.as_str())?;
        item.set_item("message", &p.message)?;
        item.set_item("message_id", &p.message_id)?;
        errors.append(item)?;
    }
    class.call1((code, messages, errors, err.kind().as_str()))
}

/// Maps any core error to its Python exception.
pub(crate) fn core<E: PtspError>(err: E) -> PyErr {
    Python::attach(|py| match value(py, &err) {
        Ok(v) => PyErr::from_value(v),
        Err(e) => e,
    })
}

/// `invalid_type`: an argument of the wrong Python type. `what` names the
/// parameter, `expected` the accepted Python type(s), `found` the type given.
pub(crate) fn invalid_type(what: &str, expected: &str, found: &str) -> PyErr {
    core(ArgumentError::new(what, expected, found))
}

/// The module an argument belongs to: the class a shape problem found while
/// reading it is raised as.
#[derive(Clone, Copy)]
pub(crate) enum Domain {
    /// Calendar definitions, layers, policies, iCalendar text, languages,
    /// holiday kinds.
    Calendar,
    /// Procedure definitions and services.
    Procedure,
    /// Web forms, form limits, a NIK, phone or email.
    Form,
    /// Rule sets, tickets, staff lists, unit ids, words.
    Routing,
    /// Requests, events, actors, documents of the case engine.
    Case,
    /// Inventories, checklists and audits of the office.
    Office,
    /// Survey responses, tallies and methods of the evaluation.
    Evaluation,
}

/// Raises an input error (a shape error with its paths, or a text that is
/// not Unicode) as the error of its argument's module.
pub(crate) fn input(domain: Domain, err: InputError) -> PyErr {
    match domain {
        Domain::Calendar => core(CalendarError::from(err)),
        Domain::Procedure => core(ProcedureError::from(err)),
        Domain::Form => core(FormError::from(err)),
        Domain::Routing => core(RoutingError::from(err)),
        Domain::Case => core(CaseError::from(err)),
        Domain::Office => core(ptsp::office::OfficeError::from(err)),
        Domain::Evaluation => core(ptsp::evaluation::EvaluationError::from(err)),
    }
}

/// `invalid_value`: a naive `datetime` where an instant is needed.
pub(crate) fn naive_datetime(value: String) -> PyErr {
    core(CalendarError::InvalidValue {
        what: phrase::INSTANT,
        value,
        expected: phrase::AWARE_DATETIME,
    })
}

/// `out_of_range`: a number or result that cannot be represented on one
/// side of the binding.
pub(crate) fn out_of_range(what: Phrase, value: String) -> PyErr {
    core(CalendarError::OutOfRange { what, value })
}

/// `invalid_value`: a text that should name one of a fixed set of values.
pub(crate) fn invalid_choice(what: Phrase, value: String, expected: Phrase) -> PyErr {
    core(CalendarError::InvalidValue {
        what,
        value,
        expected,
    })
}
