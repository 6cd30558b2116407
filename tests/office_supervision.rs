//! Seed §6, internal supervision, on the SAMPLE organisation of
//! `tests/fixtures/office/organisation.json` and the built-in permit
//! procedure: a step at risk notifies the assignee's direct superior, a
//! breached one climbs the line of command level by level; the laws of
//! escalation and of the worklist.

use std::path::PathBuf;

use proptest::prelude::*;
use ptsp::case::Directive;
use ptsp::office::{Control, EscalationPolicy, Office, Organisation, Requirement, Supervision};
use ptsp::procedure::builtin::permit::{lanes, roles};
use ptsp::{
    Actor, Calendar, Case, Command, Event, EventKind, Procedure, Request, SubmittedDocument,
};

fn org() -> Organisation {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/office/organisation.json");
    let f: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    Organisation::from_json(&f["organisation"].to_string()).unwrap()
}

/// The built-in permit procedure with another escalation policy.
fn with_policy(policy: EscalationPolicy) -> Procedure {
    let mut def = ptsp::ProcedureDef::jatim_permit();
    def.supervision.escalation = policy;
    Procedure::new(def).unwrap()
}

fn at(s: &str) -> chrono::DateTime<chrono::FixedOffset> {
    ptsp::calendar::parse_instant(s).unwrap()
}

/// A permit filed on Monday 21 December 2026 at 09:00 and its check
/// assigned to `s-01` (a verifier without a position, in the verification
/// section): the check is due on the third working day.
fn case(p: &Procedure, cal: &Calendar) -> Case {
    case_filed(p, cal, "2026-12-21T09:00:00+07:00")
}

/// The same permit, filed at `filed`, its check assigned 30 minutes later.
fn case_filed(p: &Procedure, cal: &Calendar, filed: &str) -> Case {
    let docs: Vec<SubmittedDocument> = ["surat_permohonan", "ktp", "nib", "npwp", "dokumen_teknis"]
        .map(|c| SubmittedDocument::new(c, "pdf", 250_000))
        .to_vec();
    let applicant = Actor::new("pemohon-1", &[roles::APPLICANT], None);
    let front = Actor::new("fo-01", &[roles::FRONT_OFFICE], None);
    let mut c = Case::new();
    let filed = at(filed);
    for (when, who, command) in [
        (
            filed,
            &applicant,
            Command::Submit {
                case_id: "IZN-1".into(),
                documents: docs,
            },
        ),
        (
            filed + chrono::Duration::minutes(30),
            &front,
            Command::Assign {
                lane: lanes::OFFICE.into(),
                unit: None,
                staff: Some("s-01".into()),
                reason: None,
            },
        ),
    ] {
        c.execute(
            &Request {
                actor: who.clone(),
                at: when,
                command,
            },
            p,
            cal,
        )
        .unwrap();
    }
    c
}

#[test]
fn the_direct_superior_is_the_head_of_the_assignee_s_unit() {
    let o = org();
    let s = Supervision::new(&o);
    assert_eq!(
        s.chain("s-01"),
        ["kasi-verifikasi", "kabid-pelayanan", "kadis"]
    );
    // Dedi holds the section's position: his superior is the division head.
    assert_eq!(s.chain("s-04"), ["kabid-pelayanan", "kadis"]);
    assert!(s.chain("s-06").is_empty(), "the head has no superior");
}

#[test]
fn preventive_then_repressive_up_the_line_of_command() {
    let (o, p, cal) = (org(), Procedure::jatim_permit(), Calendar::jatim());
    let s = Supervision::new(&o);
    let c = case(&p, &cal);
    // Before the risk threshold: nobody.
    assert!(
        s.escalations(&c, &p, &cal, at("2026-12-22T09:00:00+07:00"))
            .unwrap()
            .is_empty()
    );
    // At risk on the due day: the direct superior is told (preventive).
    let risk = s
        .escalations(&c, &p, &cal, at("2026-12-28T14:00:00+07:00"))
        .unwrap();
    assert_eq!(risk.len(), 1, "{risk:?}");
    assert_eq!(
        (
            risk[0].control,
            risk[0].level,
            risk[0].position.as_str(),
            risk[0].staff.as_slice()
        ),
        (
            Control::Preventive,
            1,
            "kasi-verifikasi",
            &["s-04".to_owned()][..]
        )
    );
    let deadline = risk[0].deadline.unwrap();
    assert_eq!(deadline, at("2026-12-28T16:00:00+07:00"));
    // Breached: level 1 from the deadline, one level more per working day.
    let next_day = |n: i64| {
        let d = cal.add_working_days(deadline.date_naive(), n).unwrap();
        d.and_time(deadline.time())
            .and_local_timezone(*deadline.offset())
            .unwrap()
    };
    let later = s.escalations(&c, &p, &cal, next_day(1)).unwrap();
    let levels: Vec<(u8, &str)> = later
        .iter()
        .map(|e| (e.level, e.position.as_str()))
        .collect();
    assert_eq!(levels, [(1, "kasi-verifikasi"), (2, "kabid-pelayanan")]);
    assert!(later.iter().all(|e| e.control == Control::Repressive));
    assert_eq!(later[1].due, Some(next_day(1)));
    assert_eq!(later[1].reason.en, "not resolved at level 1");
    let top = s.escalations(&c, &p, &cal, next_day(5)).unwrap();
    assert_eq!(top.last().unwrap().position, "kadis");
    assert_eq!(top.len(), 3, "never beyond the head");
    // A procedure's policy may stop sooner.
    let two = with_policy(EscalationPolicy {
        max_levels: Some(2),
        ..EscalationPolicy::default()
    });
    assert_eq!(s.escalations(&c, &two, &cal, next_day(5)).unwrap().len(), 2);
    // The worklists: the section head sees the step, the head sees it too.
    for pos in ["kasi-verifikasi", "kabid-pelayanan", "kadis"] {
        let w = s.worklist(pos, &top);
        assert_eq!(w.len(), 1, "{pos}");
        assert_eq!(w[0].level, 3, "one line per step, at its highest level");
    }
}

/// At the end of the calendar's coverage the next level falls in an
/// uncovered year: it is not due yet, not an error.
#[test]
fn escalation_stops_at_the_end_of_coverage() {
    let (o, p, cal) = (org(), Procedure::jatim_permit(), Calendar::jatim());
    let last = cal.coverage().last;
    let s = Supervision::new(&o);
    let c = case_filed(&p, &cal, &format!("{last}-12-28T09:00:00+07:00"));
    let end = at(&format!("{last}-12-31T17:00:00+07:00"));
    let all = s.escalations(&c, &p, &cal, end).unwrap();
    // Breached at the last close of the year; level 2 would fall in the
    // next, uncovered year.
    assert_eq!(all.len(), 1);
    let levels: Vec<u8> = all.iter().map(|e| e.level).collect();
    assert_eq!(levels, (1..=levels.len() as u8).collect::<Vec<_>>());
}

#[test]
fn a_bad_policy_is_refused_with_the_procedure() {
    let mut def = ptsp::ProcedureDef::jatim_permit();
    def.supervision.escalation.every.amount = 0;
    def.supervision.escalation.max_levels = Some(0);
    let err = Procedure::new(def).unwrap_err();
    let paths: Vec<&str> = err.problems().iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "supervision.escalation.every.amount",
            "supervision.escalation.max_levels"
        ]
    );
}

proptest! {
    #[test]
    fn an_escalation_never_skips_a_level_and_the_head_sees_every_step(
        hours in 0i64..400,
        every in 1i64..10,
        by_hours in any::<bool>(),
    ) {
        let (o, cal) = (org(), Calendar::jatim());
        let unit = if by_hours { ptsp::SlaUnit::WorkingHours } else { ptsp::SlaUnit::WorkingDays };
        let p = with_policy(EscalationPolicy { every: ptsp::office::Interval { amount: every, unit }, max_levels: None });
        let s = Supervision::new(&o);
        let c = case(&p, &cal);
        let now = at("2026-12-21T09:00:00+07:00") + chrono::Duration::hours(hours);
        let all = s.escalations(&c, &p, &cal, now).unwrap();
        let levels: Vec<u8> = all.iter().map(|e| e.level).collect();
        let expected: Vec<u8> = (1..=levels.len() as u8).collect();
        prop_assert_eq!(&levels, &expected);
        for w in all.windows(2) {
            prop_assert!(w[0].due <= w[1].due);
        }
        let head = o.head().unwrap().id.clone();
        let seen = s.worklist(&head, &all);
        prop_assert_eq!(seen.len(), usize::from(!all.is_empty()));
        for e in &all {
            prop_assert!(e.position != e.assignee);
        }
    }
}

// ---------------------------------------------------------------------
// The office deciding what the case engine alone cannot.

fn requirements() -> Vec<Requirement> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/office/organisation.json");
    let f: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    serde_json::from_value(f["requirements"].clone()).unwrap()
}

fn office() -> Office {
    Office::new(org(), requirements()).unwrap()
}

fn request(actor: &Actor, when: &str, command: Command) -> Request {
    Request {
        actor: actor.clone(),
        at: at(when),
        command,
    }
}

fn front() -> Actor {
    Actor::new("fo-01", &[roles::FRONT_OFFICE], None)
}

fn escalate(step: &str, control: Control, level: u8) -> Command {
    Command::Escalate {
        step: step.into(),
        control,
        level,
    }
}

/// The permit of `case()` with every escalation due at `now` recorded.
fn record_due(
    o: &Office,
    c: &mut Case,
    p: &Procedure,
    cal: &Calendar,
    now: &str,
    log: &mut Vec<Event>,
) {
    for e in o.escalations(c, p, cal, at(now)).unwrap() {
        if e.recorded {
            continue;
        }
        let r = request(&front(), now, escalate(&e.step, e.control, e.level));
        log.extend(o.execute(c, &r, p, cal).unwrap());
    }
}

/// The submission and assignment of `case()` as a log.
fn opening_log(p: &Procedure, cal: &Calendar) -> (Case, Vec<Event>) {
    let docs: Vec<SubmittedDocument> = ["surat_permohonan", "ktp", "nib", "npwp", "dokumen_teknis"]
        .map(|c| SubmittedDocument::new(c, "pdf", 250_000))
        .to_vec();
    let o = office();
    let mut c = Case::new();
    let mut log = Vec::new();
    let applicant = Actor::new("pemohon-1", &[roles::APPLICANT], None);
    log.extend(
        o.execute(
            &mut c,
            &request(
                &applicant,
                "2026-12-21T09:00:00+07:00",
                Command::Submit {
                    case_id: "IZN-1".into(),
                    documents: docs,
                },
            ),
            p,
            cal,
        )
        .unwrap(),
    );
    log.extend(
        o.execute(
            &mut c,
            &request(
                &front(),
                "2026-12-21T09:30:00+07:00",
                Command::Assign {
                    lane: lanes::OFFICE.into(),
                    unit: None,
                    staff: Some("s-01".into()),
                    reason: None,
                },
            ),
            p,
            cal,
        )
        .unwrap(),
    );
    (c, log)
}

#[test]
fn an_actor_is_built_from_the_staff_data() {
    let o = office();
    let a = o.actor("s-01", "2026-12-21".parse().unwrap()).unwrap();
    assert_eq!(a.roles, ["verifikator"]);
    assert_eq!(a.unit.as_deref(), Some("seksi-verifikasi"));
    // Dedi is on leave from 30 November to 4 December 2026.
    let away = o.actor("s-04", "2026-12-02".parse().unwrap()).unwrap_err();
    assert_eq!(away.code(), "staff_away");
    assert!(away.message(ptsp::Lang::Id).contains("tidak bertugas"));
    assert_eq!(
        o.actor("zz", "2026-12-02".parse().unwrap())
            .unwrap_err()
            .code(),
        "unknown_staff"
    );
}

#[test]
fn escalations_are_recorded_in_the_case_history_in_order() {
    let (p, cal) = (Procedure::jatim_permit(), Calendar::jatim());
    let o = office();
    let (mut c, mut log) = opening_log(&p, &cal);
    // At risk on the due day: the preventive warning is recorded once.
    record_due(&o, &mut c, &p, &cal, "2026-12-28T14:00:00+07:00", &mut log);
    assert_eq!(log.len(), 3);
    assert!(
        matches!(&log[2].kind, EventKind::Escalated { control: Control::Preventive, level: 1, position, .. } if position == "kasi-verifikasi")
    );
    assert!(c.visits.last().unwrap().warned);
    let again = o
        .decide(
            &c,
            &request(
                &front(),
                "2026-12-28T14:10:00+07:00",
                escalate("pemeriksaan", Control::Preventive, 1),
            ),
            &p,
            &cal,
        )
        .unwrap_err();
    assert_eq!(again.code(), "escalation_not_due");
    assert!(again.to_string().contains("already recorded"), "{again}");
    // Two working days after the deadline levels 1 to 3 are due; level 2
    // cannot come before level 1.
    let late = "2026-12-30T17:00:00+07:00";
    let skip = o
        .decide(
            &c,
            &request(
                &front(),
                late,
                escalate("pemeriksaan", Control::Repressive, 2),
            ),
            &p,
            &cal,
        )
        .unwrap_err();
    assert_eq!(skip.code(), "escalation_not_due");
    assert!(skip.to_string().contains("record level 1 first"), "{skip}");
    record_due(&o, &mut c, &p, &cal, late, &mut log);
    let levels: Vec<u8> = log
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::Escalated {
                control: Control::Repressive,
                level,
                ..
            } => Some(*level),
            _ => None,
        })
        .collect();
    assert_eq!(levels, [1, 2, 3]);
    assert_eq!(c.visits.last().unwrap().escalated, 3);
    assert!(
        o.escalations(&c, &p, &cal, at(late))
            .unwrap()
            .iter()
            .all(|e| e.recorded)
    );
    // Not due before its time: level 1 before the deadline.
    let (early, _) = opening_log(&p, &cal);
    let err = o
        .decide(
            &early,
            &request(
                &front(),
                "2026-12-22T09:00:00+07:00",
                escalate("pemeriksaan", Control::Repressive, 1),
            ),
            &p,
            &cal,
        )
        .unwrap_err();
    assert_eq!(err.code(), "escalation_not_due");
    // The engine alone refuses the command; the applicant may not record it.
    assert_eq!(
        early
            .decide(
                &request(
                    &front(),
                    late,
                    escalate("pemeriksaan", Control::Repressive, 1)
                ),
                &p,
                &cal
            )
            .unwrap_err()
            .code(),
        "office_required"
    );
    let applicant = Actor::new("pemohon-1", &[roles::APPLICANT], None);
    assert_eq!(
        o.decide(
            &early,
            &request(
                &applicant,
                late,
                escalate("pemeriksaan", Control::Repressive, 1)
            ),
            &p,
            &cal
        )
        .unwrap_err()
        .code(),
        "unauthorized"
    );
    // The log replays, checked; a log that skips a level does not.
    let replayed = Case::replay(&log, &p).unwrap();
    assert_eq!(replayed, c);
    let mut skipped = log.clone();
    skipped.retain(|e| {
        !matches!(
            &e.kind,
            EventKind::Escalated {
                control: Control::Repressive,
                level: 2,
                ..
            }
        )
    });
    assert_eq!(
        Case::replay(&skipped, &p).unwrap_err().code(),
        "inconsistent_log"
    );
    // A repressive escalation recorded before the deadline does not replay.
    let mut early_log = log[..2].to_vec();
    let mut e = log[3].clone();
    e.at = at("2026-12-22T09:00:00+07:00");
    early_log.push(e);
    assert_eq!(
        Case::replay(&early_log, &p).unwrap_err().code(),
        "inconsistent_log"
    );
    // The head's worklist shows the step at its highest recorded level.
    let all = o.escalations(&c, &p, &cal, at(late)).unwrap();
    let head = o.worklist("kadis", &all);
    assert_eq!((head.len(), head[0].level), (1, 3));
}

#[test]
fn a_superior_s_note_is_authorised_by_the_line_of_command() {
    let (p, cal) = (Procedure::jatim_permit(), Calendar::jatim());
    let o = office();
    let (c, log) = opening_log(&p, &cal);
    let day = "2026-12-22".parse().unwrap();
    let when = "2026-12-22T10:00:00+07:00";
    let note = |text: &str| Command::Supervise {
        directive: Directive::Instruction,
        text: text.into(),
    };
    // s-04 (section head), s-05 (division head), s-06 (head of office) are
    // 1, 2 and 3 levels above s-01, the verifier on the step.
    for (who, position, level) in [
        ("s-04", "kasi-verifikasi", 1),
        ("s-05", "kabid-pelayanan", 2),
        ("s-06", "kadis", 3),
    ] {
        let actor = o.actor(who, day).unwrap();
        let events = o
            .decide(
                &c,
                &request(&actor, when, note("Mohon segera diperiksa.")),
                &p,
                &cal,
            )
            .unwrap();
        match &events[0].kind {
            EventKind::Supervised {
                position: pos,
                subordinate,
                level: l,
                step,
                ..
            } => {
                assert_eq!(
                    (pos.as_str(), subordinate.as_str(), *l, step.as_deref()),
                    (position, "s-01", level, Some("pemeriksaan"))
                );
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(events[0].actor_role, None);
        let mut replay = log.clone();
        replay.extend(events);
        assert!(Case::replay(&replay, &p).is_ok());
    }
    // Peers, the verifier themselves and people outside the line are refused.
    for who in ["s-01", "s-02", "s-03"] {
        let actor = o.actor(who, day).unwrap();
        let err = o
            .decide(&c, &request(&actor, when, note("x")), &p, &cal)
            .unwrap_err();
        assert_eq!(err.code(), "unauthorized", "{who}");
        assert!(err.to_string().contains("a position above “s-01”"), "{err}");
    }
    let stranger = Actor::new("x-99", &[], None);
    assert_eq!(
        o.decide(&c, &request(&stranger, when, note("x")), &p, &cal)
            .unwrap_err()
            .code(),
        "unknown_staff"
    );
    let head = o.actor("s-06", day).unwrap();
    let blank = o
        .decide(&c, &request(&head, when, note("  ")), &p, &cal)
        .unwrap_err();
    assert_eq!(blank.code(), "invalid_input");
    assert_eq!(blank.problems()[0].code, ptsp::Code::EmptyText);
    // The engine alone cannot decide it.
    assert_eq!(
        c.decide(&request(&head, when, note("x")), &p, &cal)
            .unwrap_err()
            .code(),
        "office_required"
    );
    // A note by the subordinate themselves does not replay.
    let mut forged = o
        .decide(&c, &request(&head, when, note("x")), &p, &cal)
        .unwrap();
    forged[0].actor = "s-01".into();
    if let EventKind::Supervised { subordinate, .. } = &mut forged[0].kind {
        *subordinate = "s-01".into();
    }
    let mut bad = log.clone();
    bad.extend(forged);
    assert_eq!(
        Case::replay(&bad, &p).unwrap_err().code(),
        "inconsistent_log"
    );
}

/// Nobody supervises themselves, and a note is allowed exactly when the
/// actor's position is in the assignee's chain — for every pair of staff.
#[test]
fn supervision_follows_the_chain_for_every_pair_of_staff() {
    let (p, cal) = (Procedure::jatim_permit(), Calendar::jatim());
    let o = office();
    let verifiers = ["s-01", "s-02", "s-03", "s-04"];
    for assignee in verifiers {
        let mut c = opening_log(&p, &cal).0;
        c.assignments.get_mut(lanes::OFFICE).unwrap().staff = Some(assignee.into());
        let chain = o.supervision().chain(assignee);
        for m in &o.organisation().staff {
            let actor = Actor::new(&m.id, &[], None);
            let r = request(
                &actor,
                "2026-12-22T10:00:00+07:00",
                Command::Supervise {
                    directive: Directive::Note,
                    text: "catatan".into(),
                },
            );
            let allowed = o.decide(&c, &r, &p, &cal).is_ok();
            let above = m
                .position
                .as_deref()
                .is_some_and(|pos| chain.contains(&pos));
            assert_eq!(allowed, above && m.id != assignee, "{} on {assignee}", m.id);
        }
    }
}

#[test]
fn an_assignment_is_checked_against_roles_presence_and_competence() {
    let (cal, o) = (Calendar::jatim(), office());
    let assign = |staff: &str| Command::Assign {
        lane: lanes::OFFICE.into(),
        unit: None,
        staff: Some(staff.into()),
        reason: None,
    };
    let submitted = |p: &Procedure| {
        let (mut c, _) = opening_log(p, &cal);
        c.assignments.clear();
        c
    };
    let when = "2026-12-21T10:00:00+07:00";
    // Default (warn): s-02's certificate expired; the event records why.
    let p = Procedure::jatim_permit();
    let c = submitted(&p);
    let events = o
        .decide(&c, &request(&front(), when, assign("s-02")), &p, &cal)
        .unwrap();
    let EventKind::Assigned { warnings, .. } = &events[0].kind else {
        panic!()
    };
    assert!(
        warnings
            .iter()
            .any(|w| w.en.contains("expired on 2025-05-31")),
        "{warnings:?}"
    );
    let mut log = opening_log(&p, &cal).1[..1].to_vec();
    log.extend(events);
    assert!(Case::replay(&log, &p).is_ok(), "a warning replays");
    // A qualified verifier: no warning.
    let events = o
        .decide(&c, &request(&front(), when, assign("s-01")), &p, &cal)
        .unwrap();
    assert!(matches!(&events[0].kind, EventKind::Assigned { warnings, .. } if warnings.is_empty()));
    // Refuse: not_qualified, nothing changes.
    let mut def = ptsp::ProcedureDef::jatim_permit();
    def.supervision.qualification = ptsp::Qualification::Refuse;
    let strict = Procedure::new(def).unwrap();
    let mut c = submitted(&strict);
    let before = c.clone();
    let err = o
        .execute(
            &mut c,
            &request(&front(), when, assign("s-02")),
            &strict,
            &cal,
        )
        .unwrap_err();
    assert_eq!(err.code(), "not_qualified");
    assert!(
        err.message(ptsp::Lang::Id)
            .contains("berakhir pada 2025-05-31"),
        "{err}"
    );
    assert_eq!(c, before);
    // Away that day (Dedi's leave) counts too.
    let early = case_filed(&strict, &cal, "2026-12-01T09:00:00+07:00");
    let away = o
        .decide(
            &early,
            &request(&front(), "2026-12-02T10:00:00+07:00", assign("s-04")),
            &strict,
            &cal,
        )
        .unwrap_err();
    assert_eq!(away.code(), "not_qualified");
    assert!(away.to_string().contains("away on 2026-12-02"), "{away}");
    // Off: not checked.
    let mut def = ptsp::ProcedureDef::jatim_permit();
    def.supervision.qualification = ptsp::Qualification::Off;
    let lax = Procedure::new(def).unwrap();
    let events = o
        .decide(
            &submitted(&lax),
            &request(&front(), when, assign("s-02")),
            &lax,
            &cal,
        )
        .unwrap();
    assert!(matches!(&events[0].kind, EventKind::Assigned { warnings, .. } if warnings.is_empty()));
    // Whatever the setting: the staff member must exist and hold the role.
    assert_eq!(
        o.decide(
            &submitted(&lax),
            &request(&front(), when, assign("s-99")),
            &lax,
            &cal
        )
        .unwrap_err()
        .code(),
        "unknown_staff"
    );
    let err = o
        .decide(
            &submitted(&lax),
            &request(&front(), when, assign("s-05")),
            &lax,
            &cal,
        )
        .unwrap_err();
    assert_eq!(err.code(), "lacks_role");
}

#[test]
fn the_sector_of_the_procedure_chooses_the_requirement_and_the_least_loaded_staff() {
    let o = office();
    let day = "2026-12-21".parse().unwrap();
    let open = std::collections::BTreeMap::from([("s-01".to_owned(), 9)]);
    // Only s-01 qualifies for health verification on 21 December (s-02's
    // and s-04's certificates have expired), however loaded.
    let pick = o.pick_staff("verifikator", None, Some("kesehatan"), day, &open);
    assert_eq!(pick.map(|m| m.id.as_str()), Some("s-01"));
    // s-03 has a certificate without an end and serves transport.
    let pick = o.pick_staff("verifikator", None, Some("perhubungan"), day, &open);
    assert_eq!(pick.map(|m| m.id.as_str()), Some("s-03"));
    assert!(
        o.pick_staff("verifikator", Some("bidang-pelayanan"), None, day, &open)
            .is_none()
    );
    // A health permit procedure asks the health requirement: s-03 lacks it.
    let why = o
        .shortfalls("s-03", "verifikator", Some("kesehatan"), day)
        .unwrap();
    assert!(why.iter().any(|w| w.en.contains("education")), "{why:?}");
    assert!(
        o.shortfalls("s-03", "verifikator", None, day)
            .unwrap()
            .is_empty()
    );
}

/// The worklist by its definition: the escalations about staff below the
/// position, the highest per step visit, ordered by urgency, deadline,
/// case and visit.
fn worklist_oracle<'e>(
    s: &Supervision,
    position: &str,
    all: &'e [ptsp::office::Escalation],
) -> Vec<&'e ptsp::office::Escalation> {
    let mut best: Vec<&ptsp::office::Escalation> = Vec::new();
    for e in all {
        if !s.chain(&e.assignee).contains(&position) {
            continue;
        }
        match best
            .iter_mut()
            .find(|b| b.case == e.case && b.visit == e.visit)
        {
            Some(b) if (e.control, e.level) > (b.control, b.level) => *b = e,
            Some(_) => {}
            None => best.push(e),
        }
    }
    best.sort_by(|a, b| {
        (b.control, b.level)
            .cmp(&(a.control, a.level))
            .then(a.deadline.cmp(&b.deadline))
            .then(a.case.cmp(&b.case))
            .then(a.visit.cmp(&b.visit))
    });
    best
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// The worklist is the same whatever the order of its input, and is
    /// what its definition says — for every position.
    #[test]
    fn the_worklist_does_not_depend_on_the_order_of_escalations(
        filed in proptest::collection::vec((0i64..200, 0usize..4), 1..12),
        hours in 100i64..500,
        seed in any::<u64>(),
    ) {
        let (o, p, cal) = (org(), Procedure::jatim_permit(), Calendar::jatim());
        let s = Supervision::new(&o);
        let verifiers = ["s-01", "s-02", "s-03", "s-04"];
        let start = at("2026-12-01T08:00:00+07:00");
        let now = start + chrono::Duration::hours(hours);
        let mut all = Vec::new();
        for (i, (offset, who)) in filed.iter().enumerate() {
            let when = start + chrono::Duration::hours(*offset);
            let mut c = case_filed(&p, &cal, &when.to_rfc3339());
            c.id = format!("IZN-{i:03}-with-a-long-suffix-{}", i % 3);
            c.assignments.get_mut(lanes::OFFICE).unwrap().staff = Some(verifiers[*who].into());
            all.extend(s.escalations(&c, &p, &cal, now).unwrap());
        }
        // A deterministic shuffle from the seed.
        let mut shuffled = all.clone();
        let mut x = seed | 1;
        for i in (1..shuffled.len()).rev() {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17;
            shuffled.swap(i, (x % (i as u64 + 1)) as usize);
        }
        for pos in ["kasi-verifikasi", "kabid-pelayanan", "kadis"] {
            let grouped: Vec<_> = s.worklist(pos, &all).into_iter().cloned().collect();
            let mixed: Vec<_> = s.worklist(pos, &shuffled).into_iter().cloned().collect();
            let oracle: Vec<_> = worklist_oracle(&s, pos, &all).into_iter().cloned().collect();
            prop_assert_eq!(&grouped, &oracle);
            prop_assert_eq!(&mixed, &oracle);
        }
    }
}

// ---------------------------------------------------------------------
// The shared scenarios of tests/fixtures/office/supervision.json (run
// alike by the Python and JS suites).

/// Whether `actual` contains `expected`: objects key by key, lists element
/// by element (same length), anything else equal.
fn contains(actual: &serde_json::Value, expected: &serde_json::Value) -> bool {
    use serde_json::Value;
    match (actual, expected) {
        (Value::Object(a), Value::Object(e)) => e
            .iter()
            .all(|(k, v)| a.get(k).is_some_and(|x| contains(x, v))),
        (Value::Array(a), Value::Array(e)) => {
            a.len() == e.len() && a.iter().zip(e).all(|(x, y)| contains(x, y))
        }
        _ => actual == expected,
    }
}

#[test]
fn shared_office_scenarios() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/office/supervision.json");
    let f: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let o = office();
    let cal = Calendar::jatim();
    let mut steps_run = 0;
    for sc in f["scenarios"].as_array().unwrap() {
        let name = sc["name"].as_str().unwrap();
        let mut def = ptsp::ProcedureDef::jatim_permit();
        if let Some(q) = sc.get("qualification") {
            def.supervision.qualification = serde_json::from_value(q.clone()).unwrap();
        }
        let p = Procedure::new(def).unwrap();
        let mut c = Case::new();
        let mut log: Vec<Event> = Vec::new();
        for (i, st) in sc["steps"].as_array().unwrap().iter().enumerate() {
            let here = format!("{name}, step {i}");
            steps_run += 1;
            if let Some(staff) = st.get("actor").and_then(|a| a.as_str()) {
                let on = st["on"].as_str().unwrap().parse().unwrap();
                match (o.actor(staff, on), st.get("actor_error")) {
                    (Err(e), Some(code)) => {
                        assert_eq!(e.code(), code.as_str().unwrap(), "{here}");
                        continue;
                    }
                    (Ok(actor), None) => {
                        let mut req = st["do"].clone();
                        req["actor"] = serde_json::to_value(actor).unwrap();
                        run_step(&o, &mut c, &mut log, &req, st, &p, &cal, &here);
                    }
                    (r, _) => panic!("{here}: {r:?}"),
                }
            } else if let Some(req) = st.get("do") {
                run_step(&o, &mut c, &mut log, req, st, &p, &cal, &here);
            } else if let Some(req) = st.get("engine") {
                let req: Request = serde_json::from_value(req.clone()).unwrap();
                let err = c.decide(&req, &p, &cal).unwrap_err();
                assert_eq!(err.code(), st["error"].as_str().unwrap(), "{here}");
            } else if let Some(now) = st.get("escalations") {
                let all = o
                    .escalations(&c, &p, &cal, at(now.as_str().unwrap()))
                    .unwrap();
                let got: Vec<serde_json::Value> = all
                    .iter()
                    .map(|e| serde_json::json!([e.control, e.level, e.position, e.recorded]))
                    .collect();
                assert_eq!(serde_json::Value::from(got), st["expect"], "{here}");
            } else if let Some(pos) = st.get("worklist") {
                let all = o
                    .escalations(&c, &p, &cal, at(st["at"].as_str().unwrap()))
                    .unwrap();
                let got: Vec<serde_json::Value> = o
                    .worklist(pos.as_str().unwrap(), &all)
                    .iter()
                    .map(|e| serde_json::json!([e.case, e.step, e.level, e.control]))
                    .collect();
                assert_eq!(serde_json::Value::from(got), st["expect"], "{here}");
            } else if st.get("replay").is_some() {
                assert_eq!(Case::replay(&log, &p).unwrap(), c, "{here}");
            } else {
                panic!("{here}: unknown step {st}");
            }
        }
    }
    assert!(steps_run > 30);
    for pick in f["pick_staff"].as_array().unwrap() {
        let open: std::collections::BTreeMap<String, u32> = pick
            .get("open_cases")
            .map(|v| serde_json::from_value(v.clone()).unwrap())
            .unwrap_or_default();
        let got = o.pick_staff(
            pick["role"].as_str().unwrap(),
            pick.get("unit").and_then(|u| u.as_str()),
            pick.get("sector").and_then(|u| u.as_str()),
            pick["on"].as_str().unwrap().parse().unwrap(),
            &open,
        );
        assert_eq!(
            got.map(|m| m.id.as_str()),
            pick["expect"].as_str(),
            "{pick}"
        );
    }
}

#[allow(clippy::too_many_arguments)]
fn run_step(
    o: &Office,
    c: &mut Case,
    log: &mut Vec<Event>,
    req: &serde_json::Value,
    st: &serde_json::Value,
    p: &Procedure,
    cal: &Calendar,
    here: &str,
) {
    let req: Request = serde_json::from_value(req.clone()).unwrap();
    let before = c.clone();
    match (o.execute(c, &req, p, cal), st.get("error")) {
        (Err(e), Some(code)) => {
            assert_eq!(e.code(), code.as_str().unwrap(), "{here}: {e}");
            assert_eq!(*c, before, "{here}: a refused command changes nothing");
        }
        (Ok(events), None) => {
            let first = serde_json::to_value(&events[0]).unwrap();
            assert!(contains(&first, &st["event"]), "{here}: {first}");
            for key in st
                .get("absent")
                .and_then(|a| a.as_array())
                .into_iter()
                .flatten()
            {
                assert!(
                    first.get(key.as_str().unwrap()).is_none(),
                    "{here}: {first}"
                );
            }
            log.extend(events);
        }
        (r, _) => panic!("{here}: {r:?}"),
    }
}

/// Seed §6, *Pengawasan Internal*: "Pengawasan internal dilaksanakan oleh
/// setiap atasan secara struktural … Pengendalian secara terus menerus yang
/// dilakukan oleh atasan langsung terhadap bawahannya secara preventif atau
/// represif." The two controls are exactly preventive and repressive; both
/// start at the assignee's direct superior (*atasan langsung*); every
/// superior up the structure (*setiap atasan secara struktural*) may give
/// a note; and what was recorded shows in the SLA report of the step.
#[test]
fn conformance_seed_section_6() {
    let (p, cal) = (Procedure::jatim_permit(), Calendar::jatim());
    let o = office();
    let controls: Vec<String> = [Control::Preventive, Control::Repressive]
        .iter()
        .map(|c| {
            serde_json::to_value(c)
                .unwrap()
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(controls, ["preventive", "repressive"]);
    let (mut c, mut log) = opening_log(&p, &cal);
    let direct = o.supervision().chain("s-01")[0];
    assert_eq!(direct, "kasi-verifikasi");
    let risk = o
        .escalations(&c, &p, &cal, at("2026-12-28T14:00:00+07:00"))
        .unwrap();
    assert_eq!(
        (risk[0].control, risk[0].position.as_str()),
        (Control::Preventive, direct)
    );
    record_due(&o, &mut c, &p, &cal, "2026-12-28T14:00:00+07:00", &mut log);
    let breach = o
        .escalations(&c, &p, &cal, at("2026-12-29T09:00:00+07:00"))
        .unwrap();
    assert_eq!(
        (
            breach[0].control,
            breach[0].level,
            breach[0].position.as_str()
        ),
        (Control::Repressive, 1, direct)
    );
    record_due(&o, &mut c, &p, &cal, "2026-12-29T17:00:00+07:00", &mut log);
    // Every superior up the structure may supervise; nobody else.
    let day = "2026-12-29".parse().unwrap();
    for m in &o.organisation().staff {
        let Ok(actor) = o.actor(&m.id, day) else {
            continue;
        };
        let r = request(
            &actor,
            "2026-12-29T17:30:00+07:00",
            Command::Supervise {
                directive: Directive::Note,
                text: "Dipantau.".into(),
            },
        );
        let above = m
            .position
            .as_deref()
            .is_some_and(|pos| o.supervision().chain("s-01").contains(&pos));
        assert_eq!(o.decide(&c, &r, &p, &cal).is_ok(), above, "{}", m.id);
    }
    // What was recorded is in the step's clock of the SLA report.
    let report = ptsp::sla::evaluate(&c, &p, &cal, at("2026-12-29T17:30:00+07:00")).unwrap();
    let clock = report.steps.last().unwrap();
    assert!(clock.warned);
    assert_eq!(
        clock.escalated, 2,
        "levels 1 and 2 recorded by the evening of 29 December"
    );
}

/// A trusted log may record any level; deciding the next one does not
/// overflow.
#[test]
fn a_trusted_log_at_level_255_does_not_overflow_the_next_escalation() {
    let (p, cal) = (Procedure::jatim_permit(), Calendar::jatim());
    let o = office();
    let (mut c, log) = opening_log(&p, &cal);
    let mut forged = log[1].clone();
    forged.at = at("2026-12-30T17:00:00+07:00");
    forged.actor_role = Some(roles::FRONT_OFFICE.into());
    forged.kind = EventKind::Escalated {
        step: "pemeriksaan".into(),
        control: Control::Repressive,
        level: 255,
        position: "kadis".into(),
        staff: vec![],
        assignee: "s-01".into(),
        deadline: c.visits.last().unwrap().due,
    };
    c.apply_trusted(&forged).unwrap();
    assert_eq!(c.visits.last().unwrap().escalated, 255);
    let err = o
        .decide(
            &c,
            &request(
                &front(),
                "2026-12-30T17:05:00+07:00",
                escalate("pemeriksaan", Control::Repressive, 3),
            ),
            &p,
            &cal,
        )
        .unwrap_err();
    assert_eq!(err.code(), "escalation_not_due");
}
