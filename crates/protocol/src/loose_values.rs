//! Loosely typed values (`docs/api-notes.md`, "Envelope and values"): `deserialize_with`
//! helpers for the request bodies the simulator reads, and the writers that emit the
//! document's own spellings. Event bodies and replies are read by [`crate::fields`] instead,
//! which shares [`parse_bool_text`] with these.

use serde::de::{self, Deserializer, Visitor};
use serde::Serializer;
use std::fmt;

/// A boolean sent as `true`, `"true"`, `'true'`, `"yes"`/`"YES"`, `1` (and their negatives).
pub fn bool<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    d.deserialize_any(BoolVisitor)
}

/// Like [`bool()`] for an optional field: `null` is `None`.
pub fn opt_bool<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    d.deserialize_any(OptBoolVisitor)
}

/// Reads a flag from its text form; `None` for text that is no flag.
pub fn parse_bool_text(s: &str) -> Option<bool> {
    let t = s.trim().trim_matches('\'').trim();
    match t.to_ascii_lowercase().as_str() {
        "true" | "yes" | "1" | "on" => Some(true),
        "false" | "no" | "0" | "off" | "" => Some(false),
        _ => None,
    }
}

struct BoolVisitor;

impl<'de> Visitor<'de> for BoolVisitor {
    type Value = bool;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a boolean, or a string or number standing for one")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<bool, E> {
        Ok(v)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<bool, E> {
        Ok(v != 0)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<bool, E> {
        Ok(v != 0)
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<bool, E> {
        Ok(v != 0.0)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<bool, E> {
        parse_bool_text(v).ok_or_else(|| E::custom(format!("not a boolean: {v:?}")))
    }
    fn visit_unit<E: de::Error>(self) -> Result<bool, E> {
        Ok(false)
    }
}

struct OptBoolVisitor;

impl<'de> Visitor<'de> for OptBoolVisitor {
    type Value = Option<bool>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a boolean, a string or number standing for one, or null")
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        bool(d).map(Some)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        Ok(Some(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Some(v != 0))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Some(v != 0))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Ok(Some(v != 0.0))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        BoolVisitor.visit_str(v).map(Some)
    }
}

/// Writes a flag the way the participant events spell it: `"YES"` or `"NO"`.
pub fn write_yes_no<S: Serializer>(v: &bool, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(if *v { "YES" } else { "NO" })
}

/// Writes a flag the way request bodies spell it: `"yes"` or `"no"`.
pub fn write_lower_yes_no<S: Serializer>(v: &bool, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(if *v { "yes" } else { "no" })
}

/// Writes seconds as the document does: `"120"`.
pub fn write_seconds_text<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&format!("{}", v.round() as i64))
}

/// Writes UNIX seconds as the document does: a whole number when there is no fraction
/// (`1441720992`), a decimal otherwise.
pub fn write_seconds<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        s.serialize_i64(*v as i64)
    } else {
        s.serialize_f64(*v)
    }
}
