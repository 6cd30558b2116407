//! The web form of the consultation and complaint desk (core module
//! `ptsp::desk::form`): the one validator shared by the browser and the backend,
//! and its parts — NIK, phone and email — for field-by-field checks while
//! the applicant types.
//!
//! Every function converts its arguments in ([`crate::convert`]), calls core
//! once, and converts the result out; every failure is thrown as a
//! `PtspError` ([`crate::error`]). A form that fails validation throws
//! `invalid_form` with **every** field problem in `errors`, each with its
//! path (`nik`, `attachments[2].bytes`), code and message in both languages.

use wasm_bindgen::prelude::*;

use crate::convert::{self, Result};
use crate::error::Domain;

/// Validates a consultation or complaint form against the office's limits
/// (`null` or `undefined`: `defaultFormLimits()`; an object may leave out
/// fields, which take their defaults), with `today` resolving the century
/// of a NIK's birth year. Returns the normalised form; throws
/// `invalid_form` listing every problem in `errors` (in field order),
/// `invalid_limits` for inconsistent limits.
///
/// ```js
/// const form = { kind: "pengaduan", name: " Siti Rahayu ", nik: "3515144508680002",
///   phone: "0812-3456-7890", subject: "Izin belum terbit",
///   text: "Berkas saya lengkap sejak Oktober tetapi izin belum terbit." };
/// const valid = validateForm(form, null, "2026-12-01");
/// valid.phone;          // "+6281234567890"
/// valid.nik.province;   // "Jawa Timur"
/// try { validateForm({ ...form, nik: "", phone: "123" }, null, "2026-12-01") } catch (e) {
///   e.errors.map((p) => [p.path, p.code]); // [["nik", "required"], ["phone", "invalid_phone"]]
/// }
/// ```
#[wasm_bindgen(js_name = validateForm, unchecked_return_type = "ValidForm")]
pub fn validate_form(
    #[wasm_bindgen(unchecked_param_type = "WebForm")] form: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Partial<FormLimits> | null | undefined")]
    limits: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "IsoDate")] today: &JsValue,
) -> Result<JsValue> {
    let form: ptsp::WebForm = convert::object(form, "form", "", Domain::Form)?;
    let limits = convert::form_limits(limits)?;
    let today = convert::date(today, "today")?;
    convert::to_js(&ptsp::desk::form::validate(&form, &limits, today)?)
}

/// The default form limits (settings, not regulation): name 2–100
/// characters, subject 5–150, text 20–5000, at most 5 attachments of pdf,
/// jpg, jpeg or png, 5 MiB each and 10 MiB in all, an email or a phone
/// required, and a NIK for complaints.
#[wasm_bindgen(js_name = defaultFormLimits, unchecked_return_type = "FormLimits")]
pub fn default_form_limits() -> Result<JsValue> {
    convert::to_js(&ptsp::FormLimits::default())
}

/// Checks and decodes a NIK (16 digits; spaces, dots and hyphens between
/// them are ignored); `today` resolves the century of the birth year.
/// Throws `invalid_form` with every problem of the number (path `nik`).
///
/// ```js
/// parseNik("35 15 14 450868 0002", "2026-12-01").birth_date; // "1968-08-05"
/// ```
#[wasm_bindgen(js_name = parseNik, unchecked_return_type = "NikInfo")]
pub fn parse_nik(
    #[wasm_bindgen(unchecked_param_type = "string")] text: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "IsoDate")] today: &JsValue,
) -> Result<JsValue> {
    let text = convert::text(text, "text")?;
    let today = convert::date(today, "today")?;
    convert::to_js(&ptsp::Nik::parse(&text, today)?)
}

/// Normalises an Indonesian phone number to E.164 (`+62…`); throws
/// `invalid_form` (problem `invalid_phone`, path `phone`) otherwise.
///
/// ```js
/// normalizePhone("(031) 3520 7000"); // "+623135207000"
/// ```
#[wasm_bindgen(js_name = normalizePhone)]
pub fn normalize_phone(
    #[wasm_bindgen(unchecked_param_type = "string")] text: &JsValue,
) -> Result<String> {
    let text = convert::text(text, "text")?;
    Ok(ptsp::desk::form::normalize_phone(&text)?)
}

/// Checks an email address and lower-cases its domain; throws
/// `invalid_form` (problem `invalid_email`, path `email`) otherwise.
///
/// ```js
/// normalizeEmail(" Budi.Santoso@Jatimprov.GO.ID "); // "Budi.Santoso@jatimprov.go.id"
/// ```
#[wasm_bindgen(js_name = normalizeEmail)]
pub fn normalize_email(
    #[wasm_bindgen(unchecked_param_type = "string")] text: &JsValue,
) -> Result<String> {
    let text = convert::text(text, "text")?;
    Ok(ptsp::desk::form::normalize_email(&text)?)
}

/// The Kemendagri province codes a NIK can start with, in code order, each
/// with its name and the instrument that set it — the options of a
/// province field.
#[wasm_bindgen(unchecked_return_type = "Province[]")]
pub fn provinces() -> Result<JsValue> {
    convert::to_js(ptsp::desk::form::provinces())
}
