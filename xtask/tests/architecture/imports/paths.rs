//! The paths in a file's code: its inline modules' scopes, its `use` trees flattened, and every
//! path of two segments or more.

use super::*;

/// One module's code, an inline `mod NAME { … }` being a module of its own: its path, the file
/// module it is in, where its code starts in the file, and the code (inner modules blanked).
pub(super) struct Scope {
    pub(super) module: String,
    pub(super) file_module: String,
    pub(super) file: String,
    pub(super) offset: usize,
    pub(super) code: String,
}

/// `code` (of `module`, starting at `offset` in its file) with the inline modules it holds
/// blanked, then those inline modules, recursively.
pub(super) fn scopes(
    module: &str,
    file_module: &str,
    file: &str,
    code: &str,
    offset: usize,
) -> Vec<Scope> {
    let bytes = code.as_bytes();
    let mut outer = code.as_bytes().to_vec();
    let mut inner = Vec::new();
    let mut i = 0;
    while i + 4 < bytes.len() {
        let boundary = i == 0 || !ident_char(bytes[i - 1]);
        if !(boundary && bytes[i..].starts_with(b"mod ")) {
            i += 1;
            continue;
        }
        let name_start = i
            + 4
            + bytes[i + 4..]
                .iter()
                .take_while(|b| b.is_ascii_whitespace())
                .count();
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|&&b| ident_char(b))
            .count();
        let mut j = name_start + name_len;
        while j < bytes.len() && bytes[j].is_ascii_whitespace() {
            j += 1;
        }
        if name_len == 0 || j >= bytes.len() || bytes[j] != b'{' {
            i += 1;
            continue;
        }
        let end = block_end(bytes, j, b'{', b'}');
        let name = &code[name_start..name_start + name_len];
        inner.extend(scopes(
            &join(module, name),
            file_module,
            file,
            &code[j + 1..end - 1],
            offset + j + 1,
        ));
        for b in &mut outer[j + 1..end - 1] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
        i = end;
    }
    let mut all = vec![Scope {
        module: module.to_owned(),
        file_module: file_module.to_owned(),
        file: file.to_owned(),
        offset,
        code: String::from_utf8(outer).expect("blanking keeps UTF-8"),
    }];
    all.extend(inner);
    all
}

/// One name a `use` brings in: its path, its `as` name, whether it is a glob.
#[derive(Debug)]
pub(super) struct Entry {
    pub(super) segments: Vec<String>,
    pub(super) alias: Option<String>,
    pub(super) glob: bool,
}

/// A `use` statement: where it starts, whether it re-exports (`pub use`), what it brings in.
pub(super) struct Use {
    pub(super) at: usize,
    pub(super) public: bool,
    pub(super) entries: Vec<Entry>,
}

/// The entries of a use tree (`a::{b, c::d as e, f::*}`) under `prefix`.
pub(super) fn entries(tree: &str, prefix: &[String], out: &mut Vec<Entry>) {
    let tree = tree.trim();
    if tree.is_empty() {
        return;
    }
    if let Some(open) = tree.find('{') {
        let path: Vec<String> = tree[..open]
            .split("::")
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect();
        let mut inner_prefix = prefix.to_vec();
        inner_prefix.extend(path);
        let end = block_end(tree.as_bytes(), open, b'{', b'}');
        let group = &tree[open + 1..end.saturating_sub(1).max(open + 1)];
        let (mut depth, mut start) = (0, 0);
        for (k, c) in group.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    entries(&group[start..k], &inner_prefix, out);
                    start = k + 1;
                }
                _ => {}
            }
        }
        entries(&group[start..], &inner_prefix, out);
        return;
    }
    let (path, alias) = match tree.split_once(" as ") {
        Some((p, a)) => (p, Some(a.trim().to_owned())),
        None => (tree, None),
    };
    let mut segments = prefix.to_vec();
    let mut glob = false;
    for s in path.split("::").map(str::trim).filter(|s| !s.is_empty()) {
        match s {
            "*" => glob = true,
            "self" => {}
            s => segments.push(s.to_owned()),
        }
    }
    out.push(Entry {
        segments,
        alias,
        glob,
    });
}

/// The `use` statements of `code`, and `code` with them (and `pub(in …)`) blanked.
pub(super) fn uses(code: &str) -> (Vec<Use>, String) {
    let bytes = code.as_bytes();
    let mut rest = bytes.to_vec();
    let mut found = Vec::new();
    let blank = |rest: &mut Vec<u8>, from: usize, to: usize| {
        for b in &mut rest[from..to] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    };
    let mut i = 0;
    while i + 4 <= bytes.len() {
        let boundary = i == 0 || !(ident_char(bytes[i - 1]) || bytes[i - 1] == b':');
        if boundary && bytes[i..].starts_with(b"pub(in ") {
            let end = block_end(bytes, i + 3, b'(', b')');
            blank(&mut rest, i, end);
            i = end;
            continue;
        }
        if !(boundary
            && bytes[i..].starts_with(b"use")
            && bytes.get(i + 3).is_some_and(|b| b.is_ascii_whitespace()))
        {
            i += 1;
            continue;
        }
        let end = code[i..].find(';').map_or(bytes.len(), |e| i + e + 1);
        let before = code[..i].trim_end();
        let public = before.ends_with("pub")
            || (before.ends_with(')')
                && before
                    .rsplit_once("pub(")
                    .is_some_and(|(_, v)| !v.contains(['\n', ';', '}'])));
        let tree = code[i + 3..end].trim_end_matches(';');
        let mut list = Vec::new();
        if !tree.trim_start().starts_with("::") {
            entries(tree, &[], &mut list);
        }
        found.push(Use {
            at: i,
            public,
            entries: list,
        });
        blank(&mut rest, i, end);
        i = end;
    }
    (
        found,
        String::from_utf8(rest).expect("blanking keeps UTF-8"),
    )
}

/// Every path of two segments or more in `code` (`a::b`, `crate::x::Y`), with where it starts:
/// a path's head is not after `::` or `.` (a method's turbofish).
pub(super) fn paths(code: &str) -> Vec<(usize, Vec<String>)> {
    let bytes = code.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if !(ident_char(c) || c == b'$') || (i > 0 && ident_char(bytes[i - 1])) {
            i += 1;
            continue;
        }
        let before = code[..i].trim_end();
        let after_sep = before.ends_with("::") || before.ends_with('.');
        let mut segments = Vec::new();
        let mut j = i;
        loop {
            let start = j;
            if bytes.get(j) == Some(&b'$') {
                j += 1;
            }
            j += bytes[j..].iter().take_while(|&&b| ident_char(b)).count();
            if j == start {
                break;
            }
            segments.push(code[start..j].to_owned());
            if code[j..].starts_with("::")
                && bytes
                    .get(j + 2)
                    .is_some_and(|&b| ident_char(b) || b == b'$')
            {
                j += 2;
            } else {
                break;
            }
        }
        if !after_sep && segments.len() > 1 {
            found.push((i, segments));
        }
        i = j.max(i + 1);
    }
    found
}
