//! Generates the bindings' types from the Rust types — one schema source —
//! and the error classes from the code registry:
//!
//! * `py-bindings/python/ptsp/types.py`: `TypedDict`s and `Literal` aliases
//!   of every definition, request, event and report (their JSON shapes);
//! * `py-bindings/python/ptsp/views.py`: typed views of computed results
//!   (instants as `datetime`, durations as `timedelta`);
//! * `py-bindings/python/ptsp/_errors.py`: the exception classes, one per
//!   error kind and a validation subclass of each, and the code registry;
//! * `py-bindings/python/ptsp/builtin.py`: the ids of the built-in
//!   procedures' steps, outcomes and roles;
//! * `wasm-bindings/src/types.d.ts`: the same types for TypeScript, the
//!   `ErrorCode` and `ErrorKind` unions;
//! * `wasm-bindings/js/builtin.js` and `.d.ts`: the built-in ids as a JS
//!   module.
//!
//! `cargo run -p ptsp-gen -- write` writes them; `cargo run -p ptsp-gen --
//! check` (run by the test command) fails when a committed file differs from
//! what the Rust types generate.

mod builtin;
mod errors;
mod python;
mod roots;
mod typescript;
mod views;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde_json::{Map, Value};

/// The definitions every generator reads: name → JSON Schema.
pub(crate) struct Defs {
    pub defs: Map<String, Value>,
}

impl Defs {
    fn collect() -> Defs {
        let mut generator = schemars::generate::SchemaSettings::draft2020_12().into_generator();
        roots::add(&mut generator);
        let mut defs = generator
            .definitions()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect::<Map<_, _>>();
        defs.values_mut().for_each(optional_nullables);
        roots::binding_fields(&mut defs);
        Defs { defs }
    }

    /// Definitions in name order.
    pub fn sorted(&self) -> Vec<(&String, &Value)> {
        let mut v: Vec<_> = self.defs.iter().collect();
        v.sort_by(|a, b| a.0.cmp(b.0));
        v
    }
}

/// serde reads a missing `Option` field as `None`: a nullable property is
/// never required (in every object schema, nested ones too).
fn optional_nullables(s: &mut Value) {
    match s {
        Value::Object(m) => {
            let nullable: Vec<String> = m
                .get("properties")
                .and_then(Value::as_object)
                .map(|ps| {
                    ps.iter()
                        .filter(|(_, p)| is_nullable(p))
                        .map(|(k, _)| k.clone())
                        .collect()
                })
                .unwrap_or_default();
            if let Some(Value::Array(req)) = m.get_mut("required") {
                req.retain(|r| !r.as_str().is_some_and(|r| nullable.iter().any(|n| n == r)));
            }
            m.values_mut().for_each(optional_nullables);
        }
        Value::Array(a) => a.iter_mut().for_each(optional_nullables),
        _ => {}
    }
}

fn is_nullable(p: &Value) -> bool {
    type_names(p).contains(&"null")
        || variants(p).is_some_and(|vs| vs.iter().any(|v| type_names(v) == ["null"]))
}

/// The name a `$ref` points at.
pub(crate) fn ref_name(s: &Value) -> Option<&str> {
    s.get("$ref")?.as_str()?.rsplit('/').next()
}

/// The values of a schema's type (`"string"` or `["string", "null"]`).
pub(crate) fn type_names(s: &Value) -> Vec<&str> {
    match s.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// The variants of a `oneOf`/`anyOf`.
pub(crate) fn variants(s: &Value) -> Option<&Vec<Value>> {
    s.get("oneOf").or_else(|| s.get("anyOf"))?.as_array()
}

/// A string constant of a schema (`const` or a one-value `enum`).
pub(crate) fn const_str(s: &Value) -> Option<&str> {
    if let Some(c) = s.get("const") {
        return c.as_str();
    }
    match s.get("enum")?.as_array()?.as_slice() {
        [one] => one.as_str(),
        _ => None,
    }
}

/// `some_name` → `SomeName`.
pub(crate) fn pascal(s: &str) -> String {
    s.split(['_', '-', ' '])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut c = w.chars();
            let first = c.next().map(|f| f.to_ascii_uppercase()).unwrap_or_default();
            std::iter::once(first).chain(c).collect::<String>()
        })
        .collect()
}

/// The schema's description, if any: the Rust doc comment up to its first
/// heading (`# Example` is Rust), with intra-doc links reduced to their
/// text.
pub(crate) fn description(s: &Value) -> Option<String> {
    let d = s.get("description").and_then(Value::as_str)?;
    let d = match d.find("\n# ") {
        Some(i) => &d[..i],
        None if d.starts_with("# ") => "",
        None => d,
    };
    let d = plain_links(d.trim());
    (!d.is_empty()).then_some(d)
}

/// `[`X`](path)` and `[`X`]` → `` `X` ``; `[text](path)` → `text`.
fn plain_links(d: &str) -> String {
    let mut out = String::with_capacity(d.len());
    let mut rest = d;
    while let Some(i) = rest.find('[') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let Some(j) = after.find(']') else {
            out.push_str(&rest[i..]);
            return out;
        };
        let text = &after[..j];
        let mut tail = &after[j + 1..];
        let linked = if tail.starts_with('(')
            && let Some(k) = tail.find(')')
        {
            tail = &tail[k + 1..];
            true
        } else {
            text.len() > 1 && text.starts_with('`') && text.ends_with('`')
        };
        if linked {
            out.push_str(text);
        } else {
            // Not a link: an index such as `layers[0]` or a bracketed word.
            out.push('[');
            out.push_str(text);
            out.push(']');
        }
        rest = tail;
    }
    out.push_str(rest);
    out
}

struct Output {
    path: &'static str,
    text: String,
}

fn outputs() -> Vec<Output> {
    let defs = Defs::collect();
    let mut all = vec![
        Output {
            path: "py-bindings/python/ptsp/types.py",
            text: python::types(&defs),
        },
        Output {
            path: "py-bindings/python/ptsp/views.py",
            text: views::python(&defs, roots::VIEWS),
        },
        Output {
            path: "py-bindings/python/ptsp/_errors.py",
            text: errors::python(),
        },
        Output {
            path: "py-bindings/python/ptsp/builtin.py",
            text: builtin::python(),
        },
        Output {
            path: "wasm-bindings/src/types.d.ts",
            text: format!("{}\n{}", typescript::types(&defs), errors::typescript()),
        },
        Output {
            path: "wasm-bindings/js/builtin.js",
            text: builtin::javascript(),
        },
        Output {
            path: "wasm-bindings/js/builtin.d.ts",
            text: builtin::typescript_types(),
        },
    ];
    for o in &mut all {
        let mut text: String = o
            .text
            .lines()
            .map(|l| format!("{}\n", l.trim_end()))
            .collect();
        while text.ends_with("\n\n") {
            text.pop();
        }
        o.text = text;
    }
    all
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn main() -> ExitCode {
    let mode = std::env::args().nth(1).unwrap_or_default();
    let root = root();
    match mode.as_str() {
        "write" => {
            for o in outputs() {
                let path = root.join(o.path);
                if let Some(dir) = path.parent() {
                    std::fs::create_dir_all(dir).expect("create the output folder");
                }
                std::fs::write(&path, o.text).expect("write a generated file");
                println!("wrote {}", o.path);
            }
            ExitCode::SUCCESS
        }
        "check" => {
            let mut stale = Vec::new();
            for o in outputs() {
                let now = std::fs::read_to_string(root.join(o.path)).unwrap_or_default();
                if now != o.text {
                    stale.push(o.path);
                }
            }
            if stale.is_empty() {
                println!("generated binding types and error classes are up to date");
                ExitCode::SUCCESS
            } else {
                eprintln!(
                    "generated files differ from the Rust types: {}\nrun `cargo run -p ptsp-gen -- write` and commit the result",
                    stale.join(", ")
                );
                ExitCode::FAILURE
            }
        }
        _ => {
            eprintln!("usage: ptsp-gen write|check");
            ExitCode::from(2)
        }
    }
}
