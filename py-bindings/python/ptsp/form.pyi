"""Type stubs of ``ptsp.form`` (the native submodule ``ptsp._ptsp.form``)."""

import datetime
from typing import List, Optional

from .types import FormLimits, NikInfo, Province, ValidForm, WebForm

__all__ = [
    "default_limits",
    "normalize_email",
    "normalize_phone",
    "parse_nik",
    "province_name",
    "provinces",
    "validate",
]

def validate(form: WebForm, limits: Optional[FormLimits] = None, *, today: datetime.date) -> ValidForm:
    """Validates a web form against the office's settings (``None``: the
    defaults; missing keys take their defaults) with ``today`` resolving the
    century of a NIK's birth year. Returns the normalised form. Raises
    ``FormError``: ``invalid_form`` listing every problem in ``errors()``
    (in the order kind, name, nik, email, phone, contact, subject, text,
    service, category, attachments), ``invalid_limits`` for inconsistent
    settings, ``invalid_json`` for a dict of the wrong shape,
    ``invalid_text`` for a ``str`` holding a lone surrogate (the one problem
    in ``errors()`` names its path, e.g. ``text``). Messages show the NIK,
    email and phone masked."""

def default_limits() -> FormLimits:
    """The default settings: name 2–100 characters, subject 5–150, text
    20–5000, service and category 100, file names 255, at most 5
    attachments of pdf/jpg/jpeg/png up to 5 MiB each and 10 MiB in all, a
    contact (email or phone) required for every kind, the NIK required for a
    complaint (not for a consultation or a suggestion)."""

def parse_nik(text: str, today: datetime.date) -> NikInfo:
    """Checks and decodes a NIK (spaces, dots, hyphens ignored). Raises
    ``FormError`` (``invalid_form``) with every problem at path ``nik``:
    ``invalid_nik_length``, ``invalid_nik_digits``, ``invalid_nik_region``,
    ``invalid_nik_birth_date``, ``invalid_nik_serial``. The two-digit year
    is read in the most recent century that does not put the birth date
    after ``today``."""

def normalize_phone(text: str) -> str:
    """An Indonesian phone number in E.164 (``+62…``). Raises ``FormError``
    (``invalid_form``, problem ``invalid_phone``, the number masked in the
    message; ``invalid_text`` for a lone surrogate)."""

def normalize_email(text: str) -> str:
    """An email address with its domain lower-cased. Raises ``FormError``
    (``invalid_form``, problem ``invalid_email``, the address masked in the
    message; ``invalid_text`` for a lone surrogate)."""

def provinces() -> List[Province]:
    """All 38 Kemendagri province codes, in code order."""

def province_name(code: str) -> Optional[str]:
    """The name of the province with this two-digit code, or ``None``."""
