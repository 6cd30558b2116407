//! The built-in procedures of the East Java standard, loaded from
//! `core/data/procedure-jatim-*.json`.

use super::{Procedure, ProcedureDef};

const JATIM_PERMIT_JSON: &str = include_str!("../../data/procedure-jatim-permit.json");
const JATIM_CONSULTATION_JSON: &str = include_str!("../../data/procedure-jatim-consultation.json");
const JATIM_COMPLAINT_JSON: &str = include_str!("../../data/procedure-jatim-complaint.json");
const JATIM_SUGGESTION_JSON: &str = include_str!("../../data/procedure-jatim-suggestion.json");

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
}

impl Procedure {
    /// The built-in East Java permit procedure.
    ///
    /// # Example
    /// ```
    /// assert_eq!(ptsp::Procedure::jatim_permit().def().id, "jatim-izin");
    /// ```
    pub fn jatim_permit() -> Procedure {
        Procedure::new(ProcedureDef::jatim_permit()).expect("built-in procedure is valid (tested)")
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
}
