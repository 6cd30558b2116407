"""The exception classes of ptsp.

Every error carries a stable snake_case ``code`` (the same in Rust, Python
and JavaScript) and its message in English and Bahasa Indonesia::

    PtspError(ValueError)                 root; .code, .messages
    ├── CalendarError                     errors of the working-day calendar
    │   └── ValidationError               code "invalid_definition"; .errors()
    └── InvalidTypeError(..., TypeError)  code "invalid_type": wrong argument type

``str(error)`` is the English message; ``error.messages["id"]`` the Indonesian
one. The binding raises these; they can also be built by hand (for tests or
to re-raise).
"""

from __future__ import annotations

from typing import Any, Dict, Iterable, List, Mapping, Tuple

__all__ = [
    "PtspError",
    "CalendarError",
    "ValidationError",
    "InvalidTypeError",
]


class PtspError(ValueError):
    """The root of every ptsp error.

    Attributes:
        code: the stable snake_case code, e.g. ``"out_of_coverage"``.
        messages: ``{"en": ..., "id": ...}``, the message in English and in
            Bahasa Indonesia.
    """

    code: str
    messages: Dict[str, str]

    def __init__(
        self,
        code: str,
        messages: Mapping[str, str],
        errors: Iterable[Mapping[str, str]] = (),
    ) -> None:
        self.code = code
        self.messages = dict(messages)
        self._errors: List[Dict[str, str]] = [dict(e) for e in errors]
        super().__init__(self.messages.get("en", code))

    def __reduce__(self) -> Tuple[Any, ...]:
        return (type(self), (self.code, self.messages, self._errors))

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code!r}, message={str(self)!r})"


class CalendarError(PtspError):
    """An error of the working-day calendar (out of coverage, invalid count,
    invalid JSON or iCalendar, batch shape mismatch, ...)."""


class ValidationError(CalendarError):
    """A calendar definition failed validation (code ``invalid_definition``).

    ``errors()`` lists every problem found, not just the first.
    """

    def errors(self) -> List[Dict[str, str]]:
        """Every problem: ``{"path", "code", "message", "message_id"}``
        (``message`` in English, ``message_id`` in Bahasa Indonesia)."""
        return [dict(e) for e in self._errors]


class InvalidTypeError(PtspError, TypeError):
    """An argument of the wrong Python type (code ``invalid_type``); also a
    ``TypeError``."""
