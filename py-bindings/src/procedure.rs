//! The core's `procedure` module, exposed: [`PyProcedure`]
//! (`ptsp.Procedure`), a validated procedure definition — the *Sistem,
//! Mekanisme dan Prosedur* of a service standard as data — with the check of
//! submitted documents against its requirements and the completion preview.
//!
//! Every method converts its arguments in ([`convert`]), calls the core once
//! and converts the result out; errors map through [`error`].

use pyo3::prelude::*;

use ptsp::{ProcedureDef, SubmittedDocument};

use crate::convert;
use crate::error::{self, Domain};
use crate::sla;

/// The sample requirements catalogue (three service types on the East Java
/// permit procedure, each with its documents and recommending agency), as
/// a dict `{note, services}`. **Sample data**: an office replaces it with
/// its own.
#[pyfunction]
pub fn sample_catalogue(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    convert::serde_out(py, &ptsp::Catalogue::sample())
}

/// A validated procedure definition: lanes and roles, steps with outcomes
/// and SLAs, required documents, the correction clock and the opt-in deemed
/// approval (*fiktif positif*).
///
/// Build one with `Procedure.jatim_permit()`, `Procedure.jatim_consultation()`,
/// `Procedure.jatim_complaint()`, `Procedure.from_json(text)`
/// or `Procedure.from_definition(dict)`; a definition with problems raises
/// `ProcedureError` (code `invalid_procedure`) listing every problem in
/// `.errors()`. `Procedure.validate_definition(dict)` returns the problems
/// instead.
#[pyclass(name = "Procedure", module = "ptsp", frozen, eq)]
pub struct PyProcedure {
    inner: ptsp::Procedure,
}

/// Procedures are equal when their definitions are.
impl PartialEq for PyProcedure {
    fn eq(&self, other: &Self) -> bool {
        self.inner.def() == other.inner.def()
    }
}

impl From<ptsp::Procedure> for PyProcedure {
    fn from(inner: ptsp::Procedure) -> Self {
        PyProcedure { inner }
    }
}

impl PyProcedure {
    /// The core procedure, for the other modules' calls.
    pub(crate) fn core(&self) -> &ptsp::Procedure {
        &self.inner
    }
}

#[pymethods]
impl PyProcedure {
    /// The built-in permit procedure of the East Java standard: upload
    /// (Pemohon) → completeness check, at most 3 working days (PTSP) →
    /// recommendation (OPD Teknis, routed) → approval, at most 3 working
    /// days (PTSP) → print the permit.
    #[staticmethod]
    fn jatim_permit() -> Self {
        ptsp::Procedure::jatim_permit().into()
    }

    /// The built-in electronic consultation flow (seed §7): the asker
    /// submits → the Operator classifies and answers (Ya) or not (Tidak) →
    /// the head of complaints distributes to a unit → the unit answers →
    /// validation (Belum Valid: back to whoever drafted) → the authorised
    /// official delivers the answer. No SLAs.
    #[staticmethod]
    fn jatim_consultation() -> PyResult<Self> {
        ptsp::Procedure::new(ProcedureDef::jatim_consultation())
            .map(Self::from)
            .map_err(error::core)
    }

    /// The built-in electronic complaint flow: the consultation's routing
    /// plus admin verification (verify, postpone, forward, archive),
    /// severity tiers with case deadlines of 2, 5, 14 and 60 working days,
    /// the complainant's confirmation or reopening, and a unit lane that
    /// does not see who complained.
    #[staticmethod]
    fn jatim_complaint() -> PyResult<Self> {
        ptsp::Procedure::new(ProcedureDef::jatim_complaint())
            .map(Self::from)
            .map_err(error::core)
    }

    /// The built-in suggestion flow (*saran/masukan*, seed §7): acknowledged
    /// by the Operator (noted at once, or passed on), distributed to the
    /// unit concerned, which answers or notes it; no tier, no SLA.
    #[staticmethod]
    fn jatim_suggestion() -> PyResult<Self> {
        ptsp::Procedure::new(ProcedureDef::jatim_suggestion())
            .map(Self::from)
            .map_err(error::core)
    }

    /// Reads a procedure definition from JSON text and validates it.
    #[staticmethod]
    fn from_json(text: &Bound<'_, PyAny>) -> PyResult<Self> {
        let text = convert::str_in(text, "text", Domain::Procedure)?;
        ptsp::Procedure::from_json(text)
            .map(Self::from)
            .map_err(error::core)
    }

    /// Builds a procedure from a definition dict (the JSON definition as
    /// Python objects).
    #[staticmethod]
    fn from_definition(definition: &Bound<'_, PyAny>) -> PyResult<Self> {
        let text = convert::json_text_in(definition, "definition", Domain::Procedure)?;
        ptsp::Procedure::from_json(&text)
            .map(Self::from)
            .map_err(error::core)
    }

    /// Every problem of a definition dict, as dicts `{path, code, message,
    /// message_id}` (empty when valid). Raises only for a dict that does not
    /// have the shape of a definition (`ProcedureError`, `invalid_json`).
    #[staticmethod]
    fn validate_definition<'py>(
        py: Python<'py>,
        definition: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let def = convert::procedure_def_in(definition)?;
        convert::serde_out(py, &def.validate())
    }

    /// This procedure specialised to one service type of a requirements
    /// catalogue (a dict, as in `ptsp.sample_catalogue()["services"]`): the
    /// service's documents, and the id `"{procedure}/{service}"` so that a
    /// case pins exactly what it ran on.
    fn for_service(&self, service: &Bound<'_, PyAny>) -> PyResult<Self> {
        let service = convert::service_in(service)?;
        ptsp::Procedure::new(service.procedure_def(self.inner.def()))
            .map(Self::from)
            .map_err(error::core)
    }

    /// The definition as a dict (the JSON definition as Python objects).
    #[getter]
    fn definition<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serde_out(py, self.inner.def())
    }

    /// The definition as pretty JSON text (what `from_json` reads).
    fn to_json(&self) -> String {
        self.inner.to_json()
    }

    /// The procedure's id.
    #[getter]
    fn id(&self) -> &str {
        &self.inner.def().id
    }

    /// The procedure's version; a case pins the version it started on.
    #[getter]
    fn version(&self) -> u32 {
        self.inner.def().version
    }

    /// The procedure's name in both languages, `{"id": …, "en": …}`.
    #[getter]
    fn name<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serde_out(py, &self.inner.def().name)
    }

    /// Every gap between submitted documents (dicts `{code, format,
    /// bytes}`) and this procedure's requirements: missing mandatory
    /// documents, unknown codes, wrong formats, files too large or empty,
    /// duplicates — as problem dicts `{path, code, message, message_id}`.
    fn check_documents<'py>(
        &self,
        py: Python<'py>,
        documents: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let docs: Vec<SubmittedDocument> =
            convert::inputs_in(documents, "submitted documents", "documents")?;
        convert::serde_out(
            py,
            &ptsp::check_documents(&self.inner.def().documents, &docs),
        )
    }

    /// The latest completion of an application submitted at `submitted_at`
    /// (an aware datetime) along the main path; see `ptsp.sla.preview`.
    fn preview<'py>(
        slf: &Bound<'py, Self>,
        calendar: &Bound<'py, PyAny>,
        submitted_at: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        sla::preview(slf.py(), slf.as_any(), calendar, submitted_at)
    }

    fn __repr__(&self) -> String {
        let def = self.inner.def();
        format!(
            "Procedure(id={:?}, version={}, steps={})",
            def.id,
            def.version,
            def.steps.len()
        )
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let from_json = slf.get_type().getattr("from_json")?;
        Ok((from_json, (slf.get().inner.to_json(),)))
    }
}
