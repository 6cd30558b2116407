#!/usr/bin/env bash
# Python binding: build the wheel, install it into ./.venv, run pytest against
# the installed package, then the numpy agreement check of
# benches/compare_numpy.py. Run from the repository root:
#
#     bash py-bindings/ci.sh
#
# Reuses ./.venv when it exists; the tool versions below are the ones this
# was tested with (pip skips them when already installed).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

MATURIN=maturin==1.16.0
PYTEST=pytest==9.2.0
NUMPY=numpy==2.4.6
HOLIDAYS=holidays==0.109
# The Dask example's test (examples/dask_compliance.py on a local cluster
# over Parquet files) and the pandas comparison of benches/.
DASK=dask==2026.8.0
DISTRIBUTED=distributed==2026.8.0
PYARROW=pyarrow==26.0.1
PANDAS=pandas==3.1.1

section() { printf '\n---- python: %s ----\n' "$*"; }

section "virtualenv .venv"
if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
fi
.venv/bin/python --version
.venv/bin/python -m pip install --quiet --disable-pip-version-check "$MATURIN" "$PYTEST" "$NUMPY" "$HOLIDAYS" \
    "$DASK" "$DISTRIBUTED" "$PYARROW" "$PANDAS"

section "build the wheel (maturin, release)"
mkdir -p dist
rm -f dist/*.whl
PYO3_PYTHON="$ROOT/.venv/bin/python" .venv/bin/maturin build --release -i .venv/bin/python -o dist -m py-bindings/Cargo.toml

section "install the wheel"
.venv/bin/python -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps dist/ptsp-*.whl
# The tests must see the installed package, never py-bindings/python.
(cd / && "$ROOT/.venv/bin/python" -c 'import ptsp, sys; print("ptsp", ptsp.__version__, "from", ptsp.__file__); sys.exit("ptsp imported from the source tree" if "py-bindings" in ptsp.__file__ else 0)')

section "pytest (against the installed wheel)"
# The pytest console script puts .venv/bin, not the working directory, first
# on sys.path, and importlib mode adds no test or source folder to it.
.venv/bin/pytest -p no:cacheprovider --import-mode=importlib -q py-bindings/tests

section "numpy agreement check (benches/compare_numpy.py --check)"
.venv/bin/python benches/compare_numpy.py --check

section "done"
