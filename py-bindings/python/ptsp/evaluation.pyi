"""Type stubs of ``ptsp.evaluation`` (the native submodule ``ptsp._ptsp.evaluation``)."""

from typing import List, Literal, Optional, Sequence

import numpy as np
import numpy.typing as npt

from .types import Problem, Response, SurveyDef, Tally
from .views import GroupResult, IkmResult

__all__ = [
    "ikm",
    "ikm_by",
    "ikm_of_tally",
    "merge_tallies",
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
