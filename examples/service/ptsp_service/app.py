"""The HTTP layer: FastAPI routes over :class:`Service`, JSON errors with
the library's code and both languages' messages, pages and the WASM
package served as static files."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
from pathlib import Path
from typing import Any, AsyncIterator, Dict, List, Optional

import ptsp
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.concurrency import run_in_threadpool

from . import auth, jobs
from .service import (
    MAX_FILE_BYTES,
    MAX_FILES,
    MAX_UPLOAD_BYTES,
    TICKET_PROCEDURES,
    Clock,
    Service,
    ServiceError,
    Subject,
    error_body,
)
from .store import Conflict, KeyReused, open_store

HERE = Path(__file__).parent
STATIC = HERE / "static"
MAX_JSON_BYTES = 1024 * 1024
PAGES = ["index", "form", "permit", "track", "my", "login", "inbox", "case", "dashboard", "survey"]


def wasm_dir() -> Path:
    """The ``ptsp-wasm`` package: ``PTSP_WASM_DIR`` or the repository's build."""
    return Path(os.environ.get("PTSP_WASM_DIR") or HERE.parents[2] / "wasm-bindings" / "pkg")


def create_app(
    database: str = "sqlite:///ptsp.db",
    *,
    clock: Optional[Clock] = None,
    job_interval: float = 60.0,
    data_dir: Optional[Path] = None,
) -> FastAPI:
    store = open_store(database)
    service = Service(store, clock)
    if not store.cases():
        service.rebuild()
    created = auth.ensure_accounts(service, (data_dir or Path(".")) / "initial-passwords.txt")
    scheduler = jobs.Scheduler(service, job_interval)
    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        scheduler.start()
        yield
        scheduler.stop()

    app = FastAPI(title="ptsp reference service", version=ptsp.__version__, lifespan=lifespan)
    app.state.service = service
    app.state.created_accounts = created
    app.state.scheduler = scheduler

    # --- errors ---------------------------------------------------------
    def as_json(e: Exception) -> JSONResponse:
        status, body = error_body(e)
        return JSONResponse(body, status_code=status)

    for cls in (ServiceError, Conflict, KeyReused, ptsp.PtspError):
        app.add_exception_handler(cls, lambda _r, e: as_json(e))

    @app.exception_handler(StarletteHTTPException)
    def _http(_r: Request, e: StarletteHTTPException) -> JSONResponse:
        """Starlette's own refusals (no such route, wrong method, a
        multipart body over its limits) in the same shape as every error."""
        codes = {404: ("not_found", "no such address", "alamat tidak ada"),
                 405: ("method_not_allowed", "this address does not take this method", "alamat ini tidak menerima metode ini")}
        code, en, id_ = codes.get(e.status_code, ("bad_request", f"the request was refused: {e.detail}",
                                                  f"permintaan ditolak: {e.detail}"))
        return JSONResponse({"code": code, "kind": "service", "message": {"en": en, "id": id_}, "errors": []},
                            status_code=e.status_code)

    @app.exception_handler(RequestValidationError)
    def _invalid(_r: Request, e: RequestValidationError) -> JSONResponse:
        return JSONResponse(
            {
                "code": "invalid_json",
                "kind": "input",
                "message": {"en": "the request does not have the expected shape", "id": "permintaan tidak berbentuk sebagaimana mestinya"},
                "errors": [{"path": ".".join(str(x) for x in err["loc"]), "code": err["type"], "message": err["msg"]} for err in e.errors()],
            },
            status_code=422,
        )

    # --- helpers --------------------------------------------------------
    async def blocking(fn: Any, *args: Any, **kwargs: Any) -> Any:
        """Runs a store-bound call: inline on SQLite (one writer at a time,
        a thread hop only costs), in the thread pool on PostgreSQL (round
        trips to the server overlap). Measured: benches/service_load.py."""
        if service.store.dialect == "sqlite":
            return fn(*args, **kwargs)
        return await run_in_threadpool(fn, *args, **kwargs)

    def staff(request: Request) -> Subject:
        s = auth.staff_for(service, request.cookies.get(auth.COOKIE))
        if s is None:
            raise ServiceError(401, "login_required", "log in as a staff member first", "masuk sebagai pegawai terlebih dahulu")
        return s

    async def body(request: Request) -> Any:
        raw = await request.body()
        if len(raw) > MAX_JSON_BYTES:
            raise ServiceError(413, "too_large", "the request is too large", "permintaan terlalu besar")
        try:
            return json.loads(raw or b"null")
        except ValueError:
            raise ServiceError(422, "invalid_json", "the body is not JSON", "badan permintaan bukan JSON") from None

    def key(request: Request) -> Optional[str]:
        return request.headers.get("idempotency-key")

    def reply(stored: Any) -> JSONResponse:
        return JSONResponse(jsonable(stored.body), status_code=stored.status)

    # --- pages ----------------------------------------------------------
    for page in PAGES:
        path = "/" if page == "index" else f"/{page}"

        def serve(page: str = page) -> FileResponse:
            return FileResponse(STATIC / f"{page}.html", headers={"Cache-Control": "no-cache"})

        app.get(path, include_in_schema=False)(serve)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    if wasm_dir().is_dir():
        app.mount("/pkg", StaticFiles(directory=wasm_dir()), name="pkg")

    async def form_of(request: Request, fields: int) -> Any:
        """The multipart form, within its limits (starlette's refusal in
        the service's words)."""
        try:
            return await request.form(max_files=MAX_FILES, max_fields=fields)
        except StarletteHTTPException:
            raise ServiceError(
                400, "invalid_upload",
                f"the upload is refused: a form of at most {MAX_FILES} files and {fields} fields",
                f"unggahan ditolak: formulir paling banyak {MAX_FILES} berkas dan {fields} isian",
            ) from None

    async def uploaded(form: Any) -> Any:
        """The documents of a multipart form (fields ``doc_<code>``): their
        metadata for the library, their bytes for the store; bounded."""
        documents: List[Dict[str, Any]] = []
        files: List[Dict[str, Any]] = []
        total = 0
        for field, value in form.multi_items():
            if not field.startswith("doc_") or isinstance(value, str):
                continue
            data = await value.read(MAX_FILE_BYTES + 1)
            if not value.filename and not data:
                continue  # a file input left empty: browsers send it as an empty part
            if len(data) > MAX_FILE_BYTES:
                raise ServiceError(413, "file_too_large", f"a file may have at most {MAX_FILE_BYTES} bytes", f"berkas paling besar {MAX_FILE_BYTES} bita")
            total += len(data)
            if total > MAX_UPLOAD_BYTES:
                raise ServiceError(413, "too_large", "the upload is too large", "unggahan terlalu besar")
            filename = (value.filename or "berkas")[:200]
            fmt = filename.rsplit(".", 1)[-1].lower()[:16] if "." in filename else ""
            code = field[4:][:128]
            documents.append({"code": code, "format": fmt, "bytes": len(data)})
            files.append({"code": code, "name": filename, "format": fmt, "bytes": len(data),
                          "sha256": hashlib.sha256(data).hexdigest(), "data": data})
        return documents, files

    # --- public ---------------------------------------------------------
    @app.get("/api/health")
    def health() -> Dict[str, Any]:
        return {"ok": True, "store": service.store.dialect, "now": service.clock.now().isoformat()}

    @app.get("/api/procedures/{procedure_id}")
    def procedure(procedure_id: str) -> JSONResponse:
        p = service.procedures.get(procedure_id)
        if p is None:
            raise ServiceError(404, "unknown_procedure", "no such procedure", "tidak ada prosedur tersebut")
        preview = ptsp.sla.preview(p, service.calendar, service.clock.now())
        return JSONResponse(jsonable({"definition": p.definition, "preview": preview}))

    @app.post("/api/tickets")
    async def ticket(request: Request) -> JSONResponse:
        form = await body(request)
        if not isinstance(form, dict):
            raise ServiceError(422, "invalid_json", "the form is a JSON object", "formulir berupa objek JSON")
        today = service.clock.now().date()
        valid = ptsp.form.validate(form, today=today)  # the same Rust code as the browser's
        identity = {k: valid.get(k) for k in ("name", "email", "phone")}
        if valid.get("nik"):
            identity["nik"] = valid["nik"]["nik"]
        ticket = {"kind": valid["kind"], "subject": valid["subject"], "text": valid["text"], "identity": identity}
        return reply(await blocking(service.submit, TICKET_PROCEDURES[valid["kind"]], [], ticket, key=key(request)))

    @app.post("/api/permits")
    async def permit(request: Request) -> JSONResponse:
        form = await form_of(request, 50)
        name = str(form.get("name") or "").strip()
        if not (0 < len(name) <= 200):
            raise ServiceError(422, "invalid_name", "the applicant's name has 1 to 200 characters", "nama pemohon terdiri dari 1 sampai 200 karakter")
        identity = {"name": name}
        for field in ("nik", "phone", "email"):
            value = str(form.get(field) or "").strip()[:200]
            if value:
                identity[field] = value
        if "phone" in identity:
            identity["phone"] = ptsp.form.normalize_phone(identity["phone"])
        if "email" in identity:
            identity["email"] = ptsp.form.normalize_email(identity["email"])
        if "nik" in identity:
            ptsp.form.parse_nik(identity["nik"], service.clock.now().date())
        documents, files = await uploaded(form)
        ticket = {"kind": "izin", "subject": str(form.get("service") or "")[:200], "text": "", "identity": identity}
        # The library checks the documents against the procedure's list.
        return reply(await blocking(service.submit, "jatim-izin", documents, ticket, files, key=key(request)))

    @app.get("/api/track/{code}")
    def track(code: str) -> JSONResponse:
        return JSONResponse(jsonable(service.track(code)))

    # --- the applicant --------------------------------------------------
    def applicant(request: Request, case_id: str) -> Subject:
        access = request.headers.get("x-access-key") or ""
        if not (0 < len(access) <= 128):
            raise ServiceError(403, "unauthorized", "send the case's access key", "kirim kunci akses kasus")
        return service.applicant(case_id, access)

    @app.get("/api/my/{case_id}")
    def my_case(request: Request, case_id: str) -> JSONResponse:
        return JSONResponse(jsonable(service.view(applicant(request, case_id), case_id)))

    @app.post("/api/my/{case_id}/commands")
    async def my_command(request: Request, case_id: str) -> JSONResponse:
        who = await blocking(applicant, request, case_id)
        b = await body(request)
        if not isinstance(b, dict):
            raise ServiceError(422, "invalid_json", "send {command, expected_version}", "kirim {command, expected_version}")
        return reply(await blocking(service.command, who, case_id, b.get("command"), b.get("expected_version"), key(request)))

    @app.post("/api/my/{case_id}/resubmit")
    async def my_resubmit(request: Request, case_id: str) -> JSONResponse:
        """The corrected documents, uploaded: the library checks the full
        set again; the files are stored with the events."""
        who = await blocking(applicant, request, case_id)
        form = await form_of(request, 20)
        documents, files = await uploaded(form)
        raw = str(form.get("expected_version") or "")
        expected = int(raw) if raw.isdigit() and len(raw) < 8 else None
        command = {"type": "resubmit", "documents": documents}
        return reply(await blocking(service.command, who, case_id, command, expected, key(request), files))

    # --- staff ----------------------------------------------------------
    @app.post("/api/login")
    async def login(request: Request) -> JSONResponse:
        b = await body(request)
        if not isinstance(b, dict):
            raise ServiceError(422, "invalid_json", "send staff_id and password", "kirim staff_id dan password")
        token = await run_in_threadpool(auth.login, service, str(b.get("staff_id", "")), str(b.get("password", "")))
        who = service.staff_subject(str(b["staff_id"]))
        response = JSONResponse(jsonable(me_of(who)))
        response.set_cookie(auth.COOKIE, token, httponly=True, samesite="strict", max_age=auth.SESSION_HOURS * 3600)
        return response

    @app.post("/api/logout")
    def logout(request: Request) -> JSONResponse:
        token = request.cookies.get(auth.COOKIE)
        if token:
            auth.logout(service, token)
        response = JSONResponse({"ok": True})
        response.delete_cookie(auth.COOKIE)
        return response

    def me_of(who: Subject) -> Dict[str, Any]:
        return {"id": who.id, "name": who.name, "roles": who.actor["roles"], "unit": who.actor.get("unit"), "position": who.position}

    @app.get("/api/me")
    def me(request: Request) -> JSONResponse:
        return JSONResponse(jsonable(me_of(staff(request))))

    @app.get("/api/inbox")
    def inbox(request: Request) -> JSONResponse:
        return JSONResponse(jsonable(service.inbox(staff(request))))

    @app.get("/api/cases/{case_id}")
    def case(request: Request, case_id: str) -> JSONResponse:
        return JSONResponse(jsonable(service.view(staff(request), case_id)))

    @app.post("/api/cases/{case_id}/commands")
    async def command(request: Request, case_id: str) -> JSONResponse:
        who = await blocking(staff, request)
        b = await body(request)
        if not isinstance(b, dict):
            raise ServiceError(422, "invalid_json", "send {command, expected_version}", "kirim {command, expected_version}")
        expected = b.get("expected_version")
        if expected is not None and (not isinstance(expected, int) or not 0 <= expected <= 1_000_000):
            raise ServiceError(422, "invalid_version", "expected_version is a whole number", "expected_version berupa bilangan bulat")
        return reply(await blocking(service.command, who, case_id, b.get("command"), expected, key(request)))

    @app.get("/api/files/{file_id}")
    def file(request: Request, file_id: str) -> Response:
        who = staff(request)
        row = service.store.one("SELECT case_id, name, format, data FROM files WHERE id = ?", (file_id[:64],))
        if row is None:
            raise ServiceError(404, "unknown_file", "no such file", "tidak ada berkas tersebut")
        service.view(who, row[0])  # authorised like the case
        media = {"pdf": "application/pdf", "jpg": "image/jpeg", "png": "image/png"}.get(row[2], "application/octet-stream")
        return Response(bytes(row[3]), media_type=media, headers={"Content-Disposition": f'attachment; filename="{row[1]}"'})

    @app.get("/api/dashboard")
    def dashboard(request: Request) -> JSONResponse:
        who = staff(request)
        if not who.position:
            raise ServiceError(403, "unauthorized", "the dashboard is for superiors (a position in the line of command)",
                               "dasbor untuk atasan (jabatan dalam garis komando)")
        return JSONResponse(jsonable(service.dashboard(who)))

    # --- IKM survey -----------------------------------------------------
    @app.get("/api/survey")
    def survey() -> JSONResponse:
        return JSONResponse(jsonable(ptsp.evaluation.survey()))

    @app.post("/api/survey")
    async def answer(request: Request) -> JSONResponse:
        b = await body(request)
        if not isinstance(b, dict):
            raise ServiceError(422, "invalid_json", "a response is a JSON object", "jawaban berupa objek JSON")
        problems = ptsp.evaluation.validate_response(b)
        if problems:
            return JSONResponse({"code": "invalid_responses", "kind": "evaluation",
                                 "message": {"en": "the survey response has problems", "id": "jawaban survei bermasalah"},
                                 "errors": problems}, status_code=422)
        service.store.execute("INSERT INTO survey_responses (at, body) VALUES (?, ?)",
                              (service.clock.now().isoformat(), json.dumps(b, ensure_ascii=False)))
        return JSONResponse({"ok": True}, status_code=201)

    @app.get("/api/ikm")
    def ikm() -> JSONResponse:
        rows = service.store.all("SELECT body FROM survey_responses")
        if not rows:
            raise ServiceError(404, "no_respondents", "no survey responses yet", "belum ada jawaban survei")
        return JSONResponse(jsonable(ptsp.evaluation.ikm([json.loads(r[0]) for r in rows])))

    # --- operations -----------------------------------------------------
    @app.post("/api/admin/jobs/run")
    def run_jobs(request: Request) -> JSONResponse:
        who = staff(request)
        if not who.position:
            raise ServiceError(403, "unauthorized", "for superiors only", "hanya untuk atasan")
        return JSONResponse(jsonable(jobs.run_once(service)))

    @app.post("/api/admin/rebuild")
    def rebuild(request: Request) -> JSONResponse:
        who = staff(request)
        if who.position != "kadis":
            raise ServiceError(403, "unauthorized", "for the head of the office only", "hanya untuk kepala dinas")
        return JSONResponse({"cases": service.rebuild()})

    if os.environ.get("PTSP_TEST_CLOCK") == "1":

        @app.post("/api/test/clock")
        async def set_clock(request: Request) -> JSONResponse:
            """Moves the service's clock (tests and demos only: enabled by
            ``PTSP_TEST_CLOCK=1``)."""
            b = await body(request)
            if "at" in b:
                service.clock.set(dt.datetime.fromisoformat(b["at"]))
            else:
                service.clock.advance(dt.timedelta(minutes=float(b.get("minutes", 0))))
            return JSONResponse({"now": service.clock.now().isoformat()})

        @app.post("/api/test/jobs")
        def test_jobs() -> JSONResponse:
            return JSONResponse(jsonable(jobs.run_once(service)))

    return BoundedBodies(app)


class BoundedBodies:
    """Refuses a request body over its limit before the application reads
    it: by ``Content-Length`` when given, and by counting when streamed. A
    plain ASGI wrapper (a ``BaseHTTPMiddleware`` costs a task per request)."""

    def __init__(self, app: FastAPI):
        self.app = app
        self.state = app.state

    async def __call__(self, scope: Dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] not in ("POST", "PUT", "PATCH"):
            return await self.app(scope, receive, send)
        limit = MAX_UPLOAD_BYTES if scope["path"] == "/api/permits" else MAX_JSON_BYTES
        length = dict(scope["headers"]).get(b"content-length")
        too_large = ServiceError(413, "too_large", f"the request is larger than {limit} bytes", f"permintaan lebih besar dari {limit} bita")
        if length is not None and (not length.isdigit() or int(length) > limit):
            return await JSONResponse(error_body(too_large)[1], status_code=413)(scope, receive, send)
        seen = 0

        async def counted() -> Dict[str, Any]:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise ServiceError(413, "too_large", "the request is too large", "permintaan terlalu besar")
            return message

        await self.app(scope, counted, send)


def jsonable(v: Any) -> Any:
    """Dates, instants and durations as ISO text."""
    if isinstance(v, dict):
        return {k: jsonable(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [jsonable(x) for x in v]
    if isinstance(v, (dt.datetime, dt.date)):
        return v.isoformat()
    if isinstance(v, dt.timedelta):
        return v.total_seconds()
    if hasattr(v, "to_dict"):
        return jsonable(v.to_dict())
    return v
