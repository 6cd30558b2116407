//! Evaluation benchmarks (criterion): the satisfaction index over
//! 1,000,000 respondents — as a flat array of answers through a tally, and
//! as typed responses through `ikm` (validation included). Target from the
//! evaluation issue: under 100 ms. The one-off figures printed before the
//! criterion runs are medians of five.

use std::hint::black_box;
use std::time::Instant as Clock;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ptsp::evaluation::{Method, Response, SurveyDef, Tally, ikm};

/// `n` rows of nine answers from a fixed linear congruential sequence
/// (SAMPLE data), a few left blank.
fn rows(n: usize) -> Vec<u8> {
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    (0..n * 9)
        .map(|_| {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let v = (x >> 59) as u8; // 0..31
            if v == 0 { 0 } else { 1 + v % 4 }
        })
        .collect()
}

fn responses(flat: &[u8], def: &SurveyDef) -> Vec<Response> {
    let date = "2026-11-30".parse().unwrap();
    flat.chunks_exact(9)
        .map(|row| Response {
            id: None,
            date,
            service: None,
            unit: None,
            answers: def
                .elements
                .iter()
                .zip(row)
                .filter(|(_, v)| **v != 0)
                .map(|(e, v)| (e.id.clone(), *v))
                .collect(),
            profile: Default::default(),
        })
        .collect()
}

fn median(mut f: impl FnMut()) -> std::time::Duration {
    let mut times = Vec::new();
    for _ in 0..5 {
        let started = Clock::now();
        f();
        times.push(started.elapsed());
    }
    times.sort();
    times[2]
}

fn bench(c: &mut Criterion) {
    let def = SurveyDef::permenpanrb_14_2017();
    let flat = rows(1_000_000);
    let typed = responses(&flat, def);
    let tally_time = median(|| {
        let mut t = Tally::new(def);
        for row in flat.chunks_exact(9) {
            t.add_row(black_box(row));
        }
        black_box(t.result(def, Method::Exact).unwrap());
    });
    let typed_time = median(|| {
        black_box(ikm(def, black_box(&typed), Method::Exact).unwrap());
    });
    println!(
        "IKM over 1,000,000 respondents: {:.1} ms from an array of answers (tally), {:.0} ms from typed responses (validated)",
        tally_time.as_secs_f64() * 1e3,
        typed_time.as_secs_f64() * 1e3,
    );
    let mut g = c.benchmark_group("evaluation");
    let some = &flat[..100_000 * 9];
    g.throughput(Throughput::Elements(100_000));
    g.bench_function("tally 100000 rows + index", |b| {
        b.iter(|| {
            let mut t = Tally::new(def);
            for row in some.chunks_exact(9) {
                t.add_row(row);
            }
            t.result(def, Method::Exact).unwrap().exact.value
        })
    });
    let typed_some = &typed[..100_000];
    g.bench_function("ikm of 100000 typed responses", |b| {
        b.iter(|| ikm(def, typed_some, Method::Exact).unwrap().exact.value)
    });
    g.finish();
}

criterion_group!(benches, bench, bench_compliance);
criterion_main!(benches);

/// Compliance: `n` permit cases of December 2026 (SAMPLE), each checked on
/// time, late or not yet, bound to one of 50 verifiers.
fn permit_cases(n: usize) -> Vec<ptsp::Case> {
    let templates: Vec<ptsp::Case> = permit_logs()
        .iter()
        .map(|log| ptsp::Case::replay_trusted(log).unwrap())
        .collect();
    (0..n)
        .map(|i| {
            let mut c = templates[i % templates.len()].clone();
            c.id = format!("IZN-{i}");
            if let Some(v) = c.visits.get_mut(1) {
                v.staff = Some(format!("s-{}", i % 50));
            }
            c
        })
        .collect()
}

/// A log that replays to `case`: rebuilt by running the template's
/// commands is costly, so the bench re-serialises the events a case like
/// it produced, under its own id.
fn events_of(case: &ptsp::Case) -> Vec<ptsp::Event> {
    use std::sync::OnceLock;
    static TEMPLATES: OnceLock<Vec<Vec<ptsp::Event>>> = OnceLock::new();
    let all = TEMPLATES.get_or_init(permit_logs);
    let k: usize = case.id.trim_start_matches("IZN-").parse().unwrap_or(0);
    let mut events = all[k % all.len()].clone();
    for e in &mut events {
        e.case = case.id.clone();
        if let ptsp::EventKind::Submitted { case_id, .. } = &mut e.kind {
            *case_id = case.id.clone();
        }
    }
    events
}

/// The event logs of the 60 templates of [`permit_cases`].
fn permit_logs() -> Vec<Vec<ptsp::Event>> {
    use ptsp::procedure::builtin::permit::{lanes, outcomes, roles, steps};
    use ptsp::{Actor, Calendar, Case, Command, Procedure, Request, SubmittedDocument};
    let (p, cal) = (Procedure::jatim_permit(), Calendar::jatim());
    let docs: Vec<SubmittedDocument> = ["surat_permohonan", "ktp", "nib", "npwp", "dokumen_teknis"]
        .map(|c| SubmittedDocument::new(c, "pdf", 10_000))
        .to_vec();
    let base = ptsp::calendar::parse_instant("2026-12-01T08:00:00+07:00").unwrap();
    (0..60i64)
        .map(|k| {
            let filed = base + chrono::Duration::hours(k * 7);
            let mut c = Case::new();
            let mut log = Vec::new();
            let mut run = |who: Actor, when, command| {
                log.extend(
                    c.execute(
                        &Request {
                            actor: who,
                            at: when,
                            command,
                        },
                        &p,
                        &cal,
                    )
                    .unwrap(),
                );
            };
            run(
                Actor::new("p", &[roles::APPLICANT], None),
                filed,
                Command::Submit {
                    case_id: "IZN".into(),
                    documents: docs.clone(),
                },
            );
            run(
                Actor::new("fo", &[roles::FRONT_OFFICE], None),
                filed + chrono::Duration::minutes(5),
                Command::Assign {
                    lane: lanes::OFFICE.into(),
                    unit: None,
                    staff: Some("s-0".into()),
                    reason: None,
                },
            );
            run(
                Actor::new("fo", &[roles::FRONT_OFFICE], None),
                filed + chrono::Duration::minutes(6),
                Command::Assign {
                    lane: lanes::TECHNICAL_AGENCY.into(),
                    unit: Some("dinkes".into()),
                    staff: None,
                    reason: None,
                },
            );
            if k % 3 != 2 {
                run(
                    Actor::new("s-0", &[roles::VERIFIER], None),
                    filed + chrono::Duration::hours(if k % 3 == 0 { 20 } else { 140 }),
                    Command::complete(steps::VERIFY, outcomes::COMPLETE),
                );
            }
            log
        })
        .collect()
}

fn bench_compliance(c: &mut Criterion) {
    use ptsp::evaluation::{Dimension, Period, compliance};
    let (p, cal) = (ptsp::Procedure::jatim_permit(), ptsp::Calendar::jatim());
    let cases = permit_cases(200_000);
    let period = Period {
        from: "2026-12-01".parse().unwrap(),
        to: "2026-12-31".parse().unwrap(),
    };
    let now = ptsp::calendar::parse_instant("2026-12-31T15:00:00+07:00").unwrap();
    let dims = [
        Dimension::Procedure,
        Dimension::Step,
        Dimension::Staff,
        Dimension::Month,
    ];
    let took = median(|| {
        black_box(compliance(&cases, &[&p], &cal, period, now, &dims).unwrap());
    });
    println!(
        "compliance report over 200,000 cases (procedure × step × staff × month): {:.0} ms → 1,000,000 ≈ {:.2} s",
        took.as_secs_f64() * 1e3,
        took.as_secs_f64() * 5.0,
    );
    // The same from stored logs: parsing, replaying, all of it.
    let logs: Vec<Vec<u8>> = cases[..100_000]
        .iter()
        .map(|c| serde_json::to_vec(&events_of(c)).unwrap())
        .collect();
    let parse = median(|| {
        for l in &logs {
            black_box(serde_json::from_slice::<Vec<ptsp::Event>>(l).unwrap());
        }
    });
    let from_logs = |replay| {
        median(|| {
            black_box(
                ptsp::evaluation::compliance_from_logs(
                    &logs,
                    &[&p],
                    &cal,
                    period,
                    now,
                    &dims,
                    replay,
                )
                .unwrap(),
            );
        })
    };
    let whole = from_logs(ptsp::evaluation::Replay::Checked);
    let trusted = from_logs(ptsp::evaluation::Replay::Trusted);
    // Where the time goes: serde_json's scan alone (the floor of any
    // reading), replaying parsed events, checked and trusted.
    let scan = median(|| {
        for l in &logs {
            black_box(serde_json::from_slice::<serde::de::IgnoredAny>(l).unwrap());
        }
    });
    let events: Vec<Vec<ptsp::Event>> = logs
        .iter()
        .map(|l| serde_json::from_slice(l).unwrap())
        .collect();
    let replay = median(|| {
        for e in &events {
            black_box(ptsp::Case::replay(e, &p).unwrap());
        }
    });
    let replay_trusted = median(|| {
        for e in &events {
            black_box(ptsp::Case::replay_trusted(e).unwrap());
        }
    });
    let ms = |d: std::time::Duration| d.as_secs_f64() * 1e3;
    println!(
        "compliance from 100,000 stored logs ({} bytes each on average): checked {:.0} ms ({:.0} cases/s), trusted {:.0} ms ({:.0} cases/s); \
         parsing {:.0} ms (serde_json's scan alone {:.0} ms), replay {:.0} ms checked / {:.0} ms trusted",
        logs.iter().map(Vec::len).sum::<usize>() / logs.len(),
        ms(whole),
        100_000.0 / whole.as_secs_f64(),
        ms(trusted),
        100_000.0 / trusted.as_secs_f64(),
        ms(parse),
        ms(scan),
        ms(replay),
        ms(replay_trusted),
    );
    let some = &cases[..10_000];
    let mut g = c.benchmark_group("compliance");
    g.throughput(Throughput::Elements(some.len() as u64));
    g.bench_function("report over 10000 cases", |b| {
        b.iter(|| {
            compliance(black_box(some), &[&p], &cal, period, now, &dims)
                .unwrap()
                .counted
        })
    });
    g.finish();
}
