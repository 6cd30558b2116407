"""The case fixtures shared with the Rust suite (tests/cases.rs): the same
scenarios must give the same answers, the same broken procedures the same
problems."""

import copy
import datetime as dt
import json
from pathlib import Path

import pytest

import ptsp

FIXTURES = Path(__file__).resolve().parent.parent.parent / "tests" / "fixtures" / "cases"


def _load(name):
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


SCENARIOS = _load("scenarios.json")
INVALID = _load("invalid-procedures.json")


def procedure_with(patch):
    """The built-in definition with the patch's top-level keys replaced, as
    tests/cases.rs builds it."""
    definition = ptsp.Procedure.jatim_permit().definition
    definition.update(patch or {})
    return ptsp.Procedure.from_definition(definition)


def set_pointer(doc, pointer, value):
    """Sets the value at a JSON pointer (RFC 6901) that exists in doc."""
    parts = [p.replace("~1", "/").replace("~0", "~") for p in pointer.split("/")[1:]]
    target = doc
    for part in parts[:-1]:
        target = target[int(part)] if isinstance(target, list) else target[part]
    last = parts[-1]
    if isinstance(target, list):
        target[int(last)] = value
    else:
        assert last in target, pointer
        target[last] = value


def test_fixture_names_the_built_ins():
    assert SCENARIOS["calendar"] == "jatim"
    assert SCENARIOS["procedure"] == "jatim_permit"
    assert len(SCENARIOS["scenarios"]) >= 4


def run(scenario, cal):
    """Executes every request of a scenario; returns (procedure, case, log)."""
    name = scenario["name"]
    p = procedure_with(scenario.get("procedure_patch"))
    case = ptsp.Case()
    log = []
    for i, step in enumerate(scenario["steps"]):
        want = step["expect"]
        before = case.to_dict()
        try:
            events = case.execute(step["request"], p, cal)
        except ptsp.PtspError as e:
            assert e.code == want, f"{name} #{i}: expected {want}, got {e.code}: {e}"
            assert case.to_dict() == before, f"{name} #{i}: a refused command changed the case"
            assert e.messages["id"] and str(e) == e.messages["en"]
            assert isinstance(e, ptsp.CaseError), f"{name} #{i}: {type(e)}"
        else:
            assert want == "ok", f"{name} #{i}: expected {want}, got ok"
            assert events, f"{name} #{i}: no events"
            log.extend(events)
    return p, case, log


@pytest.mark.parametrize("scenario", SCENARIOS["scenarios"], ids=lambda s: s["name"])
def test_scenario(scenario, jatim):
    name = scenario["name"]
    p, case, log = run(scenario, jatim)

    # The log replays to the same state, also through JSON text.
    assert ptsp.Case.replay(log, p) == case, name
    back = json.loads(json.dumps(log))
    assert back == log
    assert ptsp.Case.replay(back, p) == case, name
    assert ptsp.Case.replay(back, p).to_dict() == case.to_dict()
    if "outcomes" in scenario["final"]:
        # The outcome each visit took, as recorded (also where the command
        # left it out).
        assert [v["outcome"] for v in case.to_dict()["visits"]] == scenario["final"]["outcomes"], name
    if "permit_number" in scenario["final"]:
        assert case.tracking(p)["permit_number"] == scenario["final"]["permit_number"], name

    final = scenario["final"]
    assert case.status == final["status"], name
    assert case.to_dict()["status"] == final["status"], name
    assert case.current == final["current"], name
    assert case.corrections == final["corrections"], name
    assert [v["due"] for v in case.to_dict()["visits"]] == final["dues"], name

    at = dt.datetime.fromisoformat(scenario["sla_at"])
    report = ptsp.sla.evaluate(case, p, jatim, at)
    want = scenario["sla"]
    assert len(report["steps"]) >= len(want["steps"]), name
    for got, expected in zip(report["steps"], want["steps"]):
        for key, value in expected.items():
            assert got[key] == value, f"{name}: step {expected['step']} field {key}"
    assert report["case"]["breached"] == want["breached"], name
    assert report["due_events"] == want["due_events"], name

    # The public view carries no personal data.
    tracking = json.dumps(case.tracking(p))
    assert "p-1" not in tracking and "v-1" not in tracking, tracking


@pytest.mark.parametrize("scenario", SCENARIOS["scenarios"], ids=lambda s: s["name"])
def test_scenario_event_by_event(scenario, jatim):
    """apply() of every logged event, one at a time, gives the executed case."""
    p, case, log = run(scenario, jatim)
    again, trusted = ptsp.Case(), ptsp.Case()
    for event in log:
        again.apply(event, p)
        trusted.apply_trusted(event)
    assert again == case == trusted


@pytest.mark.parametrize("case", INVALID["cases"], ids=lambda c: c["name"])
def test_invalid_procedure(case):
    definition = ptsp.Procedure.jatim_permit().definition
    for pointer, value in case["set"].items():
        set_pointer(definition, pointer, copy.deepcopy(value))
    want = sorted(set(case["codes"]))

    problems = ptsp.Procedure.validate_definition(definition)
    assert sorted({p["code"] for p in problems}) == want
    for p in problems:
        assert set(p) == {"path", "code", "message", "message_id"}
        assert p["path"] and p["message"] and p["message_id"]
    # Validation is idempotent and does not touch the dict.
    assert ptsp.Procedure.validate_definition(definition) == problems

    with pytest.raises(ptsp.ProcedureError) as info:
        ptsp.Procedure.from_definition(definition)
    err = info.value
    assert err.code == "invalid_procedure"
    assert err.errors() == problems
    with pytest.raises(ptsp.ProcedureError) as info:
        ptsp.Procedure.from_json(json.dumps(definition))
    assert info.value.errors() == problems


def test_the_built_in_definition_is_valid():
    assert ptsp.Procedure.validate_definition(ptsp.Procedure.jatim_permit().definition) == []
