//! A last-resort reader for JSON as the document writes it. The document was converted from a
//! word processor, so its examples carry typographic quotes, single-quoted strings (`'true'`),
//! members one per line without commas, a fullwidth colon, and once no opening brace. Decoders
//! fall back to [`lenient_json`] only after strict parsing failed on the syntax, so well-formed
//! bodies never take this path.
//!
//! The repair is one pass over the characters with an explicit stack (no recursion, so deep
//! nesting cannot overflow) and never panics. It does not guess at values: bare words other than
//! the JSON literals and numbers stay as they are and make the result fail.

use serde::de::DeserializeOwned;
use serde_json::error::Category;
use serde_json::Value;

/// Parses JSON text strictly, and only if that fails on the syntax, through [`lenient_json`].
/// The error is the strict parser's: the repair either works or is invisible.
pub fn parse_value(text: &str) -> Result<Value, serde_json::Error> {
    decode_str(text)
}

/// Decodes JSON text into `T` strictly; if the text is not JSON (a syntax error, not a shape
/// error), decodes the repaired value instead.
pub fn decode_str<T: DeserializeOwned>(text: &str) -> Result<T, serde_json::Error> {
    match serde_json::from_str(text) {
        Ok(v) => Ok(v),
        Err(e) if matches!(e.classify(), Category::Syntax | Category::Eof) => {
            match lenient_json(text) {
                Some(v) => serde_json::from_value(v),
                None => Err(e),
            }
        }
        Err(e) => Err(e),
    }
}

/// Parses `text` as JSON after [`repair_json`]; `None` if even the repaired text is not JSON.
pub fn lenient_json(text: &str) -> Option<Value> {
    let repaired = repair_json(text)?;
    serde_json::from_str(&repaired).ok()
}

/// Rewrites document-style JSON into strict JSON text:
/// - typographic quotes (“ ” ‘ ’) delimit strings like `"` and `'`;
/// - single-quoted strings become double-quoted;
/// - commas are placed between every two adjacent values or members, whether or not the text had
///   them (so missing ones are added and trailing or doubled ones dropped);
/// - the fullwidth colon and comma (`：` `，`) outside strings read as their ASCII forms;
/// - raw control characters inside strings are escaped;
/// - a text that starts with `"key":` gets the `{` it lacks, and unclosed strings, objects and
///   arrays are closed at the end.
///
/// Returns `None` for a text with nothing but whitespace.
pub fn repair_json(text: &str) -> Option<String> {
    let mut r = Repair {
        out: String::with_capacity(text.len() + 16),
        stack: Vec::new(),
        open_objects: 0,
        open_arrays: 0,
        prev: Prev::Start,
        tokens: 0,
        first_was_string: false,
    };
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if is_space(c) {
            continue;
        }
        match c {
            '{' | '[' => {
                r.value_start();
                r.out.push(c);
                r.push(if c == '{' { '}' } else { ']' });
                r.prev = Prev::Open;
            }
            '}' | ']' => r.close(c),
            ':' | '：' => r.colon(),
            // Commas are placed by `value_start`; the text's own are ignored.
            ',' | '，' => {}
            _ => {
                if let Some(closers) = quote_closers(c) {
                    r.value_start();
                    r.string(&mut chars, c, closers);
                    if r.tokens == 1 {
                        r.first_was_string = true;
                    }
                } else {
                    r.value_start();
                    r.out.push(c);
                    while let Some(&n) = chars.peek() {
                        if is_space(n) || is_structural(n) || quote_closers(n).is_some() {
                            break;
                        }
                        r.out.push(n);
                        chars.next();
                    }
                    r.prev = Prev::ValueEnd;
                }
            }
        }
    }
    while let Some(closer) = r.pop() {
        r.out.push(closer);
    }
    if r.out.is_empty() {
        None
    } else {
        Some(r.out)
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Prev {
    Start,
    Open,
    Colon,
    ValueEnd,
}

struct Repair {
    out: String,
    /// The closers of the open objects and arrays, innermost last.
    stack: Vec<char>,
    /// How many `}` and `]` the stack holds, so that a closer is matched in constant time.
    open_objects: usize,
    open_arrays: usize,
    prev: Prev,
    /// Values started so far (strings, words, objects, arrays), to recognise a leading key.
    tokens: usize,
    first_was_string: bool,
}

impl Repair {
    fn push(&mut self, closer: char) {
        self.stack.push(closer);
        *self.count(closer) += 1;
    }

    fn pop(&mut self) -> Option<char> {
        let closer = self.stack.pop()?;
        *self.count(closer) -= 1;
        Some(closer)
    }

    fn count(&mut self, closer: char) -> &mut usize {
        if closer == '}' {
            &mut self.open_objects
        } else {
            &mut self.open_arrays
        }
    }

    fn value_start(&mut self) {
        if self.prev == Prev::ValueEnd {
            self.out.push(',');
        }
        self.tokens += 1;
    }

    fn colon(&mut self) {
        if self.stack.is_empty() && self.tokens == 1 && self.first_was_string {
            // `"key": ...` at the top: the object's `{` was lost.
            self.out.insert(0, '{');
            self.push('}');
        }
        self.out.push(':');
        self.prev = Prev::Colon;
    }

    fn close(&mut self, c: char) {
        if *self.count(c) > 0 {
            // Close what was left open inside, then this one.
            while let Some(closer) = self.pop() {
                self.out.push(closer);
                if closer == c {
                    break;
                }
            }
        } else {
            // Unmatched: keep it, so that the text stays invalid rather than guessed at.
            self.out.push(c);
        }
        self.prev = Prev::ValueEnd;
    }

    fn string(
        &mut self,
        chars: &mut std::iter::Peekable<std::str::Chars<'_>>,
        open: char,
        closers: &[char],
    ) {
        let single = matches!(open, '\'' | '‘' | '’');
        self.out.push('"');
        while let Some(c) = chars.next() {
            if closers.contains(&c) {
                break;
            }
            match c {
                '\\' => match chars.next() {
                    Some('\'') if single => self.out.push('\''),
                    Some(e @ ('"' | '\\' | '/' | 'b' | 'f' | 'n' | 'r' | 't' | 'u')) => {
                        self.out.push('\\');
                        self.out.push(e);
                    }
                    // Not an escape JSON knows: the backslash was meant literally.
                    Some(e) => {
                        self.out.push_str("\\\\");
                        self.push_string_char(e);
                    }
                    None => self.out.push_str("\\\\"),
                },
                '"' => self.out.push_str("\\\""),
                _ => self.push_string_char(c),
            }
        }
        self.out.push('"');
        self.prev = Prev::ValueEnd;
    }

    fn push_string_char(&mut self, c: char) {
        match c {
            '"' => self.out.push_str("\\\""),
            '\n' => self.out.push_str("\\n"),
            '\r' => self.out.push_str("\\r"),
            '\t' => self.out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                self.out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => self.out.push(c),
        }
    }
}

/// The characters that close a string opened by `c`, if `c` opens one. A string opened by an
/// ASCII quote closes only at the same quote, so typographic quotes inside it stay text.
fn quote_closers(c: char) -> Option<&'static [char]> {
    match c {
        '"' => Some(&['"']),
        '\'' => Some(&['\'']),
        '“' | '”' | '„' => Some(&['"', '“', '”']),
        '‘' | '’' => Some(&['\'', '‘', '’']),
        _ => None,
    }
}

fn is_structural(c: char) -> bool {
    matches!(c, '{' | '}' | '[' | ']' | ':' | ',' | '：' | '，')
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn repairs_each_document_habit() {
        assert_eq!(
            lenient_json("{“status”: “success”, “result”: ‘true’}"),
            Some(json!({"status": "success", "result": "true"}))
        );
        assert_eq!(
            lenient_json("{\"a\": 1\n\"b\": false\n\"c\": \"x\"}"),
            Some(json!({"a": 1, "b": false, "c": "x"}))
        );
        assert_eq!(
            lenient_json("“k”： “v” ,\n“r”： “w” }"),
            Some(json!({"k": "v", "r": "w"}))
        );
        assert_eq!(lenient_json("[1 2,, 3,]"), Some(json!([1, 2, 3])));
        assert_eq!(
            lenient_json("{'a': 'it\\'s \"x\"'}"),
            Some(json!({"a": "it's \"x\""}))
        );
        assert_eq!(
            lenient_json("{\"a\": \"line\nbreak\"}"),
            Some(json!({"a": "line\nbreak"}))
        );
        assert_eq!(
            lenient_json("{\"a\": [1, {\"b\": 2"),
            Some(json!({"a": [1, {"b": 2}]}))
        );
    }

    #[test]
    fn typographic_quotes_inside_plain_strings_stay_text() {
        assert_eq!(lenient_json("['say “hi”']"), Some(json!(["say “hi”"])));
        assert_eq!(lenient_json("[\"it’s\" 'x']"), Some(json!(["it’s", "x"])));
    }

    #[test]
    fn does_not_invent_values() {
        assert_eq!(lenient_json("{\"isDot\": xxxx}"), None);
        assert_eq!(lenient_json("<html>502 Bad Gateway</html>"), None);
        assert_eq!(lenient_json("   "), None);
        assert_eq!(lenient_json("}"), None);
    }
}
