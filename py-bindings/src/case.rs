//! The core's `case` module, exposed: [`PyCase`] (`ptsp.Case`), one
//! application running through a procedure, event-sourced.
//!
//! Requests and events travel as dicts in the core's JSON shape (instants
//! as RFC 3339 strings; aware `datetime` objects are accepted too). Every
//! method converts its arguments in ([`convert`]), calls the core once and
//! converts the result out; errors map through [`error`].

use pyo3::prelude::*;

use ptsp::Event;

use crate::convert;
use crate::error;

/// A case: the state of one application, a pure fold of its events.
///
/// `Case()` is a case not yet submitted. `decide(request, procedure,
/// calendar)` checks a request (who, when, what) and returns the events it
/// would cause, changing nothing; `execute(...)` also applies them — or
/// raises and leaves the case unchanged; `apply(event, procedure)` folds
/// one event after checking it against the procedure; `Case.replay(events,
/// procedure)` rebuilds a case from its log, checking every event
/// (`replay_trusted` / `apply_trusted` skip the checks for a log the
/// backend wrote itself). The engine never reads the clock: every request
/// carries its instant.
#[pyclass(name = "Case", module = "ptsp", eq)]
#[derive(PartialEq)]
pub struct PyCase {
    inner: ptsp::Case,
}

impl PyCase {
    /// The core case, for the other modules' calls.
    pub(crate) fn core(&self) -> &ptsp::Case {
        &self.inner
    }

    /// The core case, to change (the office's `execute`).
    pub(crate) fn core_mut(&mut self) -> &mut ptsp::Case {
        &mut self.inner
    }
}

#[pymethods]
impl PyCase {
    /// A case not yet submitted (status `"new"`).
    #[new]
    fn new() -> Self {
        PyCase {
            inner: ptsp::Case::new(),
        }
    }

    /// Rebuilds a case from its log (a list of event dicts, as `decide` and
    /// `execute` return them), checking every event against `procedure`: an
    /// event `decide` could not have produced raises `CaseError` with code
    /// `inconsistent_log`.
    #[staticmethod]
    fn replay(events: &Bound<'_, PyAny>, procedure: &Bound<'_, PyAny>) -> PyResult<Self> {
        let events: Vec<Event> = convert::inputs_in(events, "events", "events")?;
        let p = convert::procedure_in(procedure)?;
        ptsp::Case::replay(&events, p)
            .map(|inner| PyCase { inner })
            .map_err(error::core)
    }

    /// Rebuilds a case from a log the backend trusts (its own append-only
    /// store), without checking it against a procedure; events that cannot
    /// be folded still raise `inconsistent_log`.
    #[staticmethod]
    fn replay_trusted(events: &Bound<'_, PyAny>) -> PyResult<Self> {
        let events: Vec<Event> = convert::inputs_in(events, "events", "events")?;
        ptsp::Case::replay_trusted(&events)
            .map(|inner| PyCase { inner })
            .map_err(error::core)
    }

    /// The events `request` (a dict `{actor, at, command}`) would cause,
    /// as dicts; changes nothing. A refused request raises a `CaseError`
    /// (or `UnauthorizedError`, `CaseValidationError`) naming why.
    fn decide<'py>(
        &self,
        py: Python<'py>,
        request: &Bound<'py, PyAny>,
        procedure: &Bound<'py, PyAny>,
        calendar: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let (req, p, cal) = convert::request_in(request, procedure, calendar)?;
        let events = self.inner.decide(&req, p, cal).map_err(error::core)?;
        convert::serde_out(py, &events)
    }

    /// `decide` and apply the events, atomically: on error the case is
    /// unchanged. Returns the events applied, as dicts (append them to the
    /// case's log).
    fn execute<'py>(
        &mut self,
        py: Python<'py>,
        request: &Bound<'py, PyAny>,
        procedure: &Bound<'py, PyAny>,
        calendar: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let (req, p, cal) = convert::request_in(request, procedure, calendar)?;
        let events = self.inner.execute(&req, p, cal).map_err(error::core)?;
        convert::serde_out(py, &events)
    }

    /// Folds one event (a dict) into the case after checking it against
    /// `procedure`. An event that `decide` could not have produced raises
    /// `CaseError` with code `inconsistent_log`, changing nothing.
    fn apply(&mut self, event: &Bound<'_, PyAny>, procedure: &Bound<'_, PyAny>) -> PyResult<()> {
        let event: Event = convert::input_in(event, "event")?;
        let p = convert::procedure_in(procedure)?;
        self.inner.apply(&event, p).map_err(error::core)
    }

    /// Folds one event without checking it against a procedure (a log the
    /// backend trusts); an event that does not fit the state raises
    /// `inconsistent_log`, changing nothing.
    fn apply_trusted(&mut self, event: &Bound<'_, PyAny>) -> PyResult<()> {
        let event: Event = convert::input_in(event, "event")?;
        self.inner.apply_trusted(&event).map_err(error::core)
    }

    /// The case id (empty before submission).
    #[getter]
    fn id(&self) -> &str {
        &self.inner.id
    }

    /// The id of the procedure the case runs on (empty before submission).
    #[getter]
    fn procedure(&self) -> &str {
        &self.inner.procedure
    }

    /// The procedure version, pinned for the case's life.
    #[getter]
    fn version(&self) -> u32 {
        self.inner.version
    }

    /// The applicant's actor id.
    #[getter]
    fn applicant(&self) -> &str {
        &self.inner.applicant
    }

    /// The status in its JSON shape: `"new"`, `"active"`,
    /// `"awaiting_correction"`, or `{"ended": kind}` with kind
    /// `"approved"`, `"rejected"`, `"withdrawn"` or `"completed"`.
    #[getter]
    fn status<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serde_out(py, &self.inner.status)
    }

    /// The current step's id (for an ended case, the step it ended at).
    #[getter]
    fn current(&self) -> Option<&str> {
        self.inner.current.as_deref()
    }

    /// The deadline of the current step as an aware datetime, or `None`
    /// (no SLA, the case is not running, or its clock is stopped while the
    /// file is with the applicant: see `paused_remaining`).
    #[getter]
    fn due<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::optional_instant_out(py, self.inner.due())
    }

    /// The working time left on the stopped clock (a `timedelta`) while the
    /// file is with the applicant for correction; `None` otherwise.
    #[getter]
    fn paused_remaining<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.inner
            .paused_remaining()
            .map(|s| convert::duration_out(py, chrono::Duration::seconds(s)).map(Bound::into_any))
            .transpose()
    }

    /// The number of correction rounds.
    #[getter]
    fn corrections(&self) -> u32 {
        self.inner.corrections
    }

    /// The severity tier (complaints), set by the step that classifies the
    /// case; `None` before.
    #[getter]
    fn tier(&self) -> Option<&str> {
        self.inner.tier.as_deref()
    }

    /// The case-level deadline the tier sets, as an aware datetime, or
    /// `None`.
    #[getter]
    fn case_due<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::optional_instant_out(py, self.inner.case_due)
    }

    /// Whether `actor` (a dict `{id, roles, unit}`) may see who the
    /// applicant is under `procedure`: the applicant themselves, or an
    /// actor holding a role of a lane that sees the applicant.
    fn sees_applicant(
        &self,
        actor: &Bound<'_, PyAny>,
        procedure: &Bound<'_, PyAny>,
    ) -> PyResult<bool> {
        let actor = convert::actor_in(actor)?;
        let p = convert::procedure_in(procedure)?;
        Ok(self.inner.sees_applicant(&actor, p))
    }

    /// The case as `actor` may see it (a new `Case`): the applicant's
    /// identity replaced by `"[dirahasiakan]"` when `sees_applicant` says
    /// no (e.g. a unit answering a complaint).
    fn view_for(&self, actor: &Bound<'_, PyAny>, procedure: &Bound<'_, PyAny>) -> PyResult<Self> {
        let actor = convert::actor_in(actor)?;
        let p = convert::procedure_in(procedure)?;
        Ok(PyCase {
            inner: self.inner.view_for(&actor, p),
        })
    }

    /// The case's log (a list of event dicts) as `actor` may see it: when
    /// `sees_applicant` says no, events by the applicant carry
    /// `"[dirahasiakan]"` as their actor and the submission hides the
    /// applicant.
    fn events_for<'py>(
        &self,
        py: Python<'py>,
        events: &Bound<'py, PyAny>,
        actor: &Bound<'py, PyAny>,
        procedure: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let events: Vec<Event> = convert::inputs_in(events, "events", "events")?;
        let actor = convert::actor_in(actor)?;
        let p = convert::procedure_in(procedure)?;
        convert::serde_out(py, &self.inner.events_for(&events, &actor, p))
    }

    /// The full state in its JSON shape: id, procedure, version, applicant,
    /// status, current, documents, assignments, visits, corrections, tier,
    /// case_due, remaining_at_pause, window_due, declined, the case-level
    /// clock (case_started, case_pauses, case_remaining_at_pause), events
    /// (the number applied) and last_at.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serde_out(py, &self.inner)
    }

    /// The public view of the case (status, current step, due date or the
    /// time left on a paused clock, permit number, history) for
    /// `procedure`: no actor ids, applicant, notes, reasons or documents.
    fn tracking<'py>(
        &self,
        py: Python<'py>,
        procedure: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let p = convert::procedure_in(procedure)?;
        convert::view_out(py, "Tracking", &self.inner.tracking(p))
    }

    fn __repr__(&self) -> String {
        let status = serde_json::to_string(&self.inner.status).unwrap_or_default();
        let current = match &self.inner.current {
            Some(step) => format!("{step:?}"),
            None => "None".to_owned(),
        };
        format!(
            "Case(id={:?}, status={status}, current={current})",
            self.inner.id
        )
    }
}
