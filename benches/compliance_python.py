#!/usr/bin/env python3
"""The SLA compliance report from Python over stored event logs, and the
same table with a pandas groupby over the same logs, in the same run.

Builds N permit event logs (SAMPLE data: 60 templates run through the
engine, then copied under other case ids and staff members), then times,
median of three runs:

* ``ptsp.evaluation.compliance_logs(logs, ...)``: one call that parses,
  replays (checked against the procedure), evaluates and aggregates in
  Rust, grouped by step, staff and month; then ``report_columns``;
* pandas: ``json.loads`` of every log, one row per step visit (entered,
  left, deadline), and a groupby computing started, finished, on time,
  late and the median and 90th percentile of the visit's duration.

pandas measures durations in wall-clock minutes: it has no holiday
calendar or office hours, so it does strictly less than the library (whose
minutes are working minutes, pauses with the applicant excluded). Prints
cases per second and the ratio; speed is reported, never asserted.

Usage::

    .venv/bin/python -m pip install pandas      # once
    .venv/bin/python benches/compliance_python.py             # 200,000 cases
    .venv/bin/python benches/compliance_python.py --cases 20000
"""

import os

# numpy's OpenBLAS threads spin while idle and take a core from the
# measurement on a small machine; nothing here uses BLAS.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse
import datetime as dt
import json
import platform
import statistics
import sys
import time

import ptsp

WIB = dt.timezone(dt.timedelta(hours=7))
DOCS = [{"code": c, "format": "pdf", "bytes": 10_000} for c in ["surat_permohonan", "ktp", "nib", "npwp", "dokumen_teknis"]]
PERIOD = {"from": "2026-12-01", "to": "2026-12-31"}
NOW = dt.datetime(2026, 12, 31, 15, tzinfo=WIB)


def median_of(repeat, fn):
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def templates():
    p, cal = ptsp.Procedure.jatim_permit(), ptsp.Calendar.jatim()
    base = dt.datetime(2026, 12, 1, 8, tzinfo=WIB)
    out = []
    for k in range(60):
        filed = base + dt.timedelta(hours=7 * k)
        case, log = ptsp.Case(), []
        steps = [
            ({"id": "p", "roles": ["pemohon"]}, filed, {"type": "submit", "case_id": "IZN-TEMPLATE", "documents": DOCS}),
            ({"id": "fo", "roles": ["front_office"]}, filed + dt.timedelta(minutes=5),
             {"type": "assign", "lane": "ptsp", "staff": "STAFF-TEMPLATE"}),
            ({"id": "fo", "roles": ["front_office"]}, filed + dt.timedelta(minutes=6),
             {"type": "assign", "lane": "opd_teknis", "unit": "dinkes"}),
        ]
        if k % 3 != 2:
            hours = 20 if k % 3 == 0 else 140
            steps.append(({"id": "STAFF-TEMPLATE", "roles": ["verifikator"]}, filed + dt.timedelta(hours=hours),
                          {"type": "complete_step", "step": "pemeriksaan", "outcome": "lengkap"}))
        for actor, at, command in steps:
            log.extend(case.execute({"actor": actor, "at": at, "command": command}, p, cal))
        out.append(json.dumps(log))
    return out


def logs(n):
    t = templates()
    return [t[i % len(t)].replace("IZN-TEMPLATE", f"IZN-{i}").replace("STAFF-TEMPLATE", f"s-{i % 50}") for i in range(n)]


def with_pandas(texts):
    import pandas as pd

    rows = []
    for text in texts:
        events = json.loads(text)
        open_step = None
        staff = "-"
        for e in events:
            at = dt.datetime.fromisoformat(e["at"])
            if e["type"] == "assigned" and e.get("staff"):
                staff = e["staff"]
            if e["type"] in ("submitted", "step_completed"):
                if open_step is not None:
                    step, entered, due, who = open_step
                    rows.append((step, who, entered, at, due))
                entered_step = e["entered"]
                due = e.get("due")
                open_step = (entered_step, at, dt.datetime.fromisoformat(due) if due else None, staff)
        if open_step is not None:
            step, entered, due, who = open_step
            rows.append((step, who, entered, None, due))
    df = pd.DataFrame(rows, columns=["step", "staff", "entered", "left", "due"])
    df["entered"] = pd.to_datetime(df["entered"], utc=True)
    df["left"] = pd.to_datetime(df["left"], utc=True)
    df["due"] = pd.to_datetime(df["due"], utc=True)
    df["month"] = df["entered"].dt.tz_convert("Asia/Jakarta").dt.strftime("%Y-%m")
    df["finished"] = df["left"].notna()
    df["on_time"] = df["finished"] & df["due"].notna() & (df["left"] <= df["due"])
    df["late"] = df["finished"] & df["due"].notna() & (df["left"] > df["due"])
    df["minutes"] = (df["left"] - df["entered"]).dt.total_seconds() / 60
    g = df.groupby(["step", "staff", "month"])
    return g.agg(
        started=("step", "size"),
        finished=("finished", "sum"),
        on_time=("on_time", "sum"),
        late=("late", "sum"),
        median_minutes=("minutes", "median"),
        p90_minutes=("minutes", lambda s: s.quantile(0.9)),
    )


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=200_000)
    args = ap.parse_args()
    p, cal = ptsp.Procedure.jatim_permit(), ptsp.Calendar.jatim()
    texts = logs(args.cases)
    by = ["step", "staff", "month"]
    ours, report = median_of(3, lambda: ptsp.evaluation.report_columns(
        ptsp.evaluation.compliance_logs(texts, [p], cal, PERIOD, NOW, by)))
    trusted, _ = median_of(3, lambda: ptsp.evaluation.compliance_logs(texts, [p], cal, PERIOD, NOW, by, checked=False))
    print(f"python {platform.python_version()}, ptsp {ptsp.__version__}, {args.cases:,} permit logs")
    print(f"ptsp compliance_logs (checked) + columns: {ours:.3f} s = {args.cases / ours:,.0f} cases/s")
    print(f"ptsp compliance_logs (trusted):           {trusted:.3f} s = {args.cases / trusted:,.0f} cases/s")
    try:
        import pandas  # noqa: F401
    except ImportError:
        print("pandas not installed: pip install pandas to print the comparison", file=sys.stderr)
        return
    theirs, table = median_of(3, lambda: with_pandas(texts))
    print(f"pandas json.loads + groupby:              {theirs:.3f} s = {args.cases / theirs:,.0f} cases/s")
    print(f"ratio (pandas time / ptsp checked time):  {theirs / ours:.1f}x")
    print(f"rows: ptsp {len(report['step'])}, pandas {len(table)}")


if __name__ == "__main__":
    main()
