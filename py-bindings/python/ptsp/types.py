"""Types of the JSON-shaped values ptsp takes and gives, for annotations.

Dicts returned by ``Calendar.definition``, ``Calendar.holidays()``,
``Explanation.days``, ``to_dict()``, ``layer_from_ical()``,
``Procedure.definition``, the case engine (events, tracking), ``ptsp.sla``,
``ptsp.form``, ``ptsp.routing`` and ``ptsp.helpdesk`` have the core's JSON
shape: dates and instants are ISO 8601 strings (instants
RFC 3339 with their offset), enums snake_case strings, durations working
seconds, the same in Rust, Python and JavaScript. These ``TypedDict`` classes
and aliases describe them; they are plain dicts at run time.

Dicts *given* to ptsp (definitions, requests, events, submitted documents)
have the same shape; where an instant or a date is expected, an aware
``datetime.datetime`` or a ``datetime.date`` is accepted in place of the
string.
"""

import datetime
from typing import Any, Dict, List, Literal, Optional, Sequence, Tuple, TypedDict, Union

import numpy as np
import numpy.typing as npt

__all__ = [
    "Actor",
    "AssignCommand",
    "Assigned",
    "Assignment",
    "AttachmentMeta",
    "CalendarDefinition",
    "CaseClock",
    "CaseDict",
    "CaseStatus",
    "Catalogue",
    "CharRange",
    "ClockStatus",
    "Command",
    "CompleteStepCommand",
    "CorrectionClock",
    "CorrectionReason",
    "CountsLike",
    "DatesLike",
    "DeadlineDict",
    "DeadlinePolicy",
    "DeemedApproval",
    "DeemedApprovalDue",
    "DocumentRequirement",
    "DueEvent",
    "EndKind",
    "Ended",
    "Event",
    "ExplainedDay",
    "ExplanationDict",
    "FallbackReason",
    "FormLimits",
    "HolidayInfo",
    "HolidayKind",
    "HolidayLayerDict",
    "Instant",
    "KeywordReason",
    "KindRules",
    "Label",
    "LaneClock",
    "LaneDef",
    "LaneKind",
    "Lang",
    "NikInfo",
    "OutcomeDef",
    "OutputKind",
    "PauseInfo",
    "Preview",
    "PreviewStep",
    "Problem",
    "ProcedureDefinition",
    "Province",
    "Reason",
    "RegencyKind",
    "RejectCommand",
    "Rejected",
    "Request",
    "ResubmitCommand",
    "Resubmitted",
    "ReturnForCorrectionCommand",
    "ReturnedForCorrection",
    "RoleDef",
    "RoutingField",
    "RoutingInput",
    "RoutingRule",
    "RuleSet",
    "ServiceType",
    "Sex",
    "SlaDef",
    "SlaReport",
    "SlaUnit",
    "Source",
    "StaffLoad",
    "StepClock",
    "StepCompleted",
    "StepDef",
    "StepExplanation",
    "StepKind",
    "StepVisit",
    "SubmitCommand",
    "Submitted",
    "SubmittedDocument",
    "Suggestion",
    "TicketFigures",
    "TicketKind",
    "Tier",
    "Tracking",
    "TrackingEntry",
    "Unit",
    "UnitKind",
    "UnitSummary",
    "ValidForm",
    "ValueReason",
    "WebForm",
    "WithdrawCommand",
    "Withdrawn",
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


Instant = Union[str, datetime.datetime]
"""An instant in a dict given to ptsp: an RFC 3339 string such as
``"2026-12-22T09:15:00+07:00"`` or an aware ``datetime.datetime``. Dicts
returned by ptsp always hold the string."""


class Problem(TypedDict):
    """One problem found by a validation (a definition, documents, input):
    where, a stable code, and the message in English (``message``) and Bahasa
    Indonesia (``message_id``). The same shape as ``PtspError.errors()``."""

    path: str
    code: str
    message: str
    message_id: str


# ---- procedures -----------------------------------------------------------


class Label(TypedDict):
    """A name in both languages of the standard: ``id`` (Bahasa Indonesia)
    and ``en`` (English)."""

    id: str
    en: str


LaneKind = Literal["applicant", "office", "routed_unit"]
"""Who works a lane: the applicant (*pemohon*), the office, or a unit the case
is routed to (a technical agency, *OPD teknis*, or a division, *bidang*)."""

StepKind = Literal["task", "decision", "end"]
"""A step with one outcome, a choice between outcomes, or an end."""

EndKind = Literal["approved", "rejected", "withdrawn", "completed", "forwarded", "archived", "lapsed"]
"""How a case ended: approved, rejected, withdrawn, completed (e.g. an answer
delivered), forwarded to another agency, archived without further action,
lapsed (not resubmitted within the correction window)."""

SlaUnit = Literal["working_days", "working_hours"]
"""The unit of a step's SLA."""

OutputKind = Literal["berita_acara", "rekomendasi", "izin", "non_izin", "answer"]
"""What a step produces: an official report (*berita acara*), a
recommendation, a permit (*izin*), a non-permit document, an answer."""

CorrectionClock = Literal["pause_resume", "restart"]
"""The SLA clock while the file is back with the applicant: stop and continue
with the time left, or stop and start again from zero."""

TierAnchor = Literal["tier_step", "submission"]
"""What a tier deadline counts from: the step that sets the tier (the
complaint's verification), or the submission."""


class TextLimits(TypedDict, total=False):
    """Limits on what a request may carry: characters of a ``note``, a
    ``reason`` and an ``id``; ``items`` of a list (defaults 20000, 2000, 128,
    100)."""

    note: int
    reason: int
    id: int
    items: int


class RoleDef(TypedDict):
    """A role actors may hold."""

    id: str
    name: Label


class _LaneDef(TypedDict):
    id: str
    name: Label
    kind: LaneKind
    roles: List[str]


class LaneDef(_LaneDef, total=False):
    """A lane of the flow and the roles that work it; ``sees_applicant``
    (default true) whether its actors may see who the applicant is."""

    sees_applicant: bool


class _OutcomeDef(TypedDict):
    id: str
    name: Label
    next: str


class OutcomeDef(_OutcomeDef, total=False):
    """An outcome of a step and the step it leads to; ``declines`` when the
    routed unit says the matter is not theirs (it loses the assignment)."""

    declines: bool


class _SlaDef(TypedDict):
    amount: int
    unit: SlaUnit


class SlaDef(_SlaDef, total=False):
    """A step's service level: at most ``amount`` working days or hours;
    ``warn_at`` the warning thresholds in percent (default ``[50, 75]``)."""

    warn_at: List[int]


class Tier(TypedDict):
    """A severity tier and the case-level deadline it sets, counted from the
    completion of the step that sets it."""

    id: str
    name: Label
    sla: SlaDef


class _StepDef(TypedDict):
    id: str
    name: Label
    lane: str
    kind: StepKind


class StepDef(_StepDef, total=False):
    """A step: its lane, kind, outcomes, optional SLA, whether it may return
    the file for correction or reject, whether completing it sets the case's
    tier, outputs, per-step roles narrowing the lane's, and for an end step
    how the case ends."""

    roles: List[str]
    outcomes: List[OutcomeDef]
    sla: SlaDef
    correction: bool
    can_reject: bool
    sets_tier: bool
    outputs: List[OutputKind]
    end: EndKind
    on_lapse: str


class _DocumentRequirement(TypedDict):
    code: str
    name: Label


class DocumentRequirement(_DocumentRequirement, total=False):
    """A required document (*persyaratan*): ``formats`` lower-case
    extensions (empty: any), ``max_bytes`` the size limit."""

    mandatory: bool
    formats: List[str]
    max_bytes: Optional[int]


class DeemedApproval(TypedDict):
    """Opt-in deemed approval (*fiktif positif*): the steps whose lapse means
    deemed approval and the legal basis. Never applied by ptsp."""

    steps: List[str]
    basis: str


class _ProcedureDefinition(TypedDict):
    id: str
    version: int
    name: Label
    roles: List[RoleDef]
    lanes: List[LaneDef]
    start: str
    steps: List[StepDef]


class ProcedureDefinition(_ProcedureDefinition, total=False):
    """A procedure definition (``Procedure.definition``,
    ``Procedure.from_definition``)."""

    assigner_roles: List[str]
    documents: List[DocumentRequirement]
    correction_clock: CorrectionClock
    deadline_policy: DeadlinePolicy
    deemed_approval: DeemedApproval
    tiers: List[Tier]
    tier_anchor: TierAnchor
    reopen_clock: CorrectionClock
    correction_window: SlaDef
    separation_of_duties: bool
    limits: TextLimits
    note: str


# ---- cases: requests --------------------------------------------------------


class SubmittedDocument(TypedDict):
    """A document as submitted: its requirement code, file format
    (extension) and size in bytes."""

    code: str
    format: str
    bytes: int


class _Actor(TypedDict):
    id: str


class Actor(_Actor, total=False):
    """Who performs a command: an id, the roles held, the unit (division or
    agency) the actor belongs to."""

    roles: List[str]
    unit: str


class CorrectionReason(TypedDict):
    """Why one document goes back to the applicant."""

    document: str
    reason: str


class SubmitCommand(TypedDict):
    """File the application (performs the start step)."""

    type: Literal["submit"]
    case_id: str
    documents: List[SubmittedDocument]


class _CompleteStepCommand(TypedDict):
    type: Literal["complete_step"]
    step: str


class _OutputRecord(TypedDict):
    kind: OutputKind
    number: str
    date: str


class OutputRecord(_OutputRecord, total=False):
    """A document a step produced: kind, official number, date (ISO 8601,
    not after the day recorded) and a file reference."""

    file: str


class CompleteStepCommand(_CompleteStepCommand, total=False):
    """Finish the current step with one of its outcomes (``outcome`` may be
    left out on a step with exactly one; on a step with several that is
    refused with code ``outcome_required``); ``tier`` on (and only on) a step
    that sets the case's tier; ``outputs`` the documents the step produced
    (required on a step that declares documents)."""

    outcome: str
    note: str
    tier: str
    outputs: List[OutputRecord]


class ReturnForCorrectionCommand(TypedDict):
    """Send the file back to the applicant for correction."""

    type: Literal["return_for_correction"]
    step: str
    reasons: List[CorrectionReason]


class ResubmitCommand(TypedDict):
    """The applicant sends the full, corrected set of documents."""

    type: Literal["resubmit"]
    documents: List[SubmittedDocument]


class RejectCommand(TypedDict):
    """Refuse the application at the current step."""

    type: Literal["reject"]
    step: str
    reason: str


class _WithdrawCommand(TypedDict):
    type: Literal["withdraw"]


class WithdrawCommand(_WithdrawCommand, total=False):
    """The applicant withdraws."""

    reason: str


class _AssignCommand(TypedDict):
    type: Literal["assign"]
    lane: str


class AssignCommand(_AssignCommand, total=False):
    """Assign (or reassign) a lane's work: a routed lane to a unit, an
    office lane's current (or only) step to a staff member; ``reason``
    overrides a unit's earlier decline."""

    unit: str
    staff: str
    reason: str


class LapseCommand(TypedDict):
    """Act on a lapsed window (``DueEvent`` ``lapse`` or
    ``correction_lapsed``)."""

    type: Literal["lapse"]
    step: str


Command = Union[
    SubmitCommand,
    CompleteStepCommand,
    ReturnForCorrectionCommand,
    ResubmitCommand,
    RejectCommand,
    WithdrawCommand,
    AssignCommand,
    LapseCommand,
]
"""What an actor asks a case to do, tagged by ``type``."""


class Request(TypedDict):
    """A command with its actor and instant (``Case.decide``,
    ``Case.execute``)."""

    actor: Actor
    at: Instant
    command: Command


# ---- cases: events and state -----------------------------------------------


class _EventMeta(TypedDict, total=False):
    actor_role: str
    actor_unit: str


class CaseClockChange(TypedDict, total=False):
    """A change of the case-level (tier) clock, tagged by ``change``:
    ``started`` (``from``), ``paused`` (``remaining_seconds``), ``resumed``
    or ``restarted`` (``due``)."""

    change: Literal["started", "paused", "resumed", "restarted"]
    remaining_seconds: int
    due: str


class Submitted(_EventMeta):
    """The application was filed; the case entered ``entered`` (due
    ``due``)."""

    at: str
    case: str
    actor: str
    type: Literal["submitted"]
    case_id: str
    procedure: str
    version: int
    applicant: str
    documents: List[SubmittedDocument]
    entered: str
    due: Optional[str]


class _StepCompleted(_EventMeta):
    at: str
    case: str
    actor: str
    type: Literal["step_completed"]
    step: str
    outcome: str
    entered: str
    due: Optional[str]


class StepCompleted(_StepCompleted, total=False):
    """A step finished with an outcome; ``ended`` when ``entered`` is an end
    step; ``tier`` and the case-level deadline ``case_due`` it sets; ``unit``
    the unit that completed a step of a routed lane."""

    note: str
    ended: EndKind
    tier: str
    case_due: str
    unit: str
    outputs: List[OutputRecord]
    declined: str
    by_lapse: bool
    case_clock: CaseClockChange


class _ReturnedForCorrection(_EventMeta):
    at: str
    case: str
    actor: str
    type: Literal["returned_for_correction"]
    step: str
    reasons: List[CorrectionReason]
    remaining_seconds: int


class ReturnedForCorrection(_ReturnedForCorrection, total=False):
    """The file went back to the applicant; ``remaining_seconds`` is the
    working time that was left on the step's clock; ``window_due`` the end of
    the correction window."""

    window_due: str
    case_clock: CaseClockChange


class _Resubmitted(_EventMeta):
    at: str
    case: str
    actor: str
    type: Literal["resubmitted"]
    step: str
    documents: List[SubmittedDocument]
    due: Optional[str]


class Resubmitted(_Resubmitted, total=False):
    """Corrected documents came back; the step's new deadline."""

    case_clock: CaseClockChange


class Rejected(_EventMeta):
    """Refused at a step."""

    at: str
    case: str
    actor: str
    type: Literal["rejected"]
    step: str
    reason: str


class Withdrawn(_EventMeta):
    """Withdrawn by the applicant."""

    at: str
    case: str
    actor: str
    type: Literal["withdrawn"]
    reason: Optional[str]


class _Assigned(_EventMeta):
    at: str
    case: str
    actor: str
    type: Literal["assigned"]
    lane: str
    unit: Optional[str]
    staff: Optional[str]


class Assigned(_Assigned, total=False):
    """A lane's work was (re)assigned; ``step`` the step a staff member is
    bound to, ``reason`` why a declining unit is assigned again."""

    step: str
    reason: str


class CorrectionLapsed(_EventMeta):
    """The correction window passed: the case ended as lapsed."""

    at: str
    case: str
    actor: str
    type: Literal["correction_lapsed"]
    step: str


Event = Union[
    Submitted, StepCompleted, ReturnedForCorrection, Resubmitted, Rejected, Withdrawn, Assigned, CorrectionLapsed
]
"""Something that happened to a case, tagged by ``type``; a case's log is a
list of these (``Case.replay``)."""


class Ended(TypedDict):
    """The status of an ended case: ``{"ended": "approved"}`` …"""

    ended: EndKind


CaseStatus = Union[Literal["new", "active", "awaiting_correction"], Ended]
"""Where a case stands."""


class _Assignment(TypedDict):
    unit: Optional[str]
    staff: Optional[str]


class Assignment(_Assignment, total=False):
    """Who a lane's work is assigned to: a unit for the case, a staff member
    for one visit of ``step``."""

    step: str


class _StepVisit(TypedDict):
    step: str
    started: str
    due: Optional[str]
    first_due: Optional[str]
    pauses: List[List[Optional[str]]]
    ended: Optional[str]
    outcome: Optional[str]


class StepVisit(_StepVisit, total=False):
    """One visit of a step: entered, deadline in force and as first
    computed, correction pauses ``[returned, resubmitted or None]``, end and
    outcome (an outcome id, ``"rejected"`` or ``"withdrawn"``), and for a
    step of a routed lane the unit that completed it, and the documents it
    produced."""

    unit: str
    outputs: List[OutputRecord]


class _CaseClockState(TypedDict, total=False):
    window_due: str
    declined: Dict[str, List[str]]
    case_started: str
    case_pauses: List[List[Optional[str]]]


class CaseDict(_CaseClockState):
    """``Case.to_dict()``: the full state of a case."""

    id: str
    procedure: str
    version: int
    applicant: str
    status: CaseStatus
    current: Optional[str]
    documents: List[SubmittedDocument]
    assignments: Dict[str, Assignment]
    visits: List[StepVisit]
    corrections: int
    tier: Optional[str]
    case_due: Optional[str]
    remaining_at_pause: int
    case_remaining_at_pause: int
    events: int
    last_at: Optional[str]


class _TrackingEntry(TypedDict):
    at: str
    what: Literal[
        "step_entered", "step_completed", "returned_for_correction", "resubmitted", "rejected", "withdrawn", "lapsed"
    ]


class TrackingEntry(_TrackingEntry, total=False):
    """One line of a case's public history."""

    step: str
    outcome: str


class _Tracking(TypedDict):
    case_id: str
    procedure: Label
    status: CaseStatus
    history: List[TrackingEntry]


class Tracking(_Tracking, total=False):
    """``Case.tracking()``: the public view of a case (no actor ids,
    applicant, notes, reasons or documents). ``current_step`` is
    ``[step id, name]``."""

    current_step: Tuple[str, Label]
    due: str
    paused_remaining_seconds: int
    permit_number: str


# ---- SLA clocks -------------------------------------------------------------

ClockStatus = Literal[
    "running", "at_risk", "breached", "paused", "met_on_time", "met_late", "untimed", "done", "lapsed"
]
"""The state of one SLA clock."""


class StepClock(TypedDict):
    """The clock of one step visit (working seconds; ``remaining_seconds``
    negative when breached, ``None`` for finished or untimed steps;
    ``threshold`` the highest warning threshold passed, in percent)."""

    step: str
    lane: str
    visit: int
    started: str
    due: Optional[str]
    ended: Optional[str]
    elapsed_seconds: int
    paused_seconds: int
    remaining_seconds: Optional[int]
    status: ClockStatus
    threshold: Optional[int]


class LaneClock(TypedDict):
    """Working time per lane; ``breached`` counts visits breached or met
    late."""

    lane: str
    elapsed_seconds: int
    visits: int
    breached: int


class _CaseClockExtra(TypedDict, total=False):
    due_threshold: int
    due_remaining_seconds: int


class CaseClock(_CaseClockExtra):
    """The whole case's clock; ``due_status`` against the tier deadline is
    ``paused`` while the case is with the applicant."""

    status: CaseStatus
    started: Optional[str]
    ended: Optional[str]
    elapsed_seconds: int
    correction_seconds: int
    breached: int
    status_worst: Optional[ClockStatus]
    corrections: int
    due: Optional[str]
    due_status: Optional[ClockStatus]


class DeemedApprovalDue(TypedDict):
    """The deadline of a deemed-approval step passed undecided (*fiktif
    positif*); for the backend to act on, never applied by ptsp."""

    type: Literal["deemed_approval"]
    step: str
    due: str
    basis: str


class LapseDue(TypedDict):
    """The applicant's window on a step passed: ``Command`` ``lapse`` takes
    ``outcome`` (a complaint's answer accepted by silence)."""

    type: Literal["lapse"]
    step: str
    due: str
    outcome: str


class CorrectionLapsedDue(TypedDict):
    """The correction window passed without a resubmission."""

    type: Literal["correction_lapsed"]
    step: str
    due: str


DueEvent = Union[DeemedApprovalDue, LapseDue, CorrectionLapsedDue]
"""Something due that the backend may act on, tagged by ``type``."""


class SlaReport(TypedDict):
    """``ptsp.sla.evaluate()``: every clock of a case at ``at``."""

    case_id: str
    at: str
    steps: List[StepClock]
    lanes: List[LaneClock]
    case: CaseClock
    due_events: List[DueEvent]


class PauseInfo(TypedDict):
    """One correction pause of a step."""

    returned: str
    resubmitted: Optional[str]


class StepExplanation(TypedDict):
    """``ptsp.sla.explain()``: why a step visit is due when it is."""

    step: str
    name: Label
    first_due: Optional[str]
    due: Optional[str]
    explanation: Optional[ExplanationDict]
    pauses: List[PauseInfo]


class PreviewStep(TypedDict):
    """One step of a completion preview (``due`` None: no SLA, counted as
    taking no time)."""

    step: str
    name: Label
    lane: str
    entered: str
    due: Optional[str]


class Preview(TypedDict):
    """``ptsp.sla.preview()``: the latest completion along the main path;
    a lower bound where ``untimed`` lists steps."""

    steps: List[PreviewStep]
    completion: str
    untimed: List[str]


# ---- catalogue ----------------------------------------------------------------


class _ServiceType(TypedDict):
    id: str
    name: Label
    procedure: str
    documents: List[DocumentRequirement]


class ServiceType(_ServiceType, total=False):
    """One service type of a requirements catalogue: the procedure id it
    runs on, the technical agency (unit) that recommends, and its documents
    (``Procedure.for_service``)."""

    agency: str


class Catalogue(TypedDict):
    """A requirements catalogue (``ptsp.sample_catalogue()``)."""

    note: str
    services: List[ServiceType]


# ---- web form (ptsp.form) -------------------------------------------------------

TicketKind = Literal["konsultasi", "pengaduan", "saran"]
"""What the applicant files: a consultation (a question), a complaint, or a
suggestion (*saran*). The English ``"consultation"``, ``"complaint"`` and
``"suggestion"``, and ``"masukan"`` (input) for a suggestion, are accepted in a
form given to ``ptsp.form.validate``; results always hold the Indonesian name,
which is also the ticket's routing category."""

Sex = Literal["male", "female"]
"""Sex as encoded in a NIK (women's birth day is written plus 40)."""

RegencyKind = Literal["regency", "city"]
"""Whether digits 3–4 of a NIK name a regency (*kabupaten*, 01–69) or a city
(*kota*, 71–99)."""


class AttachmentMeta(TypedDict, total=False):
    """Metadata of one attached file (the upload itself is the transport's
    business): name, format (a file extension) and size in bytes. Every key
    is present in results."""

    file_name: str
    format: str
    bytes: int


class WebForm(TypedDict, total=False):
    """A consultation, complaint or suggestion web form as submitted
    (``ptsp.form.validate``). Every key is optional: a missing ``kind``,
    ``name``, ``subject`` or ``text`` is a ``required`` problem, not a shape
    error; blank optional fields count as absent."""

    kind: Optional[Union[TicketKind, Literal["consultation", "complaint", "suggestion", "masukan"]]]
    name: str
    nik: Optional[str]
    email: Optional[str]
    phone: Optional[str]
    subject: str
    text: str
    attachments: List[AttachmentMeta]
    service: Optional[str]
    category: Optional[str]


class CharRange(TypedDict):
    """An inclusive range of lengths in characters (Unicode scalar values)."""

    min: int
    max: int


class KindRules(TypedDict, total=False):
    """Which fields one kind of ticket requires."""

    nik_required: bool
    email_required: bool
    phone_required: bool
    service_required: bool


class FormLimits(TypedDict, total=False):
    """The office's settings for the web form (``ptsp.form.default_limits()``;
    every key present there, every key optional in ``limits``): lengths,
    attachments (count, formats, sizes), whether a contact is required, and
    the required fields per kind."""

    name: CharRange
    subject: CharRange
    text: CharRange
    label_max: int
    file_name_max: int
    max_attachments: int
    formats: List[str]
    max_file_bytes: int
    max_total_bytes: int
    require_contact: bool
    consultation: KindRules
    complaint: KindRules
    suggestion: KindRules


class NikInfo(TypedDict):
    """A checked and decoded NIK (*Nomor Induk Kependudukan*)
    (``ptsp.form.parse_nik``, ``ValidForm["nik"]``); ``birth_date`` ISO."""

    nik: str
    province_code: str
    province: str
    regency_code: str
    regency_kind: RegencyKind
    district_code: str
    birth_date: str
    sex: Sex
    serial: str


class ValidForm(TypedDict):
    """A validated form, normalised (``ptsp.form.validate``): text trimmed,
    the phone in E.164 (``+62…``), the email's domain lower-cased, the NIK
    decoded, attachment formats lower-case; blank optional fields ``None``."""

    kind: TicketKind
    name: str
    nik: Optional[NikInfo]
    email: Optional[str]
    phone: Optional[str]
    subject: str
    text: str
    attachments: List[AttachmentMeta]
    service: Optional[str]
    category: Optional[str]


class Province(TypedDict):
    """A Kemendagri province code with its name and the instrument that set
    it (``ptsp.form.provinces()``)."""

    code: str
    name: str
    source: str


# ---- routing (ptsp.routing) -----------------------------------------------------

UnitKind = Literal["bidang", "opd", "head_of_complaints"]
"""A division of the office (*Bidang*), a technical agency (*OPD teknis*), or
the head of the complaints division (*Kepala Bidang Pengaduan*), who
distributes what no rule routes."""

RoutingField = Literal["subject", "text"]
"""The free-text field of a ticket a keyword was found in."""


class Unit(TypedDict):
    """A division or agency that answers tickets."""

    id: str
    name: Label
    kind: UnitKind


class _RoutingRule(TypedDict):
    id: str
    target: str


class RoutingRule(_RoutingRule, total=False):
    """A routing rule: criteria (service, sector, category that must equal
    the ticket's; keywords any of which must occur in its subject or text)
    and the unit the ticket goes to; higher ``priority`` ranks first."""

    priority: int
    service: str
    sector: str
    category: str
    keywords: List[str]
    note: str


class _RuleSet(TypedDict):
    units: List[Unit]
    rules: List[RoutingRule]
    fallback: str


class RuleSet(_RuleSet, total=False):
    """A routing rule set (``Router.rule_set``, ``Router.from_rule_set``)."""

    note: str


class RoutingInput(TypedDict, total=False):
    """The part of a ticket routing looks at; missing or empty: not given."""

    service: str
    sector: str
    category: str
    subject: str
    text: str


class _ReasonText(TypedDict):
    text: Label


class ValueReason(_ReasonText):
    """The rule's ``service``, ``sector`` or ``category`` criterion matched
    ``value``."""

    kind: Literal["service", "sector", "category"]
    value: str


class _KeywordReason(_ReasonText):
    kind: Literal["keyword"]
    keyword: str
    normalized: str
    field: RoutingField
    start: int
    end: int


class KeywordReason(_KeywordReason, total=False):
    """One of the rule's keywords was found (its first occurrence):
    ``normalized`` the stems it matched, ``start`` and ``end`` Python string
    indices in ``field`` (``input[field][start:end] == excerpt``; the core's
    JSON has UTF-8 byte offsets there), ``excerpt`` the text matched."""

    excerpt: str


class FallbackReason(_ReasonText):
    """No rule matched (``no_match``), or every unit that matched declined
    (``all_rejected``): the head of complaints distributes the ticket."""

    kind: Literal["no_match", "all_rejected"]


Reason = Union[ValueReason, KeywordReason, FallbackReason]
"""Why a unit was suggested, tagged by ``kind``; ``message`` and
``text`` is the sentence in Bahasa Indonesia (``id``) and English (``en``)."""


class Suggestion(TypedDict):
    """One ranked suggestion (``Router.suggest``): the unit, the rule that
    put it there (``None`` for the fallback), the rule's priority, its score
    (criteria plus keywords found) and the reasons."""

    unit: str
    rule: Optional[str]
    priority: int
    score: int
    reasons: List[Reason]


class _StaffLoad(TypedDict):
    id: str
    unit: str
    open_tickets: int


class StaffLoad(_StaffLoad, total=False):
    """A staff member's current load (``ptsp.routing.pick_staff``);
    ``active`` defaults to true."""

    active: bool
    competences: List[str]


# ---- desk figures (ptsp.helpdesk) -----------------------------------------------


class TicketFigures(TypedDict):
    """``ptsp.helpdesk.figures()``: one ticket at an instant. Durations in
    working seconds; ``due`` and ``due_status`` are the tier's deadline."""

    case_id: str
    status: CaseStatus
    submitted: Optional[str]
    first_response_seconds: Optional[int]
    first_response_gross_seconds: Optional[int]
    resolution_seconds: Optional[int]
    resolution_gross_seconds: Optional[int]
    validation_loops: int
    redistributions: int
    reopened: int
    corrections: int
    outcome_counts: Dict[str, int]
    lane_seconds: Dict[str, int]
    unit: Optional[str]
    tier: Optional[str]
    due: Optional[str]
    due_status: Optional[ClockStatus]


class UnitSummary(TypedDict):
    """``ptsp.helpdesk.unit_summaries()``: one unit's work over many
    tickets."""

    unit: str
    tickets: int
    answered: int
    not_ours: int
    sent_back: int
    working_seconds: int
    mean_seconds_per_visit: Optional[int]
