//! The registry of every stable code: each declared once, with what it
//! means in both languages. Programs and tests match on codes; the Python
//! exception classes and the TypeScript `ErrorCode` union are generated from
//! [`Code::ALL`] (see `tools/gen`).

use serde::{Deserialize, Serialize};

use super::Lang;

/// Declares [`Code`] from one table: variant, code text, and a one-line
/// meaning in Bahasa Indonesia and English.
macro_rules! codes {
    ($( $variant:ident = $code:literal, $id:literal, $en:literal; )*) => {
        /// Every stable code of the library: the code of an error
        /// ([`PtspError::code`](super::PtspError::code)) or of one
        /// [`Problem`](super::Problem) inside a validation error.
        ///
        /// Codes travel as `snake_case` text ([`Code::as_str`]), the same in
        /// Rust, Python and JavaScript; a new code may be added in any
        /// release, an existing one never changes meaning.
        ///
        /// # Example
        /// ```
        /// use ptsp::{Code, Lang};
        /// assert_eq!(Code::OutOfCoverage.as_str(), "out_of_coverage");
        /// assert_eq!("out_of_coverage".parse::<Code>(), Ok(Code::OutOfCoverage));
        /// assert!(Code::OutOfCoverage.meaning(Lang::Id).contains("cakupan"));
        /// assert!(Code::ALL.len() > 100);
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[non_exhaustive]
        pub enum Code {
            $(
                #[doc = concat!("`", $code, "`: ", $en, ".")]
                #[serde(rename = $code)]
                $variant,
            )*
        }

        impl Code {
            /// Every code, in declaration order.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The code as `snake_case` text.
            ///
            /// # Example
            /// ```
            /// assert_eq!(ptsp::Code::TooLong.as_str(), "too_long");
            /// ```
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $code,)*
                }
            }

            /// What the code means, in one line, in the given language.
            ///
            /// # Example
            /// ```
            /// use ptsp::{Code, Lang};
            /// assert_eq!(Code::TooLong.meaning(Lang::En), "a text is longer than allowed");
            /// ```
            pub const fn meaning(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $(
                        (Code::$variant, Lang::Id) => $id,
                        (Code::$variant, Lang::En) => $en,
                    )*
                }
            }
        }
    };
}

codes! {
    // Reading input: the shape of a value (any module).
    InvalidJson = "invalid_json", "teks JSON tidak dapat dibaca atau bentuknya tidak sesuai", "a JSON text cannot be read or has the wrong shape";
    JsonSyntax = "json_syntax", "teks bukan JSON yang sah", "the text is not valid JSON";
    WrongType = "wrong_type", "nilai bertipe salah", "a value has the wrong type";
    MissingField = "missing_field", "kolom wajib tidak ada", "a required field is missing";
    UnknownField = "unknown_field", "kolom tidak dikenal", "a field is not known";
    UnknownVariant = "unknown_variant", "nilai tidak termasuk pilihan yang dikenal", "a value is not one of the known choices";
    InvalidLength = "invalid_length", "daftar panjangnya salah", "a list has the wrong length";
    InvalidValue = "invalid_value", "nilai tidak valid", "a value is not valid";
    Internal = "internal", "kesalahan internal pustaka (mohon laporkan)", "an internal error of the library (please report it)";
    InvalidType = "invalid_type", "argumen bertipe salah", "an argument has the wrong type";
    InvalidText = "invalid_text", "teks memuat surrogate tunggal, bukan karakter Unicode", "a text holds a lone surrogate, not a Unicode character";
    TooLong = "too_long", "teks lebih panjang dari yang diizinkan", "a text is longer than allowed";
    TooMany = "too_many", "daftar lebih panjang dari yang diizinkan", "a list is longer than allowed";
    TooShort = "too_short", "teks lebih pendek dari yang diwajibkan", "a text is shorter than required";
    Required = "required", "nilai wajib diisi", "a value is required";
    EmptyId = "empty_id", "id kosong", "an id is empty";
    EmptyName = "empty_name", "nama kosong", "a name is empty";
    DuplicateId = "duplicate_id", "id dipakai lebih dari sekali", "an id is used more than once";
    InvalidCharacters = "invalid_characters", "teks memuat karakter yang tidak diizinkan", "a text holds characters that are not allowed";

    // The working-day calendar.
    OutOfCoverage = "out_of_coverage", "tanggal di luar cakupan kalender: hari liburnya belum ditetapkan", "a day is outside the calendar's coverage: its holidays are not known";
    OutOfRange = "out_of_range", "bilangan, tanggal atau durasi di luar rentang", "a count, date or duration is out of range";
    InvalidCount = "invalid_count", "jumlah hari kerja tenggat kurang dari 1", "a deadline asks for fewer than 1 working day";
    NegativeDuration = "negative_duration", "durasi kerja negatif", "a working duration is negative";
    NoOfficeHours = "no_office_hours", "kalender tidak memiliki jam kerja", "the calendar has no office hours";
    InvalidDefinition = "invalid_definition", "definisi kalender tidak valid", "a calendar definition is not valid";
    InvalidIcal = "invalid_ical", "teks iCalendar tidak dapat dibaca", "an iCalendar text cannot be read";
    ShapeMismatch = "shape_mismatch", "panjang masukan batch tidak cocok", "batch inputs have lengths that do not match";
    ConflictingDay = "conflicting_day", "hari kerja tambahan sekaligus hari libur", "a day is both an extra working day and a day off";
    CoverageTooLong = "coverage_too_long", "cakupan kalender terlalu panjang", "the calendar's coverage is too long";
    DuplicateExtraWorkingDay = "duplicate_extra_working_day", "hari kerja tambahan tercantum dua kali", "an extra working day is listed twice";
    DuplicateHoliday = "duplicate_holiday", "hari libur tercantum dua kali", "a holiday is listed twice";
    DuplicateYear = "duplicate_year", "tahun tercantum dua kali", "a year is listed twice";
    EmptyWeekmask = "empty_weekmask", "weekmask tidak memiliki hari kerja", "the weekmask has no working day";
    HolidayOutsideYears = "holiday_outside_years", "hari libur di luar tahun lapisannya", "a holiday lies outside its layer's years";
    InvalidBreak = "invalid_break", "jam istirahat tidak valid", "a break is not valid";
    InvalidOfficeHours = "invalid_office_hours", "jam kerja tidak valid", "office hours are not valid";
    InvalidUtcOffset = "invalid_utc_offset", "selisih UTC tidak valid", "a UTC offset is not valid";
    MissingOfficeHours = "missing_office_hours", "hari kerja tanpa jam kerja", "a working day has no office hours";
    NoCoverage = "no_coverage", "kalender tidak mencakup tahun mana pun", "the calendar covers no year";
    NonContiguousYears = "non_contiguous_years", "tahun-tahun lapisan tidak berurutan", "a layer's years are not contiguous";
    OffsetWithSeconds = "offset_with_seconds", "selisih UTC memuat detik", "a UTC offset has seconds";
    OverlappingBreaks = "overlapping_breaks", "jam istirahat bertumpang tindih", "breaks overlap";
    UnknownSource = "unknown_source", "sumber (keputusan) tidak dikenal", "a source (decree) is not known";
    YearOutOfRange = "year_out_of_range", "tahun di luar rentang yang didukung", "a year is outside the supported range";

    // Procedure definitions.
    InvalidProcedure = "invalid_procedure", "definisi prosedur tidak valid", "a procedure definition is not valid";
    ApplicantStepFlags = "applicant_step_flags", "langkah pemohon memakai pengaturan yang hanya untuk kantor", "an applicant step uses settings meant for the office";
    DecisionOutcomes = "decision_outcomes", "keputusan membutuhkan paling sedikit dua hasil", "a decision needs at least two outcomes";
    DeclinesNotRouted = "declines_not_routed", "hasil 'declines' di luar jalur yang dirutekan", "a 'declines' outcome outside a routed lane";
    EndStep = "end_step", "langkah akhir tidak berbentuk benar", "an end step is not well formed";
    InvalidLapse = "invalid_lapse", "pengaturan lewat waktu (on_lapse) tidak valid", "an on_lapse setting is not valid";
    InvalidLimit = "invalid_limit", "batas tidak valid", "a limit is not valid";
    InvalidThresholds = "invalid_thresholds", "ambang peringatan tidak valid", "warning thresholds are not valid";
    LaneWithoutRole = "lane_without_role", "jalur tanpa peran", "a lane has no role";
    LoopWithoutExit = "loop_without_exit", "putaran tanpa jalan keluar", "a loop has no way out";
    NoEndReachable = "no_end_reachable", "langkah akhir tidak dapat dicapai", "no end step can be reached";
    NoTiers = "no_tiers", "tingkat (tier) tidak didefinisikan", "no tiers are defined";
    NonPositiveSla = "non_positive_sla", "SLA harus lebih dari nol", "an SLA must be more than zero";
    RoleNotInLane = "role_not_in_lane", "peran bukan milik jalur langkah", "a role does not belong to the step's lane";
    SlaTooLarge = "sla_too_large", "SLA terlalu besar", "an SLA is too large";
    StartNotApplicant = "start_not_applicant", "langkah awal bukan milik pemohon", "the first step is not the applicant's";
    TaskOutcomes = "task_outcomes", "tugas membutuhkan paling sedikit satu hasil", "a task needs at least one outcome";
    UnknownLane = "unknown_lane", "jalur tidak dikenal", "a lane is not known";
    UnknownRole = "unknown_role", "peran tidak dikenal", "a role is not known";
    UnknownTarget = "unknown_target", "langkah tujuan tidak dikenal", "a target step is not known";
    UnreachableStep = "unreachable_step", "langkah tidak dapat dicapai", "a step cannot be reached";

    // Cases.
    Unauthorized = "unauthorized", "pelaku tidak berwenang", "the actor may not do this";
    WrongState = "wrong_state", "status kasus tidak mengizinkan perintah ini", "the case's status does not allow this command";
    WrongStep = "wrong_step", "langkah bukan langkah saat ini", "the step is not the current step";
    UnknownOutcome = "unknown_outcome", "hasil tidak dikenal untuk langkah ini", "the step has no such outcome";
    OutcomeRequired = "outcome_required", "langkah memiliki beberapa hasil: pilih satu", "the step has several outcomes: choose one";
    NotAllowed = "not_allowed", "langkah tidak mengizinkan tindakan ini", "the step does not allow this action";
    NotRouted = "not_routed", "jalur belum ditugaskan ke unit", "the lane is not assigned to a unit yet";
    NotDue = "not_due", "jendela waktu belum lewat", "the window has not passed yet";
    InconsistentLog = "inconsistent_log", "log kasus tidak konsisten", "the case log is inconsistent";
    InvalidInput = "invalid_input", "masukan perintah tidak valid", "the input of a command is not valid";
    IncompleteDocuments = "incomplete_documents", "dokumen persyaratan belum lengkap atau tidak sesuai", "required documents are missing or not acceptable";
    BeforeLastEvent = "before_last_event", "waktu sebelum peristiwa terakhir", "an instant is before the last event";
    DateOutOfRange = "date_out_of_range", "tanggal di luar rentang", "a date is out of range";
    InstantOutOfRange = "instant_out_of_range", "waktu di luar rentang", "an instant is out of range";
    DeclinedUnit = "declined_unit", "unit sudah menolak; sebutkan alasan", "the unit has declined; give a reason";
    DuplicateDocument = "duplicate_document", "dokumen diserahkan dua kali", "a document is submitted twice";
    EmptyFile = "empty_file", "berkas kosong", "a file is empty";
    EmptyReason = "empty_reason", "alasan kosong", "a reason is empty";
    EmptyText = "empty_text", "isi kosong", "a text is empty";
    EmptyReasons = "empty_reasons", "tidak ada alasan", "no reason is given";
    FileTooLarge = "file_too_large", "berkas terlalu besar", "a file is too large";
    InvalidAssignment = "invalid_assignment", "penugasan tidak valid", "an assignment is not valid";
    MissingDocument = "missing_document", "dokumen wajib tidak ada", "a required document is missing";
    MissingOutput = "missing_output", "keluaran langkah tidak dicatat", "a step's output is not recorded";
    OutputDateInFuture = "output_date_in_future", "tanggal keluaran di masa depan", "an output's date is in the future";
    TierNotAllowed = "tier_not_allowed", "tingkat tidak diizinkan di sini", "a tier is not allowed here";
    TierRequired = "tier_required", "tingkat wajib diisi", "a tier is required";
    UndeclaredOutput = "undeclared_output", "keluaran tidak dideklarasikan", "an output is not declared";
    UnknownDocument = "unknown_document", "dokumen tidak dikenal", "a document is not known";
    UnknownTier = "unknown_tier", "tingkat tidak dikenal", "a tier is not known";
    UnknownVisit = "unknown_visit", "kunjungan langkah tidak dikenal", "a step visit is not known";
    WrongFormat = "wrong_format", "format berkas tidak diterima", "a file format is not accepted";

    // The desk: web form and routing.
    InvalidForm = "invalid_form", "formulir tidak valid", "a form is not valid";
    InvalidLimits = "invalid_limits", "pengaturan formulir tidak konsisten", "form settings are inconsistent";
    AttachmentsTooLarge = "attachments_too_large", "lampiran terlalu besar bersama-sama", "attachments are too large together";
    ContactRequired = "contact_required", "email atau telepon wajib diisi", "an email or phone number is required";
    InvalidEmail = "invalid_email", "email tidak valid", "an email address is not valid";
    InvalidFileName = "invalid_file_name", "nama berkas tidak valid", "a file name is not valid";
    InvalidFormat = "invalid_format", "format tidak valid", "a format is not valid";
    InvalidNikBirthDate = "invalid_nik_birth_date", "tanggal lahir dalam NIK tidak valid", "the birth date in a NIK is not valid";
    InvalidNikDigits = "invalid_nik_digits", "NIK memuat selain angka", "a NIK holds non-digits";
    InvalidNikLength = "invalid_nik_length", "NIK tidak 16 digit", "a NIK is not 16 digits";
    InvalidNikRegion = "invalid_nik_region", "kode wilayah NIK tidak dikenal", "a NIK's region code is not known";
    InvalidNikSerial = "invalid_nik_serial", "nomor urut NIK tidak valid", "a NIK's serial number is not valid";
    InvalidPhone = "invalid_phone", "nomor telepon tidak valid", "a phone number is not valid";
    InvalidRange = "invalid_range", "rentang tidak valid", "a range is not valid";
    TooManyAttachments = "too_many_attachments", "terlalu banyak lampiran", "too many attachments";
    InvalidRuleSet = "invalid_rule_set", "aturan rute tidak valid", "a routing rule set is not valid";
    EmptyCriterion = "empty_criterion", "kriteria kosong", "a criterion is empty";
    EmptyKeywords = "empty_keywords", "aturan tanpa kata kunci", "a rule has no keywords";
    FallbackNotHead = "fallback_not_head", "unit cadangan bukan kepala bidang pengaduan", "the fallback unit is not the head of complaints";
    ShadowedRule = "shadowed_rule", "aturan tidak pernah berlaku karena tertutup aturan lain", "a rule never applies: another rule shadows it";
    UnknownFallback = "unknown_fallback", "unit cadangan tidak dikenal", "the fallback unit is not known";
    UnknownUnit = "unknown_unit", "unit tidak dikenal", "a unit is not known";

    // The office: facilities (seed §4).
    InvalidChecklist = "invalid_checklist", "daftar periksa sarana tidak valid", "a facilities checklist is not valid";
    InvalidInventory = "invalid_inventory", "inventaris sarana tidak valid", "a facilities inventory is not valid";
    UnknownFacility = "unknown_facility", "sarana tidak ada di daftar periksa", "a facility is not on the checklist";
    InconsistentCount = "inconsistent_count", "jumlah tidak sesuai dengan keberadaan", "a count does not agree with presence";
    CheckedAfterAudit = "checked_after_audit", "tanggal pemeriksaan sesudah tanggal inventaris", "a check date is after the inventory's date";

    // The office: organisation, competence (seed §5) and staffing (§8).
    InvalidOrganisation = "invalid_organisation", "data organisasi tidak valid", "an organisation is not valid";
    UnknownPosition = "unknown_position", "jabatan tidak dikenal", "a position is not known";
    NoHead = "no_head", "tidak ada kepala kantor di garis komando", "the line of command has no head of office";
    SeveralHeads = "several_heads", "lebih dari satu jabatan tanpa atasan", "more than one position has no superior";
    CommandCycle = "command_cycle", "garis komando berputar", "the line of command runs in a circle";
    EndsBeforeStart = "ends_before_start", "periode berakhir sebelum dimulai", "a period ends before it starts";
    InvalidRequirements = "invalid_requirements", "persyaratan kompetensi tidak valid", "competence requirements are not valid";
    UnknownStaff = "unknown_staff", "petugas tidak ada di organisasi", "a staff member is not in the organisation";
    StaffAway = "staff_away", "petugas sedang tidak bertugas (cuti atau penugasan lain)", "a staff member is away (leave or secondment)";
    LacksRole = "lacks_role", "petugas tidak memegang peran langkah", "a staff member does not hold the step's role";
    NotQualified = "not_qualified", "petugas tidak memenuhi persyaratan kompetensi", "a staff member does not meet the competence requirement";

    // The office: supervision (seed §6).
    OfficeRequired = "office_required", "perintah membutuhkan data organisasi kantor", "a command needs the office's organisation";
    EscalationNotDue = "escalation_not_due", "eskalasi belum jatuh tempo atau sudah dicatat", "an escalation is not due or is already recorded";

    // Evaluation: the satisfaction index (seed §9, §11).
    InvalidResponses = "invalid_responses", "jawaban survei tidak valid", "survey responses are not valid";
    UnknownElement = "unknown_element", "unsur survei tidak dikenal", "a survey element is not known";
    UnknownOption = "unknown_option", "pilihan tidak dikenal", "an option is not known";
    Unanswered = "unanswered", "pertanyaan belum dijawab", "a question is not answered";
    NoRespondents = "no_respondents", "tidak ada responden", "there are no respondents";
    UnansweredElement = "unanswered_element", "unsur tanpa jawaban", "an element has no answers";
    InvalidReport = "invalid_report", "permintaan laporan tidak valid", "a report request is not valid";
    IncompatibleReports = "incompatible_reports", "laporan tidak dapat digabung", "reports cannot be merged";
    DuplicateDimension = "duplicate_dimension", "dimensi disebut dua kali", "a dimension is named twice";
    UnknownProcedure = "unknown_procedure", "prosedur tidak diberikan", "a procedure is not among those given";
    NothingToMerge = "nothing_to_merge", "tidak ada yang digabung", "there is nothing to merge";
    InvalidTally = "invalid_tally", "tally survei tidak valid", "a survey tally is not valid";
}

impl Code {
    /// The code named by `text`, if the registry has it.
    ///
    /// # Example
    /// ```
    /// assert_eq!(ptsp::Code::from_name("too_many"), Some(ptsp::Code::TooMany));
    /// assert_eq!(ptsp::Code::from_name("nope"), None);
    /// ```
    pub fn from_name(text: &str) -> Option<Code> {
        Code::ALL.iter().copied().find(|c| c.as_str() == text)
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Code {
    type Err = UnknownCode;

    fn from_str(s: &str) -> Result<Code, UnknownCode> {
        Code::from_name(s).ok_or(UnknownCode)
    }
}

/// The text named no code of the registry.
///
/// # Example
/// ```
/// assert!("nope".parse::<ptsp::Code>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("no such code")]
pub struct UnknownCode;

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<str> for Code {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl AsRef<str> for Code {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_once_and_snake_case() {
        let mut seen = std::collections::BTreeSet::new();
        for c in Code::ALL {
            let s = c.as_str();
            assert!(seen.insert(s), "{s} twice");
            assert!(
                s.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
                "{s}"
            );
            assert_eq!(serde_json::to_string(c).unwrap(), format!("\"{s}\""));
            assert_eq!(s.parse::<Code>(), Ok(*c));
            for lang in Lang::ALL {
                assert!(!c.meaning(lang).is_empty());
            }
        }
    }
}
