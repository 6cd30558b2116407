"""The background job: what falls due with time.

On a schedule the job evaluates every open case at ``now`` (the library
computes, the service supplies the instant): a correction window or an
applicant's window that passed (``lapse``), escalations the office owes
(``escalate``, preventive and repressive, level by level), deemed
approvals that fell due (reported: the built-in procedures record none).
Each action is a command like any other — decided by the library, stored
with optimistic concurrency (a case that moved meanwhile is left for the
next run) — and each run is recorded in ``job_runs`` with what it did.
"""

from __future__ import annotations

import json
import logging
import threading
from typing import Any, Dict, List

import ptsp

from .service import Service, Subject
from .store import Conflict

log = logging.getLogger("ptsp_service.jobs")


def system_actor(p: ptsp.Procedure) -> Subject:
    """The job acts as the system, under the first office role of the
    procedure (any office actor may record a lapse or an escalation)."""
    role = next(l for l in p.definition["lanes"] if l["kind"] == "office")["roles"][0]
    return Subject("staff", "sistem", {"id": "sistem", "roles": [role]})


def run_once(service: Service) -> List[Dict[str, Any]]:
    """One pass over the open cases; returns what it acted on."""
    now = service.clock.now()
    acted: List[Dict[str, Any]] = []
    for case, _, version, p in service.open_cases():
        commands: List[Dict[str, Any]] = []
        report = ptsp.sla.evaluate(case, p, service.calendar, now)
        for due in report["due_events"]:
            if due["type"] in ("lapse", "correction_lapsed"):
                commands.append({"type": "lapse", "step": due["step"]})
            else:
                acted.append({"case_id": case.id, "due": due["type"], "step": due.get("step"), "action": "reported"})
        for e in service.office.escalations(case, p, service.calendar, now):
            if not e["recorded"]:
                commands.append({"type": "escalate", "step": e["step"], "control": e["control"], "level": e["level"]})
        for command in commands:
            try:
                service.command(system_actor(p), case.id, command, expected=version)
                version += 1
                acted.append({"case_id": case.id, "command": command, "action": "recorded"})
            except Conflict:
                acted.append({"case_id": case.id, "command": command, "action": "deferred"})
                break
            except ptsp.PtspError as err:
                acted.append({"case_id": case.id, "command": command, "action": "refused", "code": err.code})
                break
    service.store.execute(
        "INSERT INTO job_runs (at, acted) VALUES (?, ?)", (now.isoformat(), json.dumps(acted, default=str))
    )
    return acted


class Scheduler:
    """Runs :func:`run_once` every ``interval`` seconds in a thread."""

    def __init__(self, service: Service, interval: float):
        self.service, self.interval = service, interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="ptsp-jobs", daemon=True)

    def start(self) -> None:
        if self.interval > 0:
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()

    def _loop(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                run_once(self.service)
            except Exception:  # noqa: BLE001 - logged, the next run retries
                log.exception("job run failed")
