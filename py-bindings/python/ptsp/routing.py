"""Routing of consultations and complaints to the division (*Bidang*) or
technical agency (*OPD*) responsible, with the reasons of every suggestion;
staff assignment inside a unit; the Indonesian word normalisation the
matching uses.

A ``Router`` is a validated, compiled rule set (units, rules on service,
sector, category and keywords, and the fallback unit: the head of complaints,
*Kepala Bidang Pengaduan*). ``suggest`` ranks the units for a ticket dict;
every result is a dict in the core's JSON shape, each reason completed with
its sentence in both languages (``text``, ``{"id": ..., "en": ...}``) and, for
a keyword, the ticket text it was found in (``excerpt``)::

    >>> import ptsp
    >>> router = ptsp.routing.Router.sample()      # SAMPLE rules for DPMPTSP Jawa Timur
    >>> ranked = router.suggest({"subject": "Perpanjangan izin",
    ...     "text": "Bagaimana cara memperpanjang izin usaha perikanan tangkap kapal saya?"})
    >>> [s["unit"] for s in ranked]
    ['dkp', 'bidang-perizinan']
    >>> ranked[0]["reasons"][0]["kind"], ranked[0]["reasons"][0]["excerpt"]
    ('keyword', 'perikanan')
    >>> ranked[0]["reasons"][0]["text"]["id"]
    'kata kunci “perikanan” ditemukan sebagai “ikan” pada isi'
    >>> router.redistribute({"text": "Perpanjangan izin usaha perikanan"}, ["dkp"])[0]["unit"]
    'bidang-perizinan'
    >>> router.suggest({"text": "Halo, selamat pagi."})[0]["reasons"][0]["kind"]
    'no_match'
    >>> ptsp.routing.normalize("Perpanjangan izin usaha PERIKANAN!")
    ['panjang', 'izin', 'usaha', 'ikan']
    >>> ptsp.routing.pick_staff("dkp", [
    ...     {"id": "b", "unit": "dkp", "open_tickets": 2},
    ...     {"id": "a", "unit": "dkp", "open_tickets": 2},
    ... ])["id"]
    'a'

The span ``start``, ``end`` of a keyword reason is given in Python string
indices, so ``ticket[reason["field"]][start:end] == reason["excerpt"]`` (the
core's JSON gives UTF-8 byte offsets, the JavaScript binding UTF-16 indices).
"""

from ._ptsp import routing as _native

Router = _native.Router
pick_staff = _native.pick_staff
tokenize = _native.tokenize
stem = _native.stem
normalize = _native.normalize

__all__ = ["Router", "normalize", "pick_staff", "stem", "tokenize"]
