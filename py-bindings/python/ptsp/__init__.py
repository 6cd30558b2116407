"""ptsp — an Indonesian public-service standard (Standar Pelayanan), made
executable. Python binding of the ``ptsp`` Rust library.

Working days (*hari kerja*) on the Indonesian holiday calendar — national
holidays and collective leave (*cuti bersama*) with the decree behind each —,
statutory deadlines with a day-by-day explanation, working time within office
hours, numpy-compatible vectorised day arithmetic, procedures as data,
event-sourced cases and their SLA clocks (``ptsp.sla``), and the consultation
and complaint desk: web-form validation (``ptsp.form``), routing to the unit
responsible (``ptsp.routing``) and desk figures (``ptsp.helpdesk``)::

    >>> import datetime as dt, ptsp
    >>> cal = ptsp.Calendar.jatim()
    >>> cal.add_working_days(dt.date(2025, 3, 27), 1)
    datetime.date(2025, 4, 8)
    >>> wib = dt.timezone(dt.timedelta(hours=7))
    >>> cal.deadline(dt.datetime(2026, 12, 23, 14, 20, tzinfo=wib), 3).due_at.isoformat()
    '2026-12-30T16:00:00+07:00'
    >>> permit = ptsp.Procedure.jatim_permit()
    >>> case = ptsp.Case()
    >>> events = case.execute({
    ...     "actor": {"id": "p-1", "roles": ["pemohon"]},
    ...     "at": "2026-12-22T09:15:00+07:00",
    ...     "command": {"type": "submit", "case_id": "IZN-1", "documents": [
    ...         {"code": c, "format": "pdf", "bytes": 10_000}
    ...         for c in ["surat_permohonan", "ktp", "nib", "npwp", "dokumen_teknis"]]},
    ... }, permit, cal)
    >>> case.current, case.due.isoformat()
    ('pemeriksaan', '2026-12-29T16:00:00+07:00')
    >>> report = ptsp.sla.evaluate(case, permit, cal, dt.datetime(2026, 12, 28, 12, tzinfo=wib))
    >>> report.steps[0].status, report.steps[0].due.isoformat()
    ('at_risk', '2026-12-29T16:00:00+07:00')
"""

from . import builtin, evaluation, form, helpdesk, office, publish, routing, sla, types, views
from ._errors import (
    CODES,
    CalendarError,
    CalendarValidationError,
    CaseError,
    CaseValidationError,
    EvaluationError,
    EvaluationValidationError,
    FormError,
    FormValidationError,
    InputError,
    InputValidationError,
    InvalidTypeError,
    OfficeError,
    OfficeValidationError,
    ProcedureError,
    ProcedureValidationError,
    PtspError,
    RoutingError,
    RoutingValidationError,
    UnauthorizedError,
    ValidationError,
)
from ._ptsp import (
    AssumingCalendar,
    Calendar,
    Case,
    Deadline,
    Estimate,
    Explanation,
    Procedure,
    __version__,
    layer_from_ical,
    layer_to_ical,
    sample_catalogue,
)

__all__ = [
    "__version__",
    "AssumingCalendar",
    "builtin",
    "Calendar",
    "CalendarError",
    "CalendarValidationError",
    "Case",
    "CaseError",
    "CaseValidationError",
    "CODES",
    "Deadline",
    "Estimate",
    "evaluation",
    "EvaluationError",
    "EvaluationValidationError",
    "Explanation",
    "form",
    "FormError",
    "FormValidationError",
    "helpdesk",
    "InputError",
    "InputValidationError",
    "InvalidTypeError",
    "layer_from_ical",
    "layer_to_ical",
    "office",
    "OfficeError",
    "OfficeValidationError",
    "Procedure",
    "ProcedureError",
    "ProcedureValidationError",
    "PtspError",
    "publish",
    "routing",
    "RoutingError",
    "RoutingValidationError",
    "sample_catalogue",
    "sla",
    "types",
    "UnauthorizedError",
    "ValidationError",
    "views",
]
