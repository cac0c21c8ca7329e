//! The invariants ARCHITECTURE.md states, checked over the sources as text (the simulator's own
//! layering is checked in `crates/sim/tests/layering.rs`):
//! - the protocol crate does no I/O;
//! - only the platform layer writes the console's store (the stream applies events);
//! - the repository stands alone: nothing refers to files outside it or to tracker numbers;
//! - every path README.md, ARCHITECTURE.md and docs/*.md name exists;
//! - no import cycle between files or between folders in any crate of the workspace, and the
//!   console's top-level modules import only their own layer and those below (`imports.rs`
//!   reads the module graph; its own test is here too).

mod imports;

use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the workspace root")
        .to_path_buf()
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
            if rel == "xtask/tests/architecture.rs" {
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

/// Whether a span of a doc (in backticks, or a link's target) names a file of the repository:
/// it has a `/` or ends with a known extension; URLs, globs, placeholders (`<id>`, `{room}`),
/// options and API paths (`/api/…`), and the build's outputs under `target/` or `dist/` are not
/// files of the repository.
fn names_a_repository_path(span: &str) -> bool {
    const EXTENSIONS: [&str; 10] = [
        ".rs", ".md", ".toml", ".json", ".html", ".css", ".png", ".js", ".txt", ".sh",
    ];
    // Media types (`application/wasm`), and the folders of other systems the docs name.
    const MEDIA_TYPES: [&str; 7] = [
        "application/",
        "text/",
        "image/",
        "font/",
        "audio/",
        "video/",
        "multipart/",
    ];
    const ELSEWHERE: [&str; 2] = ["sites-enabled/", "sites-available/"];
    !span.is_empty()
        && !MEDIA_TYPES.iter().any(|m| span.starts_with(m))
        && !ELSEWHERE.iter().any(|e| span.starts_with(e))
        && !span.contains("://")
        && !span.starts_with("mailto:")
        && !span.contains([
            ' ', '*', '{', '}', '(', ')', ':', '<', '>', '=', '$', '?', '&', '"', '\'',
        ])
        && !span.starts_with(['/', '.', '-', '#', '~'])
        && !span.starts_with("target/")
        && !span.starts_with("dist/")
        && !span.contains("/target/")
        && (span.contains('/') || EXTENSIONS.iter().any(|e| span.ends_with(e)))
}

/// The spans of a markdown text that may name paths: every `code` span, and every link's
/// target (`[text](target)`, without its `#anchor`), each with whether it is a link.
fn doc_spans(text: &str) -> Vec<(String, bool)> {
    let mut spans = Vec::new();
    // Code blocks are commands and examples, not references: only their inline spans count.
    let mut prose = String::new();
    let mut fenced = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if !fenced {
            prose.push_str(line);
            prose.push('\n');
        }
    }
    for span in prose.split('`').skip(1).step_by(2) {
        spans.push((span.to_string(), false));
    }
    let outside_code: String = prose.split('`').step_by(2).collect::<Vec<_>>().join(" ");
    for (at, _) in outside_code.match_indices("](") {
        let rest = &outside_code[at + 2..];
        if let Some(end) = rest.find(')') {
            let target = rest[..end].split('#').next().unwrap_or("").trim();
            let target = target.strip_prefix("./").unwrap_or(target);
            if !target.is_empty() {
                spans.push((target.to_string(), true));
            }
        }
    }
    spans
}

/// `path` (relative to `base`, a folder of the repository) with `..` and `.` resolved.
fn normalise(base: &str, path: &str) -> String {
    let mut parts: Vec<&str> = base.split('/').filter(|p| !p.is_empty()).collect();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

/// The docs name paths from the root (`crates/sim/src/model/`) or, inside a folder's section,
/// from that folder (`store/writer.rs`, `event.rs`): each must be the end of a real path. A
/// link's target is relative to its doc's folder, as a reader's browser takes it.
#[test]
fn every_path_the_docs_name_exists() {
    let paths = every_path();
    let mut docs = vec!["README.md".to_string(), "ARCHITECTURE.md".to_string()];
    let mut in_docs: Vec<String> = paths
        .iter()
        .filter(|p| p.starts_with("docs/") && p.ends_with(".md") && !p[5..].contains('/'))
        .cloned()
        .collect();
    in_docs.sort();
    assert!(!in_docs.is_empty(), "no docs/*.md found");
    docs.extend(in_docs);
    let exists = |p: &str| {
        let p = p.trim_end_matches('/');
        paths
            .iter()
            .map(|q| q.trim_end_matches('/'))
            .any(|q| q == p || q.ends_with(&format!("/{p}")))
    };
    let mut missing = Vec::new();
    let mut named = 0;
    for doc in &docs {
        let text = fs::read_to_string(root().join(doc)).unwrap();
        let folder = doc.rsplit_once('/').map_or("", |(d, _)| d);
        for (span, link) in doc_spans(&text) {
            let span = if link { normalise(folder, &span) } else { span };
            if !names_a_repository_path(&span) {
                continue;
            }
            named += 1;
            if !exists(&span) {
                missing.push(format!("{doc} names `{span}`, which does not exist"));
            }
        }
    }
    missing.sort();
    missing.dedup();
    assert!(missing.is_empty(), "{}", missing.join("\n"));
    assert!(named > 60, "the docs name only {named} paths");
}

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
    &["panels"],
    &["keyboard"],
    &["meeting"],
    &["join"],
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
