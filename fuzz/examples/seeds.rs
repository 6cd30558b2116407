//! Writes the hand-made seeds of every fuzz target into
//! `fuzz/corpus/<target>/seed-*`: the shared fixtures of `tests/fixtures/`
//! and the built-in data, cut to sizes the fuzzer mutates quickly, and
//! the event logs of the fixture scenarios (executed here). Some seeds
//! carry a parameter trailer (`NUL` + bytes, see `harness.rs`).
//!
//! ```sh
//! cd fuzz && cargo +nightly run --example seeds
//! ```
//! The committed corpora are these seeds after fuzzing and `cargo fuzz
//! cmin`; rerun this only to start a corpus afresh.

use std::path::{Path, PathBuf};

use ptsp::{
    Calendar, CalendarDef, Case, Event, HolidayLayer, Procedure, ProcedureDef, Request,
    desk::routing::RuleSet,
};
use serde_json::Value;

const TRAILERS: [&[u8]; 3] = [
    b"\x00\x03\x10\x7f\x22\x05\x91\x40\x00\x08\x33\xee\x01\x02\x03\x04\x05\x06\x07\x08",
    b"\x00\x0b\xff\xff\xff\xff\xff\xff\xff\x7f\x0c\x00\x00\x00\x00\x00\x00\x00\x80\x09",
    b"\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f",
];

struct Out {
    root: PathBuf,
    written: usize,
}

impl Out {
    fn put(&mut self, target: &str, name: &str, data: &[u8]) {
        let dir = self.root.join(target);
        std::fs::create_dir_all(&dir).expect("corpus folder");
        let clean: String = name
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '-'
                }
            })
            .collect();
        std::fs::write(dir.join(format!("seed-{clean}")), data).expect("seed written");
        self.written += 1;
    }

    /// The text, and the text with each parameter trailer.
    fn put_all(&mut self, target: &str, name: &str, text: &str) {
        self.put(target, name, text.as_bytes());
        for (i, t) in TRAILERS.iter().enumerate() {
            let mut data = text.as_bytes().to_vec();
            data.extend_from_slice(t);
            self.put(target, &format!("{name}-p{i}"), &data);
        }
    }
}

fn read(root: &Path, path: &str) -> Value {
    let text = std::fs::read_to_string(root.join(path)).expect("fixture");
    serde_json::from_str(&text).expect("fixture JSON")
}

fn compact<T: serde::Serialize + ?Sized>(v: &T) -> String {
    serde_json::to_string(v).expect("serializes")
}

/// The national calendar cut to one year (2026), its layers and sources.
fn one_year(mut def: CalendarDef, year: i32) -> CalendarDef {
    for layer in &mut def.layers {
        layer.years.retain(|y| y.year == year);
        layer
            .holidays
            .retain(|h| chrono::Datelike::year(&h.date) == year);
        let used: Vec<String> = layer.holidays.iter().map(|h| h.source.clone()).collect();
        layer.sources.retain(|s| used.contains(&s.id));
    }
    def
}

fn main() {
    let fuzz = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let fixtures = fuzz.join("../tests/fixtures");
    let mut out = Out {
        root: fuzz.join("corpus"),
        written: 0,
    };

    // calendar_json
    let office = std::fs::read_to_string(fixtures.join("calendar/custom-office.json")).unwrap();
    out.put_all("calendar_json", "custom-office", &office);
    let jatim_2026 = one_year(CalendarDef::jatim(), 2026);
    out.put_all("calendar_json", "jatim-2026", &compact(&jatim_2026));
    out.put(
        "calendar_json",
        "indonesia-2027",
        compact(&one_year(CalendarDef::indonesia(), 2027)).as_bytes(),
    );
    for case in read(&fixtures, "calendar/invalid-definitions.json")["cases"]
        .as_array()
        .unwrap()
    {
        let name = case["name"].as_str().unwrap();
        out.put(
            "calendar_json",
            name,
            compact(&case["definition"]).as_bytes(),
        );
    }
    for lit in [
        "2026-12-31",
        "+10000-01-01",
        "2026-12-24T16:45:00+07:00",
        "2026-02-29",
    ] {
        out.put("calendar_json", lit, lit.as_bytes());
    }

    // ical
    let ical = read(&fixtures, "calendar/ical.json");
    for case in ical["cases"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        out.put_all("ical", name, case["text"].as_str().unwrap());
    }
    let office_cal = Calendar::from_json(&office).expect("fixture calendar");
    for layer in &office_cal.def().layers {
        out.put_all("ical", &format!("export-{}", layer.id), &layer.to_ical());
    }
    let national: &HolidayLayer = &jatim_2026.layers[0];
    out.put(
        "ical",
        "export-national-2026",
        national.to_ical().as_bytes(),
    );

    // procedure_json
    let builtins = [
        ("permit", ProcedureDef::jatim_permit()),
        ("consultation", ProcedureDef::jatim_consultation()),
        ("complaint", ProcedureDef::jatim_complaint()),
        ("suggestion", ProcedureDef::jatim_suggestion()),
    ];
    for (name, def) in &builtins {
        out.put_all("procedure_json", name, &compact(def));
    }
    let permit = serde_json::to_value(ProcedureDef::jatim_permit()).unwrap();
    for case in read(&fixtures, "cases/invalid-procedures.json")["cases"]
        .as_array()
        .unwrap()
    {
        let mut def = permit.clone();
        for (pointer, value) in case["set"].as_object().unwrap() {
            if let Some(slot) = def.pointer_mut(pointer) {
                *slot = value.clone();
            }
        }
        out.put(
            "procedure_json",
            case["name"].as_str().unwrap(),
            compact(&def).as_bytes(),
        );
    }

    // routing_rules: the fixture rule sets, and the sample cut to a few
    // rules (the whole sample takes ~0.15 s to compile).
    let routing = read(&fixtures, "desk/routing/cases.json");
    out.put_all("routing_rules", "fixture", &compact(&routing["rule_set"]));
    for group in ["invalid", "valid"] {
        for case in routing[group].as_array().unwrap() {
            let name = format!("{group}-{}", case["name"].as_str().unwrap());
            out.put(
                "routing_rules",
                &name,
                compact(&case["rule_set"]).as_bytes(),
            );
        }
    }
    let mut sample = RuleSet::sample();
    sample.rules.truncate(6);
    out.put_all("routing_rules", "sample-6", &compact(&sample));

    // web_form: every fixture form, and every office setting as limits.
    let forms = read(&fixtures, "desk/forms/cases.json");
    for case in forms["cases"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        out.put("web_form", name, compact(&case["form"]).as_bytes());
        if let Some(limits) = case.get("limits") {
            out.put(
                "web_form",
                &format!("limits-{name}"),
                compact(limits).as_bytes(),
            );
        }
    }
    out.put_all(
        "web_form",
        "default-limits",
        &compact(&ptsp::FormLimits::default()),
    );

    // event_replay: the logs of the fixture scenarios, executed here.
    let cal = Calendar::jatim();
    let mut scenarios: Vec<(Value, Procedure)> = Vec::new();
    for s in read(&fixtures, "cases/scenarios.json")["scenarios"]
        .as_array()
        .unwrap()
    {
        scenarios.push((s.clone(), Procedure::jatim_permit()));
    }
    for s in read(&fixtures, "desk/scenarios.json")["scenarios"]
        .as_array()
        .unwrap()
    {
        let p = match s["procedure"].as_str().unwrap() {
            "consultation" => Procedure::jatim_consultation(),
            "complaint" => Procedure::jatim_complaint(),
            _ => Procedure::jatim_suggestion(),
        };
        scenarios.push((s.clone(), p));
    }
    for (s, p) in &scenarios {
        let mut case = Case::new();
        let mut log: Vec<Event> = Vec::new();
        for step in s["steps"].as_array().unwrap() {
            let Ok(req) = serde_json::from_value::<Request>(step["request"].clone()) else {
                continue;
            };
            if let Ok(events) = case.execute(&req, p, &cal) {
                log.extend(events);
            }
        }
        let name = s["name"].as_str().unwrap();
        out.put_all(
            "event_replay",
            name,
            &serde_json::to_string_pretty(&log).unwrap(),
        );
        if log.len() > 2 {
            out.put(
                "event_replay",
                &format!("{name}-prefix"),
                compact(&log[..log.len() / 2]).as_bytes(),
            );
        }
    }

    // commands: a few byte strings (the fuzzer grows the rest).
    for (i, t) in TRAILERS.iter().enumerate() {
        out.put("commands", &format!("bytes-{i}"), t);
    }

    eprintln!("{} seeds written under {}", out.written, out.root.display());
}
