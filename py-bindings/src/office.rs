//! The core's `office` module (seed §4 facilities today), exposed as the
//! native submodule `office` of `ptsp._ptsp`, re-exported by the Python
//! module `ptsp.office`: the seed's checklist, the audit of an inventory
//! and the comparison of two audits.
//!
//! Every function converts its arguments in ([`convert`]), calls the core
//! once and converts the result out; errors map through [`error`].

use pyo3::prelude::*;

use ptsp::office::{AuditOptions, Checklist, FacilitiesAudit, Inventory};

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
    let options: AuditOptions = match options {
        Some(o) if !o.is_none() => convert::value_in(o, "options", "options", Domain::Office)?,
        _ => AuditOptions::default(),
    };
    let checklist = match checklist {
        Some(c) if !c.is_none() => {
            let c: Checklist = convert::value_in(c, "checklist", "checklist", Domain::Office)?;
            let problems = c.validate();
            if !problems.is_empty() {
                return Err(error::core(ptsp::office::OfficeError::InvalidChecklist {
                    problems,
                }));
            }
            c
        }
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

/// Builds the submodule `office` (its functions' `__module__` is
/// `ptsp.office`, the Python module that re-exports them) and adds it to
/// `parent`.
pub fn register(parent: &Bound<'_, PyModule>) -> PyResult<()> {
    let m = PyModule::new(parent.py(), "ptsp.office")?;
    m.add_function(wrap_pyfunction!(facilities_checklist, &m)?)?;
    m.add_function(wrap_pyfunction!(audit_facilities, &m)?)?;
    m.add_function(wrap_pyfunction!(compare_audits, &m)?)?;
    parent.add("office", m)
}
