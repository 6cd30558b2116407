"""Type stubs of the extension module ``ptsp._ptsp`` (re-exported as ``ptsp``).

Conventions:

* Dates are ``datetime.date`` (a ``datetime.datetime`` is refused where a date
  is expected). Instants are *aware* ``datetime.datetime`` objects; a naive
  one raises ``CalendarError`` with code ``invalid_value``. Returned instants
  are aware, in the office's UTC offset.
* Dicts returned by ``definition``, ``holidays()``, ``Explanation.days``,
  ``to_dict()`` and ``layer_from_ical()`` have the core's JSON shape: dates
  and instants are ISO 8601 strings, enums are snake_case strings.
* Arguments of the wrong Python type raise ``InvalidTypeError`` (code
  ``invalid_type``; also a ``TypeError``); every other failure raises a
  ``PtspError`` subclass with a stable ``code``.

The ``TypedDict`` classes below exist for type checking only (import them
under ``typing.TYPE_CHECKING``).
"""

import datetime
from typing import Any, Dict, Generic, List, Literal, Optional, Sequence, Tuple, TypeVar, Union, final

import numpy as np
import numpy.typing as npt
from typing_extensions import NotRequired, TypedDict

__version__: str

_T_co = TypeVar("_T_co", covariant=True)

HolidayKind = Literal["national_holiday", "cuti_bersama", "regional", "office_closure"]
"""What kind of day off a holiday entry is."""

YearStatus = Literal["decreed", "provisional"]
"""How much is known about a covered year."""

Lang = Literal["en", "id"]
"""A message language: English or Bahasa Indonesia."""

DatesLike = Union[
    "npt.NDArray[np.datetime64]",
    Sequence[datetime.date],
    datetime.date,
    np.datetime64,
]
"""Dates for a batch call: a 1-D ``datetime64[D]`` array (other units numpy
casts safely to days are accepted), a sequence of ``datetime.date``, or one
date (broadcast)."""

CountsLike = Union[int, "npt.NDArray[np.integer[Any]]", Sequence[int]]
"""Counts for a batch call: one int (broadcast), a 1-D integer array, or a
sequence of int."""

class DeadlinePolicy(TypedDict, total=False):
    """The counting convention of a statutory deadline (every key optional)."""

    count_from: Literal["next_working_day", "receipt_day"]
    """Which day is day 1 (default: the first working day after receipt)."""
    after_hours: Literal["next_working_day", "same_day"]
    """What a receipt after closing time means (default: received at the
    next working day's opening)."""

class Source(TypedDict):
    """A decree (or other instrument) that set some days."""

    id: str
    title: str
    numbers: List[str]
    signed: Optional[str]
    amends: Optional[str]
    note: Optional[str]

class HolidayInfo(TypedDict):
    """One holiday entry with its decree, as ``Calendar.holidays()`` gives it."""

    date: str
    """ISO date, ``"YYYY-MM-DD"``."""
    name: str
    """Indonesian name, as the decree writes it."""
    name_en: NotRequired[str]
    """English name, where known."""
    kind: HolidayKind
    layer: str
    """Id of the layer it comes from."""
    source: Source
    non_working: bool
    """Whether this calendar closes on that day."""

class ExplainedDay(TypedDict):
    """One day of an ``Explanation``."""

    date: str
    role: Literal["received", "counted_as_received", "counted", "skipped"]
    ordinal: NotRequired[int]
    """For counted days: 1 for day 1, ... N for the due date."""
    reason: NotRequired[Literal["weekend", "holiday", "assumed_weekend"]]
    """For days that do not work: why."""
    holidays: NotRequired[List[HolidayInfo]]
    """Holiday entries on this day (also those this calendar works on)."""

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

CalendarDefinition = Dict[str, Any]
"""A calendar definition in its JSON shape: ``id``, ``name``, ``weekmask``
(e.g. ``"1111100"``), ``non_working_kinds``, ``layers``,
``extra_working_days``, ``office_hours``, ``utc_offset`` (e.g. ``"+07:00"``)."""

HolidayLayerDict = Dict[str, Any]
"""A holiday layer in its JSON shape: ``id``, ``name``, ``sources``, ``years``,
``holidays``."""

@final
class Calendar:
    """A validated, compiled working-day calendar (*hari kerja*).

    Day operations are O(1) and agree with ``numpy.busday_offset`` /
    ``numpy.busday_count``; days outside the covered years raise
    ``CalendarError`` with code ``out_of_coverage`` (see
    ``assuming_weekends_only()``).
    """

    @staticmethod
    def indonesia() -> Calendar:
        """The built-in national calendar: Monday–Friday, national holidays
        and cuti bersama, WIB (+07:00), no office hours."""
    @staticmethod
    def jatim() -> Calendar:
        """The national calendar with the East Java provincial government's
        office hours (Mon–Thu 07:30–16:00, Fri 07:30–16:30, WIB)."""
    @staticmethod
    def from_json(text: str) -> Calendar:
        """Builds a calendar from a JSON definition. Raises ``CalendarError``
        (``invalid_json``) or ``ValidationError`` (``invalid_definition``)."""
    @staticmethod
    def from_definition(definition: CalendarDefinition) -> Calendar:
        """Builds a calendar from a definition dict (the JSON definition as
        Python objects; dates may also be ``datetime.date``)."""
    def to_json(self) -> str:
        """The definition as pretty JSON text."""
    @property
    def definition(self) -> CalendarDefinition:
        """The definition as a dict."""
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def coverage(self) -> Tuple[int, int]:
        """The covered years ``(first, last)``, inclusive."""
    def year_status(self, year: int) -> Optional[YearStatus]:
        """``"decreed"`` or ``"provisional"`` for a covered year, else ``None``."""
    @property
    def utc_offset(self) -> datetime.timezone:
        """The office's UTC offset."""
    def is_working_day(self, date: datetime.date) -> bool: ...
    def next_working_day(self, date: datetime.date) -> datetime.date:
        """The first working day strictly after ``date``."""
    def previous_working_day(self, date: datetime.date) -> datetime.date:
        """The last working day strictly before ``date``."""
    def add_working_days(self, date: datetime.date, n: int) -> datetime.date:
        """``numpy.busday_offset(date, n, roll="forward")`` for ``n >= 0``,
        ``roll="backward"`` for ``n < 0``."""
    def working_days_between(self, a: datetime.date, b: datetime.date) -> int:
        """Working days in ``[a, b)``; negative when ``b < a``
        (``numpy.busday_count``)."""
    def add_working_days_batch(self, dates: DatesLike, n: CountsLike) -> "npt.NDArray[np.datetime64]":
        """``add_working_days`` over many dates; returns ``datetime64[D]``.
        Length-1 inputs broadcast. The first failing element (NaT, out of
        coverage) fails the whole call; nothing is returned."""
    def working_days_between_batch(self, a: DatesLike, b: DatesLike) -> "npt.NDArray[np.int64]":
        """``working_days_between`` over many pairs; returns ``int64``."""
    def deadline(
        self, received: datetime.datetime, n: int, policy: Optional[DeadlinePolicy] = None
    ) -> Deadline:
        """The deadline of "at most ``n`` working days after receipt".
        Needs office hours (code ``no_office_hours`` otherwise)."""
    def explain_deadline(
        self, received: datetime.datetime, n: int, policy: Optional[DeadlinePolicy] = None
    ) -> Explanation:
        """The deadline and every day from receipt to due date."""
    def add_working_time(self, at: datetime.datetime, duration: datetime.timedelta) -> datetime.datetime:
        """Adds working time (office hours, outside breaks, on working days)."""
    def working_time_between(self, a: datetime.datetime, b: datetime.datetime) -> datetime.timedelta:
        """Working time between two instants; negative when ``b < a``."""
    def holidays(self, year: int) -> List[HolidayInfo]:
        """Every holiday entry of ``year``, in date order."""
    def assuming_weekends_only(self) -> AssumingCalendar:
        """A view treating uncovered years as weekends-only."""
    def __reduce__(self) -> Tuple[Any, Tuple[str]]: ...

@final
class AssumingCalendar:
    """A view of a ``Calendar`` that treats uncovered years as weekends-only;
    every method returns an ``Estimate`` saying which years were assumed."""

    @property
    def calendar(self) -> Calendar: ...
    def is_working_day(self, date: datetime.date) -> Estimate[bool]: ...
    def next_working_day(self, date: datetime.date) -> Estimate[datetime.date]: ...
    def previous_working_day(self, date: datetime.date) -> Estimate[datetime.date]: ...
    def add_working_days(self, date: datetime.date, n: int) -> Estimate[datetime.date]: ...
    def working_days_between(self, a: datetime.date, b: datetime.date) -> Estimate[int]: ...
    def add_working_time(
        self, at: datetime.datetime, duration: datetime.timedelta
    ) -> Estimate[datetime.datetime]: ...
    def working_time_between(
        self, a: datetime.datetime, b: datetime.datetime
    ) -> Estimate[datetime.timedelta]: ...
    def deadline(
        self, received: datetime.datetime, n: int, policy: Optional[DeadlinePolicy] = None
    ) -> Estimate[Deadline]: ...
    def explain_deadline(
        self, received: datetime.datetime, n: int, policy: Optional[DeadlinePolicy] = None
    ) -> Estimate[Explanation]: ...

@final
class Estimate(Generic[_T_co]):
    """A result computed with uncovered years assumed weekends-only."""

    @property
    def value(self) -> _T_co: ...
    @property
    def assumed(self) -> List[Tuple[int, int]]:
        """The assumed year ranges ``(first, last)``; empty when none."""
    @property
    def is_assumed(self) -> bool: ...

@final
class Deadline:
    """A statutory deadline and how it was counted."""

    @property
    def received_at(self) -> datetime.datetime: ...
    @property
    def counted_received_at(self) -> datetime.datetime: ...
    @property
    def late_receipt(self) -> bool: ...
    @property
    def day_one(self) -> datetime.date: ...
    @property
    def due_date(self) -> datetime.date: ...
    @property
    def due_at(self) -> datetime.datetime: ...
    @property
    def working_days(self) -> int: ...
    @property
    def policy(self) -> DeadlinePolicy: ...
    def to_dict(self) -> DeadlineDict: ...
    def __eq__(self, other: object) -> bool: ...

@final
class Explanation:
    """A deadline and every day from receipt to due date."""

    @property
    def deadline(self) -> Deadline: ...
    @property
    def days(self) -> List[ExplainedDay]: ...
    def render(self, lang: Optional[Lang] = None) -> str:
        """One line per day, in English (default) or Bahasa Indonesia (``"id"``)."""
    def to_dict(self) -> ExplanationDict: ...
    def __eq__(self, other: object) -> bool: ...

def layer_from_ical(
    text: str, layer_id: str, layer_name: str, default_kind: Optional[HolidayKind] = "national_holiday"
) -> HolidayLayerDict:
    """Reads the all-day events of an iCalendar text as a holiday layer dict.
    Raises ``CalendarError`` with code ``invalid_ical`` for timed, recurring
    or malformed events."""

def layer_to_ical(layer: HolidayLayerDict) -> str:
    """Writes a holiday layer dict as an iCalendar text."""
