#!/usr/bin/env python3
"""ptsp's working-day arithmetic against numpy's busday_* functions, in one run.

For the built-in national calendar (2023–2027), on seeded random inputs inside
coverage, times

* ``Calendar.add_working_days_batch(dates, n)`` against ``numpy.busday_offset``
  with a prebuilt ``numpy.busdaycalendar`` (``roll="forward"`` for n >= 0 and
  ``roll="backward"`` for n < 0: two numpy calls on inputs split by sign
  beforehand, the split itself not timed — the fairest case for numpy);
* ``Calendar.working_days_between_batch(a, b)`` against ``numpy.busday_count``;
* a loop of scalar calls, ``cal.add_working_days(date, n)`` against
  ``numpy.busday_offset(numpy.datetime64(date), n, roll=..., busdaycal=...)``,
  and ``cal.working_days_between(a, b)`` against ``numpy.busday_count``;

asserts that every element agrees, and prints a table of the best of a few
runs and the ratio numpy time / ptsp time. Speed is reported, never asserted.

Pairs for ``working_days_between`` come in both orders: for b < a both count
(b, a], negated (numpy >= 1.25, gh-23197).

Usage::

    python benches/compare_numpy.py            # 1,000,000 batch inputs, 100,000 scalar calls
    python benches/compare_numpy.py --check    # 100,000 / 20,000: quick agreement check (CI)
"""

import argparse
import platform
import sys
import time

import numpy as np

import ptsp

SEED = 20261224


def best_of(repeat, fn):
    """(best seconds, last result) of `repeat` runs of fn()."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def numpy_calendar(cal):
    first, last = cal.coverage
    days_off = [h["date"] for y in range(first, last + 1) for h in cal.holidays(y) if h["non_working"]]
    return np.busdaycalendar(weekmask=cal.definition["weekmask"], holidays=np.array(days_off, dtype="datetime64[D]"))


def inputs(rng, size):
    """Dates from mid-2024 to mid-2026 and n in [-300, 300]: results stay in 2023–2027."""
    lo, hi = np.datetime64("2024-06-01"), np.datetime64("2026-06-30")
    dates = lo + rng.integers(0, int((hi - lo).astype(int)) + 1, size=size).astype("timedelta64[D]")
    n = rng.integers(-300, 301, size=size)
    first, last = np.datetime64("2023-01-01"), np.datetime64("2027-12-31")
    a = first + rng.integers(0, int((last - first).astype(int)) + 1, size=size).astype("timedelta64[D]")
    b = first + rng.integers(0, int((last - first).astype(int)) + 1, size=size).astype("timedelta64[D]")
    return dates, n, a, b


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="fewer inputs: agreement check for CI")
    parser.add_argument("--size", type=int, help="batch inputs (default 1,000,000; --check 100,000)")
    parser.add_argument("--scalar", type=int, help="scalar calls (default 100,000; --check 20,000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the best is shown")
    args = parser.parse_args()
    size = args.size or (100_000 if args.check else 1_000_000)
    scalar = args.scalar or (20_000 if args.check else 100_000)

    cal = ptsp.Calendar.indonesia()
    bdc = numpy_calendar(cal)
    rng = np.random.default_rng(SEED)
    dates, n, a, b = inputs(rng, size)
    rows = []

    # add_working_days_batch vs busday_offset (split by sign beforehand, not timed).
    fwd = n >= 0
    d_fwd, n_fwd, d_bwd, n_bwd = dates[fwd], n[fwd], dates[~fwd], n[~fwd]

    def numpy_offset():
        return (
            np.busday_offset(d_fwd, n_fwd, roll="forward", busdaycal=bdc),
            np.busday_offset(d_bwd, n_bwd, roll="backward", busdaycal=bdc),
        )

    t_np, (o_fwd, o_bwd) = best_of(args.repeat, numpy_offset)
    t_pt, got = best_of(args.repeat, lambda: cal.add_working_days_batch(dates, n))
    expect = np.empty_like(dates)
    expect[fwd], expect[~fwd] = o_fwd, o_bwd
    assert got.dtype == np.dtype("datetime64[D]")
    mismatch = np.flatnonzero(got != expect)
    assert mismatch.size == 0, f"add_working_days_batch disagrees at {mismatch[:5]}: {got[mismatch[:5]]} vs {expect[mismatch[:5]]}"
    rows.append(("add_working_days_batch", size, t_np, t_pt))

    # Same, with a single n for all dates (one numpy call).
    t_np, expect = best_of(args.repeat, lambda: np.busday_offset(dates, 10, roll="forward", busdaycal=bdc))
    t_pt, got = best_of(args.repeat, lambda: cal.add_working_days_batch(dates, 10))
    assert np.array_equal(got, expect), "add_working_days_batch (n=10) disagrees"
    rows.append(("add_working_days_batch, n = 10", size, t_np, t_pt))

    # working_days_between_batch vs busday_count.
    t_np, expect = best_of(args.repeat, lambda: np.busday_count(a, b, busdaycal=bdc))
    t_pt, got = best_of(args.repeat, lambda: cal.working_days_between_batch(a, b))
    assert got.dtype == np.int64
    assert np.array_equal(got, expect), "working_days_between_batch disagrees"
    rows.append(("working_days_between_batch", size, t_np, t_pt))

    # Scalar calls.
    s_dates = dates[:scalar].astype(object).tolist()
    s_n = n[:scalar].tolist()
    s_roll = ["forward" if k >= 0 else "backward" for k in s_n]
    s_a, s_b = a[:scalar].astype(object).tolist(), b[:scalar].astype(object).tolist()
    datetime64, busday_offset, busday_count = np.datetime64, np.busday_offset, np.busday_count
    add, between = cal.add_working_days, cal.working_days_between

    def numpy_scalar_offset():
        return [busday_offset(datetime64(d), k, roll=r, busdaycal=bdc) for d, k, r in zip(s_dates, s_n, s_roll)]

    def ptsp_scalar_offset():
        return [add(d, k) for d, k in zip(s_dates, s_n)]

    t_np, expect = best_of(args.repeat, numpy_scalar_offset)
    t_pt, got = best_of(args.repeat, ptsp_scalar_offset)
    assert got == [e.item() for e in expect], "add_working_days (scalar) disagrees"
    rows.append(("add_working_days (scalar loop)", scalar, t_np, t_pt))

    def numpy_scalar_count():
        return [busday_count(datetime64(x), datetime64(y), busdaycal=bdc) for x, y in zip(s_a, s_b)]

    def ptsp_scalar_count():
        return [between(x, y) for x, y in zip(s_a, s_b)]

    t_np, expect = best_of(args.repeat, numpy_scalar_count)
    t_pt, got = best_of(args.repeat, ptsp_scalar_count)
    assert got == [int(e) for e in expect], "working_days_between (scalar) disagrees"
    rows.append(("working_days_between (scalar loop)", scalar, t_np, t_pt))

    print(
        f"ptsp {ptsp.__version__} vs numpy {np.__version__}, Python {platform.python_version()}, "
        f"{platform.machine()}; best of {args.repeat}; all results agree"
    )
    header = f"{'operation':36} {'inputs':>10} {'numpy ms':>10} {'ptsp ms':>10} {'numpy/ptsp':>11}"
    print(header)
    print("-" * len(header))
    for name, count, t_np, t_pt in rows:
        print(f"{name:36} {count:>10,} {t_np * 1e3:>10.2f} {t_pt * 1e3:>10.2f} {t_np / t_pt:>10.1f}x")
    print("per scalar call (ns): " + ", ".join(
        f"{name.split(' ')[0]} numpy {t_np / count * 1e9:.0f} / ptsp {t_pt / count * 1e9:.0f}"
        for name, count, t_np, t_pt in rows if "scalar" in name
    ))
    return 0


if __name__ == "__main__":
    sys.exit(main())
