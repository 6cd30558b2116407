//! Reading input at the library's boundary: a JSON text or a JSON value
//! (what the Python and JavaScript bindings build from a dict or an object)
//! into a serde type, with every shape error carrying the path of the
//! offending value (`events[2].command.type`), a stable code and a message in
//! both languages — the same in Rust, Python and JavaScript.
//!
//! A value is read by a deserializer of this module rather than by
//! `serde_json`'s own, so that what went wrong is known as data (a missing
//! field, an unknown name and the names allowed, a value of the wrong type
//! and the type expected) and rendered here in each language, never parsed
//! back out of an English sentence.
//!
//! One limit, from serde itself: a value inside an internally tagged enum
//! (e.g. the fields of a case command after its `type`) is buffered before
//! it is read, so a wrong type *inside* it is reported at the enclosing
//! value's path; a missing or unknown field there still names the field.

use std::fmt;

use serde::de::{
    self, DeserializeOwned, DeserializeSeed, Expected, IntoDeserializer, MapAccess, SeqAccess,
    Unexpected, Visitor,
};
use serde_json::{Map, Value};

use super::problem::{excerpt, join_path, one_of, summary};
use super::{Code, Lang, Problem};

/// A value did not have the shape the library expects; the problems say
/// where and why. Code `invalid_json`.
///
/// # Example
/// ```
/// use ptsp::{Code, Command};
/// let value = serde_json::json!({"type": "complete_stpe", "step": "verifikasi"});
/// let err = ptsp::error::input::from_value::<Command>(&value, "command").unwrap_err();
/// let p = &err.problems()[0];
/// assert_eq!(p.code, Code::UnknownVariant);
/// assert_eq!(p.path, "command.type");
/// assert!(p.message.contains("“complete_stpe”"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    problems: Vec<Problem>,
}

impl InputError {
    /// An input error from its problems (at least one).
    ///
    /// # Example
    /// ```
    /// use ptsp::{Code, Problem, error::input::InputError};
    /// let e = InputError::new(vec![Problem::new("x", Code::WrongType, "bad", "salah")]);
    /// assert_eq!(e.code(), Code::InvalidJson);
    /// ```
    pub fn new(problems: Vec<Problem>) -> Self {
        InputError { problems }
    }

    /// The same error with every path put under `prefix`.
    ///
    /// # Example
    /// ```
    /// use ptsp::{Code, Problem, error::input::InputError};
    /// let e = InputError::new(vec![Problem::new("type", Code::MissingField, "", "")]);
    /// assert_eq!(e.under("events[2]").problems()[0].path, "events[2].type");
    /// ```
    pub fn under(self, prefix: &str) -> Self {
        InputError {
            problems: self.problems.into_iter().map(|p| p.under(prefix)).collect(),
        }
    }

    /// The problems, in order.
    pub fn into_problems(self) -> Vec<Problem> {
        self.problems
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for InputError {}

impl InputError {
    /// The code: `invalid_text` when every problem is a text that is not
    /// Unicode ([`lone_surrogate`]), else `invalid_json`.
    pub fn code(&self) -> Code {
        if !self.problems.is_empty() && self.problems.iter().all(|p| p.code == Code::InvalidText) {
            Code::InvalidText
        } else {
            Code::InvalidJson
        }
    }

    /// The message in the given language: every problem with its path.
    pub fn message(&self, lang: Lang) -> String {
        let head = match self.code() {
            Code::InvalidText => lang.pick("teks tidak valid", "invalid text"),
            _ => lang.pick(
                "masukan tidak berbentuk seperti yang diharapkan",
                "the input does not have the expected shape",
            ),
        };
        format!("{head}: {}", summary(&self.problems, lang))
    }

    /// The problems, each with its path.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }
}

/// Reads a serde type from a JSON value; `root` names the value in paths
/// (`""` for none).
///
/// # Example
/// ```
/// use ptsp::Code;
/// let v = serde_json::json!({"weekmask": 5});
/// let err = ptsp::error::input::from_value::<ptsp::CalendarDef>(&v, "").unwrap_err();
/// assert!(err.problems().iter().any(|p| p.path == "weekmask" && p.code == Code::WrongType));
/// ```
pub fn from_value<T: DeserializeOwned>(value: &Value, root: &str) -> Result<T, InputError> {
    T::deserialize(ValueDe(value)).map_err(|e| InputError::new(vec![e.problem(root)]))
}

/// Reads a serde type from a JSON text; `root` names the value in paths.
/// Valid input takes serde_json's direct path; only an error is read a
/// second time, as a value, to say where the shape is wrong.
///
/// # Example
/// ```
/// use ptsp::Code;
/// let err = ptsp::error::input::from_json::<ptsp::CalendarDef>("{", "").unwrap_err();
/// assert_eq!(err.problems()[0].code, Code::JsonSyntax);
/// assert!(err.message(ptsp::Lang::Id).contains("baris 1"));
/// ```
pub fn from_json<T: DeserializeOwned>(text: &str, root: &str) -> Result<T, InputError> {
    // With the `compact` feature (the WASM build) every text is read as a
    // `Value` first, so each type has one deserializer (this module's)
    // rather than two: smaller code, slower parsing. The outcome is the same.
    #[cfg(feature = "compact")]
    let direct = match serde_json::from_str::<Value>(text) {
        Ok(value) => return from_value(&value, root),
        Err(e) => e,
    };
    #[cfg(not(feature = "compact"))]
    let direct = match serde_json::from_str::<T>(text) {
        Ok(v) => return Ok(v),
        Err(e) => e,
    };
    if direct.is_data()
        && let Ok(value) = serde_json::from_str::<Value>(text)
    {
        from_value::<T>(&value, root)?;
    }
    let (line, column) = (direct.line(), direct.column());
    let (en, id) = if direct.is_data() {
        (
            format!("line {line}, column {column}: {direct}"),
            format!("baris {line}, kolom {column}: {direct}"),
        )
    } else {
        let detail = direct.to_string();
        let detail = detail
            .split(" at line ")
            .next()
            .unwrap_or_default()
            .to_owned();
        (
            format!("not valid JSON at line {line}, column {column} ({detail})"),
            format!("bukan JSON yang sah pada baris {line}, kolom {column} ({detail})"),
        )
    };
    let code = if direct.is_data() {
        Code::InvalidValue
    } else {
        Code::JsonSyntax
    };
    Err(InputError::new(vec![Problem::new(root, code, en, id)]))
}

/// One step of a path.
#[derive(Debug)]
enum Seg {
    Key(String),
    Index(usize),
}

/// What a value was expected to be.
#[derive(Debug)]
enum Expect {
    Text,
    Integer,
    Number,
    Bool,
    Null,
    List,
    Object,
    OneOf(&'static [&'static str]),
    /// serde's own description of what a buffered value's visitor wanted.
    Named(String),
}

impl Expect {
    fn render(&self, lang: Lang) -> String {
        match self {
            Expect::Text => lang.pick("teks", "a text").into(),
            Expect::Integer => lang.pick("bilangan bulat", "a whole number").into(),
            Expect::Number => lang.pick("angka", "a number").into(),
            Expect::Bool => lang.pick("true atau false", "true or false").into(),
            Expect::Null => "null".into(),
            Expect::List => lang.pick("daftar", "a list").into(),
            Expect::Object => lang.pick("objek", "an object").into(),
            Expect::OneOf(names) => {
                format!(
                    "{} {}",
                    lang.pick("salah satu dari", "one of"),
                    one_of(names, lang)
                )
            }
            Expect::Named(s) => s.clone(),
        }
    }
}

/// What a value was found to be.
#[derive(Debug)]
enum Found {
    Null,
    Bool(bool),
    Number(String),
    Text(String),
    List,
    Object,
    Other(String),
}

impl Found {
    fn of(v: &Value) -> Found {
        match v {
            Value::Null => Found::Null,
            Value::Bool(b) => Found::Bool(*b),
            Value::Number(n) => Found::Number(n.to_string()),
            Value::String(s) => Found::Text(excerpt(s)),
            Value::Array(_) => Found::List,
            Value::Object(_) => Found::Object,
        }
    }

    fn from_unexpected(u: Unexpected<'_>) -> Found {
        match u {
            Unexpected::Unit | Unexpected::Option => Found::Null,
            Unexpected::Bool(b) => Found::Bool(b),
            Unexpected::Unsigned(n) => Found::Number(n.to_string()),
            Unexpected::Signed(n) => Found::Number(n.to_string()),
            Unexpected::Float(n) => Found::Number(n.to_string()),
            Unexpected::Char(c) => Found::Text(c.to_string()),
            Unexpected::Str(s) => Found::Text(excerpt(s)),
            Unexpected::Seq => Found::List,
            Unexpected::Map => Found::Object,
            other => Found::Other(other.to_string()),
        }
    }

    fn render(&self, lang: Lang) -> String {
        match self {
            Found::Null => "null".into(),
            Found::Bool(b) => b.to_string(),
            Found::Number(n) => format!("{} {n}", lang.pick("angka", "the number")),
            Found::Text(s) => format!("{} “{s}”", lang.pick("teks", "the text")),
            Found::List => lang.pick("daftar", "a list").into(),
            Found::Object => lang.pick("objek", "an object").into(),
            Found::Other(s) => s.clone(),
        }
    }
}

/// What went wrong, as data.
#[derive(Debug)]
enum What {
    WrongType {
        found: Found,
        expected: Expect,
    },
    OutOfRange {
        found: String,
        min: i128,
        max: i128,
    },
    Missing(&'static str),
    UnknownField {
        field: String,
        expected: &'static [&'static str],
    },
    UnknownVariant {
        name: String,
        expected: &'static [&'static str],
    },
    Length {
        len: usize,
        expected: String,
    },
    Invalid {
        found: Found,
        expected: String,
    },
    Rejected {
        found: Found,
        detail: String,
    },
    Custom(String),
}

/// A shape error on its way out of the deserializer, gathering its path.
#[derive(Debug)]
pub(crate) struct Shape {
    path: Vec<Seg>,
    what: What,
}

impl Shape {
    fn new(what: What) -> Self {
        Shape {
            path: Vec::new(),
            what,
        }
    }

    fn at(mut self, seg: Seg) -> Self {
        self.path.insert(0, seg);
        self
    }

    fn wrong(found: &Value, expected: Expect) -> Self {
        Shape::new(What::WrongType {
            found: Found::of(found),
            expected,
        })
    }

    fn path(&self, root: &str) -> String {
        let mut out = root.to_owned();
        for seg in &self.path {
            match seg {
                Seg::Key(k) => out = join_path(&out, k),
                Seg::Index(i) => out.push_str(&format!("[{i}]")),
            }
        }
        match &self.what {
            What::Missing(f) => join_path(&out, f),
            What::UnknownField { field, .. } => join_path(&out, field),
            _ => out,
        }
    }

    fn render(&self, lang: Lang) -> String {
        match &self.what {
            What::WrongType { found, expected } => format!(
                "{} {}, {} {}",
                lang.pick("seharusnya", "expected"),
                expected.render(lang),
                lang.pick("ditemukan", "found"),
                found.render(lang)
            ),
            What::OutOfRange { found, min, max } => match lang {
                Lang::En => format!("the number {found} is out of range: expected {min} to {max}"),
                Lang::Id => format!("angka {found} di luar rentang: seharusnya {min} sampai {max}"),
            },
            What::Missing(field) => match lang {
                Lang::En => format!("the required field “{field}” is missing"),
                Lang::Id => format!("kolom wajib “{field}” tidak ada"),
            },
            What::UnknownField { field, expected } => match lang {
                Lang::En => format!(
                    "unknown field “{field}”: expected {}",
                    Expect::OneOf(expected).render(lang)
                ),
                Lang::Id => format!(
                    "kolom “{field}” tidak dikenal: seharusnya {}",
                    Expect::OneOf(expected).render(lang)
                ),
            },
            What::UnknownVariant { name, expected } => match lang {
                Lang::En => format!(
                    "unknown value “{}”: expected {}",
                    excerpt(name),
                    Expect::OneOf(expected).render(lang)
                ),
                Lang::Id => format!(
                    "nilai “{}” tidak dikenal: seharusnya {}",
                    excerpt(name),
                    Expect::OneOf(expected).render(lang)
                ),
            },
            What::Length { len, expected } => match lang {
                Lang::En => format!("a list of {len} entries: expected {expected}"),
                Lang::Id => format!("daftar berisi {len} entri: yang diharapkan {expected}"),
            },
            What::Invalid { found, expected } => format!(
                "{} {} {expected}",
                found.render(lang),
                lang.pick("tidak valid: seharusnya", "is not valid: expected"),
            ),
            What::Rejected { found, detail } => format!(
                "{} {}: {detail}",
                found.render(lang),
                lang.pick("tidak valid", "is not valid"),
            ),
            What::Custom(msg) => {
                format!("{}: {msg}", lang.pick("nilai tidak valid", "invalid value"))
            }
        }
    }

    fn code(&self) -> Code {
        match self.what {
            What::WrongType { .. } => Code::WrongType,
            What::OutOfRange { .. } => Code::OutOfRange,
            What::Missing(_) => Code::MissingField,
            What::UnknownField { .. } => Code::UnknownField,
            What::UnknownVariant { .. } => Code::UnknownVariant,
            What::Length { .. } => Code::InvalidLength,
            What::Invalid { .. } | What::Rejected { .. } | What::Custom(_) => Code::InvalidValue,
        }
    }

    fn problem(&self, root: &str) -> Problem {
        Problem::new(
            self.path(root),
            self.code(),
            self.render(Lang::En),
            self.render(Lang::Id),
        )
    }
}

impl fmt::Display for Shape {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path(""), self.render(Lang::En))
    }
}

impl std::error::Error for Shape {}

impl de::Error for Shape {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Shape::new(What::Custom(msg.to_string()))
    }

    fn invalid_type(unexp: Unexpected<'_>, exp: &dyn Expected) -> Self {
        Shape::new(What::WrongType {
            found: Found::from_unexpected(unexp),
            expected: Expect::Named(exp.to_string()),
        })
    }

    fn invalid_value(unexp: Unexpected<'_>, exp: &dyn Expected) -> Self {
        Shape::new(What::Invalid {
            found: Found::from_unexpected(unexp),
            expected: exp.to_string(),
        })
    }

    fn invalid_length(len: usize, exp: &dyn Expected) -> Self {
        Shape::new(What::Length {
            len,
            expected: exp.to_string(),
        })
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        Shape::new(What::UnknownVariant {
            name: variant.to_owned(),
            expected,
        })
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        Shape::new(What::UnknownField {
            field: field.to_owned(),
            expected,
        })
    }

    fn missing_field(field: &'static str) -> Self {
        Shape::new(What::Missing(field))
    }
}

/// The deserializer over a borrowed JSON value.
struct ValueDe<'de>(&'de Value);

impl ValueDe<'_> {
    fn integer(&self, min: i128, max: i128) -> Result<i128, Shape> {
        let Value::Number(n) = self.0 else {
            return Err(Shape::wrong(self.0, Expect::Integer));
        };
        let v = match (n.as_i64(), n.as_u64()) {
            (Some(i), _) => i128::from(i),
            (None, Some(u)) => i128::from(u),
            (None, None) => return Err(Shape::wrong(self.0, Expect::Integer)),
        };
        if v < min || v > max {
            return Err(Shape::new(What::OutOfRange {
                found: n.to_string(),
                min,
                max,
            }));
        }
        Ok(v)
    }
}

macro_rules! integers {
    ($($method:ident $t:ty => $visit:ident $as:ty),* $(,)?) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Shape> {
            let v = self.integer(i128::from(<$t>::MIN), i128::from(<$t>::MAX))?;
            // In range by the check above.
            visitor.$visit(v as $as)
        }
    )*};
}

impl<'de> de::Deserializer<'de> for ValueDe<'de> {
    type Error = Shape;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Shape> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(n) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
                (Some(u), _, _) => visitor.visit_u64(u),
                (None, Some(i), _) => visitor.visit_i64(i),
                (None, None, Some(f)) => visitor.visit_f64(f),
                _ => Err(Shape::wrong(self.0, Expect::Number)),
            },
            Value::String(s) => visitor.visit_borrowed_str(s),
            Value::Array(items) => visit_list(items, visitor),
            Value::Object(map) => visit_object(map, visitor),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Shape> {
        match self.0 {
            Value::Bool(b) => visitor.visit_bool(*b),
            v => Err(Shape::wrong(v, Expect::Bool)),
        }
    }

    integers! {
        deserialize_i8 i8 => visit_i64 i64,
        deserialize_i16 i16 => visit_i64 i64,
        deserialize_i32 i32 => visit_i64 i64,
        deserialize_i64 i64 => visit_i64 i64,
        deserialize_u8 u8 => visit_u64 u64,
        deserialize_u16 u16 => visit_u64 u64,
        deserialize_u32 u32 => visit_u64 u64,
        deserialize_u64 u64 => visit_u64 u64,
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Shape> {
        self.deserialize_f64(visitor)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Shape> {
        match self.0 {
            Value::Number(n) => match n.as_f64() {
                Some(f) => visitor.visit_f64(f),
                None => Err(Shape::wrong(self.0, Expect::Number)),
            },
            v => Err(Shape::wrong(v, Expect::Number)),
        }
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Shape> {
        self.deserialize_str(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Shape> {
        match self.0 {
            Value::String(s) => visitor
                .visit_borrowed_str(s)
                .map_err(|e| with_value(e, self.0)),
            v => Err(Shape::wrong(v, Expect::Text)),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Shape> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Shape> {
        self.deserialize_any(visitor)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Shape> {
        self.deserialize_any(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Shape> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Shape> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            v => Err(Shape::wrong(v, Expect::Null)),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Shape> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Shape> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Shape> {
        match self.0 {
            Value::Array(items) => visit_list(items, visitor),
            v => Err(Shape::wrong(v, Expect::List)),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Shape> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Shape> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Shape> {
        match self.0 {
            Value::Object(map) => visit_object(map, visitor),
            v => Err(Shape::wrong(v, Expect::Object)),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Shape> {
        self.deserialize_map(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Shape> {
        match self.0 {
            Value::String(s) => visitor.visit_enum(s.as_str().into_deserializer()),
            Value::Object(map) if map.len() == 1 => {
                let (k, v) = map.iter().next().expect("one entry");
                visitor.visit_enum(Variant { key: k, value: v })
            }
            v => Err(Shape::wrong(v, Expect::OneOf(variants))),
        }
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Shape> {
        self.deserialize_str(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Shape> {
        visitor.visit_unit()
    }
}

/// A custom error from a text value's visitor (a date that does not parse)
/// names the text.
fn with_value(e: Shape, v: &Value) -> Shape {
    match e.what {
        What::Custom(detail) if e.path.is_empty() => Shape::new(What::Rejected {
            found: Found::of(v),
            detail,
        }),
        _ => e,
    }
}

fn visit_list<'de, V: Visitor<'de>>(items: &'de [Value], visitor: V) -> Result<V::Value, Shape> {
    let mut seq = List {
        items: items.iter(),
        index: 0,
    };
    let out = visitor.visit_seq(&mut seq)?;
    let rest = seq.items.len();
    if rest > 0 {
        return Err(Shape::new(What::Length {
            len: items.len(),
            expected: format!("{}", items.len() - rest),
        }));
    }
    Ok(out)
}

fn visit_object<'de, V: Visitor<'de>>(
    map: &'de Map<String, Value>,
    visitor: V,
) -> Result<V::Value, Shape> {
    visitor.visit_map(Object {
        entries: map.iter(),
        value: None,
    })
}

struct List<'de> {
    items: std::slice::Iter<'de, Value>,
    index: usize,
}

impl<'de> SeqAccess<'de> for &mut List<'de> {
    type Error = Shape;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Shape> {
        let Some(v) = self.items.next() else {
            return Ok(None);
        };
        let i = self.index;
        self.index += 1;
        seed.deserialize(ValueDe(v))
            .map(Some)
            .map_err(|e| e.at(Seg::Index(i)))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

struct Object<'de> {
    entries: serde_json::map::Iter<'de>,
    value: Option<(&'de String, &'de Value)>,
}

impl<'de> MapAccess<'de> for Object<'de> {
    type Error = Shape;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Shape> {
        let Some((k, v)) = self.entries.next() else {
            return Ok(None);
        };
        self.value = Some((k, v));
        seed.deserialize(de::value::BorrowedStrDeserializer::new(k))
            .map(Some)
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, Shape> {
        let (k, v) = self
            .value
            .take()
            .ok_or_else(|| de::Error::custom("value before key"))?;
        seed.deserialize(ValueDe(v))
            .map_err(|e| e.at(Seg::Key(k.clone())))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

struct Variant<'de> {
    key: &'de String,
    value: &'de Value,
}

impl<'de> de::EnumAccess<'de> for Variant<'de> {
    type Error = Shape;
    type Variant = Self;

    fn variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<(T::Value, Self), Shape> {
        let v = seed.deserialize(de::value::BorrowedStrDeserializer::new(self.key))?;
        Ok((v, self))
    }
}

impl<'de> de::VariantAccess<'de> for Variant<'de> {
    type Error = Shape;

    fn unit_variant(self) -> Result<(), Shape> {
        match self.value {
            Value::Null => Ok(()),
            v => Err(Shape::wrong(v, Expect::Null).at(Seg::Key(self.key.clone()))),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Shape> {
        seed.deserialize(ValueDe(self.value))
            .map_err(|e| e.at(Seg::Key(self.key.clone())))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Shape> {
        de::Deserializer::deserialize_seq(ValueDe(self.value), visitor)
            .map_err(|e| e.at(Seg::Key(self.key.clone())))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Shape> {
        de::Deserializer::deserialize_map(ValueDe(self.value), visitor)
            .map_err(|e| e.at(Seg::Key(self.key.clone())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use serde_json::json;

    #[derive(Debug, Deserialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Inner {
        n: u8,
        kind: Kind,
    }

    #[derive(Debug, Deserialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    #[serde(rename_all = "snake_case")]
    enum Kind {
        Alpha,
        Beta,
    }

    #[derive(Debug, Deserialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    #[allow(dead_code)]
    struct Outer {
        items: Vec<Inner>,
        name: Option<String>,
    }

    fn first(v: Value) -> Problem {
        from_value::<Outer>(&v, "root")
            .unwrap_err()
            .into_problems()
            .remove(0)
    }

    #[test]
    fn paths_codes_and_both_languages() {
        let p = first(json!({"items": [{"n": 1, "kind": "alpha"}, {"n": "x", "kind": "beta"}]}));
        assert_eq!(
            (p.path.as_str(), p.code),
            ("root.items[1].n", Code::WrongType)
        );
        assert_eq!(p.message, "expected a whole number, found the text “x”");
        assert_eq!(
            p.message_id,
            "seharusnya bilangan bulat, ditemukan teks “x”"
        );

        let p = first(json!({"items": [{"n": 300, "kind": "alpha"}]}));
        assert_eq!(
            (p.path.as_str(), p.code),
            ("root.items[0].n", Code::OutOfRange)
        );

        let p = first(json!({"items": [{"n": 3, "kind": "gamma"}]}));
        assert_eq!(
            (p.path.as_str(), p.code),
            ("root.items[0].kind", Code::UnknownVariant)
        );
        assert!(
            p.message.ends_with("expected one of “alpha” or “beta”"),
            "{}",
            p.message
        );

        let p = first(json!({"items": [{"n": 3}]}));
        assert_eq!(
            (p.path.as_str(), p.code),
            ("root.items[0].kind", Code::MissingField)
        );

        let p = first(json!({"items": [{"n": 3, "kind": "beta", "extra": 1}]}));
        assert_eq!(
            (p.path.as_str(), p.code),
            ("root.items[0].extra", Code::UnknownField)
        );

        let p = first(json!({"items": 5}));
        assert_eq!(p.message_id, "seharusnya daftar, ditemukan angka 5");
    }

    #[test]
    fn text_agrees_with_value() {
        let err = from_json::<Outer>(r#"{"items": [{"n": -1, "kind": "alpha"}]}"#, "").unwrap_err();
        assert_eq!(err.problems()[0].path, "items[0].n");
        assert_eq!(err.problems()[0].code, Code::OutOfRange);
        let ok = from_json::<Outer>(r#"{"items": [], "name": "a"}"#, "").unwrap();
        assert_eq!(ok.name.as_deref(), Some("a"));
    }
}

/// A value handed across a binding (a Python or JavaScript argument) is of
/// the wrong host-language type: code `invalid_type`. The binding names
/// the parameter, the type it accepts and the type it got, in the host
/// language's own names (`datetime.date`, `int`, `string`); the sentence
/// around them is written here, in both languages.
///
/// # Example
/// ```
/// use ptsp::{Code, Lang, PtspError, error::input::ArgumentError};
/// let e = ArgumentError::new("received", "datetime.datetime (aware)", "str");
/// assert_eq!(e.code(), Code::InvalidType);
/// assert_eq!(e.message(Lang::En), "invalid type for received: expected datetime.datetime (aware), found str");
/// assert_eq!(e.message(Lang::Id), "tipe received tidak valid: seharusnya datetime.datetime (aware), ditemukan str");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArgumentError {
    what: String,
    expected: String,
    found: String,
}

impl ArgumentError {
    /// The error for parameter `what`, which accepts `expected` and got
    /// `found`.
    pub fn new(
        what: impl Into<String>,
        expected: impl Into<String>,
        found: impl Into<String>,
    ) -> Self {
        ArgumentError {
            what: what.into(),
            expected: expected.into(),
            found: found.into(),
        }
    }
}

impl fmt::Display for ArgumentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&super::PtspError::message(self, Lang::En))
    }
}

impl std::error::Error for ArgumentError {}

impl super::PtspError for ArgumentError {
    fn code(&self) -> Code {
        Code::InvalidType
    }

    fn kind(&self) -> super::Kind {
        super::Kind::Input
    }

    fn message(&self, lang: Lang) -> String {
        let ArgumentError {
            what,
            expected,
            found,
        } = self;
        match lang {
            Lang::En => format!("invalid type for {what}: expected {expected}, found {found}"),
            Lang::Id => {
                format!("tipe {what} tidak valid: seharusnya {expected}, ditemukan {found}")
            }
        }
    }
}

/// The problem of a text that holds a lone surrogate (U+D800–U+DFFF: not a
/// Unicode character, so not encodable as UTF-8) — what a binding finds in
/// a Python `str` such as `json.loads('"\udcff"')` gives. `key`: the text is
/// a key of a mapping; `at`: the 1-based character position. The value
/// itself is not quoted.
///
/// # Example
/// ```
/// let p = ptsp::error::input::lone_surrogate("text", false, 0xDCFF, 3);
/// assert_eq!(p.code, ptsp::Code::InvalidText);
/// assert!(p.message.contains("U+DCFF at character 3"));
/// ```
pub fn lone_surrogate(path: impl Into<String>, key: bool, code_point: u32, at: usize) -> Problem {
    let (what_en, what_id) = if key {
        ("the key", "kunci")
    } else {
        ("the text", "teks")
    };
    Problem::new(
        path,
        Code::InvalidText,
        format!(
            "{what_en} contains the lone surrogate U+{code_point:04X} at character {at}: \
             expected Unicode text that can be encoded as UTF-8 (a surrogate is not a character)"
        ),
        format!(
            "{what_id} mengandung surrogate tunggal U+{code_point:04X} pada karakter ke-{at}: \
             seharusnya teks Unicode yang dapat dikodekan sebagai UTF-8 (surrogate bukan karakter)"
        ),
    )
}
