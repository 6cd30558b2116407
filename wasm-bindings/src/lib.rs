//! # ptsp-wasm — the WebAssembly binding of `ptsp`
//!
//! The working-day calendar and the service procedures of [`ptsp`] for
//! browsers and Node, built with wasm-bindgen (`--target web`) into the ES
//! module package `ptsp-wasm`.
//! It is a thin layer: each function converts its arguments in, calls core
//! once and converts the result out; the rules live in core.
//!
//! ## Quick start (JavaScript)
//! ```js
//! import init, { Calendar, Procedure, layerFromIcal, isPtspError } from "ptsp-wasm";
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
//!   an invalid calendar definition or procedure). Wrong JS types are
//!   `invalid_type`.
//!
//! ## Modules
//! * `calendar` — the classes `Calendar` and `Assuming`, and
//!   `layerFromIcal` / `layerToIcal` (core module `ptsp::calendar`).
//! * `procedure` — the class `Procedure`: its definition, the document
//!   check and the completion preview (core modules `ptsp::procedure`,
//!   with `ptsp::check_documents` and `ptsp::sla::preview`).
//! * `convert` — every conversion between JS values and core types, and the
//!   TypeScript declarations of the data shapes.
//! * `error` — every error mapping, and the `PtspError` declaration.

mod calendar;
mod convert;
mod error;
mod procedure;

pub use calendar::{Assuming, Calendar, layer_from_ical, layer_to_ical};
pub use error::{BindingError, ERROR_NAME, Expected, is_ptsp_error};
pub use procedure::Procedure;
