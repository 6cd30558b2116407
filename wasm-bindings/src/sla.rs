//! SLA clocks of a case (core module `ptsp::sla`): `slaEvaluate`. The
//! completion preview of a procedure is `Procedure.previewCompletion`.
//!
//! Converts its arguments in ([`crate::convert`]), calls core once, and
//! converts the result out; every failure is thrown as a `PtspError`
//! ([`crate::error`]).

use wasm_bindgen::prelude::*;

use crate::convert::{self, Result};

/// Every SLA clock of `case` at `now`: per step visit, per lane and for the
/// whole case — started, due, elapsed and remaining working seconds, and a
/// status (`running`, `at_risk` past a warning threshold, `breached`,
/// `paused`, `met_on_time`, `met_late` …) — plus due events (opt-in deemed
/// approval). The case, procedure and calendar are only borrowed.
///
/// ```js
/// slaEvaluate(c, Procedure.jatimPermit(), Calendar.jatim(), "2026-12-28T12:00:00+07:00")
///   .steps[0].status; // "at_risk"
/// ```
#[wasm_bindgen(js_name = slaEvaluate, unchecked_return_type = "SlaReport")]
pub fn sla_evaluate(
    #[wasm_bindgen(js_name = theCase, unchecked_param_type = "Case")] case: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Procedure")] procedure: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Calendar")] calendar: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Instant")] now: &JsValue,
) -> Result<JsValue> {
    let case = convert::case(case, "case")?;
    let p = convert::procedure(procedure, "procedure")?;
    let cal = convert::calendar(calendar, "calendar")?;
    let now = convert::instant(now, "now")?;
    case.with(|c| convert::to_js(&ptsp::sla::evaluate(c, p.core(), cal.core(), now)?))
}
