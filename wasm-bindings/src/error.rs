//! Error mapping: every failure of a binding call becomes a real JS `Error`.
//!
//! Core errors of every module (calendar, procedure, case, form, routing)
//! keep their stable code, their English message and their message in
//! Bahasa Indonesia, and validation errors their list of problems — an
//! invalid calendar definition, procedure or routing rule set, incomplete
//! documents, every field problem of a web form … Every core error type is
//! mapped the same way, through its `code()`, `message(lang)` and
//! `problems()` ([`CoreError`]). Mistakes made at the JS boundary
//! itself (a number where a date string belongs, a fractional working-day
//! count, a missing argument, anything but a `Calendar` for a calendar) are
//! refused here, before core is called, with the code `invalid_type`;
//! well-typed objects whose content does not fit (an unknown deadline
//! policy, a malformed holiday layer) with `invalid_value`.
//!
//! The thrown object has this shape (see `PtspError` in the `.d.ts`):
//!
//! ```text
//! Error {
//!   name: "PtspError",
//!   code: "invalid_definition",            // stable snake_case
//!   message: "invalid calendar definition: …",   // English
//!   messages: { en: "…", id: "definisi kalender tidak valid: …" },
//!   errors: [{ path, code, message, message_id }, …],   // [] unless a validation error
//! }
//! ```

use js_sys::{Array, Object, Reflect};
use ptsp::desk::routing::RoutingError;
use ptsp::{CalendarError, CaseError, FormError, Lang, Problem, ProcedureError};
use wasm_bindgen::prelude::*;

/// The `name` of every error the binding throws.
pub const ERROR_NAME: &str = "PtspError";

#[wasm_bindgen(typescript_custom_section)]
const TS_ERRORS: &'static str = r#"
/**
 * Stable codes of the errors ptsp throws: those of the core library
 * (calendar, procedure, case, web-form and routing errors), plus
 * `invalid_type` (a JS value of the wrong type: a number where a date string
 * belongs, a fractional count, a missing argument) and `internal` (a bug in
 * the binding; please report it).
 */
export type ErrorCode =
  | "out_of_coverage"
  | "out_of_range"
  | "invalid_count"
  | "negative_duration"
  | "no_office_hours"
  | "invalid_definition"
  | "invalid_json"
  | "invalid_ical"
  | "invalid_value"
  | "shape_mismatch"
  | "invalid_procedure"
  | "incomplete_documents"
  | "invalid_input"
  | "unauthorized"
  | "wrong_state"
  | "wrong_step"
  | "unknown_outcome"
  | "outcome_required"
  | "not_allowed"
  | "not_routed"
  | "not_due"
  | "inconsistent_log"
  | "invalid_form"
  | "invalid_limits"
  | "invalid_rule_set"
  | "invalid_type"
  | "internal";

/**
 * One problem found while validating: a definition (calendar, procedure,
 * routing rule set), documents about to be submitted, or a web form.
 */
export interface Problem {
  /**
   * Path to the offending value, e.g. `layers[0].holidays[3].date`,
   * `documents[1].format`, `nik` or `attachments[2].bytes`.
   */
  path: string;
  /** Stable snake_case code, e.g. `conflicting_day`, `unknown_target`, `wrong_format`, `invalid_nik_serial`. */
  code: string;
  /** Message in English. */
  message: string;
  /** Message in Bahasa Indonesia. */
  message_id: string;
}

/** What every ptsp function throws: a real `Error` with a stable code. */
export interface PtspError extends Error {
  name: "PtspError";
  /** Stable snake_case code; match on this, not on the message. */
  code: ErrorCode;
  /** The message in English (`en`, also `message`) and Bahasa Indonesia (`id`). */
  messages: { en: string; id: string };
  /**
   * Every validation problem behind the error (`invalid_definition`,
   * `invalid_procedure`, `incomplete_documents`, `invalid_input`,
   * `invalid_form`, `invalid_limits`, `invalid_rule_set`), in the order core
   * found them; empty otherwise.
   */
  errors: Problem[];
}
"#;

/// What a parameter should have been, in English and Bahasa Indonesia.
///
/// # Example
/// ```
/// let e = ptsp_wasm::Expected { en: "an integer", id: "bilangan bulat" };
/// assert_eq!(e.id, "bilangan bulat");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Expected {
    /// In English.
    pub en: &'static str,
    /// In Bahasa Indonesia.
    pub id: &'static str,
}

/// What a binding call throws; converts into a JS `Error` (see the module
/// docs for its shape).
///
/// # Example
/// ```
/// use ptsp_wasm::BindingError;
/// let err = BindingError::from(ptsp::CalendarError::InvalidCount { n: 0 });
/// assert_eq!(err.code(), "invalid_count");
/// assert!(err.message(ptsp::Lang::Id).contains("tidak valid"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BindingError {
    code: &'static str,
    en: String,
    id: String,
    problems: Vec<Problem>,
}

impl BindingError {
    /// A JS value of the wrong type for parameter `param`. `found`
    /// describes the value given: its JS `typeof` and, for primitives, the
    /// value (`number 20261223`).
    ///
    /// # Example
    /// ```
    /// use ptsp_wasm::{BindingError, Expected};
    /// const DATE: Expected = Expected { en: "a date string YYYY-MM-DD", id: "string tanggal YYYY-MM-DD" };
    /// let e = BindingError::invalid_type("date", DATE, "number 20261223");
    /// assert_eq!(e.code(), "invalid_type");
    /// assert_eq!(e.message(ptsp::Lang::En),
    ///     "invalid type for date: expected a date string YYYY-MM-DD, found number 20261223");
    /// assert_eq!(e.message(ptsp::Lang::Id),
    ///     "tipe date tidak valid: seharusnya string tanggal YYYY-MM-DD, ditemukan number 20261223");
    /// ```
    pub fn invalid_type(param: &str, expected: Expected, found: &str) -> BindingError {
        BindingError {
            code: "invalid_type",
            en: format!(
                "invalid type for {param}: expected {}, found {found}",
                expected.en
            ),
            id: format!(
                "tipe {param} tidak valid: seharusnya {}, ditemukan {found}",
                expected.id
            ),
            problems: Vec::new(),
        }
    }

    /// A value of the right JS type whose content does not fit parameter
    /// `param` (the serde `detail` says what was expected and found).
    ///
    /// # Example
    /// ```
    /// let e = ptsp_wasm::BindingError::invalid_value("policy", r#"{"count_from":"x"}"#, "unknown variant `x`");
    /// assert_eq!(e.code(), "invalid_value");
    /// assert!(e.message(ptsp::Lang::En).starts_with("invalid policy {\"count_from\":\"x\"}"));
    /// ```
    pub fn invalid_value(param: &str, value: &str, detail: &str) -> BindingError {
        BindingError {
            code: "invalid_value",
            en: format!("invalid {param} {value}: {detail}"),
            id: format!("{param} {value} tidak valid: {detail}"),
            problems: Vec::new(),
        }
    }

    /// JSON text that does not read as the type asked for, worded as core
    /// words its own `invalid_json` errors (line, column, serde's detail).
    ///
    /// # Example
    /// ```
    /// let err = serde_json::from_str::<ptsp::Case>("{").unwrap_err();
    /// let e = ptsp_wasm::BindingError::invalid_json(&err);
    /// assert_eq!(e.code(), "invalid_json");
    /// assert!(e.message(ptsp::Lang::Id).starts_with("json tidak valid pada baris 1, kolom 1"));
    /// ```
    pub fn invalid_json(e: &serde_json::Error) -> BindingError {
        let (line, column) = (e.line(), e.column());
        BindingError {
            code: "invalid_json",
            en: format!("invalid json at line {line}, column {column}: {e}"),
            id: format!("json tidak valid pada baris {line}, kolom {column}: {e}"),
            problems: Vec::new(),
        }
    }

    /// A failure that is a bug in the binding, never the caller's fault.
    ///
    /// # Example
    /// ```
    /// assert_eq!(ptsp_wasm::BindingError::internal("x").code(), "internal");
    /// ```
    pub fn internal(detail: &str) -> BindingError {
        BindingError {
            code: "internal",
            en: format!("internal error in the ptsp binding (please report): {detail}"),
            id: format!("galat internal pada binding ptsp (mohon dilaporkan): {detail}"),
            problems: Vec::new(),
        }
    }

    /// The stable `snake_case` code.
    ///
    /// # Example
    /// ```
    /// assert_eq!(ptsp_wasm::BindingError::internal("x").code(), "internal");
    /// ```
    pub fn code(&self) -> &'static str {
        self.code
    }

    /// The message in the given language.
    ///
    /// # Example
    /// ```
    /// let e = ptsp_wasm::BindingError::internal("x");
    /// assert!(e.message(ptsp::Lang::Id).starts_with("galat internal"));
    /// ```
    pub fn message(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Id => &self.id,
        }
    }

    /// The validation problems: those of the core error (an invalid
    /// calendar definition or procedure, incomplete documents …); empty for
    /// other errors and for errors at the JS boundary.
    ///
    /// # Example
    /// ```
    /// assert!(ptsp_wasm::BindingError::internal("x").problems().is_empty());
    /// ```
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }
}

/// A core error: anything with a stable code, a message in both languages
/// and (for validation errors) its problems. Every error type of core has
/// these three methods; the binding maps them all alike, so a module or a
/// variant added to core needs one line here and nothing else.
pub trait CoreError {
    /// The stable `snake_case` code.
    fn code(&self) -> &'static str;
    /// The message in `lang`.
    fn message(&self, lang: Lang) -> String;
    /// The validation problems behind the error (empty otherwise).
    fn problems(&self) -> &[Problem];
}

/// Implements [`CoreError`] for core error types by their own methods.
macro_rules! core_errors {
    ($($t:ty),* $(,)?) => {$(
        impl CoreError for $t {
            fn code(&self) -> &'static str {
                <$t>::code(self)
            }
            fn message(&self, lang: Lang) -> String {
                <$t>::message(self, lang)
            }
            fn problems(&self) -> &[Problem] {
                <$t>::problems(self)
            }
        }
    )*};
}

core_errors!(
    ptsp::Error,
    CalendarError,
    ProcedureError,
    CaseError,
    FormError,
    RoutingError,
);

impl<E: CoreError> From<E> for BindingError {
    fn from(e: E) -> BindingError {
        BindingError {
            code: e.code(),
            en: e.message(Lang::En),
            id: e.message(Lang::Id),
            problems: e.problems().to_vec(),
        }
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
        set(&err, "code", &JsValue::from_str(e.code));
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
                set(&o, "code", &JsValue::from_str(&p.code));
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
    fn core_errors_keep_code_messages_and_problems() {
        let mut def = ptsp::CalendarDef::indonesia();
        def.utc_offset = "+25:00".into();
        let err = BindingError::from(ptsp::Calendar::new(def).unwrap_err());
        assert_eq!(err.code(), "invalid_definition");
        assert!(
            err.problems()
                .iter()
                .any(|p| p.code == "invalid_utc_offset")
        );
        assert!(
            err.message(Lang::Id)
                .starts_with("definisi kalender tidak valid")
        );
    }

    #[test]
    fn procedure_errors_keep_their_problems() {
        let mut def = serde_json::to_value(ptsp::ProcedureDef::jatim_permit()).unwrap();
        def["steps"][1]["outcomes"][0]["next"] = "nowhere".into();
        let err = BindingError::from(ptsp::Procedure::from_json(&def.to_string()).unwrap_err());
        assert_eq!(err.code(), "invalid_procedure");
        assert_eq!(err.problems()[0].code, "unknown_target");
        assert_eq!(err.problems()[0].path, "steps[1].outcomes[0].next");
        assert!(
            err.message(Lang::Id)
                .starts_with("definisi prosedur tidak valid")
        );
        let json = BindingError::from(ptsp::Procedure::from_json("[").unwrap_err());
        assert_eq!(json.code(), "invalid_json");
        assert!(json.problems().is_empty());
    }

    #[test]
    fn case_errors_keep_their_problems() {
        let p = ptsp::Procedure::jatim_permit();
        let problems = ptsp::check_documents(&p.def().documents, &[]);
        let err = BindingError::from(CaseError::InvalidInput {
            what: "documents",
            problems: problems.clone(),
        });
        assert_eq!(err.code(), "incomplete_documents");
        assert_eq!(err.problems(), problems.as_slice());
        assert_ne!(err.message(Lang::Id), err.message(Lang::En));
        let cal = BindingError::from(CaseError::Calendar(CalendarError::InvalidCount { n: 0 }));
        assert_eq!(cal.code(), "invalid_count");
        let routed = BindingError::from(CaseError::NotRouted { lane: "x".into() });
        assert_eq!(routed.code(), "not_routed");
        assert!(routed.problems().is_empty());
    }

    #[test]
    fn form_errors_keep_every_field_problem() {
        let form = ptsp::WebForm::default();
        let today = "2026-12-01".parse().unwrap();
        let err =
            ptsp::desk::form::validate(&form, &ptsp::FormLimits::default(), today).unwrap_err();
        let e = BindingError::from(err.clone());
        assert_eq!(e.code(), "invalid_form");
        assert_eq!(e.problems(), err.problems());
        assert_eq!(e.problems()[0].path, "kind");
        assert!(
            e.message(Lang::Id)
                .starts_with("formulir tidak valid: kind: ")
        );
        assert!(e.message(Lang::En).starts_with("invalid form: kind: "));
        // The same error through ptsp::Error maps identically.
        assert_eq!(BindingError::from(ptsp::Error::from(err)), e);
    }

    #[test]
    fn routing_errors_keep_their_problems() {
        let mut set = ptsp::desk::routing::RuleSet::sample();
        set.fallback = "nobody".into();
        let err = ptsp::desk::routing::Router::new(set).unwrap_err();
        let e = BindingError::from(err.clone());
        assert_eq!(BindingError::from(ptsp::Error::from(err)), e);
        assert_eq!(e.code(), "invalid_rule_set");
        assert_eq!(e.problems()[0].code, "unknown_fallback");
        assert!(
            e.message(Lang::Id)
                .starts_with("aturan perutean tidak valid")
        );
        let json = BindingError::from(ptsp::desk::routing::Router::from_json("[").unwrap_err());
        assert_eq!(json.code(), "invalid_json");
        assert!(json.problems().is_empty());
    }

    #[test]
    fn binding_json_errors_read_like_core_ones() {
        let serde = serde_json::from_str::<ptsp::Case>("[").unwrap_err();
        let core = BindingError::from(ptsp::Procedure::from_json("[").unwrap_err());
        let ours = BindingError::invalid_json(&serde);
        assert_eq!(ours.code(), core.code());
        let prefix = |s: &str| s.split(':').next().unwrap_or_default().to_owned();
        assert_eq!(
            prefix(ours.message(Lang::En)),
            prefix(core.message(Lang::En))
        );
        assert_eq!(
            prefix(ours.message(Lang::Id)),
            prefix(core.message(Lang::Id))
        );
    }

    #[test]
    fn boundary_errors_have_both_languages() {
        let int = Expected {
            en: "an integer",
            id: "bilangan bulat",
        };
        let e = BindingError::invalid_type("n", int, "number 1.5");
        assert_eq!(
            e.message(Lang::Id),
            "tipe n tidak valid: seharusnya bilangan bulat, ditemukan number 1.5"
        );
        assert!(e.problems().is_empty());
    }
}
