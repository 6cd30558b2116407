"""The consultation and complaint desk (ptsp.helpdesk, the built-in desk
procedures, tiers and confidential views): the scenarios shared with the Rust
suite (tests/desk_figures.rs) — every request executed, the final state, the
figures, the unit summaries and what a unit may see — and the procedures
themselves."""

import datetime as dt
import json
from pathlib import Path

import pytest

import ptsp

FIXTURE = Path(__file__).resolve().parent.parent.parent / "tests" / "fixtures" / "desk" / "scenarios.json"
DATA = json.loads(FIXTURE.read_text(encoding="utf-8"))
REDACTED = "[dirahasiakan]"
PROCEDURES = {
    "consultation": ptsp.Procedure.jatim_consultation,
    "complaint": ptsp.Procedure.jatim_complaint,
    "suggestion": ptsp.Procedure.jatim_suggestion,
}


def instant(s):
    return dt.datetime.fromisoformat(s)


def run(scenario, cal):
    """Executes every request; returns (procedure, case, log)."""
    name = scenario["name"]
    p = PROCEDURES[scenario["procedure"]]()
    case, log = ptsp.Case(), []
    for i, step in enumerate(scenario["steps"]):
        want = step["expect"]
        before = case.to_dict()
        try:
            events = case.execute(step["request"], p, cal)
        except ptsp.PtspError as e:
            assert e.code == want, f"{name} #{i}: expected {want}, got {e.code}: {e}"
            assert case.to_dict() == before, f"{name} #{i}: a refused command changed the case"
        else:
            assert want == "ok", f"{name} #{i}: expected {want}, got ok"
            log.extend(events)
    return p, case, log


@pytest.fixture(scope="module")
def played(jatim):
    return [(sc, *run(sc, jatim)) for sc in DATA["scenarios"]]


def test_fixture_names_the_calendar():
    assert DATA["calendar"] == "jatim"
    assert len(DATA["scenarios"]) >= 6
    assert {sc["procedure"] for sc in DATA["scenarios"]} == set(PROCEDURES)


@pytest.mark.parametrize("scenario", DATA["scenarios"], ids=lambda s: s["name"])
def test_scenario(scenario, jatim):
    name = scenario["name"]
    p, case, log = run(scenario, jatim)
    assert ptsp.Case.replay(log, p) == case, name

    final = scenario["final"]
    assert case.status == final["status"], name
    assert case.current == final["current"], name
    if "tier" in final:
        assert case.tier == final["tier"], name
        assert case.to_dict()["tier"] == final["tier"], name
        assert case.to_dict()["case_due"] == final["case_due"], name
        due = case.case_due
        assert (due.isoformat() if due else None) == final["case_due"], name
    else:
        assert case.tier is None and case.case_due is None

    want = scenario["figures"]
    at = instant(want["at"])
    got = ptsp.helpdesk.figures(case, p, jatim, at)
    for key, value in want.items():
        if key != "at":
            assert got[key] == value, f"{name}: figure {key}"
    assert got["case_id"] == case.id and got["status"] == case.status

    if "units" in scenario:
        summaries = ptsp.helpdesk.unit_summaries([case], p, jatim, at)
        assert len(summaries) == len(scenario["units"]), name
        for g, w in zip(summaries, scenario["units"]):
            for key, value in w.items():
                assert g[key] == value, f"{name}: unit {w['unit']} {key}"


@pytest.mark.parametrize(
    "scenario", [s for s in DATA["scenarios"] if "confidential" in s], ids=lambda s: s["name"]
)
def test_confidential_views(scenario, jatim):
    p, case, log = run(scenario, jatim)
    c = scenario["confidential"]
    unit, office = c["unit_actor"], c["office_actor"]
    assert case.applicant and case.applicant != REDACTED

    assert case.sees_applicant(unit, p) is False
    assert case.sees_applicant(office, p) is True
    assert case.sees_applicant({"id": case.applicant}, p) is True  # the applicant themselves

    seen = case.view_for(unit, p)
    assert isinstance(seen, ptsp.Case) and seen is not case
    assert seen.applicant == REDACTED
    assert seen.to_dict() == {**case.to_dict(), "applicant": REDACTED}
    assert case.view_for(office, p) == case
    assert case.applicant != REDACTED  # the case itself is untouched

    hidden = case.events_for(log, unit, p)
    assert len(hidden) == len(log)
    assert f'"{case.applicant}"' not in json.dumps(hidden)
    assert hidden[0]["type"] == "submitted" and hidden[0]["applicant"] == REDACTED
    assert hidden[0]["actor"] == REDACTED
    assert case.events_for(log, office, p) == log
    assert case.applicant in json.dumps(case.events_for(log, office, p))


def test_every_branch_of_both_flows_is_taken(played):
    for name, make in PROCEDURES.items():
        definition = make().definition
        taken = {
            (v["step"], v["outcome"])
            for sc, _, case, _ in played
            if sc["procedure"] == name
            for v in case.to_dict()["visits"]
        }
        for step in definition["steps"]:
            if step["id"] == definition["start"]:
                continue
            for outcome in step.get("outcomes", []):
                assert (step["id"], outcome["id"]) in taken, f"{name}: {step['id']}.{outcome['id']}"


def test_unit_summaries_over_many_cases(played, jatim):
    complaints = [case for sc, _, case, _ in played if sc["procedure"] == "complaint"]
    p = ptsp.Procedure.jatim_complaint()
    at = dt.datetime(2026, 12, 31, 12, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    summaries = ptsp.helpdesk.unit_summaries(complaints, p, jatim, at)
    assert [s["unit"] for s in summaries] == sorted(s["unit"] for s in summaries)
    assert sum(s["tickets"] for s in summaries) >= 2
    for s in summaries:
        mean = s["mean_seconds_per_visit"]
        assert mean is None or 0 <= mean <= s["working_seconds"]
    # Tuples work as well as lists; no case is no unit.
    assert ptsp.helpdesk.unit_summaries(tuple(complaints), p, jatim, at) == summaries
    assert ptsp.helpdesk.unit_summaries([], p, jatim, at) == []


def test_figures_of_a_new_case(jatim, wib):
    p = ptsp.Procedure.jatim_complaint()
    f = ptsp.helpdesk.figures(ptsp.Case(), p, jatim, dt.datetime(2026, 12, 22, 9, tzinfo=wib))
    assert f["submitted"] is None and f["validation_loops"] == 0 and f["status"] == "new"
    assert f["outcome_counts"] == {} and f["tier"] is None


def test_figures_need_office_hours(played, indonesia, wib):
    sc, p, case, _ = played[0]
    with pytest.raises(ptsp.CalendarError) as info:
        ptsp.helpdesk.figures(case, p, indonesia, dt.datetime(2026, 12, 22, 9, tzinfo=wib))
    assert info.value.code == "no_office_hours"
    with pytest.raises(ptsp.CalendarError):
        ptsp.helpdesk.unit_summaries([case], p, indonesia, dt.datetime(2026, 12, 22, 9, tzinfo=wib))


def test_desk_procedures():
    c = ptsp.Procedure.jatim_consultation()
    assert c.id == "jatim-konsultasi"
    assert [lane["id"] for lane in c.definition["lanes"]] == ["penanya", "operator", "kepala_pengaduan", "unit", "pejabat"]
    assert all("sla" not in s for s in c.definition["steps"])  # the seed's time column is empty
    p = ptsp.Procedure.jatim_complaint()
    assert p.id == "jatim-pengaduan"
    assert [t["sla"]["amount"] for t in p.definition["tiers"]] == [2, 5, 14, 60]
    unit_lane = next(lane for lane in p.definition["lanes"] if lane["id"] == "unit")
    assert unit_lane["sees_applicant"] is False
    for proc in [c, p]:
        assert ptsp.Procedure.validate_definition(proc.definition) == []
        assert ptsp.Procedure.from_json(proc.to_json()) == proc
    assert c != p != ptsp.Procedure.jatim_permit()


def test_tier_is_set_at_verification(jatim):
    p = ptsp.Procedure.jatim_complaint()
    scenario = next(s for s in DATA["scenarios"] if s["final"].get("tier") == "mendesak")
    case = ptsp.Case()
    for step in scenario["steps"]:
        case.execute(step["request"], p, jatim)
        if case.tier is not None:
            break
    assert case.tier == "mendesak"
    assert isinstance(case.case_due, dt.datetime) and case.case_due.utcoffset() == dt.timedelta(hours=7)
    assert case.case_due.isoformat() == scenario["final"]["case_due"]
