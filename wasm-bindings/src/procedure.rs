//! Procedure definitions (core module `ptsp::procedure`) as the JS class
//! `Procedure`, with the two questions a browser form asks before an
//! application is filed: are the documents complete
//! (`ptsp::check_documents`), and when would it be done at the latest
//! (`ptsp::sla::preview`).
//!
//! Every method converts its arguments in ([`crate::convert`]), calls core
//! once, and converts the result out; every failure is thrown as a
//! `PtspError` ([`crate::error`]).

use wasm_bindgen::prelude::*;

use crate::convert::{self, Result};

/// A validated procedure (*Sistem, Mekanisme dan Prosedur*): lanes and
/// roles, steps with outcomes and SLAs, and the documents an applicant
/// uploads.
///
/// ```js
/// const p = Procedure.jatimPermit();
/// p.checkDocuments([{ code: "ktp", format: "docx", bytes: 35000 }])
///   .map((g) => g.code);      // ["wrong_format", "missing_document", …]
/// p.previewCompletion(Calendar.jatim(), "2026-12-22T09:15:00+07:00").completion;
///                             // "2027-01-06T16:00:00+07:00"
/// ```
#[wasm_bindgen]
pub struct Procedure {
    inner: ptsp::Procedure,
}

impl From<ptsp::Procedure> for Procedure {
    fn from(p: ptsp::Procedure) -> Procedure {
        Procedure { inner: p }
    }
}

#[wasm_bindgen]
impl Procedure {
    /// The built-in permit procedure of the East Java one-stop office
    /// (DPMPTSP Jawa Timur): upload (applicant) → document check, at most 3
    /// working days → official report / recommendation (technical agency)
    /// → approval, at most 3 working days → print the permit. Its document
    /// list is sample data.
    #[wasm_bindgen(js_name = jatimPermit)]
    pub fn jatim_permit() -> Procedure {
        ptsp::Procedure::jatim_permit().into()
    }

    /// Reads a procedure definition (`ProcedureDef`) from JSON text and
    /// validates it. Malformed JSON throws `invalid_json`; a definition with
    /// problems throws `invalid_procedure` listing every problem in
    /// `errors`.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "string")] text: &JsValue,
    ) -> Result<Procedure> {
        let text = convert::text(text, "text")?;
        Ok(ptsp::Procedure::from_json(&text)?.into())
    }

    /// The definition as pretty JSON (what `fromJson` reads back).
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> String {
        self.inner.to_json()
    }

    /// The procedure's id.
    #[wasm_bindgen(getter)]
    pub fn id(&self) -> String {
        self.inner.def().id.clone()
    }

    /// The definition's version (a case pins the version it started on).
    #[wasm_bindgen(getter)]
    pub fn version(&self) -> u32 {
        self.inner.def().version
    }

    /// The procedure's name in Bahasa Indonesia and English.
    #[wasm_bindgen(getter, unchecked_return_type = "Label")]
    pub fn name(&self) -> Result<JsValue> {
        convert::to_js(&self.inner.def().name)
    }

    /// The documents an applicant uploads, mandatory or not, with their
    /// accepted formats and largest sizes — what a form lists.
    #[wasm_bindgen(getter, unchecked_return_type = "DocumentRequirement[]")]
    pub fn documents(&self) -> Result<JsValue> {
        convert::to_js(&self.inner.def().documents)
    }

    /// The steps, in definition order.
    #[wasm_bindgen(getter, unchecked_return_type = "StepDef[]")]
    pub fn steps(&self) -> Result<JsValue> {
        convert::to_js(&self.inner.def().steps)
    }

    /// Checks documents about to be submitted (`[{code, format, bytes}]`)
    /// against the requirements and returns every gap at once — a missing
    /// mandatory document, an unknown code, a wrong format, a file too large
    /// or empty, a duplicate — each `{path, code, message, message_id}`. An
    /// empty array means the submission is complete.
    #[wasm_bindgen(js_name = checkDocuments, unchecked_return_type = "Problem[]")]
    pub fn check_documents(
        &self,
        #[wasm_bindgen(unchecked_param_type = "SubmittedDocument[]")] submitted: &JsValue,
    ) -> Result<JsValue> {
        let submitted = convert::submitted_documents(submitted, "submitted")?;
        convert::to_js(&ptsp::check_documents(
            &self.inner.def().documents,
            &submitted,
        ))
    }

    /// When an application submitted at `submittedAt` would be done at the
    /// latest, if every step along the main path takes its full SLA on
    /// `calendar` (which needs office hours). Steps without an SLA are
    /// listed in `untimed` and counted as taking no time.
    #[wasm_bindgen(js_name = previewCompletion, unchecked_return_type = "Preview")]
    pub fn preview_completion(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Calendar")] calendar: &JsValue,
        #[wasm_bindgen(js_name = submittedAt, unchecked_param_type = "Instant")]
        submitted_at: &JsValue,
    ) -> Result<JsValue> {
        let calendar = convert::calendar(calendar, "calendar")?;
        let at = convert::instant(submitted_at, "submittedAt")?;
        convert::to_js(&ptsp::sla::preview(&self.inner, calendar.core(), at)?)
    }
}
