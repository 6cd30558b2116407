"""Routing of consultations and complaints (ptsp.routing): the shared
fixtures of tests/desk_routing.rs (stems, rankings, invalid and valid rule sets),
the sample rule set, reasons in both languages, redistribution and staff
assignment."""

import copy
import json
import pickle
import threading
from pathlib import Path

import pytest

import ptsp
from ptsp.routing import Router

FIXTURE = Path(__file__).resolve().parent.parent.parent / "tests" / "fixtures" / "desk" / "routing" / "cases.json"
DATA = json.loads(FIXTURE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def router():
    return Router.from_rule_set(DATA["rule_set"])


@pytest.fixture(scope="module")
def sample():
    return Router.sample()


def test_fixture_is_not_empty():
    assert len(DATA["stems"]) >= 50 and len(DATA["cases"]) >= 20
    assert len(DATA["invalid"]) >= 10 and len(DATA["valid"]) >= 5


@pytest.mark.parametrize("word, want", DATA["stems"], ids=lambda x: x if isinstance(x, str) else None)
def test_fixture_stem(word, want):
    assert ptsp.routing.stem(word) == want
    assert ptsp.routing.stem(want) == want  # idempotent


@pytest.mark.parametrize("case", DATA["cases"], ids=lambda c: c["name"])
def test_fixture_case(router, case):
    if "rejected" in case:
        got = router.redistribute(case["input"], case["rejected"])
    else:
        got = router.suggest(case["input"])
    assert {
        "units": [s["unit"] for s in got],
        "rules": [s["rule"] for s in got],
        "scores": [s["score"] for s in got],
        "first_reason": got[0]["reasons"][0]["kind"],
    } == case["expected"]


@pytest.mark.parametrize("case", DATA["invalid"], ids=lambda c: c["name"])
def test_fixture_invalid_rule_set(case):
    want = [(p["path"], p["code"]) for p in case["problems"]]
    problems = Router.validate_rule_set(case["rule_set"])
    assert [(p["path"], p["code"]) for p in problems] == want
    with pytest.raises(ptsp.RoutingError) as info:
        Router.from_rule_set(case["rule_set"])
    err = info.value
    assert err.code == "invalid_rule_set"
    assert err.errors() == problems
    for p in err.errors():
        assert p["message"] and p["message_id"] and p["message"] != p["message_id"]
    assert str(err).startswith("invalid routing rule set: ")
    assert err.messages["id"].startswith("aturan perutean tidak valid: ")
    with pytest.raises(ptsp.RoutingError) as info:
        Router.from_json(json.dumps(case["rule_set"]))
    assert info.value.errors() == problems


@pytest.mark.parametrize("case", DATA["valid"], ids=lambda c: c["name"])
def test_fixture_valid_rule_set(case):
    assert Router.validate_rule_set(case["rule_set"]) == []
    assert Router.from_rule_set(case["rule_set"]).rule_set["units"] == case["rule_set"]["units"]


def test_suggestions_have_the_cores_shape_plus_texts(router):
    assert router.suggest({"text": "rumah sakit"}) == [{
        "unit": "dinkes", "rule": "sehat", "priority": 10, "score": 1,
        "reasons": [{
            "kind": "keyword", "keyword": "rumah sakit", "normalized": "rumah sakit",
            "field": "text", "start": 0, "end": 11,
            "text": {
                "id": 'kata kunci “rumah sakit” ditemukan sebagai “rumah sakit” pada isi',
                "en": 'keyword “rumah sakit” found as “rumah sakit” in the text',
            },
            "excerpt": "rumah sakit",
        }],
    }]
    assert router.suggest({}) == [{
        "unit": "kabid", "rule": None, "priority": 0, "score": 0,
        "reasons": [{
            "kind": "no_match",
            "text": {
                "id": "tidak ada aturan yang cocok: Kepala Bidang Pengaduan mendistribusikannya",
                "en": "no rule matched: the head of complaints distributes it",
            },
        }],
    }]


def test_excerpts_point_into_the_original_text(router):
    # start/end are Python string indices, the excerpt the text they point at.
    text = "Soal «PENCEMÁRAN» sungai di desa"
    reason = router.suggest({"text": text})[0]["reasons"][0]
    assert reason["excerpt"] == "PENCEMÁRAN"
    assert (reason["start"], reason["end"]) == (6, 16)
    assert text[reason["start"]:reason["end"]] == "PENCEMÁRAN"
    reason = router.suggest({"subject": "Air  tanah!"})[0]["reasons"][0]
    assert (reason["field"], reason["excerpt"], reason["start"], reason["end"]) == ("subject", "Air  tanah", 0, 10)
    # Astral characters count as one index, combining marks as their own.
    ticket = {"subject": "🙂🙂 e\u0301 izin", "text": "x 🙂 pencemaran air tanah"}
    for s in router.suggest(ticket):
        for r in s["reasons"]:
            if r["kind"] == "keyword":
                assert ticket[r["field"]][r["start"]:r["end"]] == r["excerpt"], r


def test_reasons_in_both_languages(sample):
    s = sample.suggest({"subject": "Izin tambak", "text": "Perpanjangan izin usaha perikanan", "sector": "Perikanan"})
    assert (s[0]["unit"], s[0]["rule"]) == ("dkp", "sektor-perikanan")
    assert [(r["kind"], r["value"], r["text"]["en"], r["text"]["id"]) for r in s[0]["reasons"]] == [
        ("sector", "perikanan", 'sector “perikanan”', 'sektor “perikanan”'),
    ]
    perizinan = next(x for x in s if x["unit"] == "bidang-perizinan")
    assert [r["text"]["id"] for r in perizinan["reasons"]] == [
        'kata kunci “izin” ditemukan sebagai “izin” pada perihal',
        'kata kunci “perpanjangan” ditemukan sebagai “panjang” pada isi',
    ]
    assert perizinan["reasons"][1]["excerpt"] == "Perpanjangan"


@pytest.mark.parametrize("subject, text, unit", [
    ("Perpanjangan izin", "Bagaimana prosedur perpanjangan izin usaha perikanan tangkap untuk kapal kami?", "dkp"),
    ("Izin RS", "Kapan izin operasional rumah sakit kami diterbitkan?", "dinkes"),
    ("Pencemaran", "Pabrik membuang limbah cair ke selokan, baunya menyengat", "dlh"),
    ("", "Kami ingin mengurus izin pertambangan batuan", "esdm"),
    ("Login", "Saya tidak bisa masuk ke akun JOSS, kode OTP tidak terkirim", "bidang-data-si"),
    ("", "Ada oknum yang meminta uang pelicin agar berkas cepat", "kabid-pengaduan"),
    ("", "Selamat pagi, apa kabar?", "kabid-pengaduan"),
])
def test_realistic_tickets_on_the_sample(sample, subject, text, unit):
    assert sample.suggest({"subject": subject, "text": text})[0]["unit"] == unit


def test_the_sample_lines_up_with_the_sample_catalogue(sample):
    assert sample.rule_set["note"].startswith("SAMPLE DATA")
    assert (len(sample.rule_set["units"]), len(sample.rule_set["rules"])) == (14, 30)
    for service in ptsp.sample_catalogue()["services"]:
        assert sample.suggest({"service": service["id"]})[0]["unit"] == service.get("agency")


def test_redistribution(sample):
    t = {"text": "Perpanjangan izin usaha perikanan"}
    assert [s["unit"] for s in sample.suggest(t)] == ["dkp", "bidang-perizinan"]
    assert sample.redistribute(t, ["dkp"])[0]["unit"] == "bidang-perizinan"
    assert sample.redistribute(t, ("dkp", "nobody"))[0]["unit"] == "bidang-perizinan"
    last = sample.redistribute(t, ["dkp", "bidang-perizinan"])
    assert [(s["unit"], s["reasons"][0]["kind"]) for s in last] == [("kabid-pengaduan", "all_rejected")]
    assert "Kepala Bidang Pengaduan" in last[0]["reasons"][0]["text"]["id"]
    assert "head of complaints" in last[0]["reasons"][0]["text"]["en"]
    # The head of complaints cannot decline.
    lost = sample.redistribute({"text": "halo"}, ["kabid-pengaduan"])
    assert [(s["unit"], s["reasons"][0]["kind"]) for s in lost] == [("kabid-pengaduan", "no_match")]
    assert sample.redistribute(t, []) == sample.suggest(t)


def test_router_attributes_and_round_trips(sample, router):
    assert sample.fallback["kind"] == "head_of_complaints" and sample.fallback["id"] == "kabid-pengaduan"
    assert sample.unit("dkp")["name"]["id"] == "Dinas Kelautan dan Perikanan"
    assert sample.unit("nope") is None
    assert repr(sample) == 'Router(units=14, rules=30, fallback="kabid-pengaduan")'
    assert Router.from_json(sample.to_json()) == sample
    assert Router.from_rule_set(sample.rule_set) == sample
    assert sample != router and sample != "sample"
    again = pickle.loads(pickle.dumps(router))
    assert again == router and type(again) is Router
    # rule_set is a fresh dict.
    rs = router.rule_set
    rs["rules"].clear()
    assert router.rule_set["rules"]


def test_a_router_learns_its_keywords_roots():
    assert ptsp.routing.stem("pemberantasan") == "antas"
    r = Router.from_rule_set({
        "units": [
            {"id": "kabid", "name": {"id": "Kepala", "en": "Head"}, "kind": "head_of_complaints"},
            {"id": "inspektorat", "name": {"id": "Inspektorat", "en": "Inspectorate"}, "kind": "opd"},
        ],
        "rules": [{"id": "r", "target": "inspektorat", "keywords": ["berantas"]}],
        "fallback": "kabid",
    })
    assert r.stem("pemberantasan") == "berantas"
    assert r.normalize("Program pemberantasan pungli") == ["program", "berantas", "pungli"]
    assert r.suggest({"text": "Program pemberantasan pungli"})[0]["unit"] == "inspektorat"


def test_normalisation():
    assert ptsp.routing.tokenize("Izin-izin USAHA (café), No. 12!") == ["izin", "izin", "usaha", "cafe", "no", "12"]
    assert ptsp.routing.normalize("Perpanjangan izin usaha PERIKANAN!") == ["panjang", "izin", "usaha", "ikan"]
    assert ptsp.routing.normalize(" ,.; ") == []
    for w in ["izin", "perizinan", "mengizinkan", "diizinkan", "Perizinannya"]:
        assert ptsp.routing.stem(w) == "izin"


def test_pick_staff():
    staff = [
        {"id": "b", "unit": "dkp", "open_tickets": 2},
        {"id": "a", "unit": "dkp", "open_tickets": 2},
        {"id": "c", "unit": "dkp", "open_tickets": 0, "active": False},
        {"id": "d", "unit": "dlh", "open_tickets": 0},
        {"id": "e", "unit": "dkp", "open_tickets": 5, "competences": ["perikanan_tangkap"]},
    ]
    assert ptsp.routing.pick_staff("dkp", staff) == {"id": "a", "unit": "dkp", "open_tickets": 2, "active": True}
    assert ptsp.routing.pick_staff("dinkes", staff) is None
    assert ptsp.routing.pick_staff("dkp", staff, ["perikanan_tangkap"])["id"] == "e"
    assert ptsp.routing.pick_staff("dkp", staff, required=["budidaya"]) is None
    assert ptsp.routing.pick_staff("dkp", tuple(staff), None)["id"] == "a"
    assert ptsp.routing.pick_staff("dkp", []) is None


def test_a_router_is_shared_between_threads(sample):
    tickets = [{"text": t} for t in ["limbah b3", "kapal nelayan", "halo", "izin tambang", "rumah sakit"]] * 20
    want = [sample.suggest(t) for t in tickets]
    results = {}

    def work(i):
        results[i] = [sample.suggest(t) for t in tickets]

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r == want for r in results.values())


def test_inputs_are_not_touched(router):
    t = {"subject": "Izin", "text": "rumah sakit"}
    before = copy.deepcopy(t)
    router.suggest(t)
    router.redistribute(t, ["dinkes"])
    assert t == before


def test_arbitrary_text_never_panics(sample, router):
    weird = ["", "\x00", "🙂" * 500, "\u202e", "a\r\nb", "٠٨١٢", "\ufeff", "İzin", "ß" * 100, "a" * 100_000,
             "e\u0301ntri", "ﬁ", "Ⅻ", "\U0010ffff", "-" * 1000, "izin " * 5000]
    for w in weird:
        for r in [sample, router]:
            for ticket in [{"text": w}, {"subject": w, "text": w, "service": w, "sector": w, "category": w}]:
                s = r.suggest(ticket)
                assert s and all(x["reasons"] for x in s)
                assert r.redistribute(ticket, [w, "dkp"])
            r.stem(w)
            r.normalize(w)
        ptsp.routing.stem(w)
        ptsp.routing.tokenize(w)
        ptsp.routing.normalize(w)
        ptsp.routing.pick_staff(w, [{"id": w, "unit": w, "open_tickets": 0}])
