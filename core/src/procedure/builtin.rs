//! The built-in procedures of the East Java standard, loaded from
//! `core/data/procedure-jatim-*.json`, and the ids they use as constants:
//! one module per procedure ([`permit`], [`consultation`], [`complaint`],
//! [`suggestion`]), each with its procedure `ID` and modules `steps`,
//! `outcomes`, `roles` and `lanes` (and the complaint's `tiers`). Every
//! module also lists its ids in `ALL`; a unit test proves the constants and
//! the JSON definitions agree, in both directions.
//!
//! An outcome id shared by several steps of a procedure (`valid`,
//! `bukan_kewenangan`) is one constant; its documentation says what it
//! means at each step.
//!
//! # Example
//! ```
//! use ptsp::procedure::builtin::permit;
//! let p = ptsp::Procedure::jatim_permit();
//! assert_eq!(p.def().id, permit::ID);
//! let check = p.step(permit::steps::VERIFY).unwrap();
//! assert_eq!(check.outcomes[0].id, permit::outcomes::COMPLETE);
//! assert_eq!(check.outcomes[0].next, permit::steps::RECOMMEND);
//! ```

use super::{Procedure, ProcedureDef};

/// Declares documented `&str` constants and `ALL`, the list of them in
/// order.
macro_rules! ids {
    ($($(#[$doc:meta])* $name:ident = $value:literal;)*) => {
        $($(#[$doc])* pub const $name: &str = $value;)*
        /// Every id of this module, in the order of the definition.
        pub const ALL: &[&str] = &[$($name),*];
        /// Every constant's name with its id, in the same order (the
        /// bindings' constants are generated from this).
        pub const NAMED: &[(&str, &str)] = &[$((stringify!($name), $name)),*];
    };
}

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
        crate::error::input::from_json(JATIM_PERMIT_JSON, "")
            .expect("built-in procedure is valid (tested)")
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
        crate::error::input::from_json(JATIM_CONSULTATION_JSON, "")
            .expect("built-in procedure is valid (tested)")
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
        crate::error::input::from_json(JATIM_COMPLAINT_JSON, "")
            .expect("built-in procedure is valid (tested)")
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
        crate::error::input::from_json(JATIM_SUGGESTION_JSON, "")
            .expect("built-in procedure is valid (tested)")
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

/// The permit procedure, seed §3 (`jatim-izin`, [`Procedure::jatim_permit`]).
///
/// # Example
/// ```
/// use ptsp::procedure::builtin::permit::{lanes, steps};
/// let p = ptsp::Procedure::jatim_permit();
/// assert_eq!(p.lane_of(steps::RECOMMEND).unwrap().id, lanes::TECHNICAL_AGENCY);
/// ```
pub mod permit {
    /// The procedure id.
    pub const ID: &str = "jatim-izin";

    /// Step ids, in the order of the seed's table (§3).
    pub mod steps {
        ids! {
            /// §3 row 1: the applicant uploads the required documents (Lampiran II).
            UPLOAD = "unggah";
            /// §3 row 2: PTSP checks the documents for completeness and correctness, at most 3 working days.
            VERIFY = "pemeriksaan";
            /// §3 row 3: the technical agency (OPD Teknis) makes the Berita Acara / issues the recommendation.
            RECOMMEND = "rekomendasi";
            /// §3 row 4: PTSP approves the permit application, at most 3 working days.
            APPROVE = "persetujuan";
            /// §3 row 5: PTSP prints the permit (Cetak Izin).
            PRINT = "cetak";
            /// End: the permit is issued.
            ISSUED = "selesai";
            /// End: the application is refused.
            REFUSED = "ditolak";
        }
    }

    /// Outcome ids.
    pub mod outcomes {
        ids! {
            /// Upload: the documents are uploaded (performed by submitting).
            UPLOADED = "diunggah";
            /// Check: the documents are complete and correct.
            COMPLETE = "lengkap";
            /// Recommendation: the agency recommends the permit.
            RECOMMENDED = "direkomendasikan";
            /// Recommendation: the agency does not recommend it (the application ends refused).
            NOT_RECOMMENDED = "tidak_direkomendasikan";
            /// Approval: the authorised official approves.
            APPROVED = "disetujui";
            /// Approval: the authorised official refuses.
            REFUSED = "ditolak";
            /// Print: the permit is printed.
            PRINTED = "dicetak";
        }
    }

    /// Role ids.
    pub mod roles {
        ids! {
            /// The applicant (Pemohon).
            APPLICANT = "pemohon";
            /// Front office / JOSS admin: assigns the technical agency, prints the permit.
            FRONT_OFFICE = "front_office";
            /// The verification team (Tim Verifikator): checks the documents.
            VERIFIER = "verifikator";
            /// The authorised official (pejabat berwenang): approves or refuses.
            AUTHORISED_OFFICIAL = "pejabat_berwenang";
            /// An officer of the technical agency (OPD Teknis).
            TECHNICAL_AGENCY = "opd_teknis";
        }
    }

    /// Lane ids: the seed's three columns (§3).
    pub mod lanes {
        ids! {
            /// Pemohon: the applicant.
            APPLICANT = "pemohon";
            /// PTSP: the one-stop office.
            OFFICE = "ptsp";
            /// OPD Teknis: the technical agency the case is routed to.
            TECHNICAL_AGENCY = "opd_teknis";
        }
    }
}

/// The electronic consultation flow, seed §7 (`jatim-konsultasi`,
/// [`Procedure::jatim_consultation`]).
///
/// # Example
/// ```
/// use ptsp::procedure::builtin::consultation::{outcomes, steps};
/// let p = ptsp::Procedure::jatim_consultation();
/// let ya = p.step(steps::CLASSIFY).unwrap().outcomes.iter().find(|o| o.id == outcomes::YES).unwrap();
/// assert_eq!(ya.next, steps::VALIDATE_OPERATOR);
/// ```
pub mod consultation {
    /// The procedure id.
    pub const ID: &str = "jatim-konsultasi";

    /// Step ids, in the order of the seed's consultation table (§7).
    pub mod steps {
        ids! {
            /// §7 step 1: the asker submits a consultation question.
            SUBMIT = "ajukan";
            /// §7 step 2: the Operator classifies it and answers if able ("can the Operator answer?").
            CLASSIFY = "klasifikasi";
            /// §7 step 5 after Ya: the head of complaints validates the Operator's answer.
            VALIDATE_OPERATOR = "validasi_operator";
            /// §7 step 3: the head of complaints distributes the question to a Bidang or OPD.
            DISTRIBUTE = "distribusi";
            /// §7 step 4: the Bidang/OPD fills in the answer.
            ANSWER = "jawab";
            /// §7 step 5: the head of complaints validates the unit's answer.
            VALIDATE = "validasi";
            /// §7 step 6: the authorised official delivers the answer.
            DELIVER = "penyampaian";
            /// End: closed, the answer delivered.
            CLOSED = "selesai";
        }
    }

    /// Outcome ids.
    pub mod outcomes {
        ids! {
            /// Submission: the question is filed (performed by submitting).
            SUBMITTED = "diajukan";
            /// Classification, Ya: the Operator can answer (to validation).
            YES = "ya";
            /// Classification, Tidak: the Operator cannot answer (to distribution).
            NO = "tidak";
            /// Validation: Valid, the answer goes to delivery.
            VALID = "valid";
            /// Validation: Belum Valid, back to whoever drafted the answer.
            NOT_YET_VALID = "belum_valid";
            /// Distribution: the question is distributed to a unit.
            DISTRIBUTED = "didistribusikan";
            /// Answer: the unit has answered.
            ANSWERED = "dijawab";
            /// Answer: not this unit's matter (the unit declines; back to distribution).
            NOT_OURS = "bukan_kewenangan";
            /// Delivery: the answer is delivered.
            DELIVERED = "disampaikan";
        }
    }

    /// Role ids (the same as the complaint's).
    pub mod roles {
        ids! {
            /// The person asking (penanya).
            ASKER = "penanya";
            /// The Operator / helpdesk admin.
            OPERATOR = "operator";
            /// The head of the complaints division (Kepala Bidang Pengaduan).
            HEAD_OF_COMPLAINTS = "kepala_pengaduan";
            /// An officer of the division (Bidang) or agency (OPD) the question is routed to.
            UNIT_OFFICER = "petugas_unit";
            /// The authorised official (pejabat berwenang) who sends the answer.
            AUTHORISED_OFFICIAL = "pejabat_berwenang";
        }
    }

    /// Lane ids: the seed's columns (§7) and the authorised official.
    pub mod lanes {
        ids! {
            /// Pemohon Konsultasi: the asker.
            ASKER = "penanya";
            /// Operator.
            OPERATOR = "operator";
            /// Kepala Bidang Pengaduan.
            HEAD_OF_COMPLAINTS = "kepala_pengaduan";
            /// OPD / Bidang Lain: the unit the question is routed to.
            UNIT = "unit";
            /// The authorised official.
            OFFICIAL = "pejabat";
        }
    }
}

/// The electronic complaint flow, seed §7 (`jatim-pengaduan`,
/// [`Procedure::jatim_complaint`]): the consultation's routing plus
/// verification, tiers and the complainant's confirmation.
///
/// # Example
/// ```
/// use ptsp::procedure::builtin::complaint::{outcomes, steps, tiers};
/// let p = ptsp::Procedure::jatim_complaint();
/// let verify = p.step(steps::VERIFY).unwrap();
/// let forward = verify.outcomes.iter().find(|o| o.id == outcomes::NOT_OURS).unwrap();
/// assert_eq!(forward.next, steps::FORWARDED);
/// assert_eq!(p.tier(tiers::URGENT).unwrap().sla.amount, 2);
/// ```
pub mod complaint {
    /// The procedure id.
    pub const ID: &str = "jatim-pengaduan";

    /// Step ids.
    pub mod steps {
        ids! {
            /// §7 item 3: the complainant files the complaint on the web form.
            SUBMIT = "ajukan";
            /// §7 item 4: the helpdesk admin verifies it and sets its tier, at most 3 working days.
            VERIFY = "verifikasi";
            /// The head of complaints distributes it to a Bidang or OPD.
            DISTRIBUTE = "distribusi";
            /// The Bidang/OPD follows up and answers.
            ANSWER = "jawab";
            /// The head of complaints validates the answer.
            VALIDATE = "validasi";
            /// §7 item 5: the authorised official delivers the answer.
            DELIVER = "penyampaian";
            /// The complainant confirms or reopens, within 5 working days (silence accepts).
            CONFIRM = "konfirmasi";
            /// End: closed.
            CLOSED = "selesai";
            /// End: forwarded to the competent agency.
            FORWARDED = "diteruskan";
            /// End: archived (not a complaint).
            ARCHIVED = "diarsipkan";
        }
    }

    /// Outcome ids.
    pub mod outcomes {
        ids! {
            /// Submission: the complaint is filed (performed by submitting).
            SUBMITTED = "diajukan";
            /// Verification: verified, to distribution (the tier is set).
            VERIFIED = "terverifikasi";
            /// Verification: not our authority, forwarded to another agency; answer: not this unit's matter, back to distribution.
            NOT_OURS = "bukan_kewenangan";
            /// Verification: archived.
            ARCHIVE = "arsip";
            /// Distribution: distributed to a unit.
            DISTRIBUTED = "didistribusikan";
            /// Answer: the unit has answered.
            ANSWERED = "dijawab";
            /// Validation: Valid, to delivery.
            VALID = "valid";
            /// Validation: Belum Valid, back to the unit.
            NOT_YET_VALID = "belum_valid";
            /// Delivery: the answer is delivered.
            DELIVERED = "disampaikan";
            /// Confirmation: the complainant accepts the answer (also taken when the window lapses).
            ACCEPTED = "diterima";
            /// Confirmation: the complainant reopens the complaint (back to distribution).
            REOPEN = "buka_kembali";
        }
    }

    /// Role ids (the same as the consultation's).
    pub mod roles {
        ids! {
            /// The complainant (penanya).
            ASKER = "penanya";
            /// The Operator / helpdesk admin.
            OPERATOR = "operator";
            /// The head of the complaints division (Kepala Bidang Pengaduan).
            HEAD_OF_COMPLAINTS = "kepala_pengaduan";
            /// An officer of the division or agency the complaint is routed to.
            UNIT_OFFICER = "petugas_unit";
            /// The authorised official who delivers the answer.
            AUTHORISED_OFFICIAL = "pejabat_berwenang";
        }
    }

    /// Lane ids.
    pub mod lanes {
        ids! {
            /// The complainant.
            ASKER = "penanya";
            /// Operator / helpdesk admin.
            OPERATOR = "operator";
            /// Kepala Bidang Pengaduan.
            HEAD_OF_COMPLAINTS = "kepala_pengaduan";
            /// The unit the complaint is routed to (does not see who complained).
            UNIT = "unit";
            /// The authorised official.
            OFFICIAL = "pejabat";
        }
    }

    /// Tier ids: severities and their case deadlines (defaults).
    pub mod tiers {
        ids! {
            /// Urgent: 2 working days.
            URGENT = "mendesak";
            /// High: 5 working days.
            HIGH = "tinggi";
            /// Normal: 14 working days.
            NORMAL = "biasa";
            /// Complex: 60 working days.
            COMPLEX = "kompleks";
        }
    }
}

/// Suggestions and input (*saran/masukan*), seed §7 (`jatim-saran`,
/// [`Procedure::jatim_suggestion`]).
///
/// # Example
/// ```
/// use ptsp::procedure::builtin::suggestion::steps;
/// let p = ptsp::Procedure::jatim_suggestion();
/// assert_eq!(p.def().start, steps::SUBMIT);
/// ```
pub mod suggestion {
    /// The procedure id.
    pub const ID: &str = "jatim-saran";

    /// Step ids.
    pub mod steps {
        ids! {
            /// The person gives a suggestion or input.
            SUBMIT = "ajukan";
            /// The Operator acknowledges and classifies it.
            RECEIVE = "terima";
            /// The head of complaints distributes it to the unit concerned.
            DISTRIBUTE = "distribusi";
            /// The unit responds.
            RESPOND = "tanggapi";
            /// End: answered.
            CLOSED = "selesai";
            /// End: noted.
            NOTED = "dicatat";
        }
    }

    /// Outcome ids.
    pub mod outcomes {
        ids! {
            /// Submission: given (performed by submitting).
            SUBMITTED = "diajukan";
            /// Acknowledgement: passed to the unit concerned.
            PASSED_ON = "diteruskan";
            /// Acknowledgement or response: noted (for service improvement).
            NOTED = "dicatat";
            /// Distribution: distributed to a unit.
            DISTRIBUTED = "didistribusikan";
            /// Response: answered.
            RESPONDED = "ditanggapi";
            /// Response: not this unit's matter (back to distribution).
            NOT_OURS = "bukan_kewenangan";
        }
    }

    /// Role ids.
    pub mod roles {
        ids! {
            /// The person giving the suggestion (penanya).
            ASKER = "penanya";
            /// The Operator / helpdesk admin.
            OPERATOR = "operator";
            /// The head of the complaints division.
            HEAD_OF_COMPLAINTS = "kepala_pengaduan";
            /// An officer of the unit concerned.
            UNIT_OFFICER = "petugas_unit";
        }
    }

    /// Lane ids.
    pub mod lanes {
        ids! {
            /// The person giving the suggestion.
            ASKER = "penanya";
            /// Operator.
            OPERATOR = "operator";
            /// Kepala Bidang Pengaduan.
            HEAD_OF_COMPLAINTS = "kepala_pengaduan";
            /// The unit concerned.
            UNIT = "unit";
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    /// The ids of `all` are distinct and exactly those of `json`.
    fn same(what: &str, all: &[&str], json: Vec<&str>) {
        let constants: BTreeSet<&str> = all.iter().copied().collect();
        assert_eq!(
            constants.len(),
            all.len(),
            "{what}: a constant repeats an id"
        );
        let defined: BTreeSet<&str> = json.into_iter().collect();
        let missing: Vec<_> = defined.difference(&constants).collect();
        let stale: Vec<_> = constants.difference(&defined).collect();
        assert!(missing.is_empty(), "{what}: no constant for {missing:?}");
        assert!(
            stale.is_empty(),
            "{what}: constants not in the JSON: {stale:?}"
        );
    }

    struct Ids {
        id: &'static str,
        steps: &'static [&'static str],
        outcomes: &'static [&'static str],
        roles: &'static [&'static str],
        lanes: &'static [&'static str],
        tiers: &'static [&'static str],
    }

    #[test]
    fn constants_match_the_json_definitions() {
        let cases = [
            (
                ProcedureDef::jatim_permit(),
                Ids {
                    id: permit::ID,
                    steps: permit::steps::ALL,
                    outcomes: permit::outcomes::ALL,
                    roles: permit::roles::ALL,
                    lanes: permit::lanes::ALL,
                    tiers: &[],
                },
            ),
            (
                ProcedureDef::jatim_consultation(),
                Ids {
                    id: consultation::ID,
                    steps: consultation::steps::ALL,
                    outcomes: consultation::outcomes::ALL,
                    roles: consultation::roles::ALL,
                    lanes: consultation::lanes::ALL,
                    tiers: &[],
                },
            ),
            (
                ProcedureDef::jatim_complaint(),
                Ids {
                    id: complaint::ID,
                    steps: complaint::steps::ALL,
                    outcomes: complaint::outcomes::ALL,
                    roles: complaint::roles::ALL,
                    lanes: complaint::lanes::ALL,
                    tiers: complaint::tiers::ALL,
                },
            ),
            (
                ProcedureDef::jatim_suggestion(),
                Ids {
                    id: suggestion::ID,
                    steps: suggestion::steps::ALL,
                    outcomes: suggestion::outcomes::ALL,
                    roles: suggestion::roles::ALL,
                    lanes: suggestion::lanes::ALL,
                    tiers: &[],
                },
            ),
        ];
        for (def, ids) in &cases {
            assert_eq!(def.id, ids.id);
            let what = |k: &str| format!("{} {k}", def.id);
            same(
                &what("steps"),
                ids.steps,
                def.steps.iter().map(|s| s.id.as_str()).collect(),
            );
            same(
                &what("outcomes"),
                ids.outcomes,
                def.steps
                    .iter()
                    .flat_map(|s| &s.outcomes)
                    .map(|o| o.id.as_str())
                    .collect(),
            );
            same(
                &what("roles"),
                ids.roles,
                def.roles.iter().map(|r| r.id.as_str()).collect(),
            );
            same(
                &what("lanes"),
                ids.lanes,
                def.lanes.iter().map(|l| l.id.as_str()).collect(),
            );
            same(
                &what("tiers"),
                ids.tiers,
                def.tiers.iter().map(|t| t.id.as_str()).collect(),
            );
        }
        // The steps are listed in the definition's order.
        for (def, ids) in &cases {
            let order: Vec<&str> = def.steps.iter().map(|s| s.id.as_str()).collect();
            assert_eq!(order, ids.steps, "{}", def.id);
        }
    }
}
