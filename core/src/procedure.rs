//! Procedure definitions: the *Sistem, Mekanisme dan Prosedur* of a service
//! standard as data — lanes and roles, steps with outcomes, SLAs, required
//! documents — and their static validation.
//!
//! A [`ProcedureDef`] is plain serde data. [`ProcedureDef::validate`]
//! returns every problem at once; [`Procedure::new`] refuses a definition
//! with problems and indexes a valid one for the case engine
//! ([`crate::case`]).

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use serde::{Deserialize, Serialize};

use crate::error::{Lang, Problem};

/// A name in both languages of the standard.
///
/// # Example
/// ```
/// let l = ptsp::Label::new("Cetak Izin", "Print the permit");
/// assert_eq!(l.get(ptsp::Lang::Id), "Cetak Izin");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Label {
    /// Bahasa Indonesia.
    pub id: String,
    /// English.
    pub en: String,
}

impl Label {
    /// A label from its two texts.
    ///
    /// # Example
    /// ```
    /// assert_eq!(ptsp::Label::new("a", "b").en, "b");
    /// ```
    pub fn new(id: impl Into<String>, en: impl Into<String>) -> Label {
        Label {
            id: id.into(),
            en: en.into(),
        }
    }

    /// The text in the given language.
    ///
    /// # Example
    /// ```
    /// assert_eq!(ptsp::Label::new("a", "b").get(ptsp::Lang::En), "b");
    /// ```
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Id => &self.id,
            Lang::En => &self.en,
        }
    }
}

/// A role an actor may hold (e.g. `pemohon`, `verifikator`).
///
/// # Example
/// ```
/// let p = ptsp::ProcedureDef::jatim_permit();
/// assert!(p.roles.iter().any(|r| r.id == "pemohon"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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

/// One outcome of a step and the step it leads to.
///
/// # Example
/// ```
/// let p = ptsp::ProcedureDef::jatim_permit();
/// let check = p.steps.iter().find(|s| s.id == "pemeriksaan").unwrap();
/// assert!(check.outcomes.iter().any(|o| o.next == "rekomendasi"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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

    /// Problems of this SLA at `path` (`what` names its owner in both
    /// languages).
    fn check(&self, path: &str, en: &str, id: &str, out: &mut Vec<Problem>) {
        if self.amount <= 0 {
            out.push(Problem::new(
                format!("{path}.amount"),
                "non_positive_sla",
                format!("{en}: SLA amount {} must be positive", self.amount),
                format!("{id}: jumlah SLA {} harus positif", self.amount),
            ));
        } else if self.amount > self.max_amount() {
            out.push(Problem::new(
                format!("{path}.amount"),
                "sla_too_large",
                format!(
                    "{en}: SLA amount {} is too large: at most {} allowed",
                    self.amount,
                    self.max_amount()
                ),
                format!(
                    "{id}: jumlah SLA {} terlalu besar: paling banyak {}",
                    self.amount,
                    self.max_amount()
                ),
            ));
        }
        if self.warn_at.iter().any(|w| !(1..=99).contains(w))
            || self.warn_at.windows(2).any(|w| w[0] >= w[1])
        {
            let list = self
                .warn_at
                .iter()
                .map(u8::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            out.push(Problem::new(
                format!("{path}.warn_at"),
                "invalid_thresholds",
                format!(
                    "{en}: warning thresholds [{list}] must be ascending percentages between 1 and 99"
                ),
                format!(
                    "{id}: ambang peringatan [{list}] harus persentase naik antara 1 dan 99"
                ),
            ));
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

/// A document the applicant must (or may) upload — the seed's "Lampiran II".
///
/// # Example
/// ```
/// let p = ptsp::ProcedureDef::jatim_permit();
/// assert!(p.documents.iter().any(|d| d.mandatory));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentRequirement {
    /// Code, unique within the procedure.
    pub code: String,
    /// Name.
    pub name: Label,
    /// Whether a submission without it is incomplete.
    pub mandatory: bool,
    /// Accepted formats (lower-case extensions, e.g. `pdf`); empty: any.
    #[serde(default)]
    pub formats: Vec<String>,
    /// Largest accepted size in bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_bytes: Option<u64>,
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
    /// Where the definition comes from; what is sample data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

const JATIM_PERMIT_JSON: &str = include_str!("../data/procedure-jatim-permit.json");
const JATIM_CONSULTATION_JSON: &str = include_str!("../data/procedure-jatim-consultation.json");
const JATIM_COMPLAINT_JSON: &str = include_str!("../data/procedure-jatim-complaint.json");
const JATIM_SUGGESTION_JSON: &str = include_str!("../data/procedure-jatim-suggestion.json");

impl ProcedureDef {
    /// The permit procedure of the East Java standard (seed §3): upload
    /// (Pemohon) → completeness and correctness check, at most 3 working
    /// days (PTSP; incomplete → back to the applicant; may reject) →
    /// Berita Acara / recommendation (OPD Teknis) → approval, at most 3
    /// working days (PTSP) → print the permit. The document list is sample
    /// data: the seed's Lampiran II is not available.
    ///
    /// # Example
    /// ```
    /// let p = ptsp::ProcedureDef::jatim_permit();
    /// assert_eq!(p.start, "unggah");
    /// assert_eq!(p.steps.len(), 7);
    /// ```
    pub fn jatim_permit() -> ProcedureDef {
        serde_json::from_str(JATIM_PERMIT_JSON).expect("built-in procedure is valid (tested)")
    }

    /// The electronic consultation flow of seed §7, exactly as drawn: the
    /// asker submits → the Operator classifies and, if able, answers (Ya)
    /// or not (Tidak) → the head of complaints distributes to a division or
    /// agency → that unit answers → the head validates (Belum Valid → back
    /// to whoever drafted it) → the authorised official delivers the answer.
    /// No SLAs: the seed's time column is empty (an office sets its own).
    ///
    /// # Example
    /// ```
    /// let p = ptsp::ProcedureDef::jatim_consultation();
    /// assert!(p.validate().is_empty());
    /// assert_eq!(p.steps[1].outcomes.len(), 2); // Ya / Tidak
    /// ```
    pub fn jatim_consultation() -> ProcedureDef {
        serde_json::from_str(JATIM_CONSULTATION_JSON).expect("built-in procedure is valid (tested)")
    }

    /// The electronic complaint flow: the consultation's routing plus admin
    /// verification (verify, postpone = return to the complainant, not our
    /// authority = forward, archive), severity tiers with case deadlines of
    /// 2, 5, 14 and 60 working days (defaults, configurable), the
    /// complainant's confirmation or reopening, and a unit lane that does not
    /// see who complained (Perpres 76/2013).
    ///
    /// # Example
    /// ```
    /// let p = ptsp::ProcedureDef::jatim_complaint();
    /// assert!(p.validate().is_empty());
    /// let days: Vec<i64> = p.tiers.iter().map(|t| t.sla.amount).collect();
    /// assert_eq!(days, [2, 5, 14, 60]);
    /// ```
    pub fn jatim_complaint() -> ProcedureDef {
        serde_json::from_str(JATIM_COMPLAINT_JSON).expect("built-in procedure is valid (tested)")
    }

    /// Suggestions and input (*saran/masukan*, seed §7): acknowledged and
    /// classified by the Operator (noted at once, or passed on),
    /// distributed by the head of complaints to the unit concerned, which
    /// answers or notes it (or declines: back to distribution). No tier,
    /// no SLA (an office sets its own).
    ///
    /// # Example
    /// ```
    /// let p = ptsp::ProcedureDef::jatim_suggestion();
    /// assert!(p.validate().is_empty());
    /// assert!(p.tiers.is_empty());
    /// ```
    pub fn jatim_suggestion() -> ProcedureDef {
        serde_json::from_str(JATIM_SUGGESTION_JSON).expect("built-in procedure is valid (tested)")
    }

    /// Checks the definition; returns every problem (empty when valid).
    ///
    /// # Example
    /// ```
    /// let mut p = ptsp::ProcedureDef::jatim_permit();
    /// p.steps[1].outcomes[0].next = "nowhere".into();
    /// let codes: Vec<String> = p.validate().into_iter().map(|p| p.code.to_string()).collect();
    /// assert!(codes.contains(&"unknown_target".to_string()));
    /// ```
    pub fn validate(&self) -> Vec<Problem> {
        let mut out = Vec::new();
        let dup = |out: &mut Vec<Problem>, path: String, what: &str, what_id: &str, id: &str| {
            out.push(Problem::new(
                path,
                "duplicate_id",
                format!("{what} id {id:?} is used twice"),
                format!("id {what_id} {id:?} dipakai dua kali"),
            ))
        };
        if self.id.trim().is_empty() {
            out.push(Problem::new(
                "id",
                "empty_id",
                "procedure id is empty",
                "id prosedur kosong",
            ));
        }
        let mut roles = BTreeSet::new();
        for (i, r) in self.roles.iter().enumerate() {
            if !roles.insert(r.id.as_str()) {
                dup(&mut out, format!("roles[{i}].id"), "role", "peran", &r.id);
            }
        }
        let unknown_role = |out: &mut Vec<Problem>, path: String, role: &str| {
            out.push(Problem::new(
                path,
                "unknown_role",
                format!("role {role:?} is not declared in roles"),
                format!("peran {role:?} tidak dideklarasikan di roles"),
            ))
        };
        let mut lanes = BTreeMap::new();
        for (i, l) in self.lanes.iter().enumerate() {
            if lanes.insert(l.id.as_str(), l).is_some() {
                dup(&mut out, format!("lanes[{i}].id"), "lane", "lajur", &l.id);
            }
            if l.roles.is_empty() {
                out.push(Problem::new(
                    format!("lanes[{i}].roles"),
                    "lane_without_role",
                    format!("lane {:?} declares no role: expected at least one", l.id),
                    format!(
                        "lajur {:?} tidak memiliki peran: seharusnya paling sedikit satu",
                        l.id
                    ),
                ));
            }
            for (j, r) in l.roles.iter().enumerate() {
                if !roles.contains(r.as_str()) {
                    unknown_role(&mut out, format!("lanes[{i}].roles[{j}]"), r);
                }
            }
        }
        for (j, r) in self.assigner_roles.iter().enumerate() {
            if !roles.contains(r.as_str()) {
                unknown_role(&mut out, format!("assigner_roles[{j}]"), r);
            }
        }
        let mut steps: BTreeMap<&str, usize> = BTreeMap::new();
        for (i, s) in self.steps.iter().enumerate() {
            if steps.insert(s.id.as_str(), i).is_some() {
                dup(&mut out, format!("steps[{i}].id"), "step", "langkah", &s.id);
            }
        }
        let unknown_target = |out: &mut Vec<Problem>, path: String, target: &str| {
            out.push(Problem::new(
                path,
                "unknown_target",
                format!("step {target:?} does not exist"),
                format!("langkah {target:?} tidak ada"),
            ))
        };
        if !steps.contains_key(self.start.as_str()) {
            unknown_target(&mut out, "start".into(), &self.start);
        }
        for (i, s) in self.steps.iter().enumerate() {
            let p = format!("steps[{i}]");
            if !lanes.contains_key(s.lane.as_str()) {
                out.push(Problem::new(
                    format!("{p}.lane"),
                    "unknown_lane",
                    format!("lane {:?} is not declared in lanes", s.lane),
                    format!("lajur {:?} tidak dideklarasikan di lanes", s.lane),
                ));
            }
            for (j, r) in s.roles.iter().enumerate() {
                if lanes
                    .get(s.lane.as_str())
                    .is_some_and(|l| !l.roles.contains(r))
                {
                    out.push(Problem::new(
                        format!("{p}.roles[{j}]"),
                        "role_not_in_lane",
                        format!(
                            "step {:?}: role {r:?} is not a role of lane {:?}",
                            s.id, s.lane
                        ),
                        format!(
                            "langkah {:?}: peran {r:?} bukan peran lajur {:?}",
                            s.id, s.lane
                        ),
                    ));
                }
            }
            let mut outcome_ids = BTreeSet::new();
            for (j, o) in s.outcomes.iter().enumerate() {
                if !outcome_ids.insert(o.id.as_str()) {
                    dup(
                        &mut out,
                        format!("{p}.outcomes[{j}].id"),
                        "outcome",
                        "hasil",
                        &o.id,
                    );
                }
                if !steps.contains_key(o.next.as_str()) {
                    unknown_target(&mut out, format!("{p}.outcomes[{j}].next"), &o.next);
                }
            }
            let (need, code, en, id) = match s.kind {
                StepKind::Decision => (
                    s.outcomes.len() < 2,
                    "decision_outcomes",
                    "a decision needs at least two outcomes",
                    "keputusan membutuhkan paling sedikit dua hasil",
                ),
                StepKind::Task => (
                    s.outcomes.is_empty(),
                    "task_outcomes",
                    "a task needs at least one outcome",
                    "tugas membutuhkan paling sedikit satu hasil",
                ),
                StepKind::End => (
                    !s.outcomes.is_empty() || s.end.is_none(),
                    "end_step",
                    "an end step has no outcomes and says how the case ends (end)",
                    "langkah akhir tidak memiliki hasil dan menyatakan cara kasus berakhir (end)",
                ),
            };
            if need {
                out.push(Problem::new(
                    format!("{p}.outcomes"),
                    code,
                    format!("step {:?}: {en}, found {}", s.id, s.outcomes.len()),
                    format!("langkah {:?}: {id}, ditemukan {}", s.id, s.outcomes.len()),
                ));
            }
            if s.kind != StepKind::End && s.end.is_some() {
                out.push(Problem::new(
                    format!("{p}.end"),
                    "end_step",
                    format!("step {:?} is not an end step but sets end", s.id),
                    format!("langkah {:?} bukan langkah akhir tetapi mengisi end", s.id),
                ));
            }
            if let Some(sla) = &s.sla {
                sla.check(
                    &format!("{p}.sla"),
                    &format!("step {:?}", s.id),
                    &format!("langkah {:?}", s.id),
                    &mut out,
                );
            }
            let lane_kind = lanes.get(s.lane.as_str()).map(|l| l.kind);
            if let Some(lapse) = &s.on_lapse {
                let problem = if lane_kind.is_some_and(|k| k != LaneKind::Applicant) {
                    Some((
                        "a lapse outcome belongs to a step of the applicant's lane",
                        "hasil saat tenggat lewat hanya untuk langkah di lajur pemohon",
                    ))
                } else if s.sla.is_none() {
                    Some((
                        "a lapse outcome needs the step's SLA (the window)",
                        "hasil saat tenggat lewat membutuhkan SLA langkah (jangka waktunya)",
                    ))
                } else if !s.outcomes.iter().any(|o| o.id == *lapse) {
                    Some((
                        "the lapse outcome is not one of the step's outcomes",
                        "hasil saat tenggat lewat bukan salah satu hasil langkah",
                    ))
                } else {
                    None
                };
                if let Some((en, id)) = problem {
                    out.push(Problem::new(
                        format!("{p}.on_lapse"),
                        "invalid_lapse",
                        format!("step {:?}: {en} (found {lapse:?})", s.id),
                        format!("langkah {:?}: {id} (ditemukan {lapse:?})", s.id),
                    ));
                }
            }
            for (j, o) in s.outcomes.iter().enumerate() {
                if o.declines && lane_kind.is_some_and(|k| k != LaneKind::RoutedUnit) {
                    out.push(Problem::new(
                        format!("{p}.outcomes[{j}].declines"),
                        "declines_not_routed",
                        format!(
                            "step {:?}: outcome {:?} declines, but only a routed unit's step can decline",
                            s.id, o.id
                        ),
                        format!(
                            "langkah {:?}: hasil {:?} menolak kewenangan, padahal hanya langkah unit tujuan yang dapat menolaknya",
                            s.id, o.id
                        ),
                    ));
                }
            }
            if (s.correction || s.can_reject)
                && lanes
                    .get(s.lane.as_str())
                    .is_some_and(|l| l.kind == LaneKind::Applicant)
            {
                out.push(Problem::new(
                    format!("{p}.correction"),
                    "applicant_step_flags",
                    format!("step {:?} is the applicant's: it cannot return for correction or reject", s.id),
                    format!("langkah {:?} milik pemohon: tidak dapat mengembalikan untuk perbaikan atau menolak", s.id),
                ));
            }
        }
        if let Some(start) = steps.get(self.start.as_str()).map(|&i| &self.steps[i])
            && lanes
                .get(start.lane.as_str())
                .is_some_and(|l| l.kind != LaneKind::Applicant)
        {
            out.push(Problem::new(
                "start",
                "start_not_applicant",
                format!("start step {:?} must be in the applicant's lane", start.id),
                format!("langkah awal {:?} harus berada di lajur pemohon", start.id),
            ));
        }
        if let Some(d) = &self.deemed_approval {
            for (j, s) in d.steps.iter().enumerate() {
                if !steps.contains_key(s.as_str()) {
                    unknown_target(&mut out, format!("deemed_approval.steps[{j}]"), s);
                }
            }
        }
        let mut tier_ids = BTreeSet::new();
        for (i, t) in self.tiers.iter().enumerate() {
            if !tier_ids.insert(t.id.as_str()) {
                dup(&mut out, format!("tiers[{i}].id"), "tier", "tingkat", &t.id);
            }
            t.sla.check(
                &format!("tiers[{i}].sla"),
                &format!("tier {:?}", t.id),
                &format!("tingkat {:?}", t.id),
                &mut out,
            );
        }
        if let Some(w) = &self.correction_window {
            w.check(
                "correction_window",
                "correction window",
                "jangka waktu perbaikan",
                &mut out,
            );
        }
        let l = &self.limits;
        for (name, v) in [
            ("note", l.note),
            ("reason", l.reason),
            ("id", l.id),
            ("items", l.items),
        ] {
            if v == 0 || v > TextLimits::CEILING {
                out.push(Problem::new(
                    format!("limits.{name}"),
                    "invalid_limit",
                    format!("limit {name} is {v}: expected 1 to {}", TextLimits::CEILING),
                    format!(
                        "batas {name} bernilai {v}: seharusnya 1 sampai {}",
                        TextLimits::CEILING
                    ),
                ));
            }
        }
        for (i, s) in self.steps.iter().enumerate() {
            if s.sets_tier && self.tiers.is_empty() {
                out.push(Problem::new(
                    format!("steps[{i}].sets_tier"),
                    "no_tiers",
                    format!(
                        "step {:?} sets a tier but the procedure declares none",
                        s.id
                    ),
                    format!(
                        "langkah {:?} menetapkan tingkat tetapi prosedur tidak mendeklarasikannya",
                        s.id
                    ),
                ));
            }
        }
        let mut codes = BTreeSet::new();
        for (i, d) in self.documents.iter().enumerate() {
            if !codes.insert(d.code.as_str()) {
                dup(
                    &mut out,
                    format!("documents[{i}].code"),
                    "document",
                    "dokumen",
                    &d.code,
                );
            }
        }
        // Graph checks run on what exists: a transition to a missing step
        // is reported above and left out here, so every other problem
        // still shows.
        self.check_graph(&steps, &mut out);
        out
    }

    /// Reachability from the start, and from every step to an end.
    fn check_graph(&self, steps: &BTreeMap<&str, usize>, out: &mut Vec<Problem>) {
        let Some(&start) = steps.get(self.start.as_str()) else {
            return;
        };
        let n = self.steps.len();
        let next: Vec<Vec<usize>> = self
            .steps
            .iter()
            .map(|s| {
                s.outcomes
                    .iter()
                    .filter_map(|o| steps.get(o.next.as_str()).copied())
                    .collect()
            })
            .collect();
        let mut seen = vec![false; n];
        let mut queue = VecDeque::from([start]);
        seen[start] = true;
        while let Some(i) = queue.pop_front() {
            for &j in &next[i] {
                if !seen[j] {
                    seen[j] = true;
                    queue.push_back(j);
                }
            }
        }
        // Reverse reachability from end steps.
        let mut ends = vec![false; n];
        let mut queue: VecDeque<usize> = (0..n)
            .filter(|&i| self.steps[i].kind == StepKind::End)
            .collect();
        for &i in &queue {
            ends[i] = true;
        }
        let mut prev: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (i, ns) in next.iter().enumerate() {
            for &j in ns {
                prev[j].push(i);
            }
        }
        while let Some(j) = queue.pop_front() {
            for &i in &prev[j] {
                if !ends[i] {
                    ends[i] = true;
                    queue.push_back(i);
                }
            }
        }
        for (i, s) in self.steps.iter().enumerate() {
            if !seen[i] {
                out.push(Problem::new(
                    format!("steps[{i}]"),
                    "unreachable_step",
                    format!(
                        "step {:?} cannot be reached from the start {:?}",
                        s.id, self.start
                    ),
                    format!(
                        "langkah {:?} tidak dapat dicapai dari langkah awal {:?}",
                        s.id, self.start
                    ),
                ));
            } else if !ends[i] {
                let in_loop = self.reaches(&next, i, i);
                let (code, en, id) = if in_loop {
                    (
                        "loop_without_exit",
                        "is in a loop with no way out to an end step",
                        "berada dalam putaran tanpa jalan keluar ke langkah akhir",
                    )
                } else {
                    (
                        "no_end_reachable",
                        "cannot reach any end step",
                        "tidak dapat mencapai langkah akhir mana pun",
                    )
                };
                out.push(Problem::new(
                    format!("steps[{i}]"),
                    code,
                    format!("step {:?} {en}", s.id),
                    format!("langkah {:?} {id}", s.id),
                ));
            }
        }
    }

    fn reaches(&self, next: &[Vec<usize>], from: usize, to: usize) -> bool {
        let mut seen = vec![false; next.len()];
        let mut stack = next[from].clone();
        while let Some(i) = stack.pop() {
            if i == to {
                return true;
            }
            if !std::mem::replace(&mut seen[i], true) {
                stack.extend(&next[i]);
            }
        }
        false
    }
}

/// An error of procedure definitions.
///
/// # Example
/// ```
/// let mut p = ptsp::ProcedureDef::jatim_permit();
/// p.lanes[0].roles.clear();
/// let err = ptsp::Procedure::new(p).unwrap_err();
/// assert_eq!(err.code(), "invalid_procedure");
/// assert_eq!(err.problems()[0].code, "lane_without_role");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ProcedureError {
    /// The definition failed validation; every problem is listed.
    #[error("invalid procedure definition: {}", crate::error::summary(.problems, Lang::En))]
    Invalid {
        /// All problems found.
        problems: Vec<Problem>,
    },
    /// A JSON text could not be read.
    #[error("invalid json at line {line}, column {column}: {detail}")]
    InvalidJson {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What was wrong.
        detail: String,
    },
}

impl ProcedureError {
    /// The stable code.
    ///
    /// # Example
    /// ```
    /// let e = ptsp::ProcedureError::Invalid { problems: vec![] };
    /// assert_eq!(e.code(), "invalid_procedure");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            ProcedureError::Invalid { .. } => "invalid_procedure",
            ProcedureError::InvalidJson { .. } => "invalid_json",
        }
    }

    /// The problems behind an `invalid_procedure` error.
    ///
    /// # Example
    /// ```
    /// assert!(ptsp::ProcedureError::Invalid { problems: vec![] }.problems().is_empty());
    /// ```
    pub fn problems(&self) -> &[Problem] {
        match self {
            ProcedureError::Invalid { problems } => problems,
            ProcedureError::InvalidJson { .. } => &[],
        }
    }

    /// The message in the given language.
    ///
    /// # Example
    /// ```
    /// use ptsp::Lang;
    /// let e = ptsp::ProcedureError::Invalid { problems: vec![] };
    /// assert!(e.message(Lang::Id).starts_with("definisi prosedur tidak valid"));
    /// ```
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (_, Lang::En) => self.to_string(),
            (ProcedureError::Invalid { problems }, Lang::Id) => format!(
                "definisi prosedur tidak valid: {}",
                crate::error::summary(problems, Lang::Id)
            ),
            (
                ProcedureError::InvalidJson {
                    line,
                    column,
                    detail,
                },
                Lang::Id,
            ) => crate::error::json_message_id(*line, *column, detail),
        }
    }
}

/// A validated procedure, indexed for the case engine.
///
/// # Example
/// ```
/// let p = ptsp::Procedure::jatim_permit();
/// assert_eq!(p.step("persetujuan").unwrap().sla.as_ref().unwrap().amount, 3);
/// assert_eq!(p.lane_of("rekomendasi").unwrap().id, "opd_teknis");
/// ```
#[derive(Debug, Clone)]
pub struct Procedure {
    def: ProcedureDef,
    steps: BTreeMap<String, usize>,
    lanes: BTreeMap<String, usize>,
}

impl Procedure {
    /// Validates and indexes a definition.
    ///
    /// # Example
    /// ```
    /// let p = ptsp::Procedure::new(ptsp::ProcedureDef::jatim_permit())?;
    /// assert_eq!(p.def().version, 1);
    /// # Ok::<(), ptsp::ProcedureError>(())
    /// ```
    pub fn new(def: ProcedureDef) -> Result<Procedure, ProcedureError> {
        let problems = def.validate();
        if !problems.is_empty() {
            return Err(ProcedureError::Invalid { problems });
        }
        let steps = def
            .steps
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.clone(), i))
            .collect();
        let lanes = def
            .lanes
            .iter()
            .enumerate()
            .map(|(i, l)| (l.id.clone(), i))
            .collect();
        Ok(Procedure { def, steps, lanes })
    }

    /// Reads and validates a JSON definition.
    ///
    /// # Example
    /// ```
    /// let json = serde_json::to_string(&ptsp::ProcedureDef::jatim_permit()).unwrap();
    /// assert!(ptsp::Procedure::from_json(&json).is_ok());
    /// assert_eq!(ptsp::Procedure::from_json("[").unwrap_err().code(), "invalid_json");
    /// ```
    pub fn from_json(text: &str) -> Result<Procedure, ProcedureError> {
        let def = serde_json::from_str(text).map_err(|e| ProcedureError::InvalidJson {
            line: e.line(),
            column: e.column(),
            detail: e.to_string(),
        })?;
        Procedure::new(def)
    }

    /// The built-in East Java permit procedure.
    ///
    /// # Example
    /// ```
    /// assert_eq!(ptsp::Procedure::jatim_permit().def().id, "jatim-izin");
    /// ```
    pub fn jatim_permit() -> Procedure {
        Procedure::new(ProcedureDef::jatim_permit()).expect("built-in procedure is valid (tested)")
    }

    /// The definition as pretty JSON (what [`Procedure::from_json`] reads).
    ///
    /// # Example
    /// ```
    /// let p = ptsp::Procedure::jatim_permit();
    /// let again = ptsp::Procedure::from_json(&p.to_json()).unwrap();
    /// assert_eq!(again.def(), p.def());
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(&self.def).expect("procedure definitions always serialize")
    }

    /// The built-in consultation flow (see [`ProcedureDef::jatim_consultation`]).
    ///
    /// # Example
    /// ```
    /// assert_eq!(ptsp::Procedure::jatim_consultation().def().id, "jatim-konsultasi");
    /// ```
    pub fn jatim_consultation() -> Procedure {
        Procedure::new(ProcedureDef::jatim_consultation())
            .expect("built-in procedure is valid (tested)")
    }

    /// The built-in complaint flow (see [`ProcedureDef::jatim_complaint`]).
    ///
    /// # Example
    /// ```
    /// assert_eq!(ptsp::Procedure::jatim_complaint().def().tiers.len(), 4);
    /// ```
    pub fn jatim_complaint() -> Procedure {
        Procedure::new(ProcedureDef::jatim_complaint())
            .expect("built-in procedure is valid (tested)")
    }

    /// The built-in suggestion flow (see [`ProcedureDef::jatim_suggestion`]).
    ///
    /// # Example
    /// ```
    /// assert_eq!(ptsp::Procedure::jatim_suggestion().def().id, "jatim-saran");
    /// ```
    pub fn jatim_suggestion() -> Procedure {
        Procedure::new(ProcedureDef::jatim_suggestion())
            .expect("built-in procedure is valid (tested)")
    }

    /// The definition.
    ///
    /// # Example
    /// ```
    /// assert!(!ptsp::Procedure::jatim_permit().def().documents.is_empty());
    /// ```
    pub fn def(&self) -> &ProcedureDef {
        &self.def
    }

    /// A step by id.
    ///
    /// # Example
    /// ```
    /// assert!(ptsp::Procedure::jatim_permit().step("nope").is_none());
    /// ```
    pub fn step(&self, id: &str) -> Option<&StepDef> {
        self.steps.get(id).map(|&i| &self.def.steps[i])
    }

    /// The lane of a step.
    ///
    /// # Example
    /// ```
    /// assert_eq!(ptsp::Procedure::jatim_permit().lane_of("unggah").unwrap().kind, ptsp::LaneKind::Applicant);
    /// ```
    pub fn lane_of(&self, step: &str) -> Option<&LaneDef> {
        self.step(step)
            .and_then(|s| self.lanes.get(&s.lane))
            .map(|&i| &self.def.lanes[i])
    }

    /// A tier by id.
    ///
    /// # Example
    /// ```
    /// assert!(ptsp::Procedure::jatim_permit().tier("biasa").is_none());
    /// ```
    pub fn tier(&self, id: &str) -> Option<&Tier> {
        self.def.tiers.iter().find(|t| t.id == id)
    }

    /// A lane by id.
    ///
    /// # Example
    /// ```
    /// assert!(ptsp::Procedure::jatim_permit().lane("ptsp").is_some());
    /// ```
    pub fn lane(&self, id: &str) -> Option<&LaneDef> {
        self.lanes.get(id).map(|&i| &self.def.lanes[i])
    }
}

/// One service type of a requirements catalogue: which procedure it runs
/// on, which agency recommends, and its documents (Lampiran II).
///
/// # Example
/// ```
/// let cat = ptsp::Catalogue::sample();
/// let s = cat.service("izin-usaha-perikanan-tangkap").unwrap();
/// assert_eq!(s.agency.as_deref(), Some("dkp"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceType {
    /// Identifier.
    pub id: String,
    /// Name.
    pub name: Label,
    /// The procedure id it runs on.
    pub procedure: String,
    /// The technical agency (unit) that gives the recommendation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency: Option<String>,
    /// Required documents.
    pub documents: Vec<DocumentRequirement>,
}

impl ServiceType {
    /// Every gap of a submission against this service's documents (see
    /// [`crate::check_documents`]).
    ///
    /// # Example
    /// ```
    /// let cat = ptsp::Catalogue::sample();
    /// let gaps = cat.services[0].check(&[]);
    /// assert!(gaps.iter().all(|g| g.code == "missing_document"));
    /// ```
    pub fn check(&self, submitted: &[crate::SubmittedDocument]) -> Vec<Problem> {
        crate::check_documents(&self.documents, submitted)
    }

    /// The procedure specialised to this service: its documents, and the id
    /// `"{procedure}/{service}"` so that a case pins exactly what it ran on.
    ///
    /// # Example
    /// ```
    /// let cat = ptsp::Catalogue::sample();
    /// let p = cat.services[0].procedure_def(&ptsp::ProcedureDef::jatim_permit());
    /// assert_eq!(p.id, "jatim-izin/izin-operasional-rs-kelas-b");
    /// assert!(ptsp::Procedure::new(p).is_ok());
    /// ```
    pub fn procedure_def(&self, base: &ProcedureDef) -> ProcedureDef {
        let mut def = base.clone();
        def.id = format!("{}/{}", base.id, self.id);
        def.documents.clone_from(&self.documents);
        def
    }
}

/// A requirements catalogue: the service types an office offers.
///
/// # Example
/// ```
/// let cat = ptsp::Catalogue::sample();
/// assert_eq!(cat.services.len(), 3);
/// assert!(cat.note.contains("SAMPLE"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    /// Where the catalogue comes from.
    pub note: String,
    /// The service types.
    pub services: Vec<ServiceType>,
}

const SAMPLE_CATALOGUE_JSON: &str = include_str!("../data/requirements-sample.json");

impl Catalogue {
    /// A small catalogue of three service types on the East Java permit
    /// procedure. **Sample data**: the seed's Lampiran II is not available;
    /// an office replaces it with its own.
    ///
    /// # Example
    /// ```
    /// assert!(ptsp::Catalogue::sample().service("nope").is_none());
    /// ```
    pub fn sample() -> Catalogue {
        serde_json::from_str(SAMPLE_CATALOGUE_JSON).expect("built-in catalogue is valid (tested)")
    }

    /// A service type by id.
    ///
    /// # Example
    /// ```
    /// assert!(ptsp::Catalogue::sample().service("rekomendasi-teknis-lingkungan").is_some());
    /// ```
    pub fn service(&self, id: &str) -> Option<&ServiceType> {
        self.services.iter().find(|s| s.id == id)
    }
}
