"""Types of the JSON-shaped values ptsp takes and gives, for annotations.

Dicts returned by ``Calendar.definition``, ``Calendar.holidays()``,
``Explanation.days``, ``to_dict()`` and ``layer_from_ical()`` have the core's
JSON shape: dates and instants are ISO 8601 strings, enums snake_case
strings, the same in Rust, Python and JavaScript. These ``TypedDict`` classes
and aliases describe them; they are plain dicts at run time.
"""

import datetime
from typing import Any, Dict, List, Literal, Optional, Sequence, TypedDict, Union

import numpy as np
import numpy.typing as npt

__all__ = [
    "CalendarDefinition",
    "CountsLike",
    "DatesLike",
    "DeadlineDict",
    "DeadlinePolicy",
    "ExplainedDay",
    "ExplanationDict",
    "HolidayInfo",
    "HolidayKind",
    "HolidayLayerDict",
    "Lang",
    "Source",
    "YearStatus",
]

HolidayKind = Literal["national_holiday", "cuti_bersama", "regional", "office_closure"]
"""What kind of day off a holiday entry is: *hari libur nasional*, *cuti
bersama* (collective leave), a regional holiday, an office closure."""

YearStatus = Literal["decreed", "provisional"]
"""How much is known about a covered year."""

Lang = Literal["en", "id"]
"""A message language: English or Bahasa Indonesia."""

DatesLike = Union["npt.NDArray[np.datetime64]", Sequence[datetime.date], datetime.date, np.datetime64]
"""Dates for a batch call: a 1-D ``datetime64[D]`` array (other units numpy
casts safely to days are accepted), a sequence of ``datetime.date``, or one
date (broadcast)."""

CountsLike = Union[int, "npt.NDArray[np.integer[Any]]", Sequence[int]]
"""Counts for a batch call: one int (broadcast), a 1-D integer array, or a
sequence of int."""

CalendarDefinition = Dict[str, Any]
"""A calendar definition: ``id``, ``name``, ``weekmask`` (e.g. ``"1111100"``
or ``"Mon Tue Wed Thu Fri"``), ``non_working_kinds``, ``layers``,
``extra_working_days``, ``office_hours``, ``utc_offset`` (e.g. ``"+07:00"``)."""

HolidayLayerDict = Dict[str, Any]
"""A holiday layer: ``id``, ``name``, ``sources``, ``years``, ``holidays``."""


class DeadlinePolicy(TypedDict, total=False):
    """The counting convention of a statutory deadline; every key optional."""

    count_from: Literal["next_working_day", "receipt_day"]
    after_hours: Literal["next_working_day", "same_day"]


class Source(TypedDict):
    """A decree (or other instrument) that set some days."""

    id: str
    title: str
    numbers: List[str]
    signed: Optional[str]
    amends: Optional[str]
    note: Optional[str]


class _HolidayInfo(TypedDict):
    date: str
    name: str
    kind: HolidayKind
    layer: str
    source: Source
    non_working: bool


class HolidayInfo(_HolidayInfo, total=False):
    """One holiday entry with its decree (``Calendar.holidays()``): ``date``
    (ISO), ``name`` (Indonesian), ``name_en`` (where known), ``kind``,
    ``layer`` (its id), ``source``, ``non_working`` (whether this calendar
    closes that day)."""

    name_en: str


class _ExplainedDay(TypedDict):
    date: str
    role: Literal["received", "counted_as_received", "counted", "skipped"]


class ExplainedDay(_ExplainedDay, total=False):
    """One day of an ``Explanation``: ``ordinal`` for counted days (1 … N),
    ``reason`` for days that do not work, ``holidays`` on that day."""

    ordinal: int
    reason: Literal["weekend", "holiday", "assumed_weekend"]
    holidays: List[HolidayInfo]


class DeadlineDict(TypedDict):
    """``Deadline.to_dict()``: instants as RFC 3339 strings, dates as ISO strings."""

    received_at: str
    counted_received_at: str
    late_receipt: bool
    day_one: str
    due_date: str
    due_at: str
    working_days: int
    policy: DeadlinePolicy


class ExplanationDict(TypedDict):
    """``Explanation.to_dict()``."""

    deadline: DeadlineDict
    days: List[ExplainedDay]
