//! Conformance with the seed's flows, end to end on the built-in procedures:
//! the permit procedure of §3 (Sistem, Mekanisme, dan Prosedur), the
//! electronic consultation flow of §7 (Alur Konsultasi secara Elektronik,
//! both the Ya and the Tidak branch with the Belum Valid loop), and the
//! electronic complaint flow (§7; its diagram is lost from the seed, so the
//! built-in follows the consultation's routing — see DOMAIN.md).
//!
//! Every step taken is checked for the step entered, its lane (the seed's
//! columns) and the deadline the seed states, each with the seed section
//! it comes from. Deadlines were counted by hand on the East Java calendar
//! (Monday–Thursday close 16:00, Friday 16:30, WIB; day 1 is the working
//! day after receipt); the days off they skip are asserted first.

use ptsp::procedure::builtin::{complaint, consultation, permit};
use ptsp::sla::evaluate;
use ptsp::{
    Actor, Calendar, Case, CaseStatus, ClockStatus, Command, EndKind, Event, LaneKind, OutputKind,
    OutputRecord, Procedure, Request, SlaUnit, SubmittedDocument,
};

/// A case walked step by step, keeping its log.
struct Flow {
    p: Procedure,
    cal: Calendar,
    case: Case,
    log: Vec<Event>,
}

impl Flow {
    fn new(p: Procedure) -> Flow {
        Flow {
            p,
            cal: Calendar::jatim(),
            case: Case::new(),
            log: Vec::new(),
        }
    }

    /// Executes a request that must succeed.
    fn act(&mut self, actor: &Actor, at: &str, command: Command) {
        let req = Request {
            actor: actor.clone(),
            at: ptsp::calendar::parse_instant(at).unwrap(),
            command,
        };
        match self.case.execute(&req, &self.p, &self.cal) {
            Ok(events) => self.log.extend(events),
            Err(e) => panic!("{} at {at}: {e}", req.command.name()),
        }
    }

    /// The step the case is at, and the id and kind of its lane.
    fn at(&self) -> (&str, &str, LaneKind) {
        let step = self.case.current.as_deref().unwrap();
        let lane = self.p.lane_of(step).unwrap();
        (step, lane.id.as_str(), lane.kind)
    }

    /// The current deadline as RFC 3339 text.
    fn due(&self) -> Option<String> {
        self.case.due().map(|d| d.to_rfc3339())
    }

    /// The log replays (checked) to the same case.
    fn replays(&self) {
        assert_eq!(Case::replay(&self.log, &self.p).unwrap(), self.case);
    }
}

fn day_off(cal: &Calendar, date: &str) -> bool {
    !cal.is_working_day(date.parse().unwrap()).unwrap()
}

fn date(d: &str) -> chrono::NaiveDate {
    ptsp::calendar::parse_date(d).unwrap()
}

/// §3: upload → check (≤ 3 working days) → Berita Acara / recommendation
/// (OPD Teknis) → approval (≤ 3 working days) → print → permit issued.
#[test]
fn permit_flow_of_section_3() {
    let mut f = Flow::new(Procedure::jatim_permit());
    // The days the two deadlines below skip: 24 Dec 2026 (cuti bersama) and
    // 25 Dec (Christmas), 1 Jan 2027 (New Year), and the weekends.
    for d in [
        "2026-12-24",
        "2026-12-25",
        "2026-12-26",
        "2027-01-01",
        "2027-01-02",
    ] {
        assert!(day_off(&f.cal, d), "{d}");
    }
    // §3 Keterangan: the check and the approval are "maksimal 3 hari kerja";
    // the other rows state no time.
    for s in &f.p.def().steps {
        let days = s.sla.as_ref().map(|sla| (sla.amount, sla.unit));
        let want = [permit::steps::VERIFY, permit::steps::APPROVE]
            .contains(&s.id.as_str())
            .then_some((3, SlaUnit::WorkingDays));
        assert_eq!(days, want, "{}", s.id);
    }

    let applicant = Actor::new("p-1", &[permit::roles::APPLICANT], None);
    let verifier = Actor::new("v-1", &[permit::roles::VERIFIER], None);
    let front = Actor::new("f-1", &[permit::roles::FRONT_OFFICE], None);
    let agency = Actor::new("o-1", &[permit::roles::TECHNICAL_AGENCY], Some("dinkes"));
    let official = Actor::new("k-1", &[permit::roles::AUTHORISED_OFFICIAL], None);

    // §3 row 1: the applicant (column Pemohon) uploads the documents of
    // Lampiran II (sample list) on Tuesday 22 Dec 2026, 09:15.
    assert_eq!(f.p.def().start, permit::steps::UPLOAD);
    assert_eq!(
        f.p.lane_of(permit::steps::UPLOAD).unwrap().kind,
        LaneKind::Applicant
    );
    let documents = ["surat_permohonan", "ktp", "nib", "npwp", "dokumen_teknis"]
        .map(|c| SubmittedDocument::new(c, "pdf", 250_000))
        .to_vec();
    f.act(
        &applicant,
        "2026-12-22T09:15:00+07:00",
        Command::Submit {
            case_id: "IZN-2026-0500".into(),
            documents,
        },
    );
    // §3 row 2: PTSP checks completeness and correctness, at most 3 working
    // days: 23, 28 and 29 Dec, so by the close of Tuesday 29 Dec.
    assert_eq!(
        f.at(),
        (
            permit::steps::VERIFY,
            permit::lanes::OFFICE,
            LaneKind::Office
        )
    );
    assert_eq!(f.due().as_deref(), Some("2026-12-29T16:00:00+07:00"));
    // §3 (DOMAIN.md): an incomplete file may go back to the applicant, a
    // rejected one ends — both allowed at the check.
    let check = f.p.step(permit::steps::VERIFY).unwrap();
    assert!(check.correction && check.can_reject);

    // The front office routes the case to the technical agency (the OPD
    // Teknis column is a unit the case is assigned to).
    f.act(
        &front,
        "2026-12-22T10:00:00+07:00",
        Command::Assign {
            lane: permit::lanes::TECHNICAL_AGENCY.into(),
            unit: Some("dinkes".into()),
            staff: None,
            reason: None,
        },
    );
    // The check has one outcome (complete and correct): it need not be named.
    f.act(
        &verifier,
        "2026-12-28T10:00:00+07:00",
        Command::finish(permit::steps::VERIFY),
    );
    // §3 row 3: the OPD Teknis makes the Berita Acara / issues the
    // recommendation; the seed states no time for it.
    assert_eq!(
        f.at(),
        (
            permit::steps::RECOMMEND,
            permit::lanes::TECHNICAL_AGENCY,
            LaneKind::RoutedUnit
        )
    );
    assert_eq!(f.due(), None);
    f.act(
        &agency,
        "2026-12-29T09:00:00+07:00",
        Command::complete(permit::steps::RECOMMEND, permit::outcomes::RECOMMENDED).with_output(
            OutputRecord::new(
                OutputKind::Rekomendasi,
                "445/REK/0500/2026",
                date("2026-12-29"),
            ),
        ),
    );
    // §3 row 4: PTSP approves, at most 3 working days: 30 and 31 Dec and
    // Monday 4 Jan 2027 (1 Jan is New Year's Day).
    assert_eq!(
        f.at(),
        (
            permit::steps::APPROVE,
            permit::lanes::OFFICE,
            LaneKind::Office
        )
    );
    assert_eq!(f.due().as_deref(), Some("2027-01-04T16:00:00+07:00"));
    f.act(
        &official,
        "2026-12-31T14:00:00+07:00",
        Command::complete(permit::steps::APPROVE, permit::outcomes::APPROVED),
    );
    // §3 row 5: Cetak Izin, in the PTSP column; no time stated.
    assert_eq!(
        f.at(),
        (
            permit::steps::PRINT,
            permit::lanes::OFFICE,
            LaneKind::Office
        )
    );
    assert_eq!(f.due(), None);
    f.act(
        &front,
        "2026-12-31T15:00:00+07:00",
        Command::finish(permit::steps::PRINT).with_output(OutputRecord::new(
            OutputKind::Izin,
            "503/IZN/0500/2026",
            date("2026-12-31"),
        )),
    );
    // The permit is issued.
    assert_eq!(f.case.status, CaseStatus::Ended(EndKind::Approved));
    assert_eq!(f.case.current.as_deref(), Some(permit::steps::ISSUED));
    // §10 (openness): the public tracking view shows the permit number.
    assert_eq!(
        f.case.tracking(&f.p).permit_number.as_deref(),
        Some("503/IZN/0500/2026")
    );
    // §3: both timed steps met their 3 working days.
    let now = ptsp::calendar::parse_instant("2027-01-04T08:00:00+07:00").unwrap();
    let report = evaluate(&f.case, &f.p, &f.cal, now).unwrap();
    let statuses: Vec<(&str, ClockStatus)> = report
        .steps
        .iter()
        .map(|s| (s.step.as_str(), s.status))
        .collect();
    assert_eq!(
        statuses,
        [
            (permit::steps::VERIFY, ClockStatus::MetOnTime),
            (permit::steps::RECOMMEND, ClockStatus::Done),
            (permit::steps::APPROVE, ClockStatus::MetOnTime),
            (permit::steps::PRINT, ClockStatus::Done),
        ]
    );
    assert_eq!(report.case.breached, 0);
    f.replays();
}

/// §3 row 3 (DOMAIN.md: "a rejected one ends"): an agency that does not
/// recommend ends the application as refused.
#[test]
fn permit_not_recommended_ends_refused() {
    let p = Procedure::jatim_permit();
    let recommend = p.step(permit::steps::RECOMMEND).unwrap();
    let no = recommend
        .outcomes
        .iter()
        .find(|o| o.id == permit::outcomes::NOT_RECOMMENDED)
        .unwrap();
    assert_eq!(no.next, permit::steps::REFUSED);
    assert_eq!(
        p.step(permit::steps::REFUSED).unwrap().end,
        Some(EndKind::Rejected)
    );
}

/// The actors of the consultation and complaint flows (§7's columns).
struct Desk {
    asker: Actor,
    operator: Actor,
    head: Actor,
    unit: Actor,
    official: Actor,
}

fn desk() -> Desk {
    use consultation::roles;
    Desk {
        asker: Actor::new("a-1", &[roles::ASKER], None),
        operator: Actor::new("op-1", &[roles::OPERATOR], None),
        head: Actor::new("kp-1", &[roles::HEAD_OF_COMPLAINTS], None),
        unit: Actor::new("u-1", &[roles::UNIT_OFFICER], Some("bidang-perizinan")),
        official: Actor::new("pj-1", &[roles::AUTHORISED_OFFICIAL], None),
    }
}

fn submit(id: &str) -> Command {
    Command::Submit {
        case_id: id.into(),
        documents: Vec::new(),
    }
}

fn assign_unit(lane: &str) -> Command {
    Command::Assign {
        lane: lane.into(),
        unit: Some("bidang-perizinan".into()),
        staff: None,
        reason: None,
    }
}

/// §7, Alur Konsultasi: the seed's "Keterangan Waktu" column is empty, so
/// no step has a deadline.
#[test]
fn consultation_steps_have_no_deadline() {
    let p = Procedure::jatim_consultation();
    assert!(p.def().steps.iter().all(|s| s.sla.is_none()));
}

/// §7, Alur Konsultasi, branch Ya: 1 → 2 (the Operator can answer) → 5
/// (validation, Valid) → 6 (the answer delivered).
#[test]
fn consultation_flow_ya() {
    use consultation::{lanes, outcomes, steps};
    let d = desk();
    let mut f = Flow::new(Procedure::jatim_consultation());
    // §7 step 1: the asker (column Pemohon Konsultasi) submits a question.
    f.act(&d.asker, "2026-06-08T09:00:00+07:00", submit("KONS-1"));
    // §7 step 2: the Operator classifies and, if able, answers.
    assert_eq!(f.at(), (steps::CLASSIFY, lanes::OPERATOR, LaneKind::Office));
    f.act(
        &d.operator,
        "2026-06-08T10:00:00+07:00",
        Command::complete(steps::CLASSIFY, outcomes::YES),
    );
    // §7 step 2, Ya → step 5: the head of complaints validates the answer.
    assert_eq!(
        f.at(),
        (
            steps::VALIDATE_OPERATOR,
            lanes::HEAD_OF_COMPLAINTS,
            LaneKind::Office
        )
    );
    f.act(
        &d.head,
        "2026-06-08T11:00:00+07:00",
        Command::complete(steps::VALIDATE_OPERATOR, outcomes::VALID),
    );
    // §7 step 6 and item 5: the answer is delivered by the authorised
    // official.
    assert_eq!(f.at(), (steps::DELIVER, lanes::OFFICIAL, LaneKind::Office));
    f.act(
        &d.official,
        "2026-06-08T13:00:00+07:00",
        Command::finish(steps::DELIVER),
    );
    assert_eq!(f.case.status, CaseStatus::Ended(EndKind::Completed));
    assert_eq!(f.case.current.as_deref(), Some(steps::CLOSED));
    // §7: no step had a deadline.
    assert!(f.case.visits.iter().all(|v| v.due.is_none()));
    f.replays();
}

/// §7, Alur Konsultasi, branch Tidak: 1 → 2 (the Operator cannot answer) →
/// 3 (distribution) → 4 (the unit answers) → 5 (Belum Valid → back to 4)
/// → 4 → 5 (Valid) → 6 (delivered).
#[test]
fn consultation_flow_tidak_with_the_belum_valid_loop() {
    use consultation::{lanes, outcomes, steps};
    let d = desk();
    let mut f = Flow::new(Procedure::jatim_consultation());
    f.act(&d.asker, "2026-06-08T09:00:00+07:00", submit("KONS-2"));
    // §7 step 2, Tidak → step 3.
    f.act(
        &d.operator,
        "2026-06-08T10:00:00+07:00",
        Command::complete(steps::CLASSIFY, outcomes::NO),
    );
    // §7 step 3: the head of complaints (Kepala Bidang Pengaduan column)
    // distributes to a Bidang of DPMPTSP or an OPD: the unit lane is
    // assigned, then the distribution completes.
    assert_eq!(
        f.at(),
        (
            steps::DISTRIBUTE,
            lanes::HEAD_OF_COMPLAINTS,
            LaneKind::Office
        )
    );
    f.act(
        &d.head,
        "2026-06-08T10:30:00+07:00",
        assign_unit(lanes::UNIT),
    );
    f.act(
        &d.head,
        "2026-06-08T10:35:00+07:00",
        Command::finish(steps::DISTRIBUTE),
    );
    // §7 step 4: the Bidang/OPD (column OPD / Bidang Lain) fills in the
    // answer.
    assert_eq!(f.at(), (steps::ANSWER, lanes::UNIT, LaneKind::RoutedUnit));
    f.act(
        &d.unit,
        "2026-06-09T09:00:00+07:00",
        Command::complete(steps::ANSWER, outcomes::ANSWERED),
    );
    // §7 step 5: the head validates — Belum Valid goes back to step 4.
    assert_eq!(
        f.at(),
        (steps::VALIDATE, lanes::HEAD_OF_COMPLAINTS, LaneKind::Office)
    );
    f.act(
        &d.head,
        "2026-06-09T10:00:00+07:00",
        Command::complete(steps::VALIDATE, outcomes::NOT_YET_VALID),
    );
    assert_eq!(f.at(), (steps::ANSWER, lanes::UNIT, LaneKind::RoutedUnit));
    f.act(
        &d.unit,
        "2026-06-09T14:00:00+07:00",
        Command::complete(steps::ANSWER, outcomes::ANSWERED),
    );
    // §7 step 5, Valid → step 6.
    f.act(
        &d.head,
        "2026-06-10T09:00:00+07:00",
        Command::complete(steps::VALIDATE, outcomes::VALID),
    );
    // §7 step 6 and item 5: the authorised official delivers the answer.
    assert_eq!(f.at(), (steps::DELIVER, lanes::OFFICIAL, LaneKind::Office));
    f.act(
        &d.official,
        "2026-06-10T11:00:00+07:00",
        Command::finish(steps::DELIVER),
    );
    assert_eq!(f.case.status, CaseStatus::Ended(EndKind::Completed));
    let walked: Vec<&str> = f.case.visits.iter().map(|v| v.step.as_str()).collect();
    assert_eq!(
        walked,
        [
            steps::CLASSIFY,
            steps::DISTRIBUTE,
            steps::ANSWER,
            steps::VALIDATE,
            steps::ANSWER,
            steps::VALIDATE,
            steps::DELIVER,
        ]
    );
    f.replays();
}

/// §7, electronic complaints (the diagram is lost; the built-in follows the
/// consultation's routing): submitted through JOSS (items 1–3), verified by
/// the helpdesk admin and passed to the unit responsible (item 4),
/// validated, delivered by the authorised official (item 5), and confirmed
/// by the complainant.
#[test]
fn complaint_flow() {
    use complaint::{lanes, outcomes, steps, tiers};
    let d = desk();
    let mut f = Flow::new(Procedure::jatim_complaint());
    // The days the deadlines below skip: Nyepi and Idul Fitri 2026 with their
    // cuti bersama (18–24 March), Good Friday (3 April), weekends.
    for day in 18..=24 {
        assert!(day_off(&f.cal, &format!("2026-03-{day}")), "March {day}");
    }
    assert!(day_off(&f.cal, "2026-04-03"));

    // §7 items 1–3: the complainant files the complaint on the web form, on
    // Tuesday 17 March 2026.
    f.act(&d.asker, "2026-03-17T10:00:00+07:00", submit("ADU-1"));
    // §7 item 4: the helpdesk admin follows it up. Verification takes at
    // most 3 working days — a setting of the built-in (the seed states no
    // time): 25, 26 and 27 March, to the Friday close at 16:30.
    assert_eq!(f.at(), (steps::VERIFY, lanes::OPERATOR, LaneKind::Office));
    assert_eq!(f.due().as_deref(), Some("2026-03-27T16:30:00+07:00"));
    f.act(
        &d.operator,
        "2026-03-25T09:00:00+07:00",
        Command::CompleteStep {
            step: steps::VERIFY.into(),
            outcome: Some(outcomes::VERIFIED.into()),
            note: None,
            tier: Some(tiers::HIGH.into()),
            outputs: Vec::new(),
        },
    );
    // The tier "tinggi" sets a case deadline of 5 working days from the
    // verification (a setting, see the procedure's note): 26, 27, 30, 31
    // March and 1 April.
    assert_eq!(
        f.case.case_due.map(|d| d.to_rfc3339()).as_deref(),
        Some("2026-04-01T16:00:00+07:00")
    );
    // §7 item 4 (the consultation's step 3): the head of complaints
    // distributes to the division or agency responsible.
    assert_eq!(
        f.at(),
        (
            steps::DISTRIBUTE,
            lanes::HEAD_OF_COMPLAINTS,
            LaneKind::Office
        )
    );
    f.act(
        &d.head,
        "2026-03-25T10:00:00+07:00",
        assign_unit(lanes::UNIT),
    );
    f.act(
        &d.head,
        "2026-03-25T10:05:00+07:00",
        Command::finish(steps::DISTRIBUTE),
    );
    // The unit answers; it does not see who complained (Perpres 76/2013).
    assert_eq!(f.at(), (steps::ANSWER, lanes::UNIT, LaneKind::RoutedUnit));
    assert!(!f.case.sees_applicant(&d.unit, &f.p));
    assert!(f.case.sees_applicant(&d.operator, &f.p));
    f.act(
        &d.unit,
        "2026-03-26T11:00:00+07:00",
        Command::complete(steps::ANSWER, outcomes::ANSWERED),
    );
    // The head validates (§7's step 5).
    assert_eq!(
        f.at(),
        (steps::VALIDATE, lanes::HEAD_OF_COMPLAINTS, LaneKind::Office)
    );
    f.act(
        &d.head,
        "2026-03-26T14:00:00+07:00",
        Command::complete(steps::VALIDATE, outcomes::VALID),
    );
    // §7 item 5: the answer is given by the authorised official.
    assert_eq!(f.at(), (steps::DELIVER, lanes::OFFICIAL, LaneKind::Office));
    f.act(
        &d.official,
        "2026-03-27T09:00:00+07:00",
        Command::finish(steps::DELIVER),
    );
    // The complainant confirms or reopens within 5 working days (a setting):
    // 30, 31 March, 1, 2 and 6 April; the case clock stops meanwhile.
    assert_eq!(f.at(), (steps::CONFIRM, lanes::ASKER, LaneKind::Applicant));
    assert_eq!(f.due().as_deref(), Some("2026-04-06T16:00:00+07:00"));
    assert!(f.case.case_clock_paused());
    f.act(
        &d.asker,
        "2026-03-30T08:00:00+07:00",
        Command::complete(steps::CONFIRM, outcomes::ACCEPTED),
    );
    assert_eq!(f.case.status, CaseStatus::Ended(EndKind::Completed));
    assert_eq!(f.case.current.as_deref(), Some(steps::CLOSED));
    // The verification met its deadline; nothing was breached.
    let now = ptsp::calendar::parse_instant("2026-04-07T08:00:00+07:00").unwrap();
    let report = evaluate(&f.case, &f.p, &f.cal, now).unwrap();
    assert_eq!(report.steps[0].step, steps::VERIFY);
    assert_eq!(report.steps[0].status, ClockStatus::MetOnTime);
    assert_eq!(report.case.breached, 0);
    f.replays();
}

/// §7 item 4 ("sesuai dengan bidang / bagian yang membidangi"): a complaint
/// outside the office's authority is forwarded, and ends there.
#[test]
fn complaint_not_our_authority_is_forwarded() {
    use complaint::{lanes, outcomes, steps};
    let d = desk();
    let mut f = Flow::new(Procedure::jatim_complaint());
    f.act(&d.asker, "2026-06-08T09:00:00+07:00", submit("ADU-2"));
    f.act(
        &d.operator,
        "2026-06-08T10:00:00+07:00",
        Command::complete(steps::VERIFY, outcomes::NOT_OURS),
    );
    assert_eq!(f.case.status, CaseStatus::Ended(EndKind::Forwarded));
    assert_eq!(f.case.current.as_deref(), Some(steps::FORWARDED));
    assert_eq!(f.p.lane_of(steps::FORWARDED).unwrap().id, lanes::OPERATOR);
    f.replays();
}
