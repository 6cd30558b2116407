"""A Python ``str`` may hold lone surrogates (U+D800–U+DFFF: not characters,
so not UTF-8) — ``json.loads('"\\udcff"')`` makes one from a JSON body, and so
does ``bytes.decode(errors="surrogateescape")``. Every string the binding
reads raises a typed ``invalid_text`` error for one, naming its path in the
argument and the surrogate, never a bare ``UnicodeEncodeError``."""

import datetime as dt
import json
import pickle

import pytest

import ptsp
from ptsp.routing import Router

TODAY = dt.date(2026, 12, 1)
LONE = json.loads('"\\udcff"')  # what a JSON body with "\udcff" decodes to
assert len(LONE) == 1 and ord(LONE) == 0xDCFF


def complaint(**changes):
    form = {
        "kind": "pengaduan",
        "name": "Siti Rahayu",
        "nik": "3515144508680002",
        "email": "siti@example.co.id",
        "phone": "081234567890",
        "subject": "Izin belum terbit",
        "text": "Berkas saya lengkap sejak Oktober tetapi izin belum terbit.",
    }
    form.update(changes)
    return form


def invalid_text(call, cls, path, code="invalid_text"):
    """Calls `call`, expects `cls` with `code` and one `invalid_text`
    problem at `path`; returns the error."""
    with pytest.raises(cls) as info:
        call()
    err = info.value
    assert not isinstance(err, UnicodeError)
    assert isinstance(err, ptsp.PtspError) and isinstance(err, ValueError)
    assert err.code == code, (err.code, str(err))
    [problem] = err.errors()
    assert problem["path"] == path and problem["code"] == "invalid_text"
    assert "lone surrogate U+" in problem["message"]
    assert "surrogate tunggal U+" in problem["message_id"]
    assert str(err) == err.messages["en"] and path in err.messages["en"] and path in err.messages["id"]
    assert pickle.loads(pickle.dumps(err)).errors() == err.errors()
    return err


def test_json_loads_gives_a_str_python_cannot_encode():
    with pytest.raises(UnicodeEncodeError):
        LONE.encode("utf-8")


# ---- the web form --------------------------------------------------------------


@pytest.mark.parametrize("field", ["name", "nik", "email", "phone", "subject", "text", "service", "category"])
def test_form_field(field):
    form = complaint(**{field: "Isi" + LONE + " yang cukup panjang untuk teks"})
    err = invalid_text(lambda: ptsp.form.validate(form, today=TODAY), ptsp.FormError, field)
    assert err.messages["en"].startswith(f"invalid text: {field}: the text contains the lone surrogate U+DCFF at character 4")
    assert err.messages["id"].startswith(f"teks tidak valid: {field}: teks mengandung surrogate tunggal U+DCFF pada karakter ke-4")


def test_form_kind_and_nested_paths():
    invalid_text(lambda: ptsp.form.validate(complaint(kind=LONE), today=TODAY), ptsp.FormError, "kind")
    attachments = [{"file_name": "a.pdf", "format": "pdf", "bytes": 1}, {"file_name": "b" + LONE, "format": "pdf", "bytes": 1}]
    invalid_text(lambda: ptsp.form.validate(complaint(attachments=attachments), today=TODAY), ptsp.FormError, "attachments[1].file_name")
    attachments[1] = {"file_name": "b.pdf", "format": LONE, "bytes": 1}
    invalid_text(lambda: ptsp.form.validate(complaint(attachments=attachments), today=TODAY), ptsp.FormError, "attachments[1].format")


def test_form_key_is_named_escaped():
    form = complaint()
    form["ni" + LONE + "k"] = "x"
    err = invalid_text(lambda: ptsp.form.validate(form, today=TODAY), ptsp.FormError, "ni\\udcffk")
    assert err.errors()[0]["message"].startswith("the key contains the lone surrogate U+DCFF at character 3")
    assert err.errors()[0]["message_id"].startswith("kunci mengandung surrogate tunggal U+DCFF pada karakter ke-3")


def test_position_counts_python_characters():
    # 🙂 is one Python character (and four UTF-8 bytes): the surrogate is the 6th.
    err = invalid_text(lambda: ptsp.form.validate(complaint(text="é字🙂ab" + LONE), today=TODAY), ptsp.FormError, "text")
    assert "U+DCFF at character 6" in err.errors()[0]["message"]
    # Two surrogates that would pair in UTF-16 are still two lone code points
    # in a str (json.loads would join the escaped pair into one character).
    pair = "a" + chr(0xD83D) + chr(0xDE00)
    err = invalid_text(lambda: ptsp.form.validate(complaint(subject=pair), today=TODAY), ptsp.FormError, "subject")
    assert "U+D83D at character 2" in err.errors()[0]["message"]


def test_form_limits():
    invalid_text(lambda: ptsp.form.validate(complaint(), {"formats": ["pdf", LONE]}, today=TODAY), ptsp.FormError, "formats[1]")


def test_the_value_is_not_quoted():
    nik = "3515144508680002" + LONE
    err = invalid_text(lambda: ptsp.form.validate(complaint(nik=nik), today=TODAY), ptsp.FormError, "nik")
    assert "3515144508680002" not in repr(err.errors()) + str(err) + err.messages["id"]


# ---- field checks on their own ---------------------------------------------------


def test_phone_normalisation():
    err = invalid_text(lambda: ptsp.form.normalize_phone("0812 3456" + LONE), ptsp.FormError, "text")
    assert "at character 10" in str(err)
    assert ptsp.form.normalize_phone("0812 3456 7890") == "+6281234567890"


def test_email_nik_and_province():
    invalid_text(lambda: ptsp.form.normalize_email("siti" + LONE + "@example.com"), ptsp.FormError, "text")
    invalid_text(lambda: ptsp.form.parse_nik("3515" + LONE, TODAY), ptsp.FormError, "text")
    invalid_text(lambda: ptsp.form.province_name(LONE), ptsp.FormError, "code")


# ---- routing ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample():
    return Router.sample()


@pytest.mark.parametrize("field", ["service", "sector", "category", "subject", "text"])
def test_routing_suggestion(sample, field):
    ticket = {"subject": "Izin kapal", "text": "Izin usaha perikanan tangkap belum terbit."}
    ticket[field] = "perikanan " + LONE
    err = invalid_text(lambda: sample.suggest(ticket), ptsp.RoutingError, field)
    assert "U+DCFF at character 11" in str(err)
    ticket[field] = "perikanan"
    assert sample.suggest(ticket)[0]["unit"] == "dkp"


def test_routing_other_strings(sample):
    ticket = {"text": "Izin usaha perikanan tangkap belum terbit."}
    invalid_text(lambda: sample.redistribute(ticket, ["dkp", "x" + LONE]), ptsp.RoutingError, "rejected_units[1]")
    invalid_text(lambda: sample.unit(LONE), ptsp.RoutingError, "id")
    invalid_text(lambda: ptsp.routing.tokenize(LONE), ptsp.RoutingError, "text")
    invalid_text(lambda: ptsp.routing.stem(LONE), ptsp.RoutingError, "word")
    invalid_text(lambda: ptsp.routing.normalize(LONE), ptsp.RoutingError, "text")
    invalid_text(lambda: Router.from_json(LONE), ptsp.RoutingError, "text")
    rule_set = sample.rule_set
    i = next(i for i, rule in enumerate(rule_set["rules"]) if rule.get("keywords"))
    rule_set["rules"][i]["keywords"][1] = LONE
    invalid_text(lambda: Router.from_rule_set(rule_set), ptsp.RoutingError, f"rules[{i}].keywords[1]")
    member = {"id": "a", "unit": "dkp", "open_tickets": 0, "active": True, "competences": []}
    assert ptsp.routing.pick_staff("dkp", [member])["id"] == "a"
    staff = [member, dict(member, id="b" + LONE)]
    invalid_text(lambda: ptsp.routing.pick_staff("dkp", staff), ptsp.RoutingError, "staff[1].id")


# ---- the other modules -----------------------------------------------------------


def test_case_inputs_are_invalid_text_at_their_path():
    events = [{"type": "y", "note": "a" + LONE}]
    err = invalid_text(lambda: ptsp.Case.replay(events, ptsp.Procedure.jatim_permit()), ptsp.CaseValidationError, "events[0].note")
    assert err.messages["en"].startswith("invalid text: events[0].note: the text contains")
    request = {"actor": {"id": "p-1", "roles": ["pemohon"]}, "at": "2026-12-01T09:00:00+07:00",
               "command": {"type": "submit", "note": LONE}}
    procedure, calendar = ptsp.Procedure.jatim_complaint(), ptsp.Calendar.jatim()
    invalid_text(lambda: ptsp.Case().decide(request, procedure, calendar), ptsp.CaseValidationError,
                 "request.command.note")


def test_case_replay_lists_every_bad_event():
    events = [{"type": "a" + LONE}, 5, {"type": "b" + LONE}]
    with pytest.raises(ptsp.CaseValidationError) as info:
        ptsp.Case.replay(events, ptsp.Procedure.jatim_permit())
    assert [(p["path"], p["code"]) for p in info.value.errors()] == [
        ("events[0].type", "invalid_text"),
        ("events[1]", "wrong_type"),
        ("events[2].type", "invalid_text"),
    ]
    events = [{"type": "a" + LONE}, {"no": "shape"}, {"type": "b" + LONE}]
    with pytest.raises(ptsp.CaseValidationError) as info:
        ptsp.Case.replay(events, ptsp.Procedure.jatim_permit())
    assert [(p["path"], p["code"]) for p in info.value.errors()] == [
        ("events[0].type", "invalid_text"),
        ("events[1].at", "missing_field"),
        ("events[2].type", "invalid_text"),
    ]


def test_calendar_and_procedure_texts():
    invalid_text(lambda: ptsp.Calendar.from_json(LONE), ptsp.CalendarError, "text")
    definition = ptsp.Calendar.jatim().definition
    definition["id"] = LONE
    invalid_text(lambda: ptsp.Calendar.from_definition(definition), ptsp.CalendarError, "id")
    invalid_text(lambda: ptsp.Procedure.from_json(LONE), ptsp.ProcedureError, "text")
    definition = ptsp.Procedure.jatim_complaint().definition
    definition["lanes"][0]["id"] = LONE
    invalid_text(lambda: ptsp.Procedure.from_definition(definition), ptsp.ProcedureError, "lanes[0].id")
