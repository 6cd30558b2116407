//! The shared table of bad inputs (tests/fixtures/hardening/bad-inputs.json):
//! every one is refused with its stable code (and first problem code), with
//! messages in both languages, and a refused command changes nothing. The
//! Python and JS suites run the same table against the bindings.

use std::path::PathBuf;

use ptsp::desk::routing::{RoutingError, RuleSet};
use ptsp::{Calendar, CalendarDef, Case, Event, Lang, Problem, Procedure, ProcedureDef, Request};
use serde_json::{Value, json};

fn fixture() -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/hardening/bad-inputs.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn procedure(name: &str) -> Procedure {
    match name {
        "permit" => Procedure::jatim_permit(),
        "consultation" => Procedure::jatim_consultation(),
        "complaint" => Procedure::jatim_complaint(),
        "suggestion" => Procedure::jatim_suggestion(),
        other => panic!("unknown procedure {other}"),
    }
}

fn permit_with(pointer: &str, value: Value) -> String {
    let mut v = serde_json::to_value(ProcedureDef::jatim_permit()).unwrap();
    *v.pointer_mut(pointer).unwrap() = value;
    v.to_string()
}

/// Runs a setup script and returns the case and its log.
fn run(p: &Procedure, setup: &Value) -> (Case, Vec<Event>) {
    let cal = Calendar::jatim();
    let mut case = Case::new();
    let mut log = Vec::new();
    for r in setup.as_array().unwrap() {
        let req: Request = serde_json::from_value(r.clone()).unwrap();
        log.extend(case.execute(&req, p, &cal).unwrap());
    }
    (case, log)
}

/// The placeholders of the fixture, built from the built-in data.
fn expand(text: &str) -> Value {
    match text {
        "CAL_BAD_OFFSET" => {
            let mut d = serde_json::to_value(CalendarDef::jatim()).unwrap();
            d["utc_offset"] = json!("+25:00");
            json!(d.to_string())
        }
        "PROC_HUGE_SLA" => json!(permit_with(
            "/steps/1/sla",
            json!({"amount": 10_000_000_000_000_000i64, "unit": "working_hours"})
        )),
        "PROC_NEG_SLA" => json!(permit_with("/steps/1/sla/amount", json!(-3))),
        "PROC_NOWHERE" => json!(permit_with("/steps/1/outcomes/0/next", json!("nowhere"))),
        "PROC_ZERO_LIMIT" => json!(permit_with("/limits/note", json!(0))),
        "RULES_UNKNOWN_UNIT" => {
            let mut r = serde_json::to_value(RuleSet::sample()).unwrap();
            r["rules"][0]["target"] = json!("tidak-ada");
            json!(r.to_string())
        }
        "NOTE_1M" => json!("x".repeat(1_000_000)),
        other => json!(other),
    }
}

/// Replaces placeholder strings anywhere in a value.
fn fill(v: &Value) -> Value {
    match v {
        Value::String(s)
            if s.chars()
                .all(|c| c.is_ascii_uppercase() || c == '_' || c.is_ascii_digit())
                && s.contains('_') =>
        {
            expand(s)
        }
        Value::Array(a) => Value::Array(a.iter().map(fill).collect()),
        Value::Object(m) => Value::Object(m.iter().map(|(k, x)| (k.clone(), fill(x))).collect()),
        other => other.clone(),
    }
}

/// The error of one entry: (code, problems, message en, message id).
fn outcome(op: &str, a: &Value) -> Option<(String, Vec<Problem>, String, String)> {
    fn err(
        code: &str,
        problems: &[Problem],
        en: String,
        id: String,
    ) -> Option<(String, Vec<Problem>, String, String)> {
        Some((code.to_owned(), problems.to_vec(), en, id))
    }
    let s = |k: &str| a[k].as_str().unwrap().to_owned();
    let date = |k: &str| ptsp::calendar::parse_date(a[k].as_str().unwrap()).unwrap();
    let instant = |k: &str| ptsp::calendar::parse_instant(a[k].as_str().unwrap());
    let cal = Calendar::jatim();
    macro_rules! check {
        ($r:expr) => {
            match $r {
                Ok(_) => None,
                Err(e) => err(
                    e.code().as_str(),
                    e.problems(),
                    e.message(Lang::En),
                    e.message(Lang::Id),
                ),
            }
        };
    }
    match op {
        "calendar_json" => check!(Calendar::from_json(&s("text"))),
        "procedure_json" => check!(Procedure::from_json(&s("text"))),
        "rule_set_json" => match ptsp::Router::from_json(&s("text")) {
            Ok(_) => None,
            Err(e) => {
                let e: RoutingError = e;
                err(
                    e.code().as_str(),
                    e.problems(),
                    e.message(Lang::En),
                    e.message(Lang::Id),
                )
            }
        },
        "form" => {
            let form: ptsp::WebForm = serde_json::from_value(a["form"].clone()).unwrap();
            check!(ptsp::desk::form::validate(
                &form,
                &ptsp::FormLimits::default(),
                date("today")
            ))
        }
        "phone" => check!(ptsp::desk::form::normalize_phone(&s("text"))),
        "add_working_days" => check!(cal.add_working_days(date("date"), a["n"].as_i64().unwrap())),
        "working_days_between" => check!(cal.working_days_between(date("a"), date("b"))),
        "deadline" => check!(cal.deadline(
            instant("received").unwrap(),
            a["days"].as_i64().unwrap(),
            &ptsp::DeadlinePolicy::default()
        )),
        "execute" => {
            let p = procedure(a["procedure"].as_str().unwrap());
            let (mut case, _) = run(&p, &a["setup"]);
            let req: Request = serde_json::from_value(a["request"].clone()).unwrap();
            let before = case.clone();
            let r = case.execute(&req, &p, &cal);
            assert_eq!(case, before, "a refused command changed the case");
            check!(r)
        }
        "evaluate" => {
            let p = procedure(a["procedure"].as_str().unwrap());
            let (case, _) = run(&p, &a["setup"]);
            let now: chrono::DateTime<chrono::FixedOffset> =
                serde_json::from_value(a["now"].clone()).unwrap();
            check!(ptsp::sla::evaluate(&case, &p, &cal, now))
        }
        "preview" => {
            let p = procedure(a["procedure"].as_str().unwrap());
            let at: chrono::DateTime<chrono::FixedOffset> =
                serde_json::from_value(a["at"].clone()).unwrap();
            check!(ptsp::sla::preview(&p, &cal, at))
        }
        "replay" => {
            let p = procedure(a["procedure"].as_str().unwrap());
            let (_, log) = run(&p, &a["setup"]);
            let mut log = serde_json::to_value(log).unwrap();
            let last = log.as_array_mut().unwrap().last_mut().unwrap();
            for (k, v) in a["forge"].as_object().unwrap() {
                last[k] = v.clone();
            }
            let events: Vec<Event> = serde_json::from_value(log).unwrap();
            check!(Case::replay(&events, &p))
        }
        other => panic!("unknown op {other}"),
    }
}

#[test]
fn every_bad_input_is_refused_with_its_code_in_both_languages() {
    let f = fixture();
    let cases = f["cases"].as_array().unwrap();
    assert!(cases.len() >= 40, "the table has {} entries", cases.len());
    let mut wrong = Vec::new();
    for c in cases {
        let name = c["name"].as_str().unwrap();
        let args = fill(&c["args"]);
        let Some((code, problems, en, id)) = outcome(c["op"].as_str().unwrap(), &args) else {
            wrong.push(format!("{name}: accepted"));
            continue;
        };
        let first = problems.first().map(|p| p.code.as_str());
        if code != c["code"].as_str().unwrap()
            || c.get("problem").is_some_and(|p| p.as_str() != first)
        {
            wrong.push(format!("{name}: got {code} / {first:?}: {en}"));
            continue;
        }
        assert!(
            !en.is_empty() && !id.is_empty() && en != id,
            "{name}: {en} / {id}"
        );
        assert!(
            en.len() < 2_000,
            "{name}: the message quotes too much ({} bytes)",
            en.len()
        );
        for p in &problems {
            assert!(!p.message.is_empty() && !p.message_id.is_empty(), "{name}");
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
