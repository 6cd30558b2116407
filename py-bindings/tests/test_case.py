"""ptsp.Case: decide / execute / apply / replay, the state's properties, the
public tracking view, events as plain JSON."""

import datetime as dt
import json

import pytest

import ptsp

DOCS = [{"code": c, "format": "pdf", "bytes": 10_000} for c in ["surat_permohonan", "ktp", "nib", "npwp", "dokumen_teknis"]]
APPLICANT = {"id": "p-1", "roles": ["pemohon"]}
VERIFIER = {"id": "v-1", "roles": ["verifikator"]}
FRONT = {"id": "f-1", "roles": ["front_office"]}
OPD = {"id": "o-1", "roles": ["opd_teknis"], "unit": "dinkes"}
OFFICIAL = {"id": "k-1", "roles": ["pejabat_berwenang"]}


def request(actor, at, command):
    return {"actor": actor, "at": at, "command": command}


def submit(at="2026-12-22T09:15:00+07:00", case_id="IZN-1"):
    return request(APPLICANT, at, {"type": "submit", "case_id": case_id, "documents": DOCS})


def output(kind, date):
    return {"kind": kind, "number": f"503/{kind}/2026", "date": date}


def complete(actor, at, step, outcome=None, **extra):
    """A complete_step request; without an outcome the key is left out (the
    step's only outcome is taken)."""
    command = {"type": "complete_step", "step": step, **extra}
    if outcome is not None:
        command["outcome"] = outcome
    return request(actor, at, command)


@pytest.fixture(scope="module")
def permit():
    return ptsp.Procedure.jatim_permit()


def approved_case(permit, cal):
    """A case run to approval; returns (case, log)."""
    case, log = ptsp.Case(), []
    for req in [
        submit(),
        request(FRONT, "2026-12-23T09:30:00+07:00", {"type": "assign", "lane": "opd_teknis", "unit": "dinkes"}),
        complete(VERIFIER, "2026-12-23T10:00:00+07:00", "pemeriksaan", "lengkap", note="Berkas lengkap"),
        complete(OPD, "2026-12-28T09:00:00+07:00", "rekomendasi", "direkomendasikan", outputs=[output("rekomendasi", "2026-12-28")]),
        complete(OFFICIAL, "2026-12-29T11:00:00+07:00", "persetujuan", "disetujui"),
        complete(FRONT, "2026-12-29T14:00:00+07:00", "cetak", "dicetak", outputs=[output("izin", "2026-12-29")]),
    ]:
        log.extend(case.execute(req, permit, cal))
    return case, log


def test_a_new_case():
    case = ptsp.Case()
    assert case.status == "new"
    assert case.current is None and case.due is None
    assert case.id == "" and case.corrections == 0
    assert case == ptsp.Case() == ptsp.Case.replay([], ptsp.Procedure.jatim_permit()) == ptsp.Case.replay_trusted([])
    assert repr(case) == 'Case(id="", status="new", current=None)'
    with pytest.raises(TypeError):
        hash(case)


def test_decide_changes_nothing_and_execute_applies_the_same_events(permit, jatim, wib):
    case = ptsp.Case()
    events = case.decide(submit(), permit, jatim)
    assert case == ptsp.Case()
    assert [e["type"] for e in events] == ["submitted"]
    assert events[0]["due"] == "2026-12-29T16:00:00+07:00"
    assert case.execute(submit(), permit, jatim) == events
    assert case.status == "active" and case.current == "pemeriksaan"
    assert case.id == "IZN-1" and case.applicant == "p-1"
    assert case.procedure == "jatim-izin" and case.version == 1
    assert case.due == dt.datetime(2026, 12, 29, 16, tzinfo=wib)
    assert case.due.utcoffset() == dt.timedelta(hours=7)
    assert repr(case) == 'Case(id="IZN-1", status="active", current="pemeriksaan")'


def test_instants_in_requests_may_be_aware_datetimes(permit, jatim, wib):
    a, b = ptsp.Case(), ptsp.Case()
    a.execute(submit(), permit, jatim)
    b.execute(submit(at=dt.datetime(2026, 12, 22, 9, 15, tzinfo=wib)), permit, jatim)
    assert a == b
    c = ptsp.Case()
    c.execute(submit(at=dt.datetime(2026, 12, 22, 2, 15, tzinfo=dt.timezone.utc)), permit, jatim)
    assert c.due == a.due


def test_execute_through_approval(permit, jatim):
    case, log = approved_case(permit, jatim)
    assert case.status == "approved"
    assert case.current == "selesai" and case.due is None
    assert [e["type"] for e in log] == [
        "submitted",
        "assigned",
        "step_completed",
        "step_completed",
        "step_completed",
        "step_completed",
    ]
    assert log[-1]["ended"] == "approved"
    state = case.to_dict()
    assert set(state) >= {
        "id",
        "procedure",
        "version",
        "applicant",
        "status",
        "current",
        "documents",
        "assignments",
        "visits",
        "corrections",
        "remaining_at_pause",
        "events",
        "last_at",
    }
    assert state["events"] == len(log)
    assert state["assignments"] == {"opd_teknis": {"unit": "dinkes", "staff": None}}
    assert [v["step"] for v in state["visits"]] == ["pemeriksaan", "rekomendasi", "persetujuan", "cetak"]
    assert state["last_at"] == "2026-12-29T14:00:00+07:00"


def test_replay_equals_the_executed_case_also_through_json(permit, jatim):
    case, log = approved_case(permit, jatim)
    assert ptsp.Case.replay(log, permit) == case
    assert ptsp.Case.replay_trusted(log) == case
    text = json.dumps(log)
    assert ptsp.Case.replay(json.loads(text), permit) == case
    assert json.loads(json.dumps(case.to_dict())) == case.to_dict()
    # A prefix of the log is an earlier state.
    assert ptsp.Case.replay(log[:1], permit).current == "pemeriksaan"
    assert ptsp.Case.replay(tuple(log), permit) == case


def test_apply_refuses_an_event_that_does_not_fit_and_changes_nothing(permit, jatim):
    case, log = approved_case(permit, jatim)
    before = case.to_dict()
    with pytest.raises(ptsp.CaseError) as info:
        case.apply(log[0], permit)  # a second submission, and earlier than the last event
    assert info.value.code == "inconsistent_log"
    assert "peristiwa" in info.value.messages["id"]
    assert case.to_dict() == before
    with pytest.raises(ptsp.CaseError) as info:
        ptsp.Case.replay(log[1:], permit)
    assert info.value.code == "inconsistent_log"
    # A log forged so that the applicant verifies their own file.
    forged = [dict(e) for e in log]
    forged[2] = {**forged[2], "actor": "p-1", "actor_role": "pemohon"}
    with pytest.raises(ptsp.CaseError) as info:
        ptsp.Case.replay(forged, permit)
    assert info.value.code == "inconsistent_log"
    # The trusted fast path folds whatever fits the state.
    assert ptsp.Case.replay_trusted(forged).status == case.status


def test_a_refused_request_changes_nothing(permit, jatim):
    case = ptsp.Case()
    case.execute(submit(), permit, jatim)
    before = case.to_dict()
    with pytest.raises(ptsp.UnauthorizedError) as info:
        case.execute(complete(APPLICANT, "2026-12-22T10:00:00+07:00", "pemeriksaan", "lengkap"), permit, jatim)
    assert info.value.code == "unauthorized"
    assert "verifikator" in str(info.value) and "tidak berwenang" in info.value.messages["id"]
    assert case.to_dict() == before
    with pytest.raises(ptsp.CaseError) as info:
        case.execute(complete(VERIFIER, "2026-12-22T10:00:00+07:00", "pemeriksaan", "lulus"), permit, jatim)
    assert info.value.code == "unknown_outcome"
    assert case.to_dict() == before


def test_a_correction_round(permit, jatim, wib):
    case = ptsp.Case()
    case.execute(submit(), permit, jatim)
    case.execute(
        request(
            VERIFIER,
            "2026-12-23T10:00:00+07:00",
            {"type": "return_for_correction", "step": "pemeriksaan", "reasons": [{"document": "npwp", "reason": "buram"}]},
        ),
        permit,
        jatim,
    )
    assert case.status == "awaiting_correction" and case.corrections == 1
    assert case.to_dict()["remaining_at_pause"] > 0
    # The clock is stopped: no deadline, the working time left frozen
    # (as the return recorded it).
    assert case.due is None
    assert case.paused_remaining == dt.timedelta(seconds=case.to_dict()["remaining_at_pause"])
    tracking = case.tracking(permit)
    assert "due" not in tracking and tracking["paused_remaining_seconds"] == case.to_dict()["remaining_at_pause"]
    late = ptsp.sla.evaluate(case, permit, jatim, dt.datetime(2027, 1, 20, 10, tzinfo=wib))
    assert late["steps"][0]["status"] == "paused" and late["case"]["breached"] == 0
    events = case.execute(request(APPLICANT, "2026-12-28T09:00:00+07:00", {"type": "resubmit", "documents": DOCS}), permit, jatim)
    assert events[0]["type"] == "resubmitted"
    assert case.status == "active"
    assert case.due == dt.datetime.fromisoformat(events[0]["due"])
    assert case.due > dt.datetime(2026, 12, 29, 16, tzinfo=wib)


def test_a_case_keeps_its_procedure_version(permit, jatim):
    case = ptsp.Case()
    case.execute(submit(), permit, jatim)
    d = permit.definition
    d["version"] = 2
    v2 = ptsp.Procedure.from_definition(d)
    with pytest.raises(ptsp.CaseError) as info:
        case.execute(complete(VERIFIER, "2026-12-23T10:00:00+07:00", "pemeriksaan", "lengkap"), v2, jatim)
    assert info.value.code == "inconsistent_log"
    assert "v1" in str(info.value)


def test_tracking_is_public_and_carries_no_actor_ids(permit, jatim):
    case, _ = approved_case(permit, jatim)
    t = case.tracking(permit)
    assert t["case_id"] == "IZN-1"
    assert t["status"] == "approved"
    assert t["procedure"] == permit.name
    assert t["current_step"] == {"id": "selesai", "name": {"id": "Izin terbit", "en": "Permit issued"}}
    assert "due" not in t
    assert t["permit_number"] == "503/izin/2026"
    assert t["history"][0] == {"at": "2026-12-22T09:15:00+07:00", "what": "step_entered", "step": "pemeriksaan"}
    text = json.dumps(t)
    for private in ["p-1", "v-1", "f-1", "o-1", "k-1", "dinkes", "Berkas lengkap", "surat_permohonan"]:
        assert private not in text, private
    running = ptsp.Case()
    running.execute(submit(), permit, jatim)
    assert running.tracking(permit)["due"] == "2026-12-29T16:00:00+07:00"


def test_equality_compares_the_whole_state(permit, jatim):
    a, b = ptsp.Case(), ptsp.Case()
    a.execute(submit(), permit, jatim)
    assert a != b
    b.execute(submit(), permit, jatim)
    assert a == b
    c = ptsp.Case()
    c.execute(submit(case_id="IZN-2"), permit, jatim)
    assert a != c
    assert a != "IZN-1" and a != a.to_dict()


def test_an_omitted_outcome_takes_the_only_one_or_is_refused(permit, jatim):
    case = ptsp.Case()
    case.execute(submit(), permit, jatim)
    case.execute(request(FRONT, "2026-12-22T09:30:00+07:00", {"type": "assign", "lane": "opd_teknis", "unit": "dinkes"}), permit, jatim)
    # The check has one outcome: the event records it.
    events = case.execute(complete(VERIFIER, "2026-12-28T10:00:00+07:00", "pemeriksaan"), permit, jatim)
    assert events[0]["outcome"] == "lengkap" and events[0]["entered"] == "rekomendasi"
    # The agency's recommendation has two: refused, naming them in a sentence.
    before = case.to_dict()
    with pytest.raises(ptsp.CaseError) as info:
        case.execute(complete(OPD, "2026-12-29T09:00:00+07:00", "rekomendasi"), permit, jatim)
    assert info.value.code == "outcome_required"
    assert str(info.value).endswith("choose one of “direkomendasikan” or “tidak_direkomendasikan”")
    assert info.value.messages["id"].endswith("pilih salah satu dari “direkomendasikan” atau “tidak_direkomendasikan”")
    assert "[" not in str(info.value)
    assert case.to_dict() == before
