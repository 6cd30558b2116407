//! Defects found in acceptance (issue 7), one test each: clocks that never
//! blame the office for the applicant's time, windows that lapse, routing
//! and assignment rules, separation of duties, logs that `decide` could not
//! have produced, and bounds on everything a client sends.

use chrono::{DateTime, FixedOffset};
use ptsp::sla::evaluate;
use ptsp::{
    Actor, Calendar, Case, CaseStatus, ClockStatus, Command, CorrectionReason, DueEvent, EndKind,
    Event, EventKind, Lang, Procedure, ProcedureDef, Request, SubmittedDocument,
};
use serde_json::json;

fn at(s: &str) -> DateTime<FixedOffset> {
    ptsp::calendar::parse_instant(s).unwrap()
}

fn docs() -> Vec<SubmittedDocument> {
    ["surat_permohonan", "ktp", "nib", "npwp", "dokumen_teknis"]
        .map(|c| SubmittedDocument::new(c, "pdf", 10_000))
        .to_vec()
}

fn req(actor: &Actor, when: &str, command: Command) -> Request {
    Request {
        actor: actor.clone(),
        at: at(when),
        command,
    }
}

fn applicant() -> Actor {
    Actor::new("p-1", &["pemohon"], None)
}
fn verifier() -> Actor {
    Actor::new("v-1", &["verifikator"], None)
}
fn front() -> Actor {
    Actor::new("f-1", &["front_office"], None)
}

fn returned() -> Command {
    Command::ReturnForCorrection {
        step: "pemeriksaan".into(),
        reasons: vec![CorrectionReason {
            document: "npwp".into(),
            reason: "Pindaian NPWP tidak terbaca".into(),
        }],
    }
}

/// A permit case submitted on Monday 21 Dec 2026 09:00 and returned for
/// correction on Tuesday 10:00 (23 working hours left of the check's
/// 3 working days: due Mon 28 Dec 16:00).
fn returned_case(p: &Procedure, cal: &Calendar) -> (Case, Vec<Event>) {
    let mut case = Case::new();
    let mut log = Vec::new();
    for r in [
        req(
            &applicant(),
            "2026-12-21T09:00:00+07:00",
            Command::Submit {
                case_id: "IZN-1".into(),
                documents: docs(),
            },
        ),
        req(&verifier(), "2026-12-22T10:00:00+07:00", returned()),
    ] {
        log.extend(case.execute(&r, p, cal).unwrap());
    }
    (case, log)
}

#[test]
fn a_paused_clock_stays_paused() {
    let (p, cal) = (Procedure::jatim_permit(), Calendar::jatim());
    let (case, _) = returned_case(&p, &cal);
    // Long after the old deadline (28 Dec 16:00): still paused, nothing
    // counted against the office, the time left frozen.
    for now in ["2026-12-23T08:00:00+07:00", "2027-01-20T10:00:00+07:00"] {
        let r = evaluate(&case, &p, &cal, at(now)).unwrap();
        assert_eq!(r.steps[0].status, ClockStatus::Paused, "{now}");
        assert_eq!(r.steps[0].remaining_seconds, Some(23 * 3600), "{now}");
        assert_eq!(r.steps[0].threshold, None);
        assert_eq!(r.case.breached, 0);
        assert!(r.lanes.iter().all(|l| l.breached == 0));
        assert!(r.due_events.is_empty());
    }
    assert_eq!(case.due(), None);
    assert_eq!(case.paused_remaining(), Some(23 * 3600));
    let t = case.tracking(&p);
    assert_eq!(t.due, None);
    assert_eq!(t.paused_remaining_seconds, Some(23 * 3600));
    assert_eq!(t.clock_text(Lang::En), "paused, 23 working hours left");
    assert_eq!(t.clock_text(Lang::Id), "dijeda, sisa 23 jam kerja");
}

#[test]
fn a_withdrawal_while_paused_is_judged_when_the_clock_stopped() {
    let (p, cal) = (Procedure::jatim_permit(), Calendar::jatim());
    let (mut case, _) = returned_case(&p, &cal);
    case.execute(
        &req(
            &applicant(),
            "2027-01-20T10:00:00+07:00",
            Command::Withdraw { reason: None },
        ),
        &p,
        &cal,
    )
    .unwrap();
    let r = evaluate(&case, &p, &cal, at("2027-01-21T10:00:00+07:00")).unwrap();
    assert_eq!(r.steps[0].status, ClockStatus::MetOnTime);
    assert_eq!(r.case.breached, 0);
}

fn complaint_actors() -> (Actor, Actor, Actor) {
    (
        Actor::new("r-1", &["penanya"], None),
        Actor::new("op-1", &["operator"], None),
        Actor::new("kp-1", &["kepala_pengaduan"], None),
    )
}

fn verified(p: &Procedure, cal: &Calendar, tier: &str, when: &str) -> Case {
    let (r, op, _) = complaint_actors();
    let mut case = Case::new();
    case.execute(
        &req(
            &r,
            "2026-12-21T09:00:00+07:00",
            Command::Submit {
                case_id: "ADU-1".into(),
                documents: vec![],
            },
        ),
        p,
        cal,
    )
    .unwrap();
    case.execute(
        &req(
            &op,
            when,
            Command::CompleteStep {
                step: "verifikasi".into(),
                outcome: Some("terverifikasi".into()),
                note: None,
                tier: Some(tier.into()),
                outputs: vec![],
            },
        ),
        p,
        cal,
    )
    .unwrap();
    case
}

#[test]
fn tier_clocks_warn_at_their_thresholds() {
    let (p, cal) = (Procedure::jatim_complaint(), Calendar::jatim());
    // Urgent: 2 working days from 21 Dec 09:30 = 23 Dec 16:00, 23.5 working
    // hours in all (6.5 + 8.5 + 8.5).
    let case = verified(&p, &cal, "mendesak", "2026-12-21T09:30:00+07:00");
    assert_eq!(
        case.case_due.unwrap().to_rfc3339(),
        "2026-12-23T16:00:00+07:00"
    );
    for (now, status, threshold) in [
        ("2026-12-21T15:00:00+07:00", ClockStatus::Running, None), // 5.5 h: 23 %
        ("2026-12-22T13:00:00+07:00", ClockStatus::AtRisk, Some(50)), // 12 h: 51 %
        ("2026-12-23T12:00:00+07:00", ClockStatus::AtRisk, Some(75)), // 19.5 h: 83 %
        ("2026-12-28T08:00:00+07:00", ClockStatus::Breached, None),
    ] {
        let r = evaluate(&case, &p, &cal, at(now)).unwrap();
        assert_eq!(r.case.due_status, Some(status), "{now}");
        assert_eq!(r.case.due_threshold, threshold, "{now}");
    }
}

#[test]
fn verification_has_its_own_sla_and_the_tier_anchor_is_a_setting() {
    let cal = Calendar::jatim();
    let p = Procedure::jatim_complaint();
    let v = p.step("verifikasi").unwrap().sla.clone().unwrap();
    assert_eq!((v.amount, v.unit), (3, ptsp::SlaUnit::WorkingDays));
    // Not verified for a week: the verification clock shows it.
    let (r, _, _) = complaint_actors();
    let mut case = Case::new();
    case.execute(
        &req(
            &r,
            "2026-12-21T09:00:00+07:00",
            Command::Submit {
                case_id: "ADU-2".into(),
                documents: vec![],
            },
        ),
        &p,
        &cal,
    )
    .unwrap();
    let rep = evaluate(&case, &p, &cal, at("2026-12-29T08:00:00+07:00")).unwrap();
    assert_eq!(
        rep.steps[0].due.unwrap().to_rfc3339(),
        "2026-12-28T16:00:00+07:00"
    );
    assert_eq!(rep.steps[0].status, ClockStatus::Breached);
    assert_eq!(rep.case.breached, 1);
    // Anchor at verification (the default): 22 Dec 11:00 + 2 days = 28 Dec.
    let late = verified(&p, &cal, "mendesak", "2026-12-22T11:00:00+07:00");
    assert_eq!(
        late.case_due.unwrap().to_rfc3339(),
        "2026-12-28T16:00:00+07:00"
    );
    // Anchor at submission: 21 Dec 09:00 + 2 days = 23 Dec.
    let mut def = ProcedureDef::jatim_complaint();
    def.tier_anchor = ptsp::TierAnchor::Submission;
    let p = Procedure::new(def).unwrap();
    let late = verified(&p, &cal, "mendesak", "2026-12-22T11:00:00+07:00");
    assert_eq!(
        late.case_due.unwrap().to_rfc3339(),
        "2026-12-23T16:00:00+07:00"
    );
    assert_eq!(
        late.case_started.unwrap().to_rfc3339(),
        "2026-12-21T09:00:00+07:00"
    );
}

#[test]
fn a_correction_window_lapses_as_a_due_event_the_backend_acts_on() {
    let cal = Calendar::jatim();
    let mut def = ProcedureDef::jatim_permit();
    def.correction_window =
        Some(serde_json::from_value(json!({"amount": 5, "unit": "working_days"})).unwrap());
    // The technical agency's step may carry an SLA set by the office.
    def.steps[2].sla =
        Some(serde_json::from_value(json!({"amount": 5, "unit": "working_days"})).unwrap());
    let p = Procedure::new(def).unwrap();
    let (mut case, _) = returned_case(&p, &cal);
    // Returned 22 Dec 10:00: 23, 28, 29, 30, 31 Dec → 31 Dec 16:00.
    assert_eq!(
        case.window_due.unwrap().to_rfc3339(),
        "2026-12-31T16:00:00+07:00"
    );
    let r = evaluate(&case, &p, &cal, at("2027-01-04T08:00:00+07:00")).unwrap();
    assert_eq!(
        r.due_events,
        [DueEvent::CorrectionLapsed {
            step: "pemeriksaan".into(),
            due: at("2026-12-31T16:00:00+07:00"),
        }]
    );
    let lapse = || Command::Lapse {
        step: "pemeriksaan".into(),
    };
    let before = case.clone();
    let err = case
        .execute(
            &req(&front(), "2026-12-31T10:00:00+07:00", lapse()),
            &p,
            &cal,
        )
        .unwrap_err();
    assert_eq!(err.code(), "not_due");
    let err = case
        .execute(
            &req(&applicant(), "2027-01-04T08:00:00+07:00", lapse()),
            &p,
            &cal,
        )
        .unwrap_err();
    assert_eq!(err.code(), "unauthorized");
    assert_eq!(case, before);
    case.execute(
        &req(&front(), "2027-01-04T08:00:00+07:00", lapse()),
        &p,
        &cal,
    )
    .unwrap();
    assert_eq!(case.status, CaseStatus::Ended(EndKind::Lapsed));
    let t = case.tracking(&p);
    assert_eq!(t.history.last().unwrap().what, "lapsed");
    let r = evaluate(&case, &p, &cal, at("2027-01-05T08:00:00+07:00")).unwrap();
    assert_eq!(r.steps[0].status, ClockStatus::MetOnTime);
    assert!(r.due_events.is_empty());
}

#[test]
fn the_confirmation_window_reports_acceptance_by_silence() {
    let (p, cal) = (Procedure::jatim_complaint(), Calendar::jatim());
    let (_, op, kp) = complaint_actors();
    let mut case = verified(&p, &cal, "biasa", "2026-12-21T09:30:00+07:00");
    let unit = Actor::new("u-1", &["petugas_unit"], Some("dkp"));
    let pj = Actor::new("pj-1", &["pejabat_berwenang"], None);
    for (who, when, c) in [
        (
            &kp,
            "2026-12-21T09:40:00+07:00",
            Command::Assign {
                lane: "unit".into(),
                unit: Some("dkp".into()),
                staff: None,
                reason: None,
            },
        ),
        (
            &kp,
            "2026-12-21T09:41:00+07:00",
            Command::complete("distribusi", "didistribusikan"),
        ),
        (
            &unit,
            "2026-12-21T11:00:00+07:00",
            Command::complete("jawab", "dijawab"),
        ),
        (
            &kp,
            "2026-12-21T11:30:00+07:00",
            Command::complete("validasi", "valid"),
        ),
        (
            &pj,
            "2026-12-21T12:00:00+07:00",
            Command::complete("penyampaian", "disampaikan"),
        ),
    ] {
        case.execute(&req(who, when, c), &p, &cal).unwrap();
    }
    assert!(case.case_clock_paused());
    let r = evaluate(&case, &p, &cal, at("2026-12-31T08:00:00+07:00")).unwrap();
    let last = r.steps.last().unwrap();
    assert_eq!(last.step, "konfirmasi");
    assert_eq!(last.status, ClockStatus::Lapsed);
    assert_eq!(r.case.breached, 0);
    assert_eq!(r.case.due_status, Some(ClockStatus::Paused));
    assert_eq!(
        r.due_events,
        [DueEvent::Lapse {
            step: "konfirmasi".into(),
            due: at("2026-12-30T16:00:00+07:00"),
            outcome: "diterima".into(),
        }]
    );
    case.execute(
        &req(
            &op,
            "2026-12-31T08:00:00+07:00",
            Command::Lapse {
                step: "konfirmasi".into(),
            },
        ),
        &p,
        &cal,
    )
    .unwrap();
    assert_eq!(case.status, CaseStatus::Ended(EndKind::Completed));
    let r = evaluate(&case, &p, &cal, at("2027-01-04T08:00:00+07:00")).unwrap();
    assert_eq!(r.case.due_status, Some(ClockStatus::MetOnTime));
}

fn refused(case: &mut Case, r: &Request, p: &Procedure, cal: &Calendar) -> ptsp::CaseError {
    let before = case.clone();
    let err = case.execute(r, p, cal).unwrap_err();
    assert_eq!(*case, before, "a refused command changed the case");
    assert!(!err.message(Lang::Id).is_empty());
    err
}

#[test]
fn blank_ids_and_oversized_text_are_refused() {
    let (p, cal) = (Procedure::jatim_permit(), Calendar::jatim());
    let mut case = Case::new();
    for id in ["", "   "] {
        let err = refused(
            &mut case,
            &req(
                &Actor::new(id, &["pemohon"], None),
                "2026-12-21T09:00:00+07:00",
                Command::Submit {
                    case_id: "A".into(),
                    documents: docs(),
                },
            ),
            &p,
            &cal,
        );
        assert_eq!(err.code(), "invalid_input");
        assert_eq!(err.problems()[0].path, "actor.id");
        assert_eq!(err.problems()[0].code, "empty_id");
    }
    let (mut case, _) = returned_case(&p, &cal);
    let huge = "x".repeat(1_000_000);
    let err = refused(
        &mut case,
        &req(
            &applicant(),
            "2026-12-23T09:00:00+07:00",
            Command::Withdraw {
                reason: Some(huge.clone()),
            },
        ),
        &p,
        &cal,
    );
    assert_eq!(err.problems()[0].code, "too_long");
    assert_eq!(err.problems()[0].path, "command.reason");
    assert!(err.message(Lang::En).contains("2000"), "{err}");
    let mut case = Case::new();
    let err = refused(
        &mut case,
        &req(
            &applicant(),
            "2026-12-21T09:00:00+07:00",
            Command::Submit {
                case_id: "A".into(),
                documents: (0..101)
                    .map(|i| SubmittedDocument::new(&format!("d{i}"), "pdf", 1))
                    .collect(),
            },
        ),
        &p,
        &cal,
    );
    assert_eq!(err.problems()[0].code, "too_many");
}

#[test]
fn instants_and_amounts_are_bounded_at_the_boundary() {
    let (p, cal) = (Procedure::jatim_permit(), Calendar::jatim());
    // An instant serde accepts but no calendar can place.
    let r: Request = serde_json::from_value(json!({
        "actor": {"id": "p-1", "roles": ["pemohon"]},
        "at": "+262142-12-31T23:59:59Z",
        "command": {"type": "submit", "case_id": "A", "documents": []}
    }))
    .unwrap();
    let err = refused(&mut Case::new(), &r, &p, &cal);
    assert_eq!(err.problems()[0].code, "instant_out_of_range");
    let err = evaluate(&Case::new(), &p, &cal, r.at).unwrap_err();
    assert_eq!(err.code(), "invalid_input");
    assert_eq!(
        ptsp::sla::preview(&p, &cal, r.at).unwrap_err().code(),
        "invalid_input"
    );
    // An offset with seconds, which the event's RFC 3339 would lose.
    let odd = chrono::FixedOffset::east_opt(7 * 3600 + 10).unwrap();
    let r = Request {
        at: at("2026-12-21T09:00:00+07:00").with_timezone(&odd),
        ..r
    };
    let err = refused(&mut Case::new(), &r, &p, &cal);
    assert_eq!(err.problems()[0].code, "offset_with_seconds");
    // An SLA of 10^16 working hours never reaches the engine.
    let mut def = ProcedureDef::jatim_permit();
    def.steps[1].sla = Some(
        serde_json::from_value(
            json!({"amount": 10_000_000_000_000_000i64, "unit": "working_hours"}),
        )
        .unwrap(),
    );
    let err = Procedure::new(def).unwrap_err();
    assert_eq!(err.problems()[0].code, "sla_too_large");
    // A stored correction with an absurd time left does not fold.
    let (_, mut log) = returned_case(&p, &cal);
    if let EventKind::ReturnedForCorrection {
        remaining_seconds, ..
    } = &mut log[1].kind
    {
        *remaining_seconds = 4_000_000_000_000_000;
    }
    assert_eq!(
        Case::replay_trusted(&log).unwrap_err().code(),
        "inconsistent_log"
    );
    assert_eq!(
        Case::replay(&log, &p).unwrap_err().code(),
        "inconsistent_log"
    );
}

/// A permit case at the approval step (check done, agency recommended).
fn at_approval(p: &Procedure, cal: &Calendar) -> (Case, Vec<Event>) {
    let agency = Actor::new("o-1", &["opd_teknis"], Some("dinkes"));
    let mut case = Case::new();
    let mut log = Vec::new();
    let rec = Command::CompleteStep {
        step: "rekomendasi".into(),
        outcome: Some("direkomendasikan".into()),
        note: None,
        tier: None,
        outputs: vec![
            serde_json::from_value(
                json!({"kind": "rekomendasi", "number": "445/1/2026", "date": "2026-12-22"}),
            )
            .unwrap(),
        ],
    };
    for r in [
        req(
            &applicant(),
            "2026-12-21T09:00:00+07:00",
            Command::Submit {
                case_id: "IZN-9".into(),
                documents: docs(),
            },
        ),
        req(
            &front(),
            "2026-12-21T09:10:00+07:00",
            Command::Assign {
                lane: "opd_teknis".into(),
                unit: Some("dinkes".into()),
                staff: None,
                reason: None,
            },
        ),
        req(
            &verifier(),
            "2026-12-21T10:00:00+07:00",
            Command::complete("pemeriksaan", "lengkap"),
        ),
        req(&agency, "2026-12-22T10:00:00+07:00", rec),
    ] {
        log.extend(case.execute(&r, p, cal).unwrap());
    }
    (case, log)
}

#[test]
fn logs_decide_could_not_have_produced_are_inconsistent() {
    let (p, cal) = (Procedure::jatim_permit(), Calendar::jatim());
    let (_, log) = at_approval(&p, &cal);
    assert!(Case::replay(&log, &p).is_ok());
    let forge = |i: usize, f: &dyn Fn(&mut Event)| {
        let mut log = log.clone();
        f(&mut log[i]);
        let err = Case::replay(&log, &p).unwrap_err();
        assert_eq!(err.code(), "inconsistent_log", "{err}");
        err
    };
    // The office's check completed by the applicant.
    forge(2, &|e| {
        e.actor = "p-1".into();
        e.actor_role = Some("pemohon".into());
    });
    // The applicant's role claimed by a verifier who is the applicant.
    forge(2, &|e| e.actor = "p-1".into());
    // The technical step completed by another unit.
    forge(3, &|e| {
        e.actor_unit = Some("dishub".into());
        if let EventKind::StepCompleted { unit, .. } = &mut e.kind {
            *unit = Some("dishub".into());
        }
    });
    // An assignment by someone who may not assign.
    forge(1, &|e| {
        e.actor = "v-1".into();
        e.actor_role = Some("verifikator".into());
    });
    // A jump from the check straight to the approved end.
    forge(2, &|e| {
        if let EventKind::StepCompleted {
            entered,
            ended,
            due,
            ..
        } = &mut e.kind
        {
            *entered = "selesai".into();
            *ended = Some(EndKind::Approved);
            *due = None;
        }
    });
    // Another case's event after this case's submission.
    forge(2, &|e| e.case = "IZN-OTHER".into());
    // The trusted fast path folds what fits the state, by design.
    let mut other = log.clone();
    other[2].actor = "p-1".into();
    assert!(Case::replay_trusted(&other).is_ok());
}

#[test]
fn assignments_bind_a_unit_or_one_step_visit() {
    let (p, cal) = (Procedure::jatim_permit(), Calendar::jatim());
    let mut case = Case::new();
    case.execute(
        &req(
            &applicant(),
            "2026-12-21T09:00:00+07:00",
            Command::Submit {
                case_id: "IZN-2".into(),
                documents: docs(),
            },
        ),
        &p,
        &cal,
    )
    .unwrap();
    let assign = |unit: Option<&str>, staff: Option<&str>| Command::Assign {
        lane: "ptsp".into(),
        unit: unit.map(Into::into),
        staff: staff.map(Into::into),
        reason: None,
    };
    // The office lane is assigned to staff, never to a unit; no blank staff.
    for (c, code) in [
        (assign(Some("bidang-1"), None), "invalid_assignment"),
        (assign(None, Some("  ")), "empty_id"),
    ] {
        let err = refused(
            &mut case,
            &req(&front(), "2026-12-21T09:05:00+07:00", c),
            &p,
            &cal,
        );
        assert_eq!(err.problems()[0].code, code);
    }
    case.execute(
        &req(
            &front(),
            "2026-12-21T09:05:00+07:00",
            assign(None, Some("v-1")),
        ),
        &p,
        &cal,
    )
    .unwrap();
    assert_eq!(
        case.assignments["ptsp"].step.as_deref(),
        Some("pemeriksaan")
    );
    let other = Actor::new("v-2", &["verifikator"], None);
    let err = refused(
        &mut case,
        &req(
            &other,
            "2026-12-21T09:10:00+07:00",
            Command::complete("pemeriksaan", "lengkap"),
        ),
        &p,
        &cal,
    );
    assert_eq!(err.code(), "unauthorized");
    for (who, when, c) in [
        (
            &front(),
            "2026-12-21T09:20:00+07:00",
            Command::Assign {
                lane: "opd_teknis".into(),
                unit: Some("dinkes".into()),
                staff: None,
                reason: None,
            },
        ),
        (
            &verifier(),
            "2026-12-21T10:00:00+07:00",
            Command::complete("pemeriksaan", "lengkap"),
        ),
    ] {
        case.execute(&req(who, when, c), &p, &cal).unwrap();
    }
    // The binding ended with the check: the approval and print steps are
    // open to their own roles again.
    assert_eq!(case.assignments["ptsp"].staff, None);
}

#[test]
fn the_applicant_may_not_act_in_the_office_lanes_on_their_own_case() {
    let cal = Calendar::jatim();
    let both = Actor::new("p-1", &["pemohon", "verifikator"], None);
    for (separation, allowed) in [(true, false), (false, true)] {
        let mut def = ProcedureDef::jatim_permit();
        def.separation_of_duties = separation;
        let p = Procedure::new(def).unwrap();
        let mut case = Case::new();
        case.execute(
            &req(
                &both,
                "2026-12-21T09:00:00+07:00",
                Command::Submit {
                    case_id: "IZN-3".into(),
                    documents: docs(),
                },
            ),
            &p,
            &cal,
        )
        .unwrap();
        let r = req(&both, "2026-12-21T10:00:00+07:00", returned());
        match case.execute(&r, &p, &cal) {
            Ok(_) => assert!(allowed),
            Err(e) => {
                assert!(!allowed);
                assert_eq!(e.code(), "unauthorized");
                assert!(e.message(Lang::En).contains("separation of duties"), "{e}");
            }
        }
    }
}

#[test]
fn outputs_are_recorded_and_checked() {
    let (p, cal) = (Procedure::jatim_permit(), Calendar::jatim());
    let (mut case, _) = at_approval(&p, &cal);
    assert_eq!(case.visits[1].outputs[0].number, "445/1/2026");
    let k = Actor::new("k-1", &["pejabat_berwenang"], None);
    case.execute(
        &req(
            &k,
            "2026-12-22T11:00:00+07:00",
            Command::complete("persetujuan", "disetujui"),
        ),
        &p,
        &cal,
    )
    .unwrap();
    let print = |kind: &str, date: &str| Command::CompleteStep {
        step: "cetak".into(),
        outcome: Some("dicetak".into()),
        note: None,
        tier: None,
        outputs: vec![
            serde_json::from_value(json!({"kind": kind, "number": "503/9/2026", "date": date}))
                .unwrap(),
        ],
    };
    for (c, codes) in [
        (
            Command::complete("cetak", "dicetak"),
            vec!["missing_output"],
        ),
        (print("izin", "2026-12-23"), vec!["output_date_in_future"]),
        (
            print("rekomendasi", "2026-12-22"),
            vec!["undeclared_output", "missing_output"],
        ),
    ] {
        let err = refused(
            &mut case,
            &req(&front(), "2026-12-22T12:00:00+07:00", c),
            &p,
            &cal,
        );
        let got: Vec<&str> = err.problems().iter().map(|p| p.code.as_str()).collect();
        assert_eq!(got, codes);
    }
    let err = refused(
        &mut case,
        &req(
            &front(),
            "2026-12-22T12:00:00+07:00",
            print("izin", "1066-10-14"),
        ),
        &p,
        &cal,
    );
    assert_eq!(err.problems()[0].code, "date_out_of_range");
    case.execute(
        &req(
            &front(),
            "2026-12-22T12:00:00+07:00",
            print("izin", "2026-12-22"),
        ),
        &p,
        &cal,
    )
    .unwrap();
    assert_eq!(
        case.tracking(&p).permit_number.as_deref(),
        Some("503/9/2026")
    );
}
