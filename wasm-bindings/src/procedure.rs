//! Procedure definitions (core module `ptsp::procedure`) as the JS class
//! `Procedure` — the permit flow and the consultation and complaint flows
//! of the desk — with the two questions a browser form asks before an
//! application is filed: are the documents complete
//! (`ptsp::check_documents`), and when would it be done at the latest
//! (`ptsp::sla::preview`).
//!
//! Every method converts its arguments in ([`crate::convert`]), calls core
//! once, and converts the result out; every failure is thrown as a
//! `PtspError` ([`crate::error`]).

use std::rc::Rc;

use wasm_bindgen::prelude::*;

use crate::convert::{self, Result};
use crate::error::Domain;

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
    inner: Rc<ptsp::Procedure>,
}

impl From<ptsp::Procedure> for Procedure {
    fn from(p: ptsp::Procedure) -> Procedure {
        Procedure { inner: Rc::new(p) }
    }
}

// Only functions of the full package take a `Procedure` argument.
#[cfg(feature = "full")]
impl Procedure {
    /// The JS name of [`Procedure::share`].
    pub(crate) const SHARE: &'static str = "__ptspShareProcedure";

    /// The core procedure this object stands for.
    pub(crate) fn core(&self) -> &ptsp::Procedure {
        &self.inner
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

    /// The consultation flow of the desk (*konsultasi*): the Operator
    /// classifies the question (answers it, "Ya", or not, "Tidak"); the head
    /// of complaints (*Kepala Bidang Pengaduan*) validates the Operator's
    /// answer or distributes the question to a unit, which answers or says
    /// it is not theirs; "Belum Valid" sends an answer back; the authorised
    /// official delivers it. No step has an SLA (the standard gives none).
    #[cfg(feature = "full")]
    #[wasm_bindgen(js_name = jatimConsultation)]
    pub fn jatim_consultation() -> Procedure {
        ptsp::Procedure::jatim_consultation().into()
    }

    /// The complaint flow of the desk (*pengaduan*): the consultation's
    /// routing plus the admin's verification (verify with a severity tier,
    /// postpone back to the complainant, forward to another agency, archive),
    /// tier deadlines of 2, 5, 14 and 60 working days, the complainant's
    /// confirmation or reopening, and a unit lane that does not see who
    /// complained (Perpres 76/2013).
    #[cfg(feature = "full")]
    #[wasm_bindgen(js_name = jatimComplaint)]
    pub fn jatim_complaint() -> Procedure {
        ptsp::Procedure::jatim_complaint().into()
    }

    /// The suggestion flow of the desk (*saran/masukan*, seed §7):
    /// acknowledged by the Operator (noted at once, or passed on),
    /// distributed to the unit concerned, which answers or notes it (or
    /// declines: back to distribution); no tier, no SLA.
    #[cfg(feature = "full")]
    #[wasm_bindgen(js_name = jatimSuggestion)]
    pub fn jatim_suggestion() -> Procedure {
        ptsp::Procedure::jatim_suggestion().into()
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

    /// The lanes (who does what), in definition order.
    #[wasm_bindgen(getter, unchecked_return_type = "LaneDef[]")]
    pub fn lanes(&self) -> Result<JsValue> {
        convert::to_js(&self.inner.def().lanes)
    }

    /// The severity tiers and their case deadlines (empty for a procedure
    /// without tiers).
    #[wasm_bindgen(getter, unchecked_return_type = "Tier[]")]
    pub fn tiers(&self) -> Result<JsValue> {
        convert::to_js(&self.inner.def().tiers)
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
        let submitted = convert::objects(submitted, "submitted", Domain::Case)?;
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

    /// Not part of the JS API (absent from the `.d.ts`): a second handle on
    /// the same procedure, taken over by a function given a `Procedure`
    /// argument (see `Calendar.__ptspShare` and `convert::handle`).
    #[cfg(feature = "full")]
    #[wasm_bindgen(js_name = __ptspShareProcedure, skip_typescript)]
    pub fn share(&self) -> Procedure {
        Procedure {
            inner: Rc::clone(&self.inner),
        }
    }
}
