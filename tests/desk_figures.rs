//! The consultation and complaint desk (seed §7) on the case engine: every
//! branch of both flows through the shared scenarios, authorisation,
//! confidentiality, tiers and figures.

use std::path::PathBuf;

use ptsp::desk::figures::{figures, unit_summaries};
use ptsp::{Actor, Calendar, Case, Event, Procedure, ProcedureDef, Request};
use serde_json::{Value, json};

fn fixture(name: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures")
        .join(name);
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

fn procedure(name: &str) -> Procedure {
    Procedure::new(match name {
        "consultation" => ProcedureDef::jatim_consultation(),
        "complaint" => ProcedureDef::jatim_complaint(),
        "suggestion" => ProcedureDef::jatim_suggestion(),
        other => panic!("unknown procedure {other}"),
    })
    .unwrap()
}

#[test]
fn desk_scenarios() {
    let f = fixture("desk/scenarios.json");
    let cal = Calendar::jatim();
    let mut by_procedure: Vec<(String, Case)> = Vec::new();
    for sc in f["scenarios"].as_array().unwrap() {
        let name = sc["name"].as_str().unwrap();
        let p = procedure(sc["procedure"].as_str().unwrap());
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
                (Err(e), code) if e.code() == code => assert_eq!(case, before, "{name} #{i}"),
                (got, want) => panic!("{name} #{i}: expected {want}, got {got:?}"),
            }
        }
        assert_eq!(Case::replay(&log, &p).unwrap(), case, "{name}");
        let fin = &sc["final"];
        assert_eq!(
            serde_json::to_value(case.status).unwrap(),
            fin["status"],
            "{name}"
        );
        assert_eq!(case.current.as_deref(), fin["current"].as_str(), "{name}");
        if let Some(t) = fin.get("tier") {
            assert_eq!(json!(case.tier), *t, "{name}");
            assert_eq!(
                json!(case.case_due.map(|d| d.to_rfc3339())),
                fin["case_due"],
                "{name}"
            );
        }
        let want = &sc["figures"];
        let at = ptsp::calendar::parse_instant(want["at"].as_str().unwrap()).unwrap();
        let got = serde_json::to_value(figures(&case, &p, &cal, at).unwrap()).unwrap();
        for (k, v) in want.as_object().unwrap() {
            if k != "at" {
                assert_eq!(&got[k], v, "{name}: figure {k}");
            }
        }
        if let Some(units) = sc.get("units") {
            let got = serde_json::to_value(unit_summaries(&[case.clone()], &p, &cal, at).unwrap())
                .unwrap();
            for (g, w) in got
                .as_array()
                .unwrap()
                .iter()
                .zip(units.as_array().unwrap())
            {
                for (k, v) in w.as_object().unwrap() {
                    assert_eq!(&g[k], v, "{name}: unit {} {k}", w["unit"]);
                }
            }
            assert_eq!(
                got.as_array().unwrap().len(),
                units.as_array().unwrap().len()
            );
        }
        if let Some(c) = sc.get("confidential") {
            let unit: Actor = serde_json::from_value(c["unit_actor"].clone()).unwrap();
            let office: Actor = serde_json::from_value(c["office_actor"].clone()).unwrap();
            assert_eq!(case.view_for(&unit, &p).applicant, ptsp::case::REDACTED);
            assert_eq!(case.view_for(&office, &p).applicant, case.applicant);
            let seen = serde_json::to_string(&case.events_for(&log, &unit, &p)).unwrap();
            assert!(!seen.contains(&format!("\"{}\"", case.applicant)), "{seen}");
            let full = serde_json::to_string(&case.events_for(&log, &office, &p)).unwrap();
            assert!(full.contains(&case.applicant));
        }
        by_procedure.push((sc["procedure"].as_str().unwrap().to_owned(), case));
    }
    // Every branch of both flows was taken by some scenario.
    for (name, def) in [
        ("consultation", ProcedureDef::jatim_consultation()),
        ("complaint", ProcedureDef::jatim_complaint()),
        ("suggestion", ProcedureDef::jatim_suggestion()),
    ] {
        // The start step is performed by submitting; every other branch is checked.
        for s in def.steps.iter().filter(|s| s.id != def.start) {
            for o in &s.outcomes {
                let taken = by_procedure.iter().any(|(n, c)| {
                    n == name
                        && c.visits
                            .iter()
                            .any(|v| v.step == s.id && v.outcome.as_deref() == Some(o.id.as_str()))
                });
                assert!(taken, "{name}: branch {}.{} never taken", s.id, o.id);
            }
        }
    }
}

#[test]
fn desk_procedures_follow_the_seed() {
    let c = ProcedureDef::jatim_consultation();
    let lanes: Vec<&str> = c.lanes.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(
        lanes,
        ["penanya", "operator", "kepala_pengaduan", "unit", "pejabat"]
    );
    let klas = c.steps.iter().find(|s| s.id == "klasifikasi").unwrap();
    let targets: Vec<&str> = klas.outcomes.iter().map(|o| o.next.as_str()).collect();
    assert_eq!(targets, ["validasi_operator", "distribusi"]); // Ya → validation, Tidak → distribution
    let val = c.steps.iter().find(|s| s.id == "validasi").unwrap();
    assert_eq!(val.outcomes[1].next, "jawab"); // Belum Valid → back to the unit
    assert!(c.steps.iter().all(|s| s.sla.is_none())); // the seed's time column is empty
    let p = ProcedureDef::jatim_complaint();
    assert!(
        !p.lanes
            .iter()
            .find(|l| l.id == "unit")
            .unwrap()
            .sees_applicant
    );
    let v = p.steps.iter().find(|s| s.id == "verifikasi").unwrap();
    assert!(v.correction && v.sets_tier);
}
