//! The community satisfaction index of PermenPANRB No. 14 Tahun 2017:
//! conformance to the regulation's element list, category table and its
//! ×25 conversion, the official worked example, the Krejcie and Morgan
//! table; the shared fixture `tests/fixtures/evaluation/ikm.json` (also read
//! by pytest and the JS suite); the laws of the index.

use std::path::PathBuf;

use proptest::prelude::*;
use ptsp::evaluation::{
    Fraction, GroupBy, Method, Response, ResponseRules, SurveyDef, Tally, ikm, ikm_by, sample_size,
    validate_response,
};
use serde_json::{Value, json};

fn fixture(name: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/evaluation")
        .join(name);
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

fn def() -> SurveyDef {
    SurveyDef::permenpanrb_14_2017().clone()
}

/// The nine elements in the order of the regulation's list, with the
/// names it gives them.
#[test]
fn conformance_the_nine_elements() {
    let names: Vec<String> = def().elements.iter().map(|e| e.name.id.clone()).collect();
    assert_eq!(
        names,
        [
            "Persyaratan",
            "Sistem, Mekanisme, dan Prosedur",
            "Waktu Penyelesaian",
            "Biaya/Tarif",
            "Produk Spesifikasi Jenis Pelayanan",
            "Kompetensi Pelaksana",
            "Perilaku Pelaksana",
            "Penanganan Pengaduan, Saran dan Masukan",
            "Sarana dan prasarana",
        ]
    );
    for e in &def().elements {
        let values: Vec<u8> = e.options.iter().map(|o| o.value).collect();
        assert_eq!(values, [1, 2, 3, 4], "{}", e.id);
        assert!(!e.question.id.is_empty() && !e.question.en.is_empty());
    }
    // The cost question's scale runs from "very expensive" to "free".
    let d = def();
    let cost: Vec<&str> = d
        .element("biaya")
        .unwrap()
        .options
        .iter()
        .map(|o| o.label.id.as_str())
        .collect();
    assert_eq!(cost, ["Sangat mahal", "Cukup mahal", "Murah", "Gratis"]);
    // The questionnaire asks about facilities 8th and complaints 9th.
    assert_eq!(def().element("sarana").unwrap().question_number, 8);
    assert_eq!(def().element("pengaduan").unwrap().question_number, 9);
}

/// The category table as printed, and its internal check: every bound on
/// the 1–4 scale times 25 is the bound printed on the 25–100 scale.
#[test]
fn conformance_the_category_table() {
    let d = def();
    let rows: Vec<(u8, &str, &str, &str, &str, &str, &str)> = d
        .categories
        .iter()
        .map(|c| {
            (
                c.perception,
                c.index_from.as_str(),
                c.index_to.as_str(),
                c.converted_from.as_str(),
                c.converted_to.as_str(),
                c.quality.as_str(),
                c.performance.id.as_str(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (1, "1.00", "2.5996", "25.00", "64.99", "D", "Tidak Baik"),
            (2, "2.60", "3.064", "65.00", "76.60", "C", "Kurang Baik"),
            (3, "3.0644", "3.532", "76.61", "88.30", "B", "Baik"),
            (4, "3.5324", "4.00", "88.31", "100.00", "A", "Sangat Baik"),
        ]
    );
    let ten_thousandths = |s: &str| -> u64 {
        let (i, f) = s.split_once('.').unwrap();
        i.parse::<u64>().unwrap() * 10_000 + format!("{f:0<4}").parse::<u64>().unwrap()
    };
    for c in &d.categories {
        assert_eq!(
            ten_thousandths(&c.index_from) * 25,
            ten_thousandths(&c.converted_from),
            "{}",
            c.quality
        );
        assert_eq!(
            ten_thousandths(&c.index_to) * 25,
            ten_thousandths(&c.converted_to),
            "{}",
            c.quality
        );
    }
    assert_eq!(d.weight.printed, "0,111");
    assert_eq!(d.conversion.factor, Some(25));
}

/// Values exactly on each printed bound, and between two printed bounds
/// (the table prints two decimals: the value is rounded to two first).
#[test]
fn conformance_boundaries() {
    let d = def();
    for (hundredths, q) in [
        (2_500, "D"),
        (6_499, "D"),
        (6_500, "C"),
        (7_660, "C"),
        (7_661, "B"),
        (8_830, "B"),
        (8_831, "A"),
        (10_000, "A"),
    ] {
        assert_eq!(
            d.classify(&Fraction::new(hundredths, 100)).quality,
            q,
            "{hundredths}"
        );
    }
    for (thousandths, q) in [
        (64_994, "D"),
        (64_995, "C"),
        (76_604, "C"),
        (76_605, "B"),
        (88_304, "B"),
        (88_305, "A"),
    ] {
        assert_eq!(
            d.classify(&Fraction::new(thousandths, 1_000)).quality,
            q,
            "{thousandths}"
        );
    }
}

/// The official example: one respondent answering 4 to every element gives
/// IKM 100, Sangat Baik — what the weight 1/9 gives; the printed 0,111
/// gives 99.90.
#[test]
fn conformance_the_official_example() {
    let d = def();
    let mut t = Tally::new(&d);
    t.add_row(&[4; 9]);
    let r = t.result(&d, Method::Exact).unwrap();
    assert_eq!(
        (r.exact.index.as_str(), r.exact.converted.as_str()),
        ("4.0000", "100.00")
    );
    assert_eq!(r.category.performance.id, "Sangat Baik");
    assert_eq!(r.with_printed_weight.converted, "99.90");
    assert_eq!(r.elements[0].nrr, "4.0000");
}

/// Krejcie and Morgan's table, every row.
#[test]
fn conformance_krejcie_and_morgan() {
    let f = fixture("krejcie-morgan.json");
    let rows = f["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 90);
    for r in rows {
        let (n, s) = (r[0].as_u64().unwrap(), r[1].as_u64().unwrap());
        assert_eq!(sample_size(n), s, "N = {n}");
    }
}

fn figure_json(f: &ptsp::evaluation::Figure) -> Value {
    json!({"index": f.index, "converted": f.converted, "quality": f.category.quality})
}

fn check(expect: &Value, r: &ptsp::evaluation::IkmResult, name: &str) {
    assert_eq!(json!(r.respondents), expect["respondents"], "{name}");
    assert_eq!(figure_json(&r.exact), expect["exact"], "{name}");
    assert_eq!(
        figure_json(&r.with_printed_weight),
        expect["with_printed_weight"],
        "{name}"
    );
    let rows: Vec<Value> = r
        .elements
        .iter()
        .map(|e| json!([e.id, e.answered, e.total, e.nrr, e.converted]))
        .collect();
    assert_eq!(Value::from(rows), expect["elements"], "{name}");
    assert_eq!(json!(r.weakest), expect["weakest"], "{name}");
}

#[test]
fn shared_fixture() {
    let f = fixture("ikm.json");
    let d = def();
    for c in f["cases"].as_array().unwrap() {
        let rs: Vec<Response> = serde_json::from_value(c["responses"].clone()).unwrap();
        check(
            &c["expect"],
            &ikm(&d, &rs, Method::Exact).unwrap(),
            c["name"].as_str().unwrap(),
        );
    }
    for c in f["tallies"].as_array().unwrap() {
        let mut t = Tally::new(&d);
        t.respondents = c["tally"]["respondents"].as_u64().unwrap();
        t.sums = serde_json::from_value(c["tally"]["sums"].clone()).unwrap();
        t.counts = serde_json::from_value(c["tally"]["counts"].clone()).unwrap();
        check(
            &c["expect"],
            &t.result(&d, Method::Exact).unwrap(),
            c["name"].as_str().unwrap(),
        );
    }
    let g = &f["groups"];
    let rs: Vec<Response> = serde_json::from_value(
        f["cases"][g["case"].as_u64().unwrap() as usize]["responses"].clone(),
    )
    .unwrap();
    let by: GroupBy = serde_json::from_value(g["by"].clone()).unwrap();
    let got: Vec<Value> = ikm_by(&d, &rs, by, Method::Exact)
        .unwrap()
        .iter()
        .map(|x| match (&x.result, &x.problem) {
            (Some(r), _) => json!({"key": x.key, "converted": r.exact.converted}),
            (_, Some(p)) => json!({"key": x.key, "problem": p.code}),
            _ => unreachable!(),
        })
        .collect();
    assert_eq!(Value::from(got), g["expect"]);
    for c in f["invalid"].as_array().unwrap() {
        let rs: Vec<Response> = serde_json::from_value(c["responses"].clone()).unwrap();
        let err = ikm(&d, &rs, Method::Exact).unwrap_err();
        assert_eq!(err.code(), "invalid_responses");
        let got: Vec<Value> = err
            .problems()
            .iter()
            .map(|p| json!([p.path, p.code]))
            .collect();
        assert_eq!(Value::from(got), c["problems"], "{}", c["name"]);
    }
    for c in f["forms"].as_array().unwrap() {
        let r: Response = serde_json::from_value(c["response"].clone()).unwrap();
        let got: Vec<Value> = validate_response(&d, &r, &ResponseRules::default(), "")
            .iter()
            .map(|p| json!([p.path, p.code]))
            .collect();
        assert_eq!(Value::from(got), c["problems"], "{}", c["name"]);
    }
    for s in f["sample_sizes"].as_array().unwrap() {
        assert_eq!(sample_size(s[0].as_u64().unwrap()), s[1].as_u64().unwrap());
    }
}

#[test]
fn nothing_to_count_is_refused() {
    let d = def();
    assert_eq!(
        ikm(&d, &[], Method::Exact).unwrap_err().code(),
        "no_respondents"
    );
    let mut t = Tally::new(&d);
    t.add_row(&[4, 4, 4, 0, 4, 4, 4, 4, 4]);
    let err = t.result(&d, Method::Exact).unwrap_err();
    assert_eq!(err.code(), "unanswered_element");
    assert!(err.to_string().contains("biaya"));
}

fn rows() -> impl Strategy<Value = Vec<[u8; 9]>> {
    proptest::collection::vec(proptest::array::uniform9(1u8..=4), 1..60)
}

proptest! {
    /// The index stays within 25–100 on either weight's scale of the table.
    #[test]
    fn the_index_stays_within_25_and_100(rs in rows()) {
        let d = def();
        let mut t = Tally::new(&d);
        for r in &rs { t.add_row(r); }
        let r = t.result(&d, Method::Exact).unwrap();
        let v = Fraction::new(r.exact.converted.replace('.', "").parse().unwrap(), 100);
        prop_assert!(v >= Fraction::whole(25) && v <= Fraction::whole(100));
        prop_assert!(r.with_printed_weight.value <= 100.0);
    }

    /// A respondent answering 4 everywhere never lowers the index.
    #[test]
    fn a_respondent_with_all_fours_never_lowers_the_index(rs in rows()) {
        let d = def();
        let mut t = Tally::new(&d);
        for r in &rs { t.add_row(r); }
        let before = t.result(&d, Method::Exact).unwrap();
        t.add_row(&[4; 9]);
        let after = t.result(&d, Method::Exact).unwrap();
        prop_assert!(after.exact.value >= before.exact.value);
        prop_assert!(after.exact.index >= before.exact.index);
    }

    /// A tally over parts, merged, is the tally over the whole, whatever the
    /// split.
    #[test]
    fn merged_tallies_equal_the_tally_of_the_union(rs in rows(), cut in 0usize..60) {
        let d = def();
        let cut = cut.min(rs.len());
        let (mut a, mut b, mut whole) = (Tally::new(&d), Tally::new(&d), Tally::new(&d));
        for r in &rs[..cut] { a.add_row(r); }
        for r in &rs[cut..] { b.add_row(r); }
        for r in &rs { whole.add_row(r); }
        a.merge(&b).unwrap();
        prop_assert_eq!(&a, &whole);
        prop_assert_eq!(a.result(&d, Method::Exact).unwrap(), whole.result(&d, Method::Exact).unwrap());
    }
}

/// A tally from outside (storage, a client) is checked before it counts:
/// sums its answers cannot give, more answers than respondents, a merge
/// that would overflow — refused with their positions, nothing changed.
#[test]
fn forged_tallies_are_refused() {
    let d = def();
    let mut good = Tally::new(&d);
    good.add_row(&[4; 9]);
    let mut forged = good.clone();
    forged.sums[0] = 100;
    forged.counts[1] = 5;
    let err = forged.result(&d, Method::Exact).unwrap_err();
    assert_eq!(err.code(), "invalid_tally");
    let paths: Vec<&str> = err.problems().iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, ["tally.sums[0]", "tally.counts[1]", "tally.sums[1]"]);
    let err = Tally::merge_all(&d, &[good.clone(), forged]).unwrap_err();
    assert!(
        err.problems()
            .iter()
            .all(|p| p.path.starts_with("tallies[1]."))
    );
    let mut huge = good.clone();
    huge.respondents = u64::MAX;
    huge.counts = vec![u64::MAX / 4; 9];
    huge.sums = vec![u64::MAX / 4 * 4; 9];
    assert!(huge.validate(&d, "t").is_empty());
    let mut acc = huge.clone();
    let before = acc.clone();
    assert_eq!(acc.merge(&huge).unwrap_err().code(), "invalid_tally");
    assert_eq!(acc, before, "a refused merge changes nothing");
    let short = Tally {
        sums: vec![4],
        counts: vec![1],
        ..good.clone()
    };
    assert_eq!(
        short.result(&d, Method::Exact).unwrap_err().code(),
        "invalid_tally"
    );
    assert!(Tally::from_rows(&d, &[4; 8], 8).is_err());
    assert!(Tally::from_rows(&d, &[4; 10], 9).is_err());
}
