"""Type stubs of ``ptsp.office`` (the native submodule ``ptsp._ptsp.office``)."""

from typing import Mapping, Optional

from .types import AuditOptions, Checklist, Inventory
from .views import Comparison, FacilitiesAudit

__all__ = ["audit_facilities", "compare_audits", "facilities_checklist"]

def facilities_checklist() -> Checklist:
    """The seed's facilities checklist (§4: 14 rooms, 19 items of office
    equipment, each with its clause and its name in both languages)."""

def audit_facilities(
    inventory: Inventory,
    options: Optional[AuditOptions] = None,
    checklist: Optional[Checklist] = None,
) -> FacilitiesAudit:
    """Audits ``inventory`` against ``checklist`` (the seed's when ``None``):
    every item present, inadequate or missing with its reasons, tallies for
    rooms and equipment, and the compliance percentage. Raises
    ``OfficeValidationError`` with every problem of a bad inventory."""

def compare_audits(before: Mapping[str, object], after: Mapping[str, object]) -> Comparison:
    """What changed between two audits: items improved and worsened,
    unchanged, added and removed, and the change in compliance."""
