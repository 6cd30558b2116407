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
    let typed = responses(&flat, &def);
    let tally_time = median(|| {
        let mut t = Tally::new(&def);
        for row in flat.chunks_exact(9) {
            t.add_row(black_box(row));
        }
        black_box(t.result(&def, Method::Exact).unwrap());
    });
    let typed_time = median(|| {
        black_box(ikm(&def, black_box(&typed), Method::Exact).unwrap());
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
            let mut t = Tally::new(&def);
            for row in some.chunks_exact(9) {
                t.add_row(row);
            }
            t.result(&def, Method::Exact).unwrap().exact.value
        })
    });
    let typed_some = &typed[..100_000];
    g.bench_function("ikm of 100000 typed responses", |b| {
        b.iter(|| ikm(&def, typed_some, Method::Exact).unwrap().exact.value)
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
