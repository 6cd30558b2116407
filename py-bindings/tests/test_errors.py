"""Errors: the exception hierarchy, stable codes, messages in both languages,
validation problems, wrong Python types, naive datetimes, coverage, batch
failures, and no panic for extreme inputs."""

import datetime as dt
import pickle

import numpy as np
import pytest

import ptsp


def raises(code, call, cls=ptsp.PtspError):
    with pytest.raises(cls) as info:
        call()
    err = info.value
    assert err.code == code, (err.code, str(err))
    assert set(err.messages) == {"en", "id"}
    assert err.messages["en"] and err.messages["id"]
    assert str(err) == err.messages["en"]
    return err


def test_hierarchy():
    assert issubclass(ptsp.PtspError, ValueError)
    assert issubclass(ptsp.CalendarError, ptsp.PtspError)
    assert issubclass(ptsp.CalendarValidationError, ptsp.CalendarError)
    assert issubclass(ptsp.CalendarValidationError, ptsp.ValidationError)
    assert issubclass(ptsp.ValidationError, ptsp.PtspError)
    assert issubclass(ptsp.InvalidTypeError, ptsp.PtspError)
    assert issubclass(ptsp.InvalidTypeError, TypeError)
    assert issubclass(ptsp.InvalidTypeError, ValueError)


def test_out_of_coverage_names_the_day_in_both_languages(indonesia):
    err = raises("out_of_coverage", lambda: indonesia.is_working_day(dt.date(2031, 5, 5)), ptsp.CalendarError)
    assert "2031-05-05" in err.messages["en"] and "outside" in err.messages["en"]
    assert "2031-05-05" in err.messages["id"] and "di luar cakupan" in err.messages["id"]
    raises("out_of_coverage", lambda: indonesia.holidays(2040))
    raises("out_of_coverage", lambda: indonesia.next_working_day(dt.date(2027, 12, 31)))
    raises("out_of_coverage", lambda: indonesia.add_working_days(dt.date(2027, 12, 1), 40))
    raises("out_of_coverage", lambda: indonesia.working_days_between(dt.date(2022, 12, 1), dt.date(2023, 2, 1)))


def test_calendar_error_codes(jatim, indonesia, wib):
    t = dt.datetime(2026, 12, 23, 10, tzinfo=wib)
    raises("invalid_count", lambda: jatim.deadline(t, 0))
    raises("no_office_hours", lambda: indonesia.deadline(t, 3))
    raises("no_office_hours", lambda: indonesia.add_working_time(t, dt.timedelta(hours=1)))
    raises("negative_duration", lambda: jatim.add_working_time(t, dt.timedelta(hours=-1)))
    raises("invalid_json", lambda: ptsp.Calendar.from_json("{"))
    raises("invalid_ical", lambda: ptsp.layer_from_ical("hello", "x", "x"))


def test_validation_error_lists_every_problem(indonesia):
    definition = indonesia.definition
    definition["weekmask"] = "0000000"
    definition["utc_offset"] = "+25:00"
    definition["id"] = " "
    err = raises("invalid_definition", lambda: ptsp.Calendar.from_definition(definition), ptsp.ValidationError)
    problems = err.errors()
    assert sorted(p["code"] for p in problems) == ["empty_id", "empty_weekmask", "invalid_utc_offset"]
    by_code = {p["code"]: p for p in problems}
    assert by_code["invalid_utc_offset"]["path"] == "utc_offset"
    assert "+25:00" in by_code["invalid_utc_offset"]["message"]
    assert "selisih UTC" in by_code["invalid_utc_offset"]["message_id"]
    # errors() returns copies.
    problems[0]["code"] = "changed"
    assert err.errors()[0]["code"] != "changed"


def test_errors_pickle(indonesia):
    err = raises("out_of_coverage", lambda: indonesia.is_working_day(dt.date(2031, 1, 1)))
    again = pickle.loads(pickle.dumps(err))
    assert type(again) is type(err) and again.code == err.code and again.messages == err.messages
    definition = indonesia.definition
    definition["weekmask"] = "0000000"
    verr = raises("invalid_definition", lambda: ptsp.Calendar.from_definition(definition))
    assert pickle.loads(pickle.dumps(verr)).errors() == verr.errors()


WRONG_TYPES = [
    ("is_working_day", ("2024-01-01",)),
    ("is_working_day", (dt.datetime(2024, 1, 1),)),
    ("is_working_day", (np.datetime64("2024-01-01"),)),
    ("is_working_day", (None,)),
    ("add_working_days", (dt.date(2024, 1, 2), 1.0)),
    ("add_working_days", (dt.date(2024, 1, 2), "1")),
    ("add_working_days", (dt.date(2024, 1, 2), True)),
    ("working_days_between", (dt.date(2024, 1, 2), 20240105)),
    ("holidays", ("2024",)),
    ("year_status", (2024.0,)),
    ("add_working_days_batch", (np.array([1, 2]), 1)),
    ("add_working_days_batch", (["2024-01-01"], 1)),
    ("add_working_days_batch", ("2024-01-01", 1)),
    ("add_working_days_batch", ([dt.date(2024, 1, 2)], [1.5])),
    ("add_working_days_batch", ([dt.date(2024, 1, 2)], np.array([1.0]))),
    ("add_working_days_batch", (np.array([["2024-01-02"]], dtype="datetime64[D]"), 1)),
    ("add_working_days_batch", (np.array(["2024-01-02T10"], dtype="datetime64[h]"), 1)),
    ("working_days_between_batch", ([dt.date(2024, 1, 2)], [None])),
    ("working_days_between_batch", (np.array([1.0]), np.array([2.0]))),
]


@pytest.mark.parametrize("method, args", WRONG_TYPES, ids=lambda x: repr(x)[:40])
def test_wrong_python_types_raise_invalid_type(indonesia, method, args):
    err = raises("invalid_type", lambda: getattr(indonesia, method)(*args), ptsp.InvalidTypeError)
    assert isinstance(err, TypeError)
    assert "expected" in err.messages["en"] and "seharusnya" in err.messages["id"]


def test_wrong_types_for_instants_and_dicts(jatim, wib):
    t = dt.datetime(2026, 12, 23, 10, tzinfo=wib)
    for call in [
        lambda: jatim.deadline(dt.date(2026, 12, 23), 3),
        lambda: jatim.deadline(t, 3, "receipt_day"),
        lambda: jatim.add_working_time(t, 3600),
        lambda: jatim.working_time_between(t, None),
        lambda: ptsp.Calendar.from_json(b"{}"),
        lambda: ptsp.Calendar.from_definition("{}"),
        lambda: ptsp.Calendar.from_definition({"id": object()}),
        lambda: ptsp.Calendar.from_definition({1: "x"}),
        lambda: ptsp.layer_to_ical(["not", "a", "dict"]),
        lambda: ptsp.layer_from_ical(None, "x", "x"),
        lambda: jatim.explain_deadline(t, 3).render(1),
    ]:
        err = raises("invalid_type", call, ptsp.InvalidTypeError)
        assert isinstance(err, TypeError)


def test_naive_datetime_is_refused(jatim, wib):
    naive = dt.datetime(2026, 12, 23, 10)
    aware = naive.replace(tzinfo=wib)
    for call in [
        lambda: jatim.deadline(naive, 3),
        lambda: jatim.explain_deadline(naive, 3),
        lambda: jatim.add_working_time(naive, dt.timedelta(hours=1)),
        lambda: jatim.working_time_between(aware, naive),
        lambda: jatim.assuming_weekends_only().deadline(naive, 3),
    ]:
        err = raises("invalid_value", call, ptsp.CalendarError)
        assert not isinstance(err, TypeError)
        assert "aware" in err.messages["en"]


def test_bad_values_in_dicts_and_choices(jatim, wib):
    t = dt.datetime(2026, 12, 23, 10, tzinfo=wib)
    raises("invalid_json", lambda: jatim.deadline(t, 3, {"count_from": "tomorrow"}))
    raises("invalid_json", lambda: jatim.deadline(t, 3, {"unknown": 1}))
    raises("invalid_json", lambda: ptsp.Calendar.from_definition({"id": "x"}))
    raises("invalid_json", lambda: ptsp.layer_to_ical({"id": "x"}))
    raises("invalid_value", lambda: ptsp.layer_from_ical("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "x", "x", "bank_holiday"))
    raises("invalid_value", lambda: jatim.explain_deadline(t, 3).render("fr"))


def test_batch_errors_name_the_element_and_return_nothing(indonesia):
    dates = np.array(["2024-01-02", "2024-01-03", "NaT", "2024-01-05"], dtype="datetime64[D]")
    before = dates.copy()
    err = raises("invalid_value", lambda: indonesia.add_working_days_batch(dates, 1), ptsp.CalendarError)
    assert "element 2" in err.messages["en"] and "elemen 2" in err.messages["id"]
    assert "NaT" in err.messages["en"]
    np.testing.assert_array_equal(dates, before)
    raises("invalid_value", lambda: indonesia.working_days_between_batch(dates[:1], dates))
    # Shape mismatch.
    raises("shape_mismatch", lambda: indonesia.add_working_days_batch(dates[:3], [1, 2]))
    raises("shape_mismatch", lambda: indonesia.working_days_between_batch(dates[:3], dates[:2]))
    # Out of coverage inside a batch: the element is named.
    late = np.array(["2024-01-02", "2027-12-30"], dtype="datetime64[D]")
    err = raises("out_of_coverage", lambda: indonesia.add_working_days_batch(late, 5))
    assert "element 1" in err.messages["en"]


@pytest.mark.parametrize("n", [2**62, -(2**62), 2**63 - 1, -(2**63), 2**63, -(2**63) - 1, 10**30])
def test_huge_counts_never_panic(indonesia, jatim, wib, n):
    d = dt.date(2024, 1, 2)
    t = dt.datetime(2024, 1, 2, 10, tzinfo=wib)
    view = indonesia.assuming_weekends_only()
    for call in [
        lambda: indonesia.add_working_days(d, n),
        lambda: view.add_working_days(d, n),
        lambda: jatim.deadline(t, n),
        lambda: jatim.assuming_weekends_only().deadline(t, n),
        lambda: jatim.assuming_weekends_only().explain_deadline(t, n),
        lambda: indonesia.add_working_days_batch([d], [n]),
        lambda: indonesia.add_working_days_batch(np.array([d], dtype="datetime64[D]"), n),
    ]:
        with pytest.raises(ptsp.PtspError) as info:
            call()
        assert info.value.code in ("out_of_range", "out_of_coverage", "invalid_count"), info.value


def test_extreme_dates_and_durations_never_panic(indonesia, jatim):
    view = jatim.assuming_weekends_only()
    utc = dt.timezone.utc
    far = dt.timezone(dt.timedelta(hours=23, minutes=59))
    calls = [
        lambda: view.is_working_day(dt.date.min),
        lambda: view.is_working_day(dt.date.max),
        lambda: view.next_working_day(dt.date.max),
        lambda: view.previous_working_day(dt.date.min),
        lambda: view.add_working_days(dt.date.max, 10),
        lambda: view.add_working_days(dt.date.min, -10),
        lambda: view.add_working_days(dt.date(2024, 1, 1), 10**12),
        lambda: view.working_days_between(dt.date.min, dt.date.max),
        lambda: view.add_working_time(dt.datetime.max.replace(tzinfo=utc), dt.timedelta(hours=1)),
        lambda: view.add_working_time(dt.datetime(2024, 1, 2, tzinfo=far), dt.timedelta.max),
        lambda: view.working_time_between(dt.datetime.min.replace(tzinfo=far), dt.datetime.max.replace(tzinfo=utc)),
        lambda: view.deadline(dt.datetime.max.replace(tzinfo=utc), 1),
        lambda: view.explain_deadline(dt.datetime.min.replace(tzinfo=far), 1),
        lambda: indonesia.add_working_days_batch(np.array([np.iinfo(np.int64).max, 0], dtype="datetime64[D]"), 1),
        lambda: indonesia.add_working_days_batch(np.array([np.iinfo(np.int64).min + 1], dtype="datetime64[D]"), -1),
        lambda: indonesia.working_days_between_batch(
            np.array([np.iinfo(np.int64).max], dtype="datetime64[D]"), np.array([0], dtype="datetime64[D]")
        ),
    ]
    for call in calls:
        try:
            call()
        except ptsp.PtspError as e:
            assert e.code in ("out_of_range", "out_of_coverage", "invalid_value"), e
        # Any other exception (a PanicException is a BaseException) fails the test.
