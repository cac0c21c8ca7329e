//! The simulator's layers, each using only those below it: the model (the platform itself,
//! without HTTP), then the faults, then the api (the platform's HTTP face). The model never
//! names the web framework, and no layer imports one above it, so the import graph between
//! them has no cycles.

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
            "super::super",
        ],
    );
}
