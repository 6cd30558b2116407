"""``python -m ptsp_service``: starts the service (SQLite by default)."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m ptsp_service", description=__doc__)
    ap.add_argument("--database", default=os.environ.get("PTSP_DATABASE_URL"),
                    help="sqlite:///FILE (default: sqlite:///<data-dir>/ptsp.db) or postgresql://USER:PASS@HOST/DB")
    ap.add_argument("--data-dir", default=os.environ.get("PTSP_DATA_DIR", "ptsp-data"), help="where SQLite and initial passwords live")
    ap.add_argument("--host", default=os.environ.get("PTSP_HOST", "127.0.0.1"))
    ap.add_argument("--port", type=int, default=int(os.environ.get("PTSP_PORT", "8000")))
    ap.add_argument("--jobs-every", type=float, default=float(os.environ.get("PTSP_JOBS_EVERY", "60")),
                    help="seconds between runs of the due-events job (0: never)")
    ap.add_argument("--workers", type=int, default=1)
    args = ap.parse_args(argv)

    data = Path(args.data_dir).resolve()
    data.mkdir(parents=True, exist_ok=True)
    database = args.database or f"sqlite:///{data / 'ptsp.db'}"
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")

    import uvicorn

    from .app import create_app

    app = create_app(database, job_interval=args.jobs_every, data_dir=data)
    shown = database if database.startswith("sqlite") else database.split("@")[-1]
    print(f"ptsp service: http://{args.host}:{args.port}/  (database {shown})", flush=True)
    if app.state.created_accounts:
        where = "PTSP_DEMO_PASSWORD" if os.environ.get("PTSP_DEMO_PASSWORD") else str(data / "initial-passwords.txt")
        print(f"staff accounts created: {', '.join(app.state.created_accounts)}; initial passwords: {where}", flush=True)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", timeout_graceful_shutdown=5)
    return 0


if __name__ == "__main__":
    sys.exit(main())
