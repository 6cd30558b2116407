#!/usr/bin/env bash
# The main job: the East Java service standard as a running service — the
# reference service of examples/service on its embedded SQLite default
# (ptsp-data/ptsp.db, created and migrated on first start).
#
#   bash scripts/serve.sh                 # http://127.0.0.1:8000/
#   bash scripts/serve.sh --port 8080     # any option of python -m ptsp_service
#   PTSP_DATABASE_URL=postgresql://user:pass@host/db bash scripts/serve.sh
#
# Builds what it needs on a fresh Debian machine with rustup's Rust,
# Python 3.11 and Node 20 — the ptsp wheel into .venv, the WASM packages
# the pages load, the service's Python packages — and skips what is
# already built. Staff passwords: PTSP_DEMO_PASSWORD if set (all SAMPLE
# accounts), else random ones written to ptsp-data/initial-passwords.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
say() { printf '==== %s\n' "$*"; }

newer() { # newer TARGET DIR… : true if TARGET is missing or older than a file under DIR
  local target=$1
  shift
  [[ ! -e $target ]] && return 0
  [[ -n $(find "$@" -newer "$target" -type f -print -quit 2>/dev/null) ]]
}

if [[ ! -x .venv/bin/python ]]; then
  say "virtualenv .venv"
  python3 -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check maturin==1.16.0 -r examples/service/requirements.txt

if newer .venv/.ptsp-wheel core/src core/data core/Cargo.toml py-bindings/src py-bindings/python py-bindings/Cargo.toml; then
  say "build and install the ptsp wheel (maturin, release)"
  mkdir -p dist
  rm -f dist/*.whl
  PYO3_PYTHON="$ROOT/.venv/bin/python" .venv/bin/maturin build --release -i .venv/bin/python -o dist -m py-bindings/Cargo.toml
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps dist/ptsp-*.whl
  touch .venv/.ptsp-wheel
fi

if newer wasm-bindings/pkg/form/ptsp_wasm_bg.wasm core/src core/data wasm-bindings/src wasm-bindings/Cargo.toml; then
  say "build the WASM packages the pages load"
  PTSP_WASM_BUILD_ONLY=1 bash wasm-bindings/ci.sh
fi

say "start the service"
cd examples/service
exec "$ROOT/.venv/bin/python" -m ptsp_service --data-dir "$ROOT/ptsp-data" "$@"
