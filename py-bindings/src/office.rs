//! The core's `office` module, exposed as the native submodule `office` of
//! `ptsp._ptsp`, re-exported by the Python module `ptsp.office`: seed §4
//! facilities (the checklist, audits and their comparison), the
//! organisation (validated), the §5 competence report and the §8 staffing
//! check, §6 escalations and worklists, and the class `Office` that runs
//! the case engine with the organisation (actors from staff ids, checked
//! assignments, escalations recorded, a superior's notes).
//!
//! Every function converts its arguments in ([`convert`]), calls the core
//! once and converts the result out; errors map through [`error`].

use pyo3::prelude::*;

use std::collections::BTreeMap;

use ptsp::Event;
use ptsp::office::{
    AuditOptions, Checklist, Escalation, FacilitiesAudit, Inventory, Organisation, Requirement,
    StaffingSettings, Supervision,
};

use ptsp::error::phrase;

use crate::convert;
use crate::error::{self, Domain};

/// The seed's facilities checklist (§4: 14 rooms, 19 items of office
/// equipment) as a dict in the core's JSON shape.
#[pyfunction]
pub fn facilities_checklist(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    convert::serde_out(py, &Checklist::jatim())
}

/// Audits an inventory (a dict) against a checklist (the seed's when
/// `None`), with `options` (`{"max_check_age_days": n}` or `None`): every
/// item present, inadequate or missing with its reasons, tallies for rooms
/// and equipment, and the compliance percentage.
#[pyfunction]
#[pyo3(signature = (inventory, options = None, checklist = None))]
pub fn audit_facilities<'py>(
    py: Python<'py>,
    inventory: &Bound<'py, PyAny>,
    options: Option<&Bound<'py, PyAny>>,
    checklist: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let inventory: Inventory = convert::value_in(inventory, "inventory", "", Domain::Office)?;
    let options: AuditOptions =
        convert::optional_value_in(options, "options", "options", Domain::Office)?;
    let checklist = match checklist {
        Some(c) if !c.is_none() => convert::value_in(c, "checklist", "checklist", Domain::Office)?,
        _ => Checklist::jatim(),
    };
    let a = ptsp::office::audit(&checklist, &inventory, &options).map_err(error::core)?;
    convert::view_out(py, "FacilitiesAudit", &a)
}

/// What changed between two audits (dicts as `audit_facilities` returns
/// them): items improved and worsened, unchanged, added and removed, and
/// the change in compliance in percentage points.
#[pyfunction]
pub fn compare_audits<'py>(
    py: Python<'py>,
    before: &Bound<'py, PyAny>,
    after: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let before: FacilitiesAudit = convert::value_in(before, "before", "before", Domain::Office)?;
    let after: FacilitiesAudit = convert::value_in(after, "after", "after", Domain::Office)?;
    convert::view_out(py, "Comparison", &ptsp::office::compare(&before, &after))
}

/// An organisation (a dict), validated: returned in the core's JSON shape,
/// or `OfficeValidationError` with every problem (unknown units or
/// positions, a line of command with a cycle or without its one head,
/// duplicate ids, periods that end before they start).
#[pyfunction]
pub fn check_organisation<'py>(
    py: Python<'py>,
    organisation: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let org = organisation_in(organisation)?;
    convert::serde_out(py, &org)
}

fn organisation_in(ob: &Bound<'_, PyAny>) -> PyResult<Organisation> {
    let org: Organisation = convert::value_in(ob, "organisation", "", Domain::Office)?;
    org.checked().map_err(error::core)
}

fn requirements_in(ob: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<Requirement>> {
    match ob {
        Some(r) if !r.is_none() => {
            convert::list_value_in(r, "requirements", "requirements", Domain::Office)
        }
        _ => Ok(Vec::new()),
    }
}

/// Seed §5: who among the holders of `role` (in `sector`: those who
/// process it) meets its requirement on `as_of` (a date), and whose
/// certificates end within `within_days`.
#[pyfunction]
#[pyo3(signature = (organisation, requirements, role, as_of, sector = None, within_days = None))]
pub fn competence_report<'py>(
    py: Python<'py>,
    organisation: &Bound<'py, PyAny>,
    requirements: &Bound<'py, PyAny>,
    role: &Bound<'py, PyAny>,
    as_of: &Bound<'py, PyAny>,
    sector: Option<&Bound<'py, PyAny>>,
    within_days: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let org = organisation_in(organisation)?;
    let reqs = requirements_in(Some(requirements))?;
    let role = convert::str_in(role, "role", Domain::Office)?;
    let sector = match sector {
        Some(s) if !s.is_none() => Some(convert::str_in(s, "sector", Domain::Office)?),
        _ => None,
    };
    let as_of = convert::date_in(as_of, "as_of")?;
    let within_days = match within_days {
        Some(n) if !n.is_none() => convert::int_in(n, "within_days", phrase::DAYS)?,
        _ => 30,
    };
    let r = ptsp::office::competence_report(&org, &reqs, role, sector, as_of, within_days)
        .map_err(error::core)?;
    convert::view_out(py, "CompetenceReport", &r)
}

/// Seed §8 on `as_of` (a date): every sector's processors, the sectors
/// short of the minimum or resting on one person, and the load per
/// processor from `open_cases` (`{sector: count}`).
#[pyfunction]
#[pyo3(signature = (organisation, as_of, settings = None, requirements = None, open_cases = None))]
pub fn staffing<'py>(
    py: Python<'py>,
    organisation: &Bound<'py, PyAny>,
    as_of: &Bound<'py, PyAny>,
    settings: Option<&Bound<'py, PyAny>>,
    requirements: Option<&Bound<'py, PyAny>>,
    open_cases: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let org = organisation_in(organisation)?;
    let as_of = convert::date_in(as_of, "as_of")?;
    let settings: StaffingSettings =
        convert::optional_value_in(settings, "settings", "settings", Domain::Office)?;
    let reqs = requirements_in(requirements)?;
    let open: BTreeMap<String, u64> =
        convert::optional_value_in(open_cases, "open_cases", "open_cases", Domain::Office)?;
    let r = ptsp::office::staffing(&org, &settings, &reqs, as_of, &open).map_err(error::core)?;
    convert::view_out(py, "StaffingReport", &r)
}

/// Seed §6: who must act on `case` at `now` — the assignee's direct
/// superior when its open step is at risk (preventive), and level by level
/// up the line of command once it is breached (repressive), as the
/// procedure's `supervision.escalation` policy says. Each says whether the
/// case's log already records it.
#[pyfunction]
pub fn escalations<'py>(
    py: Python<'py>,
    organisation: &Bound<'py, PyAny>,
    case: &Bound<'py, PyAny>,
    procedure: &Bound<'py, PyAny>,
    calendar: &Bound<'py, PyAny>,
    now: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let org = organisation_in(organisation)?;
    let case = convert::case_in(case)?;
    let p = convert::procedure_in(procedure)?;
    let cal = convert::calendar_in(calendar)?;
    let now = convert::instant_in(now, "now")?;
    let all = Supervision::new(&org)
        .escalations(case.core(), p, cal, now)
        .map_err(error::core)?;
    Ok(convert::views_out(py, "Escalation", &all)?.into_any())
}

/// A superior's worklist: of `escalations` (as `escalations` returns them,
/// for any number of cases), those about steps of the staff below
/// `position`, one per step at its highest level, most urgent first.
#[pyfunction]
pub fn worklist<'py>(
    py: Python<'py>,
    organisation: &Bound<'py, PyAny>,
    position: &Bound<'py, PyAny>,
    escalations: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let org = organisation_in(organisation)?;
    let position = convert::str_in(position, "position", Domain::Office)?;
    let all: Vec<Escalation> =
        convert::list_value_in(escalations, "escalations", "escalations", Domain::Office)?;
    let list = Supervision::new(&org).worklist(position, &all);
    Ok(convert::views_out(py, "Escalation", &list)?.into_any())
}

/// An office: the organisation and the competence requirements, validated
/// once, running the case engine where it needs them.
///
/// `Office(organisation, requirements=None)` raises `OfficeValidationError`
/// with every problem. `actor(staff, on)` is the engine actor of a staff
/// member (roles and unit from the organisation; `unknown_staff`,
/// `staff_away`). `decide` / `execute` take the same arguments as
/// `Case.decide` / `Case.execute` plus the case first, and also decide the
/// commands that need the organisation: `escalate` (recording a due
/// escalation, levels in order) and `supervise` (a superior's note or
/// instruction, authorised by the line of command); an assignment of a
/// staff member is checked for role, presence and competence under the
/// procedure's `supervision.qualification` (`warn` records `warnings`,
/// `refuse` raises `not_qualified`).
#[pyclass(name = "Office", module = "ptsp.office", frozen)]
pub struct PyOffice {
    inner: ptsp::office::Office,
}

#[pymethods]
impl PyOffice {
    #[new]
    #[pyo3(signature = (organisation, requirements = None))]
    fn new(
        organisation: &Bound<'_, PyAny>,
        requirements: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let org: Organisation =
            convert::value_in(organisation, "organisation", "", Domain::Office)?;
        let reqs = requirements_in(requirements)?;
        let inner = ptsp::office::Office::new(org, reqs).map_err(error::core)?;
        Ok(PyOffice { inner })
    }

    /// The engine actor of `staff` on `on` (a date), as a dict
    /// `{id, roles, unit}`.
    fn actor<'py>(
        &self,
        py: Python<'py>,
        staff: &Bound<'py, PyAny>,
        on: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let staff = convert::str_in(staff, "staff", Domain::Office)?;
        let on = convert::date_in(on, "on")?;
        convert::serde_out(py, &self.inner.actor(staff, on).map_err(error::core)?)
    }

    /// Why `staff` may not take work of `role` (in `sector`) on `on`: a
    /// list of `{id, en}` reasons, empty when they may.
    #[pyo3(signature = (staff, role, on, sector = None))]
    fn shortfalls<'py>(
        &self,
        py: Python<'py>,
        staff: &Bound<'py, PyAny>,
        role: &Bound<'py, PyAny>,
        on: &Bound<'py, PyAny>,
        sector: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let staff = convert::str_in(staff, "staff", Domain::Office)?;
        let role = convert::str_in(role, "role", Domain::Office)?;
        let on = convert::date_in(on, "on")?;
        let sector = optional_str(sector, "sector")?;
        let why = self
            .inner
            .shortfalls(staff, role, sector, on)
            .map_err(error::core)?;
        convert::serde_out(py, &why)
    }

    /// The id of the staff member who should take the next piece of work
    /// of `role` on `on`: present, qualified, in `unit` and serving
    /// `sector` when given, with the fewest `open_cases` (`{staff: n}`);
    /// `None` when nobody fits.
    #[pyo3(signature = (role, on, open_cases = None, unit = None, sector = None))]
    fn pick_staff(
        &self,
        role: &Bound<'_, PyAny>,
        on: &Bound<'_, PyAny>,
        open_cases: Option<&Bound<'_, PyAny>>,
        unit: Option<&Bound<'_, PyAny>>,
        sector: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Option<String>> {
        let role = convert::str_in(role, "role", Domain::Office)?;
        let on = convert::date_in(on, "on")?;
        let open: BTreeMap<String, u32> =
            convert::optional_value_in(open_cases, "open_cases", "open_cases", Domain::Office)?;
        let unit = optional_str(unit, "unit")?;
        let sector = optional_str(sector, "sector")?;
        Ok(self
            .inner
            .pick_staff(role, unit, sector, on, &open)
            .map(|m| m.id.clone()))
    }

    /// The events `request` would cause on `case`, as dicts; changes
    /// nothing.
    fn decide<'py>(
        &self,
        py: Python<'py>,
        case: &Bound<'py, PyAny>,
        request: &Bound<'py, PyAny>,
        procedure: &Bound<'py, PyAny>,
        calendar: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let (req, p, cal) = convert::request_in(request, procedure, calendar)?;
        let case = convert::case_in(case)?;
        let events: Vec<Event> = self
            .inner
            .decide(case.core(), &req, p, cal)
            .map_err(error::core)?;
        convert::serde_out(py, &events)
    }

    /// `decide` and apply the events to `case`, atomically: on error the
    /// case is unchanged. Returns the events applied.
    fn execute<'py>(
        &self,
        py: Python<'py>,
        case: &Bound<'py, PyAny>,
        request: &Bound<'py, PyAny>,
        procedure: &Bound<'py, PyAny>,
        calendar: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let (req, p, cal) = convert::request_in(request, procedure, calendar)?;
        let mut case = convert::case_mut_in(case)?;
        let events = self
            .inner
            .execute(case.core_mut(), &req, p, cal)
            .map_err(error::core)?;
        convert::serde_out(py, &events)
    }

    /// Who must act on `case` at `now` (see the module function
    /// `escalations`).
    fn escalations<'py>(
        &self,
        py: Python<'py>,
        case: &Bound<'py, PyAny>,
        procedure: &Bound<'py, PyAny>,
        calendar: &Bound<'py, PyAny>,
        now: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let case = convert::case_in(case)?;
        let p = convert::procedure_in(procedure)?;
        let cal = convert::calendar_in(calendar)?;
        let now = convert::instant_in(now, "now")?;
        let all = self
            .inner
            .escalations(case.core(), p, cal, now)
            .map_err(error::core)?;
        Ok(convert::views_out(py, "Escalation", &all)?.into_any())
    }

    /// A superior's worklist (see the module function `worklist`).
    fn worklist<'py>(
        &self,
        py: Python<'py>,
        position: &Bound<'py, PyAny>,
        escalations: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let position = convert::str_in(position, "position", Domain::Office)?;
        let all: Vec<Escalation> =
            convert::list_value_in(escalations, "escalations", "escalations", Domain::Office)?;
        let list = self.inner.worklist(position, &all);
        Ok(convert::views_out(py, "Escalation", &list)?.into_any())
    }

    fn __repr__(&self) -> String {
        let org = self.inner.organisation();
        format!(
            "Office({:?}, {} staff, {} requirements)",
            org.id,
            org.staff.len(),
            self.inner.requirements().len()
        )
    }
}

fn optional_str<'a>(ob: Option<&'a Bound<'_, PyAny>>, what: &str) -> PyResult<Option<&'a str>> {
    match ob {
        Some(s) if !s.is_none() => Ok(Some(convert::str_in(s, what, Domain::Office)?)),
        _ => Ok(None),
    }
}

/// Builds the submodule `office` (its functions' `__module__` is
/// `ptsp.office`, the Python module that re-exports them) and adds it to
/// `parent`.
pub fn register(parent: &Bound<'_, PyModule>) -> PyResult<()> {
    let m = PyModule::new(parent.py(), "ptsp.office")?;
    m.add_function(wrap_pyfunction!(facilities_checklist, &m)?)?;
    m.add_function(wrap_pyfunction!(audit_facilities, &m)?)?;
    m.add_function(wrap_pyfunction!(compare_audits, &m)?)?;
    m.add_function(wrap_pyfunction!(check_organisation, &m)?)?;
    m.add_function(wrap_pyfunction!(competence_report, &m)?)?;
    m.add_function(wrap_pyfunction!(staffing, &m)?)?;
    m.add_function(wrap_pyfunction!(escalations, &m)?)?;
    m.add_function(wrap_pyfunction!(worklist, &m)?)?;
    m.add_class::<PyOffice>()?;
    parent.add("office", m)
}
