//! The office (core module `ptsp::office`): seed §4 facilities (the
//! checklist, the audit of an inventory, the comparison of two audits), the
//! organisation (validated), the §5 competence report and the §8 staffing
//! check, §6 escalations and worklists, and the class `Office` that runs the
//! case engine with the organisation. In the full package.
//!
//! Every function converts its arguments in ([`crate::convert`]), calls core
//! once, and converts the result out; every failure is thrown as a
//! `PtspError` ([`crate::error`]).

use std::collections::BTreeMap;

use ptsp::office::{
    AuditOptions, Checklist, Escalation, FacilitiesAudit, Inventory, Organisation, Requirement,
    StaffingSettings, Supervision,
};
use wasm_bindgen::prelude::*;

use ptsp::error::phrase;

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
    let options: AuditOptions =
        convert::optional_object(options, "options", "options", Domain::Office)?;
    let checklist = if convert::absent(checklist) {
        Checklist::jatim()
    } else {
        convert::object(checklist, "checklist", "checklist", Domain::Office)?
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

fn organisation(v: &JsValue) -> Result<Organisation> {
    let org: Organisation = convert::object(v, "organisation", "", Domain::Office)?;
    Ok(org.checked()?)
}

fn requirements(v: &JsValue) -> Result<Vec<Requirement>> {
    if convert::absent(v) {
        return Ok(Vec::new());
    }
    convert::objects(v, "requirements", Domain::Office)
}

/// An organisation, validated: returned in the core's JSON shape, or
/// `invalid_organisation` with every problem in `errors`.
#[wasm_bindgen(js_name = checkOrganisation, unchecked_return_type = "Organisation")]
pub fn check_organisation(
    #[wasm_bindgen(unchecked_param_type = "Organisation")] org: &JsValue,
) -> Result<JsValue> {
    convert::to_js(&organisation(org)?)
}

/// Seed §5: who among the holders of `role` (in `sector`, or `null` for
/// all) meets its requirement on `asOf`, what the others lack, and whose
/// certificates end within `withinDays`.
///
/// ```js
/// const r = competenceReport(org, requirements, "verifikator", "kesehatan", "2026-12-01", 60);
/// r.unqualified.map((u) => [u.staff, u.shortfalls.map((s) => s.criterion)]);
/// ```
#[wasm_bindgen(js_name = competenceReport, unchecked_return_type = "CompetenceReport")]
pub fn competence_report(
    #[wasm_bindgen(unchecked_param_type = "Organisation")] org: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Requirement[]")] reqs: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] role: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "string | null | undefined")] sector: &JsValue,
    #[wasm_bindgen(js_name = asOf, unchecked_param_type = "IsoDate")] as_of: &JsValue,
    #[wasm_bindgen(js_name = withinDays, unchecked_param_type = "number")] within_days: &JsValue,
) -> Result<JsValue> {
    let org = organisation(org)?;
    let reqs = requirements(reqs)?;
    let role = convert::text(role, "role")?;
    let sector = optional_text(sector, "sector")?;
    let as_of = convert::date(as_of, "asOf")?;
    let within = convert::integer_in(within_days, "withinDays", phrase::DAYS)?;
    convert::to_js(&ptsp::office::competence_report(
        &org,
        &reqs,
        &role,
        sector.as_deref(),
        as_of,
        within,
    )?)
}

/// Seed §8 on `asOf`: every sector's processors, the sectors short of the
/// minimum (default: one PNS or PTT per sector) or resting on one person,
/// and open cases per processor (`openCases`: `{sector: count}`).
#[wasm_bindgen(js_name = staffingReport, unchecked_return_type = "StaffingReport")]
pub fn staffing_report(
    #[wasm_bindgen(unchecked_param_type = "Organisation")] org: &JsValue,
    #[wasm_bindgen(js_name = asOf, unchecked_param_type = "IsoDate")] as_of: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Partial<StaffingSettings> | null | undefined")]
    settings: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Requirement[] | null | undefined")] reqs: &JsValue,
    #[wasm_bindgen(js_name = openCases, unchecked_param_type = "Record<string, number> | null | undefined")]
    open_cases: &JsValue,
) -> Result<JsValue> {
    let org = organisation(org)?;
    let as_of = convert::date(as_of, "asOf")?;
    let settings: StaffingSettings =
        convert::optional_object(settings, "settings", "settings", Domain::Office)?;
    let reqs = requirements(reqs)?;
    let open: BTreeMap<String, u64> =
        convert::optional_object(open_cases, "openCases", "open_cases", Domain::Office)?;
    convert::to_js(&ptsp::office::staffing(
        &org, &settings, &reqs, as_of, &open,
    )?)
}

/// Seed §6: who must act on `case` at `now` — the assignee's direct
/// superior when the open step is at risk (preventive), and level by level
/// up the line of command once it is breached (repressive), as the
/// procedure's `supervision.escalation` policy says; each says whether the
/// case's log records it already (`recorded`).
#[wasm_bindgen(js_name = supervisionEscalations, unchecked_return_type = "Escalation[]")]
pub fn supervision_escalations(
    #[wasm_bindgen(unchecked_param_type = "Organisation")] org: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Case")] case: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Procedure")] procedure: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Calendar")] calendar: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Instant")] now: &JsValue,
) -> Result<JsValue> {
    let org = organisation(org)?;
    let case = convert::case(case, "case")?;
    let p = convert::procedure(procedure, "procedure")?;
    let cal = convert::calendar(calendar, "calendar")?;
    let now = convert::instant(now, "now")?;
    let all =
        case.with(|c| Ok(Supervision::new(&org).escalations(c, p.core(), cal.core(), now)?))?;
    convert::to_js(&all)
}

/// A superior's worklist: of `escalations` (for any number of cases), those
/// about steps of the staff below `position`, one per step at its highest
/// level, most urgent first.
#[wasm_bindgen(js_name = supervisorWorklist, unchecked_return_type = "Escalation[]")]
pub fn supervisor_worklist(
    #[wasm_bindgen(unchecked_param_type = "Organisation")] org: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] position: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Escalation[]")] escalations: &JsValue,
) -> Result<JsValue> {
    let org = organisation(org)?;
    let position = convert::text(position, "position")?;
    let all: Vec<Escalation> = convert::objects(escalations, "escalations", Domain::Office)?;
    convert::to_js(&Supervision::new(&org).worklist(&position, &all))
}

/// An office: the organisation and the competence requirements, validated
/// once (`invalid_organisation`, `invalid_requirements`), running the case
/// engine where it needs them — actors from staff ids, assignments checked
/// for role, presence and competence under the procedure's
/// `supervision.qualification`, escalations recorded in the case's log
/// (`escalate`, levels in order) and a superior's note or instruction
/// authorised by the line of command (`supervise`).
///
/// ```js
/// const office = new Office(org, requirements);
/// const actor = office.actor("s-05", "2026-12-22");      // roles and unit from the organisation
/// office.execute(c, { actor, at: "2026-12-22T10:00:00+07:00",
///   command: { type: "supervise", directive: "instruction", text: "Segera" } }, p, cal);
/// ```
#[wasm_bindgen]
pub struct Office {
    inner: ptsp::office::Office,
}

#[wasm_bindgen]
impl Office {
    /// Validates and indexes an organisation and its requirements (`null`
    /// or `undefined`: none).
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "Organisation")] org: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "Requirement[] | null | undefined")] reqs: &JsValue,
    ) -> Result<Office> {
        let org: Organisation = convert::object(org, "organisation", "", Domain::Office)?;
        let reqs = requirements(reqs)?;
        Ok(Office {
            inner: ptsp::office::Office::new(org, reqs)?,
        })
    }

    /// The engine actor of `staff` on `on`: roles and unit from the
    /// organisation (`unknown_staff`, `staff_away`).
    #[wasm_bindgen(unchecked_return_type = "Actor")]
    pub fn actor(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] staff: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "IsoDate")] on: &JsValue,
    ) -> Result<JsValue> {
        let staff = convert::text(staff, "staff")?;
        let on = convert::date(on, "on")?;
        convert::to_js(&self.inner.actor(&staff, on)?)
    }

    /// Why `staff` may not take work of `role` (in `sector`) on `on`: away,
    /// and each unmet criterion of seed §5; empty when they may.
    #[wasm_bindgen(unchecked_return_type = "Label[]")]
    pub fn shortfalls(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] staff: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] role: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "IsoDate")] on: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "string | null | undefined")] sector: &JsValue,
    ) -> Result<JsValue> {
        let staff = convert::text(staff, "staff")?;
        let role = convert::text(role, "role")?;
        let on = convert::date(on, "on")?;
        let sector = optional_text(sector, "sector")?;
        convert::to_js(
            &self
                .inner
                .shortfalls(&staff, &role, sector.as_deref(), on)?,
        )
    }

    /// The present, qualified holder of `role` (in `unit`, serving
    /// `sector`) with the fewest open cases (`openCases`: `{staff: n}`);
    /// ties to the smallest id; `null` when nobody fits.
    #[wasm_bindgen(js_name = pickStaff, unchecked_return_type = "string | null")]
    pub fn pick_staff(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] role: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "IsoDate")] on: &JsValue,
        #[wasm_bindgen(js_name = openCases, unchecked_param_type = "Record<string, number> | null | undefined")]
        open_cases: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "string | null | undefined")] unit: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "string | null | undefined")] sector: &JsValue,
    ) -> Result<JsValue> {
        let role = convert::text(role, "role")?;
        let on = convert::date(on, "on")?;
        let open: BTreeMap<String, u32> =
            convert::optional_object(open_cases, "openCases", "open_cases", Domain::Office)?;
        let unit = optional_text(unit, "unit")?;
        let sector = optional_text(sector, "sector")?;
        let pick = self
            .inner
            .pick_staff(&role, unit.as_deref(), sector.as_deref(), on, &open)
            .map(|m| m.id.clone());
        convert::to_js(&pick)
    }

    /// `Case.decide` plus what needs the organisation (`escalate`,
    /// `supervise`, assignments checked); changes nothing.
    #[wasm_bindgen(unchecked_return_type = "Event[]")]
    pub fn decide(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Case")] case: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "Request")] request: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "Procedure")] procedure: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "Calendar")] calendar: &JsValue,
    ) -> Result<JsValue> {
        let case = convert::case(case, "case")?;
        let (req, p, cal) = convert::request(request, procedure, calendar)?;
        case.with(|c| convert::to_js(&self.inner.decide(c, &req, p.core(), cal.core())?))
    }

    /// `decide` and apply the events to `case`; a refused request throws
    /// and leaves the case unchanged. Returns the events to append to the
    /// case's log.
    #[wasm_bindgen(unchecked_return_type = "Event[]")]
    pub fn execute(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Case")] case: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "Request")] request: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "Procedure")] procedure: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "Calendar")] calendar: &JsValue,
    ) -> Result<JsValue> {
        let case = convert::case(case, "case")?;
        let (req, p, cal) = convert::request(request, procedure, calendar)?;
        case.with_mut(|c| convert::to_js(&self.inner.execute(c, &req, p.core(), cal.core())?))
    }

    /// Who must act on `case` at `now` (see `supervisionEscalations`).
    #[wasm_bindgen(unchecked_return_type = "Escalation[]")]
    pub fn escalations(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Case")] case: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "Procedure")] procedure: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "Calendar")] calendar: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "Instant")] now: &JsValue,
    ) -> Result<JsValue> {
        let case = convert::case(case, "case")?;
        let p = convert::procedure(procedure, "procedure")?;
        let cal = convert::calendar(calendar, "calendar")?;
        let now = convert::instant(now, "now")?;
        case.with(|c| convert::to_js(&self.inner.escalations(c, p.core(), cal.core(), now)?))
    }

    /// A superior's worklist (see `supervisorWorklist`).
    #[wasm_bindgen(unchecked_return_type = "Escalation[]")]
    pub fn worklist(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] position: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "Escalation[]")] escalations: &JsValue,
    ) -> Result<JsValue> {
        let position = convert::text(position, "position")?;
        let all: Vec<Escalation> = convert::objects(escalations, "escalations", Domain::Office)?;
        convert::to_js(&self.inner.worklist(&position, &all))
    }
}

fn optional_text(v: &JsValue, param: &str) -> Result<Option<String>> {
    if convert::absent(v) {
        Ok(None)
    } else {
        convert::text(v, param).map(Some)
    }
}
