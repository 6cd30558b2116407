//! Reading stored logs for a report, fast: the trusted path of
//! [`compliance_from_logs`](super::compliance_from_logs).
//!
//! A report reads a case's visits, clocks and ending — not its documents,
//! notes, reasons or who acted. This reader scans a log's JSON once,
//! keeps the fields the engine's trusted fold reads (steps, instants,
//! outcomes, assignments, tiers, clock changes) and checks that every
//! other field a full read requires is present with the right kind of
//! value (a string, a list…) without building it. Everything is the plain
//! shape the library writes; anything else — an escape in a kept string or
//! in a key, a duplicate or missing field, an unknown kind or variant, a
//! number out of range — makes it answer `None`, and the caller reads that
//! log with the full reader, which accepts or refuses it with its usual
//! messages. The events it builds are the full reader's with the fields no
//! report reads left empty (the case id and procedure — the procedure is
//! returned beside the events —, who acted and in which role,
//! documents, notes, reasons, outcomes' names, an assignment's unit,
//! escalations' and supervisions' people); the fold (`Case::replay_trusted`)
//! and the clocks are the engine's own, so there is one implementation of
//! the rules; a log the fold refuses is read again in full for the message.
//! A test holds its reports equal to the full reader's over engine-generated
//! logs.
//!
//! The text is checked as UTF-8 once; skipped values are checked as JSON
//! (the grammar, escapes, depth) but not against their types' shapes —
//! which is what "trusted" means for a report: a store's own events.

use chrono::{DateTime, FixedOffset};

use crate::case::{CaseClockChange, Control, Directive, Event, EventKind};
use crate::procedure::EndKind;

/// Nesting deeper than this is left to the full reader (serde_json's own
/// limit is 128).
const MAX_DEPTH: u32 = 64;

type Instant = DateTime<FixedOffset>;

struct Scan<'a> {
    /// The text, checked as UTF-8 once.
    t: &'a str,
    b: &'a [u8],
    i: usize,
}

/// The kind of a JSON value, for the fields checked without being built.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Str,
    List,
    Object,
    Null,
    Other,
}

impl<'a> Scan<'a> {
    fn ws(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.b.get(self.i) {
            self.i += 1;
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.ws();
        self.b.get(self.i).copied()
    }

    fn eat(&mut self, c: u8) -> Option<()> {
        (self.peek()? == c).then(|| self.i += 1)
    }

    fn literal(&mut self, word: &[u8]) -> bool {
        self.ws();
        let hit = self.b[self.i..].starts_with(word);
        if hit {
            self.i += word.len();
        }
        hit
    }

    /// A string without escapes or control characters.
    fn plain(&mut self) -> Option<&'a str> {
        self.eat(b'"')?;
        let rest = &self.b[self.i..];
        let n = special(rest)?;
        if rest[n] != b'"' {
            return None;
        }
        let start = self.i;
        self.i += n + 1;
        // `"` is ASCII, so both ends are char boundaries: no second check.
        self.t.get(start..start + n)
    }

    fn opt_plain(&mut self) -> Option<Option<&'a str>> {
        if self.literal(b"null") {
            Some(None)
        } else {
            self.plain().map(Some)
        }
    }

    fn instant(&mut self) -> Option<Instant> {
        let s = self.plain()?;
        crate::calendar::parse_instant_fast(s).or_else(|| s.parse().ok())
    }

    fn opt_instant(&mut self) -> Option<Option<Instant>> {
        if self.literal(b"null") {
            Some(None)
        } else {
            self.instant().map(Some)
        }
    }

    /// An integer as JSON writes one (no fraction or exponent).
    fn int(&mut self) -> Option<i64> {
        self.ws();
        let start = self.i;
        if self.b.get(self.i) == Some(&b'-') {
            self.i += 1;
        }
        let digits = self.i;
        while self.b.get(self.i).is_some_and(u8::is_ascii_digit) {
            self.i += 1;
        }
        let n = self.i - digits;
        if n == 0 || n > 18 || (n > 1 && self.b[digits] == b'0') {
            return None;
        }
        if matches!(self.b.get(self.i), Some(b'.' | b'e' | b'E')) {
            return None;
        }
        std::str::from_utf8(&self.b[start..self.i])
            .ok()?
            .parse()
            .ok()
    }

    fn boolean(&mut self) -> Option<bool> {
        if self.literal(b"true") {
            Some(true)
        } else if self.literal(b"false") {
            Some(false)
        } else {
            None
        }
    }

    /// Skips one value, checked against JSON's grammar; its kind.
    fn skip(&mut self, depth: u32) -> Option<Kind> {
        if depth > MAX_DEPTH {
            return None;
        }
        match self.peek()? {
            b'"' => {
                self.skip_string()?;
                Some(Kind::Str)
            }
            b'[' => {
                self.i += 1;
                if self.peek()? == b']' {
                    self.i += 1;
                    return Some(Kind::List);
                }
                loop {
                    self.skip(depth + 1)?;
                    match self.peek()? {
                        b',' => self.i += 1,
                        b']' => {
                            self.i += 1;
                            return Some(Kind::List);
                        }
                        _ => return None,
                    }
                }
            }
            b'{' => {
                self.i += 1;
                if self.peek()? == b'}' {
                    self.i += 1;
                    return Some(Kind::Object);
                }
                loop {
                    self.ws();
                    self.skip_string()?;
                    self.eat(b':')?;
                    self.skip(depth + 1)?;
                    match self.peek()? {
                        b',' => self.i += 1,
                        b'}' => {
                            self.i += 1;
                            return Some(Kind::Object);
                        }
                        _ => return None,
                    }
                }
            }
            b'n' => self.literal(b"null").then_some(Kind::Null),
            b't' | b'f' => self.boolean().map(|_| Kind::Other),
            _ => self.skip_number().map(|()| Kind::Other),
        }
    }

    /// A string with any escapes, checked.
    fn skip_string(&mut self) -> Option<()> {
        if self.b.get(self.i) != Some(&b'"') {
            return None;
        }
        self.i += 1;
        loop {
            self.i += special(&self.b[self.i..])?;
            let c = *self.b.get(self.i)?;
            self.i += 1;
            match c {
                b'"' => return Some(()),
                b'\\' => match *self.b.get(self.i)? {
                    b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => self.i += 1,
                    b'u' => {
                        let hex = self.b.get(self.i + 1..self.i + 5)?;
                        if !hex.iter().all(u8::is_ascii_hexdigit) {
                            return None;
                        }
                        // A lone surrogate is the full reader's to judge.
                        if matches!(hex[0], b'd' | b'D')
                            && matches!(hex[1], b'8'..=b'9' | b'a'..=b'f' | b'A'..=b'F')
                        {
                            return None;
                        }
                        self.i += 5;
                    }
                    _ => return None,
                },
                0..0x20 => return None,
                _ => {}
            }
        }
    }

    fn skip_number(&mut self) -> Option<()> {
        let start = self.i;
        if self.b.get(self.i) == Some(&b'-') {
            self.i += 1;
        }
        let int = self.i;
        while self.b.get(self.i).is_some_and(u8::is_ascii_digit) {
            self.i += 1;
        }
        if self.i == int || (self.i - int > 1 && self.b[int] == b'0') {
            return None;
        }
        if self.b.get(self.i) == Some(&b'.') {
            self.i += 1;
            let f = self.i;
            while self.b.get(self.i).is_some_and(u8::is_ascii_digit) {
                self.i += 1;
            }
            if self.i == f {
                return None;
            }
        }
        if let Some(b'e' | b'E') = self.b.get(self.i) {
            self.i += 1;
            if let Some(b'+' | b'-') = self.b.get(self.i) {
                self.i += 1;
            }
            let e = self.i;
            while self.b.get(self.i).is_some_and(u8::is_ascii_digit) {
                self.i += 1;
            }
            if self.i == e {
                return None;
            }
        }
        (self.i > start).then_some(())
    }
}

/// The position of the first `"`, `\\` or control character in `b`,
/// eight bytes at a time.
fn special(b: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The lowest flagged byte of each test is exact (a borrow only flags
    // bytes above a real hit).
    let zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGH;
    let mut n = 0;
    while let Some(chunk) = b.get(n..n + 8) {
        let w = u64::from_le_bytes(chunk.try_into().ok()?);
        let hits = zero(w ^ (ONES * u64::from(b'"')))
            | zero(w ^ (ONES * u64::from(b'\\')))
            | (w.wrapping_sub(ONES * 0x20) & !w & HIGH);
        if hits != 0 {
            return Some(n + (hits.trailing_zeros() / 8) as usize);
        }
        n += 8;
    }
    b[n..]
        .iter()
        .position(|&c| c == b'"' || c == b'\\' || c < 0x20)
        .map(|k| n + k)
}

/// The fields of one event: what is kept, and which of the rest were seen
/// (with the right kind of value).
#[derive(Default)]
struct Fields<'a> {
    seen: u64,
    at: Option<Instant>,
    tag: Option<&'a str>,
    case_id: Option<&'a str>,
    procedure: Option<&'a str>,
    version: Option<i64>,
    entered: Option<&'a str>,
    due: Option<Instant>,
    step: Option<Option<&'a str>>,
    outcome: Option<&'a str>,
    ended: Option<EndKind>,
    tier: Option<&'a str>,
    case_due: Option<Instant>,
    unit: Option<&'a str>,
    declined: Option<&'a str>,
    by_lapse: bool,
    case_clock: Option<CaseClockChange>,
    remaining_seconds: Option<i64>,
    window_due: Option<Instant>,
    lane: Option<&'a str>,
    staff: Option<&'a str>,
    staff_kind: Option<Kind>,
    control: Option<Control>,
    level: Option<i64>,
    deadline: Option<Instant>,
    directive: Option<Directive>,
    reason_kind: Option<Kind>,
}

// Field ids: one bit each in `Fields::seen`.
const AT: u32 = 0;
const CASE: u32 = 1;
const ACTOR: u32 = 2;
const ACTOR_ROLE: u32 = 3;
const ACTOR_UNIT: u32 = 4;
const TYPE: u32 = 5;
const CASE_ID: u32 = 6;
const PROCEDURE: u32 = 7;
const VERSION: u32 = 8;
const APPLICANT: u32 = 9;
const DOCUMENTS: u32 = 10;
const ENTERED: u32 = 11;
const DUE: u32 = 12;
const STEP: u32 = 13;
const OUTCOME: u32 = 14;
const NOTE: u32 = 15;
const ENDED: u32 = 16;
const TIER: u32 = 17;
const CASE_DUE: u32 = 18;
const UNIT: u32 = 19;
const OUTPUTS: u32 = 20;
const DECLINED: u32 = 21;
const BY_LAPSE: u32 = 22;
const CASE_CLOCK: u32 = 23;
const REASONS: u32 = 24;
const REMAINING: u32 = 25;
const WINDOW_DUE: u32 = 26;
const REASON: u32 = 27;
const LANE: u32 = 28;
const STAFF: u32 = 29;
const WARNINGS: u32 = 30;
const CONTROL: u32 = 31;
const LEVEL: u32 = 32;
const POSITION: u32 = 33;
const ASSIGNEE: u32 = 34;
const DEADLINE: u32 = 35;
const DIRECTIVE: u32 = 36;
const TEXT: u32 = 37;
const SUBORDINATE: u32 = 38;

/// The names of the field ids, in id order.
const NAMES: [&str; 39] = [
    "at",
    "case",
    "actor",
    "actor_role",
    "actor_unit",
    "type",
    "case_id",
    "procedure",
    "version",
    "applicant",
    "documents",
    "entered",
    "due",
    "step",
    "outcome",
    "note",
    "ended",
    "tier",
    "case_due",
    "unit",
    "outputs",
    "declined",
    "by_lapse",
    "case_clock",
    "reasons",
    "remaining_seconds",
    "window_due",
    "reason",
    "lane",
    "staff",
    "warnings",
    "control",
    "level",
    "position",
    "assignee",
    "deadline",
    "directive",
    "text",
    "subordinate",
];

/// A key's field id: one candidate by length and a letter or two, then
/// one comparison (a `match` on the text compares name after name).
fn field_id(key: &str) -> Option<u32> {
    let b = key.as_bytes();
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    let id = match (b.len(), at(0)) {
        (2, b'a') => AT,
        (3, b'd') => DUE,
        (4, b'c') => CASE,
        (4, b't') => match at(1) {
            b'y' => TYPE,
            b'i' => TIER,
            _ => TEXT,
        },
        (4, b's') => STEP,
        (4, b'n') => NOTE,
        (4, b'u') => UNIT,
        (4, b'l') => LANE,
        (5, b'a') => ACTOR,
        (5, b'e') => ENDED,
        (5, b's') => STAFF,
        (5, b'l') => LEVEL,
        (6, b'r') => REASON,
        (7, b'c') => {
            if at(1) == b'a' {
                CASE_ID
            } else {
                CONTROL
            }
        }
        (7, b'v') => VERSION,
        (7, b'e') => ENTERED,
        (7, b'o') => {
            if at(3) == b'c' {
                OUTCOME
            } else {
                OUTPUTS
            }
        }
        (7, b'r') => REASONS,
        (8, b'c') => CASE_DUE,
        (8, b'd') => {
            if at(2) == b'c' {
                DECLINED
            } else {
                DEADLINE
            }
        }
        (8, b'b') => BY_LAPSE,
        (8, b'w') => WARNINGS,
        (8, b'p') => POSITION,
        (8, b'a') => ASSIGNEE,
        (9, b'p') => PROCEDURE,
        (9, b'a') => APPLICANT,
        (9, b'd') => {
            if at(1) == b'o' {
                DOCUMENTS
            } else {
                DIRECTIVE
            }
        }
        (10, b'a') => {
            if at(6) == b'r' {
                ACTOR_ROLE
            } else {
                ACTOR_UNIT
            }
        }
        (10, b'c') => CASE_CLOCK,
        (10, b'w') => WINDOW_DUE,
        (11, b's') => SUBORDINATE,
        (17, b'r') => REMAINING,
        _ => return None,
    };
    // A byte loop: these names are short, a call to `memcmp` is not.
    NAMES[id as usize].bytes().eq(key.bytes()).then_some(id)
}

fn end_kind(s: &str) -> Option<EndKind> {
    Some(match s {
        "approved" => EndKind::Approved,
        "rejected" => EndKind::Rejected,
        "withdrawn" => EndKind::Withdrawn,
        "completed" => EndKind::Completed,
        "forwarded" => EndKind::Forwarded,
        "archived" => EndKind::Archived,
        "lapsed" => EndKind::Lapsed,
        _ => return None,
    })
}

/// A case-clock change (`deny_unknown_fields` in the full reader).
fn case_clock(s: &mut Scan<'_>) -> Option<CaseClockChange> {
    s.eat(b'{')?;
    let (mut change, mut instant, mut left, mut n) = (None, None::<(&str, Instant)>, None, 0);
    if s.peek()? != b'}' {
        loop {
            n += 1;
            match s.plain()? {
                "change" if change.is_none() => {
                    s.eat(b':')?;
                    change = Some(s.plain()?);
                }
                key @ ("from" | "due") if instant.is_none() => {
                    s.eat(b':')?;
                    instant = Some((key, s.instant()?));
                }
                "remaining_seconds" if left.is_none() => {
                    s.eat(b':')?;
                    left = Some(s.int()?);
                }
                _ => return None,
            }
            match s.peek()? {
                b',' => s.i += 1,
                b'}' => break,
                _ => return None,
            }
        }
    }
    s.i += 1;
    // `from` belongs to `started` only, `due` to `resumed` and `restarted`.
    Some(match (change?, instant, left, n) {
        ("started", Some(("from", from)), None, 2) => CaseClockChange::Started { from },
        ("paused", None, Some(remaining_seconds), 2) => {
            CaseClockChange::Paused { remaining_seconds }
        }
        ("resumed", Some(("due", due)), None, 2) => CaseClockChange::Resumed { due },
        ("restarted", Some(("due", due)), None, 2) => CaseClockChange::Restarted { due },
        _ => return None,
    })
}

/// Reads one event object.
/// Reads one event object; with it, a submission's procedure id.
fn event<'a>(s: &mut Scan<'a>) -> Option<(Event, Option<&'a str>)> {
    s.eat(b'{')?;
    let mut f = Fields::default();
    if s.peek()? != b'}' {
        loop {
            let key = s.plain()?;
            s.eat(b':')?;
            match field_id(key) {
                None => {
                    s.skip(1)?;
                }
                Some(id) => {
                    if f.seen & (1 << id) != 0 {
                        return None; // a duplicate: the full reader refuses it
                    }
                    f.seen |= 1 << id;
                    let kind = |s: &mut Scan<'a>, want: &[Kind]| -> Option<()> {
                        want.contains(&s.skip(1)?).then_some(())
                    };
                    match id {
                        AT => f.at = Some(s.instant()?),
                        TYPE => f.tag = Some(s.plain()?),
                        CASE | ACTOR | APPLICANT | POSITION | ASSIGNEE | TEXT | SUBORDINATE => {
                            kind(s, &[Kind::Str])?
                        }
                        ACTOR_ROLE | ACTOR_UNIT | NOTE => kind(s, &[Kind::Str, Kind::Null])?,
                        DOCUMENTS | OUTPUTS | REASONS | WARNINGS => kind(s, &[Kind::List])?,
                        CASE_ID => f.case_id = Some(s.plain()?),
                        PROCEDURE => f.procedure = Some(s.plain()?),
                        VERSION => f.version = Some(s.int()?),
                        ENTERED => f.entered = Some(s.plain()?),
                        DUE => f.due = s.opt_instant()?,
                        STEP => f.step = Some(s.opt_plain()?),
                        OUTCOME => f.outcome = Some(s.plain()?),
                        ENDED => {
                            f.ended = match s.opt_plain()? {
                                Some(e) => Some(end_kind(e)?),
                                None => None,
                            }
                        }
                        TIER => f.tier = s.opt_plain()?,
                        CASE_DUE => f.case_due = s.opt_instant()?,
                        UNIT => f.unit = s.opt_plain()?,
                        DECLINED => f.declined = s.opt_plain()?,
                        BY_LAPSE => f.by_lapse = s.boolean()?,
                        CASE_CLOCK => {
                            f.case_clock = if s.literal(b"null") {
                                None
                            } else {
                                Some(case_clock(s)?)
                            }
                        }
                        REMAINING => f.remaining_seconds = Some(s.int()?),
                        WINDOW_DUE => f.window_due = s.opt_instant()?,
                        REASON => f.reason_kind = Some(s.skip(1)?),
                        LANE => f.lane = Some(s.plain()?),
                        STAFF => match s.peek()? {
                            b'[' => f.staff_kind = Some(s.skip(1)?),
                            _ => {
                                f.staff = s.opt_plain()?;
                                f.staff_kind = Some(if f.staff.is_some() {
                                    Kind::Str
                                } else {
                                    Kind::Null
                                });
                            }
                        },
                        CONTROL => {
                            f.control = Some(match s.plain()? {
                                "preventive" => Control::Preventive,
                                "repressive" => Control::Repressive,
                                _ => return None,
                            })
                        }
                        LEVEL => f.level = Some(s.int()?),
                        DEADLINE => f.deadline = s.opt_instant()?,
                        DIRECTIVE => {
                            f.directive = Some(match s.plain()? {
                                "note" => Directive::Note,
                                "instruction" => Directive::Instruction,
                                _ => return None,
                            })
                        }
                        _ => return None,
                    }
                }
            }
            match s.peek()? {
                b',' => s.i += 1,
                b'}' => break,
                _ => return None,
            }
        }
    }
    s.i += 1;
    Some((build(&f)?, f.procedure))
}

fn own(s: Option<&str>) -> Option<String> {
    s.map(str::to_owned)
}

fn build(f: &Fields<'_>) -> Option<Event> {
    let has = |id: u32| f.seen & (1 << id) != 0;
    if !(has(CASE) && has(ACTOR)) {
        return None;
    }
    let step = || -> Option<String> { own(f.step.flatten()) };
    let kind = match f.tag? {
        "submitted"
            if has(APPLICANT) && has(DOCUMENTS) && f.case_id.is_some() && f.procedure.is_some() =>
        {
            EventKind::Submitted {
                case_id: String::new(),
                // Returned beside the events: the report finds the procedure by it.
                procedure: String::new(),
                version: u32::try_from(f.version?).ok()?,
                applicant: String::new(),
                documents: Vec::new(),
                entered: own(f.entered)?,
                due: f.due,
            }
        }
        "step_completed" if f.outcome.is_some() => EventKind::StepCompleted {
            step: step()?,
            outcome: String::new(),
            note: None,
            entered: own(f.entered)?,
            due: f.due,
            ended: f.ended,
            tier: own(f.tier),
            case_due: f.case_due,
            unit: own(f.unit),
            outputs: Vec::new(),
            declined: own(f.declined),
            by_lapse: f.by_lapse,
            case_clock: f.case_clock.clone(),
        },
        "returned_for_correction" if has(REASONS) => EventKind::ReturnedForCorrection {
            step: step()?,
            reasons: Vec::new(),
            remaining_seconds: f.remaining_seconds?,
            window_due: f.window_due,
            case_clock: f.case_clock.clone(),
        },
        "resubmitted" if has(DOCUMENTS) => EventKind::Resubmitted {
            step: step()?,
            documents: Vec::new(),
            due: f.due,
            case_clock: f.case_clock.clone(),
        },
        "correction_lapsed" => EventKind::CorrectionLapsed { step: step()? },
        "rejected" if f.reason_kind == Some(Kind::Str) => EventKind::Rejected {
            step: step()?,
            reason: String::new(),
        },
        "withdrawn" => EventKind::Withdrawn { reason: None },
        "assigned" if f.staff_kind != Some(Kind::List) => EventKind::Assigned {
            lane: own(f.lane)?,
            unit: None,
            staff: own(f.staff),
            step: own(f.step.flatten()),
            reason: None,
            warnings: Vec::new(),
        },
        "escalated"
            if has(POSITION)
                && has(ASSIGNEE)
                && matches!(f.staff_kind, None | Some(Kind::List)) =>
        {
            EventKind::Escalated {
                step: step()?,
                control: f.control?,
                level: u8::try_from(f.level?).ok()?,
                position: String::new(),
                staff: Vec::new(),
                assignee: String::new(),
                deadline: f.deadline,
            }
        }
        "supervised" if has(TEXT) && has(POSITION) && has(SUBORDINATE) => EventKind::Supervised {
            directive: f.directive?,
            text: String::new(),
            step: own(f.step.flatten()),
            position: String::new(),
            subordinate: String::new(),
            level: u8::try_from(f.level?).ok()?,
        },
        _ => return None,
    };
    // A required step given as null is the full reader's error.
    if matches!(f.step, Some(None))
        && !matches!(
            kind,
            EventKind::Assigned { .. } | EventKind::Supervised { .. }
        )
    {
        return None;
    }
    Some(Event {
        at: f.at?,
        case: String::new(),
        actor: String::new(),
        actor_role: None,
        actor_unit: None,
        kind,
    })
}

/// Reads a stored log into `out` (cleared first) as described in the
/// module's documentation, with the id and version of the procedure its
/// submission names (the submission's own `procedure` is left empty);
/// `None` leaves the log to the full reader.
pub(crate) fn read<'a>(bytes: &'a [u8], out: &mut Vec<Event>) -> Option<(&'a str, u32)> {
    out.clear();
    let t = std::str::from_utf8(bytes).ok()?;
    let mut s = Scan { t, b: bytes, i: 0 };
    s.eat(b'[')?;
    let mut submitted = None;
    if s.peek()? != b']' {
        loop {
            let (e, procedure) = event(&mut s)?;
            if out.is_empty() {
                let EventKind::Submitted { version, .. } = e.kind else {
                    return None; // the full reader says what is wrong
                };
                submitted = Some((procedure?, version));
            }
            out.push(e);
            match s.peek()? {
                b',' => s.i += 1,
                b']' => break,
                _ => return None,
            }
        }
    }
    s.i += 1;
    s.ws();
    if s.i != bytes.len() {
        return None;
    }
    submitted
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_has_its_own_id() {
        for (id, name) in NAMES.iter().enumerate() {
            assert_eq!(field_id(name), Some(id as u32), "{name}");
        }
        for other in [
            "",
            "a",
            "ate",
            "types",
            "Step",
            "case_idx",
            "remaining_second",
        ] {
            assert_eq!(field_id(other), None, "{other}");
        }
    }

    #[test]
    fn the_special_byte_is_found_wherever_it_is() {
        let base = b"abcdefghijklmnopqrstuvwxyz0123456789".to_vec();
        for at in 0..base.len() {
            for c in [b'"', b'\\', b'\n', 0x1f, 0] {
                let mut b = base.clone();
                b[at] = c;
                assert_eq!(special(&b), Some(at));
            }
            let mut b = base.clone();
            b[at] = 0xc3; // a UTF-8 lead byte is not special
            assert_eq!(special(&b), None);
        }
    }
}
