"""The HTTP API on both stores: the seed's flows end to end, authorisation
by the library, privacy, documents, idempotency, conflicts, projections,
the background job and the error shape."""

from __future__ import annotations

import datetime as dt
import json

import pytest


FORM = {
    "kind": "konsultasi",
    "name": "Siti Rahayu",
    "nik": "3515144508680002",
    "phone": "0812-3456-7890",
    "email": "siti@example.id",
    "subject": "Izin tambak udang",
    "text": "Bagaimana cara memperpanjang izin usaha perikanan untuk tambak udang kami?",
}
PERSONAL = ["Siti Rahayu", "3515144508680002", "+6281234567890", "siti@example.id"]


def submit(c, **changes):
    r = c.http.post("/api/tickets", json={**FORM, **changes})
    assert r.status_code == 201, r.text
    return r.json()


def bilingual(body):
    assert body["code"] and body["message"]["en"] and body["message"]["id"]
    assert body["message"]["en"] != body["message"]["id"]
    return body


def test_a_consultation_runs_through_every_role(client, clock):
    public = client()
    bad = public.http.post("/api/tickets", json={**FORM, "nik": "1234"})
    assert bad.status_code == 422
    body = bilingual(bad.json())
    assert body["code"] == "invalid_form" and [p["path"] for p in body["errors"]] == ["nik"]

    t = submit(public)
    assert t["case_id"].startswith("KON-") and t["version"] == 1

    operator = client().login("operator")
    assert [r["case_id"] for r in operator.http.get("/api/inbox").json()] == [t["case_id"]]
    clock.advance(dt.timedelta(minutes=20))
    operator.command(t["case_id"], {"type": "complete_step", "step": "klasifikasi", "outcome": "tidak"}, 1)

    head = client().login("kabid-aduan")
    view = head.case(t["case_id"])
    assert view["suggestions"][0]["unit"] == "dkp", "the routing rules suggest the fisheries agency"
    assert view["ticket"]["identity"]["name"] == "Siti Rahayu"
    head.command(t["case_id"], {"type": "assign", "lane": "unit", "unit": "dkp"}, 2)
    head.command(t["case_id"], {"type": "complete_step", "step": "distribusi", "outcome": "didistribusikan"}, 3)

    other_unit = client().login("dinkes")
    assert other_unit.http.get("/api/inbox").json() == []
    assert other_unit.case(t["case_id"], status=403)["code"] == "unauthorized"
    unit = client().login("dkp")
    assert [r["case_id"] for r in unit.http.get("/api/inbox").json()] == [t["case_id"]]
    clock.advance(dt.timedelta(hours=2))
    answer = "Perpanjangan diajukan melalui JOSS dengan melampirkan izin lama."
    unit.command(t["case_id"], {"type": "complete_step", "step": "jawab", "outcome": "dijawab", "note": answer}, 4)
    head.command(t["case_id"], {"type": "complete_step", "step": "validasi", "outcome": "valid"}, 5)
    official = client().login("kadis")
    official.command(t["case_id"], {"type": "complete_step", "step": "penyampaian", "outcome": "disampaikan"}, 6)

    mine = public.http.get(f"/api/my/{t['case_id']}", headers={"x-access-key": t["access_key"]})
    assert mine.status_code == 200
    data = mine.json()
    assert data["case"]["status"] == "completed"
    assert answer in [e.get("note") for e in data["events"]]
    assert public.http.get(f"/api/my/{t['case_id']}", headers={"x-access-key": "x" * 32}).status_code == 403

    # The public tracking page shows the steps, never personal data.
    track = public.http.get(f"/api/track/{t['tracking_code']}")
    assert track.status_code == 200 and track.json()["tracking"]["status"] == "completed"
    assert not any(p in track.text for p in PERSONAL)
    assert public.http.get("/api/track/NOSUCHCODE").status_code == 404


def test_an_applicant_sees_only_their_own_case(client):
    public = client()
    a, b = submit(public), submit(public, subject="Pertanyaan lain")
    r = public.http.get(f"/api/my/{b['case_id']}", headers={"x-access-key": a["access_key"]})
    assert r.status_code == 403 and bilingual(r.json())["code"] == "unauthorized"
    r = public.http.post(f"/api/my/{b['case_id']}/commands", headers={"x-access-key": a["access_key"]},
                         json={"command": {"type": "withdraw"}})
    assert r.status_code == 403
    r = public.http.post(f"/api/my/{a['case_id']}/commands", headers={"x-access-key": a["access_key"]},
                         json={"command": {"type": "withdraw", "reason": "sudah terjawab"}})
    assert r.status_code == 200
    assert public.http.get(f"/api/track/{a['tracking_code']}").json()["tracking"]["status"] == "withdrawn"


def test_a_unit_never_sees_the_complainants_identity(client, clock):
    public = client()
    t = submit(public, kind="pengaduan", subject="Petugas perikanan meminta biaya", text="Petugas tambak meminta biaya tambahan di luar ketentuan.")
    operator = client().login("operator")
    operator.command(t["case_id"], {"type": "complete_step", "step": "verifikasi", "outcome": "terverifikasi", "tier": "tinggi"}, 1)
    head = client().login("kabid-aduan")
    assert head.case(t["case_id"])["ticket"]["identity"]["nik"] == "3515144508680002"
    head.command(t["case_id"], {"type": "assign", "lane": "unit", "unit": "dkp"}, 2)
    head.command(t["case_id"], {"type": "complete_step", "step": "distribusi", "outcome": "didistribusikan"}, 3)
    unit = client().login("dkp")
    r = unit.http.get(f"/api/cases/{t['case_id']}")
    assert r.status_code == 200
    view = r.json()
    assert "identity" not in view["ticket"] and view["ticket"]["text"].startswith("Petugas tambak")
    assert not any(p in r.text for p in PERSONAL), "no name, NIK, phone or email anywhere in the unit's view"


def permit_files(skip=(), fmt=None):
    docs = {"surat_permohonan": "pdf", "ktp": "pdf", "nib": "pdf", "npwp": "pdf", "dokumen_teknis": "pdf"}
    return [(f"doc_{code}", (f"{code}.{fmt or ext}", b"%PDF-1.4 sample " + code.encode(), "application/pdf"))
            for code, ext in docs.items() if code not in skip]


def test_a_permit_application_is_checked_against_its_documents(client, clock):
    public = client()
    fields = {"name": "CV Tambak Makmur", "nik": "3515144508680002", "phone": "081234567890", "service": "Izin usaha perikanan"}
    r = public.http.post("/api/permits", data=fields, files=permit_files(skip=["nib"]))
    assert r.status_code == 422
    body = bilingual(r.json())
    assert body["code"] == "incomplete_documents" and any("nib" in p["path"] or "nib" in p["message"] for p in body["errors"])
    r = public.http.post("/api/permits", data=fields, files=permit_files(fmt="exe"))
    assert r.status_code == 422
    assert public.http.get("/api/inbox").status_code == 401

    r = public.http.post("/api/permits", data=fields, files=permit_files())
    assert r.status_code == 201, r.text
    t = r.json()
    assert t["due"] is not None, "the first step's deadline is returned"
    verifier = client().login("verifikator")
    view = verifier.case(t["case_id"])
    assert sorted(f["code"] for f in view["files"]) == ["dokumen_teknis", "ktp", "nib", "npwp", "surat_permohonan"]
    f = view["files"][0]
    got = verifier.http.get(f"/api/files/{f['id']}")
    assert got.status_code == 200 and got.content.startswith(b"%PDF")
    assert client().http.get(f"/api/files/{f['id']}").status_code == 401

    # A return for correction, the applicant's resubmission, approval.
    verifier.command(t["case_id"], {"type": "return_for_correction", "step": "pemeriksaan",
                                    "reasons": [{"document": "nib", "reason": "NIB tidak terbaca"}]}, 1)
    mine = {"x-access-key": t["access_key"]}
    r = public.http.post(f"/api/my/{t['case_id']}/resubmit", headers=mine, data={"expected_version": "2"},
                         files=permit_files(skip=["nib", "npwp"]))
    assert r.status_code == 422 and r.json()["code"] == "incomplete_documents", "the full set is checked again"
    r = public.http.post(f"/api/my/{t['case_id']}/resubmit", headers=mine, data={"expected_version": "2"}, files=permit_files())
    assert r.status_code == 200, r.text
    assert len(verifier.case(t["case_id"])["files"]) == 10, "the corrected files are kept beside the first ones"
    fo = client().login("front-office")
    body = verifier.command(t["case_id"], {"type": "complete_step", "step": "pemeriksaan", "outcome": "lengkap"}, 3, status=422)
    assert body["code"] == "not_routed", "the agency's lane must be assigned before its step"
    fo.command(t["case_id"], {"type": "assign", "lane": "opd_teknis", "unit": "dkp"}, 3)
    verifier.command(t["case_id"], {"type": "complete_step", "step": "pemeriksaan", "outcome": "lengkap"}, 4)
    agency = client().login("dkp")
    today = str(clock.now().date())
    agency.command(t["case_id"], {"type": "complete_step", "step": "rekomendasi", "outcome": "direkomendasikan", "outputs": [
        {"kind": "berita_acara", "number": "BA-1/2026", "date": today}, {"kind": "rekomendasi", "number": "REK-1/2026", "date": today}]}, 5)
    client().login("pejabat").command(t["case_id"], {"type": "complete_step", "step": "persetujuan", "outcome": "disetujui"}, 6)
    fo.command(t["case_id"], {"type": "complete_step", "step": "cetak", "outputs": [{"kind": "izin", "number": "IZN-1/2026", "date": today}]}, 7)
    assert public.http.get(f"/api/track/{t['tracking_code']}").json()["tracking"]["status"] == "approved"


def test_the_library_authorises_every_command_and_a_refusal_changes_nothing(client):
    t = submit(client())
    unit = client().login("dkp")
    r = unit.http.post(f"/api/cases/{t['case_id']}/commands", json={"command": {"type": "complete_step", "step": "klasifikasi", "outcome": "ya"}})
    assert r.status_code == 403
    operator = client().login("operator")
    body = operator.command(t["case_id"], {"type": "assign", "lane": "unit", "unit": "dkp"}, status=403)
    assert bilingual(body)["code"] == "unauthorized"
    body = operator.command(t["case_id"], {"type": "complete_step", "step": "validasi_operator", "outcome": "valid"}, status=422)
    assert body["code"] == "wrong_step"
    body = operator.command(t["case_id"], {"type": "complete_step", "step": "klasifikasi", "outcome": "mungkin"}, status=422)
    assert body["code"] == "unknown_outcome"
    body = operator.command(t["case_id"], {"type": "complete_stpe"}, status=422)
    assert body["code"] == "invalid_json" and body["errors"][0]["path"].endswith("type")
    assert operator.case(t["case_id"])["version"] == 1, "nothing was stored"


def test_idempotency_keys_and_stale_versions(client):
    public = client()
    r1 = public.http.post("/api/tickets", json=FORM, headers={"idempotency-key": "k-1"})
    r2 = public.http.post("/api/tickets", json=FORM, headers={"idempotency-key": "k-1"})
    assert r1.status_code == r2.status_code == 201 and r1.json() == r2.json(), "a retry gets the same answer"
    r3 = public.http.post("/api/tickets", json={**FORM, "subject": "Pertanyaan lain"}, headers={"idempotency-key": "k-1"})
    assert r3.status_code == 422 and r3.json()["code"] == "idempotency_key_reused"
    operator = client().login("operator")
    assert len(operator.http.get("/api/inbox").json()) == 1, "one case, not two"

    case_id = r1.json()["case_id"]
    cmd = {"type": "complete_step", "step": "klasifikasi", "outcome": "tidak"}
    a = operator.command(case_id, cmd, 1, key="c-1")
    b = operator.command(case_id, cmd, 1, key="c-1")
    assert a == b and a["version"] == 2
    body = operator.command(case_id, cmd, 1, status=409)
    assert bilingual(body)["code"] == "conflict"
    assert operator.case(case_id)["version"] == 2


def test_projections_rebuild_from_the_events(client, app):
    public = client()
    ids = [submit(public)["case_id"] for _ in range(3)]
    client().login("operator").command(ids[0], {"type": "complete_step", "step": "klasifikasi", "outcome": "tidak"}, 1)
    service = app.state.service
    before = service.store.cases()
    service.store.execute("DELETE FROM cases")
    assert client().login("operator").http.get("/api/inbox").json() == []
    head = client().login("kadis")
    r = head.http.post("/api/admin/rebuild")
    assert r.status_code == 200 and r.json() == {"cases": 3}
    assert service.store.cases() == before


def test_the_job_records_escalations_and_lapses(client, clock, app):
    fields = {"name": "CV Tambak Makmur", "service": "Izin usaha perikanan"}
    t = client().http.post("/api/permits", data=fields, files=permit_files()).json()
    fo = client().login("front-office")
    fo.command(t["case_id"], {"type": "assign", "lane": "ptsp", "staff": "verifikator"}, 1)
    # Past the 3-working-day deadline of the check.
    clock.advance(dt.timedelta(days=9))
    head = client().login("kadis")
    acted = head.http.post("/api/admin/jobs/run").json()
    recorded = [a for a in acted if a["action"] == "recorded"]
    assert recorded and all(a["command"]["type"] == "escalate" for a in recorded)
    view = head.case(t["case_id"])
    levels = [e["level"] for e in view["events"] if e["type"] == "escalated"]
    assert levels == sorted(levels) and levels[0] == 1
    # Nothing twice: a second run finds everything recorded.
    assert [a for a in head.http.post("/api/admin/jobs/run").json() if a["action"] == "recorded"] == []
    dash = client().login("kasi").http.get("/api/dashboard").json()
    assert [w["case"] for w in dash["worklist"]] == [t["case_id"]]
    assert any(b["case_id"] == t["case_id"] for b in dash["breached"])
    runs = app.state.service.store.all("SELECT acted FROM job_runs")
    assert len(runs) == 2 and json.loads(runs[0][0])


def test_errors_are_typed_bilingual_json(client):
    c = client()
    r = c.http.post("/api/tickets", content=b"{not json", headers={"content-type": "application/json"})
    assert r.status_code == 422 and bilingual(r.json())["code"] == "invalid_json"
    r = c.http.post("/api/tickets", content=b"x" * (1024 * 1024 + 1), headers={"content-type": "application/json"})
    assert r.status_code == 413 and bilingual(r.json())["code"] == "too_large"
    assert bilingual(c.http.get("/api/inbox").json())["code"] == "login_required"
    r = c.http.post("/api/login", json={"staff_id": "operator", "password": "salah"})
    assert r.status_code == 401 and bilingual(r.json())["code"] == "invalid_login"
    r = c.http.post("/api/login", json={"staff_id": "nobody", "password": "salah"})
    assert r.status_code == 401 and r.json()["code"] == "invalid_login", "unknown accounts answer the same"
    op = client().login("operator")
    assert bilingual(op.case("KON-NOPE", status=404))["code"] == "unknown_case"
    assert op.http.get("/api/dashboard").status_code == 403, "the dashboard is for superiors"
    op.http.post("/api/logout")
    assert op.http.get("/api/inbox").status_code == 401


def test_the_ikm_survey(client):
    c = client()
    answers = {e["id"]: 4 for e in c.http.get("/api/survey").json()["elements"]}
    r = c.http.post("/api/survey", json={"date": "2026-12-21", "answers": {**answers, "persyaratan": 7}})
    assert r.status_code == 422 and r.json()["errors"][0]["path"].startswith("answers")
    assert c.http.post("/api/survey", json={"date": "2026-12-21", "answers": answers}).status_code == 201
    ikm = c.http.get("/api/ikm").json()
    assert ikm["respondents"] == 1 and ikm["category"]["quality"] == "A"


def test_a_complaint_is_reopened_then_accepted_by_silence(client, clock, app):
    """The complainant's confirmation window (seed §7): a reopening sends it
    back to distribution; after delivery, silence past the window is
    acceptance, recorded by the background job."""
    public = client()
    t = submit(public, kind="pengaduan", subject="Izin belum terbit", text="Berkas saya lengkap sejak Oktober tetapi izin belum terbit.")
    op, head, unit, official = (client().login(s) for s in ("operator", "kabid-aduan", "dkp", "kadis"))
    op.command(t["case_id"], {"type": "complete_step", "step": "verifikasi", "outcome": "terverifikasi", "tier": "biasa"}, 1)
    head.command(t["case_id"], {"type": "assign", "lane": "unit", "unit": "dkp"}, 2)

    def answer_round(v: int) -> int:
        head.command(t["case_id"], {"type": "complete_step", "step": "distribusi", "outcome": "didistribusikan"}, v)
        unit.command(t["case_id"], {"type": "complete_step", "step": "jawab", "outcome": "dijawab", "note": "Izin terbit pekan ini."}, v + 1)
        head.command(t["case_id"], {"type": "complete_step", "step": "validasi", "outcome": "valid"}, v + 2)
        official.command(t["case_id"], {"type": "complete_step", "step": "penyampaian", "outcome": "disampaikan"}, v + 3)
        return v + 4

    v = answer_round(3)
    mine = {"x-access-key": t["access_key"]}
    r = public.http.post(f"/api/my/{t['case_id']}/commands", headers=mine,
                         json={"command": {"type": "complete_step", "step": "konfirmasi", "outcome": "buka_kembali", "note": "Belum terbit."}, "expected_version": v})
    assert r.status_code == 200, r.text
    v = answer_round(r.json()["version"])
    # The complainant stays silent past the 5-working-day window.
    clock.advance(dt.timedelta(days=10))
    acted = client().login("kadis").http.post("/api/admin/jobs/run").json()
    assert {"case_id": t["case_id"], "command": {"type": "lapse", "step": "konfirmasi"}, "action": "recorded"} in acted
    status = public.http.get(f"/api/track/{t['tracking_code']}").json()["tracking"]["status"]
    assert status == "completed"
    events = public.http.get(f"/api/my/{t['case_id']}", headers=mine).json()["events"]
    assert events[-1]["by_lapse"] is True and events[-1]["outcome"] == "diterima"


def test_the_dashboard_shows_the_ikm(client):
    c = client()
    answers = {e["id"]: 3 for e in c.http.get("/api/survey").json()["elements"]}
    assert c.http.post("/api/survey", json={"date": "2026-12-21", "answers": {**answers, "biaya": 1}}).status_code == 201
    dash = client().login("kadis").http.get("/api/dashboard").json()
    assert dash["ikm"]["respondents"] == 1 and dash["ikm"]["weakest"] == ["biaya"]
