"""Type stubs of ``ptsp.evaluation`` (the native submodule ``ptsp._ptsp.evaluation``)."""

import datetime
from typing import Dict, List, Literal, Mapping, Optional, Sequence, Union

import numpy as np
import numpy.typing as npt

from ._ptsp import Calendar, Case, Procedure
from .types import ComplianceReport, Instant, Problem, Response, SurveyDef, Tally
from .views import GroupResult, IkmResult

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

Method = Literal["exact", "printed_weight"]
GroupBy = Literal["service", "unit", "month", "quarter", "semester", "year"]

def survey() -> SurveyDef:
    """The survey of PermenPANRB No. 14 Tahun 2017: elements, questions,
    options, categories, profile, sample-size method, sources."""

def validate_response(response: Response, require_all: bool = True) -> List[Problem]:
    """Every problem of one response (empty when valid)."""

def ikm(responses: Sequence[Response], method: Optional[Method] = None) -> IkmResult:
    """The index of ``responses`` (``EvaluationValidationError`` with every
    problem of every response)."""

def ikm_by(
    responses: Sequence[Response], by: GroupBy, method: Optional[Method] = None
) -> List[GroupResult]:
    """The index per service, unit, month, quarter, semester or year."""

def tally(responses: Sequence[Response]) -> Tally:
    """Per-element sums and counts of ``responses``, to store or merge."""

def tally_rows(rows: npt.NDArray[np.uint8]) -> Tally:
    """The tally of an ``(n, 9)`` ``uint8`` array of answers (0: not
    answered)."""

def merge_tallies(tallies: Sequence[Tally]) -> Tally:
    """The tally of the union."""

def ikm_of_tally(tally: Tally, method: Optional[Method] = None) -> IkmResult:
    """The index of a tally."""

def sample_size(population: int) -> int:
    """Krejcie and Morgan's sample size for a population."""

Dimension = Literal["procedure", "step", "lane", "unit", "staff", "tier", "month"]
Period = Mapping[str, Union[str, datetime.date]]

def compliance(
    cases: Sequence[Case],
    procedures: Sequence[Procedure],
    calendar: Calendar,
    period: Period,
    now: Instant,
    by: Optional[Sequence[Dimension]] = None,
) -> ComplianceReport:
    """The SLA compliance report over ``cases`` for ``period`` (``{"from":
    date, "to": date}``), open steps judged at ``now``, grouped ``by``."""

def compliance_logs(
    logs: Sequence[Union[str, bytes]],
    procedures: Sequence[Procedure],
    calendar: Calendar,
    period: Period,
    now: Instant,
    by: Optional[Sequence[Dimension]] = None,
    checked: bool = True,
) -> ComplianceReport:
    """The report over stored event logs, one JSON array of events per case."""

def merge_reports(reports: Sequence[ComplianceReport]) -> ComplianceReport:
    """The report over the union of the reports' cases."""

def report_csv(report: ComplianceReport, table: Literal["steps", "cases"] = "steps") -> str:
    """A table of the report as CSV."""

def report_markdown(report: ComplianceReport, lang: Optional[Literal["id", "en"]] = None) -> str:
    """The step table as Markdown."""

def report_columns(report: ComplianceReport) -> Dict[str, np.ndarray]:
    """The step table as numpy columns."""
