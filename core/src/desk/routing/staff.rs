//! Assignment inside a unit: the staff member with the fewest open tickets.

use serde::{Deserialize, Serialize};

fn yes() -> bool {
    true
}

/// A staff member's current load, for assignment inside a unit.
///
/// # Example
/// ```
/// let s: ptsp::desk::routing::StaffLoad =
///     serde_json::from_str(r#"{"id": "op-1", "unit": "dkp", "open_tickets": 3}"#)?;
/// assert!(s.active && s.competences.is_empty());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StaffLoad {
    /// Staff id.
    pub id: String,
    /// The unit they work in.
    pub unit: String,
    /// Tickets currently assigned to them and not closed.
    pub open_tickets: u32,
    /// Whether they can take tickets now (not on leave, not disabled);
    /// default `true`.
    #[serde(default = "yes")]
    pub active: bool,
    /// Competences they hold (e.g. `perikanan_tangkap`), for
    /// [`pick_staff_with`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub competences: Vec<String>,
}

/// The staff member of `unit` who should take the next ticket: among those
/// active in the unit, the one with the fewest open tickets; ties go to the
/// smallest id (byte order), so the choice is deterministic.
///
/// `None` when nobody in the unit is active: the ticket then stays with the
/// unit unassigned (or goes back to the head of complaints) — the desk
/// decides; routing never invents a person.
///
/// # Example
/// ```
/// use ptsp::desk::routing::{StaffLoad, pick_staff};
/// let staff: Vec<StaffLoad> = serde_json::from_str(r#"[
///     {"id": "b", "unit": "dkp", "open_tickets": 2},
///     {"id": "a", "unit": "dkp", "open_tickets": 2},
///     {"id": "c", "unit": "dkp", "open_tickets": 0, "active": false},
///     {"id": "d", "unit": "dlh", "open_tickets": 0}
/// ]"#)?;
/// assert_eq!(pick_staff("dkp", &staff).unwrap().id, "a");
/// assert!(pick_staff("dinkes", &staff).is_none());
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn pick_staff<'s>(unit: &str, staff: &'s [StaffLoad]) -> Option<&'s StaffLoad> {
    pick_staff_with::<&str>(unit, &[], staff)
}

/// Like [`pick_staff`], counting only staff who hold every competence in
/// `required`.
///
/// # Example
/// ```
/// use ptsp::desk::routing::{StaffLoad, pick_staff_with};
/// let staff: Vec<StaffLoad> = serde_json::from_str(r#"[
///     {"id": "a", "unit": "dkp", "open_tickets": 0},
///     {"id": "b", "unit": "dkp", "open_tickets": 5, "competences": ["perikanan_tangkap"]}
/// ]"#)?;
/// assert_eq!(pick_staff_with("dkp", &["perikanan_tangkap"], &staff).unwrap().id, "b");
/// assert!(pick_staff_with("dkp", &["budidaya"], &staff).is_none());
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn pick_staff_with<'s, C: AsRef<str>>(
    unit: &str,
    required: &[C],
    staff: &'s [StaffLoad],
) -> Option<&'s StaffLoad> {
    staff
        .iter()
        .filter(|s| {
            s.active
                && s.unit == unit
                && required
                    .iter()
                    .all(|c| s.competences.iter().any(|x| x == c.as_ref()))
        })
        .min_by(|a, b| {
            a.open_tickets
                .cmp(&b.open_tickets)
                .then_with(|| a.id.cmp(&b.id))
        })
}
