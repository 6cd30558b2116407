#!/usr/bin/env bash
# Builds the WebAssembly package — the full build (pkg/) and the form build
# (pkg/form/, `--no-default-features`: what a web form loads) — and runs the
# JS tests in Node and in a real headless Chromium against both. Run from the
# repository root:
#
#   bash wasm-bindings/ci.sh
#
# Installs what is missing (wasm32 target, wasm-bindgen-cli of the version
# in Cargo.lock into .tools/, Chromium, npm dev dependencies) and skips what
# is already there. Set PTSP_WASM_OPT=0 to skip wasm-opt (and the size
# budget, which holds for the optimised module only); PTSP_WASM_BUILD_ONLY=1
# builds the packages and stops before the tests (what the service needs).
set -euo pipefail

section() { printf '\n==== %s ====\n' "$*"; }

if [[ ! -f Cargo.lock || ! -d wasm-bindings ]]; then
  echo "run from the repository root: bash wasm-bindings/ci.sh" >&2
  exit 2
fi
ROOT=$(pwd)

section "wasm32 target"
rustup target add wasm32-unknown-unknown

section "wasm-bindgen-cli"
# The CLI must be exactly the version of the wasm-bindgen crate in Cargo.lock.
VER=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [[ -z "$VER" ]]; then
  echo "no wasm-bindgen in Cargo.lock" >&2
  exit 1
fi
BINDGEN="$ROOT/.tools/wasm-bindgen-$VER/bin/wasm-bindgen"
if [[ -x "$BINDGEN" ]] && "$BINDGEN" --version | grep -qF " $VER"; then
  echo "found $("$BINDGEN" --version) at .tools/wasm-bindgen-$VER"
else
  # No --locked: one of its locked dependencies is missing from the registry.
  cargo install wasm-bindgen-cli --version "=$VER" --root "$ROOT/.tools/wasm-bindgen-$VER"
fi

section "chromium"
if [[ "${PTSP_WASM_BUILD_ONLY:-0}" == 1 ]]; then
  echo "build only: not needed"
elif [[ ! -x /usr/bin/chromium ]]; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium chromium-driver
fi
/usr/bin/chromium --version 2>/dev/null || echo "chromium at /usr/bin/chromium"

section "npm dev dependencies"
if [[ -f wasm-bindings/package-lock.json ]]; then
  (cd wasm-bindings && npm ci --no-audit --no-fund)
else
  (cd wasm-bindings && npm install --no-audit --no-fund)
fi

# Both builds link into the same target file: bind each right after its build.
build() { # build NAME OUT_DIR [cargo flags…]
  local name=$1 out=$2
  shift 2
  section "build $name (wasm32, profile wasm-release)"
  cargo build -p ptsp-wasm --target wasm32-unknown-unknown --profile wasm-release "$@"
  section "wasm-bindgen --target web: $name"
  rm -rf "$out"
  "$BINDGEN" --target web --out-dir "$out" target/wasm32-unknown-unknown/wasm-release/ptsp_wasm.wasm
}
build full wasm-bindings/pkg
build form wasm-bindings/pkg/form --no-default-features
FULL=wasm-bindings/pkg/ptsp_wasm_bg.wasm
FORM=wasm-bindings/pkg/form/ptsp_wasm_bg.wasm

if [[ "${PTSP_WASM_OPT:-1}" != 0 ]]; then
  section "wasm-opt -Oz (npm binaryen), both builds at once"
  shrink() {
    local before
    before=$(wc -c <"$1")
    wasm-bindings/node_modules/.bin/wasm-opt -Oz \
      --enable-bulk-memory --enable-mutable-globals --enable-nontrapping-float-to-int \
      --enable-sign-ext --enable-reference-types --enable-multivalue \
      "$1" -o "$1.opt"
    mv "$1.opt" "$1"
    echo "wasm-opt $1: $before -> $(wc -c <"$1") bytes"
  }
  shrink "$FULL" &
  full_pid=$!
  shrink "$FORM"
  wait "$full_pid"
fi

section "size"
# The form build's budget, gzipped: a regression guard at what it is now.
# The goal is 150 KB (see README.md, "Two packages"); lower this as it shrinks.
FORM_BUDGET_GZ=${PTSP_FORM_BUDGET_GZ:-310000}
node wasm-bindings/tests/size.mjs "$FULL" --no-breakdown
if [[ "${PTSP_WASM_OPT:-1}" != 0 ]]; then
  node wasm-bindings/tests/size.mjs "$FORM" --no-breakdown --budget-gz "$FORM_BUDGET_GZ"
else
  node wasm-bindings/tests/size.mjs "$FORM" --no-breakdown
fi

if [[ "${PTSP_WASM_BUILD_ONLY:-0}" == 1 ]]; then
  echo "build only (PTSP_WASM_BUILD_ONLY=1): packages in wasm-bindings/pkg, tests not run"
  exit 0
fi

section "TypeScript declarations (tsc --noEmit)"
(cd wasm-bindings && node_modules/.bin/tsc -p tests/tsconfig.json)
echo "types-check.ts, types-check-form.ts: ok"

section "tests in Node (node --test): full and form packages"
node --test wasm-bindings/tests/node.test.mjs wasm-bindings/tests/node-form.test.mjs

section "tests in headless Chromium: full and form packages"
node wasm-bindings/tests/browser.mjs full form
