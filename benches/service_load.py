#!/usr/bin/env python3
"""Load test of the reference service on the loopback interface, bounded
in time: sustained command throughput and latency percentiles on SQLite
(and on PostgreSQL when a URL is given).

Each client thread runs whole consultations through the HTTP API, as the
seed's flow has them — the web form's submission, then classification,
assignment, distribution, the unit's answer, validation and delivery by
four staff members: seven commands per case, every one decided by the
library and stored with optimistic concurrency. Prints, per store:
commands per second and p50/p90/p99 latency. Speed is reported, never
asserted (the test command runs it for a few seconds per store).

Usage::

    .venv/bin/python benches/service_load.py --seconds 10 [--threads 8] [--postgres postgresql://…]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "examples" / "service" / "tests"))
os.environ.setdefault("PTSP_DEMO_PASSWORD", "sampel-rahasia")

from conftest import PASSWORD, Server, fresh_schema  # noqa: E402

FORM = {"kind": "konsultasi", "name": "Siti Rahayu", "phone": "081234567890", "subject": "Izin tambak udang",
        "text": "Bagaimana cara memperpanjang izin usaha perikanan untuk tambak udang kami?"}
STEPS = [
    ("operator", {"type": "complete_step", "step": "klasifikasi", "outcome": "tidak"}),
    ("kabid-aduan", {"type": "assign", "lane": "unit", "unit": "dkp"}),
    ("kabid-aduan", {"type": "complete_step", "step": "distribusi", "outcome": "didistribusikan"}),
    ("dkp", {"type": "complete_step", "step": "jawab", "outcome": "dijawab", "note": "Diajukan melalui JOSS."}),
    ("kabid-aduan", {"type": "complete_step", "step": "validasi", "outcome": "valid"}),
    ("kadis", {"type": "complete_step", "step": "penyampaian", "outcome": "disampaikan"}),
]


class Conn:
    def __init__(self, port: int):
        self.c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.cookie = ""

    def post(self, path: str, body) -> tuple[int, dict]:
        headers = {"content-type": "application/json"}
        if self.cookie:
            headers["cookie"] = self.cookie
        self.c.request("POST", path, json.dumps(body), headers)
        r = self.c.getresponse()
        data = r.read()
        if r.getheader("set-cookie"):
            self.cookie = r.getheader("set-cookie").split(";")[0]
        return r.status, json.loads(data)


def run(server: Server, seconds: float, threads: int) -> dict:
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def worker() -> None:
        public = Conn(server.port)
        staff = {}
        for who in {s for s, _ in STEPS}:
            staff[who] = Conn(server.port)
            staff[who].post("/api/login", {"staff_id": who, "password": PASSWORD})
        mine: list[float] = []
        while time.monotonic() < stop:
            t0 = time.perf_counter()
            status, t = public.post("/api/tickets", FORM)
            mine.append(time.perf_counter() - t0)
            if status != 201:
                errors.append(f"submit {status}: {t}")
                return
            version = 1
            for who, command in STEPS:
                t0 = time.perf_counter()
                status, r = staff[who].post(f"/api/cases/{t['case_id']}/commands", {"command": command, "expected_version": version})
                mine.append(time.perf_counter() - t0)
                if status != 200:
                    errors.append(f"{command['type']} {status}: {r}")
                    return
                version = r["version"]
        with lock:
            latencies.extend(mine)

    started = time.monotonic()
    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for p in pool:
        p.start()
    for p in pool:
        p.join()
    took = time.monotonic() - started
    if errors:
        raise SystemExit(f"load test failed: {errors[:3]}")
    q = statistics.quantiles(latencies, n=100)
    return {"commands": len(latencies), "seconds": took, "per_second": len(latencies) / took,
            "p50_ms": q[49] * 1e3, "p90_ms": q[89] * 1e3, "p99_ms": q[98] * 1e3}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=float, default=10)
    ap.add_argument("--threads", type=int, default=8)
    ap.add_argument("--postgres", default=os.environ.get("PTSP_TEST_POSTGRES_URL"))
    args = ap.parse_args()
    print(f"python {platform.python_version()}, {os.cpu_count()} cores, {args.threads} client threads, {args.seconds:g} s per store")
    stores = [("sqlite", None)] + ([("postgresql", args.postgres)] if args.postgres else [])
    for name, url in stores:
        with tempfile.TemporaryDirectory() as d:
            database = f"sqlite:///{Path(d) / 'load.db'}" if url is None else fresh_schema(url)
            server = Server(database, Path(d)).start()
            try:
                r = run(server, args.seconds, args.threads)
            finally:
                server.stop()
        print(f"{name:<10} {r['commands']:>7} commands in {r['seconds']:.1f} s = {r['per_second']:>6.0f} commands/s; "
              f"latency p50 {r['p50_ms']:.1f} ms, p90 {r['p90_ms']:.1f} ms, p99 {r['p99_ms']:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
