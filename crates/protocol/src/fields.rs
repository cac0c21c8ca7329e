//! Field-by-field decoding of event bodies and replies. Platforms of this API family send
//! variants of the document's shapes, so one field of an unexpected type must not cost the whole
//! body: each field is read on its own, by a documented coercion where there is one, else left
//! at its default, and either way reported as a [`FieldNote`]. Only what identifies a body (a
//! participant's `uuid`, a token) is required; without it the body is refused.
//!
//! The readers work on the `serde_json::Value` the body was parsed into, so this adds no second
//! copy of serde's machinery: types read here implement `Deserialize` through
//! [`deserialize`], and writing stays with serde's derive.

use crate::field_note::{FieldNote, JsonKind, NoteKind};
use crate::loose_values::parse_bool_text;
use crate::DecodeError;
use serde::{Deserialize, Deserializer};
use serde_json::{Map, Value};

/// A type read field by field from a JSON object.
pub trait FromFields: Sized {
    /// `Err` only when the object lacks what identifies it.
    fn from_fields(f: &mut Fields<'_>) -> Result<Self, DecodeError>;
}

/// The fields of one JSON object, taken one at a time, and the notes on them.
pub struct Fields<'n> {
    map: Map<String, Value>,
    at: String,
    notes: &'n mut Vec<FieldNote>,
}

/// Reads a `T` from `v`, which must be an object. `at` is its path for notes ("" for a body).
pub fn read<T: FromFields>(
    v: Value,
    at: &str,
    notes: &mut Vec<FieldNote>,
) -> Result<T, DecodeError> {
    match v {
        Value::Object(map) => T::from_fields(&mut Fields {
            map,
            at: at.to_owned(),
            notes,
        }),
        other => Err(DecodeError(format!(
            "{} is {}, not an object",
            if at.is_empty() { "the body" } else { at },
            JsonKind::of(&other)
        ))),
    }
}

/// Reads a list of `T` from `v`, which must be a list; an item that cannot be read refuses the
/// whole list (an item without its identity is not one that can be left out silently).
pub fn read_list<T: FromFields>(
    v: Value,
    at: &str,
    notes: &mut Vec<FieldNote>,
) -> Result<Vec<T>, DecodeError> {
    match v {
        Value::Array(items) => items
            .into_iter()
            .enumerate()
            .map(|(i, item)| read(item, &format!("{at}[{i}]"), notes))
            .collect(),
        other => Err(DecodeError(format!(
            "{} is {}, not a list",
            if at.is_empty() { "the body" } else { at },
            JsonKind::of(&other)
        ))),
    }
}

/// `Deserialize` for a [`FromFields`] type, for callers that use serde (the notes are not
/// kept; [`read`] keeps them).
pub fn deserialize<'de, D: Deserializer<'de>, T: FromFields>(d: D) -> Result<T, D::Error> {
    let v = Value::deserialize(d)?;
    read(v, "", &mut Vec::new()).map_err(serde::de::Error::custom)
}

/// Implements `Deserialize` through [`deserialize`] for types that implement [`FromFields`].
macro_rules! deserialize_from_fields {
    ($($t:ty),+ $(,)?) => {$(
        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                $crate::fields::deserialize(d)
            }
        }
    )+};
}
pub(crate) use deserialize_from_fields;

impl Fields<'_> {
    fn path(&self, key: &str) -> String {
        if self.at.is_empty() {
            key.to_owned()
        } else {
            format!("{}.{key}", self.at)
        }
    }

    fn note(&mut self, key: &str, kind: NoteKind) {
        let field = self.path(key);
        self.notes.push(FieldNote { field, kind });
    }

    fn coerced(&mut self, key: &str, from: JsonKind, to: &'static str) {
        self.note(key, NoteKind::Coerced { from, to });
    }

    fn dropped(&mut self, key: &str, found: &Value, expected: &'static str) {
        let found = JsonKind::of(found);
        self.note(key, NoteKind::Dropped { found, expected });
    }

    /// The field's value; `null` is the same as absent: it says nothing that could be lost.
    fn take(&mut self, key: &str) -> Option<Value> {
        self.map.remove(key).filter(|v| !v.is_null())
    }

    /// Reads `alias` as `key` when `key` itself is absent (another spelling of the same field).
    pub fn alias(&mut self, key: &str, alias: &str) {
        if !self.map.contains_key(key) {
            if let Some(v) = self.map.remove(alias) {
                self.map.insert(key.to_owned(), v);
            }
        }
    }

    /// What identifies the body: a string that is not blank. Nothing else is taken for one (a
    /// number made into a uuid would invent a participant).
    pub fn identity(&mut self, key: &str) -> Result<String, DecodeError> {
        match self.take(key) {
            Some(Value::String(s)) if !s.trim().is_empty() => Ok(s),
            Some(Value::String(_)) => Err(DecodeError(format!("{} is blank", self.path(key)))),
            Some(other) => Err(DecodeError(format!(
                "{} is {}, not a string",
                self.path(key),
                JsonKind::of(&other)
            ))),
            None => Err(DecodeError(format!("no {}", self.path(key)))),
        }
    }

    /// Text; a number is read as its text (noted).
    pub fn opt_text(&mut self, key: &str) -> Option<String> {
        match self.take(key)? {
            Value::String(s) => Some(s),
            Value::Number(n) => {
                self.coerced(key, JsonKind::Number, "text");
                Some(n.to_string())
            }
            other => {
                self.dropped(key, &other, "text");
                None
            }
        }
    }

    pub fn text(&mut self, key: &str) -> String {
        self.opt_text(key).unwrap_or_default()
    }

    /// Text that the document itself sends as a string or a number (`code`, `sipkey`): either
    /// is expected, so a number is not noted.
    pub fn number_text(&mut self, key: &str) -> String {
        match self.take(key) {
            Some(Value::Number(n)) => n.to_string(),
            Some(other) => {
                self.map.insert(key.to_owned(), other);
                self.text(key)
            }
            None => String::new(),
        }
    }

    /// A flag: a boolean or a string spelling one (`"YES"`, `"true"`, `'true'`, `"no"`) as the
    /// document does; a number is read as `!= 0` (noted).
    pub fn flag(&mut self, key: &str) -> Option<bool> {
        match self.take(key)? {
            Value::Bool(b) => Some(b),
            Value::String(s) if parse_bool_text(&s).is_some() => parse_bool_text(&s),
            Value::Number(n) => {
                self.coerced(key, JsonKind::Number, "a flag");
                Some(n.as_f64().is_some_and(|n| n != 0.0))
            }
            other => {
                self.dropped(key, &other, "a flag");
                None
            }
        }
    }

    /// Seconds (a duration or UNIX time): a number or a string of one, as the document sends
    /// both; a blank string is 0.
    pub fn seconds(&mut self, key: &str) -> Option<f64> {
        let v = self.take(key)?;
        let n = match &v {
            Value::Number(n) => n.as_f64(),
            Value::String(s) if s.trim().is_empty() => Some(0.0),
            Value::String(s) => s.trim().parse::<f64>().ok(),
            _ => None,
        };
        let n = n.filter(|n| n.is_finite());
        if n.is_none() {
            self.dropped(key, &v, "a number of seconds");
        }
        n
    }

    /// A whole number (an index, a level, a bandwidth). A fraction is rounded and a string of a
    /// number read as one (both noted).
    pub fn count(&mut self, key: &str) -> Option<u32> {
        let v = self.take(key)?;
        if let Some(n) = v.as_u64().and_then(|n| u32::try_from(n).ok()) {
            return Some(n);
        }
        let n = match &v {
            Value::Number(n) => n.as_f64(),
            Value::String(s) => s.trim().parse::<f64>().ok(),
            _ => None,
        };
        match n.filter(|n| (0.0..=u32::MAX as f64).contains(n)) {
            Some(n) => {
                self.coerced(key, JsonKind::of(&v), "a whole number");
                Some(n.round() as u32)
            }
            None => {
                self.dropped(key, &v, "a whole number");
                None
            }
        }
    }

    /// A list of text. A single string or number is read as a one-item list (a blank string as
    /// an empty one), a number in the list as its text (each noted); other items are left out.
    pub fn text_list(&mut self, key: &str) -> Vec<String> {
        match self.take(key) {
            None => Vec::new(),
            Some(Value::Array(items)) => {
                let mut out = Vec::with_capacity(items.len());
                for (i, item) in items.into_iter().enumerate() {
                    let at = format!("{key}[{i}]");
                    match item {
                        Value::String(s) => out.push(s),
                        Value::Number(n) => {
                            self.coerced(&at, JsonKind::Number, "text");
                            out.push(n.to_string());
                        }
                        other => self.dropped(&at, &other, "text"),
                    }
                }
                out
            }
            Some(Value::String(s)) => {
                self.coerced(key, JsonKind::String, "a one-item list");
                if s.trim().is_empty() {
                    Vec::new()
                } else {
                    vec![s]
                }
            }
            Some(Value::Number(n)) => {
                self.coerced(key, JsonKind::Number, "a one-item list");
                vec![n.to_string()]
            }
            Some(other) => {
                self.dropped(key, &other, "a list of text");
                Vec::new()
            }
        }
    }

    /// A word from a fixed set (a role, a policy): `parse` reads it; a string it does not know
    /// is noted as `expected` and left at the default, as is any other kind of value. A blank
    /// string is the same as absent (checkJoin's `roleType` of a point-to-point call).
    pub fn word<T>(
        &mut self,
        key: &str,
        expected: &'static str,
        parse: impl FnOnce(&str) -> Option<T>,
    ) -> Option<T> {
        let v = self.take(key)?;
        if v.as_str().is_some_and(|s| s.trim().is_empty()) {
            return None;
        }
        let parsed = v.as_str().and_then(parse);
        if parsed.is_none() {
            self.dropped(key, &v, expected);
        }
        parsed
    }

    /// Any JSON value, kept as it came (a field the API leaves open).
    pub fn raw(&mut self, key: &str) -> Option<Value> {
        self.take(key)
    }

    /// A nested object read field by field, its notes under `key.`; one that cannot be read is
    /// left out (noted).
    pub fn object<T: FromFields>(&mut self, key: &str) -> Option<T> {
        let v = self.take(key)?;
        if !v.is_object() {
            self.dropped(key, &v, "an object");
            return None;
        }
        let at = self.path(key);
        match read(v, &at, self.notes) {
            Ok(t) => Some(t),
            Err(_) => {
                self.note(
                    key,
                    NoteKind::Dropped {
                        found: JsonKind::Object,
                        expected: "a readable object",
                    },
                );
                None
            }
        }
    }
}
