"""Seed §4 facilities from Python: the shared fixture
(tests/fixtures/office/facilities.json, also read by the Rust and JS suites),
typed views, and errors with every problem."""

import datetime as dt
import json
from pathlib import Path

import pytest

import ptsp

FIXTURE = Path(__file__).resolve().parent.parent.parent / "tests" / "fixtures" / "office" / "facilities.json"
F = json.loads(FIXTURE.read_text(encoding="utf-8"))


def inventory_of(case):
    if "inventory_from" in case:
        return F["audits"][case["inventory_from"]]["inventory"]
    return case["inventory"]


@pytest.mark.parametrize("case", F["audits"], ids=lambda c: c["name"])
def test_audits_agree_with_the_fixture(case):
    a = ptsp.office.audit_facilities(inventory_of(case), case["options"] or None)
    e = case["expect"]
    assert (a.total, a.present, a.inadequate, a.missing) == (e["total"], e["present"], e["inadequate"], e["missing"])
    assert a["rooms"] == e["rooms"] and a["equipment"] == e["equipment"]
    assert a.compliance * 33 == pytest.approx(e["compliance_times_33"])
    lines = {l.item: l for l in a.lines}
    for item, status in e["statuses"].items():
        assert lines[item].status == status, item
    for item, reasons in e.get("reasons_en", {}).items():
        assert [r["en"] for r in lines[item].reasons] == reasons, item
    assert a.as_of == dt.date(2026, 12, 1)


def test_comparison_agrees_with_the_fixture():
    c = F["comparison"]
    after_case = F["audits"][c["after_from"]]
    before = ptsp.office.audit_facilities(c["before"], after_case["options"])
    after = ptsp.office.audit_facilities(inventory_of(after_case), after_case["options"])
    d = ptsp.office.compare_audits(before, after)
    e = c["expect"]
    assert (len(d.improved), len(d.worsened), d.unchanged) == (e["improved"], e["worsened"], e["unchanged"])
    assert d.compliance_change * 33 == pytest.approx(e["compliance_change_times_33"])
    first = d.improved[0]
    assert [first["item"], first["before"], first["after"]] == e["first_improved"]
    assert (d["from"], d.to) == ("2026-06-01", dt.date(2026, 12, 1))


@pytest.mark.parametrize("case", F["invalid"], ids=lambda c: c["name"])
def test_bad_inventories_report_every_problem(case):
    with pytest.raises(ptsp.OfficeError) as info:
        ptsp.office.audit_facilities(case["inventory"], case.get("options"))
    e = info.value
    assert e.code == case["code"] and e.kind == "office"
    assert isinstance(e, ptsp.ValidationError)
    assert [[p["path"], p["code"]] for p in e.errors()] == case["problems"]
    assert e.messages["id"] != e.messages["en"]


def test_the_checklist_is_the_seed_s():
    c = ptsp.office.facilities_checklist()
    assert [i["name"]["id"] for i in c["items"]][:3] == ["Ruang Pemrosesan Berkas", "Ruang Server", "Ruang Arsip"]
    assert sum(i["kind"] == "room" for i in c["items"]) == 14
    assert sum(i["kind"] == "equipment" for i in c["items"]) == 19


def test_an_own_checklist_and_wrong_types():
    own = {"id": "kantor-x", "title": {"id": "Sarana", "en": "Facilities"}, "source": "internal",
           "items": [{"id": "ramp", "kind": "room", "clause": "x.1", "name": {"id": "Jalur landai", "en": "Ramp"}}]}
    a = ptsp.office.audit_facilities({"office": "x", "as_of": "2026-12-01", "entries": [{"item": "ramp", "present": True}]},
                                     None, own)
    assert (a.total, a.present, a.compliance) == (1, 1, 100.0)
    with pytest.raises(ptsp.OfficeValidationError) as info:
        ptsp.office.audit_facilities({"office": "x", "as_of": "2026-12-01"}, None, {**own, "items": []})
    assert info.value.code == "invalid_checklist"
    with pytest.raises(ptsp.InvalidTypeError):
        ptsp.office.audit_facilities("inventory")


ORG = json.loads((FIXTURE.parent / "organisation.json").read_text(encoding="utf-8"))


def date(text):
    return dt.date.fromisoformat(text)


@pytest.mark.parametrize("case", ORG["staffing"], ids=lambda c: c["name"])
def test_staffing_agrees_with_the_fixture(case):
    r = ptsp.office.staffing(ORG["organisation"], date(case["as_of"]), case["settings"] or None,
                             ORG["requirements"], case["open_cases"])
    e = case["expect"]
    assert (r.short, r.single) == (e["short"], e["single"])
    sectors = {s.sector: s for s in r.sectors}
    for sector, want in e["sectors"].items():
        for key, value in want.items():
            assert sectors[sector][key] == value, (sector, key)
    assert r.as_of == date(case["as_of"])


@pytest.mark.parametrize("case", ORG["competence"], ids=lambda c: c["name"])
def test_competence_reports_agree_with_the_fixture(case):
    r = ptsp.office.competence_report(ORG["organisation"], ORG["requirements"], case["role"],
                                      date(case["as_of"]), case.get("sector"), case["within_days"])
    e = case["expect"]
    assert r.qualified == e["qualified"]
    assert {u["staff"]: [s["criterion"] for s in u["shortfalls"]] for u in r.unqualified} == e["unqualified"]
    assert [[x["staff"], x["certificate"], x["valid_until"], x["days_left"]] for x in r.expiring] == e["expiring"]


def set_pointer(doc, pointer, value):
    *parents, last = pointer.strip("/").split("/")
    for p in parents:
        doc = doc[int(p)] if isinstance(doc, list) else doc[p]
    if isinstance(doc, list):
        doc[int(last)] = value
    else:
        doc[last] = value


@pytest.mark.parametrize("case", ORG["invalid"], ids=lambda c: c["name"])
def test_bad_organisations_report_every_problem(case):
    org = json.loads(json.dumps(ORG["organisation"]))
    for pointer, value in case["set"].items():
        set_pointer(org, pointer, value)
    with pytest.raises(ptsp.OfficeValidationError) as info:
        ptsp.office.check_organisation(org)
    assert info.value.code == "invalid_organisation"
    assert [[p["path"], p["code"]] for p in info.value.errors()] == case["problems"]


def test_an_organisation_comes_back_as_given():
    assert ptsp.office.check_organisation(ORG["organisation"])["positions"][0]["id"] == "kadis"
    with pytest.raises(ptsp.InvalidTypeError):
        ptsp.office.staffing(ORG["organisation"], "2026-12-01")


def permit_case():
    p, cal = ptsp.Procedure.jatim_permit(), ptsp.Calendar.jatim()
    case = ptsp.Case()
    docs = [{"code": c, "format": "pdf", "bytes": 250_000} for c in ["surat_permohonan", "ktp", "nib", "npwp", "dokumen_teknis"]]
    case.execute({"actor": {"id": "pemohon-1", "roles": ["pemohon"]}, "at": "2026-12-21T09:00:00+07:00",
                  "command": {"type": "submit", "case_id": "IZN-1", "documents": docs}}, p, cal)
    case.execute({"actor": {"id": "fo-01", "roles": ["front_office"]}, "at": "2026-12-21T09:30:00+07:00",
                  "command": {"type": "assign", "lane": "ptsp", "staff": "s-01"}}, p, cal)
    return case, p, cal


def test_escalations_climb_the_line_of_command():
    case, p, cal = permit_case()
    o = ORG["organisation"]
    risk = ptsp.office.escalations(o, case, p, cal, "2026-12-28T14:00:00+07:00")
    assert [(e.control, e.level, e.position, e.staff) for e in risk] == [("preventive", 1, "kasi-verifikasi", ["s-04"])]
    assert risk[0].deadline == dt.datetime(2026, 12, 28, 16, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    later = ptsp.office.escalations(o, case, p, cal, "2027-01-15T10:00:00+07:00")
    assert [(e.level, e.position) for e in later] == [(1, "kasi-verifikasi"), (2, "kabid-pelayanan"), (3, "kadis")]
    assert all(e.control == "repressive" for e in later)
    w = ptsp.office.worklist(o, "kabid-pelayanan", later)
    assert [(x.case, x.level, x.recorded) for x in w] == [("IZN-1", 3, False)]
    # The procedure's policy may stop sooner; a bad policy is the procedure's problem.
    d = p.definition
    d["supervision"] = {"escalation": {"max_levels": 2}}
    two = ptsp.office.escalations(o, case, ptsp.Procedure.from_definition(d), cal, "2027-01-15T10:00:00+07:00")
    assert len(two) == 2
    d["supervision"] = {"escalation": {"every": {"amount": 0, "unit": "working_days"}}}
    with pytest.raises(ptsp.ProcedureValidationError) as info:
        ptsp.Procedure.from_definition(d)
    assert [p["path"] for p in info.value.errors()] == ["supervision.escalation.every.amount"]


SCENARIOS = json.loads((FIXTURE.parent / "supervision.json").read_text(encoding="utf-8"))


def contains(actual, expected):
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(k in actual and contains(actual[k], v) for k, v in expected.items())
    if isinstance(expected, list):
        return isinstance(actual, list) and len(actual) == len(expected) and all(map(contains, actual, expected))
    return actual == expected


def office():
    return ptsp.office.Office(ORG["organisation"], ORG["requirements"])


def run_request(o, case, log, request, step, p, cal):
    before = case.to_dict()
    if "error" in step:
        with pytest.raises(ptsp.PtspError) as info:
            o.execute(case, request, p, cal)
        assert info.value.code == step["error"], str(info.value)
        assert case.to_dict() == before, "a refused command changes nothing"
        return
    events = o.execute(case, request, p, cal)
    assert contains(events[0], step["event"]), events[0]
    for key in step.get("absent", []):
        assert key not in events[0]
    log.extend(events)


@pytest.mark.parametrize("scenario", SCENARIOS["scenarios"], ids=lambda s: s["name"])
def test_shared_office_scenarios(scenario):
    o, cal = office(), ptsp.Calendar.jatim()
    d = ptsp.Procedure.jatim_permit().definition
    if "qualification" in scenario:
        d["supervision"] = {"qualification": scenario["qualification"]}
    p = ptsp.Procedure.from_definition(d)
    case, log = ptsp.Case(), []
    for step in scenario["steps"]:
        if "actor" in step:
            on = dt.date.fromisoformat(step["on"])
            if "actor_error" in step:
                with pytest.raises(ptsp.OfficeError) as info:
                    o.actor(step["actor"], on)
                assert info.value.code == step["actor_error"]
                continue
            request = dict(step["do"], actor=o.actor(step["actor"], on))
            run_request(o, case, log, request, step, p, cal)
        elif "do" in step:
            run_request(o, case, log, step["do"], step, p, cal)
        elif "engine" in step:
            with pytest.raises(ptsp.CaseError) as info:
                case.decide(step["engine"], p, cal)
            assert info.value.code == step["error"]
        elif "escalations" in step:
            got = o.escalations(case, p, cal, step["escalations"])
            assert [[e.control, e.level, e.position, e.recorded] for e in got] == step["expect"]
        elif "worklist" in step:
            got = o.worklist(step["worklist"], o.escalations(case, p, cal, step["at"]))
            assert [[e.case, e.step, e.level, e.control] for e in got] == step["expect"]
        elif "replay" in step:
            assert ptsp.Case.replay(log, p) == case
        else:
            raise AssertionError(f"unknown step {step}")


@pytest.mark.parametrize("pick", SCENARIOS["pick_staff"], ids=lambda p: json.dumps(p, sort_keys=True))
def test_pick_staff_agrees_with_the_fixture(pick):
    got = office().pick_staff(pick["role"], dt.date.fromisoformat(pick["on"]), pick.get("open_cases"),
                              pick.get("unit"), pick.get("sector"))
    assert got == pick["expect"]


def test_an_office_refuses_bad_data_with_every_problem():
    bad = json.loads(json.dumps(ORG["organisation"]))
    bad["staff"][0]["unit"] = "nowhere"
    with pytest.raises(ptsp.OfficeValidationError) as info:
        ptsp.office.Office(bad)
    assert info.value.code == "invalid_organisation"
    with pytest.raises(ptsp.OfficeValidationError) as info:
        ptsp.office.Office(ORG["organisation"], [{"role": " "}])
    assert info.value.code == "invalid_requirements"
    with pytest.raises(ptsp.InvalidTypeError):
        office().actor(17, dt.date(2026, 12, 1))
    with pytest.raises(ptsp.InvalidTypeError):
        office().actor("s-01", "2026-12-01")
    o = office()
    assert repr(o).startswith("Office(")
    assert o.shortfalls("s-01", "verifikator", dt.date(2026, 12, 21), "kesehatan") == []
    why = o.shortfalls("s-02", "verifikator", dt.date(2026, 12, 21))
    assert why[0]["en"] == "certificate “verifikator-perizinan” expired on 2025-05-31"


@pytest.mark.parametrize("days", [-1, 2**40])
def test_a_look_ahead_out_of_range_is_refused(days):
    with pytest.raises(ptsp.CalendarError) as info:
        ptsp.office.competence_report(ORG["organisation"], [], "verifikator", dt.date(2026, 12, 1), None, days)
    assert info.value.code == "out_of_range"
    with pytest.raises(ptsp.InvalidTypeError):
        ptsp.office.competence_report(ORG["organisation"], [], "verifikator", dt.date(2026, 12, 1), None, "30")


def test_blank_and_huge_names_are_refused():
    with pytest.raises(ptsp.OfficeValidationError) as info:
        ptsp.office.competence_report(ORG["organisation"], [], "  ", dt.date(2026, 12, 1))
    assert [p["path"] for p in info.value.errors()] == ["role"]
    huge = "x" * 1_000_000
    with pytest.raises(ptsp.OfficeValidationError) as info:
        ptsp.office.competence_report(ORG["organisation"], [{"role": "verifikator", "education": [huge]}],
                                      "verifikator", dt.date(2026, 12, 1))
    assert [(p["path"], p["code"]) for p in info.value.errors()] == [("requirements[0].education[0]", "too_long")]
    assert len(str(info.value)) < 2_000
