//! Case engine benchmarks (criterion): replaying event logs, and SLA
//! evaluation over many synthetic cases of about 8 events each.

use std::hint::black_box;

use chrono::Duration;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ptsp::{
    Actor, Calendar, Case, Command, CorrectionReason, Event, Procedure, Request, SubmittedDocument,
};

/// `n` synthetic permit cases: submit, correction round, check, routing,
/// recommendation, approval, print — 8 events each, spread over 2026.
fn logs(n: usize) -> Vec<Vec<Event>> {
    let (p, cal) = (Procedure::jatim_permit(), Calendar::jatim());
    let docs: Vec<SubmittedDocument> = ["surat_permohonan", "ktp", "nib", "npwp", "dokumen_teknis"]
        .map(|c| SubmittedDocument::new(c, "pdf", 10_000))
        .to_vec();
    let base = ptsp::calendar::parse_instant("2026-01-05T08:00:00+07:00").unwrap();
    let step = Command::complete;
    (0..n)
        .map(|i| {
            let mut at = base + Duration::minutes((i as i64 * 37) % (300 * 24 * 60));
            let script = [
                (
                    "p-1",
                    "pemohon",
                    None,
                    Command::Submit {
                        case_id: format!("IZN-{i}"),
                        documents: docs.clone(),
                    },
                ),
                (
                    "v-1",
                    "verifikator",
                    None,
                    Command::ReturnForCorrection {
                        step: "pemeriksaan".into(),
                        reasons: vec![CorrectionReason {
                            document: "ktp".into(),
                            reason: "buram".into(),
                        }],
                    },
                ),
                (
                    "p-1",
                    "pemohon",
                    None,
                    Command::Resubmit {
                        documents: docs.clone(),
                    },
                ),
                (
                    "f-1",
                    "front_office",
                    None,
                    Command::Assign {
                        lane: "opd_teknis".into(),
                        unit: Some("dinkes".into()),
                        staff: None,
                        reason: None,
                    },
                ),
                ("v-1", "verifikator", None, step("pemeriksaan", "lengkap")),
                (
                    "o-1",
                    "opd_teknis",
                    Some("dinkes"),
                    output(step("rekomendasi", "direkomendasikan"), "rekomendasi"),
                ),
                (
                    "k-1",
                    "pejabat_berwenang",
                    None,
                    step("persetujuan", "disetujui"),
                ),
                (
                    "f-1",
                    "front_office",
                    None,
                    output(step("cetak", "dicetak"), "izin"),
                ),
            ];
            let mut case = Case::new();
            let mut log = Vec::new();
            for (k, (id, role, unit, command)) in script.into_iter().enumerate() {
                at += Duration::hours(3 + (i as i64 + k as i64) % 20);
                let req = Request {
                    actor: Actor::new(id, &[role], unit),
                    at,
                    command,
                };
                log.extend(case.execute(&req, &p, &cal).unwrap());
            }
            log
        })
        .collect()
}

fn cases(c: &mut Criterion) {
    let logs = logs(1000);
    let events: usize = logs.iter().map(Vec::len).sum();
    let mut g = c.benchmark_group("cases");
    g.throughput(Throughput::Elements(events as u64));
    g.bench_function("replay 1000 logs (events/s)", |b| {
        b.iter(|| {
            for log in &logs {
                black_box(Case::replay_trusted(black_box(log)).unwrap());
            }
        })
    });
    let p = Procedure::jatim_permit();
    g.bench_function(
        "replay 1000 logs, checked against the procedure (events/s)",
        |b| {
            b.iter(|| {
                for log in &logs {
                    black_box(Case::replay(black_box(log), &p).unwrap());
                }
            })
        },
    );
    let folded: Vec<Case> = logs.iter().map(|l| Case::replay(l, &p).unwrap()).collect();
    let cal = Calendar::jatim();
    let now = ptsp::calendar::parse_instant("2026-12-01T10:00:00+07:00").unwrap();
    g.throughput(Throughput::Elements(folded.len() as u64));
    g.bench_function("sla evaluate 1000 cases (cases/s)", |b| {
        b.iter(|| {
            for case in &folded {
                black_box(ptsp::sla::evaluate(black_box(case), &p, &cal, now).unwrap());
            }
        })
    });
    g.finish();
}

criterion_group!(benches, cases);
criterion_main!(benches);

/// A completion recording the document the step produced.
fn output(c: Command, kind: &str) -> Command {
    let kind = serde_json::from_value(serde_json::json!(kind)).unwrap();
    let date = ptsp::calendar::parse_date("2026-01-01").unwrap();
    c.with_output(ptsp::OutputRecord::new(kind, "503/1/2026", date))
}
