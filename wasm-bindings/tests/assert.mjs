// A small browser-safe stand-in for the part of node:assert/strict that
// suite.mjs uses (ok, equal, deepEqual, match, fail), with the same strict
// semantics for the plain data the binding returns.

export class AssertionError extends Error {
  constructor(message) {
    super(message);
    this.name = "AssertionError";
  }
}

function show(v) {
  try {
    return typeof v === "bigint" ? `${v}n` : JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

function same(a, b) {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (Array.isArray(a)) {
    return a.length === b.length && a.every((x, i) => same(x, b[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && same(a[k], b[k]));
}

function fail(message) {
  throw new AssertionError(message ?? "failed");
}

function ok(value, message) {
  if (!value) fail(message ?? `expected a truthy value, got ${show(value)}`);
}

function equal(actual, expected, message) {
  if (!Object.is(actual, expected)) {
    fail(`${message ? message + ": " : ""}expected ${show(expected)}, got ${show(actual)}`);
  }
}

function deepEqual(actual, expected, message) {
  if (!same(actual, expected)) {
    fail(`${message ? message + ": " : ""}expected ${show(expected)}, got ${show(actual)}`);
  }
}

function match(string, regexp, message) {
  if (typeof string !== "string" || !regexp.test(string)) {
    fail(`${message ? message + ": " : ""}expected ${show(string)} to match ${regexp}`);
  }
}

export default { ok, equal, deepEqual, match, fail, AssertionError };
