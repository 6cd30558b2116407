//! Routing of consultations and complaints (DOMAIN §7): the shared fixtures
//! (stems, rankings, invalid and valid rule sets), realistic tickets against
//! the sample rule set, staff assignment, and the laws of the router
//! (proptest): determinism, never empty, ranking order, redistribution, and
//! agreement of the compiled matcher with a direct evaluation of the rules.

use std::path::PathBuf;
use std::sync::OnceLock;

use proptest::prelude::*;
use ptsp::Lang;
use ptsp::desk::routing::{
    Field, Reason, Router, RoutingError, RoutingInput, RoutingRule, RuleSet, StaffLoad, Suggestion,
    Unit, UnitKind, normalize, pick_staff, pick_staff_with, stem, tokenize,
};
use serde_json::{Value, json};

fn fixture() -> &'static Value {
    static F: OnceLock<Value> = OnceLock::new();
    F.get_or_init(|| {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../tests/fixtures/desk/routing/cases.json");
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    })
}

fn fixture_router() -> &'static Router {
    static R: OnceLock<Router> = OnceLock::new();
    R.get_or_init(|| {
        Router::new(serde_json::from_value(fixture()["rule_set"].clone()).unwrap()).unwrap()
    })
}

fn sample() -> &'static Router {
    static R: OnceLock<Router> = OnceLock::new();
    R.get_or_init(Router::sample)
}

fn units<'a>(s: &[Suggestion<'a>]) -> Vec<&'a str> {
    s.iter().map(|s| s.unit).collect()
}

fn codes(problems: &[ptsp::Problem]) -> Vec<(String, String)> {
    problems
        .iter()
        .map(|p| (p.path.clone(), p.code.as_str().to_owned()))
        .collect()
}

// ---------------------------------------------------------------------------
// Shared fixtures
// ---------------------------------------------------------------------------

#[test]
fn fixture_stems() {
    let mut wrong = Vec::new();
    for pair in fixture()["stems"].as_array().unwrap() {
        let (word, want) = (pair[0].as_str().unwrap(), pair[1].as_str().unwrap());
        if stem(word) != want {
            wrong.push(format!("{word}: {} (expected {want})", stem(word)));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn fixture_cases() {
    let router = fixture_router();
    for case in fixture()["cases"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let input: RoutingInput = serde_json::from_value(case["input"].clone()).unwrap();
        let got = match case.get("rejected") {
            Some(r) => {
                let rejected: Vec<String> = serde_json::from_value(r.clone()).unwrap();
                router.redistribute(&input, &rejected)
            }
            None => router.suggest(&input),
        };
        let want = &case["expected"];
        let got_json = json!({
            "units": units(&got),
            "rules": got.iter().map(|s| s.rule).collect::<Vec<_>>(),
            "scores": got.iter().map(|s| s.score).collect::<Vec<_>>(),
            "first_reason": got[0].reasons[0].code(),
        });
        assert_eq!(&got_json, want, "case {name:?}");
    }
}

#[test]
fn fixture_invalid_rule_sets() {
    for case in fixture()["invalid"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let set: RuleSet = serde_json::from_value(case["rule_set"].clone()).unwrap();
        let want: Vec<(String, String)> = case["problems"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                (
                    p["path"].as_str().unwrap().to_owned(),
                    p["code"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        assert_eq!(codes(&set.validate()), want, "case {name:?}");
        let err = Router::new(set.clone()).unwrap_err();
        assert_eq!(err.code(), "invalid_rule_set", "case {name:?}");
        assert_eq!(err.problems(), set.validate().as_slice(), "case {name:?}");
        for p in err.problems() {
            assert!(!p.message.is_empty() && !p.message_id.is_empty());
            assert_ne!(p.message, p.message_id, "case {name:?}: {p:?}");
        }
    }
}

#[test]
fn fixture_valid_rule_sets() {
    for case in fixture()["valid"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let set: RuleSet = serde_json::from_value(case["rule_set"].clone()).unwrap();
        assert_eq!(codes(&set.validate()), [], "case {name:?}");
        assert!(Router::new(set).is_ok(), "case {name:?}");
    }
}

// ---------------------------------------------------------------------------
// Normalisation
// ---------------------------------------------------------------------------

/// Words the built-in lexicon does not know: the conservative rule-based
/// reading, or the word left whole.
#[test]
fn stemmer_without_the_lexicon() {
    let table = [
        ("penyelundupan", "selundup"), // peny- (s dropped) + -an
        ("kedisiplinan", "disiplin"),  // ke-…-an
        ("menyablon", "sablon"),       // meny- (s dropped)
        ("digitalisasi", "digitalisasi"),
        ("tenaga", "tenaga"), // a root that looks like te- + naga: in the lexicon
        ("koordinasi", "koordinasi"), // no affix to strip
        ("sapi", "sapi"),     // -i alone is never stripped
        ("dinkes", "dinkes"), // di- would leave a bad onset
        ("jalan", "jalan"),   // a lone -an must leave four letters
        ("pengolahan", "olah"),
        ("ikm", "ikm"), // short words stay whole
    ];
    for (word, want) in table {
        assert_eq!(stem(word), want, "{word}");
    }
}

#[test]
fn stemmer_is_idempotent_on_the_fixture() {
    for pair in fixture()["stems"].as_array().unwrap() {
        let s = pair[1].as_str().unwrap();
        assert_eq!(stem(s), s);
    }
}

#[test]
fn tokens_fold_case_diacritics_and_punctuation() {
    assert_eq!(
        tokenize("«Perizinan» café—Kopi; e\u{301}ntri, İzin 2024/B3"),
        ["perizinan", "cafe", "kopi", "entri", "izin", "2024", "b3"]
    );
    assert_eq!(tokenize(" ,.;  "), Vec::<String>::new());
    assert_eq!(normalize("Mengizinkan-izin"), ["izin", "izin"]);
}

#[test]
fn spans_point_into_the_original_text() {
    let router = fixture_router();
    let input = RoutingInput::new("", "Soal «PENCEMÁRAN» sungai di desa");
    let s = router.suggest(&input);
    let Reason::Keyword {
        start, end, field, ..
    } = s[0].reasons[0]
    else {
        panic!("{s:?}")
    };
    assert_eq!(field, Field::Text);
    assert_eq!(&input.text[start..end], "PENCEMÁRAN");
    assert_eq!(s[0].reasons[0].excerpt(&input), Some("PENCEMÁRAN"));
    // A phrase spans from its first word to its last.
    let input = RoutingInput::new("Air  tanah!", "");
    let s = router.suggest(&input);
    assert_eq!(s[0].reasons[0].excerpt(&input), Some("Air  tanah"));
}

#[test]
fn a_router_learns_its_keywords_roots() {
    // "berantas" is not in the built-in lexicon: alone, the stemmer reads
    // pemberantasan as pember- + antas + -an; a rule set that uses the word
    // teaches its router the right root.
    assert_eq!(stem("pemberantasan"), "antas");
    let set: RuleSet = serde_json::from_value(json!({
        "units": [
            {"id": "kabid", "name": {"id": "Kepala", "en": "Head"}, "kind": "head_of_complaints"},
            {"id": "inspektorat", "name": {"id": "Inspektorat", "en": "Inspectorate"}, "kind": "opd"}
        ],
        "rules": [{"id": "r", "target": "inspektorat", "keywords": ["berantas"]}],
        "fallback": "kabid"
    }))
    .unwrap();
    let router = Router::new(set).unwrap();
    assert_eq!(router.stem("pemberantasan"), "berantas");
    let s = router.suggest(&RoutingInput::new("", "Program pemberantasan pungli"));
    assert_eq!(units(&s), ["inspektorat"]);
}

// ---------------------------------------------------------------------------
// The sample rule set
// ---------------------------------------------------------------------------

#[test]
fn sample_is_marked_and_valid() {
    let set = RuleSet::sample();
    assert!(set.note.starts_with("SAMPLE DATA"));
    assert!(set.validate().is_empty());
    assert_eq!((set.units.len(), set.rules.len()), (14, 30));
    let router = sample();
    assert_eq!(router.fallback().kind, UnitKind::HeadOfComplaints);
    // Agencies line up with the sample requirements catalogue.
    for service in ptsp::Catalogue::sample().services {
        let s = router.suggest(&RoutingInput::default().with_service(&service.id));
        assert_eq!(Some(s[0].unit), service.agency.as_deref(), "{}", service.id);
    }
}

#[test]
fn realistic_tickets() {
    let cases = [
        (
            "Perpanjangan izin",
            "Bagaimana prosedur perpanjangan izin usaha perikanan tangkap untuk kapal kami?",
            "dkp",
        ),
        (
            "",
            "Nelayan di pesisir Tuban menanyakan syarat budidaya udang di tambak",
            "dkp",
        ),
        (
            "Izin RS",
            "Kapan izin operasional rumah sakit kami diterbitkan?",
            "dinkes",
        ),
        (
            "",
            "Apotek di dekat rumah menjual obat keras tanpa resep",
            "dinkes",
        ),
        (
            "Pencemaran",
            "Pabrik membuang limbah cair ke selokan, baunya menyengat",
            "dlh",
        ),
        ("", "Kami ingin mengurus izin pertambangan batuan", "esdm"),
        (
            "",
            "Trayek angkutan antarkota sudah habis masa berlakunya",
            "dishub",
        ),
        (
            "",
            "Izin gudang dan tanda daftar gudang untuk perdagangan",
            "disperindag",
        ),
        (
            "",
            "Pengangkutan hasil hutan kayu dari Banyuwangi",
            "dishut",
        ),
        ("", "Rumah potong hewan kami perlu rekomendasi", "disnak"),
        (
            "",
            "Pemanfaatan air permukaan dari sungai untuk irigasi",
            "dpu-sda",
        ),
        (
            "",
            "Apakah NIB dari OSS cukup untuk penanaman modal asing?",
            "bidang-penanaman-modal",
        ),
        (
            "Login",
            "Saya tidak bisa masuk ke akun JOSS, kode OTP tidak terkirim",
            "bidang-data-si",
        ),
        (
            "",
            "Ada oknum yang meminta uang pelicin agar berkas cepat",
            "kabid-pengaduan",
        ),
        (
            "",
            "Berapa biaya retribusi untuk izin ini?",
            "bidang-perizinan",
        ),
        (
            "",
            "Bagaimana mengisi survei kepuasan masyarakat?",
            "kabid-pengaduan",
        ),
        ("", "Selamat pagi, apa kabar?", "kabid-pengaduan"),
    ];
    for (subject, text, want) in cases {
        let s = sample().suggest(&RoutingInput::new(subject, text));
        assert_eq!(s[0].unit, want, "{text:?}: {s:#?}");
    }
    // A complaint about the desk itself goes to the head of complaints,
    // a question about the same words does not.
    let t = RoutingInput::new("", "Petugas loket tidak ramah dan antrean lambat");
    assert_eq!(
        sample().suggest(&t.clone().with_category("pengaduan"))[0].unit,
        "kabid-pengaduan"
    );
    assert_ne!(
        sample().suggest(&t.with_category("konsultasi"))[0].rule,
        Some("pengaduan-layanan")
    );
}

#[test]
fn reasons_say_what_matched_in_both_languages() {
    let input = RoutingInput::new("Izin tambak", "Perpanjangan izin usaha perikanan")
        .with_sector("Perikanan");
    let s = sample().suggest(&input);
    assert_eq!((s[0].unit, s[0].rule), ("dkp", Some("sektor-perikanan")));
    let texts: Vec<String> = s[0].reasons.iter().map(|r| r.text(Lang::En)).collect();
    assert_eq!(texts, ["sector “perikanan”"]);
    let perizinan = s.iter().find(|s| s.unit == "bidang-perizinan").unwrap();
    let en: Vec<String> = perizinan.reasons.iter().map(|r| r.text(Lang::En)).collect();
    let id: Vec<String> = perizinan.reasons.iter().map(|r| r.text(Lang::Id)).collect();
    assert_eq!(
        en,
        [
            "keyword “izin” found as “izin” in the subject",
            "keyword “perpanjangan” found as “panjang” in the text"
        ]
    );
    assert_eq!(
        id,
        [
            "kata kunci “izin” ditemukan sebagai “izin” pada perihal",
            "kata kunci “perpanjangan” ditemukan sebagai “panjang” pada isi"
        ]
    );
    assert_eq!(perizinan.reasons[1].excerpt(&input), Some("Perpanjangan"));
    for r in [Reason::NoMatch, Reason::AllRejected] {
        assert!(r.text(Lang::Id).contains("Kepala Bidang Pengaduan"));
        assert!(r.text(Lang::En).contains("head of complaints"));
    }
}

#[test]
fn suggestions_serialize_with_snake_case_tags() {
    let s = fixture_router().suggest(&RoutingInput::new("", "rumah sakit"));
    assert_eq!(
        serde_json::to_value(&s).unwrap(),
        json!([{
            "unit": "dinkes", "rule": "sehat", "priority": 10, "score": 1,
            "reasons": [{"kind": "keyword", "keyword": "rumah sakit", "normalized": "rumah sakit",
                         "field": "text", "start": 0, "end": 11}]
        }])
    );
    let s = fixture_router().suggest(&RoutingInput::default());
    assert_eq!(
        serde_json::to_value(&s).unwrap(),
        json!([{"unit": "kabid", "rule": null, "priority": 0, "score": 0,
                "reasons": [{"kind": "no_match"}]}])
    );
}

#[test]
fn rule_sets_round_trip_through_json() {
    let set = RuleSet::sample();
    let again: RuleSet = serde_json::from_str(&serde_json::to_string(&set).unwrap()).unwrap();
    assert_eq!(again, set);
    assert_eq!(
        Router::from_json(&sample().to_json()).unwrap().rule_set(),
        &set
    );
    let err = Router::from_json(r#"{"units": [], "rules": [], "fallback": "x", "extra": 1}"#)
        .unwrap_err();
    assert_eq!(err.code(), "invalid_json");
    assert_eq!(err.problems()[0].path, "extra");
    assert_eq!(err.problems()[0].code, "unknown_field");
    assert!(err.message(Lang::Id).starts_with(
        "masukan tidak berbentuk seperti yang diharapkan: extra: kolom “extra” tidak dikenal"
    ));
}

#[test]
fn errors_have_codes_and_both_languages() {
    let mut set = RuleSet::sample();
    set.rules[3].target = "dinas-lain".into();
    let err = Router::new(set).unwrap_err();
    assert!(matches!(err, RoutingError::Invalid { .. }));
    assert!(err.to_string().starts_with("invalid routing rule set: rules[3].target: rule “layanan-rs”: target “dinas-lain” is not a unit"));
    assert!(err.message(Lang::Id).starts_with("aturan perutean tidak valid: rules[3].target: aturan “layanan-rs”: tujuan “dinas-lain” tidak ada"));
}

#[test]
fn suggest_into_reuses_and_agrees_with_suggest() {
    let router = sample();
    let mut out = Vec::new();
    let inputs = [
        RoutingInput::new("", "pungli di rumah sakit, limbah di sungai, izin tambang"),
        RoutingInput::new("", "halo"),
        RoutingInput::new("", "kapal nelayan"),
    ];
    for input in inputs.iter().chain(inputs.iter().rev()) {
        router.suggest_into(input, &mut out);
        assert_eq!(out, router.suggest(input));
    }
}

// ---------------------------------------------------------------------------
// Staff
// ---------------------------------------------------------------------------

fn staff(json: Value) -> Vec<StaffLoad> {
    serde_json::from_value(json).unwrap()
}

#[test]
fn least_loaded_eligible_staff_ties_by_id() {
    let s = staff(json!([
        {"id": "op-3", "unit": "dkp", "open_tickets": 4},
        {"id": "op-2", "unit": "dkp", "open_tickets": 1, "competences": ["tangkap"]},
        {"id": "op-1", "unit": "dkp", "open_tickets": 1},
        {"id": "op-0", "unit": "dkp", "open_tickets": 0, "active": false},
        {"id": "op-9", "unit": "dinkes", "open_tickets": 0}
    ]));
    assert_eq!(pick_staff("dkp", &s).unwrap().id, "op-1");
    assert_eq!(pick_staff_with("dkp", &["tangkap"], &s).unwrap().id, "op-2");
    assert!(pick_staff_with("dkp", &["tangkap", "budidaya"], &s).is_none());
    assert!(pick_staff("dlh", &s).is_none());
    assert!(pick_staff("dkp", &[]).is_none());
    // Order of the list does not matter.
    let mut rev = s.clone();
    rev.reverse();
    assert_eq!(pick_staff("dkp", &rev).unwrap().id, "op-1");
}

// ---------------------------------------------------------------------------
// Laws (proptest)
// ---------------------------------------------------------------------------

/// Words for generated tickets: keyword words and derived forms, words that
/// look affixed, fillers, and punctuation.
const VOCABULARY: &[&str] = &[
    "izin",
    "Perizinan",
    "PERIZINANNYA",
    "mengizinkan",
    "diizinkan",
    "perpanjangan",
    "perikanan",
    "ikan",
    "nelayan",
    "kapal",
    "kapal ikan",
    "kesehatan",
    "sehat",
    "rumah",
    "sakit",
    "apotek",
    "limbah",
    "pencemaran",
    "mencemari",
    "tercemar",
    "sungai",
    "irigasi",
    "air",
    "tanah",
    "pertambangan",
    "tambang",
    "penambangan",
    "berkas",
    "pungutan",
    "liar",
    "pungli",
    "calo",
    "akun",
    "kata",
    "sandi",
    "login",
    "masalah",
    "masalahnya",
    "tanya",
    "bertanya",
    "berikan",
    "izinlah",
    "ikannya",
    "sungaikah",
    "kesehatanmu",
    "pun",
    "nya",
    "saya",
    "yang",
    "dan",
    "di",
    "ke",
    "mohon",
    "bagaimana",
    "café",
    "pencemáran",
    "2024",
    "b3",
    "",
];

const SEPARATORS: &[&str] = &[" ", " ", " ", ", ", ". ", "-", "\n", "!? ", "/"];

fn ticket_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            prop_oneof![
                4 => prop::sample::select(VOCABULARY).prop_map(str::to_owned),
                1 => "[a-z]{1,9}",
            ],
            prop::sample::select(SEPARATORS),
        ),
        0..25,
    )
    .prop_map(|words| words.into_iter().map(|(w, s)| w + s).collect())
}

fn ticket() -> impl Strategy<Value = RoutingInput> {
    (
        ticket_text(),
        ticket_text(),
        prop::sample::select(
            &[
                "",
                "izin-usaha-perikanan-tangkap",
                " IZIN-USAHA-PERIKANAN-TANGKAP",
                "lain",
            ][..],
        ),
        prop::sample::select(&["", "perikanan", "Perikanan ", "kesehatan"][..]),
        prop::sample::select(&["", "konsultasi", "pengaduan", "PENGADUAN"][..]),
    )
        .prop_map(|(subject, text, service, sector, category)| RoutingInput {
            service: service.into(),
            sector: sector.into(),
            category: category.into(),
            subject,
            text,
        })
}

fn contains_run(words: &[String], run: &[String]) -> bool {
    !run.is_empty() && words.windows(run.len()).any(|w| w == run)
}

/// Every matching rule of `set`, ranked, computed directly from the rules
/// with `Router::normalize` (the stemmer itself, not the compiled table):
/// (unit, rule, score).
fn ranked(
    set: &RuleSet,
    router: &Router,
    input: &RoutingInput,
) -> Vec<(String, Option<String>, u32)> {
    let subject = router.normalize(&input.subject);
    let text = router.normalize(&input.text);
    let same = |want: &Option<String>, given: &str| {
        want.as_ref().is_none_or(|w| {
            !given.trim().is_empty() && w.trim().to_lowercase() == given.trim().to_lowercase()
        })
    };
    let mut cands = Vec::new();
    for (i, r) in set.rules.iter().enumerate() {
        if !(same(&r.service, &input.service)
            && same(&r.sector, &input.sector)
            && same(&r.category, &input.category))
        {
            continue;
        }
        let mut phrases: Vec<Vec<String>> = Vec::new();
        for k in &r.keywords {
            let p = router.normalize(k);
            if !phrases.contains(&p) {
                phrases.push(p);
            }
        }
        let found = phrases
            .iter()
            .filter(|p| contains_run(&subject, p) || contains_run(&text, p))
            .count() as u32;
        if !r.keywords.is_empty() && found == 0 {
            continue;
        }
        let criteria = [&r.service, &r.sector, &r.category]
            .iter()
            .filter(|c| c.is_some())
            .count() as u32;
        cands.push((r.priority, criteria + found, i));
    }
    cands.sort_by_key(|&(p, s, i)| (std::cmp::Reverse(p), std::cmp::Reverse(s), i));
    cands
        .into_iter()
        .map(|(_, s, i)| {
            (
                set.rules[i].target.clone(),
                Some(set.rules[i].id.clone()),
                s,
            )
        })
        .collect()
}

/// What `Router::suggest` must answer: the ranking, one per unit, or the
/// fallback.
fn oracle(router: &Router, input: &RoutingInput) -> Vec<(String, Option<String>, u32)> {
    let set = router.rule_set();
    let mut out: Vec<(String, Option<String>, u32)> = Vec::new();
    for c in ranked(set, router, input) {
        if !out.iter().any(|(u, _, _)| *u == c.0) {
            out.push(c);
        }
    }
    if out.is_empty() {
        out.push((set.fallback.clone(), None, 0));
    }
    out
}

fn summary(s: &[Suggestion<'_>]) -> Vec<(String, Option<String>, u32)> {
    s.iter()
        .map(|s| (s.unit.to_owned(), s.rule.map(str::to_owned), s.score))
        .collect()
}

/// Small random rule sets over the fixture's units and a keyword pool.
fn rule_set() -> impl Strategy<Value = RuleSet> {
    const KEYWORDS: &[&str] = &[
        "izin",
        "perizinan",
        "izin usaha",
        "ikan",
        "kapal ikan",
        "nelayan",
        "limbah",
        "sungai",
        "air tanah",
        "tambang",
        "rumah sakit",
        "sakit",
        "berkas",
        "masalah",
        "tanya",
        "beri",
        "pungutan liar",
        "",
    ];
    let rule = (
        prop::sample::select(
            &[
                "kabid",
                "perizinan",
                "dkp",
                "dinkes",
                "dlh",
                "esdm",
                "nowhere",
            ][..],
        ),
        -2i32..4,
        prop::option::weighted(
            0.2,
            prop::sample::select(&["izin-usaha-perikanan-tangkap", "lain"][..]),
        ),
        prop::option::weighted(0.2, prop::sample::select(&["perikanan", "kesehatan"][..])),
        prop::option::weighted(0.2, prop::sample::select(&["konsultasi", "pengaduan"][..])),
        prop::collection::vec(prop::sample::select(KEYWORDS), 0..4),
    );
    prop::collection::vec(rule, 1..7).prop_map(|rules| {
        let base = fixture_router().rule_set();
        RuleSet {
            note: String::new(),
            units: base.units.clone(),
            rules: rules
                .into_iter()
                .enumerate()
                .map(
                    |(i, (target, priority, service, sector, category, keywords))| RoutingRule {
                        id: format!("r{i}"),
                        target: target.into(),
                        priority,
                        service: service.map(str::to_owned),
                        sector: sector.map(str::to_owned),
                        category: category.map(str::to_owned),
                        keywords: keywords.into_iter().map(str::to_owned).collect(),
                        note: None,
                    },
                )
                .collect(),
            fallback: "kabid".into(),
        }
    })
}

/// The laws every answer of `router` obeys.
fn check_laws(router: &Router, input: &RoutingInput) -> Result<(), TestCaseError> {
    let s = router.suggest(input);
    // Deterministic, and the reusing variant agrees even with a dirty vector.
    prop_assert_eq!(&s, &router.suggest(input));
    let mut dirty = sample().suggest(&RoutingInput::new("", "limbah ikan izin akun pungli"));
    dirty.clear();
    let mut reused = router.suggest(&RoutingInput::new(
        "",
        "izin ikan limbah sungai rumah sakit",
    ));
    router.suggest_into(input, &mut reused);
    prop_assert_eq!(&reused, &s);
    // Never empty; every unit exists, at most once; ranked.
    prop_assert!(!s.is_empty());
    let set = router.rule_set();
    for (i, x) in s.iter().enumerate() {
        prop_assert!(router.unit(x.unit).is_some());
        prop_assert!(s[..i].iter().all(|y| y.unit != x.unit));
        prop_assert!(!x.reasons.is_empty());
    }
    let order = |x: &Suggestion<'_>| {
        let index = set.rules.iter().position(|r| Some(r.id.as_str()) == x.rule);
        (
            std::cmp::Reverse(x.priority),
            std::cmp::Reverse(x.score),
            index,
        )
    };
    prop_assert!(s.windows(2).all(|w| order(&w[0]) < order(&w[1])));
    // The fallback, with no_match, exactly when no rule matched.
    let matched = s[0].rule.is_some();
    prop_assert!(
        matched || (s.len() == 1 && s[0].unit == set.fallback && s[0].reasons == [Reason::NoMatch])
    );
    // The compiled table agrees with the stemmer applied word by word.
    prop_assert_eq!(summary(&s), oracle(router, input));
    // Redistribution never returns a unit that declined, unless it is the
    // fallback alone; and it keeps the order of the rest.
    let declined: Vec<&str> = s.iter().step_by(2).map(|x| x.unit).collect();
    let r = router.redistribute(input, &declined);
    let kept: Vec<&Suggestion<'_>> = s
        .iter()
        .filter(|x| !declined.contains(&x.unit) && x.rule.is_some())
        .collect();
    if kept.is_empty() {
        prop_assert_eq!(r.len(), 1);
        prop_assert_eq!(r[0].unit, set.fallback.as_str());
        let want = if matched {
            Reason::AllRejected
        } else {
            Reason::NoMatch
        };
        prop_assert_eq!(&r[0].reasons, &vec![want]);
    } else {
        prop_assert_eq!(r.iter().collect::<Vec<_>>(), kept);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn laws_on_the_fixture_rule_set(input in ticket()) {
        check_laws(fixture_router(), &input)?;
    }

    #[test]
    fn laws_on_the_sample_rule_set(input in ticket()) {
        check_laws(sample(), &input)?;
    }

    #[test]
    fn the_same_input_gives_the_same_output_across_routers(input in ticket()) {
        // A second router compiled from the same rule set answers the same.
        static AGAIN: OnceLock<Router> = OnceLock::new();
        let again = AGAIN.get_or_init(|| Router::new(fixture_router().rule_set().clone()).unwrap());
        prop_assert_eq!(fixture_router().suggest(&input), again.suggest(&input));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn laws_on_random_rule_sets(set in rule_set(), inputs in prop::collection::vec(ticket(), 4)) {
        let problems = set.validate();
        prop_assert_eq!(&problems, &set.validate()); // deterministic
        match Router::new(set) {
            Ok(router) => {
                prop_assert!(problems.is_empty());
                for input in &inputs {
                    check_laws(&router, input)?;
                }
            }
            Err(e) => prop_assert_eq!(e.problems(), problems.as_slice()),
        }
    }

    #[test]
    fn a_shadowed_rule_is_never_first(set in rule_set(), inputs in prop::collection::vec(ticket(), 16)) {
        // Keep the rules that are valid apart from shadowing, then check the
        // claim of `shadowed_rule` against the direct ranking.
        let mut set = set;
        set.rules.retain(|r| {
            r.target != "nowhere"
                && r.keywords.iter().all(|k| !k.is_empty())
                && (r.service.is_some() || r.sector.is_some() || r.category.is_some() || !r.keywords.is_empty())
        });
        let shadowed: Vec<String> = set
            .validate()
            .into_iter()
            .filter(|p| p.code == "shadowed_rule")
            .map(|p| set.rules[p.path["rules[".len()..p.path.len() - 1].parse::<usize>().unwrap()].id.clone())
            .collect();
        // The keyword pool is in the built-in lexicon: any router normalises alike.
        for input in &inputs {
            if let Some((_, Some(rule), _)) = ranked(&set, fixture_router(), input).first() {
                prop_assert!(!shadowed.contains(rule), "{} was first for {:?}", rule, input);
            }
        }
    }
}

#[test]
fn unit_and_rule_types_read_the_documented_json() {
    let u: Unit = serde_json::from_value(
        json!({"id": "x", "name": {"id": "X", "en": "X"}, "kind": "bidang"}),
    )
    .unwrap();
    assert_eq!(u.kind, UnitKind::Bidang);
    assert!(
        serde_json::from_value::<RoutingRule>(json!({"id": "r", "target": "x", "weight": 1}))
            .is_err()
    );
    let input: RoutingInput = serde_json::from_value(json!({"text": "izin"})).unwrap();
    assert_eq!(input, RoutingInput::new("", "izin"));
}

// ---------------------------------------------------------------------------
// Limits: what a rule set may declare, how much of a ticket is read.
// ---------------------------------------------------------------------------

fn with_rule(rule: Value) -> RuleSet {
    let mut set = serde_json::to_value(fixture_router().rule_set()).unwrap();
    set["rules"].as_array_mut().unwrap().push(rule);
    serde_json::from_value(set).unwrap()
}

#[test]
fn a_megabyte_keyword_is_refused_not_stemmed() {
    use ptsp::desk::routing::limits::MAX_KEYWORD_CHARS;
    // Before the limit this took seconds and was accepted.
    let set = with_rule(json!({
        "id": "panjang", "target": "dkp", "priority": 1000,
        "keywords": ["kapal".repeat(200_000), "nelayan"],
    }));
    let problems = codes(&set.validate());
    assert_eq!(
        problems,
        [("rules[11].keywords[0]".to_owned(), "too_long".to_owned())]
    );
    let err = Router::new(set).unwrap_err();
    assert_eq!(err.code(), "invalid_rule_set");
    let p = &err.problems()[0];
    assert!(
        p.message.contains("1000000 characters long: at most 100"),
        "{p:?}"
    );
    assert!(p.message_id.contains("paling banyak 100 karakter"), "{p:?}");
    assert!(p.message.len() < 200, "the keyword is quoted as an excerpt");
    // The longest keyword allowed, as one word and as a phrase, builds.
    let word = "kapal".repeat(MAX_KEYWORD_CHARS / 5);
    let phrase: String = "kapal nelayan tangkap "
        .repeat(5)
        .chars()
        .take(MAX_KEYWORD_CHARS)
        .collect();
    for k in [word, phrase.trim_end().to_owned()] {
        assert!(k.chars().count() <= MAX_KEYWORD_CHARS);
        let set =
            with_rule(json!({"id": "panjang", "target": "dkp", "priority": 1000, "keywords": [k]}));
        let router = Router::new(set).unwrap();
        let s = router.suggest(&RoutingInput::new("", format!("soal {k}!")));
        assert_eq!(s[0].rule, Some("panjang"), "{k}");
    }
}

#[test]
fn counts_and_lengths_over_the_limits_are_reported_with_everything_else() {
    use ptsp::desk::routing::limits::*;
    let mut set = fixture_router().rule_set().clone();
    set.note = "n".repeat(MAX_NOTE_CHARS + 1);
    set.units[1].id = "u".repeat(MAX_ID_CHARS + 1);
    set.rules[0].keywords = (0..=MAX_KEYWORDS).map(|i| format!("kata{i}")).collect();
    set.rules[1].service = Some("s".repeat(MAX_NAME_CHARS + 1));
    set.rules[2].note = Some("é".repeat(MAX_NOTE_CHARS + 1));
    assert_eq!(
        codes(&set.validate()),
        [
            ("note", "too_long"),
            ("units[1].id", "too_long"),
            ("rules[0].keywords", "too_many"),
            ("rules[1].service", "too_long"),
            ("rules[2].note", "too_long"),
            // The first unit's id changed: its rules now point nowhere.
            ("rules[8].target", "unknown_unit"),
            ("rules[9].target", "unknown_unit"),
        ]
        .map(|(p, c)| (p.to_owned(), c.to_owned()))
    );
    let mut set = fixture_router().rule_set().clone();
    let unit = set.units[1].clone();
    set.units = vec![unit; MAX_UNITS + 1];
    set.units[0].kind = UnitKind::HeadOfComplaints;
    set.units[0].id = "kabid".into();
    let got = codes(&set.validate());
    assert_eq!(got[0], ("units".to_owned(), "too_many".to_owned()));
    assert!(
        got.iter().all(|(_, c)| c != "duplicate_id"),
        "elements over the limit are not examined"
    );
    let mut set = fixture_router().rule_set().clone();
    let rule = set.rules[0].clone();
    set.rules = vec![rule; MAX_RULES + 1];
    assert_eq!(
        codes(&set.validate()),
        [("rules".to_owned(), "too_many".to_owned())]
    );
    let err = Router::new(set).unwrap_err();
    assert!(
        err.message(Lang::Id)
            .contains("20001 entri: paling banyak 20000"),
        "{err}"
    );
    // Totals: keywords of all rules, distinct words in them.
    let mut set = fixture_router().rule_set().clone();
    let mut rule = set.rules[0].clone();
    rule.keywords = vec!["pungli".into(); MAX_KEYWORDS];
    set.rules = vec![rule; MAX_TOTAL_KEYWORDS / MAX_KEYWORDS + 1];
    for (i, r) in set.rules.iter_mut().enumerate() {
        r.id = format!("r{i}");
        r.priority = i as i32; // none shadowed
    }
    assert_eq!(
        codes(&set.validate()),
        [("rules".to_owned(), "too_many".to_owned())]
    );
    assert!(set.validate()[0].message.contains("200100 keywords in all"));
    let mut set = fixture_router().rule_set().clone();
    set.rules[0].keywords = (0..MAX_KEYWORDS).map(|i| format!("kata{i}")).collect();
    let mut rule = set.rules[0].clone();
    for i in 0..=MAX_KEYWORD_WORDS / MAX_KEYWORDS {
        rule.id = format!("banyak{i}");
        rule.keywords = (0..MAX_KEYWORDS).map(|j| format!("w{i}x{j}")).collect();
        set.rules.push(rule.clone());
    }
    let problems = set.validate();
    assert_eq!(
        codes(&problems),
        [("rules".to_owned(), "too_many".to_owned())]
    );
    assert!(
        problems[0].message_id.contains("kata berbeda"),
        "{:?}",
        problems[0]
    );
}

#[test]
fn only_the_first_characters_of_a_ticket_are_read() {
    use ptsp::desk::routing::limits::{MAX_SUBJECT_CHARS, MAX_TEXT_CHARS};
    let router = fixture_router();
    let pad = |n: usize| "é ".repeat(n / 2); // two characters, three bytes
    let late = RoutingInput::new("", format!("{}limbah", pad(MAX_TEXT_CHARS)));
    assert_eq!(router.suggest(&late)[0].reasons[0].code(), "no_match");
    let just = RoutingInput::new("", format!("{}limbah", pad(MAX_TEXT_CHARS - 6)));
    let s = router.suggest(&just);
    assert_eq!(s[0].unit, "dlh");
    let Reason::Keyword { start, end, .. } = s[0].reasons[0] else {
        panic!("{:?}", s[0].reasons)
    };
    assert_eq!(&just.text[start..end], "limbah");
    let late = RoutingInput::new(format!("{}limbah", pad(MAX_SUBJECT_CHARS)), "");
    assert_eq!(router.suggest(&late)[0].reasons[0].code(), "no_match");
    // A ticket of ten megabytes answers as its first characters do.
    let huge = RoutingInput::new("izin ".repeat(2_000_000), "limbah ".repeat(1_500_000));
    let head = RoutingInput::new(
        huge.subject
            .chars()
            .take(MAX_SUBJECT_CHARS)
            .collect::<String>(),
        huge.text.chars().take(MAX_TEXT_CHARS).collect::<String>(),
    );
    assert_eq!(router.suggest(&huge), router.suggest(&head));
    // Criteria longer than any value match none, whatever their length.
    let long = RoutingInput::new("", "").with_category("k".repeat(10_000_000));
    assert_eq!(router.suggest(&long)[0].reasons[0].code(), "no_match");
}

#[test]
fn many_keywords_sharing_their_first_word_cost_one_walk_per_ticket_word() {
    // 2,000 phrases all starting with "izin": each ticket word is looked up
    // once in the phrase tree, not compared with every phrase.
    let mut set = fixture_router().rule_set().clone();
    set.rules.truncate(0);
    for i in 0..20 {
        set.rules.push(RoutingRule {
            id: format!("r{i}"),
            target: "perizinan".into(),
            priority: i,
            service: None,
            sector: None,
            category: None,
            keywords: (0..100)
                .map(|j| format!("izin kata{}", i * 100 + j))
                .collect(),
            note: None,
        });
    }
    let router = Router::new(set).unwrap();
    let input = RoutingInput::new("", format!("{} kata1999", "izin ".repeat(3_000)));
    let s = router.suggest(&input);
    assert_eq!(s[0].rule, Some("r19"));
    assert_eq!(s.len(), 1);
    check_laws(
        &router,
        &RoutingInput::new("", "izin kata5 izin kata1000 izin"),
    )
    .map_err(|e| e.to_string())
    .unwrap();
}
