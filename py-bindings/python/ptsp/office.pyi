"""Type stubs of ``ptsp.office`` (the native submodule ``ptsp._ptsp.office``)."""

import datetime
from typing import List, Mapping, Optional, Sequence

from ._ptsp import Calendar, Case, Procedure
from .types import (
    Actor,
    AuditOptions,
    Checklist,
    Event,
    Instant,
    Label,
    Request,
    Inventory,
    Organisation,
    Requirement,
    StaffingSettings,
)
from .views import Comparison, CompetenceReport, Escalation, FacilitiesAudit, StaffingReport

__all__ = [
    "Office",
    "audit_facilities",
    "check_organisation",
    "compare_audits",
    "competence_report",
    "escalations",
    "facilities_checklist",
    "staffing",
    "worklist",
]

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

def check_organisation(organisation: Organisation) -> Organisation:
    """The organisation, validated; raises ``OfficeValidationError`` with
    every problem (unknown units or positions, a line of command with a
    cycle or without its one head, duplicate ids, periods that end before
    they start)."""

def competence_report(
    organisation: Organisation,
    requirements: Sequence[Requirement],
    role: str,
    as_of: datetime.date,
    sector: Optional[str] = None,
    within_days: Optional[int] = 30,
) -> CompetenceReport:
    """Seed §5: who among the holders of ``role`` (in ``sector``: those who
    process it) meets its requirement on ``as_of``, what the others lack,
    and whose certificates end within ``within_days``."""

def staffing(
    organisation: Organisation,
    as_of: datetime.date,
    settings: Optional[StaffingSettings] = None,
    requirements: Optional[Sequence[Requirement]] = None,
    open_cases: Optional[Mapping[str, int]] = None,
) -> StaffingReport:
    """Seed §8 on ``as_of``: every sector's processors, the sectors short of
    the minimum (default: one PNS or PTT per sector) or resting on one
    person, and open cases per processor."""

def escalations(
    organisation: Organisation,
    case: Case,
    procedure: Procedure,
    calendar: Calendar,
    now: Instant,
) -> List[Escalation]:
    """Seed §6: who must act on ``case`` at ``now`` — the assignee's direct
    superior when the open step is at risk (preventive), and level by level
    up the line of command once it is breached (repressive), as the
    procedure's ``supervision.escalation`` policy says; each says whether
    the case's log already records it (``recorded``)."""

def worklist(
    organisation: Organisation,
    position: str,
    escalations: Sequence[Mapping[str, object]],
) -> List[Escalation]:
    """A superior's worklist: of ``escalations`` (for any number of cases),
    those about steps of the staff below ``position``, one per step at its
    highest level, most urgent first."""

class Office:
    """An office: the organisation and the competence requirements,
    validated once (``OfficeValidationError``), running the case engine
    where it needs them."""

    def __init__(
        self, organisation: Organisation, requirements: Optional[Sequence[Requirement]] = None
    ) -> None: ...
    def actor(self, staff: str, on: datetime.date) -> Actor:
        """The engine actor of ``staff`` on ``on``: roles and unit from the
        organisation (``unknown_staff``, ``staff_away``)."""
    def shortfalls(
        self, staff: str, role: str, on: datetime.date, sector: Optional[str] = None
    ) -> List[Label]:
        """Why ``staff`` may not take work of ``role`` (in ``sector``) on
        ``on``: away, and each unmet criterion of seed §5; empty when they
        may."""
    def pick_staff(
        self,
        role: str,
        on: datetime.date,
        open_cases: Optional[Mapping[str, int]] = None,
        unit: Optional[str] = None,
        sector: Optional[str] = None,
    ) -> Optional[str]:
        """The present, qualified holder of ``role`` (in ``unit``, serving
        ``sector``) with the fewest open cases; ties to the smallest id;
        ``None`` when nobody fits."""
    def decide(
        self, case: Case, request: Request, procedure: Procedure, calendar: Calendar
    ) -> List[Event]:
        """``Case.decide`` plus what needs the organisation: ``escalate``,
        ``supervise``, and assignments checked for role, presence and
        competence (``warnings`` or ``not_qualified``); changes nothing."""
    def execute(
        self, case: Case, request: Request, procedure: Procedure, calendar: Calendar
    ) -> List[Event]:
        """``decide`` and apply the events to ``case`` atomically."""
    def escalations(
        self, case: Case, procedure: Procedure, calendar: Calendar, now: Instant
    ) -> List[Escalation]:
        """Who must act on ``case`` at ``now`` (see ``escalations``)."""
    def worklist(
        self, position: str, escalations: Sequence[Mapping[str, object]]
    ) -> List[Escalation]:
        """A superior's worklist (see ``worklist``)."""
