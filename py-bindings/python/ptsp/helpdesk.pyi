"""Type stubs of ``ptsp.helpdesk`` (the native submodule ``ptsp._ptsp.helpdesk``)."""

import datetime
from typing import List, Sequence

from ._ptsp import Calendar, Case, Procedure
from .types import Instant
from .views import TicketFigures, UnitSummary

__all__ = ["figures", "unit_summaries"]

def figures(case: Case, procedure: Procedure, calendar: Calendar, now: Instant) -> TicketFigures:
    """The figures of one ticket at ``now``: first response and resolution
    (working seconds), "Belum Valid" rounds, redistributions, reopenings,
    corrections, outcome counts, working seconds per lane, the unit that
    last worked on it, its tier and the tier's deadline and status. Raises
    a ``CalendarError`` when the calendar cannot measure the time."""

def unit_summaries(
    cases: Sequence[Case], procedure: Procedure, calendar: Calendar, now: Instant
) -> List[UnitSummary]:
    """Per-unit figures over many tickets, in unit order. Runs without the
    GIL; the first case that cannot be evaluated raises."""
