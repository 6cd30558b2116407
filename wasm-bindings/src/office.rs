//! The office (core module `ptsp::office`), seed §4 facilities: the seed's
//! checklist, the audit of an office's inventory (for the inventory form an
//! office fills in) and the comparison of two audits. In both packages.
//!
//! Every function converts its arguments in ([`crate::convert`]), calls core
//! once, and converts the result out; every failure is thrown as a
//! `PtspError` ([`crate::error`]).

use ptsp::office::{AuditOptions, Checklist, FacilitiesAudit, Inventory, OfficeError};
use wasm_bindgen::prelude::*;

use crate::convert::{self, Result};
use crate::error::Domain;

/// The seed's facilities checklist: §4's 14 rooms and 19 items of office
/// equipment, each with its clause and its name in both languages.
///
/// ```js
/// facilitiesChecklist().items.filter((i) => i.kind === "room").length; // 14
/// ```
#[wasm_bindgen(js_name = facilitiesChecklist, unchecked_return_type = "Checklist")]
pub fn facilities_checklist() -> Result<JsValue> {
    convert::to_js(&Checklist::jatim())
}

/// Audits an inventory against a checklist (the seed's when `null` or
/// `undefined`), with `options` (`{max_check_age_days}`, or `null`): every
/// item `present`, `inadequate` or `missing` with its reasons, tallies for
/// rooms and equipment, and the compliance percentage. Throws
/// `invalid_inventory` (or `invalid_checklist`) with every problem.
///
/// ```js
/// const a = auditFacilities({ office: "dpmptsp-jatim", as_of: "2026-12-01",
///   entries: [{ item: "cctv", present: true, condition: "poor" }] });
/// [a.inadequate, a.missing];                       // [1, 32]
/// a.lines.find((l) => l.item === "cctv").reasons[0].id; // "kondisi rusak ringan"
/// ```
#[wasm_bindgen(js_name = auditFacilities, unchecked_return_type = "FacilitiesAudit")]
pub fn audit_facilities(
    #[wasm_bindgen(unchecked_param_type = "Inventory")] inventory: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "AuditOptions | null | undefined")] options: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Checklist | null | undefined")] checklist: &JsValue,
) -> Result<JsValue> {
    let inventory: Inventory = convert::object(inventory, "inventory", "", Domain::Office)?;
    let options: AuditOptions = if options.is_undefined() || options.is_null() {
        AuditOptions::default()
    } else {
        convert::object(options, "options", "options", Domain::Office)?
    };
    let checklist = if checklist.is_undefined() || checklist.is_null() {
        Checklist::jatim()
    } else {
        let c: Checklist = convert::object(checklist, "checklist", "checklist", Domain::Office)?;
        let problems = c.validate();
        if !problems.is_empty() {
            return Err(OfficeError::InvalidChecklist { problems }.into());
        }
        c
    };
    convert::to_js(&ptsp::office::audit(&checklist, &inventory, &options)?)
}

/// What changed between two audits (as `auditFacilities` returns them):
/// items improved and worsened, unchanged, added and removed, and the
/// change in compliance in percentage points.
#[wasm_bindgen(js_name = compareAudits, unchecked_return_type = "Comparison")]
pub fn compare_audits(
    #[wasm_bindgen(unchecked_param_type = "FacilitiesAudit")] before: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "FacilitiesAudit")] after: &JsValue,
) -> Result<JsValue> {
    let before: FacilitiesAudit = convert::object(before, "before", "before", Domain::Office)?;
    let after: FacilitiesAudit = convert::object(after, "after", "after", Domain::Office)?;
    convert::to_js(&ptsp::office::compare(&before, &after))
}
