//! The working-day calendar (core module `ptsp::calendar`) as the JS class
//! `Calendar`, its weekends-only view `Assuming`, and the iCalendar import
//! and export of holiday layers.
//!
//! Every method converts its arguments in ([`crate::convert`]), calls core
//! once, and converts the result out; every failure is thrown as a
//! `PtspError` ([`crate::error`]).

use std::rc::Rc;

#[cfg(feature = "full")]
use ptsp::HolidayLayer;
use ptsp::error::phrase;
use wasm_bindgen::prelude::*;

use crate::convert::{self, Result};
#[cfg(feature = "full")]
use crate::error::{BindingError, Domain};

/// A validated, compiled working-day calendar: weekmask, holiday layers
/// with their decrees, extra working days, office hours and UTC offset.
///
/// Days outside the covered years are refused with `out_of_coverage`; use
/// `assumingWeekendsOnly()` to opt in to treating them as weekends-only.
///
/// ```js
/// const cal = Calendar.jatim();
/// cal.addWorkingDays("2025-03-27", 1);           // "2025-04-08" (Lebaran)
/// cal.deadline("2026-12-23T14:20:00+07:00", 3).due_at; // "2026-12-30T16:00:00+07:00"
/// ```
#[wasm_bindgen]
pub struct Calendar {
    inner: Rc<ptsp::Calendar>,
}

impl From<ptsp::Calendar> for Calendar {
    fn from(cal: ptsp::Calendar) -> Calendar {
        Calendar {
            inner: Rc::new(cal),
        }
    }
}

impl Calendar {
    /// The JS name of [`Calendar::share`].
    pub(crate) const SHARE: &'static str = "__ptspShare";

    /// The core calendar this object stands for.
    pub(crate) fn core(&self) -> &ptsp::Calendar {
        &self.inner
    }
}

#[wasm_bindgen]
impl Calendar {
    /// The built-in national calendar of Indonesia: Monday–Friday, national
    /// holidays and *cuti bersama* (collective leave) from the joint
    /// ministerial decrees, WIB (+07:00), no office hours.
    pub fn indonesia() -> Calendar {
        ptsp::Calendar::indonesia().into()
    }

    /// The national calendar with the office hours of the East Java
    /// provincial government (Monday–Thursday 07:30–16:00, Friday
    /// 07:30–16:30, WIB).
    pub fn jatim() -> Calendar {
        ptsp::Calendar::jatim().into()
    }

    /// Reads a calendar definition (`CalendarDef`) from JSON text and builds
    /// it. Malformed JSON throws `invalid_json`; a definition with problems
    /// throws `invalid_definition` listing every problem in `errors`.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "string")] text: &JsValue,
    ) -> Result<Calendar> {
        let text = convert::text(text, "text")?;
        Ok(ptsp::Calendar::from_json(&text)?.into())
    }

    /// The definition as pretty JSON (what `fromJson` reads back).
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> String {
        self.inner.to_json()
    }

    /// The calendar's id.
    #[wasm_bindgen(getter)]
    pub fn id(&self) -> String {
        self.inner.def().id.clone()
    }

    /// The covered years: those every coverage-claiming layer knows.
    #[wasm_bindgen(getter, unchecked_return_type = "YearSpan")]
    pub fn coverage(&self) -> Result<JsValue> {
        convert::to_js(&self.inner.coverage())
    }

    /// Whether a covered year's holidays are decreed or provisional; `null`
    /// outside coverage.
    #[wasm_bindgen(js_name = yearStatus, unchecked_return_type = "YearStatus | null")]
    pub fn year_status(
        &self,
        #[wasm_bindgen(unchecked_param_type = "number")] year: &JsValue,
    ) -> Result<JsValue> {
        let year = convert::integer_in(year, "year", phrase::YEAR)?;
        convert::to_js(&self.inner.year_status(year))
    }

    /// Whether `date` is a working day (*hari kerja*).
    #[wasm_bindgen(js_name = isWorkingDay)]
    pub fn is_working_day(
        &self,
        #[wasm_bindgen(unchecked_param_type = "IsoDate")] date: &JsValue,
    ) -> Result<bool> {
        let d = convert::date(date, "date")?;
        Ok(self.inner.is_working_day(d)?)
    }

    /// The first working day strictly after `date`.
    #[wasm_bindgen(js_name = nextWorkingDay, unchecked_return_type = "IsoDate")]
    pub fn next_working_day(
        &self,
        #[wasm_bindgen(unchecked_param_type = "IsoDate")] date: &JsValue,
    ) -> Result<String> {
        let d = convert::date(date, "date")?;
        Ok(convert::date_out(self.inner.next_working_day(d)?))
    }

    /// The last working day strictly before `date`.
    #[wasm_bindgen(js_name = previousWorkingDay, unchecked_return_type = "IsoDate")]
    pub fn previous_working_day(
        &self,
        #[wasm_bindgen(unchecked_param_type = "IsoDate")] date: &JsValue,
    ) -> Result<String> {
        let d = convert::date(date, "date")?;
        Ok(convert::date_out(self.inner.previous_working_day(d)?))
    }

    /// Adds `n` working days to `date` — numpy's `busday_offset` with
    /// `roll="forward"` for `n ≥ 0` and `roll="backward"` for `n < 0`.
    #[wasm_bindgen(js_name = addWorkingDays, unchecked_return_type = "IsoDate")]
    pub fn add_working_days(
        &self,
        #[wasm_bindgen(unchecked_param_type = "IsoDate")] date: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] n: &JsValue,
    ) -> Result<String> {
        let (d, n) = (convert::date(date, "date")?, convert::integer(n, "n")?);
        Ok(convert::date_out(self.inner.add_working_days(d, n)?))
    }

    /// The number of working days in `[a, b)`, negative when `b < a` —
    /// numpy's `busday_count`.
    #[wasm_bindgen(js_name = workingDaysBetween)]
    pub fn working_days_between(
        &self,
        #[wasm_bindgen(unchecked_param_type = "IsoDate")] a: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "IsoDate")] b: &JsValue,
    ) -> Result<f64> {
        let (a, b) = (convert::date(a, "a")?, convert::date(b, "b")?);
        Ok(convert::count_out(self.inner.working_days_between(a, b)?))
    }

    /// The statutory deadline of "at most `n` working days after receipt at
    /// `received`", counted by `policy` (default: day 1 is the first working
    /// day after receipt; a late receipt counts from the next opening).
    /// Needs office hours.
    #[wasm_bindgen(unchecked_return_type = "Deadline")]
    pub fn deadline(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Instant")] received: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] n: &JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "DeadlinePolicy | null")] policy: &JsValue,
    ) -> Result<JsValue> {
        let at = convert::instant(received, "received")?;
        let (n, policy) = (convert::integer(n, "n")?, convert::policy(policy)?);
        convert::to_js(&self.inner.deadline(at, n, &policy)?)
    }

    /// The deadline with every day from receipt to due date and why it
    /// counted or not, and a plain-text account in `lang` (default
    /// English; `"id"` for Bahasa Indonesia).
    #[wasm_bindgen(js_name = explainDeadline, unchecked_return_type = "RenderedExplanation")]
    pub fn explain_deadline(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Instant")] received: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] n: &JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "DeadlinePolicy | null")] policy: &JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Lang | null")] lang: &JsValue,
    ) -> Result<JsValue> {
        let at = convert::instant(received, "received")?;
        let (n, policy) = (convert::integer(n, "n")?, convert::policy(policy)?);
        let lang = convert::lang(lang)?;
        convert::explanation(&self.inner.explain_deadline(at, n, &policy)?, lang)
    }

    /// Adds a working duration (whole seconds) to an instant: only time
    /// inside office hours, outside breaks, on working days counts. The
    /// result is in the office's UTC offset.
    #[wasm_bindgen(js_name = addWorkingTime, unchecked_return_type = "Instant")]
    pub fn add_working_time(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Instant")] at: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] seconds: &JsValue,
    ) -> Result<String> {
        let at = convert::instant(at, "at")?;
        let dur = convert::seconds(seconds, "seconds")?;
        Ok(convert::instant_out(self.inner.add_working_time(at, dur)?))
    }

    /// Working time between two instants, in seconds (negative when `b` is
    /// before `a`).
    #[wasm_bindgen(js_name = workingTimeBetween)]
    pub fn working_time_between(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Instant")] a: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "Instant")] b: &JsValue,
    ) -> Result<f64> {
        let (a, b) = (convert::instant(a, "a")?, convert::instant(b, "b")?);
        Ok(convert::seconds_out(self.inner.working_time_between(a, b)?))
    }

    /// Every holiday entry of `year`, in date order, with its decree.
    #[wasm_bindgen(unchecked_return_type = "HolidayInfo[]")]
    pub fn holidays(
        &self,
        #[wasm_bindgen(unchecked_param_type = "number")] year: &JsValue,
    ) -> Result<JsValue> {
        let year = convert::integer_in(year, "year", phrase::YEAR)?;
        convert::to_js(&self.inner.holidays(year)?)
    }

    /// A view that treats days outside coverage as weekends-only (weekmask,
    /// no holidays); every result says which years were assumed.
    #[wasm_bindgen(js_name = assumingWeekendsOnly)]
    pub fn assuming_weekends_only(&self) -> Assuming {
        Assuming {
            cal: Rc::clone(&self.inner),
        }
    }

    /// Not part of the JS API (absent from the `.d.ts`): a second handle on
    /// the same calendar. A binding function given a `Calendar` argument
    /// takes ownership of this handle instead of the caller's object, so it
    /// can refuse a wrong argument with `invalid_type` rather than
    /// wasm-bindgen's untyped error, and leaves the caller's calendar
    /// usable (see `convert::calendar`).
    #[wasm_bindgen(js_name = __ptspShare, skip_typescript)]
    pub fn share(&self) -> Calendar {
        Calendar {
            inner: Rc::clone(&self.inner),
        }
    }
}

/// A view of a `Calendar` that treats uncovered years as weekends-only
/// (made by `Calendar.assumingWeekendsOnly()`). Its methods mirror the
/// calendar's and return `{value, assumed}`, `assumed` listing the year
/// ranges that had to be assumed (empty when none was needed).
#[wasm_bindgen]
pub struct Assuming {
    cal: Rc<ptsp::Calendar>,
}

impl Assuming {
    /// The core view this object stands for.
    fn view(&self) -> ptsp::Assuming<'_> {
        self.cal.assuming_weekends_only()
    }
}

#[wasm_bindgen]
impl Assuming {
    /// See `Calendar.isWorkingDay`.
    #[wasm_bindgen(js_name = isWorkingDay, unchecked_return_type = "Estimate<boolean>")]
    pub fn is_working_day(
        &self,
        #[wasm_bindgen(unchecked_param_type = "IsoDate")] date: &JsValue,
    ) -> Result<JsValue> {
        let d = convert::date(date, "date")?;
        convert::estimate(self.view().is_working_day(d)?, |v| v)
    }

    /// See `Calendar.nextWorkingDay`.
    #[wasm_bindgen(js_name = nextWorkingDay, unchecked_return_type = "Estimate<IsoDate>")]
    pub fn next_working_day(
        &self,
        #[wasm_bindgen(unchecked_param_type = "IsoDate")] date: &JsValue,
    ) -> Result<JsValue> {
        let d = convert::date(date, "date")?;
        let e = self.view().next_working_day(d)?;
        convert::estimate(e, convert::date_out)
    }

    /// See `Calendar.previousWorkingDay`.
    #[wasm_bindgen(js_name = previousWorkingDay, unchecked_return_type = "Estimate<IsoDate>")]
    pub fn previous_working_day(
        &self,
        #[wasm_bindgen(unchecked_param_type = "IsoDate")] date: &JsValue,
    ) -> Result<JsValue> {
        let d = convert::date(date, "date")?;
        let e = self.view().previous_working_day(d)?;
        convert::estimate(e, convert::date_out)
    }

    /// See `Calendar.addWorkingDays`.
    #[wasm_bindgen(js_name = addWorkingDays, unchecked_return_type = "Estimate<IsoDate>")]
    pub fn add_working_days(
        &self,
        #[wasm_bindgen(unchecked_param_type = "IsoDate")] date: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] n: &JsValue,
    ) -> Result<JsValue> {
        let (d, n) = (convert::date(date, "date")?, convert::integer(n, "n")?);
        let e = self.view().add_working_days(d, n)?;
        convert::estimate(e, convert::date_out)
    }

    /// See `Calendar.workingDaysBetween`.
    #[wasm_bindgen(js_name = workingDaysBetween, unchecked_return_type = "Estimate<number>")]
    pub fn working_days_between(
        &self,
        #[wasm_bindgen(unchecked_param_type = "IsoDate")] a: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "IsoDate")] b: &JsValue,
    ) -> Result<JsValue> {
        let (a, b) = (convert::date(a, "a")?, convert::date(b, "b")?);
        let e = self.view().working_days_between(a, b)?;
        convert::estimate(e, convert::count_out)
    }

    /// See `Calendar.deadline`.
    #[wasm_bindgen(unchecked_return_type = "Estimate<Deadline>")]
    pub fn deadline(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Instant")] received: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] n: &JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "DeadlinePolicy | null")] policy: &JsValue,
    ) -> Result<JsValue> {
        let at = convert::instant(received, "received")?;
        let (n, policy) = (convert::integer(n, "n")?, convert::policy(policy)?);
        let e = self.view().deadline(at, n, &policy)?;
        convert::estimate(e, |v| v)
    }

    /// See `Calendar.explainDeadline`.
    #[wasm_bindgen(js_name = explainDeadline, unchecked_return_type = "Estimate<RenderedExplanation>")]
    pub fn explain_deadline(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Instant")] received: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] n: &JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "DeadlinePolicy | null")] policy: &JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Lang | null")] lang: &JsValue,
    ) -> Result<JsValue> {
        let at = convert::instant(received, "received")?;
        let (n, policy) = (convert::integer(n, "n")?, convert::policy(policy)?);
        let lang = convert::lang(lang)?;
        let e = self.view().explain_deadline(at, n, &policy)?;
        convert::explanation_estimate(&e, lang)
    }

    /// See `Calendar.addWorkingTime`.
    #[wasm_bindgen(js_name = addWorkingTime, unchecked_return_type = "Estimate<Instant>")]
    pub fn add_working_time(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Instant")] at: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] seconds: &JsValue,
    ) -> Result<JsValue> {
        let at = convert::instant(at, "at")?;
        let dur = convert::seconds(seconds, "seconds")?;
        let e = self.view().add_working_time(at, dur)?;
        convert::estimate(e, convert::instant_out)
    }

    /// See `Calendar.workingTimeBetween`.
    #[wasm_bindgen(js_name = workingTimeBetween, unchecked_return_type = "Estimate<number>")]
    pub fn working_time_between(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Instant")] a: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "Instant")] b: &JsValue,
    ) -> Result<JsValue> {
        let (a, b) = (convert::instant(a, "a")?, convert::instant(b, "b")?);
        let e = self.view().working_time_between(a, b)?;
        convert::estimate(e, convert::seconds_out)
    }
}

/// Reads the all-day events of an iCalendar file as a holiday layer
/// (`HolidayLayer`); a multi-day event gives one holiday per day. Timed,
/// recurring or malformed events, days outside 1900–2200 and more days than
/// the limits allow throw `invalid_ical`. The layer is not otherwise
/// validated here; building a calendar with it does that.
///
/// ```js
/// const layer = layerFromIcal(ics, { layer_id: "kantor-x", layer_name: "Kantor X",
///                                    default_kind: "office_closure" });
/// ```
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = layerFromIcal, unchecked_return_type = "HolidayLayer")]
pub fn layer_from_ical(
    #[wasm_bindgen(unchecked_param_type = "string")] text: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "IcalImport")] options: &JsValue,
) -> Result<JsValue, BindingError> {
    let text = convert::text(text, "text")?;
    let opts = convert::object(options, "options", "", Domain::Calendar)?;
    convert::to_js(&HolidayLayer::from_ical(&text, &opts)?)
}

/// Writes a holiday layer as an iCalendar file, one all-day event per
/// holiday, carrying everything `layerFromIcal` needs to give back the
/// identical layer. Deterministic: it never reads the clock. A layer
/// `layerFromIcal` would refuse (years outside the supported range, too
/// many holidays) throws `invalid_definition`.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = layerToIcal)]
pub fn layer_to_ical(
    #[wasm_bindgen(unchecked_param_type = "HolidayLayer")] layer: &JsValue,
) -> Result<String, BindingError> {
    let layer: HolidayLayer = convert::object(layer, "layer", "", Domain::Calendar)?;
    Ok(layer.to_ical()?)
}
