"""Type stubs of ``ptsp.sla`` (the native submodule ``ptsp._ptsp.sla``)."""

import datetime
from typing import List, Sequence, Union

from ._errors import PtspError
from ._ptsp import Calendar, Case, Procedure
from .types import Instant
from .views import Preview, SlaReport, StepExplanation

__all__ = ["evaluate", "evaluate_many", "explain", "preview"]

def evaluate(case: Case, procedure: Procedure, calendar: Calendar, now: Instant) -> SlaReport:
    """Every SLA clock of ``case`` at ``now``: per step visit, per lane, for
    the whole case, and the due events (opt-in deemed approval). Raises a
    ``CalendarError`` when the calendar cannot measure the time
    (``no_office_hours``, ``out_of_coverage``)."""

def evaluate_many(
    cases: Sequence[Case], procedure: Procedure, calendar: Calendar, now: Instant
) -> List[Union[SlaReport, PtspError]]:
    """``evaluate`` over many cases: one entry per case, in order — the report,
    or the exception instance (not raised) for a case that failed. Raises
    only for arguments of the wrong type. Runs without the GIL."""

def explain(case: Case, visit: int, procedure: Procedure, calendar: Calendar) -> StepExplanation:
    """Why visit ``visit`` (0-based, as ``SlaReport["steps"]``) is due when it
    is. Raises ``CaseValidationError`` (``invalid_input``, problem
    ``unknown_visit``) for a visit the case does not have."""

def preview(procedure: Procedure, calendar: Calendar, submitted_at: Instant) -> Preview:
    """The latest completion of an application submitted at ``submitted_at``
    along the main path (the first outcome of every step); a lower bound
    where ``untimed`` lists steps without an SLA."""
