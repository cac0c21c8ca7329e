//! The document's JSON examples, kept verbatim in `doc_examples.txt` (only the typographic
//! quotes made plain), and small helpers shared by the golden tests.

#![allow(dead_code)]

use serde_json::Value;
use std::collections::BTreeSet;

const EXAMPLES: &str = include_str!("../doc_examples.txt");

/// Every example as (name, text), in document order.
pub fn examples() -> Vec<(&'static str, String)> {
    let mut out: Vec<(&'static str, Vec<&'static str>)> = Vec::new();
    for line in EXAMPLES.lines() {
        if let Some(name) = line.strip_prefix("### ") {
            out.push((name, Vec::new()));
        } else if let Some((_, body)) = out.last_mut() {
            body.push(line);
        }
    }
    out.into_iter().map(|(n, b)| (n, b.join("\n"))).collect()
}

/// The example of that name; a test naming a missing example fails.
pub fn example(name: &str) -> String {
    examples()
        .into_iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| text)
        .unwrap_or_else(|| panic!("no document example named {name:?}"))
}

/// The keys of a JSON object, for "re-encodes to the same keys" checks.
pub fn keys(v: &Value) -> BTreeSet<String> {
    v.as_object()
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default()
}

/// Strict JSON of a request body example (the plain-quoted request examples are strict JSON).
pub fn strict(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not strict JSON ({e}): {text}"))
}
