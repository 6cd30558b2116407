//! Requirements catalogues: the service types an office offers, each on a
//! procedure with its own documents (the seed's Lampiran II).

use serde::{Deserialize, Serialize};

use super::{Label, ProcedureDef};
use crate::error::Problem;

/// A document the applicant must (or may) upload — the seed's "Lampiran II".
///
/// # Example
/// ```
/// let p = ptsp::ProcedureDef::jatim_permit();
/// assert!(p.documents.iter().any(|d| d.mandatory));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DocumentRequirement {
    /// Code, unique within the procedure.
    pub code: String,
    /// Name.
    pub name: Label,
    /// Whether a submission without it is incomplete.
    pub mandatory: bool,
    /// Accepted formats (lower-case extensions, e.g. `pdf`); empty: any.
    #[serde(default)]
    pub formats: Vec<String>,
    /// Largest accepted size in bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_bytes: Option<u64>,
}

/// One service type of a requirements catalogue: which procedure it runs
/// on, which agency recommends, and its documents (Lampiran II).
///
/// # Example
/// ```
/// let cat = ptsp::Catalogue::sample();
/// let s = cat.service("izin-usaha-perikanan-tangkap").unwrap();
/// assert_eq!(s.agency.as_deref(), Some("dkp"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ServiceType {
    /// Identifier.
    pub id: String,
    /// Name.
    pub name: Label,
    /// The procedure id it runs on.
    pub procedure: String,
    /// The technical agency (unit) that gives the recommendation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency: Option<String>,
    /// Required documents.
    pub documents: Vec<DocumentRequirement>,
}

impl ServiceType {
    /// Every gap of a submission against this service's documents (see
    /// [`crate::check_documents`]).
    ///
    /// # Example
    /// ```
    /// let cat = ptsp::Catalogue::sample();
    /// let gaps = cat.services[0].check(&[]);
    /// assert!(gaps.iter().all(|g| g.code == "missing_document"));
    /// ```
    pub fn check(&self, submitted: &[crate::SubmittedDocument]) -> Vec<Problem> {
        crate::check_documents(&self.documents, submitted)
    }

    /// The procedure specialised to this service: its documents, and the id
    /// `"{procedure}/{service}"` so that a case pins exactly what it ran on.
    ///
    /// # Example
    /// ```
    /// let cat = ptsp::Catalogue::sample();
    /// let p = cat.services[0].procedure_def(&ptsp::ProcedureDef::jatim_permit());
    /// assert_eq!(p.id, "jatim-izin/izin-operasional-rs-kelas-b");
    /// assert!(ptsp::Procedure::new(p).is_ok());
    /// ```
    pub fn procedure_def(&self, base: &ProcedureDef) -> ProcedureDef {
        let mut def = base.clone();
        def.id = format!("{}/{}", base.id, self.id);
        def.documents.clone_from(&self.documents);
        def
    }
}

/// A requirements catalogue: the service types an office offers.
///
/// # Example
/// ```
/// let cat = ptsp::Catalogue::sample();
/// assert_eq!(cat.services.len(), 3);
/// assert!(cat.note.contains("SAMPLE"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    /// Where the catalogue comes from.
    pub note: String,
    /// The service types.
    pub services: Vec<ServiceType>,
}

const SAMPLE_CATALOGUE_JSON: &str = include_str!("../../data/requirements-sample.json");

impl Catalogue {
    /// A small catalogue of three service types on the East Java permit
    /// procedure. **Sample data**: the seed's Lampiran II is not available;
    /// an office replaces it with its own.
    ///
    /// # Example
    /// ```
    /// assert!(ptsp::Catalogue::sample().service("nope").is_none());
    /// ```
    pub fn sample() -> Catalogue {
        crate::error::input::from_json(SAMPLE_CATALOGUE_JSON, "")
            .expect("built-in catalogue is valid (tested)")
    }

    /// A service type by id.
    ///
    /// # Example
    /// ```
    /// assert!(ptsp::Catalogue::sample().service("rekomendasi-teknis-lingkungan").is_some());
    /// ```
    pub fn service(&self, id: &str) -> Option<&ServiceType> {
        self.services.iter().find(|s| s.id == id)
    }
}
