//! The electronic consultation and complaint desk — the seed's §7
//! (*penanganan pengaduan, saran, dan masukan*): the JOSS web form
//! ([`form`]), the operator's triage and the routing of a ticket to the
//! division or agency responsible, with redistribution when a unit says
//! "not ours" ([`routing`]), and the figures of tickets and units — first
//! response, resolution, "Belum Valid" validation loops, redistributions,
//! reopenings ([`figures`]).
//!
//! The flows themselves — classification or verification, distribution,
//! the unit's answer, the head of complaints' validation with its loop back,
//! delivery — are procedures run by the case engine ([`Case`](crate::Case)): the built-in
//! [`ProcedureDef::jatim_consultation`](crate::ProcedureDef::jatim_consultation),
//! [`ProcedureDef::jatim_complaint`](crate::ProcedureDef::jatim_complaint) and
//! [`ProcedureDef::jatim_suggestion`](crate::ProcedureDef::jatim_suggestion).

pub mod figures;
pub mod form;
pub mod routing;
