"""The consultation and complaint desk on the case engine: per-ticket
figures (first response, resolution, "Belum Valid" rounds, redistributions,
reopenings, working time per lane, the tier's deadline) and per-unit
summaries.

The flows are the built-in procedures ``Procedure.jatim_consultation()`` and
``Procedure.jatim_complaint()`` run by ``Case``; every result is a dict in the
core's JSON shape (instants as RFC 3339 strings, durations in working
seconds)::

    >>> import datetime as dt, ptsp
    >>> wib = dt.timezone(dt.timedelta(hours=7))
    >>> p, cal = ptsp.Procedure.jatim_consultation(), ptsp.Calendar.jatim()
    >>> case = ptsp.Case()
    >>> _ = case.execute({"actor": {"id": "q-1", "roles": ["penanya"]},
    ...     "at": "2026-12-21T09:00:00+07:00",
    ...     "command": {"type": "submit", "case_id": "KONS-1", "documents": []}}, p, cal)
    >>> _ = case.execute({"actor": {"id": "op-1", "roles": ["operator"]},
    ...     "at": "2026-12-21T09:30:00+07:00",
    ...     "command": {"type": "complete_step", "step": "klasifikasi", "outcome": "tidak"}}, p, cal)
    >>> f = ptsp.helpdesk.figures(case, p, cal, dt.datetime(2026, 12, 21, 12, tzinfo=wib))
    >>> f["first_response_seconds"], f["validation_loops"], f["status"]
    (1800, 0, 'active')
"""

from ._ptsp import helpdesk as _native

figures = _native.figures
unit_summaries = _native.unit_summaries

__all__ = ["figures", "unit_summaries"]
