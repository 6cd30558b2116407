"""The consultation and complaint web form (ptsp.form): the golden cases
shared with the Rust (tests/desk_form.rs) and JS suites, and the field checks on
their own (NIK, phone, email, provinces, limits)."""

import copy
import datetime as dt
import json
from pathlib import Path

import pytest

import ptsp

FIXTURE = Path(__file__).resolve().parent.parent.parent / "tests" / "fixtures" / "desk" / "forms" / "cases.json"
CASES = json.loads(FIXTURE.read_text(encoding="utf-8"))["cases"]
TODAY = dt.date(2026, 12, 1)


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


def to_form(valid):
    """The form that validates to `valid` again (ValidForm::to_form)."""
    form = dict(valid)
    form["nik"] = valid["nik"]["nik"] if valid["nik"] else None
    return form


def test_fixture_is_not_empty():
    assert len(CASES) >= 100
    assert any("normalized" in c for c in CASES) and any("codes" in c for c in CASES)
    assert any("limits" in c for c in CASES)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["name"])
def test_shared_case(case):
    form = copy.deepcopy(case["form"])
    limits = case.get("limits")
    today = dt.date.fromisoformat(case["today"])
    if "normalized" in case:
        valid = ptsp.form.validate(form, limits, today=today)
        for key, want in case["normalized"].items():
            assert valid[key] == want, key
        # Idempotent: the normalised form validates to itself.
        assert ptsp.form.validate(to_form(valid), limits, today=today) == valid
        # The input dict is not touched.
        assert form == case["form"]
    else:
        with pytest.raises(ptsp.FormError) as info:
            ptsp.form.validate(form, limits, today=today)
        err = info.value
        assert err.code == "invalid_form"
        assert [p["code"] for p in err.errors()] == case["codes"]
        assert [p["path"] for p in err.errors()] == case["paths"]
        for p in err.errors():
            assert set(p) == {"path", "code", "message", "message_id"}
            assert p["message"] and p["message_id"] and p["message"] != p["message_id"]
        assert str(err) == err.messages["en"] and err.messages["en"].startswith("invalid form: ")
        assert err.messages["id"].startswith("formulir tidak valid: ")


def test_valid_form_has_every_key_and_decodes_the_nik():
    valid = ptsp.form.validate(complaint(name=" Siti Rahayu ", phone="0812-3456-7890"), today=TODAY)
    assert list(valid) == ["kind", "name", "nik", "email", "phone", "subject", "text", "attachments", "service", "category"]
    assert valid["name"] == "Siti Rahayu" and valid["phone"] == "+6281234567890"
    assert valid["nik"] == {
        "nik": "3515144508680002", "province_code": "35", "province": "Jawa Timur",
        "regency_code": "3515", "regency_kind": "regency", "district_code": "351514",
        "birth_date": "1968-08-05", "sex": "female", "serial": "0002",
    }


def test_english_kind_names_are_accepted():
    assert ptsp.form.validate(complaint(kind="complaint"), today=TODAY)["kind"] == "pengaduan"
    form = complaint(kind="consultation")
    del form["nik"]
    assert ptsp.form.validate(form, today=TODAY)["kind"] == "konsultasi"
    for alias in ["saran", "suggestion", "masukan"]:
        assert ptsp.form.validate(complaint(kind=alias), today=TODAY)["kind"] == "saran"


def test_a_suggestion_needs_no_nik_but_a_contact():
    form = complaint(kind="saran")
    del form["nik"]
    valid = ptsp.form.validate(form, today=TODAY)
    assert valid["kind"] == "saran" and valid["nik"] is None
    assert ptsp.form.default_limits()["suggestion"] == {
        "nik_required": False, "email_required": False, "phone_required": False, "service_required": False,
    }
    del form["email"], form["phone"]
    with pytest.raises(ptsp.FormError) as info:
        ptsp.form.validate(form, today=TODAY)
    assert [(p["path"], p["code"]) for p in info.value.errors()] == [("contact", "contact_required")]
    # Routed with the category "saran".
    valid = ptsp.form.validate(complaint(kind="saran", category="perikanan",
                                         text="Izin usaha perikanan tangkap sebaiknya bisa diurus daring."), today=TODAY)
    ticket = {"service": valid["service"] or "", "sector": valid["category"], "category": valid["kind"],
              "subject": valid["subject"], "text": valid["text"]}
    assert ptsp.routing.Router.sample().suggest(ticket)[0]["unit"] == "dkp"


def test_messages_mask_personal_data():
    form = complaint(nik="3515143102990001", phone="+65 6123 4567", email="siti.rahayu@localhost")
    with pytest.raises(ptsp.FormError) as info:
        ptsp.form.validate(form, today=TODAY)
    text = repr(info.value.errors()) + str(info.value) + info.value.messages["id"]
    for secret in ["3515143102990001", "6123 4567", "61234567", "siti.rahayu"]:
        assert secret not in text
    assert '“3515**********01”' in text and '“+** **** *567”' in text and '“s***@localhost”' in text


def test_nik_century_never_in_the_future():
    nik = ptsp.form.parse_nik("3171011708260001", dt.date(2026, 3, 10))
    assert nik["birth_date"] == "1926-08-17"
    assert ptsp.form.parse_nik("3171011708260001", dt.date(2026, 8, 17))["birth_date"] == "2026-08-17"


def test_limits_are_the_offices_settings():
    limits = ptsp.form.default_limits()
    assert limits["subject"] == {"min": 5, "max": 150}
    assert limits["formats"] == ["pdf", "jpg", "jpeg", "png"]
    assert limits["complaint"]["nik_required"] is True and limits["require_contact"] is True
    # The full defaults, or none, or only the keys that differ: the same.
    form = complaint()
    assert ptsp.form.validate(form, limits, today=TODAY) == ptsp.form.validate(form, today=TODAY)
    assert ptsp.form.validate(form, {}, today=TODAY) == ptsp.form.validate(form, None, today=TODAY)
    # Anonymous complaints, where the office allows them.
    del form["nik"]
    with pytest.raises(ptsp.FormError) as info:
        ptsp.form.validate(form, today=TODAY)
    assert [p["code"] for p in info.value.errors()] == ["required"]
    anonymous = {"complaint": {"nik_required": False}}
    assert ptsp.form.validate(form, anonymous, today=TODAY)["nik"] is None
    # default_limits() is a fresh dict.
    limits["subject"]["min"] = 99
    assert ptsp.form.default_limits()["subject"]["min"] == 5


def test_attachments():
    form = complaint(attachments=[
        {"file_name": " bukti.PDF ", "format": ".PDF", "bytes": 120_000},
        {"file_name": "foto.jpg", "format": "jpg", "bytes": 300_000},
    ])
    valid = ptsp.form.validate(form, today=TODAY)
    assert valid["attachments"][0] == {"file_name": "bukti.PDF", "format": "pdf", "bytes": 120_000}
    form["attachments"].append({"file_name": "x.docx", "format": "docx", "bytes": 9_000_000})
    with pytest.raises(ptsp.FormError) as info:
        ptsp.form.validate(form, today=TODAY)
    assert [(p["path"], p["code"]) for p in info.value.errors()] == [
        ("attachments[2].format", "wrong_format"),
        ("attachments[2].bytes", "file_too_large"),
    ]


def test_today_is_the_reference_date_of_the_nik():
    nik = "3515140101260001"
    assert ptsp.form.parse_nik(nik, dt.date(2026, 1, 1))["birth_date"] == "2026-01-01"
    assert ptsp.form.parse_nik(nik, dt.date(2025, 12, 31))["birth_date"] == "1926-01-01"
    # A day still to come in the reference year is a century earlier, never in the future.
    assert ptsp.form.parse_nik("3515140201260001", dt.date(2026, 1, 1))["birth_date"] == "1926-01-02"
    with pytest.raises(ptsp.FormError) as info:
        ptsp.form.parse_nik("3515143102260001", dt.date(2026, 1, 1))
    assert [p["code"] for p in info.value.errors()] == ["invalid_nik_birth_date"]


def test_parse_nik():
    nik = ptsp.form.parse_nik("35 15 14 450868 0002", TODAY)
    assert nik["nik"] == "3515144508680002" and nik["sex"] == "female"
    assert ptsp.form.parse_nik("3578010101900001", TODAY)["regency_kind"] == "city"
    with pytest.raises(ptsp.FormError) as info:
        ptsp.form.parse_nik("0000000000000000", TODAY)
    err = info.value
    assert err.code == "invalid_form"
    assert [p["code"] for p in err.errors()] == [
        "invalid_nik_region", "invalid_nik_region", "invalid_nik_birth_date", "invalid_nik_serial",
    ]
    assert all(p["path"] == "nik" for p in err.errors())


@pytest.mark.parametrize("text, want", [
    ("0812-3456-7890", "+6281234567890"),
    ("+62 (0)21 5790 1234", "+622157901234"),
    ("(031) 3520 7000", "+623135207000"),
    ("812 3456 7890", "+6281234567890"),
])
def test_normalize_phone(text, want):
    assert ptsp.form.normalize_phone(text) == want
    assert ptsp.form.normalize_phone(want) == want


@pytest.mark.parametrize("text", ["12345", "+65 6123 4567", "0800 123 4567", ""])
def test_invalid_phone(text):
    with pytest.raises(ptsp.FormError) as info:
        ptsp.form.normalize_phone(text)
    assert [(p["path"], p["code"]) for p in info.value.errors()] == [("phone", "invalid_phone")]
    assert info.value.errors()[0]["message_id"].startswith("nomor telepon ")


def test_normalize_email():
    assert ptsp.form.normalize_email(" Budi.Santoso@Jatimprov.GO.ID ") == "Budi.Santoso@jatimprov.go.id"
    assert ptsp.form.normalize_email("ñandú@bücher.de") == "ñandú@bücher.de"
    for bad in ["budi", "budi@localhost", "a..b@example.com"]:
        with pytest.raises(ptsp.FormError) as info:
            ptsp.form.normalize_email(bad)
        assert [p["code"] for p in info.value.errors()] == ["invalid_email"], bad
        assert info.value.messages["id"].startswith("formulir tidak valid: email: ")


def test_provinces():
    all_ = ptsp.form.provinces()
    assert len(all_) == 38 and all_[0] == {"code": "11", "name": "Aceh", "source": all_[0]["source"]}
    assert [p["code"] for p in all_] == sorted(p["code"] for p in all_)
    assert ptsp.form.province_name("35") == "Jawa Timur"
    assert ptsp.form.province_name("94") == "Papua Tengah"
    assert ptsp.form.province_name("20") is None and ptsp.form.province_name("355") is None
    for p in all_:
        assert ptsp.form.parse_nik(f"{p['code']}01010101900001", TODAY)["province"] == p["name"]


def test_unicode_never_panics():
    weird = ["\x00", "\ud7ff", "🙂" * 200, "\u202e", "a\r\nb", "٠٨١٢", "\ufeff"]
    for w in weird:
        for field in ["name", "nik", "email", "phone", "subject", "text", "service", "category"]:
            try:
                ptsp.form.validate(complaint(**{field: w}), today=TODAY)
            except ptsp.FormError as e:
                assert e.code == "invalid_form"
        for call in [ptsp.form.normalize_phone, ptsp.form.normalize_email, lambda t: ptsp.form.parse_nik(t, TODAY)]:
            try:
                call(w)
            except ptsp.FormError as e:
                assert e.code == "invalid_form"
