//! Seed §6, internal supervision, on the SAMPLE organisation of
//! `tests/fixtures/office/organisation.json` and the built-in permit
//! procedure: a step at risk notifies the assignee's direct superior, a
//! breached one climbs the line of command level by level; the laws of
//! escalation and of the worklist.

use std::path::PathBuf;

use proptest::prelude::*;
use ptsp::office::{Control, EscalationPolicy, Office, Organisation, Requirement, Supervision};
use ptsp::procedure::builtin::permit::{lanes, roles};
use ptsp::{Actor, Calendar, Case, Command, Procedure, Request, SubmittedDocument};

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
    assert_eq!(
        s.escalations(&c, &two, &cal, next_day(5)).unwrap().len(),
        2
    );
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
        let (o, p, cal) = (org(), Procedure::jatim_permit(), Calendar::jatim());
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
