"""Type stubs of the extension module ``ptsp._ptsp`` (re-exported as ``ptsp``).

Conventions:

* Dates are ``datetime.date`` (a ``datetime.datetime`` is refused where a date
  is expected). Instants are *aware* ``datetime.datetime`` objects; a naive
  one raises ``CalendarError`` with code ``invalid_value``. Returned instants
  are aware, in the office's UTC offset.
* Dicts returned by ``definition``, ``holidays()``, ``Explanation.days``,
  ``to_dict()``, ``layer_from_ical()``, the case engine, ``ptsp.sla``,
  ``ptsp.form``, ``ptsp.routing``, ``ptsp.helpdesk`` and ``ptsp.office`` have
  the core's JSON shape: dates and instants are ISO 8601 strings, enums are
  snake_case strings. Dicts given (definitions, requests, events, documents)
  have the same shape; an aware datetime or a date is accepted where a string
  instant or date is expected.
* Arguments of the wrong Python type raise ``InvalidTypeError`` (code
  ``invalid_type``; also a ``TypeError``); every other failure raises a
  ``PtspError`` subclass with a stable ``code``.

The ``TypedDict`` classes and aliases of the JSON-shaped values live in
``ptsp.types``.
"""

import datetime
from typing import Any, Dict, Generic, List, Optional, Sequence, Tuple, TypeVar, final

import numpy as np
import numpy.typing as npt

from . import evaluation as evaluation
from . import form as form
from . import helpdesk as helpdesk
from . import office as office
from . import publish as publish
from . import routing as routing
from . import sla as sla
from .views import Preview, Tracking
from .types import (
    Actor,
    Catalogue,
    ServiceType,
    CalendarDef,
    CaseStatus,
    Event,
    Label,
    Problem,
    ProcedureDef,
    Request,
    SubmittedDocument,
    CountsLike,
    DatesLike,
    Deadline as DeadlineDict,
    DeadlinePolicy,
    ExplainedDay,
    Explanation as ExplanationDict,
    HolidayInfo,
    HolidayKind,
    HolidayLayer,
    Lang,
    YearStatus,
)

__all__ = [
    "AssumingCalendar",
    "Calendar",
    "Case",
    "Deadline",
    "Estimate",
    "Explanation",
    "Procedure",
    "__version__",
    "layer_from_ical",
    "layer_to_ical",
    "evaluation",
    "form",
    "helpdesk",
    "office",
    "publish",
    "routing",
    "sample_catalogue",
    "sla",
]

__version__: str

_T_co = TypeVar("_T_co", covariant=True)

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
    def from_definition(definition: CalendarDef) -> Calendar:
        """Builds a calendar from a definition dict (the JSON definition as
        Python objects; dates may also be ``datetime.date``)."""
    def to_json(self) -> str:
        """The definition as pretty JSON text."""
    @property
    def definition(self) -> CalendarDef:
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
    def add_working_days_batch(self, dates: DatesLike, n: CountsLike) -> npt.NDArray[np.datetime64]:
        """``add_working_days`` over many dates; returns ``datetime64[D]``.
        Length-1 inputs broadcast. The first failing element (NaT, out of
        coverage) fails the whole call; nothing is returned."""
    def working_days_between_batch(self, a: DatesLike, b: DatesLike) -> npt.NDArray[np.int64]:
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
    def __class_getitem__(cls, item: Any) -> Any: ...

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
    def __eq__(self, value: object, /) -> bool: ...

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
    def __eq__(self, value: object, /) -> bool: ...

def layer_from_ical(
    text: str, layer_id: str, layer_name: str, default_kind: Optional[HolidayKind] = None
) -> HolidayLayer:
    """Reads the all-day events of an iCalendar text as a holiday layer dict.
    ``default_kind`` (``None``: ``"national_holiday"``) is the kind of events
    that do not say theirs; ``layer_id`` and ``layer_name`` name the layer
    unless the file does.
    Raises ``CalendarError`` with code ``invalid_ical`` for timed, recurring
    or malformed events, days outside 1900–2200, or more days than the limits
    allow."""

def layer_to_ical(layer: HolidayLayer) -> str:
    """Writes a holiday layer dict as an iCalendar text.
    Raises ``ValidationError`` (code ``invalid_definition``) for a layer
    ``layer_from_ical`` would refuse: a year outside 1900–2200, or more
    holidays or year entries than the limits allow."""

@final
class Procedure:
    """A validated procedure definition: lanes and roles, steps with outcomes
    and SLAs, required documents, the correction clock and the opt-in deemed
    approval (*fiktif positif*)."""

    @staticmethod
    def jatim_permit() -> Procedure:
        """The built-in permit procedure of the East Java standard: upload
        (Pemohon) → check, ≤ 3 working days (PTSP) → recommendation (OPD
        Teknis) → approval, ≤ 3 working days (PTSP) → print."""
    @staticmethod
    def jatim_consultation() -> Procedure:
        """The built-in electronic consultation flow (seed §7): submit →
        the Operator classifies and answers (``ya``) or not (``tidak``) →
        the head of complaints distributes to a unit → the unit answers →
        validation (``belum_valid``: back to whoever drafted) → the
        authorised official delivers the answer. No SLAs."""
    @staticmethod
    def jatim_complaint() -> Procedure:
        """The built-in electronic complaint flow: the consultation's routing
        plus admin verification (verify, postpone, forward, archive),
        severity tiers with case deadlines of 2, 5, 14 and 60 working days
        (set by ``complete_step`` with a ``tier`` at verification), the
        complainant's confirmation or reopening, and a unit lane that does
        not see who complained."""
    @staticmethod
    def jatim_suggestion() -> Procedure:
        """The built-in suggestion flow (*saran/masukan*): acknowledged by
        the Operator (noted at once, or passed on), distributed to the unit
        concerned, which answers or notes it; no tier, no SLA."""
    @staticmethod
    def from_json(text: str) -> Procedure:
        """Builds a procedure from a JSON definition. Raises
        ``ProcedureError`` (``invalid_json`` or ``invalid_procedure``, the
        latter listing every problem in ``errors()``)."""
    @staticmethod
    def from_definition(definition: ProcedureDef) -> Procedure:
        """Builds a procedure from a definition dict; raises as
        ``from_json``."""
    @staticmethod
    def validate_definition(definition: ProcedureDef) -> List[Problem]:
        """Every problem of a definition dict (empty when valid). Raises only
        for a dict that is not shaped like a definition (``ProcedureError``,
        ``invalid_json``)."""
    @property
    def definition(self) -> ProcedureDef:
        """The definition as a dict."""
    def to_json(self) -> str:
        """The definition as pretty JSON text."""
    @property
    def id(self) -> str: ...
    @property
    def version(self) -> int:
        """A case pins the version it started on."""
    @property
    def name(self) -> Label:
        """``{"id": ..., "en": ...}``."""
    def check_documents(self, documents: Sequence[SubmittedDocument]) -> List[Problem]:
        """Every gap between submitted documents and the requirements:
        ``missing_document``, ``unknown_document``, ``wrong_format``,
        ``file_too_large``, ``empty_file``, ``duplicate_document``."""
    def preview(self, calendar: Calendar, submitted_at: datetime.datetime) -> Preview:
        """``ptsp.sla.preview(self, calendar, submitted_at)``."""
    def for_service(self, service: ServiceType) -> Procedure:
        """This procedure specialised to one service type of a requirements
        catalogue: the service's documents, and the id
        ``"{procedure}/{service}"``. Raises ``ProcedureError``
        (``invalid_json``) for a dict that is not shaped like a service
        type."""
    def __eq__(self, value: object, /) -> bool:
        """Equal definitions."""
    def __reduce__(self) -> Tuple[Any, Tuple[str]]: ...

@final
class Case:
    """One application running through a procedure, event-sourced: the
    state is a pure fold of its events. The engine never reads the clock:
    every request carries its instant."""

    def __init__(self) -> None:
        """A case not yet submitted (status ``"new"``)."""
    @staticmethod
    def replay(events: Sequence[Event], procedure: Procedure) -> Case:
        """Rebuilds a case from its log, checking every event against
        ``procedure``. Raises ``CaseError`` (``inconsistent_log``) for an
        event ``decide`` could not have produced, and ``CaseValidationError``
        (``invalid_input``) listing every event dict of the wrong shape."""
    @staticmethod
    def replay_trusted(events: Sequence[Event]) -> Case:
        """Rebuilds a case from a log the backend trusts (its own store),
        without checking it against a procedure; an event that does not fit
        the state still raises ``inconsistent_log``."""
    def decide(self, request: Request, procedure: Procedure, calendar: Calendar) -> List[Event]:
        """The events ``request`` would cause; changes nothing. Raises a
        ``CaseError`` (``UnauthorizedError``, ``CaseValidationError``) for a
        refused request, a ``CalendarError`` for a deadline the calendar
        cannot compute (``out_of_coverage``, ``no_office_hours``)."""
    def execute(self, request: Request, procedure: Procedure, calendar: Calendar) -> List[Event]:
        """``decide`` and apply, atomically: on error the case is unchanged.
        Returns the events applied."""
    def apply(self, event: Event, procedure: Procedure) -> None:
        """Folds one event after checking it against ``procedure``
        (``CaseError``, ``inconsistent_log``, if ``decide`` could not have
        produced it)."""
    def apply_trusted(self, event: Event) -> None:
        """Folds one event without checking it against a procedure
        (``inconsistent_log`` if it does not fit the state)."""
    @property
    def id(self) -> str: ...
    @property
    def procedure(self) -> str:
        """The procedure id the case runs on."""
    @property
    def version(self) -> int:
        """The procedure version, pinned for the case's life."""
    @property
    def applicant(self) -> str:
        """The applicant's actor id."""
    @property
    def status(self) -> CaseStatus:
        """``"new"``, ``"active"``, ``"awaiting_correction"`` or
        ``{"ended": kind}``."""
    @property
    def current(self) -> Optional[str]:
        """The current step (for an ended case, the step it ended at)."""
    @property
    def due(self) -> Optional[datetime.datetime]:
        """The current step's deadline, or ``None`` (no SLA, not running, or
        the clock stopped while the file is with the applicant)."""
    @property
    def paused_remaining(self) -> Optional[datetime.timedelta]:
        """The working time left on the stopped clock while the file is with
        the applicant for correction; ``None`` otherwise."""
    @property
    def corrections(self) -> int:
        """The number of correction rounds."""
    @property
    def tier(self) -> Optional[str]:
        """The severity tier (complaints), once the classifying step set it."""
    @property
    def case_due(self) -> Optional[datetime.datetime]:
        """The case-level deadline the tier sets, or ``None``."""
    def sees_applicant(self, actor: Actor, procedure: Procedure) -> bool:
        """Whether ``actor`` may see who the applicant is: the applicant
        themselves, or an actor holding a role of a lane that sees the
        applicant (``LaneDef["sees_applicant"]``, default true)."""
    def view_for(self, actor: Actor, procedure: Procedure) -> Case:
        """The case as ``actor`` may see it: the applicant replaced by
        ``"[dirahasiakan]"`` when ``sees_applicant`` says no."""
    def events_for(self, events: Sequence[Event], actor: Actor, procedure: Procedure) -> List[Event]:
        """The log as ``actor`` may see it: when ``sees_applicant`` says no,
        the applicant's events carry ``"[dirahasiakan]"`` as their actor and
        the submission hides the applicant. Raises ``CaseValidationError``
        (``invalid_input``) for an event or actor dict of the wrong shape."""
    def to_dict(self) -> Dict[str, Any]:
        """The full state."""
    def tracking(self, procedure: Procedure) -> Tracking:
        """The public view: no actor ids, applicant, notes, reasons or
        documents."""
    def __eq__(self, value: object, /) -> bool: ...
    __hash__: None  # type: ignore[assignment]

def sample_catalogue() -> Catalogue:
    """The sample requirements catalogue: three service types on the East
    Java permit procedure (**sample data**; an office replaces it with its
    own)."""
