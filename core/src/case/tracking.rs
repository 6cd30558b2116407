//! Views of a case: the public tracking view (seed §10, openness of
//! information) and the views for actors who may not see who the applicant
//! is.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::{Actor, Case, CaseStatus, Event, EventKind};
use crate::error::Lang;
use crate::procedure::{OutputKind, Procedure, StepKind};

/// One line of a public tracking history.
///
/// # Example
/// ```
/// let t: ptsp::TrackingEntry = serde_json::from_str(
///     r#"{"at": "2026-12-22T09:15:00+07:00", "what": "step_entered", "step": "pemeriksaan"}"#)?;
/// assert_eq!(t.what, "step_entered");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TrackingEntry {
    /// When.
    pub at: DateTime<FixedOffset>,
    /// `step_entered`, `step_completed`, `returned_for_correction`,
    /// `resubmitted`, `rejected`, `withdrawn`, `lapsed`.
    pub what: String,
    /// The step.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<String>,
    /// The outcome, for completed steps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<String>,
}

/// The public view of a case (seed §10, openness of information): status,
/// current step, due date and history — without personal data (no actor
/// ids, applicant, notes, reasons or documents).
///
/// # Example
/// ```
/// let t = ptsp::Case::new().tracking(&ptsp::Procedure::jatim_permit());
/// assert!(t.history.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Tracking {
    /// Case id.
    pub case_id: String,
    /// Procedure name.
    pub procedure: crate::procedure::Label,
    /// Status.
    pub status: CaseStatus,
    /// The current step: its id and name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_step: Option<CurrentStep>,
    /// Current deadline, while the current step's clock runs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<DateTime<FixedOffset>>,
    /// While the file is with the applicant for correction: the working
    /// seconds left on the stopped clock (there is no deadline then).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paused_remaining_seconds: Option<i64>,
    /// The number of the permit (or non-permit document) issued, once
    /// recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permit_number: Option<String>,
    /// History, oldest first.
    pub history: Vec<TrackingEntry>,
}

impl Tracking {
    /// One line for the public: where the case stands and what its clock
    /// says ("paused, N working hours left" while the file is with the
    /// applicant).
    ///
    /// # Example
    /// ```
    /// let t = ptsp::Case::new().tracking(&ptsp::Procedure::jatim_permit());
    /// assert_eq!(t.clock_text(ptsp::Lang::En), "not submitted");
    /// ```
    pub fn clock_text(&self, lang: Lang) -> String {
        let hours = |s: i64| {
            let h = s / 3600;
            let m = (s % 3600) / 60;
            match (lang, m) {
                (Lang::En, 0) => format!("{h} working hours"),
                (Lang::En, _) => format!("{h} working hours {m} minutes"),
                (Lang::Id, 0) => format!("{h} jam kerja"),
                (Lang::Id, _) => format!("{h} jam {m} menit kerja"),
            }
        };
        match (self.status, lang) {
            (CaseStatus::New, Lang::En) => "not submitted".into(),
            (CaseStatus::New, Lang::Id) => "belum diajukan".into(),
            (CaseStatus::Ended(_), _) => self.status.label(lang),
            (CaseStatus::AwaitingCorrection, _) => match (self.paused_remaining_seconds, lang) {
                (Some(s), Lang::En) => format!("paused, {} left", hours(s)),
                (Some(s), Lang::Id) => format!("dijeda, sisa {}", hours(s)),
                (None, Lang::En) => "paused, with the applicant".into(),
                (None, Lang::Id) => "dijeda, berkas di pemohon".into(),
            },
            (CaseStatus::Active, _) => match (self.due, lang) {
                (Some(d), Lang::En) => format!("due {}", d.format("%Y-%m-%d %H:%M (%:z)")),
                (Some(d), Lang::Id) => format!("batas waktu {}", d.format("%Y-%m-%d %H:%M (%:z)")),
                (None, Lang::En) => "in progress".into(),
                (None, Lang::Id) => "sedang diproses".into(),
            },
        }
    }
}

impl Case {
    /// The public tracking view.
    ///
    /// # Example
    /// ```
    /// let json = serde_json::to_string(&ptsp::Case::new().tracking(&ptsp::Procedure::jatim_permit()))?;
    /// assert!(!json.contains("applicant"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn tracking(&self, p: &Procedure) -> Tracking {
        let mut history = Vec::new();
        let entry = |at, what: &str, step: &str, outcome: Option<&String>| TrackingEntry {
            at,
            what: what.to_owned(),
            step: Some(step.to_owned()),
            outcome: outcome.cloned(),
        };
        for v in &self.visits {
            history.push(entry(v.started, "step_entered", &v.step, None));
            for (from, to) in &v.pauses {
                history.push(entry(*from, "returned_for_correction", &v.step, None));
                if let Some(to) = to {
                    history.push(entry(*to, "resubmitted", &v.step, None));
                }
            }
            if let (Some(at), Some(outcome)) = (v.ended, &v.outcome) {
                let what = match outcome.as_str() {
                    "rejected" | "withdrawn" | "lapsed" => outcome.as_str(),
                    _ => "step_completed",
                };
                let shown = (what == "step_completed").then_some(outcome);
                history.push(entry(at, what, &v.step, shown));
            }
        }
        // A case that ended by reaching an end step: that step was entered last.
        if let (CaseStatus::Ended(_), Some(step), Some(at)) =
            (self.status, &self.current, self.last_at)
            && p.step(step).is_some_and(|s| s.kind == StepKind::End)
        {
            history.push(entry(at, "step_entered", step, None));
        }
        Tracking {
            case_id: self.id.clone(),
            procedure: p.def().name.clone(),
            status: self.status,
            current_step: self.current.as_ref().and_then(|s| {
                p.step(s).map(|d| CurrentStep {
                    id: s.clone(),
                    name: d.name.clone(),
                })
            }),
            due: self.due(),
            paused_remaining_seconds: self.paused_remaining(),
            permit_number: self
                .visits
                .iter()
                .flat_map(|v| &v.outputs)
                .rev()
                .find(|o| matches!(o.kind, OutputKind::Izin | OutputKind::NonIzin))
                .map(|o| o.number.clone()),
            history,
        }
    }
}

/// What replaces a confidential applicant's identity in a redacted view.
pub const REDACTED: &str = "[dirahasiakan]";

impl Case {
    /// Whether `actor` may see who the applicant is: the applicant
    /// themselves, or an actor holding a role of a lane that sees the
    /// applicant ([`crate::LaneDef::sees_applicant`]). Roles of no lane see
    /// nothing (least privilege).
    ///
    /// # Example
    /// ```
    /// let p = ptsp::Procedure::jatim_permit();
    /// let case = ptsp::Case::new();
    /// assert!(case.sees_applicant(&ptsp::Actor::new("v", &["verifikator"], None), &p));
    /// assert!(!case.sees_applicant(&ptsp::Actor::new("x", &[], None), &p));
    /// ```
    pub fn sees_applicant(&self, actor: &Actor, p: &Procedure) -> bool {
        (!self.applicant.is_empty() && actor.id == self.applicant)
            || p.def()
                .lanes
                .iter()
                .filter(|l| l.sees_applicant)
                .any(|l| l.roles.iter().any(|r| actor.has_role(r)))
    }

    /// The case as `actor` may see it: the applicant's identity replaced by
    /// [`REDACTED`] when [`Case::sees_applicant`] says no.
    ///
    /// # Example
    /// ```
    /// let p = ptsp::Procedure::jatim_permit();
    /// let mut case = ptsp::Case::new();
    /// case.applicant = "p-1".into();
    /// let seen = case.view_for(&ptsp::Actor::new("x", &["satpam"], None), &p);
    /// assert_eq!(seen.applicant, ptsp::case::REDACTED);
    /// ```
    pub fn view_for(&self, actor: &Actor, p: &Procedure) -> Case {
        let mut view = self.clone();
        if !self.sees_applicant(actor, p) {
            view.applicant = REDACTED.to_owned();
        }
        view
    }

    /// A case's log as `actor` may see it: events by the applicant carry
    /// [`REDACTED`] as their actor, and the submission hides the applicant,
    /// when [`Case::sees_applicant`] says no.
    ///
    /// # Example
    /// ```
    /// let p = ptsp::Procedure::jatim_permit();
    /// assert!(ptsp::Case::new().events_for(&[], &ptsp::Actor::new("x", &[], None), &p).is_empty());
    /// ```
    pub fn events_for(&self, events: &[Event], actor: &Actor, p: &Procedure) -> Vec<Event> {
        if self.sees_applicant(actor, p) {
            return events.to_vec();
        }
        events
            .iter()
            .map(|e| {
                let mut e = e.clone();
                if e.actor == self.applicant {
                    e.actor = REDACTED.to_owned();
                }
                if let EventKind::Submitted { applicant, .. } = &mut e.kind {
                    *applicant = REDACTED.to_owned();
                }
                e
            })
            .collect()
    }
}

/// The step a case is at, in the public view: its id and name.
///
/// # Example
/// ```
/// use ptsp::Label;
/// let s = ptsp::case::CurrentStep { id: "cetak".into(), name: Label::new("Cetak Izin", "Print the permit") };
/// assert_eq!(serde_json::to_value(&s).unwrap()["id"], "cetak");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CurrentStep {
    /// The step id.
    pub id: String,
    /// The step's name in both languages.
    pub name: crate::procedure::Label,
}
