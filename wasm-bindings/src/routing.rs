//! Routing of consultations and complaints (core module `ptsp::desk::routing`)
//! as the JS class `Router`, with the Indonesian word normalisation it
//! matches by (`normalizeText`, `stem`).
//!
//! Every method converts its arguments in ([`crate::convert`]), calls core
//! once, and converts the result out; every failure is thrown as a
//! `PtspError` ([`crate::error`]). Suggestions are core's JSON with each
//! reason's text in both languages and, for keywords, the matched excerpt
//! and its span as JS string indices (see [`crate::convert`]).

use ptsp::desk::routing::RoutingInput;
use wasm_bindgen::prelude::*;

use crate::convert::{self, Result};
use crate::error::Domain;

/// A validated, compiled routing rule set: the divisions and agencies that
/// answer tickets, the rules that send a ticket to them, and the head of
/// complaints who gets what no rule routes.
///
/// ```js
/// const router = Router.sample(); // SAMPLE rules for DPMPTSP Jawa Timur
/// const [first] = router.suggest({ subject: "Perpanjangan izin",
///   text: "Bagaimana cara memperpanjang izin usaha perikanan tangkap kapal saya?" });
/// first.unit;                 // "dkp"
/// first.reasons[0].text.id;   // 'kata kunci … ditemukan sebagai … pada isi'
/// ```
#[wasm_bindgen]
pub struct Router {
    inner: ptsp::desk::routing::Router,
}

/// A routing input parameter.
fn input(v: &JsValue) -> Result<RoutingInput> {
    convert::object(v, "input", "", Domain::Routing)
}

#[wasm_bindgen]
impl Router {
    /// The sample rule set for DPMPTSP Jawa Timur (14 units, 30 rules).
    /// **Sample data**: the standard lists neither the office's divisions
    /// nor its routing rules; an office loads its own with `fromJson`.
    pub fn sample() -> Router {
        Router {
            inner: ptsp::desk::routing::Router::sample(),
        }
    }

    /// Reads a rule set (`RuleSet`) from JSON text, validates and compiles
    /// it. Malformed JSON throws `invalid_json`; a rule set with problems
    /// throws `invalid_rule_set` listing every problem in `errors`.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "string")] text: &JsValue,
    ) -> Result<Router> {
        let text = convert::text(text, "text")?;
        Ok(Router {
            inner: ptsp::desk::routing::Router::from_json(&text)?,
        })
    }

    /// The rule set as pretty JSON (what `fromJson` reads back).
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> String {
        self.inner.to_json()
    }

    /// The rule set as an object.
    #[wasm_bindgen(getter, js_name = ruleSet, unchecked_return_type = "RuleSet")]
    pub fn rule_set(&self) -> Result<JsValue> {
        convert::to_js(self.inner.rule_set())
    }

    /// A unit by id, with its name in both languages; `null` if there is
    /// none.
    #[wasm_bindgen(unchecked_return_type = "Unit | null")]
    pub fn unit(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: &JsValue,
    ) -> Result<JsValue> {
        let id = convert::text(id, "id")?;
        convert::to_js(&self.inner.unit(&id))
    }

    /// The units a ticket should go to, best first, each with the rule that
    /// matched and why (never empty: with no match, the head of complaints,
    /// reason `no_match`). One suggestion per unit; ranked by priority,
    /// then score, then rule order.
    #[wasm_bindgen(unchecked_return_type = "Suggestion[]")]
    pub fn suggest(
        &self,
        #[wasm_bindgen(unchecked_param_type = "RoutingInput")] input: &JsValue,
    ) -> Result<JsValue> {
        let input = self::input(input)?;
        convert::suggestions(&self.inner.suggest(&input), &input)
    }

    /// The suggestions again after the units in `rejectedUnits` said the
    /// ticket is not theirs. With no unit left, the head of complaints
    /// (reason `all_rejected`, or `no_match` if nothing matched at all),
    /// even if listed: it cannot decline. Unknown ids are ignored.
    #[wasm_bindgen(unchecked_return_type = "Suggestion[]")]
    pub fn redistribute(
        &self,
        #[wasm_bindgen(unchecked_param_type = "RoutingInput")] input: &JsValue,
        #[wasm_bindgen(js_name = rejectedUnits, unchecked_param_type = "string[]")]
        rejected_units: &JsValue,
    ) -> Result<JsValue> {
        let input = self::input(input)?;
        let rejected = convert::strings(rejected_units, "rejectedUnits")?;
        convert::suggestions(&self.inner.redistribute(&input, &rejected), &input)
    }

    /// The stem of a word as this router sees it: the built-in lexicon
    /// extended with the roots of the rule set's keywords.
    pub fn stem(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] word: &JsValue,
    ) -> Result<String> {
        let word = convert::text(word, "word")?;
        Ok(self.inner.stem(&word))
    }

    /// Every word of a text, normalised as this router matches it.
    pub fn normalize(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] text: &JsValue,
    ) -> Result<Vec<String>> {
        let text = convert::text(text, "text")?;
        Ok(self.inner.normalize(&text))
    }
}

/// Every word of a text, lower-cased, without diacritics and punctuation,
/// and stemmed with the built-in lexicon — how routing reads a ticket.
///
/// ```js
/// normalizeText("Perpanjangan izin usaha PERIKANAN!"); // ["panjang", "izin", "usaha", "ikan"]
/// ```
#[wasm_bindgen(js_name = normalizeText)]
pub fn normalize_text(
    #[wasm_bindgen(unchecked_param_type = "string")] text: &JsValue,
) -> Result<Vec<String>> {
    let text = convert::text(text, "text")?;
    Ok(ptsp::desk::routing::normalize(&text))
}

/// The root of an Indonesian word by a light affix stripper with the
/// built-in lexicon (`perizinan`, `mengizinkan` → `izin`).
///
/// ```js
/// stem("pemeriksaan"); // "periksa"
/// ```
#[wasm_bindgen]
pub fn stem(#[wasm_bindgen(unchecked_param_type = "string")] word: &JsValue) -> Result<String> {
    let word = convert::text(word, "word")?;
    Ok(ptsp::desk::routing::stem(&word))
}
