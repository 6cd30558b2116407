//! Documents in and out of a case: what the applicant submits (checked
//! against the procedure's requirements), why documents go back for
//! correction, and what a step records as produced (its outputs).

use chrono::{DateTime, FixedOffset};

use super::error::list;
use super::{Case, CaseError, CaseResult, CorrectionReason, OutputRecord, SubmittedDocument};
use crate::error::{Code, Lang, Problem};
use crate::procedure::{DocumentRequirement, OutputKind, Procedure, StepDef};

/// Checks submitted documents against a procedure's requirements and
/// returns every gap: missing mandatory documents, unknown codes, wrong
/// formats, files too large, duplicates — each with a path, code and
/// messages in both languages.
///
/// # Example
/// ```
/// use ptsp::{Procedure, SubmittedDocument, check_documents};
/// let p = Procedure::jatim_permit();
/// let gaps = check_documents(&p.def().documents, &[SubmittedDocument::new("ktp", "docx", 10)]);
/// let codes: Vec<&str> = gaps.iter().map(|g| g.code.as_str()).collect();
/// assert!(codes.contains(&"missing_document"));
/// assert!(codes.contains(&"wrong_format"));
/// ```
pub fn check_documents(
    required: &[DocumentRequirement],
    submitted: &[SubmittedDocument],
) -> Vec<Problem> {
    let mut out = Vec::new();
    for (i, d) in submitted.iter().enumerate() {
        let path = format!("documents[{i}]");
        if submitted[..i].iter().any(|e| e.code == d.code) {
            out.push(Problem::new(
                format!("{path}.code"),
                Code::DuplicateDocument,
                format!("document “{}” is submitted twice", d.code),
                format!("dokumen “{}” diunggah dua kali", d.code),
            ));
        }
        let Some(req) = required.iter().find(|r| r.code == d.code) else {
            out.push(Problem::new(
                format!("{path}.code"),
                Code::UnknownDocument,
                format!("document “{}” is not a requirement of this service", d.code),
                format!("dokumen “{}” bukan persyaratan layanan ini", d.code),
            ));
            continue;
        };
        let format = d.format.to_ascii_lowercase();
        if !req.formats.is_empty() && !req.formats.contains(&format) {
            out.push(Problem::new(
                format!("{path}.format"),
                Code::WrongFormat,
                format!(
                    "{} must be one of {}, found “{}”",
                    req.name.en,
                    list(&req.formats, Lang::En),
                    d.format
                ),
                format!(
                    "{} harus berformat salah satu dari {}, ditemukan “{}”",
                    req.name.id,
                    list(&req.formats, Lang::Id),
                    d.format
                ),
            ));
        }
        if let Some(max) = req.max_bytes
            && d.bytes > max
        {
            out.push(Problem::new(
                format!("{path}.bytes"),
                Code::FileTooLarge,
                format!(
                    "{} is {} bytes: at most {max} allowed",
                    req.name.en, d.bytes
                ),
                format!(
                    "{} berukuran {} byte: paling besar {max}",
                    req.name.id, d.bytes
                ),
            ));
        }
        if d.bytes == 0 {
            out.push(Problem::new(
                format!("{path}.bytes"),
                Code::EmptyFile,
                format!("{} is an empty file", req.name.en),
                format!("{} adalah berkas kosong", req.name.id),
            ));
        }
    }
    for (i, r) in required.iter().enumerate() {
        if r.mandatory && !submitted.iter().any(|d| d.code == r.code) {
            out.push(Problem::new(
                format!("required[{i}]"),
                Code::MissingDocument,
                format!("{} ({}) is required and missing", r.name.en, r.code),
                format!("{} ({}) wajib dan belum diunggah", r.name.id, r.code),
            ));
        }
    }
    out
}

pub(super) fn check_complete(p: &Procedure, documents: &[SubmittedDocument]) -> CaseResult<()> {
    let problems = check_documents(&p.def().documents, documents);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(CaseError::IncompleteDocuments { problems })
    }
}

pub(super) fn check_reasons(p: &Procedure, reasons: &[CorrectionReason]) -> CaseResult<()> {
    let mut problems = Vec::new();
    if reasons.is_empty() {
        problems.push(Problem::new(
            "reasons",
            Code::EmptyReasons,
            "a correction needs at least one reason",
            "perbaikan membutuhkan paling sedikit satu alasan",
        ));
    }
    // With declared documents a reason names one of them; a procedure
    // without documents (a complaint asking for more information) takes
    // any topic there.
    let documents = &p.def().documents;
    for (i, r) in reasons.iter().enumerate() {
        if !documents.is_empty() && !documents.iter().any(|d| d.code == r.document) {
            problems.push(Problem::new(
                format!("reasons[{i}].document"),
                Code::UnknownDocument,
                format!(
                    "document “{}” is not a requirement of this service",
                    r.document
                ),
                format!("dokumen “{}” bukan persyaratan layanan ini", r.document),
            ));
        }
        if r.reason.trim().is_empty() {
            problems.push(Problem::new(
                format!("reasons[{i}].reason"),
                Code::EmptyReason,
                "the reason is empty",
                "alasannya kosong",
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(CaseError::InvalidInput {
            what: super::phrase::REASONS,
            problems,
        })
    }
}

impl Case {
    /// Checks a step's recorded outputs: each of a kind the step declares,
    /// dated no later than the day recorded; a step that declares
    /// documents (anything but an answer) needs at least one.
    pub(super) fn check_outputs(
        &self,
        step: &StepDef,
        outputs: &[OutputRecord],
        at: DateTime<FixedOffset>,
    ) -> CaseResult<()> {
        let is_document = |k: &OutputKind| *k != OutputKind::Answer && step.outputs.contains(k);
        let declares = step.outputs.iter().any(|k| *k != OutputKind::Answer);
        // The replay path: everything in order, nothing to build.
        if outputs
            .iter()
            .all(|o| is_document(&o.kind) && o.date <= at.date_naive())
            && (!declares || !outputs.is_empty())
        {
            return Ok(());
        }
        let mut problems = Vec::new();
        let documents: Vec<OutputKind> = step
            .outputs
            .iter()
            .copied()
            .filter(|k| *k != OutputKind::Answer)
            .collect();
        let name = |k: OutputKind| {
            serde_json::to_value(k)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default()
        };
        let declared = documents.iter().map(|k| name(*k)).collect::<Vec<_>>();
        for (i, o) in outputs.iter().enumerate() {
            if !documents.contains(&o.kind) {
                problems.push(Problem::new(
                    format!("command.outputs[{i}].kind"),
                    Code::UndeclaredOutput,
                    format!(
                        "step “{}” does not produce {}: it produces {}",
                        step.id,
                        name(o.kind),
                        if declared.is_empty() {
                            "no documents".to_owned()
                        } else {
                            declared.join(", ")
                        }
                    ),
                    format!(
                        "langkah “{}” tidak menghasilkan {}: hasilnya {}",
                        step.id,
                        name(o.kind),
                        if declared.is_empty() {
                            "tidak ada dokumen".to_owned()
                        } else {
                            declared.join(", ")
                        }
                    ),
                ));
            }
            if o.date > at.date_naive() {
                problems.push(Problem::new(
                    format!("command.outputs[{i}].date"),
                    Code::OutputDateInFuture,
                    format!(
                        "{} “{}” is dated {}, after the day it is recorded ({})",
                        name(o.kind),
                        o.number,
                        o.date,
                        at.date_naive()
                    ),
                    format!(
                        "{} “{}” bertanggal {}, setelah hari pencatatannya ({})",
                        name(o.kind),
                        o.number,
                        o.date,
                        at.date_naive()
                    ),
                ));
            }
        }
        if !documents.is_empty() && !outputs.iter().any(|o| documents.contains(&o.kind)) {
            problems.push(Problem::new(
                "command.outputs",
                Code::MissingOutput,
                format!(
                    "step “{}” must record what it produced ({}): number and date",
                    step.id,
                    declared.join(" or ")
                ),
                format!(
                    "langkah “{}” wajib mencatat dokumen yang dihasilkan ({}): nomor dan tanggal",
                    step.id,
                    declared.join(" atau ")
                ),
            ));
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(CaseError::InvalidInput {
                what: super::phrase::OUTPUTS,
                problems,
            })
        }
    }
}
