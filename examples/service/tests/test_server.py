"""The service as a real process: two staff acting on one case at once,
and a SIGKILL in the middle of a burst of commands."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from http.cookiejar import CookieJar

import ptsp

from conftest import PASSWORD, Server

FORM = {"kind": "konsultasi", "name": "Siti Rahayu", "phone": "081234567890", "subject": "Izin tambak udang",
        "text": "Bagaimana cara memperpanjang izin usaha perikanan untuk tambak udang kami?"}


class Http:
    def __init__(self, base: str):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))

    def call(self, method: str, path: str, body=None, key: str | None = None, timeout: float = 30):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.base + path, data=data, method=method)
        req.add_header("content-type", "application/json")
        if key:
            req.add_header("idempotency-key", key)
        try:
            with self.opener.open(req, timeout=timeout) as r:
                return r.status, json.loads(r.read())
        except urllib.error.HTTPError as e:
            return e.code, json.loads(e.read())

    def login(self, staff: str) -> "Http":
        status, body = self.call("POST", "/api/login", {"staff_id": staff, "password": PASSWORD})
        assert status == 200, body
        return self


def test_two_staff_act_on_one_case_at_once_exactly_one_wins(server: Server):
    public = Http(server.url)
    cases = []
    for _ in range(20):
        status, t = public.call("POST", "/api/tickets", FORM)
        assert status == 201, t
        cases.append(t["case_id"])
    head_a = Http(server.url).login("kabid-aduan")
    head_b = Http(server.url).login("kabid-aduan")
    op = Http(server.url).login("operator")
    for c in cases:
        assert op.call("POST", f"/api/cases/{c}/commands", {"command": {"type": "complete_step", "step": "klasifikasi", "outcome": "tidak"}, "expected_version": 1})[0] == 200
    barrier = threading.Barrier(2)

    def act(http: Http, case_id: str, unit: str):
        barrier.wait()
        return http.call("POST", f"/api/cases/{case_id}/commands",
                         {"command": {"type": "assign", "lane": "unit", "unit": unit}, "expected_version": 2})

    with ThreadPoolExecutor(2) as pool:
        for c in cases:
            a = pool.submit(act, head_a, c, "dkp")
            b = pool.submit(act, head_b, c, "dinkes")
            results = sorted([a.result(), b.result()], key=lambda r: r[0])
            assert [r[0] for r in results] == [200, 409], results
            assert results[1][1]["code"] == "conflict" and results[1][1]["message"]["id"]
            status, view = head_a.call("GET", f"/api/cases/{c}")
            assert view["version"] == 3, "exactly one assignment stored"
            assert view["case"]["assignments"]["unit"]["unit"] == results[0][1]["events"][0]["unit"]


def test_sigkill_during_a_burst_loses_no_acknowledged_command(server: Server):
    """Commands acknowledged before the kill are all stored; nothing stored
    is partial (every log replays, checked, on its procedure)."""
    public = Http(server.url)
    acked: list[tuple[str, int]] = []
    lock = threading.Lock()
    stop = threading.Event()

    def burst(n: int):
        http = Http(server.url)
        op = Http(server.url).login("operator")
        i = 0
        while not stop.is_set():
            i += 1
            try:
                status, t = http.call("POST", "/api/tickets", FORM, key=f"b{n}-{i}", timeout=5)
                if status != 201:
                    continue
                with lock:
                    acked.append((t["case_id"], 1))
                status, r = op.call("POST", f"/api/cases/{t['case_id']}/commands",
                                    {"command": {"type": "complete_step", "step": "klasifikasi", "outcome": "tidak"}, "expected_version": 1}, timeout=5)
                if status == 200:
                    with lock:
                        acked.append((t["case_id"], r["version"]))
            except OSError:
                return  # the server is gone

    threads = [threading.Thread(target=burst, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    import time

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with lock:
            if len(acked) >= 60:
                break
        threading.Event().wait(0.02)
    server.kill()  # SIGKILL, mid-burst
    stop.set()
    for t in threads:
        t.join()

    # Restart on the same database: every acknowledged version is there.
    again = Server(server.database, server.data_dir).start()
    try:
        from ptsp_service.store import open_store

        store = open_store(server.database)
        procedures = {p.id: p for p in (ptsp.Procedure.jatim_consultation(),)}
        stored = {}
        for case_id in store.case_ids():
            events, version = store.load(case_id)
            ptsp.Case.replay(events, procedures[events[0]["procedure"]])  # whole commands only
            stored[case_id] = version
        for case_id, version in acked:
            assert stored.get(case_id, 0) >= version, f"{case_id} v{version} was acknowledged but not stored"
        # The projection agrees with the events after the restart.
        for row in store.cases():
            assert row["version"] == stored[row["case_id"]]
        assert len(acked) >= 60
    finally:
        again.stop()
