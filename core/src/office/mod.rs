//! The office that runs the procedures: seed §4 (facilities) today; the
//! organisation, competence (§5), supervision (§6) and staffing (§8) are
//! the rest of the office issue.
//!
//! * [`facilities`]: the seed's checklist of 14 rooms and 19 items of
//!   office equipment as built-in bilingual data ([`Checklist::jatim`]), an
//!   office's inventory as data ([`Inventory`]), the audit that says what
//!   is present, missing or inadequate with a compliance figure
//!   ([`audit`]) and the comparison of two audits ([`compare`]).
//!
//! # Example
//! ```
//! use ptsp::office::{Checklist, Inventory, audit};
//! let inventory = Inventory::from_json(r#"{
//!     "office": "dpmptsp-jatim", "as_of": "2026-12-01",
//!     "entries": [{"item": "server_room", "present": true, "count": 1, "condition": "good"}]
//! }"#)?;
//! let report = audit(&Checklist::jatim(), &inventory, &Default::default())?;
//! assert_eq!((report.present, report.missing, report.total), (1, 32, 33));
//! # Ok::<(), ptsp::office::OfficeError>(())
//! ```

mod error;
pub mod facilities;

pub use error::OfficeError;
pub use facilities::{
    AuditLine, AuditOptions, AuditStatus, Checklist, ChecklistItem, Comparison, Condition,
    FacilitiesAudit, FacilityKind, Inventory, InventoryEntry, StatusChange, audit, compare,
};
