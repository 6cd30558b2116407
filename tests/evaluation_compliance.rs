//! SLA compliance reports (seed §11, internal evaluation): figures of step
//! visits and cases over a period from permit cases run through the engine,
//! the staff member recorded on each visit, exact percentiles, CSV and
//! Markdown, unknown procedures refused, and the law that makes reports
//! split across processes: the merge of reports over parts is the report
//! over the whole.

use proptest::prelude::*;
use ptsp::evaluation::{ComplianceReport, Dimension, Period, compliance};
use ptsp::procedure::builtin::permit::{lanes, outcomes, roles, steps};
use ptsp::{Actor, Calendar, Case, Command, Procedure, Request, SubmittedDocument};

type Instant = chrono::DateTime<chrono::FixedOffset>;

fn at(s: &str) -> Instant {
    ptsp::calendar::parse_instant(s).unwrap()
}

/// A permit filed at `filed`, its check bound to `staff` five minutes
/// later, the technical agency's lane routed to the health office, and the
/// check completed `checked` (if given).
fn permit(id: &str, filed: Instant, checked: Option<Instant>, staff: &str) -> Case {
    permit_log(id, filed, checked, staff).0
}

/// The same, with its event log.
fn permit_log(
    id: &str,
    filed: Instant,
    checked: Option<Instant>,
    staff: &str,
) -> (Case, Vec<ptsp::Event>) {
    let (p, cal) = (Procedure::jatim_permit(), Calendar::jatim());
    let docs: Vec<SubmittedDocument> = ["surat_permohonan", "ktp", "nib", "npwp", "dokumen_teknis"]
        .map(|c| SubmittedDocument::new(c, "pdf", 10_000))
        .to_vec();
    let mut c = Case::new();
    let mut log = Vec::new();
    let mut run = |who: Actor, when: Instant, command: Command| {
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
        Actor::new("pemohon-1", &[roles::APPLICANT], None),
        filed,
        Command::Submit {
            case_id: id.into(),
            documents: docs,
        },
    );
    run(
        Actor::new("fo-01", &[roles::FRONT_OFFICE], None),
        filed + chrono::Duration::minutes(5),
        Command::Assign {
            lane: lanes::OFFICE.into(),
            unit: None,
            staff: Some(staff.into()),
            reason: None,
        },
    );
    run(
        Actor::new("fo-01", &[roles::FRONT_OFFICE], None),
        filed + chrono::Duration::minutes(6),
        Command::Assign {
            lane: lanes::TECHNICAL_AGENCY.into(),
            unit: Some("dinkes".into()),
            staff: None,
            reason: None,
        },
    );
    if let Some(when) = checked {
        run(
            Actor::new(staff, &[roles::VERIFIER], None),
            when,
            Command::complete(steps::VERIFY, outcomes::COMPLETE),
        );
    }
    (c, log)
}

fn december() -> Period {
    Period {
        from: "2026-12-01".parse().unwrap(),
        to: "2026-12-31".parse().unwrap(),
    }
}

fn four() -> Vec<Case> {
    vec![
        // Checked on time, late, not yet (past the deadline), not yet (in time).
        permit(
            "IZN-1",
            at("2026-12-07T09:00:00+07:00"),
            Some(at("2026-12-08T10:00:00+07:00")),
            "s-1",
        ),
        permit(
            "IZN-2",
            at("2026-12-07T09:30:00+07:00"),
            Some(at("2026-12-15T11:00:00+07:00")),
            "s-2",
        ),
        permit("IZN-3", at("2026-12-14T08:00:00+07:00"), None, "s-1"),
        permit("IZN-4", at("2026-12-30T13:00:00+07:00"), None, "s-2"),
    ]
}

#[test]
fn figures_of_a_month_of_permits() {
    let (p, cal) = (Procedure::jatim_permit(), Calendar::jatim());
    let now = at("2026-12-31T15:00:00+07:00");
    let cases = four();
    let r = compliance(&cases, &[&p], &cal, december(), now, &[Dimension::Step]).unwrap();
    let check = &r
        .steps
        .iter()
        .find(|s| s.key == [steps::VERIFY])
        .unwrap()
        .stats;
    assert_eq!(
        (
            check.started,
            check.finished,
            check.on_time,
            check.late,
            check.open,
            check.breached
        ),
        (4, 2, 1, 1, 2, 1)
    );
    assert_eq!(check.on_time_percent().as_deref(), Some("50.00"));
    // The working minutes are those of the SLA clocks, exactly.
    let minutes = |c: &Case| {
        let rep = ptsp::sla::evaluate(c, &p, &cal, now).unwrap();
        u32::try_from(rep.steps[0].elapsed_seconds / 60).unwrap()
    };
    let (fast, slow) = (minutes(&cases[0]), minutes(&cases[1]));
    assert_eq!(check.minutes, [(fast, 1), (slow, 1)].into());
    assert_eq!(
        (check.percentile(50), check.percentile(90)),
        (Some(fast), Some(slow))
    );
    let rec = &r
        .steps
        .iter()
        .find(|s| s.key == [steps::RECOMMEND])
        .unwrap()
        .stats;
    assert_eq!((rec.started, rec.open), (2, 2));
    assert_eq!(
        r.cases.len(),
        1,
        "case rows group by the case dimensions: none here"
    );
    assert_eq!((r.cases[0].stats.submitted, r.cases[0].stats.open), (4, 4));
    assert_eq!(r.counted, 4);
}

#[test]
fn per_staff_member_and_month() {
    let (p, cal) = (Procedure::jatim_permit(), Calendar::jatim());
    let now = at("2026-12-31T15:00:00+07:00");
    let r = compliance(
        &four(),
        &[&p],
        &cal,
        december(),
        now,
        &[Dimension::Step, Dimension::Staff, Dimension::Month],
    )
    .unwrap();
    let row = |staff: &str| {
        r.steps
            .iter()
            .find(|s| s.key == [steps::VERIFY, staff, "2026-12"])
            .map(|s| s.stats.clone())
            .unwrap()
    };
    assert_eq!(
        (row("s-1").on_time, row("s-1").late, row("s-1").breached),
        (1, 0, 1)
    );
    assert_eq!(
        (row("s-2").on_time, row("s-2").late, row("s-2").open),
        (0, 1, 1)
    );
    assert_eq!(
        r.monthly_on_time(),
        [("2026-12".to_owned(), Some("50.00".to_owned()))]
    );
    let csv = r.steps_csv();
    assert!(csv.starts_with("step,staff,month,started,finished,on_time,late,on_time_percent,"));
    assert!(
        csv.lines()
            .any(|l| l.starts_with("pemeriksaan,s-1,2026-12,2,1,1,0,100.00,1,1,")),
        "{csv}"
    );
    let md = r.steps_markdown(ptsp::Lang::Id);
    assert!(
        md.starts_with("| Langkah | Petugas | Bulan | Mulai |"),
        "{md}"
    );
    assert!(r.cases_csv().starts_with("month,submitted,open,"));
}

#[test]
fn cases_of_unknown_procedures_are_refused_together() {
    let cal = Calendar::jatim();
    let other = Procedure::jatim_consultation();
    let err = compliance(
        &four(),
        &[&other],
        &cal,
        december(),
        at("2026-12-31T15:00:00+07:00"),
        &[],
    )
    .unwrap_err();
    assert_eq!(err.code(), "invalid_report");
    let paths: Vec<&str> = err.problems().iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, ["cases[0]", "cases[1]", "cases[2]", "cases[3]"]);
    let bad = Period {
        from: "2026-12-31".parse().unwrap(),
        to: "2026-12-01".parse().unwrap(),
    };
    let err = ComplianceReport::new(
        bad,
        at("2026-12-31T15:00:00+07:00"),
        &[Dimension::Step, Dimension::Step],
    )
    .unwrap_err();
    let codes: Vec<&str> = err.problems().iter().map(|p| p.code.as_str()).collect();
    assert_eq!(codes, ["ends_before_start", "duplicate_dimension"]);
    let mut a = ComplianceReport::new(december(), at("2026-12-31T15:00:00+07:00"), &[]).unwrap();
    let b = ComplianceReport::new(december(), at("2026-12-31T16:00:00+07:00"), &[]).unwrap();
    assert_eq!(a.merge(&b).unwrap_err().code(), "incompatible_reports");
}

fn cases_strategy() -> impl Strategy<Value = Vec<(i64, Option<i64>, bool)>> {
    proptest::collection::vec(
        (0i64..600, proptest::option::of(1i64..400), any::<bool>()),
        1..12,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// A report over parts, merged, is the report over the whole —
    /// whatever the split and the dimensions.
    #[test]
    fn merged_reports_equal_the_report_over_the_union(
        specs in cases_strategy(),
        cut in 0usize..12,
        dims in proptest::sample::subsequence(
            vec![Dimension::Procedure, Dimension::Step, Dimension::Lane, Dimension::Staff, Dimension::Month], 0..5),
    ) {
        let (p, cal) = (Procedure::jatim_permit(), Calendar::jatim());
        let start = at("2026-11-02T08:00:00+07:00");
        let cases: Vec<Case> = specs
            .iter()
            .enumerate()
            .map(|(i, (filed, checked, who))| {
                let filed = start + chrono::Duration::hours(*filed);
                let checked = checked.map(|h| filed + chrono::Duration::hours(h));
                permit(&format!("IZN-{i}"), filed, checked, if *who { "s-1" } else { "s-2" })
            })
            .collect();
        let now = at("2027-01-20T10:00:00+07:00");
        let period = Period { from: "2026-11-15".parse().unwrap(), to: "2026-12-31".parse().unwrap() };
        let cut = cut.min(cases.len());
        let whole = compliance(&cases, &[&p], &cal, period, now, &dims).unwrap();
        let mut left = compliance(&cases[..cut], &[&p], &cal, period, now, &dims).unwrap();
        let right = compliance(&cases[cut..], &[&p], &cal, period, now, &dims).unwrap();
        left.merge(&right).unwrap();
        prop_assert_eq!(left, whole);
    }
}

#[test]
fn a_report_over_stored_logs_equals_the_report_over_the_cases() {
    use ptsp::evaluation::{Replay, compliance_from_logs};
    let (p, cal) = (Procedure::jatim_permit(), Calendar::jatim());
    let now = at("2026-12-31T15:00:00+07:00");
    let runs = [
        permit_log(
            "IZN-1",
            at("2026-12-07T09:00:00+07:00"),
            Some(at("2026-12-08T10:00:00+07:00")),
            "s-1",
        ),
        permit_log(
            "IZN-2",
            at("2026-12-07T09:30:00+07:00"),
            Some(at("2026-12-15T11:00:00+07:00")),
            "s-2",
        ),
        permit_log("IZN-3", at("2026-12-14T08:00:00+07:00"), None, "s-1"),
    ];
    let cases: Vec<Case> = runs.iter().map(|(c, _)| c.clone()).collect();
    let logs: Vec<Vec<u8>> = runs
        .iter()
        .map(|(_, l)| serde_json::to_vec(l).unwrap())
        .collect();
    let dims = [Dimension::Step, Dimension::Staff];
    let from_cases = compliance(&cases, &[&p], &cal, december(), now, &dims).unwrap();
    for replay in [Replay::Checked, Replay::Trusted] {
        let from_logs =
            compliance_from_logs(&logs, &[&p], &cal, december(), now, &dims, replay).unwrap();
        assert_eq!(from_logs, from_cases);
    }
    // A tampered log (another staff member completing the check) is refused
    // when checked, with its position.
    let mut bad: serde_json::Value = serde_json::from_slice(&logs[0]).unwrap();
    bad[3]["actor"] = "s-9".into();
    let mut tampered = logs.clone();
    tampered[0] = serde_json::to_vec(&bad).unwrap();
    tampered.push(b"{}".to_vec());
    let err = compliance_from_logs(
        &tampered,
        &[&p],
        &cal,
        december(),
        now,
        &dims,
        Replay::Checked,
    )
    .unwrap_err();
    let got: Vec<(&str, &str)> = err
        .problems()
        .iter()
        .map(|p| (p.path.as_str(), p.code.as_str()))
        .collect();
    assert_eq!(
        got,
        [("logs[0]", "inconsistent_log"), ("logs[3]", "invalid_json")]
    );
}

/// The shared fixture `tests/fixtures/evaluation/compliance.json` (also
/// read by pytest and the JS suite): five stored logs, one report.
#[test]
fn shared_fixture() {
    use ptsp::evaluation::{Replay, compliance_from_logs};
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/evaluation/compliance.json");
    let f: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let (p, cal) = (Procedure::jatim_permit(), Calendar::jatim());
    let logs: Vec<String> = f["logs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.to_string())
        .collect();
    let period: Period = serde_json::from_value(f["period"].clone()).unwrap();
    let dims: Vec<Dimension> = serde_json::from_value(f["by"].clone()).unwrap();
    let r = compliance_from_logs(
        &logs,
        &[&p],
        &cal,
        period,
        at(f["now"].as_str().unwrap()),
        &dims,
        Replay::Checked,
    )
    .unwrap();
    let rows: Vec<serde_json::Value> = r
        .steps
        .iter()
        .map(|row| {
            let s = &row.stats;
            serde_json::json!([
                row.key,
                [s.started, s.finished, s.on_time, s.late, s.open, s.breached],
                s.minutes
                    .iter()
                    .map(|(m, n)| [u64::from(*m), *n])
                    .collect::<Vec<_>>()
            ])
        })
        .collect();
    assert_eq!(serde_json::Value::from(rows), f["steps"]);
    let cases: Vec<serde_json::Value> = r
        .cases
        .iter()
        .map(|row| serde_json::json!([row.key, row.stats]))
        .collect();
    assert_eq!(serde_json::Value::from(cases), f["cases"]);
    assert_eq!(r.steps_csv().lines().next(), f["csv_header"].as_str());
}

/// Open visits count in the month of `now`, kept within the period: a
/// report over November judged in December puts them in November.
#[test]
fn open_visits_count_within_the_period() {
    let (p, cal) = (Procedure::jatim_permit(), Calendar::jatim());
    let case = permit("IZN-9", at("2026-11-23T09:00:00+07:00"), None, "s-1");
    let november = Period {
        from: "2026-11-01".parse().unwrap(),
        to: "2026-11-30".parse().unwrap(),
    };
    let r = compliance(
        &[case],
        &[&p],
        &cal,
        november,
        at("2026-12-15T10:00:00+07:00"),
        &[Dimension::Month],
    )
    .unwrap();
    let months: Vec<&str> = r.steps.iter().map(|s| s.key[0].as_str()).collect();
    assert_eq!(months, ["2026-11"]);
    assert_eq!(
        (
            r.steps[0].stats.started,
            r.steps[0].stats.open,
            r.steps[0].stats.breached
        ),
        (1, 1, 1)
    );
}

/// A report from outside is checked before it is merged or rendered: keys
/// of the wrong width or out of order, figures that do not add up, counts
/// that would overflow, dates beyond the years instants may take.
#[test]
fn forged_reports_are_refused() {
    use ptsp::evaluation::StepRow;
    let (p, cal) = (Procedure::jatim_permit(), Calendar::jatim());
    let now = at("2026-12-31T15:00:00+07:00");
    let good = compliance(&four(), &[&p], &cal, december(), now, &[Dimension::Step]).unwrap();
    assert!(good.validate().is_empty());
    let mut forged = good.clone();
    forged.steps[0].key.clear();
    forged.steps[1].stats.on_time = forged.steps[1].stats.finished + 1;
    forged.steps.push(forged.steps[0].clone());
    let codes: Vec<(String, String)> = forged
        .validate()
        .into_iter()
        .map(|p| (p.path, p.code.as_str().to_owned()))
        .collect();
    assert!(
        codes.contains(&("steps[0].key".into(), "out_of_range".into())),
        "{codes:?}"
    );
    assert!(
        codes.contains(&("steps[1].stats.on_time".into(), "out_of_range".into())),
        "{codes:?}"
    );
    assert!(
        codes
            .iter()
            .any(|(p, c)| p.starts_with("steps[") && c == "duplicate_id"),
        "{codes:?}"
    );
    let mut a = good.clone();
    let before = a.clone();
    assert_eq!(a.merge(&forged).unwrap_err().code(), "invalid_report");
    assert_eq!(a, before, "a refused merge changes nothing");
    let err = ComplianceReport::merge_all(vec![good.clone(), forged]).unwrap_err();
    assert!(
        err.problems()
            .iter()
            .all(|p| p.path.starts_with("reports[1]."))
    );
    // Counts that would overflow when merged.
    let mut big = good.clone();
    big.steps = vec![StepRow {
        key: vec!["pemeriksaan".into()],
        stats: Default::default(),
    }];
    big.steps[0].stats.started = u64::MAX;
    big.cases.clear();
    let mut acc = big.clone();
    assert_eq!(acc.merge(&big).unwrap_err().code(), "invalid_report");
    assert_eq!(acc, big);
    // Periods beyond the years instants may take.
    let far = Period {
        from: "0001-01-01".parse().unwrap(),
        to: "9999-12-31".parse().unwrap(),
    };
    let err = ComplianceReport::new(far, now, &[]).unwrap_err();
    let paths: Vec<&str> = err.problems().iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, ["period.from", "period.to"]);
}
