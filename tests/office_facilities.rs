//! Seed §4, facilities: the built-in checklist against the standard's own
//! lists (conformance), the shared fixture `tests/fixtures/office/facilities.json`
//! (also read by pytest and the JS suite), and the audit's laws.

use std::path::PathBuf;

use proptest::prelude::*;
use ptsp::office::{
    AuditOptions, AuditStatus, Checklist, Condition, FacilityKind, Inventory, InventoryEntry,
    audit, compare,
};
use serde_json::Value;

/// Seed §4 item 1, as written: "harus memiliki tempat pelayanan dengan
/// ketersediaan fungsi ruang yang dibutuhkan, yang meliputi: a. … n."
const SEED_ROOMS: [&str; 14] = [
    "Ruang Pemrosesan Berkas",
    "Ruang Server",
    "Ruang Arsip",
    "Ruang Pembayaran (Bank)",
    "Ruang Rapat",
    "Ruang Tamu",
    "Ruang Keamanan",
    "Ruang Pantry",
    "Ruang Kepala Dinas",
    "Ruang Kepala Seksi",
    "Tempat Parkir yang Luas",
    "Tempat Ibadah",
    "Rumah Genset",
    "Toilet/Kamar mandi",
];

/// Seed §4 item 2, as written: "harus memiliki sarana kantor yang
/// dibutuhkan untuk memberikan pelayanan, yang meliputi: a. … s."
const SEED_EQUIPMENT: [&str; 19] = [
    "Komputer",
    "Printer dan Plotter",
    "Komputer Server",
    "Scanner",
    "Mebeuler",
    "Telepon",
    "Faksimili",
    "Kendaraan Operasional",
    "Mobil Pelayanan Perizinan Keliling",
    "Papan Informasi",
    "Televisi",
    "CCTV",
    "Kamera",
    "Proyektor",
    "Lemari Arsip",
    "Touchscreen IKM",
    "WIFI",
    "Alat Tulis Kantor",
    "Sarana Kebersihan dan Keindahan Kantor",
];

#[test]
fn the_checklist_is_the_seed_s_section_4() {
    let c = Checklist::jatim();
    assert!(c.validate().is_empty());
    let names = |k: FacilityKind| -> Vec<(String, String)> {
        c.items
            .iter()
            .filter(|i| i.kind == k)
            .map(|i| (i.clause.clone(), i.name.id.clone()))
            .collect()
    };
    let letters = "abcdefghijklmnopqrs";
    let want = |item: u8, list: &[&str]| -> Vec<(String, String)> {
        list.iter()
            .zip(letters.chars())
            .map(|(n, l)| (format!("4.{item}.{l}"), (*n).to_owned()))
            .collect()
    };
    assert_eq!(names(FacilityKind::Room), want(1, &SEED_ROOMS));
    assert_eq!(names(FacilityKind::Equipment), want(2, &SEED_EQUIPMENT));
    assert!(c.items.iter().all(|i| !i.name.en.trim().is_empty()));
}

fn fixture() -> Value {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/office/facilities.json");
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

fn inventory_of(f: &Value, case: &Value) -> Inventory {
    let v = match case.get("inventory_from") {
        Some(i) => &f["audits"][i.as_u64().unwrap() as usize]["inventory"],
        None => &case["inventory"],
    };
    serde_json::from_value(v.clone()).unwrap()
}

#[test]
fn audits_agree_with_the_fixture() {
    let f = fixture();
    let c = Checklist::jatim();
    for case in f["audits"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let options: AuditOptions = serde_json::from_value(case["options"].clone()).unwrap();
        let a = audit(&c, &inventory_of(&f, case), &options).unwrap();
        let e = &case["expect"];
        assert_eq!(a.total as u64, e["total"], "{name}");
        assert_eq!(a.present as u64, e["present"], "{name}");
        assert_eq!(a.inadequate as u64, e["inadequate"], "{name}");
        assert_eq!(a.missing as u64, e["missing"], "{name}");
        assert_eq!(serde_json::to_value(a.rooms).unwrap(), e["rooms"], "{name}");
        assert_eq!(
            serde_json::to_value(a.equipment).unwrap(),
            e["equipment"],
            "{name}"
        );
        let times_33 = e["compliance_times_33"].as_f64().unwrap();
        assert!((a.compliance * 33.0 - times_33).abs() < 1e-9, "{name}");
        let line = |id: &str| a.lines.iter().find(|l| l.item == id).unwrap();
        for (id, status) in e["statuses"].as_object().unwrap() {
            assert_eq!(
                serde_json::to_value(line(id).status).unwrap(),
                *status,
                "{name}: {id}"
            );
        }
        if let Some(reasons) = e.get("reasons_en") {
            for (id, want) in reasons.as_object().unwrap() {
                let got: Vec<&str> = line(id).reasons.iter().map(|r| r.en.as_str()).collect();
                assert_eq!(serde_json::to_value(got).unwrap(), *want, "{name}: {id}");
            }
        }
    }
    let cmp = &f["comparison"];
    let before: Inventory = serde_json::from_value(cmp["before"].clone()).unwrap();
    let after_case = &f["audits"][cmp["after_from"].as_u64().unwrap() as usize];
    let opts: AuditOptions = serde_json::from_value(after_case["options"].clone()).unwrap();
    let a = audit(&c, &before, &opts).unwrap();
    let b = audit(&c, &inventory_of(&f, after_case), &opts).unwrap();
    let d = compare(&a, &b);
    let e = &cmp["expect"];
    assert_eq!(d.improved.len() as u64, e["improved"]);
    assert_eq!(d.worsened.len() as u64, e["worsened"]);
    assert_eq!(d.unchanged as u64, e["unchanged"]);
    let change = e["compliance_change_times_33"].as_f64().unwrap();
    assert!((d.compliance_change * 33.0 - change).abs() < 1e-9);
    let first = &d.improved[0];
    assert_eq!(
        serde_json::json!([first.item, first.before, first.after]),
        e["first_improved"]
    );
}

#[test]
fn bad_inventories_report_every_problem() {
    let f = fixture();
    let c = Checklist::jatim();
    for case in f["invalid"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let err = ptsp::error::input::from_value::<Inventory>(&case["inventory"], "")
            .map_err(ptsp::office::OfficeError::from)
            .and_then(|inv| {
                let options: AuditOptions = case
                    .get("options")
                    .map(|o| serde_json::from_value(o.clone()).unwrap())
                    .unwrap_or_default();
                audit(&c, &inv, &options)
            })
            .unwrap_err();
        assert_eq!(err.code(), case["code"].as_str().unwrap(), "{name}");
        let got: Vec<(String, String)> = err
            .problems()
            .iter()
            .map(|p| (p.path.clone(), p.code.as_str().to_owned()))
            .collect();
        let want: Vec<(String, String)> = serde_json::from_value(case["problems"].clone()).unwrap();
        assert_eq!(got, want, "{name}");
        assert!(err.message(ptsp::Lang::Id) != err.message(ptsp::Lang::En));
    }
}

fn entry() -> impl Strategy<Value = InventoryEntry> {
    let ids: Vec<String> = Checklist::jatim().items.into_iter().map(|i| i.id).collect();
    (
        prop::sample::select(ids),
        any::<bool>(),
        prop::option::of(prop::sample::select(vec![
            Condition::Good,
            Condition::Fair,
            Condition::Poor,
            Condition::Unusable,
        ])),
        prop::option::of(0i64..800),
    )
        .prop_map(|(item, present, condition, age)| InventoryEntry {
            item,
            present,
            count: None,
            condition,
            last_checked: age.map(|d| {
                "2026-12-01".parse::<chrono::NaiveDate>().unwrap() - chrono::Duration::days(d)
            }),
            note: None,
        })
}

fn inventory() -> impl Strategy<Value = Inventory> {
    prop::collection::vec(entry(), 0..40).prop_map(|mut entries| {
        let mut seen = std::collections::HashSet::new();
        entries.retain(|e| seen.insert(e.item.clone()));
        Inventory {
            office: "x".into(),
            as_of: "2026-12-01".parse().unwrap(),
            entries,
        }
    })
}

proptest! {
    #[test]
    fn every_item_gets_exactly_one_status(inv in inventory(), max in prop::option::of(0u32..1000)) {
        let c = Checklist::jatim();
        let a = audit(&c, &inv, &AuditOptions { max_check_age_days: max }).unwrap();
        prop_assert_eq!(a.lines.len(), c.items.len());
        prop_assert_eq!(a.present + a.inadequate + a.missing, a.total);
        prop_assert!((0.0..=100.0).contains(&a.compliance));
        for l in &a.lines {
            prop_assert_eq!(l.reasons.is_empty(), l.status == AuditStatus::Present);
        }
    }

    #[test]
    fn a_stricter_audit_never_finds_more(inv in inventory(), max in 0u32..1000) {
        let c = Checklist::jatim();
        let lax = audit(&c, &inv, &AuditOptions::default()).unwrap();
        let strict = audit(&c, &inv, &AuditOptions { max_check_age_days: Some(max) }).unwrap();
        prop_assert!(strict.present <= lax.present);
        prop_assert_eq!(strict.missing, lax.missing);
    }

    #[test]
    fn comparing_is_antisymmetric(a in inventory(), b in inventory()) {
        let c = Checklist::jatim();
        let (x, y) = (audit(&c, &a, &AuditOptions::default()).unwrap(), audit(&c, &b, &AuditOptions::default()).unwrap());
        let (xy, yx) = (compare(&x, &y), compare(&y, &x));
        prop_assert_eq!(xy.improved.len(), yx.worsened.len());
        prop_assert_eq!(xy.unchanged, yx.unchanged);
        prop_assert!((xy.compliance_change + yx.compliance_change).abs() < 1e-9);
        prop_assert_eq!(compare(&x, &x).unchanged, c.items.len());
    }
}
