//! The core's `routing` module, exposed as the native submodule `routing`
//! of `ptsp._ptsp`, re-exported by the Python module `ptsp.routing`:
//! [`PyRouter`] (`ptsp.routing.Router`), a validated and compiled routing
//! rule set that ranks the units (divisions, *Bidang*, and technical
//! agencies, *OPD*) a consultation or complaint should go to; staff
//! assignment (`pick_staff`); and the Indonesian word normalisation the
//! matching uses (`tokenize`, `stem`, `normalize`).
//!
//! Every function converts its arguments in ([`convert`]), calls the core
//! once and converts the result out (dicts in the core's JSON shape);
//! errors map through [`error`].

use pyo3::prelude::*;

use ptsp::desk::routing::{self, RoutingInput, RuleSet};

use crate::convert;
use crate::error::{self, Domain};

/// A validated, compiled routing rule set: the units tickets can go to,
/// the rules (service, sector, category, keywords) and the fallback unit
/// (the head of complaints, *Kepala Bidang Pengaduan*).
///
/// Build one with `Router.sample()` (sample data for DPMPTSP Jawa Timur),
/// `Router.from_json(text)` or `Router.from_rule_set(dict)`; a rule set
/// with problems raises `RoutingError` (code `invalid_rule_set`) listing
/// every problem in `.errors()`. Immutable and safe to share between
/// threads.
#[pyclass(name = "Router", module = "ptsp.routing", frozen)]
pub struct PyRouter {
    inner: routing::Router,
}

impl From<routing::Router> for PyRouter {
    fn from(inner: routing::Router) -> Self {
        PyRouter { inner }
    }
}

#[pymethods]
impl PyRouter {
    /// The router of the sample rule set for DPMPTSP Jawa Timur (14 units,
    /// 30 rules). **Sample data**: an office replaces it with its own.
    /// Compiled without holding the GIL.
    #[staticmethod]
    fn sample(py: Python<'_>) -> Self {
        py.detach(routing::Router::sample).into()
    }

    /// Reads a rule set from JSON text, validates and compiles it (without
    /// holding the GIL).
    #[staticmethod]
    fn from_json(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Self> {
        let text = convert::str_in(text, "text", Domain::Routing)?.to_owned();
        py.detach(|| routing::Router::from_json(&text))
            .map(Self::from)
            .map_err(error::core)
    }

    /// Builds a router from a rule-set dict `{note, units, rules,
    /// fallback}` (the JSON rule set as Python objects).
    #[staticmethod]
    fn from_rule_set(py: Python<'_>, rule_set: &Bound<'_, PyAny>) -> PyResult<Self> {
        let text = convert::json_text_in(rule_set, "rule_set", Domain::Routing)?;
        py.detach(|| routing::Router::from_json(&text))
            .map(Self::from)
            .map_err(error::core)
    }

    /// Every problem of a rule-set dict, as dicts `{path, code, message,
    /// message_id}` (empty when valid). Raises only for a dict that does
    /// not have the shape of a rule set (`RoutingError`, `invalid_json`).
    #[staticmethod]
    fn validate_rule_set<'py>(
        py: Python<'py>,
        rule_set: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let set: RuleSet = convert::value_in(rule_set, "rule_set", "", Domain::Routing)?;
        let problems = py.detach(|| set.validate());
        convert::serde_out(py, &problems)
    }

    /// The rule set as a dict (a fresh copy).
    #[getter]
    fn rule_set<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serde_out(py, self.inner.rule_set())
    }

    /// The rule set as pretty JSON text (what `from_json` reads).
    fn to_json(&self) -> String {
        self.inner.to_json()
    }

    /// A unit by id, as a dict `{id, name, kind}`, or `None`.
    fn unit<'py>(
        &self,
        py: Python<'py>,
        id: &Bound<'py, PyAny>,
    ) -> PyResult<Option<Bound<'py, PyAny>>> {
        let id = convert::str_in(id, "id", Domain::Routing)?;
        self.inner
            .unit(id)
            .map(|u| convert::serde_out(py, u))
            .transpose()
    }

    /// The fallback unit (the head of complaints), as a dict.
    #[getter]
    fn fallback<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serde_out(py, self.inner.fallback())
    }

    /// The ranked suggestions for a ticket `{service, sector, category,
    /// subject, text}` (every key optional), never empty: dicts `{unit,
    /// rule, priority, score, reasons}`, each reason with its `text` in
    /// both languages and, for a keyword, its `excerpt` and span in Python
    /// string indices. When no rule matches, the one suggestion is the
    /// fallback unit with the reason `no_match`.
    fn suggest<'py>(
        &self,
        py: Python<'py>,
        input: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let input: RoutingInput = convert::routing_input_in(input)?;
        let suggestions = self.inner.suggest(&input);
        convert::suggestions_out(py, &suggestions, &input)
    }

    /// The suggestions again after the units in `rejected_units` (a list of
    /// unit ids) said the ticket is not theirs. When no unit is left, the
    /// head of complaints gets it (reason `all_rejected`, or `no_match`).
    fn redistribute<'py>(
        &self,
        py: Python<'py>,
        input: &Bound<'py, PyAny>,
        rejected_units: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let input: RoutingInput = convert::routing_input_in(input)?;
        let rejected = convert::strings_in(rejected_units, "rejected_units", Domain::Routing)?;
        let suggestions = self.inner.redistribute(&input, &rejected);
        convert::suggestions_out(py, &suggestions, &input)
    }

    /// The stem of a word as this router sees it (the built-in lexicon
    /// extended with the stems of its keywords).
    fn stem(&self, word: &Bound<'_, PyAny>) -> PyResult<String> {
        Ok(self
            .inner
            .stem(convert::str_in(word, "word", Domain::Routing)?))
    }

    /// Every word of a text, normalised as this router matches it.
    fn normalize(&self, text: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
        Ok(self
            .inner
            .normalize(convert::str_in(text, "text", Domain::Routing)?))
    }

    /// Routers are equal when their rule sets are.
    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PyRouter>()
            .is_ok_and(|o| o.get().inner.rule_set() == self.inner.rule_set())
    }

    fn __repr__(&self) -> String {
        let set = self.inner.rule_set();
        format!(
            "Router(units={}, rules={}, fallback={:?})",
            set.units.len(),
            set.rules.len(),
            set.fallback
        )
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let from_json = slf.get_type().getattr("from_json")?;
        Ok((from_json, (slf.get().inner.to_json(),)))
    }
}

/// The staff member of `unit` who should take the next ticket, as a dict,
/// or `None` when nobody in the unit is active: among the active staff of
/// the unit holding every competence in `required` (a list of str; `None`:
/// no requirement), the one with the fewest open tickets, ties to the
/// smallest id. `staff` is a list of dicts `{id, unit, open_tickets,
/// active, competences}`.
#[pyfunction]
#[pyo3(signature = (unit, staff, required = None))]
pub fn pick_staff<'py>(
    py: Python<'py>,
    unit: &Bound<'py, PyAny>,
    staff: &Bound<'py, PyAny>,
    required: Option<&Bound<'py, PyAny>>,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    let unit = convert::str_in(unit, "unit", Domain::Routing)?;
    let staff = convert::staff_in(staff)?;
    let required = match required {
        Some(r) if !r.is_none() => convert::strings_in(r, "required", Domain::Routing)?,
        _ => Vec::new(),
    };
    routing::pick_staff_with(unit, &required, &staff)
        .map(|s| convert::serde_out(py, s))
        .transpose()
}

/// Splits a text into normalised words: lower case, Latin diacritics
/// removed, separated by anything that is not a letter or a digit.
#[pyfunction]
pub fn tokenize(text: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
    Ok(routing::tokenize(convert::str_in(
        text,
        "text",
        Domain::Routing,
    )?))
}

/// The stem of an Indonesian word with the built-in lexicon (a light affix
/// stripper: *perizinan*, *mengizinkan* → `izin`); several words are
/// stemmed one by one and joined by spaces.
#[pyfunction]
pub fn stem(word: &Bound<'_, PyAny>) -> PyResult<String> {
    Ok(routing::stem(convert::str_in(
        word,
        "word",
        Domain::Routing,
    )?))
}

/// `tokenize` then `stem` every word, with the built-in lexicon.
#[pyfunction]
pub fn normalize(text: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
    Ok(routing::normalize(convert::str_in(
        text,
        "text",
        Domain::Routing,
    )?))
}

/// Builds the submodule `routing` (its functions' and class's `__module__`
/// is `ptsp.routing`, the Python module that re-exports them) and adds it to
/// `parent`.
pub fn register(parent: &Bound<'_, PyModule>) -> PyResult<()> {
    let m = PyModule::new(parent.py(), "ptsp.routing")?;
    m.add_class::<PyRouter>()?;
    m.add_function(wrap_pyfunction!(pick_staff, &m)?)?;
    m.add_function(wrap_pyfunction!(tokenize, &m)?)?;
    m.add_function(wrap_pyfunction!(stem, &m)?)?;
    m.add_function(wrap_pyfunction!(normalize, &m)?)?;
    parent.add("routing", m)
}
