"""The compliance report computed with Dask over partitioned Parquet logs
(examples/dask_compliance.py) on a local cluster of two worker processes
equals the report computed in one process: the partial reports merge
exactly."""

import importlib.util
from pathlib import Path

import pytest

import ptsp

EXAMPLE = Path(__file__).resolve().parent.parent.parent / "examples" / "dask_compliance.py"


def example():
    spec = importlib.util.spec_from_file_location("dask_compliance", EXAMPLE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_dask_report_over_parquet_partitions_equals_the_whole(tmp_path):
    pytest.importorskip("dask.distributed")
    pytest.importorskip("pyarrow")
    from dask.distributed import Client, LocalCluster

    ex = example()
    rows = ex.sample_logs(1_500)
    ex.write_parquet(rows, str(tmp_path))
    period = {"from": "2026-01-01", "to": "2026-12-31"}
    now = "2026-12-31T15:00:00+07:00"
    whole = ex.report_of([r[2] for r in rows], period, now)
    with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None, processes=True) as cluster, Client(cluster) as client:
        merged = ex.compliance_with_dask(str(tmp_path), period, now, client=client)
    assert merged == whole
    assert merged["counted"] == 1_500
    assert any(p.name.startswith("month=") for p in tmp_path.iterdir())
