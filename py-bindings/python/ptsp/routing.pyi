"""Type stubs of ``ptsp.routing`` (the native submodule ``ptsp._ptsp.routing``)."""

from typing import Any, List, Optional, Sequence, Tuple, final

from .types import Problem, RoutingInput, RuleSet, StaffLoad, Suggestion, Unit

__all__ = ["Router", "normalize", "pick_staff", "stem", "tokenize"]

@final
class Router:
    """A validated, compiled routing rule set: units, rules and the fallback
    unit (the head of complaints). Immutable; safe to share between
    threads."""

    @staticmethod
    def sample() -> Router:
        """The sample rule set for DPMPTSP Jawa Timur (14 units, 30 rules).
        **Sample data**: an office replaces it with its own."""
    @staticmethod
    def from_json(text: str) -> Router:
        """Builds a router from a JSON rule set. Raises ``RoutingError``
        (``invalid_json``, or ``invalid_rule_set`` listing every problem in
        ``errors()``)."""
    @staticmethod
    def from_rule_set(rule_set: RuleSet) -> Router:
        """Builds a router from a rule-set dict; raises as ``from_json``."""
    @staticmethod
    def validate_rule_set(rule_set: RuleSet) -> List[Problem]:
        """Every problem of a rule-set dict (empty when valid): ``empty_id``,
        ``duplicate_id``, ``unknown_unit``, ``empty_criterion``,
        ``empty_keywords``, ``shadowed_rule``, ``unknown_fallback``,
        ``fallback_not_head``, and ``too_many`` / ``too_long`` for values over
        the limits (``ptsp::routing::limits``). Raises only for a dict that
        is not shaped like a rule set (``RoutingError``, ``invalid_json``)."""
    @property
    def rule_set(self) -> RuleSet:
        """The rule set as a dict (a fresh copy)."""
    def to_json(self) -> str:
        """The rule set as pretty JSON text."""
    def unit(self, id: str) -> Optional[Unit]:
        """A unit by id, or ``None``."""
    @property
    def fallback(self) -> Unit:
        """The fallback unit (the head of complaints)."""
    def suggest(self, input: RoutingInput) -> List[Suggestion]:
        """The ranked suggestions for a ticket, never empty: by priority,
        then score, then rule order, one per unit; the fallback unit with
        reason ``no_match`` when no rule matches. Every reason has ``text``
        in both languages; a keyword reason its ``excerpt`` and its span in
        Python string indices. Only the first 1,000 characters of the
        subject and 20,000 of the text are read. Raises ``RoutingError``
        (``invalid_json``) for a dict with an unknown key or a non-string
        value."""
    def redistribute(self, input: RoutingInput, rejected_units: Sequence[str]) -> List[Suggestion]:
        """The suggestions without the units that declined; the head of
        complaints (reason ``all_rejected`` or ``no_match``) when none is
        left. Unknown ids are ignored."""
    def stem(self, word: str) -> str:
        """The stem of a word with this router's lexicon (the built-in one
        extended with its keywords' stems)."""
    def normalize(self, text: str) -> List[str]:
        """Every word of a text, normalised as this router matches it."""
    def __eq__(self, value: object, /) -> bool:
        """Equal rule sets."""
    def __reduce__(self) -> Tuple[Any, Tuple[str]]: ...

def pick_staff(unit: str, staff: Sequence[StaffLoad], required: Optional[Sequence[str]] = None) -> Optional[StaffLoad]:
    """Among the active staff of ``unit`` holding every competence in
    ``required``, the one with the fewest open tickets (ties: the smallest
    id); ``None`` when there is none. Raises ``RoutingError``
    (``invalid_json``) naming the first staff dict of the wrong shape."""

def tokenize(text: str) -> List[str]:
    """Lower case, Latin diacritics removed, split on anything that is not a
    letter or digit."""

def stem(word: str) -> str:
    """The stem of an Indonesian word with the built-in lexicon
    (``perizinan`` → ``izin``)."""

def normalize(text: str) -> List[str]:
    """``tokenize`` then ``stem`` every word."""
