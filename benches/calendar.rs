//! Working-day calendar benchmarks (criterion). Every day operation is O(1):
//! `add_working_days` with n = 3 and n = 2000 must cost the same.

use std::hint::black_box;

use chrono::{Duration, NaiveDate};
use criterion::{Criterion, criterion_group, criterion_main};
use ptsp::{Calendar, CalendarDef, DeadlinePolicy, YearEntry, YearStatus};

/// A bench-only calendar covering 2000–2039 (the national holidays of
/// 2023–2027 and no others), so that n = 2000 stays inside coverage.
fn long_calendar() -> Calendar {
    let mut def = CalendarDef::indonesia();
    def.layers[0].years = (2000..2040)
        .map(|year| YearEntry {
            year,
            status: YearStatus::Decreed,
            note: Some("synthetic, for benchmarks only".into()),
        })
        .collect();
    Calendar::new(def).unwrap()
}

/// 1024 dates spread over 2023–2025 (so that n = 2000 stays in coverage).
fn dates() -> Vec<NaiveDate> {
    let start = NaiveDate::from_ymd_opt(2023, 1, 2).unwrap();
    (0..1024)
        .map(|i| start + Duration::days((i * 7919) % 900))
        .collect()
}

fn day_operations(c: &mut Criterion) {
    let cal = Calendar::indonesia();
    let long = long_calendar();
    let ds = dates();
    let mut g = c.benchmark_group("calendar");
    for n in [3i64, 2000] {
        g.bench_function(format!("add_working_days n={n}"), |b| {
            let mut i = 0;
            b.iter(|| {
                i = (i + 1) & 1023;
                let r = long.add_working_days(black_box(ds[i]), black_box(n));
                debug_assert!(r.is_ok());
                black_box(r)
            })
        });
    }
    g.bench_function("add_working_days n=-3", |b| {
        let mut i = 0;
        b.iter(|| {
            i = (i + 1) & 1023;
            black_box(cal.add_working_days(black_box(ds[i]), black_box(-3)))
        })
    });
    g.bench_function("working_days_between", |b| {
        let mut i = 0;
        b.iter(|| {
            i = (i + 1) & 1023;
            black_box(cal.working_days_between(black_box(ds[i]), black_box(ds[(i + 517) & 1023])))
        })
    });
    g.bench_function("is_working_day", |b| {
        let mut i = 0;
        b.iter(|| {
            i = (i + 1) & 1023;
            black_box(cal.is_working_day(black_box(ds[i])))
        })
    });
    let jatim = Calendar::jatim();
    let off = jatim.utc_offset();
    let instants: Vec<_> = ds
        .iter()
        .enumerate()
        .map(|(k, d)| {
            d.and_hms_opt(7 + (k % 11) as u32, (k % 60) as u32, 0)
                .unwrap()
                .and_local_timezone(off)
                .unwrap()
        })
        .collect();
    let policy = DeadlinePolicy::default();
    g.bench_function("deadline n=3", |b| {
        let mut i = 0;
        b.iter(|| {
            i = (i + 1) & 1023;
            black_box(jatim.deadline(black_box(instants[i]), 3, &policy))
        })
    });
    g.bench_function("add_working_time 10h", |b| {
        let mut i = 0;
        b.iter(|| {
            i = (i + 1) & 1023;
            black_box(jatim.add_working_time(black_box(instants[i]), Duration::hours(10)))
        })
    });
    g.bench_function("working_time_between", |b| {
        let mut i = 0;
        b.iter(|| {
            i = (i + 1) & 1023;
            black_box(
                jatim.working_time_between(
                    black_box(instants[i]),
                    black_box(instants[(i + 3) & 1023]),
                ),
            )
        })
    });
    let epoch: Vec<i64> = ds
        .iter()
        .map(|d| (*d - NaiveDate::from_ymd_opt(1970, 1, 1).unwrap()).num_days())
        .collect();
    g.bench_function("add_working_days_batch 1024 n=3", |b| {
        b.iter(|| black_box(cal.add_working_days_batch(black_box(&epoch), &[3])))
    });
    g.finish();
    c.bench_function("Calendar::indonesia (build index)", |b| {
        b.iter(Calendar::indonesia)
    });
}

criterion_group!(benches, day_operations);
criterion_main!(benches);
