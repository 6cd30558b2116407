"""Errors of procedures, cases and SLA clocks: the exception classes, stable
codes, messages in both languages, problems in .errors(), calendar errors
keeping their code, wrong Python types and dict shapes, and no panic for
extreme inputs."""

import datetime as dt
import json
import pickle

import pytest

import ptsp

DOCS = [{"code": c, "format": "pdf", "bytes": 10_000} for c in ["surat_permohonan", "ktp", "nib", "npwp", "dokumen_teknis"]]
APPLICANT = {"id": "p-1", "roles": ["pemohon"]}
VERIFIER = {"id": "v-1", "roles": ["verifikator"]}


def submit(at="2026-12-22T09:15:00+07:00", documents=DOCS):
    return {"actor": APPLICANT, "at": at, "command": {"type": "submit", "case_id": "IZN-1", "documents": documents}}


@pytest.fixture(scope="module")
def permit():
    return ptsp.Procedure.jatim_permit()


@pytest.fixture
def running(permit, jatim):
    case = ptsp.Case()
    case.execute(submit(), permit, jatim)
    return case


def raises(code, call, cls=ptsp.PtspError):
    with pytest.raises(cls) as info:
        call()
    err = info.value
    assert err.code == code, (err.code, str(err))
    assert set(err.messages) == {"en", "id"}
    assert err.messages["en"] and err.messages["id"]
    assert str(err) == err.messages["en"]
    return err


def test_hierarchy():
    assert issubclass(ptsp.ProcedureError, ptsp.PtspError)
    assert issubclass(ptsp.CaseError, ptsp.PtspError)
    assert issubclass(ptsp.UnauthorizedError, ptsp.CaseError)
    assert issubclass(ptsp.CaseValidationError, ptsp.CaseError)
    assert not issubclass(ptsp.CaseError, ptsp.CalendarError)
    assert not issubclass(ptsp.ProcedureError, ptsp.CalendarError)
    for cls in [ptsp.ProcedureError, ptsp.CaseError, ptsp.UnauthorizedError, ptsp.CaseValidationError]:
        assert issubclass(cls, ValueError) and not issubclass(cls, TypeError)


def test_procedure_errors(permit):
    raises("invalid_json", lambda: ptsp.Procedure.from_json("["), ptsp.ProcedureError)
    err = raises("invalid_json", lambda: ptsp.Procedure.from_definition({"id": "x"}), ptsp.ProcedureError)
    # The shape error names the field, with its path and both languages.
    assert [(p["path"], p["code"]) for p in err.errors()] == [("version", "missing_field")]
    assert "“version”" in str(err) and "tidak ada" in err.messages["id"]
    # validate_definition raises exactly as from_definition for a dict of the wrong shape.
    again = raises("invalid_json", lambda: ptsp.Procedure.validate_definition({"id": "x"}), ptsp.ProcedureError)
    assert again.messages == err.messages
    d = permit.definition
    d["colour"] = "blue"
    err = raises("invalid_json", lambda: ptsp.Procedure.validate_definition(d), ptsp.ProcedureError)
    assert "colour" in str(err)
    d = permit.definition
    d["steps"][1]["kind"] = "meeting"
    raises("invalid_json", lambda: ptsp.Procedure.from_definition(d), ptsp.ProcedureError)
    d = permit.definition
    d["lanes"][0]["roles"] = []
    err = raises("invalid_procedure", lambda: ptsp.Procedure.from_definition(d), ptsp.ProcedureError)
    assert err.errors()[0]["code"] == "lane_without_role"
    assert err.messages["id"].startswith("definisi prosedur tidak valid")


def test_incomplete_documents_list_every_gap(permit, jatim):
    case = ptsp.Case()
    docs = [{"code": "ktp", "format": "docx", "bytes": 10}]
    err = raises("incomplete_documents", lambda: case.execute(submit(documents=docs), permit, jatim), ptsp.CaseValidationError)
    codes = sorted(p["code"] for p in err.errors())
    assert codes == ["missing_document"] * 4 + ["wrong_format"]
    assert err.errors() == permit.check_documents(docs)
    assert "wajib dan belum diunggah" in err.messages["id"]
    assert case == ptsp.Case()


def test_invalid_correction_reasons(running, permit, jatim):
    before = running.to_dict()
    req = {
        "actor": VERIFIER,
        "at": "2026-12-23T10:00:00+07:00",
        "command": {"type": "return_for_correction", "step": "pemeriksaan", "reasons": [{"document": "sim", "reason": " "}]},
    }
    err = raises("invalid_input", lambda: running.execute(req, permit, jatim), ptsp.CaseValidationError)
    assert sorted(p["code"] for p in err.errors()) == ["empty_reason", "unknown_document"]
    assert running.to_dict() == before


def test_unauthorized(running, permit, jatim):
    req = {"actor": {"id": "p-2", "roles": ["pemohon"]}, "at": "2026-12-23T10:00:00+07:00", "command": {"type": "withdraw"}}
    err = raises("unauthorized", lambda: running.execute(req, permit, jatim), ptsp.UnauthorizedError)
    assert "“p-2”" in str(err) and "applicant" in str(err)
    assert "pemohon kasus ini sendiri" in err.messages["id"]
    assert err.errors() == []


def test_calendar_errors_of_case_operations_keep_their_code(permit, jatim, indonesia, running, wib):
    # The deadline of a step entered late in 2027 falls in an uncovered year.
    case = ptsp.Case()
    err = raises("out_of_coverage", lambda: case.execute(submit(at="2027-12-30T09:00:00+07:00"), permit, jatim), ptsp.CalendarError)
    assert "di luar cakupan" in err.messages["id"]
    assert case == ptsp.Case()
    raises("no_office_hours", lambda: ptsp.Case().execute(submit(), permit, indonesia), ptsp.CalendarError)
    raises("no_office_hours", lambda: ptsp.Case().decide(submit(), permit, indonesia), ptsp.CalendarError)
    raises("out_of_coverage", lambda: ptsp.sla.evaluate(running, permit, jatim, dt.datetime(2030, 1, 2, tzinfo=wib)))
    raises("out_of_coverage", lambda: permit.preview(jatim, dt.datetime(2027, 12, 30, 9, tzinfo=wib)))


def test_dicts_of_the_wrong_shape_are_invalid_input(running, permit, jatim):
    bad_requests = [
        {"actor": APPLICANT, "command": {"type": "withdraw"}},
        {"actor": APPLICANT, "at": "2026-12-23T10:00:00+07:00", "command": {"type": "approve"}},
        {"actor": APPLICANT, "at": "tomorrow", "command": {"type": "withdraw"}},
        {"actor": APPLICANT, "at": dt.datetime(2026, 12, 23, 10), "command": {"type": "withdraw"}},
        {"actor": {"id": "p-1", "role": "pemohon"}, "at": "2026-12-23T10:00:00+07:00", "command": {"type": "withdraw"}},
        submit(documents=[{"code": "ktp", "format": "pdf", "bytes": -1}]),
    ]
    for req in bad_requests:
        for call in [
            lambda: running.execute(req, permit, jatim),
            lambda: running.decide(req, permit, jatim),
        ]:
            err = raises("invalid_json", call, ptsp.CaseValidationError)
            assert isinstance(err, ptsp.ValidationError)
            for problem in err.errors():
                assert problem["path"].startswith("request.")
                assert problem["message"] and problem["message_id"] and problem["message"] != problem["message_id"]
    event = {"at": "2026-12-23T10:00:00+07:00", "case": "IZN-1", "actor": "p-1", "type": "exploded"}
    err = raises("invalid_json", lambda: running.apply(event, permit), ptsp.CaseValidationError)
    # An event is read in one pass, so the unknown name is reported at its field.
    assert err.errors()[0]["path"] == "event.type" and err.errors()[0]["code"] == "unknown_variant"
    assert "“exploded”" in err.errors()[0]["message"]


def test_a_wrong_shaped_request_names_the_path(running, permit, jatim):
    # The same input gives the same code, path and text in JS (suite.mjs).
    req = {"actor": APPLICANT, "at": "2026-12-23T10:00:00+07:00", "command": {"type": "complete_stpe", "step": "x"}}
    err = raises("invalid_json", lambda: running.execute(req, permit, jatim), ptsp.CaseValidationError)
    (p,) = err.errors()
    assert (p["path"], p["code"]) == ("request.command.type", "unknown_variant")
    assert p["message"].startswith("unknown value “complete_stpe”: expected one of “submit”, ")
    req = {"actor": APPLICANT, "at": "2026-12-23T10:00:00+07:00", "command": {"step": "x"}}
    err = raises("invalid_json", lambda: running.execute(req, permit, jatim), ptsp.CaseValidationError)
    assert [(p["path"], p["code"]) for p in err.errors()] == [("request.command.type", "missing_field")]
    assert err.errors()[0]["message_id"] == "kolom wajib “type” tidak ada"


def test_replay_reports_every_bad_event(permit, jatim):
    case = ptsp.Case()
    log = case.execute(submit(), permit, jatim)
    bad = [log[0], {"type": "withdrawn"}, {"at": "x", "case": "IZN-1", "actor": "p-1", "type": "withdrawn", "reason": None}]
    err = raises("invalid_json", lambda: ptsp.Case.replay(bad, permit), ptsp.CaseValidationError)
    assert [(p["path"], p["code"]) for p in err.errors()] == [("events[1].at", "missing_field"), ("events[2].at", "invalid_value")]


def test_check_documents_of_the_wrong_shape(permit):
    err = raises("invalid_json", lambda: permit.check_documents([{"code": "ktp"}, {"code": "nib", "format": "pdf", "bytes": 1}, {}]), ptsp.CaseValidationError)
    assert [p["path"] for p in err.errors()] == ["documents[0].format", "documents[2].code"]


WRONG_TYPES = [
    lambda p, c, case, t: ptsp.Procedure.from_json(b"{}"),
    lambda p, c, case, t: ptsp.Procedure.from_definition("{}"),
    lambda p, c, case, t: ptsp.Procedure.validate_definition(["not", "a", "dict"]),
    lambda p, c, case, t: ptsp.Procedure.validate_definition({"id": object()}),
    lambda p, c, case, t: p.check_documents({"code": "ktp"}),
    lambda p, c, case, t: p.preview(p, t),
    lambda p, c, case, t: case.execute(json.dumps(submit()), p, c),
    lambda p, c, case, t: case.execute(submit(), p.definition, c),
    lambda p, c, case, t: case.execute(submit(), p, c.assuming_weekends_only()),
    lambda p, c, case, t: case.decide(submit(), c, p),
    lambda p, c, case, t: case.apply(None, p),
    lambda p, c, case, t: case.apply_trusted(None),
    lambda p, c, case, t: case.tracking("jatim-izin"),
    lambda p, c, case, t: ptsp.Case.replay("[]", p),
    lambda p, c, case, t: ptsp.Case.replay([], c),
    lambda p, c, case, t: ptsp.sla.evaluate(case.to_dict(), p, c, t),
    lambda p, c, case, t: ptsp.sla.evaluate(case, p, c, t.date()),
    lambda p, c, case, t: ptsp.sla.evaluate(case, p, c, None),
    lambda p, c, case, t: ptsp.sla.evaluate_many(case, p, c, t),
    lambda p, c, case, t: ptsp.sla.evaluate_many([case, None], p, c, t),
    lambda p, c, case, t: ptsp.sla.explain(case, 0.0, p, c),
    lambda p, c, case, t: ptsp.sla.explain(case, "0", p, c),
    lambda p, c, case, t: ptsp.sla.explain(case, True, p, c),
    lambda p, c, case, t: ptsp.sla.preview(p, c, 1766369700),
]


@pytest.mark.parametrize("call", WRONG_TYPES, ids=range(len(WRONG_TYPES)))
def test_wrong_python_types_raise_invalid_type(call, permit, jatim, running, wib):
    t = dt.datetime(2026, 12, 28, 12, tzinfo=wib)
    err = raises("invalid_type", lambda: call(permit, jatim, running, t), ptsp.InvalidTypeError)
    assert isinstance(err, TypeError)
    assert "expected" in err.messages["en"] and "seharusnya" in err.messages["id"]


def test_invalid_type_names_the_list_item(permit, jatim, running, wib):
    t = dt.datetime(2026, 12, 28, 12, tzinfo=wib)
    err = raises("invalid_type", lambda: ptsp.sla.evaluate_many([running, running, {}], permit, jatim, t))
    assert "cases[2]" in str(err) and "ptsp.Case" in str(err)


def test_naive_datetimes_are_refused(permit, jatim, running):
    naive = dt.datetime(2026, 12, 28, 12)
    for call in [
        lambda: ptsp.sla.evaluate(running, permit, jatim, naive),
        lambda: ptsp.sla.evaluate_many([running], permit, jatim, naive),
        lambda: ptsp.sla.preview(permit, jatim, naive),
        lambda: permit.preview(jatim, naive),
    ]:
        err = raises("invalid_value", call, ptsp.CalendarError)
        assert "aware" in str(err)


def test_visit_numbers_out_of_range(permit, jatim, running):
    for visit in [-1, 2**64, 10**30]:
        raises("out_of_range", lambda: ptsp.sla.explain(running, visit, permit, jatim))
    err = raises("invalid_input", lambda: ptsp.sla.explain(running, 2**40, permit, jatim), ptsp.CaseValidationError)
    assert err.errors()[0]["code"] == "unknown_visit"


def test_errors_pickle(permit, jatim, indonesia, running, wib):
    errors = []
    for call in [
        lambda: ptsp.Procedure.from_json("["),
        lambda: running.execute(submit(documents=[]), permit, jatim),
        lambda: running.execute({"actor": {"id": "x"}, "at": "2026-12-23T10:00:00+07:00", "command": {"type": "withdraw"}}, permit, jatim),
        lambda: running.execute(submit(), permit, jatim),
    ]:
        with pytest.raises(ptsp.PtspError) as info:
            call()
        errors.append(info.value)
    errors += ptsp.sla.evaluate_many([running], permit, indonesia, dt.datetime(2026, 12, 28, tzinfo=wib))
    assert [type(e).__name__ for e in errors] == ["ProcedureValidationError", "CaseError", "UnauthorizedError", "CaseError", "CalendarError"]
    assert [e.code for e in errors] == ["invalid_json", "wrong_state", "unauthorized", "wrong_state", "no_office_hours"]
    for err in errors:
        again = pickle.loads(pickle.dumps(err))
        assert type(again) is type(err)
        assert (again.code, again.messages, again.errors()) == (err.code, err.messages, err.errors())


def test_extreme_instants_never_panic(permit, jatim):
    log = ptsp.Case().execute(submit(), permit, jatim)
    utc = dt.timezone.utc
    far = dt.timezone(dt.timedelta(hours=23, minutes=59))
    instants = [
        dt.datetime.max.replace(tzinfo=utc),
        dt.datetime.min.replace(tzinfo=far),
        dt.datetime.max.replace(tzinfo=far),
        dt.datetime.min.replace(tzinfo=utc),
    ]
    calls = []
    for t in instants:
        calls += [
            lambda t=t: ptsp.sla.evaluate(ptsp.Case.replay(log, permit), permit, jatim, t),
            lambda t=t: ptsp.sla.evaluate_many([ptsp.Case.replay(log, permit), ptsp.Case()], permit, jatim, t),
            lambda t=t: ptsp.sla.preview(permit, jatim, t),
            lambda t=t: ptsp.Case().execute(submit(at=t), permit, jatim),
            lambda t=t: ptsp.Case.replay(log, permit).execute({"actor": APPLICANT, "at": t, "command": {"type": "withdraw"}}, permit, jatim),
            lambda t=t: ptsp.Case.replay(log, permit).decide({"actor": VERIFIER, "at": t, "command": {"type": "complete_step", "step": "pemeriksaan", "outcome": "lengkap"}}, permit, jatim),
        ]
    for text in ["+262143-12-31T23:59:59+00:00", "0000-01-01T00:00:00+00:00", "9999-12-31T23:59:59-23:59"]:
        calls.append(lambda text=text: ptsp.Case().execute(submit(at=text), permit, jatim))
    for call in calls:
        try:
            result = call()
        except ptsp.PtspError as e:
            assert e.code in ("out_of_range", "out_of_coverage", "invalid_value", "invalid_input", "invalid_json", "inconsistent_log"), e
        else:
            assert result is not None
        # Any other exception (a PanicException is a BaseException) fails the test.


def test_items_of_the_wrong_json_type_are_shape_errors(permit, jatim):
    # Inside a list, an item of the wrong JSON type is a shape error at its
    # path, as in JS; the argument itself of the wrong Python type is
    # invalid_type.
    err = raises("invalid_json", lambda: permit.check_documents(["ktp"]), ptsp.CaseValidationError)
    assert [(p["path"], p["code"]) for p in err.errors()] == [("documents[0]", "wrong_type")]
    err = raises("invalid_json", lambda: ptsp.Case.replay([None], permit), ptsp.CaseValidationError)
    assert err.errors()[0]["path"] == "events[0]"
    # An instant is an aware datetime or RFC 3339 text, everywhere.
    assert permit.preview(jatim, "2026-12-22T09:15:00+07:00") == permit.preview(
        jatim, dt.datetime.fromisoformat("2026-12-22T09:15:00+07:00"))
