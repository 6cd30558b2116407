//! The authorisation matrix of the case engine: for every built-in
//! procedure, every reachable state × every command kind × every kind of
//! actor, judged by an oracle written here from the procedure definition
//! alone (lanes and their kinds, step roles, assigner roles, which steps
//! may return for correction or reject, lapse windows) — never by asking
//! the engine.
//!
//! For each (state, command, actor) the oracle says what the actor lacks
//! ([`authority`]: nothing means the lanes allow it) and what, if anything,
//! is otherwise wrong with the command ([`validity`]). The test asserts:
//! - accepted ⇒ allowed and valid: no transition the lanes do not allow;
//! - allowed and valid ⇒ accepted: the matrix is not vacuous;
//! - refused ⇒ the case is unchanged, the code is a stable typed code, an
//!   allowed actor gets the validity code the oracle expects, and a refused
//!   actor is told a requirement they really lack (or `not_routed`);
//! - every accepted event replays ([`Case::replay`]) to the executed state;
//!   the same event forged for an actor the oracle refuses (actor, role and
//!   unit swapped) is refused by [`Case::apply`] as `inconsistent_log` and
//!   changes nothing, and forged for an actor the oracle allows, is applied.
//!
//! States come from a breadth-first walk of the procedure graph (every
//! outcome of every step, the routed lane assigned to unit `u-a` before it
//! is entered, again with a reason after the unit declined), each with its
//! variants: the current step's lane staffed (a staff member bound to the
//! visit), every routed lane assigned, the file returned for correction.
//! The walk's own model of the case (status, step, assignments, declined
//! units) is checked against the engine at every step.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use chrono::{DateTime, Duration, FixedOffset, NaiveDate};
use ptsp::{
    Actor, Assignment, Calendar, Case, CaseError, CaseStatus, Command, CorrectionReason, Event,
    EventKind, LaneDef, LaneKind, Lang, OutcomeDef, OutputKind, OutputRecord, Procedure,
    ProcedureDef, Request, Requirement, StepDef, StepKind, SubmittedDocument,
};

const APPLICANT: &str = "pemohon-1";
const OTHER_APPLICANT: &str = "pemohon-2";
const UNIT: &str = "u-a";
const OTHER_UNIT: &str = "u-b";
const STAFF: &str = "staf-1";
const OTHER_STAFF: &str = "staf-2";
const REASON: &str = "ditugaskan ulang oleh kepala bidang";

/// The codes a refused command may carry: `CaseError::code` of every
/// refusal a well-formed request can meet (no `inconsistent_log`: decide
/// never finds its own case inconsistent; no calendar code: every instant
/// here is inside the calendar's coverage).
const STABLE_CODES: &[&str] = &[
    "unauthorized",
    "wrong_state",
    "wrong_step",
    "unknown_outcome",
    "not_allowed",
    "not_routed",
    "incomplete_documents",
    "invalid_input",
    "not_due",
];

fn instant(s: &str) -> DateTime<FixedOffset> {
    ptsp::calendar::parse_instant(s).unwrap()
}

/// When the walk starts (a Monday); each driven command comes ten minutes
/// after the one before.
fn base() -> DateTime<FixedOffset> {
    instant("2026-03-02T09:00:00+07:00")
}

/// When every command of the matrix is tried: after every state's last
/// event and after every window (the complainant's confirmation) closed.
fn trial_at() -> DateTime<FixedOffset> {
    instant("2026-05-04T10:00:00+07:00")
}

// ---- the definition, read directly --------------------------------------

fn step<'d>(def: &'d ProcedureDef, id: &str) -> &'d StepDef {
    def.steps.iter().find(|s| s.id == id).unwrap()
}

fn lane<'d>(def: &'d ProcedureDef, id: &str) -> &'d LaneDef {
    def.lanes.iter().find(|l| l.id == id).unwrap()
}

fn lane_of<'d>(def: &'d ProcedureDef, step_id: &str) -> &'d LaneDef {
    lane(def, &step(def, step_id).lane)
}

/// The roles that may act on a step: its own, else its lane's.
fn step_roles(def: &ProcedureDef, step_id: &str) -> BTreeSet<String> {
    let s = step(def, step_id);
    let roles = if s.roles.is_empty() {
        &lane(def, &s.lane).roles
    } else {
        &s.roles
    };
    roles.iter().cloned().collect()
}

/// The applicant's roles: the start step's lane.
fn applicant_roles(def: &ProcedureDef) -> BTreeSet<String> {
    lane_of(def, &def.start).roles.iter().cloned().collect()
}

/// Every role of a lane that is not the applicant's (who may record a
/// lapse).
fn office_roles(def: &ProcedureDef) -> BTreeSet<String> {
    def.lanes
        .iter()
        .filter(|l| l.kind == LaneKind::Office)
        .flat_map(|l| l.roles.iter().cloned())
        .collect()
}

fn all_roles(def: &ProcedureDef) -> Vec<String> {
    def.roles.iter().map(|r| r.id.clone()).collect()
}

/// A complete, well-formed set of the procedure's documents.
fn documents(def: &ProcedureDef) -> Vec<SubmittedDocument> {
    def.documents
        .iter()
        .filter(|d| d.mandatory)
        .map(|d| {
            let format = d.formats.first().map_or("pdf", String::as_str);
            SubmittedDocument::new(&d.code, format, 1_000)
        })
        .collect()
}

/// The step a staff member assigned to `lane` is bound to: the current
/// step if it is the lane's, else the lane's only working step.
fn bound_step(def: &ProcedureDef, lane_id: &str, current: &str) -> Option<String> {
    let here = step(def, current);
    if here.lane == lane_id && here.kind != StepKind::End {
        return Some(here.id.clone());
    }
    let steps: Vec<&StepDef> = def
        .steps
        .iter()
        .filter(|s| s.lane == lane_id && s.kind != StepKind::End)
        .collect();
    match steps.as_slice() {
        [only] => Some(only.id.clone()),
        _ => None,
    }
}

/// Completing `step_id` with `outcome`, with what the step needs besides:
/// a tier where it sets one, the document it produces where it declares
/// one.
fn complete(def: &ProcedureDef, step_id: &str, outcome: &str) -> Command {
    let s = step(def, step_id);
    Command::CompleteStep {
        step: step_id.to_owned(),
        outcome: Some(outcome.to_owned()),
        note: None,
        tier: s.sets_tier.then(|| def.tiers[0].id.clone()),
        outputs: s
            .outputs
            .iter()
            .find(|k| **k != OutputKind::Answer)
            .map(|&kind| OutputRecord {
                kind,
                number: "503/17/2026".into(),
                date: NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
                file: None,
            })
            .into_iter()
            .collect(),
    }
}

fn assign(lane: &str, unit: Option<&str>, staff: Option<&str>, reason: Option<&str>) -> Command {
    Command::Assign {
        lane: lane.to_owned(),
        unit: unit.map(str::to_owned),
        staff: staff.map(str::to_owned),
        reason: reason.map(str::to_owned),
    }
}

// ---- the walk's model of a case -----------------------------------------

/// What the oracle needs to know of a case, kept by the walk itself.
#[derive(Debug, Clone, PartialEq)]
struct Model {
    status: CaseStatus,
    /// The current step (the start step before submission).
    current: String,
    assignments: BTreeMap<String, Assignment>,
    declined: BTreeMap<String, Vec<String>>,
}

impl Model {
    fn new(def: &ProcedureDef) -> Model {
        Model {
            status: CaseStatus::New,
            current: def.start.clone(),
            assignments: BTreeMap::new(),
            declined: BTreeMap::new(),
        }
    }

    /// The case's applicant (nobody before submission).
    fn applicant(&self) -> &str {
        if self.status == CaseStatus::New {
            ""
        } else {
            APPLICANT
        }
    }

    fn unit(&self, lane: &str) -> Option<&str> {
        self.assignments.get(lane).and_then(|a| a.unit.as_deref())
    }

    fn declined(&self, lane: &str, unit: &str) -> bool {
        self.declined
            .get(lane)
            .is_some_and(|d| d.iter().any(|u| u == unit))
    }

    /// The state after a command the walk drives (always a valid one).
    fn after(&self, def: &ProcedureDef, command: &Command) -> Model {
        let mut m = self.clone();
        match command {
            Command::Submit { .. } => {
                m.status = CaseStatus::Active;
                m.current = step(def, &def.start).outcomes[0].next.clone();
            }
            Command::CompleteStep {
                step: id, outcome, ..
            } => {
                let s = step(def, id);
                let o: &OutcomeDef = s
                    .outcomes
                    .iter()
                    .find(|o| outcome.as_ref() == Some(&o.id))
                    .unwrap();
                // A staff member is bound to one visit of one step.
                for a in m.assignments.values_mut() {
                    if a.step.as_deref() == Some(id.as_str()) {
                        a.staff = None;
                        a.step = None;
                    }
                }
                // A unit that declines loses the lane.
                if o.declines
                    && lane(def, &s.lane).kind == LaneKind::RoutedUnit
                    && let Some(u) = m.assignments.remove(&s.lane).and_then(|a| a.unit)
                {
                    let list = m.declined.entry(s.lane.clone()).or_default();
                    if !list.contains(&u) {
                        list.push(u);
                    }
                }
                let next = step(def, &o.next);
                m.current = next.id.clone();
                if next.kind == StepKind::End {
                    m.status = CaseStatus::Ended(next.end.unwrap());
                }
            }
            Command::ReturnForCorrection { .. } => m.status = CaseStatus::AwaitingCorrection,
            Command::Resubmit { .. } => m.status = CaseStatus::Active,
            Command::Assign {
                lane, unit, staff, ..
            } => {
                let keep = m.unit(lane).map(str::to_owned);
                let bound = staff
                    .as_ref()
                    .and_then(|_| bound_step(def, lane, &m.current));
                m.assignments.insert(
                    lane.clone(),
                    Assignment {
                        unit: unit.clone().or(keep),
                        staff: staff.clone(),
                        step: bound,
                    },
                );
            }
            other => panic!("the walk does not drive {other:?}"),
        }
        m
    }

    /// The engine's case agrees with the model.
    fn check(&self, case: &Case, label: &str) {
        assert_eq!(case.status, self.status, "{label}: status");
        let current = (self.status != CaseStatus::New).then_some(self.current.as_str());
        assert_eq!(case.current.as_deref(), current, "{label}: current step");
        assert_eq!(case.applicant, self.applicant(), "{label}: applicant");
        assert_eq!(case.assignments, self.assignments, "{label}: assignments");
        assert_eq!(case.declined, self.declined, "{label}: declined units");
    }
}

// ---- the oracle ----------------------------------------------------------

/// What an actor lacks for a command.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Lack {
    /// One of these roles.
    Role(BTreeSet<String>),
    /// Being the case's own applicant.
    Applicant,
    /// Not being the case's own applicant (separation of duties).
    NotApplicant,
    /// Membership of the unit the lane is routed to.
    Unit(String),
    /// The lane is routed to no unit yet.
    Routing(String),
    /// Being the staff member bound to the step.
    Staff(String),
}

/// The lanes' verdict on `actor` doing `command` in state `m`: everything
/// the actor lacks (empty: allowed).
fn authority(def: &ProcedureDef, m: &Model, actor: &Actor, command: &Command) -> Vec<Lack> {
    let mut lacks = Vec::new();
    let holds = |roles: &BTreeSet<String>| roles.iter().any(|r| actor.has_role(r));
    match command {
        // The applicant's own commands: a role of the applicant's lane, and
        // the case's own applicant once there is one.
        Command::Submit { .. } | Command::Resubmit { .. } | Command::Withdraw { .. } => {
            let roles = applicant_roles(def);
            if !holds(&roles) {
                lacks.push(Lack::Role(roles));
            }
            if m.status != CaseStatus::New && actor.id != m.applicant() {
                lacks.push(Lack::Applicant);
            }
        }
        // Work on a step: the step's roles; in the applicant's lane only the
        // applicant, elsewhere never the applicant; in a routed lane only
        // the assigned unit; a bound staff member only.
        Command::CompleteStep { step: id, .. }
        | Command::ReturnForCorrection { step: id, .. }
        | Command::Reject { step: id, .. } => {
            let l = lane_of(def, id);
            let roles = step_roles(def, id);
            if !holds(&roles) {
                lacks.push(Lack::Role(roles));
            }
            match l.kind {
                LaneKind::Applicant => {
                    if actor.id != m.applicant() {
                        lacks.push(Lack::Applicant);
                    }
                }
                _ => {
                    if def.separation_of_duties
                        && m.status != CaseStatus::New
                        && actor.id == m.applicant()
                    {
                        lacks.push(Lack::NotApplicant);
                    }
                }
            }
            if l.kind == LaneKind::RoutedUnit {
                match m.unit(&l.id) {
                    None => lacks.push(Lack::Routing(l.id.clone())),
                    Some(u) if actor.unit.as_deref() != Some(u) => {
                        lacks.push(Lack::Unit(u.to_owned()));
                    }
                    Some(_) => {}
                }
            }
            if let Some(a) = m.assignments.get(&l.id)
                && a.step.as_deref() == Some(id.as_str())
                && let Some(staff) = &a.staff
                && *staff != actor.id
            {
                lacks.push(Lack::Staff(staff.clone()));
            }
        }
        // Assignment: an assigner role, and not the applicant.
        Command::Assign { .. } => {
            let roles: BTreeSet<String> = def.assigner_roles.iter().cloned().collect();
            if !holds(&roles) {
                lacks.push(Lack::Role(roles));
            }
            if def.separation_of_duties && actor.id == m.applicant() {
                lacks.push(Lack::NotApplicant);
            }
        }
        // A lapse: a role of the office's own lanes, and not the applicant.
        Command::Lapse { .. } => {
            let roles = office_roles(def);
            if !holds(&roles) {
                lacks.push(Lack::Role(roles));
            }
            if actor.id == m.applicant() {
                lacks.push(Lack::NotApplicant);
            }
        }
        other => panic!("no oracle for {other:?}"),
    }
    lacks
}

/// What is wrong with a command apart from who sends it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Validity {
    Valid,
    /// Refused with this code (and, for input errors, this problem code).
    Invalid(&'static str, Option<&'static str>),
}

use Validity::{Invalid, Valid};

/// The oracle's verdict on a command in state `m`, for an actor the lanes
/// allow. Every command is tried at [`trial_at`], after every window.
fn validity(def: &ProcedureDef, m: &Model, command: &Command) -> Validity {
    let active = m.status == CaseStatus::Active;
    let open = matches!(
        m.status,
        CaseStatus::Active | CaseStatus::AwaitingCorrection
    );
    let wrong_state = Invalid("wrong_state", None);
    let assignment = |problem| Invalid("invalid_input", Some(problem));
    match command {
        Command::Submit { .. } if m.status != CaseStatus::New => wrong_state,
        Command::Submit { .. } => Valid,
        Command::CompleteStep { .. }
        | Command::ReturnForCorrection { .. }
        | Command::Reject { .. }
            if !active =>
        {
            wrong_state
        }
        Command::CompleteStep {
            step: id, outcome, ..
        } => {
            let here = step(def, id);
            let Some(o) = here
                .outcomes
                .iter()
                .find(|o| outcome.as_ref() == Some(&o.id))
            else {
                return Invalid("unknown_outcome", None);
            };
            // Entering a routed lane needs a unit there (one that did not
            // just decline).
            let next = step(def, &o.next);
            let there = lane(def, &next.lane);
            let declines = o.declines && lane(def, &here.lane).kind == LaneKind::RoutedUnit;
            if next.kind != StepKind::End
                && there.kind == LaneKind::RoutedUnit
                && (m.unit(&there.id).is_none() || declines && here.lane == there.id)
            {
                return Invalid("not_routed", None);
            }
            Valid
        }
        Command::ReturnForCorrection { step: id, .. } if !step(def, id).correction => {
            Invalid("not_allowed", None)
        }
        Command::Reject { step: id, .. } if !step(def, id).can_reject => {
            Invalid("not_allowed", None)
        }
        Command::ReturnForCorrection { .. } | Command::Reject { .. } => Valid,
        Command::Resubmit { .. } if m.status != CaseStatus::AwaitingCorrection => wrong_state,
        Command::Resubmit { .. } => Valid,
        Command::Withdraw { .. } if !open => wrong_state,
        Command::Withdraw { .. } => Valid,
        Command::Assign { .. } if !open => wrong_state,
        Command::Assign {
            lane: lane_id,
            unit,
            staff,
            reason,
        } => {
            match (lane(def, lane_id).kind, unit, staff) {
                (LaneKind::Applicant, _, _) => return assignment("invalid_assignment"),
                (LaneKind::Office, Some(_), _) | (LaneKind::Office, None, None) => {
                    return assignment("invalid_assignment");
                }
                // A staff member alone may be bound to a lane a unit holds.
                (LaneKind::RoutedUnit, None, None) => return assignment("invalid_assignment"),
                (LaneKind::RoutedUnit, None, Some(_)) if m.unit(lane_id).is_none() => {
                    return assignment("invalid_assignment");
                }
                _ => {}
            }
            // A unit that declined comes back only with a reason, unless it
            // holds the lane again already; a reason is recorded whenever
            // given.
            let declined = unit
                .as_deref()
                .is_some_and(|u| m.declined(lane_id, u) && m.unit(lane_id) != Some(u));
            if declined && reason.is_none() {
                return assignment("declined_unit");
            }
            if staff.is_some() && bound_step(def, lane_id, &m.current).is_none() {
                return assignment("invalid_assignment");
            }
            Valid
        }
        Command::Lapse { step: id } => {
            let s = step(def, id);
            let allowed = match m.status {
                // A correction window, if the procedure sets one.
                CaseStatus::AwaitingCorrection => def.correction_window.is_some(),
                // The applicant's window with a lapse outcome.
                CaseStatus::Active => {
                    s.on_lapse.is_some()
                        && s.sla.is_some()
                        && lane(def, &s.lane).kind == LaneKind::Applicant
                }
                _ => return wrong_state,
            };
            if allowed {
                Valid
            } else {
                Invalid("not_allowed", None)
            }
        }
        other => panic!("no oracle for {other:?}"),
    }
}

fn lack_of(required: &Requirement) -> Lack {
    match required {
        Requirement::Role { roles } => Lack::Role(roles.iter().cloned().collect()),
        Requirement::Applicant => Lack::Applicant,
        Requirement::NotApplicant => Lack::NotApplicant,
        Requirement::Unit { unit } => Lack::Unit(unit.clone()),
        Requirement::Staff { staff } => Lack::Staff(staff.clone()),
        other => panic!("a requirement the oracle does not know: {other:?}"),
    }
}

/// Whether a refusal names something the actor lacks.
fn names_a_lack(e: &CaseError, actor: &Actor, command: &Command, lacks: &[Lack]) -> bool {
    match e {
        CaseError::Unauthorized {
            actor: id,
            action,
            required,
        } => *id == actor.id && *action == command.action() && lacks.contains(&lack_of(required)),
        CaseError::NotRouted { lane } => lacks.contains(&Lack::Routing(lane.clone())),
        _ => false,
    }
}

// ---- states --------------------------------------------------------------

/// A case driven to some state, with its log and the walk's model.
#[derive(Clone)]
struct State {
    path: Vec<String>,
    model: Model,
    case: Case,
    log: Vec<Event>,
    at: DateTime<FixedOffset>,
}

impl State {
    fn label(&self) -> String {
        let status = match self.model.status {
            CaseStatus::New => "new".to_owned(),
            CaseStatus::Active => "active".to_owned(),
            CaseStatus::AwaitingCorrection => "awaiting correction".to_owned(),
            CaseStatus::Ended(k) => format!("ended {k:?}"),
            other => format!("{other:?}"),
        };
        format!(
            "[{} | {status}] {}",
            self.model.current,
            self.path.join(" → ")
        )
    }

    /// Drives one command that must be accepted.
    fn run(&self, p: &Procedure, cal: &Calendar, actor: Actor, command: Command) -> State {
        let def = p.def();
        let at = self.at + Duration::minutes(10);
        let mut case = self.case.clone();
        let req = Request {
            actor,
            at,
            command: command.clone(),
        };
        let events = case.execute(&req, p, cal).unwrap_or_else(|e| {
            panic!(
                "{}: the walk's {command:?} by {:?} was refused: {e}",
                self.label(),
                req.actor
            )
        });
        let model = self.model.after(def, &command);
        let mut log = self.log.clone();
        log.extend(events);
        let mut path = self.path.clone();
        path.push(match &command {
            Command::CompleteStep { step, outcome, .. } => {
                format!("{step}:{}", outcome.as_deref().unwrap_or_default())
            }
            Command::Assign {
                lane,
                unit,
                staff,
                reason,
            } => format!(
                "assign {lane}{}{}{}",
                unit.as_ref()
                    .map_or(String::new(), |u| format!(" unit={u}")),
                staff
                    .as_ref()
                    .map_or(String::new(), |s| format!(" staff={s}")),
                if reason.is_some() { " (reason)" } else { "" }
            ),
            other => other.name().to_owned(),
        });
        let next = State {
            path,
            model,
            case,
            log,
            at,
        };
        next.model.check(&next.case, &next.label());
        next
    }
}

fn assigner(def: &ProcedureDef) -> Actor {
    Actor::new("penugas", &[def.assigner_roles[0].as_str()], None)
}

/// An actor allowed to work on a step (the walk's own).
fn worker(def: &ProcedureDef, step_id: &str) -> Actor {
    let l = lane_of(def, step_id);
    match l.kind {
        LaneKind::Applicant => {
            let roles: Vec<String> = applicant_roles(def).into_iter().collect();
            Actor {
                id: APPLICANT.into(),
                roles,
                unit: None,
            }
        }
        kind => Actor {
            id: "petugas".into(),
            roles: vec![step_roles(def, step_id).into_iter().next().unwrap()],
            unit: (kind == LaneKind::RoutedUnit).then(|| UNIT.to_owned()),
        },
    }
}

/// Routes a routed lane to [`UNIT`] (with a reason once it declined).
fn route(m: &Model, lane_id: &str) -> Command {
    let reason = m.declined(lane_id, UNIT).then_some(REASON);
    assign(lane_id, Some(UNIT), None, reason)
}

/// Every state the walk reaches (by model: status, step, assignments,
/// declined units), then each one's variants.
fn states(p: &Procedure, cal: &Calendar) -> Vec<State> {
    let def = p.def();
    let start = State {
        path: vec!["new".into()],
        model: Model::new(def),
        case: Case::new(),
        log: Vec::new(),
        at: base(),
    };
    let mut seen = BTreeSet::new();
    let mut walked = Vec::new();
    let mut queue = VecDeque::from([start]);
    while let Some(s) = queue.pop_front() {
        if !seen.insert(format!("{:?}", s.model)) {
            continue;
        }
        match s.model.status {
            CaseStatus::New => {
                let applicant = worker(def, &def.start);
                let submit = Command::Submit {
                    case_id: "C-1".into(),
                    documents: documents(def),
                };
                queue.push_back(s.run(p, cal, applicant, submit));
            }
            CaseStatus::Active => {
                let here = step(def, &s.model.current);
                for o in &here.outcomes {
                    let next = step(def, &o.next);
                    let there = lane(def, &next.lane);
                    let mut t = s.clone();
                    if next.kind != StepKind::End
                        && there.kind == LaneKind::RoutedUnit
                        && (t.model.unit(&there.id).is_none()
                            || o.declines && here.lane == there.id)
                    {
                        let c = route(&t.model, &there.id);
                        t = t.run(p, cal, assigner(def), c);
                    }
                    let c = complete(def, &here.id, &o.id);
                    queue.push_back(t.run(p, cal, worker(def, &here.id), c));
                }
            }
            _ => {}
        }
        walked.push(s);
    }
    let mut out = Vec::new();
    for s in walked {
        let here = step(def, &s.model.current);
        let l = lane(def, &here.lane);
        if s.model.status == CaseStatus::Active {
            // The current step's lane staffed: a member bound to this visit.
            if l.kind != LaneKind::Applicant {
                // A routed lane's assignment names its unit, and repeats
                // the override of a unit that declined (see
                // `a_readmitted_unit_can_be_staffed_without_a_new_override`).
                let unit = s.model.unit(&l.id);
                let reason = unit
                    .is_some_and(|u| s.model.declined(&l.id, u))
                    .then_some(REASON);
                let c = assign(&l.id, unit, Some(STAFF), reason);
                out.push(s.run(p, cal, assigner(def), c));
            }
            // Every routed lane assigned.
            let unrouted: Vec<&LaneDef> = def
                .lanes
                .iter()
                .filter(|l| l.kind == LaneKind::RoutedUnit && s.model.unit(&l.id).is_none())
                .collect();
            if !unrouted.is_empty() {
                let mut t = s.clone();
                for l in unrouted {
                    let c = route(&t.model, &l.id);
                    t = t.run(p, cal, assigner(def), c);
                }
                out.push(t);
            }
            // The file back with the applicant.
            if here.correction {
                let c = Command::ReturnForCorrection {
                    step: here.id.clone(),
                    reasons: reasons(def),
                };
                out.push(s.run(p, cal, worker(def, &here.id), c));
            }
        }
        out.push(s);
    }
    out
}

fn reasons(def: &ProcedureDef) -> Vec<CorrectionReason> {
    vec![CorrectionReason {
        document: def
            .documents
            .first()
            .map_or("informasi_tambahan".into(), |d| d.code.clone()),
        reason: "tidak terbaca".into(),
    }]
}

// ---- the matrix's axes ---------------------------------------------------

/// Every command kind in state `m`.
fn commands(def: &ProcedureDef, m: &Model) -> Vec<Command> {
    let here = step(def, &m.current);
    let mut out = vec![Command::Submit {
        case_id: "C-1".into(),
        documents: documents(def),
    }];
    for o in &here.outcomes {
        out.push(complete(def, &here.id, &o.id));
    }
    out.push(complete(def, &here.id, "hasil_tak_dikenal"));
    out.push(Command::ReturnForCorrection {
        step: here.id.clone(),
        reasons: reasons(def),
    });
    out.push(Command::Resubmit {
        documents: documents(def),
    });
    out.push(Command::Reject {
        step: here.id.clone(),
        reason: "tidak memenuhi syarat".into(),
    });
    out.push(Command::Withdraw { reason: None });
    for l in &def.lanes {
        for (unit, staff, reason) in [
            (Some(UNIT), None, None),
            (Some(OTHER_UNIT), None, None),
            (None, Some(STAFF), None),
            (Some(UNIT), Some(STAFF), None),
            (Some(UNIT), None, Some(REASON)),
            (Some(OTHER_UNIT), None, Some(REASON)),
            (None, None, None),
        ] {
            out.push(assign(&l.id, unit, staff, reason));
        }
    }
    out.push(Command::Lapse {
        step: here.id.clone(),
    });
    out
}

/// Every kind of actor in state `m`, named.
fn actors(def: &ProcedureDef, m: &Model) -> Vec<(String, Actor)> {
    let owned = |v: BTreeSet<String>| v.into_iter().collect::<Vec<_>>();
    let applicant = owned(applicant_roles(def));
    let all = all_roles(def);
    let mut out = vec![
        (
            "applicant".to_owned(),
            Actor {
                id: APPLICANT.into(),
                roles: applicant.clone(),
                unit: None,
            },
        ),
        (
            "another applicant".to_owned(),
            Actor {
                id: OTHER_APPLICANT.into(),
                roles: applicant,
                unit: None,
            },
        ),
    ];
    for r in &all {
        out.push((
            format!("{r} alone"),
            Actor::new(&format!("{r}-1"), &[r.as_str()], None),
        ));
    }
    for l in def.lanes.iter().filter(|l| l.kind == LaneKind::RoutedUnit) {
        for r in &l.roles {
            for u in [UNIT, OTHER_UNIT] {
                out.push((
                    format!("{r} of {u}"),
                    Actor::new(&format!("{r}-{u}"), &[r.as_str()], Some(u)),
                ));
            }
        }
    }
    out.push(("no roles".to_owned(), Actor::new("tanpa-peran", &[], None)));
    let every = |id: &str| Actor {
        id: id.into(),
        roles: all.clone(),
        unit: Some(UNIT.into()),
    };
    out.push(("all roles".to_owned(), every("semua-peran")));
    out.push(("the applicant with all roles".to_owned(), every(APPLICANT)));
    // Two staff members of the current step's roles (of every office role
    // where the step is the applicant's).
    let here = lane_of(def, &m.current);
    let roles = owned(if here.kind == LaneKind::Applicant {
        office_roles(def)
    } else {
        step_roles(def, &m.current)
    });
    let unit = (here.kind == LaneKind::RoutedUnit).then(|| UNIT.to_owned());
    for (name, id) in [
        ("staff member bound", STAFF),
        ("another staff member", OTHER_STAFF),
    ] {
        out.push((
            name.to_owned(),
            Actor {
                id: id.into(),
                roles: roles.clone(),
                unit: unit.clone(),
            },
        ));
    }
    out
}

// ---- forged events -------------------------------------------------------

/// `e` as if `actor` had sent it under `role`: the recorded actor, role and
/// unit swapped, and what records them besides (the applicant of a
/// submission, the completing unit of a routed step) kept consistent, so
/// that only who acted differs.
fn forge(def: &ProcedureDef, e: &Event, actor: &Actor, role: Option<&String>) -> Event {
    let mut f = e.clone();
    f.actor.clone_from(&actor.id);
    f.actor_role = role.cloned();
    f.actor_unit.clone_from(&actor.unit);
    match &mut f.kind {
        EventKind::Submitted { applicant, .. } => applicant.clone_from(&actor.id),
        EventKind::StepCompleted {
            step: id,
            unit,
            by_lapse: false,
            ..
        } if lane_of(def, id).kind == LaneKind::RoutedUnit => unit.clone_from(&actor.unit),
        _ => {}
    }
    f
}

// ---- the matrix ------------------------------------------------------------

#[derive(Default)]
struct Figures {
    states: usize,
    min_commands: usize,
    max_commands: usize,
    actors: usize,
    trials: usize,
    accepted: usize,
    refused: BTreeMap<&'static str, usize>,
    forged_refused: usize,
    forged_applied: usize,
}

fn matrix(p: &Procedure) -> Figures {
    let def = p.def();
    let cal = Calendar::jatim();
    let at = trial_at();
    let states = states(p, &cal);
    let mut f = Figures {
        states: states.len(),
        min_commands: usize::MAX,
        ..Figures::default()
    };
    // Every non-end step is reached.
    let reached: BTreeSet<&str> = states.iter().map(|s| s.model.current.as_str()).collect();
    for s in def.steps.iter().filter(|s| s.kind != StepKind::End) {
        assert!(
            reached.contains(s.id.as_str()),
            "{}: {} not reached",
            def.id,
            s.id
        );
        if s.correction {
            assert!(
                states
                    .iter()
                    .any(|t| t.model.current == s.id
                        && t.model.status == CaseStatus::AwaitingCorrection),
                "{}: {} never returned for correction",
                def.id,
                s.id
            );
        }
    }
    for s in &states {
        let label = s.label();
        let commands = commands(def, &s.model);
        let actors = actors(def, &s.model);
        f.min_commands = f.min_commands.min(commands.len());
        f.max_commands = f.max_commands.max(commands.len());
        f.actors = f.actors.max(actors.len());
        for command in &commands {
            let validity = validity(def, &s.model, command);
            for (who, actor) in &actors {
                f.trials += 1;
                let lacks = authority(def, &s.model, actor, command);
                let req = Request {
                    actor: actor.clone(),
                    at,
                    command: command.clone(),
                };
                let ctx = || format!("{} {label}: {command:?} by {who} {actor:?}", def.id);
                let mut case = s.case.clone();
                match case.execute(&req, p, &cal) {
                    Ok(events) => {
                        f.accepted += 1;
                        assert!(
                            lacks.is_empty(),
                            "{}: accepted, but the lanes do not allow it: lacks {lacks:?}",
                            ctx()
                        );
                        assert!(
                            matches!(validity, Valid),
                            "{}: accepted, but the oracle expects {validity:?}",
                            ctx()
                        );
                        let mut log = s.log.clone();
                        log.extend(events.iter().cloned());
                        assert_eq!(
                            Case::replay(&log, p).unwrap_or_else(|e| panic!("{}: {e}", ctx())),
                            case,
                            "{}: the replayed log differs",
                            ctx()
                        );
                        for e in &events {
                            forgeries(def, p, s, command, e, &actors, &mut f, &ctx);
                        }
                    }
                    Err(e) => {
                        let code = e.code();
                        *f.refused.entry(code.as_str()).or_default() += 1;
                        assert_eq!(case, s.case, "{}: a refusal changed the case", ctx());
                        assert!(
                            STABLE_CODES.contains(&code.as_str()),
                            "{}: code {code}",
                            ctx()
                        );
                        assert!(
                            !e.message(Lang::Id).is_empty() && !e.message(Lang::En).is_empty(),
                            "{}",
                            ctx()
                        );
                        let fits = |want: &str, problem: Option<&str>| {
                            code == want
                                && problem
                                    .is_none_or(|pc| e.problems().iter().any(|x| x.code == pc))
                        };
                        match (lacks.is_empty(), validity) {
                            (true, Valid) => {
                                panic!("{}: refused ({code}: {e}), but the oracle allows it", ctx())
                            }
                            (true, Invalid(want, problem)) => assert!(
                                fits(want, problem),
                                "{}: refused with {code} ({e}), the oracle expects {want} {problem:?}",
                                ctx()
                            ),
                            (false, Valid) => assert!(
                                names_a_lack(&e, actor, command, &lacks),
                                "{}: refused with {code} ({e}), but the actor lacks {lacks:?}",
                                ctx()
                            ),
                            (false, Invalid(want, problem)) => assert!(
                                fits(want, problem) || names_a_lack(&e, actor, command, &lacks),
                                "{}: refused with {code} ({e}), expected {want} {problem:?} or one of {lacks:?}",
                                ctx()
                            ),
                        }
                    }
                }
            }
        }
    }
    f
}

/// The accepted event `e` forged for every actor of the matrix under each
/// role they hold: refused as `inconsistent_log` (the case unchanged) when
/// the oracle refuses that actor, applied when it allows them.
#[allow(clippy::too_many_arguments)]
fn forgeries(
    def: &ProcedureDef,
    p: &Procedure,
    s: &State,
    command: &Command,
    e: &Event,
    actors: &[(String, Actor)],
    f: &mut Figures,
    ctx: &dyn Fn() -> String,
) {
    for (who, actor) in actors {
        let roles: Vec<Option<&String>> = if actor.roles.is_empty() {
            vec![None]
        } else {
            actor.roles.iter().map(Some).collect()
        };
        for role in roles {
            // The engine knows only the recorded role: judge the actor
            // holding that role alone.
            let single = Actor {
                id: actor.id.clone(),
                roles: role.into_iter().cloned().collect(),
                unit: actor.unit.clone(),
            };
            let forged = forge(def, e, &single, role);
            let mut case = s.case.clone();
            let result = case.apply(&forged, p);
            if authority(def, &s.model, &single, command).is_empty() {
                f.forged_applied += 1;
                assert!(
                    result.is_ok(),
                    "{}: forged for {who} as {role:?}, whom the oracle allows: {result:?}",
                    ctx()
                );
            } else {
                f.forged_refused += 1;
                let err = result.err().unwrap_or_else(|| {
                    panic!(
                        "{}: forged for {who} as {role:?} ({single:?}), whom the oracle refuses, and applied",
                        ctx()
                    )
                });
                assert_eq!(err.code(), "inconsistent_log", "{}: {err}", ctx());
                assert_eq!(case, s.case, "{}: a refused event changed the case", ctx());
            }
        }
    }
}

fn report(name: &str, f: &Figures) -> String {
    let refused: usize = f.refused.values().sum();
    let codes = f
        .refused
        .iter()
        .map(|(c, n)| format!("{c} {n}"))
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "{name}: {} states × {}–{} commands × {} actors = {} trials: {} accepted, {} refused ({codes}); forged events: {} refused, {} applied",
        f.states,
        f.min_commands,
        f.max_commands,
        f.actors,
        f.trials,
        f.accepted,
        refused,
        f.forged_refused,
        f.forged_applied,
    )
}

fn run(name: &str, p: &Procedure) {
    let f = matrix(p);
    println!("{}", report(name, &f));
    assert_eq!(f.accepted + f.refused.values().sum::<usize>(), f.trials);
    assert!(f.accepted > 0 && f.forged_refused > 0);
}

#[test]
fn permit_authorisation_matrix() {
    run("jatim-izin", &Procedure::jatim_permit());
}

#[test]
fn consultation_authorisation_matrix() {
    run("jatim-konsultasi", &Procedure::jatim_consultation());
}

#[test]
fn complaint_authorisation_matrix() {
    run("jatim-pengaduan", &Procedure::jatim_complaint());
}

#[test]
fn suggestion_authorisation_matrix() {
    run("jatim-saran", &Procedure::jatim_suggestion());
}

/// The permit with the settings the built-ins leave at their defaults: a
/// correction window (so a file not resubmitted in time may be recorded as
/// lapsed) and separation of duties switched off (so the applicant holding
/// office roles may act in the office's lanes, but still never records a
/// lapse).
#[test]
fn permit_with_a_correction_window_and_no_separation_of_duties() {
    let mut def = ptsp::ProcedureDef::jatim_permit();
    def.correction_window =
        Some(serde_json::from_str(r#"{"amount": 10, "unit": "working_days"}"#).unwrap());
    def.separation_of_duties = false;
    run(
        "jatim-izin (correction window, no separation of duties)",
        &Procedure::new(def).unwrap(),
    );
}

/// Drives a case through `script` from a new case.
fn walk(p: &Procedure, cal: &Calendar, script: Vec<(Actor, Command)>) -> State {
    let start = State {
        path: vec!["new".into()],
        model: Model::new(p.def()),
        case: Case::new(),
        log: Vec::new(),
        at: base(),
    };
    script
        .into_iter()
        .fold(start, |s, (actor, command)| s.run(p, cal, actor, command))
}

/// `Command::Assign::reason` is required to assign a unit that declined
/// and recorded whenever given.
#[test]
fn an_assignment_reason_is_recorded_whenever_given() {
    let p = Procedure::jatim_permit();
    let cal = Calendar::jatim();
    let def = p.def();
    let submit = Command::Submit {
        case_id: "C-1".into(),
        documents: documents(def),
    };
    let submitted = walk(&p, &cal, vec![(worker(def, &def.start), submit)]);
    let mut case = submitted.case.clone();
    let req = Request {
        actor: assigner(def),
        at: trial_at(),
        command: assign("opd_teknis", Some(UNIT), None, Some(REASON)),
    };
    let events = case.execute(&req, &p, &cal).unwrap();
    assert!(
        matches!(&events[0].kind, ptsp::EventKind::Assigned { reason: Some(r), .. } if r == REASON),
        "{events:?}"
    );
}

/// A unit that declined a consultation and was assigned it again with an
/// override reason holds the lane; binding one of its staff to the visit
/// is not assigning the case again: both a staff-only assignment (the lane
/// keeps its unit) and one naming the unit it already holds are accepted
/// without repeating the reason.
#[test]
fn a_readmitted_unit_can_be_staffed_without_a_new_override() {
    let p = Procedure::jatim_consultation();
    let cal = Calendar::jatim();
    let def = p.def();
    let head = assigner(def);
    let submit = Command::Submit {
        case_id: "C-1".into(),
        documents: Vec::new(),
    };
    let held = walk(
        &p,
        &cal,
        vec![
            (worker(def, "ajukan"), submit),
            (
                worker(def, "klasifikasi"),
                complete(def, "klasifikasi", "tidak"),
            ),
            (head.clone(), assign("unit", Some(UNIT), None, None)),
            (
                worker(def, "distribusi"),
                complete(def, "distribusi", "didistribusikan"),
            ),
            (
                worker(def, "jawab"),
                complete(def, "jawab", "bukan_kewenangan"),
            ),
            (head.clone(), assign("unit", Some(UNIT), None, Some(REASON))),
            (
                worker(def, "distribusi"),
                complete(def, "distribusi", "didistribusikan"),
            ),
        ],
    );
    assert_eq!(held.model.unit("unit"), Some(UNIT));
    let staffed = [
        assign("unit", None, Some(STAFF), None),
        assign("unit", Some(UNIT), Some(STAFF), None),
    ]
    .into_iter()
    .filter_map(|command| {
        let mut case = held.case.clone();
        let req = Request {
            actor: head.clone(),
            at: trial_at(),
            command,
        };
        case.execute(&req, &p, &cal).ok().map(|_| case)
    })
    .collect::<Vec<_>>();
    assert!(
        !staffed.is_empty(),
        "no way to staff the lane without a new override"
    );
    for case in staffed {
        let a = &case.assignments["unit"];
        assert_eq!(
            (a.unit.as_deref(), a.staff.as_deref(), a.step.as_deref()),
            (Some(UNIT), Some(STAFF), Some("jawab"))
        );
    }
}
