//! A synthetic year of the East Java office (SAMPLE data, not real): the
//! community satisfaction index of PermenPANRB No. 14 Tahun 2017 per
//! semester and per service with the weakest elements and both weights side
//! by side, the sample size the office should reach, the SLA compliance
//! report of a year of permits per month, and the published standard and
//! performance page written to `target/publish/` as Markdown and HTML.
//!
//! ```sh
//! cargo run --example evaluation            # Bahasa Indonesia
//! cargo run --example evaluation -- en      # English
//! ```

use std::process::ExitCode;

use ptsp::evaluation::{
    Dimension, GroupBy, Method, Period, Response, SurveyDef, compliance, ikm, ikm_by, sample_size,
};
use ptsp::procedure::builtin::permit::{lanes, outcomes, roles, steps};
use ptsp::publish::{Standard, performance, standard};
use ptsp::{
    Actor, Calendar, Case, Command, Lang, Procedure, PtspError, Request, SubmittedDocument,
};

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
    let year = sample_year(def);
    println!(
        "== {} ({}) ==",
        t(
            "Indeks Kepuasan Masyarakat 2026",
            "Community satisfaction index 2026"
        ),
        def.source.short
    );
    let r = ikm(def, &year, Method::Exact).map_err(boxed)?;
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
        for g in ikm_by(def, &year, by, Method::Exact).map_err(boxed)? {
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

    println!(
        "\n== {} ==",
        t("Kepatuhan waktu izin 2026", "Permit time compliance 2026")
    );
    let (p, cal) = (Procedure::jatim_permit(), Calendar::jatim());
    let cases = sample_permits(&p, &cal).map_err(boxed)?;
    let period = Period {
        from: "2026-01-01".parse().expect("a date"),
        to: "2026-12-31".parse().expect("a date"),
    };
    let now = ptsp::calendar::parse_instant("2026-12-31T15:00:00+07:00").expect("an instant");
    let report = compliance(
        &cases,
        &[&p],
        &cal,
        period,
        now,
        &[Dimension::Step, Dimension::Month],
    )
    .map_err(boxed)?;
    for (month, pct) in report.monthly_on_time() {
        println!(
            "  {month}: {}",
            pct.map_or_else(|| "–".to_owned(), |p| format!("{p}%"))
        );
    }
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/publish");
    let standard_doc = standard(&Standard::jatim(vec![&p]), lang);
    let page = performance(
        &Standard::jatim(vec![]).office,
        Some(&report),
        Some(&r),
        lang,
    );
    let written = std::fs::create_dir_all(&dir).and_then(|()| {
        std::fs::write(dir.join("standar.md"), standard_doc.markdown())?;
        std::fs::write(dir.join("standar.html"), standard_doc.html())?;
        std::fs::write(dir.join("kinerja.md"), page.markdown())?;
        std::fs::write(dir.join("kinerja.html"), page.html())
    });
    match written {
        Ok(()) => println!(
            "{}: {}",
            t("ditulis", "written"),
            dir.join("{standar,kinerja}.{md,html}").display()
        ),
        Err(e) => eprintln!("{}: {e}", t("tidak dapat menulis", "could not write")),
    }
    Ok(())
}

/// A year of SAMPLE permits: two filed each working week, checked within
/// a day, or a week later in the first quarter's rush.
fn sample_permits(p: &Procedure, cal: &Calendar) -> Result<Vec<Case>, ptsp::CaseError> {
    let docs: Vec<SubmittedDocument> = ["surat_permohonan", "ktp", "nib", "npwp", "dokumen_teknis"]
        .map(|c| SubmittedDocument::new(c, "pdf", 10_000))
        .to_vec();
    let start = ptsp::calendar::parse_instant("2026-01-05T09:00:00+07:00").expect("an instant");
    let mut out = Vec::new();
    for week in 0..50i64 {
        for k in 0..2i64 {
            let filed = start + chrono::Duration::days(week * 7 + k * 2);
            let mut c = Case::new();
            let mut run = |who: Actor, at, command| {
                c.execute(
                    &Request {
                        actor: who,
                        at,
                        command,
                    },
                    p,
                    cal,
                )
                .map(|_| ())
            };
            run(
                Actor::new("pemohon", &[roles::APPLICANT], None),
                filed,
                Command::Submit {
                    case_id: format!("IZN-{week}-{k}"),
                    documents: docs.clone(),
                },
            )?;
            run(
                Actor::new("fo-01", &[roles::FRONT_OFFICE], None),
                filed + chrono::Duration::minutes(5),
                Command::Assign {
                    lane: lanes::TECHNICAL_AGENCY.into(),
                    unit: Some("dinkes".into()),
                    staff: None,
                    reason: None,
                },
            )?;
            let slow = week < 13 && k == 1;
            let checked = filed + chrono::Duration::days(if slow { 7 } else { 1 });
            if checked
                < ptsp::calendar::parse_instant("2026-12-31T15:00:00+07:00").expect("an instant")
            {
                run(
                    Actor::new("v-01", &[roles::VERIFIER], None),
                    checked,
                    Command::complete(steps::VERIFY, outcomes::COMPLETE),
                )?;
            }
            out.push(c);
        }
    }
    Ok(out)
}

fn boxed<E: PtspError + 'static>(e: E) -> Box<dyn PtspError> {
    Box::new(e)
}
