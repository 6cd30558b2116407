//! Reading stored events: every kind with every field, in any key order,
//! through `serde_json` and through the boundary's input reader, equal to
//! what was written; and every malformed event refused with the field named.

use proptest::prelude::*;
use ptsp::{Code, Event, EventKind};
use serde_json::{Value, json};

/// One event of every kind, every optional field set.
fn every_kind() -> Vec<Value> {
    let head = |kind: &str| {
        json!({"at": "2026-12-03T09:00:00+07:00", "case": "IZN-1", "actor": "s-1",
               "actor_role": "verifikator", "actor_unit": "bidang-1", "type": kind})
    };
    let with = |kind: &str, rest: Value| {
        let mut v = head(kind);
        v.as_object_mut()
            .unwrap()
            .extend(rest.as_object().unwrap().clone());
        v
    };
    let doc = json!({"code": "ktp", "format": "pdf", "bytes": 1000});
    vec![
        with(
            "submitted",
            json!({"case_id": "IZN-1", "procedure": "jatim-izin", "version": 1,
            "applicant": "p-1", "documents": [doc], "entered": "pemeriksaan",
            "due": "2026-12-08T16:00:00+07:00"}),
        ),
        with(
            "step_completed",
            json!({"step": "pemeriksaan", "outcome": "lengkap", "note": "ok",
            "entered": "selesai", "due": null, "ended": "approved", "tier": "sedang",
            "case_due": "2026-12-20T16:00:00+07:00", "unit": "dinkes",
            "outputs": [{"kind": "izin", "number": "1/2026", "date": "2026-12-03", "file": "a.pdf"}],
            "declined": "opd_teknis", "by_lapse": true,
            "case_clock": {"change": "resumed", "due": "2026-12-21T16:00:00+07:00"}}),
        ),
        with(
            "returned_for_correction",
            json!({"step": "pemeriksaan",
            "reasons": [{"document": "ktp", "reason": "buram"}], "remaining_seconds": 3600,
            "window_due": "2026-12-10T16:00:00+07:00",
            "case_clock": {"change": "paused", "remaining_seconds": 60}}),
        ),
        with(
            "resubmitted",
            json!({"step": "pemeriksaan", "documents": [doc],
            "due": "2026-12-11T16:00:00+07:00", "case_clock": {"change": "restarted",
            "due": "2026-12-22T16:00:00+07:00"}}),
        ),
        with("correction_lapsed", json!({"step": "pemeriksaan"})),
        with(
            "rejected",
            json!({"step": "pemeriksaan", "reason": "tidak memenuhi"}),
        ),
        with("withdrawn", json!({"reason": "batal"})),
        with(
            "assigned",
            json!({"lane": "ptsp", "unit": "bidang-1", "staff": "s-2",
            "step": "pemeriksaan", "reason": "lagi",
            "warnings": [{"id": "sertifikat kedaluwarsa", "en": "certificate expired"}]}),
        ),
        with(
            "escalated",
            json!({"step": "pemeriksaan", "control": "repressive", "level": 2,
            "position": "kabid", "staff": ["s-9", "s-8"], "assignee": "s-2",
            "deadline": "2026-12-08T16:00:00+07:00"}),
        ),
        with(
            "supervised",
            json!({"directive": "instruction", "text": "segera", "step": "pemeriksaan",
            "position": "kabid", "subordinate": "s-2", "level": 1}),
        ),
    ]
}

/// The same object as JSON text with its keys in another order (a
/// `serde_json::Map` would sort them again).
fn reorder(v: &Value, order: &[usize]) -> String {
    let pairs: Vec<(&String, &Value)> = v.as_object().unwrap().iter().collect();
    let mut idx: Vec<usize> = (0..pairs.len()).collect();
    idx.sort_by_key(|&i| (order.get(i).copied().unwrap_or(i), i));
    let fields: Vec<String> = idx
        .iter()
        .map(|&i| format!("{}:{}", Value::from(pairs[i].0.as_str()), pairs[i].1))
        .collect();
    format!("{{{}}}", fields.join(","))
}

#[test]
fn every_kind_reads_back_what_it_wrote() {
    for v in every_kind() {
        let e: Event = serde_json::from_value(v.clone()).unwrap();
        // The kind's own (internally tagged) reading agrees with the event's.
        let k: EventKind = serde_json::from_value(v.clone()).unwrap();
        assert_eq!(e.kind, k, "{v}");
        assert_eq!(
            serde_json::to_value(&e).unwrap(),
            v,
            "nothing lost or added"
        );
        let text = serde_json::to_vec(&e).unwrap();
        assert_eq!(serde_json::from_slice::<Event>(&text).unwrap(), e);
        let through = ptsp::error::input::from_value::<Event>(&v, "event").unwrap();
        assert_eq!(through, e);
    }
}

#[test]
fn fields_a_kind_leaves_out_take_their_defaults() {
    let e: Event = serde_json::from_value(json!({"at": "2026-12-03T09:00:00+07:00", "case": "c",
        "actor": "a", "type": "escalated", "step": "s", "control": "preventive", "level": 1,
        "position": "kabid", "assignee": "s-2"}))
    .unwrap();
    assert!(
        matches!(e.kind, EventKind::Escalated { ref staff, deadline: None, .. } if staff.is_empty())
    );
    assert_eq!(e.actor_role, None);
    let e: Event = serde_json::from_value(json!({"at": "2026-12-03T09:00:00+07:00", "case": "c",
        "actor": "a", "type": "assigned", "lane": "ptsp", "unit": null, "staff": null,
        "something_else": [1, 2]}))
    .unwrap();
    assert!(matches!(
        e.kind,
        EventKind::Assigned {
            staff: None,
            unit: None,
            step: None,
            ..
        }
    ));
}

/// The code and path of the one problem the input reader reports.
fn refusal(v: Value) -> (Code, String, String) {
    let err = ptsp::error::input::from_value::<Vec<Event>>(&json!([v]), "events").unwrap_err();
    let p = &err.problems()[0];
    assert!(
        serde_json::from_value::<Event>(v.clone()).is_err(),
        "serde_json refuses {v} too"
    );
    (p.code, p.path.clone(), p.message.clone())
}

#[test]
fn malformed_events_are_refused_with_the_field_named() {
    let base = || every_kind()[8].clone(); // escalated
    let mut v = base();
    v.as_object_mut().unwrap().remove("type");
    let (code, _, msg) = refusal(v);
    assert_eq!(code, Code::MissingField);
    assert!(msg.contains("type"), "{msg}");

    let mut v = base();
    v["type"] = json!("escalatd");
    let (code, path, _) = refusal(v);
    assert_eq!(
        (code, path.as_str()),
        (Code::UnknownVariant, "events[0].type")
    );

    // A wrong type inside the kind is reported at its own path.
    let mut v = base();
    v["level"] = json!("two");
    let (code, path, _) = refusal(v);
    assert_eq!((code, path.as_str()), (Code::WrongType, "events[0].level"));

    let mut v = base();
    v.as_object_mut().unwrap().remove("assignee");
    let (code, _, msg) = refusal(v);
    assert_eq!(code, Code::MissingField);
    assert!(msg.contains("assignee"), "{msg}");

    let mut v = base();
    v["staff"] = json!("s-9");
    assert_eq!(
        refusal(v).0,
        Code::WrongType,
        "an escalation lists its staff"
    );

    let mut v = every_kind()[7].clone(); // assigned
    v["staff"] = json!(["s-1"]);
    assert_eq!(
        refusal(v).0,
        Code::WrongType,
        "an assignment names one staff member"
    );

    let mut v = every_kind()[5].clone(); // rejected
    v["reason"] = Value::Null;
    assert_eq!(
        refusal(v).0,
        Code::WrongType,
        "a rejection's reason is required"
    );

    let mut v = every_kind()[0].clone();
    v.as_object_mut().unwrap().remove("at");
    let (code, _, msg) = refusal(v);
    assert_eq!(code, Code::MissingField);
    assert!(msg.contains("at"), "{msg}");
}

proptest! {
    /// Key order never matters (a store such as PostgreSQL's `jsonb`
    /// reorders keys), and the event reads the same as its kind does.
    #[test]
    fn any_key_order_reads_the_same(which in 0usize..10, order in proptest::collection::vec(0usize..64, 30)) {
        let v = every_kind()[which].clone();
        let text = reorder(&v, &order);
        let a: Event = serde_json::from_value(v.clone()).unwrap();
        let b: Event = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(&a, &b);
        let k: EventKind = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(&b.kind, &k);
    }
}
