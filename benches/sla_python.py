#!/usr/bin/env python3
"""Timing of the case engine and SLA clocks through the Python binding.

Builds N synthetic permit cases like benches/cases.rs (submit, correction
round, check, routing, recommendation, approval, print: 8 events each, spread
over 2026), then times, best of a few runs:

* ``Case.execute`` of every request (the cases built from scratch);
* ``Case.replay`` of every event log, checked against the procedure (dicts
  in, as read from storage);
* ``ptsp.sla.evaluate_many(cases, ...)``, one batch call (GIL released
  inside);
* a loop of ``ptsp.sla.evaluate(case, ...)``, for comparison.

Prints cases per second. Speed is reported, never asserted.

Usage::

    python benches/sla_python.py             # 10,000 cases
    python benches/sla_python.py --cases 1000
"""

import argparse
import datetime as dt
import platform
import sys
import time

import ptsp

DOCS = [{"code": c, "format": "pdf", "bytes": 10_000} for c in ["surat_permohonan", "ktp", "nib", "npwp", "dokumen_teknis"]]


def best_of(repeat, fn):
    """(best seconds, last result) of `repeat` runs of fn()."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def requests(i):
    """The 8 requests of synthetic case i (7 of them cause one event each,
    the submission one)."""
    base = dt.datetime(2026, 1, 5, 8, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    at = base + dt.timedelta(minutes=(i * 37) % (300 * 24 * 60))

    def req(actor, roles, command, unit=None, later=dt.timedelta(hours=2)):
        nonlocal at
        at += later
        actor = {"id": actor, "roles": [roles]}
        if unit:
            actor["unit"] = unit
        return {"actor": actor, "at": at.isoformat(), "command": command}

    def step(s, o):
        return {"type": "complete_step", "step": s, "outcome": o}

    def output(command, kind, day):
        # Dated at the start of the case: never after the day it is recorded.
        return {**command, "outputs": [{"kind": kind, "number": f"503/{i}", "date": base.date().isoformat()}]}

    return [
        req("p-1", "pemohon", {"type": "submit", "case_id": f"IZN-{i}", "documents": DOCS}),
        req("v-1", "verifikator", {"type": "return_for_correction", "step": "pemeriksaan", "reasons": [{"document": "ktp", "reason": "buram"}]}),
        req("p-1", "pemohon", {"type": "resubmit", "documents": DOCS}, later=dt.timedelta(days=1)),
        req("f-1", "front_office", {"type": "assign", "lane": "opd_teknis", "unit": "dinkes"}),
        req("v-1", "verifikator", step("pemeriksaan", "lengkap")),
        req("o-1", "opd_teknis", output(step("rekomendasi", "direkomendasikan"), "rekomendasi", at), unit="dinkes", later=dt.timedelta(days=1)),
        req("k-1", "pejabat_berwenang", step("persetujuan", "disetujui"), later=dt.timedelta(days=1)),
        req("f-1", "front_office", output(step("cetak", "dicetak"), "izin", at + dt.timedelta(days=3))),
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    n = args.cases

    p, cal = ptsp.Procedure.jatim_permit(), ptsp.Calendar.jatim()
    scripts = [requests(i) for i in range(n)]

    def build():
        cases, logs = [], []
        for script in scripts:
            case, log = ptsp.Case(), []
            for r in script:
                log.extend(case.execute(r, p, cal))
            cases.append(case)
            logs.append(log)
        return cases, logs

    t_execute, (cases, logs) = best_of(args.repeat, build)
    events = sum(len(log) for log in logs)
    t_replay, replayed = best_of(args.repeat, lambda: [ptsp.Case.replay(log, p) for log in logs])
    assert replayed == cases
    now = dt.datetime(2027, 1, 4, 12, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    t_many, reports = best_of(args.repeat, lambda: ptsp.sla.evaluate_many(cases, p, cal, now))
    failed = sum(isinstance(r, ptsp.PtspError) for r in reports)
    t_loop, looped = best_of(args.repeat, lambda: [ptsp.sla.evaluate(c, p, cal, now) for c in cases])
    assert looped == reports

    print(f"ptsp {ptsp.__version__}, Python {platform.python_version()} on {platform.machine()}, {sys.platform}")
    print(f"{n:,} cases, {events:,} events ({events / n:.1f} per case), best of {args.repeat}; {failed} reports failed")
    print(f"{'operation':<36}{'seconds':>10}{'cases/s':>12}")
    for name, t in [
        ("Case.execute (8 requests per case)", t_execute),
        ("Case.replay (event dicts)", t_replay),
        ("sla.evaluate_many (one call)", t_many),
        ("sla.evaluate (loop)", t_loop),
    ]:
        print(f"{name:<36}{t:>10.3f}{n / t:>12,.0f}")


if __name__ == "__main__":
    main()
