//! Openness (seed §9–10): the published standard rendered from the
//! library's data in both languages and both formats, and the public
//! performance page; conformance with the seed's own text, escaping of
//! whatever comes from data.

use ptsp::evaluation::{Dimension, Method, Period, SurveyDef, Tally, compliance};
use ptsp::procedure::builtin::permit::{lanes, outcomes, roles, steps};
use ptsp::publish::{Block, Standard, performance, standard};
use ptsp::{Actor, Calendar, Case, Command, Lang, Procedure, Request, SubmittedDocument};

fn seed() -> String {
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/seed/000_0352cfab3707ebbd.txt");
    std::fs::read_to_string(path).unwrap_or_default()
}

#[test]
fn the_standard_holds_every_part_in_both_languages() {
    let (permit, consult) = (Procedure::jatim_permit(), Procedure::jatim_consultation());
    let s = Standard::jatim(vec![&permit, &consult]);
    for lang in [Lang::Id, Lang::En] {
        let doc = standard(&s, lang);
        let md = doc.markdown();
        for step in permit
            .def()
            .steps
            .iter()
            .filter(|s| s.kind != ptsp::StepKind::End)
        {
            assert!(
                md.contains(step.name.get(lang)),
                "{lang:?}: {}",
                step.name.get(lang)
            );
        }
        for item in &s.facilities.items {
            assert!(
                md.contains(item.name.get(lang)),
                "{lang:?}: {}",
                item.name.get(lang)
            );
        }
        for n in 5..=11 {
            assert!(md.contains(&format!("(§{n})")), "{lang:?}: §{n}");
        }
        let html = doc.html();
        assert!(html.starts_with("<!DOCTYPE html>"));
        for tag in ["table", "ul", "p", "h2", "h3", "body", "html"] {
            assert_eq!(
                html.matches(&format!("<{tag}>")).count()
                    + html.matches(&format!("<{tag} ")).count(),
                html.matches(&format!("</{tag}>")).count(),
                "{lang:?}: <{tag}> balanced"
            );
        }
    }
    let id = standard(&s, Lang::Id).markdown();
    assert!(
        id.contains("Maksimal 3 hari kerja"),
        "seed §3: the time limits"
    );
    assert!(
        standard(&s, Lang::En)
            .markdown()
            .contains("At most 3 working days")
    );
}

/// The guarantees and the evaluation are the seed's own words (§9–§11).
#[test]
fn conformance_sections_9_to_11_are_the_seed_s_words() {
    let text = seed();
    if text.is_empty() {
        return; // the seed lives beside the checkout; the data carries it
    }
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let texts = ptsp::publish::StandardTexts::jatim();
    for s in texts.sections.iter().filter(|s| s.number >= 8) {
        for p in &s.paragraphs {
            assert!(flat.contains(&p.id), "§{} is quoted as written", s.number);
        }
    }
}

#[test]
fn data_is_escaped_in_both_formats() {
    let mut def = ptsp::ProcedureDef::jatim_permit();
    def.steps[1].name.id = "Periksa <script>alert(1)</script> | *tebal*".into();
    let p = Procedure::new(def).unwrap();
    let doc = standard(&Standard::jatim(vec![&p]), Lang::Id);
    let html = doc.html();
    assert!(!html.contains("<script>") && html.contains("&lt;script&gt;"));
    let md = doc.markdown();
    assert!(md.contains("\\<script\\>") && md.contains("\\| \\*tebal\\*"));
}

fn permit(id: &str, filed: &str, checked: Option<&str>) -> Case {
    let (p, cal) = (Procedure::jatim_permit(), Calendar::jatim());
    let at = |s: &str| ptsp::calendar::parse_instant(s).unwrap();
    let docs: Vec<SubmittedDocument> = ["surat_permohonan", "ktp", "nib", "npwp", "dokumen_teknis"]
        .map(|c| SubmittedDocument::new(c, "pdf", 10_000))
        .to_vec();
    let mut c = Case::new();
    let mut run = |who: Actor, when: chrono::DateTime<chrono::FixedOffset>, command| {
        c.execute(
            &Request {
                actor: who,
                at: when,
                command,
            },
            &p,
            &cal,
        )
        .unwrap();
    };
    let filed = at(filed);
    run(
        Actor::new("p-1", &[roles::APPLICANT], None),
        filed,
        Command::Submit {
            case_id: id.into(),
            documents: docs,
        },
    );
    run(
        Actor::new("fo", &[roles::FRONT_OFFICE], None),
        filed + chrono::Duration::minutes(5),
        Command::Assign {
            lane: lanes::TECHNICAL_AGENCY.into(),
            unit: Some("dinkes".into()),
            staff: None,
            reason: None,
        },
    );
    if let Some(when) = checked {
        run(
            Actor::new("v-1", &[roles::VERIFIER], None),
            at(when),
            Command::complete(steps::VERIFY, outcomes::COMPLETE),
        );
    }
    c
}

#[test]
fn the_performance_page_shows_the_index_and_compliance_per_month() {
    let (p, cal) = (Procedure::jatim_permit(), Calendar::jatim());
    let cases = [
        permit(
            "IZN-1",
            "2026-11-02T09:00:00+07:00",
            Some("2026-11-03T09:00:00+07:00"),
        ),
        permit(
            "IZN-2",
            "2026-11-09T09:00:00+07:00",
            Some("2026-11-20T09:00:00+07:00"),
        ),
        permit(
            "IZN-3",
            "2026-12-07T09:00:00+07:00",
            Some("2026-12-08T09:00:00+07:00"),
        ),
    ];
    let period = Period {
        from: "2026-11-01".parse().unwrap(),
        to: "2026-12-31".parse().unwrap(),
    };
    let now = ptsp::calendar::parse_instant("2026-12-31T15:00:00+07:00").unwrap();
    let r = compliance(
        &cases,
        &[&p],
        &cal,
        period,
        now,
        &[Dimension::Step, Dimension::Month],
    )
    .unwrap();
    let def = SurveyDef::permenpanrb_14_2017();
    let mut t = Tally::new(def);
    t.add_row(&[4, 3, 3, 4, 3, 4, 4, 3, 2]);
    let ikm = t.result(def, Method::Exact).unwrap();
    let office = Standard::jatim(vec![]).office;
    let doc = performance(&office, Some(&r), Some(&ikm), Lang::En);
    let chart = doc.blocks.iter().find_map(|b| match b {
        Block::Chart(_, bars) => Some(bars.clone()),
        _ => None,
    });
    assert_eq!(
        chart.unwrap(),
        [
            ("2026-11".to_owned(), Some(50.0)),
            ("2026-12".to_owned(), Some(100.0))
        ]
    );
    let html = doc.html();
    assert!(html.contains("<svg") && html.contains("2026-11: 50.00%"));
    let md = doc.markdown();
    assert!(md.contains(&format!("IKM {}", ikm.exact.converted)));
    assert!(
        md.contains("Facilities and infrastructure"),
        "the weakest element named"
    );
}
