//! # ptsp — an Indonesian public-service standard, made executable
//!
//! `ptsp` models the *Standar Pelayanan* of a one-stop integrated service
//! office (*Pelayanan Terpadu Satu Pintu*, PTSP) as data and rules. Its first
//! capability is the one every deadline in a standard rests on: counting
//! **working days** (*hari kerja*) on the Indonesian holiday calendar —
//! national holidays (*hari libur nasional*) and collective leave (*cuti
//! bersama*) from the yearly joint ministerial decrees (SKB 3 Menteri),
//! each entry carrying the decree that set it.
//!
//! ## The standard, section by section
//!
//! | seed section | what it says | module |
//! |---|---|---|
//! | §1–2 legal basis, requirements (Lampiran II) | the documents an application needs | [`procedure`] ([`Catalogue`], [`DocumentRequirement`]) |
//! | §3 system, mechanism and procedure | the permit swimlane: upload, check (≤ 3 working days), recommendation, approval (≤ 3 working days), print | [`procedure`] (definitions, [`procedure::builtin`]), [`case`] (the event-sourced engine), [`sla`] (clocks), [`calendar`] (working days) |
//! | §4 facilities | rooms and equipment an office is audited against | [`office::facilities`] (the seed's checklist, inventories, audits and their comparison) |
//! | §5 staff competence | the verification team's qualifications | [`office::competence`] (requirements after §5 a–e, the competence report), on the organisation of [`office::organisation`] |
//! | §6 internal supervision | the direct superior's control | [`office::supervision`] (escalations to the direct superior and up the line of command, worklists) |
//! | §7 complaints, suggestions and input (JOSS) | consultation and complaint flows, the web form, routing to the unit responsible | [`desk`] ([`desk::form`], [`desk::routing`], [`desk::figures`]); the flows are the built-in procedures [`ProcedureDef::jatim_consultation`], [`ProcedureDef::jatim_complaint`], [`ProcedureDef::jatim_suggestion`] run by [`case`] |
//! | §8 staffing | at least one processor per sector | [`office::staffing()`] |
//! | §9–11 guarantee, openness, evaluation | monitoring, the satisfaction index (IKM), openness of information | [`evaluation`] (the IKM of PermenPANRB 14/2017; SLA compliance reports, exact and mergeable), [`publish`] (the published standard and the performance page), [`sla`] (clocks) |
//!
//! Across all of them, [`error`] holds the shared vocabulary: [`Lang`],
//! [`Label`], [`Problem`], the registry of every stable [`Code`] and the
//! [`PtspError`] trait each module's error implements.
//!
//! ## Quick start
//! ```
//! use ptsp::{Calendar, DeadlinePolicy, Lang};
//!
//! let cal = Calendar::jatim(); // national holidays + East Java office hours, WIB
//!
//! // "Pemeriksaan kelengkapan dokumen: maksimal 3 hari kerja."
//! let received = ptsp::calendar::parse_instant("2026-12-23T14:20:00+07:00")?;
//! let due = cal.deadline(received, 3, &DeadlinePolicy::default())?;
//! assert_eq!(due.due_at.to_rfc3339(), "2026-12-30T16:00:00+07:00");
//!
//! // Why then? Every skipped day and the decree behind it.
//! let why = cal.explain_deadline(received, 3, &DeadlinePolicy::default())?;
//! println!("{}", why.render(Lang::Id));
//!
//! // numpy-compatible working-day arithmetic, O(1) per call.
//! assert_eq!(cal.add_working_days("2025-03-27".parse()?, 1)?.to_string(), "2025-04-08");
//! assert_eq!(cal.working_days_between("2026-12-01".parse()?, "2027-01-01".parse()?)?, 21);
//!
//! // Years nobody has decreed are refused, not guessed.
//! let err = cal.is_working_day("2031-01-02".parse()?).unwrap_err();
//! assert_eq!(err.code(), "out_of_coverage");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Features
//! * Calendars as data ([`CalendarDef`], JSON via serde; iCalendar import
//!   and export): weekmask, layered holidays (national, regional, office
//!   closures), which kinds are days off, extra working days, office hours
//!   with breaks, UTC offset (WIB, WITA, WIT).
//! * Built-in national calendar 2023–2027 with the source of every entry
//!   ([`Calendar::indonesia`], [`Calendar::jatim`]).
//! * Day arithmetic identical to numpy's `busday_offset` / `busday_count`.
//! * Statutory deadlines with a configurable counting convention
//!   ([`DeadlinePolicy`]) and a day-by-day explanation.
//! * Working-time arithmetic within office hours.
//! * Coverage: uncovered years are an error unless explicitly assumed
//!   ([`Calendar::assuming_weekends_only`]), and assumed results say so.
//! * Typed errors with stable codes (one registry, [`Code`]) and messages in
//!   Bahasa Indonesia and English ([`PtspError`], [`Lang`]); input of the
//!   wrong shape names the path of the offending value
//!   ([`error::input`]).
//! * Bounded inputs: limits on definitions and rule sets
//!   ([`calendar::limits`], [`desk::routing::limits`]), on what a request may carry
//!   ([`TextLimits`]), on SLAs ([`Sla::MAX_WORKING_DAYS`]) and instants
//!   ([`case::INSTANT_YEARS`]); no input panics.
//! * Case logs checked on replay against their procedure ([`Case::replay`]),
//!   with an explicit fast path for a trusted store
//!   ([`Case::replay_trusted`]).
//!
//! The library never reads the clock: every instant is a parameter.

pub mod calendar;
pub mod case;
pub mod desk;
pub mod error;
pub mod evaluation;
pub mod office;
pub mod procedure;
pub mod publish;
pub mod sla;

pub use calendar::{
    AfterHours, Assuming, Break, Calendar, CalendarDef, CalendarError, ClockTime, CountFrom,
    DayHours, DayRole, Deadline, DeadlinePolicy, Estimate, ExplainedDay, Explanation,
    ExtraWorkingDay, Holiday, HolidayInfo, HolidayKind, HolidayLayer, IcalImport, OfficeHours,
    SkipReason, Source, Weekmask, YearEntry, YearSpan, YearStatus,
};
pub use case::{
    Actor, Assignment, Case, CaseClockChange, CaseError, CaseStatus, Command, CorrectionReason,
    Event, EventKind, OutputRecord, Request, Requirement, StepVisit, SubmittedDocument, Tracking,
    TrackingEntry, check_documents,
};
pub use desk::form::{
    AttachmentMeta, CharRange, FormError, FormLimits, KindRules, Nik, PersonalData, Province,
    RegencyKind, Sex, TicketKind, ValidForm, WebForm,
};
pub use desk::routing::{
    Router, RoutingError, RoutingInput, RoutingRule, RuleSet, StaffLoad, Suggestion,
};
pub use error::{Code, Kind, Label, Lang, Problem, PtspError};
pub use procedure::{
    Catalogue, CorrectionClock, DeemedApproval, DocumentRequirement, EndKind, EscalationPolicy,
    Interval, LaneDef, LaneKind, OutcomeDef, OutputKind, Procedure, ProcedureDef, ProcedureError,
    Qualification, RoleDef, ServiceType, Sla, SlaUnit, StepDef, StepKind, SupervisionSettings,
    TextLimits, Tier, TierAnchor,
};
pub use sla::{
    CaseClock, ClockStatus, DueEvent, LaneClock, PauseInfo, Preview, PreviewStep, SlaReport,
    StepClock, StepExplanation,
};

/// Any error of this crate, for callers that want one type (each module
/// returns its own; every one converts into this).
///
/// # Example
/// ```
/// use ptsp::{Calendar, Code};
/// fn days() -> Result<i64, ptsp::Error> {
///     let cal = Calendar::indonesia();
///     Ok(cal.working_days_between("2026-12-01".parse().unwrap(), "2031-01-01".parse().unwrap())?)
/// }
/// assert_eq!(days().unwrap_err().code(), Code::OutOfCoverage);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An error of the working-day calendar.
    #[error(transparent)]
    Calendar(#[from] CalendarError),
    /// An error of a procedure definition.
    #[error(transparent)]
    Procedure(#[from] ProcedureError),
    /// An error of the case engine.
    #[error(transparent)]
    Case(#[from] CaseError),
    /// An error of the web form.
    #[error(transparent)]
    Form(#[from] FormError),
    /// An error of a routing rule set.
    #[error(transparent)]
    Routing(#[from] RoutingError),
}

impl Error {
    /// The error as the common trait.
    fn inner(&self) -> &dyn PtspError {
        match self {
            Error::Calendar(e) => e,
            Error::Procedure(e) => e,
            Error::Case(e) => e,
            Error::Form(e) => e,
            Error::Routing(e) => e,
        }
    }
}

impl PtspError for Error {
    fn code(&self) -> Code {
        self.inner().code()
    }

    fn message(&self, lang: Lang) -> String {
        self.inner().message(lang)
    }

    fn kind(&self) -> Kind {
        self.inner().kind()
    }

    fn problems(&self) -> &[Problem] {
        self.inner().problems()
    }
}

error::inherent_methods!(Error);

/// Shorthand for results with the crate-wide [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
