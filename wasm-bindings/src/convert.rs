//! Every conversion between JS values and core types, in both directions.
//!
//! * Dates travel as ISO 8601 strings `YYYY-MM-DD`, instants as RFC 3339
//!   strings with their offset, both parsed by core
//!   ([`ptsp::calendar::parse_date`], [`ptsp::calendar::parse_instant`]).
//!   Instants going out are written exactly as core's serde JSON writes
//!   them (fractional seconds only when present).
//! * Counts, years and durations (in seconds) are JS numbers holding safe
//!   integers (|x| ≤ `Number.MAX_SAFE_INTEGER`); anything else is refused
//!   with `invalid_type`, never rounded.
//! * Objects (deadline policies, iCalendar options, holiday layers,
//!   submitted documents) and results (deadlines, explanations, holidays,
//!   estimates, document problems, completion previews) are core's serde
//!   types, crossing as JSON: `JSON.stringify` then serde on the way in,
//!   serde then `JSON.parse` on the way out. Field names are therefore
//!   core's `snake_case` ones, identical to the JSON of the Rust and Python
//!   layers and of the shared fixtures.
//! * A `Calendar` argument is borrowed through a second handle on it, so a
//!   wrong argument is `invalid_type` and the caller's object stays usable
//!   ([`calendar`]).

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, SecondsFormat};
use js_sys::{Array, Function, JSON, Reflect};
use ptsp::calendar::{parse_date, parse_instant};
use ptsp::{CalendarError, DeadlinePolicy, Estimate, Explanation, Lang, SubmittedDocument};
use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::convert::TryFromJsValue;
use wasm_bindgen::prelude::*;

use crate::calendar::Calendar;
use crate::error::{BindingError, Expected};

/// Results of conversions and binding calls.
pub(crate) type Result<T, E = BindingError> = std::result::Result<T, E>;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** An ISO 8601 calendar date, `YYYY-MM-DD` (e.g. `"2026-12-24"`). */
export type IsoDate = string;
/** An RFC 3339 instant with its UTC offset (e.g. `"2026-12-24T16:45:00+07:00"`). */
export type Instant = string;
/** A language of messages and explanations: Bahasa Indonesia or English. */
export type Lang = "id" | "en";
/** The kind of a day off. */
export type HolidayKind = "national_holiday" | "cuti_bersama" | "regional" | "office_closure";
/** How much is known about a year's holidays. */
export type YearStatus = "decreed" | "provisional" | "unknown";
/** Which day is day 1 of a statutory period. */
export type CountFrom = "next_working_day" | "receipt_day";
/** What a receipt after the close of office hours means. */
export type AfterHours = "next_working_day" | "same_day";
/** The part a day plays in a deadline's count. */
export type DayRole = "received" | "counted_as_received" | "counted" | "skipped";
/** Why a day does not count. */
export type SkipReason = "weekend" | "holiday" | "assumed_weekend";

/** An inclusive range of years. */
export interface YearSpan { first: number; last: number }

/** The convention for counting a statutory deadline; omitted fields take the defaults. */
export interface DeadlinePolicy {
  /** Default `"next_working_day"`: the day of receipt is not counted. */
  count_from?: CountFrom;
  /** Default `"next_working_day"`: a late receipt counts from the next opening. */
  after_hours?: AfterHours;
}

/** A statutory deadline and how it was counted. */
export interface Deadline {
  /** When the file arrived, in the office's offset. */
  received_at: Instant;
  /** When it counts as received (the next opening for a late receipt). */
  counted_received_at: Instant;
  /** Whether it arrived after hours or on a non-working day. */
  late_receipt: boolean;
  /** Day 1 of the period. */
  day_one: IsoDate;
  /** The N-th working day. */
  due_date: IsoDate;
  /** The close of office hours on the due date. */
  due_at: Instant;
  /** N. */
  working_days: number;
  /** The convention used. */
  policy: Required<DeadlinePolicy>;
}

/** A legal source: the decree that set some days. */
export interface Source {
  id: string;
  title: string;
  numbers?: string[];
  signed?: IsoDate | null;
  amends?: string | null;
  note?: string | null;
}

/** One holiday entry with its decree resolved. */
export interface HolidayInfo {
  date: IsoDate;
  /** Indonesian name. */
  name: string;
  /** English name, where known. */
  name_en?: string;
  kind: HolidayKind;
  /** Id of the layer it comes from. */
  layer: string;
  /** The decree that set it. */
  source: Source;
  /** Whether this calendar treats the day as a day off. */
  non_working: boolean;
}

/** One day of an explanation. */
export interface ExplainedDay {
  date: IsoDate;
  role: DayRole;
  /** For counted days: 1 for day 1, … N for the due date. */
  ordinal?: number;
  /** For days that do not work: why. */
  reason?: SkipReason;
  /** Holiday entries on this day (absent when none). */
  holidays?: HolidayInfo[];
}

/** A deadline, every day from receipt to due date, and a plain-text account. */
export interface Explanation {
  deadline: Deadline;
  days: ExplainedDay[];
  /** One line per day, in the language asked for. */
  text: string;
}

/** A result computed with uncovered years assumed weekends-only. */
export interface Estimate<T> {
  value: T;
  /** The uncovered year ranges that were assumed (empty when none was needed). */
  assumed: YearSpan[];
}

/** One decreed day off in a layer. */
export interface Holiday {
  date: IsoDate;
  name: string;
  name_en?: string;
  kind: HolidayKind;
  /** Id of the source (in the same layer) that set it. */
  source: string;
}

/** One year of a layer and its status. */
export interface YearEntry { year: number; status: YearStatus; note?: string | null }

/** A set of holidays from one authority. */
export interface HolidayLayer {
  id: string;
  name: string;
  sources?: Source[];
  years?: YearEntry[];
  holidays?: Holiday[];
}

/** How to read an iCalendar file that did not come from this library. */
export interface IcalImport {
  layer_id: string;
  layer_name: string;
  default_kind: HolidayKind;
}

/** A time of day, `HH:MM` or `HH:MM:SS` (24-hour; `24:00` as a closing time). */
export type ClockTime = string;
/** A break inside a working day. */
export interface Break { start: ClockTime; end: ClockTime }
/** The hours of one weekday. */
export interface DayHours { open: ClockTime; close: ClockTime; breaks?: Break[] }
/** Office hours per weekday. */
export interface OfficeHours {
  mon?: DayHours; tue?: DayHours; wed?: DayHours; thu?: DayHours;
  fri?: DayHours; sat?: DayHours; sun?: DayHours; note?: string;
}
/** A day that works although the weekmask says otherwise. */
export interface ExtraWorkingDay { date: IsoDate; name: string; source?: string }
/** A whole calendar as data: what `Calendar.fromJson` reads and `toJson` writes. */
export interface CalendarDef {
  id: string;
  name: string;
  /** Seven 0/1 digits from Monday (`"1111100"`) or day names. */
  weekmask?: string;
  non_working_kinds?: HolidayKind[];
  layers: HolidayLayer[];
  extra_working_days?: ExtraWorkingDay[];
  office_hours?: OfficeHours;
  /** `"+07:00"` (WIB), `"+08:00"` (WITA), `"+09:00"` (WIT). */
  utc_offset?: string;
}
"#;

#[wasm_bindgen(typescript_custom_section)]
const TS_PROCEDURE_TYPES: &'static str = r#"
/** A name in both languages of the standard. */
export interface Label {
  /** Bahasa Indonesia. */
  id: string;
  /** English. */
  en: string;
}
/** Who a lane's work belongs to: the applicant, the office, or a unit the case is routed to. */
export type LaneKind = "applicant" | "office" | "routed_unit";
/** Task, decision or end. */
export type StepKind = "task" | "decision" | "end";
/** How a case ends. */
export type EndKind = "approved" | "rejected" | "withdrawn" | "completed";
/** The unit an SLA is counted in. */
export type SlaUnit = "working_days" | "working_hours";
/** What a step produces (`berita_acara`: an official report). */
export type OutputKind = "berita_acara" | "rekomendasi" | "izin" | "non_izin" | "answer";
/** What a step's clock does while the file is back with the applicant. */
export type CorrectionClock = "pause_resume" | "restart";

/** A role an actor may hold (e.g. `pemohon`, the applicant). */
export interface RoleDef { id: string; name: Label }
/** A swimlane of the procedure table. */
export interface LaneDef { id: string; name: Label; kind: LaneKind; roles: string[] }
/** One outcome of a step and the step it leads to. */
export interface OutcomeDef { id: string; name: Label; next: string }
/** A step's service-level agreement: "at most `amount` working days (or hours)". */
export interface Sla {
  amount: number;
  unit: SlaUnit;
  /** Warning thresholds, percent of the allowed working time used. */
  warn_at: number[];
}
/** One step of a procedure, as `steps` and `toJson` give it. */
export interface StepDef {
  id: string;
  name: Label;
  /** The lane that performs it. */
  lane: string;
  /** Roles of the lane that may act (absent: any role of the lane). */
  roles?: string[];
  kind: StepKind;
  /** Outcomes (empty for an end step). */
  outcomes: OutcomeDef[];
  /** Absent: the step has no SLA. */
  sla?: Sla;
  /** Whether the step may return the file to the applicant for correction. */
  correction: boolean;
  /** Whether the step may reject the application. */
  can_reject: boolean;
  outputs?: OutputKind[];
  /** For end steps: how the case ends. */
  end?: EndKind;
}
/** A document the applicant must (or may) upload. */
export interface DocumentRequirement {
  /** Code, unique within the procedure (e.g. `"ktp"`). */
  code: string;
  name: Label;
  /** Whether a submission without it is incomplete. */
  mandatory: boolean;
  /** Accepted formats, lower-case extensions (e.g. `"pdf"`); empty: any. */
  formats: string[];
  /** Largest accepted size in bytes (absent: no limit). */
  max_bytes?: number;
}
/** Opt-in deemed approval (*fiktif positif*) of steps that pass their deadline undecided. */
export interface DeemedApproval { steps: string[]; basis: string }
/**
 * A whole procedure as data: what `Procedure.toJson` writes. `fromJson`
 * also accepts a definition that leaves out fields with defaults
 * (`assigner_roles`, `documents`, `correction_clock`, `deadline_policy`, and
 * a step's `outcomes`, `correction`, `can_reject`, an SLA's `warn_at`).
 */
export interface ProcedureDef {
  id: string;
  version: number;
  name: Label;
  roles: RoleDef[];
  lanes: LaneDef[];
  /** Roles that may assign a case to a unit or staff member. */
  assigner_roles: string[];
  /** The first step (performed by submitting). */
  start: string;
  steps: StepDef[];
  documents: DocumentRequirement[];
  correction_clock: CorrectionClock;
  /** How working-day SLAs are counted from the instant a step is entered. */
  deadline_policy: Required<DeadlinePolicy>;
  deemed_approval?: DeemedApproval;
  note?: string;
}

/** A document about to be submitted: its requirement code and file metadata. */
export interface SubmittedDocument {
  /** Requirement code (e.g. `"ktp"`). */
  code: string;
  /** File format: the extension, any case (e.g. `"pdf"`). */
  format: string;
  /** Size in bytes (a non-negative integer). */
  bytes: number;
}

/** One step of a completion preview. */
export interface PreviewStep {
  step: string;
  name: Label;
  lane: string;
  /** When the step is entered, at the latest. */
  entered: Instant;
  /** Its deadline; `null` when the step has no SLA (counted as taking no time). */
  due: Instant | null;
}
/** The latest completion of an application if every step takes its full SLA. */
export interface Preview {
  /** The steps after submission along the main path, in order. */
  steps: PreviewStep[];
  /** When the case would end at the latest. */
  completion: Instant;
  /** Steps without an SLA: where any are listed, `completion` is a lower bound. */
  untimed: string[];
}
"#;

/// `Number.MAX_SAFE_INTEGER`: the largest integer every JS number below it
/// holds exactly.
pub(crate) const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

const DATE: Expected = Expected {
    en: "an ISO 8601 date string YYYY-MM-DD",
    id: "string tanggal ISO 8601 YYYY-MM-DD",
};
const INSTANT: Expected = Expected {
    en: "an RFC 3339 instant string with offset, e.g. \"2026-12-24T16:45:00+07:00\"",
    id: "string waktu RFC 3339 dengan selisih UTC, mis. \"2026-12-24T16:45:00+07:00\"",
};
const INTEGER: Expected = Expected {
    en: "an integer number between -(2^53-1) and 2^53-1",
    id: "bilangan bulat antara -(2^53-1) dan 2^53-1",
};
const STRING: Expected = Expected {
    en: "a string",
    id: "sebuah string",
};
const LANG: Expected = Expected {
    en: "\"id\" or \"en\"",
    id: "\"id\" atau \"en\"",
};

/// An object parameter: what it should be, in both languages.
pub(crate) const POLICY: Expected = Expected {
    en: "a deadline policy object {count_from?, after_hours?}",
    id: "objek kebijakan tenggat {count_from?, after_hours?}",
};
/// See [`POLICY`].
pub(crate) const ICAL_IMPORT: Expected = Expected {
    en: "an object {layer_id, layer_name, default_kind}",
    id: "objek {layer_id, layer_name, default_kind}",
};
/// See [`POLICY`].
pub(crate) const LAYER: Expected = Expected {
    en: "a holiday layer object {id, name, sources?, years?, holidays?}",
    id: "objek lapisan hari libur {id, name, sources?, years?, holidays?}",
};
/// See [`POLICY`].
const SUBMITTED_DOCUMENTS: Expected = Expected {
    en: "an array of submitted documents [{code, format, bytes}, …]",
    id: "array dokumen yang diunggah [{code, format, bytes}, …]",
};
/// See [`POLICY`].
const SUBMITTED_DOCUMENT: Expected = Expected {
    en: "a submitted document object {code, format, bytes}",
    id: "objek dokumen yang diunggah {code, format, bytes}",
};
/// See [`POLICY`].
const CALENDAR: Expected = Expected {
    en: "a Calendar (Calendar.jatim(), Calendar.indonesia() or Calendar.fromJson(…))",
    id: "sebuah Calendar (Calendar.jatim(), Calendar.indonesia() atau Calendar.fromJson(…))",
};

/// The integer a JS number holds, if it is one within the safe range.
fn safe_integer(x: f64) -> Option<i64> {
    // NaN and ±Infinity fail the range test; -0 becomes 0.
    (x.fract() == 0.0 && x.abs() <= MAX_SAFE_INTEGER).then_some(x as i64)
}

/// Shortens a value quoted in a message to at most `max` characters.
fn clip(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_owned(),
    }
}

/// How a JS value is named in an `invalid_type` message: its `typeof`,
/// and the value itself for numbers, booleans and (clipped) strings.
fn describe(v: &JsValue) -> String {
    if v.is_undefined() {
        return "undefined".to_owned();
    }
    if v.is_null() {
        return "null".to_owned();
    }
    if let Some(s) = v.as_string() {
        return format!("string {:?}", clip(&s, 40));
    }
    if let Some(x) = v.as_f64() {
        return format!("number {x}");
    }
    if let Some(b) = v.as_bool() {
        return format!("boolean {b}");
    }
    if js_sys::Array::is_array(v) {
        return "array".to_owned();
    }
    v.js_typeof()
        .as_string()
        .unwrap_or_else(|| "value".to_owned())
}

/// A string parameter.
pub(crate) fn text(v: &JsValue, param: &str) -> Result<String> {
    v.as_string()
        .ok_or_else(|| BindingError::invalid_type(param, STRING, &describe(v)))
}

/// A date parameter (`YYYY-MM-DD`).
pub(crate) fn date(v: &JsValue, param: &str) -> Result<NaiveDate> {
    let s = v
        .as_string()
        .ok_or_else(|| BindingError::invalid_type(param, DATE, &describe(v)))?;
    Ok(parse_date(&s)?)
}

/// An instant parameter (RFC 3339 with offset).
pub(crate) fn instant(v: &JsValue, param: &str) -> Result<DateTime<FixedOffset>> {
    let s = v
        .as_string()
        .ok_or_else(|| BindingError::invalid_type(param, INSTANT, &describe(v)))?;
    Ok(parse_instant(&s)?)
}

/// An integer parameter (a JS number holding a safe integer).
pub(crate) fn integer(v: &JsValue, param: &str) -> Result<i64> {
    v.as_f64()
        .and_then(safe_integer)
        .ok_or_else(|| BindingError::invalid_type(param, INTEGER, &describe(v)))
}

/// A year parameter: an integer; one beyond any calendar is out of range.
pub(crate) fn year(v: &JsValue, param: &str) -> Result<i32> {
    let y = integer(v, param)?;
    i32::try_from(y).map_err(|_| {
        CalendarError::OutOfRange {
            what: "year",
            value: y.to_string(),
        }
        .into()
    })
}

/// A duration parameter, in whole seconds.
pub(crate) fn seconds(v: &JsValue, param: &str) -> Result<Duration> {
    let s = integer(v, param)?;
    Duration::try_seconds(s).ok_or_else(|| {
        CalendarError::OutOfRange {
            what: "duration",
            value: format!("{s} s"),
        }
        .into()
    })
}

/// An object parameter read as a core serde type. Non-objects are
/// `invalid_type`; objects that do not fit `T` are `invalid_value` with
/// serde's account of what was expected and found.
pub(crate) fn object<T: DeserializeOwned>(v: &JsValue, param: &str, what: Expected) -> Result<T> {
    if !v.is_object() || js_sys::Array::is_array(v) {
        return Err(BindingError::invalid_type(param, what, &describe(v)));
    }
    let json = JSON::stringify(v)
        .map_err(|_| {
            // Cycles and BigInt values make JSON.stringify throw.
            BindingError::invalid_type(param, what, "an object JSON cannot represent")
        })?
        .as_string()
        .ok_or_else(|| BindingError::invalid_type(param, what, &describe(v)))?;
    let value: serde_json::Value =
        serde_json::from_str(&json).map_err(|e| BindingError::internal(&e.to_string()))?;
    serde_json::from_value(value)
        .map_err(|e| BindingError::invalid_value(param, &clip(&json, 120), &e.to_string()))
}

/// An array parameter of submitted documents `{code, format, bytes}`. A
/// non-array, or an element that is not an object, is `invalid_type`; an
/// element object that does not fit (a missing field, a fractional or
/// negative size) is `invalid_value`, both naming the element
/// (`submitted[2]`).
pub(crate) fn submitted_documents(v: &JsValue, param: &str) -> Result<Vec<SubmittedDocument>> {
    if !Array::is_array(v) {
        return Err(BindingError::invalid_type(
            param,
            SUBMITTED_DOCUMENTS,
            &describe(v),
        ));
    }
    Array::from(v)
        .iter()
        .enumerate()
        .map(|(i, d)| object(&d, &format!("{param}[{i}]"), SUBMITTED_DOCUMENT))
        .collect()
}

/// A `Calendar` parameter, borrowed without consuming the caller's object.
///
/// wasm-bindgen can take an exported class by reference only with its own
/// untyped check (`Error: expected instance of Calendar`), and can check a
/// plain `JsValue` for the class only by taking the object over, which
/// would leave the caller's calendar freed. So the calendar is asked for a
/// second handle on itself (the hidden method `Calendar::SHARE`), and that
/// handle is taken over instead: anything else, or a calendar already
/// freed, is `invalid_type`.
pub(crate) fn calendar(v: &JsValue, param: &str) -> Result<Calendar> {
    let wrong = |found: &str| BindingError::invalid_type(param, CALENDAR, found);
    if !v.is_object() {
        return Err(wrong(&describe(v)));
    }
    let share = Reflect::get(v, &JsValue::from_str(Calendar::SHARE))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .ok_or_else(|| wrong(&describe(v)))?;
    let handle = share
        .call0(v)
        .map_err(|_| wrong("a Calendar that was already freed"))?;
    Calendar::try_from_js_value(handle).map_err(|_| wrong(&describe(v)))
}

/// An optional deadline policy: `undefined` or `null` is the default.
pub(crate) fn policy(v: &JsValue) -> Result<DeadlinePolicy> {
    if v.is_undefined() || v.is_null() {
        return Ok(DeadlinePolicy::default());
    }
    object(v, "policy", POLICY)
}

/// An optional language: `undefined` or `null` is core's default (English).
pub(crate) fn lang(v: &JsValue) -> Result<Lang> {
    if v.is_undefined() || v.is_null() {
        return Ok(Lang::default());
    }
    let s = v
        .as_string()
        .ok_or_else(|| BindingError::invalid_type("lang", LANG, &describe(v)))?;
    serde_json::from_value(serde_json::Value::String(s.clone()))
        .map_err(|e| BindingError::invalid_value("lang", &format!("{s:?}"), &e.to_string()))
}

/// Any core serde value as a plain JS value (objects, arrays, strings…).
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue> {
    let json = serde_json::to_string(value).map_err(|e| BindingError::internal(&e.to_string()))?;
    JSON::parse(&json).map_err(|_| BindingError::internal("JSON.parse refused serde output"))
}

/// A date going out: `YYYY-MM-DD`.
pub(crate) fn date_out(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// An instant going out, exactly as core's serde JSON writes it.
pub(crate) fn instant_out(t: DateTime<FixedOffset>) -> String {
    t.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

/// A working-day count going out.
pub(crate) fn count_out(n: i64) -> f64 {
    n as f64
}

/// A duration going out, in whole seconds.
pub(crate) fn seconds_out(d: Duration) -> f64 {
    count_out(d.num_seconds())
}

/// An explanation and its text, as the JS object `{deadline, days, text}`.
#[derive(Serialize)]
struct ExplanationOut<'a> {
    #[serde(flatten)]
    explanation: &'a Explanation,
    text: String,
}

/// An explanation going out, rendered in `lang`.
pub(crate) fn explanation(e: &Explanation, lang: Lang) -> Result<JsValue> {
    to_js(&ExplanationOut {
        explanation: e,
        text: e.render(lang),
    })
}

/// An estimate going out as `{value, assumed}`, its value converted by `f`.
pub(crate) fn estimate<T, U: Serialize>(e: Estimate<T>, f: impl FnOnce(T) -> U) -> Result<JsValue> {
    to_js(&Estimate {
        value: f(e.value),
        assumed: e.assumed,
    })
}

/// An estimate of an explanation going out as `{value: {deadline, days,
/// text}, assumed}`.
pub(crate) fn explanation_estimate(e: &Estimate<Explanation>, lang: Lang) -> Result<JsValue> {
    to_js(&Estimate {
        value: ExplanationOut {
            explanation: &e.value,
            text: e.value.render(lang),
        },
        assumed: e.assumed.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_integers_only() {
        assert_eq!(safe_integer(3.0), Some(3));
        assert_eq!(safe_integer(-0.0), Some(0));
        assert_eq!(safe_integer(MAX_SAFE_INTEGER), Some(9_007_199_254_740_991));
        assert_eq!(
            safe_integer(-MAX_SAFE_INTEGER),
            Some(-9_007_199_254_740_991)
        );
        assert_eq!(safe_integer(MAX_SAFE_INTEGER + 1.0), None);
        assert_eq!(safe_integer(1.5), None);
        assert_eq!(safe_integer(f64::NAN), None);
        assert_eq!(safe_integer(f64::INFINITY), None);
        assert_eq!(safe_integer(f64::NEG_INFINITY), None);
    }

    #[test]
    fn clipping_respects_characters() {
        assert_eq!(clip("abc", 5), "abc");
        assert_eq!(clip("hari–libur", 5), "hari–…");
    }

    #[test]
    fn instants_go_out_as_core_serde_writes_them() {
        let t = parse_instant("2026-12-24T16:45:00.5+07:00").unwrap();
        let serde = serde_json::to_value(t).unwrap();
        assert_eq!(serde.as_str(), Some(instant_out(t).as_str()));
        let t = parse_instant("2026-12-24T16:45:00+00:00").unwrap();
        assert_eq!(
            serde_json::to_value(t).unwrap().as_str(),
            Some(instant_out(t).as_str())
        );
    }

    #[test]
    fn explanations_flatten_with_their_text() {
        let cal = ptsp::Calendar::jatim();
        let at = parse_instant("2026-12-23T10:00:00+07:00").unwrap();
        let e = cal
            .explain_deadline(at, 1, &DeadlinePolicy::default())
            .unwrap();
        let v = serde_json::to_value(ExplanationOut {
            explanation: &e,
            text: e.render(Lang::Id),
        })
        .unwrap();
        assert_eq!(v["deadline"]["due_date"], "2026-12-28");
        assert!(v["days"].is_array());
        assert!(
            v["text"]
                .as_str()
                .unwrap()
                .contains("Kelahiran Yesus Kristus")
        );
    }
}
