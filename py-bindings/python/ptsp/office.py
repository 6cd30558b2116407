"""The office that runs the procedures: seed §4 facilities — the seed's
checklist of 14 rooms and 19 items of office equipment, the audit of an
office's inventory against it (present, inadequate or missing, with reasons
in both languages and a compliance percentage) and the comparison of two
audits; the organisation as data (``check_organisation``), the §5
competence report (``competence_report``), the §8 staffing check
(``staffing``) and §6 supervision (``escalations``, ``worklist``), and
``Office``, which runs the case engine with the organisation: actors from
staff ids, assignments checked for role, presence and competence,
escalations recorded in the case's log and a superior's note or
instruction authorised by the line of command::

    >>> import datetime as dt, ptsp
    >>> inventory = {"office": "dpmptsp-jatim", "as_of": "2026-12-01", "entries": [
    ...     {"item": "server_room", "present": True, "condition": "good"},
    ...     {"item": "cctv", "present": True, "condition": "poor"}]}
    >>> audit = ptsp.office.audit_facilities(inventory)
    >>> audit.present, audit.inadequate, audit.missing, audit.as_of
    (1, 1, 31, datetime.date(2026, 12, 1))
    >>> [l.reasons[0]["en"] for l in audit.lines if l.item == "cctv"]
    ['condition poor']
    >>> len(ptsp.office.facilities_checklist()["items"])
    33

An ``Office`` is built once per organisation version::

    >>> org = {"id": "x", "units": [{"id": "dinas", "name": {"id": "D", "en": "O"}, "kind": "office"}],
    ...        "positions": [{"id": "kadis", "title": {"id": "K", "en": "H"}, "unit": "dinas"}],
    ...        "staff": [{"id": "s-1", "name": "Ani", "status": "pns", "unit": "dinas",
    ...                   "roles": ["verifikator"]}]}
    >>> office = ptsp.office.Office(org)
    >>> office.actor("s-1", dt.date(2026, 12, 22))
    {'id': 's-1', 'roles': ['verifikator'], 'unit': 'dinas'}
    >>> office.pick_staff("verifikator", dt.date(2026, 12, 22))
    's-1'

Results are views (``dict`` subclasses in the core's JSON shape with typed
attributes); bad inventories raise ``OfficeValidationError`` listing every
problem.
"""

from ._ptsp import office as _native

facilities_checklist = _native.facilities_checklist
audit_facilities = _native.audit_facilities
compare_audits = _native.compare_audits
check_organisation = _native.check_organisation
competence_report = _native.competence_report
staffing = _native.staffing
escalations = _native.escalations
worklist = _native.worklist
Office = _native.Office

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
