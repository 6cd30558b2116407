"""Round trips: definitions through JSON and dicts, holiday layers through
iCalendar, calendars through pickle."""

import datetime as dt
import json
import pickle
from pathlib import Path

import pytest

import ptsp

FIXTURES = Path(__file__).resolve().parent.parent.parent / "tests" / "fixtures" / "calendar"


def calendars():
    yield ptsp.Calendar.indonesia()
    yield ptsp.Calendar.jatim()
    yield ptsp.Calendar.from_json((FIXTURES / "custom-office.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("cal", list(calendars()), ids=lambda c: c.id)
def test_json_round_trip_keeps_the_definition(cal):
    again = ptsp.Calendar.from_json(cal.to_json())
    assert again.definition == cal.definition
    assert again.to_json() == cal.to_json()
    assert json.loads(cal.to_json()) == cal.definition
    from_dict = ptsp.Calendar.from_definition(cal.definition)
    assert from_dict.definition == cal.definition
    assert from_dict.coverage == cal.coverage and from_dict.id == cal.id


def test_definition_keeps_field_order(indonesia):
    assert list(indonesia.definition) == list(json.loads(indonesia.to_json()))


def test_definition_accepts_dates(indonesia):
    definition = indonesia.definition
    definition["extra_working_days"] = [{"date": dt.date(2026, 3, 14), "name": "Sabtu masuk"}]
    cal = ptsp.Calendar.from_definition(definition)
    assert cal.definition["extra_working_days"][0]["date"] == "2026-03-14"
    assert cal.is_working_day(dt.date(2026, 3, 14))


@pytest.mark.parametrize("cal", list(calendars()), ids=lambda c: c.id)
def test_pickle_round_trip(cal):
    again = pickle.loads(pickle.dumps(cal))
    assert isinstance(again, ptsp.Calendar)
    assert again.definition == cal.definition


@pytest.mark.parametrize("layer_index", [0, 1])
def test_ical_export_then_import_gives_the_same_layer(layer_index):
    cal = ptsp.Calendar.from_json((FIXTURES / "custom-office.json").read_text(encoding="utf-8"))
    layer = cal.definition["layers"][layer_index]
    text = ptsp.layer_to_ical(layer)
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert ptsp.layer_from_ical(text, "other-id", "other name", "regional") == layer


def test_national_layer_round_trips_through_ical(indonesia):
    layer = indonesia.definition["layers"][0]
    text = ptsp.layer_to_ical(layer)
    assert "DTSTART;VALUE=DATE:20260101\r\n" in text
    again = ptsp.layer_from_ical(text, "x", "x")
    assert again == layer
    definition = indonesia.definition
    definition["layers"] = [again]
    assert ptsp.Calendar.from_definition(definition).definition == indonesia.definition


def test_foreign_ical_takes_the_given_names_and_kind():
    text = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Kantor X//ID\r\n"
        "BEGIN:VEVENT\r\nUID:1@x\r\nDTSTART;VALUE=DATE:20260302\r\n"
        "DTEND;VALUE=DATE:20260304\r\nSUMMARY:Renovasi gedung\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n"
    )
    layer = ptsp.layer_from_ical(text, "kantor-x", "Kantor X", "office_closure")
    assert layer["id"] == "kantor-x" and layer["name"] == "Kantor X"
    assert [(h["date"], h["kind"]) for h in layer["holidays"]] == [
        ("2026-03-02", "office_closure"),
        ("2026-03-03", "office_closure"),
    ]
    assert layer["sources"][0]["title"] == "-//Kantor X//ID"
    default = ptsp.layer_from_ical(text, "kantor-x", "Kantor X")
    assert {h["kind"] for h in default["holidays"]} == {"national_holiday"}
