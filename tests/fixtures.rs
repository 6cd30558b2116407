//! The golden fixtures in `tests/fixtures/calendar/`, shared with the Python
//! and JS test suites: the three layers must give the same answers.

use std::path::PathBuf;

use chrono::Duration;
use ptsp::calendar::{parse_date, parse_instant};
use ptsp::{Calendar, CalendarDef, DeadlinePolicy, HolidayLayer, IcalImport};
use serde_json::{Value, json};

fn fixture(name: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/calendar")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    serde_json::from_str(&text).unwrap()
}

fn calendar(name: &str) -> Calendar {
    match name {
        "indonesia" => Calendar::indonesia(),
        "jatim" => Calendar::jatim(),
        file => Calendar::from_json(&fixture(file).to_string()).unwrap(),
    }
}

fn s(v: &Value, k: &str) -> String {
    v[k].as_str()
        .unwrap_or_else(|| panic!("{k} in {v}"))
        .to_owned()
}

/// Runs one case; Ok(value) or Err(code).
fn run(cal: &Calendar, op: &str, a: &Value) -> Result<Value, String> {
    let date = |k: &str| parse_date(&s(a, k)).unwrap();
    let inst = |k: &str| parse_instant(&s(a, k)).unwrap();
    let r: Result<Value, ptsp::CalendarError> = match op {
        "is_working_day" => cal.is_working_day(date("date")).map(|v| json!(v)),
        "next_working_day" => cal
            .next_working_day(date("date"))
            .map(|d| json!(d.to_string())),
        "previous_working_day" => cal
            .previous_working_day(date("date"))
            .map(|d| json!(d.to_string())),
        "add_working_days" => cal
            .add_working_days(date("date"), a["n"].as_i64().unwrap())
            .map(|d| json!(d.to_string())),
        "working_days_between" => cal
            .working_days_between(date("a"), date("b"))
            .map(|n| json!(n)),
        "deadline" => {
            let policy: DeadlinePolicy =
                serde_json::from_value(a.get("policy").cloned().unwrap_or(json!({}))).unwrap();
            cal.deadline(inst("received"), a["n"].as_i64().unwrap(), &policy)
                .map(|d| {
                    json!({
                        "late_receipt": d.late_receipt,
                        "counted_received_at": d.counted_received_at.to_rfc3339(),
                        "day_one": d.day_one.to_string(),
                        "due_date": d.due_date.to_string(),
                        "due_at": d.due_at.to_rfc3339(),
                    })
                })
        }
        "add_working_time" => cal
            .add_working_time(
                inst("at"),
                Duration::seconds(a["seconds"].as_i64().unwrap()),
            )
            .map(|t| json!(t.to_rfc3339())),
        "working_time_between" => cal
            .working_time_between(inst("a"), inst("b"))
            .map(|d| json!(d.num_seconds())),
        "holidays_count" => cal
            .holidays(a["year"].as_i64().unwrap() as i32)
            .map(|h| json!(h.len())),
        other => panic!("unknown op {other}"),
    };
    r.map_err(|e| e.code().as_str().to_owned())
}

#[test]
fn operations_agree_with_golden_cases() {
    let f = fixture("operations.json");
    let mut n = 0;
    for suite in f["suites"].as_array().unwrap() {
        let cal = calendar(suite["calendar"].as_str().unwrap());
        for case in suite["cases"].as_array().unwrap() {
            let got = run(&cal, case["op"].as_str().unwrap(), &case["args"]);
            let want = match case.get("error") {
                Some(code) => Err(code.as_str().unwrap().to_owned()),
                None => Ok(case["expect"].clone()),
            };
            assert_eq!(got, want, "{} {}", suite["calendar"], case);
            n += 1;
        }
    }
    assert!(n > 60, "only {n} cases ran");
}

#[test]
fn invalid_definitions_report_every_problem() {
    let f = fixture("invalid-definitions.json");
    for case in f["cases"].as_array().unwrap() {
        let def: CalendarDef = serde_json::from_value(case["definition"].clone()).unwrap();
        let err = Calendar::new(def).unwrap_err();
        assert_eq!(err.code(), "invalid_definition", "{}", case["name"]);
        let mut got: Vec<&str> = err.problems().iter().map(|p| p.code.as_str()).collect();
        let mut want: Vec<&str> = case["codes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_str().unwrap())
            .collect();
        got.sort();
        want.sort();
        assert_eq!(got, want, "{}", case["name"]);
        for p in err.problems() {
            assert!(!p.path.is_empty() && !p.message.is_empty() && !p.message_id.is_empty());
        }
    }
    for case in f["texts"].as_array().unwrap() {
        let err = Calendar::from_json(case["text"].as_str().unwrap()).unwrap_err();
        assert_eq!(
            err.code(),
            case["code"].as_str().unwrap(),
            "{}",
            case["name"]
        );
    }
}

#[test]
fn ical_import_cases() {
    let f = fixture("ical.json");
    let opts: IcalImport = serde_json::from_value(f["import"].clone()).unwrap();
    for case in f["cases"].as_array().unwrap() {
        let got = HolidayLayer::from_ical(case["text"].as_str().unwrap(), &opts);
        match case.get("code") {
            Some(code) => assert_eq!(
                got.map(|_| ()).unwrap_err().code(),
                code.as_str().unwrap(),
                "{}",
                case["name"]
            ),
            None => {
                let layer = got.unwrap();
                let pairs: Vec<Value> = layer
                    .holidays
                    .iter()
                    .map(|h| json!([h.date.to_string(), h.name]))
                    .collect();
                assert_eq!(Value::Array(pairs), case["holidays"], "{}", case["name"]);
            }
        }
    }
}
