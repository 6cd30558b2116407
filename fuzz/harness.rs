//! The fuzz harness: one function per cargo-fuzz target, shared by the
//! targets in `fuzz/fuzz_targets/` (nightly, libFuzzer) and by
//! `tests/fuzz_corpora.rs` (stable, `cargo test -p ptsp`), which replays
//! every committed corpus entry through the same code.
//!
//! Each function feeds its input to one loader of the library and, when
//! the input loads, exercises what was loaded. Only laws are asserted: a
//! typed error is a valid answer to any input (its code, messages and
//! problems are checked for shape); a panic or a broken law is a bug.
//!
//! Input layout of the text targets: `TEXT [NUL PARAMS]`. The bytes before
//! the first NUL are the text under test (JSON, iCalendar); the bytes after
//! it feed [`arbitrary::Unstructured`] for the values the loaded thing is
//! exercised with (dates, counts, instants, tickets). JSON and iCalendar
//! text never contain a raw NUL, so the split never cuts a real document,
//! and with no NUL at all the values default to ones inside the loaded
//! calendar's coverage.
//!
//! `commands` is structured: its input decodes, as libfuzzer-sys decodes
//! it, with `Script::arbitrary_take_rest`.
#![allow(dead_code)]

use std::collections::BTreeSet;
use std::sync::OnceLock;

use arbitrary::{Arbitrary, Unstructured};
use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, TimeZone, Utc};
use ptsp::desk::form::{FormLimits, WebForm};
use ptsp::desk::routing::{Router, RoutingInput, Suggestion};
use ptsp::{
    Actor, AfterHours, Calendar, CalendarDef, Case, CaseStatus, Command, CorrectionReason,
    CountFrom, DeadlinePolicy, Event, HolidayKind, HolidayLayer, IcalImport, LaneKind, Lang,
    OutputKind, OutputRecord, Procedure, ProcedureDef, Request, StepKind, SubmittedDocument,
};

/// One input through one target.
pub type Target = fn(&[u8]);

/// Every target: its name (the folder of its corpus under `fuzz/corpus/`)
/// and the function that runs one input.
pub const TARGETS: &[(&str, Target)] = &[
    ("calendar_json", calendar_json),
    ("ical", ical),
    ("procedure_json", procedure_json),
    ("routing_rules", routing_rules),
    ("event_replay", event_replay),
    ("web_form", web_form),
    ("commands", commands_bytes),
];

// ---------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------

/// `TEXT [NUL PARAMS]` → (text, params).
pub fn split(data: &[u8]) -> (&[u8], &[u8]) {
    match data.iter().position(|&b| b == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &[]),
    }
}

/// The shape every error must have, whatever the input: a stable
/// snake_case code, a message in each language, problems with a code and
/// both messages.
fn check_error(e: impl Into<ptsp::Error>) {
    let e: ptsp::Error = e.into();
    let code = e.code().as_str();
    assert!(
        !code.is_empty() && code.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
        "error code {code:?} is not snake_case"
    );
    assert!(
        !e.message(Lang::En).is_empty(),
        "{code}: empty English message"
    );
    assert!(
        !e.message(Lang::Id).is_empty(),
        "{code}: empty Indonesian message"
    );
    assert!(!e.to_string().is_empty());
    for p in e.problems() {
        assert!(
            !p.code.as_str().is_empty(),
            "{code}: a problem without a code: {p:?}"
        );
        assert!(
            !p.message.is_empty() && !p.message_id.is_empty(),
            "{code}: {p:?}"
        );
    }
}

/// Unwraps a library result: a typed error is checked for shape and
/// turned into `None`.
fn ok<T, E: Into<ptsp::Error>>(r: Result<T, E>) -> Option<T> {
    r.map_err(check_error).ok()
}

/// An offset in `[-span, span]`; zero bytes give 0, small values come first.
fn around(u: &mut Unstructured, span: i64) -> i64 {
    let x = u.int_in_range(0..=2 * span).unwrap_or(0);
    if x <= span { x } else { span - x }
}

/// A choice in `0..n`, 0 when the bytes run out.
fn pick(u: &mut Unstructured, n: usize) -> usize {
    if n == 0 {
        0
    } else {
        u.choose_index(n).unwrap_or(0)
    }
}

fn utc_offset(u: &mut Unstructured) -> FixedOffset {
    let secs = match u.int_in_range(0..=6u8).unwrap_or(0) {
        0 => 7 * 3600,
        1 => 8 * 3600,
        2 => 9 * 3600,
        3 => 0,
        4 => -5 * 3600,
        5 => 86_399,
        _ => u.int_in_range(-86_399..=86_399).unwrap_or(0),
    };
    offset(secs)
}

/// A UTC offset of `secs` (modulo a day), seconds included: the engine
/// refuses an offset RFC 3339 cannot record (regression `offset-seconds`).
fn offset(secs: i32) -> FixedOffset {
    let secs = secs % 86_400;
    FixedOffset::east_opt(secs).expect("offset within a day")
}

/// An instant: mostly within about a year of `base`, sometimes one of the
/// extremes chrono can represent, sometimes any timestamp.
fn instant(u: &mut Unstructured, base: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
    let choice = u.int_in_range(0..=15u8).unwrap_or(0);
    let offset = if choice == 0 {
        *base.offset()
    } else {
        utc_offset(u)
    };
    let t = match choice {
        0..=9 => base.timestamp() + around(u, 400 * 86_400),
        10 => base.timestamp() + around(u, 40 * 366 * 86_400),
        11 => DateTime::<Utc>::MIN_UTC.timestamp() + around(u, 86_400).abs(),
        12 => DateTime::<Utc>::MAX_UTC.timestamp() - around(u, 86_400).abs(),
        13 => u.arbitrary::<i64>().unwrap_or(0),
        14 => i64::from(u.arbitrary::<i32>().unwrap_or(0)) * 86_400,
        _ => base.timestamp() + around(u, 7 * 86_400),
    };
    offset.timestamp_opt(t, 0).single().unwrap_or(base)
}

/// `t + d`, or `t` where chrono cannot represent the sum.
fn later(t: DateTime<FixedOffset>, d: Duration) -> DateTime<FixedOffset> {
    t.checked_add_signed(d).unwrap_or(t)
}

/// The local date of an instant, also where chrono's `date_naive` would
/// panic (an extreme instant whose local time is out of range).
fn local_date(t: DateTime<FixedOffset>) -> NaiveDate {
    match t.naive_utc().checked_add_offset(*t.offset()) {
        Some(local) => local.date(),
        None if t.offset().local_minus_utc() > 0 => NaiveDate::MAX,
        None => NaiveDate::MIN,
    }
}

fn wib(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<FixedOffset> {
    FixedOffset::east_opt(7 * 3600)
        .and_then(|o| o.with_ymd_and_hms(y, m, d, h, min, 0).single())
        .expect("a valid WIB instant")
}

/// A date around `base` (`len` days of interest after it), sometimes an
/// extreme or any date chrono can represent.
fn date(u: &mut Unstructured, base: NaiveDate, len: i64) -> NaiveDate {
    let choice = u.int_in_range(0..=11u8).unwrap_or(0);
    let shifted = |days: i64| base.checked_add_signed(Duration::days(days));
    let d = match choice {
        0..=7 => {
            let x = u.int_in_range(0..=len.max(0) + 800).unwrap_or(0);
            shifted(if x <= len { x } else { len - x + 400 })
        }
        8 => Some(NaiveDate::MIN),
        9 => Some(NaiveDate::MAX),
        10 => NaiveDate::from_num_days_from_ce_opt(u.arbitrary().unwrap_or(0)),
        _ => shifted(around(u, 200_000)),
    };
    d.unwrap_or(base)
}

/// A working-day count: small, medium, or extreme.
fn count(u: &mut Unstructured) -> i64 {
    match u.int_in_range(0..=9u8).unwrap_or(0) {
        0..=5 => around(u, 40),
        6 | 7 => around(u, 5_000),
        8 => [i64::MIN, i64::MAX, -1_000_000_000_000, 1_000_000_000_000][pick(u, 4)],
        _ => u.arbitrary().unwrap_or(0),
    }
}

fn policy(u: &mut Unstructured) -> DeadlinePolicy {
    DeadlinePolicy {
        count_from: if u.arbitrary().unwrap_or(false) {
            CountFrom::ReceiptDay
        } else {
            CountFrom::NextWorkingDay
        },
        after_hours: if u.arbitrary().unwrap_or(false) {
            AfterHours::SameDay
        } else {
            AfterHours::NextWorkingDay
        },
    }
}

/// Days since 1970-01-01, the unit of the batch calls.
fn epoch_days(d: NaiveDate) -> i64 {
    i64::from(d.num_days_from_ce()) - 719_163
}

thread_local! {
    /// Whether the guards against open findings are on (see
    /// [`with_open_findings`]).
    static GUARDED: std::cell::Cell<bool> = const { std::cell::Cell::new(true) };
}

/// Runs `f` with the guards against open findings off, so that the inputs
/// of `fuzz/findings/` reproduce them (`tests/fuzz_corpora.rs`, ignored
/// test `open_findings`).
pub fn with_open_findings<R>(f: impl FnOnce() -> R) -> R {
    GUARDED.set(false);
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    GUARDED.set(true);
    r.unwrap_or_else(|e| std::panic::resume_unwind(e))
}

fn jatim() -> &'static Calendar {
    static CAL: OnceLock<Calendar> = OnceLock::new();
    CAL.get_or_init(Calendar::jatim)
}

fn builtins() -> &'static [Procedure; 4] {
    static PROCS: OnceLock<[Procedure; 4]> = OnceLock::new();
    PROCS.get_or_init(|| {
        [
            Procedure::jatim_permit(),
            Procedure::jatim_consultation(),
            Procedure::jatim_complaint(),
            Procedure::jatim_suggestion(),
        ]
    })
}

// ---------------------------------------------------------------------------
// calendar_json
// ---------------------------------------------------------------------------

/// `Calendar::from_json`; a loaded calendar reloads from its own JSON,
/// its layers survive an iCalendar round trip, and its operations keep
/// their laws on dates, counts and instants derived from the input.
pub fn calendar_json(data: &[u8]) {
    let (text, params) = split(data);
    let Ok(text) = std::str::from_utf8(text) else {
        return;
    };
    let mut u = Unstructured::new(params);
    let cal = match Calendar::from_json(text) {
        Ok(cal) => cal,
        Err(e) => {
            check_error(e);
            literals(text);
            return;
        }
    };
    let again = Calendar::from_json(&cal.to_json()).expect("a calendar's own JSON loads");
    assert_eq!(again.def(), cal.def(), "JSON round trip");
    for layer in &cal.def().layers {
        ical_round_trip(layer);
    }
    calendar_ops(&cal, &mut u);
}

/// Short texts double as date and instant literals.
fn literals(text: &str) {
    if text.len() > 64 {
        return;
    }
    if let Some(d) = ok(ptsp::calendar::parse_date(text)) {
        // What parses is a date chrono can print and read back.
        let printed = d.format("%Y-%m-%d").to_string();
        if printed.len() == 10 {
            assert_eq!(ptsp::calendar::parse_date(&printed).ok(), Some(d));
        }
    }
    if let Some(t) = ok(ptsp::calendar::parse_instant(text)) {
        let _ = ptsp::calendar::parse_instant(&t.to_rfc3339());
    }
}

fn calendar_ops(cal: &Calendar, u: &mut Unstructured) {
    let span = cal.coverage();
    let Some(base) = NaiveDate::from_ymd_opt(span.first, 1, 1) else {
        return;
    };
    let len = NaiveDate::from_ymd_opt(span.last.saturating_add(1), 1, 1)
        .map_or(366, |end| (end - base).num_days());
    let base_at = cal
        .utc_offset()
        .from_local_datetime(&base.and_hms_opt(9, 0, 0).expect("09:00"))
        .single();
    let assuming = cal.assuming_weekends_only();
    for round in 0..6 {
        if round > 0 && u.is_empty() {
            break;
        }
        let (a, b, n) = (date(u, base, len), date(u, base, len), count(u));

        // Day arithmetic: numpy's busday_count and busday_offset.
        let working = ok(cal.is_working_day(a));
        if let Some(w) = working {
            let est = assuming
                .is_working_day(a)
                .expect("assumed where strict answers");
            assert_eq!(
                (est.value, est.is_assumed()),
                (w, false),
                "assumed view on {a}"
            );
            // Strictly after / before `a`, and nothing in between works.
            if let Some(next) = ok(cal.next_working_day(a)) {
                assert!(next > a, "next of {a}: {next}");
                if let Some(k) = ok(cal.working_days_between(a, next)) {
                    assert_eq!(k, i64::from(w), "working days from {a} to the next {next}");
                }
            }
            if let Some(prev) = ok(cal.previous_working_day(a)) {
                assert!(prev < a, "previous of {a}: {prev}");
                if let Some(k) = ok(cal.working_days_between(prev, a)) {
                    assert_eq!(k, 1, "working days from the previous {prev} to {a}");
                }
            }
            if let Some(same) = ok(cal.add_working_days(a, 0)) {
                assert!(if w { same == a } else { same > a }, "{a} + 0 = {same}");
            }
        } else {
            let _ = assuming.is_working_day(a).map_err(check_error);
        }
        let between = ok(cal.working_days_between(a, b));
        if let Some(k) = between {
            // numpy's busday_count: [a, b) forwards, minus (b, a] backwards.
            let (wa, wb) = (cal.is_working_day(a), cal.is_working_day(b));
            if let (Ok(wa), Ok(wb), Ok(back)) = (wa, wb, cal.working_days_between(b, a)) {
                let turned = if a <= b {
                    -(k - i64::from(wa) + i64::from(wb))
                } else {
                    -k - i64::from(wa) + i64::from(wb)
                };
                assert_eq!(back, turned, "count {b}..{a} against {a}..{b} = {k}");
            }
            let est = assuming
                .working_days_between(a, b)
                .expect("assumed where strict answers");
            assert_eq!((est.value, est.is_assumed()), (k, false));
        }
        if let Some(r) = ok(cal.add_working_days(a, n)) {
            assert!(if n >= 0 { r >= a } else { r < a }, "{a} + {n} = {r}");
            if (n >= 0 || working == Some(true))
                && let Some(k) = ok(cal.working_days_between(a, r))
            {
                assert_eq!(k, n, "working days from {a} to {a} + {n} = {r}");
            }
            let est = assuming
                .add_working_days(a, n)
                .expect("assumed where strict answers");
            assert_eq!((est.value, est.is_assumed()), (r, false));
            // The batch call agrees with the scalar call.
            let (da, db) = (epoch_days(a), epoch_days(b));
            if let Some(v) = ok(cal.add_working_days_batch(&[da, db], &[n])) {
                assert_eq!(v.len(), 2);
                assert_eq!(v[0], epoch_days(r), "batch add of {a} + {n}");
            }
        } else {
            let _ = assuming.add_working_days(a, n).map_err(check_error);
        }
        if let Some(v) = ok(cal.working_days_between_batch(&[epoch_days(a)], &[epoch_days(b)])) {
            assert_eq!(
                v,
                [between.expect("batch count where the scalar count fails")]
            );
        }
        let _ = ok(cal.add_working_days_batch(&[ptsp::calendar::NAT], &[n]));
        if let Some(hs) = ok(cal.holidays(a.year())) {
            assert!(hs.iter().all(|h| h.date.year() == a.year()));
        }

        // Statutory deadlines and working time.
        let Some(base_at) = base_at else { continue };
        let received = instant(u, base_at);
        let pol = policy(u);
        let days = match n {
            -40..=40 => n,
            _ => n % 400,
        };
        if let Some(d) = ok(cal.deadline(received, days, &pol)) {
            assert_eq!(d.working_days, days);
            assert!(d.due_at >= d.received_at, "due {} before receipt", d.due_at);
            assert!(d.due_date >= d.day_one);
            assert_eq!(d.received_at, received);
            if let Some(x) = ok(cal.explain_deadline(received, days, &pol)) {
                assert_eq!(x.deadline, d, "explanation and deadline disagree");
                assert!(!x.render(Lang::En).is_empty() && !x.render(Lang::Id).is_empty());
            }
            let est = assuming
                .deadline(received, days, &pol)
                .expect("assumed where strict answers");
            assert_eq!((&est.value, est.is_assumed()), (&d, false));
        } else {
            let _ = ok(assuming.deadline(received, days, &pol));
            let _ = ok(assuming.explain_deadline(received, days, &pol));
        }
        let secs = match u.int_in_range(0..=3u8).unwrap_or(0) {
            0 | 1 => around(u, 400_000).abs(),
            2 => around(u, 40_000_000),
            _ => u.arbitrary::<i32>().map(i64::from).unwrap_or(0) * 1000,
        };
        let dur = Duration::seconds(secs);
        if let Some(end) = ok(cal.add_working_time(received, dur)) {
            assert!(end >= received, "{received} + {secs} s = {end}");
            if let Some(back) = ok(cal.working_time_between(received, end)) {
                assert_eq!(back, dur, "working time from {received} to {end}");
            }
        }
        let later = instant(u, received);
        if let Some(t) = ok(cal.working_time_between(received, later))
            && let Some(back) = ok(cal.working_time_between(later, received))
        {
            assert_eq!(back, -t, "working time {received}..{later}");
        }
        let _ = ok(assuming.add_working_time(received, dur));
        let _ = ok(assuming.working_time_between(received, later));
    }
}

// ---------------------------------------------------------------------------
// ical
// ---------------------------------------------------------------------------

/// Export → import is the identity for every layer export accepts (exact
/// texts travel as JSON; regression `ical-blank-run`); export refuses with
/// a typed error what import would refuse.
fn ical_round_trip(layer: &HolidayLayer) {
    let opts = IcalImport {
        layer_id: "other".into(),
        layer_name: "Other".into(),
        default_kind: HolidayKind::Regional,
    };
    let Some(text) = ok(layer.to_ical()) else {
        return;
    };
    match HolidayLayer::from_ical(&text, &opts) {
        Ok(back) => assert_eq!(&back, layer, "iCalendar round trip of\n{text}"),
        Err(e) => panic!("the export of a layer does not import: {e}\n{text}"),
    }
}

/// `HolidayLayer::from_ical` on any text; an imported layer round-trips
/// (within the reader's quirks) and, when it claims years, builds a
/// calendar whose operations keep their laws.
pub fn ical(data: &[u8]) {
    let (text, params) = split(data);
    let Ok(text) = std::str::from_utf8(text) else {
        return;
    };
    let mut u = Unstructured::new(params);
    let opts = IcalImport {
        layer_id: "kantor-fuzz".into(),
        layer_name: "Kantor Fuzz".into(),
        default_kind: HolidayKind::ALL[pick(&mut u, HolidayKind::ALL.len())],
    };
    let Some(layer) = ok(HolidayLayer::from_ical(text, &opts)) else {
        return;
    };
    ical_round_trip(&layer);
    // Import of an export is stable after one round.
    if let Some(text) = ok(layer.to_ical())
        && let Some(once) = ok(HolidayLayer::from_ical(&text, &opts))
        && let Some(text) = ok(once.to_ical())
        && let Some(twice) = ok(HolidayLayer::from_ical(&text, &opts))
    {
        assert_eq!(twice, once, "second iCalendar round trip");
    }
    let mut def = CalendarDef::indonesia();
    if layer.years.is_empty() {
        def.layers.push(layer);
    } else {
        def.layers = vec![layer];
    }
    if let Some(cal) = ok(Calendar::new(def)) {
        calendar_ops(&cal, &mut u);
    }
}

// ---------------------------------------------------------------------------
// procedure_json
// ---------------------------------------------------------------------------

/// `Procedure::from_json`; a loaded procedure reloads from its own JSON,
/// previews on the jatim calendar, and runs its main path as a case whose
/// log replays to the same state and whose public view hides the
/// applicant.
pub fn procedure_json(data: &[u8]) {
    let (text, params) = split(data);
    let Ok(text) = std::str::from_utf8(text) else {
        return;
    };
    let mut u = Unstructured::new(params);
    let Some(p) = ok(Procedure::from_json(text)) else {
        return;
    };
    assert!(
        p.def().validate().is_empty(),
        "a loaded procedure validates"
    );
    let again = Procedure::from_json(&p.to_json()).expect("a procedure's own JSON loads");
    assert_eq!(again.def(), p.def(), "JSON round trip");

    let cal = jatim();
    let at = instant(&mut u, wib(2026, 12, 21, 9, 0));
    if let Some(pr) = ok(ptsp::sla::preview(&p, cal, at)) {
        let mut now = at;
        for s in &pr.steps {
            assert!(
                s.entered >= now,
                "preview step {} entered before the one before",
                s.step
            );
            if let Some(due) = s.due {
                assert!(due >= s.entered, "preview step {} due before entry", s.step);
            }
            now = s.due.unwrap_or(s.entered);
        }
        assert!(pr.completion >= at);
    }
    let _ = serde_json::to_string(&Case::new().tracking(&p)).expect("tracking serializes");
    walk(&p, cal, at, &mut u);
}

const SECRET_APPLICANT: &str = "pemohon-rahasia-7f3a";

/// Drives a case along the procedure's main path with actors made to fit
/// each step.
fn walk(p: &Procedure, cal: &Calendar, start: DateTime<FixedOffset>, u: &mut Unstructured) {
    let def = p.def();
    let applicant_roles: Vec<&str> = def
        .lanes
        .iter()
        .filter(|l| l.kind == LaneKind::Applicant)
        .flat_map(|l| l.roles.iter().map(String::as_str))
        .collect();
    let applicant = Actor::new(SECRET_APPLICANT, &applicant_roles, None);
    let docs: Vec<SubmittedDocument> = def
        .documents
        .iter()
        .map(|d| {
            let format = d.formats.first().map_or("pdf", String::as_str);
            SubmittedDocument::new(&d.code, format, d.max_bytes.unwrap_or(1).clamp(1, 1 << 20))
        })
        .collect();
    let mut case = Case::new();
    let mut log = Vec::new();
    let mut at = start;
    let run = |case: &mut Case, log: &mut Vec<Event>, req: Request| {
        let before = case.clone();
        match case.execute(&req, p, cal) {
            Ok(events) => log.extend(events),
            Err(e) => {
                assert_eq!(
                    case,
                    &before,
                    "a refused {} changed the case",
                    req.command.name()
                );
                check_error(e);
            }
        }
    };
    run(
        &mut case,
        &mut log,
        Request {
            actor: applicant.clone(),
            at,
            command: Command::Submit {
                case_id: "FUZZ-1".into(),
                documents: docs.clone(),
            },
        },
    );
    for _ in 0..def.steps.len() + 2 {
        let Some(step) = case.current.clone().and_then(|s| p.step(&s)) else {
            break;
        };
        at = later(
            at,
            Duration::minutes(u.int_in_range(1..=3000).unwrap_or(90)),
        );
        let Some(lane) = p.lane(&step.lane) else {
            break;
        };
        let roles: Vec<&str> = if step.roles.is_empty() {
            lane.roles.iter().map(String::as_str).collect()
        } else {
            step.roles.iter().map(String::as_str).collect()
        };
        let actor = match lane.kind {
            LaneKind::Applicant => applicant.clone(),
            _ => Actor::new("petugas-1", &roles, Some("unit-1")),
        };
        if lane.kind == LaneKind::RoutedUnit && !case.assignments.contains_key(&lane.id) {
            let assigners: Vec<&str> = def.assigner_roles.iter().map(String::as_str).collect();
            run(
                &mut case,
                &mut log,
                Request {
                    actor: Actor::new("penugas-1", &assigners, None),
                    at,
                    command: Command::Assign {
                        lane: lane.id.clone(),
                        unit: Some("unit-1".into()),
                        staff: None,
                        reason: None,
                    },
                },
            );
        }
        let pick_outcome = pick(u, step.outcomes.len());
        let Some(outcome) = step.outcomes.get(pick_outcome) else {
            break;
        };
        let command = match u.int_in_range(0..=9u8).unwrap_or(0) {
            7 if step.correction && case.status == CaseStatus::Active => {
                Command::ReturnForCorrection {
                    step: step.id.clone(),
                    reasons: vec![CorrectionReason {
                        document: docs.first().map_or("ktp".into(), |d| d.code.clone()),
                        reason: "buram".into(),
                    }],
                }
            }
            8 if case.status == CaseStatus::AwaitingCorrection => Command::Resubmit {
                documents: docs.clone(),
            },
            _ => Command::CompleteStep {
                step: step.id.clone(),
                outcome: Some(outcome.id.clone()),
                note: Some("catatan".into()),
                tier: if step.sets_tier {
                    def.tiers
                        .get(pick(u, def.tiers.len()))
                        .map(|t| t.id.clone())
                } else {
                    None
                },
                outputs: step
                    .outputs
                    .iter()
                    .map(|&kind| OutputRecord {
                        kind,
                        number: "503/1/2026".into(),
                        date: local_date(at),
                        file: None,
                    })
                    .collect(),
            },
        };
        let actor = if case.status == CaseStatus::AwaitingCorrection {
            applicant.clone()
        } else {
            actor
        };
        run(&mut case, &mut log, Request { actor, at, command });
    }
    check_log(&case, &log, p);
    let tracking = serde_json::to_string(&case.tracking(p)).expect("tracking serializes");
    assert!(
        !tracking.contains(SECRET_APPLICANT),
        "the public tracking view names the applicant: {tracking}"
    );
    let now = instant(u, at);
    let _ = ok(ptsp::sla::evaluate(&case, p, cal, now));
    let _ = ok(ptsp::desk::figures::figures(&case, p, cal, now));
}

/// The laws of an accepted log: replay (checked and trusted) gives the
/// case back, and the log survives JSON.
fn check_log(case: &Case, log: &[Event], p: &Procedure) {
    match Case::replay(log, p) {
        Ok(replayed) => assert_eq!(&replayed, case, "replay differs from the fold"),
        Err(e) => panic!("the log of accepted commands does not replay: {e}"),
    }
    assert_eq!(
        Case::replay_trusted(log).as_ref(),
        Ok(case),
        "trusted replay differs from the fold"
    );
    let json = serde_json::to_string(log).expect("events serialize");
    let back: Vec<Event> = serde_json::from_str(&json).expect("events deserialize");
    assert_eq!(back, log, "event JSON round trip");
}

// ---------------------------------------------------------------------------
// routing_rules
// ---------------------------------------------------------------------------

/// `Router::from_json`; a loaded router reloads from its own JSON, and its
/// suggestions for tickets built from the rules' own words and the input
/// keep the ranking laws.
pub fn routing_rules(data: &[u8]) {
    let (text, params) = split(data);
    let Ok(text) = std::str::from_utf8(text) else {
        return;
    };
    let mut u = Unstructured::new(params);
    let Some(router) = ok(Router::from_json(text)) else {
        return;
    };
    assert!(
        router.rule_set().validate().is_empty(),
        "a loaded rule set validates"
    );
    let again = Router::from_json(&router.to_json()).expect("a rule set's own JSON loads");
    assert_eq!(again.rule_set(), router.rule_set(), "JSON round trip");

    let set = router.rule_set();
    let mut words: Vec<String> = set.rules.iter().flat_map(|r| r.keywords.clone()).collect();
    words.extend(["izin", "perizinan", "mengizinkan", "halo", "é", "İ", "-"].map(String::from));
    let values = |f: fn(&ptsp::RoutingRule) -> &Option<String>| -> Vec<String> {
        set.rules.iter().filter_map(|r| f(r).clone()).collect()
    };
    let (services, sectors, categories) = (
        values(|r| &r.service),
        values(|r| &r.sector),
        values(|r| &r.category),
    );
    let mut tickets = Vec::new();
    if u.is_empty() {
        // Every keyword in one ticket, every criterion set.
        tickets.push(RoutingInput {
            service: services.first().cloned().unwrap_or_default(),
            sector: sectors.first().cloned().unwrap_or_default(),
            category: categories.first().cloned().unwrap_or_default(),
            subject: String::new(),
            text: words.join(" "),
        });
    }
    while !u.is_empty() && tickets.len() < 4 {
        let field = |u: &mut Unstructured| {
            let mut s = String::new();
            for _ in 0..u.int_in_range(0..=12u8).unwrap_or(0) {
                match u.int_in_range(0..=3u8).unwrap_or(0) {
                    0 | 1 => s.push_str(&words[pick(u, words.len())]),
                    2 => s.push_str(u.arbitrary::<&str>().unwrap_or("")),
                    _ => s.push_str(["nya", "kan", "meng", "di", "-", ",", "  "][pick(u, 7)]),
                }
                s.push(if u.arbitrary().unwrap_or(true) {
                    ' '
                } else {
                    '.'
                });
            }
            s
        };
        let criterion =
            |u: &mut Unstructured, list: &[String]| match u.int_in_range(0..=3u8).unwrap_or(0) {
                0 => String::new(),
                1 | 2 => list
                    .get(pick(u, list.len()))
                    .map_or("", |s| s.as_str())
                    .to_uppercase(),
                _ => u.arbitrary::<String>().unwrap_or_default(),
            };
        tickets.push(RoutingInput {
            service: criterion(&mut u, &services),
            sector: criterion(&mut u, &sectors),
            category: criterion(&mut u, &categories),
            subject: field(&mut u),
            text: field(&mut u),
        });
    }
    let mut reused = Vec::new();
    for t in &tickets {
        let s = router.suggest(t);
        check_suggestions(&router, t, &s);
        assert_eq!(router.suggest(t), s, "suggest is a pure function");
        router.suggest_into(t, &mut reused);
        assert_eq!(reused, s, "suggest_into with a used vector");
        let rejected: Vec<&str> = s
            .iter()
            .take(pick(&mut u, s.len() + 1))
            .map(|s| s.unit)
            .collect();
        let again = router.redistribute(t, &rejected);
        assert!(!again.is_empty(), "redistribute is never empty");
        for g in &again {
            assert!(
                g.rule.is_none() || !rejected.contains(&g.unit),
                "redistribute offers {} which declined",
                g.unit
            );
        }
        for w in ptsp::desk::routing::tokenize(&t.text) {
            let _ = router.stem(&w);
        }
        let _ = router.normalize(&t.subject);
    }
}

fn check_suggestions(router: &Router, t: &RoutingInput, s: &[Suggestion<'_>]) {
    assert!(!s.is_empty(), "suggest is never empty");
    let mut units = BTreeSet::new();
    for (i, g) in s.iter().enumerate() {
        assert!(units.insert(g.unit), "unit {} suggested twice", g.unit);
        assert!(router.unit(g.unit).is_some(), "unknown unit {}", g.unit);
        match g.rule {
            Some(id) => {
                let rule = router.rule_set().rules.iter().find(|r| r.id == id);
                assert_eq!(rule.map(|r| r.target.as_str()), Some(g.unit), "rule {id}");
            }
            None => {
                assert_eq!(g.unit, router.fallback().id, "a suggestion without a rule");
                assert_eq!(s.len(), 1, "the fallback comes alone");
            }
        }
        if i > 0 {
            let prev = &s[i - 1];
            assert!(
                (prev.priority, prev.score) >= (g.priority, g.score),
                "ranking: {:?} before {:?}",
                (prev.unit, prev.priority, prev.score),
                (g.unit, g.priority, g.score)
            );
        }
        assert!(!g.reasons.is_empty(), "a suggestion without reasons");
        for r in &g.reasons {
            assert!(!r.text(Lang::En).is_empty() && !r.text(Lang::Id).is_empty());
            if r.code() == "keyword" {
                assert!(
                    r.excerpt(t).is_some(),
                    "keyword offsets outside the ticket: {r:?}"
                );
            }
        }
    }
}

// ---------------------------------------------------------------------------
// event_replay
// ---------------------------------------------------------------------------

/// A JSON event log replayed against every built-in procedure, checked
/// and trusted; a replayed case evaluates, tracks and gives desk figures.
pub fn event_replay(data: &[u8]) {
    let (text, params) = split(data);
    let Ok(text) = std::str::from_utf8(text) else {
        return;
    };
    let mut u = Unstructured::new(params);
    let Ok(events) = serde_json::from_str::<Vec<Event>>(text) else {
        return;
    };
    let json = serde_json::to_string(&events).expect("events serialize");
    let back: Vec<Event> = serde_json::from_str(&json).expect("events deserialize");
    assert_eq!(back, events, "event JSON round trip");

    let cal = jatim();
    let base = events.last().map_or(wib(2026, 12, 21, 9, 0), |e| e.at);
    let now = instant(&mut u, base);
    let trusted = Case::replay_trusted(&events);
    for p in builtins() {
        match Case::replay(&events, p) {
            Ok(case) => {
                assert_eq!(
                    trusted.as_ref(),
                    Ok(&case),
                    "checked and trusted replay differ"
                );
                exercise_case(&case, &events, p, cal, now);
            }
            Err(e) => check_error(e),
        }
    }
    match trusted {
        Ok(case) => {
            let json = serde_json::to_string(&case).expect("a case serializes");
            let back: Case = serde_json::from_str(&json).expect("a case deserializes");
            assert_eq!(back, case, "case JSON round trip");
            for p in builtins() {
                let _ = ok(ptsp::sla::evaluate(&case, p, cal, now));
                let _ = case.tracking(p);
            }
        }
        Err(e) => check_error(e),
    }
}

fn exercise_case(
    case: &Case,
    events: &[Event],
    p: &Procedure,
    cal: &Calendar,
    now: DateTime<FixedOffset>,
) {
    let _ = ok(ptsp::sla::evaluate(case, p, cal, now));
    let _ = ok(ptsp::desk::figures::figures(case, p, cal, now));
    let _ = ok(ptsp::desk::figures::unit_summaries(
        std::slice::from_ref(case),
        p,
        cal,
        now,
    ));
    let tracking = case.tracking(p);
    let _ = tracking.clock_text(Lang::En);
    let _ = tracking.clock_text(Lang::Id);
    let _ = serde_json::to_string(&tracking).expect("tracking serializes");
    for visit in 0..case.visits.len() {
        let _ = ok(ptsp::sla::explain(case, visit, p, cal));
    }
    for outsider in [
        Actor::new("x-1", &["petugas_unit"], Some("dinkes")),
        Actor::new("x-2", &["satpam"], None),
    ] {
        let view = case.view_for(&outsider, p);
        let seen = case.events_for(events, &outsider, p);
        assert_eq!(seen.len(), events.len());
        if !case.sees_applicant(&outsider, p) {
            assert_eq!(view.applicant, ptsp::case::REDACTED);
            for e in &seen {
                assert!(e.actor != case.applicant || case.applicant == ptsp::case::REDACTED);
                if let ptsp::EventKind::Submitted { applicant, .. } = &e.kind {
                    assert_eq!(applicant, ptsp::case::REDACTED);
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------
// web_form
// ---------------------------------------------------------------------------

/// `WebForm::from_json` and `FormLimits::from_json` on the same text; a
/// form validates (with the default limits, at a date derived from the
/// input) to a normal form that validates to itself, and loaded limits
/// validate a form built from the input the same way.
pub fn web_form(data: &[u8]) {
    let (text, params) = split(data);
    let Ok(text) = std::str::from_utf8(text) else {
        return;
    };
    let mut u = Unstructured::new(params);
    let today = date(
        &mut u,
        NaiveDate::from_ymd_opt(2026, 12, 1).expect("date"),
        366,
    );
    if let Some(form) = ok(WebForm::from_json(text)) {
        validate_twice(&form, &FormLimits::default(), today);
    }
    if let Some(limits) = ok(FormLimits::from_json(text)) {
        assert!(limits.check().is_ok());
        let json = serde_json::to_string(&limits).expect("limits serialize");
        assert_eq!(
            FormLimits::from_json(&json).as_ref(),
            Ok(&limits),
            "limits JSON round trip"
        );
        let form = WebForm {
            kind: u.arbitrary().ok().flatten().map(|complaint: bool| {
                if complaint {
                    ptsp::TicketKind::Complaint
                } else {
                    ptsp::TicketKind::Consultation
                }
            }),
            name: u.arbitrary().unwrap_or_else(|_| "Budi Santoso".into()),
            nik: u.arbitrary().unwrap_or(None),
            email: u.arbitrary().unwrap_or(None),
            phone: u.arbitrary().unwrap_or(None),
            subject: u.arbitrary().unwrap_or_else(|_| "Syarat izin".into()),
            text: u
                .arbitrary()
                .unwrap_or_else(|_| "Apa saja syarat izin operasional klinik?".into()),
            attachments: Vec::new(),
            service: None,
            category: None,
        };
        validate_twice(&form, &limits, today);
    }
}

fn validate_twice(form: &WebForm, limits: &FormLimits, today: NaiveDate) {
    match ptsp::desk::form::validate(form, limits, today) {
        Ok(valid) => {
            let again = ptsp::desk::form::validate(&valid.to_form(), limits, today);
            assert_eq!(again.as_ref(), Ok(&valid), "validation is idempotent");
            let _ = serde_json::to_string(&valid).expect("a valid form serializes");
            let _ = RoutingInput::from(&valid);
        }
        Err(e) => {
            assert!(
                !e.problems().is_empty(),
                "an invalid form names its problems"
            );
            check_error(e);
        }
    }
}

// ---------------------------------------------------------------------------
// commands
// ---------------------------------------------------------------------------

/// A sequence of requests against one built-in procedure.
#[derive(Debug, Arbitrary)]
pub struct Script {
    /// Which built-in procedure (modulo 4).
    pub procedure: u8,
    /// Settings changed on it.
    pub variant: Variant,
    /// The first request's instant.
    pub start: Moment,
    /// The requests.
    pub moves: Vec<Move>,
    /// The instant the SLA clocks are evaluated at.
    pub end: Moment,
}

/// Settings an office may change on a built-in procedure.
#[derive(Debug, Arbitrary)]
pub struct Variant {
    restart: bool,
    reopen_restart: bool,
    no_separation: bool,
    window: Option<u8>,
    deemed: bool,
    small_limits: bool,
}

/// One request.
#[derive(Debug, Arbitrary)]
pub struct Move {
    actor: Who,
    command: What,
    after: Delay,
}

/// An instant.
#[derive(Debug, Arbitrary)]
pub enum Moment {
    /// Seconds from Monday 2026-12-21 09:00 WIB.
    Near(i32),
    /// An extreme instant (index into a fixed list).
    Extreme(u8),
    /// Any timestamp and offset.
    Raw(i64, i32),
}

/// Time between two requests.
#[derive(Debug, Arbitrary)]
pub enum Delay {
    Minutes(u16),
    Hours(u8),
    Days(u16),
    Back(u32),
    Jump(Moment),
}

/// Who acts.
#[derive(Debug, Arbitrary)]
pub enum Who {
    /// An actor of the palette built from the procedure.
    Palette(u8),
    /// Anyone.
    Custom {
        id: Text,
        roles: Vec<u8>,
        unit: Option<u8>,
    },
}

/// A string: from a fixed palette, repeated, or free.
#[derive(Debug, Arbitrary)]
pub enum Text {
    Palette(u8),
    Repeat(char, u16),
    Free(String),
}

/// A step id.
#[derive(Debug, Arbitrary)]
pub enum StepRef {
    Current,
    Palette(u8),
    Free(Text),
}

/// An outcome id.
#[derive(Debug, Arbitrary)]
pub enum OutcomeRef {
    OfStep(u8),
    Any(u8),
    Free(Text),
}

/// A set of submitted documents.
#[derive(Debug, Arbitrary)]
pub enum Docs {
    /// Every requirement of the procedure (mandatory only, or all), in
    /// its first accepted format.
    Complete { optional_too: bool, bytes: Bytes },
    /// Any list.
    List(Vec<Doc>),
}

/// One submitted document.
#[derive(Debug, Arbitrary)]
pub struct Doc {
    code: Text,
    requirement: Option<u8>,
    format: u8,
    bytes: Bytes,
}

/// A file size.
#[derive(Debug, Arbitrary)]
pub enum Bytes {
    Small(u16),
    Max,
    OverMax,
    Zero,
    Raw(u64),
}

/// An output record.
#[derive(Debug, Arbitrary)]
pub struct Output {
    kind: u8,
    number: Text,
    days_before: i32,
    file: Option<Text>,
}

/// What the actor asks.
#[derive(Debug, Arbitrary)]
pub enum What {
    Submit {
        case_id: Text,
        docs: Docs,
    },
    Complete {
        step: StepRef,
        outcome: OutcomeRef,
        note: Option<Text>,
        tier: Option<Text>,
        outputs: Option<Vec<Output>>,
    },
    Return {
        step: StepRef,
        reasons: Vec<(Option<u8>, Text)>,
    },
    Resubmit {
        docs: Docs,
    },
    Reject {
        step: StepRef,
        reason: Text,
    },
    Withdraw {
        reason: Option<Text>,
    },
    Assign {
        lane: Option<u8>,
        unit: Option<u8>,
        staff: Option<u8>,
        reason: Option<Text>,
    },
    Lapse {
        step: StepRef,
    },
}

const UNITS: [&str; 6] = [
    "dinkes",
    "dishub",
    "bidang-perizinan",
    "kabid-pengaduan",
    "",
    "unit-1",
];
const TEXTS: [&str; 8] = [
    "",
    " ",
    "C-1",
    "ok",
    "biasa",
    "mendesak",
    "catatan\npanjang",
    "\u{0}",
];
const FORMATS: [&str; 6] = ["pdf", "jpg", "png", "docx", "", "PDF"];
const OUTPUT_KINDS: [OutputKind; 5] = [
    OutputKind::BeritaAcara,
    OutputKind::Rekomendasi,
    OutputKind::Izin,
    OutputKind::NonIzin,
    OutputKind::Answer,
];

impl Text {
    fn get(&self) -> String {
        match self {
            Text::Palette(i) => TEXTS[usize::from(*i) % TEXTS.len()].to_owned(),
            Text::Repeat(c, n) => std::iter::repeat_n(*c, usize::from(*n)).collect(),
            Text::Free(s) => s.clone(),
        }
    }
}

impl Moment {
    fn get(&self) -> DateTime<FixedOffset> {
        let base = wib(2026, 12, 21, 9, 0);
        match self {
            Moment::Near(s) => base + Duration::seconds(i64::from(*s)),
            Moment::Extreme(i) => {
                let utc = |t: DateTime<Utc>, off: i32| Some(t.with_timezone(&offset(off)));
                let list = [
                    utc(DateTime::<Utc>::MIN_UTC, 0),
                    utc(DateTime::<Utc>::MAX_UTC, 0),
                    utc(DateTime::<Utc>::MIN_UTC, 86_399),
                    utc(DateTime::<Utc>::MAX_UTC, -86_399),
                    utc(DateTime::<Utc>::MAX_UTC, 86_399),
                    utc(DateTime::<Utc>::MIN_UTC, -86_399),
                    Some(wib(9999, 12, 31, 23, 59)),
                    Some(wib(1, 1, 1, 0, 0)),
                    Some(wib(2022, 12, 31, 16, 0)),
                    Some(wib(2027, 12, 31, 16, 0)),
                    Some(wib(2028, 1, 3, 8, 0)),
                    Some(wib(1970, 1, 1, 7, 0)),
                ];
                list[usize::from(*i) % list.len()].unwrap_or(base)
            }
            Moment::Raw(t, off) => offset(*off).timestamp_opt(*t, 0).single().unwrap_or(base),
        }
    }
}

/// The ids a script picks from, built from the procedure itself.
struct Palette {
    actors: Vec<Actor>,
    roles: Vec<String>,
    steps: Vec<String>,
    outcomes: Vec<String>,
    lanes: Vec<String>,
}

fn palette(p: &Procedure) -> Palette {
    let def = p.def();
    let mut actors = Vec::new();
    let lane_roles = |kind: LaneKind| -> Vec<&str> {
        def.lanes
            .iter()
            .filter(|l| l.kind == kind)
            .flat_map(|l| l.roles.iter().map(String::as_str))
            .collect()
    };
    let applicant = lane_roles(LaneKind::Applicant);
    actors.push(Actor::new("p-1", &applicant, None));
    actors.push(Actor::new("p-2", &applicant, None));
    for role in &def.roles {
        actors.push(Actor::new(&format!("{}-1", role.id), &[&role.id], None));
    }
    for role in lane_roles(LaneKind::RoutedUnit) {
        for unit in &UNITS[..4] {
            actors.push(Actor::new(&format!("{role}-{unit}"), &[role], Some(unit)));
        }
    }
    let all: Vec<&str> = def.roles.iter().map(|r| r.id.as_str()).collect();
    actors.push(Actor::new("super-1", &all, Some("dinkes")));
    actors.push(Actor::new("p-1", &all, Some("dinkes")));
    actors.push(Actor::new("", &applicant, None));
    actors.push(Actor::new("", &all, Some("dinkes")));
    actors.push(Actor::new("x-1", &[], None));
    actors.push(Actor::new("x-2", &[], Some("dinkes")));
    let mut roles: Vec<String> = def.roles.iter().map(|r| r.id.clone()).collect();
    roles.push("tamu".into());
    let mut steps: Vec<String> = def.steps.iter().map(|s| s.id.clone()).collect();
    steps.push("tidak-ada".into());
    let mut outcomes: Vec<String> = def
        .steps
        .iter()
        .flat_map(|s| s.outcomes.iter().map(|o| o.id.clone()))
        .collect();
    outcomes.push(String::new());
    let mut lanes: Vec<String> = def.lanes.iter().map(|l| l.id.clone()).collect();
    lanes.push("tidak-ada".into());
    Palette {
        actors,
        roles,
        steps,
        outcomes,
        lanes,
    }
}

fn at<T: Clone>(list: &[T], i: u8) -> T {
    list[usize::from(i) % list.len()].clone()
}

fn variant(p: &Procedure, v: &Variant) -> Procedure {
    let mut def: ProcedureDef = p.def().clone();
    if v.restart {
        def.correction_clock = ptsp::CorrectionClock::Restart;
    }
    if v.reopen_restart {
        def.reopen_clock = ptsp::CorrectionClock::Restart;
    }
    if v.no_separation {
        def.separation_of_duties = false;
    }
    if let Some(days) = v.window {
        def.correction_window = Some(ptsp::Sla {
            amount: i64::from(days % 30) + 1,
            unit: ptsp::SlaUnit::WorkingDays,
            warn_at: vec![50],
        });
    }
    if v.deemed {
        def.deemed_approval = Some(ptsp::DeemedApproval {
            steps: def
                .steps
                .iter()
                .filter(|s| s.sla.is_some() && s.kind != StepKind::End)
                .map(|s| s.id.clone())
                .collect(),
            basis: "UU 30/2014 Pasal 53".into(),
        });
    }
    if v.small_limits {
        def.limits = ptsp::TextLimits {
            note: 8,
            reason: 8,
            id: 4,
            items: 2,
        };
    }
    Procedure::new(def).expect("a built-in procedure with office settings is valid")
}

/// The decoding libfuzzer-sys applies to a structured target's input.
pub fn commands_bytes(data: &[u8]) {
    if data.len() < <Script as Arbitrary>::size_hint(0).0 {
        return;
    }
    if let Ok(script) = Script::arbitrary_take_rest(Unstructured::new(data)) {
        commands(script);
    }
}

/// Runs a script: every refused request leaves the case unchanged, an
/// actor without roles is always refused, the accepted events replay to
/// the case, and the SLA clocks evaluate to a report or a typed error.
pub fn commands(script: Script) {
    let base = &builtins()[usize::from(script.procedure) % 4];
    let p = variant(base, &script.variant);
    let cal = jatim();
    let pal = palette(&p);
    let mut case = Case::new();
    let mut log: Vec<Event> = Vec::new();
    let mut now = script.start.get();
    for m in script.moves.iter().take(64) {
        now = match &m.after {
            Delay::Minutes(n) => later(now, Duration::minutes(i64::from(*n))),
            Delay::Hours(n) => later(now, Duration::hours(i64::from(*n))),
            Delay::Days(n) => later(now, Duration::days(i64::from(*n))),
            Delay::Back(s) => later(now, Duration::seconds(-i64::from(*s))),
            Delay::Jump(t) => t.get(),
        };
        let actor = match &m.actor {
            Who::Palette(i) => at(&pal.actors, *i),
            Who::Custom { id, roles, unit } => Actor {
                id: id.get(),
                roles: roles.iter().take(8).map(|&r| at(&pal.roles, r)).collect(),
                unit: unit.map(|i| at(&UNITS, i).to_owned()),
            },
        };
        let command = command(&m.command, &case, &p, &pal, now);
        let req = Request {
            actor,
            at: now,
            command,
        };
        let before = case.clone();
        match case.execute(&req, &p, cal) {
            Ok(events) => {
                assert!(
                    !req.actor.roles.is_empty(),
                    "an actor without roles was allowed to {}",
                    req.command.name()
                );
                log.extend(events);
            }
            Err(e) => {
                assert_eq!(
                    case,
                    before,
                    "a refused {} changed the case",
                    req.command.name()
                );
                check_error(e);
            }
        }
    }
    check_log(&case, &log, &p);
    let end = script.end.get();
    for t in [now, end] {
        let _ = ok(ptsp::sla::evaluate(&case, &p, cal, t));
        let _ = ok(ptsp::desk::figures::figures(&case, &p, cal, t));
    }
    let tracking = case.tracking(&p);
    let _ = serde_json::to_string(&tracking).expect("tracking serializes");
}

fn step_id(r: &StepRef, case: &Case, pal: &Palette) -> String {
    match r {
        StepRef::Current => case.current.clone().unwrap_or_default(),
        StepRef::Palette(i) => at(&pal.steps, *i),
        StepRef::Free(t) => t.get(),
    }
}

fn documents(d: &Docs, p: &Procedure) -> Vec<SubmittedDocument> {
    let reqs = &p.def().documents;
    let size = |b: &Bytes, max: Option<u64>| match b {
        Bytes::Small(n) => u64::from(*n) + 1,
        Bytes::Max => max.unwrap_or(1 << 20),
        Bytes::OverMax => max.unwrap_or(u64::MAX - 1).saturating_add(1),
        Bytes::Zero => 0,
        Bytes::Raw(n) => *n,
    };
    match d {
        Docs::Complete {
            optional_too,
            bytes,
        } => reqs
            .iter()
            .filter(|r| r.mandatory || *optional_too)
            .map(|r| {
                let format = r.formats.first().map_or("pdf", String::as_str);
                SubmittedDocument::new(&r.code, format, size(bytes, r.max_bytes))
            })
            .collect(),
        Docs::List(list) => list
            .iter()
            .take(128)
            .map(|doc| {
                let req = doc
                    .requirement
                    .and_then(|i| (!reqs.is_empty()).then(|| &reqs[usize::from(i) % reqs.len()]));
                SubmittedDocument {
                    code: req.map_or_else(|| doc.code.get(), |r| r.code.clone()),
                    format: at(&FORMATS, doc.format).to_owned(),
                    bytes: size(&doc.bytes, req.and_then(|r| r.max_bytes)),
                }
            })
            .collect(),
    }
}

fn command(
    w: &What,
    case: &Case,
    p: &Procedure,
    pal: &Palette,
    now: DateTime<FixedOffset>,
) -> Command {
    match w {
        What::Submit { case_id, docs } => Command::Submit {
            case_id: case_id.get(),
            documents: documents(docs, p),
        },
        What::Complete {
            step,
            outcome,
            note,
            tier,
            outputs,
        } => {
            let step = step_id(step, case, pal);
            let outcome = match outcome {
                OutcomeRef::OfStep(i) => p
                    .step(&step)
                    .and_then(|s| (!s.outcomes.is_empty()).then(|| at(&s.outcomes, *i).id))
                    .unwrap_or_default(),
                OutcomeRef::Any(i) => at(&pal.outcomes, *i),
                OutcomeRef::Free(t) => t.get(),
            };
            let outputs = match outputs {
                // The outputs the step declares, dated today.
                None => p.step(&step).map_or_else(Vec::new, |s| {
                    s.outputs
                        .iter()
                        .map(|&kind| OutputRecord {
                            kind,
                            number: "503/1/2026".into(),
                            date: local_date(now),
                            file: None,
                        })
                        .collect()
                }),
                Some(list) => list
                    .iter()
                    .take(16)
                    .map(|o| OutputRecord {
                        kind: at(&OUTPUT_KINDS, o.kind),
                        number: o.number.get(),
                        date: local_date(now)
                            .checked_sub_signed(Duration::days(i64::from(o.days_before)))
                            .unwrap_or(NaiveDate::MIN),
                        file: o.file.as_ref().map(Text::get),
                    })
                    .collect(),
            };
            Command::CompleteStep {
                step,
                outcome: Some(outcome),
                note: note.as_ref().map(Text::get),
                tier: tier.as_ref().map(Text::get),
                outputs,
            }
        }
        What::Return { step, reasons } => Command::ReturnForCorrection {
            step: step_id(step, case, pal),
            reasons: reasons
                .iter()
                .take(128)
                .map(|(doc, reason)| CorrectionReason {
                    document: match doc {
                        Some(i) if !p.def().documents.is_empty() => at(&p.def().documents, *i).code,
                        _ => "ktp".into(),
                    },
                    reason: reason.get(),
                })
                .collect(),
        },
        What::Resubmit { docs } => Command::Resubmit {
            documents: documents(docs, p),
        },
        What::Reject { step, reason } => Command::Reject {
            step: step_id(step, case, pal),
            reason: reason.get(),
        },
        What::Withdraw { reason } => Command::Withdraw {
            reason: reason.as_ref().map(Text::get),
        },
        What::Assign {
            lane,
            unit,
            staff,
            reason,
        } => Command::Assign {
            lane: match lane {
                Some(i) => at(&pal.lanes, *i),
                // The lane of the current step.
                None => case
                    .current
                    .as_deref()
                    .and_then(|s| p.step(s))
                    .map(|s| s.lane.clone())
                    .unwrap_or_default(),
            },
            unit: unit.map(|i| at(&UNITS, i).to_owned()),
            staff: staff.map(|i| at(&pal.actors, i).id),
            reason: reason.as_ref().map(Text::get),
        },
        What::Lapse { step } => Command::Lapse {
            step: step_id(step, case, pal),
        },
    }
}
