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
//! * Web forms, form limits, routing inputs, requests, actors and events
//!   cross the same way, as core's serde types; arrays of them element by
//!   element, so a bad element is named by its index (`events[3]`).
//! * Routing suggestions go out as core's JSON with two additions to every
//!   reason — `text` (`{id, en}`, core's `Reason::text`) and, for keywords,
//!   `excerpt` (core's `Reason::excerpt`) — and keyword spans as JS string
//!   indices (UTF-16 code units) rather than core's byte offsets, so
//!   `input.text.slice(r.start, r.end) === r.excerpt` ([`suggestions`]).
//! * A `Calendar`, `Procedure` or `Case` argument is borrowed through a
//!   second handle on it, so a wrong argument is `invalid_type` and the
//!   caller's object stays usable ([`handle`]).

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, SecondsFormat};
use js_sys::{Array, Function, JSON, Reflect};
use ptsp::calendar::{parse_date, parse_instant};
use ptsp::desk::routing::{Reason, RoutingInput, Suggestion};
use ptsp::{
    CalendarError, DeadlinePolicy, Estimate, Explanation, FormLimits, Lang, SubmittedDocument,
};
use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::convert::TryFromJsValue;
use wasm_bindgen::prelude::*;

use crate::calendar::Calendar;
#[cfg(feature = "full")]
use crate::case::Case;
use crate::error::{BindingError, Expected};
#[cfg(feature = "full")]
use crate::procedure::Procedure;

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
/**
 * How a case ends: `forwarded` passes a complaint on to another agency,
 * `archived` files it without further action.
 */
export type EndKind = "approved" | "rejected" | "withdrawn" | "completed" | "forwarded" | "archived" | "lapsed";
/** The unit an SLA is counted in. */
export type SlaUnit = "working_days" | "working_hours";
/** What a step produces (`berita_acara`: an official report). */
export type OutputKind = "berita_acara" | "rekomendasi" | "izin" | "non_izin" | "answer";
/** What a step's clock does while the file is back with the applicant. */
export type CorrectionClock = "pause_resume" | "restart";
/** What a tier deadline counts from: the step that sets the tier, or the submission. */
export type TierAnchor = "tier_step" | "submission";
/** Limits on what a request may carry (characters; items of a list). */
export interface TextLimits { note: number; reason: number; id: number; items: number }

/** A role an actor may hold (e.g. `pemohon`, the applicant). */
export interface RoleDef { id: string; name: Label }
/** A swimlane of the procedure table. */
export interface LaneDef {
  id: string;
  name: Label;
  kind: LaneKind;
  roles: string[];
  /**
   * Whether actors of this lane may see who the applicant is; absent means
   * `true` (a complaint's unit lane does not: Perpres 76/2013).
   */
  sees_applicant?: boolean;
}
/** A severity tier and the case deadline it sets (complaints: 2, 5, 14, 60 working days). */
export interface Tier { id: string; name: Label; sla: Sla }
/** One outcome of a step and the step it leads to. */
export interface OutcomeDef {
  id: string;
  name: Label;
  next: string;
  /** The routed unit declines the matter with this outcome ("not ours"). */
  declines?: boolean;
}
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
  /** Whether completing the step sets the case's tier (absent: no). */
  sets_tier?: boolean;
  outputs?: OutputKind[];
  /** For end steps: how the case ends. */
  end?: EndKind;
  /** For an applicant's step with a window (SLA): the outcome taken when it lapses. */
  on_lapse?: string;
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
  /** Severity tiers (absent: none). */
  tiers?: Tier[];
  /** What the tier deadline counts from. */
  tier_anchor: TierAnchor;
  /** The tier clock when a case comes back from the applicant's lane (reopened). */
  reopen_clock: CorrectionClock;
  /** How long the applicant has to resubmit after a return for correction. */
  correction_window?: Sla;
  /** The case's own applicant is refused in every lane but the applicant's. */
  separation_of_duties: boolean;
  limits: TextLimits;
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

#[wasm_bindgen(typescript_custom_section)]
const TS_FORM_TYPES: &'static str = r#"
/**
 * What the applicant files: `"konsultasi"` (a consultation, a question),
 * `"pengaduan"` (a complaint) or `"saran"` (a suggestion). Results always
 * use these names, which are also the routing category; a form may also say
 * `"consultation"`, `"complaint"`, `"suggestion"` or `"masukan"` (input,
 * read as a suggestion).
 */
export type TicketKind = "konsultasi" | "pengaduan" | "saran";
/** Metadata of one attached file as a validated form gives it back. */
export interface Attachment {
  /** The file's name, trimmed, without a folder path. */
  file_name: string;
  /** The format as a lower-case extension without a dot (e.g. `"pdf"`). */
  format: string;
  /** Size in bytes. */
  bytes: number;
}
/**
 * A consultation, complaint or suggestion web form as submitted. Every field may be
 * left out: a missing `kind`, `name`, `subject` or `text` is a `required`
 * problem of `validateForm`, like any other field problem. Blank optional
 * fields count as absent.
 */
export interface WebForm {
  kind?: TicketKind | "consultation" | "complaint" | "suggestion" | "masukan" | null;
  /** The applicant's name. */
  name?: string;
  /** NIK, the 16-digit population number; spaces, dots and hyphens are ignored. */
  nik?: string | null;
  email?: string | null;
  /** An Indonesian phone number in any usual notation (`0812-…`, `+62 812 …`, `(031) …`). */
  phone?: string | null;
  /** Subject line (*perihal*). */
  subject?: string;
  /** The question or complaint. */
  text?: string;
  /** Attached files (metadata only; the upload is the transport's business). */
  attachments?: Partial<Attachment>[];
  /** The service the ticket is about (an id from the office's catalogue). */
  service?: string | null;
  /** A category chosen by the applicant. */
  category?: string | null;
}
/** An inclusive range of lengths in characters (Unicode scalar values). */
export interface CharRange { min: number; max: number }
/** Which fields one kind of ticket requires. */
export interface KindRules {
  nik_required: boolean;
  email_required: boolean;
  phone_required: boolean;
  service_required: boolean;
}
/** The office's settings for the web form (settings, not regulation): what `defaultFormLimits()` gives. */
export interface FormLimits {
  /** Length of the name (default 2–100). */
  name: CharRange;
  /** Length of the subject (default 5–150). */
  subject: CharRange;
  /** Length of the text (default 20–5000). */
  text: CharRange;
  /** Most characters of `service` and `category` (default 100). */
  label_max: number;
  /** Most characters of an attachment's file name (default 255); a format is at most 16 whatever the settings. */
  file_name_max: number;
  /** Most attachments (default 5). */
  max_attachments: number;
  /** Accepted formats, lower-case extensions (default pdf, jpg, jpeg, png); empty: any. */
  formats: string[];
  /** Largest attachment in bytes (default 5 MiB). */
  max_file_bytes: number;
  /** Largest total of attachments in bytes (default 10 MiB). */
  max_total_bytes: number;
  /** At least one of email and phone (default `true`). */
  require_contact: boolean;
  /** Required fields of a consultation (default: none beyond the contact). */
  consultation: KindRules;
  /** Required fields of a complaint (default: the NIK). */
  complaint: KindRules;
  /** Required fields of a suggestion (default: none beyond the contact). */
  suggestion: KindRules;
}
/** Form limits as `validateForm` takes them: fields left out take their defaults. */
export type FormLimitsInput = Partial<Omit<FormLimits, "consultation" | "complaint" | "suggestion">> & {
  consultation?: Partial<KindRules>;
  complaint?: Partial<KindRules>;
  suggestion?: Partial<KindRules>;
};
/** A checked and decoded NIK (*Nomor Induk Kependudukan*). */
export interface Nik {
  /** The 16 digits. */
  nik: string;
  /** Digits 1–2, the Kemendagri province code (e.g. `"35"`). */
  province_code: string;
  /** The province's name (e.g. `"Jawa Timur"`). */
  province: string;
  /** Digits 1–4. */
  regency_code: string;
  /** A regency (*kabupaten*, 01–69) or a city (*kota*, 71–99). */
  regency_kind: "regency" | "city";
  /** Digits 1–6 (*kecamatan*). */
  district_code: string;
  /** The decoded birth date (the century from the reference date). */
  birth_date: IsoDate;
  /** Women's birth day is written plus 40. */
  sex: "male" | "female";
  /** Digits 13–16. */
  serial: string;
}
/** A validated form, normalised: text trimmed, phone in E.164, email domain lower-cased, NIK decoded; blank optional fields `null`. */
export interface ValidForm {
  kind: TicketKind;
  name: string;
  nik: Nik | null;
  email: string | null;
  /** E.164, `+62…`. */
  phone: string | null;
  subject: string;
  /** Line breaks as LF. */
  text: string;
  attachments: Attachment[];
  service: string | null;
  category: string | null;
}
/** One Kemendagri province code and the instrument that set it. */
export interface Province { code: string; name: string; source: string }
"#;

#[wasm_bindgen(typescript_custom_section)]
const TS_ROUTING_TYPES: &'static str = r#"
/** A division (*Bidang*), a technical agency (*OPD*) or the head of complaints. */
export type UnitKind = "bidang" | "opd" | "head_of_complaints";
/** A unit that answers tickets. */
export interface Unit { id: string; name: Label; kind: UnitKind }
/** One routing rule: criteria on a ticket and the unit it goes to. */
export interface RoutingRule {
  id: string;
  /** The unit id the ticket goes to. */
  target: string;
  /** Higher first (default 0). */
  priority?: number;
  service?: string;
  sector?: string;
  category?: string;
  /** Words or phrases, any of which must occur in the subject or text. */
  keywords?: string[];
  note?: string;
}
/** A routing rule set: what `Router.toJson` writes and `Router.fromJson` reads. */
export interface RuleSet {
  note?: string;
  units: Unit[];
  rules: RoutingRule[];
  /** The unit (of kind `head_of_complaints`) that receives what no rule routes. */
  fallback: string;
}
/** The part of a ticket routing looks at; fields left out or empty are "not given". */
export interface RoutingInput {
  service?: string;
  sector?: string;
  category?: string;
  subject?: string;
  text?: string;
}
/** Why a unit was suggested; every reason has `text` in both languages. */
export type Reason = { text: Label } & (
  | { kind: "service" | "sector" | "category"; value: string }
  | {
      kind: "keyword";
      /** The keyword as written in the rule. */
      keyword: string;
      /** The stems it matched, space-separated. */
      normalized: string;
      /** The field it was found in (first occurrence). */
      field: "subject" | "text";
      /**
       * Where, as JS string indices (UTF-16 code units) into that field:
       * `input[field].slice(start, end) === excerpt`. (Core and Python give
       * byte offsets.)
       */
      start: number;
      end: number;
      /** The ticket text matched. */
      excerpt: string;
    }
  | { kind: "no_match" | "all_rejected" }
);
/** One ranked suggestion: a unit, the rule that put it there, and why. */
export interface Suggestion {
  /** The unit id. */
  unit: string;
  /** The rule id; `null` for the fallback (head of complaints). */
  rule: string | null;
  priority: number;
  /** The rule's criteria plus the keywords found (0 for the fallback). */
  score: number;
  reasons: Reason[];
}
"#;

#[cfg(feature = "full")]
#[wasm_bindgen(typescript_custom_section)]
const TS_CASE_TYPES: &'static str = r#"
/** Who performs a command: an id, the roles held, and the unit (Bidang or OPD). */
export interface Actor { id: string; roles?: string[]; unit?: string }
/** What one document of a correction needs. */
export interface CorrectionReason { document: string; reason: string }
/** What an actor asks a case to do, tagged by `type`. */
export type Command =
  | { type: "submit"; case_id: string; documents: SubmittedDocument[] }
  | { type: "complete_step"; step: string; outcome?: string; note?: string; tier?: string; outputs?: OutputRecord[] }
  | { type: "return_for_correction"; step: string; reasons: CorrectionReason[] }
  | { type: "resubmit"; documents: SubmittedDocument[] }
  | { type: "reject"; step: string; reason: string }
  | { type: "withdraw"; reason?: string }
  | { type: "assign"; lane: string; unit?: string; staff?: string; reason?: string }
  | { type: "lapse"; step: string };
/** A document a step produced: its kind, official number, date and file reference. */
export interface OutputRecord { kind: OutputKind; number: string; date: IsoDate; file?: string }
/** A change of the case-level (tier) clock, recorded in an event. */
export type CaseClockChange =
  | { change: "started"; from: Instant }
  | { change: "paused"; remaining_seconds: number }
  | { change: "resumed"; due: Instant }
  | { change: "restarted"; due: Instant };
/** A command with its actor and instant (the engine never reads the clock). */
export interface Request { actor: Actor; at: Instant; command: Command }
/** Something that happened to a case: the log `Case.replay` reads. */
export type Event = {
  at: Instant;
  /** The case the event belongs to. */
  case: string;
  actor: string;
  /** The role the actor acted under (checked on replay). */
  actor_role?: string;
  /** The unit the actor acted for. */
  actor_unit?: string;
} & (
  | {
      type: "submitted";
      case_id: string;
      procedure: string;
      version: number;
      applicant: string;
      documents: SubmittedDocument[];
      entered: string;
      due: Instant | null;
    }
  | {
      type: "step_completed";
      step: string;
      outcome: string;
      note?: string;
      entered: string;
      due: Instant | null;
      ended?: EndKind;
      tier?: string;
      case_due?: Instant;
      unit?: string;
      outputs?: OutputRecord[];
      /** The routed lane whose unit declined with this outcome. */
      declined?: string;
      /** The outcome was taken because the applicant's window lapsed. */
      by_lapse?: boolean;
      case_clock?: CaseClockChange;
    }
  | {
      type: "returned_for_correction";
      step: string;
      reasons: CorrectionReason[];
      remaining_seconds: number;
      window_due?: Instant;
      case_clock?: CaseClockChange;
    }
  | { type: "resubmitted"; step: string; documents: SubmittedDocument[]; due: Instant | null; case_clock?: CaseClockChange }
  | { type: "rejected"; step: string; reason: string }
  | { type: "withdrawn"; reason: string | null }
  | { type: "assigned"; lane: string; unit: string | null; staff: string | null; step?: string; reason?: string }
  | { type: "correction_lapsed"; step: string }
);
/** Where a case stands. */
export type CaseStatus = "new" | "active" | "awaiting_correction" | { ended: EndKind };
/** Who a lane's work is assigned to: a unit for the case, a staff member for one visit of `step`. */
export interface Assignment { unit: string | null; staff: string | null; step?: string }
/** One visit of a step. */
export interface StepVisit {
  step: string;
  started: Instant;
  /** The deadline in force (recomputed on resubmission). */
  due: Instant | null;
  /** The deadline computed on entry. */
  first_due: Instant | null;
  /** Correction rounds: [returned, resubmitted]. */
  pauses: [Instant, Instant | null][];
  ended: Instant | null;
  /** Outcome id, or `rejected` / `withdrawn`. */
  outcome: string | null;
  /** The unit that completed it, in a routed lane. */
  unit?: string;
  /** The documents it produced. */
  outputs?: OutputRecord[];
}
/** The state of a case: a pure fold of its events (`case.state`, `case.toJson()`). */
export interface CaseState {
  id: string;
  procedure: string;
  version: number;
  /** The applicant's actor id (`"[dirahasiakan]"` in a redacted view). */
  applicant: string;
  status: CaseStatus;
  current: string | null;
  documents: SubmittedDocument[];
  assignments: Record<string, Assignment>;
  visits: StepVisit[];
  corrections: number;
  tier: string | null;
  case_due: Instant | null;
  remaining_at_pause: number;
  /** The end of the current correction window. */
  window_due?: Instant;
  /** Units that declined the case, per routed lane. */
  declined?: Record<string, string[]>;
  /** The case-level clock: its current period's start, stops and time left at the last stop. */
  case_started?: Instant;
  case_pauses?: [Instant, Instant | null][];
  case_remaining_at_pause: number;
  /** Number of events applied. */
  events: number;
  last_at: Instant | null;
}
/** One line of the public history. */
export interface TrackingEntry {
  at: Instant;
  what: "step_entered" | "step_completed" | "returned_for_correction" | "resubmitted" | "rejected" | "withdrawn" | "lapsed";
  step?: string;
  outcome?: string;
}
/** The public view of a case: status, current step, due date, history — no personal data. */
export interface Tracking {
  case_id: string;
  procedure: Label;
  status: CaseStatus;
  /** The current step's id and name. */
  current_step?: [string, Label];
  /** The deadline, while the current step's clock runs. */
  due?: Instant;
  /** While the file is with the applicant: the working seconds left on the stopped clock. */
  paused_remaining_seconds?: number;
  /** The permit's number, once recorded. */
  permit_number?: string;
  history: TrackingEntry[];
}

/** The state of one SLA clock. */
export type ClockStatus =
  | "running" | "at_risk" | "breached" | "paused" | "met_on_time" | "met_late" | "untimed" | "done" | "lapsed";
/** The clock of one step visit; times in working seconds. */
export interface StepClock {
  step: string;
  lane: string;
  /** Position among the case's visits. */
  visit: number;
  started: Instant;
  due: Instant | null;
  ended: Instant | null;
  elapsed_seconds: number;
  paused_seconds: number;
  /** Until the deadline (negative when breached), for running or paused timed steps. */
  remaining_seconds: number | null;
  status: ClockStatus;
  /** The highest warning threshold passed (percent). */
  threshold: number | null;
}
/** Working time per lane. */
export interface LaneClock { lane: string; elapsed_seconds: number; visits: number; breached: number }
/** The whole case's clock. */
export interface CaseClock {
  status: CaseStatus;
  started: Instant | null;
  ended: Instant | null;
  elapsed_seconds: number;
  correction_seconds: number;
  breached: number;
  status_worst: ClockStatus | null;
  corrections: number;
  /** The case deadline set by a tier. */
  due: Instant | null;
  /** Stopped (`paused`) while the case is with the applicant. */
  due_status: ClockStatus | null;
  /** The highest tier warning threshold passed (percent). */
  due_threshold?: number;
  /** Working seconds left on the case-level clock (frozen while paused). */
  due_remaining_seconds?: number;
}
/** Something due the backend may act on (never applied by the library). */
export type DueEvent =
  | { type: "deemed_approval"; step: string; due: Instant; basis: string }
  | { type: "lapse"; step: string; due: Instant; outcome: string }
  | { type: "correction_lapsed"; step: string; due: Instant };
/** Every SLA clock of a case at one instant. */
export interface SlaReport {
  case_id: string;
  at: Instant;
  steps: StepClock[];
  lanes: LaneClock[];
  case: CaseClock;
  due_events: DueEvent[];
}

/** Figures of one consultation or complaint at an instant; times in working seconds. */
export interface TicketFigures {
  case_id: string;
  status: CaseStatus;
  submitted: Instant | null;
  /** Office time from submission to the first step the office completed (net of the asker's time). */
  first_response_seconds: number | null;
  /** The same span, gross. */
  first_response_gross_seconds: number | null;
  /** Office time from submission to the end, once ended (net of the asker's time). */
  resolution_seconds: number | null;
  /** The same span, gross. */
  resolution_gross_seconds: number | null;
  /** "Belum Valid" rounds. */
  validation_loops: number;
  /** Times a unit said "not ours". */
  redistributions: number;
  /** Times the complainant reopened. */
  reopened: number;
  /** Times the ticket went back to the asker. */
  corrections: number;
  outcome_counts: Record<string, number>;
  lane_seconds: Record<string, number>;
  /** The unit that last worked on it. */
  unit: string | null;
  tier: string | null;
  /** The tier's deadline and the status against it. */
  due: Instant | null;
  due_status: ClockStatus | null;
}
/** Figures of one unit over many tickets. */
export interface UnitSummary {
  unit: string;
  tickets: number;
  answered: number;
  not_ours: number;
  /** Its answers sent back as not yet valid. */
  sent_back: number;
  working_seconds: number;
  mean_seconds_per_visit: number | null;
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
#[cfg(feature = "full")]
pub(crate) const ICAL_IMPORT: Expected = Expected {
    en: "an object {layer_id, layer_name, default_kind}",
    id: "objek {layer_id, layer_name, default_kind}",
};
/// See [`POLICY`].
#[cfg(feature = "full")]
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
/// See [`POLICY`].
#[cfg(feature = "full")]
const PROCEDURE: Expected = Expected {
    en: "a Procedure (Procedure.jatimPermit(), Procedure.jatimComplaint(), Procedure.fromJson(…) …)",
    id: "sebuah Procedure (Procedure.jatimPermit(), Procedure.jatimComplaint(), Procedure.fromJson(…) …)",
};
/// See [`POLICY`].
#[cfg(feature = "full")]
const CASE: Expected = Expected {
    en: "a Case (new Case() or Case.replay(…))",
    id: "sebuah Case (new Case() atau Case.replay(…))",
};
/// See [`POLICY`].
#[cfg(feature = "full")]
pub(crate) const CASES: Expected = Expected {
    en: "an array of Case objects",
    id: "array objek Case",
};
/// See [`POLICY`].
pub(crate) const WEB_FORM: Expected = Expected {
    en: "a web form object {kind, name, nik?, email?, phone?, subject, text, attachments?, service?, category?}",
    id: "objek formulir web {kind, name, nik?, email?, phone?, subject, text, attachments?, service?, category?}",
};
/// See [`POLICY`].
const FORM_LIMITS: Expected = Expected {
    en: "a form limits object {name?, subject?, text?, max_attachments?, formats?, …}",
    id: "objek batas formulir {name?, subject?, text?, max_attachments?, formats?, …}",
};
/// See [`POLICY`].
pub(crate) const ROUTING_INPUT: Expected = Expected {
    en: "a routing input object {subject?, text?, service?, sector?, category?}",
    id: "objek masukan perutean {subject?, text?, service?, sector?, category?}",
};
/// See [`POLICY`].
pub(crate) const UNIT_IDS: Expected = Expected {
    en: "an array of unit id strings",
    id: "array string id unit",
};
/// See [`POLICY`].
#[cfg(feature = "full")]
pub(crate) const REQUEST: Expected = Expected {
    en: "a request object {actor, at, command}",
    id: "objek permintaan {actor, at, command}",
};
/// See [`POLICY`].
#[cfg(feature = "full")]
pub(crate) const ACTOR: Expected = Expected {
    en: "an actor object {id, roles?, unit?}",
    id: "objek aktor {id, roles?, unit?}",
};
/// See [`POLICY`].
#[cfg(feature = "full")]
pub(crate) const EVENTS: Expected = Expected {
    en: "an array of case events [{at, case, actor, type, …}, …]",
    id: "array peristiwa kasus [{at, case, actor, type, …}, …]",
};
/// See [`POLICY`].
#[cfg(feature = "full")]
pub(crate) const EVENT: Expected = Expected {
    en: "a case event object {at, case, actor, type, …}",
    id: "objek peristiwa kasus {at, case, actor, type, …}",
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
    // JSON.stringify output always parses, but for one thing JS strings
    // may hold and JSON text may not: a lone UTF-16 surrogate ("\ud800").
    let value: serde_json::Value = serde_json::from_str(&json)
        .map_err(|e| BindingError::invalid_value(param, &clip(&json, 120), &e.to_string()))?;
    serde_json::from_value(value)
        .map_err(|e| BindingError::invalid_value(param, &clip(&json, 120), &e.to_string()))
}

/// An array parameter of submitted documents `{code, format, bytes}`. A
/// non-array, or an element that is not an object, is `invalid_type`; an
/// element object that does not fit (a missing field, a fractional or
/// negative size) is `invalid_value`, both naming the element
/// (`submitted[2]`).
pub(crate) fn submitted_documents(v: &JsValue, param: &str) -> Result<Vec<SubmittedDocument>> {
    objects(v, param, SUBMITTED_DOCUMENTS, SUBMITTED_DOCUMENT)
}

/// An object of one of the binding's classes (`Calendar`, `Procedure`,
/// `Case`) as a parameter, borrowed without consuming the caller's object.
///
/// wasm-bindgen can take an exported class by reference only with its own
/// untyped check (`Error: expected instance of Calendar`), and can check a
/// plain `JsValue` for the class only by taking the object over, which
/// would leave the caller's object freed. So the object is asked for a
/// second handle on itself (the hidden method named `share`, e.g.
/// `Calendar::SHARE`), and that handle is taken over instead: anything
/// else, or an object already freed, is `invalid_type`. The handles of the
/// classes have different names, so an object of another class is refused
/// before any handle is made.
fn handle<T: TryFromJsValue>(
    v: &JsValue,
    param: &str,
    share: &str,
    what: Expected,
    class: &str,
) -> Result<T> {
    let wrong = |found: &str| BindingError::invalid_type(param, what, found);
    if !v.is_object() {
        return Err(wrong(&describe(v)));
    }
    let share = Reflect::get(v, &JsValue::from_str(share))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .ok_or_else(|| wrong(&describe(v)))?;
    let handle = share
        .call0(v)
        .map_err(|_| wrong(&format!("a {class} that was already freed")))?;
    T::try_from_js_value(handle).map_err(|_| wrong(&describe(v)))
}

/// A `Calendar` parameter, borrowed ([`handle`]).
pub(crate) fn calendar(v: &JsValue, param: &str) -> Result<Calendar> {
    handle(v, param, Calendar::SHARE, CALENDAR, "Calendar")
}

/// A `Procedure` parameter, borrowed ([`handle`]).
#[cfg(feature = "full")]
pub(crate) fn procedure(v: &JsValue, param: &str) -> Result<Procedure> {
    handle(v, param, Procedure::SHARE, PROCEDURE, "Procedure")
}

/// A `Case` parameter, borrowed ([`handle`]).
#[cfg(feature = "full")]
pub(crate) fn case(v: &JsValue, param: &str) -> Result<Case> {
    handle(v, param, Case::SHARE, CASE, "Case")
}

/// An array parameter whose elements are converted by `item` (given the
/// element and its name, `param[i]`). A non-array is `invalid_type`.
pub(crate) fn list<T>(
    v: &JsValue,
    param: &str,
    what: Expected,
    item: impl Fn(&JsValue, &str) -> Result<T>,
) -> Result<Vec<T>> {
    if !Array::is_array(v) {
        return Err(BindingError::invalid_type(param, what, &describe(v)));
    }
    Array::from(v)
        .iter()
        .enumerate()
        .map(|(i, x)| item(&x, &format!("{param}[{i}]")))
        .collect()
}

/// An array of objects read as a core serde type, element by element (see
/// [`list`] and [`object`]).
pub(crate) fn objects<T: DeserializeOwned>(
    v: &JsValue,
    param: &str,
    what: Expected,
    item: Expected,
) -> Result<Vec<T>> {
    list(v, param, what, |x, name| object(x, name, item))
}

/// An array of strings.
pub(crate) fn strings(v: &JsValue, param: &str, what: Expected) -> Result<Vec<String>> {
    list(v, param, what, |x, name| {
        x.as_string()
            .ok_or_else(|| BindingError::invalid_type(name, STRING, &describe(x)))
    })
}

/// Optional web-form limits: `undefined` or `null` is the default; an
/// object is read with defaults for the fields it leaves out, then checked
/// by core (`invalid_limits` with every problem).
pub(crate) fn form_limits(v: &JsValue) -> Result<FormLimits> {
    if v.is_undefined() || v.is_null() {
        return Ok(FormLimits::default());
    }
    let limits: FormLimits = object(v, "limits", FORM_LIMITS)?;
    limits.check()?;
    Ok(limits)
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

/// Where byte offset `byte` of `text` falls in JS string indices (UTF-16
/// code units).
fn utf16_index(text: &str, byte: usize) -> usize {
    text.get(..byte).map_or(0, |s| s.encode_utf16().count())
}

/// One routing reason going out: core's JSON, plus `text: {id, en}`, and
/// for a keyword its `excerpt` and its span in UTF-16 code units.
fn reason(r: &Reason<'_>, input: &RoutingInput) -> Result<serde_json::Value> {
    let mut v = serde_json::to_value(r).map_err(|e| BindingError::internal(&e.to_string()))?;
    let Some(o) = v.as_object_mut() else {
        return Err(BindingError::internal(
            "a routing reason is not a JSON object",
        ));
    };
    o.insert(
        "text".to_owned(),
        serde_json::json!({ "id": r.text(Lang::Id), "en": r.text(Lang::En) }),
    );
    if let Reason::Keyword {
        field, start, end, ..
    } = r
    {
        let text = input.field(*field);
        o.insert("start".to_owned(), utf16_index(text, *start).into());
        o.insert("end".to_owned(), utf16_index(text, *end).into());
        o.insert(
            "excerpt".to_owned(),
            r.excerpt(input).unwrap_or_default().into(),
        );
    }
    Ok(v)
}

/// Ranked routing suggestions going out (see the module docs for what is
/// added to core's JSON).
pub(crate) fn suggestions(list: &[Suggestion<'_>], input: &RoutingInput) -> Result<JsValue> {
    let out = list
        .iter()
        .map(|s| {
            let mut v =
                serde_json::to_value(s).map_err(|e| BindingError::internal(&e.to_string()))?;
            let reasons = s
                .reasons
                .iter()
                .map(|r| reason(r, input))
                .collect::<Result<Vec<_>>>()?;
            v["reasons"] = serde_json::Value::Array(reasons);
            Ok(v)
        })
        .collect::<Result<Vec<_>>>()?;
    to_js(&out)
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
