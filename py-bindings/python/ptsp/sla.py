"""SLA clocks of cases: ``evaluate`` (one case), ``evaluate_many`` (a
dashboard's batch), ``explain`` (why a step is due when it is) and
``preview`` (the latest completion of an application submitted now).

The functions are those of the core's ``ptsp::sla`` module; every result is a
dict in the core's JSON shape (instants as RFC 3339 strings, durations as
working seconds, statuses as snake_case strings). Instants given as arguments
are aware ``datetime.datetime`` objects::

    >>> import datetime as dt, ptsp
    >>> wib = dt.timezone(dt.timedelta(hours=7))
    >>> p = ptsp.sla.preview(ptsp.Procedure.jatim_permit(), ptsp.Calendar.jatim(),
    ...                      dt.datetime(2026, 12, 22, 9, 15, tzinfo=wib))
    >>> p["completion"], p["untimed"]
    ('2027-01-06T16:00:00+07:00', ['rekomendasi', 'cetak'])

``evaluate_many`` takes a list of ``Case`` objects; to evaluate stored event
logs, replay them first: ``[ptsp.Case.replay(log, procedure) for log in logs]`` (a log
that does not replay raises there, before any evaluation).
"""

from ._ptsp import sla as _native

evaluate = _native.evaluate
evaluate_many = _native.evaluate_many
explain = _native.explain
preview = _native.preview

__all__ = ["evaluate", "evaluate_many", "explain", "preview"]
