"""Staff accounts and sessions.

Accounts are the organisation's staff; passwords are hashed with Argon2id
(``argon2-cffi``, its default parameters). A session is a random token in
an ``HttpOnly``, ``SameSite=Strict`` cookie; the database keeps only the
token's SHA-256, so a copy of the database opens no session.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
from pathlib import Path
from typing import Dict, Optional

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from .service import Service, ServiceError, Subject, digest

SESSION_HOURS = 8
COOKIE = "ptsp_session"
MAX_PASSWORD = 256

_hasher = PasswordHasher()


def ensure_accounts(service: Service, passwords_file: Optional[Path]) -> Dict[str, str]:
    """Creates an account for every staff member without one. The initial
    password is ``PTSP_DEMO_PASSWORD`` when set (demos and tests), else a
    random one; new passwords are written to ``passwords_file`` (mode 0600)
    and returned."""
    created: Dict[str, str] = {}
    demo = os.environ.get("PTSP_DEMO_PASSWORD")
    for staff_id in service.staff:
        if service.store.one("SELECT 1 FROM accounts WHERE staff_id = ?", (staff_id,)) is not None:
            continue
        password = demo or secrets.token_urlsafe(12)
        service.store.execute(
            "INSERT INTO accounts (staff_id, password_hash) VALUES (?, ?)", (staff_id, _hasher.hash(password))
        )
        created[staff_id] = password
    if created and passwords_file is not None and not demo:
        passwords_file.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(passwords_file, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(fd, "a") as f:
            for k, v in created.items():
                f.write(f"{k}\t{v}\n")
    return created


def login(service: Service, staff_id: str, password: str) -> str:
    """A new session token, or ``invalid_login`` (the same answer for an
    unknown account and a wrong password)."""
    bad = ServiceError(401, "invalid_login", "unknown staff id or wrong password", "ID pegawai tidak dikenal atau kata sandi salah")
    if not (0 < len(staff_id) <= 128 and 0 < len(password) <= MAX_PASSWORD):
        raise bad
    row = service.store.one("SELECT password_hash FROM accounts WHERE staff_id = ?", (staff_id,))
    if row is None:
        # Same work as a real check, so timing does not tell accounts apart.
        try:
            _hasher.verify(_DUMMY, password)
        except (VerificationError, InvalidHashError):
            pass
        raise bad
    try:
        _hasher.verify(row[0], password)
    except (VerificationError, InvalidHashError):
        raise bad from None
    session = secrets.token_urlsafe(32)
    expires = dt.datetime.now(dt.timezone.utc) + dt.timedelta(hours=SESSION_HOURS)
    service.store.execute(
        "INSERT INTO sessions (token_hash, subject, expires_at) VALUES (?, ?, ?)",
        (digest(session), staff_id, expires.isoformat()),
    )
    return session


def logout(service: Service, session: str) -> None:
    service.store.execute("DELETE FROM sessions WHERE token_hash = ?", (digest(session),))


def staff_for(service: Service, session: Optional[str]) -> Optional[Subject]:
    """The staff member of a live session, with their actor for today."""
    if not session or len(session) > 128:
        return None
    row = service.store.one("SELECT subject, expires_at FROM sessions WHERE token_hash = ?", (digest(session),))
    if row is None or dt.datetime.fromisoformat(row[1]) < dt.datetime.now(dt.timezone.utc):
        return None
    if row[0] not in service.staff:
        return None
    return service.staff_subject(row[0])


_DUMMY = _hasher.hash("not a password")
