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

mod cycles;
mod lex;
mod paths;

pub use cycles::describe;
use lex::*;
use paths::*;

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
