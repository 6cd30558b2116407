//! Error mapping: every failure of a binding call becomes a real JS `Error`.
//!
//! Every core error reaches JS through [`ptsp::PtspError`] alone — its
//! stable code, its kind (the module it belongs to), its message in English
//! and Bahasa Indonesia and its problems — so no code, class or message is
//! written here. Two kinds of failure start at the boundary itself, and
//! both are worded by core too:
//!
//! * a JS value of the wrong type (a number where a date string belongs, a
//!   fractional count, anything but a `Calendar` for a calendar) is
//!   `invalid_type`, kind `input` ([`ptsp::error::input::ArgumentError`]);
//! * an object of the wrong shape is read by core's input reader
//!   ([`ptsp::error::input`]): `invalid_json` with one problem per offending
//!   value and its path (`events[2].command.type`), raised as the error of
//!   the module the argument belongs to ([`Domain`]) — the same code, kind,
//!   paths and text as in Python.
//!
//! The thrown object has this shape (`PtspError` in the generated `.d.ts`):
//!
//! ```text
//! Error {
//!   name: "PtspError",
//!   code: "invalid_definition",                  // stable snake_case
//!   kind: "calendar",                            // the module
//!   message: "invalid calendar definition: …",   // English
//!   messages: { en: "…", id: "definisi kalender tidak valid: …" },
//!   errors: [{ path, code, message, message_id }, …],   // [] unless it has problems
//! }
//! ```

use js_sys::{Array, Object, Reflect};
use ptsp::error::input::{ArgumentError, InputError};
use ptsp::{
    CalendarError, CaseError, Code, FormError, Kind, Lang, Problem, PtspError, RoutingError,
};
use wasm_bindgen::prelude::*;

/// The `name` of every error the binding throws.
pub const ERROR_NAME: &str = "PtspError";

/// What a binding call throws; converts into a JS `Error` (see the module
/// docs for its shape).
///
/// # Example
/// ```
/// use ptsp_wasm::BindingError;
/// let err = BindingError::from(ptsp::CalendarError::InvalidCount { n: 0 });
/// assert_eq!(err.code(), ptsp::Code::InvalidCount);
/// assert_eq!(err.kind(), ptsp::Kind::Calendar);
/// assert!(err.message(ptsp::Lang::Id).contains("tidak valid"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BindingError {
    code: Code,
    kind: Kind,
    en: String,
    id: String,
    problems: Vec<Problem>,
}

impl<E: PtspError> From<E> for BindingError {
    fn from(e: E) -> BindingError {
        BindingError {
            code: e.code(),
            kind: e.kind(),
            en: e.message(Lang::En),
            id: e.message(Lang::Id),
            problems: e.problems().to_vec(),
        }
    }
}

impl BindingError {
    /// `invalid_type`: parameter `param` accepts `expected` (JS names:
    /// `string`, `number (a safe integer)`, `Calendar` …) and got `found`.
    ///
    /// # Example
    /// ```
    /// let e = ptsp_wasm::BindingError::invalid_type("date", "string (YYYY-MM-DD)", "number 20261223");
    /// assert_eq!(e.code(), ptsp::Code::InvalidType);
    /// assert_eq!(e.message(ptsp::Lang::En),
    ///     "invalid type for date: expected string (YYYY-MM-DD), found number 20261223");
    /// ```
    pub fn invalid_type(param: &str, expected: &str, found: &str) -> BindingError {
        ArgumentError::new(param, expected, found).into()
    }

    /// `internal`: a failure that is a bug in the binding, never the
    /// caller's fault (kind `input`: it happened at the boundary).
    ///
    /// # Example
    /// ```
    /// let e = ptsp_wasm::BindingError::internal("x");
    /// assert_eq!(e.code(), ptsp::Code::Internal);
    /// assert!(e.message(ptsp::Lang::En).ends_with(": x"));
    /// ```
    pub fn internal(detail: &str) -> BindingError {
        BindingError {
            code: Code::Internal,
            kind: Kind::Input,
            en: format!("{}: {detail}", Code::Internal.meaning(Lang::En)),
            id: format!("{}: {detail}", Code::Internal.meaning(Lang::Id)),
            problems: Vec::new(),
        }
    }

    /// The stable code.
    pub fn code(&self) -> Code {
        self.code
    }

    /// The module the error belongs to.
    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// The message in the given language.
    pub fn message(&self, lang: Lang) -> &str {
        lang.pick(&self.id, &self.en)
    }

    /// The problems behind the error (empty unless it carries some).
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }
}

/// The module an argument belongs to: the error a shape problem found while
/// reading it is thrown as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Domain {
    /// Calendar definitions, layers, policies, iCalendar options.
    Calendar,
    /// Web forms and form limits.
    Form,
    /// Routing inputs.
    Routing,
    /// Requests, events, actors and submitted documents of the case engine.
    #[cfg_attr(not(feature = "full"), allow(dead_code))]
    Case,
    /// Inventories, checklists and audits of the office.
    #[cfg_attr(not(feature = "full"), allow(dead_code))]
    Office,
    /// Survey responses and tallies of the evaluation.
    #[cfg_attr(not(feature = "full"), allow(dead_code))]
    Evaluation,
}

/// An input error as the error of its argument's module.
pub(crate) fn input(domain: Domain, err: InputError) -> BindingError {
    match domain {
        Domain::Calendar => CalendarError::from(err).into(),
        Domain::Form => FormError::from(err).into(),
        Domain::Routing => RoutingError::from(err).into(),
        Domain::Case => CaseError::from(err).into(),
        Domain::Office => ptsp::office::OfficeError::from(err).into(),
        Domain::Evaluation => ptsp::evaluation::EvaluationError::from(err).into(),
    }
}

/// Sets `key` on a fresh object; `Reflect.set` on a plain extensible object
/// cannot fail, so its result is ignored rather than unwrapped.
fn set(target: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(target, &JsValue::from_str(key), value);
}

impl From<BindingError> for JsValue {
    fn from(e: BindingError) -> JsValue {
        let err = js_sys::Error::new(&e.en);
        err.set_name(ERROR_NAME);
        set(&err, "code", &JsValue::from_str(e.code.as_str()));
        set(&err, "kind", &JsValue::from_str(e.kind.as_str()));
        let messages = Object::new();
        set(&messages, "en", &JsValue::from_str(&e.en));
        set(&messages, "id", &JsValue::from_str(&e.id));
        set(&err, "messages", &messages);
        let errors: Array = e
            .problems
            .iter()
            .map(|p| {
                let o = Object::new();
                set(&o, "path", &JsValue::from_str(&p.path));
                set(&o, "code", &JsValue::from_str(p.code.as_str()));
                set(&o, "message", &JsValue::from_str(&p.message));
                set(&o, "message_id", &JsValue::from_str(&p.message_id));
                JsValue::from(o)
            })
            .collect();
        set(&err, "errors", &errors);
        err.into()
    }
}

/// Whether `value` is an error thrown by ptsp (a `PtspError`): a real
/// `Error` whose `name` is `"PtspError"`. A type guard for `catch` blocks:
///
/// ```js
/// try { cal.isWorkingDay("2031-01-02") } catch (e) {
///   if (isPtspError(e) && e.code === "out_of_coverage") showEstimateInstead();
/// }
/// ```
#[wasm_bindgen(js_name = isPtspError, unchecked_return_type = "value is PtspError")]
pub fn is_ptsp_error(#[wasm_bindgen(unchecked_param_type = "unknown")] value: &JsValue) -> bool {
    value
        .dyn_ref::<js_sys::Error>()
        .is_some_and(|e| e.name() == ERROR_NAME)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_errors_keep_code_kind_messages_and_problems() {
        let mut def = ptsp::CalendarDef::indonesia();
        def.utc_offset = "+25:00".into();
        let err = BindingError::from(ptsp::Calendar::new(def).unwrap_err());
        assert_eq!(err.code(), Code::InvalidDefinition);
        assert_eq!(err.kind(), Kind::Calendar);
        assert!(
            err.problems()
                .iter()
                .any(|p| p.code == Code::InvalidUtcOffset)
        );
        assert!(
            err.message(Lang::Id)
                .starts_with("definisi kalender tidak valid")
        );
    }

    #[test]
    fn shape_errors_belong_to_the_argument_s_module() {
        let v = serde_json::json!({"kind": "pengaduan", "nik": 5});
        let e = ptsp::error::input::from_value::<ptsp::WebForm>(&v, "").unwrap_err();
        let err = input(Domain::Form, e);
        assert_eq!((err.code(), err.kind()), (Code::InvalidJson, Kind::Form));
        assert_eq!(err.problems()[0].path, "nik");
    }

    #[test]
    fn boundary_type_errors_are_input_errors() {
        let e = BindingError::invalid_type("n", "number (a safe integer)", "number 1.5");
        assert_eq!((e.code(), e.kind()), (Code::InvalidType, Kind::Input));
        assert_eq!(
            e.message(Lang::Id),
            "tipe n tidak valid: seharusnya number (a safe integer), ditemukan number 1.5"
        );
    }
}
