//! Commands: what an actor asks a case to do ([`Command`]), who asks
//! ([`Actor`]) and when ([`Request`]), and what a command carries (submitted
//! documents, correction reasons, the outputs a step produced).

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::error::Lang;
use crate::procedure::OutputKind;

/// Who performs a command: an id, the roles held, and the unit (division or
/// agency) the actor belongs to.
///
/// # Example
/// ```
/// let a = ptsp::Actor::new("u-17", &["verifikator"], None);
/// assert!(a.has_role("verifikator"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Actor {
    /// Identifier.
    pub id: String,
    /// Roles held.
    #[serde(default)]
    pub roles: Vec<String>,
    /// Unit (Bidang or OPD) of the actor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
}

impl Actor {
    /// An actor.
    ///
    /// # Example
    /// ```
    /// let a = ptsp::Actor::new("opd-1", &["opd_teknis"], Some("dinkes"));
    /// assert_eq!(a.unit.as_deref(), Some("dinkes"));
    /// ```
    pub fn new(id: &str, roles: &[&str], unit: Option<&str>) -> Actor {
        Actor {
            id: id.to_owned(),
            roles: roles.iter().map(|r| (*r).to_owned()).collect(),
            unit: unit.map(str::to_owned),
        }
    }

    /// Whether the actor holds a role.
    ///
    /// # Example
    /// ```
    /// assert!(!ptsp::Actor::new("x", &[], None).has_role("pemohon"));
    /// ```
    pub fn has_role(&self, role: &str) -> bool {
        self.roles.iter().any(|r| r == role)
    }
}

/// A document as submitted: its requirement code and file metadata.
///
/// # Example
/// ```
/// let d = ptsp::SubmittedDocument::new("ktp", "pdf", 120_000);
/// assert_eq!(d.format, "pdf");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SubmittedDocument {
    /// Requirement code.
    pub code: String,
    /// File format (extension, lower case).
    pub format: String,
    /// Size in bytes.
    pub bytes: u64,
}

impl SubmittedDocument {
    /// A submitted document.
    ///
    /// # Example
    /// ```
    /// assert_eq!(ptsp::SubmittedDocument::new("nib", "pdf", 1).bytes, 1);
    /// ```
    pub fn new(code: &str, format: &str, bytes: u64) -> SubmittedDocument {
        SubmittedDocument {
            code: code.to_owned(),
            format: format.to_owned(),
            bytes,
        }
    }
}

/// Why one document goes back to the applicant.
///
/// # Example
/// ```
/// let r = ptsp::CorrectionReason { document: "npwp".into(), reason: "tidak terbaca".into() };
/// assert_eq!(r.document, "npwp");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CorrectionReason {
    /// Requirement code.
    pub document: String,
    /// What is wrong.
    pub reason: String,
}

/// What an actor asks the case to do.
///
/// # Example
/// ```
/// let c: ptsp::Command = serde_json::from_str(
///     r#"{"type": "complete_step", "step": "pemeriksaan", "outcome": "lengkap"}"#)?;
/// assert!(matches!(c, ptsp::Command::CompleteStep { .. }));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Command {
    /// File the application (performs the start step).
    Submit {
        /// The case's identifier (e.g. the JOSS registration number).
        case_id: String,
        /// Uploaded documents.
        documents: Vec<SubmittedDocument>,
    },
    /// Finish the current step with one of its outcomes (on a step with
    /// exactly one, the outcome may be left out).
    CompleteStep {
        /// The step the actor is completing (must be the current one).
        step: String,
        /// The outcome chosen; `None` takes the step's only outcome, and is
        /// refused (`outcome_required`) on a step with several. The event
        /// records the outcome taken either way.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        outcome: Option<String>,
        /// A note for the record (an answer's text, a validation remark).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<String>,
        /// The tier (severity), on a step that sets one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        tier: Option<String>,
        /// The documents the step produced (its official report,
        /// recommendation or permit), on a step that declares outputs.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        outputs: Vec<OutputRecord>,
    },
    /// Send the file back to the applicant for correction.
    ReturnForCorrection {
        /// The current step.
        step: String,
        /// What to correct, per document.
        reasons: Vec<CorrectionReason>,
    },
    /// The applicant sends corrected documents.
    Resubmit {
        /// The full, corrected set of documents.
        documents: Vec<SubmittedDocument>,
    },
    /// Refuse the application at the current step.
    Reject {
        /// The current step.
        step: String,
        /// Why.
        reason: String,
    },
    /// The applicant withdraws.
    Withdraw {
        /// Why, if said.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
    /// Assign (or reassign) a lane's work to a unit and/or staff member.
    Assign {
        /// The lane.
        lane: String,
        /// The unit (required for a routed lane, unless only a staff member
        /// is bound to a lane a unit already holds).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unit: Option<String>,
        /// The staff member: bound to the lane's current (or next) step
        /// visit only, released when that visit ends.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        staff: Option<String>,
        /// Why a unit that declined the case is assigned it again: required
        /// for that, and recorded in the event whenever given.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
    /// Act on a lapsed window (a [`crate::DueEvent`] the SLA evaluation
    /// reported): the applicant's step takes its lapse outcome
    /// ([`crate::StepDef::on_lapse`]), or a file not resubmitted within the
    /// correction window ends the case as lapsed. Any office actor may
    /// record it, and only once the window has passed at the request's
    /// instant.
    Lapse {
        /// The current step.
        step: String,
    },
    /// Record an escalation the office found due (seed §6,
    /// [`crate::office::Supervision::escalations`]): the preventive warning
    /// of a step at risk, or the next repressive level of a breached one —
    /// levels are recorded in order, none skipped. Any office actor may
    /// record it (the backend acts when it computes escalations). Needs the
    /// organisation: decided by [`crate::office::Office::decide`];
    /// [`Case::decide`](crate::Case::decide) refuses it (`office_required`).
    Escalate {
        /// The current step.
        step: String,
        /// Preventive or repressive.
        control: Control,
        /// The level: 1 for the direct superior, 2 for theirs, …
        level: u8,
    },
    /// A superior's note or instruction on the case (seed §6), authorised
    /// by the line of command: the actor must hold a position above the
    /// staff member assigned to the case. Needs the organisation: decided
    /// by [`crate::office::Office::decide`]; [`Case::decide`](crate::Case::decide)
    /// refuses it (`office_required`).
    Supervise {
        /// A note or an instruction.
        directive: Directive,
        /// Its text.
        text: String,
    },
}

/// What a superior gives on a case: a note for the record, or an
/// instruction to act.
///
/// # Example
/// ```
/// assert_eq!(serde_json::to_string(&ptsp::case::Directive::Instruction)?, "\"instruction\"");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Directive {
    /// A note (*catatan*).
    Note,
    /// An instruction (*arahan*).
    Instruction,
}

/// Preventive (a warning before the deadline) or repressive (after it) —
/// the two kinds of control of seed §6.
///
/// # Example
/// ```
/// assert_eq!(serde_json::to_string(&ptsp::case::Control::Repressive)?, "\"repressive\"");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Control {
    /// The step is at risk: its assignee's direct superior is told.
    Preventive,
    /// The step is breached: the superior at this level must act.
    Repressive,
}

impl Command {
    /// `CompleteStep` with an outcome and nothing else.
    ///
    /// # Example
    /// ```
    /// let c = ptsp::Command::complete("pemeriksaan", "lengkap");
    /// assert!(matches!(c, ptsp::Command::CompleteStep { note: None, tier: None, .. }));
    /// ```
    pub fn complete(step: &str, outcome: &str) -> Command {
        Command::CompleteStep {
            step: step.to_owned(),
            outcome: Some(outcome.to_owned()),
            note: None,
            tier: None,
            outputs: Vec::new(),
        }
    }

    /// `CompleteStep` without naming the outcome: the step's only one
    /// (a step with several refuses it with `outcome_required`).
    ///
    /// # Example
    /// ```
    /// let c = ptsp::Command::finish("cetak");
    /// assert!(matches!(c, ptsp::Command::CompleteStep { outcome: None, .. }));
    /// assert_eq!(serde_json::to_string(&c)?, r#"{"type":"complete_step","step":"cetak"}"#);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn finish(step: &str) -> Command {
        Command::CompleteStep {
            step: step.to_owned(),
            outcome: None,
            note: None,
            tier: None,
            outputs: Vec::new(),
        }
    }

    /// The same command recording `output` (on `CompleteStep`; other
    /// commands are returned unchanged).
    ///
    /// # Example
    /// ```
    /// use ptsp::{Command, OutputKind, OutputRecord};
    /// let date = ptsp::calendar::parse_date("2026-12-31")?;
    /// let c = Command::complete("cetak", "dicetak")
    ///     .with_output(OutputRecord::new(OutputKind::Izin, "503/IZN/0412/2026", date));
    /// assert!(matches!(&c, Command::CompleteStep { outputs, .. } if outputs.len() == 1));
    /// # Ok::<(), ptsp::CalendarError>(())
    /// ```
    pub fn with_output(mut self, output: OutputRecord) -> Command {
        if let Command::CompleteStep { outputs, .. } = &mut self {
            outputs.push(output);
        }
        self
    }

    /// The `snake_case` name of the command.
    ///
    /// # Example
    /// ```
    /// assert_eq!(ptsp::Command::complete("a", "b").name(), "complete_step");
    /// ```
    pub fn name(&self) -> &'static str {
        self.action().name()
    }

    /// The command as an [`Action`], for messages.
    ///
    /// # Example
    /// ```
    /// assert_eq!(ptsp::Command::complete("a", "b").action(), ptsp::case::Action::CompleteStep);
    /// ```
    pub fn action(&self) -> Action {
        match self {
            Command::Submit { .. } => Action::Submit,
            Command::CompleteStep { .. } => Action::CompleteStep,
            Command::ReturnForCorrection { .. } => Action::ReturnForCorrection,
            Command::Resubmit { .. } => Action::Resubmit,
            Command::Reject { .. } => Action::Reject,
            Command::Withdraw { .. } => Action::Withdraw,
            Command::Assign { .. } => Action::Assign,
            Command::Lapse { .. } => Action::Lapse,
            Command::Escalate { .. } => Action::Escalate,
            Command::Supervise { .. } => Action::Supervise,
        }
    }
}

/// A document a step produced, as recorded on completion: the official
/// report (*berita acara*), the recommendation, the permit.
///
/// # Example
/// ```
/// let o: ptsp::OutputRecord = serde_json::from_str(r#"{"kind": "izin",
///   "number": "503/1234/IZN/2026", "date": "2026-12-30"}"#)?;
/// assert_eq!(o.kind, ptsp::OutputKind::Izin);
/// assert!(o.file.is_none());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct OutputRecord {
    /// What it is (one the step declares).
    pub kind: OutputKind,
    /// Its official number.
    pub number: String,
    /// Its date (not after the day it is recorded).
    pub date: NaiveDate,
    /// Where the file is kept (a document-store reference).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
}

impl OutputRecord {
    /// A record without a file reference.
    ///
    /// # Example
    /// ```
    /// let d = ptsp::calendar::parse_date("2026-12-29")?;
    /// let o = ptsp::OutputRecord::new(ptsp::OutputKind::Rekomendasi, "445/REK/1", d);
    /// assert!(o.file.is_none());
    /// # Ok::<(), ptsp::CalendarError>(())
    /// ```
    pub fn new(kind: OutputKind, number: &str, date: NaiveDate) -> OutputRecord {
        OutputRecord {
            kind,
            number: number.to_owned(),
            date,
            file: None,
        }
    }
}

/// A command with its actor and instant.
///
/// # Example
/// ```
/// let r: ptsp::Request = serde_json::from_str(r#"{
///   "actor": {"id": "p-1", "roles": ["pemohon"]},
///   "at": "2026-12-22T09:15:00+07:00",
///   "command": {"type": "withdraw"}
/// }"#)?;
/// assert_eq!(r.actor.id, "p-1");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Request {
    /// Who.
    pub actor: Actor,
    /// When.
    pub at: DateTime<FixedOffset>,
    /// What.
    pub command: Command,
}

/// What a command does, as errors name it.
///
/// # Example
/// ```
/// use ptsp::{Lang, case::Action};
/// assert_eq!(Action::ReturnForCorrection.name(), "return_for_correction");
/// assert_eq!(Action::ReturnForCorrection.label(Lang::Id), "mengembalikan untuk perbaikan");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Action {
    /// Submitting an application.
    Submit,
    /// Completing a step.
    CompleteStep,
    /// Returning the file for correction.
    ReturnForCorrection,
    /// Resubmitting after a correction.
    Resubmit,
    /// Rejecting.
    Reject,
    /// Withdrawing.
    Withdraw,
    /// Assigning a lane to a unit or staff member.
    Assign,
    /// Recording that a window has lapsed.
    Lapse,
    /// Recording an escalation.
    Escalate,
    /// A superior's note or instruction.
    Supervise,
}

impl Action {
    /// The command's `type` in JSON.
    pub const fn name(self) -> &'static str {
        match self {
            Action::Submit => "submit",
            Action::CompleteStep => "complete_step",
            Action::ReturnForCorrection => "return_for_correction",
            Action::Resubmit => "resubmit",
            Action::Reject => "reject",
            Action::Withdraw => "withdraw",
            Action::Assign => "assign",
            Action::Lapse => "lapse",
            Action::Escalate => "escalate",
            Action::Supervise => "supervise",
        }
    }

    /// The action as a verb phrase in the given language.
    pub const fn label(self, lang: Lang) -> &'static str {
        let (id, en) = match self {
            Action::Submit => ("mengajukan", "submit"),
            Action::CompleteStep => ("menyelesaikan langkah", "complete a step"),
            Action::ReturnForCorrection => {
                ("mengembalikan untuk perbaikan", "return for correction")
            }
            Action::Resubmit => ("mengajukan ulang", "resubmit"),
            Action::Reject => ("menolak", "reject"),
            Action::Withdraw => ("menarik permohonan", "withdraw"),
            Action::Assign => ("menugaskan", "assign"),
            Action::Lapse => ("mencatat lewat waktu", "record a lapse"),
            Action::Escalate => ("mencatat eskalasi", "record an escalation"),
            Action::Supervise => (
                "memberi catatan atau arahan pengawasan",
                "give a supervisory note or instruction",
            ),
        };
        match lang {
            Lang::Id => id,
            Lang::En => en,
        }
    }
}

/// English.
impl std::fmt::Display for Action {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label(Lang::En))
    }
}
