//! Seed §5, *Kompetensi Pelaksana*: what the verification team must have —
//! a) a fitting education and knowledge, b) the required competence
//! certificate, c) technical ability for the service, d) computer skills,
//! e) command of information technology — as requirements per role (and
//! per sector where they differ), and the report of who meets them.
//!
//! The standard names the five criteria, not their values (which fields of
//! education, which certificates): an office states those as
//! [`Requirement`]s.

use std::collections::HashSet;

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{OfficeError, Organisation, StaffMember};
use crate::error::{Code, Label, Problem, check_len, excerpt, too_many};

/// At most this many requirements.
const MAX_REQUIREMENTS: usize = 1_000;
/// Roles, sectors, fields of education and certificate names: at most this
/// many bytes.
const MAX_NAME: usize = 200;
/// [`competence_report`]'s look-ahead: at most ten years.
pub const MAX_WITHIN_DAYS: u32 = 3_650;

/// What a role (in a sector) requires, after seed §5 a–e.
///
/// # Example
/// ```
/// let r: ptsp::office::Requirement = serde_json::from_str(r#"{"role": "verifikator",
///     "sector": "kesehatan", "education": ["kesehatan masyarakat", "kedokteran"],
///     "certificates": ["verifikator-perizinan"], "technical": true, "computer": true, "it_knowledge": true}"#)?;
/// assert_eq!(r.certificates, ["verifikator-perizinan"]);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    /// The procedure role (`verifikator`).
    pub role: String,
    /// The sector it applies to; `None`: every sector without its own.
    #[serde(default)]
    pub sector: Option<String>,
    /// a) Any one of these fields of education (empty: not checked).
    #[serde(default)]
    pub education: Vec<String>,
    /// b) Every one of these certificates, valid on the day.
    #[serde(default)]
    pub certificates: Vec<String>,
    /// c) Technical ability in the sector's services.
    #[serde(default)]
    pub technical: bool,
    /// d) Operates a computer.
    #[serde(default)]
    pub computer: bool,
    /// e) Command of information technology.
    #[serde(default)]
    pub it_knowledge: bool,
}

/// Every problem of a set of requirements: an empty role, a role and
/// sector stated twice, too many.
///
/// # Example
/// ```
/// let r: Vec<ptsp::office::Requirement> = serde_json::from_str(
///     r#"[{"role": "verifikator"}, {"role": "verifikator"}]"#)?;
/// assert_eq!(ptsp::office::competence::validate(&r)[0].code, "duplicate_id");
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn validate(requirements: &[Requirement]) -> Vec<Problem> {
    let mut out = Vec::new();
    if requirements.len() > MAX_REQUIREMENTS {
        out.push(too_many(
            "requirements",
            requirements.len(),
            MAX_REQUIREMENTS,
        ));
        return out;
    }
    let mut seen = HashSet::new();
    for (i, r) in requirements.iter().enumerate() {
        let p = format!("requirements[{i}]");
        if r.role.trim().is_empty() {
            out.push(Problem::new(
                format!("{p}.role"),
                Code::EmptyId,
                "the role is empty",
                "peran kosong",
            ));
        } else if !seen.insert((r.role.as_str(), r.sector.as_deref())) {
            let sector = r.sector.as_deref().unwrap_or("*");
            out.push(Problem::new(
                format!("{p}.role"),
                Code::DuplicateId,
                format!(
                    "role “{}” in sector “{}” is required twice",
                    excerpt(&r.role),
                    excerpt(sector)
                ),
                format!(
                    "peran “{}” di sektor “{}” dipersyaratkan dua kali",
                    excerpt(&r.role),
                    excerpt(sector)
                ),
            ));
        }
        check_len(&mut out, format!("{p}.role"), &r.role, MAX_NAME);
        if let Some(sector) = &r.sector {
            check_len(&mut out, format!("{p}.sector"), sector, MAX_NAME);
        }
        for (what, names) in [
            ("education", &r.education),
            ("certificates", &r.certificates),
        ] {
            if names.len() > 100 {
                out.push(too_many(format!("{p}.{what}"), names.len(), 100));
                continue;
            }
            for (j, name) in names.iter().enumerate() {
                check_len(&mut out, format!("{p}.{what}[{j}]"), name, MAX_NAME);
            }
        }
    }
    out
}

/// The requirement that applies to `role` in `sector`: the sector's own,
/// else the role's general one.
///
/// # Example
/// ```
/// let r: Vec<ptsp::office::Requirement> = serde_json::from_str(
///     r#"[{"role": "verifikator", "computer": true}, {"role": "verifikator", "sector": "kesehatan", "technical": true}]"#)?;
/// assert!(ptsp::office::competence::requirement_for(&r, "verifikator", Some("kesehatan")).unwrap().technical);
/// assert!(ptsp::office::competence::requirement_for(&r, "verifikator", Some("pertanian")).unwrap().computer);
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn requirement_for<'r>(
    requirements: &'r [Requirement],
    role: &str,
    sector: Option<&str>,
) -> Option<&'r Requirement> {
    let own = sector.and_then(|s| {
        requirements
            .iter()
            .find(|r| r.role == role && r.sector.as_deref() == Some(s))
    });
    own.or_else(|| {
        requirements
            .iter()
            .find(|r| r.role == role && r.sector.is_none())
    })
}

/// Which of seed §5's criteria a shortfall is about.
///
/// # Example
/// ```
/// assert_eq!(serde_json::to_string(&ptsp::office::Criterion::ItKnowledge)?, "\"it_knowledge\"");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Criterion {
    /// a) Education and knowledge.
    Education,
    /// b) Competence certificate.
    Certificate,
    /// c) Technical ability.
    Technical,
    /// d) Computer skills.
    Computer,
    /// e) Information technology.
    ItKnowledge,
}

/// One criterion a staff member does not meet, and why.
///
/// # Example
/// ```
/// use ptsp::office::{Criterion, Shortfall};
/// let s = Shortfall { criterion: Criterion::Computer, why: ptsp::Label::new("a", "b") };
/// assert_eq!(s.criterion, Criterion::Computer);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Shortfall {
    /// The criterion.
    pub criterion: Criterion,
    /// Why, in both languages.
    pub why: Label,
}

/// What `member` lacks of `requirement` on `day`, for work in `sector`
/// (empty: they qualify).
///
/// # Example
/// ```
/// use ptsp::office::{Criterion, Requirement, StaffMember, competence::assess};
/// let r: Requirement = serde_json::from_str(r#"{"role": "verifikator", "certificates": ["verifikator-perizinan"], "computer": true}"#)?;
/// let s: StaffMember = serde_json::from_str(r#"{"id": "s", "name": "S", "status": "pns", "unit": "u",
///     "competence": {"computer": true, "certificates": [{"name": "verifikator-perizinan", "issuer": "BPSDM",
///     "valid_from": "2023-01-01", "valid_until": "2025-12-31"}]}}"#)?;
/// let gaps = assess(&s, &r, None, "2026-12-01".parse().unwrap());
/// assert_eq!(gaps[0].criterion, Criterion::Certificate);
/// assert!(gaps[0].why.en.contains("expired on 2025-12-31"));
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn assess(
    member: &StaffMember,
    requirement: &Requirement,
    sector: Option<&str>,
    day: NaiveDate,
) -> Vec<Shortfall> {
    let c = &member.competence;
    let mut out = Vec::new();
    if !requirement.education.is_empty()
        && !c
            .education
            .iter()
            .any(|e| requirement.education.contains(e))
    {
        let wanted = requirement.education.join(", ");
        out.push(Shortfall {
            criterion: Criterion::Education,
            why: Label::new(
                format!("pendidikan tidak sesuai: seharusnya salah satu dari {wanted}"),
                format!("no fitting education: expected one of {wanted}"),
            ),
        });
    }
    for name in &requirement.certificates {
        let held: Vec<_> = c.certificates.iter().filter(|x| &x.name == name).collect();
        if held.iter().any(|x| x.valid_on(day)) {
            continue;
        }
        let why = match held
            .iter()
            .filter_map(|x| x.valid_until)
            .filter(|u| *u < day)
            .max()
        {
            Some(u) => Label::new(
                format!("sertifikat “{name}” berakhir pada {u}"),
                format!("certificate “{name}” expired on {u}"),
            ),
            None if !held.is_empty() => Label::new(
                format!("sertifikat “{name}” belum berlaku"),
                format!("certificate “{name}” is not valid yet"),
            ),
            None => Label::new(
                format!("tidak memiliki sertifikat “{name}”"),
                format!("does not hold the certificate “{name}”"),
            ),
        };
        out.push(Shortfall {
            criterion: Criterion::Certificate,
            why,
        });
    }
    if requirement.technical {
        let able = match sector.or(requirement.sector.as_deref()) {
            Some(s) => c.technical.iter().any(|t| t == s),
            None => !c.technical.is_empty(),
        };
        if !able {
            out.push(Shortfall {
                criterion: Criterion::Technical,
                why: Label::new(
                    "tidak memiliki kemampuan teknis untuk layanan sektor ini",
                    "no technical ability for this sector's services",
                ),
            });
        }
    }
    if requirement.computer && !c.computer {
        out.push(Shortfall {
            criterion: Criterion::Computer,
            why: Label::new(
                "tidak dapat mengoperasikan komputer",
                "does not operate a computer",
            ),
        });
    }
    if requirement.it_knowledge && !c.it_knowledge {
        out.push(Shortfall {
            criterion: Criterion::ItKnowledge,
            why: Label::new(
                "tidak menguasai pengetahuan teknologi informasi",
                "no command of information technology",
            ),
        });
    }
    out
}

/// A staff member who does not qualify, and why.
///
/// # Example
/// ```
/// let u = ptsp::office::Unqualified { staff: "s-1".into(), shortfalls: vec![] };
/// assert_eq!(u.staff, "s-1");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Unqualified {
    /// The staff member's id.
    pub staff: String,
    /// What they lack.
    pub shortfalls: Vec<Shortfall>,
}

/// A certificate that expires soon.
///
/// # Example
/// ```
/// let e = ptsp::office::Expiry { staff: "s-1".into(), certificate: "x".into(),
///     valid_until: "2027-01-31".parse().unwrap(), days_left: 61 };
/// assert_eq!(e.days_left, 61);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Expiry {
    /// The staff member's id.
    pub staff: String,
    /// The certificate's name.
    pub certificate: String,
    /// Its last valid day.
    pub valid_until: NaiveDate,
    /// Days from the report's date to that day.
    pub days_left: i64,
}

/// Who meets a role's requirement (in a sector) on a date.
///
/// # Example
/// ```
/// # use ptsp::office::{Organisation, Requirement, competence_report};
/// let org = Organisation::from_json(r#"{"id": "x",
///   "units": [{"id": "u", "name": {"id": "U", "en": "U"}, "kind": "office", "sectors": ["kesehatan"]}],
///   "staff": [
///     {"id": "s-1", "name": "Ani", "status": "pns", "unit": "u", "roles": ["verifikator"], "sectors": ["kesehatan"],
///      "competence": {"computer": true}},
///     {"id": "s-2", "name": "Budi", "status": "pns", "unit": "u", "roles": ["verifikator"], "sectors": ["kesehatan"]}]}"#)?;
/// let reqs: Vec<Requirement> = serde_json::from_str(r#"[{"role": "verifikator", "computer": true}]"#).unwrap();
/// let r = competence_report(&org, &reqs, "verifikator", Some("kesehatan"), "2026-12-01".parse().unwrap(), 90)?;
/// assert_eq!(r.qualified, ["s-1"]);
/// assert_eq!(r.unqualified[0].staff, "s-2");
/// # Ok::<(), ptsp::office::OfficeError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CompetenceReport {
    /// The date assessed.
    pub as_of: NaiveDate,
    /// The role.
    pub role: String,
    /// The sector, if one.
    pub sector: Option<String>,
    /// The requirement applied (`None`: the role has none, so every holder
    /// qualifies).
    pub requirement: Option<Requirement>,
    /// Holders who qualify.
    pub qualified: Vec<String>,
    /// Holders who do not, and why.
    pub unqualified: Vec<Unqualified>,
    /// The look-ahead for expiring certificates, in days.
    pub within_days: u32,
    /// Certificates (the required ones, or all when none are required) that
    /// end within `within_days` of `as_of`, soonest first.
    pub expiring: Vec<Expiry>,
}

/// The competence report for `role` (in `sector`: only those who process
/// it) on `as_of`, with certificates expiring within `within_days`.
/// Requirements with problems, or a look-ahead over [`MAX_WITHIN_DAYS`],
/// are refused with every problem.
pub fn competence_report(
    org: &Organisation,
    requirements: &[Requirement],
    role: &str,
    sector: Option<&str>,
    as_of: NaiveDate,
    within_days: u32,
) -> Result<CompetenceReport, OfficeError> {
    let mut problems = validate(requirements);
    for (path, name) in [("role", Some(role)), ("sector", sector)] {
        let Some(name) = name else { continue };
        if name.trim().is_empty() {
            problems.push(Problem::new(
                path,
                Code::EmptyId,
                "the name is empty",
                "nama kosong",
            ));
        }
        check_len(&mut problems, path, name, MAX_NAME);
    }
    if within_days > MAX_WITHIN_DAYS {
        problems.push(Problem::new(
            "within_days",
            Code::OutOfRange,
            format!("{within_days} days is more than {MAX_WITHIN_DAYS}"),
            format!("{within_days} hari melebihi {MAX_WITHIN_DAYS}"),
        ));
    }
    if !problems.is_empty() {
        return Err(OfficeError::InvalidRequirements { problems });
    }
    let requirement = requirement_for(requirements, role, sector).cloned();
    let horizon = as_of
        .checked_add_days(Days::new(u64::from(within_days)))
        .unwrap_or(NaiveDate::MAX);
    let (mut qualified, mut unqualified, mut expiring) = (Vec::new(), Vec::new(), Vec::new());
    for m in org.holders(role) {
        if let Some(s) = sector
            && !m.sectors.iter().any(|x| x == s)
        {
            continue;
        }
        let shortfalls = requirement
            .as_ref()
            .map(|r| assess(m, r, sector, as_of))
            .unwrap_or_default();
        if shortfalls.is_empty() {
            qualified.push(m.id.clone());
        } else {
            unqualified.push(Unqualified {
                staff: m.id.clone(),
                shortfalls,
            });
        }
        for c in &m.competence.certificates {
            let counts = requirement
                .as_ref()
                .is_none_or(|r| r.certificates.is_empty() || r.certificates.contains(&c.name));
            if let Some(u) = c.valid_until
                && counts
                && as_of <= u
                && u <= horizon
            {
                expiring.push(Expiry {
                    staff: m.id.clone(),
                    certificate: c.name.clone(),
                    valid_until: u,
                    days_left: (u - as_of).num_days(),
                });
            }
        }
    }
    expiring.sort_by(|a, b| (a.valid_until, &a.staff).cmp(&(b.valid_until, &b.staff)));
    Ok(CompetenceReport {
        as_of,
        role: role.to_owned(),
        sector: sector.map(str::to_owned),
        requirement,
        qualified,
        unqualified,
        within_days,
        expiring,
    })
}
