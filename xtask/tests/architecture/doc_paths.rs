//! Every path README.md, ARCHITECTURE.md and docs/*.md name exists.

use super::{every_path, root};
use std::fs;

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
