"""The exception classes of ptsp.

Every error carries a stable snake_case ``code`` (the same in Rust, Python
and JavaScript) and its message in English and Bahasa Indonesia::

    PtspError(ValueError)                 root; .code, .messages, .errors()
    ├── CalendarError                     errors of the working-day calendar
    │   └── ValidationError               code "invalid_definition"
    ├── ProcedureError                    "invalid_procedure", "invalid_json", "invalid_text"
    ├── CaseError                         errors of the case engine
    │   ├── UnauthorizedError             code "unauthorized"
    │   └── CaseInputError                "incomplete_documents", "invalid_input"
    ├── FormError                         "invalid_form", "invalid_limits", "invalid_json", "invalid_text"
    ├── RoutingError                      "invalid_rule_set", "invalid_json", "invalid_text"
    └── InvalidTypeError(..., TypeError)  code "invalid_type": wrong argument type

``invalid_text``: a ``str`` holding a lone surrogate (U+D800–U+DFFF, not a
character, so not UTF-8 — ``json.loads('"\\udcff"')`` gives one) anywhere in
an argument — the argument itself, a value or a key of a dict, an item of a
list. It is raised with the class of the argument (``FormError`` for a form or
a field checked on its own, ``RoutingError`` for a ticket or rule set,
``ProcedureError``, ``CalendarError``; also ``CalendarError`` for a language
or holiday kind), ``errors()`` holding the one problem with its path (``text``,
``attachments[0].file_name``, ``rejected_units[1]``); for a request, event,
actor or document of the case engine it is a problem with code
``invalid_text`` inside ``CaseInputError`` (``invalid_input``), at e.g.
``events[2].command.note``. The value is not quoted; the message names the
surrogate and its position.

``str(error)`` is the English message; ``error.messages["id"]`` the Indonesian
one. ``error.errors()`` lists the problems behind a validation error
(``invalid_definition``, ``invalid_procedure``, ``incomplete_documents``,
``invalid_input``, ``invalid_form``, ``invalid_limits``,
``invalid_rule_set``, ``invalid_text``) and is empty for the other codes.

A calendar error met by a case operation (``out_of_coverage`` or
``no_office_hours`` while computing a deadline) is raised as a
``CalendarError`` with its own code. ``ptsp.sla.evaluate_many`` returns these
exceptions, unraised, in place of the cases that failed.

The binding raises these; they can also be built by hand (for tests or to
re-raise).
"""

from __future__ import annotations

from typing import Any, Dict, Iterable, List, Mapping, Tuple

__all__ = [
    "PtspError",
    "CalendarError",
    "ValidationError",
    "ProcedureError",
    "CaseError",
    "UnauthorizedError",
    "CaseInputError",
    "FormError",
    "RoutingError",
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

    def errors(self) -> List[Dict[str, str]]:
        """Every problem behind the error: ``{"path", "code", "message",
        "message_id"}`` (``message`` in English, ``message_id`` in Bahasa
        Indonesia). Empty unless the error is a validation error."""
        return [dict(e) for e in self._errors]

    def __reduce__(self) -> Tuple[Any, ...]:
        return (type(self), (self.code, self.messages, self._errors))

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code!r}, message={str(self)!r})"


class CalendarError(PtspError):
    """An error of the working-day calendar (out of coverage, invalid count,
    invalid JSON or iCalendar, invalid text, batch shape mismatch, ...)."""


class ValidationError(CalendarError):
    """A calendar definition failed validation (code ``invalid_definition``).

    ``errors()`` lists every problem found, not just the first.
    """


class ProcedureError(PtspError):
    """A procedure definition failed validation (code ``invalid_procedure``;
    ``errors()`` lists every problem found) or could not be read (code
    ``invalid_json``: JSON text or a dict of the wrong shape; code
    ``invalid_text``: a ``str`` in it holding a lone surrogate)."""


class CaseError(PtspError):
    """The case engine refused a request or an event: ``wrong_state``,
    ``wrong_step``, ``unknown_outcome``, ``outcome_required`` (no outcome
    named on a step with several), ``not_allowed``, ``not_routed``,
    ``not_due`` (a lapse recorded before its window passed),
    ``inconsistent_log`` — and the codes of the subclasses. A refused request
    changes nothing."""


class UnauthorizedError(CaseError):
    """The actor may not do this (code ``unauthorized``); the message names
    what was required (a role, being the case's own applicant, membership of
    the unit the lane is routed to, being the assigned staff member)."""


class CaseInputError(CaseError):
    """The input of a request is not acceptable; ``errors()`` lists every
    problem. Codes: ``incomplete_documents`` (documents missing, of the wrong
    format, too large, empty, duplicated or unknown) and ``invalid_input``
    (correction reasons, an assignment, a visit number — or a request, event
    or document dict of the wrong shape, one problem with code
    ``invalid_json`` per bad dict, or holding a ``str`` with a lone
    surrogate, a problem with code ``invalid_text`` at its path)."""


class FormError(PtspError):
    """A consultation, complaint or suggestion web form failed validation
    (code ``invalid_form``; ``errors()`` lists every problem, each with its
    path such as ``nik`` or ``attachments[2].bytes`` and a code such as
    ``invalid_nik_birth_date``; messages show the NIK, email and phone
    masked), the form settings are inconsistent (code ``invalid_limits``), a
    form or limits dict has the wrong shape (code ``invalid_json``: an
    unknown key, a ``kind`` other than ``konsultasi`` / ``pengaduan`` /
    ``saran`` and their aliases, a number where a text is expected), or a
    ``str`` in it holds a lone surrogate (code ``invalid_text``, the problem
    at its path). ``ptsp.form.parse_nik``, ``normalize_phone`` and
    ``normalize_email`` raise it with one field's problems."""


class RoutingError(PtspError):
    """A routing rule set failed validation (code ``invalid_rule_set``;
    ``errors()`` lists every problem: ``unknown_unit``, ``duplicate_id``,
    ``shadowed_rule``, ``fallback_not_head``, ...) or a rule set, ticket or
    staff dict could not be read (code ``invalid_json``; code
    ``invalid_text`` for a ``str`` holding a lone surrogate)."""


class InvalidTypeError(PtspError, TypeError):
    """An argument of the wrong Python type (code ``invalid_type``); also a
    ``TypeError``."""
