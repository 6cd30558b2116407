// Runs the shared suite (suite.mjs) in Node against the generated package
// (wasm-bindings/pkg), one node:test test per suite test:
//   node --test wasm-bindings/tests/
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import * as ptsp from "../pkg/ptsp_wasm.js";
import { FIXTURE_FILES, tests } from "./suite.mjs";

ptsp.initSync({ module: readFileSync(new URL("../pkg/ptsp_wasm_bg.wasm", import.meta.url)) });

const fixtureDir = new URL("../../tests/fixtures/", import.meta.url);
const fixtures = Object.fromEntries(
  FIXTURE_FILES.map((f) => [f, JSON.parse(readFileSync(new URL(f, fixtureDir), "utf8"))]),
);

for (const t of tests) {
  test(t.name, () => t.fn(ptsp, fixtures, assert));
}
