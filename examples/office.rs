//! One working week in a one-stop office (SAMPLE organisation, not the real
//! East Java office): the §4 facilities audit, the §8 staffing check, the
//! §5 competence report, and §6 supervision — permit checks assigned to the
//! verifiers through the office (an unqualified verifier's assignment
//! recorded with its warning), escalations firing day by day and recorded
//! in the cases' logs, a division head's instruction authorised by the line
//! of command, and the worklists of two superiors.
//!
//! ```sh
//! cargo run --example office            # Bahasa Indonesia
//! cargo run --example office -- en      # English
//! ```

use std::collections::BTreeMap;
use std::process::ExitCode;

use ptsp::case::Directive;
use ptsp::office::{
    Checklist, Control, Inventory, Office, Organisation, Requirement, SectorStatus,
    StaffingSettings, audit, competence_report, staffing,
};
use ptsp::procedure::builtin::permit::{lanes, roles};
use ptsp::{
    Actor, Calendar, Case, Command, EventKind, Lang, Procedure, PtspError, Request,
    SubmittedDocument,
};

/// The SAMPLE organisation and requirements shared with the test suites.
const SAMPLE: &str = include_str!("../tests/fixtures/office/organisation.json");

fn main() -> ExitCode {
    let lang = if std::env::args().any(|a| a == "en") {
        Lang::En
    } else {
        Lang::Id
    };
    match run(lang) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!(
                "error [{}]: {}",
                e.code(),
                PtspError::message(e.as_ref(), lang)
            );
            ExitCode::FAILURE
        }
    }
}

fn run(lang: Lang) -> Result<(), Box<dyn PtspError>> {
    let t = |id: &'static str, en: &'static str| if lang == Lang::Id { id } else { en };
    let sample: serde_json::Value = serde_json::from_str(SAMPLE).expect("the sample is JSON");
    let org = Organisation::from_json(&sample["organisation"].to_string()).map_err(boxed)?;
    let reqs: Vec<Requirement> =
        serde_json::from_value(sample["requirements"].clone()).expect("the sample's requirements");
    let (p, cal) = (Procedure::jatim_permit(), Calendar::jatim());
    let day = |s: &str| s.parse().expect("a date");
    let at = |s: &str| ptsp::calendar::parse_instant(s).expect("an instant");

    println!(
        "== {} ==",
        t("Sarana dan prasarana (§4)", "Facilities (§4)")
    );
    let inventory = Inventory::from_json(
        r#"{"office": "sample-dpmptsp", "as_of": "2026-12-21", "entries": [
        {"item": "file_processing_room", "present": true, "condition": "good"},
        {"item": "server_room", "present": true, "condition": "good"},
        {"item": "archive_room", "present": true, "condition": "fair"},
        {"item": "bank_payment_room", "present": true},
        {"item": "meeting_room", "present": true}, {"item": "guest_room", "present": true},
        {"item": "security_room", "present": true}, {"item": "pantry", "present": true},
        {"item": "head_of_office_room", "present": true}, {"item": "section_head_room", "present": true},
        {"item": "parking", "present": true}, {"item": "prayer_room", "present": true},
        {"item": "generator_house", "present": true, "condition": "unusable"},
        {"item": "toilets", "present": true},
        {"item": "computers", "present": true, "count": 40}, {"item": "printers_plotters", "present": true},
        {"item": "server_computer", "present": true}, {"item": "scanner", "present": true},
        {"item": "furniture", "present": true}, {"item": "telephone", "present": true},
        {"item": "fax", "present": false}, {"item": "operational_vehicles", "present": true},
        {"item": "information_board", "present": true}, {"item": "cctv", "present": true, "condition": "poor"},
        {"item": "archive_cabinets", "present": true}, {"item": "ikm_touchscreen", "present": true},
        {"item": "wifi", "present": true}, {"item": "stationery", "present": true},
        {"item": "cleaning_supplies", "present": true}]}"#,
    )
    .map_err(boxed)?;
    let a = audit(&Checklist::jatim(), &inventory, &Default::default()).map_err(boxed)?;
    println!(
        "{}: {:.1}% ({} {}, {} {}, {} {})",
        t("kepatuhan", "compliance"),
        a.compliance,
        a.present,
        t("ada", "present"),
        a.inadequate,
        t("tidak memadai", "inadequate"),
        a.missing,
        t("tidak ada", "missing"),
    );
    for line in a.lines.iter().filter(|l| !l.reasons.is_empty()) {
        println!("  {}: {}", line.name.get(lang), line.reasons[0].get(lang));
    }

    println!(
        "\n== {} ==",
        t(
            "Jumlah pelaksana (§8), 21 Desember 2026",
            "Staffing (§8), 21 December 2026"
        )
    );
    let open = BTreeMap::from([("kesehatan".to_owned(), 12), ("perhubungan".to_owned(), 4)]);
    let r = staffing(
        &org,
        &StaffingSettings::default(),
        &reqs,
        day("2026-12-21"),
        &open,
    )
    .map_err(boxed)?;
    for s in &r.sectors {
        let load = s.load.map_or("-".to_owned(), |l| format!("{l:.1}"));
        let status = match s.status {
            SectorStatus::Short => t("kurang", "short"),
            SectorStatus::Single => t("hanya satu orang", "one person only"),
            SectorStatus::Staffed => t("cukup", "staffed"),
        };
        println!(
            "  {:<12} {status:<17} {}: {}; {}: {load}",
            s.sector,
            t("pemroses", "processors"),
            s.processors.join(", "),
            t("beban", "load")
        );
    }

    println!(
        "\n== {} ==",
        t(
            "Kompetensi verifikator kesehatan (§5)",
            "Competence of the health verifiers (§5)"
        )
    );
    let c = competence_report(
        &org,
        &reqs,
        "verifikator",
        Some("kesehatan"),
        day("2026-12-21"),
        60,
    )
    .map_err(boxed)?;
    println!(
        "  {}: {}",
        t("memenuhi", "qualified"),
        c.qualified.join(", ")
    );
    for u in &c.unqualified {
        let why: Vec<&str> = u.shortfalls.iter().map(|s| s.why.get(lang)).collect();
        println!("  {}: {}", u.staff, why.join("; "));
    }
    for x in &c.expiring {
        println!(
            "  {} {} {} ({} {})",
            x.staff,
            x.certificate,
            x.valid_until,
            x.days_left,
            t("hari", "days")
        );
    }

    println!(
        "\n== {} ==",
        t(
            "Pengawasan atasan langsung (§6), satu minggu",
            "Supervision by the direct superior (§6), one week"
        )
    );
    let docs: Vec<SubmittedDocument> = ["surat_permohonan", "ktp", "nib", "npwp", "dokumen_teknis"]
        .map(|c| SubmittedDocument::new(c, "pdf", 250_000))
        .to_vec();
    let office = Office::new(org.clone(), reqs.clone()).map_err(boxed)?;
    let applicant = Actor::new("pemohon-1", &[roles::APPLICANT], None);
    // The front desk's system account (not a member of the organisation).
    let front = Actor::new("fo-01", &[roles::FRONT_OFFICE], None);
    let mut cases = Vec::new();
    for (i, (filed, verifier)) in [
        ("2026-12-14T09:00:00+07:00", "s-01"),
        ("2026-12-16T10:00:00+07:00", "s-02"),
        ("2026-12-17T13:00:00+07:00", "s-03"),
    ]
    .into_iter()
    .enumerate()
    {
        let mut c = Case::new();
        for (when, who, command) in [
            (
                at(filed),
                &applicant,
                Command::Submit {
                    case_id: format!("IZN-{}", i + 1),
                    documents: docs.clone(),
                },
            ),
            (
                at(filed) + chrono::Duration::minutes(20),
                &front,
                Command::Assign {
                    lane: lanes::OFFICE.into(),
                    unit: None,
                    staff: Some(verifier.into()),
                    reason: None,
                },
            ),
        ] {
            let events = office
                .execute(
                    &mut c,
                    &Request {
                        actor: who.clone(),
                        at: when,
                        command,
                    },
                    &p,
                    &cal,
                )
                .map_err(boxed)?;
            for e in &events {
                if let EventKind::Assigned {
                    staff: Some(staff),
                    warnings,
                    ..
                } = &e.kind
                    && !warnings.is_empty()
                {
                    let why: Vec<&str> = warnings.iter().map(|w| w.get(lang)).collect();
                    println!(
                        "  {} {staff} {}: {}",
                        c.id,
                        t("ditugaskan dengan peringatan", "assigned with a warning"),
                        why.join("; ")
                    );
                }
            }
        }
        cases.push(c);
    }
    let control = |c: Control| match c {
        Control::Preventive => t("preventif", "preventive"),
        Control::Repressive => t("represif", "repressive"),
    };
    let mut last = Vec::new();
    for d in [
        "2026-12-21",
        "2026-12-22",
        "2026-12-23",
        "2026-12-28",
        "2026-12-29",
    ] {
        let now = at(&format!("{d}T15:00:00+07:00"));
        println!("  {d} 15:00");
        let mut today = Vec::new();
        for c in &mut cases {
            let due = office.escalations(c, &p, &cal, now).map_err(boxed)?;
            // The backend records what is due and not yet in the log.
            for e in due.iter().filter(|e| !e.recorded) {
                let record = Command::Escalate {
                    step: e.step.clone(),
                    control: e.control,
                    level: e.level,
                };
                office
                    .execute(
                        c,
                        &Request {
                            actor: front.clone(),
                            at: now,
                            command: record,
                        },
                        &p,
                        &cal,
                    )
                    .map_err(boxed)?;
                println!(
                    "    {} {} → {} ({} {}, {}): {}",
                    e.case,
                    e.assignee,
                    e.position,
                    t("tingkat", "level"),
                    e.level,
                    control(e.control),
                    e.reason.get(lang)
                );
            }
            today.extend(due);
        }
        last = today;
    }
    // The division head gives an instruction on the first case: allowed
    // because their position is above the verifier assigned to it.
    let kabid = office.actor("s-05", day("2026-12-29")).map_err(boxed)?;
    let events = office
        .execute(
            &mut cases[0],
            &Request {
                actor: kabid,
                at: at("2026-12-29T15:30:00+07:00"),
                command: Command::Supervise {
                    directive: Directive::Instruction,
                    text: "Selesaikan pemeriksaan hari ini.".into(),
                },
            },
            &p,
            &cal,
        )
        .map_err(boxed)?;
    if let Some(EventKind::Supervised {
        position,
        subordinate,
        level,
        text,
        ..
    }) = events.first().map(|e| &e.kind)
    {
        println!(
            "  IZN-1: {} {position} → {subordinate} ({} {level}): {text}",
            t("arahan", "instruction"),
            t("tingkat", "level"),
        );
    }
    println!(
        "  IZN-1: {} {}",
        cases[0].events,
        t(
            "peristiwa di log, termasuk eskalasi dan arahan",
            "events in the log, escalations and the instruction included"
        )
    );
    for position in ["kasi-verifikasi", "kabid-pelayanan"] {
        println!("  {} {position}:", t("daftar kerja", "worklist of"));
        for e in office.worklist(position, &last) {
            println!(
                "    {} {} ({} {}, {})",
                e.case,
                e.step,
                t("tingkat", "level"),
                e.level,
                control(e.control)
            );
        }
    }
    Ok(())
}

fn boxed<E: PtspError + 'static>(e: E) -> Box<dyn PtspError> {
    Box::new(e)
}
