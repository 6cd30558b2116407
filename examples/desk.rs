//! The consultation and complaint desk (seed §7): a consultation through the
//! Ya path and through the Tidak path with one "Belum Valid" round, and a
//! complaint that is forwarded to another agency — printed with routing
//! suggestions, figures and per-unit summaries.
//!
//! ```text
//! cargo run --example desk              # Bahasa Indonesia
//! cargo run --example desk -- en
//! ```

use std::process::ExitCode;

use ptsp::desk::figures::{figures, unit_summaries};
use ptsp::desk::form::{FormLimits, TicketKind, WebForm, validate};
use ptsp::{
    Actor, Calendar, Case, Command, Lang, Procedure, ProcedureDef, Request, Router, RoutingInput,
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

type Script<'a> = Vec<(&'a str, &'a Actor, Command)>;

/// Runs a script of requests on a new case, printing each step.
fn run_case(p: &Procedure, cal: &Calendar, lang: Lang, script: Script<'_>) -> ptsp::Result<Case> {
    let mut case = Case::new();
    for (at, actor, command) in script {
        let req = Request {
            actor: actor.clone(),
            at: ptsp::calendar::parse_instant(at)?,
            command,
        };
        match case.execute(&req, p, cal) {
            Ok(events) => {
                for e in events {
                    let now = case
                        .current
                        .as_deref()
                        .and_then(|s| p.step(s))
                        .map(|s| s.name.get(lang).to_owned())
                        .unwrap_or_default();
                    println!("  {at}  {:<24} {:<10} → {now}", e.kind.name(), actor.id);
                }
            }
            Err(e) => println!("  {at}  [{}] {}", e.code(), e.message(lang)),
        }
    }
    Ok(case)
}

fn run(lang: Lang) -> ptsp::Result<()> {
    let t = |id: &'static str, en: &'static str| if lang == Lang::Id { id } else { en };
    let cal = Calendar::jatim();
    let consult = Procedure::new(ProcedureDef::jatim_consultation())?;
    let complain = Procedure::new(ProcedureDef::jatim_complaint())?;
    let asker = Actor::new("penanya-77", &["penanya"], None);
    let operator = Actor::new("operator-1", &["operator"], None);
    let head = Actor::new("kabid-pengaduan", &["kepala_pengaduan"], None);
    let official = Actor::new("pejabat-1", &["pejabat_berwenang"], None);
    let dinkes = Actor::new("petugas-dinkes", &["petugas_unit"], Some("dinkes"));
    let dkp = Actor::new("petugas-dkp", &["petugas_unit"], Some("dkp"));
    let done = |s: &str, o: &str, note: &str| Command::CompleteStep {
        step: s.into(),
        outcome: Some(o.into()),
        note: Some(note.into()),
        tier: None,
        outputs: vec![],
    };
    let submit = |id: &str| Command::Submit {
        case_id: id.into(),
        documents: vec![],
    };
    let assign = |unit: &str| Command::Assign {
        lane: "unit".into(),
        unit: Some(unit.into()),
        staff: None,
        reason: None,
    };

    // The web form, checked by the same validator the browser runs, then
    // routed by the (sample) rule set.
    let today = ptsp::calendar::parse_date("2026-12-21")?;
    let bad = WebForm::new(TicketKind::Complaint, "B", "Izin", "Kapal")
        .with_nik("3578011234560000")
        .with_phone("0812-34");
    match validate(&bad, &FormLimits::default(), today) {
        Ok(_) => println!("?"),
        Err(e) => {
            println!("{}:", t("Formulir ditolak", "Form refused"));
            for p in e.problems() {
                println!("  {:<10} {:<24} {}", p.path, p.code, p.text(lang));
            }
        }
    }
    let form = WebForm::new(
        TicketKind::Consultation,
        "Siti Aminah",
        "Perpanjangan izin usaha perikanan tangkap",
        "Kapan paling lambat perpanjangan izin usaha perikanan tangkap kapal kami diajukan?",
    )
    .with_phone("0812-3456-7890");
    let valid = validate(&form, &FormLimits::default(), today)?;
    let router = Router::sample();
    println!("\n{}:", t("Saran tujuan distribusi", "Routing suggestions"));
    for s in router.suggest(&RoutingInput::from(&valid)).iter().take(3) {
        let why: Vec<String> = s.reasons.iter().map(|r| r.text(lang)).collect();
        println!("  {:<10} {}", s.unit, why.join("; "));
    }

    println!("\n== {} (Ya)", consult.def().name.get(lang));
    let ya = run_case(
        &consult,
        &cal,
        lang,
        vec![
            (
                "2026-12-21T09:00:00+07:00",
                &asker,
                submit("KONS-2026-1201"),
            ),
            (
                "2026-12-21T09:30:00+07:00",
                &operator,
                done(
                    "klasifikasi",
                    "ya",
                    "Izin berlaku 5 tahun dan dapat diperpanjang melalui JOSS.",
                ),
            ),
            (
                "2026-12-21T10:00:00+07:00",
                &operator,
                done("validasi_operator", "valid", ""),
            ),
            (
                "2026-12-21T10:05:00+07:00",
                &head,
                done("validasi_operator", "valid", ""),
            ),
            (
                "2026-12-21T10:30:00+07:00",
                &official,
                done("penyampaian", "disampaikan", ""),
            ),
        ],
    )?;

    println!("\n== {} (Tidak, Belum Valid)", consult.def().name.get(lang));
    let tidak = run_case(
        &consult,
        &cal,
        lang,
        vec![
            (
                "2026-12-21T09:00:00+07:00",
                &asker,
                submit("KONS-2026-1202"),
            ),
            (
                "2026-12-21T09:30:00+07:00",
                &operator,
                done("klasifikasi", "tidak", "Perlu jawaban teknis"),
            ),
            ("2026-12-21T10:00:00+07:00", &head, assign("dinkes")),
            (
                "2026-12-21T10:01:00+07:00",
                &head,
                done("distribusi", "didistribusikan", ""),
            ),
            (
                "2026-12-21T11:00:00+07:00",
                &dkp,
                done("jawab", "dijawab", ""),
            ),
            (
                "2026-12-21T13:00:00+07:00",
                &dinkes,
                done("jawab", "bukan_kewenangan", "Perizinan perikanan"),
            ),
            ("2026-12-21T13:30:00+07:00", &head, assign("dkp")),
            (
                "2026-12-21T13:31:00+07:00",
                &head,
                done("distribusi", "didistribusikan", ""),
            ),
            (
                "2026-12-22T09:00:00+07:00",
                &dkp,
                done(
                    "jawab",
                    "dijawab",
                    "Diajukan 3 bulan sebelum izin berakhir.",
                ),
            ),
            (
                "2026-12-22T10:00:00+07:00",
                &head,
                done("validasi", "belum_valid", "Lengkapi dasar hukumnya"),
            ),
            (
                "2026-12-22T14:00:00+07:00",
                &dkp,
                done(
                    "jawab",
                    "dijawab",
                    "Diajukan 3 bulan sebelum izin berakhir (dasar hukum terlampir).",
                ),
            ),
            (
                "2026-12-22T15:10:00+07:00",
                &head,
                done("validasi", "valid", ""),
            ),
            (
                "2026-12-22T15:30:00+07:00",
                &official,
                done("penyampaian", "disampaikan", ""),
            ),
        ],
    )?;

    println!("\n== {}", complain.def().name.get(lang));
    let complainant = Actor::new("pelapor-9", &["penanya"], None);
    let forwarded = run_case(
        &complain,
        &cal,
        lang,
        vec![
            (
                "2026-12-21T09:00:00+07:00",
                &complainant,
                submit("ADU-2026-0301"),
            ),
            (
                "2026-12-21T10:00:00+07:00",
                &operator,
                done(
                    "verifikasi",
                    "bukan_kewenangan",
                    "Diteruskan ke Pemerintah Kota Surabaya",
                ),
            ),
        ],
    )?;

    println!(
        "\n== {} ({})",
        complain.def().name.get(lang),
        t("diterima tanpa tanggapan", "accepted by silence")
    );
    let verify = Command::CompleteStep {
        step: "verifikasi".into(),
        outcome: Some("terverifikasi".into()),
        note: None,
        tier: Some("tinggi".into()),
        outputs: vec![],
    };
    let mut silent = run_case(
        &complain,
        &cal,
        lang,
        vec![
            (
                "2026-12-21T09:00:00+07:00",
                &complainant,
                submit("ADU-2026-0302"),
            ),
            ("2026-12-21T09:30:00+07:00", &operator, verify),
            ("2026-12-21T09:40:00+07:00", &head, assign("dkp")),
            (
                "2026-12-21T09:41:00+07:00",
                &head,
                done("distribusi", "didistribusikan", ""),
            ),
            (
                "2026-12-21T11:00:00+07:00",
                &dkp,
                done("jawab", "dijawab", "Izin kapal Anda terbit hari ini."),
            ),
            (
                "2026-12-21T11:30:00+07:00",
                &head,
                done("validasi", "valid", ""),
            ),
            (
                "2026-12-21T12:00:00+07:00",
                &official,
                done("penyampaian", "disampaikan", ""),
            ),
        ],
    )?;
    // Nobody confirms: once the window has passed, the SLA report says so
    // and the backend records the lapse.
    let later = ptsp::calendar::parse_instant("2026-12-31T08:00:00+07:00")?;
    let report = ptsp::sla::evaluate(&silent, &complain, &cal, later)?;
    for due in &report.due_events {
        println!(
            "  {}  {}: {}",
            later.to_rfc3339(),
            t("jatuh tempo", "due"),
            serde_json::to_string(due).unwrap_or_default()
        );
    }
    println!(
        "  {}  {}: {}",
        later.to_rfc3339(),
        t("jam tingkat kantor", "office tier clock"),
        serde_json::to_string(&report.case.due_status).unwrap_or_default()
    );
    silent.execute(
        &Request {
            actor: operator.clone(),
            at: later,
            command: Command::Lapse {
                step: "konfirmasi".into(),
            },
        },
        &complain,
        &cal,
    )?;
    println!(
        "  {}  lapse → {}",
        later.to_rfc3339(),
        serde_json::to_string(&silent.status).unwrap_or_default()
    );

    let suggest = Procedure::jatim_suggestion();
    println!("\n== {}", suggest.def().name.get(lang));
    let giver = Actor::new("warga-5", &["penanya"], None);
    let suggestion = run_case(
        &suggest,
        &cal,
        lang,
        vec![
            ("2026-12-21T09:00:00+07:00", &giver, submit("SRN-2026-0001")),
            (
                "2026-12-21T09:10:00+07:00",
                &operator,
                done("terima", "diteruskan", ""),
            ),
            ("2026-12-21T09:20:00+07:00", &head, assign("dinkes")),
            (
                "2026-12-21T09:21:00+07:00",
                &head,
                done("distribusi", "didistribusikan", ""),
            ),
            (
                "2026-12-21T11:00:00+07:00",
                &dinkes,
                done("tanggapi", "ditanggapi", "Jam layanan diperpanjang."),
            ),
        ],
    )?;

    let now = ptsp::calendar::parse_instant("2026-12-31T12:00:00+07:00")?;
    println!("\n{}", t("Angka per tiket", "Figures per ticket"));
    for (p, case) in [
        (&consult, &ya),
        (&consult, &tidak),
        (&complain, &forwarded),
        (&complain, &silent),
        (&suggest, &suggestion),
    ] {
        let f = figures(case, p, &cal, now)?;
        println!(
            "  {:<16} {:<22} {} {:>5.2} h  {} {:>5.2} h  {} {}  {} {}",
            f.case_id,
            serde_json::to_string(&f.status).unwrap_or_default(),
            t("respons pertama", "first response"),
            f.first_response_seconds.unwrap_or(0) as f64 / 3600.0,
            t("selesai", "resolved"),
            f.resolution_seconds.unwrap_or(0) as f64 / 3600.0,
            t("putaran validasi", "validation loops"),
            f.validation_loops,
            t("redistribusi", "redistributions"),
            f.redistributions
        );
    }
    println!("\n{}", t("Ringkasan per unit", "Per-unit summary"));
    for u in unit_summaries(&[ya, tidak], &consult, &cal, now)? {
        println!(
            "  {:<8} {} {}  {} {}  {} {}  {} {}",
            u.unit,
            t("tiket", "tickets"),
            u.tickets,
            t("dijawab", "answered"),
            u.answered,
            t("bukan kewenangan", "not ours"),
            u.not_ours,
            t("dikembalikan", "sent back"),
            u.sent_back
        );
    }
    Ok(())
}
