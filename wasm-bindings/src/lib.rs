//! # ptsp-wasm — the WebAssembly binding of `ptsp`
//!
//! The working-day calendar, the service procedures and the consultation
//! and complaint desk of [`ptsp`] — its web form, routing, cases, SLA
//! clocks and figures — for browsers and Node, built with wasm-bindgen
//! (`--target web`) into the ES module package `ptsp-wasm`.
//! It is a thin layer: each function converts its arguments in, calls core
//! once and converts the result out; the rules live in core.
//!
//! ## Quick start (JavaScript)
//! ```js
//! import init, { Calendar, Case, Procedure, Router, deskFigures, isPtspError, validateForm }
//!   from "ptsp-wasm";
//! await init(); // fetches ptsp_wasm_bg.wasm next to the module
//!
//! const cal = Calendar.jatim(); // national holidays + East Java office hours, WIB
//! cal.isWorkingDay("2026-12-24");                    // false: cuti bersama Natal
//! cal.addWorkingDays("2025-03-27", 1);              // "2025-04-08"
//! const d = cal.deadline("2026-12-23T14:20:00+07:00", 3);
//! d.due_at;                                          // "2026-12-30T16:00:00+07:00"
//! cal.explainDeadline("2026-12-23T14:20:00+07:00", 3, {}, "id").text;
//!
//! try { cal.isWorkingDay("2031-01-02") } catch (e) {
//!   if (isPtspError(e)) console.log(e.code, e.messages.id); // "out_of_coverage", "tanggal …"
//! }
//! cal.assumingWeekendsOnly().isWorkingDay("2031-01-02");
//! // { value: true, assumed: [{ first: 2031, last: 2031 }] }
//!
//! // A permit form: what is still missing, and when it would be done.
//! const permit = Procedure.jatimPermit();
//! permit.documents.filter((d) => d.mandatory).map((d) => d.code);
//! // ["surat_permohonan", "ktp", "nib", "npwp", "dokumen_teknis"]
//! const gaps = permit.checkDocuments([{ code: "ktp", format: "docx", bytes: 35000 }]);
//! gaps.map((g) => g.code);  // ["wrong_format", "missing_document", … ×4]
//! gaps[0].message_id;       // "KTP penanggung jawab harus berformat salah satu dari …"
//! permit.previewCompletion(cal, "2026-12-22T09:15:00+07:00").completion;
//! // "2027-01-06T16:00:00+07:00"
//!
//! // The complaint desk: one validator for browser and backend …
//! try {
//!   validateForm({ kind: "pengaduan", name: "Siti", nik: "3515143108680000",
//!                  phone: "12345", subject: "Izin", text: "…" }, null, "2026-12-01");
//! } catch (e) {
//!   e.code;                                  // "invalid_form"
//!   e.errors.map((p) => [p.path, p.code]);   // every field problem at once:
//!   // [["nik", "invalid_nik_serial"], ["phone", "invalid_phone"], ["subject", "too_short"], …]
//! }
//! // … where a ticket should go, and why …
//! const router = Router.sample(); // SAMPLE routing rules
//! const [best] = router.suggest({ subject: "", text: "Limbah pabrik mencemari sungai" });
//! [best.unit, best.reasons[0].excerpt, best.reasons[0].text.id];
//! // ["dlh", "Limbah", 'kata kunci “limbah” ditemukan sebagai “limbah” pada isi']
//! // … and the case it becomes, event-sourced.
//! const complaint = Procedure.jatimComplaint();
//! const ticket = new Case();
//! const log = ticket.execute({ actor: { id: "c-1", roles: ["penanya"] },
//!   at: "2026-12-21T09:00:00+07:00",
//!   command: { type: "submit", case_id: "ADU-1", documents: [] } }, complaint, cal);
//! ticket.tracking(complaint).history;        // the public history, no personal data
//! // [{ at: "2026-12-21T09:00:00+07:00", what: "step_entered", step: "verifikasi" }]
//! deskFigures(ticket, complaint, cal, "2026-12-22T09:00:00+07:00").lane_seconds;
//! // { operator: 30600 }: working seconds so far, per lane
//! ```
//!
//! ## Conventions
//! * Dates are ISO 8601 strings `YYYY-MM-DD`; instants RFC 3339 strings
//!   with their offset; durations whole seconds (numbers).
//! * Objects are core's serde JSON, field names in `snake_case` exactly as
//!   in Rust and Python (`due_at`, `late_receipt`, `non_working`); methods
//!   are `camelCase`.
//! * Every failure is a real `Error` named `PtspError` with a stable
//!   `code`, `messages.en` / `messages.id`, and `errors` (every problem of
//!   an invalid calendar definition, procedure or routing rule set, of
//!   incomplete documents, of a web form). Wrong JS types — including an
//!   object of the wrong class where a `Calendar`, `Procedure` or `Case`
//!   belongs — are `invalid_type`.
//! * Class arguments are borrowed: a calendar, procedure or case passed to
//!   a function stays usable, and is still the caller's to `free()`.
//! * Routing keyword spans are JS string indices (UTF-16 code units), not
//!   core's byte offsets.
//!
//! ## Modules
//! * `calendar` — the classes `Calendar` and `Assuming`, and
//!   `layerFromIcal` / `layerToIcal` (core module `ptsp::calendar`).
//! * `procedure` — the class `Procedure`: the built-in permit,
//!   consultation and complaint flows, the definition, the document check
//!   and the completion preview (core modules `ptsp::procedure`, with
//!   `ptsp::check_documents` and `ptsp::sla::preview`).
//! * `form` — `validateForm`, `defaultFormLimits`, `parseNik`,
//!   `normalizePhone`, `normalizeEmail`, `provinces` (core module
//!   `ptsp::desk::form`).
//! * `routing` — the class `Router`, `normalizeText` and `stem` (core
//!   module `ptsp::desk::routing`).
//! * `case` — the class `Case`: decide, execute, replay, JSON, tracking and
//!   the confidential views (core module `ptsp::case`).
//! * `sla` — `slaEvaluate` (core module `ptsp::sla`).
//! * `helpdesk` — `deskFigures`, `deskUnitSummaries` (core module
//!   `ptsp::desk::figures`).
//! * `office` — `facilitiesChecklist`, `auditFacilities`, `compareAudits`,
//!   `checkOrganisation`, `competenceReport`, `staffingReport`,
//!   `supervisionEscalations`, `supervisorWorklist` (core module
//!   `ptsp::office`, seed §4, §5, §6, §8).
//! * `convert` — every conversion between JS values and core types, and the
//!   TypeScript declarations of the data shapes.
//! * `error` — every error mapping, and the `PtspError` declaration.

mod calendar;
#[cfg(feature = "full")]
mod case;
mod convert;
mod error;
#[cfg(feature = "full")]
mod evaluation;
mod form;
#[cfg(feature = "full")]
mod helpdesk;
#[cfg(feature = "full")]
mod office;
mod procedure;
mod routing;
#[cfg(feature = "full")]
mod sla;

pub use calendar::{Assuming, Calendar};
#[cfg(feature = "full")]
pub use calendar::{layer_from_ical, layer_to_ical};
#[cfg(feature = "full")]
pub use case::Case;
pub use error::{BindingError, ERROR_NAME, is_ptsp_error};
#[cfg(feature = "full")]
pub use evaluation::{
    compliance_from_logs, compliance_report, ikm, ikm_by, ikm_of_tally, merge_reports,
    merge_tallies, publish_performance, publish_standard, report_csv, report_markdown, sample_size,
    survey, tally_responses, validate_survey_response,
};
pub use form::{
    default_form_limits, normalize_email, normalize_phone, parse_nik, provinces, validate_form,
};
#[cfg(feature = "full")]
pub use helpdesk::{desk_figures, desk_unit_summaries};
#[cfg(feature = "full")]
pub use office::{
    Office, audit_facilities, check_organisation, compare_audits, competence_report,
    facilities_checklist, staffing_report, supervision_escalations, supervisor_worklist,
};
pub use procedure::Procedure;
pub use routing::{Router, normalize_text, stem};
#[cfg(feature = "full")]
pub use sla::sla_evaluate;
