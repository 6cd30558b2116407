//! Bounds at the boundary: every request is checked against the
//! procedure's [`crate::TextLimits`] and the instant range before anything
//! else (see DESIGN.md, "Bounds at the boundary").

use crate::error::Code;
use chrono::{DateTime, Datelike, FixedOffset};

use super::{Case, CaseError, CaseResult, Command, Request, SubmittedDocument};
use crate::error::Problem;
use crate::procedure::Procedure;

/// The years an instant may fall in when it crosses the engine's boundary
/// (a request's instant, every instant of an event, the `now` of an SLA
/// evaluation): far wider than any case, narrow enough that no deadline
/// or offset arithmetic can overflow.
pub const INSTANT_YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// Whether an instant may cross the engine's boundary: inside
/// [`INSTANT_YEARS`], with a UTC offset of whole minutes (RFC 3339, the
/// form events are stored in, has no seconds in an offset: an instant at
/// `+07:00:10` would come back from its JSON ten seconds off).
pub(crate) fn instant_in_range(t: DateTime<FixedOffset>) -> bool {
    INSTANT_YEARS.contains(&t.naive_utc().year()) && t.offset().local_minus_utc() % 60 == 0
}

/// The refusal of an instant [`instant_in_range`] refuses.
pub(crate) fn instant_problem(path: &str, t: DateTime<FixedOffset>) -> Problem {
    if t.offset().local_minus_utc() % 60 != 0 {
        let offset = t.offset().local_minus_utc();
        return Problem::new(
            path,
            Code::OffsetWithSeconds,
            format!(
                "the UTC offset of {offset} seconds is not a whole number of minutes: RFC 3339 cannot record it"
            ),
            format!(
                "selisih UTC {offset} detik bukan bilangan menit bulat: RFC 3339 tidak dapat mencatatnya"
            ),
        );
    }
    Problem::new(
        path,
        Code::InstantOutOfRange,
        format!(
            "instant {} is outside the years {} to {}",
            t.to_rfc3339(),
            INSTANT_YEARS.start(),
            INSTANT_YEARS.end()
        ),
        format!(
            "waktu {} berada di luar tahun {} sampai {}",
            t.to_rfc3339(),
            INSTANT_YEARS.start(),
            INSTANT_YEARS.end()
        ),
    )
}

/// Checks one instant parameter (e.g. the `now` of an SLA evaluation).
pub(crate) fn check_instant(path: &str, t: DateTime<FixedOffset>) -> CaseResult<()> {
    if instant_in_range(t) {
        Ok(())
    } else {
        Err(CaseError::InvalidInput {
            what: crate::error::phrase::INSTANT,
            problems: vec![instant_problem(path, t)],
        })
    }
}

/// Collects length and count problems of a request's fields.
struct Limits<'a> {
    limits: &'a crate::procedure::TextLimits,
    out: Vec<Problem>,
}

impl Limits<'_> {
    fn text(&mut self, path: &str, value: &str, max: usize) {
        crate::error::check_len(&mut self.out, path, value, max);
    }

    fn id(&mut self, path: &str, value: &str) {
        if value.trim().is_empty() {
            self.out.push(Problem::new(
                path,
                Code::EmptyId,
                format!("{path} is empty or blank: an identifier is required"),
                format!("{path} kosong: pengenal wajib diisi"),
            ));
        } else {
            self.text(path, value, self.limits.id);
        }
    }

    fn opt_id(&mut self, path: &str, value: Option<&String>) {
        if let Some(v) = value {
            self.id(path, v);
        }
    }

    fn count(&mut self, path: &str, n: usize) {
        if n > self.limits.items {
            self.out
                .push(crate::error::too_many(path, n, self.limits.items));
        }
    }

    fn documents(&mut self, documents: &[SubmittedDocument]) {
        self.count("command.documents", documents.len());
        for (i, d) in documents.iter().enumerate().take(self.limits.items) {
            self.text(
                &format!("command.documents[{i}].code"),
                &d.code,
                self.limits.id,
            );
            self.text(
                &format!("command.documents[{i}].format"),
                &d.format,
                self.limits.id,
            );
        }
    }
}

/// Every bound a request must keep, checked before anything else: blank
/// or over-long identifiers, over-long text, too many items, an instant
/// out of range or before the case's last event.
pub(super) fn check_request(case: &Case, p: &Procedure, req: &Request) -> CaseResult<()> {
    let limits = &p.def().limits;
    let mut l = Limits {
        limits,
        out: Vec::new(),
    };
    l.id("actor.id", &req.actor.id);
    l.count("actor.roles", req.actor.roles.len());
    for (i, r) in req.actor.roles.iter().enumerate().take(limits.items) {
        l.text(&format!("actor.roles[{i}]"), r, limits.id);
    }
    l.opt_id("actor.unit", req.actor.unit.as_ref());
    if !instant_in_range(req.at) {
        l.out.push(instant_problem("at", req.at));
    } else if let Some(last) = case.last_at
        && req.at < last
    {
        l.out.push(Problem::new(
            "at",
            Code::BeforeLastEvent,
            format!(
                "instant {} is earlier than the case's last event ({})",
                req.at.to_rfc3339(),
                last.to_rfc3339()
            ),
            format!(
                "waktu {} lebih awal daripada peristiwa terakhir kasus ({})",
                req.at.to_rfc3339(),
                last.to_rfc3339()
            ),
        ));
    }
    match &req.command {
        Command::Submit { case_id, documents } => {
            l.id("command.case_id", case_id);
            l.documents(documents);
        }
        Command::Resubmit { documents } => l.documents(documents),
        Command::CompleteStep {
            step,
            outcome,
            note,
            tier,
            outputs,
        } => {
            l.text("command.step", step, limits.id);
            if let Some(o) = outcome {
                l.text("command.outcome", o, limits.id);
            }
            if let Some(n) = note {
                l.text("command.note", n, limits.note);
            }
            if let Some(t) = tier {
                l.text("command.tier", t, limits.id);
            }
            l.count("command.outputs", outputs.len());
            for (i, o) in outputs.iter().enumerate().take(limits.items) {
                l.id(&format!("command.outputs[{i}].number"), &o.number);
                if !INSTANT_YEARS.contains(&o.date.year()) {
                    l.out.push(Problem::new(
                        format!("command.outputs[{i}].date"),
                        Code::DateOutOfRange,
                        format!(
                            "date {} is outside the years {} to {}",
                            o.date,
                            INSTANT_YEARS.start(),
                            INSTANT_YEARS.end()
                        ),
                        format!(
                            "tanggal {} berada di luar tahun {} sampai {}",
                            o.date,
                            INSTANT_YEARS.start(),
                            INSTANT_YEARS.end()
                        ),
                    ));
                }
                if let Some(f) = &o.file {
                    l.id(&format!("command.outputs[{i}].file"), f);
                }
            }
        }
        Command::ReturnForCorrection { step, reasons } => {
            l.text("command.step", step, limits.id);
            l.count("command.reasons", reasons.len());
            for (i, r) in reasons.iter().enumerate().take(limits.items) {
                l.text(
                    &format!("command.reasons[{i}].document"),
                    &r.document,
                    limits.id,
                );
                l.text(
                    &format!("command.reasons[{i}].reason"),
                    &r.reason,
                    limits.reason,
                );
            }
        }
        Command::Reject { step, reason } => {
            l.text("command.step", step, limits.id);
            l.text("command.reason", reason, limits.reason);
        }
        Command::Withdraw { reason } => {
            if let Some(r) = reason {
                l.text("command.reason", r, limits.reason);
            }
        }
        Command::Assign {
            lane,
            unit,
            staff,
            reason,
        } => {
            l.text("command.lane", lane, limits.id);
            l.opt_id("command.unit", unit.as_ref());
            l.opt_id("command.staff", staff.as_ref());
            if let Some(r) = reason {
                l.text("command.reason", r, limits.reason);
            }
        }
        Command::Lapse { step } | Command::Escalate { step, .. } => {
            l.text("command.step", step, limits.id)
        }
        Command::Supervise { text, .. } => l.text("command.text", text, limits.note),
    }
    if l.out.is_empty() {
        Ok(())
    } else {
        Err(CaseError::InvalidInput {
            what: super::phrase::REQUEST,
            problems: l.out,
        })
    }
}
