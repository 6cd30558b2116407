//! Reading an [`Event`] without buffering.
//!
//! An event is one flat JSON object: the common fields (`at`, `case`,
//! `actor`, …), the tag `type`, and the kind's own fields. serde's derive for
//! that shape (`#[serde(flatten)]` over an internally tagged enum) buffers
//! every field into an intermediate tree, twice, before reading it — about
//! six microseconds per stored log, most of the cost of a report over stored
//! logs. Here the object is read once into [`Wire`], one field slot per
//! name any kind uses, and the kind is built from the slots its tag names.
//!
//! The JSON shape is the one `Event`'s `Serialize` writes and its schema
//! describes; nothing about it changes. Each kind's conversion names every
//! field of its variant (no `..`), so a field added to [`EventKind`] does not
//! compile until it is read here too. A value of the wrong type is reported
//! at its own path (`events[2].level`), which the buffered reading could not
//! do; a missing required field names the field, as before.

use chrono::{DateTime, FixedOffset};
use serde::de::{self, Deserialize, Deserializer, Unexpected};

use super::{
    CaseClockChange, Control, CorrectionReason, Directive, Event, EventKind, OutputRecord,
    SubmittedDocument,
};
use crate::error::Label;
use crate::procedure::EndKind;

/// A field every kind that has it requires: absent is `None`; `null` is a
/// type error of the field itself.
struct Req<T>(Option<T>);

impl<T> Default for Req<T> {
    fn default() -> Self {
        Req(None)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Req<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        T::deserialize(d).map(|v| Req(Some(v)))
    }
}

/// A field required by some kinds and optional (nullable) in others.
#[derive(Default)]
enum Maybe<T> {
    #[default]
    Absent,
    Null,
    Value(T),
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Maybe<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Option::<T>::deserialize(d)?.map_or(Maybe::Null, Maybe::Value))
    }
}

/// `staff`: one staff member (or `null`) in an assignment, a list in an
/// escalation.
#[derive(Default)]
enum Staff {
    #[default]
    Absent,
    Null,
    One(String),
    Many(Vec<String>),
}

impl<'de> Deserialize<'de> for Staff {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> de::Visitor<'de> for V {
            type Value = Staff;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a staff id, a list of staff ids or null")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Staff, E> {
                Ok(Staff::Null)
            }
            fn visit_none<E: de::Error>(self) -> Result<Staff, E> {
                Ok(Staff::Null)
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Staff, E> {
                Ok(Staff::One(s.to_owned()))
            }
            fn visit_string<E: de::Error>(self, s: String) -> Result<Staff, E> {
                Ok(Staff::One(s))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<Staff, A::Error> {
                Vec::<String>::deserialize(de::value::SeqAccessDeserializer::new(seq))
                    .map(Staff::Many)
            }
        }
        d.deserialize_any(V)
    }
}

/// An instant: the common RFC 3339 shape read directly, anything else by
/// chrono, with chrono's own messages.
struct At(DateTime<FixedOffset>);

impl<'de> Deserialize<'de> for At {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl de::Visitor<'_> for V {
            type Value = At;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a formatted date and time string")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<At, E> {
                match crate::calendar::parse_instant_fast(s) {
                    Some(t) => Ok(At(t)),
                    None => s.parse().map(At).map_err(E::custom),
                }
            }
        }
        d.deserialize_str(V)
    }
}

/// The tag.
#[derive(serde::Deserialize, Clone, Copy)]
#[serde(rename_all = "snake_case")]
enum Tag {
    Submitted,
    StepCompleted,
    ReturnedForCorrection,
    Resubmitted,
    CorrectionLapsed,
    Rejected,
    Withdrawn,
    Assigned,
    Escalated,
    Supervised,
}

/// Every field any event has, each in its own slot.
#[derive(serde::Deserialize)]
struct Wire {
    #[serde(default)]
    at: Req<At>,
    #[serde(default)]
    case: Req<String>,
    #[serde(default)]
    actor: Req<String>,
    #[serde(default)]
    actor_role: Option<String>,
    #[serde(default)]
    actor_unit: Option<String>,
    #[serde(default, rename = "type")]
    tag: Req<Tag>,
    #[serde(default)]
    case_id: Req<String>,
    #[serde(default)]
    procedure: Req<String>,
    #[serde(default)]
    version: Req<u32>,
    #[serde(default)]
    applicant: Req<String>,
    #[serde(default)]
    documents: Req<Vec<SubmittedDocument>>,
    #[serde(default)]
    entered: Req<String>,
    #[serde(default)]
    due: Option<At>,
    #[serde(default)]
    step: Maybe<String>,
    #[serde(default)]
    outcome: Req<String>,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    ended: Option<EndKind>,
    #[serde(default)]
    tier: Option<String>,
    #[serde(default)]
    case_due: Option<At>,
    #[serde(default)]
    unit: Option<String>,
    #[serde(default)]
    outputs: Req<Vec<OutputRecord>>,
    #[serde(default)]
    declined: Option<String>,
    #[serde(default)]
    by_lapse: Req<bool>,
    #[serde(default)]
    case_clock: Option<CaseClockChange>,
    #[serde(default)]
    reasons: Req<Vec<CorrectionReason>>,
    #[serde(default)]
    remaining_seconds: Req<i64>,
    #[serde(default)]
    window_due: Option<At>,
    #[serde(default)]
    reason: Maybe<String>,
    #[serde(default)]
    lane: Req<String>,
    #[serde(default)]
    staff: Staff,
    #[serde(default)]
    warnings: Req<Vec<Label>>,
    #[serde(default)]
    control: Req<Control>,
    #[serde(default)]
    level: Req<u8>,
    #[serde(default)]
    position: Req<String>,
    #[serde(default)]
    assignee: Req<String>,
    #[serde(default)]
    deadline: Option<At>,
    #[serde(default)]
    directive: Req<Directive>,
    #[serde(default)]
    text: Req<String>,
    #[serde(default)]
    subordinate: Req<String>,
}

fn req<T, E: de::Error>(slot: Req<T>, field: &'static str) -> Result<T, E> {
    slot.0.ok_or_else(|| E::missing_field(field))
}

fn required<T, E: de::Error>(slot: Maybe<T>, field: &'static str) -> Result<T, E> {
    match slot {
        Maybe::Value(v) => Ok(v),
        Maybe::Null => Err(E::invalid_type(Unexpected::Unit, &"a string")),
        Maybe::Absent => Err(E::missing_field(field)),
    }
}

fn optional<T>(slot: Maybe<T>) -> Option<T> {
    match slot {
        Maybe::Value(v) => Some(v),
        _ => None,
    }
}

impl Wire {
    fn into_event<E: de::Error>(self) -> Result<Event, E> {
        let w = self;
        let at = req(w.at, "at")?.0;
        let case = req(w.case, "case")?;
        let actor = req(w.actor, "actor")?;
        let kind = match req(w.tag, "type")? {
            Tag::Submitted => EventKind::Submitted {
                case_id: req(w.case_id, "case_id")?,
                procedure: req(w.procedure, "procedure")?,
                version: req(w.version, "version")?,
                applicant: req(w.applicant, "applicant")?,
                documents: req(w.documents, "documents")?,
                entered: req(w.entered, "entered")?,
                due: w.due.map(|t| t.0),
            },
            Tag::StepCompleted => EventKind::StepCompleted {
                step: required(w.step, "step")?,
                outcome: req(w.outcome, "outcome")?,
                note: w.note,
                entered: req(w.entered, "entered")?,
                due: w.due.map(|t| t.0),
                ended: w.ended,
                tier: w.tier,
                case_due: w.case_due.map(|t| t.0),
                unit: w.unit,
                outputs: w.outputs.0.unwrap_or_default(),
                declined: w.declined,
                by_lapse: w.by_lapse.0.unwrap_or_default(),
                case_clock: w.case_clock,
            },
            Tag::ReturnedForCorrection => EventKind::ReturnedForCorrection {
                step: required(w.step, "step")?,
                reasons: req(w.reasons, "reasons")?,
                remaining_seconds: req(w.remaining_seconds, "remaining_seconds")?,
                window_due: w.window_due.map(|t| t.0),
                case_clock: w.case_clock,
            },
            Tag::Resubmitted => EventKind::Resubmitted {
                step: required(w.step, "step")?,
                documents: req(w.documents, "documents")?,
                due: w.due.map(|t| t.0),
                case_clock: w.case_clock,
            },
            Tag::CorrectionLapsed => EventKind::CorrectionLapsed {
                step: required(w.step, "step")?,
            },
            Tag::Rejected => EventKind::Rejected {
                step: required(w.step, "step")?,
                reason: required(w.reason, "reason")?,
            },
            Tag::Withdrawn => EventKind::Withdrawn {
                reason: optional(w.reason),
            },
            Tag::Assigned => EventKind::Assigned {
                lane: req(w.lane, "lane")?,
                unit: w.unit,
                staff: match w.staff {
                    Staff::Absent | Staff::Null => None,
                    Staff::One(s) => Some(s),
                    Staff::Many(_) => {
                        return Err(E::invalid_type(Unexpected::Seq, &"a staff id or null"));
                    }
                },
                step: optional(w.step),
                reason: optional(w.reason),
                warnings: w.warnings.0.unwrap_or_default(),
            },
            Tag::Escalated => EventKind::Escalated {
                step: required(w.step, "step")?,
                control: req(w.control, "control")?,
                level: req(w.level, "level")?,
                position: req(w.position, "position")?,
                staff: match w.staff {
                    Staff::Absent => Vec::new(),
                    Staff::Many(v) => v,
                    Staff::Null => {
                        return Err(E::invalid_type(Unexpected::Unit, &"a list of staff ids"));
                    }
                    Staff::One(s) => {
                        return Err(E::invalid_type(Unexpected::Str(&s), &"a list of staff ids"));
                    }
                },
                assignee: req(w.assignee, "assignee")?,
                deadline: w.deadline.map(|t| t.0),
            },
            Tag::Supervised => EventKind::Supervised {
                directive: req(w.directive, "directive")?,
                text: req(w.text, "text")?,
                step: optional(w.step),
                position: req(w.position, "position")?,
                subordinate: req(w.subordinate, "subordinate")?,
                level: req(w.level, "level")?,
            },
        };
        Ok(Event {
            at,
            case,
            actor,
            actor_role: w.actor_role,
            actor_unit: w.actor_unit,
            kind,
        })
    }
}

impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Wire::deserialize(d)?.into_event()
    }
}
