//! The organisation as data: units (the one-stop office, its divisions and
//! sections, the technical agencies) with the sectors they serve, positions
//! with their direct superior (*atasan langsung*) up to the head of the
//! office, and staff with their employment status, unit, position, roles,
//! sectors, absences and competence profile (seed §5).
//!
//! [`Organisation::from_json`] reads and validates one, reporting every
//! problem at once: unknown units, positions or superiors, a line of
//! command with a cycle or not ending at the one head, duplicate ids,
//! absences or certificates that end before they start.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::OfficeError;
use crate::error::input::from_json;
use crate::error::{Code, Label, Problem, check_len, excerpt, too_many};

/// At most this many units, positions or staff members in one organisation.
pub const MAX_MEMBERS: usize = 20_000;
/// At most this many levels above any position (a line of command is a
/// handful of levels deep; the bound keeps every walk along it short).
pub const MAX_DEPTH: usize = 64;
/// At most this many absences, certificates, roles or sectors per entry.
const MAX_LIST: usize = 200;
/// Ids and names: at most this many bytes.
const MAX_TEXT: usize = 200;

/// What a unit is.
///
/// # Example
/// ```
/// let k: ptsp::office::UnitKind = serde_json::from_str("\"agency\"")?;
/// assert_eq!(k, ptsp::office::UnitKind::Agency);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    /// The one-stop office itself (*Dinas PMPTSP*).
    Office,
    /// A division (*Bidang*).
    Division,
    /// A section (*Seksi*).
    Section,
    /// A technical agency (*OPD Teknis*).
    Agency,
}

/// A unit and the sectors it serves.
///
/// # Example
/// ```
/// let u: ptsp::office::OrgUnit = serde_json::from_str(r#"{"id": "bidang-pelayanan",
///     "name": {"id": "Bidang Pelayanan", "en": "Service Division"}, "kind": "division",
///     "parent": "dinas", "sectors": ["kesehatan"]}"#)?;
/// assert_eq!(u.parent.as_deref(), Some("dinas"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct OrgUnit {
    /// Stable id.
    pub id: String,
    /// Name in both languages.
    pub name: Label,
    /// What it is.
    pub kind: UnitKind,
    /// The unit it belongs to (`None` for the office and the agencies).
    #[serde(default)]
    pub parent: Option<String>,
    /// The sectors (*sektor*) it serves.
    #[serde(default)]
    pub sectors: Vec<String>,
}

/// A position in the line of command.
///
/// # Example
/// ```
/// let p: ptsp::office::Position = serde_json::from_str(r#"{"id": "kasi-verifikasi",
///     "title": {"id": "Kepala Seksi Verifikasi", "en": "Head of the verification section"},
///     "unit": "seksi-verifikasi", "superior": "kabid-pelayanan"}"#)?;
/// assert_eq!(p.superior.as_deref(), Some("kabid-pelayanan"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Position {
    /// Stable id.
    pub id: String,
    /// Title in both languages.
    pub title: Label,
    /// The unit it belongs to.
    pub unit: String,
    /// The direct superior's position; `None` only for the head of the
    /// office.
    #[serde(default)]
    pub superior: Option<String>,
}

/// Employment status of a staff member.
///
/// # Example
/// ```
/// let s: ptsp::office::EmploymentStatus = serde_json::from_str("\"non_asn\"")?;
/// assert_eq!(s, ptsp::office::EmploymentStatus::NonAsn);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum EmploymentStatus {
    /// Civil servant (*Pegawai Negeri Sipil*).
    Pns,
    /// Government employee on contract (*Pegawai Pemerintah dengan
    /// Perjanjian Kerja*).
    Pppk,
    /// Non-permanent, non-civil-service staff (*PTT*, *non-ASN*).
    NonAsn,
}

/// Why a staff member is away.
///
/// # Example
/// ```
/// let k: ptsp::office::AbsenceKind = serde_json::from_str("\"secondment\"")?;
/// assert_eq!(k, ptsp::office::AbsenceKind::Secondment);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AbsenceKind {
    /// Leave (*cuti*).
    Leave,
    /// Secondment or assignment elsewhere (*tugas belajar*, *diperbantukan*).
    Secondment,
    /// Anything else.
    Other,
}

/// A period away, both days included.
///
/// # Example
/// ```
/// let a: ptsp::office::Absence = serde_json::from_str(
///     r#"{"from": "2026-12-22", "to": "2026-12-31", "kind": "leave"}"#)?;
/// assert!(a.covers("2026-12-31".parse().unwrap()));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Absence {
    /// First day away.
    pub from: NaiveDate,
    /// Last day away.
    pub to: NaiveDate,
    /// Why.
    pub kind: AbsenceKind,
}

impl Absence {
    /// Whether `day` falls in the absence.
    pub fn covers(&self, day: NaiveDate) -> bool {
        self.from <= day && day <= self.to
    }
}

/// A competence certificate (seed §5 b).
///
/// # Example
/// ```
/// let c: ptsp::office::Certificate = serde_json::from_str(r#"{"name": "verifikator-perizinan",
///     "issuer": "BPSDM Jatim", "valid_from": "2024-03-01", "valid_until": "2027-02-28"}"#)?;
/// assert!(c.valid_on("2026-12-01".parse().unwrap()));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Certificate {
    /// What it certifies (matched against requirements).
    pub name: String,
    /// Who issued it.
    pub issuer: String,
    /// First day of validity.
    pub valid_from: NaiveDate,
    /// Last day of validity (`None`: does not expire).
    #[serde(default)]
    pub valid_until: Option<NaiveDate>,
}

impl Certificate {
    /// Whether the certificate is valid on `day`.
    pub fn valid_on(&self, day: NaiveDate) -> bool {
        self.valid_from <= day && self.valid_until.is_none_or(|u| day <= u)
    }
}

/// A staff member's competence (seed §5 a–e).
///
/// # Example
/// ```
/// let c: ptsp::office::Competence = serde_json::from_str(
///     r#"{"education": ["hukum"], "technical": ["kesehatan"], "computer": true, "it_knowledge": true}"#)?;
/// assert!(c.certificates.is_empty());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct Competence {
    /// a) Fields of education and knowledge (`hukum`, `teknik sipil`).
    pub education: Vec<String>,
    /// b) Competence certificates.
    pub certificates: Vec<Certificate>,
    /// c) The sectors in whose services they have technical ability.
    pub technical: Vec<String>,
    /// d) Operates a computer.
    pub computer: bool,
    /// e) Has command of information technology.
    pub it_knowledge: bool,
}

/// A staff member.
///
/// # Example
/// ```
/// let s: ptsp::office::StaffMember = serde_json::from_str(r#"{"id": "s-1", "name": "Budi",
///     "status": "pns", "unit": "seksi-verifikasi", "roles": ["verifikator"], "sectors": ["kesehatan"]}"#)?;
/// assert!(s.position.is_none() && s.absences.is_empty());
/// # Ok::<(), serde_json::Error>(())
/// ```
///
/// `Debug` output (what ends up in logs) masks the personal data: the
/// name keeps the first letter of each word, and absences and competence
/// show as counts.
///
/// ```
/// let s: ptsp::office::StaffMember = serde_json::from_str(r#"{"id": "s-1", "name": "Budi Santoso",
///     "status": "pns", "unit": "u", "absences": [{"from": "2026-12-22", "to": "2026-12-24", "kind": "leave"}]}"#)?;
/// let logged = format!("{s:?}");
/// assert!(logged.contains("B*** S******") && !logged.contains("Budi") && !logged.contains("2026-12-22"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StaffMember {
    /// Stable id (an employee number; never shown in logs beyond this).
    pub id: String,
    /// Name.
    pub name: String,
    /// Employment status.
    pub status: EmploymentStatus,
    /// The unit they work in.
    pub unit: String,
    /// Their position, if they hold one in the line of command.
    #[serde(default)]
    pub position: Option<String>,
    /// The procedure roles they hold (`verifikator`, `operator`).
    #[serde(default)]
    pub roles: Vec<String>,
    /// The sectors whose files they process (seed §8).
    #[serde(default)]
    pub sectors: Vec<String>,
    /// Periods away.
    #[serde(default)]
    pub absences: Vec<Absence>,
    /// Competence profile (seed §5).
    #[serde(default)]
    pub competence: Competence,
}

impl std::fmt::Debug for StaffMember {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let name: String = self
            .name
            .split(' ')
            .map(|w| {
                w.chars()
                    .enumerate()
                    .map(|(i, c)| if i == 0 { c } else { '*' })
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join(" ");
        f.debug_struct("StaffMember")
            .field("id", &self.id)
            .field("name", &name)
            .field("status", &self.status)
            .field("unit", &self.unit)
            .field("position", &self.position)
            .field("roles", &self.roles)
            .field("sectors", &self.sectors)
            .field("absences", &self.absences.len())
            .field("certificates", &self.competence.certificates.len())
            .finish_non_exhaustive()
    }
}

impl StaffMember {
    /// Whether they are away on `day`.
    ///
    /// # Example
    /// ```
    /// let s: ptsp::office::StaffMember = serde_json::from_str(r#"{"id": "s-1", "name": "Budi",
    ///     "status": "pns", "unit": "u", "absences": [{"from": "2026-12-22", "to": "2026-12-24", "kind": "leave"}]}"#)?;
    /// assert!(s.away_on("2026-12-23".parse().unwrap()));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn away_on(&self, day: NaiveDate) -> bool {
        self.absences.iter().any(|a| a.covers(day))
    }
}

/// An office's organisation: units, positions and staff.
///
/// # Example
/// ```
/// let org = ptsp::office::Organisation::from_json(r#"{"id": "x", "units": [
///     {"id": "dinas", "name": {"id": "Dinas", "en": "Office"}, "kind": "office"}],
///   "positions": [{"id": "kadis", "title": {"id": "Kepala Dinas", "en": "Head"}, "unit": "dinas"}],
///   "staff": [{"id": "s-1", "name": "Ani", "status": "pns", "unit": "dinas", "position": "kadis"}]}"#)?;
/// assert_eq!(org.head().map(|p| p.id.as_str()), Some("kadis"));
/// # Ok::<(), ptsp::office::OfficeError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// Stable id of the office.
    pub id: String,
    /// Units.
    #[serde(default)]
    pub units: Vec<OrgUnit>,
    /// Positions.
    #[serde(default)]
    pub positions: Vec<Position>,
    /// Staff.
    #[serde(default)]
    pub staff: Vec<StaffMember>,
}

impl Organisation {
    /// Reads an organisation from JSON and validates it (every problem at
    /// once).
    ///
    /// # Example
    /// ```
    /// let err = ptsp::office::Organisation::from_json(r#"{"id": "x", "positions": [
    ///     {"id": "a", "title": {"id": "A", "en": "A"}, "unit": "u", "superior": "b"},
    ///     {"id": "b", "title": {"id": "B", "en": "B"}, "unit": "u", "superior": "a"}]}"#).unwrap_err();
    /// let codes: Vec<&str> = err.problems().iter().map(|p| p.code.as_str()).collect();
    /// assert!(codes.contains(&"command_cycle") && codes.contains(&"no_head"));
    /// ```
    pub fn from_json(text: &str) -> Result<Organisation, OfficeError> {
        let org: Organisation = from_json(text, "")?;
        org.checked()
    }

    /// The organisation if it is valid, else every problem.
    ///
    /// # Example
    /// ```
    /// let org: ptsp::office::Organisation = serde_json::from_str(r#"{"id": "x", "units": [
    ///     {"id": "u", "name": {"id": "U", "en": "U"}, "kind": "division", "parent": "dinas"}]}"#).unwrap();
    /// let err = org.checked().unwrap_err();
    /// assert_eq!((err.code().as_str(), err.problems()[0].path.as_str()), ("invalid_organisation", "units[0].parent"));
    /// ```
    pub fn checked(self) -> Result<Organisation, OfficeError> {
        let problems = self.validate();
        if problems.is_empty() {
            Ok(self)
        } else {
            Err(OfficeError::InvalidOrganisation { problems })
        }
    }

    /// Every problem of the organisation.
    ///
    /// # Example
    /// ```
    /// let org: ptsp::office::Organisation = serde_json::from_str(r#"{"id": "x", "staff": [
    ///     {"id": "s", "name": "S", "status": "pns", "unit": "nowhere"}]}"#)?;
    /// assert!(org.validate().iter().any(|p| p.path == "staff[0].unit" && p.code == "unknown_unit"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn validate(&self) -> Vec<Problem> {
        let mut out = Vec::new();
        check_len(&mut out, "id", &self.id, MAX_TEXT);
        for (what, len) in [
            ("units", self.units.len()),
            ("positions", self.positions.len()),
            ("staff", self.staff.len()),
        ] {
            if len > MAX_MEMBERS {
                out.push(too_many(what, len, MAX_MEMBERS));
            }
        }
        if !out.is_empty() {
            return out;
        }
        let units = ids(&mut out, "units", self.units.iter().map(|u| u.id.as_str()));
        let positions = ids(
            &mut out,
            "positions",
            self.positions.iter().map(|p| p.id.as_str()),
        );
        ids(&mut out, "staff", self.staff.iter().map(|s| s.id.as_str()));
        for (i, u) in self.units.iter().enumerate() {
            if let Some(parent) = &u.parent {
                known(
                    &mut out,
                    format!("units[{i}].parent"),
                    parent,
                    &units,
                    Code::UnknownUnit,
                );
            }
            names(&mut out, &format!("units[{i}].sectors"), &u.sectors);
        }
        for (i, p) in self.positions.iter().enumerate() {
            known(
                &mut out,
                format!("positions[{i}].unit"),
                &p.unit,
                &units,
                Code::UnknownUnit,
            );
            if let Some(s) = &p.superior {
                known(
                    &mut out,
                    format!("positions[{i}].superior"),
                    s,
                    &positions,
                    Code::UnknownPosition,
                );
            }
        }
        self.check_command(&mut out, &positions);
        for (i, s) in self.staff.iter().enumerate() {
            let p = format!("staff[{i}]");
            check_len(&mut out, format!("{p}.name"), &s.name, MAX_TEXT);
            known(
                &mut out,
                format!("{p}.unit"),
                &s.unit,
                &units,
                Code::UnknownUnit,
            );
            if let Some(pos) = &s.position {
                known(
                    &mut out,
                    format!("{p}.position"),
                    pos,
                    &positions,
                    Code::UnknownPosition,
                );
            }
            names(&mut out, &format!("{p}.roles"), &s.roles);
            names(&mut out, &format!("{p}.sectors"), &s.sectors);
            for (what, len) in [
                ("absences", s.absences.len()),
                ("competence.certificates", s.competence.certificates.len()),
            ] {
                if len > MAX_LIST {
                    out.push(too_many(format!("{p}.{what}"), len, MAX_LIST));
                }
            }
            for (j, a) in s.absences.iter().enumerate() {
                if a.to < a.from {
                    out.push(Problem::new(
                        format!("{p}.absences[{j}].to"),
                        Code::EndsBeforeStart,
                        format!(
                            "the absence ends on {} before it starts on {}",
                            a.to, a.from
                        ),
                        format!(
                            "ketidakhadiran berakhir {} sebelum dimulai {}",
                            a.to, a.from
                        ),
                    ));
                }
            }
            for (j, c) in s.competence.certificates.iter().enumerate() {
                if let Some(u) = c.valid_until
                    && u < c.valid_from
                {
                    out.push(Problem::new(
                        format!("{p}.competence.certificates[{j}].valid_until"),
                        Code::EndsBeforeStart,
                        format!(
                            "the certificate ends on {u} before it starts on {}",
                            c.valid_from
                        ),
                        format!("sertifikat berakhir {u} sebelum berlaku {}", c.valid_from),
                    ));
                }
            }
        }
        out
    }

    /// The line of command: exactly one head (a position without a
    /// superior), every chain acyclic and ending at it.
    fn check_command(&self, out: &mut Vec<Problem>, positions: &HashSet<&str>) {
        if self.positions.is_empty() {
            return;
        }
        let heads: Vec<usize> = (0..self.positions.len())
            .filter(|&i| self.positions[i].superior.is_none())
            .collect();
        match heads.as_slice() {
            [] => out.push(Problem::new(
                "positions",
                Code::NoHead,
                "no position is the head of the office: expected exactly one without a superior",
                "tidak ada jabatan kepala kantor: seharusnya tepat satu jabatan tanpa atasan",
            )),
            [_] => {}
            [_, rest @ ..] => {
                for &i in rest {
                    out.push(Problem::new(
                        format!("positions[{i}].superior"),
                        Code::SeveralHeads,
                        format!(
                            "“{}” has no superior, but “{}” is already the head",
                            excerpt(&self.positions[i].id),
                            excerpt(&self.positions[heads[0]].id)
                        ),
                        format!(
                            "“{}” tidak memiliki atasan, padahal “{}” sudah menjadi kepala",
                            excerpt(&self.positions[i].id),
                            excerpt(&self.positions[heads[0]].id)
                        ),
                    ));
                }
            }
        }
        let superior: HashMap<&str, &str> = self
            .positions
            .iter()
            .filter_map(|p| p.superior.as_deref().map(|s| (p.id.as_str(), s)))
            .collect();
        let mut reported: HashSet<&str> = HashSet::new();
        let mut too_deep = false;
        for (i, p) in self.positions.iter().enumerate() {
            let mut chain = vec![p.id.as_str()];
            let mut at = p.id.as_str();
            while let Some(&up) = superior.get(at) {
                if !positions.contains(up) {
                    break; // reported as unknown_position
                }
                if let Some(k) = chain.iter().position(|&c| c == up) {
                    // One problem per cycle, at the first position on it.
                    let cycle = &chain[k..];
                    if !cycle.iter().any(|c| reported.contains(c)) {
                        let mut shown: Vec<String> =
                            cycle.iter().take(10).map(|c| excerpt(c)).collect();
                        if cycle.len() > 10 {
                            shown.push("…".to_owned());
                        }
                        let shown = shown.join(" → ");
                        out.push(Problem::new(
                            format!("positions[{i}].superior"),
                            Code::CommandCycle,
                            format!("the line of command runs in a circle: {shown}"),
                            format!("garis komando berputar: {shown}"),
                        ));
                    }
                    reported.extend(cycle.iter().copied());
                    break;
                }
                chain.push(up);
                if chain.len() > MAX_DEPTH + 1 {
                    if !too_deep {
                        too_deep = true;
                        out.push(Problem::new(
                            format!("positions[{i}].superior"),
                            Code::TooMany,
                            format!(
                                "the line of command above “{}” has more than {MAX_DEPTH} levels",
                                excerpt(&p.id)
                            ),
                            format!(
                                "garis komando di atas “{}” lebih dari {MAX_DEPTH} tingkat",
                                excerpt(&p.id)
                            ),
                        ));
                    }
                    break;
                }
                at = up;
            }
        }
    }

    /// The head of the office: the position without a superior (the first,
    /// if an invalid organisation has several).
    pub fn head(&self) -> Option<&Position> {
        self.positions.iter().find(|p| p.superior.is_none())
    }

    /// The position with this id.
    pub fn position(&self, id: &str) -> Option<&Position> {
        self.positions.iter().find(|p| p.id == id)
    }

    /// The staff member with this id.
    pub fn member(&self, id: &str) -> Option<&StaffMember> {
        self.staff.iter().find(|s| s.id == id)
    }

    /// The superiors of a position, nearest first, up to the head (stops at
    /// a cycle or an unknown id, which a valid organisation has not).
    ///
    /// # Example
    /// ```
    /// let org = ptsp::office::Organisation::from_json(r#"{"id": "x",
    ///   "units": [{"id": "u", "name": {"id": "U", "en": "U"}, "kind": "office"}],
    ///   "positions": [
    ///     {"id": "kadis", "title": {"id": "K", "en": "K"}, "unit": "u"},
    ///     {"id": "kabid", "title": {"id": "B", "en": "B"}, "unit": "u", "superior": "kadis"},
    ///     {"id": "kasi", "title": {"id": "S", "en": "S"}, "unit": "u", "superior": "kabid"}]}"#)?;
    /// let chain: Vec<&str> = org.superiors("kasi").iter().map(|p| p.id.as_str()).collect();
    /// assert_eq!(chain, ["kabid", "kadis"]);
    /// # Ok::<(), ptsp::office::OfficeError>(())
    /// ```
    pub fn superiors(&self, position: &str) -> Vec<&Position> {
        let mut out: Vec<&Position> = Vec::new();
        let mut at = self.position(position);
        while let Some(p) = at
            .and_then(|p| p.superior.as_deref())
            .and_then(|s| self.position(s))
        {
            if out.iter().any(|q| q.id == p.id) || p.id == position {
                break;
            }
            out.push(p);
            at = Some(p);
        }
        out
    }

    /// The position of a staff member's direct superior (*atasan
    /// langsung*): their position's superior; for staff without a position,
    /// the head of their unit (the unit's position whose superior is outside
    /// it), looked up through the unit's parents when it has none.
    ///
    /// # Example
    /// ```
    /// let org = ptsp::office::Organisation::from_json(r#"{"id": "x",
    ///   "units": [{"id": "dinas", "name": {"id": "D", "en": "O"}, "kind": "office"},
    ///             {"id": "seksi", "name": {"id": "S", "en": "S"}, "kind": "section", "parent": "dinas"}],
    ///   "positions": [{"id": "kadis", "title": {"id": "K", "en": "H"}, "unit": "dinas"},
    ///                 {"id": "kasi", "title": {"id": "S", "en": "S"}, "unit": "seksi", "superior": "kadis"}],
    ///   "staff": [{"id": "s-1", "name": "Ani", "status": "pns", "unit": "seksi"},
    ///             {"id": "s-2", "name": "Budi", "status": "pns", "unit": "seksi", "position": "kasi"}]}"#)?;
    /// assert_eq!(org.superior_of("s-1").map(|p| p.id.as_str()), Some("kasi"));
    /// assert_eq!(org.superior_of("s-2").map(|p| p.id.as_str()), Some("kadis"));
    /// # Ok::<(), ptsp::office::OfficeError>(())
    /// ```
    pub fn superior_of(&self, staff: &str) -> Option<&Position> {
        Lines::new(self).superior_of(staff)
    }

    /// A staff member's superiors: the direct one first, up to the head.
    /// (Each call indexes the organisation; [`super::Supervision`] keeps
    /// the chains of every staff member.)
    ///
    /// # Example
    /// ```
    /// let org = ptsp::office::Organisation::from_json(r#"{"id": "x",
    ///   "units": [{"id": "u", "name": {"id": "U", "en": "U"}, "kind": "office"}],
    ///   "positions": [{"id": "kadis", "title": {"id": "K", "en": "H"}, "unit": "u"}],
    ///   "staff": [{"id": "s-1", "name": "Ani", "status": "pns", "unit": "u"}]}"#)?;
    /// let chain: Vec<&str> = org.chain_of("s-1").iter().map(|p| p.id.as_str()).collect();
    /// assert_eq!(chain, ["kadis"]);
    /// # Ok::<(), ptsp::office::OfficeError>(())
    /// ```
    pub fn chain_of(&self, staff: &str) -> Vec<&Position> {
        Lines::new(self).chain_of(staff)
    }

    /// Whether `superior` is above `position` in the line of command
    /// (directly or further up). Nobody is their own superior.
    pub fn is_above(&self, superior: &str, position: &str) -> bool {
        self.superiors(position).iter().any(|p| p.id == superior)
    }

    /// The staff holding `role`.
    pub fn holders(&self, role: &str) -> impl Iterator<Item = &StaffMember> {
        self.staff
            .iter()
            .filter(move |s| s.roles.iter().any(|r| r == role))
    }

    /// Every sector named by a unit or a staff member, sorted.
    pub fn sectors(&self) -> Vec<&str> {
        let mut all: Vec<&str> = self
            .units
            .iter()
            .flat_map(|u| u.sectors.iter())
            .chain(self.staff.iter().flat_map(|s| s.sectors.iter()))
            .map(String::as_str)
            .collect();
        all.sort_unstable();
        all.dedup();
        all
    }
}

/// The ids of a list: empty, repeated and too long ones reported, the rest
/// returned.
pub(super) fn ids<'a>(
    out: &mut Vec<Problem>,
    what: &str,
    all: impl Iterator<Item = &'a str>,
) -> HashSet<&'a str> {
    let mut seen = HashSet::new();
    for (i, id) in all.enumerate() {
        let path = format!("{what}[{i}].id");
        if id.trim().is_empty() {
            out.push(Problem::new(
                path,
                Code::EmptyId,
                "the id is empty",
                "id kosong",
            ));
        } else if !seen.insert(id) {
            out.push(Problem::new(
                path,
                Code::DuplicateId,
                format!("“{}” is used twice", excerpt(id)),
                format!("“{}” dipakai dua kali", excerpt(id)),
            ));
        } else {
            check_len(out, path, id, MAX_TEXT);
        }
    }
    seen
}

/// A list of names (roles, sectors): at most [`MAX_LIST`] of them, each
/// non-blank and at most 200 bytes.
fn names(out: &mut Vec<Problem>, path: &str, all: &[String]) {
    if all.len() > MAX_LIST {
        out.push(too_many(path, all.len(), MAX_LIST));
        return;
    }
    for (i, name) in all.iter().enumerate() {
        if name.trim().is_empty() {
            out.push(Problem::new(
                format!("{path}[{i}]"),
                Code::EmptyName,
                "the name is empty",
                "nama kosong",
            ));
        }
        check_len(out, format!("{path}[{i}]"), name, MAX_TEXT);
    }
}

/// Reports `id` at `path` when it is not among `all`.
fn known(out: &mut Vec<Problem>, path: String, id: &str, all: &HashSet<&str>, code: Code) {
    if !all.contains(id) {
        out.push(Problem::new(
            path,
            code,
            format!("“{}” is not known", excerpt(id)),
            format!("“{}” tidak dikenal", excerpt(id)),
        ));
    }
}

/// The line of command indexed once (positions, units' heads and parents,
/// staff by id), so that a staff member's superiors take a few lookups.
pub(super) struct Lines<'o> {
    position: HashMap<&'o str, &'o Position>,
    unit_head: HashMap<&'o str, &'o str>,
    unit_parent: HashMap<&'o str, &'o str>,
    staff: HashMap<&'o str, &'o StaffMember>,
}

impl<'o> Lines<'o> {
    pub(super) fn new(org: &'o Organisation) -> Self {
        let position: HashMap<&str, &Position> =
            org.positions.iter().map(|p| (p.id.as_str(), p)).collect();
        let mut unit_head = HashMap::new();
        for p in &org.positions {
            let heads_unit = p
                .superior
                .as_deref()
                .and_then(|s| position.get(s))
                .is_none_or(|s| s.unit != p.unit);
            if heads_unit {
                unit_head.entry(p.unit.as_str()).or_insert(p.id.as_str());
            }
        }
        let unit_parent = org
            .units
            .iter()
            .filter_map(|u| u.parent.as_deref().map(|p| (u.id.as_str(), p)))
            .collect();
        let staff = org.staff.iter().map(|s| (s.id.as_str(), s)).collect();
        Lines {
            position,
            unit_head,
            unit_parent,
            staff,
        }
    }

    /// See [`Organisation::superior_of`].
    pub(super) fn superior_of(&self, staff: &str) -> Option<&'o Position> {
        let m = self.staff.get(staff)?;
        if let Some(p) = &m.position {
            let superior = self.position.get(p.as_str())?.superior.as_deref()?;
            return self.position.get(superior).copied();
        }
        let mut unit = m.unit.as_str();
        for _ in 0..=MAX_DEPTH {
            if let Some(head) = self.unit_head.get(unit) {
                return self.position.get(head).copied();
            }
            unit = self.unit_parent.get(unit)?;
        }
        None
    }

    /// See [`Organisation::chain_of`]; stops at a cycle or after
    /// [`MAX_DEPTH`] levels, which a valid organisation has not.
    pub(super) fn chain_of(&self, staff: &str) -> Vec<&'o Position> {
        let mut chain: Vec<&Position> = Vec::new();
        let mut at = self.superior_of(staff);
        while let Some(p) = at {
            if chain.len() > MAX_DEPTH || chain.iter().any(|q| q.id == p.id) {
                break;
            }
            chain.push(p);
            at = p
                .superior
                .as_deref()
                .and_then(|s| self.position.get(s).copied());
        }
        chain
    }
}
