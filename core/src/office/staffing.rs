//! Seed §8, *Jumlah Pelaksana*: "Pelaksanaan pemrosesan berkas permohonan
//! izin atau non izin dilakukan minimal 1 (satu) orang pemroses (PNS atau
//! PTT) untuk tiap sektor." — at least one processor (a civil servant or
//! non-permanent staff) for each sector, checked on a date: absences and
//! expired certificates count.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::competence::{assess, requirement_for};
use super::{EmploymentStatus, OfficeError, Organisation, Requirement};
use crate::error::{Code, Problem};

/// At most this many processors required per sector.
pub const MAX_MINIMUM: u32 = 1_000;

/// The staffing rule. The defaults are the seed's: one processor per
/// sector, PNS or PTT (non-ASN) — PPPK is an ASN status the seed does not
/// name; add it to `eligible` where an office counts it.
///
/// # Example
/// ```
/// let s = ptsp::office::StaffingSettings::default();
/// assert_eq!(s.min_per_sector, 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct StaffingSettings {
    /// Processors needed per sector (seed §8: 1).
    pub min_per_sector: u32,
    /// The employment statuses that count (seed §8: PNS or PTT).
    pub eligible: Vec<EmploymentStatus>,
    /// When set, only holders of this role count, and its competence
    /// requirement (certificates included) must be met on the day.
    pub role: Option<String>,
}

impl Default for StaffingSettings {
    fn default() -> Self {
        StaffingSettings {
            min_per_sector: 1,
            eligible: vec![EmploymentStatus::Pns, EmploymentStatus::NonAsn],
            role: None,
        }
    }
}

/// How a sector stands.
///
/// # Example
/// ```
/// assert_eq!(serde_json::to_string(&ptsp::office::SectorStatus::Single)?, "\"single\"");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SectorStatus {
    /// Fewer processors than the minimum.
    Short,
    /// Exactly one processor and the minimum met: a single point of failure.
    Single,
    /// The minimum met by more than one.
    Staffed,
}

/// One sector's processors on the day.
///
/// # Example
/// ```
/// let s = ptsp::office::SectorStaffing { sector: "x".into(), processors: vec![], away: vec![],
///     unqualified: vec![], status: ptsp::office::SectorStatus::Short, open_cases: 0, load: None };
/// assert!(s.load.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SectorStaffing {
    /// The sector.
    pub sector: String,
    /// Staff who can process its files on the day.
    pub processors: Vec<String>,
    /// Eligible staff of the sector who are away on the day.
    pub away: Vec<String>,
    /// Eligible staff present who do not meet the role's requirement.
    pub unqualified: Vec<String>,
    /// Short, single or staffed.
    pub status: SectorStatus,
    /// Open cases of the sector (as given).
    pub open_cases: u64,
    /// Open cases per processor (`None` without processors).
    pub load: Option<f64>,
}

/// The staffing check of an organisation on a date.
///
/// # Example
/// ```
/// # use ptsp::office::{Organisation, StaffingSettings, staffing};
/// let org = Organisation::from_json(r#"{"id": "x",
///   "units": [{"id": "u", "name": {"id": "U", "en": "U"}, "kind": "office", "sectors": ["kesehatan", "pertanian"]}],
///   "staff": [{"id": "s-1", "name": "Ani", "status": "pns", "unit": "u", "sectors": ["kesehatan"]}]}"#)?;
/// let r = staffing(&org, &StaffingSettings::default(), &[], "2026-12-01".parse().unwrap(), &Default::default())?;
/// assert_eq!((r.short.as_slice(), r.single.as_slice()), (&["pertanian".to_owned()][..], &["kesehatan".to_owned()][..]));
/// # Ok::<(), ptsp::office::OfficeError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StaffingReport {
    /// The date checked.
    pub as_of: NaiveDate,
    /// The minimum applied.
    pub min_per_sector: u32,
    /// Every sector (named by a unit or a staff member), sorted.
    pub sectors: Vec<SectorStaffing>,
    /// Sectors below the minimum.
    pub short: Vec<String>,
    /// Sectors resting on one processor.
    pub single: Vec<String>,
}

/// Checks seed §8 on `as_of`: every sector's processors (eligible status,
/// not away, holding `settings.role` and meeting its requirement when set),
/// which sectors fall short or rest on one person, and the load per
/// processor from `open_cases` (open cases per sector).
pub fn staffing(
    org: &Organisation,
    settings: &StaffingSettings,
    requirements: &[Requirement],
    as_of: NaiveDate,
    open_cases: &BTreeMap<String, u64>,
) -> Result<StaffingReport, OfficeError> {
    let mut problems = super::competence::validate(requirements);
    if settings.min_per_sector > MAX_MINIMUM {
        problems.push(Problem::new(
            "settings.min_per_sector",
            Code::OutOfRange,
            format!("{} is more than {MAX_MINIMUM}", settings.min_per_sector),
            format!("{} melebihi {MAX_MINIMUM}", settings.min_per_sector),
        ));
    }
    if !problems.is_empty() {
        return Err(OfficeError::InvalidRequirements { problems });
    }
    let mut sectors = Vec::new();
    let (mut short, mut single) = (Vec::new(), Vec::new());
    let mut names = org.sectors();
    for s in open_cases.keys() {
        if !names.contains(&s.as_str()) {
            names.push(s);
        }
    }
    names.sort_unstable();
    for sector in names {
        let (mut processors, mut away, mut unqualified) = (Vec::new(), Vec::new(), Vec::new());
        for m in &org.staff {
            if !m.sectors.iter().any(|s| s == sector) || !settings.eligible.contains(&m.status) {
                continue;
            }
            if let Some(role) = &settings.role
                && !m.roles.iter().any(|r| r == role)
            {
                continue;
            }
            if m.away_on(as_of) {
                away.push(m.id.clone());
                continue;
            }
            let fails = settings
                .role
                .as_deref()
                .and_then(|role| requirement_for(requirements, role, Some(sector)))
                .is_some_and(|r| !assess(m, r, Some(sector), as_of).is_empty());
            if fails {
                unqualified.push(m.id.clone());
            } else {
                processors.push(m.id.clone());
            }
        }
        let n = processors.len();
        let status = if n < settings.min_per_sector as usize {
            short.push(sector.to_owned());
            SectorStatus::Short
        } else if n == 1 {
            single.push(sector.to_owned());
            SectorStatus::Single
        } else {
            SectorStatus::Staffed
        };
        let open = open_cases.get(sector).copied().unwrap_or(0);
        sectors.push(SectorStaffing {
            sector: sector.to_owned(),
            load: (n > 0).then(|| open as f64 / n as f64),
            processors,
            away,
            unqualified,
            status,
            open_cases: open,
        });
    }
    Ok(StaffingReport {
        as_of,
        min_per_sector: settings.min_per_sector,
        sectors,
        short,
        single,
    })
}
