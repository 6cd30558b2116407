//! All type conversions between Python and the core.
//!
//! * `datetime.date` ⇄ [`NaiveDate`] (a `datetime.datetime` is refused where a
//!   date is expected: its time and zone would be silently dropped);
//! * aware `datetime.datetime` ⇄ `DateTime<FixedOffset>` (the offset is the
//!   datetime's own `utcoffset()`, so `zoneinfo` zones work; a naive
//!   datetime is refused with `invalid_value`);
//! * `datetime.timedelta` ⇄ [`Duration`];
//! * `int` → `i64`/`i32` (too large: `out_of_range`);
//! * JSON-shaped dicts → [`serde_json::Value`] → the core's serde types
//!   (definitions, layers, policies, requests, events, submitted
//!   documents); the core's serde types → JSON text → Python objects via
//!   `json.loads` (holidays, explanations, events, SLA reports,
//!   `to_dict()`);
//! * web forms and form limits (dicts) → [`WebForm`] / [`FormLimits`]
//!   through their JSON text and the core's `from_json` (the wrong shape:
//!   `FormError`, `invalid_json`; inconsistent limits: `invalid_limits`);
//! * routing tickets and staff lists (dicts) → [`RoutingInput`] /
//!   [`StaffLoad`] (the wrong shape: `RoutingError`, `invalid_json`);
//!   routing suggestions → dicts in the core's JSON shape, each reason with
//!   its sentence in both languages (`text`) and the ticket text it points
//!   at (`excerpt`), keyword spans as Python string indices;
//! * `ptsp.Calendar`, `ptsp.Procedure`, `ptsp.Case` and
//!   `ptsp.routing.Router` arguments → the core values they wrap;
//! * numpy `datetime64[D]` and `int64` arrays ⇄ `&[i64]` / `Vec<i64>` for the
//!   batch calls, without copying when the input is already a contiguous
//!   one-dimensional array of that dtype.
//!
//! A Python value of the wrong type raises `InvalidTypeError` (code
//! `invalid_type`, also a `TypeError`). A dict of the wrong shape raises
//! `invalid_json` for definitions and policies, and `invalid_input` with one
//! `invalid_json` problem per bad dict for the inputs of the case engine
//! (requests, events, submitted documents).
//!
//! Every `str` read — an argument, a value or a key anywhere in a dict or
//! list — that holds a lone surrogate (not a Unicode character, so not
//! UTF-8; `json.loads('"\\udcff"')` makes one) raises `invalid_text` with
//! the path to it (`text`, `attachments[0].format`, `events[2].command.note`,
//! `rejected_units[1]`) and the class of the argument's [`Domain`] (see
//! [`error::invalid_text`]), never a bare `UnicodeEncodeError`.

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, TimeZone};
use numpy::datetime::{Datetime, units::Days};
use numpy::prelude::*;
use numpy::{PyArray1, PyArrayDescr, PyReadonlyArray1, PyUntypedArray};
use pyo3::exceptions::PyOverflowError;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{
    PyBool, PyBytes, PyDate, PyDateAccess, PyDateTime, PyDelta, PyDeltaAccess, PyDict, PyFloat,
    PyList, PyNone, PyString, PyTimeAccess, PyTuple, PyTzInfo,
};
use pyo3::{PyClass, PyTypeCheck};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use ptsp::error::input::{InputError, from_value, lone_surrogate as lone_surrogate_problem};
use ptsp::error::phrase::{self, Phrase};

use ptsp::desk::routing::{Reason, RoutingInput, StaffLoad, Suggestion};
use ptsp::{
    Actor, DeadlinePolicy, FormLimits, HolidayKind, Lang, Problem, ProcedureDef, ServiceType,
    WebForm, YearSpan,
};

use crate::calendar::PyCalendar;
use crate::case::PyCase;
use crate::error::{self, Domain};
use crate::procedure::PyProcedure;

/// Day number (as [`Datelike::num_days_from_ce`]) of 1970-01-01, numpy's
/// `datetime64` epoch.
const UNIX_EPOCH_DAY: i64 = 719_163;

/// The name of a Python value's type, quoted, for error messages.
pub(crate) fn type_name(ob: &Bound<'_, PyAny>) -> String {
    match ob.get_type().name() {
        Ok(name) => format!("{:?}", name.to_string()),
        Err(_) => "an object of unknown type".to_owned(),
    }
}

/// A `datetime.date` that is not a `datetime.datetime`.
pub(crate) fn date_in(ob: &Bound<'_, PyAny>, what: &str) -> PyResult<NaiveDate> {
    match ob.cast::<PyDate>() {
        Ok(d) if !ob.is_instance_of::<PyDateTime>() => {
            NaiveDate::from_ymd_opt(d.get_year(), d.get_month().into(), d.get_day().into())
                .ok_or_else(|| error::out_of_range(phrase::DATE, ob.to_string()))
        }
        _ => Err(error::invalid_type(what, "datetime.date", &type_name(ob))),
    }
}

/// A date as a `datetime.date` (Python's years 1–9999).
pub(crate) fn date_out<'py>(py: Python<'py>, d: NaiveDate) -> PyResult<Bound<'py, PyDate>> {
    let month = d.month() as u8;
    let day = d.day() as u8;
    PyDate::new(py, d.year(), month, day)
        .map_err(|_| error::out_of_range(phrase::RESULT_DATE, d.to_string()))
}

/// An instant: an aware `datetime.datetime`, or RFC 3339 text with its
/// offset (as requests and events carry it).
pub(crate) fn instant_in(ob: &Bound<'_, PyAny>, what: &str) -> PyResult<DateTime<FixedOffset>> {
    if let Ok(s) = ob.cast::<PyString>() {
        let text = text_in(s, || what.to_owned(), false).map_err(|f| f.raise(Domain::Calendar))?;
        return ptsp::calendar::parse_instant(text).map_err(error::core);
    }
    let Ok(dt) = ob.cast::<PyDateTime>() else {
        return Err(error::invalid_type(
            what,
            "datetime.datetime (aware) or str (RFC 3339)",
            &type_name(ob),
        ));
    };
    let offset = ob.call_method0(intern!(ob.py(), "utcoffset"))?;
    if offset.is_none() {
        return Err(error::naive_datetime(ob.to_string()));
    }
    let seconds = duration_in(&offset, what)?.num_seconds();
    let offset = i32::try_from(seconds)
        .ok()
        .and_then(FixedOffset::east_opt)
        .ok_or_else(|| error::out_of_range(phrase::UTC_OFFSET, format!("{seconds} s")))?;
    let local = NaiveDate::from_ymd_opt(dt.get_year(), dt.get_month().into(), dt.get_day().into())
        .and_then(|d| {
            d.and_hms_micro_opt(
                dt.get_hour().into(),
                dt.get_minute().into(),
                dt.get_second().into(),
                dt.get_microsecond(),
            )
        })
        .ok_or_else(|| error::out_of_range(phrase::INSTANT, ob.to_string()))?;
    offset
        .from_local_datetime(&local)
        .single()
        .ok_or_else(|| error::out_of_range(phrase::INSTANT, ob.to_string()))
}

/// An instant as an aware `datetime.datetime` in its own offset.
pub(crate) fn instant_out<'py>(
    py: Python<'py>,
    t: DateTime<FixedOffset>,
) -> PyResult<Bound<'py, PyDateTime>> {
    t.into_pyobject(py)
        .map_err(|_| error::out_of_range(phrase::RESULT_INSTANT, t.to_rfc3339()))
}

/// An optional instant as an aware `datetime.datetime` or `None`.
pub(crate) fn optional_instant_out(
    py: Python<'_>,
    t: Option<DateTime<FixedOffset>>,
) -> PyResult<Bound<'_, PyAny>> {
    match t {
        Some(t) => Ok(instant_out(py, t)?.into_any()),
        None => Ok(PyNone::get(py).to_owned().into_any()),
    }
}

/// A UTC offset as a `datetime.timezone`.
pub(crate) fn offset_out(py: Python<'_>, offset: FixedOffset) -> PyResult<Bound<'_, PyTzInfo>> {
    offset.into_pyobject(py)
}

/// A `datetime.timedelta`.
pub(crate) fn duration_in(ob: &Bound<'_, PyAny>, what: &str) -> PyResult<Duration> {
    let Ok(d) = ob.cast::<PyDelta>() else {
        return Err(error::invalid_type(
            what,
            "datetime.timedelta",
            &type_name(ob),
        ));
    };
    Ok(Duration::days(d.get_days().into())
        + Duration::seconds(d.get_seconds().into())
        + Duration::microseconds(d.get_microseconds().into()))
}

/// A duration as a `datetime.timedelta`.
pub(crate) fn duration_out(py: Python<'_>, d: Duration) -> PyResult<Bound<'_, PyDelta>> {
    d.into_pyobject(py)
        .map_err(|_| error::out_of_range(phrase::RESULT_DURATION, format!("{} s", d.num_seconds())))
}

/// An `int` (or an object with `__index__`, such as `numpy.int64`); not a
/// `bool` and not a `float`.
pub(crate) fn int_in<T: TryFrom<i64>>(
    ob: &Bound<'_, PyAny>,
    what: &'static str,
    phrase: Phrase,
) -> PyResult<T> {
    if ob.is_instance_of::<PyBool>() || ob.is_instance_of::<PyFloat>() {
        return Err(error::invalid_type(what, "int", &type_name(ob)));
    }
    match ob.extract::<i64>() {
        Ok(v) => T::try_from(v).map_err(|_| error::out_of_range(phrase, v.to_string())),
        Err(e) if e.is_instance_of::<PyOverflowError>(ob.py()) => {
            Err(error::out_of_range(phrase, ob.to_string()))
        }
        Err(_) => Err(error::invalid_type(what, "int", &type_name(ob))),
    }
}

/// A `str`; one holding a lone surrogate raises `invalid_text` at `what`
/// with the class of `domain`.
pub(crate) fn str_in<'a>(
    ob: &'a Bound<'_, PyAny>,
    what: &str,
    domain: Domain,
) -> PyResult<&'a str> {
    match ob.cast::<PyString>() {
        Ok(s) => text_in(s, || what.to_owned(), false).map_err(|f| f.raise(domain)),
        Err(_) => Err(error::invalid_type(what, "str", &type_name(ob))),
    }
}

/// A message language: `"en"` or `"id"`.
pub(crate) fn lang_in(ob: &Bound<'_, PyAny>) -> PyResult<Lang> {
    let s = str_in(ob, "lang", Domain::Calendar)?;
    serde_json::from_value(Value::String(s.to_owned()))
        .map_err(|_| error::invalid_choice(phrase::LANGUAGE, s.to_owned(), phrase::LANG_CODES))
}

/// A holiday kind by its `snake_case` name.
pub(crate) fn kind_in(ob: &Bound<'_, PyAny>, what: &str) -> PyResult<HolidayKind> {
    str_in(ob, what, Domain::Calendar)?
        .parse()
        .map_err(error::core)
}

/// A year span as a `(first, last)` tuple.
pub(crate) fn span_out(span: YearSpan) -> (i32, i32) {
    (span.first, span.last)
}

/// Year spans as `(first, last)` tuples.
pub(crate) fn spans_out(spans: &[YearSpan]) -> Vec<(i32, i32)> {
    spans.iter().copied().map(span_out).collect()
}

/// Why a value could not be read: a Python error (the wrong type), or a
/// `str` that is not valid text (the problem `invalid_text`, with its
/// path).
enum Fault {
    Py(PyErr),
    Text(Problem),
}

impl From<PyErr> for Fault {
    fn from(e: PyErr) -> Self {
        Fault::Py(e)
    }
}

impl Fault {
    /// The exception: a text problem raised with the class of `domain`.
    fn raise(self, domain: Domain) -> PyErr {
        match self {
            Fault::Py(e) => e,
            Fault::Text(p) => error::input(domain, InputError::new(vec![p])),
        }
    }
}

/// The UTF-8 text of a `str`. Python allows lone surrogates in a `str`
/// (U+D800–U+DFFF, which are not characters), UTF-8 does not: such a
/// `str` is the problem `invalid_text` at `path()` (`key`: the `str` is a
/// dict key), naming the first surrogate and its position, not the value.
fn text_in<'a>(
    s: &'a Bound<'_, PyString>,
    path: impl FnOnce() -> String,
    key: bool,
) -> Result<&'a str, Fault> {
    match s.to_str() {
        Ok(t) => Ok(t),
        Err(e) => match lone_surrogate(s) {
            Some((code_point, at)) => Err(Fault::Text(lone_surrogate_problem(
                path(),
                key,
                code_point,
                at,
            ))),
            None => Err(Fault::Py(e)),
        },
    }
}

/// The first lone surrogate of a `str` that cannot be encoded as UTF-8:
/// its code point and 1-based character position. Python's
/// `surrogatepass` encoding writes a surrogate as the three bytes
/// `ED A0..BF 80..BF` (which no character's UTF-8 has); characters are
/// counted as the bytes that do not continue one.
fn lone_surrogate(s: &Bound<'_, PyString>) -> Option<(u32, usize)> {
    let py = s.py();
    let encoded = s
        .call_method1(
            intern!(py, "encode"),
            (intern!(py, "utf-8"), intern!(py, "surrogatepass")),
        )
        .ok()?;
    let b = encoded.cast::<PyBytes>().ok()?.as_bytes();
    let mut chars = 0usize;
    for (i, &x) in b.iter().enumerate() {
        if let (0xED, Some(&y @ 0xA0..=0xBF), Some(&z)) = (x, b.get(i + 1), b.get(i + 2)) {
            let code_point =
                (u32::from(x & 0x0F) << 12) | (u32::from(y & 0x3F) << 6) | u32::from(z & 0x3F);
            return Some((code_point, chars + 1));
        }
        chars += usize::from((x as i8) >= -0x40);
    }
    None
}

/// A dict key that is not valid text, as it appears in a path: Python's
/// `backslashreplace` (`"nik\\udcff"`), which is ASCII where the key is
/// not UTF-8.
fn escaped_key(k: &Bound<'_, PyString>) -> String {
    let py = k.py();
    k.call_method1(
        intern!(py, "encode"),
        (intern!(py, "utf-8"), intern!(py, "backslashreplace")),
    )
    .ok()
    .and_then(|b| {
        b.cast::<PyBytes>()
            .ok()
            .map(|b| String::from_utf8_lossy(b.as_bytes()).into_owned())
    })
    .unwrap_or_default()
}

/// One step of the path to a value inside an argument.
enum Seg {
    Key(String),
    Index(usize),
}

/// The path of a value: `root` (the argument, or empty when paths are
/// relative to it, as the core's problems of a form or rule set are), then
/// `.key` and `[index]` steps (`attachments[0].format`, `events[2].note`).
fn render_path(root: &str, segs: &[Seg]) -> String {
    let mut out = root.to_owned();
    for seg in segs {
        match seg {
            Seg::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Seg::Index(i) => {
                out.push('[');
                out.push_str(&i.to_string());
                out.push(']');
            }
        }
    }
    out
}

/// A JSON-shaped Python value: dict with `str` keys, list, tuple, str, int,
/// float, bool, None; dates and datetimes become ISO 8601 strings. `what`
/// names the argument in type errors; `root` and `segs` give the path of a
/// `str` that is not valid text (the steps are pushed and popped on the
/// way down, so the path is built only when one is found).
fn json_in(
    ob: &Bound<'_, PyAny>,
    what: &str,
    root: &str,
    segs: &mut Vec<Seg>,
) -> Result<Value, Fault> {
    if ob.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = ob.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if let Ok(s) = ob.cast::<PyString>() {
        let text = text_in(s, || render_path(root, segs), false)?;
        return Ok(Value::String(text.to_owned()));
    }
    if let Ok(d) = ob.cast::<PyDict>() {
        let mut map = serde_json::Map::with_capacity(d.len());
        for (k, v) in d.iter() {
            let key = match k.cast::<PyString>() {
                Ok(k) => {
                    let path = || {
                        segs.push(Seg::Key(escaped_key(k)));
                        let path = render_path(root, segs);
                        segs.pop();
                        path
                    };
                    text_in(k, path, true)?.to_owned()
                }
                Err(_) => {
                    return Err(Fault::Py(error::invalid_type(
                        &format!("a key of {what}"),
                        "str",
                        &type_name(&k),
                    )));
                }
            };
            segs.push(Seg::Key(key));
            let value = json_in(&v, what, root, segs);
            let key = match segs.pop() {
                Some(Seg::Key(key)) => key,
                _ => String::new(),
            };
            map.insert(key, value?);
        }
        return Ok(Value::Object(map));
    }
    let items: Option<Vec<Bound<'_, PyAny>>> = if let Ok(l) = ob.cast::<PyList>() {
        Some(l.iter().collect())
    } else if let Ok(t) = ob.cast::<PyTuple>() {
        Some(t.iter().collect())
    } else {
        None
    };
    if let Some(items) = items {
        let mut out = Vec::with_capacity(items.len());
        for (i, v) in items.iter().enumerate() {
            segs.push(Seg::Index(i));
            let value = json_in(v, what, root, segs);
            segs.pop();
            out.push(value?);
        }
        return Ok(Value::Array(out));
    }
    if let Ok(f) = ob.cast::<PyFloat>() {
        return serde_json::Number::from_f64(f.value())
            .map(Value::Number)
            .ok_or_else(|| {
                Fault::Py(error::invalid_type(
                    what,
                    "a finite float",
                    "nan or infinity",
                ))
            });
    }
    if ob.is_instance_of::<PyDate>() {
        let iso = ob.call_method0(intern!(ob.py(), "isoformat"))?;
        let iso = iso.cast::<PyString>().map_err(PyErr::from)?;
        let text = text_in(iso, || render_path(root, segs), false)?;
        return Ok(Value::String(text.to_owned()));
    }
    if let Ok(v) = ob.extract::<i64>() {
        return Ok(Value::from(v));
    }
    if let Ok(v) = ob.extract::<u64>() {
        return Ok(Value::from(v));
    }
    Err(Fault::Py(error::invalid_type(
        what,
        "a JSON-compatible value (dict, list, str, int, float, bool, None, date)",
        &type_name(ob),
    )))
}

/// A `dict` in the JSON shape of a core serde type; paths of text problems
/// start at `root`.
fn dict_value(ob: &Bound<'_, PyAny>, what: &str, root: &str) -> Result<Value, Fault> {
    if !ob.is_instance_of::<PyDict>() {
        return Err(Fault::Py(error::invalid_type(what, "dict", &type_name(ob))));
    }
    json_in(ob, what, root, &mut Vec::new())
}

/// A dict (or, for `T` a list, a list) read as a core serde type by the
/// core's input reader ([`ptsp::error::input::from_value`]): a value of the
/// wrong shape raises the error of `domain` with code `invalid_json`, each
/// problem at its path under `root` (`request.command.type`,
/// `events[2].at`); a `str` that is not valid text, code `invalid_text` at
/// its path. `what` names the argument in type errors.
pub(crate) fn value_in<T: DeserializeOwned>(
    ob: &Bound<'_, PyAny>,
    what: &str,
    root: &str,
    domain: Domain,
) -> PyResult<T> {
    let value = dict_value(ob, what, root).map_err(|f| f.raise(domain))?;
    from_value(&value, root).map_err(|e| error::input(domain, e))
}

/// A list (or tuple) read as a list of a core serde type: every item that
/// does not fit is reported at once, each problem at its path under `root`
/// (`events[2].at`); anything but a list or tuple raises `invalid_type`.
pub(crate) fn list_value_in<T: DeserializeOwned>(
    ob: &Bound<'_, PyAny>,
    what: &str,
    root: &str,
    domain: Domain,
) -> PyResult<Vec<T>> {
    let items = items_in(ob, what, "list[dict]")?;
    let mut out = Vec::with_capacity(items.len());
    let mut problems = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let at = format!("{root}[{i}]");
        match json_in(item, what, &at, &mut Vec::new()) {
            Ok(value) => match from_value(&value, &at) {
                Ok(v) => out.push(v),
                Err(e) => problems.extend(e.into_problems()),
            },
            Err(Fault::Text(p)) => problems.push(p),
            Err(Fault::Py(e)) => return Err(e),
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(error::input(domain, InputError::new(problems)))
    }
}

/// A calendar-side dict (a definition, layer or policy); paths relative to
/// it.
pub(crate) fn serde_in<T: DeserializeOwned>(ob: &Bound<'_, PyAny>, what: &str) -> PyResult<T> {
    value_in(ob, what, "", Domain::Calendar)
}

/// A procedure definition dict.
pub(crate) fn procedure_def_in(ob: &Bound<'_, PyAny>) -> PyResult<ProcedureDef> {
    value_in(ob, "definition", "", Domain::Procedure)
}

/// An input dict of the case engine (a request or an event), its paths
/// under `what` (`request.command.type`).
pub(crate) fn input_in<T: DeserializeOwned>(ob: &Bound<'_, PyAny>, what: &str) -> PyResult<T> {
    value_in(ob, what, what, Domain::Case)
}

/// An actor dict `{id, roles, unit}`.
pub(crate) fn actor_in(ob: &Bound<'_, PyAny>) -> PyResult<Actor> {
    input_in(ob, "actor")
}

/// A service type dict of a requirements catalogue.
pub(crate) fn service_in(ob: &Bound<'_, PyAny>) -> PyResult<ServiceType> {
    value_in(ob, "service", "", Domain::Procedure)
}

/// A web-form dict, paths relative to the form (`text`,
/// `attachments[0].file_name`). Missing keys are not an error here: the
/// form's validation reports them.
pub(crate) fn form_in(ob: &Bound<'_, PyAny>) -> PyResult<WebForm> {
    value_in(ob, "form", "", Domain::Form)
}

/// An optional argument read like [`value_in`]: left out or `None` is
/// `T::default()`.
pub(crate) fn optional_value_in<T: DeserializeOwned + Default>(
    ob: Option<&Bound<'_, PyAny>>,
    what: &str,
    root: &str,
    domain: Domain,
) -> PyResult<T> {
    match ob {
        Some(v) if !v.is_none() => value_in(v, what, root, domain),
        _ => Ok(T::default()),
    }
}

/// Form limits: `None` (the defaults) or a dict (missing keys take their
/// defaults; the settings are checked, `invalid_limits`).
pub(crate) fn limits_in(ob: Option<&Bound<'_, PyAny>>) -> PyResult<FormLimits> {
    let limits: FormLimits = optional_value_in(ob, "limits", "", Domain::Form)?;
    limits.check().map_err(error::core)?;
    Ok(limits)
}

/// A ticket dict `{service, sector, category, subject, text}` (every key
/// optional).
pub(crate) fn routing_input_in(ob: &Bound<'_, PyAny>) -> PyResult<RoutingInput> {
    value_in(ob, "input", "", Domain::Routing)
}

/// A list (or tuple) of staff dicts `{id, unit, open_tickets, active,
/// competences}`, paths under `staff` (`staff[2].unit`).
pub(crate) fn staff_in(ob: &Bound<'_, PyAny>) -> PyResult<Vec<StaffLoad>> {
    list_value_in(ob, "staff", "staff", Domain::Routing)
}

/// A list (or tuple) of `str`; a lone `str` is refused (it would be read as
/// its characters). An item that is not valid text raises `invalid_text`
/// at `what[i]` with the class of `domain`.
pub(crate) fn strings_in(
    ob: &Bound<'_, PyAny>,
    what: &str,
    domain: Domain,
) -> PyResult<Vec<String>> {
    items_in(ob, what, "a list of str")?
        .iter()
        .enumerate()
        .map(|(i, item)| str_in(item, &format!("{what}[{i}]"), domain).map(str::to_owned))
        .collect()
}

/// The items of a list or tuple of dicts (read one by one by the caller).
pub(crate) fn items_of<'py>(
    ob: &Bound<'py, PyAny>,
    what: &str,
) -> PyResult<Vec<Bound<'py, PyAny>>> {
    items_in(ob, what, "list[dict]")
}

/// A `str` naming a variant of a core enum (`"month"`, `"exact"`): one it
/// does not name raises the error of `domain`, code `invalid_json`, with the
/// variants it has.
pub(crate) fn enum_in<T: DeserializeOwned>(
    ob: &Bound<'_, PyAny>,
    what: &str,
    domain: Domain,
) -> PyResult<T> {
    let text = str_in(ob, what, domain)?;
    from_value(&Value::from(text), what).map_err(|e| error::input(domain, e))
}

/// The items of a list or tuple; anything else raises `invalid_type`
/// naming `expected`.
fn items_in<'py>(
    ob: &Bound<'py, PyAny>,
    what: &str,
    expected: &str,
) -> PyResult<Vec<Bound<'py, PyAny>>> {
    if let Ok(l) = ob.cast::<PyList>() {
        Ok(l.iter().collect())
    } else if let Ok(t) = ob.cast::<PyTuple>() {
        Ok(t.iter().collect())
    } else {
        Err(error::invalid_type(what, expected, &type_name(ob)))
    }
}

/// Routing suggestions as dicts in the core's JSON shape (`unit`, `rule`,
/// `priority`, `score`, `reasons` tagged by `kind`), each reason completed
/// with what the core computes for it but does not serialise — `text`, its
/// sentence in both languages as a label `{"id": …, "en": …}`
/// ([`ptsp::desk::routing::Reason::text`]), and for a keyword `excerpt`, the
/// ticket text it matched ([`ptsp::desk::routing::Reason::excerpt`]) — and a
/// keyword's `start`/`end` turned from the core's UTF-8 byte offsets into
/// Python string indices (code points), so that
/// `input[field][start:end] == excerpt`. (The JS binding does the same
/// with its UTF-16 indices.)
pub(crate) fn suggestions_out<'py>(
    py: Python<'py>,
    suggestions: &[Suggestion<'_>],
    input: &RoutingInput,
) -> PyResult<Bound<'py, PyAny>> {
    let out = serde_out(py, &suggestions)?;
    for (i, s) in suggestions.iter().enumerate() {
        let reasons = out.get_item(i)?.get_item(intern!(py, "reasons"))?;
        for (j, r) in s.reasons.iter().enumerate() {
            let reason = reasons.get_item(j)?;
            let text = PyDict::new(py);
            text.set_item(intern!(py, "id"), r.text(Lang::Id))?;
            text.set_item(intern!(py, "en"), r.text(Lang::En))?;
            reason.set_item(intern!(py, "text"), text)?;
            if let Reason::Keyword {
                field, start, end, ..
            } = r
            {
                let field = input.field(*field);
                reason.set_item(intern!(py, "start"), char_index(field, *start))?;
                reason.set_item(intern!(py, "end"), char_index(field, *end))?;
            }
            if let Some(excerpt) = r.excerpt(input) {
                reason.set_item(intern!(py, "excerpt"), excerpt)?;
            }
        }
    }
    Ok(out)
}

/// The Python string index (code points) of UTF-8 byte offset `byte` of
/// `text` (an offset past the end, or inside a character, counts the
/// characters that start before it).
fn char_index(text: &str, byte: usize) -> usize {
    text.char_indices().take_while(|&(b, _)| b < byte).count()
}

/// A list (or tuple) of input dicts of the case engine (events, submitted
/// documents), every problem at its path under `path` (`events[2].at`,
/// `events[3].command.note`).
pub(crate) fn inputs_in<T: DeserializeOwned>(
    ob: &Bound<'_, PyAny>,
    what: &'static str,
    path: &str,
) -> PyResult<Vec<T>> {
    list_value_in(ob, what, path, Domain::Case)
}

/// An instance of one of the binding's classes (`ptsp.Calendar`,
/// `ptsp.Procedure`, `ptsp.Case`); `expected` names it in the error.
pub(crate) fn class_in<'a, 'py, T: PyClass + PyTypeCheck>(
    ob: &'a Bound<'py, PyAny>,
    what: &str,
    expected: &str,
) -> PyResult<&'a Bound<'py, T>> {
    ob.cast::<T>()
        .map_err(|_| error::invalid_type(what, expected, &type_name(ob)))
}

/// A `ptsp.Calendar` argument as the core calendar it wraps.
pub(crate) fn calendar_in<'a>(ob: &'a Bound<'_, PyAny>) -> PyResult<&'a ptsp::Calendar> {
    Ok(class_in::<PyCalendar>(ob, "calendar", "ptsp.Calendar")?
        .get()
        .core())
}

/// A `ptsp.Procedure` argument as the core procedure it wraps.
pub(crate) fn procedure_in<'a>(ob: &'a Bound<'_, PyAny>) -> PyResult<&'a ptsp::Procedure> {
    Ok(class_in::<PyProcedure>(ob, "procedure", "ptsp.Procedure")?
        .get()
        .core())
}

/// A `ptsp.Case` argument, borrowed.
pub(crate) fn case_in<'py>(ob: &Bound<'py, PyAny>) -> PyResult<PyRef<'py, PyCase>> {
    Ok(class_in::<PyCase>(ob, "case", "ptsp.Case")?.try_borrow()?)
}

/// A request (a dict `{actor, at, command}`) with the procedure and
/// calendar it is decided on.
pub(crate) fn request_in<'a>(
    request: &Bound<'_, PyAny>,
    procedure: &'a Bound<'_, PyAny>,
    calendar: &'a Bound<'_, PyAny>,
) -> PyResult<(ptsp::Request, &'a ptsp::Procedure, &'a ptsp::Calendar)> {
    Ok((
        input_in(request, "request")?,
        procedure_in(procedure)?,
        calendar_in(calendar)?,
    ))
}

/// A `ptsp.Case` argument, borrowed to change.
pub(crate) fn case_mut_in<'py>(ob: &Bound<'py, PyAny>) -> PyResult<PyRefMut<'py, PyCase>> {
    Ok(class_in::<PyCase>(ob, "case", "ptsp.Case")?.try_borrow_mut()?)
}

/// A list (or tuple) of `ptsp.Case` as owned core cases (copied: the core's
/// batch call takes a slice of cases).
pub(crate) fn cases_in(ob: &Bound<'_, PyAny>) -> PyResult<Vec<ptsp::Case>> {
    classes_in::<PyCase>(ob, "cases", "ptsp.Case")?
        .iter()
        .map(|c| Ok(c.try_borrow()?.core().clone()))
        .collect()
}

/// A list (or tuple) of instances of one of the binding's classes.
pub(crate) fn classes_in<'py, T: PyClass + PyTypeCheck>(
    ob: &Bound<'py, PyAny>,
    what: &str,
    expected: &str,
) -> PyResult<Vec<Bound<'py, T>>> {
    let items: Vec<Bound<'py, PyAny>> = if let Ok(l) = ob.cast::<PyList>() {
        l.iter().collect()
    } else if let Ok(t) = ob.cast::<PyTuple>() {
        t.iter().collect()
    } else {
        return Err(error::invalid_type(
            what,
            &format!("a list of {expected}"),
            &type_name(ob),
        ));
    };
    items
        .iter()
        .enumerate()
        .map(|(i, item)| class_in::<T>(item, &format!("{what}[{i}]"), expected).cloned())
        .collect()
}

/// A deadline policy: `None` (the default policy) or a dict such as
/// `{"count_from": "receipt_day"}`.
pub(crate) fn policy_in(ob: Option<&Bound<'_, PyAny>>) -> PyResult<DeadlinePolicy> {
    optional_value_in(ob, "policy", "", Domain::Calendar)
}

/// A `dict` as JSON text. A `str` in it that is not valid text raises
/// `invalid_text` with the class of `domain`, its path relative to the
/// dict (`text`, `rules[3].keywords[0]`).
pub(crate) fn json_text_in(ob: &Bound<'_, PyAny>, what: &str, domain: Domain) -> PyResult<String> {
    Ok(dict_value(ob, what, "")
        .map_err(|f| f.raise(domain))?
        .to_string())
}

/// A core serde type as plain Python objects (dict, list, str, int, float,
/// bool, None) in its JSON shape: dates and instants as ISO 8601 strings,
/// enums as `snake_case` strings, keys in the core's field order. Goes
/// through JSON text and Python's `json.loads` (C speed, order kept).
pub(crate) fn serde_out<'py, T: Serialize + ?Sized>(
    py: Python<'py>,
    v: &T,
) -> PyResult<Bound<'py, PyAny>> {
    static LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let text = serde_json::to_string(v)
        .map_err(|e| error::invalid_type("value", "a value JSON can hold", &e.to_string()))?;
    LOADS.import(py, "json", "loads")?.call1((text,))
}

/// A computed result as its typed view (`ptsp.views.<name>`): the result's
/// JSON dict with attributes that give `datetime`, `date` and `timedelta`
/// values (generated by `tools/gen` from the core's types).
pub(crate) fn view_out<'py, T: Serialize + ?Sized>(
    py: Python<'py>,
    name: &str,
    v: &T,
) -> PyResult<Bound<'py, PyAny>> {
    static VIEWS: PyOnceLock<Py<PyModule>> = PyOnceLock::new();
    let views = VIEWS.get_or_try_init(py, || Ok::<_, PyErr>(py.import("ptsp.views")?.unbind()))?;
    let d = serde_out(py, v)?;
    views.bind(py).getattr(name)?.call1((d,))
}

/// A list of computed results, each as its typed view.
pub(crate) fn views_out<'py, T: Serialize>(
    py: Python<'py>,
    name: &str,
    items: &[T],
) -> PyResult<Bound<'py, PyList>> {
    let out = PyList::empty(py);
    for item in items {
        out.append(view_out(py, name, item)?)?;
    }
    Ok(out)
}

/// The int64 values a batch call reads: a borrowed numpy buffer (no copy)
/// or values gathered from a Python sequence or scalar.
pub(crate) enum Ints<'py> {
    /// A contiguous one-dimensional `int64` numpy array (or `int64` view of
    /// a `datetime64[D]` one).
    Array(PyReadonlyArray1<'py, i64>),
    /// Values converted one by one.
    Owned(Vec<i64>),
}

impl Ints<'_> {
    /// The values.
    pub(crate) fn as_slice(&self) -> PyResult<&[i64]> {
        match self {
            Ints::Array(a) => a
                .as_slice()
                .map_err(|e| error::invalid_type("array", "a contiguous array", &e.to_string())),
            Ints::Owned(v) => Ok(v),
        }
    }
}

fn numpy(py: Python<'_>) -> PyResult<&Bound<'_, PyModule>> {
    static NUMPY: PyOnceLock<Py<PyModule>> = PyOnceLock::new();
    NUMPY
        .get_or_try_init(py, || py.import("numpy").map(Bound::unbind))
        .map(|m| m.bind(py))
}

fn describe_array(a: &Bound<'_, PyUntypedArray>) -> String {
    format!("a {}-D array of dtype {}", a.ndim(), a.dtype())
}

/// A numpy array of the right dtype family as a contiguous one-dimensional
/// `int64` array: a dtype other than `target` is converted with numpy's
/// `safe` casting (refused: `invalid_type`), a zero-dimensional array
/// becomes one element, a strided one is made contiguous, and the result
/// is viewed as `int64` — no copy when the input was already a contiguous
/// 1-D array of `target`.
fn int64_view<'py>(
    a: &Bound<'py, PyUntypedArray>,
    what: &str,
    expected: &str,
    target: Bound<'py, PyArrayDescr>,
) -> PyResult<Ints<'py>> {
    let py = a.py();
    if a.ndim() > 1 {
        return Err(error::invalid_type(what, expected, &describe_array(a)));
    }
    let mut arr = a.clone().into_any();
    if !a.dtype().is_equiv_to(&target) {
        let kwargs = PyDict::new(py);
        kwargs.set_item(intern!(py, "casting"), intern!(py, "safe"))?;
        arr = arr
            .call_method(intern!(py, "astype"), (&target,), Some(&kwargs))
            .map_err(|_| error::invalid_type(what, expected, &describe_array(a)))?;
    }
    if a.ndim() == 0 {
        arr = arr.call_method1(intern!(py, "reshape"), (1,))?;
    }
    let contiguous = arr
        .cast::<PyUntypedArray>()
        .map(|u| u.is_c_contiguous())
        .unwrap_or(false);
    if !contiguous {
        arr = numpy(py)?.call_method1(intern!(py, "ascontiguousarray"), (arr,))?;
    }
    let view = arr.call_method1(intern!(py, "view"), (numpy::dtype::<i64>(py),))?;
    let view = view.cast_into::<PyArray1<i64>>()?;
    Ok(Ints::Array(view.try_readonly()?))
}

/// Dates for a batch call, as days since 1970-01-01: a numpy
/// `datetime64[D]` array (or another unit numpy casts safely to days, or
/// anything with `__array__` giving one), a list or tuple of
/// `datetime.date`, or one date.
pub(crate) fn dates_in<'py>(ob: &Bound<'py, PyAny>, what: &str) -> PyResult<Ints<'py>> {
    const EXPECTED: &str = "a 1-D numpy datetime64[D] array or a sequence of datetime.date";
    let py = ob.py();
    let days = |d: NaiveDate| i64::from(d.num_days_from_ce()) - UNIX_EPOCH_DAY;
    if let Ok(a) = ob.cast::<PyUntypedArray>() {
        if a.dtype().kind() != b'M' {
            return Err(error::invalid_type(what, EXPECTED, &describe_array(a)));
        }
        return int64_view(a, what, EXPECTED, numpy::dtype::<Datetime<Days>>(py));
    }
    if ob.is_instance_of::<PyDate>() {
        return Ok(Ints::Owned(vec![days(date_in(ob, what)?)]));
    }
    let items: Option<PyResult<Vec<i64>>> = if let Ok(l) = ob.cast::<PyList>() {
        Some(l.iter().map(|d| date_in(&d, what).map(days)).collect())
    } else if let Ok(t) = ob.cast::<PyTuple>() {
        Some(t.iter().map(|d| date_in(&d, what).map(days)).collect())
    } else {
        None
    };
    if let Some(items) = items {
        return items.map(Ints::Owned);
    }
    if ob.hasattr(intern!(py, "__array__"))? && !ob.is_instance_of::<PyString>() {
        let arr = numpy(py)?.call_method1(intern!(py, "asarray"), (ob,))?;
        if let Ok(a) = arr.cast::<PyUntypedArray>()
            && a.dtype().kind() == b'M'
        {
            return int64_view(a, what, EXPECTED, numpy::dtype::<Datetime<Days>>(py));
        }
    }
    Err(error::invalid_type(what, EXPECTED, &type_name(ob)))
}

/// Counts for a batch call: an `int`, a numpy integer array (cast safely to
/// `int64`), or a list or tuple of `int`.
pub(crate) fn counts_in<'py>(ob: &Bound<'py, PyAny>, what: &'static str) -> PyResult<Ints<'py>> {
    const EXPECTED: &str = "an int, a 1-D numpy integer array or a sequence of int";
    let py = ob.py();
    if let Ok(a) = ob.cast::<PyUntypedArray>() {
        if !matches!(a.dtype().kind(), b'i' | b'u') {
            return Err(error::invalid_type(what, EXPECTED, &describe_array(a)));
        }
        return int64_view(a, what, EXPECTED, numpy::dtype::<i64>(py));
    }
    if let Ok(l) = ob.cast::<PyList>() {
        return l
            .iter()
            .map(|n| int_in(&n, what, phrase::NUMBER))
            .collect::<PyResult<_>>()
            .map(Ints::Owned);
    }
    if let Ok(t) = ob.cast::<PyTuple>() {
        return t
            .iter()
            .map(|n| int_in(&n, what, phrase::NUMBER))
            .collect::<PyResult<_>>()
            .map(Ints::Owned);
    }
    int_in(ob, what, phrase::NUMBER).map(|n| Ints::Owned(vec![n]))
}

/// Days since 1970-01-01 as a numpy `datetime64[D]` array (no copy).
pub(crate) fn dates_out(py: Python<'_>, days: Vec<i64>) -> Bound<'_, PyArray1<Datetime<Days>>> {
    let days: Vec<Datetime<Days>> = days.into_iter().map(Datetime::from).collect();
    PyArray1::from_vec(py, days)
}

/// Counts as a numpy `int64` array (no copy).
pub(crate) fn counts_out(py: Python<'_>, counts: Vec<i64>) -> Bound<'_, PyArray1<i64>> {
    PyArray1::from_vec(py, counts)
}
