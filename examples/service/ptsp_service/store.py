"""The event store: one append-only table of events per case, on SQLite (the
embedded default) or PostgreSQL, with the same schema and behaviour.

* **Optimistic concurrency.** A command is decided against the case as it
  stood at version N (its number of events); the append inserts events
  N+1, N+2, … under a unique ``(case_id, seq)`` key, so if anyone appended
  N+1 first the insert fails and the whole transaction is rolled back:
  :class:`Conflict`, nothing stored.
* **Idempotency.** A request may carry a key; the key, a hash of the
  request and the response are stored in the same transaction as the
  events. A retry with the same key and body gets the stored response and
  appends nothing; the same key with another body is refused.
* **Projections.** The ``cases`` table (inboxes, tracking, dashboard) is
  written in the same transaction as the events it reflects and can be
  rebuilt from the events at any time (:meth:`Store.rebuild`).
* **Durability.** SQLite runs in WAL mode with ``synchronous=FULL``; a
  command is acknowledged only after its transaction committed.

The library's events are stored as JSON text, one row per event, with the
columns a query needs (case, sequence, type, instant) beside it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Dict, Iterator, List, Optional, Sequence, Tuple

MIGRATIONS: List[Tuple[int, str]] = [
    (
        1,
        """
        CREATE TABLE events (
            position {serial} PRIMARY KEY,
            case_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            type TEXT NOT NULL,
            at TEXT NOT NULL,
            body TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            UNIQUE (case_id, seq)
        );
        CREATE TABLE requests (
            key TEXT PRIMARY KEY,
            hash TEXT NOT NULL,
            status INTEGER NOT NULL,
            response TEXT NOT NULL,
            recorded_at TEXT NOT NULL
        );
        CREATE TABLE cases (
            case_id TEXT PRIMARY KEY,
            procedure TEXT NOT NULL,
            version INTEGER NOT NULL,
            applicant TEXT NOT NULL,
            status TEXT NOT NULL,
            current TEXT,
            lane TEXT,
            unit TEXT,
            staff TEXT,
            due TEXT,
            submitted_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            tracking_code TEXT NOT NULL UNIQUE
        );
        CREATE TABLE tickets (
            case_id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            subject TEXT NOT NULL,
            text TEXT NOT NULL,
            identity TEXT NOT NULL,
            access_hash TEXT NOT NULL,
            tracking_code TEXT NOT NULL UNIQUE
        );
        CREATE TABLE files (
            id TEXT PRIMARY KEY,
            case_id TEXT NOT NULL,
            code TEXT NOT NULL,
            name TEXT NOT NULL,
            format TEXT NOT NULL,
            bytes INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            data {blob} NOT NULL,
            uploaded_at TEXT NOT NULL
        );
        CREATE TABLE accounts (
            staff_id TEXT PRIMARY KEY,
            password_hash TEXT NOT NULL
        );
        CREATE TABLE sessions (
            token_hash TEXT PRIMARY KEY,
            subject TEXT NOT NULL,
            expires_at TEXT NOT NULL
        );
        CREATE TABLE job_runs (
            id {serial} PRIMARY KEY,
            at TEXT NOT NULL,
            acted TEXT NOT NULL
        );
        CREATE TABLE survey_responses (
            id {serial} PRIMARY KEY,
            at TEXT NOT NULL,
            body TEXT NOT NULL
        );
        CREATE INDEX cases_current ON cases (status, current);
        """,
    ),
]


class StoreError(Exception):
    """A store failure the API reports with a code."""

    code = "store_error"


class Conflict(StoreError):
    """Someone appended to the case after the version the command was
    decided against."""

    code = "conflict"

    def __init__(self, case_id: str, expected: int):
        super().__init__(f"case {case_id} changed after version {expected}")
        self.case_id, self.expected = case_id, expected


class KeyReused(StoreError):
    """An idempotency key sent again with a different request."""

    code = "idempotency_key_reused"


@dataclass
class Stored:
    """A response stored under an idempotency key."""

    status: int
    body: Dict[str, Any]


def request_hash(payload: Any) -> str:
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()


def now_text() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat()


class Store:
    """The store over one database (see :func:`open_store`)."""

    dialect = "sqlite"
    serial = "INTEGER"
    blob = "BLOB"

    # --- connection handling, per dialect -------------------------------
    @contextmanager
    def tx(self) -> Iterator[Any]:  # pragma: no cover - overridden
        raise NotImplementedError
        yield

    @contextmanager
    def read(self) -> Iterator[Any]:
        """A read: no write lock (each dialect overrides as it can)."""
        with self.tx() as c:
            yield c

    def q(self, sql: str) -> str:
        """``?`` placeholders in the dialect's style."""
        return sql

    def is_unique_violation(self, e: Exception) -> bool:  # pragma: no cover
        raise NotImplementedError

    # --- schema ---------------------------------------------------------
    def migrate(self) -> int:
        """Creates or upgrades the schema; returns the version reached."""
        with self.tx() as c:
            c.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            row = c.execute("SELECT max(version) FROM schema_version").fetchone()
            current = row[0] or 0
            for version, script in MIGRATIONS:
                if version <= current:
                    continue
                for stmt in script.format(serial=self.serial_pk(), blob=self.blob).split(";"):
                    if stmt.strip():
                        c.execute(stmt)
                c.execute(self.q("INSERT INTO schema_version (version) VALUES (?)"), (version,))
                current = version
        return current

    def serial_pk(self) -> str:
        return self.serial

    # --- events ---------------------------------------------------------
    def load(self, case_id: str) -> Tuple[List[Dict[str, Any]], int]:
        """The case's events in order and its version (their number)."""
        with self.read() as c:
            rows = c.execute(
                self.q("SELECT body FROM events WHERE case_id = ? ORDER BY seq"), (case_id,)
            ).fetchall()
        return [json.loads(r[0]) for r in rows], len(rows)

    def load_with(self, case_id: str) -> Tuple[List[Dict[str, Any]], int, Optional[tuple]]:
        """:meth:`load` and the case's tracking code and submission instant
        from the projection, in one read."""
        with self.read() as c:
            rows = c.execute(
                self.q("SELECT body FROM events WHERE case_id = ? ORDER BY seq"), (case_id,)
            ).fetchall()
            meta = c.execute(
                self.q("SELECT tracking_code, submitted_at FROM cases WHERE case_id = ?"), (case_id,)
            ).fetchone()
        return [json.loads(r[0]) for r in rows], len(rows), meta

    def append(
        self,
        case_id: str,
        expected: int,
        events: Sequence[Dict[str, Any]],
        *,
        projection: Optional[Dict[str, Any]] = None,
        extra: Sequence[Tuple[str, tuple]] = (),
        key: Optional[str] = None,
        key_hash: Optional[str] = None,
        response: Optional[Stored] = None,
    ) -> int:
        """Appends ``events`` after version ``expected`` in one transaction
        with the case's projection row, any ``extra`` statements and the
        idempotent response; returns the new version. :class:`Conflict` if
        the case moved on (nothing stored)."""
        try:
            with self.tx() as c:
                recorded = now_text()
                for i, e in enumerate(events):
                    c.execute(
                        self.q(
                            "INSERT INTO events (case_id, seq, type, at, body, recorded_at) VALUES (?, ?, ?, ?, ?, ?)"
                        ),
                        (case_id, expected + i + 1, e["type"], e["at"], json.dumps(e, ensure_ascii=False), recorded),
                    )
                for sql, args in extra:
                    c.execute(self.q(sql), args)
                if projection is not None:
                    self._project(c, projection)
                if key is not None and response is not None:
                    c.execute(
                        self.q("INSERT INTO requests (key, hash, status, response, recorded_at) VALUES (?, ?, ?, ?, ?)"),
                        (key, key_hash or "", response.status, json.dumps(response.body), recorded),
                    )
        except Exception as e:  # noqa: BLE001 - classified below
            if self.is_unique_violation(e):
                if key is not None and self.stored(key) is not None:
                    raise KeyReused("this idempotency key was used concurrently") from None
                raise Conflict(case_id, expected) from None
            raise
        return expected + len(events)

    def stored(self, key: str) -> Optional[Tuple[str, Stored]]:
        """The hash and response stored under an idempotency key."""
        with self.read() as c:
            row = c.execute(self.q("SELECT hash, status, response FROM requests WHERE key = ?"), (key,)).fetchone()
        if row is None:
            return None
        return row[0], Stored(row[1], json.loads(row[2]))

    def all_events(self, after: int = 0, limit: int = 10_000) -> List[Tuple[int, str, Dict[str, Any]]]:
        """The notification log: events in the order they were stored,
        after a position."""
        with self.read() as c:
            rows = c.execute(
                self.q("SELECT position, case_id, body FROM events WHERE position > ? ORDER BY position LIMIT ?"),
                (after, limit),
            ).fetchall()
        return [(r[0], r[1], json.loads(r[2])) for r in rows]

    def logs(self) -> List[str]:
        """Every case's events as one JSON array per case (stored logs, as
        the library's report over logs reads them), in one query."""
        with self.read() as c:
            rows = c.execute("SELECT case_id, body FROM events ORDER BY case_id, seq").fetchall()
        out: List[str] = []
        current, parts = None, []
        for case_id, body in rows:
            if case_id != current and parts:
                out.append("[" + ",".join(parts) + "]")
                parts = []
            current = case_id
            parts.append(body)
        if parts:
            out.append("[" + ",".join(parts) + "]")
        return out

    def case_ids(self) -> List[str]:
        with self.read() as c:
            return [r[0] for r in c.execute("SELECT DISTINCT case_id FROM events ORDER BY case_id").fetchall()]

    # --- projection -----------------------------------------------------
    PROJECTION = (
        "case_id", "procedure", "version", "applicant", "status", "current", "lane", "unit",
        "staff", "due", "submitted_at", "updated_at", "tracking_code",
    )

    def _project(self, c: Any, row: Dict[str, Any]) -> None:
        cols = self.PROJECTION
        c.execute(self.q("DELETE FROM cases WHERE case_id = ?"), (row["case_id"],))
        c.execute(
            self.q(f"INSERT INTO cases ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})"),
            tuple(row.get(k) for k in cols),
        )

    def rebuild(self, rows: Sequence[Dict[str, Any]]) -> None:
        """Replaces the whole projection (rows computed from the events)."""
        with self.tx() as c:
            c.execute("DELETE FROM cases")
            for row in rows:
                self._project(c, row)

    def cases(self, where: str = "", args: tuple = ()) -> List[Dict[str, Any]]:
        with self.read() as c:
            cur = c.execute(self.q(f"SELECT {', '.join(self.PROJECTION)} FROM cases {where} ORDER BY submitted_at, case_id"), args)
            return [dict(zip(self.PROJECTION, r)) for r in cur.fetchall()]

    # --- plain rows -----------------------------------------------------
    def execute(self, sql: str, args: tuple = ()) -> None:
        with self.tx() as c:
            c.execute(self.q(sql), args)

    def one(self, sql: str, args: tuple = ()) -> Optional[tuple]:
        with self.read() as c:
            return c.execute(self.q(sql), args).fetchone()

    def all(self, sql: str, args: tuple = ()) -> List[tuple]:
        with self.read() as c:
            return c.execute(self.q(sql), args).fetchall()


class SqliteStore(Store):
    """SQLite in a local file: WAL, full sync, one writer at a time."""

    def __init__(self, path: str):
        self.path = path
        self._local = threading.local()
        self._write = threading.Lock()

    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA foreign_keys=ON")
            self._local.conn = conn
        return conn

    @contextmanager
    def tx(self) -> Iterator[sqlite3.Connection]:
        conn = self._conn()
        with self._write:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        # WAL: readers see the last commit and never wait for the writer.
        conn = self._conn()
        conn.execute("BEGIN")
        try:
            yield conn
        finally:
            conn.execute("COMMIT")

    def is_unique_violation(self, e: Exception) -> bool:
        return isinstance(e, sqlite3.IntegrityError) and "UNIQUE" in str(e)

    def serial_pk(self) -> str:
        return "INTEGER"  # an INTEGER PRIMARY KEY is the rowid

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None


class PostgresStore(Store):
    """PostgreSQL through psycopg 3, a small connection pool per process."""

    dialect = "postgresql"
    serial = "BIGSERIAL"
    blob = "BYTEA"

    def __init__(self, url: str):
        import psycopg  # imported only when used

        self._psycopg = psycopg
        self.url = url
        self._local = threading.local()

    def _conn(self) -> Any:
        conn = getattr(self._local, "conn", None)
        if conn is None or conn.closed:
            conn = self._psycopg.connect(self.url, autocommit=False)
            self._local.conn = conn
        return conn

    @contextmanager
    def tx(self) -> Iterator[Any]:
        conn = self._conn()
        try:
            with conn.cursor() as cur:
                yield cur
        except BaseException:
            conn.rollback()
            raise
        conn.commit()

    def q(self, sql: str) -> str:
        return sql.replace("?", "%s")

    def is_unique_violation(self, e: Exception) -> bool:
        return isinstance(e, self._psycopg.errors.UniqueViolation)

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()


def open_store(url: str) -> Store:
    """``sqlite:///path/to/file.db`` or ``postgresql://…``; migrated."""
    if url.startswith("sqlite:///"):
        store: Store = SqliteStore(url[len("sqlite:///"):])
    elif url.startswith(("postgresql://", "postgres://")):
        store = PostgresStore(url)
    else:
        raise ValueError(f"unsupported database URL {url!r}: use sqlite:///FILE or postgresql://…")
    store.migrate()
    return store
