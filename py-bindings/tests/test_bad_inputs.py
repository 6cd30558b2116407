"""The shared table of bad inputs (tests/fixtures/hardening/bad-inputs.json),
through the installed wheel: every entry raises a ``PtspError`` with the
same stable code (and first problem code) as in Rust and JS, with messages in
both languages, and a refused command changes nothing."""

import datetime as dt
import json
from pathlib import Path

import pytest

import ptsp
from ptsp.routing import Router

FIXTURE = json.loads((Path(__file__).parents[2] / "tests/fixtures/hardening/bad-inputs.json").read_text())
PROCEDURES = {
    "permit": ptsp.Procedure.jatim_permit,
    "consultation": ptsp.Procedure.jatim_consultation,
    "complaint": ptsp.Procedure.jatim_complaint,
    "suggestion": ptsp.Procedure.jatim_suggestion,
}


def permit_with(path, value):
    d = ptsp.Procedure.jatim_permit().definition
    node = d
    keys = [int(k) if k.isdigit() else k for k in path.strip("/").split("/")]
    for k in keys[:-1]:
        node = node[k]
    node[keys[-1]] = value
    return json.dumps(d)


def placeholder(name):
    if name == "CAL_BAD_OFFSET":
        d = json.loads(ptsp.Calendar.jatim().to_json())
        d["utc_offset"] = "+25:00"
        return json.dumps(d)
    if name == "PROC_HUGE_SLA":
        return permit_with("/steps/1/sla", {"amount": 10**16, "unit": "working_hours"})
    if name == "PROC_NEG_SLA":
        return permit_with("/steps/1/sla/amount", -3)
    if name == "PROC_NOWHERE":
        return permit_with("/steps/1/outcomes/0/next", "nowhere")
    if name == "PROC_ZERO_LIMIT":
        return permit_with("/limits/note", 0)
    if name == "RULES_UNKNOWN_UNIT":
        r = json.loads(Router.sample().to_json())
        r["rules"][0]["target"] = "tidak-ada"
        return json.dumps(r)
    if name == "NOTE_1M":
        return "x" * 1_000_000
    return name


def fill(v):
    if isinstance(v, str) and v in FIXTURE["placeholders"]:
        return placeholder(v)
    if isinstance(v, list):
        return [fill(x) for x in v]
    if isinstance(v, dict):
        return {k: fill(x) for k, x in v.items()}
    return v


def run(p, setup, cal):
    case, log = ptsp.Case(), []
    for r in setup:
        log += case.execute(r, p, cal)
    return case, log


def call(op, a):
    cal = ptsp.Calendar.jatim()
    date = dt.date.fromisoformat
    instant = dt.datetime.fromisoformat
    if op == "calendar_json":
        return ptsp.Calendar.from_json(a["text"])
    if op == "procedure_json":
        return ptsp.Procedure.from_json(a["text"])
    if op == "rule_set_json":
        return Router.from_json(a["text"])
    if op == "form":
        return ptsp.form.validate(a["form"], today=date(a["today"]))
    if op == "phone":
        return ptsp.form.normalize_phone(a["text"])
    if op == "add_working_days":
        return cal.add_working_days(date(a["date"]), a["n"])
    if op == "working_days_between":
        return cal.working_days_between(date(a["a"]), date(a["b"]))
    if op == "deadline":
        return cal.deadline(instant(a["received"]), a["days"])
    p = PROCEDURES[a["procedure"]]()
    if op == "execute":
        case, _ = run(p, a["setup"], cal)
        before = case.to_dict()
        try:
            return case.execute(a["request"], p, cal)
        finally:
            assert case.to_dict() == before, "a refused command changed the case"
    if op == "evaluate":
        case, _ = run(p, a["setup"], cal)
        return ptsp.sla.evaluate(case, p, cal, instant(a["now"]))
    if op == "preview":
        return ptsp.sla.preview(p, cal, instant(a["at"]))
    if op == "replay":
        _, log = run(p, a["setup"], cal)
        log[-1] = {**log[-1], **a["forge"]}
        return ptsp.Case.replay(log, p)
    raise AssertionError(f"unknown op {op}")


def test_the_table_is_large_enough():
    assert len(FIXTURE["cases"]) >= 40


@pytest.mark.parametrize("entry", FIXTURE["cases"], ids=lambda c: c["name"])
def test_bad_input(entry):
    with pytest.raises(ptsp.PtspError) as info:
        call(entry["op"], fill(entry["args"]))
    e = info.value
    assert e.code == entry["code"], str(e)
    if "problem" in entry:
        assert e.errors() and e.errors()[0]["code"] == entry["problem"], e.errors()
    assert e.messages["en"] and e.messages["id"] and e.messages["en"] != e.messages["id"]
    assert len(str(e)) < 2000
