//! The trusted path of `compliance_from_logs` reads stored logs with a lean
//! reader (`evaluation/lean.rs`) instead of the full one. Its reports must
//! be the full reader's, whatever the engine wrote and however the JSON is
//! laid out: checked here against the report over the cases themselves and
//! against the checked path, over random runs of the permit and complaint
//! procedures.

use chrono::{DateTime, Duration, FixedOffset};
use proptest::prelude::*;
use ptsp::evaluation::{Dimension, Period, Replay, compliance, compliance_from_logs};
use ptsp::{
    Actor, Calendar, Case, Command, CorrectionReason, Event, Procedure, Request, SubmittedDocument,
};
use serde_json::json;

fn docs() -> Vec<SubmittedDocument> {
    ["surat_permohonan", "ktp", "nib", "npwp", "dokumen_teknis"]
        .map(|c| SubmittedDocument::new(c, "pdf", 10_000))
        .to_vec()
}

fn output(c: Command, kind: &str) -> Command {
    let kind = serde_json::from_value(json!(kind)).unwrap();
    let date = ptsp::calendar::parse_date("2026-01-05").unwrap();
    c.with_output(ptsp::OutputRecord::new(kind, "503/17/2026", date))
}

/// Who may act on a permit, and what they may ask.
fn permit_moves() -> (Vec<Actor>, Vec<Command>) {
    let step = Command::complete;
    let actors = vec![
        Actor::new("p-1", &["pemohon"], None),
        Actor::new("v-1", &["verifikator"], None),
        Actor::new("f-1", &["front_office"], None),
        Actor::new("k-1", &["pejabat_berwenang"], None),
        Actor::new("o-1", &["opd_teknis"], Some("dinkes")),
    ];
    let commands = vec![
        Command::Submit {
            case_id: "C".into(),
            documents: docs(),
        },
        step("pemeriksaan", "lengkap"),
        output(step("rekomendasi", "direkomendasikan"), "rekomendasi"),
        output(
            step("rekomendasi", "tidak_direkomendasikan"),
            "berita_acara",
        ),
        step("persetujuan", "disetujui"),
        step("persetujuan", "ditolak"),
        output(step("cetak", "dicetak"), "izin"),
        Command::ReturnForCorrection {
            step: "pemeriksaan".into(),
            reasons: vec![CorrectionReason {
                document: "ktp".into(),
                reason: "buram \"sekali\"\n".into(),
            }],
        },
        Command::Resubmit { documents: docs() },
        Command::Reject {
            step: "pemeriksaan".into(),
            reason: "tidak memenuhi syarat".into(),
        },
        Command::Withdraw {
            reason: Some("berubah pikiran — é".into()),
        },
        Command::Assign {
            lane: "opd_teknis".into(),
            unit: Some("dinkes".into()),
            staff: None,
            reason: None,
        },
        Command::Assign {
            lane: "ptsp".into(),
            unit: None,
            staff: Some("v-1".into()),
            reason: None,
        },
        Command::Lapse {
            step: "pemeriksaan".into(),
        },
    ];
    (actors, commands)
}

/// Who may act on a complaint (tiers, a routed unit, the confirmation
/// window), and what they may ask.
fn complaint_moves() -> (Vec<Actor>, Vec<Command>) {
    let step = Command::complete;
    let noted = |s: &str, o: &str, note: &str| match step(s, o) {
        Command::CompleteStep {
            step,
            outcome,
            tier,
            outputs,
            ..
        } => Command::CompleteStep {
            step,
            outcome,
            note: Some(note.into()),
            tier,
            outputs,
        },
        other => other,
    };
    let tiered = |tier: &str| match step("verifikasi", "terverifikasi") {
        Command::CompleteStep {
            step,
            outcome,
            note,
            outputs,
            ..
        } => Command::CompleteStep {
            step,
            outcome,
            note,
            tier: Some(tier.into()),
            outputs,
        },
        other => other,
    };
    let actors = vec![
        Actor::new("q-1", &["penanya"], None),
        Actor::new("op-1", &["operator"], None),
        Actor::new("kp-1", &["kepala_pengaduan"], None),
        Actor::new("u-1", &["petugas_unit"], Some("dkp")),
        Actor::new("pj-1", &["pejabat_berwenang"], None),
    ];
    let commands = vec![
        Command::Submit {
            case_id: "C".into(),
            documents: vec![],
        },
        tiered("biasa"),
        tiered("mendesak"),
        step("verifikasi", "arsip"),
        Command::Assign {
            lane: "unit".into(),
            unit: Some("dkp".into()),
            staff: Some("u-1".into()),
            reason: None,
        },
        step("distribusi", "didistribusikan"),
        noted("jawab", "dijawab", "Jawaban: \"ya\", silakan\tlanjut \\ ✓"),
        step("jawab", "bukan_kewenangan"),
        step("validasi", "valid"),
        step("validasi", "belum_valid"),
        step("penyampaian", "disampaikan"),
        step("konfirmasi", "diterima"),
        step("konfirmasi", "buka_kembali"),
        Command::Lapse {
            step: "konfirmasi".into(),
        },
        Command::Withdraw { reason: None },
        Command::ReturnForCorrection {
            step: "verifikasi".into(),
            reasons: vec![CorrectionReason {
                document: "lampiran".into(),
                reason: "kurang".into(),
            }],
        },
        Command::Resubmit { documents: vec![] },
    ];
    (actors, commands)
}

fn start() -> DateTime<FixedOffset> {
    ptsp::calendar::parse_instant("2026-03-02T08:00:00+07:00").unwrap()
}

/// The step a command names, if any.
fn step_of(c: &Command) -> Option<&str> {
    match c {
        Command::CompleteStep { step, .. }
        | Command::ReturnForCorrection { step, .. }
        | Command::Reject { step, .. }
        | Command::Lapse { step } => Some(step),
        _ => None,
    }
}

/// Runs one script; the case and its log. Each move picks, by the
/// script's number, among the commands for the current step and those for
/// any step (assignments, withdrawal, resubmission), and the actor by the
/// other number — so runs go forward, with detours and refusals.
fn run(which: usize, id: usize, script: &[(usize, usize, i64)]) -> (Case, Vec<Event>) {
    let p = [Procedure::jatim_permit(), Procedure::jatim_complaint()][which].clone();
    let (actors, commands) = if which == 0 {
        permit_moves()
    } else {
        complaint_moves()
    };
    let cal = Calendar::jatim();
    let mut case = Case::new();
    let mut log = Vec::new();
    let mut at = start() + Duration::hours(id as i64 * 5);
    let mut all = vec![(0usize, 0usize, 1i64)];
    all.extend_from_slice(script);
    for (a, c, minutes) in all {
        at += Duration::minutes(minutes);
        let fitting: Vec<&Command> = commands
            .iter()
            .filter(|cmd| match (&case.current, step_of(cmd)) {
                (None, _) => matches!(cmd, Command::Submit { .. }),
                (Some(cur), Some(s)) => s == cur,
                // Withdrawal now and then only, or few runs would get far.
                (Some(_), None) => match cmd {
                    Command::Submit { .. } => false,
                    Command::Withdraw { .. } => a == 4 && c % 3 == 0,
                    _ => true,
                },
            })
            .collect();
        if fitting.is_empty() {
            continue;
        }
        let mut command = fitting[c % fitting.len()].clone();
        if let Command::Submit { case_id, .. } = &mut command {
            *case_id = format!("C-{id}");
        }
        // The actor: the one the lane wants most of the time, any other now and then.
        let lanes = p.def();
        let wanted = case
            .current
            .as_deref()
            .and_then(|s| p.step(s))
            .and_then(|s| {
                let roles = if s.roles.is_empty() {
                    lanes
                        .lanes
                        .iter()
                        .find(|l| l.id == s.lane)
                        .map(|l| l.roles.clone())
                        .unwrap_or_default()
                } else {
                    s.roles.clone()
                };
                actors
                    .iter()
                    .position(|x| x.roles.iter().any(|r| roles.contains(r)))
            });
        let who = match (wanted, a) {
            (Some(w), 0..=2)
                if !matches!(
                    command,
                    Command::Assign { .. } | Command::Resubmit { .. } | Command::Withdraw { .. }
                ) =>
            {
                w
            }
            _ => a % actors.len(),
        };
        let req = Request {
            actor: actors[who].clone(),
            at,
            command,
        };
        if let Ok(events) = case.execute(&req, &p, &cal) {
            log.extend(events);
        }
    }
    (case, log)
}

/// A log as JSON: compact, pretty (with line breaks and indents), or with a
/// space after each separator, as Python's `json.dumps` writes it.
fn text(log: &[Event], style: u8) -> Vec<u8> {
    match style % 3 {
        0 => serde_json::to_vec(log).unwrap(),
        1 => serde_json::to_vec_pretty(log).unwrap(),
        _ => {
            let compact = serde_json::to_string(log).unwrap();
            // Re-spaced outside strings only.
            let (mut out, mut in_str, mut esc) = (String::new(), false, false);
            for ch in compact.chars() {
                out.push(ch);
                if in_str {
                    match (esc, ch) {
                        (true, _) => esc = false,
                        (false, '\\') => esc = true,
                        (false, '"') => in_str = false,
                        _ => {}
                    }
                } else if ch == '"' {
                    in_str = true;
                } else if ch == ',' || ch == ':' {
                    out.push(' ');
                }
            }
            out.into_bytes()
        }
    }
}

const ALL: [Dimension; 7] = [
    Dimension::Procedure,
    Dimension::Step,
    Dimension::Lane,
    Dimension::Unit,
    Dimension::Staff,
    Dimension::Tier,
    Dimension::Month,
];

fn check(
    runs: &[(Case, Vec<Event>)],
    styles: &[u8],
    with_checked: bool,
) -> Result<(), TestCaseError> {
    let (permit, complaint, cal) = (
        Procedure::jatim_permit(),
        Procedure::jatim_complaint(),
        Calendar::jatim(),
    );
    let procedures = [&permit, &complaint];
    let period = Period {
        from: "2026-03-01".parse().unwrap(),
        to: "2026-06-30".parse().unwrap(),
    };
    let now = ptsp::calendar::parse_instant("2026-05-15T10:00:00+07:00").unwrap();
    let cases: Vec<Case> = runs.iter().map(|(c, _)| c.clone()).collect();
    let logs: Vec<Vec<u8>> = runs
        .iter()
        .zip(styles.iter().cycle())
        .map(|((_, log), s)| text(log, *s))
        .collect();
    for dims in [
        &ALL[..],
        &[Dimension::Step, Dimension::Staff, Dimension::Month][..],
        &[Dimension::Tier][..],
    ] {
        let want = compliance(&cases, &procedures, &cal, period, now, dims).unwrap();
        let trusted =
            compliance_from_logs(&logs, &procedures, &cal, period, now, dims, Replay::Trusted)
                .unwrap();
        prop_assert_eq!(&trusted, &want);
        if !with_checked {
            continue;
        }
        let checked =
            compliance_from_logs(&logs, &procedures, &cal, period, now, dims, Replay::Checked)
                .unwrap();
        prop_assert_eq!(&checked, &want);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// Reports over logs read lean equal the reports over the cases.
    #[test]
    fn the_lean_reader_reports_what_the_full_reader_does(
        runs in prop::collection::vec(
            (0usize..2, prop::collection::vec((0usize..5, 0usize..17, 1i64..12_000), 0..30)),
            1..12,
        ),
        styles in prop::collection::vec(0u8..3, 1..4),
    ) {
        let runs: Vec<(Case, Vec<Event>)> = runs
            .iter()
            .enumerate()
            .map(|(id, (which, script))| run(*which, id, script))
            .filter(|(c, _)| c.status != ptsp::CaseStatus::New)
            .collect();
        check(&runs, &styles, true)?;
    }
}

/// Escalations and a superior's note (office events), and fields the lean
/// reader leaves to the full one: an escape in a kept string, an unknown
/// field, key order changed. Same report either way.
#[test]
fn office_events_escapes_and_key_order() {
    let (p, cal) = (Procedure::jatim_permit(), Calendar::jatim());
    let (actors, commands) = permit_moves();
    let mut case = Case::new();
    let mut log = Vec::new();
    // Submitted, the check assigned to v-1, the agency's lane to dinkes.
    for (k, (a, c)) in [(0, 0), (2, 12), (2, 11)].into_iter().enumerate() {
        let mut command = commands[c].clone();
        if let Command::Submit { case_id, .. } = &mut command {
            *case_id = "C-1".into();
        }
        let req = Request {
            actor: actors[a].clone(),
            at: start() + Duration::minutes(k as i64 * 5),
            command,
        };
        log.extend(case.execute(&req, &p, &cal).unwrap());
    }
    assert_eq!(case.current.as_deref(), Some("pemeriksaan"));
    let at = |s: &str| ptsp::calendar::parse_instant(s).unwrap();
    let escalated: Event = serde_json::from_value(json!({
        "at": "2026-03-10T09:00:00+07:00", "case": "C-1", "actor": "sistem", "type": "escalated",
        "step": "pemeriksaan", "control": "repressive", "level": 2, "position": "kabid",
        "staff": ["s-9"], "assignee": "v-1", "deadline": "2026-03-05T16:00:00+07:00"
    }))
    .unwrap();
    let warned: Event = serde_json::from_value(json!({
        "at": "2026-03-09T09:00:00+07:00", "case": "C-1", "actor": "sistem", "type": "escalated",
        "step": "pemeriksaan", "control": "preventive", "level": 1, "position": "kasi", "assignee": "v-1"
    }))
    .unwrap();
    let note: Event = serde_json::from_value(json!({
        "at": "2026-03-10T10:00:00+07:00", "case": "C-1", "actor": "kabid", "type": "supervised",
        "directive": "instruction", "text": "Segera \"selesaikan\"\n", "step": "pemeriksaan",
        "position": "kabid", "subordinate": "v-1", "level": 1
    }))
    .unwrap();
    log.extend([warned, escalated, note]);
    let mut replayed = Case::replay_trusted(&log).unwrap();
    assert_eq!(replayed.visits.last().unwrap().escalated, 2);
    let runs = vec![(replayed.clone(), log.clone())];
    // Hand-written office events: the trusted path only (the checked one
    // wants the organisation's roles).
    check(&runs, &[0, 1, 2], false).unwrap();

    // An escaped staff id (the full reader decodes it), an unknown field,
    // keys reversed: the same report.
    let mut value = serde_json::to_value(&log).unwrap();
    for e in value.as_array_mut().unwrap() {
        e["extra"] = json!({"nested": [1, 2.5e3, -0, "x\u{00e9}"], "flag": true});
    }
    let mut text = serde_json::to_string(&value).unwrap();
    text = text.replace("\"staff\":\"v-1\"", "\"staff\":\"v\\u002d1\"");
    assert!(text.contains("v\\u002d1"));
    let p = Procedure::jatim_permit();
    let cal = Calendar::jatim();
    let period = Period {
        from: "2026-03-01".parse().unwrap(),
        to: "2026-06-30".parse().unwrap(),
    };
    let now = at("2026-05-15T10:00:00+07:00");
    let want = compliance(&[replayed.clone()], &[&p], &cal, period, now, &ALL).unwrap();
    let got = compliance_from_logs(
        &[text.as_bytes()],
        &[&p],
        &cal,
        period,
        now,
        &ALL,
        Replay::Trusted,
    )
    .unwrap();
    assert_eq!(got, want);
    replayed.visits.clear();
}

/// A log the lean reader cannot take is read in full, with the full
/// reader's messages: the same problems either way.
#[test]
fn bad_logs_get_the_full_readers_messages() {
    let (_, log) = run(0, 1, &[(2, 12, 5)]);
    let good = serde_json::to_string(&log).unwrap();
    let bad = [
        good.replacen("\"type\":\"assigned\"", "\"type\":\"asigned\"", 1),
        good.replacen("\"at\":", "\"at\":\"2026-13-01T00:00:00+07:00\",\"x\":", 1),
        good.replacen("\"version\":1", "\"version\":1,\"version\":1", 1),
        good.replacen("\"lane\":\"ptsp\"", "\"lane\":7", 1),
        format!("{good} x"),
        good.replacen("\"entered\":\"pemeriksaan\"", "\"entered\":\"nowhere\"", 1),
    ];
    let p = Procedure::jatim_permit();
    let cal = Calendar::jatim();
    let period = Period {
        from: "2026-03-01".parse().unwrap(),
        to: "2026-06-30".parse().unwrap(),
    };
    let now = ptsp::calendar::parse_instant("2026-05-15T10:00:00+07:00").unwrap();
    for text in &bad {
        let lean = compliance_from_logs(
            &[text.as_bytes()],
            &[&p],
            &cal,
            period,
            now,
            &ALL,
            Replay::Trusted,
        );
        // What the full reader says of the same log.
        let full: Result<Vec<Event>, _> = serde_json::from_str(text);
        match full {
            Err(_) => {
                let e = lean.expect_err(text);
                assert_eq!(e.problems()[0].code, ptsp::Code::InvalidJson, "{text}");
            }
            Ok(events) => {
                let cases: Vec<Case> = Case::replay_trusted(&events).into_iter().collect();
                let want = compliance(&cases, &[&p], &cal, period, now, &ALL);
                match (lean, want) {
                    (Ok(a), Ok(b)) => assert_eq!(a, b, "{text}"),
                    (Err(a), _) => assert!(!a.problems().is_empty()),
                    (Ok(_), Err(_)) => panic!("accepted what the full path refuses: {text}"),
                }
            }
        }
    }
}

/// A trusted log may record an escalation level no organisation has
/// (255): the report refuses it with its path instead of producing a
/// report its own validation would refuse.
#[test]
fn a_level_beyond_the_deepest_line_of_command_is_refused_not_counted() {
    let text = r#"[{"at":"2026-03-02T09:00:00+07:00","case":"c","actor":"a","type":"submitted","case_id":"c","procedure":"jatim-izin","version":1,"applicant":"a","documents":[],"entered":"pemeriksaan","due":"2026-03-05T16:00:00+07:00"},
        {"at":"2026-03-20T09:00:00+07:00","case":"c","actor":"s","type":"escalated","step":"pemeriksaan","control":"repressive","level":255,"position":"x","assignee":"y"}]"#;
    let (p, cal) = (Procedure::jatim_permit(), Calendar::jatim());
    let period = Period {
        from: "2026-03-01".parse().unwrap(),
        to: "2026-06-30".parse().unwrap(),
    };
    let now = ptsp::calendar::parse_instant("2026-05-15T10:00:00+07:00").unwrap();
    let err = compliance_from_logs(
        &[text.as_bytes()],
        &[&p],
        &cal,
        period,
        now,
        &ALL,
        Replay::Trusted,
    )
    .unwrap_err();
    let problem = &err.problems()[0];
    assert_eq!(
        (problem.path.as_str(), problem.code),
        ("logs[0]", ptsp::Code::InvalidInput)
    );
    assert!(
        problem.message.contains("level 255") && problem.message_id.contains("tingkat 255"),
        "{problem:?}"
    );
    let events: Vec<Event> = serde_json::from_str(text).unwrap();
    let case = Case::replay_trusted(&events).unwrap();
    let err = compliance(&[case], &[&p], &cal, period, now, &ALL).unwrap_err();
    assert_eq!(err.code(), ptsp::Code::InvalidInput);
}
