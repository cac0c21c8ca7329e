//! The invariants ARCHITECTURE.md states, checked over the sources as text (the simulator's own
//! layering is checked in `crates/sim/tests/layering.rs`):
//! - the protocol crate does no I/O;
//! - only the platform layer writes the console's store (the stream applies events);
//! - the repository stands alone: nothing refers to files outside it or to tracker numbers;
//! - every path README.md, ARCHITECTURE.md and docs/*.md name exists;
//! - no import cycle between files or between folders in any crate of the workspace, and the
//!   console's top-level modules import only their own layer and those below (`imports/`
//!   reads the module graph; its own test is in `layers.rs`).

mod doc_paths;
mod imports;
mod layers;

use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the workspace root")
        .to_path_buf()
}

/// Every file and folder of the repository, relative to its root, folders with a trailing `/`.
fn every_path() -> Vec<String> {
    let mut paths = Vec::new();
    let mut pending = vec![root()];
    while let Some(dir) = pending.pop() {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if path.is_dir() {
                if !matches!(name, "target" | "node_modules" | "dist" | ".git") {
                    paths.push(format!("{}/", relative(&path)));
                    pending.push(path);
                }
            } else {
                paths.push(relative(&path));
            }
        }
    }
    paths
}

/// Every file under `dir` (relative to the root) whose name ends with one of `endings`.
fn files(dir: &str, endings: &[&str]) -> Vec<(PathBuf, String)> {
    every_path()
        .into_iter()
        .filter(|p| p.starts_with(&format!("{dir}/")) && endings.iter().any(|e| p.ends_with(e)))
        .filter_map(|p| {
            let path = root().join(&p);
            fs::read_to_string(&path).ok().map(|text| (path, text))
        })
        .collect()
}

fn relative(path: &Path) -> String {
    path.strip_prefix(root())
        .unwrap_or(path)
        .display()
        .to_string()
}

#[test]
fn the_protocol_crate_does_no_io() {
    let sources = files("crates/protocol/src", &[".rs"]);
    assert!(!sources.is_empty(), "no protocol sources found");
    let io = [
        "std::fs",
        "std::net",
        "std::process",
        "std::thread",
        "std::io::stdin",
        "SystemTime",
        "Instant::now",
        "tokio",
        "web_sys",
        "println!",
        "eprintln!",
    ];
    for (path, text) in &sources {
        for word in io {
            assert!(!text.contains(word), "{} uses {word}", relative(path));
        }
    }
    // Its only dependencies are serde's: no I/O can come in through one.
    let manifest = fs::read_to_string(root().join("crates/protocol/Cargo.toml")).unwrap();
    let deps = manifest
        .split("[dependencies]")
        .nth(1)
        .and_then(|rest| rest.split("\n[").next())
        .unwrap_or("");
    for line in deps.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let name = line.split(['=', '.']).next().unwrap().trim();
        assert!(
            matches!(name, "serde" | "serde_json"),
            "the protocol crate depends on {name}"
        );
    }
}

#[test]
fn only_the_platform_layer_writes_the_store() {
    let sources = files("src", &[".rs"]);
    assert!(!sources.is_empty(), "no console sources found");
    for (path, text) in &sources {
        let rel = relative(path);
        let may_write = rel.starts_with("src/platform/")
            || rel.starts_with("src/state/store/")
            || rel.ends_with("_tests.rs")
            || rel.ends_with("/tests.rs");
        if !may_write {
            assert!(
                !text.contains("StoreWriter"),
                "{rel} names StoreWriter: only src/platform/ applies events to the store"
            );
        }
    }
}

/// The one command path: the platform's client lives in `src/platform/`, a request is made
/// only by the command service (`src/command/`), and no view presses another's control.
#[test]
fn commands_go_only_through_the_command_service() {
    let word = |text: &str, w: &str| {
        text.match_indices(w).any(|(i, _)| {
            let before = text[..i].chars().next_back();
            let after = text[i + w.len()..].chars().next();
            let ident = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
            !ident(before) && !ident(after)
        })
    };
    let mut checked = 0;
    for (path, text) in files("src", &[".rs"]) {
        let rel = relative(&path);
        // Tests build what they check by hand.
        if rel.ends_with("tests.rs") {
            continue;
        }
        checked += 1;
        let code: String = text
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        if !rel.starts_with("src/platform/") {
            assert!(
                !word(&code, "Api"),
                "{rel} names the platform's client: only src/platform/ holds it"
            );
            assert!(
                !code.contains(".api.") && !code.contains(".api;") && !code.contains(".api)"),
                "{rel} reaches for a session's client: send through the command service"
            );
            if !rel.starts_with("src/command/") {
                assert!(
                    !code.contains("platform::request"),
                    "{rel} makes a platform request: run an Act through the command service"
                );
            }
        }
        assert!(
            !code.contains(".click()") || rel == "src/host/download.rs",
            "{rel} clicks an element: call the service or a callback instead"
        );
        assert!(
            !code.contains("query_selector(\"[data-testid"),
            "{rel} finds another component's control by a selector: use a NodeRef or a callback"
        );
    }
    assert!(checked > 50, "only {checked} files read");
}

#[test]
fn the_repository_stands_alone() {
    // The platform's document and its notes live outside the repository; their names are spelled
    // in two parts so that this test is not itself a reference to them.
    let outside_notes = ["NOTES", ".md"].concat();
    let outside_api = ["shared", "/api"].concat();
    let mut checked = 0;
    for dir in [
        "src", "crates", "xtask", "tests", "docs", "examples", "style",
    ] {
        for (path, text) in files(dir, &[".rs", ".md", ".html", ".js", ".css", ".toml"]) {
            checked += 1;
            let rel = relative(&path);
            if rel == "xtask/tests/architecture/main.rs" {
                continue;
            }
            for (n, line) in text.lines().enumerate() {
                let lower = line.to_lowercase();
                let outside = line.contains(&outside_notes) || lower.contains(&outside_api);
                let tracker = lower
                    .match_indices("issue ")
                    .any(|(i, _)| lower[i + 6..].starts_with(|c: char| c.is_ascii_digit()));
                assert!(
                    !outside && !tracker,
                    "{rel}:{}: refers outside the repository: {line}",
                    n + 1
                );
            }
        }
    }
    for file in ["README.md", "ARCHITECTURE.md"] {
        let text = fs::read_to_string(root().join(file)).unwrap();
        assert!(
            !text.contains(&outside_notes),
            "{file} names {outside_notes}"
        );
    }
    assert!(checked > 50, "only {checked} files read");
}
