//! No import circle between files or folders in any crate of the workspace, and the console's
//! top-level modules import only their own layer and those below (the analyser is
//! `xtask/tests/architecture/imports/`).

use super::{imports, relative, root};
use std::fs;
use std::path::Path;

/// The console's top-level modules, lowest layer first: a module may import its own layer and
/// those below it, never one above. A top-level module in no layer fails the test: place it.
const CONSOLE_LAYERS: &[&[&str]] = &[
    &["i18n"],
    &["host"],
    &["state"],
    &["platform"],
    &["embed", "widgets"],
    &["command"],
    &["dialogs"],
    &["list"],
    &["venues"],
    &["picture"],
    &["panels"],
    &["keyboard"],
    &["meeting"],
    &["join"],
    &["wall"],
    &["app"],
];

/// The cycles between files and between folders of the crate whose sources are in `src`, as
/// a failure message (empty: none).
fn cycles_of(src: &Path) -> String {
    let graph = imports::crate_graph(src);
    assert!(
        !graph.modules.is_empty(),
        "no modules under {}",
        relative(src)
    );
    let mut report = String::new();
    let files = graph.file_cycles();
    if !files.is_empty() {
        report.push_str(&format!(
            "\n{}: import cycles between files:{}",
            relative(src),
            imports::describe(&files)
        ));
    }
    let folders = graph.folder_cycles();
    if !folders.is_empty() {
        report.push_str(&format!(
            "\n{}: import cycles between folders:{}",
            relative(src),
            imports::describe(&folders)
        ));
    }
    report
}

#[test]
fn no_crate_but_the_console_has_an_import_cycle() {
    let crates = imports::workspace_crates(&root());
    let mut report = String::new();
    let mut checked = 0;
    for src in crates.iter().filter(|s| **s != root().join("src")) {
        checked += 1;
        report.push_str(&cycles_of(src));
    }
    assert!(checked >= 3, "only {checked} crates found: {crates:?}");
    assert!(report.is_empty(), "{report}");
}

#[test]
fn the_console_has_no_import_cycle() {
    let report = cycles_of(&root().join("src"));
    assert!(report.is_empty(), "{report}");
}

#[test]
fn the_console_imports_no_layer_above_it() {
    let graph = imports::crate_graph(&root().join("src"));
    let upward = graph
        .upward_imports(CONSOLE_LAYERS)
        .unwrap_or_else(|e| panic!("{e}"));
    let lines: Vec<String> = upward
        .iter()
        .map(|e| format!("\n  {} imports {} ({})", e.from, e.to, e.at))
        .collect();
    assert!(
        upward.is_empty(),
        "a lower layer imports a higher one:{}",
        lines.concat()
    );
}

/// The analyser on a crate written for it: clean, then with a cycle, then with an import up a
/// layer; what tests, comments and strings say is not read.
#[test]
fn the_analyser_finds_cycles_and_upward_imports() {
    let dir = std::env::temp_dir().join(format!("huikong-architecture-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    let write = |file: &str, text: &str| {
        let path = dir.join(file);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    };
    write(
        "lib.rs",
        "pub mod high;\npub mod low;\npub use low::Thing;\n",
    );
    write(
        "low/mod.rs",
        "pub mod a;\npub mod b;\n#[cfg(test)]\nmod tests;\n\
         pub struct Thing;\npub fn make() -> a::A { a::A }\n",
    );
    // A child using its parent's type, the parent using the child: a part and its whole.
    write(
        "low/a.rs",
        "use super::b::B;\nuse super::Thing;\npub struct A;\n",
    );
    write(
        "low/b.rs",
        "// crate::high::H is named in a comment only\npub struct B;\n\
         pub const S: &str = \"crate::high::H\";\n\
         #[cfg(test)]\nmod t {\n    use crate::high::H;\n}\n",
    );
    write("low/tests.rs", "use crate::high::*;\nuse super::a::A;\n");
    write(
        "high.rs",
        "use crate::low::a::A;\nuse crate::Thing;\npub struct H;\n",
    );
    let layers: &[&[&str]] = &[&["low"], &["high"]];
    let src = dir.clone();
    let clean = imports::crate_graph(&src);
    let edge = |g: &imports::Graph, from: &str, to: &str| {
        g.edges.iter().any(|e| e.from == from && e.to == to)
    };
    assert!(edge(&clean, "high", "low::a"), "{:?}", clean.edges);
    // `crate::Thing` is followed through the root's re-export to where it is defined.
    assert!(edge(&clean, "high", "low"), "{:?}", clean.edges);
    assert!(edge(&clean, "low::a", "low::b"), "{:?}", clean.edges);
    assert!(
        !clean.modules.contains_key("low::tests"),
        "a test file is left out"
    );
    assert!(clean.file_cycles().is_empty(), "{:?}", clean.file_cycles());
    assert!(
        clean.folder_cycles().is_empty(),
        "{:?}",
        clean.folder_cycles()
    );
    assert_eq!(clean.upward_imports(layers), Ok(Vec::new()));

    // b now imports a, which imports b.
    write("low/b.rs", "use super::a::A;\npub struct B;\n");
    let cyclic = imports::crate_graph(&src);
    let found = cyclic.file_cycles();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, ["low::a", "low::b"]);
    assert!(cyclic.folder_cycles().is_empty());

    // The lower layer imports the higher one: upward, and a cycle between `low/` and `high`.
    write("low/b.rs", "pub struct B;\n");
    write(
        "low/a.rs",
        "pub struct A;\npub fn up() { let _ = crate::high::H; }\n",
    );
    let upward = imports::crate_graph(&src);
    let up = upward.upward_imports(layers).unwrap();
    assert_eq!(up.len(), 1, "{up:?}");
    assert_eq!((up[0].from.as_str(), up[0].to.as_str()), ("low::a", "high"));
    assert_eq!(up[0].at, "low/a.rs:2");
    let folders = upward.folder_cycles();
    assert_eq!(folders.len(), 1, "{folders:?}");
    assert_eq!(folders[0].0, ["high", "low"]);
    // A file cycle too: high -> low::a -> high.
    assert_eq!(upward.file_cycles().len(), 1);

    // A top-level module the table does not place.
    write("lib.rs", "pub mod high;\npub mod low;\npub mod extra;\n");
    write("extra.rs", "pub struct E;\n");
    assert!(imports::crate_graph(&src)
        .upward_imports(layers)
        .unwrap_err()
        .contains("`extra`"));
    let _ = fs::remove_dir_all(&dir);
}
