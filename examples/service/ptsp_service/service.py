"""The service's use of the library: who the actor is, which procedure a
case runs on, deciding a command and storing its events, projections, the
clock. No HTTP here (see ``app.py``).

The library decides everything that is a rule of the standard — who may
do what, deadlines, document requirements, escalations, the web form's
validity — and never reads the clock: the service passes ``now``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

import ptsp

from .store import Conflict, KeyReused, Store, Stored, request_hash

WIB = dt.timezone(dt.timedelta(hours=7))
DATA = Path(__file__).parent / "data"

#: Bounds on what a client may send (everything that crosses the boundary
#: is bounded; the library bounds its own inputs too).
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UPLOAD_BYTES = 60 * 1024 * 1024
MAX_FILES = 12
MAX_KEY = 128

#: The web form's kind → the procedure it starts.
TICKET_PROCEDURES = {
    "konsultasi": "jatim-konsultasi",
    "pengaduan": "jatim-pengaduan",
    "saran": "jatim-saran",
}
PREFIX = {"jatim-izin": "IZN", "jatim-konsultasi": "KON", "jatim-pengaduan": "ADU", "jatim-saran": "SRN"}


class ServiceError(Exception):
    """An error of the service itself (not the library's), with a code and
    both languages' messages."""

    def __init__(self, status: int, code: str, en: str, id_: str):
        super().__init__(en)
        self.status, self.code, self.en, self.id = status, code, en, id_

    def body(self) -> Dict[str, Any]:
        return {"code": self.code, "kind": "service", "message": {"en": self.en, "id": self.id}, "errors": []}


def error_body(e: Exception) -> Tuple[int, Dict[str, Any]]:
    """The JSON of an error: the library's code and both messages."""
    if isinstance(e, ServiceError):
        return e.status, e.body()
    if isinstance(e, Conflict):
        return 409, {
            "code": "conflict",
            "kind": "service",
            "message": {
                "en": "the case changed since you loaded it; reload and try again",
                "id": "kasus telah berubah sejak Anda memuatnya; muat ulang dan coba lagi",
            },
            "errors": [],
        }
    if isinstance(e, KeyReused):
        return 422, {
            "code": e.code,
            "kind": "service",
            "message": {
                "en": "this idempotency key was already used for another request",
                "id": "kunci idempotensi ini sudah dipakai untuk permintaan lain",
            },
            "errors": [],
        }
    if isinstance(e, ptsp.PtspError):
        status = 403 if e.code in ("unauthorized", "unknown_staff", "staff_away") else 422
        return status, {
            "code": e.code,
            "kind": e.kind,
            "message": {"en": e.messages["en"], "id": e.messages["id"]},
            "errors": e.errors(),
        }
    raise e


def token() -> str:
    return secrets.token_urlsafe(24)


def digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


@dataclass
class Clock:
    """The service's clock: the system clock, or a fixed instant moved by
    tests and demos (``PTSP_NOW``). The library never reads a clock."""

    fixed: Optional[dt.datetime] = None
    lock: threading.Lock = field(default_factory=threading.Lock)

    def now(self) -> dt.datetime:
        with self.lock:
            if self.fixed is not None:
                return self.fixed
        return dt.datetime.now(WIB).replace(microsecond=0)

    def set(self, at: dt.datetime) -> None:
        with self.lock:
            self.fixed = at

    def advance(self, by: dt.timedelta) -> dt.datetime:
        with self.lock:
            if self.fixed is None:
                self.fixed = dt.datetime.now(WIB).replace(microsecond=0)
            # Commands are ordered by instant: never backwards.
            self.fixed = self.fixed + by
            return self.fixed


@dataclass
class Subject:
    """Who is calling: a staff member (with the library's actor), an
    applicant of one case, or nobody."""

    kind: str  # "staff" | "applicant" | "public"
    id: str = ""
    actor: Optional[Dict[str, Any]] = None
    case_id: Optional[str] = None
    position: Optional[str] = None
    name: str = ""


class Service:
    def __init__(self, store: Store, clock: Optional[Clock] = None):
        self.store = store
        self.clock = clock or Clock()
        self.calendar = ptsp.Calendar.jatim()
        self.procedures: Dict[str, ptsp.Procedure] = {
            p.id: p
            for p in (
                ptsp.Procedure.jatim_permit(),
                ptsp.Procedure.jatim_consultation(),
                ptsp.Procedure.jatim_complaint(),
                ptsp.Procedure.jatim_suggestion(),
            )
        }
        data = json.loads((DATA / "organisation.json").read_text())
        self.organisation = data["organisation"]
        self.office = ptsp.office.Office(self.organisation, data.get("requirements"))
        self.staff = {s["id"]: s for s in self.organisation["staff"]}
        self.router = ptsp.routing.Router.sample()

    # --- who ------------------------------------------------------------
    def staff_subject(self, staff_id: str) -> Subject:
        s = self.staff[staff_id]
        actor = self.office.actor(staff_id, self.clock.now().date())
        return Subject("staff", staff_id, actor, position=s.get("position"), name=s["name"])

    # --- cases ----------------------------------------------------------
    def load(self, case_id: str) -> Tuple[ptsp.Case, List[Dict[str, Any]], int, ptsp.Procedure]:
        events, version = self.store.load(case_id)
        if not events:
            raise ServiceError(404, "unknown_case", f"no case {case_id!r}", f"tidak ada kasus {case_id!r}")
        p = self.procedures[events[0]["procedure"]]
        # The service's own store: folded without the procedure's checks.
        return ptsp.Case.replay_trusted(events), events, version, p

    def projection(self, case: ptsp.Case, p: ptsp.Procedure, tracking_code: str, submitted_at: str) -> Dict[str, Any]:
        d = case.to_dict()
        lane = None
        unit = staff = None
        if d["current"] is not None:
            step = next(s for s in p.definition["steps"] if s["id"] == d["current"])
            lane = step["lane"]
            a = d["assignments"].get(lane) or {}
            unit, staff = a.get("unit"), a.get("staff")
        return {
            "case_id": d["id"],
            "procedure": d["procedure"],
            "version": d["events"],
            "applicant": d["applicant"],
            "status": d["status"],
            "current": d["current"],
            "lane": lane,
            "unit": unit,
            "staff": staff,
            "due": d["visits"][-1]["due"] if d["visits"] else None,
            "submitted_at": submitted_at,
            "updated_at": d["last_at"],
            "tracking_code": tracking_code,
        }

    def _idempotent(self, key: Optional[str], payload: Any) -> Tuple[Optional[Stored], Optional[str]]:
        if key is None:
            return None, None
        if not (0 < len(key) <= MAX_KEY):
            raise ServiceError(422, "invalid_idempotency_key", f"an idempotency key has 1 to {MAX_KEY} characters",
                               f"kunci idempotensi terdiri dari 1 sampai {MAX_KEY} karakter")
        h = request_hash(payload)
        found = self.store.stored(key)
        if found is None:
            return None, h
        if found[0] != h:
            raise KeyReused()
        return found[1], h

    def command(
        self,
        subject: Subject,
        case_id: str,
        command: Dict[str, Any],
        expected: Optional[int] = None,
        key: Optional[str] = None,
        files: Sequence[Dict[str, Any]] = (),
    ) -> Stored:
        """Decides ``command`` by ``subject`` on the case and stores the
        events (and any uploaded ``files``) in one transaction;
        :class:`Conflict` if the case moved on."""
        if not isinstance(command, dict) or command.get("type") == "submit":
            raise ServiceError(422, "invalid_command", "a command is an object; cases are submitted through their forms",
                               "perintah berupa objek; kasus diajukan melalui formulirnya")
        replay, h = self._idempotent(key, [subject.id, case_id, command, expected, [f["sha256"] for f in files]])
        if replay is not None:
            return replay
        stored, version, row = self.store.load_with(case_id)
        if not stored:
            raise ServiceError(404, "unknown_case", f"no case {case_id!r}", f"tidak ada kasus {case_id!r}")
        if expected is not None and expected != version:
            raise Conflict(case_id, expected)
        p = self.procedures[stored[0]["procedure"]]
        case = ptsp.Case.replay_trusted(stored)
        now = self.clock.now()
        request = {"actor": subject.actor, "at": now, "command": command}
        events = self.office.decide(case, request, p, self.calendar)
        for e in events:
            case.apply_trusted(e)
        projection = self.projection(case, p, row[0] if row else case_id, row[1] if row else stored[0]["at"])
        response = Stored(200, {"case_id": case_id, "version": version + len(events), "events": events})
        self.store.append(case_id, version, events, projection=projection, extra=self._files(case_id, files, now),
                          key=key, key_hash=h, response=response)
        return response

    @staticmethod
    def _files(case_id: str, files: Sequence[Dict[str, Any]], now: dt.datetime) -> List[Tuple[str, tuple]]:
        return [(
            "INSERT INTO files (id, case_id, code, name, format, bytes, sha256, data, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (secrets.token_hex(8), case_id, f["code"], f["name"], f["format"], f["bytes"], f["sha256"], f["data"], now.isoformat()),
        ) for f in files]

    def submit(
        self,
        procedure_id: str,
        documents: Sequence[Dict[str, Any]],
        ticket: Dict[str, Any],
        files: Sequence[Dict[str, Any]] = (),
        key: Optional[str] = None,
    ) -> Stored:
        """A new case by a new applicant: the submission decided by the
        library (documents checked against the procedure), the events, the
        ticket (identity kept apart from the events) and any files stored
        in one transaction. Returns the case id, the public tracking code
        and the applicant's access key (shown once)."""
        replay, h = self._idempotent(key, [procedure_id, list(documents), ticket, [f["sha256"] for f in files]])
        if replay is not None:
            return replay
        p = self.procedures[procedure_id]
        now = self.clock.now()
        case_id = f"{PREFIX[procedure_id]}-{now:%Y%m%d}-{secrets.token_hex(3).upper()}"
        applicant = f"pemohon-{secrets.token_hex(6)}"
        role = p.definition["lanes"][0]["roles"][0]
        case = ptsp.Case()
        request = {
            "actor": {"id": applicant, "roles": [role]},
            "at": now,
            "command": {"type": "submit", "case_id": case_id, "documents": list(documents)},
        }
        events = case.decide(request, p, self.calendar)
        for e in events:
            case.apply_trusted(e)
        tracking = secrets.token_hex(5).upper()
        access = token()
        extra = [
            (
                "INSERT INTO tickets (case_id, kind, subject, text, identity, access_hash, tracking_code) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (case_id, ticket.get("kind", "izin"), ticket.get("subject", ""), ticket.get("text", ""),
                 json.dumps(ticket.get("identity", {}), ensure_ascii=False), digest(access), tracking),
            )
        ]
        extra += self._files(case_id, files, now)
        projection = self.projection(case, p, tracking, now.isoformat())
        response = Stored(201, {"case_id": case_id, "tracking_code": tracking, "access_key": access, "version": len(events),
                                "due": projection["due"]})
        self.store.append(case_id, 0, events, projection=projection, extra=extra, key=key, key_hash=h, response=response)
        return response

    def applicant(self, case_id: str, access_key: str) -> Subject:
        row = self.store.one("SELECT access_hash FROM tickets WHERE case_id = ?", (case_id,))
        if row is None or not secrets.compare_digest(row[0], digest(access_key)):
            raise ServiceError(403, "unauthorized", "this access key does not open this case",
                               "kunci akses ini tidak membuka kasus ini")
        case, events, _, p = self.load(case_id)
        role = p.definition["lanes"][0]["roles"][0]
        return Subject("applicant", case.id and events[0]["applicant"], {"id": events[0]["applicant"], "roles": [role]}, case_id=case_id)

    def rebuild(self) -> int:
        """Recomputes the ``cases`` projection from the events alone."""
        rows = []
        for case_id in self.store.case_ids():
            case, events, _, p = self.load(case_id)
            t = self.store.one("SELECT tracking_code FROM tickets WHERE case_id = ?", (case_id,))
            rows.append(self.projection(case, p, t[0] if t else case_id, events[0]["at"]))
        self.store.rebuild(rows)
        return len(rows)

    # --- views ----------------------------------------------------------
    def view(self, subject: Subject, case_id: str) -> Dict[str, Any]:
        """A case as ``subject`` may see it: the library's redacted view and
        events, the ticket with the identity only if the library allows."""
        case, events, version, p = self.load(case_id)
        if subject.kind == "applicant" and subject.case_id != case_id:
            raise ServiceError(403, "unauthorized", "applicants see only their own cases", "pemohon hanya melihat kasusnya sendiri")
        actor = subject.actor
        if subject.kind == "staff" and not self.may_see(subject, case, p):
            raise ServiceError(403, "unauthorized", "this case is not in your lanes", "kasus ini tidak berada di jalur Anda")
        row = self.store.one("SELECT kind, subject, text, identity, tracking_code FROM tickets WHERE case_id = ?", (case_id,))
        ticket = None
        if row is not None:
            ticket = {"kind": row[0], "subject": row[1], "text": row[2], "tracking_code": row[4]}
            if case.sees_applicant(actor, p):
                ticket["identity"] = json.loads(row[3])
        now = self.clock.now()
        files = self.store.all("SELECT id, code, name, format, bytes FROM files WHERE case_id = ? ORDER BY uploaded_at, code", (case_id,))
        out = {
            "case": case.view_for(actor, p).to_dict(),
            "version": version,
            "events": case.events_for(events, actor, p),
            "tracking": case.tracking(p),
            "sla": ptsp.sla.evaluate(case, p, self.calendar, now),
            "ticket": ticket,
            "files": [dict(zip(("id", "code", "name", "format", "bytes"), f)) for f in files],
            "procedure": {
                "id": p.id,
                "name": p.name,
                "steps": p.definition["steps"],
                "lanes": p.definition["lanes"],
                "assigner_roles": p.definition["assigner_roles"],
                "documents": p.definition["documents"],
                "tiers": p.definition.get("tiers"),
            },
        }
        if subject.kind == "staff" and case.current == "distribusi" and ticket is not None:
            out["suggestions"] = self.router.suggest({"subject": ticket["subject"], "text": ticket["text"]})
        return out

    def may_see(self, subject: Subject, case: ptsp.Case, p: ptsp.Procedure) -> bool:
        """Staff see cases of their procedures' office lanes, a routed lane
        only for their unit's cases; staff holding a position in the line of
        command see every case (they supervise and receive escalations)."""
        roles = set(subject.actor.get("roles") or [])
        d = case.to_dict()
        for lane in p.definition["lanes"]:
            if lane["kind"] == "office" and roles & set(lane["roles"]):
                return True
            if lane["kind"] == "routed_unit" and roles & set(lane["roles"]):
                a = d["assignments"].get(lane["id"]) or {}
                if a.get("unit") and a.get("unit") == subject.actor.get("unit"):
                    return True
        return bool(subject.position)

    def inbox(self, subject: Subject) -> List[Dict[str, Any]]:
        """Open cases whose current step is for one of ``subject``'s roles
        (and unit, in a routed lane), most urgent first."""
        roles = set(subject.actor.get("roles") or [])
        out = []
        for row in self.store.cases("WHERE status IN ('active', 'awaiting_correction')"):
            p = self.procedures[row["procedure"]]
            lanes = {l["id"]: l for l in p.definition["lanes"]}
            lane = lanes.get(row["lane"] or "")
            if lane is None or not roles & set(lane["roles"]):
                continue
            if lane["kind"] == "routed_unit" and row["unit"] != subject.actor.get("unit"):
                continue
            step = next(s for s in p.definition["steps"] if s["id"] == row["current"])
            if step.get("roles") and not roles & set(step["roles"]):
                continue
            out.append({**row, "step_name": step["name"], "procedure_name": p.name})
        out.sort(key=lambda r: (r["due"] is None, r["due"] or "", r["submitted_at"]))
        return out

    def track(self, code: str) -> Dict[str, Any]:
        """The public tracking view: steps and dates, no personal data."""
        if not (0 < len(code) <= 32):
            raise ServiceError(404, "unknown_code", "no case has this tracking code", "tidak ada kasus dengan kode lacak ini")
        rows = self.store.cases("WHERE tracking_code = ?", (code.upper(),))
        if not rows:
            raise ServiceError(404, "unknown_code", "no case has this tracking code", "tidak ada kasus dengan kode lacak ini")
        case, _, _, p = self.load(rows[0]["case_id"])
        return {"tracking": case.tracking(p), "due": rows[0]["due"]}

    # --- supervision and figures ----------------------------------------
    def open_cases(self) -> List[Tuple[ptsp.Case, List[Dict[str, Any]], int, ptsp.Procedure]]:
        return [self.load(r["case_id"]) for r in self.store.cases("WHERE status IN ('active', 'awaiting_correction')")]

    def dashboard(self, subject: Subject) -> Dict[str, Any]:
        now = self.clock.now()
        at_risk, breached, escalations = [], [], []
        for case, _, _, p in self.open_cases():
            report = ptsp.sla.evaluate(case, p, self.calendar, now)
            clocks = [s for s in report["steps"] if s["ended"] is None]
            for c in clocks:
                item = {"case_id": case.id, "procedure": p.id, "step": c["step"], "due": c["due"], "status": c["status"]}
                if c["status"] == "breached":
                    breached.append(item)
                elif c["status"] == "at_risk":
                    at_risk.append(item)
            escalations += self.office.escalations(case, p, self.calendar, now)
        mine = self.office.worklist(subject.position, escalations) if subject.position else []
        year = now.year
        period = {"from": dt.date(year, 1, 1), "to": dt.date(year, 12, 31)}
        # The store's own logs, read by the library in one call (trusted:
        # the service wrote them) rather than case by case.
        report = ptsp.evaluation.compliance_logs(
            self.store.logs(), list(self.procedures.values()), self.calendar, period, now,
            ["procedure", "month"], checked=False,
        )
        responses = [json.loads(r[0]) for r in self.store.all("SELECT body FROM survey_responses")]
        ikm = ptsp.evaluation.ikm(responses) if responses else None
        return {
            "now": now,
            "ikm": ikm,
            "at_risk": at_risk,
            "breached": breached,
            "escalations": escalations,
            "worklist": mine,
            "monthly_on_time": report_monthly(report),
            "report": report,
        }


def report_monthly(report: Dict[str, Any]) -> List[Dict[str, Any]]:
    """On-time % per month over all procedures, from the report's rows."""
    months: Dict[str, List[int]] = {}
    for row in report["steps"]:
        m = row["key"][-1]
        s = row["stats"]
        t = months.setdefault(m, [0, 0])
        t[0] += s["on_time"]
        t[1] += s["on_time"] + s["late"]
    return [{"month": m, "on_time": a, "judged": b, "percent": (100.0 * a / b) if b else None} for m, (a, b) in sorted(months.items())]
