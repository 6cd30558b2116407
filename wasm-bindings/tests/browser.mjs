// Runs the shared suite in a real headless Chromium:
//   node wasm-bindings/tests/browser.mjs [full] [form]
// Serves the repository root on 127.0.0.1 (a free port), opens
// wasm-bindings/tests/browser.html with playwright-core driving the system
// Chromium (never a downloaded one) — once for the full package (pkg/) and
// once for the form package (pkg/form/, ?pkg=form) unless the arguments name
// one — forwards the page's console errors, prints every failing test, each
// package's size and the time its init took (printed, never asserted), and
// ends with the line "N passed, M failed".
// Exits non-zero on any failure, on no test run, or after TIMEOUT_MS.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { extname, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

import { chromium } from "playwright-core";

const TIMEOUT_MS = Number(process.env.PTSP_BROWSER_TIMEOUT_MS ?? 120_000);
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const PAGE = "/wasm-bindings/tests/browser.html";
const VARIANTS = process.argv.slice(2).length ? process.argv.slice(2) : ["full", "form"];
const WASM = {
  full: new URL("../pkg/ptsp_wasm_bg.wasm", import.meta.url),
  form: new URL("../pkg/form/ptsp_wasm_bg.wasm", import.meta.url),
};
const fmt = (n) => n.toLocaleString("en-US");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".ts": "text/plain; charset=utf-8",
};

/** A static file server for ROOT that never serves outside it. */
function serve() {
  const server = createServer(async (req, res) => {
    try {
      if (req.method !== "GET" && req.method !== "HEAD") {
        res.writeHead(405).end();
        return;
      }
      const path = decodeURIComponent(new URL(req.url, "http://127.0.0.1").pathname);
      const file = resolve(ROOT, "." + path);
      if (!file.startsWith(ROOT.endsWith(sep) ? ROOT : ROOT + sep)) {
        res.writeHead(403).end();
        return;
      }
      const body = await readFile(file);
      res.writeHead(200, {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "cache-control": "no-store",
      });
      res.end(req.method === "HEAD" ? undefined : body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => ok(server));
  });
}

let server;
let browser;
async function cleanup() {
  await browser?.close().catch(() => {});
  server?.close();
}

const timer = setTimeout(async () => {
  console.error(`timeout: no result after ${TIMEOUT_MS / 1000} s`);
  console.log("0 passed, 1 failed");
  await cleanup();
  process.exit(1);
}, TIMEOUT_MS);

async function main() {
  server = await serve();
  const { port } = server.address();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  let passed = 0;
  let failed = 0;
  for (const variant of VARIANTS) {
    if (!WASM[variant]) throw new Error(`unknown package ${variant}: expected full or form`);
    const r = await run(variant, port);
    passed += r.passed;
    failed += r.failed;
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

/** Runs the page for one package; returns its counts. */
async function run(variant, port) {
  const page = await browser.newPage();
  page.on("console", (msg) => {
    if (msg.type() === "error") console.error(`[page console.error] ${msg.text()}`);
  });
  page.on("pageerror", (err) => console.error(`[page error] ${err.stack ?? err}`));
  page.on("requestfailed", (req) => console.error(`[request failed] ${req.url()}: ${req.failure()?.errorText}`));
  page.on("response", (res) => {
    if (res.status() >= 400) console.error(`[HTTP ${res.status()}] ${res.url()}`);
  });

  const url = `http://127.0.0.1:${port}${PAGE}${variant === "form" ? "?pkg=form" : ""}`;
  console.log(`\nbrowser: ${browser.version()} at ${url}`);
  await page.goto(url);
  const handle = await page.waitForFunction(() => window.__ptspResults, null, {
    timeout: TIMEOUT_MS,
    polling: 100,
  });
  const results = await handle.jsonValue();
  await page.close();
  if (results.fatal) console.error(`page could not run the suite: ${results.fatal}`);
  for (const r of results.results) {
    if (r.ok) console.log(`ok - ${variant}: ${r.name}`);
    else console.error(`FAILED - ${variant}: ${r.name}\n${r.error}`);
  }
  if (results.timings) {
    const wasm = readFileSync(WASM[variant]);
    const t = results.timings;
    console.log(
      `${variant} package: ${fmt(wasm.length)} bytes, ${fmt(gzipSync(wasm, { level: 9, memLevel: 9 }).length)} bytes gzipped, ` +
        `instantiated in ${t.initMs.toFixed(1)} ms (fetch, compile, instantiate); ` +
        `first Calendar.jatim() ${t.calendarMs.toFixed(1)} ms, first Router.sample() ${t.routerMs.toFixed(1)} ms`,
    );
  }
  return { passed: results.passed, failed: results.failed + (results.fatal ? 1 : 0) };
}

let code = 1;
try {
  code = await main();
} catch (e) {
  console.error(e?.stack ?? String(e));
  console.log("0 passed, 1 failed");
}
clearTimeout(timer);
await cleanup();
process.exit(code);
