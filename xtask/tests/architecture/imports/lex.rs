//! Reading a source file as text: comments and literals blanked, items delimited, test code
//! set apart, the crate's files and their module paths.

use super::*;

/// `text` with comments, string and character literals blanked (newlines kept, so lines
/// still count).
pub fn code_only(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
        } else if c == 'r'
            && matches!(next, Some('"' | '#'))
            && !chars[..i]
                .last()
                .is_some_and(|p| p.is_alphanumeric() || *p == '_')
        {
            // A raw string: r"…", r#"…"#.
            let mut j = i + 1;
            let mut hashes = 0;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            loop {
                if j >= chars.len() {
                    break;
                }
                if chars[j] == '"' && (0..hashes).all(|h| chars.get(j + 1 + h) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            for &skipped in &chars[i..j.min(chars.len())] {
                out.push(blank(skipped));
            }
            i = j;
        } else if c == '"' {
            out.push(' ');
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    out.push(' ');
                    i += 1;
                }
                if i < chars.len() {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
            out.push(' ');
            i += 1;
        } else if c == '\'' {
            // A character literal ('x', '\n', '\u{…}'); a lifetime ('a) is left as it is.
            let end = if next == Some('\\') {
                chars[i + 2..]
                    .iter()
                    .position(|&x| x == '\'')
                    .map(|p| i + 2 + p)
            } else if chars.get(i + 2) == Some(&'\'') {
                Some(i + 2)
            } else {
                None
            };
            match end {
                Some(e) => {
                    for _ in i..=e {
                        out.push(' ');
                    }
                    i = e + 1;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// The end (exclusive) of the item that starts at `from`: its `;`, or its `{…}` block.
pub(super) fn item_end(code: &[u8], from: usize) -> usize {
    let mut i = from;
    // Further attributes first.
    loop {
        while i < code.len() && code[i].is_ascii_whitespace() {
            i += 1;
        }
        if code[i..].starts_with(b"#[") {
            i = block_end(code, i + 1, b'[', b']');
        } else {
            break;
        }
    }
    while i < code.len() {
        match code[i] {
            b';' => return i + 1,
            b'{' => return block_end(code, i, b'{', b'}'),
            _ => i += 1,
        }
    }
    code.len()
}

/// The end (exclusive) of the bracketed block opening at `open`.
pub(super) fn block_end(code: &[u8], open: usize, left: u8, right: u8) -> usize {
    let mut depth = 0;
    for (i, &b) in code.iter().enumerate().skip(open) {
        if b == left {
            depth += 1;
        } else if b == right {
            depth -= 1;
            if depth == 0 {
                return i + 1;
            }
        }
    }
    code.len()
}

/// Whether a `#[cfg(…)]` attribute's predicate holds only in tests.
pub(super) fn cfg_test(attr: &str) -> bool {
    let inner = attr.split_whitespace().collect::<String>();
    inner.starts_with("#[cfg(") && inner.contains("test") && !inner.contains("not(test")
}

/// A `mod` declaration of a file: its name, its `#[path]` if any, whether only for tests.
pub(super) struct Declared {
    pub(super) name: String,
    pub(super) path: Option<String>,
    pub(super) test: bool,
}

/// The code of a file less its `#[cfg(test)]` items, and the `mod NAME;` it declares (read
/// from the original text, for the `#[path]` strings).
pub(super) fn split_tests(text: &str) -> (String, Vec<Declared>) {
    let code = code_only(text);
    let bytes = code.as_bytes();
    let mut kept = code.clone().into_bytes();
    let mut declared = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i..].starts_with(b"#[") {
            i += 1;
            continue;
        }
        // A run of attributes, then the item.
        let start = i;
        let mut attrs = Vec::new();
        let mut j = i;
        loop {
            while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                j += 1;
            }
            if bytes[j..].starts_with(b"#[") {
                let end = block_end(bytes, j + 1, b'[', b']');
                attrs.push((j, end));
                j = end;
            } else {
                break;
            }
        }
        let test = attrs.iter().any(|&(a, b)| cfg_test(&code[a..b]));
        let end = item_end(bytes, j);
        let item = code[j..end].trim();
        let item = item
            .strip_prefix("pub(crate) ")
            .or_else(|| item.strip_prefix("pub "))
            .unwrap_or(item);
        if let Some(name) = item.strip_prefix("mod ").and_then(|r| r.strip_suffix(';')) {
            // The `#[path = "…"]` string is blanked in `code`: read it from the text.
            let path = attrs.iter().find_map(|&(a, b)| {
                let attr = &text[a..b];
                attr.contains("path")
                    .then(|| attr.split('"').nth(1).map(str::to_owned))
                    .flatten()
            });
            declared.push(Declared {
                name: name.trim().to_owned(),
                path,
                test,
            });
        }
        if test {
            for b in &mut kept[start..end] {
                if *b != b'\n' {
                    *b = b' ';
                }
            }
        }
        i = end.max(i + 1);
    }
    // Plain `mod NAME;` without attributes.
    for line in code.lines() {
        let t = line.trim();
        let t = t
            .strip_prefix("pub(crate) ")
            .or_else(|| t.strip_prefix("pub "))
            .unwrap_or(t);
        if let Some(name) = t.strip_prefix("mod ").and_then(|r| r.strip_suffix(';')) {
            let name = name.trim().to_owned();
            if !declared.iter().any(|d| d.name == name) {
                declared.push(Declared {
                    name,
                    path: None,
                    test: false,
                });
            }
        }
    }
    (
        String::from_utf8(kept).expect("blanking keeps UTF-8"),
        declared,
    )
}

/// The module path a file has by its place under the source folder (`None`: not a module
/// file).
pub(super) fn module_of(relative: &str) -> Option<String> {
    let name = relative.strip_suffix(".rs")?;
    Some(match name {
        "lib" | "main" => String::new(),
        n => n.strip_suffix("/mod").unwrap_or(n).replace('/', "::"),
    })
}

/// Every `.rs` file under `dir`, relative to it, `/`-separated.
pub(super) fn rust_files(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(d) = pending.pop() {
        let Ok(entries) = fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path.strip_prefix(dir).expect("under the folder");
                found.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    found.sort();
    found
}

pub(super) fn ident_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}
