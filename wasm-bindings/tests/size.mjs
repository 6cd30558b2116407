// Size report of a wasm module: where the bytes go.
//
//   node wasm-bindings/tests/size.mjs FILE.wasm [--top N] [--budget-gz BYTES] [--no-breakdown]
//
// Prints the module's size (raw and gzip -9), its sections, and a breakdown of
// the code section by crate / core module (from the `name` section: build the
// module with names kept, e.g. `wasm-opt -Oz -g`, to see them; without names,
// all code is "unnamed") and of the data section by the built-in JSON files of
// core/data/ found in it. The gzipped column of a group is its bytes
// compressed on their own: an estimate of what the group adds to the package.
// With --budget-gz, exits 1 when the whole module gzipped is larger; with
// --no-breakdown, prints the first line (and the budget) only.
import { readFileSync, readdirSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith("--") && !/^\d+$/.test(a));
const BRIEF = args.includes("--no-breakdown");
const opt = (name) => {
  const i = args.indexOf(name);
  return i < 0 ? undefined : Number(args[i + 1]);
};
if (!file) {
  console.error("usage: node size.mjs FILE.wasm [--top N] [--budget-gz BYTES]");
  process.exit(2);
}
const TOP = opt("--top") ?? 0;
const BUDGET = opt("--budget-gz");

const bytes = readFileSync(file);
const gz = (b) => gzipSync(b, { level: 9, memLevel: 9 }).length;
const fmt = (n) => n.toLocaleString("en-US");

/** A cursor over the module's bytes. */
class Reader {
  constructor(buf, pos = 0) {
    this.buf = buf;
    this.pos = pos;
  }
  byte() {
    return this.buf[this.pos++];
  }
  uleb() {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = this.byte();
      result += (b & 0x7f) * 2 ** shift;
      shift += 7;
      if (!(b & 0x80)) return result;
    }
  }
  name() {
    const n = this.uleb();
    const s = this.buf.toString("utf8", this.pos, this.pos + n);
    this.pos += n;
    return s;
  }
  limits() {
    const flags = this.byte();
    this.uleb();
    if (flags & 1) this.uleb();
  }
}

const SECTION = ["custom", "type", "import", "function", "table", "memory", "global", "export",
  "start", "element", "code", "data", "datacount", "tag"];

const sections = [];
let importedFunctions = 0;
const bodies = []; // [offset, length] per defined function
const dataSegments = [];
const names = new Map();
{
  const r = new Reader(bytes, 8);
  while (r.pos < bytes.length) {
    const id = r.byte();
    const size = r.uleb();
    const start = r.pos;
    let label = SECTION[id] ?? `section ${id}`;
    if (id === 0) {
      const name = r.name();
      label = `custom "${name}"`;
      if (name === "name") {
        while (r.pos < start + size) {
          const sub = r.byte();
          const subSize = r.uleb();
          const subEnd = r.pos + subSize;
          if (sub === 1) {
            const n = r.uleb();
            for (let i = 0; i < n; i++) {
              const idx = r.uleb();
              names.set(idx, r.name());
            }
          }
          r.pos = subEnd;
        }
      }
    } else if (id === 2) {
      const n = r.uleb();
      for (let i = 0; i < n; i++) {
        r.name();
        r.name();
        const kind = r.byte();
        if (kind === 0) {
          r.uleb();
          importedFunctions++;
        } else if (kind === 1) {
          r.byte();
          r.limits();
        } else if (kind === 2) r.limits();
        else if (kind === 3) r.pos += 2;
        else if (kind === 4) {
          r.byte();
          r.uleb();
        }
      }
    } else if (id === 10) {
      const n = r.uleb();
      for (let i = 0; i < n; i++) {
        const len = r.uleb();
        bodies.push([r.pos, len]);
        r.pos += len;
      }
    } else if (id === 11) {
      const n = r.uleb();
      for (let i = 0; i < n; i++) {
        const flags = r.uleb();
        if (flags === 2) r.uleb();
        if (flags !== 1) {
          // A constant expression up to `end` (0x0b).
          while (r.byte() !== 0x0b);
        }
        const len = r.uleb();
        dataSegments.push(bytes.subarray(r.pos, r.pos + len));
        r.pos += len;
      }
    }
    sections.push({ label, size });
    r.pos = start + size;
  }
}

/** A Rust symbol demangled enough to see its crates (legacy `_ZN…E` and v0 `_R…`). */
function demangle(sym) {
  const legacy = /^_ZN(.*)E$/.exec(sym);
  if (legacy) {
    const parts = [];
    let rest = legacy[1];
    for (let m; (m = /^(\d+)/.exec(rest)); ) {
      const n = Number(m[1]);
      parts.push(rest.slice(m[1].length, m[1].length + n));
      rest = rest.slice(m[1].length + n);
    }
    if (parts.length && /^h[0-9a-f]{16}$/.test(parts.at(-1))) parts.pop();
    return parts
      .join("::")
      .replace(/^_/, "")
      .replace(/\$LT\$/g, "<").replace(/\$GT\$/g, ">").replace(/\$u20\$/g, " ")
      .replace(/\$RF\$/g, "&").replace(/\$C\$/g, ",").replace(/\$BP\$/g, "*")
      .replace(/\$u7b\$/g, "{").replace(/\$u7d\$/g, "}").replace(/\$u27\$/g, "'")
      .replace(/\.\./g, "::");
  }
  if (/^_R/.test(sym)) {
    // v0: collect the identifiers (decimal length, then the name).
    const ids = [];
    const re = /(\d+)_?/g;
    for (let m; (m = re.exec(sym)); ) {
      const n = Number(m[1]);
      const id = sym.slice(re.lastIndex, re.lastIndex + n);
      if (n > 0 && /^[A-Za-z_][A-Za-z0-9_]*$/.test(id)) {
        ids.push(id);
        re.lastIndex += n;
      }
    }
    return ids.join("::");
  }
  // wasm-bindgen's own demangling: `core[c5930c85a12de822]::fmt`, `::h<hash>`.
  return sym.replace(/\[[0-9a-f]{16}\]/g, "").replace(/::h[0-9a-f]{16}$/, "");
}

/** The group a function belongs to, from its name. */
function group(raw) {
  if (raw === undefined) return "unnamed";
  const name = demangle(raw);
  // wasm-bindgen's export shims: `validateForm_<hash>`, `calendar_fromJson_<hash>`.
  if (/^[A-Za-z0-9]+(_[A-Za-z0-9]+)?_[0-9a-f]{16}$/.test(name) || / shim$/.test(name)) {
    return "exported shims (ptsp_wasm)";
  }
  if (/^core::ptr::drop_in_place/.test(name)) return "drop glue";
  if (/serde_json::/.test(name)) return "serde_json";
  if (/\bserde(_core)?::|__FieldVisitor|__Visitor/.test(name)) return "serde (derives, visitors)";
  if (/\bchrono::/.test(name)) return "chrono";
  if (/\bical::/.test(name)) return "ical";
  if (/\bptsp_wasm::/.test(name)) {
    const m = /\bptsp_wasm::([a-z_]+)/.exec(name);
    return `ptsp_wasm::${m[1]}`;
  }
  const m = /\bptsp::([a-z_]+)/.exec(name);
  if (m) return `ptsp::${m[1]}`;
  if (/\b(wasm_bindgen|js_sys)::|__wbg|__wbindgen/.test(name)) return "wasm_bindgen, js_sys";
  if (/\bcore::fmt|\balloc::fmt/.test(name)) return "core::fmt";
  if (/\b(core|alloc|std|hashbrown|dlmalloc|compiler_builtins)::/.test(name)) return "std, alloc, core";
  if (/^(memcpy|memmove|memset|memcmp|bcmp|__rust|rust_)/.test(name)) return "std, alloc, core";
  return "other";
}

const groups = new Map();
const functions = [];
bodies.forEach(([off, len], i) => {
  const name = names.get(importedFunctions + i);
  const g = group(name);
  if (!groups.has(g)) groups.set(g, { size: 0, count: 0, parts: [] });
  const entry = groups.get(g);
  entry.size += len;
  entry.count += 1;
  entry.parts.push(bytes.subarray(off, off + len));
  functions.push({ name: name ? demangle(name) : `func[${importedFunctions + i}]`, len });
});

const total = bytes.length;
const totalGz = gz(bytes);
console.log(`${file}: ${fmt(total)} bytes, ${fmt(totalGz)} bytes gzipped`);
if (!BRIEF) breakdown();

function breakdown() {

console.log("\nsections:");
for (const s of sections) console.log(`  ${s.label.padEnd(28)} ${fmt(s.size).padStart(10)}`);

const codeSize = bodies.reduce((a, [, l]) => a + l, 0);
console.log(`\ncode by crate / module (${fmt(bodies.length)} functions, ${fmt(codeSize)} bytes):`);
console.log(`  ${"group".padEnd(28)} ${"bytes".padStart(10)} ${"gzip".padStart(9)} ${"fns".padStart(6)}`);
for (const [g, e] of [...groups].sort((a, b) => b[1].size - a[1].size)) {
  const z = gz(Buffer.concat(e.parts));
  console.log(`  ${g.padEnd(28)} ${fmt(e.size).padStart(10)} ${fmt(z).padStart(9)} ${String(e.count).padStart(6)}`);
}

const data = Buffer.concat(dataSegments);
console.log(`\ndata (${fmt(data.length)} bytes, ${fmt(gz(data))} gzipped):`);
const DATA_DIR = fileURLToPath(new URL("../../core/data/", import.meta.url));
let found = 0;
for (const f of readdirSync(DATA_DIR).filter((f) => f.endsWith(".json")).sort()) {
  const text = readFileSync(DATA_DIR + f);
  const at = data.indexOf(text);
  if (at >= 0) {
    found += text.length;
    console.log(`  ${f.padEnd(36)} ${fmt(text.length).padStart(8)} ${fmt(gz(text)).padStart(8)} gzipped`);
  } else console.log(`  ${f.padEnd(36)} ${"absent".padStart(8)}`);
}
console.log(`  ${"other data (strings, tables)".padEnd(36)} ${fmt(data.length - found).padStart(8)}`);

if (TOP > 0) {
  console.log(`\nlargest ${TOP} functions:`);
  for (const f of functions.sort((a, b) => b.len - a.len).slice(0, TOP)) {
    console.log(`  ${fmt(f.len).padStart(8)}  ${f.name.slice(0, 150)}`);
  }
}

}

if (BUDGET !== undefined) {
  if (totalGz > BUDGET) {
    console.error(`size budget exceeded: ${fmt(totalGz)} bytes gzipped > ${fmt(BUDGET)}`);
    process.exit(1);
  }
  console.log(`\nsize budget: ${fmt(totalGz)} <= ${fmt(BUDGET)} bytes gzipped`);
}
