//! All error mapping of the binding.
//!
//! Core errors ([`ptsp::Error`]) and conversion failures become instances of
//! the exception classes defined in Python in `ptsp._errors`:
//!
//! | class | raised for |
//! |---|---|
//! | `PtspError(ValueError)` | the root; errors of a future core module |
//! | `CalendarError(PtspError)` | every [`ptsp::CalendarError`], also when a case operation meets one (e.g. `out_of_coverage` while computing a deadline) |
//! | `ValidationError(CalendarError)` | code `invalid_definition` |
//! | `ProcedureError(PtspError)` | every [`ptsp::ProcedureError`]: `invalid_procedure`, `invalid_json` |
//! | `CaseError(PtspError)` | every other [`ptsp::CaseError`] (`wrong_state`, `wrong_step`, `not_routed`, `not_due`, …) |
//! | `UnauthorizedError(CaseError)` | code `unauthorized` |
//! | `CaseInputError(CaseError)` | codes `incomplete_documents`, `invalid_input` |
//! | `FormError(PtspError)` | every [`ptsp::FormError`]: `invalid_form`, `invalid_limits`, `invalid_json` |
//! | `RoutingError(PtspError)` | every [`ptsp::desk::routing::RoutingError`]: `invalid_rule_set`, `invalid_json` |
//! | `InvalidTypeError(PtspError, TypeError)` | code `invalid_type`: an argument of the wrong Python type |
//!
//! Every instance carries `.code` (the core's stable code), `.messages`
//! (`{"en": …, "id": …}` from [`ptsp::Error::message`]) and `.errors()`
//! (the core's [`ptsp::Error::problems`], empty for most codes); `str(e)` is
//! the English message. Routing errors, which [`ptsp::Error`] does not wrap
//! (yet), are mapped the same way through their own `code()`, `message()`
//! and `problems()`. The messages of the errors the core cannot know of —
//! `invalid_type` (a Python value of the wrong type) and `invalid_text` (a
//! Python `str` holding a lone surrogate, which no Rust string can) — and
//! of a dict that does not have the shape of a request, event, document or
//! actor (reported as a problem with code `invalid_json` inside the core's
//! `invalid_input`) are written here in both languages.
//!
//! `invalid_text` is raised with the class of the argument it was found in
//! ([`Domain`]): `FormError` for a form, its limits or a field checked on
//! its own, `RoutingError` for a ticket, rule set, staff list or word,
//! `ProcedureError` for a procedure definition or service, `CalendarError`
//! for a calendar definition, layer, policy or iCalendar text — each with
//! code `invalid_text` and the one problem in `.errors()` — and, like a
//! dict of the wrong shape, as a problem with code `invalid_text` inside
//! `CaseInputError` (`invalid_input`) for a request, event, actor or
//! document.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyType};

use ptsp::desk::routing::RoutingError;
use ptsp::{CalendarError, CaseError, FormError, Lang, Problem, ProcedureError};

const ERRORS_MODULE: &str = "ptsp._errors";

static PTSP_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static CALENDAR_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static VALIDATION_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static INVALID_TYPE_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static PROCEDURE_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static CASE_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static UNAUTHORIZED_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static CASE_INPUT_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static FORM_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static ROUTING_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// The exception classes of `ptsp._errors`.
#[derive(Clone, Copy)]
enum Class {
    Ptsp,
    Calendar,
    Validation,
    InvalidType,
    Procedure,
    Case,
    Unauthorized,
    CaseInput,
    Form,
    Routing,
}

impl Class {
    fn get<'py>(self, py: Python<'py>) -> PyResult<&'py Bound<'py, PyType>> {
        let (cell, name) = match self {
            Class::Ptsp => (&PTSP_ERROR, "PtspError"),
            Class::Calendar => (&CALENDAR_ERROR, "CalendarError"),
            Class::Validation => (&VALIDATION_ERROR, "ValidationError"),
            Class::InvalidType => (&INVALID_TYPE_ERROR, "InvalidTypeError"),
            Class::Procedure => (&PROCEDURE_ERROR, "ProcedureError"),
            Class::Case => (&CASE_ERROR, "CaseError"),
            Class::Unauthorized => (&UNAUTHORIZED_ERROR, "UnauthorizedError"),
            Class::CaseInput => (&CASE_INPUT_ERROR, "CaseInputError"),
            Class::Form => (&FORM_ERROR, "FormError"),
            Class::Routing => (&ROUTING_ERROR, "RoutingError"),
        };
        cell.import(py, ERRORS_MODULE, name)
    }
}

/// Builds the exception instance `cls(code, {"en": en, "id": id}, errors)`.
fn instance<'py>(
    py: Python<'py>,
    class: Class,
    code: &str,
    en: &str,
    id: &str,
    problems: &[Problem],
) -> PyResult<Bound<'py, PyAny>> {
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
    class.get(py)?.call1((code, messages, errors))
}

/// Builds `cls(code, {"en": en, "id": id}, errors)` as a Python exception.
fn raise(class: Class, code: &str, en: &str, id: &str, problems: &[Problem]) -> PyErr {
    Python::attach(|py| match instance(py, class, code, en, id, problems) {
        Ok(value) => PyErr::from_value(value),
        Err(e) => e,
    })
}

/// The exception class of a core error.
fn class_of(err: &ptsp::Error) -> Class {
    match err {
        ptsp::Error::Calendar(CalendarError::Invalid { .. })
        | ptsp::Error::Case(CaseError::Calendar(CalendarError::Invalid { .. })) => {
            Class::Validation
        }
        ptsp::Error::Calendar(_) | ptsp::Error::Case(CaseError::Calendar(_)) => Class::Calendar,
        ptsp::Error::Procedure(_) => Class::Procedure,
        ptsp::Error::Case(CaseError::Unauthorized { .. }) => Class::Unauthorized,
        ptsp::Error::Case(CaseError::InvalidInput { .. }) => Class::CaseInput,
        ptsp::Error::Case(_) => Class::Case,
        ptsp::Error::Form(_) => Class::Form,
        ptsp::Error::Routing(_) => Class::Routing,
        _ => Class::Ptsp,
    }
}

/// Maps a core error to its Python exception.
pub(crate) fn core(err: ptsp::Error) -> PyErr {
    raise(
        class_of(&err),
        err.code(),
        &err.message(Lang::En),
        &err.message(Lang::Id),
        err.problems(),
    )
}

/// Maps a core error to its Python exception *instance*, not raised: the
/// entry of a batch result for an item that failed.
pub(crate) fn core_value(py: Python<'_>, err: ptsp::Error) -> PyResult<Bound<'_, PyAny>> {
    instance(
        py,
        class_of(&err),
        err.code(),
        &err.message(Lang::En),
        &err.message(Lang::Id),
        err.problems(),
    )
}

/// Maps an error of the case engine (or of an SLA clock) to its Python
/// exception.
pub(crate) fn case(err: CaseError) -> PyErr {
    core(err.into())
}

/// Maps an error of a procedure definition to its Python exception.
pub(crate) fn procedure(err: ProcedureError) -> PyErr {
    core(err.into())
}

/// Maps an error of the web form to its Python exception (`FormError`).
pub(crate) fn form(err: FormError) -> PyErr {
    core(err.into())
}

/// Maps an error of a routing rule set to its Python exception
/// (`RoutingError`).
pub(crate) fn routing(err: RoutingError) -> PyErr {
    core(err.into())
}

/// `invalid_json` of routing: an input dict (a ticket, a staff list) that
/// does not have the shape of its core type; `what` names it (`input`,
/// `staff[2]`).
pub(crate) fn routing_json(what: &str, err: &serde_json::Error) -> PyErr {
    routing(RoutingError::InvalidJson {
        line: err.line(),
        column: err.column(),
        detail: format!("{what}: {err}"),
    })
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

/// The family of errors an argument belongs to: the class a problem found
/// while converting it is raised as.
#[derive(Clone, Copy)]
pub(crate) enum Domain {
    /// `CalendarError`: calendar definitions, layers, policies, iCalendar
    /// text, languages, holiday kinds.
    Calendar,
    /// `ProcedureError`: procedure definitions and services.
    Procedure,
    /// `FormError`: web forms, form limits, a NIK, phone or email.
    Form,
    /// `RoutingError`: rule sets, tickets, staff lists, unit ids, words.
    Routing,
    /// `CaseInputError` (`invalid_input`, the problem inside): the named
    /// input of the case engine (`request`, `events`, `actor`, …).
    Case(&'static str),
}

/// The problem `invalid_text` at `path`: a Python `str` (a value, or a
/// dict key when `key`) holding the lone surrogate `code_point` at
/// character `at` (1-based), which is not a Unicode character and cannot
/// be encoded as UTF-8 — e.g. what `json.loads('"\\udcff"')` or a
/// `surrogateescape` decode gives. The value itself is not quoted.
pub(crate) fn text_problem(path: String, key: bool, code_point: u32, at: usize) -> Problem {
    let (what_en, what_id) = if key {
        ("the key", "kunci")
    } else {
        ("the text", "teks")
    };
    Problem {
        message: format!(
            "{what_en} contains the lone surrogate U+{code_point:04X} at character {at}: \
             expected Unicode text that can be encoded as UTF-8 (a surrogate is not a character)"
        ),
        message_id: format!(
            "{what_id} mengandung surrogate tunggal U+{code_point:04X} pada karakter ke-{at}: \
             seharusnya teks Unicode yang dapat dikodekan sebagai UTF-8 (surrogate bukan karakter)"
        ),
        path,
        code: "invalid_text".to_owned(),
    }
}

/// Raises a [`text_problem`] with the class of its argument's [`Domain`]:
/// code `invalid_text` and the problem in `.errors()`, or for an input of
/// the case engine `invalid_input` with the problem inside.
pub(crate) fn invalid_text(domain: Domain, problem: Problem) -> PyErr {
    let class = match domain {
        Domain::Case(what) => return invalid_input(what, vec![problem]),
        Domain::Calendar => Class::Calendar,
        Domain::Procedure => Class::Procedure,
        Domain::Form => Class::Form,
        Domain::Routing => Class::Routing,
    };
    raise(
        class,
        "invalid_text",
        &format!("invalid text: {}: {}", problem.path, problem.message),
        &format!("teks tidak valid: {}: {}", problem.path, problem.message_id),
        &[problem],
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

/// `invalid_json` of a procedure: a definition dict that does not have the
/// shape of [`ptsp::ProcedureDef`], read from its JSON text (as
/// `Procedure.from_definition` reads it, so both report alike).
pub(crate) fn procedure_json(err: &serde_json::Error) -> PyErr {
    procedure(ProcedureError::InvalidJson {
        line: err.line(),
        column: err.column(),
        detail: err.to_string(),
    })
}

/// The core type an input dict should have the shape of, named in both
/// languages for the problem's message.
#[derive(Clone, Copy)]
pub(crate) enum Shape {
    /// [`ptsp::Request`].
    Request,
    /// [`ptsp::Event`].
    Event,
    /// [`ptsp::SubmittedDocument`].
    Document,
    /// [`ptsp::Actor`].
    Actor,
}

impl Shape {
    fn names(self) -> (&'static str, &'static str) {
        match self {
            Shape::Request => (
                "a request {actor, at, command}",
                "permintaan {actor, at, command}",
            ),
            Shape::Event => ("an event", "peristiwa"),
            Shape::Document => (
                "a submitted document {code, format, bytes}",
                "dokumen unggahan {code, format, bytes}",
            ),
            Shape::Actor => ("an actor {id, roles, unit}", "pelaku {id, roles, unit}"),
        }
    }
}

/// One problem of an input dict (a request, an event, a submitted
/// document) that does not have the shape of its core type: code
/// `invalid_json` at `path` (e.g. `events[3]`), serde's detail quoted.
pub(crate) fn shape_problem(path: String, shape: Shape, err: &serde_json::Error) -> Problem {
    let (en, id) = shape.names();
    Problem {
        message: format!("expected {en}: {err}"),
        message_id: format!("seharusnya {id}: {err}"),
        path,
        code: "invalid_json".to_owned(),
    }
}

/// `invalid_input` of the case engine (`CaseInputError`), listing every
/// input dict that does not have the shape of its core type. `what` names
/// the argument (`request`, `event`, `events`, `submitted documents`).
pub(crate) fn invalid_input(what: &'static str, problems: Vec<Problem>) -> PyErr {
    case(CaseError::InvalidInput { what, problems })
}

/// `invalid_value`: a text that should name one of a fixed set of values.
pub(crate) fn invalid_choice(what: &'static str, value: String, expected: &'static str) -> PyErr {
    calendar(CalendarError::InvalidValue {
        what,
        value,
        expected,
    })
}
