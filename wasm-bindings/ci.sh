#!/usr/bin/env bash
# Builds the WebAssembly package and runs the JS tests in Node and in a real
# headless Chromium. Run from the repository root:
#
#   bash wasm-bindings/ci.sh
#
# Installs what is missing (wasm32 target, wasm-bindgen-cli of the version
# in Cargo.lock into .tools/, Chromium, npm dev dependencies) and skips what
# is already there. Set PTSP_WASM_OPT=0 to skip wasm-opt.
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
if [[ ! -x /usr/bin/chromium ]]; then
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

section "build (wasm32, profile wasm-release)"
cargo build -p ptsp-wasm --target wasm32-unknown-unknown --profile wasm-release
WASM=target/wasm32-unknown-unknown/wasm-release/ptsp_wasm.wasm

section "wasm-bindgen --target web"
rm -rf wasm-bindings/pkg
"$BINDGEN" --target web --out-dir wasm-bindings/pkg "$WASM"
OUT=wasm-bindings/pkg/ptsp_wasm_bg.wasm

if [[ "${PTSP_WASM_OPT:-1}" != 0 ]]; then
  section "wasm-opt -Oz (npm binaryen)"
  before=$(wc -c <"$OUT")
  wasm-bindings/node_modules/.bin/wasm-opt -Oz \
    --enable-bulk-memory --enable-mutable-globals --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-reference-types --enable-multivalue \
    "$OUT" -o "$OUT.opt"
  mv "$OUT.opt" "$OUT"
  echo "wasm-opt: $before -> $(wc -c <"$OUT") bytes"
fi

section "size"
echo "$OUT: $(wc -c <"$OUT") bytes, $(gzip -9c "$OUT" | wc -c) bytes gzipped"

section "TypeScript declarations (tsc --noEmit)"
(cd wasm-bindings && node_modules/.bin/tsc -p tests/tsconfig.json)
echo "types-check.ts: ok"

section "tests in Node (node --test)"
node --test wasm-bindings/tests/node.test.mjs

section "tests in headless Chromium"
node wasm-bindings/tests/browser.mjs
