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
//!   (definitions, layers, policies); the core's serde types → JSON text →
//!   Python objects via `json.loads` (holidays, explanations, `to_dict()`);
//! * numpy `datetime64[D]` and `int64` arrays ⇄ `&[i64]` / `Vec<i64>` for the
//!   batch calls, without copying when the input is already a contiguous
//!   one-dimensional array of that dtype.
//!
//! A Python value of the wrong type raises `InvalidTypeError` (code
//! `invalid_type`, also a `TypeError`).

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, TimeZone};
use numpy::datetime::{Datetime, units::Days};
use numpy::prelude::*;
use numpy::{PyArray1, PyArrayDescr, PyReadonlyArray1, PyUntypedArray};
use pyo3::exceptions::PyOverflowError;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{
    PyBool, PyDate, PyDateAccess, PyDateTime, PyDelta, PyDeltaAccess, PyDict, PyFloat, PyList,
    PyString, PyTimeAccess, PyTuple, PyTzInfo,
};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use ptsp::{DeadlinePolicy, HolidayKind, Lang, YearSpan};

use crate::error;

/// Day number (as [`Datelike::num_days_from_ce`]) of 1970-01-01, numpy's
/// `datetime64` epoch.
const UNIX_EPOCH_DAY: i64 = 719_163;

/// The name of a Python value's type, quoted, for error messages.
fn type_name(ob: &Bound<'_, PyAny>) -> String {
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
                .ok_or_else(|| error::out_of_range("date", ob.to_string()))
        }
        _ => Err(error::invalid_type(what, "datetime.date", &type_name(ob))),
    }
}

/// A date as a `datetime.date` (Python's years 1–9999).
pub(crate) fn date_out<'py>(py: Python<'py>, d: NaiveDate) -> PyResult<Bound<'py, PyDate>> {
    let month = d.month() as u8;
    let day = d.day() as u8;
    PyDate::new(py, d.year(), month, day)
        .map_err(|_| error::out_of_range("result date", d.to_string()))
}

/// An aware `datetime.datetime`.
pub(crate) fn instant_in(ob: &Bound<'_, PyAny>, what: &str) -> PyResult<DateTime<FixedOffset>> {
    let Ok(dt) = ob.cast::<PyDateTime>() else {
        return Err(error::invalid_type(
            what,
            "an aware datetime.datetime",
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
        .ok_or_else(|| error::out_of_range("utc offset", format!("{seconds} s")))?;
    let local = NaiveDate::from_ymd_opt(dt.get_year(), dt.get_month().into(), dt.get_day().into())
        .and_then(|d| {
            d.and_hms_micro_opt(
                dt.get_hour().into(),
                dt.get_minute().into(),
                dt.get_second().into(),
                dt.get_microsecond(),
            )
        })
        .ok_or_else(|| error::out_of_range("instant", ob.to_string()))?;
    offset
        .from_local_datetime(&local)
        .single()
        .ok_or_else(|| error::out_of_range("instant", ob.to_string()))
}

/// An instant as an aware `datetime.datetime` in its own offset.
pub(crate) fn instant_out<'py>(
    py: Python<'py>,
    t: DateTime<FixedOffset>,
) -> PyResult<Bound<'py, PyDateTime>> {
    t.into_pyobject(py)
        .map_err(|_| error::out_of_range("result instant", t.to_rfc3339()))
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
        .map_err(|_| error::out_of_range("result duration", format!("{} s", d.num_seconds())))
}

/// An `int` (or an object with `__index__`, such as `numpy.int64`); not a
/// `bool` and not a `float`.
pub(crate) fn int_in<T: TryFrom<i64>>(ob: &Bound<'_, PyAny>, what: &'static str) -> PyResult<T> {
    if ob.is_instance_of::<PyBool>() || ob.is_instance_of::<PyFloat>() {
        return Err(error::invalid_type(what, "int", &type_name(ob)));
    }
    match ob.extract::<i64>() {
        Ok(v) => T::try_from(v).map_err(|_| error::out_of_range(what, v.to_string())),
        Err(e) if e.is_instance_of::<PyOverflowError>(ob.py()) => {
            Err(error::out_of_range(what, ob.to_string()))
        }
        Err(_) => Err(error::invalid_type(what, "int", &type_name(ob))),
    }
}

/// A `str`.
pub(crate) fn str_in<'a>(ob: &'a Bound<'_, PyAny>, what: &str) -> PyResult<&'a str> {
    match ob.cast::<PyString>() {
        Ok(s) => s.to_str(),
        Err(_) => Err(error::invalid_type(what, "str", &type_name(ob))),
    }
}

/// A message language: `"en"` or `"id"`.
pub(crate) fn lang_in(ob: &Bound<'_, PyAny>) -> PyResult<Lang> {
    let s = str_in(ob, "lang")?;
    serde_json::from_value(Value::String(s.to_owned()))
        .map_err(|_| error::invalid_choice("language", s.to_owned(), "\"en\" or \"id\""))
}

/// A holiday kind by its `snake_case` name.
pub(crate) fn kind_in(ob: &Bound<'_, PyAny>, what: &str) -> PyResult<HolidayKind> {
    str_in(ob, what)?.parse().map_err(error::calendar)
}

/// A year span as a `(first, last)` tuple.
pub(crate) fn span_out(span: YearSpan) -> (i32, i32) {
    (span.first, span.last)
}

/// Year spans as `(first, last)` tuples.
pub(crate) fn spans_out(spans: &[YearSpan]) -> Vec<(i32, i32)> {
    spans.iter().copied().map(span_out).collect()
}

/// A JSON-shaped Python value: dict with `str` keys, list, tuple, str, int,
/// float, bool, None; dates and datetimes become ISO 8601 strings.
pub(crate) fn json_in(ob: &Bound<'_, PyAny>, what: &str) -> PyResult<Value> {
    if ob.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = ob.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if let Ok(s) = ob.cast::<PyString>() {
        return Ok(Value::String(s.to_str()?.to_owned()));
    }
    if let Ok(d) = ob.cast::<PyDict>() {
        let mut map = serde_json::Map::with_capacity(d.len());
        for (k, v) in d.iter() {
            let key = match k.cast::<PyString>() {
                Ok(k) => k.to_str()?.to_owned(),
                Err(_) => {
                    return Err(error::invalid_type(
                        &format!("a key of {what}"),
                        "str",
                        &type_name(&k),
                    ));
                }
            };
            let value = json_in(&v, what)?;
            map.insert(key, value);
        }
        return Ok(Value::Object(map));
    }
    if let Ok(l) = ob.cast::<PyList>() {
        return l.iter().map(|v| json_in(&v, what)).collect();
    }
    if let Ok(t) = ob.cast::<PyTuple>() {
        return t.iter().map(|v| json_in(&v, what)).collect();
    }
    if let Ok(f) = ob.cast::<PyFloat>() {
        return serde_json::Number::from_f64(f.value())
            .map(Value::Number)
            .ok_or_else(|| error::invalid_type(what, "a finite float", "nan or infinity"));
    }
    if ob.is_instance_of::<PyDate>() {
        let iso = ob.call_method0(intern!(ob.py(), "isoformat"))?;
        return Ok(Value::String(iso.cast::<PyString>()?.to_str()?.to_owned()));
    }
    if let Ok(v) = ob.extract::<i64>() {
        return Ok(Value::from(v));
    }
    if let Ok(v) = ob.extract::<u64>() {
        return Ok(Value::from(v));
    }
    Err(error::invalid_type(
        what,
        "a JSON-compatible value (dict, list, str, int, float, bool, None, date)",
        &type_name(ob),
    ))
}

/// A `dict` read as a core serde type.
pub(crate) fn serde_in<T: DeserializeOwned>(ob: &Bound<'_, PyAny>, what: &str) -> PyResult<T> {
    serde_json::from_value(dict_in(ob, what)?).map_err(|e| error::serde(&e))
}

/// A `dict` in the JSON shape of a core serde type.
pub(crate) fn dict_in(ob: &Bound<'_, PyAny>, what: &str) -> PyResult<Value> {
    if !ob.is_instance_of::<PyDict>() {
        return Err(error::invalid_type(what, "dict", &type_name(ob)));
    }
    json_in(ob, what)
}

/// A deadline policy: `None` (the default policy) or a dict such as
/// `{"count_from": "receipt_day"}`.
pub(crate) fn policy_in(ob: Option<&Bound<'_, PyAny>>) -> PyResult<DeadlinePolicy> {
    match ob {
        None => Ok(DeadlinePolicy::default()),
        Some(p) if p.is_none() => Ok(DeadlinePolicy::default()),
        Some(p) => serde_in(p, "policy"),
    }
}

/// A `dict` as JSON text.
pub(crate) fn json_text_in(ob: &Bound<'_, PyAny>, what: &str) -> PyResult<String> {
    Ok(dict_in(ob, what)?.to_string())
}

/// A core serde type as plain Python objects (dict, list, str, int, float,
/// bool, None) in its JSON shape: dates and instants as ISO 8601 strings,
/// enums as `snake_case` strings, keys in the core's field order. Goes
/// through JSON text and Python's `json.loads` (C speed, order kept).
pub(crate) fn serde_out<'py, T: Serialize>(py: Python<'py>, v: &T) -> PyResult<Bound<'py, PyAny>> {
    static LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let text = serde_json::to_string(v).map_err(|e| error::serde(&e))?;
    LOADS.import(py, "json", "loads")?.call1((text,))
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
            .map(|n| int_in(&n, what))
            .collect::<PyResult<_>>()
            .map(Ints::Owned);
    }
    if let Ok(t) = ob.cast::<PyTuple>() {
        return t
            .iter()
            .map(|n| int_in(&n, what))
            .collect::<PyResult<_>>()
            .map(Ints::Owned);
    }
    int_in(ob, what).map(|n| Ints::Owned(vec![n]))
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
