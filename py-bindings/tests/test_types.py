"""The TypedDicts of ptsp.types (generated from the Rust types by tools/gen)
describe the dicts the binding really gives:
every required key is present, no key is undeclared (checked recursively for
the shapes of procedures, cases, events, tracking and SLA reports)."""

import datetime as dt
import typing

import pytest

import ptsp
from ptsp import types as T

DOCS = [{"code": c, "format": "pdf", "bytes": 10_000} for c in ["surat_permohonan", "ktp", "nib", "npwp", "dokumen_teknis"]]

EVENTS = {
    "submitted": T.EventSubmitted,
    "step_completed": T.EventStepCompleted,
    "returned_for_correction": T.EventReturnedForCorrection,
    "resubmitted": T.EventResubmitted,
    "rejected": T.EventRejected,
    "withdrawn": T.EventWithdrawn,
    "assigned": T.EventAssigned,
    "correction_lapsed": T.EventCorrectionLapsed,
}


def is_typeddict(typ):
    # typing.is_typeddict is Python 3.10+.
    return isinstance(typ, type) and issubclass(typ, dict) and hasattr(typ, "__required_keys__")


def check(value, typ, path="$"):
    """Asserts that value fits the annotation typ (TypedDicts by their keys,
    lists item by item, unions by any member)."""
    origin = typing.get_origin(typ)
    if typ is typing.Any:
        return
    if is_typeddict(typ):
        assert isinstance(value, dict), (path, value)
        keys = set(value)
        assert typ.__required_keys__ <= keys, (path, typ.__name__, typ.__required_keys__ - keys)
        assert keys <= typ.__required_keys__ | typ.__optional_keys__, (path, typ.__name__, keys - typ.__required_keys__ - typ.__optional_keys__)
        hints = typing.get_type_hints(typ)
        for k, v in value.items():
            check(v, hints[k], f"{path}.{k}")
    elif origin is typing.Union:
        errors = []
        for member in typing.get_args(typ):
            try:
                check(value, member, path)
                return
            except AssertionError as e:
                errors.append(e)
        raise AssertionError((path, value, errors))
    elif origin is typing.Literal:
        assert value in typing.get_args(typ), (path, value)
    elif origin in (list, typing.List):
        assert isinstance(value, list), (path, value)
        (item,) = typing.get_args(typ)
        for i, v in enumerate(value):
            check(v, item, f"{path}[{i}]")
    elif origin in (tuple, typing.Tuple):
        assert isinstance(value, list) and len(value) == len(typing.get_args(typ)), (path, value)
        for i, (v, t) in enumerate(zip(value, typing.get_args(typ))):
            check(v, t, f"{path}[{i}]")
    elif origin in (dict, typing.Dict):
        assert isinstance(value, dict), (path, value)
        _, item = typing.get_args(typ)
        for k, v in value.items():
            check(v, item, f"{path}.{k}")
    elif typ is type(None):
        assert value is None, (path, value)
    elif typ is int:
        assert isinstance(value, int) and not isinstance(value, bool), (path, value)
    elif isinstance(typ, type):
        assert isinstance(value, typ), (path, value, typ)


def req(actor, roles, at, command, unit=None):
    a = {"id": actor, "roles": [roles]}
    if unit:
        a["unit"] = unit
    return {"actor": a, "at": at, "command": command}


@pytest.fixture(scope="module")
def story(jatim):
    p = ptsp.Procedure.jatim_permit()
    case, log = ptsp.Case(), []
    for r in [
        req("p-1", "pemohon", "2026-12-22T09:15:00+07:00", {"type": "submit", "case_id": "IZN-1", "documents": DOCS}),
        req("v-1", "verifikator", "2026-12-22T10:00:00+07:00", {"type": "return_for_correction", "step": "pemeriksaan", "reasons": [{"document": "ktp", "reason": "buram"}]}),
        req("p-1", "pemohon", "2026-12-23T09:00:00+07:00", {"type": "resubmit", "documents": DOCS}),
        req("f-1", "front_office", "2026-12-23T09:30:00+07:00", {"type": "assign", "lane": "opd_teknis", "unit": "dinkes"}),
        req("v-1", "verifikator", "2026-12-23T10:00:00+07:00", {"type": "complete_step", "step": "pemeriksaan", "outcome": "lengkap", "note": "ok"}),
        req("o-1", "opd_teknis", "2026-12-28T10:00:00+07:00", {"type": "complete_step", "step": "rekomendasi", "outcome": "tidak_direkomendasikan",
            "outputs": [{"kind": "berita_acara", "number": "BA/17/2026", "date": "2026-12-28", "file": "dms://ba-17"}]}, unit="dinkes"),
    ]:
        log.extend(case.execute(r, p, jatim))
    # A window that lapses (correction_lapsed), on a procedure that sets one.
    windowed = ptsp.Procedure.from_definition({**p.definition, "correction_window": {"amount": 2, "unit": "working_days"}})
    fourth = ptsp.Case()
    log4 = fourth.execute(req("p-1", "pemohon", "2026-12-22T09:15:00+07:00", {"type": "submit", "case_id": "IZN-4", "documents": DOCS}), windowed, jatim)
    log4 += fourth.execute(req("v-1", "verifikator", "2026-12-22T10:00:00+07:00", {"type": "return_for_correction", "step": "pemeriksaan", "reasons": [{"document": "ktp", "reason": "buram"}]}), windowed, jatim)
    log4 += fourth.execute(req("f-1", "front_office", "2026-12-29T08:00:00+07:00", {"type": "lapse", "step": "pemeriksaan"}), windowed, jatim)
    other = ptsp.Case()
    log2 = other.execute(req("p-1", "pemohon", "2026-12-22T09:15:00+07:00", {"type": "submit", "case_id": "IZN-2", "documents": DOCS}), p, jatim)
    log2 += other.execute(req("v-1", "verifikator", "2026-12-22T10:00:00+07:00", {"type": "reject", "step": "pemeriksaan", "reason": "palsu"}), p, jatim)
    third = ptsp.Case()
    log3 = third.execute(req("p-1", "pemohon", "2026-12-22T09:15:00+07:00", {"type": "submit", "case_id": "IZN-3", "documents": DOCS}), p, jatim)
    log3 += third.execute(req("p-1", "pemohon", "2026-12-22T11:00:00+07:00", {"type": "withdraw"}), p, jatim)
    return p, [case, other, third, fourth, ptsp.Case()], log + log2 + log3 + log4


def test_procedure_shapes(story):
    p, _, _ = story
    check(p.definition, T.ProcedureDef)
    check(p.name, T.Label)
    check(p.check_documents([{"code": "x", "format": "y", "bytes": 0}]), typing.List[T.Problem])


def test_event_shapes(story):
    _, _, log = story
    assert {e["type"] for e in log} == set(EVENTS)
    for e in log:
        check(e, EVENTS[e["type"]])
        check(e, T.Event)


def test_case_and_tracking_shapes(story):
    p, cases, _ = story
    for case in cases:
        check(case.to_dict(), T.Case)
        check(case.status, T.CaseStatus)
        check(case.tracking(p), T.Tracking)


def test_sla_shapes(story, jatim, wib):
    p, cases, _ = story
    now = dt.datetime(2026, 12, 29, 12, tzinfo=wib)
    for report in ptsp.sla.evaluate_many(cases, p, jatim, now):
        check(report, T.SlaReport)
    check(ptsp.sla.explain(cases[0], 0, p, jatim), T.StepExplanation)
    check(ptsp.sla.preview(p, jatim, now), T.Preview)


def test_desk_shapes(jatim, wib):
    today = dt.date(2026, 12, 1)
    check(ptsp.sample_catalogue(), T.Catalogue)
    check(ptsp.form.default_limits(), T.FormLimits)
    check(ptsp.form.provinces(), typing.List[T.Province])
    check(ptsp.form.parse_nik("3515144508680002", today), T.NikInfo)
    form = {
        "kind": "pengaduan", "name": "Siti", "nik": "3515144508680002", "phone": "0812 3456 7890",
        "subject": "Izin belum terbit", "text": "Berkas saya lengkap tetapi izin belum terbit.",
        "attachments": [{"file_name": "a.pdf", "format": "pdf", "bytes": 10}],
    }
    check(form, T.WebForm)
    valid = ptsp.form.validate(form, today=today)
    check(valid, T.ValidForm)
    del form["nik"]
    check(ptsp.form.validate(form, {"complaint": {"nik_required": False}}, today=today), T.ValidForm)

    router = ptsp.routing.Router.sample()
    check(router.rule_set, T.RuleSet)
    check(router.fallback, T.Unit)
    kinds = set()
    for ticket in [
        {"subject": "Izin tambak", "text": "Perpanjangan izin usaha perikanan", "sector": "Perikanan"},
        {"service": "izin-operasional-rs-kelas-b"},
        {"category": "pengaduan", "text": "Petugas loket tidak ramah"},
        {"text": "halo"},
    ]:
        for s in router.suggest(ticket) + router.redistribute(ticket, ["dkp", "dinkes", "bidang-perizinan"]):
            check(s, T.Suggestion)
            kinds |= {r["kind"] for r in s["reasons"]}
    assert kinds >= {"keyword", "sector", "service", "category", "no_match", "all_rejected"}
    staff = [{"id": "a", "unit": "dkp", "open_tickets": 0, "competences": ["x"]}]
    check(staff[0], T.StaffLoad)
    check(ptsp.routing.pick_staff("dkp", staff), T.StaffLoad)

    p = ptsp.Procedure.jatim_consultation()
    check(p.definition, T.ProcedureDef)
    check(ptsp.Procedure.jatim_complaint().definition, T.ProcedureDef)
    case = ptsp.Case()
    log = case.execute(req("q-1", "penanya", "2026-12-21T09:00:00+07:00", {"type": "submit", "case_id": "K-1", "documents": []}), p, jatim)
    log += case.execute(req("op-1", "operator", "2026-12-21T09:30:00+07:00", {"type": "complete_step", "step": "klasifikasi", "outcome": "tidak"}), p, jatim)
    log += case.execute(req("kp-1", "kepala_pengaduan", "2026-12-21T10:00:00+07:00", {"type": "assign", "lane": "unit", "unit": "dkp"}), p, jatim)
    log += case.execute(req("kp-1", "kepala_pengaduan", "2026-12-21T10:01:00+07:00", {"type": "complete_step", "step": "distribusi", "outcome": "didistribusikan"}), p, jatim)
    log += case.execute(req("u-1", "petugas_unit", "2026-12-21T11:00:00+07:00", {"type": "complete_step", "step": "jawab", "outcome": "dijawab"}, unit="dkp"), p, jatim)
    now = dt.datetime(2026, 12, 22, 12, tzinfo=wib)
    check(ptsp.helpdesk.figures(case, p, jatim, now), T.TicketFigures)
    summaries = ptsp.helpdesk.unit_summaries([case], p, jatim, now)
    assert summaries
    check(summaries, typing.List[T.UnitSummary])
    for e in case.events_for(log, {"id": "u-1", "roles": ["petugas_unit"], "unit": "dkp"}, p):
        check(e, T.Event)
    check(case.view_for({"id": "x"}, p).to_dict(), T.Case)
