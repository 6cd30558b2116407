"""Openness (seed §9–10): the published service standard and the public
performance page, rendered from the library's data as Markdown or a
standalone HTML page, in Bahasa Indonesia or English::

    >>> import ptsp
    >>> md = ptsp.publish.standard([ptsp.Procedure.jatim_permit()], lang="en")
    >>> "At most 3 working days" in md
    True
    >>> ptsp.publish.standard([], format="html").startswith("<!DOCTYPE html>")
    True

``performance(report, ikm)`` takes a compliance report and a satisfaction
index result (as ``ptsp.evaluation`` returns them) and shows the index with
its weakest elements and the on-time percentage per month as a chart.
"""

from ._ptsp import publish as _native

standard = _native.standard
performance = _native.performance

__all__ = ["performance", "standard"]
