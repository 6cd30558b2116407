"""The golden fixtures shared with the Rust (tests/fixtures.rs) and JS suites:
the same operations must give the same answers."""

import datetime as dt
import json
from pathlib import Path

import numpy as np
import pytest

import ptsp

FIXTURES = Path(__file__).resolve().parent.parent.parent / "tests" / "fixtures" / "calendar"


def _load(name):
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


OPERATIONS = _load("operations.json")
INVALID = _load("invalid-definitions.json")
ICAL = _load("ical.json")

_calendars = {}


def calendar(name):
    if name not in _calendars:
        if name == "indonesia":
            _calendars[name] = ptsp.Calendar.indonesia()
        elif name == "jatim":
            _calendars[name] = ptsp.Calendar.jatim()
        else:
            _calendars[name] = ptsp.Calendar.from_json((FIXTURES / name).read_text(encoding="utf-8"))
    return _calendars[name]


def date(s):
    return dt.date.fromisoformat(s)


def instant(s):
    t = dt.datetime.fromisoformat(s)
    assert t.tzinfo is not None, s
    return t


def rfc3339(t):
    assert t.tzinfo is not None and t.microsecond == 0
    return t.isoformat()


def run(cal, op, a):
    """One golden case, mapped as tests/fixtures.rs maps it."""
    if op == "is_working_day":
        return cal.is_working_day(date(a["date"]))
    if op == "next_working_day":
        return cal.next_working_day(date(a["date"])).isoformat()
    if op == "previous_working_day":
        return cal.previous_working_day(date(a["date"])).isoformat()
    if op == "add_working_days":
        return cal.add_working_days(date(a["date"]), a["n"]).isoformat()
    if op == "working_days_between":
        return cal.working_days_between(date(a["a"]), date(a["b"]))
    if op == "deadline":
        d = cal.deadline(instant(a["received"]), a["n"], a.get("policy"))
        return {
            "late_receipt": d.late_receipt,
            "counted_received_at": rfc3339(d.counted_received_at),
            "day_one": d.day_one.isoformat(),
            "due_date": d.due_date.isoformat(),
            "due_at": rfc3339(d.due_at),
        }
    if op == "add_working_time":
        return rfc3339(cal.add_working_time(instant(a["at"]), dt.timedelta(seconds=a["seconds"])))
    if op == "working_time_between":
        td = cal.working_time_between(instant(a["a"]), instant(a["b"]))
        assert td.microseconds == 0
        return td // dt.timedelta(seconds=1)
    if op == "holidays_count":
        return len(cal.holidays(a["year"]))
    raise AssertionError(f"unknown op {op}")


CASES = [
    pytest.param(suite["calendar"], case, id=f"{suite['calendar']}-{i}-{case['op']}")
    for suite in OPERATIONS["suites"]
    for i, case in enumerate(suite["cases"])
]


def test_fixture_has_enough_cases():
    assert len(CASES) > 60


@pytest.mark.parametrize("cal_name, case", CASES)
def test_operation_agrees_with_golden_case(cal_name, case):
    cal = calendar(cal_name)
    if "error" in case:
        with pytest.raises(ptsp.PtspError) as info:
            run(cal, case["op"], case["args"])
        assert info.value.code == case["error"], case
        assert isinstance(info.value, ptsp.CalendarError)
        assert info.value.messages["en"] and info.value.messages["id"]
    else:
        assert run(cal, case["op"], case["args"]) == case["expect"], case


@pytest.mark.parametrize("cal_name, case", [c for c in CASES if c.values[1]["op"] in ("add_working_days", "working_days_between")])
def test_batch_forms_agree_with_golden_case(cal_name, case):
    """The batch calls give the same answer (or error code) as the scalar ones."""
    cal = calendar(cal_name)
    a = case["args"]
    if case["op"] == "add_working_days":
        call = lambda: cal.add_working_days_batch(np.array([a["date"]], dtype="datetime64[D]"), np.array([a["n"]]))
        shown = lambda r: str(r[0])
    else:
        call = lambda: cal.working_days_between_batch([date(a["a"])], [date(a["b"])])
        shown = lambda r: int(r[0])
    if "error" in case:
        with pytest.raises(ptsp.PtspError) as info:
            call()
        assert info.value.code == case["error"]
    else:
        assert shown(call()) == case["expect"]


@pytest.mark.parametrize("case", INVALID["cases"], ids=lambda c: c["name"])
def test_invalid_definition_reports_every_problem(case):
    with pytest.raises(ptsp.ValidationError) as info:
        ptsp.Calendar.from_definition(case["definition"])
    err = info.value
    assert err.code == "invalid_definition"
    assert sorted(p["code"] for p in err.errors()) == sorted(case["codes"])
    for p in err.errors():
        assert set(p) == {"path", "code", "message", "message_id"}
        assert p["path"] and p["message"] and p["message_id"]
    # The same through JSON text.
    with pytest.raises(ptsp.ValidationError) as again:
        ptsp.Calendar.from_json(json.dumps(case["definition"]))
    assert again.value.errors() == err.errors()


@pytest.mark.parametrize("case", INVALID["texts"], ids=lambda c: c["name"])
def test_invalid_json_text(case):
    with pytest.raises(ptsp.CalendarError) as info:
        ptsp.Calendar.from_json(case["text"])
    assert info.value.code == case["code"]
    # A JSON text that cannot be read names where: one problem with its path.
    assert isinstance(info.value, ptsp.ValidationError) and info.value.errors()


@pytest.mark.parametrize("case", ICAL["cases"], ids=lambda c: c["name"])
def test_ical_import_case(case):
    opts = ICAL["import"]
    call = lambda: ptsp.layer_from_ical(case["text"], opts["layer_id"], opts["layer_name"], opts["default_kind"])
    if "code" in case:
        with pytest.raises(ptsp.CalendarError) as info:
            call()
        assert info.value.code == case["code"]
    else:
        layer = call()
        assert [[h["date"], h["name"]] for h in layer["holidays"]] == case["holidays"]
        assert all(h["kind"] == opts["default_kind"] for h in layer["holidays"])
