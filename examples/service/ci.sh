#!/usr/bin/env bash
# The reference service's tests: API tests on SQLite and on a real
# PostgreSQL (Debian's package, started here and stopped after), the
# concurrency and SIGKILL durability tests, browser tests in headless
# Chromium (Python Playwright driving Debian's chromium; screenshots in
# target/service-screenshots/), then the load test on both stores.
# Needs the ptsp wheel installed in .venv and the WASM packages built
# (scripts/test.sh runs this after both). Run from the repository root:
#
#     bash examples/service/ci.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
section() { printf '\n---- service: %s ----\n' "$*"; }

section "python packages (examples/service/requirements*.txt)"
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r examples/service/requirements.txt -r examples/service/requirements-test.txt

section "chromium"
if [[ ! -x /usr/bin/chromium ]]; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium chromium-driver
fi

section "postgresql (Debian's package)"
if ! command -v pg_ctlcluster >/dev/null || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql
fi
PGVER=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | awk '{print $1"/"$2}' | grep -qx "$PGVER/main"; then
  pg_createcluster "$PGVER" main
fi
started_pg=0
if ! pg_lsclusters -h | awk -v v="$PGVER" '$1==v && $2=="main" {print $4}' | grep -q online; then
  pg_ctlcluster "$PGVER" main start
  started_pg=1
fi
PORT=$(pg_lsclusters -h | awk -v v="$PGVER" '$1==v && $2=="main" {print $3}')
DB=ptsp_test_$$
PASS=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
su postgres -c "psql -q -p $PORT -c \"CREATE ROLE $DB LOGIN PASSWORD '$PASS'\" -c \"CREATE DATABASE $DB OWNER $DB\""
cleanup() {
  su postgres -c "psql -q -p $PORT -c 'DROP DATABASE IF EXISTS $DB' -c 'DROP ROLE IF EXISTS $DB'" || true
  if [[ $started_pg == 1 ]]; then pg_ctlcluster "$PGVER" main stop || true; fi
}
trap cleanup EXIT
export PTSP_TEST_POSTGRES_URL="postgresql://$DB:$PASS@127.0.0.1:$PORT/$DB"
echo "PostgreSQL $PGVER on port $PORT, database $DB"

section "pytest examples/service/tests (SQLite and PostgreSQL, browser)"
mkdir -p target/service-screenshots
PTSP_REQUIRE_POSTGRES=1 .venv/bin/pytest -p no:cacheprovider -q examples/service/tests

section "load test (loopback, bounded in time)"
.venv/bin/python benches/service_load.py --seconds "${PTSP_LOAD_SECONDS:-8}" --postgres "$PTSP_TEST_POSTGRES_URL"
