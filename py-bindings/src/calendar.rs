//! The core's `calendar` module, exposed: [`PyCalendar`] (`ptsp.Calendar`),
//! its weekends-only view [`PyAssuming`] (`ptsp.AssumingCalendar`), the
//! results [`PyDeadline`], [`PyExplanation`] and [`PyEstimate`], and the
//! iCalendar functions.
//!
//! Every method converts its arguments in ([`convert`]), calls the core once
//! and converts the result out; errors map through [`error`].

use chrono::Duration;
use numpy::PyArray1;
use numpy::datetime::{Datetime, units::Days};
use pyo3::IntoPyObjectExt;
use pyo3::prelude::*;
use pyo3::types::{PyDate, PyDateTime, PyDelta, PyType, PyTzInfo};

use ptsp::error::phrase;
use ptsp::{HolidayKind, HolidayLayer, IcalImport};

use crate::convert;
use crate::error::{self, Domain};

/// A validated, compiled working-day calendar (*hari kerja*): weekmask,
/// holiday layers with their decrees, extra working days, office hours and
/// UTC offset.
///
/// Build one with `Calendar.indonesia()`, `Calendar.jatim()`,
/// `Calendar.from_json(text)` or `Calendar.from_definition(dict)`. Day
/// operations are O(1) and agree with `numpy.busday_offset` /
/// `numpy.busday_count`; days outside the covered years raise a
/// `CalendarError` with code `out_of_coverage` (see
/// `assuming_weekends_only()`).
#[pyclass(name = "Calendar", module = "ptsp", frozen)]
pub struct PyCalendar {
    inner: ptsp::Calendar,
}

impl From<ptsp::Calendar> for PyCalendar {
    fn from(inner: ptsp::Calendar) -> Self {
        PyCalendar { inner }
    }
}

impl PyCalendar {
    /// The core calendar, for the other modules' calls.
    pub(crate) fn core(&self) -> &ptsp::Calendar {
        &self.inner
    }
}

#[pymethods]
impl PyCalendar {
    /// The built-in national calendar of Indonesia: Monday–Friday, national
    /// holidays and cuti bersama from the joint ministerial decrees, WIB
    /// (+07:00), no office hours.
    #[staticmethod]
    fn indonesia() -> Self {
        ptsp::Calendar::indonesia().into()
    }

    /// The national calendar with the office hours of the East Java
    /// provincial government (Monday–Thursday 07:30–16:00, Friday
    /// 07:30–16:30, WIB).
    #[staticmethod]
    fn jatim() -> Self {
        ptsp::Calendar::jatim().into()
    }

    /// Reads a calendar definition from JSON text and builds it.
    #[staticmethod]
    fn from_json(text: &Bound<'_, PyAny>) -> PyResult<Self> {
        let text = convert::str_in(text, "text", Domain::Calendar)?;
        ptsp::Calendar::from_json(text)
            .map(Self::from)
            .map_err(error::core)
    }

    /// Builds a calendar from a definition dict (the JSON definition as
    /// Python objects; dates may be ISO strings or `datetime.date`).
    #[staticmethod]
    fn from_definition(definition: &Bound<'_, PyAny>) -> PyResult<Self> {
        let text = convert::json_text_in(definition, "definition", Domain::Calendar)?;
        ptsp::Calendar::from_json(&text)
            .map(Self::from)
            .map_err(error::core)
    }

    /// The definition as pretty JSON text.
    fn to_json(&self) -> String {
        self.inner.to_json()
    }

    /// The definition as a dict (the JSON definition as Python objects).
    #[getter]
    fn definition<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serde_out(py, self.inner.def())
    }

    /// The calendar's id.
    #[getter]
    fn id(&self) -> &str {
        &self.inner.def().id
    }

    /// The calendar's human name.
    #[getter]
    fn name(&self) -> &str {
        &self.inner.def().name
    }

    /// The covered years `(first, last)`, inclusive.
    #[getter]
    fn coverage(&self) -> (i32, i32) {
        convert::span_out(self.inner.coverage())
    }

    /// `"decreed"` or `"provisional"` for a covered year, `None` otherwise.
    fn year_status<'py>(
        &self,
        py: Python<'py>,
        year: &Bound<'py, PyAny>,
    ) -> PyResult<Option<Bound<'py, PyAny>>> {
        let year = convert::int_in(year, "year", phrase::YEAR)?;
        self.inner
            .year_status(year)
            .map(|s| convert::serde_out(py, &s))
            .transpose()
    }

    /// The office's UTC offset as a `datetime.timezone`.
    #[getter]
    fn utc_offset<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTzInfo>> {
        convert::offset_out(py, self.inner.utc_offset())
    }

    /// Whether `date` is a working day.
    fn is_working_day(&self, date: &Bound<'_, PyAny>) -> PyResult<bool> {
        let d = convert::date_in(date, "date")?;
        self.inner.is_working_day(d).map_err(error::core)
    }

    /// The first working day strictly after `date`.
    fn next_working_day<'py>(
        &self,
        py: Python<'py>,
        date: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyDate>> {
        let d = convert::date_in(date, "date")?;
        let r = self.inner.next_working_day(d).map_err(error::core)?;
        convert::date_out(py, r)
    }

    /// The last working day strictly before `date`.
    fn previous_working_day<'py>(
        &self,
        py: Python<'py>,
        date: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyDate>> {
        let d = convert::date_in(date, "date")?;
        let r = self.inner.previous_working_day(d).map_err(error::core)?;
        convert::date_out(py, r)
    }

    /// Adds `n` working days to `date`, exactly as
    /// `numpy.busday_offset(date, n, roll="forward")` for `n >= 0` and
    /// `roll="backward"` for `n < 0`.
    fn add_working_days<'py>(
        &self,
        py: Python<'py>,
        date: &Bound<'py, PyAny>,
        n: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyDate>> {
        let d = convert::date_in(date, "date")?;
        let n = convert::int_in(n, "n", phrase::COUNT)?;
        let r = self.inner.add_working_days(d, n).map_err(error::core)?;
        convert::date_out(py, r)
    }

    /// The number of working days in `[a, b)`, negative when `b < a`:
    /// exactly `numpy.busday_count(a, b)`.
    fn working_days_between(&self, a: &Bound<'_, PyAny>, b: &Bound<'_, PyAny>) -> PyResult<i64> {
        let a = convert::date_in(a, "a")?;
        let b = convert::date_in(b, "b")?;
        self.inner.working_days_between(a, b).map_err(error::core)
    }

    /// `add_working_days` over many dates: `dates` is a numpy
    /// `datetime64[D]` array or a sequence of `datetime.date`, `n` an int or
    /// one int per date. Returns a `datetime64[D]` array. The first failing
    /// element (NaT, out of coverage) fails the whole call.
    fn add_working_days_batch<'py>(
        &self,
        py: Python<'py>,
        dates: &Bound<'py, PyAny>,
        n: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyArray1<Datetime<Days>>>> {
        let dates = convert::dates_in(dates, "dates")?;
        let n = convert::counts_in(n, "n")?;
        let (dates, n) = (dates.as_slice()?, n.as_slice()?);
        let cal = &self.inner;
        let out = py
            .detach(|| cal.add_working_days_batch(dates, n))
            .map_err(error::core)?;
        Ok(convert::dates_out(py, out))
    }

    /// `working_days_between` over many pairs (either side may be a single
    /// date, broadcast to the other's length). Returns an `int64` array.
    fn working_days_between_batch<'py>(
        &self,
        py: Python<'py>,
        a: &Bound<'py, PyAny>,
        b: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyArray1<i64>>> {
        let a = convert::dates_in(a, "a")?;
        let b = convert::dates_in(b, "b")?;
        let (a, b) = (a.as_slice()?, b.as_slice()?);
        let cal = &self.inner;
        let out = py
            .detach(|| cal.working_days_between_batch(a, b))
            .map_err(error::core)?;
        Ok(convert::counts_out(py, out))
    }

    /// The statutory deadline of "at most `n` working days after receipt at
    /// `received`" (an aware datetime), counted by `policy` (a dict such as
    /// `{"count_from": "receipt_day", "after_hours": "same_day"}`; `None`
    /// is the default policy). Needs office hours.
    #[pyo3(signature = (received, n, policy=None))]
    fn deadline(
        &self,
        received: &Bound<'_, PyAny>,
        n: &Bound<'_, PyAny>,
        policy: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyDeadline> {
        let received = convert::instant_in(received, "received")?;
        let n = convert::int_in(n, "n", phrase::COUNT)?;
        let policy = convert::policy_in(policy)?;
        self.inner
            .deadline(received, n, &policy)
            .map(PyDeadline)
            .map_err(error::core)
    }

    /// The deadline with every day from receipt to due date and why it
    /// counted or not.
    #[pyo3(signature = (received, n, policy=None))]
    fn explain_deadline(
        &self,
        received: &Bound<'_, PyAny>,
        n: &Bound<'_, PyAny>,
        policy: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyExplanation> {
        let received = convert::instant_in(received, "received")?;
        let n = convert::int_in(n, "n", phrase::COUNT)?;
        let policy = convert::policy_in(policy)?;
        self.inner
            .explain_deadline(received, n, &policy)
            .map(PyExplanation)
            .map_err(error::core)
    }

    /// Adds a working duration (a `timedelta`) to an aware datetime,
    /// counting only office hours outside breaks on working days. The result
    /// is in the office's UTC offset.
    fn add_working_time<'py>(
        &self,
        py: Python<'py>,
        at: &Bound<'py, PyAny>,
        duration: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyDateTime>> {
        let at = convert::instant_in(at, "at")?;
        let duration = convert::duration_in(duration, "duration")?;
        let r = self
            .inner
            .add_working_time(at, duration)
            .map_err(error::core)?;
        convert::instant_out(py, r)
    }

    /// The working time between two aware datetimes (negative when `b` is
    /// before `a`), as a `timedelta`.
    fn working_time_between<'py>(
        &self,
        py: Python<'py>,
        a: &Bound<'py, PyAny>,
        b: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyDelta>> {
        let a = convert::instant_in(a, "a")?;
        let b = convert::instant_in(b, "b")?;
        let r = self.inner.working_time_between(a, b).map_err(error::core)?;
        convert::duration_out(py, r)
    }

    /// Every holiday entry of `year` in date order, as dicts in the JSON
    /// shape (`date` an ISO string, `kind` a snake_case string, `source`
    /// the decree, `non_working` whether this calendar closes that day).
    fn holidays<'py>(
        &self,
        py: Python<'py>,
        year: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let year = convert::int_in(year, "year", phrase::YEAR)?;
        let h = self.inner.holidays(year).map_err(error::core)?;
        convert::serde_out(py, &h)
    }

    /// A view that treats days outside coverage as weekends-only; its
    /// methods return `Estimate` objects saying which years were assumed.
    fn assuming_weekends_only(slf: &Bound<'_, Self>) -> PyAssuming {
        PyAssuming {
            cal: slf.clone().unbind(),
        }
    }

    fn __repr__(&self) -> String {
        let c = self.inner.coverage();
        format!(
            "Calendar(id={:?}, coverage=({}, {}))",
            self.inner.def().id,
            c.first,
            c.last
        )
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let from_json = slf.get_type().getattr("from_json")?;
        Ok((from_json, (slf.get().inner.to_json(),)))
    }
}

/// A view of a `Calendar` that treats years outside coverage as
/// weekends-only (weekmask, no holidays). Its methods mirror the
/// calendar's and return an `Estimate`: the value and the year ranges that
/// were assumed (empty when none was needed).
#[pyclass(name = "AssumingCalendar", module = "ptsp", frozen)]
pub struct PyAssuming {
    cal: Py<PyCalendar>,
}

impl PyAssuming {
    fn view(&self) -> ptsp::Assuming<'_> {
        self.cal.get().inner.assuming_weekends_only()
    }
}

#[pymethods]
impl PyAssuming {
    /// The calendar this view is of.
    #[getter]
    fn calendar(&self, py: Python<'_>) -> Py<PyCalendar> {
        self.cal.clone_ref(py)
    }

    /// See `Calendar.is_working_day`.
    fn is_working_day(&self, py: Python<'_>, date: &Bound<'_, PyAny>) -> PyResult<PyEstimate> {
        let d = convert::date_in(date, "date")?;
        let e = self.view().is_working_day(d).map_err(error::core)?;
        PyEstimate::new(e, |v| v.into_bound_py_any(py))
    }

    /// See `Calendar.next_working_day`.
    fn next_working_day(&self, py: Python<'_>, date: &Bound<'_, PyAny>) -> PyResult<PyEstimate> {
        let d = convert::date_in(date, "date")?;
        let e = self.view().next_working_day(d).map_err(error::core)?;
        PyEstimate::new(e, |v| Ok(convert::date_out(py, v)?.into_any()))
    }

    /// See `Calendar.previous_working_day`.
    fn previous_working_day(
        &self,
        py: Python<'_>,
        date: &Bound<'_, PyAny>,
    ) -> PyResult<PyEstimate> {
        let d = convert::date_in(date, "date")?;
        let e = self.view().previous_working_day(d).map_err(error::core)?;
        PyEstimate::new(e, |v| Ok(convert::date_out(py, v)?.into_any()))
    }

    /// See `Calendar.add_working_days`.
    fn add_working_days(
        &self,
        py: Python<'_>,
        date: &Bound<'_, PyAny>,
        n: &Bound<'_, PyAny>,
    ) -> PyResult<PyEstimate> {
        let d = convert::date_in(date, "date")?;
        let n = convert::int_in(n, "n", phrase::COUNT)?;
        let e = self.view().add_working_days(d, n).map_err(error::core)?;
        PyEstimate::new(e, |v| Ok(convert::date_out(py, v)?.into_any()))
    }

    /// See `Calendar.working_days_between`.
    fn working_days_between(
        &self,
        py: Python<'_>,
        a: &Bound<'_, PyAny>,
        b: &Bound<'_, PyAny>,
    ) -> PyResult<PyEstimate> {
        let a = convert::date_in(a, "a")?;
        let b = convert::date_in(b, "b")?;
        let e = self
            .view()
            .working_days_between(a, b)
            .map_err(error::core)?;
        PyEstimate::new(e, |v| v.into_bound_py_any(py))
    }

    /// See `Calendar.add_working_time`.
    fn add_working_time(
        &self,
        py: Python<'_>,
        at: &Bound<'_, PyAny>,
        duration: &Bound<'_, PyAny>,
    ) -> PyResult<PyEstimate> {
        let at = convert::instant_in(at, "at")?;
        let duration: Duration = convert::duration_in(duration, "duration")?;
        let e = self
            .view()
            .add_working_time(at, duration)
            .map_err(error::core)?;
        PyEstimate::new(e, |v| Ok(convert::instant_out(py, v)?.into_any()))
    }

    /// See `Calendar.working_time_between`.
    fn working_time_between(
        &self,
        py: Python<'_>,
        a: &Bound<'_, PyAny>,
        b: &Bound<'_, PyAny>,
    ) -> PyResult<PyEstimate> {
        let a = convert::instant_in(a, "a")?;
        let b = convert::instant_in(b, "b")?;
        let e = self
            .view()
            .working_time_between(a, b)
            .map_err(error::core)?;
        PyEstimate::new(e, |v| Ok(convert::duration_out(py, v)?.into_any()))
    }

    /// See `Calendar.deadline`; the value is a `Deadline`.
    #[pyo3(signature = (received, n, policy=None))]
    fn deadline(
        &self,
        py: Python<'_>,
        received: &Bound<'_, PyAny>,
        n: &Bound<'_, PyAny>,
        policy: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyEstimate> {
        let received = convert::instant_in(received, "received")?;
        let n = convert::int_in(n, "n", phrase::COUNT)?;
        let policy = convert::policy_in(policy)?;
        let e = self
            .view()
            .deadline(received, n, &policy)
            .map_err(error::core)?;
        PyEstimate::new(e, |v| PyDeadline(v).into_bound_py_any(py))
    }

    /// See `Calendar.explain_deadline`; the value is an `Explanation`.
    #[pyo3(signature = (received, n, policy=None))]
    fn explain_deadline(
        &self,
        py: Python<'_>,
        received: &Bound<'_, PyAny>,
        n: &Bound<'_, PyAny>,
        policy: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyEstimate> {
        let received = convert::instant_in(received, "received")?;
        let n = convert::int_in(n, "n", phrase::COUNT)?;
        let policy = convert::policy_in(policy)?;
        let e = self
            .view()
            .explain_deadline(received, n, &policy)
            .map_err(error::core)?;
        PyEstimate::new(e, |v| PyExplanation(v).into_bound_py_any(py))
    }

    fn __repr__(&self) -> String {
        format!(
            "AssumingCalendar(calendar={:?})",
            self.cal.get().inner.def().id
        )
    }
}

/// A result computed with uncovered years assumed weekends-only: `value`,
/// and `assumed`, the `(first, last)` year ranges that were assumed.
#[pyclass(name = "Estimate", module = "ptsp", frozen)]
pub struct PyEstimate {
    /// The computed value.
    #[pyo3(get)]
    value: Py<PyAny>,
    /// The assumed year ranges, `(first, last)` inclusive.
    #[pyo3(get)]
    assumed: Vec<(i32, i32)>,
    /// Whether any year had to be assumed.
    #[pyo3(get)]
    is_assumed: bool,
}

impl PyEstimate {
    /// Converts a core estimate, its value by `value`.
    fn new<'py, T>(
        e: ptsp::Estimate<T>,
        value: impl FnOnce(T) -> PyResult<Bound<'py, PyAny>>,
    ) -> PyResult<Self> {
        let is_assumed = e.is_assumed();
        let assumed = convert::spans_out(&e.assumed);
        Ok(PyEstimate {
            value: value(e.value)?.unbind(),
            assumed,
            is_assumed,
        })
    }
}

#[pymethods]
impl PyEstimate {
    /// `Estimate[T]` in annotations evaluated at run time.
    #[classmethod]
    fn __class_getitem__<'py>(
        cls: &Bound<'py, PyType>,
        item: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let py = cls.py();
        py.import("types")?
            .getattr("GenericAlias")?
            .call1((cls, item))
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Estimate(value={}, assumed={:?})",
            self.value.bind(py).repr()?,
            self.assumed
        ))
    }
}

/// A statutory deadline and how it was counted. Datetimes are aware, in
/// the office's UTC offset.
#[pyclass(name = "Deadline", module = "ptsp", frozen, eq)]
#[derive(PartialEq)]
pub struct PyDeadline(ptsp::Deadline);

#[pymethods]
impl PyDeadline {
    /// When the file arrived, in the office's offset.
    #[getter]
    fn received_at<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDateTime>> {
        convert::instant_out(py, self.0.received_at)
    }

    /// When it counts as received (the next opening for a late receipt).
    #[getter]
    fn counted_received_at<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDateTime>> {
        convert::instant_out(py, self.0.counted_received_at)
    }

    /// Whether it arrived after office hours or on a non-working day.
    #[getter]
    fn late_receipt(&self) -> bool {
        self.0.late_receipt
    }

    /// Day 1 of the period.
    #[getter]
    fn day_one<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDate>> {
        convert::date_out(py, self.0.day_one)
    }

    /// The N-th working day.
    #[getter]
    fn due_date<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDate>> {
        convert::date_out(py, self.0.due_date)
    }

    /// The close of office hours on the due date.
    #[getter]
    fn due_at<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDateTime>> {
        convert::instant_out(py, self.0.due_at)
    }

    /// N, the number of working days.
    #[getter]
    fn working_days(&self) -> i64 {
        self.0.working_days
    }

    /// The counting convention used, as a dict.
    #[getter]
    fn policy<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serde_out(py, &self.0.policy)
    }

    /// The deadline in its JSON shape (instants as RFC 3339 strings, dates
    /// as ISO strings).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serde_out(py, &self.0)
    }

    fn __repr__(&self) -> String {
        format!(
            "Deadline(due_at={:?}, working_days={}, day_one={:?}, late_receipt={})",
            self.0.due_at.to_rfc3339(),
            self.0.working_days,
            self.0.day_one.to_string(),
            if self.0.late_receipt { "True" } else { "False" }
        )
    }
}

/// A deadline and every day from receipt to due date, with why each day
/// counted or not.
#[pyclass(name = "Explanation", module = "ptsp", frozen, eq)]
#[derive(PartialEq)]
pub struct PyExplanation(ptsp::Explanation);

#[pymethods]
impl PyExplanation {
    /// The deadline.
    #[getter]
    fn deadline(&self) -> PyDeadline {
        PyDeadline(self.0.deadline.clone())
    }

    /// Every day from receipt to the due date, as dicts in the JSON shape
    /// (`date`, `role`, and where they apply `ordinal`, `reason`,
    /// `holidays`).
    #[getter]
    fn days<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serde_out(py, &self.0.days)
    }

    /// A plain-text account, one line per day, in `"en"` (the default) or
    /// `"id"` (Bahasa Indonesia).
    #[pyo3(signature = (lang=None))]
    fn render(&self, lang: Option<&Bound<'_, PyAny>>) -> PyResult<String> {
        let lang = lang.map(convert::lang_in).transpose()?.unwrap_or_default();
        Ok(self.0.render(lang))
    }

    /// The explanation in its JSON shape.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serde_out(py, &self.0)
    }

    fn __repr__(&self) -> String {
        format!(
            "Explanation(due_at={:?}, days={})",
            self.0.deadline.due_at.to_rfc3339(),
            self.0.days.len()
        )
    }
}

/// Reads the all-day events of an iCalendar text as a holiday layer (a
/// dict in the JSON shape of a definition's layer). Files this library
/// wrote give back the identical layer; for others, `layer_id`,
/// `layer_name` and `default_kind` (`"national_holiday"` unless given) fill
/// in what the file does not say.
#[pyfunction]
#[pyo3(signature = (text, layer_id, layer_name, default_kind=None))]
pub fn layer_from_ical<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    layer_id: &Bound<'py, PyAny>,
    layer_name: &Bound<'py, PyAny>,
    default_kind: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let text = convert::str_in(text, "text", Domain::Calendar)?;
    let opts = IcalImport {
        layer_id: convert::str_in(layer_id, "layer_id", Domain::Calendar)?.to_owned(),
        layer_name: convert::str_in(layer_name, "layer_name", Domain::Calendar)?.to_owned(),
        default_kind: match default_kind {
            Some(k) if !k.is_none() => convert::kind_in(k, "default_kind")?,
            _ => HolidayKind::NationalHoliday,
        },
    };
    let layer = HolidayLayer::from_ical(text, &opts).map_err(error::core)?;
    convert::serde_out(py, &layer)
}

/// Writes a holiday layer (a dict in the JSON shape of a definition's
/// layer) as an iCalendar text: one all-day event per holiday. A layer
/// `layer_from_ical` would refuse (years outside the supported range, too
/// many holidays) raises `ValidationError`.
#[pyfunction]
pub fn layer_to_ical(layer: &Bound<'_, PyAny>) -> PyResult<String> {
    let layer: HolidayLayer = convert::serde_in(layer, "layer")?;
    layer.to_ical().map_err(error::core)
}
