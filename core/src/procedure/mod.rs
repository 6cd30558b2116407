//! Procedure definitions: the *Sistem, Mekanisme dan Prosedur* of a service
//! standard as data — lanes and roles, steps with outcomes, SLAs, required
//! documents — and their static validation.
//!
//! A [`ProcedureDef`] is plain serde data. [`ProcedureDef::validate`]
//! returns every problem at once; [`Procedure::new`] refuses a definition
//! with problems and indexes a valid one for the case engine
//! ([`crate::case`]).

pub mod builtin;
mod catalogue;
mod def;
mod error;
mod validate;

use std::collections::BTreeMap;

pub use catalogue::{Catalogue, DocumentRequirement, ServiceType};
pub use def::{
    CorrectionClock, DeemedApproval, EndKind, EscalationPolicy, Interval, LaneDef, LaneKind,
    OutcomeDef, OutputKind, ProcedureDef, Qualification, RoleDef, Sla, SlaUnit, StepDef, StepKind,
    SupervisionSettings, TextLimits, Tier, TierAnchor,
};
pub use error::ProcedureError;

pub use crate::error::Label;

/// A validated procedure, indexed for the case engine.
///
/// # Example
/// ```
/// let p = ptsp::Procedure::jatim_permit();
/// assert_eq!(p.step("persetujuan").unwrap().sla.as_ref().unwrap().amount, 3);
/// assert_eq!(p.lane_of("rekomendasi").unwrap().id, "opd_teknis");
/// ```
#[derive(Debug, Clone)]
pub struct Procedure {
    def: ProcedureDef,
    steps: BTreeMap<String, usize>,
    lanes: BTreeMap<String, usize>,
}

impl Procedure {
    /// Validates and indexes a definition.
    ///
    /// # Example
    /// ```
    /// let p = ptsp::Procedure::new(ptsp::ProcedureDef::jatim_permit())?;
    /// assert_eq!(p.def().version, 1);
    /// # Ok::<(), ptsp::ProcedureError>(())
    /// ```
    pub fn new(def: ProcedureDef) -> Result<Procedure, ProcedureError> {
        let problems = def.validate();
        if !problems.is_empty() {
            return Err(ProcedureError::Invalid { problems });
        }
        let steps = def
            .steps
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.clone(), i))
            .collect();
        let lanes = def
            .lanes
            .iter()
            .enumerate()
            .map(|(i, l)| (l.id.clone(), i))
            .collect();
        Ok(Procedure { def, steps, lanes })
    }

    /// Reads and validates a JSON definition.
    ///
    /// # Example
    /// ```
    /// let json = serde_json::to_string(&ptsp::ProcedureDef::jatim_permit()).unwrap();
    /// assert!(ptsp::Procedure::from_json(&json).is_ok());
    /// assert_eq!(ptsp::Procedure::from_json("[").unwrap_err().code(), "invalid_json");
    /// ```
    pub fn from_json(text: &str) -> Result<Procedure, ProcedureError> {
        let def = crate::error::input::from_json(text, "")?;
        Procedure::new(def)
    }

    /// The definition as pretty JSON (what [`Procedure::from_json`] reads).
    ///
    /// # Example
    /// ```
    /// let p = ptsp::Procedure::jatim_permit();
    /// let again = ptsp::Procedure::from_json(&p.to_json()).unwrap();
    /// assert_eq!(again.def(), p.def());
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(&self.def).expect("procedure definitions always serialize")
    }

    /// The definition.
    ///
    /// # Example
    /// ```
    /// assert!(!ptsp::Procedure::jatim_permit().def().documents.is_empty());
    /// ```
    pub fn def(&self) -> &ProcedureDef {
        &self.def
    }

    /// A step by id.
    ///
    /// # Example
    /// ```
    /// assert!(ptsp::Procedure::jatim_permit().step("nope").is_none());
    /// ```
    pub fn step(&self, id: &str) -> Option<&StepDef> {
        self.steps.get(id).map(|&i| &self.def.steps[i])
    }

    /// The lane of a step.
    ///
    /// # Example
    /// ```
    /// assert_eq!(ptsp::Procedure::jatim_permit().lane_of("unggah").unwrap().kind, ptsp::LaneKind::Applicant);
    /// ```
    pub fn lane_of(&self, step: &str) -> Option<&LaneDef> {
        self.step(step)
            .and_then(|s| self.lanes.get(&s.lane))
            .map(|&i| &self.def.lanes[i])
    }

    /// A tier by id.
    ///
    /// # Example
    /// ```
    /// assert!(ptsp::Procedure::jatim_permit().tier("biasa").is_none());
    /// ```
    pub fn tier(&self, id: &str) -> Option<&Tier> {
        self.def.tiers.iter().find(|t| t.id == id)
    }

    /// A lane by id.
    ///
    /// # Example
    /// ```
    /// assert!(ptsp::Procedure::jatim_permit().lane("ptsp").is_some());
    /// ```
    pub fn lane(&self, id: &str) -> Option<&LaneDef> {
        self.lanes.get(id).map(|&i| &self.def.lanes[i])
    }
}
