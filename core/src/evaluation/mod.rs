//! Evaluation (seed §9–11): the community satisfaction index (IKM) of
//! PermenPANRB No. 14 Tahun 2017 ([`ikm`](mod@ikm)), computed exactly
//! ([`Fraction`]) from responses validated with every problem at once, and
//! SLA compliance reports over any set of cases and period
//! ([`compliance`](mod@compliance)), exact and mergeable.
//!
//! Seed §11 (*Evaluasi Kinerja Pelaksana*) asks for periodic, continuous
//! evaluation, internal and by a community satisfaction survey; the SLA
//! clocks of [`crate::sla`] and the desk's figures of [`crate::desk::figures`]
//! give the internal side.

pub mod compliance;
mod error;
mod exact;
pub mod ikm;
mod lean;

pub use compliance::{
    CaseRow, CaseStats, ComplianceReport, Dimension, Period, Replay, StepRow, StepStats,
    compliance, compliance_from_logs,
};
pub use error::EvaluationError;
pub use exact::Fraction;
pub use ikm::{
    AnswerOption, Category, CategoryDef, ElementDef, ElementResult, Figure, GroupBy, GroupResult,
    IkmResult, Method, Profile, ProfileField, ProfileOption, Response, ResponseRules, SurveyDef,
    Tally, ikm, ikm_by, sample_size, validate_response,
};
