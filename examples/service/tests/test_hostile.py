"""Hostile input from a stranger: blank and huge ids, bodies near the
limit, forged keys, too many files, unknown addresses. Every answer is the
service's JSON error shape with a stable code; nothing is stored."""

from __future__ import annotations

import pytest

FORM = {"kind": "konsultasi", "name": "Siti", "phone": "081234567890", "subject": "Izin tambak",
        "text": "Bagaimana perpanjangan izin usaha perikanan tambak?"}


def code(r) -> tuple[int, str]:
    body = r.json()
    assert body["message"]["en"] and body["message"]["id"], body
    return r.status_code, body["code"]


def test_hostile_requests_get_typed_json_errors(client, app):
    c, op = client(), client().login("operator")
    t = c.http.post("/api/tickets", json=FORM).json()
    files = [(f"doc_x{i}", (f"x{i}.pdf", b"%PDF", "application/pdf")) for i in range(20)]
    cases = [
        (op.http.post("/api/cases/%20/commands", json={"command": {"type": "withdraw"}}), (404, "unknown_case")),
        (op.http.post("/api/cases/" + "x" * 5000 + "/commands", json={"command": {"type": "withdraw"}}), (404, "unknown_case")),
        (op.http.post(f"/api/cases/{t['case_id']}/commands", json={"command": 5}), (422, "invalid_command")),
        (op.http.post(f"/api/cases/{t['case_id']}/commands", json={"command": {"type": "submit", "case_id": "x", "documents": []}}), (422, "invalid_command")),
        (op.http.post(f"/api/cases/{t['case_id']}/commands", json={"command": {"type": "withdraw"}, "expected_version": 10**30}), (422, "invalid_version")),
        (op.http.post(f"/api/cases/{t['case_id']}/commands", json={"command": {"type": "complete_step", "step": "klasifikasi", "outcome": "ya", "note": "n" * 900_000}}), (422, "invalid_input")),
        (op.http.post(f"/api/cases/{t['case_id']}/commands", json={"command": {"type": "withdraw"}}, headers={"idempotency-key": "k" * 500}), (422, "invalid_idempotency_key")),
        (c.http.post("/api/tickets", json={**FORM, "name": "x" * 900_000}), (422, "invalid_form")),
        (c.http.post("/api/tickets", content=b"[" + b"1," * 600_000 + b"1]", headers={"content-type": "application/json"}), (413, "too_large")),
        (c.http.post("/api/permits", data={"name": "CV"}, files=files), (400, "invalid_upload")),
        (c.http.post("/api/permits", data={"name": "   "}, files=files[:1]), (422, "invalid_name")),
        (c.http.post("/api/permits", data={"name": "CV", "nik": "1" * 300}, files=files[:1]), (422, "invalid_form")),
        (c.http.get("/api/procedures/nope"), (404, "unknown_procedure")),
        (op.http.get("/api/files/nope"), (404, "unknown_file")),
        (c.http.get("/api/ikm"), (404, "no_respondents")),
        (c.http.get("/api/track/" + "A" * 100), (404, "unknown_code")),
        (c.http.post(f"/api/my/{t['case_id']}/commands", headers={"x-access-key": "a" * 64}, json={"command": {"type": "withdraw"}}), (403, "unauthorized")),
        (c.http.post(f"/api/my/{t['case_id']}/commands", headers={"x-access-key": "a" * 500}, json={"command": {"type": "withdraw"}}), (403, "unauthorized")),
        (c.http.post("/api/login", json={"staff_id": "a" * 10_000, "password": "b"}), (401, "invalid_login")),
        (c.http.post("/api/test/clock", json={"minutes": 1}), (404, "not_found")),
        (c.http.delete("/api/tickets"), (405, "method_not_allowed")),
    ]
    for response, want in cases:
        assert code(response) == want, response.text[:300]
    # Nothing of it was stored: one case, at its first version.
    assert op.case(t["case_id"])["version"] == 1
    assert len(app.state.service.store.case_ids()) == 1


@pytest.mark.parametrize("answers", [{"persyaratan": 10**20}, {"persyaratan": 0}, [1], {"": 4}])
def test_forged_survey_answers_are_refused(client, answers):
    r = client().http.post("/api/survey", json={"date": "2026-12-21", "answers": answers})
    assert r.status_code == 422 and r.json()["code"] and r.json()["message"]["id"]
