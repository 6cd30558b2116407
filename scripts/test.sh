#!/usr/bin/env bash
# Runs every test of the project, as CI does (.ci/run calls this script):
#   1. Rust: format, the generated binding types (regenerated and compared),
#      lint, docs, unit/property/conformance/fixture tests,
#      doctests, the example programs;
#   2. Python: builds the wheel, installs it in .venv, runs pytest against it
#      and the numpy agreement check (py-bindings/ci.sh);
#   3. WASM: builds the package, runs the JS suite in Node and in headless
#      Chromium (wasm-bindings/ci.sh);
#   4. the reference service (examples/service/ci.sh): API tests on SQLite
#      and on a PostgreSQL server it starts, concurrency and SIGKILL
#      durability tests, browser tests in headless Chromium with
#      screenshots, and a short load test on both stores.
# It installs what it needs on a fresh Debian machine with rustup's Rust,
# Python 3.11 and Node 20; installs are skipped when already present.
set -euo pipefail
cd "$(dirname "$0")/.."

section() { printf '\n==== %s ====\n' "$*"; }
started=$(date +%s)

section "rust toolchain"
rustup component add rustfmt clippy >/dev/null 2>&1 || true
cargo --version

section "rust: cargo fmt --check"
cargo fmt --all --check

section "generated binding types and error classes match the Rust types (tools/gen)"
cargo run -q -p ptsp-gen -- check

section "rust: tests (unit, property, conformance, fixtures, doctests)"
cargo test -p ptsp

section "rust: example programs"
cargo run -q -p ptsp --example deadlines | tail -n 3
cargo run -q -p ptsp --example deadlines -- --lang en --received 2026-12-24T09:00:00+07:00 --days 3 | tail -n 4
cargo run -q -p ptsp --example permit_lifecycle -- en | sed -n '1,20p'
cargo run -q -p ptsp --example desk | tail -n 8
cargo run -q -p ptsp --example office -- en | tail -n 8
cargo run -q -p ptsp --example evaluation -- en | tail -n 8

section "rust: docs build without warnings"
RUSTDOCFLAGS="-D warnings" cargo doc -q -p ptsp --no-deps

section "python binding"
bash py-bindings/ci.sh

section "rust: clippy (all targets, warnings are errors)"
PYO3_PYTHON="$PWD/.venv/bin/python" cargo clippy -q --workspace --all-targets -- -D warnings

section "wasm binding"
bash wasm-bindings/ci.sh

section "reference service"
bash examples/service/ci.sh

section "done"
echo "all test suites passed in $(( $(date +%s) - started )) s"
