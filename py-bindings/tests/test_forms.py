"""The forms fixture shared with the Rust (tests/cases.rs) and JS suites:
document checks and completion previews against the built-in permit
procedure."""

import datetime as dt
import json
from pathlib import Path

import pytest

import ptsp

FIXTURE = Path(__file__).resolve().parent.parent.parent / "tests" / "fixtures" / "cases" / "forms.json"
FORMS = json.loads(FIXTURE.read_text(encoding="utf-8"))


def instant(s):
    # datetime.fromisoformat reads a trailing "Z" only from Python 3.11.
    t = dt.datetime.fromisoformat(s[:-1] + "+00:00" if s.endswith("Z") else s)
    assert t.tzinfo is not None, s
    return t


@pytest.fixture(scope="module")
def permit():
    return ptsp.Procedure.jatim_permit()


def test_fixture_is_not_empty():
    assert len(FORMS["check_documents"]) >= 8
    assert len(FORMS["preview"]) >= 4


@pytest.mark.parametrize("case", FORMS["check_documents"], ids=lambda c: c["name"])
def test_document_check(permit, case):
    got = permit.check_documents(case["submitted"])
    assert [g["code"] for g in got] == case["codes"]
    assert [g["path"] for g in got] == case["paths"]
    for g in got:
        assert g["message"] != g["message_id"]


@pytest.mark.parametrize("case", FORMS["preview"], ids=lambda c: c["name"])
def test_completion_preview(permit, case):
    cal = {"jatim": ptsp.Calendar.jatim, "indonesia": ptsp.Calendar.indonesia}[case["calendar"]]()
    at = instant(case["submitted_at"])
    if "error" in case:
        with pytest.raises(ptsp.PtspError) as info:
            ptsp.sla.preview(permit, cal, at)
        assert info.value.code == case["error"]
        return
    preview = ptsp.sla.preview(permit, cal, at)
    assert preview["completion"] == case["completion"]
    assert [s["due"] for s in preview["steps"]] == case["dues"]
    assert permit.preview(cal, at) == preview
