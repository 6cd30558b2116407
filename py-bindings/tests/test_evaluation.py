"""The satisfaction index from Python: the shared fixture
(tests/fixtures/evaluation/ikm.json, also read by the Rust and JS suites),
Krejcie and Morgan's table, tallies from numpy arrays, and errors with every
problem."""

import datetime as dt
import json
from pathlib import Path

import numpy as np
import pytest

import ptsp

FIXTURES = Path(__file__).resolve().parent.parent.parent / "tests" / "fixtures" / "evaluation"
F = json.loads((FIXTURES / "ikm.json").read_text(encoding="utf-8"))
KM = json.loads((FIXTURES / "krejcie-morgan.json").read_text(encoding="utf-8"))


def figures(r):
    fig = lambda f: {"index": f.index, "converted": f.converted, "quality": f.category.quality}  # noqa: E731
    return {
        "respondents": r.respondents,
        "exact": fig(r.exact),
        "with_printed_weight": fig(r.with_printed_weight),
        "elements": [[e.id, e.answered, e.total, e.nrr, e.converted] for e in r.elements],
        "weakest": r.weakest,
    }


@pytest.mark.parametrize("case", F["cases"], ids=lambda c: c["name"][:40])
def test_cases_agree_with_the_fixture(case):
    assert figures(ptsp.evaluation.ikm(case["responses"])) == case["expect"]


@pytest.mark.parametrize("case", F["tallies"], ids=lambda c: c["name"])
def test_tallies_on_and_between_the_bounds(case):
    assert figures(ptsp.evaluation.ikm_of_tally(case["tally"])) == case["expect"]


def test_groups_agree_with_the_fixture():
    g = F["groups"]
    responses = F["cases"][g["case"]]["responses"]
    got = [
        {"key": x.key, "converted": x.result.exact.converted} if x.result else {"key": x.key, "problem": x.problem["code"]}
        for x in ptsp.evaluation.ikm_by(responses, g["by"])
    ]
    assert got == g["expect"]


@pytest.mark.parametrize("case", F["invalid"], ids=lambda c: c["name"])
def test_every_problem_of_every_response(case):
    with pytest.raises(ptsp.EvaluationValidationError) as info:
        ptsp.evaluation.ikm(case["responses"])
    assert info.value.code == "invalid_responses"
    assert info.value.kind == "evaluation"
    assert [[p["path"], p["code"]] for p in info.value.errors()] == case["problems"]


@pytest.mark.parametrize("case", F["forms"], ids=lambda c: c["name"])
def test_the_kiosk_form_check(case):
    got = ptsp.evaluation.validate_response(case["response"])
    assert [[p["path"], p["code"]] for p in got] == case["problems"]


def test_krejcie_and_morgan():
    assert [ptsp.evaluation.sample_size(n) for n, _ in KM["rows"]] == [s for _, s in KM["rows"]]
    for n, s in F["sample_sizes"]:
        assert ptsp.evaluation.sample_size(n) == s
    with pytest.raises(ptsp.InvalidTypeError):
        ptsp.evaluation.sample_size(1.5)
    with pytest.raises(ptsp.PtspError) as info:
        ptsp.evaluation.sample_size(-1)
    assert info.value.code == "out_of_range"


def test_tallies_from_numpy_merge_to_the_whole():
    rng = np.random.default_rng(7)
    rows = rng.integers(1, 5, size=(1000, 9), dtype=np.uint8)
    rows[::17, 3] = 0  # some left blank
    whole = ptsp.evaluation.tally_rows(rows)
    parts = [ptsp.evaluation.tally_rows(rows[:400]), ptsp.evaluation.tally_rows(rows[400:])]
    assert ptsp.evaluation.merge_tallies(parts) == whole
    assert whole["respondents"] == 1000
    assert whole["counts"][3] == 1000 - len(range(0, 1000, 17))
    assert whole["sums"] == [int(rows[:, i].sum()) for i in range(9)]
    # A non-contiguous view reads the same.
    assert ptsp.evaluation.tally_rows(np.asfortranarray(rows)) == whole
    r = ptsp.evaluation.ikm_of_tally(whole, "printed_weight")
    assert r.used == "printed_weight" and r.category == r.with_printed_weight.category


def test_bad_arrays_and_tallies_are_refused():
    with pytest.raises(ptsp.InvalidTypeError):
        ptsp.evaluation.tally_rows([[4] * 9])
    with pytest.raises(ptsp.InvalidTypeError):
        ptsp.evaluation.tally_rows(np.ones((3, 9), dtype=np.int64))
    with pytest.raises(ptsp.EvaluationValidationError) as info:
        ptsp.evaluation.tally_rows(np.ones((3, 8), dtype=np.uint8))
    assert info.value.errors()[0]["path"] == "rows"
    bad = np.full((3, 9), 4, dtype=np.uint8)
    bad[2, 5] = 7
    with pytest.raises(ptsp.EvaluationValidationError) as info:
        ptsp.evaluation.tally_rows(bad)
    assert info.value.errors()[0]["path"] == "rows[2][5]"
    with pytest.raises(ptsp.EvaluationValidationError):
        ptsp.evaluation.ikm_of_tally({"respondents": 1, "sums": [4], "counts": [1]})
    with pytest.raises(ptsp.EvaluationError) as info:
        ptsp.evaluation.ikm([])
    assert info.value.code == "no_respondents"
    with pytest.raises(ptsp.EvaluationValidationError) as info:
        ptsp.evaluation.ikm([{"date": "2026-01-01", "answers": {}}], method="median")
    assert info.value.code == "invalid_json"
    with pytest.raises(ptsp.EvaluationValidationError) as info:
        ptsp.evaluation.ikm([{"date": "2026-13-01", "answers": {}}])
    assert info.value.errors()[0]["path"] == "responses[0].date"


def test_the_survey_names_its_sources():
    s = ptsp.evaluation.survey()
    assert s["source"]["short"] == "PermenPANRB No. 14 Tahun 2017"
    assert s["source"]["enacted"] is None
    assert [e["id"] for e in s["elements"]][-2:] == ["pengaduan", "sarana"]
    assert s["weight"]["printed"] == "0,111"
    r = ptsp.evaluation.ikm(F["cases"][1]["responses"])
    assert r.from_ == dt.date(2026, 10, 5) if hasattr(r, "from_") else r["from"] == "2026-10-05"


# --- SLA compliance reports -------------------------------------------------

WIB = dt.timezone(dt.timedelta(hours=7))
DOCS = [{"code": c, "format": "pdf", "bytes": 10_000} for c in ["surat_permohonan", "ktp", "nib", "npwp", "dokumen_teknis"]]


def permit(case_id, filed, checked, staff):
    """A permit run through the engine: its case and its log as JSON text."""
    p, cal = ptsp.Procedure.jatim_permit(), ptsp.Calendar.jatim()
    case, log = ptsp.Case(), []
    steps = [
        ({"id": "pemohon-1", "roles": ["pemohon"]}, filed, {"type": "submit", "case_id": case_id, "documents": DOCS}),
        ({"id": "fo-01", "roles": ["front_office"]}, filed + dt.timedelta(minutes=5),
         {"type": "assign", "lane": "ptsp", "staff": staff}),
        ({"id": "fo-01", "roles": ["front_office"]}, filed + dt.timedelta(minutes=6),
         {"type": "assign", "lane": "opd_teknis", "unit": "dinkes"}),
    ]
    if checked:
        steps.append(({"id": staff, "roles": ["verifikator"]}, checked,
                      {"type": "complete_step", "step": "pemeriksaan", "outcome": "lengkap"}))
    for actor, at, command in steps:
        log.extend(case.execute({"actor": actor, "at": at, "command": command}, p, cal))
    return case, json.dumps(log)


def runs():
    d = lambda *a: dt.datetime(*a, tzinfo=WIB)  # noqa: E731
    return [
        permit("IZN-1", d(2026, 12, 7, 9), d(2026, 12, 8, 10), "s-1"),
        permit("IZN-2", d(2026, 12, 7, 9, 30), d(2026, 12, 15, 11), "s-2"),
        permit("IZN-3", d(2026, 12, 14, 8), None, "s-1"),
        permit("IZN-4", d(2026, 12, 30, 13), None, "s-2"),
    ]


PERIOD = {"from": dt.date(2026, 12, 1), "to": "2026-12-31"}
NOW = dt.datetime(2026, 12, 31, 15, tzinfo=WIB)


def test_a_report_over_cases_equals_one_over_their_logs_and_merges():
    p, cal = ptsp.Procedure.jatim_permit(), ptsp.Calendar.jatim()
    cases, logs = zip(*runs())
    by = ["step", "staff"]
    r = ptsp.evaluation.compliance(list(cases), [p], cal, PERIOD, NOW, by)
    assert ptsp.evaluation.compliance_logs(list(logs), [p], cal, PERIOD, NOW, by) == r
    assert ptsp.evaluation.compliance_logs([l.encode() for l in logs], [p], cal, PERIOD, NOW, by, checked=False) == r
    parts = [ptsp.evaluation.compliance_logs(list(logs[:1]), [p], cal, PERIOD, NOW, by),
             ptsp.evaluation.compliance_logs(list(logs[1:]), [p], cal, PERIOD, NOW, by)]
    assert ptsp.evaluation.merge_reports(parts) == r
    rows = {tuple(row["key"]): row["stats"] for row in r["steps"]}
    s1 = rows[("pemeriksaan", "s-1")]
    assert (s1["started"], s1["finished"], s1["on_time"], s1["open"], s1["breached"]) == (2, 1, 1, 1, 1)
    cols = ptsp.evaluation.report_columns(r)
    assert list(cols["step"][:2]) == ["pemeriksaan", "pemeriksaan"]
    assert cols["started"].dtype == np.int64 and cols["on_time_percent"].dtype == np.float64
    i = [k for k, (st, sf) in enumerate(zip(cols["step"], cols["staff"])) if st == "pemeriksaan" and sf == "s-2"][0]
    assert cols["on_time_percent"][i] == 0.0 and cols["late"][i] == 1
    assert np.isnan(cols["median_minutes"][[k for k, st in enumerate(cols["step"]) if st == "rekomendasi"][0]])
    csv = ptsp.evaluation.report_csv(r)
    assert csv.splitlines()[0].startswith("step,staff,started,finished,on_time,late,on_time_percent")
    assert ptsp.evaluation.report_csv(r, "cases").startswith("submitted,open,")
    assert ptsp.evaluation.report_markdown(r, "en").startswith("| Step | Staff | Started |")


def test_bad_logs_and_reports_are_refused_with_every_problem():
    p, cal = ptsp.Procedure.jatim_permit(), ptsp.Calendar.jatim()
    _, log = runs()[0]
    with pytest.raises(ptsp.EvaluationValidationError) as info:
        ptsp.evaluation.compliance_logs([log, "[oops", b"{}"], [p], cal, PERIOD, NOW)
    assert [(e["path"], e["code"]) for e in info.value.errors()] == [("logs[1]", "invalid_json"), ("logs[2]", "invalid_json")]
    with pytest.raises(ptsp.EvaluationValidationError) as info:
        ptsp.evaluation.compliance_logs([log], [ptsp.Procedure.jatim_complaint()], cal, PERIOD, NOW)
    assert info.value.errors()[0]["code"] == "unknown_procedure"
    with pytest.raises(ptsp.InvalidTypeError):
        ptsp.evaluation.compliance_logs([17], [p], cal, PERIOD, NOW)
    with pytest.raises(ptsp.EvaluationValidationError) as info:
        ptsp.evaluation.compliance_logs([log], [p], cal, {"from": "2026-12-31", "to": "2026-12-01"}, NOW, ["step", "step"])
    assert [e["code"] for e in info.value.errors()] == ["ends_before_start", "duplicate_dimension"]
    with pytest.raises(ptsp.EvaluationValidationError):
        ptsp.evaluation.compliance_logs([log], [p], cal, PERIOD, NOW, ["week"])
    a = ptsp.evaluation.compliance_logs([log], [p], cal, PERIOD, NOW)
    b = ptsp.evaluation.compliance_logs([log], [p], cal, PERIOD, dt.datetime(2026, 12, 31, 16, tzinfo=WIB))
    with pytest.raises(ptsp.EvaluationError) as info:
        ptsp.evaluation.merge_reports([a, b])
    assert info.value.code == "incompatible_reports"
    with pytest.raises(ptsp.EvaluationValidationError):
        ptsp.evaluation.merge_reports([])


def test_the_published_standard_and_the_performance_page():
    p, cal = ptsp.Procedure.jatim_permit(), ptsp.Calendar.jatim()
    md = ptsp.publish.standard([p])
    assert "Maksimal 3 hari kerja" in md and "(§11)" in md
    html = ptsp.publish.standard([p], "en", "html")
    assert html.startswith("<!DOCTYPE html>") and "At most 3 working days" in html
    cases, _ = zip(*runs())
    report = ptsp.evaluation.compliance(list(cases), [p], cal, PERIOD, NOW, ["step", "month"])
    ikm = ptsp.evaluation.ikm(F["cases"][1]["responses"])
    page = ptsp.publish.performance(report, ikm, "en", "html")
    assert "<svg" in page and ikm.exact.converted in page
    assert "Elements to improve first" in ptsp.publish.performance(None, ikm, "en")
    with pytest.raises(ptsp.EvaluationValidationError):
        ptsp.publish.standard([p], format="pdf")
    with pytest.raises(ptsp.InvalidTypeError):
        ptsp.publish.standard(p)


def test_the_shared_compliance_fixture():
    f = json.loads((FIXTURES / "compliance.json").read_text(encoding="utf-8"))
    p, cal = ptsp.Procedure.jatim_permit(), ptsp.Calendar.jatim()
    r = ptsp.evaluation.compliance_logs([json.dumps(l) for l in f["logs"]], [p], cal, f["period"], f["now"], f["by"])
    rows = [[row["key"], [row["stats"][k] for k in ("started", "finished", "on_time", "late", "open", "breached")],
             row["stats"]["minutes"]] for row in r["steps"]]
    assert rows == f["steps"]
    assert [[row["key"], row["stats"]] for row in r["cases"]] == f["cases"]
    assert ptsp.evaluation.report_csv(r).splitlines()[0] == f["csv_header"]


def test_forged_reports_and_tallies_are_refused_not_trusted():
    p, cal = ptsp.Procedure.jatim_permit(), ptsp.Calendar.jatim()
    cases, _ = zip(*runs())
    r = ptsp.evaluation.compliance(list(cases), [p], cal, PERIOD, NOW, ["step", "staff"])
    forged = json.loads(json.dumps(r))
    forged["steps"][0]["key"] = []
    forged["steps"][1]["stats"]["on_time"] = forged["steps"][1]["stats"]["finished"] + 1
    for call in (ptsp.evaluation.report_columns, ptsp.evaluation.report_csv, ptsp.evaluation.report_markdown,
                 lambda f: ptsp.evaluation.merge_reports([r, f]), lambda f: ptsp.publish.performance(f)):
        with pytest.raises(ptsp.EvaluationValidationError) as info:
            call(forged)
        assert info.value.code == "invalid_report"
        assert any(e["path"].endswith("steps[0].key") for e in info.value.errors())
    tally = ptsp.evaluation.tally(F["cases"][1]["responses"])
    with pytest.raises(ptsp.EvaluationValidationError) as info:
        ptsp.evaluation.ikm_of_tally(dict(tally, sums=[s * 10 for s in tally["sums"]]))
    assert info.value.code == "invalid_tally"
    huge = {"respondents": 2**63, "sums": [2**63] * 9, "counts": [2**61] * 9}
    with pytest.raises(ptsp.EvaluationValidationError) as info:
        ptsp.evaluation.merge_tallies([huge] * 4)
    assert info.value.code == "invalid_tally"
