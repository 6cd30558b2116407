//! Figures of the consultation and complaint desk (core module
//! `ptsp::desk::figures`): per ticket (`deskFigures`) and per unit
//! (`deskUnitSummaries`).
//!
//! Every function converts its arguments in ([`crate::convert`]), calls core
//! once, and converts the result out; every failure is thrown as a
//! `PtspError` ([`crate::error`]).

use wasm_bindgen::prelude::*;

use crate::convert::{self, Result};

/// A ticket's figures at `now`: first response and resolution in working
/// seconds, "Belum Valid" rounds, redistributions, reopenings, corrections,
/// outcomes taken, working time per lane, the last unit, and the tier's
/// deadline with its status. The case, procedure and calendar are only
/// borrowed.
///
/// ```js
/// deskFigures(c, Procedure.jatimComplaint(), Calendar.jatim(), "2026-12-28T14:00:00+07:00").due_status;
/// ```
#[wasm_bindgen(js_name = deskFigures, unchecked_return_type = "TicketFigures")]
pub fn desk_figures(
    #[wasm_bindgen(js_name = theCase, unchecked_param_type = "Case")] case: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Procedure")] procedure: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Calendar")] calendar: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Instant")] now: &JsValue,
) -> Result<JsValue> {
    let case = convert::case(case, "case")?;
    let p = convert::procedure(procedure, "procedure")?;
    let cal = convert::calendar(calendar, "calendar")?;
    let now = convert::instant(now, "now")?;
    case.with(|c| convert::to_js(&ptsp::desk::figures::figures(c, p.core(), cal.core(), now)?))
}

/// Per-unit figures over many tickets at `now`, in unit order: tickets
/// worked on, answers, "not ours", answers sent back, working seconds and
/// the mean per finished visit.
#[wasm_bindgen(js_name = deskUnitSummaries, unchecked_return_type = "UnitSummary[]")]
pub fn desk_unit_summaries(
    #[wasm_bindgen(unchecked_param_type = "Case[]")] cases: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Procedure")] procedure: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Calendar")] calendar: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Instant")] now: &JsValue,
) -> Result<JsValue> {
    let cases = convert::list(cases, "cases", convert::case)?;
    let p = convert::procedure(procedure, "procedure")?;
    let cal = convert::calendar(calendar, "calendar")?;
    let now = convert::instant(now, "now")?;
    let states = cases
        .iter()
        .map(|c| c.with(|s| Ok(s.clone())))
        .collect::<Result<Vec<_>>>()?;
    convert::to_js(&ptsp::desk::figures::unit_summaries(
        &states,
        p.core(),
        cal.core(),
        now,
    )?)
}
