"""Evaluation (seed §9–11): the community satisfaction index (IKM) of
PermenPANRB No. 14 Tahun 2017 — the survey with its nine elements, response
validation (the kiosk form runs the same check in the browser), the index
with the exact weight 1/9 and with the printed 0,111, per-group indices,
mergeable tallies (also from a numpy array of answers), and Krejcie–Morgan
sample sizes::

    >>> import ptsp
    >>> answers = dict(persyaratan=4, prosedur=3, waktu=3, biaya=4, produk=3,
    ...                kompetensi=4, perilaku=4, pengaduan=3, sarana=3)
    >>> r = ptsp.evaluation.ikm([{"date": "2026-11-30", "answers": answers}])
    >>> r.exact.converted, r.category.quality, r.weakest[:2]
    ('86.11', 'B', ['prosedur', 'waktu'])
    >>> r.with_printed_weight.converted
    '86.03'
    >>> ptsp.evaluation.sample_size(1000)
    278

SLA compliance reports (seed §11, internal evaluation) are exact and
mergeable dicts: ``compliance`` over ``ptsp.Case`` objects, ``compliance_logs``
over stored event logs (parsed, replayed, evaluated and aggregated in Rust),
``merge_reports`` to combine parts, ``report_columns`` for numpy columns,
``report_csv`` and ``report_markdown`` to publish.

Results are views (``dict`` subclasses in the core's JSON shape with typed
attributes); bad responses raise ``EvaluationValidationError`` listing every
problem of every response.
"""

from ._ptsp import evaluation as _native

survey = _native.survey
validate_response = _native.validate_response
ikm = _native.ikm
ikm_by = _native.ikm_by
tally = _native.tally
tally_rows = _native.tally_rows
merge_tallies = _native.merge_tallies
ikm_of_tally = _native.ikm_of_tally
sample_size = _native.sample_size
compliance = _native.compliance
compliance_logs = _native.compliance_logs
merge_reports = _native.merge_reports
report_csv = _native.report_csv
report_markdown = _native.report_markdown
report_columns = _native.report_columns

__all__ = [
    "compliance",
    "compliance_logs",
    "ikm",
    "ikm_by",
    "ikm_of_tally",
    "merge_reports",
    "merge_tallies",
    "report_columns",
    "report_csv",
    "report_markdown",
    "sample_size",
    "survey",
    "tally",
    "tally_rows",
    "validate_response",
]
