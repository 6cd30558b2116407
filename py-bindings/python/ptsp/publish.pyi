"""Type stubs of ``ptsp.publish`` (the native submodule ``ptsp._ptsp.publish``)."""

from typing import Literal, Mapping, Optional, Sequence

from ._ptsp import Procedure

__all__ = ["performance", "standard"]

Lang = Literal["id", "en"]
Format = Literal["markdown", "html"]

def standard(
    procedures: Sequence[Procedure], lang: Optional[Lang] = None, format: Optional[Format] = None
) -> str:
    """The published service standard with ``procedures``."""

def performance(
    report: Optional[Mapping[str, object]] = None,
    ikm: Optional[Mapping[str, object]] = None,
    lang: Optional[Lang] = None,
    format: Optional[Format] = None,
) -> str:
    """The public performance page from a compliance report and an IKM result."""
