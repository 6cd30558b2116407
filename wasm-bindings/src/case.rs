//! The case engine (core module `ptsp::case`) as the JS class `Case`: one
//! application, consultation or complaint running through a `Procedure`,
//! event-sourced — for a browser-side tracking or preview widget, or a
//! Node backend.
//!
//! Requests and events are core's serde JSON; the state is `case.state`
//! (or `case.toJson()`), the log is the events `execute` returns. Every
//! method converts its arguments in ([`crate::convert`]), calls core once,
//! and converts the result out; every failure is thrown as a `PtspError`
//! ([`crate::error`]), and a refused request leaves the case unchanged.

use std::cell::RefCell;
use std::rc::Rc;

use ptsp::{Actor, Event};
use wasm_bindgen::prelude::*;

use crate::convert::{self, Result};
use crate::error::{BindingError, Domain};

/// A case: the state folded from its events.
///
/// ```js
/// const [p, cal] = [Procedure.jatimConsultation(), Calendar.jatim()];
/// const c = new Case();
/// const log = c.execute({ actor: { id: "q-1", roles: ["penanya"] }, at: "2026-12-21T09:00:00+07:00",
///   command: { type: "submit", case_id: "KONS-1", documents: [] } }, p, cal);
/// c.state.current;                 // "klasifikasi"
/// Case.replay(log, p).toJson() === c.toJson(); // true
/// c.tracking(p).history[0].what;   // "step_entered"
/// ```
#[wasm_bindgen]
pub struct Case {
    inner: Rc<RefCell<ptsp::Case>>,
}

impl From<ptsp::Case> for Case {
    fn from(c: ptsp::Case) -> Case {
        Case {
            inner: Rc::new(RefCell::new(c)),
        }
    }
}

/// An actor parameter.
fn actor(v: &JsValue) -> Result<Actor> {
    convert::object(v, "actor", "actor", Domain::Case)
}

/// An events parameter.
fn events(v: &JsValue) -> Result<Vec<Event>> {
    convert::objects(v, "events", Domain::Case)
}

impl Default for Case {
    fn default() -> Case {
        Case::new()
    }
}

impl Case {
    /// The JS name of [`Case::share`].
    pub(crate) const SHARE: &'static str = "__ptspShareCase";

    /// Runs `f` on the core case. Every argument is converted before, and
    /// core never calls back into JS, so the state is never borrowed twice;
    /// should it be, that is a bug in the binding, not a trap.
    pub(crate) fn with<T>(&self, f: impl FnOnce(&ptsp::Case) -> Result<T>) -> Result<T> {
        let case = self
            .inner
            .try_borrow()
            .map_err(|_| BindingError::internal("case state borrowed during a change"))?;
        f(&case)
    }

    pub(crate) fn with_mut<T>(&self, f: impl FnOnce(&mut ptsp::Case) -> Result<T>) -> Result<T> {
        let mut case = self
            .inner
            .try_borrow_mut()
            .map_err(|_| BindingError::internal("case state borrowed during a change"))?;
        f(&mut case)
    }
}

#[wasm_bindgen]
impl Case {
    /// A case not yet submitted (status `"new"`).
    #[wasm_bindgen(constructor)]
    pub fn new() -> Case {
        ptsp::Case::new().into()
    }

    /// The case a log of events gives, from the start, every event checked
    /// against `procedure`: an event `decide` could not have produced (an
    /// actor, role or unit the lanes do not allow, an outcome that leads
    /// elsewhere, another case's event) throws `inconsistent_log`. This is
    /// the only way to rebuild a case: a state object is never trusted.
    pub fn replay(
        #[wasm_bindgen(unchecked_param_type = "Event[]")] events: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "Procedure")] procedure: &JsValue,
    ) -> Result<Case> {
        let events = self::events(events)?;
        let p = convert::procedure(procedure, "procedure")?;
        Ok(ptsp::Case::replay(&events, p.core())?.into())
    }

    /// The state as pretty JSON, for display or storage beside the log
    /// (rebuild a case with `replay`, never from a state).
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> Result<String> {
        self.with(|c| {
            serde_json::to_string_pretty(c).map_err(|e| BindingError::internal(&e.to_string()))
        })
    }

    /// The state as an object (a fresh copy).
    #[wasm_bindgen(getter, unchecked_return_type = "CaseState")]
    pub fn state(&self) -> Result<JsValue> {
        self.with(convert::to_js)
    }

    /// The deadline of the current step; `null` when it has none, the case
    /// is not running, or its clock is stopped while the file is with the
    /// applicant (see `pausedRemainingSeconds`).
    #[wasm_bindgen(getter, unchecked_return_type = "Instant | null")]
    pub fn due(&self) -> Result<JsValue> {
        self.with(|c| convert::to_js(&c.due()))
    }

    /// The working seconds left on the stopped clock while the file is with
    /// the applicant for correction; `null` otherwise.
    #[wasm_bindgen(getter, js_name = pausedRemainingSeconds, unchecked_return_type = "number | null")]
    pub fn paused_remaining_seconds(&self) -> Result<JsValue> {
        self.with(|c| convert::to_js(&c.paused_remaining()))
    }

    /// The events `request` would cause on `procedure` with `calendar`,
    /// without changing the case; throws the refusal (`unauthorized`,
    /// `wrong_step`, `incomplete_documents` …) otherwise.
    #[wasm_bindgen(unchecked_return_type = "Event[]")]
    pub fn decide(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Request")] request: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "Procedure")] procedure: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "Calendar")] calendar: &JsValue,
    ) -> Result<JsValue> {
        let (req, p, cal) = convert::request(request, procedure, calendar)?;
        self.with(|c| convert::to_js(&c.decide(&req, p.core(), cal.core())?))
    }

    /// Decides and applies `request`: returns the events to append to the
    /// case's log. A refused request throws and leaves the case unchanged.
    #[wasm_bindgen(unchecked_return_type = "Event[]")]
    pub fn execute(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Request")] request: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "Procedure")] procedure: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "Calendar")] calendar: &JsValue,
    ) -> Result<JsValue> {
        let (req, p, cal) = convert::request(request, procedure, calendar)?;
        self.with_mut(|c| convert::to_js(&c.execute(&req, p.core(), cal.core())?))
    }

    /// The public tracking view: status, current step and its name, due
    /// date and history, without personal data.
    #[wasm_bindgen(unchecked_return_type = "Tracking")]
    pub fn tracking(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Procedure")] procedure: &JsValue,
    ) -> Result<JsValue> {
        let p = convert::procedure(procedure, "procedure")?;
        self.with(|c| convert::to_js(&c.tracking(p.core())))
    }

    /// The state as `actor` may see it: the applicant's identity replaced
    /// by `"[dirahasiakan]"` unless the actor is the applicant or holds a
    /// role of a lane that sees the applicant (a complaint's units do not).
    #[wasm_bindgen(js_name = viewFor, unchecked_return_type = "CaseState")]
    pub fn view_for(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "Procedure")] procedure: &JsValue,
    ) -> Result<JsValue> {
        let actor = self::actor(actor)?;
        let p = convert::procedure(procedure, "procedure")?;
        self.with(|c| convert::to_js(&c.view_for(&actor, p.core())))
    }

    /// The case's log as `actor` may see it: the applicant's id replaced by
    /// `"[dirahasiakan]"` under the rule of `viewFor`.
    #[wasm_bindgen(js_name = eventsFor, unchecked_return_type = "Event[]")]
    pub fn events_for(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Event[]")] events: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "Procedure")] procedure: &JsValue,
    ) -> Result<JsValue> {
        let events = self::events(events)?;
        let actor = self::actor(actor)?;
        let p = convert::procedure(procedure, "procedure")?;
        self.with(|c| convert::to_js(&c.events_for(&events, &actor, p.core())))
    }

    /// Not part of the JS API (absent from the `.d.ts`): a second handle on
    /// the same case, taken over by a function given a `Case` argument (see
    /// `Calendar.__ptspShare` and `convert::handle`).
    #[wasm_bindgen(js_name = __ptspShareCase, skip_typescript)]
    pub fn share(&self) -> Case {
        Case {
            inner: Rc::clone(&self.inner),
        }
    }
}
