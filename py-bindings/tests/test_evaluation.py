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
