"""ptsp — an Indonesian public-service standard (Standar Pelayanan), made
executable. Python binding of the ``ptsp`` Rust library.

Working days (*hari kerja*) on the Indonesian holiday calendar — national
holidays and collective leave (*cuti bersama*) with the decree behind each —,
statutory deadlines with a day-by-day explanation, working time within office
hours, and numpy-compatible vectorised day arithmetic::

    >>> import datetime as dt, ptsp
    >>> cal = ptsp.Calendar.jatim()
    >>> cal.add_working_days(dt.date(2025, 3, 27), 1)
    datetime.date(2025, 4, 8)
    >>> wib = dt.timezone(dt.timedelta(hours=7))
    >>> cal.deadline(dt.datetime(2026, 12, 23, 14, 20, tzinfo=wib), 3).due_at.isoformat()
    '2026-12-30T16:00:00+07:00'
"""

from . import types
from ._errors import CalendarError, InvalidTypeError, PtspError, ValidationError
from ._ptsp import (
    AssumingCalendar,
    Calendar,
    Deadline,
    Estimate,
    Explanation,
    __version__,
    layer_from_ical,
    layer_to_ical,
)

__all__ = [
    "AssumingCalendar",
    "Calendar",
    "CalendarError",
    "Deadline",
    "Estimate",
    "Explanation",
    "InvalidTypeError",
    "PtspError",
    "ValidationError",
    "__version__",
    "layer_from_ical",
    "layer_to_ical",
    "types",
]
