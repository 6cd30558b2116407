//! Seed §4, *Sarana dan Prasarana*: the rooms and office equipment a
//! one-stop office must have, an office's inventory, and the audit of one
//! against the other.
//!
//! The built-in checklist ([`Checklist::jatim`], `core/data/facilities-jatim.json`)
//! holds the seed's 14 rooms (§4 item 1, a–n) and 19 items of equipment
//! (§4 item 2, a–s) with the seed's Indonesian wording and the clause each
//! comes from. The seed names what must be there, not how many or in what
//! state: an item counts as **present** when the inventory records it
//! present (in whatever number), **inadequate** when it is present but in
//! poor or unusable condition or (with [`AuditOptions::max_check_age_days`])
//! not checked recently enough, and **missing** otherwise. Compliance is the
//! share of items present and adequate.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::OfficeError;
use crate::error::input::from_json;
use crate::error::{Code, Label, Problem, check_len, too_many};

const CHECKLIST_JSON: &str = include_str!("../../data/facilities-jatim.json");

/// At most this many items in a checklist or entries in an inventory.
pub const MAX_ITEMS: usize = 1_000;
/// At most this many of one item.
pub const MAX_COUNT: u32 = 100_000;
/// Ids and office names: at most this many bytes.
const MAX_ID: usize = 100;
/// Names, clauses, sources and notes: at most this many bytes.
const MAX_TEXT: usize = 500;
/// [`AuditOptions::max_check_age_days`]: at most a century.
pub const MAX_CHECK_AGE_DAYS: u32 = 36_500;

/// Whether an item is a room (§4 item 1) or office equipment (§4 item 2).
///
/// # Example
/// ```
/// let c = ptsp::office::Checklist::jatim();
/// assert_eq!(c.item("server_room").unwrap().kind, ptsp::office::FacilityKind::Room);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FacilityKind {
    /// A room or place (*ruang*, *tempat*).
    Room,
    /// Office equipment (*sarana kantor*).
    Equipment,
}

/// One thing an office must have.
///
/// # Example
/// ```
/// let c = ptsp::office::Checklist::jatim();
/// let kiosk = c.item("ikm_touchscreen").unwrap();
/// assert_eq!((kiosk.clause.as_str(), kiosk.name.id.as_str()), ("4.2.p", "Touchscreen IKM"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ChecklistItem {
    /// Stable id (`server_room`, `ikm_touchscreen`).
    pub id: String,
    /// Room or equipment.
    pub kind: FacilityKind,
    /// Where the standard asks for it (`4.1.b`: §4, item 1, letter b).
    pub clause: String,
    /// Its name: the standard's wording and an English one.
    pub name: Label,
}

/// What an office is audited against: the seed's list, or an office's own
/// (read with [`Checklist::from_json`], validated).
///
/// # Example
/// ```
/// use ptsp::office::{Checklist, FacilityKind};
/// let c = Checklist::jatim();
/// let rooms = c.items.iter().filter(|i| i.kind == FacilityKind::Room).count();
/// assert_eq!((rooms, c.items.len() - rooms), (14, 19));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Checklist {
    /// Stable id.
    pub id: String,
    /// Title in both languages.
    pub title: Label,
    /// Where the list comes from.
    pub source: String,
    /// The items, in the standard's order.
    pub items: Vec<ChecklistItem>,
}

static JATIM: LazyLock<Checklist> = LazyLock::new(|| {
    from_json(CHECKLIST_JSON, "").expect("built-in facilities-jatim.json is valid (tested)")
});

impl Checklist {
    /// The seed's checklist: §4's 14 rooms and 19 items of equipment.
    ///
    /// # Example
    /// ```
    /// let c = ptsp::office::Checklist::jatim();
    /// assert_eq!(c.items.len(), 33);
    /// assert_eq!(c.items[0].name.id, "Ruang Pemrosesan Berkas");
    /// ```
    pub fn jatim() -> Checklist {
        JATIM.clone()
    }

    /// Reads a checklist from JSON and validates it.
    ///
    /// # Example
    /// ```
    /// let err = ptsp::office::Checklist::from_json(r#"{"id": "x", "title": {"id": "x", "en": "x"},
    ///     "source": "s", "items": []}"#).unwrap_err();
    /// assert_eq!(err.code(), "invalid_checklist");
    /// ```
    pub fn from_json(text: &str) -> Result<Checklist, OfficeError> {
        let c: Checklist = from_json(text, "")?;
        let problems = c.validate();
        if problems.is_empty() {
            Ok(c)
        } else {
            Err(OfficeError::InvalidChecklist { problems })
        }
    }

    /// Every problem of the checklist: no items, too many, empty or
    /// duplicate ids, empty names, texts too long.
    ///
    /// # Example
    /// ```
    /// assert!(ptsp::office::Checklist::jatim().validate().is_empty());
    /// ```
    pub fn validate(&self) -> Vec<Problem> {
        let mut out = Vec::new();
        if self.id.trim().is_empty() {
            out.push(Problem::new(
                "id",
                Code::EmptyId,
                "the checklist id is empty",
                "id daftar periksa kosong",
            ));
        }
        check_len(&mut out, "id", &self.id, MAX_ID);
        check_len(&mut out, "source", &self.source, MAX_TEXT);
        if self.items.is_empty() {
            out.push(Problem::new(
                "items",
                Code::Required,
                "the checklist has no items: expected at least one",
                "daftar periksa tidak memiliki butir: seharusnya paling sedikit satu",
            ));
        }
        if self.items.len() > MAX_ITEMS {
            out.push(too_many("items", self.items.len(), MAX_ITEMS));
            return out;
        }
        super::organisation::ids(&mut out, "items", self.items.iter().map(|i| i.id.as_str()));
        for (i, item) in self.items.iter().enumerate() {
            let p = format!("items[{i}]");
            check_len(&mut out, format!("{p}.clause"), &item.clause, MAX_TEXT);
            for (lang, text) in [("id", &item.name.id), ("en", &item.name.en)] {
                if text.trim().is_empty() {
                    out.push(Problem::new(
                        format!("{p}.name.{lang}"),
                        Code::EmptyName,
                        "the item's name is empty",
                        "nama butir kosong",
                    ));
                }
                check_len(&mut out, format!("{p}.name.{lang}"), text, MAX_TEXT);
            }
        }
        out
    }

    /// The item with this id.
    ///
    /// # Example
    /// ```
    /// assert!(ptsp::office::Checklist::jatim().item("helipad").is_none());
    /// ```
    pub fn item(&self, id: &str) -> Option<&ChecklistItem> {
        self.items.iter().find(|i| i.id == id)
    }
}

/// The state an item was found in.
///
/// # Example
/// ```
/// let c: ptsp::office::Condition = serde_json::from_str("\"poor\"")?;
/// assert!(!c.adequate());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    /// In good order (*baik*).
    Good,
    /// Usable, with wear (*cukup*).
    Fair,
    /// Badly worn or partly broken (*rusak ringan*): inadequate.
    Poor,
    /// Cannot be used (*rusak berat*): inadequate.
    Unusable,
}

impl Condition {
    /// Whether an item in this condition serves its purpose.
    ///
    /// # Example
    /// ```
    /// assert!(ptsp::office::Condition::Fair.adequate());
    /// ```
    pub fn adequate(self) -> bool {
        matches!(self, Condition::Good | Condition::Fair)
    }

    fn label(self) -> Label {
        match self {
            Condition::Good => Label::new("baik", "good"),
            Condition::Fair => Label::new("cukup", "fair"),
            Condition::Poor => Label::new("rusak ringan", "poor"),
            Condition::Unusable => Label::new("rusak berat", "unusable"),
        }
    }
}

/// One line of an office's inventory.
///
/// # Example
/// ```
/// let e: ptsp::office::InventoryEntry = serde_json::from_str(
///     r#"{"item": "computers", "present": true, "count": 12, "condition": "fair"}"#)?;
/// assert_eq!(e.count, Some(12));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct InventoryEntry {
    /// The checklist item's id.
    pub item: String,
    /// Whether the office has it.
    pub present: bool,
    /// How many (rooms or units), when counted; at most [`MAX_COUNT`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
    /// The state it was found in, when assessed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<Condition>,
    /// When it was last checked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_checked: Option<NaiveDate>,
    /// A remark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// An office's facilities as recorded on a date.
///
/// # Example
/// ```
/// let inv = ptsp::office::Inventory::from_json(
///     r#"{"office": "dpmptsp-jatim", "as_of": "2026-12-01", "entries": []}"#)?;
/// assert_eq!(inv.as_of.to_string(), "2026-12-01");
/// # Ok::<(), ptsp::office::OfficeError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Inventory {
    /// The office (its id or name).
    pub office: String,
    /// The date the inventory describes.
    pub as_of: NaiveDate,
    /// One entry per item recorded; items not recorded count as missing.
    #[serde(default)]
    pub entries: Vec<InventoryEntry>,
}

impl Inventory {
    /// Reads an inventory from JSON (its shape; [`audit`] checks it against
    /// a checklist).
    ///
    /// # Example
    /// ```
    /// let err = ptsp::office::Inventory::from_json(r#"{"office": "x", "as_of": "01/12/2026"}"#).unwrap_err();
    /// assert_eq!(err.problems()[0].path, "as_of");
    /// ```
    pub fn from_json(text: &str) -> Result<Inventory, OfficeError> {
        Ok(from_json(text, "")?)
    }

    /// Every problem of the inventory against `checklist`: items not on it,
    /// items recorded twice, counts that disagree with presence or exceed
    /// [`MAX_COUNT`], checks dated after the inventory, texts too long.
    ///
    /// # Example
    /// ```
    /// use ptsp::office::{Checklist, Inventory};
    /// let inv = Inventory::from_json(r#"{"office": "x", "as_of": "2026-12-01", "entries": [
    ///     {"item": "cctv", "present": false, "count": 3}]}"#)?;
    /// let problems = inv.validate(&Checklist::jatim());
    /// assert_eq!(problems[0].code, "inconsistent_count");
    /// # Ok::<(), ptsp::office::OfficeError>(())
    /// ```
    pub fn validate(&self, checklist: &Checklist) -> Vec<Problem> {
        let mut out = Vec::new();
        if self.office.trim().is_empty() {
            out.push(Problem::new(
                "office",
                Code::Required,
                "the office is not named",
                "kantor tidak disebutkan",
            ));
        }
        check_len(&mut out, "office", &self.office, MAX_ID);
        if self.entries.len() > MAX_ITEMS {
            out.push(too_many("entries", self.entries.len(), MAX_ITEMS));
            return out;
        }
        let mut seen = HashSet::new();
        for (i, e) in self.entries.iter().enumerate() {
            let p = format!("entries[{i}]");
            let shown = crate::error::excerpt(&e.item);
            if checklist.item(&e.item).is_none() {
                out.push(Problem::new(
                    format!("{p}.item"),
                    Code::UnknownFacility,
                    format!("“{shown}” is not on the checklist “{}”", checklist.id),
                    format!("“{shown}” tidak ada di daftar periksa “{}”", checklist.id),
                ));
            } else if !seen.insert(e.item.as_str()) {
                out.push(Problem::new(
                    format!("{p}.item"),
                    Code::DuplicateId,
                    format!("“{shown}” is recorded twice"),
                    format!("“{shown}” tercatat dua kali"),
                ));
            }
            match (e.present, e.count) {
                (false, Some(n)) if n > 0 => out.push(Problem::new(
                    format!("{p}.count"),
                    Code::InconsistentCount,
                    format!("“{shown}” is recorded absent with a count of {n}"),
                    format!("“{shown}” tercatat tidak ada tetapi berjumlah {n}"),
                )),
                (true, Some(0)) => out.push(Problem::new(
                    format!("{p}.count"),
                    Code::InconsistentCount,
                    format!("“{shown}” is recorded present with a count of 0"),
                    format!("“{shown}” tercatat ada tetapi berjumlah 0"),
                )),
                (_, Some(n)) if n > MAX_COUNT => out.push(Problem::new(
                    format!("{p}.count"),
                    Code::OutOfRange,
                    format!("count {n} is more than {MAX_COUNT}"),
                    format!("jumlah {n} melebihi {MAX_COUNT}"),
                )),
                _ => {}
            }
            if let Some(d) = e.last_checked
                && d > self.as_of
            {
                out.push(Problem::new(
                    format!("{p}.last_checked"),
                    Code::CheckedAfterAudit,
                    format!("checked on {d}, after the inventory's date {}", self.as_of),
                    format!(
                        "diperiksa pada {d}, sesudah tanggal inventaris {}",
                        self.as_of
                    ),
                ));
            }
            if let Some(note) = &e.note {
                check_len(&mut out, format!("{p}.note"), note, MAX_TEXT);
            }
        }
        out
    }
}

/// How strict an audit is.
///
/// # Example
/// ```
/// let o: ptsp::office::AuditOptions = serde_json::from_str(r#"{"max_check_age_days": 365}"#)?;
/// assert_eq!(o.max_check_age_days, Some(365));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct AuditOptions {
    /// When set, a present item not checked within this many days before
    /// the inventory's date (or never) is inadequate. The standard sets no
    /// period; none by default. At most [`MAX_CHECK_AGE_DAYS`].
    pub max_check_age_days: Option<u32>,
}

/// What the audit found for one item.
///
/// # Example
/// ```
/// assert!(ptsp::office::AuditStatus::Missing < ptsp::office::AuditStatus::Present);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AuditStatus {
    /// Not there (not recorded, or recorded absent).
    Missing,
    /// There, but not fit for its purpose (condition, or not checked).
    Inadequate,
    /// There and adequate.
    Present,
}

/// One item's result.
///
/// # Example
/// ```
/// use ptsp::office::{AuditStatus, Checklist, Inventory, audit};
/// let inv = Inventory::from_json(r#"{"office": "x", "as_of": "2026-12-01", "entries": [
///     {"item": "generator_house", "present": true, "condition": "unusable"}]}"#)?;
/// let a = audit(&Checklist::jatim(), &inv, &Default::default())?;
/// let line = a.lines.iter().find(|l| l.item == "generator_house").unwrap();
/// assert_eq!(line.status, AuditStatus::Inadequate);
/// assert_eq!(line.reasons[0].id, "kondisi rusak berat");
/// # Ok::<(), ptsp::office::OfficeError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AuditLine {
    /// The checklist item's id.
    pub item: String,
    /// Room or equipment.
    pub kind: FacilityKind,
    /// Where the standard asks for it.
    pub clause: String,
    /// The item's name.
    pub name: Label,
    /// What was found.
    pub status: AuditStatus,
    /// Why it is missing or inadequate (empty when present).
    pub reasons: Vec<Label>,
}

/// Counts of one group of items.
///
/// # Example
/// ```
/// let t = ptsp::office::facilities::Tally::default();
/// assert_eq!(t.total, 0);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Tally {
    /// Items on the checklist.
    pub total: usize,
    /// Present and adequate.
    pub present: usize,
    /// Present but inadequate.
    pub inadequate: usize,
    /// Missing.
    pub missing: usize,
}

impl Tally {
    fn add(&mut self, s: AuditStatus) {
        self.total += 1;
        match s {
            AuditStatus::Present => self.present += 1,
            AuditStatus::Inadequate => self.inadequate += 1,
            AuditStatus::Missing => self.missing += 1,
        }
    }
}

/// An office's facilities measured against a checklist.
///
/// # Example
/// ```
/// use ptsp::office::{Checklist, Inventory, audit};
/// let inv = Inventory::from_json(r#"{"office": "x", "as_of": "2026-12-01", "entries": [
///     {"item": "server_room", "present": true}, {"item": "cctv", "present": true, "condition": "poor"}]}"#)?;
/// let a = audit(&Checklist::jatim(), &inv, &Default::default())?;
/// assert_eq!((a.present, a.inadequate, a.missing), (1, 1, 31));
/// assert_eq!(a.rooms.present, 1);
/// assert!((a.compliance - 100.0 / 33.0).abs() < 1e-9);
/// # Ok::<(), ptsp::office::OfficeError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FacilitiesAudit {
    /// The office.
    pub office: String,
    /// The inventory's date.
    pub as_of: NaiveDate,
    /// The checklist's id.
    pub checklist: String,
    /// One line per checklist item, in the checklist's order.
    pub lines: Vec<AuditLine>,
    /// Items on the checklist.
    pub total: usize,
    /// Present and adequate.
    pub present: usize,
    /// Present but inadequate.
    pub inadequate: usize,
    /// Missing.
    pub missing: usize,
    /// Present and adequate, as a percentage of all items (0–100).
    pub compliance: f64,
    /// The rooms alone (§4 item 1).
    pub rooms: Tally,
    /// The equipment alone (§4 item 2).
    pub equipment: Tally,
}

/// Audits `inventory` against `checklist`. A checklist with problems
/// ([`Checklist::validate`]) is refused with `invalid_checklist`; an
/// inventory with problems ([`Inventory::validate`]) or options out of
/// range with `invalid_inventory`, every problem listed.
///
/// # Example
/// ```
/// use ptsp::office::{AuditOptions, AuditStatus, Checklist, Inventory, audit};
/// let inv = Inventory::from_json(r#"{"office": "x", "as_of": "2026-12-01", "entries": [
///     {"item": "cctv", "present": true, "last_checked": "2025-01-10"}]}"#)?;
/// let strict = AuditOptions { max_check_age_days: Some(365) };
/// let a = audit(&Checklist::jatim(), &inv, &strict)?;
/// let cctv = a.lines.iter().find(|l| l.item == "cctv").unwrap();
/// assert_eq!(cctv.status, AuditStatus::Inadequate);
/// assert!(cctv.reasons[0].en.starts_with("last checked 2025-01-10"));
/// # Ok::<(), ptsp::office::OfficeError>(())
/// ```
pub fn audit(
    checklist: &Checklist,
    inventory: &Inventory,
    options: &AuditOptions,
) -> Result<FacilitiesAudit, OfficeError> {
    let problems = checklist.validate();
    if !problems.is_empty() {
        return Err(OfficeError::InvalidChecklist { problems });
    }
    let mut problems = inventory.validate(checklist);
    if let Some(days) = options.max_check_age_days
        && days > MAX_CHECK_AGE_DAYS
    {
        problems.push(Problem::new(
            "options.max_check_age_days",
            Code::OutOfRange,
            format!("{days} days is more than {MAX_CHECK_AGE_DAYS}"),
            format!("{days} hari melebihi {MAX_CHECK_AGE_DAYS}"),
        ));
    }
    if !problems.is_empty() {
        return Err(OfficeError::InvalidInventory { problems });
    }
    let by_item: HashMap<&str, &InventoryEntry> = inventory
        .entries
        .iter()
        .map(|e| (e.item.as_str(), e))
        .collect();
    let mut lines = Vec::with_capacity(checklist.items.len());
    let (mut rooms, mut equipment) = (Tally::default(), Tally::default());
    for item in &checklist.items {
        let (status, reasons) = judge(
            by_item.get(item.id.as_str()).copied(),
            inventory.as_of,
            options,
        );
        match item.kind {
            FacilityKind::Room => rooms.add(status),
            FacilityKind::Equipment => equipment.add(status),
        }
        lines.push(AuditLine {
            item: item.id.clone(),
            kind: item.kind,
            clause: item.clause.clone(),
            name: item.name.clone(),
            status,
            reasons,
        });
    }
    let total = lines.len();
    let present = rooms.present + equipment.present;
    Ok(FacilitiesAudit {
        office: inventory.office.clone(),
        as_of: inventory.as_of,
        checklist: checklist.id.clone(),
        total,
        present,
        inadequate: rooms.inadequate + equipment.inadequate,
        missing: rooms.missing + equipment.missing,
        compliance: if total == 0 {
            0.0
        } else {
            present as f64 * 100.0 / total as f64
        },
        rooms,
        equipment,
        lines,
    })
}

/// One item's status and the reasons for it.
fn judge(
    entry: Option<&InventoryEntry>,
    as_of: NaiveDate,
    options: &AuditOptions,
) -> (AuditStatus, Vec<Label>) {
    let Some(e) = entry else {
        return (
            AuditStatus::Missing,
            vec![Label::new(
                "tidak tercatat di inventaris",
                "not in the inventory",
            )],
        );
    };
    if !e.present {
        return (
            AuditStatus::Missing,
            vec![Label::new("tercatat tidak ada", "recorded as absent")],
        );
    }
    let mut reasons = Vec::new();
    if let Some(c) = e.condition
        && !c.adequate()
    {
        let l = c.label();
        reasons.push(Label::new(
            format!("kondisi {}", l.id),
            format!("condition {}", l.en),
        ));
    }
    if let Some(max) = options.max_check_age_days {
        match e.last_checked {
            None => reasons.push(Label::new(
                format!("belum pernah diperiksa (batas {max} hari)"),
                format!("never checked (limit {max} days)"),
            )),
            Some(d) if (as_of - d).num_days() > i64::from(max) => reasons.push(Label::new(
                format!("terakhir diperiksa {d}, lebih dari {max} hari sebelumnya"),
                format!("last checked {d}, more than {max} days before"),
            )),
            Some(_) => {}
        }
    }
    if reasons.is_empty() {
        (AuditStatus::Present, reasons)
    } else {
        (AuditStatus::Inadequate, reasons)
    }
}

/// An item whose status differs between two audits.
///
/// # Example
/// ```
/// use ptsp::office::{AuditStatus, StatusChange};
/// let c = StatusChange { item: "cctv".into(), name: ptsp::Label::new("CCTV", "CCTV"),
///     before: AuditStatus::Missing, after: AuditStatus::Present };
/// assert!(c.after > c.before);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StatusChange {
    /// The item's id.
    pub item: String,
    /// The item's name.
    pub name: Label,
    /// Its status in the earlier audit.
    pub before: AuditStatus,
    /// Its status in the later audit.
    pub after: AuditStatus,
}

/// What changed from one audit to another.
///
/// # Example
/// ```
/// use ptsp::office::{Checklist, Inventory, audit, compare};
/// let c = Checklist::jatim();
/// let a = audit(&c, &Inventory::from_json(r#"{"office": "x", "as_of": "2026-06-01"}"#)?, &Default::default())?;
/// let b = audit(&c, &Inventory::from_json(r#"{"office": "x", "as_of": "2026-12-01",
///     "entries": [{"item": "wifi", "present": true}]}"#)?, &Default::default())?;
/// let d = compare(&a, &b);
/// assert_eq!(d.improved[0].item, "wifi");
/// assert!(d.compliance_change > 0.0);
/// # Ok::<(), ptsp::office::OfficeError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Comparison {
    /// The earlier audit's date.
    pub from: NaiveDate,
    /// The later audit's date.
    pub to: NaiveDate,
    /// Compliance of the earlier audit (percent).
    pub compliance_before: f64,
    /// Compliance of the later audit (percent).
    pub compliance_after: f64,
    /// `compliance_after - compliance_before`, in percentage points.
    pub compliance_change: f64,
    /// Items whose status rose (missing → inadequate → present).
    pub improved: Vec<StatusChange>,
    /// Items whose status fell.
    pub worsened: Vec<StatusChange>,
    /// Items in both audits with the same status.
    pub unchanged: usize,
    /// Items only the later audit has (its checklist grew).
    pub added: Vec<String>,
    /// Items only the earlier audit has.
    pub removed: Vec<String>,
}

/// Compares two audits item by item (in the later audit's order).
/// Usually of the same office, earlier first; nothing requires it.
///
/// # Example
/// ```
/// use ptsp::office::{Checklist, Inventory, audit, compare};
/// let c = Checklist::jatim();
/// let a = audit(&c, &Inventory::from_json(r#"{"office": "x", "as_of": "2026-12-01"}"#)?, &Default::default())?;
/// let same = compare(&a, &a);
/// assert_eq!((same.unchanged, same.improved.len(), same.compliance_change), (33, 0, 0.0));
/// # Ok::<(), ptsp::office::OfficeError>(())
/// ```
pub fn compare(before: &FacilitiesAudit, after: &FacilitiesAudit) -> Comparison {
    let earlier: HashMap<&str, &AuditLine> =
        before.lines.iter().map(|l| (l.item.as_str(), l)).collect();
    let later: HashSet<&str> = after.lines.iter().map(|l| l.item.as_str()).collect();
    let (mut improved, mut worsened, mut unchanged, mut added) =
        (Vec::new(), Vec::new(), 0, Vec::new());
    for l in &after.lines {
        let Some(b) = earlier.get(l.item.as_str()) else {
            added.push(l.item.clone());
            continue;
        };
        let change = || StatusChange {
            item: l.item.clone(),
            name: l.name.clone(),
            before: b.status,
            after: l.status,
        };
        match l.status.cmp(&b.status) {
            std::cmp::Ordering::Greater => improved.push(change()),
            std::cmp::Ordering::Less => worsened.push(change()),
            std::cmp::Ordering::Equal => unchanged += 1,
        }
    }
    let removed = before
        .lines
        .iter()
        .filter(|l| !later.contains(l.item.as_str()))
        .map(|l| l.item.clone())
        .collect();
    Comparison {
        from: before.as_of,
        to: after.as_of,
        compliance_before: before.compliance,
        compliance_after: after.compliance,
        compliance_change: after.compliance - before.compliance,
        improved,
        worsened,
        unchanged,
        added,
        removed,
    }
}
