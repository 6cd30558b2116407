"""Errors of the desk modules (ptsp.form, ptsp.routing, ptsp.helpdesk and
the confidential views of a case): the exception classes, every problem at
once in both languages, dicts of the wrong shape, wrong Python types, and
pickling."""

import datetime as dt
import pickle

import pytest

import ptsp
from ptsp.routing import Router

TODAY = dt.date(2026, 12, 1)
UNIT = {"id": "kabid", "name": {"id": "Kepala", "en": "Head"}, "kind": "head_of_complaints"}


def raises(code, call, cls=ptsp.PtspError):
    with pytest.raises(cls) as info:
        call()
    err = info.value
    assert err.code == code, (err.code, str(err))
    assert set(err.messages) == {"en", "id"}
    assert err.messages["en"] and err.messages["id"]
    assert str(err) == err.messages["en"]
    return err


@pytest.fixture(scope="module")
def sample():
    return Router.sample()


@pytest.fixture(scope="module")
def complaint():
    return ptsp.Procedure.jatim_complaint()


def test_hierarchy():
    for cls in [ptsp.FormError, ptsp.RoutingError]:
        assert issubclass(cls, ptsp.PtspError) and issubclass(cls, ValueError)
        assert not issubclass(cls, TypeError)
        assert not issubclass(cls, (ptsp.CalendarError, ptsp.CaseError, ptsp.ProcedureError))
    assert ptsp.FormError.__module__ == ptsp.RoutingError.__module__ == "ptsp._errors"


def test_form_error_lists_every_problem_in_both_languages():
    form = {"kind": "pengaduan", "name": "", "nik": "123", "email": "siti@", "subject": "Hi", "text": "Pendek."}
    err = raises("invalid_form", lambda: ptsp.form.validate(form, today=TODAY), ptsp.FormError)
    problems = err.errors()
    assert [p["path"] for p in problems] == ["name", "nik", "email", "subject", "text"]
    assert [p["code"] for p in problems] == ["required", "invalid_nik_length", "invalid_email", "too_short", "too_short"]
    assert str(err).startswith("invalid form: name: name is required; nik: ")
    assert err.messages["id"].startswith("formulir tidak valid: name: nama wajib diisi; nik: ")
    for p in problems:
        assert set(p) == {"path", "code", "message", "message_id"}
        assert p["message"] != p["message_id"]
    # errors() returns copies.
    problems[0]["code"] = "changed"
    assert err.errors()[0]["code"] == "required"


def test_form_limits_errors():
    bad = {
        "name": {"min": 5, "max": 1},
        "text": {"min": 0, "max": 0},
        "label_max": 0,
        "formats": ["PDF", ".png", "jpg", ""],
    }
    err = raises("invalid_limits", lambda: ptsp.form.validate({}, bad, today=TODAY), ptsp.FormError)
    assert [p["path"] for p in err.errors()] == ["name", "text", "label_max", "formats[0]", "formats[1]", "formats[3]"]
    assert err.messages["id"].startswith("pengaturan formulir tidak valid: ")
    raises("invalid_json", lambda: ptsp.form.validate({}, {"colour": 1}, today=TODAY), ptsp.FormError)
    raises("invalid_json", lambda: ptsp.form.validate({}, {"max_attachments": -1}, today=TODAY), ptsp.FormError)


@pytest.mark.parametrize("form, path, code", [
    ({"kind": "pujian"}, "kind", "unknown_variant"),
    ({"name": 5}, "name", "wrong_type"),
    ({"extra": True}, "extra", "unknown_field"),
    ({"attachments": [{"bytes": -1}]}, "attachments[0].bytes", "out_of_range"),
    ({"attachments": {"file_name": "a.pdf"}}, "attachments", "wrong_type"),
])
def test_form_dicts_of_the_wrong_shape(form, path, code):
    err = raises("invalid_json", lambda: ptsp.form.validate(form, today=TODAY), ptsp.FormValidationError)
    assert [(p["path"], p["code"]) for p in err.errors()] == [(path, code)]
    assert err.messages["id"].startswith("masukan tidak berbentuk seperti yang diharapkan: ")


def test_routing_error_for_a_bad_rule_set(sample):
    rule_set = sample.rule_set
    rule_set["rules"][3]["target"] = "dinas-lain"
    rule_set["fallback"] = "dkp"
    err = raises("invalid_rule_set", lambda: Router.from_rule_set(rule_set), ptsp.RoutingError)
    assert [(p["path"], p["code"]) for p in err.errors()] == [
        ("fallback", "fallback_not_head"),
        ("rules[3].target", "unknown_unit"),
    ]
    assert "dinas-lain" in str(err) and "aturan perutean tidak valid" in err.messages["id"]
    assert Router.validate_rule_set(rule_set) == err.errors()


def test_routing_json_errors(sample):
    raises("invalid_json", lambda: Router.from_json("["), ptsp.RoutingError)
    raises("invalid_json", lambda: Router.from_rule_set({"units": [], "rules": [], "fallback": "x", "extra": 1}), ptsp.RoutingError)
    raises("invalid_json", lambda: Router.from_rule_set({"units": [{**UNIT, "kind": "dinas"}], "rules": [], "fallback": "kabid"}), ptsp.RoutingError)
    raises("invalid_json", lambda: Router.validate_rule_set({"units": []}), ptsp.RoutingError)
    err = raises("invalid_json", lambda: sample.suggest({"text": "x", "colour": "red"}), ptsp.RoutingError)
    assert "input" in str(err) and "colour" in str(err)
    raises("invalid_json", lambda: sample.suggest({"text": 5}), ptsp.RoutingError)
    raises("invalid_json", lambda: sample.redistribute({"subject": None}, []), ptsp.RoutingError)
    staff = [{"id": "a", "unit": "dkp", "open_tickets": 1}, {"id": "b", "unit": "dkp"}]
    err = raises("invalid_json", lambda: ptsp.routing.pick_staff("dkp", staff), ptsp.RoutingError)
    assert "staff[1]" in str(err) and "open_tickets" in str(err)
    raises("invalid_json", lambda: ptsp.routing.pick_staff("dkp", [{"id": "a", "unit": "dkp", "open_tickets": -1}]), ptsp.RoutingError)


def test_actor_and_event_dicts_of_the_wrong_shape(complaint):
    case = ptsp.Case()
    err = raises("invalid_json", lambda: case.view_for({"roles": ["x"]}, complaint), ptsp.CaseValidationError)
    assert [(p["path"], p["code"]) for p in err.errors()] == [("actor.id", "missing_field")]
    raises("invalid_json", lambda: case.sees_applicant({"id": 1}, complaint), ptsp.CaseValidationError)
    err = raises("invalid_json", lambda: case.events_for([{"type": "nope"}, {}], {"id": "x"}, complaint), ptsp.CaseValidationError)
    # One problem per event: the first found (an unknown kind, a missing instant).
    assert [(p["path"], p["code"]) for p in err.errors()] == [
        ("events[0].type", "unknown_variant"),
        ("events[1].at", "missing_field"),
    ]


def test_for_service_errors():
    permit = ptsp.Procedure.jatim_permit()
    raises("invalid_json", lambda: permit.for_service({"id": "x"}), ptsp.ProcedureError)
    service = ptsp.sample_catalogue()["services"][0]
    service["documents"] = service["documents"] + service["documents"][:1]
    err = raises("invalid_procedure", lambda: permit.for_service(service), ptsp.ProcedureError)
    assert "duplicate_id" in {p["code"] for p in err.errors()}


WRONG_TYPES = [
    lambda s, p, cal, t: ptsp.form.validate('{"kind": "pengaduan"}', today=TODAY),
    lambda s, p, cal, t: ptsp.form.validate({}, "limits", today=TODAY),
    lambda s, p, cal, t: ptsp.form.validate({}, today="2026-12-01"),
    lambda s, p, cal, t: ptsp.form.validate({}, today=dt.datetime(2026, 12, 1)),
    lambda s, p, cal, t: ptsp.form.validate({"name": object()}, today=TODAY),
    lambda s, p, cal, t: ptsp.form.validate({1: "x"}, today=TODAY),
    lambda s, p, cal, t: ptsp.form.parse_nik(3515144508680002, TODAY),
    lambda s, p, cal, t: ptsp.form.parse_nik("3515144508680002", None),
    lambda s, p, cal, t: ptsp.form.normalize_phone(812345678),
    lambda s, p, cal, t: ptsp.form.normalize_email(None),
    lambda s, p, cal, t: ptsp.form.province_name(35),
    lambda s, p, cal, t: Router.from_json(b"{}"),
    lambda s, p, cal, t: Router.from_rule_set("{}"),
    lambda s, p, cal, t: Router.validate_rule_set(None),
    lambda s, p, cal, t: s.suggest("limbah"),
    lambda s, p, cal, t: s.suggest(None),
    lambda s, p, cal, t: s.redistribute({}, "dkp"),
    lambda s, p, cal, t: s.redistribute({}, ["dkp", 1]),
    lambda s, p, cal, t: s.unit(1),
    lambda s, p, cal, t: s.stem(None),
    lambda s, p, cal, t: s.normalize(["a"]),
    lambda s, p, cal, t: ptsp.routing.pick_staff(None, []),
    lambda s, p, cal, t: ptsp.routing.pick_staff("dkp", {"id": "a"}),
    lambda s, p, cal, t: ptsp.routing.pick_staff("dkp", [], "competence"),
    lambda s, p, cal, t: ptsp.routing.stem(1),
    lambda s, p, cal, t: ptsp.routing.normalize(None),
    lambda s, p, cal, t: ptsp.routing.tokenize(b"x"),
    lambda s, p, cal, t: ptsp.helpdesk.figures(ptsp.Case().to_dict(), p, cal, t),
    lambda s, p, cal, t: ptsp.helpdesk.figures(ptsp.Case(), p.definition, cal, t),
    lambda s, p, cal, t: ptsp.helpdesk.figures(ptsp.Case(), p, s, t),
    lambda s, p, cal, t: ptsp.helpdesk.unit_summaries(ptsp.Case(), p, cal, t),
    lambda s, p, cal, t: ptsp.helpdesk.unit_summaries([ptsp.Case(), None], p, cal, t),
    lambda s, p, cal, t: ptsp.Case().view_for("kp-1", p),
    lambda s, p, cal, t: ptsp.Case().view_for({"id": "kp-1"}, "jatim-pengaduan"),
    lambda s, p, cal, t: ptsp.Case().sees_applicant(None, p),
    lambda s, p, cal, t: ptsp.Case().events_for({}, {"id": "x"}, p),
    lambda s, p, cal, t: ptsp.Case().events_for([], {"id": "x"}, None),
    lambda s, p, cal, t: p.for_service("izin-operasional-rs-kelas-b"),
]


@pytest.mark.parametrize("call", WRONG_TYPES, ids=range(len(WRONG_TYPES)))
def test_wrong_python_types_raise_invalid_type(call, sample, complaint, jatim, wib):
    t = dt.datetime(2026, 12, 28, 12, tzinfo=wib)
    err = raises("invalid_type", lambda: call(sample, complaint, jatim, t), ptsp.InvalidTypeError)
    assert isinstance(err, TypeError)
    assert "expected" in err.messages["en"] and "seharusnya" in err.messages["id"]


def test_invalid_type_names_the_item(sample):
    err = raises("invalid_type", lambda: sample.redistribute({}, ["dkp", 1]))
    assert "rejected_units[1]" in str(err)
    err = raises("invalid_json", lambda: ptsp.routing.pick_staff("dkp", [{"id": "a", "unit": "dkp", "open_tickets": 0}, "b"]))
    assert [(p["path"], p["code"]) for p in err.errors()] == [("staff[1]", "wrong_type")]


def test_missing_today_is_a_type_error():
    with pytest.raises(TypeError):
        ptsp.form.validate({})  # today is keyword-only and required


def test_naive_now_is_refused(complaint, jatim):
    err = raises("invalid_value", lambda: ptsp.helpdesk.figures(ptsp.Case(), complaint, jatim, dt.datetime(2026, 12, 1)), ptsp.CalendarError)
    assert "aware" in str(err)


def test_desk_errors_pickle(sample):
    errors = []
    for call in [
        lambda: ptsp.form.validate({}, today=TODAY),
        lambda: ptsp.form.validate({"kind": "pujian"}, today=TODAY),
        lambda: Router.from_rule_set({"units": [UNIT], "rules": [], "fallback": "x"}),
        lambda: Router.from_json("{"),
    ]:
        with pytest.raises(ptsp.PtspError) as info:
            call()
        errors.append(info.value)
    assert [type(e).__name__ for e in errors] == ["FormValidationError", "FormValidationError", "RoutingValidationError", "RoutingValidationError"]
    assert [e.code for e in errors] == ["invalid_form", "invalid_json", "invalid_rule_set", "invalid_json"]
    for err in errors:
        again = pickle.loads(pickle.dumps(err))
        assert type(again) is type(err)
        assert (again.code, again.messages, again.errors()) == (err.code, err.messages, err.errors())
