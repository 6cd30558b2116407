"""The Python API: calendar attributes, results and their types, the
weekends-only view, deadlines and explanations."""

import datetime as dt

import numpy as np
import pytest

import ptsp


def test_calendar_attributes(indonesia, jatim):
    assert indonesia.id == "id-national"
    assert jatim.id == "id-jatim-pemprov"
    assert isinstance(indonesia.name, str) and indonesia.name
    assert indonesia.coverage == (2023, 2027)
    assert indonesia.year_status(2024) == "decreed"
    assert indonesia.year_status(2027) == "provisional"
    assert indonesia.year_status(2030) is None
    assert indonesia.year_status(-(2**31)) is None
    assert indonesia.utc_offset == dt.timezone(dt.timedelta(hours=7))
    assert isinstance(indonesia.definition, dict)
    assert indonesia.definition["weekmask"] == "1111100"
    assert "office_hours" in jatim.definition and "office_hours" not in indonesia.definition
    assert repr(indonesia) == 'Calendar(id="id-national", coverage=(2023, 2027))'


def test_day_operations_return_dates(indonesia):
    d = dt.date(2026, 12, 23)
    assert indonesia.is_working_day(d) is True
    assert indonesia.is_working_day(dt.date(2026, 12, 24)) is False
    assert indonesia.next_working_day(d) == dt.date(2026, 12, 28)
    assert type(indonesia.next_working_day(d)) is dt.date
    assert indonesia.previous_working_day(dt.date(2026, 12, 28)) == d
    assert indonesia.add_working_days(d, 3) == dt.date(2026, 12, 30)
    assert indonesia.add_working_days(d, -1) == dt.date(2026, 12, 22)
    assert indonesia.add_working_days(dt.date(2026, 12, 26), 0) == dt.date(2026, 12, 28)
    assert indonesia.add_working_days(d, np.int64(3)) == dt.date(2026, 12, 30)
    assert indonesia.working_days_between(dt.date(2026, 12, 1), dt.date(2027, 1, 1)) == 21


def test_holidays_are_json_shaped_dicts(indonesia):
    hs = indonesia.holidays(2024)
    assert [h["date"] for h in hs] == sorted(h["date"] for h in hs)
    first = hs[0]
    assert first["date"] == "2024-01-01"
    assert list(first)[:2] == ["date", "name"]
    assert first["kind"] == "national_holiday" and first["non_working"] is True
    assert first["layer"] == "id-national"
    assert set(first["source"]) >= {"id", "title", "numbers", "signed"}
    assert any(h["date"] == "2024-02-14" for h in hs)  # election day
    assert {h["kind"] for h in hs} == {"national_holiday", "cuti_bersama"}


def test_deadline(jatim, wib):
    received = dt.datetime(2026, 12, 23, 14, 20, tzinfo=wib)
    d = jatim.deadline(received, 3)
    assert isinstance(d, ptsp.Deadline)
    assert d.received_at == received and d.received_at.utcoffset() == dt.timedelta(hours=7)
    assert d.counted_received_at == received
    assert d.late_receipt is False
    assert d.day_one == dt.date(2026, 12, 28)
    assert d.due_date == dt.date(2026, 12, 30)
    assert d.due_at == dt.datetime(2026, 12, 30, 16, tzinfo=wib)
    assert d.working_days == 3
    assert d.policy == {"count_from": "next_working_day", "after_hours": "next_working_day"}
    assert d.to_dict() == {
        "received_at": "2026-12-23T14:20:00+07:00",
        "counted_received_at": "2026-12-23T14:20:00+07:00",
        "late_receipt": False,
        "day_one": "2026-12-28",
        "due_date": "2026-12-30",
        "due_at": "2026-12-30T16:00:00+07:00",
        "working_days": 3,
        "policy": {"count_from": "next_working_day", "after_hours": "next_working_day"},
    }
    assert d == jatim.deadline(received, 3, None)
    assert d == jatim.deadline(received, 3, {})
    assert d != jatim.deadline(received, 4)
    assert "2026-12-30T16:00:00+07:00" in repr(d)


def test_deadline_in_another_zone_comes_back_in_the_office_offset(jatim, wib):
    utc = dt.datetime(2026, 12, 31, 9, 10, tzinfo=dt.timezone.utc)  # 16:10 WIB, after close
    d = jatim.deadline(utc, 3)
    assert d.received_at == utc
    assert d.received_at.utcoffset() == dt.timedelta(hours=7)
    assert d.late_receipt is True
    assert d.counted_received_at == dt.datetime(2027, 1, 4, 7, 30, tzinfo=wib)
    assert d.due_date == dt.date(2027, 1, 8)


def test_deadline_accepts_zoneinfo(jatim):
    zoneinfo = pytest.importorskip("zoneinfo")
    try:
        jakarta = zoneinfo.ZoneInfo("Asia/Jakarta")
    except zoneinfo.ZoneInfoNotFoundError:
        pytest.skip("no tz database")
    received = dt.datetime(2026, 12, 23, 14, 20, tzinfo=jakarta)
    assert jatim.deadline(received, 3).due_at == dt.datetime(2026, 12, 30, 9, tzinfo=dt.timezone.utc)


def test_deadline_policy(jatim, wib):
    received = dt.datetime(2026, 12, 23, 14, 20, tzinfo=wib)
    d = jatim.deadline(received, 3, {"count_from": "receipt_day"})
    assert d.day_one == dt.date(2026, 12, 23)
    assert d.due_date == dt.date(2026, 12, 29)
    assert d.policy["count_from"] == "receipt_day"


def test_explanation(jatim, wib):
    received = dt.datetime(2026, 12, 23, 10, tzinfo=wib)
    e = jatim.explain_deadline(received, 1)
    assert isinstance(e, ptsp.Explanation)
    assert e.deadline == jatim.deadline(received, 1)
    roles = [d["role"] for d in e.days]
    assert roles == ["received", "skipped", "skipped", "skipped", "skipped", "counted"]
    assert e.days[1]["reason"] == "holiday"
    assert e.days[1]["holidays"][0]["name"] == "Cuti Bersama Kelahiran Yesus Kristus"
    assert e.days[3]["reason"] == "weekend" and "holidays" not in e.days[3]
    assert e.days[5]["ordinal"] == 1
    en, id_ = e.render(), e.render("id")
    assert e.render("en") == en
    assert "weekend" in en and "due" in en.splitlines()[-1]
    assert "akhir pekan" in id_ and "tenggat" in id_
    assert e.to_dict()["days"] == e.days
    assert e.to_dict()["deadline"] == e.deadline.to_dict()


def test_working_time(jatim, wib):
    at = dt.datetime(2026, 12, 23, 15, tzinfo=wib)
    end = jatim.add_working_time(at, dt.timedelta(hours=3))
    assert end == dt.datetime(2026, 12, 28, 9, 30, tzinfo=wib)
    assert end.utcoffset() == dt.timedelta(hours=7)
    assert jatim.working_time_between(at, end) == dt.timedelta(hours=3)
    assert jatim.working_time_between(end, at) == -dt.timedelta(hours=3)
    assert jatim.add_working_time(at, dt.timedelta(0)) == at


def test_assuming_weekends_only(indonesia, jatim, wib):
    view = indonesia.assuming_weekends_only()
    assert isinstance(view, ptsp.AssumingCalendar)
    assert view.calendar is indonesia
    e = view.add_working_days(dt.date(2031, 1, 1), 1)
    assert isinstance(e, ptsp.Estimate)
    assert e.value == dt.date(2031, 1, 2)
    assert e.assumed == [(2031, 2031)]
    assert e.is_assumed is True
    inside = view.is_working_day(dt.date(2024, 1, 1))
    assert inside.value is False and inside.assumed == [] and inside.is_assumed is False
    assert view.next_working_day(dt.date(2022, 12, 30)).value == dt.date(2023, 1, 2)
    assert view.next_working_day(dt.date(2022, 12, 30)).assumed == [(2022, 2022)]
    assert view.previous_working_day(dt.date(2040, 1, 9)).value == dt.date(2040, 1, 6)
    between = view.working_days_between(dt.date(2030, 12, 30), dt.date(2031, 1, 6))
    assert between.value == 5 and between.assumed == [(2030, 2031)]
    jview = jatim.assuming_weekends_only()
    at = dt.datetime(2040, 1, 6, 10, tzinfo=wib)
    t = jview.add_working_time(at, dt.timedelta(hours=7))
    assert t.value == dt.datetime(2040, 1, 9, 8, tzinfo=wib) and t.is_assumed
    w = jview.working_time_between(dt.datetime(2040, 1, 6, 16, tzinfo=wib), t.value)
    assert w.value == dt.timedelta(hours=1)
    d = jview.deadline(at, 3)
    assert isinstance(d.value, ptsp.Deadline) and d.value.due_date == dt.date(2040, 1, 11)
    x = jview.explain_deadline(at, 3)
    assert isinstance(x.value, ptsp.Explanation)
    assert any(day.get("reason") == "assumed_weekend" for day in x.value.days)
    assert "Estimate(value=datetime.date(2031, 1, 2), assumed=[(2031, 2031)])" == repr(e)
    # Strict calendar still refuses.
    with pytest.raises(ptsp.CalendarError):
        indonesia.add_working_days(dt.date(2031, 1, 1), 1)


def test_calendar_is_immutable(indonesia):
    with pytest.raises(AttributeError):
        indonesia.id = "x"
    definition = indonesia.definition
    definition["id"] = "changed"
    assert indonesia.id == "id-national"


def test_batch_calls_from_many_threads_agree(indonesia):
    """Batch calls release the GIL while the core works: threads at once give the same answers."""
    from concurrent.futures import ThreadPoolExecutor

    dates = np.arange(np.datetime64("2023-02-01"), np.datetime64("2027-11-01"))
    expect = indonesia.add_working_days_batch(dates, 7)
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda _: indonesia.add_working_days_batch(dates, 7), range(16)))
    for r in results:
        np.testing.assert_array_equal(r, expect)


def test_typing_helpers_exist_at_run_time():
    from ptsp import types

    assert ptsp.Estimate[int] is not None
    assert set(types.HolidayInfo.__annotations__) >= {"date", "name", "kind", "source", "non_working"}
    assert "policy" in types.Deadline.__annotations__
    assert types.DeadlinePolicy.__total__ is False
