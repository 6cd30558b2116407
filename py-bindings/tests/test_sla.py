"""ptsp.sla: evaluate, evaluate_many (one entry per case, errors in place),
explain and preview; the module imports as ptsp.sla from the wheel."""

import datetime as dt
import importlib
import json
import threading

import pytest

import ptsp
from ptsp import sla

DOCS = [{"code": c, "format": "pdf", "bytes": 10_000} for c in ["surat_permohonan", "ktp", "nib", "npwp", "dokumen_teknis"]]
APPLICANT = {"id": "p-1", "roles": ["pemohon"]}
VERIFIER = {"id": "v-1", "roles": ["verifikator"]}


@pytest.fixture(scope="module")
def permit():
    return ptsp.Procedure.jatim_permit()


def submitted(permit, cal, at="2026-12-22T09:15:00+07:00", case_id="IZN-1"):
    case = ptsp.Case()
    command = {"type": "submit", "case_id": case_id, "documents": DOCS}
    case.execute({"actor": APPLICANT, "at": at, "command": command}, permit, cal)
    return case


def checked(permit, cal):
    case = submitted(permit, cal)
    assign = {"type": "assign", "lane": "opd_teknis", "unit": "dinkes"}
    case.execute({"actor": {"id": "f-1", "roles": ["front_office"]}, "at": "2026-12-23T09:00:00+07:00", "command": assign}, permit, cal)
    command = {"type": "complete_step", "step": "pemeriksaan", "outcome": "lengkap"}
    case.execute({"actor": VERIFIER, "at": "2026-12-23T10:00:00+07:00", "command": command}, permit, cal)
    return case


def rejected(permit, cal):
    case = submitted(permit, cal)
    command = {"type": "reject", "step": "pemeriksaan", "reason": "tidak memenuhi syarat"}
    case.execute({"actor": VERIFIER, "at": "2026-12-23T10:00:00+07:00", "command": command}, permit, cal)
    return case


def test_the_submodule_imports():
    assert importlib.import_module("ptsp.sla") is sla is ptsp.sla
    assert sorted(sla.__all__) == ["evaluate", "evaluate_many", "explain", "preview"]
    for name in sla.__all__:
        fn = getattr(sla, name)
        assert callable(fn) and fn.__doc__
        assert fn.__module__ == "ptsp.sla"


def test_evaluate_running_at_risk_breached(permit, jatim, wib):
    case = submitted(permit, jatim)
    r = sla.evaluate(case, permit, jatim, dt.datetime(2026, 12, 22, 10, 15, tzinfo=wib))
    assert r["case_id"] == "IZN-1" and r["at"] == "2026-12-22T10:15:00+07:00"
    (step,) = r["steps"]
    assert step["step"] == "pemeriksaan" and step["lane"] == "ptsp" and step["visit"] == 0
    assert step["status"] == "running" and step["threshold"] is None
    assert step["elapsed_seconds"] == 3600
    assert step["due"] == "2026-12-29T16:00:00+07:00"
    assert r["lanes"] == [{"lane": "ptsp", "elapsed_seconds": 3600, "visits": 1, "breached": 0}]
    assert r["case"]["status"] == "active" and r["case"]["status_worst"] == "running"
    # The core's example: day 2 of 3 is past 50 %; after the due it is breached.
    r = sla.evaluate(case, permit, jatim, dt.datetime(2026, 12, 28, 12, tzinfo=wib))
    assert (r["steps"][0]["status"], r["steps"][0]["threshold"]) == ("at_risk", 50)
    r = sla.evaluate(case, permit, jatim, dt.datetime(2026, 12, 30, 8, tzinfo=wib))
    assert r["steps"][0]["status"] == "breached"
    assert r["steps"][0]["remaining_seconds"] < 0
    assert r["case"]["breached"] == 1


def test_evaluate_a_new_case(permit, jatim, wib):
    r = sla.evaluate(ptsp.Case(), permit, jatim, dt.datetime(2026, 12, 22, 9, tzinfo=wib))
    assert r["steps"] == [] and r["lanes"] == [] and r["due_events"] == []
    assert r["case"]["status"] == "new" and r["case"]["started"] is None


def test_evaluate_many_one_entry_per_case_errors_in_place(permit, jatim, indonesia, wib):
    now = dt.datetime(2026, 12, 28, 12, tzinfo=wib)
    running, done, new = submitted(permit, jatim), checked(permit, jatim), ptsp.Case()
    cases = [running, done, new]
    reports = sla.evaluate_many(cases, permit, jatim, now)
    assert reports == [sla.evaluate(c, permit, jatim, now) for c in cases]
    assert sla.evaluate_many((), permit, jatim, now) == []

    # The national calendar has no office hours: the submitted cases cannot
    # be measured, the new one can; nothing is raised.
    mixed = sla.evaluate_many(cases, permit, indonesia, now)
    assert len(mixed) == 3
    for err in mixed[:2]:
        assert isinstance(err, ptsp.CalendarError) and isinstance(err, ptsp.PtspError)
        assert err.code == "no_office_hours"
        assert err.messages["id"] and str(err) == err.messages["en"]
    assert mixed[2] == sla.evaluate(new, permit, indonesia, now)
    with pytest.raises(ptsp.CalendarError) as info:
        sla.evaluate(running, permit, indonesia, now)
    assert info.value.code == "no_office_hours"

    # Past the calendar's coverage only the running case needs `now`.
    late = dt.datetime(2031, 1, 6, 9, tzinfo=wib)
    out = sla.evaluate_many([running, rejected(permit, jatim)], permit, jatim, late)
    assert isinstance(out[0], ptsp.CalendarError) and out[0].code == "out_of_coverage"
    assert isinstance(out[1], dict)
    assert out[1]["steps"][0]["status"] == "met_on_time"


def test_evaluate_many_does_not_change_the_cases(permit, jatim, wib):
    case = submitted(permit, jatim)
    before = case.to_dict()
    sla.evaluate_many([case, case], permit, jatim, dt.datetime(2026, 12, 28, 12, tzinfo=wib))
    assert case.to_dict() == before


def test_evaluate_many_from_threads(permit, jatim, wib):
    cases = [submitted(permit, jatim, case_id=f"IZN-{i}") for i in range(50)]
    now = dt.datetime(2026, 12, 28, 12, tzinfo=wib)
    want = sla.evaluate_many(cases, permit, jatim, now)
    got = []

    def work():
        got.append(sla.evaluate_many(cases, permit, jatim, now))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert got == [want] * 4


def test_deemed_approval_is_reported_never_applied(permit, jatim, wib):
    d = permit.definition
    d["deemed_approval"] = {"steps": ["pemeriksaan"], "basis": "UU 30/2014 Pasal 53"}
    p = ptsp.Procedure.from_definition(d)
    case = submitted(p, jatim)
    r = sla.evaluate(case, p, jatim, dt.datetime(2026, 12, 30, 8, tzinfo=wib))
    assert r["due_events"] == [
        {"type": "deemed_approval", "step": "pemeriksaan", "due": "2026-12-29T16:00:00+07:00", "basis": "UU 30/2014 Pasal 53"}
    ]
    assert case.status == "active"


def test_explain_a_step_deadline(permit, jatim):
    case = submitted(permit, jatim)
    e = sla.explain(case, 0, permit, jatim)
    assert e["step"] == "pemeriksaan"
    assert e["name"]["id"] == "Pemeriksaan kelengkapan dan kebenaran dokumen persyaratan"
    assert e["first_due"] == e["due"] == "2026-12-29T16:00:00+07:00"
    assert e["pauses"] == []
    days = e["explanation"]["days"]
    assert days[0] == {"date": "2026-12-22", "role": "received"}
    skipped = {d["date"]: d["reason"] for d in days if d["role"] == "skipped"}
    assert skipped["2026-12-24"] == "holiday" and skipped["2026-12-26"] == "weekend"
    assert e["explanation"]["deadline"]["due_at"] == e["first_due"]
    json.dumps(e)


def test_explain_an_untimed_step_and_an_unknown_visit(permit, jatim):
    case = checked(permit, jatim)
    e = sla.explain(case, 1, permit, jatim)
    assert e["step"] == "rekomendasi" and e["due"] is None and e["explanation"] is None
    with pytest.raises(ptsp.CaseValidationError) as info:
        sla.explain(case, 5, permit, jatim)
    err = info.value
    assert err.code == "invalid_input"
    assert [p["code"] for p in err.errors()] == ["unknown_visit"]
    assert "kunjungan 5 tidak ada" in err.errors()[0]["message_id"]


def test_preview_needs_office_hours(permit, indonesia, wib):
    with pytest.raises(ptsp.CalendarError) as info:
        sla.preview(permit, indonesia, dt.datetime(2026, 12, 22, 9, 15, tzinfo=wib))
    assert info.value.code == "no_office_hours"
