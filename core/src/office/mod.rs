//! The office that runs the procedures: its facilities (seed §4), its
//! organisation and staff with their competence (§5) and the staffing
//! check (§8), and supervision by the direct superior (§6).
//!
//! * [`facilities`]: the seed's checklist of 14 rooms and 19 items of
//!   office equipment as built-in bilingual data ([`Checklist::jatim`]), an
//!   office's inventory as data ([`Inventory`]), the audit that says what
//!   is present, missing or inadequate with a compliance figure
//!   ([`audit`]) and the comparison of two audits ([`compare`]).
//! * [`organisation`]: units with their sectors, positions in the line of
//!   command up to the head of the office, staff with status, roles,
//!   sectors, absences and competence ([`Organisation`], validated with
//!   every problem at once).
//! * [`competence`]: the five criteria of §5 as [`Requirement`]s per role
//!   and sector, and the [`competence_report`] of who meets them and whose
//!   certificates expire soon.
//! * [`staffing`](mod@staffing): §8's minimum of processors per sector on a date
//!   ([`staffing()`]).
//! * [`supervision`]: §6's preventive and repressive control — who must act
//!   on a step at risk or breached, level by level up the line of command,
//!   and each superior's worklist ([`Supervision`]).
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

pub mod competence;
mod engine;
mod error;
pub mod facilities;
pub mod organisation;
pub mod staffing;
pub mod supervision;

pub use competence::{
    CompetenceReport, Criterion, Expiry, Requirement, Shortfall, Unqualified, competence_report,
};
pub use engine::Office;
pub use error::OfficeError;
pub use facilities::{
    AuditLine, AuditOptions, AuditStatus, Checklist, ChecklistItem, Comparison, Condition,
    FacilitiesAudit, FacilityKind, Inventory, InventoryEntry, StatusChange, audit, compare,
};
pub use organisation::{
    Absence, AbsenceKind, Certificate, Competence, EmploymentStatus, OrgUnit, Organisation,
    Position, StaffMember, UnitKind,
};
pub use staffing::{SectorStaffing, SectorStatus, StaffingReport, StaffingSettings, staffing};
pub use supervision::{Escalation, Supervision};

pub use crate::case::{Control, Directive};
pub use crate::procedure::{EscalationPolicy, Interval, Qualification, SupervisionSettings};
