//! The module graph of one crate, read from its sources as text (std only): which file imports
//! which, what cycles that makes between files and between folders, and which imports go up a
//! table of layers.
//!
//! - A crate's modules are its files: `lib.rs` (or `main.rs` when there is no `lib.rs`; beside a
//!   `lib.rs` it is another crate) is the root, `a.rs` and `a/mod.rs` are `a`, `a/b.rs` is
//!   `a::b`. `mod` declarations place the files a `#[path]` attribute moves.
//! - An edge from file A to file B is a path in A that names B's module: `crate::…`,
//!   `super::…`, `self::…`, or a child module of A by its name (`row::Row` in `mod.rs`), in a
//!   `use` or anywhere in the code, `{…}` groups included. The path is resolved to the longest
//!   module it names: `use crate::state::Store` is an edge to `state`, whose file re-exports it.
//! - Comments and string literals are not read: a doc link is not an import.
//! - Test code is left out: `#[cfg(test)]` items (an inline `mod tests { … }`, a `use`) and the
//!   files a `#[cfg(test)] mod …;` declares (`tests.rs`, `*_tests.rs`). They are compiled only
//!   into the tests, reach into their parent and its siblings by design (`use super::*`), and
//!   set up what they test from anywhere; counted as their parent they would put cycles and
//!   upward imports into the graph that the shipped code does not have.
//! - A folder is a module with children (a directory). Every edge between two files whose
//!   modules part under a common parent gives an edge between the two children of that parent
//!   they lie in (`components::row` → `panels::chat` is `components` → `panels`); a cycle among
//!   such siblings that takes in a folder is a cycle between folders.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// One edge, with where it was found: the file and line of the path that makes it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Edge {
    pub from: String,
    pub to: String,
    pub at: String,
}

/// A crate's modules (by path, the root being `""`) and the edges between them.
#[derive(Debug, Default)]
pub struct Graph {
    /// Module path → its file, relative to the crate's source folder.
    pub modules: BTreeMap<String, String>,
    pub edges: Vec<Edge>,
}

/// The module path of `module`'s parent (`""` for a top-level module).
pub fn parent(module: &str) -> &str {
    module.rsplit_once("::").map_or("", |(p, _)| p)
}

fn join(prefix: &str, name: &str) -> String {
    if prefix.is_empty() {
        name.to_owned()
    } else {
        format!("{prefix}::{name}")
    }
}

/// Whether `ancestor` holds `module` (the root holds every other module).
pub fn is_ancestor(ancestor: &str, module: &str) -> bool {
    module != ancestor && (ancestor.is_empty() || module.starts_with(&format!("{ancestor}::")))
}

/// Shown in messages: the root as `crate`.
pub fn show(module: &str) -> &str {
    if module.is_empty() {
        "crate"
    } else {
        module
    }
}

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
fn item_end(code: &[u8], from: usize) -> usize {
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
fn block_end(code: &[u8], open: usize, left: u8, right: u8) -> usize {
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
fn cfg_test(attr: &str) -> bool {
    let inner = attr.split_whitespace().collect::<String>();
    inner.starts_with("#[cfg(") && inner.contains("test") && !inner.contains("not(test")
}

/// A `mod` declaration of a file: its name, its `#[path]` if any, whether only for tests.
struct Declared {
    name: String,
    path: Option<String>,
    test: bool,
}

/// The code of a file less its `#[cfg(test)]` items, and the `mod NAME;` it declares (read
/// from the original text, for the `#[path]` strings).
fn split_tests(text: &str) -> (String, Vec<Declared>) {
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
fn module_of(relative: &str) -> Option<String> {
    let name = relative.strip_suffix(".rs")?;
    Some(match name {
        "lib" | "main" => String::new(),
        n => n.strip_suffix("/mod").unwrap_or(n).replace('/', "::"),
    })
}

/// Every `.rs` file under `dir`, relative to it, `/`-separated.
fn rust_files(dir: &Path) -> Vec<String> {
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

fn ident_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// One module's code, an inline `mod NAME { … }` being a module of its own: its path, the file
/// module it is in, where its code starts in the file, and the code (inner modules blanked).
struct Scope {
    module: String,
    file_module: String,
    file: String,
    offset: usize,
    code: String,
}

/// `code` (of `module`, starting at `offset` in its file) with the inline modules it holds
/// blanked, then those inline modules, recursively.
fn scopes(module: &str, file_module: &str, file: &str, code: &str, offset: usize) -> Vec<Scope> {
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
struct Entry {
    segments: Vec<String>,
    alias: Option<String>,
    glob: bool,
}

/// A `use` statement: where it starts, whether it re-exports (`pub use`), what it brings in.
struct Use {
    at: usize,
    public: bool,
    entries: Vec<Entry>,
}

/// The entries of a use tree (`a::{b, c::d as e, f::*}`) under `prefix`.
fn entries(tree: &str, prefix: &[String], out: &mut Vec<Entry>) {
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
fn uses(code: &str) -> (Vec<Use>, String) {
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

/// What a module makes visible by `pub use`: each name with the module it comes from (and
/// its name there, `None` for a module), and the modules it re-exports whole.
#[derive(Default)]
struct Exports {
    named: BTreeMap<String, (String, Option<String>)>,
    globs: Vec<String>,
}

struct Resolver {
    known: BTreeSet<String>,
    exports: BTreeMap<String, Exports>,
    code: BTreeMap<String, String>,
}

impl Resolver {
    /// The module a path's leading segments name, read in `scope` (with its `use` aliases of
    /// modules), and the segments left after it; `None` for a path outside the crate.
    fn resolve<'s>(
        &self,
        scope: &str,
        aliases: &BTreeMap<String, String>,
        segments: &'s [String],
    ) -> Option<(String, &'s [String])> {
        let first = segments.first()?;
        let mut base = match first.trim_start_matches('$') {
            "crate" => String::new(),
            "self" => scope.to_owned(),
            "super" => parent(scope).to_owned(),
            s if self.known.contains(&join(scope, s)) => join(scope, s),
            s => aliases.get(s)?.clone(),
        };
        let mut used = 1;
        for s in &segments[1..] {
            match s.as_str() {
                "super" => base = parent(&base).to_owned(),
                "self" => {}
                s if self.known.contains(&join(&base, s)) => base = join(&base, s),
                _ => break,
            }
            used += 1;
        }
        Some((base, &segments[used..]))
    }

    fn defines(&self, module: &str, item: &str) -> bool {
        let Some(code) = self.code.get(module) else {
            return false;
        };
        let kinds = [
            "struct",
            "enum",
            "fn",
            "trait",
            "type",
            "const",
            "static",
            "union",
            "macro_rules!",
        ];
        kinds.iter().any(|k| {
            let needle = format!("{k} {item}");
            code.match_indices(&needle).any(|(at, _)| {
                let before = code[..at].bytes().last();
                let after = code.as_bytes().get(at + needle.len()).copied();
                !before.is_some_and(ident_char) && !after.is_some_and(ident_char)
            })
        })
    }

    /// The module that holds `item` of `module`: through its `pub use` re-exports to where
    /// the item is defined.
    fn follow(&self, mut module: String, mut item: String) -> String {
        for _ in 0..16 {
            if self.known.contains(&join(&module, &item)) {
                return join(&module, &item);
            }
            let Some(exports) = self.exports.get(&module) else {
                return module;
            };
            if let Some((from, name)) = exports.named.get(&item) {
                match name {
                    Some(name) => {
                        (module, item) = (from.clone(), name.clone());
                        continue;
                    }
                    None => return from.clone(),
                }
            }
            if self.defines(&module, &item) {
                return module;
            }
            let glob = exports.globs.iter().find(|g| {
                self.defines(g, &item)
                    || self
                        .exports
                        .get(*g)
                        .is_some_and(|e| e.named.contains_key(&item))
            });
            match glob {
                Some(g) => module = g.clone(),
                None => return module,
            }
        }
        module
    }

    /// Where a path leads: the module it names, or the one holding the item after it.
    fn target(&self, base: String, rest: &[String]) -> String {
        match rest.first() {
            Some(item) => self.follow(base, item.clone()),
            None => base,
        }
    }
}

/// The graph of the crate whose sources are in `src`.
pub fn crate_graph(src: &Path) -> Graph {
    let mut files = rust_files(src);
    if files.iter().any(|f| f == "lib.rs") {
        // `main.rs` beside a library is a crate of its own, which uses the library by name.
        files.retain(|f| f != "main.rs");
    }
    files.retain(|f| !f.starts_with("bin/"));
    let texts: BTreeMap<String, String> = files
        .iter()
        .map(|f| {
            (
                f.clone(),
                fs::read_to_string(src.join(f)).unwrap_or_default(),
            )
        })
        .collect();
    // What each file declares: the test files to leave out, the `#[path]` files to place.
    let mut test_files: BTreeSet<String> = BTreeSet::new();
    let mut placed: BTreeMap<String, String> = BTreeMap::new();
    let mut kept_code: BTreeMap<String, String> = BTreeMap::new();
    for (file, text) in &texts {
        let (kept, declared) = split_tests(text);
        kept_code.insert(file.clone(), kept);
        let Some(module) = module_of(file) else {
            continue;
        };
        let own_dir = match file.rsplit_once('/') {
            Some((d, _)) => format!("{d}/"),
            None => String::new(),
        };
        let root_like = matches!(
            file.rsplit('/').next(),
            Some("mod.rs" | "lib.rs" | "main.rs")
        );
        for d in declared {
            let target = match &d.path {
                Some(p) => format!("{own_dir}{p}"),
                None if root_like => format!("{own_dir}{}.rs", d.name),
                None => format!("{}/{}.rs", file.trim_end_matches(".rs"), d.name),
            };
            let alt = target.trim_end_matches(".rs").to_owned() + "/mod.rs";
            for t in [target, alt] {
                if d.test {
                    test_files.insert(t);
                } else if d.path.is_some() {
                    placed.insert(t, join(&module, &d.name));
                }
            }
        }
    }
    let mut module_file: BTreeMap<String, String> = BTreeMap::new();
    for file in &files {
        if test_files.contains(file) {
            continue;
        }
        let module = match placed.get(file) {
            Some(m) => m.clone(),
            None => match module_of(file) {
                Some(m) => m,
                None => continue,
            },
        };
        module_file.insert(module, file.clone());
    }
    // Every scope (file modules and the inline modules in them), its `use`s and the rest.
    let mut all: Vec<(Scope, Vec<Use>, String)> = Vec::new();
    for (module, file) in &module_file {
        for scope in scopes(module, module, file, &kept_code[file], 0) {
            let (found, rest) = uses(&scope.code);
            all.push((scope, found, rest));
        }
    }
    let mut resolver = Resolver {
        known: all.iter().map(|(s, _, _)| s.module.clone()).collect(),
        exports: BTreeMap::new(),
        code: all
            .iter()
            .map(|(s, _, _)| (s.module.clone(), s.code.clone()))
            .collect(),
    };
    let owner: BTreeMap<String, String> = all
        .iter()
        .map(|(s, _, _)| (s.module.clone(), s.file_module.clone()))
        .collect();
    // The re-exports, before anything is followed through them.
    let no_alias = BTreeMap::new();
    for (scope, found, _) in &all {
        let mut exports = Exports::default();
        for u in found.iter().filter(|u| u.public) {
            for e in &u.entries {
                let Some((base, rest)) = resolver.resolve(&scope.module, &no_alias, &e.segments)
                else {
                    continue;
                };
                if e.glob && rest.is_empty() {
                    exports.globs.push(base);
                } else if let Some(last) = e.segments.last() {
                    let name = e.alias.clone().unwrap_or_else(|| last.clone());
                    let item = (!rest.is_empty()).then(|| rest[rest.len() - 1].clone());
                    exports.named.insert(name, (base, item));
                }
            }
        }
        resolver.exports.insert(scope.module.clone(), exports);
    }
    let mut edges = Vec::new();
    for (scope, found, rest_code) in &all {
        let line = |at: usize| {
            let code = &kept_code[&scope.file];
            code[..(scope.offset + at).min(code.len())]
                .matches('\n')
                .count()
                + 1
        };
        let mut edge = |to: String, at: usize| {
            let to = owner.get(&to).cloned().unwrap_or(to);
            if to != scope.file_module {
                edges.push(Edge {
                    from: scope.file_module.clone(),
                    to,
                    at: format!("{}:{}", scope.file, line(at)),
                });
            }
        };
        let mut aliases = BTreeMap::new();
        for u in found {
            for e in &u.entries {
                let Some((base, rest)) = resolver.resolve(&scope.module, &aliases, &e.segments)
                else {
                    continue;
                };
                if rest.is_empty() && !e.glob {
                    if let Some(last) = e.segments.last() {
                        let name = e.alias.clone().unwrap_or_else(|| last.clone());
                        aliases.insert(name, base.clone());
                    }
                }
                // A re-export is the module's façade, not its use of what it re-exports: who
                // imports the name through it gets the edge to where it comes from.
                if !u.public {
                    edge(resolver.target(base, rest), u.at);
                }
            }
        }
        for (at, segments) in paths(rest_code) {
            if let Some((base, rest)) = resolver.resolve(&scope.module, &aliases, &segments) {
                edge(resolver.target(base, rest), at);
            }
        }
    }
    edges.sort();
    edges.dedup_by(|a, b| a.from == b.from && a.to == b.to);
    Graph {
        modules: module_file,
        edges,
    }
}

/// Every path of two segments or more in `code` (`a::b`, `crate::x::Y`), with where it starts:
/// a path's head is not after `::` or `.` (a method's turbofish).
fn paths(code: &str) -> Vec<(usize, Vec<String>)> {
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

/// The strongly connected components of more than one node in `edges` (Tarjan's), each sorted,
/// in order.
pub fn cycles(edges: &[(String, String)]) -> Vec<Vec<String>> {
    let mut nodes: BTreeSet<&str> = BTreeSet::new();
    for (a, b) in edges {
        nodes.insert(a);
        nodes.insert(b);
    }
    let nodes: Vec<&str> = nodes.into_iter().collect();
    let index_of = |n: &str| nodes.binary_search(&n).expect("a node");
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
    for (a, b) in edges {
        out[index_of(a)].push(index_of(b));
    }
    struct Tarjan<'a> {
        out: &'a [Vec<usize>],
        index: Vec<Option<usize>>,
        low: Vec<usize>,
        on_stack: Vec<bool>,
        stack: Vec<usize>,
        next: usize,
        found: Vec<Vec<usize>>,
    }
    impl Tarjan<'_> {
        fn visit(&mut self, v: usize) {
            self.index[v] = Some(self.next);
            self.low[v] = self.next;
            self.next += 1;
            self.stack.push(v);
            self.on_stack[v] = true;
            for k in 0..self.out[v].len() {
                let w = self.out[v][k];
                match self.index[w] {
                    None => {
                        self.visit(w);
                        self.low[v] = self.low[v].min(self.low[w]);
                    }
                    Some(iw) if self.on_stack[w] => self.low[v] = self.low[v].min(iw),
                    Some(_) => {}
                }
            }
            if Some(self.low[v]) == self.index[v] {
                let mut component = Vec::new();
                while let Some(w) = self.stack.pop() {
                    self.on_stack[w] = false;
                    component.push(w);
                    if w == v {
                        break;
                    }
                }
                if component.len() > 1 {
                    self.found.push(component);
                }
            }
        }
    }
    let mut t = Tarjan {
        out: &out,
        index: vec![None; nodes.len()],
        low: vec![0; nodes.len()],
        on_stack: vec![false; nodes.len()],
        stack: Vec::new(),
        next: 0,
        found: Vec::new(),
    };
    for v in 0..nodes.len() {
        if t.index[v].is_none() {
            t.visit(v);
        }
    }
    let mut found: Vec<Vec<String>> = t
        .found
        .into_iter()
        .map(|c| {
            let mut names: Vec<String> = c.into_iter().map(|i| nodes[i].to_owned()).collect();
            names.sort();
            names
        })
        .collect();
    found.sort();
    found
}

impl Graph {
    /// Whether `module` is a folder: a module with children.
    pub fn is_folder(&self, module: &str) -> bool {
        let prefix = format!("{}::", module);
        self.modules.keys().any(|m| {
            if module.is_empty() {
                !m.is_empty()
            } else {
                m.starts_with(&prefix)
            }
        })
    }

    /// The cycles between files, each with the edges inside it. A file's use of its own
    /// ancestors (`use super::Departure` in `record/presence.rs`, `use crate::DecodeError`) is
    /// not counted: a child module is a part of its parent, which it sees as its context (Rust
    /// gives it the parent's private items for that reason), while the parent that declares it
    /// uses it as one of its parts. Counting both ways would make a cycle of every parent that
    /// shares a type with the parts it is made of; the parent's use of its children, and every
    /// edge between modules neither of which holds the other, are counted.
    pub fn file_cycles(&self) -> Vec<(Vec<String>, Vec<Edge>)> {
        let counted: Vec<&Edge> = self
            .edges
            .iter()
            .filter(|e| !is_ancestor(&e.to, &e.from))
            .collect();
        let pairs: Vec<(String, String)> = counted
            .iter()
            .map(|e| (e.from.clone(), e.to.clone()))
            .collect();
        cycles(&pairs)
            .into_iter()
            .map(|c| {
                let inside = counted
                    .iter()
                    .filter(|e| c.contains(&e.from) && c.contains(&e.to))
                    .map(|e| (*e).clone())
                    .collect();
                (c, inside)
            })
            .collect()
    }

    /// The edges between sibling modules (the two children of the modules' common parent
    /// that hold each end), for every file edge whose ends part under a common parent.
    pub fn sibling_edges(&self) -> Vec<(String, String, Edge)> {
        let mut out = Vec::new();
        for e in &self.edges {
            let a: Vec<&str> = e.from.split("::").filter(|s| !s.is_empty()).collect();
            let b: Vec<&str> = e.to.split("::").filter(|s| !s.is_empty()).collect();
            let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
            if common < a.len() && common < b.len() {
                out.push((a[..=common].join("::"), b[..=common].join("::"), e.clone()));
            }
        }
        out
    }

    /// The cycles between folders: among the children of one module, cycles that take in at
    /// least one folder (cycles of files alone are [`Graph::file_cycles`]).
    pub fn folder_cycles(&self) -> Vec<(Vec<String>, Vec<Edge>)> {
        let siblings = self.sibling_edges();
        let pairs: Vec<(String, String)> = siblings
            .iter()
            .map(|(a, b, _)| (a.clone(), b.clone()))
            .collect();
        let found: Vec<Vec<String>> = cycles(&pairs)
            .into_iter()
            .filter(|c| c.iter().any(|m| self.is_folder(m)))
            .collect();
        found
            .into_iter()
            .map(|c| {
                let inside: Vec<Edge> = siblings
                    .iter()
                    .filter(|(a, b, _)| c.contains(a) && c.contains(b))
                    .map(|(a, b, e)| Edge {
                        from: a.clone(),
                        to: b.clone(),
                        at: format!("{} -> {} at {}", show(&e.from), show(&e.to), e.at),
                    })
                    .collect();
                (c, inside)
            })
            .collect()
    }

    /// The imports from a lower layer to a higher one: `layers` lists top-level modules from
    /// the lowest layer up. Also fails on a top-level module the table does not place.
    pub fn upward_imports(&self, layers: &[&[&str]]) -> Result<Vec<Edge>, String> {
        let layer_of = |m: &str| {
            let top = m.split("::").next().unwrap_or("");
            layers.iter().position(|l| l.contains(&top))
        };
        for m in self.modules.keys() {
            if !m.is_empty() && layer_of(m).is_none() {
                return Err(format!(
                    "the top-level module `{}` is in no layer: add it to the table",
                    m.split("::").next().unwrap_or("")
                ));
            }
        }
        Ok(self
            .edges
            .iter()
            .filter(|e| match (layer_of(&e.from), layer_of(&e.to)) {
                (Some(a), Some(b)) => a < b,
                _ => false,
            })
            .cloned()
            .collect())
    }
}

/// A report of cycles, one per line with its edges, for a failure message.
pub fn describe(found: &[(Vec<String>, Vec<Edge>)]) -> String {
    let mut out = String::new();
    for (nodes, edges) in found {
        let names: Vec<&str> = nodes.iter().map(|n| show(n)).collect();
        out.push_str(&format!("\n  cycle {{{}}}:", names.join(", ")));
        for e in edges {
            out.push_str(&format!(
                "\n    {} -> {} ({})",
                show(&e.from),
                show(&e.to),
                e.at
            ));
        }
    }
    out
}

/// Every crate's source folder in the workspace at `root`: `src/`, `crates/*/src`, `xtask/src`.
pub fn workspace_crates(root: &Path) -> Vec<PathBuf> {
    let mut dirs = vec![root.join("src"), root.join("xtask/src")];
    if let Ok(entries) = fs::read_dir(root.join("crates")) {
        let mut crates: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path().join("src"))
            .filter(|p| p.is_dir())
            .collect();
        crates.sort();
        dirs.extend(crates);
    }
    dirs
}
