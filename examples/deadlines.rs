//! The main job: statutory deadlines of the East Java permit procedure for
//! sample applications across the 2026–2027 year end, each explained day by
//! day with the decree behind every day off.
//!
//! ```text
//! cargo run --example deadlines                      # Bahasa Indonesia
//! cargo run --example deadlines -- --lang en         # English
//! cargo run --example deadlines -- --received 2026-12-31T16:10:00+07:00 --days 3
//! ```

use std::process::ExitCode;

use ptsp::{Calendar, DeadlinePolicy, Lang, YearStatus};

/// Seed §3: the PTSP lane's two timed steps, "maksimal 3 hari kerja" each.
const STEPS: [(&str, &str, i64); 2] = [
    (
        "Pemeriksaan kelengkapan dan kebenaran dokumen persyaratan",
        "Checking the required documents for completeness and correctness",
        3,
    ),
    (
        "Persetujuan permohonan izin",
        "Approval of the permit application",
        3,
    ),
];

/// Sample receipts through JOSS around the year end (WIB).
const SAMPLES: [(&str, &str); 4] = [
    ("IZN-2026-0412", "2026-12-22T09:15:00+07:00"),
    ("IZN-2026-0418", "2026-12-23T16:05:00+07:00"),
    ("IZN-2026-0431", "2026-12-31T16:10:00+07:00"),
    ("IZN-2027-0002", "2027-01-02T10:00:00+07:00"),
];

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error [{}]: {e}", e.code());
            ExitCode::FAILURE
        }
    }
}

fn run() -> ptsp::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let lang = match arg("--lang").as_deref() {
        Some("en") => Lang::En,
        _ => Lang::Id,
    };
    let t = |id: &'static str, en: &'static str| if lang == Lang::Id { id } else { en };
    let cal = Calendar::jatim();
    let policy = DeadlinePolicy::default();

    let c = cal.coverage();
    println!(
        "{} {} ({}–{})",
        t("Kalender:", "Calendar:"),
        cal.def().name,
        c.first,
        c.last
    );
    for y in c.first..=c.last {
        if cal.year_status(y) == Some(YearStatus::Provisional) {
            println!(
                "  {} {y}",
                t(
                    "catatan: data hari libur sementara (sumber sekunder) untuk tahun",
                    "note: holiday data is provisional (secondary sources) for"
                )
            );
        }
    }

    let samples: Vec<(String, String, i64)> = match (arg("--received"), arg("--days")) {
        (Some(r), days) => vec![(
            "CLI".into(),
            r,
            days.and_then(|d| d.parse().ok()).unwrap_or(3),
        )],
        (None, _) => SAMPLES
            .iter()
            .map(|(id, r)| (id.to_string(), r.to_string(), STEPS[0].2))
            .collect(),
    };

    for (id, received, days) in samples {
        let received = ptsp::calendar::parse_instant(&received)?;
        println!("\n=== {id} — {} {received}", t("diterima", "received"));
        // Step 2: the document check starts on receipt.
        let check = cal.explain_deadline(received, days, &policy)?;
        println!(
            "-- {} ({} {days} {})",
            t(STEPS[0].0, STEPS[0].1),
            t("maksimal", "at most"),
            t("hari kerja", "working days")
        );
        print!("{}", check.render(lang));
        // Step 4 (approval) starts when the technical agency's recommendation
        // arrives; for the demo, assume it arrives at the check's deadline.
        let approval = cal.deadline(check.deadline.due_at, STEPS[1].2, &policy)?;
        println!(
            "-- {}: {} {}",
            t(STEPS[1].0, STEPS[1].1),
            t(
                "jika rekomendasi OPD Teknis diterima pada tenggat di atas, tenggat persetujuan",
                "if the technical agency's recommendation arrives at that deadline, approval is due"
            ),
            approval.due_at.to_rfc3339()
        );
    }

    // Years nobody has decreed are refused, not guessed …
    let later = ptsp::calendar::parse_instant("2027-12-30T10:00:00+07:00")?;
    let err = cal.deadline(later, 3, &policy).unwrap_err();
    println!(
        "\n{} [{}] {}",
        t("Ditolak:", "Refused:"),
        err.code(),
        err.message(lang)
    );
    // … unless the caller opts in, and then the result says what it assumed.
    let est = cal.assuming_weekends_only().deadline(later, 3, &policy)?;
    println!(
        "{} {} ({} {:?})",
        t(
            "Perkiraan dengan asumsi hanya akhir pekan:",
            "Estimate assuming weekends only:"
        ),
        est.value.due_at.to_rfc3339(),
        t("tahun yang diasumsikan:", "assumed years:"),
        est.assumed
            .iter()
            .map(|s| format!("{}–{}", s.first, s.last))
            .collect::<Vec<_>>()
    );
    Ok(())
}
