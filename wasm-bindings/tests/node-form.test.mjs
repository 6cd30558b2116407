// Runs the shared suite (suite.mjs) in Node against the form package
// (wasm-bindings/pkg/form): every test not marked `full`, and a check that
// the form package leaves out what only the full package has.
//   node --test wasm-bindings/tests/node-form.test.mjs
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import * as ptsp from "../pkg/form/ptsp_wasm.js";
import { FIXTURE_FILES, FULL_ONLY_EXPORTS, FULL_ONLY_PROCEDURES, tests } from "./suite.mjs";

ptsp.initSync({ module: readFileSync(new URL("../pkg/form/ptsp_wasm_bg.wasm", import.meta.url)) });

const fixtureDir = new URL("../../tests/fixtures/", import.meta.url);
const fixtures = Object.fromEntries(
  FIXTURE_FILES.map((f) => [f, JSON.parse(readFileSync(new URL(f, fixtureDir), "utf8"))]),
);

for (const t of tests.filter((t) => !t.full)) {
  test(`form: ${t.name}`, () => t.fn(ptsp, fixtures, assert));
}

test("form: the form package leaves out what only the full package has", () => {
  for (const name of FULL_ONLY_EXPORTS) assert.equal(name in ptsp, false, name);
  for (const name of FULL_ONLY_PROCEDURES) assert.equal(name in ptsp.Procedure, false, name);
  assert.equal(typeof ptsp.validateForm, "function");
});
