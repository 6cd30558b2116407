//! Seed §5 (competence), §6's line of command and §8 (staffing) on the
//! SAMPLE organisation of `tests/fixtures/office/organisation.json` (also
//! read by pytest and the JS suite), bad organisations reported all at
//! once, and the laws of the line of command.

use std::collections::BTreeMap;
use std::path::PathBuf;

use proptest::prelude::*;
use ptsp::office::{Organisation, Requirement, StaffingSettings, competence_report, staffing};
use serde_json::Value;

fn fixture() -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/office/organisation.json");
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

fn sample(f: &Value) -> (Organisation, Vec<Requirement>) {
    let org = Organisation::from_json(&f["organisation"].to_string()).unwrap();
    let reqs = serde_json::from_value(f["requirements"].clone()).unwrap();
    (org, reqs)
}

/// Seed §8: "minimal 1 (satu) orang pemroses (PNS atau PTT) untuk tiap
/// sektor" — the default settings are that sentence.
#[test]
fn the_default_staffing_rule_is_the_seed_s_section_8() {
    let s = StaffingSettings::default();
    assert_eq!(s.min_per_sector, 1);
    let eligible = serde_json::to_value(&s.eligible).unwrap();
    assert_eq!(eligible, serde_json::json!(["pns", "non_asn"]));
    assert!(s.role.is_none());
}

/// Seed §5: the verification team's five criteria a)–e) are the five
/// fields of a requirement, each reported by its own criterion.
#[test]
fn a_requirement_has_the_seed_s_five_criteria() {
    let r: Requirement = serde_json::from_value(serde_json::json!({"role": "verifikator",
        "education": ["hukum"], "certificates": ["c"], "technical": true, "computer": true,
        "it_knowledge": true}))
    .unwrap();
    let nobody: ptsp::office::StaffMember = serde_json::from_value(serde_json::json!({
        "id": "s", "name": "S", "status": "pns", "unit": "u"}))
    .unwrap();
    let gaps =
        ptsp::office::competence::assess(&nobody, &r, Some("x"), "2026-12-01".parse().unwrap());
    let criteria: Vec<Value> = gaps
        .iter()
        .map(|g| serde_json::to_value(g.criterion).unwrap())
        .collect();
    assert_eq!(
        criteria,
        [
            "education",
            "certificate",
            "technical",
            "computer",
            "it_knowledge"
        ]
    );
}

#[test]
fn staffing_agrees_with_the_fixture() {
    let f = fixture();
    let (org, reqs) = sample(&f);
    for case in f["staffing"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let settings: StaffingSettings = serde_json::from_value(case["settings"].clone()).unwrap();
        let open: BTreeMap<String, u64> =
            serde_json::from_value(case["open_cases"].clone()).unwrap();
        let as_of = case["as_of"].as_str().unwrap().parse().unwrap();
        let r = staffing(&org, &settings, &reqs, as_of, &open).unwrap();
        let e = &case["expect"];
        assert_eq!(
            serde_json::to_value(&r.short).unwrap(),
            e["short"],
            "{name}"
        );
        assert_eq!(
            serde_json::to_value(&r.single).unwrap(),
            e["single"],
            "{name}"
        );
        for (sector, want) in e["sectors"].as_object().unwrap() {
            let got = serde_json::to_value(r.sectors.iter().find(|s| &s.sector == sector).unwrap())
                .unwrap();
            for (k, v) in want.as_object().unwrap() {
                assert_eq!(&got[k], v, "{name}: {sector}.{k}");
            }
        }
    }
}

#[test]
fn competence_reports_agree_with_the_fixture() {
    let f = fixture();
    let (org, reqs) = sample(&f);
    for case in f["competence"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let r = competence_report(
            &org,
            &reqs,
            case["role"].as_str().unwrap(),
            case["sector"].as_str(),
            case["as_of"].as_str().unwrap().parse().unwrap(),
            case["within_days"].as_u64().unwrap() as u32,
        )
        .unwrap();
        let e = &case["expect"];
        assert_eq!(
            serde_json::to_value(&r.qualified).unwrap(),
            e["qualified"],
            "{name}"
        );
        let unq: BTreeMap<String, Vec<Value>> = r
            .unqualified
            .iter()
            .map(|u| {
                let c = u
                    .shortfalls
                    .iter()
                    .map(|s| serde_json::to_value(s.criterion).unwrap())
                    .collect();
                (u.staff.clone(), c)
            })
            .collect();
        assert_eq!(
            serde_json::to_value(unq).unwrap(),
            e["unqualified"],
            "{name}"
        );
        let exp: Vec<Value> = r
            .expiring
            .iter()
            .map(|x| serde_json::json!([x.staff, x.certificate, x.valid_until, x.days_left]))
            .collect();
        assert_eq!(Value::Array(exp), e["expiring"], "{name}");
    }
}

/// Sets the value at a JSON pointer, adding the last key to its object
/// when it is not there yet.
fn set_pointer(v: &mut Value, pointer: &str, value: Value) {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    match v.pointer_mut(parent).unwrap_or_else(|| panic!("{pointer}")) {
        Value::Object(o) => {
            o.insert(key.to_owned(), value);
        }
        Value::Array(a) => a[key.parse::<usize>().unwrap()] = value,
        _ => panic!("{pointer}"),
    }
}

#[test]
fn bad_organisations_report_every_problem() {
    let f = fixture();
    for case in f["invalid"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let mut org = f["organisation"].clone();
        for (pointer, value) in case["set"].as_object().unwrap() {
            set_pointer(&mut org, pointer, value.clone());
        }
        let err = Organisation::from_json(&org.to_string()).unwrap_err();
        assert_eq!(err.code(), "invalid_organisation", "{name}");
        let got: Vec<(String, String)> = err
            .problems()
            .iter()
            .map(|p| (p.path.clone(), p.code.as_str().to_owned()))
            .collect();
        let want: Vec<(String, String)> = serde_json::from_value(case["problems"].clone()).unwrap();
        assert_eq!(got, want, "{name}");
    }
}

/// A random line of command: position `i` reports to one of `0..i`
/// (acyclic, one head), or anywhere (possibly cyclic).
fn positions(acyclic: bool) -> impl Strategy<Value = Vec<Option<usize>>> {
    (1usize..30).prop_flat_map(move |n| {
        (0..n)
            .map(|i| {
                if i == 0 {
                    Just(None).boxed()
                } else if acyclic {
                    (0..i).prop_map(Some).boxed()
                } else {
                    (0..n).prop_map(Some).boxed()
                }
            })
            .collect::<Vec<_>>()
    })
}

fn org_of(superiors: &[Option<usize>]) -> Value {
    let positions: Vec<Value> = superiors
        .iter()
        .enumerate()
        .map(|(i, s)| {
            serde_json::json!({"id": format!("p{i}"), "title": {"id": "J", "en": "P"}, "unit": "u",
                "superior": s.map(|j| format!("p{j}"))})
        })
        .collect();
    serde_json::json!({"id": "x", "units": [{"id": "u", "name": {"id": "U", "en": "U"}, "kind": "office"}],
        "positions": positions})
}

proptest! {
    #[test]
    fn nobody_supervises_themselves_and_every_chain_ends_at_the_head(s in positions(true)) {
        let org = Organisation::from_json(&org_of(&s).to_string()).unwrap();
        let head = org.head().unwrap().id.clone();
        for p in &org.positions {
            prop_assert!(!org.is_above(&p.id, &p.id));
            let chain = org.superiors(&p.id);
            if p.id != head {
                prop_assert_eq!(&chain.last().unwrap().id, &head);
                prop_assert!(org.is_above(&head, &p.id));
            } else {
                prop_assert!(chain.is_empty());
            }
        }
    }

    #[test]
    fn a_line_of_command_is_valid_exactly_when_acyclic(s in positions(false)) {
        let v = org_of(&s);
        let acyclic = (0..s.len()).all(|start| {
            let mut at = start;
            for _ in 0..s.len() {
                match s[at] { Some(up) => at = up, None => return true }
            }
            false
        });
        let result = Organisation::from_json(&v.to_string());
        prop_assert_eq!(result.is_ok(), acyclic);
        if let Err(e) = result {
            let codes: Vec<&str> = e.problems().iter().map(|p| p.code.as_str()).collect();
            prop_assert!(codes.contains(&"command_cycle"));
        }
    }
}

/// Blank and oversized names are refused with their paths, never echoed
/// whole into a message.
#[test]
fn blank_and_huge_names_are_refused() {
    let f = fixture();
    let (org, _) = sample(&f);
    let day = "2026-12-01".parse().unwrap();
    let err = competence_report(&org, &[], "  ", None, day, 30).unwrap_err();
    assert_eq!(err.code(), "invalid_requirements");
    assert_eq!(err.problems()[0].path, "role");
    let huge = "x".repeat(1_000_000);
    let reqs: Vec<Requirement> = serde_json::from_value(
        serde_json::json!([{"role": "verifikator", "education": [huge], "certificates": [huge]}]),
    )
    .unwrap();
    let err = competence_report(&org, &reqs, "verifikator", None, day, 30).unwrap_err();
    let paths: Vec<&str> = err.problems().iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "requirements[0].education[0]",
            "requirements[0].certificates[0]"
        ]
    );
    assert!(err.to_string().len() < 2_000);
    let mut bad = f["organisation"].clone();
    bad["staff"][0]["sectors"] = serde_json::json!([huge, " "]);
    let err = Organisation::from_json(&bad.to_string()).unwrap_err();
    let got: Vec<(&str, &str)> = err
        .problems()
        .iter()
        .map(|p| (p.path.as_str(), p.code.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("staff[0].sectors[0]", "too_long"),
            ("staff[0].sectors[1]", "empty_name")
        ]
    );
}

/// A line of command deeper than `MAX_DEPTH` is refused (every walk along
/// it stays short), once.
#[test]
fn a_line_of_command_too_deep_is_refused() {
    let n = ptsp::office::organisation::MAX_DEPTH + 10;
    let chain: Vec<Option<usize>> = (0..n).map(|i| i.checked_sub(1)).collect();
    let err = Organisation::from_json(&org_of(&chain).to_string()).unwrap_err();
    let codes: Vec<&str> = err.problems().iter().map(|p| p.code.as_str()).collect();
    assert_eq!(codes, ["too_many"]);
    let within: Vec<Option<usize>> = chain[..ptsp::office::organisation::MAX_DEPTH + 1].to_vec();
    assert!(Organisation::from_json(&org_of(&within).to_string()).is_ok());
}
