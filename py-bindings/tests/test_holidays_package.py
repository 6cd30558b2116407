"""Cross-check of the built-in national calendar against the independent
`holidays` package (python-holidays): for 2023–2027 the dates of Indonesia's
public holidays and government collective leave must be the same set as the
built-in national holidays and cuti bersama."""

import pytest

holidays = pytest.importorskip("holidays")

import ptsp  # noqa: E402

YEARS = range(2023, 2028)


def test_built_in_dates_equal_python_holidays():
    theirs = holidays.country_holidays("ID", years=YEARS, categories=("public", "government"))
    cal = ptsp.Calendar.indonesia()
    ours = {}
    for year in YEARS:
        for h in cal.holidays(year):
            if h["kind"] in ("national_holiday", "cuti_bersama"):
                ours.setdefault(h["date"], []).append(h["name"])
    their_dates = {d.isoformat(): name for d, name in theirs.items()}
    only_ours = sorted(set(ours) - set(their_dates))
    only_theirs = sorted(set(their_dates) - set(ours))
    for d in only_ours:
        print(f"only in ptsp:     {d} {ours[d]}")
    for d in only_theirs:
        print(f"only in holidays: {d} {their_dates[d]}")
    assert not only_ours and not only_theirs, (
        f"{len(only_ours)} dates only in ptsp, {len(only_theirs)} only in holidays "
        f"{holidays.__version__} (printed above)"
    )
    assert len(ours) > 100
