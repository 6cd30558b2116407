//! A year of satisfaction surveys in a one-stop office (SAMPLE responses,
//! not real data): the community satisfaction index of PermenPANRB No. 14
//! Tahun 2017 per semester and per service, the weakest elements, both
//! weights side by side, and the sample size the office should reach.
//!
//! ```sh
//! cargo run --example evaluation            # Bahasa Indonesia
//! cargo run --example evaluation -- en      # English
//! ```

use std::process::ExitCode;

use ptsp::evaluation::{GroupBy, Method, Response, SurveyDef, ikm, ikm_by, sample_size};
use ptsp::{Lang, PtspError};

fn main() -> ExitCode {
    let lang = if std::env::args().any(|a| a == "en") {
        Lang::En
    } else {
        Lang::Id
    };
    match run(lang) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error [{}]: {}", e.code(), e.message(lang));
            ExitCode::FAILURE
        }
    }
}

/// A year of SAMPLE responses: two services, the permit desk a little
/// slower in the first semester, the facilities the weakest element.
fn sample_year(def: &SurveyDef) -> Vec<Response> {
    let mut x: u64 = 2026;
    let mut next = move || {
        x = x
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (x >> 33) as u32
    };
    let mut out = Vec::new();
    for month in 1..=12u32 {
        for k in 0..40u32 {
            let service = if k % 3 == 0 {
                "izin-reklame"
            } else {
                "izin-apotek"
            };
            let date = chrono::NaiveDate::from_ymd_opt(2026, month, 1 + (k % 28)).unwrap();
            let answers = def
                .elements
                .iter()
                .map(|e| {
                    let base = match e.id.as_str() {
                        "sarana" => 2,
                        "waktu" if month <= 6 => 2,
                        _ => 3,
                    };
                    let v = (base + next() % 2).min(4) as u8;
                    (e.id.clone(), v)
                })
                .collect();
            out.push(Response {
                id: None,
                date,
                service: Some(service.into()),
                unit: Some("dpmptsp-jatim".into()),
                answers,
                profile: Default::default(),
            });
        }
    }
    out
}

fn run(lang: Lang) -> Result<(), Box<dyn PtspError>> {
    let t = |id: &'static str, en: &'static str| if lang == Lang::Id { id } else { en };
    let def = SurveyDef::permenpanrb_14_2017();
    let year = sample_year(&def);
    println!(
        "== {} ({}) ==",
        t(
            "Indeks Kepuasan Masyarakat 2026",
            "Community satisfaction index 2026"
        ),
        def.source.short
    );
    let r = ikm(&def, &year, Method::Exact).map_err(boxed)?;
    println!(
        "{} {}: IKM {} ({} {}), {} 0,111: {}",
        r.respondents,
        t("responden", "respondents"),
        r.exact.converted,
        r.category.quality,
        r.category.performance.get(lang),
        t("dengan bobot", "with the weight"),
        r.with_printed_weight.converted,
    );
    for e in &r.elements {
        println!(
            "  {:<48} NRR {}  {}  {}",
            e.name.get(lang),
            e.nrr,
            e.converted,
            e.category.quality
        );
    }
    let weakest: Vec<&str> = r
        .weakest
        .iter()
        .filter_map(|id| def.element(id).map(|e| e.name.get(lang)))
        .collect();
    println!(
        "{}: {}",
        t("unsur terlemah", "weakest elements"),
        weakest.join(", ")
    );
    for (title, by) in [
        (t("per semester", "per semester"), GroupBy::Semester),
        (t("per layanan", "per service"), GroupBy::Service),
    ] {
        println!("{title}:");
        for g in ikm_by(&def, &year, by, Method::Exact).map_err(boxed)? {
            if let Some(r) = g.result {
                println!(
                    "  {:<14} {} ({})",
                    g.key, r.exact.converted, r.category.quality
                );
            }
        }
    }
    let users = 12_000;
    println!(
        "{} {users} {}: {} {}",
        t("Untuk", "For"),
        t("pengguna layanan setahun", "service users a year"),
        sample_size(users),
        t(
            "responden (Krejcie dan Morgan)",
            "respondents (Krejcie and Morgan)"
        ),
    );
    Ok(())
}

fn boxed<E: PtspError + 'static>(e: E) -> Box<dyn PtspError> {
    Box::new(e)
}
