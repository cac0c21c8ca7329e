//! Which test files of the console run where: `tests/e2e*` and `tests/chaos` drive a real
//! browser from native code; every other test file runs inside wasm.

use crate::util::root;

/// Integration test files of the console: `tests/NAME.rs` or `tests/NAME/main.rs`.
fn console_tests() -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(root().join("tests")) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .flatten()
        .filter_map(|entry| {
            let path = entry.path();
            let name = path.file_stem()?.to_str()?.to_string();
            let is_test = (path.is_file() && path.extension().is_some_and(|e| e == "rs"))
                || path.join("main.rs").is_file();
            is_test.then_some(name)
        })
        .collect();
    names.sort();
    names
}

/// Whether a console test file is native code driving a browser.
fn drives_a_browser(name: &str) -> bool {
    name.starts_with("e2e") || name == "chaos"
}

/// The native browser-driving test targets (`e2e*` and `chaos`).
pub fn e2e_targets() -> Vec<String> {
    console_tests()
        .into_iter()
        .filter(|n| drives_a_browser(n))
        .collect()
}

/// Cargo target selection for the wasm-bindgen tests: the console itself and every
/// non-e2e test file.
pub fn wasm_target_args() -> Vec<String> {
    let mut args = vec!["--bins".to_string()];
    if root().join("src/lib.rs").is_file() {
        args.push("--lib".into());
    }
    for name in console_tests().into_iter().filter(|n| !drives_a_browser(n)) {
        args.push("--test".into());
        args.push(name);
    }
    args
}
