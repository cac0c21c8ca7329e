//! The simulator's layers, each using only those below it: the model (the platform itself,
//! without HTTP), then the faults, then the api (the platform's HTTP face). The model never
//! names the web framework, no layer imports one above it, and no module of the library
//! imports, through any chain, one that imports it.

use std::fs;
use std::path::{Path, PathBuf};

/// Every Rust file under `src/<layer>`, with its text.
fn layer(name: &str) -> Vec<(PathBuf, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(name);
    let mut files = Vec::new();
    let mut pending = vec![dir];
    while let Some(dir) = pending.pop() {
        for entry in fs::read_dir(&dir).expect("a layer's directory") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = fs::read_to_string(&path).expect("a source file");
                files.push((path, text));
            }
        }
    }
    assert!(!files.is_empty(), "no sources under src/{name}");
    files
}

/// Asserts that no file of `layer` contains any of `forbidden`.
fn never_names(layer_name: &str, forbidden: &[&str]) {
    for (path, text) in layer(layer_name) {
        for word in forbidden {
            assert!(!text.contains(word), "{} names {word:?}", path.display());
        }
    }
}

#[test]
fn the_model_never_imports_axum() {
    never_names("model", &["axum", "tower_http"]);
}

#[test]
fn the_model_imports_no_layer_above_it() {
    never_names(
        "model",
        &[
            "crate::api",
            "crate::faults",
            "crate::config",
            "crate::background",
            "crate::scenario",
            "crate::churn",
            "super::super",
        ],
    );
}

#[test]
fn the_faults_never_import_the_api_or_what_runs_it() {
    never_names(
        "faults",
        &[
            "crate::api",
            "crate::background",
            "crate::scenario",
            "crate::churn",
            "super::super",
        ],
    );
}

/// Every module of the library (`main.rs` is another crate) by its path, with its text.
fn modules() -> Vec<(String, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    let mut pending = vec![src.clone()];
    while let Some(dir) = pending.pop() {
        for entry in fs::read_dir(&dir).expect("a source directory") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                pending.push(path);
                continue;
            }
            let relative = path.strip_prefix(&src).expect("under src");
            let name = relative.to_string_lossy().replace('\\', "/");
            let module = match name.as_str() {
                "main.rs" => continue,
                "lib.rs" => String::new(),
                n if n.ends_with("/mod.rs") => n.trim_end_matches("/mod.rs").replace('/', "::"),
                n if n.ends_with(".rs") => n.trim_end_matches(".rs").replace('/', "::"),
                _ => continue,
            };
            let text = fs::read_to_string(&path).expect("a source file");
            found.push((module, text));
        }
    }
    found
}

fn parent(module: &str) -> String {
    module
        .rsplit_once("::")
        .map_or(String::new(), |(p, _)| p.to_owned())
}

fn join(prefix: &str, name: &str) -> String {
    if prefix.is_empty() {
        name.to_owned()
    } else {
        format!("{prefix}::{name}")
    }
}

/// The modules `text` (of `module`) names through `crate::…` or `super::…` paths, each
/// resolved to the longest known module (a `{…}` group adds those of its items that are
/// modules).
fn imports(module: &str, text: &str, known: &[String]) -> Vec<String> {
    let mut found = Vec::new();
    let bytes = text.as_bytes();
    for start in ["crate::", "super::"] {
        for (at, _) in text.match_indices(start) {
            let before = at.checked_sub(1).map(|i| bytes[i]);
            if before.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b':') {
                continue;
            }
            let rest = &text[at..];
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':'))
                .unwrap_or(rest.len());
            let mut segments: Vec<&str> =
                rest[..end].split("::").filter(|s| !s.is_empty()).collect();
            let mut base = if segments[0] == "crate" {
                String::new()
            } else {
                parent(module)
            };
            segments.remove(0);
            for s in &segments {
                let next = join(&base, s);
                if !known.contains(&next) {
                    break;
                }
                base = next;
            }
            let group = rest[end..]
                .strip_prefix('{')
                .and_then(|g| g.split_once('}'));
            let mut targets = vec![base.clone()];
            if let Some((items, _)) = group {
                for item in items.split(',') {
                    let head = item.trim().split("::").next().unwrap_or("");
                    let candidate = join(&base, head);
                    if known.contains(&candidate) {
                        targets.push(candidate);
                    }
                }
            }
            found.extend(targets.into_iter().filter(|t| t != module));
        }
    }
    found
}

#[test]
fn the_import_graph_between_modules_has_no_cycles() {
    let modules = modules();
    let known: Vec<String> = modules.iter().map(|(m, _)| m.clone()).collect();
    assert!(
        known.iter().any(|m| m == "model::room::display"),
        "{known:?}"
    );
    let edges: Vec<(String, Vec<String>)> = modules
        .iter()
        .map(|(m, text)| (m.clone(), imports(m, text, &known)))
        .collect();
    let out = |m: &str| edges.iter().find(|(n, _)| n == m).map(|(_, e)| e.clone());
    // Depth first from every module; a module met again on the current path closes a cycle.
    fn visit(
        m: &str,
        path: &mut Vec<String>,
        done: &mut Vec<String>,
        out: &dyn Fn(&str) -> Option<Vec<String>>,
    ) {
        if done.iter().any(|d| d == m) {
            return;
        }
        if let Some(at) = path.iter().position(|p| p == m) {
            panic!("an import cycle: {} -> {m}", path[at..].join(" -> "));
        }
        path.push(m.to_owned());
        for next in out(m).unwrap_or_default() {
            visit(&next, path, done, out);
        }
        path.pop();
        done.push(m.to_owned());
    }
    let mut done = Vec::new();
    for m in &known {
        visit(m, &mut Vec::new(), &mut done, &out);
    }
}
