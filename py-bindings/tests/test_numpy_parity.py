"""Working-day arithmetic equals numpy's busday_offset / busday_count with the
same weekmask and holidays, on random inputs inside coverage — scalar and
batch forms, for the built-in calendar and variants built from definitions."""

import datetime as dt

import numpy as np
import pytest

import ptsp

N_CASES = 3000
FIRST, LAST = np.datetime64("2023-01-01"), np.datetime64("2027-12-31")


def variant(name):
    cal = ptsp.Calendar.indonesia()
    if name == "indonesia":
        return cal
    definition = cal.definition
    if name == "six-day":
        definition["weekmask"] = "1111110"
    elif name == "national-holidays-only":
        # A private employer: cuti bersama are working days.
        definition["non_working_kinds"] = ["national_holiday"]
    elif name == "sun-thu":
        definition["weekmask"] = "Sun Mon Tue Wed Thu"
    return ptsp.Calendar.from_definition(definition)


def numpy_calendar(cal):
    first, last = cal.coverage
    days_off = [h["date"] for y in range(first, last + 1) for h in cal.holidays(y) if h["non_working"]]
    weekmask = cal.definition["weekmask"]
    return np.busdaycalendar(weekmask=weekmask, holidays=np.array(days_off, dtype="datetime64[D]"))


def numpy_offset(dates, n, busdaycal):
    out = np.empty_like(dates)
    fwd = n >= 0
    out[fwd] = np.busday_offset(dates[fwd], n[fwd], roll="forward", busdaycal=busdaycal)
    out[~fwd] = np.busday_offset(dates[~fwd], n[~fwd], roll="backward", busdaycal=busdaycal)
    return out


def random_offsets(rng, busdaycal):
    """Random (date, n) in 2023–2027 whose numpy result stays in coverage."""
    span = int((LAST - FIRST).astype(int)) + 1
    dates = FIRST + rng.integers(0, span, size=3 * N_CASES).astype("timedelta64[D]")
    n = rng.integers(-300, 301, size=3 * N_CASES)
    expect = numpy_offset(dates, n, busdaycal)
    keep = (expect >= FIRST) & (expect <= LAST)
    return dates[keep][:N_CASES], n[keep][:N_CASES], expect[keep][:N_CASES]


def random_pairs(rng):
    span = int((LAST - FIRST).astype(int)) + 1
    a = FIRST + rng.integers(0, span, size=N_CASES).astype("timedelta64[D]")
    b = FIRST + rng.integers(0, span, size=N_CASES).astype("timedelta64[D]")
    b[:50] = a[:50]  # empty ranges
    return a, b


VARIANTS = ["indonesia", "six-day", "national-holidays-only", "sun-thu"]


@pytest.fixture(scope="module", params=VARIANTS)
def setup(request):
    cal = variant(request.param)
    return cal, numpy_calendar(cal), np.random.default_rng(20261224 + VARIANTS.index(request.param))


def test_variant_weekmask_is_what_numpy_gets(setup):
    cal, busdaycal, _ = setup
    assert "".join("1" if w else "0" for w in busdaycal.weekmask) == cal.definition["weekmask"]
    assert len(busdaycal.holidays) > 50


def test_add_working_days_batch_equals_busday_offset(setup):
    cal, busdaycal, rng = setup
    dates, n, expect = random_offsets(rng, busdaycal)
    assert len(dates) == N_CASES and (n < 0).any() and (n >= 0).any()
    got = cal.add_working_days_batch(dates, n)
    assert got.dtype == np.dtype("datetime64[D]") and got.shape == dates.shape
    np.testing.assert_array_equal(got, expect)
    # Lists of datetime.date and lists of int go the same way.
    got_list = cal.add_working_days_batch(dates.astype(object).tolist(), n.tolist())
    np.testing.assert_array_equal(got_list, expect)


def test_add_working_days_batch_broadcasts_a_single_n(setup):
    cal, busdaycal, rng = setup
    dates, _, _ = random_offsets(rng, busdaycal)
    dates = dates[(dates >= np.datetime64("2023-03-01")) & (dates <= np.datetime64("2027-10-01"))]
    for k in (-7, 0, 1, 20):
        expect = np.busday_offset(dates, k, roll="forward" if k >= 0 else "backward", busdaycal=busdaycal)
        np.testing.assert_array_equal(cal.add_working_days_batch(dates, k), expect)


def test_add_working_days_scalar_equals_busday_offset(setup):
    cal, busdaycal, rng = setup
    dates, n, expect = random_offsets(rng, busdaycal)
    for d, k, e in zip(dates.astype(object), n.tolist(), expect.astype(object)):
        assert cal.add_working_days(d, k) == e, (d, k)


def test_working_days_between_batch_equals_busday_count(setup):
    cal, busdaycal, rng = setup
    a, b = random_pairs(rng)  # both orders: b < a counts (b, a] as numpy >= 1.25
    assert (b < a).any() and (a < b).any()
    expect = np.busday_count(a, b, busdaycal=busdaycal)
    got = cal.working_days_between_batch(a, b)
    assert got.dtype == np.int64 and got.shape == a.shape
    np.testing.assert_array_equal(got, expect)
    # One side broadcast.
    np.testing.assert_array_equal(
        cal.working_days_between_batch(a.min(), b), np.busday_count(a.min(), b, busdaycal=busdaycal)
    )


def test_working_days_between_scalar_equals_busday_count(setup):
    cal, busdaycal, rng = setup
    a, b = random_pairs(rng)
    expect = np.busday_count(a, b, busdaycal=busdaycal)
    for x, y, e in zip(a.astype(object), b.astype(object), expect.tolist()):
        assert cal.working_days_between(x, y) == e, (x, y)


def test_is_working_day_equals_is_busday(setup):
    cal, busdaycal, _ = setup
    days = np.arange(FIRST, LAST + 1)
    expect = np.is_busday(days, busdaycal=busdaycal)
    got = np.array([cal.is_working_day(d) for d in days.astype(object)])
    np.testing.assert_array_equal(got, expect)


def test_next_and_previous_working_day_equal_busday_offset(setup):
    cal, busdaycal, _ = setup
    days = np.arange(np.datetime64("2023-02-01"), np.datetime64("2027-11-30"))
    nxt = np.busday_offset(days + 1, 0, roll="forward", busdaycal=busdaycal)
    prv = np.busday_offset(days - 1, 0, roll="backward", busdaycal=busdaycal)
    for d, x, p in zip(days.astype(object), nxt.astype(object), prv.astype(object)):
        assert cal.next_working_day(d) == x
        assert cal.previous_working_day(d) == p


def test_batch_accepts_other_array_layouts(indonesia):
    busdaycal = numpy_calendar(indonesia)
    base = np.arange(np.datetime64("2024-01-01"), np.datetime64("2024-12-01"))
    strided = base[::3]
    assert not strided.flags.c_contiguous
    expect = np.busday_offset(strided, 5, roll="forward", busdaycal=busdaycal)
    np.testing.assert_array_equal(indonesia.add_working_days_batch(strided, 5), expect)
    # A coarser unit numpy casts safely to days, int32 counts, a tuple, a 0-d array.
    months = np.arange(np.datetime64("2024-01"), np.datetime64("2024-12"))
    np.testing.assert_array_equal(
        indonesia.add_working_days_batch(months, np.full(len(months), 2, dtype=np.int32)),
        np.busday_offset(months.astype("datetime64[D]"), 2, roll="forward", busdaycal=busdaycal),
    )
    d = dt.date(2024, 4, 5)  # Friday before Lebaran 2024: 8–15 April are days off
    assert indonesia.add_working_days_batch((d,), 1)[0] == np.datetime64("2024-04-16")
    assert indonesia.add_working_days_batch(np.datetime64("2024-04-05"), np.int64(1))[0] == np.datetime64("2024-04-16")
    assert indonesia.add_working_days_batch(np.array(np.datetime64("2024-04-05")), 1).shape == (1,)
    # Read-only and big-endian arrays.
    frozen = base.copy()
    frozen.flags.writeable = False
    np.testing.assert_array_equal(
        indonesia.add_working_days_batch(frozen, 5), np.busday_offset(base, 5, roll="forward", busdaycal=busdaycal)
    )
    swapped = base.astype(">M8[D]")
    np.testing.assert_array_equal(
        indonesia.working_days_between_batch(swapped, swapped[::-1].astype(">M8[D]")[::-1]),
        np.zeros(len(base), dtype=np.int64),
    )
    # Empty inputs give empty results.
    empty = np.array([], dtype="datetime64[D]")
    assert indonesia.add_working_days_batch(empty, np.array([], dtype=np.int64)).shape == (0,)
    assert indonesia.add_working_days_batch(empty, 3).shape == (0,)
    assert indonesia.working_days_between_batch(empty, empty).shape == (0,)


def test_batch_inputs_are_not_modified(indonesia):
    dates = np.arange(np.datetime64("2024-01-01"), np.datetime64("2024-02-01"))
    before = dates.copy()
    n = np.arange(len(dates))
    n_before = n.copy()
    out = indonesia.add_working_days_batch(dates, n)
    np.testing.assert_array_equal(dates, before)
    np.testing.assert_array_equal(n, n_before)
    assert not np.shares_memory(out, dates)
    assert out.flags.writeable and out.flags.owndata is not None
