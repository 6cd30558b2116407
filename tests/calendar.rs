//! Laws of the working-day calendar, checked with proptest against a slow,
//! obviously-correct day-by-day model on random calendars.

use std::collections::BTreeSet;

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, TimeZone, Timelike, Weekday};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
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

/// Any text of up to 60 characters: letters of any script, whitespace of
/// every kind (also at either end), control characters, the characters
/// iCalendar escapes (`\\ ; , :`) and quotes — or a run of blanks longer
/// than a folded line, around a word (a fold inside it must not lose it).
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => short_text(),
        1 => (
            prop::sample::select(vec![' ', '\u{a0}', '\t', '\u{2028}']),
            75usize..200,
            short_text()
        )
            .prop_map(|(c, n, word)| format!("{word}{}{word}", c.to_string().repeat(n))),
    ]
}

fn short_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            3 => any::<char>(),
            2 => prop::sample::select(vec![
                ' ', '\t', '\n', '\r', '\u{b}', '\u{85}', '\u{a0}', '\u{2028}', ':', ';', ',', '\\',
                '"', '\'', '\u{0}', '\u{7f}', 'é', 'ğ', 'a', 'Z', '=', '{', '}',
            ]),
        ],
        0..60,
    )
    .prop_map(|cs| cs.into_iter().collect())
}

/// A random layer over `first..=last` (all decreed), with holidays in
/// those years and any texts.
fn any_layer(first: i32, last: i32, id: String) -> impl Strategy<Value = HolidayLayer> {
    let days = (NaiveDate::from_ymd_opt(last + 1, 1, 1).unwrap()
        - NaiveDate::from_ymd_opt(first, 1, 1).unwrap())
    .num_days();
    (
        any_text(),
        prop::collection::vec((any_text(), any_text()), 1..4),
        prop::collection::vec(
            (
                0..days,
                any_text().prop_filter("a name", |n| !n.trim().is_empty()),
                proptest::option::of(any_text()),
                0usize..4,
                0usize..3,
            ),
            0..40,
        ),
    )
        .prop_map(move |(name, sources, holidays)| {
            let sources: Vec<Source> = sources
                .into_iter()
                .enumerate()
                .map(|(i, (title, note))| Source {
                    id: format!("s{i}"),
                    title,
                    numbers: vec![note.clone()],
                    signed: NaiveDate::from_ymd_opt(first, 1, 1),
                    amends: None,
                    note: Some(note),
                })
                .collect();
            let start = NaiveDate::from_ymd_opt(first, 1, 1).unwrap();
            let mut seen = BTreeSet::new();
            let holidays = holidays
                .into_iter()
                .filter(|(d, n, _, k, _)| seen.insert((*d, *k, n.clone())))
                .map(|(d, name, name_en, k, s)| Holiday {
                    date: start + Duration::days(d),
                    name,
                    name_en,
                    kind: HolidayKind::ALL[k],
                    source: format!("s{}", s % sources.len()),
                })
                .collect();
            HolidayLayer {
                id: id.clone(),
                name,
                sources,
                years: (first..=last)
                    .map(|year| YearEntry {
                        year,
                        status: YearStatus::Decreed,
                        note: None,
                    })
                    .collect(),
                holidays,
            }
        })
}

/// A random valid definition: one to three layers over overlapping spans
/// anywhere in the supported years, holidays with any texts.
fn any_valid_def() -> impl Strategy<Value = CalendarDef> {
    (
        ptsp::calendar::limits::MIN_YEAR..=ptsp::calendar::limits::MAX_YEAR,
        0i32..4,
        1usize..4,
    )
        .prop_flat_map(|(first, len, n)| {
            let last = (first + len).min(ptsp::calendar::limits::MAX_YEAR);
            let layers: Vec<_> = (0..n)
                .map(|i| any_layer(first, last, format!("l{i}")))
                .collect();
            (layers, any_text())
        })
        .prop_map(|(layers, name)| CalendarDef {
            id: "acak".into(),
            name,
            weekmask: Weekmask::default(),
            non_working_kinds: HolidayKind::ALL.to_vec(),
            layers,
            extra_working_days: Vec::new(),
            office_hours: None,
            utc_offset: "+07:00".into(),
        })
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

    /// The fast reading of stored instants agrees with chrono on every
    /// text of the common shape, valid or not (month 13, second 60, an
    /// offset of 24 hours…), and in the event reader as in `parse_instant`.
    #[test]
    fn instants_read_fast_as_chrono_reads_them(
        y in 0u32..=9999, mo in 0u32..=13, d in 0u32..=32, h in 0u32..=24, mi in 0u32..=60,
        s in 0u32..=61, zulu in any::<bool>(), minus in any::<bool>(), oh in 0u32..=25, om in 0u32..=61,
        sep in prop::sample::select(vec!['T', 't', ' ']),
    ) {
        let offset = if zulu { "Z".to_owned() } else { format!("{}{oh:02}:{om:02}", if minus { '-' } else { '+' }) };
        let text = format!("{y:04}-{mo:02}-{d:02}{sep}{h:02}:{mi:02}:{s:02}{offset}");
        let chrono = DateTime::parse_from_rfc3339(&text).ok();
        prop_assert_eq!(ptsp::calendar::parse_instant(&text).ok(), chrono);
        let general = text.parse::<DateTime<FixedOffset>>().ok();
        let event = serde_json::json!({"at": text, "case": "c", "actor": "a", "type": "withdrawn", "reason": null});
        let read = serde_json::from_value::<ptsp::Event>(event).ok().map(|e| e.at);
        prop_assert_eq!(read, general);
        // Same instant, same offset.
        if let (Some(a), Some(b)) = (read, general) {
            prop_assert_eq!(a.offset(), b.offset());
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

    /// Any text survives: the exact texts travel as JSON (`X-PTSP-JSON`),
    /// beyond the reach of the `ical` reader's trimming (see DESIGN.md).
    #[test]
    fn ical_round_trips(def in calendar_def(), name in any_text(), en in proptest::option::of(any_text())) {
        let mut layer = def.layers[0].clone();
        layer.name = name.clone();
        layer.id = format!(":{name} ");
        if let Some(h) = layer.holidays.first_mut() {
            h.name = name;
            h.name_en = en;
        }
        let opts = IcalImport { layer_id: "x".into(), layer_name: "x".into(), default_kind: HolidayKind::Regional };
        let back = HolidayLayer::from_ical(&layer.to_ical().unwrap(), &opts).unwrap();
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
                .map_err(|e| e.code().as_str().to_owned())
        }).collect();
        match cal.add_working_days_batch(&input, &[n]) {
            Ok(out) => prop_assert_eq!(out.into_iter().map(Ok).collect::<Vec<_>>(), scalar),
            Err(e) => prop_assert!(scalar.iter().any(|r| r.as_ref().err().map(String::as_str) == Some(e.code().as_str()))),
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
        ptsp::CalendarError::OutOfCoverage {
            day,
            first_year,
            last_year,
        } => {
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
            matches!(err.code().as_str(), "out_of_range" | "out_of_coverage"),
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

// ---------------------------------------------------------------------------
// Extreme inputs: every operation answers or fails with a typed error, never
// panics (the bindings hand these values straight from Python and JS).
// ---------------------------------------------------------------------------

/// Codes an operation may fail with on extreme input.
const EXTREME_CODES: &[&str] = &[
    "out_of_range",
    "out_of_coverage",
    "invalid_count",
    "negative_duration",
    "invalid_value",
    "shape_mismatch",
    "no_office_hours",
];

fn extreme_dates() -> Vec<NaiveDate> {
    let mut out = vec![
        NaiveDate::MIN,
        NaiveDate::MIN.succ_opt().unwrap(),
        NaiveDate::MAX,
        NaiveDate::MAX.pred_opt().unwrap(),
        NaiveDate::from_ymd_opt(1, 1, 1).unwrap(),
        NaiveDate::from_ymd_opt(1899, 12, 31).unwrap(),
        NaiveDate::from_ymd_opt(1900, 1, 1).unwrap(),
        NaiveDate::from_ymd_opt(2200, 12, 31).unwrap(),
        NaiveDate::from_ymd_opt(2201, 1, 1).unwrap(),
        NaiveDate::from_ymd_opt(9999, 12, 31).unwrap(),
    ];
    out.push("2025-06-02".parse().unwrap());
    out
}

fn extreme_counts() -> Vec<i64> {
    vec![
        i64::MIN,
        i64::MIN + 1,
        -1_000_000_000_000,
        -(1 << 40),
        -100_000_000,
        -1,
        0,
        1,
        100_000_000,
        1 << 40,
        1_000_000_000_000,
        i64::MAX - 1,
        i64::MAX,
    ]
}

fn extreme_instants() -> Vec<DateTime<FixedOffset>> {
    let mut out = Vec::new();
    for offset in [-12 * 3600, 0, 7 * 3600, 14 * 3600] {
        let off = FixedOffset::east_opt(offset).unwrap();
        for t in [
            DateTime::<chrono::Utc>::MIN_UTC,
            DateTime::<chrono::Utc>::MAX_UTC,
        ] {
            out.push(t.with_timezone(&off));
        }
        for d in extreme_dates() {
            for secs in [0, 12 * 3600, 86_399] {
                let naive = d.and_time(
                    chrono::NaiveTime::from_num_seconds_from_midnight_opt(secs, 0).unwrap(),
                );
                if let Some(t) = off.from_local_datetime(&naive).single() {
                    out.push(t);
                }
            }
        }
    }
    out
}

fn extreme_durations() -> Vec<Duration> {
    vec![
        Duration::MIN,
        Duration::seconds(-1),
        Duration::zero(),
        Duration::milliseconds(1),
        Duration::seconds(1),
        Duration::days(1_000_000),
        Duration::seconds(i64::MAX / 2000),
        Duration::MAX,
    ]
}

thread_local! {
    static FAILURES: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Runs `f`, recording a panic or an unexpected error code; the failures
/// are checked (all at once) by [`assert_no_failures`].
fn no_panic<T: std::fmt::Debug>(what: &str, f: impl FnOnce() -> Result<T, ptsp::CalendarError>) {
    let failure = match std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
        Err(_) => Some(format!("{what}: panicked")),
        Ok(Err(e)) if !EXTREME_CODES.contains(&e.code().as_str()) => {
            Some(format!("{what}: unexpected {e}"))
        }
        Ok(Err(e)) if e.message(ptsp::Lang::Id).is_empty() => {
            Some(format!("{what}: no Indonesian message"))
        }
        _ => None,
    };
    if let Some(f) = failure {
        FAILURES.with(|v| v.borrow_mut().push(f));
    }
}

fn assert_no_failures() {
    let failures = FAILURES.with(|v| std::mem::take(&mut *v.borrow_mut()));
    assert!(
        failures.is_empty(),
        "{} failures: {failures:#?}",
        failures.len()
    );
}

#[test]
fn extreme_inputs_are_typed_errors_never_panics() {
    let policies = [
        DeadlinePolicy::default(),
        serde_json::from_str(r#"{"count_from": "receipt_day", "after_hours": "same_day"}"#)
            .unwrap(),
    ];
    for cal in [Calendar::indonesia(), Calendar::jatim()] {
        let view = cal.assuming_weekends_only();
        for d in extreme_dates() {
            no_panic(&format!("is_working_day({d})"), || cal.is_working_day(d));
            no_panic(&format!("assumed is_working_day({d})"), || {
                view.is_working_day(d)
            });
            no_panic(&format!("next({d})"), || cal.next_working_day(d));
            no_panic(&format!("assumed next({d})"), || view.next_working_day(d));
            no_panic(&format!("previous({d})"), || cal.previous_working_day(d));
            no_panic(&format!("assumed previous({d})"), || {
                view.previous_working_day(d)
            });
            for n in extreme_counts() {
                no_panic(&format!("add({d}, {n})"), || cal.add_working_days(d, n));
                no_panic(&format!("assumed add({d}, {n})"), || {
                    view.add_working_days(d, n)
                });
            }
            for e in extreme_dates() {
                no_panic(&format!("between({d}, {e})"), || {
                    cal.working_days_between(d, e)
                });
                no_panic(&format!("assumed between({d}, {e})"), || {
                    view.working_days_between(d, e)
                });
            }
        }
        for year in [i32::MIN, -1, 0, 1899, 1900, 2200, 2201, 262_143, i32::MAX] {
            no_panic(&format!("holidays({year})"), || cal.holidays(year));
            let _ = cal.year_status(year);
        }
        let instants = extreme_instants();
        for &a in &instants {
            for dur in extreme_durations() {
                no_panic(&format!("add_time({a}, {dur})"), || {
                    cal.add_working_time(a, dur)
                });
                no_panic(&format!("assumed add_time({a}, {dur})"), || {
                    view.add_working_time(a, dur)
                });
            }
            for &b in instants.iter().step_by(7) {
                no_panic(&format!("time_between({a}, {b})"), || {
                    cal.working_time_between(a, b)
                });
                no_panic(&format!("assumed time_between({a}, {b})"), || {
                    view.working_time_between(a, b)
                });
            }
            for n in extreme_counts() {
                for p in &policies {
                    no_panic(&format!("deadline({a}, {n})"), || cal.deadline(a, n, p));
                    no_panic(&format!("assumed deadline({a}, {n})"), || {
                        view.deadline(a, n, p)
                    });
                    no_panic(&format!("explain({a}, {n})"), || {
                        cal.explain_deadline(a, n, p)
                    });
                    no_panic(&format!("assumed explain({a}, {n})"), || {
                        view.explain_deadline(a, n, p)
                    });
                }
            }
        }
        let days: Vec<i64> = vec![
            i64::MIN,
            i64::MIN + 1,
            -1_000_000_000_000,
            -100_000_000,
            -719_163,
            0,
            20_000,
            100_000_000,
            1_000_000_000_000,
            i64::MAX - 1,
            i64::MAX,
        ];
        for &d in &days {
            no_panic(&format!("batch add([{d}])"), || {
                cal.add_working_days_batch(&[d], &extreme_counts())
            });
            for n in extreme_counts() {
                no_panic(&format!("batch add([{d}], [{n}])"), || {
                    cal.add_working_days_batch(&[d], &[n])
                });
            }
            no_panic(&format!("batch between([{d}])"), || {
                cal.working_days_between_batch(&[d], &days)
            });
        }
        no_panic("batch add, empty", || cal.add_working_days_batch(&[], &[]));
        no_panic("batch add, empty days", || {
            cal.add_working_days_batch(&[], &[1, 2])
        });
        no_panic("batch add, empty counts", || {
            cal.add_working_days_batch(&[1, 2], &[])
        });
        no_panic("batch between, empty", || {
            cal.working_days_between_batch(&[], &[])
        });
        no_panic("batch between, one empty", || {
            cal.working_days_between_batch(&[1, 2], &[])
        });
    }
    assert_no_failures();
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Random days, counts and durations biased towards the edges of what
    /// chrono and i64 can hold.
    #[test]
    fn random_extreme_inputs_never_panic(
        day in prop_oneof![any::<i64>(), -1_000_000_000_000i64..1_000_000_000_000, -800_000i64..800_000],
        n in prop_oneof![any::<i64>(), -1_000_000_000_000i64..1_000_000_000_000, -1_000i64..1_000],
        secs in prop_oneof![any::<i64>().prop_map(|s| s / 1000), -1_000_000_000_000i64..1_000_000_000_000],
        offset in -12i32 * 3600..=14 * 3600,
    ) {
        let cal = Calendar::jatim();
        let view = cal.assuming_weekends_only();
        no_panic("batch add", || cal.add_working_days_batch(&[day], &[n]));
        no_panic("batch between", || cal.working_days_between_batch(&[day], &[n]));
        let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
        if let Some(d) = epoch.checked_add_signed(Duration::try_days(day.clamp(-i64::MAX / 86_400_000, i64::MAX / 86_400_000)).unwrap_or_default()) {
            no_panic("add", || cal.add_working_days(d, n));
            no_panic("assumed add", || view.add_working_days(d, n));
            let off = FixedOffset::east_opt(offset).unwrap();
            if let Some(at) = off.from_local_datetime(&d.and_hms_opt(10, 0, 0).unwrap()).single() {
                let dur = Duration::try_seconds(secs).unwrap_or(Duration::MAX);
                no_panic("add_time", || cal.add_working_time(at, dur));
                no_panic("assumed add_time", || view.add_working_time(at, dur));
                no_panic("deadline", || cal.deadline(at, n, &DeadlinePolicy::default()));
                no_panic("assumed deadline", || view.deadline(at, n, &DeadlinePolicy::default()));
                no_panic("assumed explain", || view.explain_deadline(at, n, &DeadlinePolicy::default()));
            }
        }
        let failures = FAILURES.with(|v| std::mem::take(&mut *v.borrow_mut()));
        prop_assert!(failures.is_empty(), "{:#?}", failures);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// Export then import is the identity for every layer of every valid
    /// definition, whatever its texts and wherever its years.
    #[test]
    fn ical_export_import_is_the_identity_for_valid_definitions(def in any_valid_def()) {
        prop_assert_eq!(def.validate(), vec![]);
        let opts = IcalImport { layer_id: "x".into(), layer_name: "x".into(), default_kind: HolidayKind::Regional };
        let mut again = def.clone();
        for layer in &mut again.layers {
            let ics = layer.to_ical().unwrap();
            *layer = HolidayLayer::from_ical(&ics, &opts).unwrap();
        }
        prop_assert_eq!(&again, &def);
        prop_assert!(Calendar::new(again).is_ok());
    }

    /// Every file the exporter writes imports (as the same layer); what it
    /// refuses to write, it refuses with `year_out_of_range` problems.
    #[test]
    fn every_exported_file_imports(
        first in prop_oneof![-3000i32..12000, 1890i32..1910, 2190i32..2210],
        len in 0i32..3,
        shift in prop_oneof![Just(0i64), -200_000i64..200_000],
    ) {
        let layer_strategy = any_layer(first, first + len, "l".into());
        let mut runner = proptest::test_runner::TestRunner::deterministic();
        let mut layer = layer_strategy.new_tree(&mut runner).unwrap().current();
        for h in &mut layer.holidays {
            h.date = h.date.checked_add_signed(Duration::days(shift)).unwrap_or(h.date);
        }
        let opts = IcalImport { layer_id: "x".into(), layer_name: "x".into(), default_kind: HolidayKind::Regional };
        match layer.to_ical() {
            Ok(ics) => prop_assert_eq!(HolidayLayer::from_ical(&ics, &opts).unwrap(), layer),
            Err(e) => {
                prop_assert_eq!(e.code(), "invalid_definition");
                prop_assert!(!e.problems().is_empty());
                prop_assert!(e.problems().iter().all(|p| p.code == "year_out_of_range"), "{:?}", e.problems());
                let in_range = |y: i32| (1900..=2200).contains(&y);
                prop_assert!(
                    layer.years.iter().any(|y| !in_range(y.year))
                        || layer.holidays.iter().any(|h| !in_range(h.date.year()))
                );
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Limits on what a definition may declare.
// ---------------------------------------------------------------------------

fn problem_codes(def: &CalendarDef) -> Vec<(String, String)> {
    def.validate()
        .into_iter()
        .map(|p| {
            assert!(!p.message.is_empty() && !p.message_id.is_empty(), "{p:?}");
            assert_ne!(p.message, p.message_id, "{p:?}");
            (p.path, p.code.as_str().to_owned())
        })
        .collect()
}

fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter()
        .map(|(p, c)| ((*p).to_owned(), (*c).to_owned()))
        .collect()
}

fn decreed(years: impl IntoIterator<Item = i32>) -> Vec<YearEntry> {
    years
        .into_iter()
        .map(|year| YearEntry {
            year,
            status: YearStatus::Decreed,
            note: None,
        })
        .collect()
}

#[test]
fn a_definition_spanning_millennia_is_refused_before_anything_is_built() {
    use ptsp::calendar::limits::MAX_YEAR_ENTRIES;
    // 300,000 contiguous years: the day table would take gigabytes.
    let mut def = CalendarDef::indonesia();
    def.layers[0].years = decreed(1..=300_000);
    def.layers[0].holidays.clear();
    let start = std::time::Instant::now();
    assert_eq!(
        problem_codes(&def),
        pairs(&[
            ("layers[0].years", "too_many"),
            ("layers", "coverage_too_long")
        ])
    );
    let err = Calendar::new(def).unwrap_err();
    assert_eq!(err.code(), "invalid_definition");
    assert!(
        err.message(ptsp::Lang::Id)
            .contains("paling banyak 200 tahun"),
        "{err}"
    );
    assert!(start.elapsed().as_secs() < 5);
    // Within the entry limit but beyond the coverage limit.
    let mut def = CalendarDef::indonesia();
    def.layers[0].years = decreed(1900..=2200);
    assert_eq!(def.layers[0].years.len(), MAX_YEAR_ENTRIES);
    let err = Calendar::new(def).unwrap_err();
    assert_eq!(
        codes_of(&err),
        ["coverage_too_long"],
        "{}",
        err.message(ptsp::Lang::En)
    );
    assert!(
        err.to_string().contains("1900–2200 span 301 years"),
        "{err}"
    );
    // Exactly 200 years is fine, and quick to build.
    let mut def = CalendarDef::indonesia();
    def.layers[0].years = decreed(2001..=2200);
    def.layers[0].holidays.retain(|h| h.date.year() > 2000);
    let cal = Calendar::new(def).unwrap();
    assert_eq!((cal.coverage().first, cal.coverage().last), (2001, 2200));
}

fn codes_of(err: &ptsp::CalendarError) -> Vec<&str> {
    err.problems().iter().map(|p| p.code.as_str()).collect()
}

#[test]
fn years_outside_the_supported_range_are_problems_never_panics() {
    let mut def = CalendarDef::indonesia();
    def.layers[0].years.push(YearEntry {
        year: i32::MAX,
        status: YearStatus::Decreed,
        note: None,
    });
    def.layers[0].years.push(YearEntry {
        year: i32::MIN,
        status: YearStatus::Provisional,
        note: None,
    });
    let codes = problem_codes(&def);
    assert!(codes.contains(&("layers[0].years[5].year".into(), "year_out_of_range".into())));
    assert!(codes.contains(&("layers[0].years[6].year".into(), "year_out_of_range".into())));
    assert!(codes.contains(&("layers[0].years".into(), "non_contiguous_years".into())));
    // A holiday in year 9999 in a layer that claims no years, an extra
    // working day at the end of chrono's range.
    let mut def = CalendarDef::indonesia();
    def.layers.push(HolidayLayer {
        id: "kantor".into(),
        name: "Kantor".into(),
        sources: vec![Source {
            id: "se".into(),
            title: "Surat Edaran".into(),
            numbers: vec![],
            signed: None,
            amends: None,
            note: None,
        }],
        years: vec![],
        holidays: vec![Holiday {
            date: "9999-12-31".parse().unwrap(),
            name: "Jauh".into(),
            name_en: None,
            kind: HolidayKind::OfficeClosure,
            source: "se".into(),
        }],
    });
    def.extra_working_days.push(ExtraWorkingDay {
        date: NaiveDate::MAX,
        name: "Akhir zaman".into(),
        source: None,
    });
    let err = Calendar::new(def).unwrap_err();
    assert_eq!(
        err.problems()
            .iter()
            .map(|p| (p.path.as_str(), p.code.as_str()))
            .collect::<Vec<_>>(),
        [
            ("layers[1].holidays[0].date", "year_out_of_range"),
            ("extra_working_days[0].date", "year_out_of_range"),
        ]
    );
    assert!(
        err.problems()[0]
            .message
            .contains("expected a year from 1900 to 2200")
    );
    assert!(
        err.problems()[0]
            .message_id
            .contains("seharusnya tahun 1900 sampai 2200")
    );
}

#[test]
fn counts_and_texts_over_their_limits_are_reported_with_everything_else() {
    use ptsp::calendar::limits::*;
    let mut def = CalendarDef::jatim();
    def.utc_offset = "WIB".into(); // an ordinary problem, reported too
    def.name = "n".repeat(MAX_NAME_CHARS + 1);
    def.id = "i".repeat(MAX_ID_CHARS + 1);
    let layer = def.layers[0].clone();
    def.layers[0].name = "é".repeat(MAX_NAME_CHARS + 1);
    def.layers[0].sources[0].note = Some("x".repeat(MAX_NOTE_CHARS + 1));
    def.layers[0].sources[1].numbers = vec!["1".into(); MAX_NUMBERS + 1];
    def.layers[0].holidays[0].name_en = Some("h".repeat(MAX_NAME_CHARS + 1));
    def.non_working_kinds = [HolidayKind::ALL, HolidayKind::ALL].concat();
    let hours = def.office_hours.as_mut().unwrap();
    hours.mon.as_mut().unwrap().breaks = vec![
        Break {
            start: clock(9 * 3600),
            end: clock(9 * 3600 + 60),
        };
        MAX_BREAKS + 1
    ];
    def.extra_working_days = vec![
        ExtraWorkingDay {
            date: "2026-03-14".parse().unwrap(),
            name: "x".into(),
            source: None,
        };
        MAX_EXTRA_WORKING_DAYS + 1
    ];
    assert_eq!(
        problem_codes(&def),
        pairs(&[
            ("id", "too_long"),
            ("name", "too_long"),
            ("utc_offset", "invalid_utc_offset"),
            ("non_working_kinds", "too_many"),
            ("layers[0].name", "too_long"),
            ("layers[0].sources[0].note", "too_long"),
            ("layers[0].sources[1].numbers", "too_many"),
            ("layers[0].holidays[0].name_en", "too_long"),
            ("extra_working_days", "too_many"),
            ("office_hours.mon.breaks", "too_many"),
        ])
    );
    let p = &def.validate()[4];
    assert!(
        p.message.contains("1001 characters long: at most 1000"),
        "{p:?}"
    );
    assert!(p.message_id.contains("panjangnya 1001 karakter"), "{p:?}");
    assert!(
        p.message.len() < 200,
        "the value is quoted as an excerpt: {p:?}"
    );
    // Too many layers, too many holidays in one.
    let mut def = CalendarDef::indonesia();
    def.layers = vec![layer.clone(); MAX_LAYERS + 1];
    assert_eq!(problem_codes(&def), pairs(&[("layers", "too_many")]));
    let mut def = CalendarDef::indonesia();
    let h = def.layers[0].holidays[0].clone();
    def.layers[0].holidays = vec![h; MAX_HOLIDAYS + 1];
    assert_eq!(
        problem_codes(&def),
        pairs(&[("layers[0].holidays", "too_many")])
    );
    let err = Calendar::new(def).unwrap_err();
    assert!(
        err.message(ptsp::Lang::Id)
            .contains("20001 entri: paling banyak 20000"),
        "{err}"
    );
}

#[test]
fn ical_refuses_to_write_or_read_years_outside_the_supported_range() {
    let opts = IcalImport {
        layer_id: "x".into(),
        layer_name: "x".into(),
        default_kind: HolidayKind::Regional,
    };
    let mut layer = CalendarDef::indonesia().layers[0].clone();
    let good = layer.to_ical().unwrap();
    layer.holidays[3].date = "9999-12-31".parse().unwrap();
    let err = layer.to_ical().unwrap_err();
    assert_eq!(err.code(), "invalid_definition");
    assert_eq!(err.problems()[0].path, "holidays[3].date");
    assert_eq!(err.problems()[0].code, "year_out_of_range");
    // The file the old exporter wrote for it: refused on import, by year.
    let far = good.replace("20230101", "99991231");
    let err = HolidayLayer::from_ical(&far, &opts).unwrap_err();
    assert_eq!(err.code(), "invalid_ical");
    assert!(err.to_string().contains("DTSTART"), "{err}");
    assert!(err.message(ptsp::Lang::Id).contains("9999"), "{err}");
    let far = good.replace("{\"year\":2023", "{\"year\":1899");
    assert!(far != good, "the years property was not found");
    let err = HolidayLayer::from_ical(&far, &opts).unwrap_err();
    assert!(err.to_string().contains("X-PTSP-YEARS"), "{err}");
    // A year-long event repeated past the holiday limit.
    let event = "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260101\r\nDTEND;VALUE=DATE:20261231\r\nSUMMARY:x\r\nEND:VEVENT\r\n";
    let many = format!("BEGIN:VCALENDAR\r\n{}END:VCALENDAR\r\n", event.repeat(60));
    let err = HolidayLayer::from_ical(&many, &opts).unwrap_err();
    assert_eq!(err.code(), "invalid_ical");
    assert!(err.to_string().contains("at most 20000"), "{err}");
}

/// Found by fuzzing: counting from the receipt day and a late receipt
/// counted on the same day put a one-day deadline at that day's close,
/// before the receipt. The receipt day has no working time left after its
/// close, so day 1 is the next working day.
#[test]
fn a_deadline_is_never_before_its_receipt() {
    let cal = Calendar::jatim();
    let policy = ptsp::DeadlinePolicy {
        count_from: ptsp::CountFrom::ReceiptDay,
        after_hours: ptsp::AfterHours::SameDay,
    };
    // Wednesday 23 Dec 2026, 18:25, after the 16:00 close.
    let at = ptsp::calendar::parse_instant("2026-12-23T18:25:00+07:00").unwrap();
    let d = cal.deadline(at, 1, &policy).unwrap();
    assert!(!d.late_receipt);
    assert!(d.due_at >= d.received_at, "{d:?}");
    // 24 and 25 Dec are days off: day 1 is Monday 28 Dec.
    assert_eq!(d.day_one.to_string(), "2026-12-28");
    assert_eq!(d.due_at.to_rfc3339(), "2026-12-28T16:00:00+07:00");
    // Before the close the receipt day is still day 1.
    let early = ptsp::calendar::parse_instant("2026-12-23T10:00:00+07:00").unwrap();
    assert_eq!(
        cal.deadline(early, 1, &policy).unwrap().day_one.to_string(),
        "2026-12-23"
    );
    let x = cal.explain_deadline(at, 1, &policy).unwrap();
    assert_eq!(x.deadline, d);
}
