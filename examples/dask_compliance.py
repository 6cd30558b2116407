#!/usr/bin/env python3
"""The SLA compliance report over event logs stored as partitioned Parquet
files, computed with Dask: the same ``ptsp.evaluation.compliance_logs`` call
on every partition, in parallel on the cluster's workers, and the exact,
mergeable partial reports combined with ``merge_reports`` — the report over
the whole data set, whatever the partitioning (SAMPLE data when generated).

A province's ten years of cases, or a national view over every one-stop
office, do not fit one process; the report splits because it is made of
counts and exact histograms, never averages.

Locally (what the test command runs, on a local Dask cluster)::

    .venv/bin/python examples/dask_compliance.py --generate 5000 --dir /tmp/ptsp-logs

On a real cluster, with the logs already in Parquet (one row per case, a
string column ``log`` holding the case's JSON event log; any partitioning)
on storage every worker reads, and ``ptsp`` installed on every worker::

    dask scheduler                        # on the scheduler host
    dask worker tcp://scheduler:8786      # on every worker host
    python examples/dask_compliance.py --dir s3://bucket/ptsp-logs \\
        --scheduler tcp://scheduler:8786 --from 2026-01-01 --to 2026-12-31

(``s3://`` needs ``s3fs`` on every worker; any path ``dask.dataframe``
reads works.) Procedures and the calendar are built on each worker from
the library's built-in data: nothing but paths and dates crosses the
network, and each worker returns one small report.
"""

import argparse
import datetime as dt
import json
import os

import ptsp

WIB = dt.timezone(dt.timedelta(hours=7))
DOCS = [{"code": c, "format": "pdf", "bytes": 10_000} for c in ["surat_permohonan", "ktp", "nib", "npwp", "dokumen_teknis"]]
BY = ["procedure", "step", "staff", "month"]


def sample_logs(n):
    """`n` SAMPLE permit logs of 2026: filed through the year, checked in a
    day or in a week, some not yet; `(case_id, month, log)` rows."""
    p, cal = ptsp.Procedure.jatim_permit(), ptsp.Calendar.jatim()
    start = dt.datetime(2026, 1, 5, 9, tzinfo=WIB)
    templates = []
    for k in range(52):
        filed = start + dt.timedelta(days=7 * k)
        case, log = ptsp.Case(), []
        steps = [
            ({"id": "p", "roles": ["pemohon"]}, filed, {"type": "submit", "case_id": "IZN-TEMPLATE", "documents": DOCS}),
            ({"id": "fo", "roles": ["front_office"]}, filed + dt.timedelta(minutes=5),
             {"type": "assign", "lane": "ptsp", "staff": "STAFF-TEMPLATE"}),
            ({"id": "fo", "roles": ["front_office"]}, filed + dt.timedelta(minutes=6),
             {"type": "assign", "lane": "opd_teknis", "unit": "dinkes"}),
        ]
        checked = filed + dt.timedelta(days=1 if k % 4 else 7)
        if checked < dt.datetime(2026, 12, 31, 15, tzinfo=WIB):
            steps.append(({"id": "STAFF-TEMPLATE", "roles": ["verifikator"]}, checked,
                          {"type": "complete_step", "step": "pemeriksaan", "outcome": "lengkap"}))
        for actor, at, command in steps:
            log.extend(case.execute({"actor": actor, "at": at, "command": command}, p, cal))
        templates.append((filed.strftime("%Y-%m"), json.dumps(log)))
    rows = []
    for i in range(n):
        month, text = templates[i % len(templates)]
        rows.append((f"IZN-{i}", month, text.replace("IZN-TEMPLATE", f"IZN-{i}").replace("STAFF-TEMPLATE", f"s-{i % 20}")))
    return rows


def write_parquet(rows, directory):
    """The rows as a Parquet data set partitioned by month."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table({
        "case_id": [r[0] for r in rows],
        "month": [r[1] for r in rows],
        "log": [r[2] for r in rows],
    })
    pq.write_to_dataset(table, directory, partition_cols=["month"])


def report_of(logs, period, now, by=BY):
    """One partition's report: runs on a worker."""
    return ptsp.evaluation.compliance_logs(
        list(logs), [ptsp.Procedure.jatim_permit()], ptsp.Calendar.jatim(), period, now, by)


def compliance_with_dask(directory, period, now, by=BY, client=None):
    """The report over every log under `directory`: one task per Parquet
    partition, the partial reports merged exactly."""
    import dask
    import dask.dataframe as dd

    frame = dd.read_parquet(directory, columns=["log"])
    tasks = [dask.delayed(report_of)(part["log"], period, now, by) for part in frame.to_delayed()]
    parts = dask.compute(*tasks) if client is None else client.gather(client.compute(tasks))
    return ptsp.evaluation.merge_reports(list(parts))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dir", required=True, help="the Parquet data set (a path dask.dataframe reads)")
    ap.add_argument("--generate", type=int, default=0, help="write this many SAMPLE logs there first")
    ap.add_argument("--scheduler", help="a Dask scheduler address (default: a local cluster)")
    ap.add_argument("--from", dest="start", default="2026-01-01")
    ap.add_argument("--to", dest="end", default="2026-12-31")
    ap.add_argument("--now", default="2026-12-31T15:00:00+07:00")
    args = ap.parse_args()
    from dask.distributed import Client, LocalCluster

    if args.generate:
        os.makedirs(args.dir, exist_ok=True)
        write_parquet(sample_logs(args.generate), args.dir)
    period = {"from": args.start, "to": args.end}
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        client = Client(LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None))
    with client:
        report = compliance_with_dask(args.dir, period, args.now, client=client)
    print(f"{report['counted']:,} cases; on time per month:")
    steps = ptsp.evaluation.report_columns(report)
    print(ptsp.evaluation.report_markdown(report, "en").splitlines()[0])
    print(f"{len(steps['step'])} rows (procedure × step × staff × month)")


if __name__ == "__main__":
    main()
