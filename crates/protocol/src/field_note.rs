//! What field-by-field decoding reports: one note per field that was read by a coercion or left
//! at its default. Notes name the JSON kind that arrived, never the value: a field of a reply
//! may hold a token or a PIN, and notes end up in logs.

use serde_json::Value;
use std::fmt;

/// The kind of a JSON value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonKind {
    Null,
    Bool,
    Number,
    String,
    List,
    Object,
}

impl JsonKind {
    pub fn of(v: &Value) -> JsonKind {
        match v {
            Value::Null => JsonKind::Null,
            Value::Bool(_) => JsonKind::Bool,
            Value::Number(_) => JsonKind::Number,
            Value::String(_) => JsonKind::String,
            Value::Array(_) => JsonKind::List,
            Value::Object(_) => JsonKind::Object,
        }
    }
}

impl fmt::Display for JsonKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            JsonKind::Null => "null",
            JsonKind::Bool => "a boolean",
            JsonKind::Number => "a number",
            JsonKind::String => "a string",
            JsonKind::List => "a list",
            JsonKind::Object => "an object",
        })
    }
}

/// What happened to one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteKind {
    /// Read by one of the documented coercions (a single value as a one-item list, a number as
    /// text, a number as a flag or a whole number); `to` says what it was read as.
    Coerced { from: JsonKind, to: &'static str },
    /// Not readable as what the field holds (`expected`); the field kept its default.
    Dropped {
        found: JsonKind,
        expected: &'static str,
    },
}

/// One field that did not arrive in the shape the document gives it. `field` is its path in
/// the body: `participants`, `participants[2]`, `version.version_id`, `[0].vad`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldNote {
    pub field: String,
    pub kind: NoteKind,
}

impl FieldNote {
    pub fn is_dropped(&self) -> bool {
        matches!(self.kind, NoteKind::Dropped { .. })
    }
}

impl fmt::Display for FieldNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            NoteKind::Coerced { from, to } => write!(f, "{}: {from}, read as {to}", self.field),
            NoteKind::Dropped { found, expected } => {
                write!(
                    f,
                    "{}: {found}, not {expected}: left at its default",
                    self.field
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_read_as_plain_english() {
        let coerced = FieldNote {
            field: "participants".into(),
            kind: NoteKind::Coerced {
                from: JsonKind::String,
                to: "a one-item list",
            },
        };
        assert_eq!(
            coerced.to_string(),
            "participants: a string, read as a one-item list"
        );
        assert!(!coerced.is_dropped());
        let dropped = FieldNote {
            field: "is_muted".into(),
            kind: NoteKind::Dropped {
                found: JsonKind::Object,
                expected: "a flag",
            },
        };
        assert_eq!(
            dropped.to_string(),
            "is_muted: an object, not a flag: left at its default"
        );
        assert!(dropped.is_dropped());
    }
}
