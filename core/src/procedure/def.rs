//! The definition types: a procedure as plain serde data ([`ProcedureDef`])
//! with its roles, lanes, steps, outcomes, SLAs, tiers and settings.

use serde::{Deserialize, Serialize};

use super::{DocumentRequirement, Label};
use crate::error::{Code, Problem};

/// A role an actor may hold (e.g. `pemohon`, `verifikator`).
///
/// # Example
/// ```
/// let p = ptsp::ProcedureDef::jatim_permit();
/// assert!(p.roles.iter().any(|r| r.id == "pemohon"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RoleDef {
    /// Identifier.
    pub id: String,
    /// Name.
    pub name: Label,
}

/// Who a lane's work belongs to.
///
/// # Example
/// ```
/// let k: ptsp::LaneKind = serde_json::from_str("\"routed_unit\"")?;
/// assert_eq!(k, ptsp::LaneKind::RoutedUnit);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum LaneKind {
    /// The applicant (*pemohon*): only the case's own applicant acts.
    Applicant,
    /// The office itself: anyone holding one of the lane's roles.
    Office,
    /// A unit the case is routed to (a technical agency, *OPD teknis*, or a
    /// division): only actors of that unit, once the case is assigned to it.
    RoutedUnit,
}

/// A swimlane of the procedure table.
///
/// # Example
/// ```
/// let p = ptsp::ProcedureDef::jatim_permit();
/// let opd = p.lanes.iter().find(|l| l.id == "opd_teknis").unwrap();
/// assert_eq!(opd.kind, ptsp::LaneKind::RoutedUnit);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LaneDef {
    /// Identifier.
    pub id: String,
    /// Name.
    pub name: Label,
    /// Who the lane belongs to.
    pub kind: LaneKind,
    /// Roles that may act in this lane.
    pub roles: Vec<String>,
    /// Whether actors of this lane may see who the applicant is (a
    /// complainant's identity is confidential, Perpres 76/2013).
    #[serde(default = "yes", skip_serializing_if = "Clone::clone")]
    pub sees_applicant: bool,
}

fn yes() -> bool {
    true
}

/// A severity tier and the case-level deadline it sets, counted from the
/// completion of the step that sets it (e.g. complaint verification) to the
/// end of the case.
///
/// # Example
/// ```
/// let t: ptsp::Tier = serde_json::from_str(
///     r#"{"id": "biasa", "name": {"id": "Biasa", "en": "Normal"}, "sla": {"amount": 14, "unit": "working_days"}}"#)?;
/// assert_eq!(t.sla.amount, 14);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Tier {
    /// Identifier.
    pub id: String,
    /// Name.
    pub name: Label,
    /// The deadline.
    pub sla: Sla,
}

/// Task, decision or end.
///
/// # Example
/// ```
/// let k: ptsp::StepKind = serde_json::from_str("\"decision\"")?;
/// assert_eq!(k, ptsp::StepKind::Decision);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum StepKind {
    /// Work with at least one outcome.
    Task,
    /// A choice between at least two outcomes.
    Decision,
    /// The case ends here.
    End,
}

/// How a case ended.
///
/// # Example
/// ```
/// let k: ptsp::EndKind = serde_json::from_str("\"approved\"")?;
/// assert_eq!(k, ptsp::EndKind::Approved);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EndKind {
    /// The permit (or answer) was granted.
    Approved,
    /// Refused.
    Rejected,
    /// Withdrawn by the applicant.
    Withdrawn,
    /// Finished without a grant/refusal meaning (e.g. an answer delivered).
    Completed,
    /// Passed on to another agency (a complaint outside the office's
    /// authority).
    Forwarded,
    /// Archived without further action (e.g. a complaint that is not one).
    Archived,
    /// Lapsed: the applicant did not resubmit within the correction window.
    Lapsed,
}

impl EndKind {
    /// How a case ended, for a reader: the `snake_case` name in English,
    /// the Indonesian word in Bahasa Indonesia.
    ///
    /// # Example
    /// ```
    /// use ptsp::{EndKind, Lang};
    /// assert_eq!(EndKind::Forwarded.label(Lang::Id), "diteruskan");
    /// assert_eq!(EndKind::Forwarded.label(Lang::En), "forwarded");
    /// ```
    pub const fn label(self, lang: crate::Lang) -> &'static str {
        let (id, en) = match self {
            EndKind::Approved => ("disetujui", "approved"),
            EndKind::Rejected => ("ditolak", "rejected"),
            EndKind::Withdrawn => ("ditarik", "withdrawn"),
            EndKind::Completed => ("tuntas", "completed"),
            EndKind::Forwarded => ("diteruskan", "forwarded"),
            EndKind::Archived => ("diarsipkan", "archived"),
            EndKind::Lapsed => ("lewat waktu", "lapsed"),
        };
        match lang {
            crate::Lang::Id => id,
            crate::Lang::En => en,
        }
    }
}

/// One outcome of a step and the step it leads to.
///
/// # Example
/// ```
/// let p = ptsp::ProcedureDef::jatim_permit();
/// let check = p.steps.iter().find(|s| s.id == "pemeriksaan").unwrap();
/// assert!(check.outcomes.iter().any(|o| o.next == "rekomendasi"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct OutcomeDef {
    /// Identifier, unique within the step.
    pub id: String,
    /// Name.
    pub name: Label,
    /// The step it leads to.
    pub next: String,
    /// Whether taking this outcome means the unit the lane is routed to
    /// declines the matter ("not ours"): the lane's assignment ends, and
    /// the unit may not be assigned the case again unless the assigner
    /// overrides with a reason. Only on steps of a routed lane.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub declines: bool,
}

/// The unit an SLA is counted in.
///
/// # Example
/// ```
/// let u: ptsp::SlaUnit = serde_json::from_str("\"working_days\"")?;
/// assert_eq!(u, ptsp::SlaUnit::WorkingDays);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SlaUnit {
    /// Working days, counted as a statutory deadline on the calendar.
    WorkingDays,
    /// Working hours within office hours.
    WorkingHours,
}

/// A step's service-level agreement: "at most N working days".
///
/// # Example
/// ```
/// let s: ptsp::Sla = serde_json::from_str(r#"{"amount": 3, "unit": "working_days"}"#)?;
/// assert_eq!(s.warn_at, [50, 75]);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Sla {
    /// N.
    pub amount: i64,
    /// Days or hours.
    pub unit: SlaUnit,
    /// Warning thresholds, percent of the allowed working time used
    /// (ascending, each 1–99).
    #[serde(default = "default_warn")]
    pub warn_at: Vec<u8>,
}

fn default_warn() -> Vec<u8> {
    vec![50, 75]
}

impl Sla {
    /// The largest SLA a definition may declare in working days (about
    /// four years of working days): larger amounts are refused by
    /// validation (`sla_too_large`), so no deadline arithmetic can leave
    /// the calendar's range.
    pub const MAX_WORKING_DAYS: i64 = 1_000;
    /// The largest SLA in working hours (about four years of office hours).
    pub const MAX_WORKING_HOURS: i64 = 8_000;

    /// The largest amount allowed for this SLA's unit.
    ///
    /// # Example
    /// ```
    /// let s: ptsp::Sla = serde_json::from_str(r#"{"amount": 3, "unit": "working_hours"}"#)?;
    /// assert_eq!(s.max_amount(), ptsp::Sla::MAX_WORKING_HOURS);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn max_amount(&self) -> i64 {
        match self.unit {
            SlaUnit::WorkingDays => Sla::MAX_WORKING_DAYS,
            SlaUnit::WorkingHours => Sla::MAX_WORKING_HOURS,
        }
    }

    /// An upper bound of the working seconds this SLA can allow (a working
    /// day counted as 24 hours): what a recorded "time left" may never
    /// exceed.
    ///
    /// # Example
    /// ```
    /// let s: ptsp::Sla = serde_json::from_str(r#"{"amount": 3, "unit": "working_days"}"#)?;
    /// assert_eq!(s.max_seconds(), 3 * 86_400);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn max_seconds(&self) -> i64 {
        let amount = self.amount.clamp(0, self.max_amount());
        match self.unit {
            SlaUnit::WorkingDays => amount * 86_400,
            SlaUnit::WorkingHours => amount * 3_600,
        }
    }
}

/// What a step produces.
///
/// # Example
/// ```
/// let o: ptsp::OutputKind = serde_json::from_str("\"berita_acara\"")?;
/// assert_eq!(o, ptsp::OutputKind::BeritaAcara);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum OutputKind {
    /// An official report (*berita acara*), e.g. of a field check.
    BeritaAcara,
    /// A technical recommendation (*rekomendasi*).
    Rekomendasi,
    /// The permit (*izin*).
    Izin,
    /// A non-permit document (registration, certificate …).
    NonIzin,
    /// An answer (consultation, complaint).
    Answer,
}

/// One step of a procedure.
///
/// # Example
/// ```
/// let p = ptsp::ProcedureDef::jatim_permit();
/// let check = p.steps.iter().find(|s| s.id == "pemeriksaan").unwrap();
/// assert_eq!(check.sla.as_ref().unwrap().amount, 3);
/// assert!(check.correction);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StepDef {
    /// Identifier.
    pub id: String,
    /// Name.
    pub name: Label,
    /// The lane that performs it.
    pub lane: String,
    /// Roles of the lane that may act on this step (empty: any role of the
    /// lane).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
    /// Task, decision or end.
    pub kind: StepKind,
    /// Outcomes (none for an end step).
    #[serde(default)]
    pub outcomes: Vec<OutcomeDef>,
    /// How long the step may take.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sla: Option<Sla>,
    /// Whether the step may return the file to the applicant for correction.
    #[serde(default)]
    pub correction: bool,
    /// Whether the step may reject the application (ending the case).
    #[serde(default)]
    pub can_reject: bool,
    /// Whether completing this step sets the case's tier (severity), which
    /// starts the case-level deadline of that tier.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub sets_tier: bool,
    /// What the step produces.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outputs: Vec<OutputKind>,
    /// For end steps: how the case ends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<EndKind>,
    /// For a step of the applicant's lane with an SLA (a window, e.g. the
    /// complainant's confirmation): the outcome taken when the window
    /// passes without the applicant acting ("accepted by silence"). SLA
    /// evaluation reports a [`crate::DueEvent::Lapse`]; the backend acts
    /// on it with [`crate::Command::Lapse`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_lapse: Option<String>,
}

/// What happens to a step's clock while the file is back with the
/// applicant (the national OSS uses both: statuses 41/42 pause and resume,
/// 43/44 stop and restart from zero).
///
/// # Example
/// ```
/// assert_eq!(ptsp::CorrectionClock::default(), ptsp::CorrectionClock::PauseResume);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CorrectionClock {
    /// The clock stops and continues with the time that was left.
    #[default]
    PauseResume,
    /// The clock stops and starts again from zero on resubmission.
    Restart,
}

/// What the tier (case-level) deadline counts from.
///
/// # Example
/// ```
/// assert_eq!(ptsp::TierAnchor::default(), ptsp::TierAnchor::TierStep);
/// let a: ptsp::TierAnchor = serde_json::from_str("\"submission\"")?;
/// assert_eq!(a, ptsp::TierAnchor::Submission);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TierAnchor {
    /// From the completion of the step that sets the tier (the complaint's
    /// verification); the time before it is covered by that step's own
    /// SLA.
    #[default]
    TierStep,
    /// From the submission of the case.
    Submission,
}

/// Limits on the free text and lists a request may carry; over a limit is
/// an `invalid_input` error with a `too_long` (or `too_many`) problem
/// naming the field and the limit. Lengths count characters (Unicode
/// scalar values).
///
/// # Example
/// ```
/// let l = ptsp::TextLimits::default();
/// assert_eq!(l.note, 20_000);
/// assert_eq!(l.id, 128);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct TextLimits {
    /// A note (an answer's text, a validation remark).
    pub note: usize,
    /// A reason (correction, rejection, withdrawal, assignment override).
    pub reason: usize,
    /// An identifier (case, actor, role, unit, staff, document code,
    /// output number or file reference).
    pub id: usize,
    /// Items of a list (documents, correction reasons, outputs, roles).
    pub items: usize,
}

impl Default for TextLimits {
    fn default() -> TextLimits {
        TextLimits {
            note: 20_000,
            reason: 2_000,
            id: 128,
            items: 100,
        }
    }
}

impl TextLimits {
    /// The most any limit may be set to (a definition asking for more is
    /// refused: a limit exists to bound what a client may send).
    pub const CEILING: usize = 1_000_000;
}

/// Opt-in deemed approval (*fiktif positif*, UU 30/2014 art. 53 as amended):
/// once a listed step passes its statutory deadline undecided, SLA
/// evaluation reports a due event. It is never applied by the library.
///
/// # Example
/// ```
/// let d: ptsp::DeemedApproval = serde_json::from_str(
///     r#"{"steps": ["persetujuan"], "basis": "UU 30/2014 Pasal 53 jo. UU 6/2023"}"#)?;
/// assert_eq!(d.steps, ["persetujuan"]);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DeemedApproval {
    /// The steps whose lapse means deemed approval.
    pub steps: Vec<String>,
    /// The legal basis, as text.
    pub basis: String,
}

/// A procedure as data.
///
/// # Example
/// ```
/// let p = ptsp::ProcedureDef::jatim_permit();
/// assert!(p.validate().is_empty());
/// let json = serde_json::to_string(&p)?;
/// assert_eq!(serde_json::from_str::<ptsp::ProcedureDef>(&json)?, p);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProcedureDef {
    /// Identifier.
    pub id: String,
    /// Version; a case pins the version it started on.
    pub version: u32,
    /// Name.
    pub name: Label,
    /// Roles.
    pub roles: Vec<RoleDef>,
    /// Lanes.
    pub lanes: Vec<LaneDef>,
    /// Roles that may assign a case to a unit or staff member.
    #[serde(default)]
    pub assigner_roles: Vec<String>,
    /// The first step (performed by submitting).
    pub start: String,
    /// Steps.
    pub steps: Vec<StepDef>,
    /// Required documents.
    #[serde(default)]
    pub documents: Vec<DocumentRequirement>,
    /// Clock policy during correction.
    #[serde(default)]
    pub correction_clock: CorrectionClock,
    /// How working-day SLAs are counted from the instant a step is entered.
    #[serde(default)]
    pub deadline_policy: crate::calendar::DeadlinePolicy,
    /// Opt-in deemed approval.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deemed_approval: Option<DeemedApproval>,
    /// Severity tiers (see [`StepDef::sets_tier`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tiers: Vec<Tier>,
    /// What the tier deadline counts from.
    #[serde(default)]
    pub tier_anchor: TierAnchor,
    /// What happens to the tier (case-level) clock when the case comes back
    /// to the office from the applicant's lane (a complaint reopened after
    /// the answer was delivered): `pause_resume` continues with the working
    /// time that was left when the case went to the applicant,
    /// `restart` starts the tier's full SLA again.
    #[serde(default)]
    pub reopen_clock: CorrectionClock,
    /// How long the applicant has to resubmit after a return for
    /// correction; once it passes, SLA evaluation reports a
    /// [`crate::DueEvent::CorrectionLapsed`] and the backend may end the
    /// case as lapsed ([`crate::Command::Lapse`]). None: no window.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub correction_window: Option<Sla>,
    /// Whether the case's own applicant is refused in every lane but the
    /// applicant's (an applicant who is also a verifier may not verify
    /// their own application). On by default.
    #[serde(default = "yes")]
    pub separation_of_duties: bool,
    /// Limits on what a request may carry.
    #[serde(default)]
    pub limits: TextLimits,
    /// The sector (*sektor*) the procedure's services belong to, when it
    /// has one: it chooses the sector's own competence requirement when a
    /// staff member is assigned ([`crate::office::Office::decide`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<String>,
    /// Supervision (seed §6) and qualification settings: how a breach
    /// climbs the line of command, and what assigning a step to someone
    /// who does not qualify does.
    #[serde(default, skip_serializing_if = "SupervisionSettings::is_default")]
    pub supervision: SupervisionSettings,
    /// Where the definition comes from; what is sample data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A procedure's supervision settings (seed §6, with §5's competence):
/// the escalation policy and the qualification rule.
///
/// # Example
/// ```
/// let s: ptsp::SupervisionSettings = serde_json::from_str(
///     r#"{"escalation": {"every": {"amount": 4, "unit": "working_hours"}}, "qualification": "refuse"}"#)?;
/// assert_eq!(s.qualification, ptsp::Qualification::Refuse);
/// assert_eq!(s.escalation.max_levels, None);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct SupervisionSettings {
    /// How a breached step climbs the line of command.
    pub escalation: EscalationPolicy,
    /// Assigning a step to a staff member who does not meet its role's
    /// competence requirement, or is away that day.
    pub qualification: Qualification,
}

impl SupervisionSettings {
    /// Whether these are the defaults (left out of a definition's JSON).
    ///
    /// # Example
    /// ```
    /// assert!(ptsp::SupervisionSettings::default().is_default());
    /// ```
    pub fn is_default(&self) -> bool {
        *self == SupervisionSettings::default()
    }
}

/// What assigning a step to someone who does not qualify does.
///
/// # Example
/// ```
/// assert_eq!(ptsp::Qualification::default(), ptsp::Qualification::Warn);
/// assert_eq!(serde_json::to_string(&ptsp::Qualification::Off)?, "\"off\"");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Qualification {
    /// Not checked.
    Off,
    /// Allowed, and the shortfalls are recorded in the assignment event.
    #[default]
    Warn,
    /// Refused (`not_qualified`), nothing recorded.
    Refuse,
}

/// How a breach climbs the line of command. The standard sets no period;
/// the default is one working day per level, up to the head.
///
/// # Example
/// ```
/// let p: ptsp::EscalationPolicy = serde_json::from_str(
///     r#"{"every": {"amount": 4, "unit": "working_hours"}, "max_levels": 2}"#)?;
/// assert_eq!(p.max_levels, Some(2));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct EscalationPolicy {
    /// Working time between one level and the next.
    pub every: Interval,
    /// How many levels above the assignee at most (`None`: up to the head).
    pub max_levels: Option<u8>,
}

impl EscalationPolicy {
    /// The largest [`Interval::amount`].
    pub const MAX_AMOUNT: i64 = 1_000;

    /// Every problem of the policy, with paths under `path`: an interval
    /// outside 1 to 1,000, or `max_levels` of 0.
    ///
    /// # Example
    /// ```
    /// let mut p = ptsp::EscalationPolicy::default();
    /// assert!(p.validate("escalation").is_empty());
    /// p.every.amount = 0;
    /// assert_eq!(p.validate("escalation")[0].path, "escalation.every.amount");
    /// ```
    pub fn validate(&self, path: &str) -> Vec<Problem> {
        let mut out = Vec::new();
        if !(1..=Self::MAX_AMOUNT).contains(&self.every.amount) {
            out.push(Problem::new(
                format!("{path}.every.amount"),
                Code::OutOfRange,
                format!(
                    "{} is not from 1 to {}",
                    self.every.amount,
                    Self::MAX_AMOUNT
                ),
                format!(
                    "{} tidak di antara 1 dan {}",
                    self.every.amount,
                    Self::MAX_AMOUNT
                ),
            ));
        }
        if self.max_levels == Some(0) {
            out.push(Problem::new(
                format!("{path}.max_levels"),
                Code::OutOfRange,
                "0 levels: escalation would reach nobody (leave it out to go up to the head)",
                "0 tingkat: eskalasi tidak akan sampai ke siapa pun (kosongkan untuk sampai ke kepala kantor)",
            ));
        }
        out
    }
}

impl Default for EscalationPolicy {
    fn default() -> Self {
        EscalationPolicy {
            every: Interval {
                amount: 1,
                unit: SlaUnit::WorkingDays,
            },
            max_levels: None,
        }
    }
}

/// A stretch of working time: N working days (the same clock time N working
/// days later) or N working hours (within office hours).
///
/// # Example
/// ```
/// let i: ptsp::Interval = serde_json::from_str(r#"{"amount": 1, "unit": "working_days"}"#)?;
/// assert_eq!(i.amount, 1);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Interval {
    /// N, 1 to 1,000.
    pub amount: i64,
    /// Days or hours.
    pub unit: SlaUnit,
}
