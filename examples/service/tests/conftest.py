"""Fixtures: the service in-process on each store (SQLite in a temporary
file, PostgreSQL in a fresh schema of the database the test command
started), and the service as a real server process."""

from __future__ import annotations

import datetime as dt
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Dict, Iterator

import pytest

HERE = Path(__file__).resolve().parent
SERVICE = HERE.parent
ROOT = SERVICE.parents[1]
sys.path.insert(0, str(SERVICE))

os.environ.setdefault("PTSP_DEMO_PASSWORD", "sampel-rahasia")
PASSWORD = os.environ["PTSP_DEMO_PASSWORD"]

from ptsp_service.service import WIB, Clock  # noqa: E402

START = dt.datetime(2026, 12, 21, 9, 0, tzinfo=WIB)  # a Monday, a working day


def postgres_url() -> str | None:
    url = os.environ.get("PTSP_TEST_POSTGRES_URL")
    if not url and os.environ.get("PTSP_REQUIRE_POSTGRES") == "1":
        raise RuntimeError("PTSP_REQUIRE_POSTGRES=1 but PTSP_TEST_POSTGRES_URL is not set")
    return url


def fresh_schema(url: str) -> str:
    """A new schema in the test database; the URL that uses it."""
    import psycopg

    name = f"t_{secrets.token_hex(6)}"
    with psycopg.connect(url, autocommit=True) as c:
        c.execute(f"CREATE SCHEMA {name}")
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options=-csearch_path%3D{name}"


STORES = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(params=STORES)
def database(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'ptsp.db'}"
    url = postgres_url()
    if url is None:
        pytest.skip("no PostgreSQL: set PTSP_TEST_POSTGRES_URL (the test command does)")
    return fresh_schema(url)


@pytest.fixture
def clock() -> Clock:
    return Clock(START)


@pytest.fixture
def app(database: str, clock: Clock, tmp_path: Path):
    from ptsp_service.app import create_app

    return create_app(database, clock=clock, job_interval=0, data_dir=tmp_path)


class Client:
    """A TestClient with the service's conventions."""

    def __init__(self, app):
        from fastapi.testclient import TestClient

        self.http = TestClient(app)

    def login(self, staff: str) -> "Client":
        r = self.http.post("/api/login", json={"staff_id": staff, "password": PASSWORD})
        assert r.status_code == 200, r.text
        return self

    def command(self, case_id: str, command: Dict, version: int | None = None, key: str | None = None, status: int = 200):
        headers = {"idempotency-key": key} if key else {}
        r = self.http.post(f"/api/cases/{case_id}/commands", json={"command": command, "expected_version": version}, headers=headers)
        assert r.status_code == status, r.text
        return r.json()

    def case(self, case_id: str, status: int = 200):
        r = self.http.get(f"/api/cases/{case_id}")
        assert r.status_code == status, r.text
        return r.json()


@pytest.fixture
def client(app):
    return lambda: Client(app)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """``python -m ptsp_service`` as a real process on the loopback."""

    def __init__(self, database: str, data_dir: Path, jobs_every: float = 0):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.database, self.data_dir, self.jobs_every = database, data_dir, jobs_every
        self.proc: subprocess.Popen | None = None

    def start(self) -> "Server":
        env = {**os.environ, "PTSP_TEST_CLOCK": "1", "PTSP_DEMO_PASSWORD": PASSWORD}
        self.log = open(self.data_dir / f"server-{self.port}.log", "ab")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "ptsp_service", "--database", self.database, "--data-dir", str(self.data_dir),
             "--port", str(self.port), "--jobs-every", str(self.jobs_every)],
            cwd=SERVICE, env=env, stdout=self.log, stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{self.url}/api/health", timeout=1).read()
                return self
            except OSError:
                if self.proc.poll() is not None:
                    raise RuntimeError(f"server exited: {(self.data_dir / f'server-{self.port}.log').read_text()}")
                time.sleep(0.1)
        raise RuntimeError("server did not start in 30 s")

    def kill(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()


@pytest.fixture
def server(database: str, tmp_path: Path) -> Iterator[Server]:
    s = Server(database, tmp_path).start()
    yield s
    s.stop()
