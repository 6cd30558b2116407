//! Procedures and cases: the seed's permit flow end to end (shared fixture
//! scenarios), authorisation, SLA clocks, and the laws of the event-sourced
//! engine (proptest).

use std::path::PathBuf;

use chrono::{DateTime, Duration, FixedOffset};
use proptest::prelude::*;
use ptsp::sla::{self, evaluate};
use ptsp::{
    Actor, Calendar, Case, CaseStatus, ClockStatus, Command, CorrectionReason, Event, Procedure,
    ProcedureDef, Request, SubmittedDocument,
};
use serde_json::{Value, json};

fn fixture(name: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures")
        .join(name);
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

fn procedure_with(patch: Option<&Value>) -> Procedure {
    let mut def = serde_json::to_value(ProcedureDef::jatim_permit()).unwrap();
    if let Some(Value::Object(patch)) = patch {
        for (k, v) in patch {
            def[k] = v.clone();
        }
    }
    Procedure::new(serde_json::from_value(def).unwrap()).unwrap()
}

#[test]
fn fixture_scenarios() {
    let f = fixture("cases/scenarios.json");
    let cal = Calendar::jatim();
    for sc in f["scenarios"].as_array().unwrap() {
        let name = sc["name"].as_str().unwrap();
        let p = procedure_with(sc.get("procedure_patch"));
        let mut case = Case::new();
        let mut log: Vec<Event> = Vec::new();
        for (i, step) in sc["steps"].as_array().unwrap().iter().enumerate() {
            let req: Request = serde_json::from_value(step["request"].clone()).unwrap();
            let before = case.clone();
            match (
                case.execute(&req, &p, &cal),
                step["expect"].as_str().unwrap(),
            ) {
                (Ok(events), "ok") => log.extend(events),
                (Err(e), code) if e.code() == code => {
                    assert_eq!(
                        case, before,
                        "{name} #{i}: a refused command changed the case"
                    );
                    assert!(!e.message(ptsp::Lang::Id).is_empty());
                }
                (got, want) => panic!("{name} #{i}: expected {want}, got {got:?}"),
            }
        }
        // The log replays to the same state, also through JSON.
        let json = serde_json::to_string(&log).unwrap();
        let back: Vec<Event> = serde_json::from_str(&json).unwrap();
        assert_eq!(Case::replay(&back, &p).unwrap(), case, "{name}");
        let fin = &sc["final"];
        assert_eq!(
            serde_json::to_value(case.status).unwrap(),
            fin["status"],
            "{name}"
        );
        assert_eq!(case.current.as_deref(), fin["current"].as_str(), "{name}");
        assert_eq!(json!(case.corrections), fin["corrections"], "{name}");
        let dues: Vec<Value> = case
            .visits
            .iter()
            .map(|v| v.due.map_or(Value::Null, |d| json!(d.to_rfc3339())))
            .collect();
        assert_eq!(Value::Array(dues), fin["dues"], "{name}");
        let at = ptsp::calendar::parse_instant(sc["sla_at"].as_str().unwrap()).unwrap();
        let report = serde_json::to_value(evaluate(&case, &p, &cal, at).unwrap()).unwrap();
        let want = &sc["sla"];
        for (got, want) in report["steps"]
            .as_array()
            .unwrap()
            .iter()
            .zip(want["steps"].as_array().unwrap())
        {
            for (k, v) in want.as_object().unwrap() {
                assert_eq!(&got[k], v, "{name}: step {} field {k}", want["step"]);
            }
        }
        assert_eq!(report["case"]["breached"], want["breached"], "{name}");
        assert_eq!(report["due_events"], want["due_events"], "{name}");
        // The outcome each visit took, as recorded (also where the command
        // left it out).
        if let Some(outcomes) = fin.get("outcomes") {
            let taken: Vec<Value> = case.visits.iter().map(|v| json!(v.outcome)).collect();
            assert_eq!(&Value::Array(taken), outcomes, "{name}");
        }
        if let Some(n) = fin.get("permit_number") {
            assert_eq!(
                case.tracking(&p).permit_number.as_deref(),
                n.as_str(),
                "{name}"
            );
        }
        // The public view carries no personal data.
        let tracking = serde_json::to_string(&case.tracking(&p)).unwrap();
        assert!(
            !tracking.contains("p-1") && !tracking.contains("v-1"),
            "{tracking}"
        );
    }
}

#[test]
fn built_in_procedure_is_the_seed_flow() {
    let p = ProcedureDef::jatim_permit();
    assert!(p.validate().is_empty());
    let lanes: Vec<(&str, &str)> = p
        .steps
        .iter()
        .map(|s| (s.id.as_str(), s.lane.as_str()))
        .collect();
    assert_eq!(
        lanes[..5],
        [
            ("unggah", "pemohon"),
            ("pemeriksaan", "ptsp"),
            ("rekomendasi", "opd_teknis"),
            ("persetujuan", "ptsp"),
            ("cetak", "ptsp"),
        ]
    );
    for id in ["pemeriksaan", "persetujuan"] {
        let sla = p
            .steps
            .iter()
            .find(|s| s.id == id)
            .unwrap()
            .sla
            .clone()
            .unwrap();
        assert_eq!(
            (sla.amount, sla.unit),
            (3, ptsp::SlaUnit::WorkingDays),
            "{id}"
        );
    }
}

#[test]
fn invalid_procedures_report_every_problem() {
    let f = fixture("cases/invalid-procedures.json");
    for case in f["cases"].as_array().unwrap() {
        let def = procedure_with(None).def().clone();
        let mut v = serde_json::to_value(def).unwrap();
        for (ptr, val) in case["set"].as_object().unwrap() {
            *v.pointer_mut(ptr).unwrap_or_else(|| panic!("{ptr}")) = val.clone();
        }
        let def: ProcedureDef = serde_json::from_value(v).unwrap();
        let mut got: Vec<String> = def
            .validate()
            .into_iter()
            .map(|p| p.code.as_str().to_owned())
            .collect();
        let mut want: Vec<String> = serde_json::from_value(case["codes"].clone()).unwrap();
        got.sort();
        got.dedup();
        want.sort();
        assert_eq!(got, want, "{}", case["name"]);
        assert_eq!(def.validate(), def.validate());
    }
}

// ---- property tests -------------------------------------------------------

fn docs() -> Vec<SubmittedDocument> {
    ["surat_permohonan", "ktp", "nib", "npwp", "dokumen_teknis"]
        .map(|c| SubmittedDocument::new(c, "pdf", 10_000))
        .to_vec()
}

fn actors() -> Vec<Actor> {
    vec![
        Actor::new("p-1", &["pemohon"], None),
        Actor::new("p-2", &["pemohon"], None),
        Actor::new("v-1", &["verifikator"], None),
        Actor::new("f-1", &["front_office"], None),
        Actor::new("k-1", &["pejabat_berwenang"], None),
        Actor::new("o-1", &["opd_teknis"], Some("dinkes")),
        Actor::new("o-2", &["opd_teknis"], Some("dishub")),
        Actor::new("x-1", &[], None),
    ]
}

fn commands() -> Vec<Command> {
    let step = Command::complete;
    vec![
        Command::Submit {
            case_id: "C-1".into(),
            documents: docs(),
        },
        step("pemeriksaan", "lengkap"),
        with_output(step("rekomendasi", "direkomendasikan"), "rekomendasi"),
        with_output(
            step("rekomendasi", "tidak_direkomendasikan"),
            "berita_acara",
        ),
        step("persetujuan", "disetujui"),
        step("persetujuan", "ditolak"),
        with_output(step("cetak", "dicetak"), "izin"),
        Command::ReturnForCorrection {
            step: "pemeriksaan".into(),
            reasons: vec![CorrectionReason {
                document: "ktp".into(),
                reason: "buram".into(),
            }],
        },
        Command::Resubmit { documents: docs() },
        Command::Reject {
            step: "pemeriksaan".into(),
            reason: "tidak memenuhi syarat".into(),
        },
        Command::Withdraw { reason: None },
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
        // Outcomes left out: the only one (the check, the print), or
        // refused (the agency's decision).
        Command::finish("pemeriksaan"),
        Command::finish("rekomendasi"),
        with_output(Command::finish("cetak"), "izin"),
    ]
}

fn with_output(c: Command, kind: &str) -> Command {
    let kind = serde_json::from_value(json!(kind)).unwrap();
    let date = ptsp::calendar::parse_date("2026-01-05").unwrap();
    c.with_output(ptsp::OutputRecord::new(kind, "503/17/2026", date))
}

fn start() -> DateTime<FixedOffset> {
    ptsp::calendar::parse_instant("2026-01-05T08:00:00+07:00").unwrap()
}

/// Random sequences of (actor, command, minutes later).
fn script() -> impl Strategy<Value = Vec<(usize, usize, i64)>> {
    prop::collection::vec((0usize..8, 0usize..17, 1i64..3000), 1..40)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn replay_equals_fold_and_refusals_change_nothing(script in script(), restart in any::<bool>()) {
        let mut def = ProcedureDef::jatim_permit();
        if restart {
            def.correction_clock = ptsp::CorrectionClock::Restart;
        }
        let p = Procedure::new(def).unwrap();
        let cal = Calendar::jatim();
        let (actors, commands) = (actors(), commands());
        let mut case = Case::new();
        let mut log = Vec::new();
        let mut at = start();
        for (a, c, minutes) in script {
            at += Duration::minutes(minutes);
            let req = Request { actor: actors[a].clone(), at, command: commands[c].clone() };
            let before = case.clone();
            match case.execute(&req, &p, &cal) {
                Ok(events) => log.extend(events),
                Err(_) => prop_assert_eq!(&case, &before),
            }
        }
        prop_assert_eq!(Case::replay(&log, &p).unwrap(), case.clone());
        prop_assert_eq!(Case::replay_trusted(&log).unwrap(), case.clone());
        let json = serde_json::to_string(&log).unwrap();
        let back: Vec<Event> = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back, log);
        // SLA status is never "met on time" after the due instant, and every
        // running clock past its due is breached.
        let report = evaluate(&case, &p, &cal, at).unwrap();
        for (s, v) in report.steps.iter().zip(&case.visits) {
            // A visit that ended while its file was with the applicant is
            // judged when its clock stopped (the file went back).
            let stopped = match v.pauses.last() {
                Some(&(from, Some(to))) if Some(to) == v.ended => Some(from),
                _ => v.ended,
            };
            if let (Some(due), Some(stopped)) = (s.due, stopped) {
                prop_assert_eq!(s.status == ClockStatus::MetOnTime, stopped <= due);
            }
            if let (Some(due), None) = (s.due, s.ended) {
                if case.status == CaseStatus::AwaitingCorrection {
                    // Frozen: never breached, the time left as it was.
                    prop_assert_eq!(s.status, ClockStatus::Paused);
                    prop_assert_eq!(s.remaining_seconds, Some(case.remaining_at_pause));
                } else {
                    prop_assert_eq!(s.status == ClockStatus::Breached, at > due);
                }
            }
            prop_assert!(s.elapsed_seconds >= 0 && s.paused_seconds >= 0);
        }
        if case.status == CaseStatus::AwaitingCorrection {
            prop_assert!(case.due().is_none());
            prop_assert_eq!(report.case.breached, report.steps.iter().filter(|s| s.status == ClockStatus::MetLate).count() as u32);
        }
    }

    #[test]
    fn no_command_from_outside_the_lane_changes_a_case(script in script(), c in 1usize..14) {
        // Drive a case somewhere with the right actors, then try command `c`
        // from an actor holding no role: it must be refused, change nothing.
        let p = Procedure::jatim_permit();
        let cal = Calendar::jatim();
        let (actors, commands) = (actors(), commands());
        let mut case = Case::new();
        let mut at = start();
        for (a, k, minutes) in script {
            at += Duration::minutes(minutes);
            let _ = case.execute(&Request { actor: actors[a].clone(), at, command: commands[k].clone() }, &p, &cal);
        }
        let before = case.clone();
        let outsider = Request { actor: actors[7].clone(), at: at + Duration::minutes(1), command: commands[c].clone() };
        prop_assert!(case.execute(&outsider, &p, &cal).is_err());
        prop_assert_eq!(case, before);
    }

    #[test]
    fn procedure_validation_is_idempotent_and_json_round_trips(drop in 0usize..7, retarget in 0usize..7) {
        let mut def = ProcedureDef::jatim_permit();
        let target = def.steps[retarget].id.clone();
        if let Some(o) = def.steps[drop].outcomes.first_mut() {
            o.next = target;
        }
        let json = serde_json::to_string(&def).unwrap();
        let back: ProcedureDef = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(&back, &def);
        prop_assert_eq!(def.validate(), back.validate());
        prop_assert_eq!(Procedure::new(def.clone()).is_ok(), def.validate().is_empty());
    }
}

#[test]
fn explain_a_step_deadline_with_its_pause() {
    let f = fixture("cases/scenarios.json");
    let sc = &f["scenarios"][0];
    let (p, cal) = (Procedure::jatim_permit(), Calendar::jatim());
    let mut case = Case::new();
    for step in sc["steps"].as_array().unwrap().iter().take(3) {
        let req: Request = serde_json::from_value(step["request"].clone()).unwrap();
        case.execute(&req, &p, &cal).unwrap();
    }
    let e = sla::explain(&case, 0, &p, &cal).unwrap();
    assert_eq!(
        e.first_due.unwrap().to_rfc3339(),
        "2026-12-28T16:00:00+07:00"
    );
    assert_eq!(e.due.unwrap().to_rfc3339(), "2026-12-30T12:30:00+07:00");
    assert_eq!(e.pauses.len(), 1);
    let text = e.explanation.unwrap().render(ptsp::Lang::Id);
    assert!(text.contains("Kelahiran Yesus Kristus"), "{text}");
    assert_eq!(case.remaining_at_pause, 23 * 3600);
}

#[test]
fn finished_cases_keep_what_they_recorded() {
    // A case decided on the built-in calendar replays to the same deadlines
    // even when evaluated with a calendar that has other holidays.
    let f = fixture("cases/scenarios.json");
    let sc = &f["scenarios"][0];
    let (p, cal) = (Procedure::jatim_permit(), Calendar::jatim());
    let mut case = Case::new();
    let mut log = Vec::new();
    for step in sc["steps"].as_array().unwrap() {
        let req: Request = serde_json::from_value(step["request"].clone()).unwrap();
        if let Ok(ev) = case.execute(&req, &p, &cal) {
            log.extend(ev);
        }
    }
    let mut other = ptsp::CalendarDef::jatim();
    other.layers[0]
        .holidays
        .retain(|h| h.date.to_string() != "2026-12-24");
    let other = Calendar::new(other).unwrap();
    let replayed = Case::replay(&log, &p).unwrap();
    let at = ptsp::calendar::parse_instant("2027-01-04T08:00:00+07:00").unwrap();
    let a = evaluate(&replayed, &p, &other, at).unwrap();
    let b = evaluate(&case, &p, &cal, at).unwrap();
    let dues = |r: &ptsp::SlaReport| {
        r.steps
            .iter()
            .map(|s| (s.due, s.status))
            .collect::<Vec<_>>()
    };
    assert_eq!(dues(&a), dues(&b));
    assert_eq!(replayed.status, CaseStatus::Ended(ptsp::EndKind::Approved));
}

#[test]
fn sample_catalogue_services_run_on_the_permit_procedure() {
    let cat = ptsp::Catalogue::sample();
    let base = ProcedureDef::jatim_permit();
    let cal = Calendar::jatim();
    for s in &cat.services {
        assert_eq!(s.procedure, base.id, "{}", s.id);
        let p = Procedure::new(s.procedure_def(&base)).unwrap();
        let docs: Vec<SubmittedDocument> = s
            .documents
            .iter()
            .filter(|d| d.mandatory)
            .map(|d| SubmittedDocument::new(&d.code, &d.formats[0], 1000))
            .collect();
        assert!(s.check(&docs).is_empty(), "{}", s.id);
        let mut case = Case::new();
        let req = Request {
            actor: Actor::new("p-1", &["pemohon"], None),
            at: ptsp::calendar::parse_instant("2026-03-02T09:00:00+07:00").unwrap(),
            command: Command::Submit {
                case_id: format!("{}-1", s.id),
                documents: docs,
            },
        };
        case.execute(&req, &p, &cal).unwrap();
        assert_eq!(case.procedure, format!("jatim-izin/{}", s.id));
        // The case refuses to run under the unspecialised procedure.
        let next = Request {
            actor: Actor::new("v-1", &["verifikator"], None),
            at: req.at + Duration::hours(1),
            command: Command::complete("pemeriksaan", "lengkap"),
        };
        let err = case
            .decide(&next, &Procedure::jatim_permit(), &cal)
            .unwrap_err();
        assert_eq!(err.code(), "inconsistent_log");
    }
}

// ---- forms: document checks and completion previews (shared with JS) ----

fn forms() -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/cases/forms.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn texts(v: &Value) -> Vec<&str> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap())
        .collect()
}

#[test]
fn form_document_checks() {
    let p = Procedure::jatim_permit();
    let f = forms();
    let cases = f["check_documents"].as_array().unwrap();
    assert!(cases.len() >= 8);
    for c in cases {
        let name = c["name"].as_str().unwrap();
        let submitted: Vec<SubmittedDocument> =
            serde_json::from_value(c["submitted"].clone()).unwrap();
        let got = ptsp::check_documents(&p.def().documents, &submitted);
        let codes: Vec<&str> = got.iter().map(|g| g.code.as_str()).collect();
        let paths: Vec<&str> = got.iter().map(|g| g.path.as_str()).collect();
        assert_eq!(codes, texts(&c["codes"]), "{name}");
        assert_eq!(paths, texts(&c["paths"]), "{name}");
        for g in &got {
            assert_ne!(g.message, g.message_id, "{name}");
        }
    }
}

#[test]
fn form_completion_previews() {
    let p = Procedure::jatim_permit();
    for c in forms()["preview"].as_array().unwrap() {
        let name = c["name"].as_str().unwrap();
        let cal = match c["calendar"].as_str().unwrap() {
            "jatim" => Calendar::jatim(),
            "indonesia" => Calendar::indonesia(),
            other => panic!("{name}: unknown calendar {other}"),
        };
        let at = ptsp::calendar::parse_instant(c["submitted_at"].as_str().unwrap()).unwrap();
        match ptsp::sla::preview(&p, &cal, at) {
            Ok(v) => {
                let v = serde_json::to_value(v).unwrap();
                assert_eq!(v["completion"], c["completion"], "{name}");
                let dues: Vec<&Value> = v["steps"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|s| &s["due"])
                    .collect();
                assert_eq!(json!(dues), c["dues"], "{name}");
            }
            Err(e) => assert_eq!(json!(e.code()), c["error"], "{name}: {e}"),
        }
    }
}

#[test]
fn an_sla_beyond_what_a_duration_holds_is_refused_before_it_reaches_a_clock() {
    let mut def = serde_json::to_value(ProcedureDef::jatim_permit()).unwrap();
    let steps = def["steps"].as_array_mut().unwrap();
    let first = steps.iter_mut().find(|s| s["id"] == "pemeriksaan").unwrap();
    first["sla"] = json!({"amount": 10_000_000_000_000i64, "unit": "working_hours"});
    let err = std::panic::catch_unwind(|| Procedure::new(serde_json::from_value(def).unwrap()))
        .expect("no panic")
        .unwrap_err();
    assert_eq!(err.code(), "invalid_procedure");
    assert_eq!(err.problems()[0].code, "sla_too_large");
    assert!(
        err.message(ptsp::Lang::Id).contains("terlalu besar"),
        "{err}"
    );
}

/// A completion without an outcome takes the step's only one and records
/// it; on a step with several it is refused, naming them in a sentence.
#[test]
fn an_omitted_outcome_takes_the_only_one_or_is_refused() {
    use ptsp::procedure::builtin::{complaint, permit};
    let (p, cal) = (Procedure::jatim_permit(), Calendar::jatim());
    let at = |t: &str| ptsp::calendar::parse_instant(t).unwrap();
    let mut case = Case::new();
    let run = |case: &mut Case, actor: Actor, t: &str, command: Command| {
        case.execute(
            &Request {
                actor,
                at: at(t),
                command,
            },
            &p,
            &cal,
        )
    };
    let submit = Command::Submit {
        case_id: "IZN-9".into(),
        documents: docs(),
    };
    let mut log = run(
        &mut case,
        Actor::new("p-1", &[permit::roles::APPLICANT], None),
        "2026-12-22T09:15:00+07:00",
        submit,
    )
    .unwrap();
    let assign = Command::Assign {
        lane: permit::lanes::TECHNICAL_AGENCY.into(),
        unit: Some("dinkes".into()),
        staff: None,
        reason: None,
    };
    log.extend(
        run(
            &mut case,
            Actor::new("f-1", &[permit::roles::FRONT_OFFICE], None),
            "2026-12-22T09:30:00+07:00",
            assign,
        )
        .unwrap(),
    );

    // The command as a client sends it: no "outcome".
    let command: Command =
        serde_json::from_value(json!({"type": "complete_step", "step": "pemeriksaan"})).unwrap();
    assert_eq!(command, Command::finish(permit::steps::VERIFY));
    let verifier = Actor::new("v-1", &[permit::roles::VERIFIER], None);
    let events = run(&mut case, verifier, "2026-12-28T10:00:00+07:00", command).unwrap();
    // The event records the outcome taken: stored events keep their shape.
    let recorded = serde_json::to_value(&events[0]).unwrap();
    assert_eq!(recorded["outcome"], permit::outcomes::COMPLETE);
    assert_eq!(recorded["entered"], permit::steps::RECOMMEND);
    log.extend(events);
    assert_eq!(Case::replay(&log, &p).unwrap(), case);

    // The agency's recommendation is a decision: the outcome is required.
    let agency = Actor::new("o-1", &[permit::roles::TECHNICAL_AGENCY], Some("dinkes"));
    let before = case.clone();
    let err = run(
        &mut case,
        agency,
        "2026-12-29T09:00:00+07:00",
        Command::finish(permit::steps::RECOMMEND),
    )
    .unwrap_err();
    assert_eq!(case, before);
    assert_eq!(err.code(), "outcome_required");
    assert_eq!(
        err.to_string(),
        "step “rekomendasi” has several outcomes: choose one of “direkomendasikan” or “tidak_direkomendasikan”"
    );
    assert_eq!(
        err.message(ptsp::Lang::Id),
        "langkah “rekomendasi” memiliki lebih dari satu hasil: pilih salah satu dari “direkomendasikan” atau “tidak_direkomendasikan”"
    );
    assert_eq!(ptsp::Error::from(err).code(), "outcome_required");

    // The complaint's verification has three.
    let e = ptsp::CaseError::OutcomeRequired {
        step: complaint::steps::VERIFY.into(),
        expected: vec![
            complaint::outcomes::VERIFIED.into(),
            complaint::outcomes::NOT_OURS.into(),
            complaint::outcomes::ARCHIVE.into(),
        ],
    };
    assert!(
        e.to_string()
            .ends_with("choose one of “terverifikasi”, “bukan_kewenangan” or “arsip”"),
        "{e}"
    );
}
