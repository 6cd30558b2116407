//! Conformance with the decrees: every decreed day 2023–2027, transcribed
//! here by hand from the SKB 3 Menteri (with amendments) and the 2024
//! election Keppres (sources in `core/data/SOURCES.md`), and the tricky spans
//! the issue names. The Python suite cross-checks the same data against the
//! independent `holidays` package.

use chrono::{Datelike, Duration, NaiveDate};
use ptsp::{Calendar, DeadlinePolicy, HolidayKind, YearStatus};

type Year = (i32, &'static [&'static str], &'static [&'static str]);

/// (year, national holidays, cuti bersama), month-day.
const DECREED: &[Year] = &[
    // 2023: SKB 1066/2022, 3/2022, 3/2022; amended by SKB 327/2023, 1/2023, 1/2023
    // (Idul Fitri cuti bersama) and SKB 624/2023, 2/2023, 2/2023 (Idul Adha).
    (
        2023,
        &[
            "01-01", "01-22", "02-18", "03-22", "04-07", "04-22", "04-23", "05-01", "05-18",
            "06-01", "06-04", "06-29", "07-19", "08-17", "09-28", "12-25",
        ],
        &[
            "01-23", "03-23", "04-19", "04-20", "04-21", "04-24", "04-25", "06-02", "06-28",
            "06-30", "12-26",
        ],
    ),
    // 2024: SKB 855/2023, 3/2023, 4/2023; Keppres 10/2024 (14 Feb), Keppres 33/2024 (27 Nov).
    (
        2024,
        &[
            "01-01", "02-08", "02-10", "02-14", "03-11", "03-29", "03-31", "04-10", "04-11",
            "05-01", "05-09", "05-23", "06-01", "06-17", "07-07", "08-17", "09-16", "11-27",
            "12-25",
        ],
        &[
            "02-09", "03-12", "04-08", "04-09", "04-12", "04-15", "05-10", "05-24", "06-18",
            "12-26",
        ],
    ),
    // 2025: SKB 1017/2024, 2/2024, 2/2024; amended by SKB 933/2025, 1/2025, 3/2025 (18 Aug).
    (
        2025,
        &[
            "01-01", "01-27", "01-29", "03-29", "03-31", "04-01", "04-18", "04-20", "05-01",
            "05-12", "05-29", "06-01", "06-06", "06-27", "08-17", "09-05", "12-25",
        ],
        &[
            "01-28", "03-28", "04-02", "04-03", "04-04", "04-07", "05-13", "05-30", "06-09",
            "08-18", "12-26",
        ],
    ),
    // 2026: SKB 1497/2025, 2/2025, 5/2025.
    (
        2026,
        &[
            "01-01", "01-16", "02-17", "03-19", "03-21", "03-22", "04-03", "04-05", "05-01",
            "05-14", "05-27", "05-31", "06-01", "06-16", "08-17", "08-25", "12-25",
        ],
        &[
            "02-16", "03-18", "03-20", "03-23", "03-24", "05-15", "05-28", "12-24",
        ],
    ),
    // 2027 (provisional: secondary sources): SKB 1205/2026, 3/2026, 2/2026.
    (
        2027,
        &[
            "01-01", "01-05", "02-06", "03-08", "03-10", "03-11", "03-26", "03-28", "05-01",
            "05-06", "05-17", "05-20", "06-01", "06-06", "08-15", "08-17", "12-25", "12-26",
        ],
        &[
            "02-05", "03-09", "03-12", "03-15", "03-25", "05-18", "05-19", "12-24",
        ],
    ),
];

fn date(y: i32, md: &str) -> NaiveDate {
    NaiveDate::parse_from_str(&format!("{y}-{md}"), "%Y-%m-%d").unwrap()
}

#[test]
fn every_decreed_day_is_in_the_built_in_calendar_with_its_kind() {
    let cal = Calendar::indonesia();
    for &(year, national, cuti) in DECREED {
        let listed = cal.holidays(year).unwrap();
        let mut got: Vec<(NaiveDate, HolidayKind)> =
            listed.iter().map(|h| (h.date, h.kind)).collect();
        let mut want: Vec<(NaiveDate, HolidayKind)> = national
            .iter()
            .map(|md| (date(year, md), HolidayKind::NationalHoliday))
            .chain(
                cuti.iter()
                    .map(|md| (date(year, md), HolidayKind::CutiBersama)),
            )
            .collect();
        got.sort();
        want.sort();
        assert_eq!(got, want, "year {year}");
        for h in &listed {
            assert!(
                !h.source.numbers.is_empty(),
                "{} has no decree number",
                h.date
            );
            assert!(h.source.signed.is_some(), "{} has no signing date", h.date);
            assert!(h.non_working);
        }
    }
}

#[test]
fn every_other_weekday_of_2023_to_2027_is_a_working_day() {
    let cal = Calendar::indonesia();
    let mut d = date(2023, "01-01");
    let mut working = 0;
    while d.year() <= 2027 {
        let decreed = DECREED
            .iter()
            .any(|&(y, n, c)| y == d.year() && n.iter().chain(c.iter()).any(|md| date(y, md) == d));
        let weekday = d.weekday().num_days_from_monday() < 5;
        assert_eq!(cal.is_working_day(d).unwrap(), weekday && !decreed, "{d}");
        working += i64::from(weekday && !decreed);
        d += Duration::days(1);
    }
    assert_eq!(
        cal.working_days_between(date(2023, "01-01"), date(2028, "01-01"))
            .unwrap(),
        working
    );
}

#[test]
fn year_statuses_and_coverage() {
    let cal = Calendar::indonesia();
    assert_eq!((cal.coverage().first, cal.coverage().last), (2023, 2027));
    for y in 2023..=2026 {
        assert_eq!(cal.year_status(y), Some(YearStatus::Decreed), "{y}");
    }
    assert_eq!(cal.year_status(2027), Some(YearStatus::Provisional));
    assert_eq!(cal.year_status(2028), None);
}

#[test]
fn amendments_are_recorded_as_the_source_of_the_days_they_added() {
    let cal = Calendar::indonesia();
    let source_of = |d: &str| {
        let d: NaiveDate = d.parse().unwrap();
        cal.holidays(d.year())
            .unwrap()
            .into_iter()
            .find(|h| h.date == d)
            .unwrap()
            .source
    };
    let s = source_of("2023-04-19");
    assert_eq!(s.amends.as_deref(), Some("skb-2023"));
    assert!(
        s.numbers
            .iter()
            .any(|n| n == "Menteri Agama Nomor 327 Tahun 2023")
    );
    let s = source_of("2023-06-28");
    assert!(
        s.numbers
            .iter()
            .any(|n| n == "Menteri Agama Nomor 624 Tahun 2023")
    );
    let s = source_of("2025-08-18");
    assert_eq!(s.amends.as_deref(), Some("skb-2025"));
    let s = source_of("2024-02-14");
    assert_eq!(s.numbers, ["Keputusan Presiden Nomor 10 Tahun 2024"]);
    let s = source_of("2024-11-27");
    assert_eq!(s.numbers, ["Keputusan Presiden Nomor 33 Tahun 2024"]);
    // 26 April 2023 was removed from cuti bersama by the first amendment.
    assert!(cal.is_working_day(date(2023, "04-26")).unwrap());
}

#[test]
fn lebaran_2025() {
    // Nyepi (29 Mar, cuti bersama 28 Mar) runs into Idul Fitri (31 Mar–1 Apr,
    // cuti bersama 2–4 and 7 Apr): Thursday 27 March to Tuesday 8 April.
    let cal = Calendar::jatim();
    assert_eq!(
        cal.next_working_day(date(2025, "03-27")).unwrap(),
        date(2025, "04-08")
    );
    assert_eq!(
        cal.working_days_between(date(2025, "03-28"), date(2025, "04-08"))
            .unwrap(),
        0
    );
    let at = ptsp::calendar::parse_instant("2025-03-27T15:00:00+07:00").unwrap();
    let d = cal.deadline(at, 3, &DeadlinePolicy::default()).unwrap();
    assert_eq!(d.due_at.to_rfc3339(), "2025-04-10T16:00:00+07:00");
    let e = cal
        .explain_deadline(at, 3, &DeadlinePolicy::default())
        .unwrap();
    let skipped = e
        .days
        .iter()
        .filter(|d| d.role == ptsp::DayRole::Skipped)
        .count();
    assert_eq!(skipped, 11);
}

#[test]
fn year_end_2026_to_2027() {
    // 24 Dec cuti bersama, 25 Dec Natal, weekend; 1 Jan New Year, weekend,
    // 5 Jan Isra Mikraj.
    let cal = Calendar::jatim();
    let working: Vec<String> = (0..20)
        .map(|i| date(2026, "12-20") + Duration::days(i))
        .filter(|d| cal.is_working_day(*d).unwrap())
        .map(|d| d.format("%m-%d").to_string())
        .collect();
    assert_eq!(
        working,
        [
            "12-21", "12-22", "12-23", "12-28", "12-29", "12-30", "12-31", "01-04", "01-06",
            "01-07", "01-08"
        ]
    );
    let at = ptsp::calendar::parse_instant("2026-12-23T15:59:59+07:00").unwrap();
    let d = cal.deadline(at, 3, &DeadlinePolicy::default()).unwrap();
    assert!(!d.late_receipt);
    assert_eq!(d.due_date, date(2026, "12-30"));
    let d = cal
        .deadline(at + Duration::seconds(1), 3, &DeadlinePolicy::default())
        .unwrap();
    assert!(d.late_receipt);
    assert_eq!(d.due_date, date(2026, "12-31"));
}

#[test]
fn election_days_2024_are_days_off() {
    let cal = Calendar::indonesia();
    for d in ["2024-02-14", "2024-11-27"] {
        assert!(!cal.is_working_day(d.parse().unwrap()).unwrap(), "{d}");
    }
}
