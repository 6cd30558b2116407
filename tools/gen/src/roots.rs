//! The types the bindings exchange: every definition, request, event and
//! result whose JSON shape Python and TypeScript users see. Their
//! dependencies are collected with them.

use schemars::SchemaGenerator;

use ptsp::desk::figures::{TicketFigures, UnitSummary};

macro_rules! roots {
    ($generator:ident: $($t:ty),* $(,)?) => {
        $( let _ = $generator.subschema_for::<$t>(); )*
    };
}

/// Adds every root type to the generator.
pub fn add(generator: &mut SchemaGenerator) {
    roots!(generator:
        // The shared vocabulary.
        ptsp::Code, ptsp::Kind, ptsp::Lang, ptsp::Label, ptsp::Problem,
        // The calendar.
        ptsp::CalendarDef, ptsp::HolidayLayer, ptsp::DeadlinePolicy, ptsp::Deadline,
        ptsp::Explanation, ptsp::HolidayInfo, ptsp::YearEntry, ptsp::YearSpan,
        ptsp::IcalImport,
        // Procedures.
        ptsp::ProcedureDef, ptsp::Catalogue, ptsp::ServiceType,
        // Cases.
        ptsp::Request, ptsp::Command, ptsp::Event, ptsp::Actor, ptsp::SubmittedDocument,
        ptsp::OutputRecord, ptsp::Case, ptsp::CaseStatus, ptsp::Tracking,
        // SLA clocks.
        ptsp::SlaReport, ptsp::Preview, ptsp::StepExplanation, ptsp::DueEvent,
        // The desk.
        ptsp::WebForm, ptsp::ValidForm, ptsp::FormLimits, ptsp::RuleSet, ptsp::RoutingInput,
        ptsp::StaffLoad, ptsp::Suggestion<'static>, TicketFigures, UnitSummary, ptsp::Province,
        // The office.
        ptsp::office::Checklist, ptsp::office::Inventory, ptsp::office::AuditOptions,
        ptsp::office::FacilitiesAudit, ptsp::office::Comparison, ptsp::office::Organisation,
        ptsp::office::Requirement, ptsp::office::StaffingSettings,
        ptsp::office::CompetenceReport, ptsp::office::StaffingReport,
        ptsp::office::EscalationPolicy, ptsp::office::Escalation,
        // Evaluation.
        ptsp::evaluation::SurveyDef, ptsp::evaluation::Response, ptsp::evaluation::ResponseRules,
        ptsp::evaluation::Tally, ptsp::evaluation::IkmResult, ptsp::evaluation::GroupResult,
        ptsp::evaluation::GroupBy, ptsp::evaluation::Method,
        ptsp::evaluation::ComplianceReport, ptsp::evaluation::Period,
        ptsp::evaluation::Dimension, ptsp::publish::Format,
    );
}

/// The computed results Python reads through typed views (`ptsp/views.py`),
/// with every result they contain.
pub const VIEWS: &[&str] = &[
    "Deadline",
    "Explanation",
    "SlaReport",
    "Preview",
    "StepExplanation",
    "Tracking",
    "TicketFigures",
    "UnitSummary",
    "Suggestion",
    "FacilitiesAudit",
    "Comparison",
    "CompetenceReport",
    "StaffingReport",
    "Escalation",
    "IkmResult",
    "GroupResult",
];

/// What both bindings add to a serialised type because the core computes it
/// on demand rather than storing it: each routing reason's sentence in both
/// languages (`text`, from `Reason::text`) and the ticket text it points at
/// (`excerpt`, from `Reason::excerpt`, which needs the ticket).
pub fn binding_fields(defs: &mut serde_json::Map<String, serde_json::Value>) {
    use serde_json::json;
    let Some(reason) = defs.get_mut("Reason") else {
        return;
    };
    let Some(variants) = reason.get_mut("oneOf").and_then(|v| v.as_array_mut()) else {
        return;
    };
    for v in variants {
        let keyword = v
            .pointer("/properties/kind/const")
            .is_some_and(|k| k == "keyword");
        if let Some(required) = v.get_mut("required").and_then(|r| r.as_array_mut()) {
            required.push("text".into());
            if keyword {
                required.push("excerpt".into());
            }
        }
        if let Some(props) = v.get_mut("properties").and_then(|p| p.as_object_mut()) {
            props.insert(
                "text".into(),
                json!({"$ref": "#/$defs/Label", "description": "The reason as a sentence in both languages (added by the binding)."}),
            );
            props.insert(
                "excerpt".into(),
                json!({"type": "string", "description": "The ticket text the reason points at, where it points at one (added by the binding)."}),
            );
        }
    }
}
