//! A full permit lifecycle on the East Java procedure (seed §3), with one
//! correction round, printed as a timeline with deadlines and SLA status.
//!
//! ```text
//! cargo run --example permit_lifecycle              # Bahasa Indonesia
//! cargo run --example permit_lifecycle -- --lang en
//! ```

use std::process::ExitCode;

use ptsp::procedure::builtin::permit::{lanes, outcomes, roles, steps};
use ptsp::sla::{self, evaluate};
use ptsp::{
    Actor, Calendar, Case, Command, CorrectionReason, Lang, OutputKind, OutputRecord, Procedure,
    Request, SubmittedDocument,
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

fn run(lang: Lang) -> ptsp::Result<()> {
    let t = |id: &'static str, en: &'static str| if lang == Lang::Id { id } else { en };
    let (p, cal) = (Procedure::jatim_permit(), Calendar::jatim());
    let docs: Vec<SubmittedDocument> = ["surat_permohonan", "ktp", "nib", "npwp", "dokumen_teknis"]
        .map(|c| SubmittedDocument::new(c, "pdf", 250_000))
        .to_vec();
    let applicant = Actor::new("pemohon-0412", &[roles::APPLICANT], None);
    let verifier = Actor::new("verifikator-02", &[roles::VERIFIER], None);
    let front = Actor::new("fo-01", &[roles::FRONT_OFFICE], None);
    let agency = Actor::new("dinkes-07", &[roles::TECHNICAL_AGENCY], Some("dinkes"));
    let official = Actor::new("kabid-01", &[roles::AUTHORISED_OFFICIAL], None);
    let step = Command::complete;
    let script = [
        (
            "2026-12-21T09:00:00+07:00",
            &applicant,
            Command::Submit {
                case_id: "IZN-2026-0412".into(),
                documents: docs.clone(),
            },
        ),
        (
            "2026-12-22T10:00:00+07:00",
            &verifier,
            Command::ReturnForCorrection {
                step: steps::VERIFY.into(),
                reasons: vec![CorrectionReason {
                    document: "npwp".into(),
                    reason: "Pindaian NPWP tidak terbaca".into(),
                }],
            },
        ),
        (
            "2026-12-23T15:00:00+07:00",
            &applicant,
            Command::Resubmit { documents: docs },
        ),
        (
            "2026-12-28T09:50:00+07:00",
            &verifier,
            step(steps::VERIFY, outcomes::COMPLETE),
        ),
        (
            "2026-12-28T09:55:00+07:00",
            &front,
            Command::Assign {
                lane: lanes::TECHNICAL_AGENCY.into(),
                unit: Some("dinkes".into()),
                staff: None,
                reason: None,
            },
        ),
        (
            "2026-12-28T10:00:00+07:00",
            &verifier,
            step(steps::VERIFY, outcomes::COMPLETE),
        ),
        (
            "2026-12-28T10:05:00+07:00",
            &agency,
            step(steps::RECOMMEND, outcomes::RECOMMENDED),
        ),
        (
            "2026-12-29T09:00:00+07:00",
            &agency,
            step(steps::RECOMMEND, outcomes::RECOMMENDED).with_output(OutputRecord::new(
                OutputKind::Rekomendasi,
                "445/REK/0412/2026",
                ptsp::calendar::parse_date("2026-12-29")?,
            )),
        ),
        (
            "2026-12-31T14:00:00+07:00",
            &official,
            step(steps::APPROVE, outcomes::APPROVED),
        ),
        (
            "2026-12-31T15:00:00+07:00",
            &front,
            step(steps::PRINT, outcomes::PRINTED).with_output(OutputRecord::new(
                OutputKind::Izin,
                "503/IZN/0412/2026",
                ptsp::calendar::parse_date("2026-12-31")?,
            )),
        ),
    ];

    println!(
        "{} — {}",
        p.def().name.get(lang),
        t("lini masa", "timeline")
    );
    let mut case = Case::new();
    let mut log = Vec::new();
    for (at, actor, command) in script {
        let req = Request {
            actor: actor.clone(),
            at: ptsp::calendar::parse_instant(at)?,
            command,
        };
        match case.execute(&req, &p, &cal) {
            Ok(events) => {
                for e in &events {
                    let step = case
                        .current
                        .as_deref()
                        .and_then(|s| p.step(s))
                        .map(|s| s.name.get(lang).to_owned())
                        .unwrap_or_default();
                    print!("{at}  {:<24} {:<14} → {step}", e.kind.name(), actor.id);
                    print!("  [{}]", case.tracking(&p).clock_text(lang));
                    println!();
                }
                log.extend(events);
            }
            Err(e) => println!(
                "{at}  {} {:<14} [{}] {}",
                t("DITOLAK", "REFUSED"),
                actor.id,
                e.code(),
                e.message(lang)
            ),
        }
    }
    assert_eq!(
        Case::replay(&log, &p)?,
        case,
        "replaying the log gives the same case"
    );

    let now = ptsp::calendar::parse_instant("2027-01-04T08:00:00+07:00")?;
    let report = evaluate(&case, &p, &cal, now)?;
    println!("\nSLA @ {now}");
    for s in &report.steps {
        println!(
            "  {:<12} {:<14} due {:<26} {} {:>6.2} h, {} {:>5.2} h",
            s.step,
            serde_json::to_value(s.status)
                .expect("status serializes")
                .as_str()
                .unwrap_or("?")
                .to_owned(),
            s.due.map(|d| d.to_rfc3339()).unwrap_or_else(|| "-".into()),
            t("kerja", "worked"),
            s.elapsed_seconds as f64 / 3600.0,
            t("jeda", "paused"),
            s.paused_seconds as f64 / 3600.0
        );
    }
    for l in &report.lanes {
        println!(
            "  {} {:<12} {:>6.2} h",
            t("lajur", "lane"),
            l.lane,
            l.elapsed_seconds as f64 / 3600.0
        );
    }
    let why = sla::explain(&case, 0, &p, &cal)?;
    println!(
        "\n{}: {} → {} ({} {})",
        t("Tenggat pemeriksaan", "Check deadline"),
        why.first_due.map(|d| d.to_rfc3339()).unwrap_or_default(),
        why.due.map(|d| d.to_rfc3339()).unwrap_or_default(),
        why.pauses.len(),
        t("kali dikembalikan ke pemohon", "correction round(s)")
    );
    if let Some(e) = why.explanation {
        print!("{}", e.render(lang));
    }
    println!(
        "\n{}",
        serde_json::to_string_pretty(&case.tracking(&p)).expect("tracking serializes")
    );
    Ok(())
}
