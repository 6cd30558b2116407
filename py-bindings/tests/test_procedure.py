"""ptsp.Procedure: the built-in permit flow, definitions through JSON and
dicts, validation, document checks and the completion preview."""

import datetime as dt
import json
import pickle

import pytest

import ptsp

DOCS = ["surat_permohonan", "ktp", "nib", "npwp", "dokumen_teknis"]


@pytest.fixture(scope="module")
def permit():
    return ptsp.Procedure.jatim_permit()


def test_built_in_permit_procedure(permit):
    assert permit.id == "jatim-izin"
    assert permit.version == 1
    assert permit.name == {
        "id": "Pelayanan Perizinan DPMPTSP Provinsi Jawa Timur",
        "en": "Permit service of the East Java DPMPTSP",
    }
    d = permit.definition
    assert d["start"] == "unggah"
    assert [(s["id"], s["lane"]) for s in d["steps"]][:5] == [
        ("unggah", "pemohon"),
        ("pemeriksaan", "ptsp"),
        ("rekomendasi", "opd_teknis"),
        ("persetujuan", "ptsp"),
        ("cetak", "ptsp"),
    ]
    sla = {s["id"]: s.get("sla") for s in d["steps"]}
    assert sla["pemeriksaan"] == {"amount": 3, "unit": "working_days", "warn_at": [50, 75]}
    assert sla["persetujuan"]["amount"] == 3
    assert repr(permit) == 'Procedure(id="jatim-izin", version=1, steps=7)'


def test_definition_is_a_fresh_dict(permit):
    d = permit.definition
    d["id"] = "changed"
    assert permit.definition["id"] == "jatim-izin"


def test_json_and_dict_round_trips(permit):
    text = permit.to_json()
    assert json.loads(text) == permit.definition
    again = ptsp.Procedure.from_json(text)
    assert again.definition == permit.definition and again == permit
    from_dict = ptsp.Procedure.from_definition(permit.definition)
    assert from_dict == permit
    assert list(permit.definition) == list(json.loads(text))
    assert permit != ptsp.Calendar.jatim()


def test_pickle_round_trip(permit):
    again = pickle.loads(pickle.dumps(permit))
    assert isinstance(again, ptsp.Procedure) and again == permit


def test_a_changed_definition_is_a_new_procedure(permit):
    d = permit.definition
    d["version"] = 2
    d["correction_clock"] = "restart"
    d["deemed_approval"] = {"steps": ["persetujuan"], "basis": "UU 30/2014 Pasal 53"}
    p = ptsp.Procedure.from_definition(d)
    assert p.version == 2 and p != permit
    assert p.definition["deemed_approval"]["steps"] == ["persetujuan"]


def test_validate_definition_returns_every_problem(permit):
    d = permit.definition
    d["lanes"][2]["roles"] = []
    d["steps"][1]["sla"]["amount"] = 0
    d["steps"][1]["outcomes"][0]["next"] = "nowhere"
    problems = ptsp.Procedure.validate_definition(d)
    codes = {p["code"] for p in problems}
    assert {"lane_without_role", "non_positive_sla", "unknown_target"} <= codes
    by_code = {p["code"]: p for p in problems}
    assert by_code["unknown_target"]["path"].startswith("steps[1]")
    assert "nowhere" in by_code["unknown_target"]["message"]
    assert "nowhere" in by_code["unknown_target"]["message_id"]


def test_check_documents_complete(permit):
    docs = [{"code": c, "format": "pdf", "bytes": 10_000} for c in DOCS]
    assert permit.check_documents(docs) == []
    assert permit.check_documents(tuple(docs)) == []


def test_check_documents_lists_every_gap_in_both_languages(permit):
    gaps = permit.check_documents(
        [
            {"code": "ktp", "format": "docx", "bytes": 10},
            {"code": "ktp", "format": "pdf", "bytes": 10},
            {"code": "npwp", "format": "pdf", "bytes": 50_000_000},
            {"code": "nib", "format": "pdf", "bytes": 0},
            {"code": "sertifikat", "format": "pdf", "bytes": 10},
        ]
    )
    codes = sorted(g["code"] for g in gaps)
    assert codes == sorted(
        [
            "wrong_format",
            "duplicate_document",
            "file_too_large",
            "empty_file",
            "unknown_document",
            "missing_document",
            "missing_document",
        ]
    )
    by_code = {g["code"]: g for g in gaps}
    assert by_code["wrong_format"]["path"] == "documents[0].format"
    assert "KTP penanggung jawab harus berformat" in by_code["wrong_format"]["message_id"]
    assert "docx" in by_code["wrong_format"]["message"]
    assert by_code["duplicate_document"]["message_id"] == 'dokumen “ktp” diunggah dua kali'
    assert "berukuran 50000000 byte" in by_code["file_too_large"]["message_id"]
    assert by_code["empty_file"]["message_id"].endswith("adalah berkas kosong")
    assert "bukan persyaratan layanan ini" in by_code["unknown_document"]["message_id"]
    missing = [g for g in gaps if g["code"] == "missing_document"]
    assert {g["message_id"] for g in missing} == {
        "Surat permohonan (surat_permohonan) wajib dan belum diunggah",
        "Dokumen teknis sesuai jenis izin (dokumen_teknis) wajib dan belum diunggah",
    }


def test_preview_of_the_core_example(permit, jatim, wib):
    at = dt.datetime(2026, 12, 22, 9, 15, tzinfo=wib)
    preview = permit.preview(jatim, at)
    assert preview == ptsp.sla.preview(permit, jatim, at)
    assert preview["completion"] == "2027-01-06T16:00:00+07:00"
    assert preview["untimed"] == ["rekomendasi", "cetak"]
    steps = [(s["step"], s["lane"], s["entered"], s["due"]) for s in preview["steps"]]
    assert steps == [
        ("pemeriksaan", "ptsp", "2026-12-22T09:15:00+07:00", "2026-12-29T16:00:00+07:00"),
        ("rekomendasi", "opd_teknis", "2026-12-29T16:00:00+07:00", None),
        ("persetujuan", "ptsp", "2026-12-29T16:00:00+07:00", "2027-01-06T16:00:00+07:00"),
        ("cetak", "ptsp", "2027-01-06T16:00:00+07:00", None),
    ]
    assert preview["steps"][0]["name"]["en"] == "Check the documents for completeness and correctness"


def test_preview_accepts_any_aware_datetime(permit, jatim):
    utc = dt.datetime(2026, 12, 22, 2, 15, tzinfo=dt.timezone.utc)
    assert permit.preview(jatim, utc)["completion"] == "2027-01-06T16:00:00+07:00"


def test_sample_catalogue_and_for_service(permit, jatim):
    catalogue = ptsp.sample_catalogue()
    assert "SAMPLE" in catalogue["note"] and len(catalogue["services"]) == 3
    assert ptsp.sample_catalogue() == catalogue  # a fresh dict each time
    for service in catalogue["services"]:
        p = permit.for_service(service)
        assert isinstance(p, ptsp.Procedure) and p != permit
        assert p.id == f"{permit.id}/{service['id']}"
        assert p.definition["documents"] == service["documents"]
        assert p.definition["steps"] == permit.definition["steps"]
        assert p.check_documents([]) and all(g["code"] == "missing_document" for g in p.check_documents([]))
    # The service's documents decide what a submission needs.
    service = catalogue["services"][0]
    docs = [{"code": d["code"], "format": (d.get("formats") or ["pdf"])[0], "bytes": 1000}
            for d in service["documents"] if d.get("mandatory", True)]
    p = permit.for_service(service)
    assert p.check_documents(docs) == []
    case = ptsp.Case()
    case.execute({"actor": {"id": "p-1", "roles": ["pemohon"]}, "at": "2026-12-22T09:15:00+07:00",
                  "command": {"type": "submit", "case_id": "IZN-9", "documents": docs}}, p, jatim)
    assert case.procedure == p.id
