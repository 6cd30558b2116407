"""The consultation, complaint and suggestion web form (*konsultasi* /
*pengaduan* / *saran*): one validator for the backend, the same as the
browser's (through the WASM binding).

``validate`` checks a form dict against the office's settings and returns the
normalised form — or raises ``ptsp.FormError`` listing **every** problem at
once, each with a path, a stable code and a message in English and Bahasa
Indonesia. The library never reads the clock: ``today`` (the reference date
that resolves the century of a NIK's birth year) is a parameter::

    >>> import datetime as dt, ptsp
    >>> today = dt.date(2026, 12, 1)
    >>> valid = ptsp.form.validate({
    ...     "kind": "pengaduan", "name": " Siti Rahayu ", "nik": "3515144508680002",
    ...     "phone": "0812-3456-7890", "email": "Siti@Example.CO.ID",
    ...     "subject": "Izin belum terbit",
    ...     "text": "Berkas saya lengkap sejak Oktober tetapi izin belum terbit.",
    ... }, today=today)
    >>> valid["name"], valid["phone"], valid["email"]
    ('Siti Rahayu', '+6281234567890', 'Siti@example.co.id')
    >>> valid["nik"]["province"], valid["nik"]["birth_date"], valid["nik"]["sex"]
    ('Jawa Timur', '1968-08-05', 'female')
    >>> try:
    ...     ptsp.form.validate({"kind": "pengaduan", "name": "", "subject": "Hi",
    ...                         "text": "short", "nik": "3515143108680000",
    ...                         "phone": "12345"}, today=today)
    ... except ptsp.FormError as e:
    ...     [(p["path"], p["code"]) for p in e.errors()]
    [('name', 'required'), ('nik', 'invalid_nik_serial'), ('phone', 'invalid_phone'), ('subject', 'too_short'), ('text', 'too_short')]

The settings (lengths, attachment formats and sizes, required fields per
kind) are the office's, not the regulation's: ``default_limits()`` returns
them as a dict; pass a changed copy, or only the keys that differ, as
``limits``.
"""

from ._ptsp import form as _native

validate = _native.validate
default_limits = _native.default_limits
parse_nik = _native.parse_nik
normalize_phone = _native.normalize_phone
normalize_email = _native.normalize_email
provinces = _native.provinces
province_name = _native.province_name

__all__ = [
    "default_limits",
    "normalize_email",
    "normalize_phone",
    "parse_nik",
    "province_name",
    "provinces",
    "validate",
]
