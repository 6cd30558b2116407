//! Laws of the working-day calendar, checked with proptest against a slow,
//! obviously-correct day-by-day model on random calendars.

use std::collections::BTreeSet;

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, TimeZone, Timelike, Weekday};
use proptest::prelude::*;
use ptsp::{
    Break, Calendar, CalendarDef, ClockTime, DayHours, DeadlinePolicy, ExtraWorkingDay, Holiday,
    HolidayKind, HolidayLayer, IcalImport, OfficeHours, Source, Weekmask, YearEntry, YearStatus,
};

const FIRST: i32 = 2024;
const LAST: i32 = 2025;

fn first_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(FIRST, 1, 1).unwrap()
}

fn end_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(LAST + 1, 1, 1).unwrap()
}

fn clock(secs: u32) -> ClockTime {
    ClockTime::from_seconds(secs).unwrap()
}

/// A random valid calendar over FIRST..=LAST.
fn calendar_def() -> impl Strategy<Value = CalendarDef> {
    (
        prop::array::uniform7(any::<bool>())
            .prop_filter("a working weekday", |m| m.contains(&true)),
        prop::collection::btree_set((0u32..730, 0usize..4), 0..60),
        prop::collection::btree_set(0u32..730, 0..10),
        prop::collection::vec(any::<bool>(), 4),
        prop::array::uniform7((6u32..10, 13u32..18, any::<bool>())),
        prop::sample::select(vec!["+07:00", "+08:00", "+09:00"]),
    )
        .prop_map(|(mask, hol, extra, kinds, hours, offset)| {
            let date = |i: u32| first_day() + Duration::days(i64::from(i));
            let all_kinds = HolidayKind::ALL;
            let non_working: Vec<HolidayKind> = all_kinds
                .iter()
                .zip(&kinds)
                .filter(|(_, on)| **on)
                .map(|(k, _)| *k)
                .collect();
            let holidays: Vec<Holiday> = hol
                .iter()
                .map(|&(i, k)| Holiday {
                    date: date(i),
                    name: format!("Libur {i}, uji; \"kutip\""),
                    name_en: None,
                    kind: all_kinds[k],
                    source: "s".into(),
                })
                .collect();
            let off: BTreeSet<NaiveDate> = holidays
                .iter()
                .filter(|h| non_working.contains(&h.kind))
                .map(|h| h.date)
                .collect();
            let extra: Vec<ExtraWorkingDay> = extra
                .iter()
                .map(|&i| date(i))
                .filter(|d| !off.contains(d))
                .map(|d| ExtraWorkingDay {
                    date: d,
                    name: "masuk".into(),
                    source: None,
                })
                .collect();
            let dh = |(open, close, brk): (u32, u32, bool)| DayHours {
                open: clock(open * 3600),
                close: clock(close * 3600 + 1800),
                breaks: if brk {
                    vec![Break {
                        start: clock(12 * 3600),
                        end: clock(12 * 3600 + 2700),
                    }]
                } else {
                    vec![]
                },
            };
            CalendarDef {
                id: "acak".into(),
                name: "random".into(),
                weekmask: Weekmask(mask),
                non_working_kinds: non_working,
                layers: vec![HolidayLayer {
                    id: "l".into(),
                    name: "l".into(),
                    sources: vec![Source {
                        id: "s".into(),
                        title: "Sumber uji, nomor 1; tahun 2024".into(),
                        numbers: vec!["Nomor 1".into()],
                        signed: NaiveDate::from_ymd_opt(2023, 9, 1),
                        amends: None,
                        note: None,
                    }],
                    years: (FIRST..=LAST)
                        .map(|year| YearEntry {
                            year,
                            status: YearStatus::Decreed,
                            note: None,
                        })
                        .collect(),
                    holidays,
                }],
                extra_working_days: extra,
                office_hours: Some(OfficeHours {
                    mon: Some(dh(hours[0])),
                    tue: Some(dh(hours[1])),
                    wed: Some(dh(hours[2])),
                    thu: Some(dh(hours[3])),
                    fri: Some(dh(hours[4])),
                    sat: Some(dh(hours[5])),
                    sun: Some(dh(hours[6])),
                    note: None,
                }),
                utc_offset: offset.into(),
            }
        })
}

/// The obviously-correct model: one day at a time.
struct Model {
    def: CalendarDef,
}

impl Model {
    fn covered(&self, d: NaiveDate) -> bool {
        d >= first_day() && d < end_day()
    }
    fn working(&self, d: NaiveDate) -> bool {
        let wd = d.weekday().num_days_from_monday() as usize;
        if !self.covered(d) {
            return self.def.weekmask.0[wd];
        }
        let off = self.def.layers[0]
            .holidays
            .iter()
            .any(|h| h.date == d && self.def.non_working_kinds.contains(&h.kind));
        let extra = self.def.extra_working_days.iter().any(|x| x.date == d);
        (self.def.weekmask.0[wd] && !off) || extra
    }
    fn add(&self, mut d: NaiveDate, mut n: i64) -> NaiveDate {
        let step = if n >= 0 { 1 } else { -1 };
        while !self.working(d) {
            d += Duration::days(step);
        }
        while n != 0 {
            d += Duration::days(step);
            if self.working(d) {
                n -= step;
            }
        }
        d
    }
    /// numpy ≥ 1.25: [a, b), or minus (b, a] when b < a.
    fn between(&self, a: NaiveDate, b: NaiveDate) -> i64 {
        let one = Duration::days(1);
        let (lo, hi, sign) = if a <= b {
            (a, b, 1)
        } else {
            (b + one, a + one, -1)
        };
        let mut n = 0;
        let mut d = lo;
        while d < hi {
            n += i64::from(self.working(d));
            d += Duration::days(1);
        }
        sign * n
    }
    fn hours(&self, d: NaiveDate) -> &DayHours {
        let h = self.def.office_hours.as_ref().unwrap();
        h.day(d.weekday()).unwrap()
    }
    /// Working seconds of day `d` before `secs` after midnight.
    fn worked(&self, d: NaiveDate, secs: i64) -> i64 {
        if !self.working(d) {
            return 0;
        }
        let h = self.hours(d);
        let mut total = 0;
        let mut spans = vec![(i64::from(h.open.seconds()), i64::from(h.close.seconds()))];
        for b in &h.breaks {
            let (bs, be) = (i64::from(b.start.seconds()), i64::from(b.end.seconds()));
            spans = spans
                .into_iter()
                .flat_map(|(a, z)| {
                    if be <= a || bs >= z {
                        vec![(a, z)]
                    } else {
                        vec![(a, bs), (be, z)]
                    }
                })
                .filter(|(a, z)| z > a)
                .collect();
        }
        for (a, z) in spans {
            total += secs.clamp(a, z) - a;
        }
        total
    }
    fn time_between(
        &self,
        a: DateTime<FixedOffset>,
        b: DateTime<FixedOffset>,
        off: FixedOffset,
    ) -> i64 {
        let pos = |t: DateTime<FixedOffset>| {
            let l = t.with_timezone(&off);
            (
                l.date_naive(),
                i64::from(l.time().num_seconds_from_midnight()),
            )
        };
        let ((ad, asec), (bd, bsec)) = (pos(a), pos(b));
        let (lo, hi, sign) = if (ad, asec) <= (bd, bsec) {
            ((ad, asec), (bd, bsec), 1)
        } else {
            ((bd, bsec), (ad, asec), -1)
        };
        let mut total = -self.worked(lo.0, lo.1);
        let mut d = lo.0;
        while d < hi.0 {
            total += self.worked(d, 86_400);
            d += Duration::days(1);
        }
        total += self.worked(hi.0, hi.1);
        sign * total
    }
}

fn covered_date() -> impl Strategy<Value = NaiveDate> {
    (0i64..731).prop_map(|i| first_day() + Duration::days(i))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn day_operations_match_the_model(def in calendar_def(), d in covered_date(), e in covered_date(), n in -40i64..40) {
        let cal = Calendar::new(def.clone()).unwrap();
        let model = Model { def };
        prop_assert_eq!(cal.is_working_day(d).unwrap(), model.working(d));
        prop_assert_eq!(cal.working_days_between(d, e).unwrap(), model.between(d, e));
        let want = model.add(d, n);
        match cal.add_working_days(d, n) {
            Ok(got) => prop_assert_eq!(got, want),
            Err(err) => {
                prop_assert_eq!(err.code(), "out_of_coverage");
                prop_assert!(!model.covered(want));
            }
        }
        // The opt-in view agrees with the model (weekmask outside coverage) and says when it assumed.
        let est = cal.assuming_weekends_only().add_working_days(d, n).unwrap();
        prop_assert_eq!(est.value, want);
        prop_assert_eq!(est.is_assumed(), !model.covered(want));
        if let Ok(next) = cal.next_working_day(d) {
            prop_assert_eq!(next, model.add(d + Duration::days(1), 0));
        }
        if let Ok(prev) = cal.previous_working_day(d) {
            let mut want = d - Duration::days(1);
            while !model.working(want) {
                want -= Duration::days(1);
            }
            prop_assert_eq!(prev, want);
        }
    }

    #[test]
    fn add_then_count_round_trips(def in calendar_def(), d in covered_date(), n in 0i64..200) {
        let cal = Calendar::new(def).unwrap();
        let est = cal.assuming_weekends_only();
        let start = est.add_working_days(d, 0).unwrap().value; // a working day
        let end = est.add_working_days(start, n).unwrap().value;
        prop_assert_eq!(est.working_days_between(start, end).unwrap().value, n);
        prop_assert_eq!(est.add_working_days(end, -n).unwrap().value, start);
        prop_assert!(est.is_working_day(end).unwrap().value);
        // Monotone in n.
        let later = est.add_working_days(start, n + 1).unwrap().value;
        prop_assert!(later > end);
    }

    #[test]
    fn working_time_matches_the_model(def in calendar_def(), a in (20i64..700, 0u32..86_400), b in (20i64..700, 0u32..86_400)) {
        let cal = Calendar::new(def.clone()).unwrap();
        let off = cal.utc_offset();
        let at = |(i, s): (i64, u32)| off.from_local_datetime(&(first_day() + Duration::days(i)).and_hms_opt(s / 3600, s / 60 % 60, s % 60).unwrap()).unwrap();
        let (a, b) = (at(a), at(b));
        let model = Model { def };
        if let Ok(got) = cal.working_time_between(a, b) {
            prop_assert_eq!(got.num_seconds(), model.time_between(a, b, off));
        }
    }

    #[test]
    fn add_working_time_inverts_time_between(def in calendar_def(), secs in 0i64..400_000) {
        let cal = Calendar::new(def.clone()).unwrap();
        let off = cal.utc_offset();
        let a = off.from_local_datetime(&NaiveDate::from_ymd_opt(2024, 3, 4).unwrap().and_hms_opt(10, 17, 0).unwrap()).unwrap();
        if let Ok(t) = cal.add_working_time(a, Duration::seconds(secs)) {
            prop_assert!(t >= a);
            prop_assert_eq!(cal.working_time_between(a, t).unwrap().num_seconds(), secs);
            // Earliest such instant: a second earlier is not enough.
            if secs > 0 {
                prop_assert_eq!(cal.working_time_between(a, t - Duration::seconds(1)).unwrap().num_seconds(), secs - 1);
            }
        }
    }

    #[test]
    fn deadlines_land_on_working_days_after_receipt(def in calendar_def(), n in 1i64..30, i in 20i64..700, s in 0u32..86_400) {
        let cal = Calendar::new(def).unwrap();
        let local = (first_day() + Duration::days(i)).and_hms_opt(s / 3600, s / 60 % 60, s % 60).unwrap();
        let received = cal.utc_offset().from_local_datetime(&local).unwrap();
        if let Ok(d) = cal.deadline(received, n, &DeadlinePolicy::default()) {
            prop_assert!(d.due_at > received);
            prop_assert!(cal.is_working_day(d.due_date).unwrap());
            prop_assert!(cal.is_working_day(d.day_one).unwrap());
            prop_assert_eq!(cal.working_days_between(d.day_one, d.due_date).unwrap(), n - 1);
            prop_assert!(d.day_one > d.counted_received_at.date_naive());
            let e = cal.explain_deadline(received, n, &DeadlinePolicy::default()).unwrap();
            prop_assert_eq!(e.days.iter().filter(|x| x.role == ptsp::DayRole::Counted).count() as i64, n);
            prop_assert_eq!(e.days.last().unwrap().date, d.due_date);
        }
    }

    #[test]
    fn json_round_trips(def in calendar_def()) {
        let cal = Calendar::new(def.clone()).unwrap();
        let again = Calendar::from_json(&cal.to_json()).unwrap();
        prop_assert_eq!(again.def(), &def);
    }

    /// Names are trimmed and do not start with ':' — the `ical` reader drops
    /// trailing whitespace and leading colons of values (see DESIGN.md).
    #[test]
    fn ical_round_trips(def in calendar_def(), name in "[a-zA-Z0-9,;\\\\\"éğ][a-zA-Z0-9 ,;:\\\\\"éğ]{0,118}[a-zA-Z0-9,;:\\\\\"éğ]") {
        let mut layer = def.layers[0].clone();
        layer.name = name.clone();
        if let Some(h) = layer.holidays.first_mut() {
            h.name = name;
            h.name_en = Some("Long English name, with commas; and semicolons".into());
        }
        let opts = IcalImport { layer_id: "x".into(), layer_name: "x".into(), default_kind: HolidayKind::Regional };
        let back = HolidayLayer::from_ical(&layer.to_ical(), &opts).unwrap();
        prop_assert_eq!(back, layer);
    }

    #[test]
    fn validation_is_idempotent_and_side_effect_free(def in calendar_def(), mask in 0u8..128) {
        let mut def = def;
        def.weekmask = Weekmask(std::array::from_fn(|i| mask >> i & 1 == 1));
        let before = def.clone();
        let first = def.validate();
        prop_assert_eq!(&def.validate(), &first);
        prop_assert_eq!(&def, &before);
        prop_assert_eq!(Calendar::new(def).is_ok(), first.is_empty());
    }

    #[test]
    fn batch_equals_scalar(def in calendar_def(), days in prop::collection::vec(0i64..731, 1..50), n in -20i64..20) {
        let cal = Calendar::new(def).unwrap();
        let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
        let base = (first_day() - epoch).num_days();
        let input: Vec<i64> = days.iter().map(|d| base + d).collect();
        let scalar: Vec<Result<i64, String>> = input.iter().map(|&d| {
            cal.add_working_days(epoch + Duration::days(d), n)
                .map(|r| (r - epoch).num_days())
                .map_err(|e| e.code().to_owned())
        }).collect();
        match cal.add_working_days_batch(&input, &[n]) {
            Ok(out) => prop_assert_eq!(out.into_iter().map(Ok).collect::<Vec<_>>(), scalar),
            Err(e) => prop_assert!(scalar.iter().any(|r| r.as_ref().err().map(String::as_str) == Some(e.code()))),
        }
    }
}

#[test]
fn out_of_coverage_names_the_day_and_range() {
    let cal = Calendar::indonesia();
    let err = cal
        .add_working_days("2027-12-30".parse().unwrap(), 5)
        .unwrap_err();
    match err {
        ptsp::Error::Calendar(ptsp::CalendarError::OutOfCoverage {
            day,
            first_year,
            last_year,
        }) => {
            assert_eq!(day.to_string(), "2028-01-01");
            assert_eq!((first_year, last_year), (2023, 2027));
        }
        other => panic!("{other:?}"),
    }
    let err = cal
        .is_working_day("2022-06-01".parse().unwrap())
        .unwrap_err();
    assert!(err.to_string().contains("2022-06-01"));
    assert!(err.message(ptsp::Lang::Id).contains("2023–2027"));
}

#[test]
fn huge_counts_are_errors_not_panics() {
    let cal = Calendar::indonesia();
    let d = "2025-01-02".parse().unwrap();
    for n in [i64::MAX, i64::MIN, i64::MAX / 2, -(1 << 40)] {
        let err = cal.add_working_days(d, n).unwrap_err();
        assert!(
            matches!(err.code(), "out_of_range" | "out_of_coverage"),
            "{n}: {err}"
        );
        let err = cal
            .assuming_weekends_only()
            .add_working_days(d, n)
            .unwrap_err();
        assert_eq!(err.code(), "out_of_range", "{n}");
    }
    let at = ptsp::calendar::parse_instant("2025-01-02T10:00:00+07:00").unwrap();
    let jatim = Calendar::jatim();
    let err = jatim
        .assuming_weekends_only()
        .explain_deadline(at, 10_000_000, &DeadlinePolicy::default())
        .unwrap_err();
    assert_eq!(err.code(), "out_of_range");
    for n in [i64::MAX, 1 << 40] {
        assert!(jatim.deadline(at, n, &DeadlinePolicy::default()).is_err());
    }
    let err = jatim
        .assuming_weekends_only()
        .add_working_time(at, Duration::seconds(i64::MAX / 2000))
        .unwrap_err();
    assert_eq!(err.code(), "out_of_range");
    assert_eq!(
        cal.add_working_days_batch(&[ptsp::calendar::NAT], &[1])
            .unwrap_err()
            .code(),
        "invalid_value"
    );
    assert_eq!(
        cal.add_working_days_batch(&[1, 2, 3], &[1, 2])
            .unwrap_err()
            .code(),
        "shape_mismatch"
    );
    assert_eq!(
        cal.add_working_days_batch(&[i64::MAX - 5], &[1])
            .unwrap_err()
            .code(),
        "out_of_range"
    );
}

#[test]
fn a_private_employer_may_work_on_cuti_bersama() {
    let mut def = CalendarDef::indonesia();
    def.non_working_kinds = vec![HolidayKind::NationalHoliday];
    let cal = Calendar::new(def).unwrap();
    let civil = Calendar::indonesia();
    let d: NaiveDate = "2026-12-24".parse().unwrap();
    assert!(cal.is_working_day(d).unwrap());
    assert!(!civil.is_working_day(d).unwrap());
    let h = &cal.holidays(2026).unwrap();
    let cb = h.iter().find(|h| h.date == d).unwrap();
    assert!(!cb.non_working);
}

#[test]
fn layers_compose_and_coverage_is_their_intersection() {
    let mut def = CalendarDef::jatim();
    def.layers.push(HolidayLayer {
        id: "jatim-daerah".into(),
        name: "Libur daerah (uji)".into(),
        sources: vec![Source {
            id: "uji".into(),
            title: "Sumber uji".into(),
            numbers: vec![],
            signed: None,
            amends: None,
            note: Some("test data".into()),
        }],
        years: vec![
            YearEntry {
                year: 2025,
                status: YearStatus::Decreed,
                note: None,
            },
            YearEntry {
                year: 2026,
                status: YearStatus::Provisional,
                note: None,
            },
            YearEntry {
                year: 2027,
                status: YearStatus::Unknown,
                note: None,
            },
        ],
        holidays: vec![Holiday {
            date: "2026-03-02".parse().unwrap(),
            name: "Hari Jadi (uji)".into(),
            name_en: None,
            kind: HolidayKind::Regional,
            source: "uji".into(),
        }],
    });
    let cal = Calendar::new(def).unwrap();
    assert_eq!((cal.coverage().first, cal.coverage().last), (2025, 2026));
    assert_eq!(cal.year_status(2026), Some(YearStatus::Provisional));
    assert!(!cal.is_working_day("2026-03-02".parse().unwrap()).unwrap());
    assert_eq!(
        cal.is_working_day("2027-03-02".parse().unwrap())
            .unwrap_err()
            .code(),
        "out_of_coverage"
    );
}

#[test]
fn a_six_day_office_with_an_extra_sunday() {
    let mut def = CalendarDef::jatim();
    def.weekmask = "Mon Tue Wed Thu Fri Sat".parse().unwrap();
    let hours = def.office_hours.as_mut().unwrap();
    hours.sat = Some(DayHours {
        open: clock(8 * 3600),
        close: clock(12 * 3600),
        breaks: vec![],
    });
    hours.sun = hours.sat.clone();
    def.extra_working_days.push(ExtraWorkingDay {
        date: "2026-12-27".parse().unwrap(),
        name: "Minggu masuk".into(),
        source: Some("Surat Edaran (uji)".into()),
    });
    let cal = Calendar::new(def).unwrap();
    let sat: NaiveDate = "2026-12-26".parse().unwrap();
    assert_eq!(sat.weekday(), Weekday::Sat);
    assert!(cal.is_working_day(sat).unwrap());
    assert!(cal.is_working_day(sat.succ_opt().unwrap()).unwrap());
    assert_eq!(
        cal.add_working_days("2026-12-23".parse().unwrap(), 1)
            .unwrap()
            .to_string(),
        "2026-12-26"
    );
}

#[test]
fn explanation_names_every_skipped_day_and_its_decree() {
    let cal = Calendar::jatim();
    let at = ptsp::calendar::parse_instant("2026-12-31T16:10:00+07:00").unwrap();
    let e = cal
        .explain_deadline(at, 3, &DeadlinePolicy::default())
        .unwrap();
    let text = e.render(ptsp::Lang::Id);
    assert!(text.contains("Tahun Baru 2027 Masehi"), "{text}");
    assert!(text.contains("Isra Mikraj"), "{text}");
    assert!(
        text.contains("Menteri Agama Nomor 1205 Tahun 2026"),
        "{text}"
    );
    assert!(text.contains("dianggap diterima"), "{text}");
    let en = e.render(ptsp::Lang::En);
    assert!(
        en.contains("weekend") && en.contains("due at close of office hours, 16:30"),
        "{en}"
    );
    assert_eq!(e.days.len(), 9);
}

#[test]
fn times_must_be_well_formed() {
    for bad in ["7:30", "24:01", "12:60", "aa:bb", "12:00:61", ""] {
        assert_eq!(
            bad.parse::<ClockTime>().unwrap_err().code(),
            "invalid_value",
            "{bad}"
        );
    }
    for bad in ["", "1111", "Mon Funday", "11111000"] {
        assert_eq!(
            bad.parse::<Weekmask>().unwrap_err().code(),
            "invalid_value",
            "{bad}"
        );
    }
}
