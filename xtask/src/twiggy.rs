//! What the console's module is made of, with twiggy (crates.io, installed by `cargo xtask
//! size` when missing): its largest items, and its bytes summed by crate.

use std::collections::BTreeMap;
use std::path::Path;

use crate::procs::run;
use crate::util::{capture, cargo, cargo_bin_dir, cmd, heading};

const VERSION: &str = "0.8.0";
/// Not shipped: wasm-opt drops the names before the module reaches a browser.
const NAMES: &str = "\"function names\" subsection";

/// The first module (what the join page waits for) as wasm-bindgen left it, before wasm-opt:
/// the last one with names. Its sizes are somewhat larger than the shipped module's; the
/// proportions are what count.
fn module() -> std::path::PathBuf {
    crate::split::work_dir().join("bound/huikong_bg.wasm")
}

/// The parts split off the first module, as wasm-split-cli cut them (before wasm-opt, with
/// their names): `split_<name>.wasm`.
fn parts() -> Vec<std::path::PathBuf> {
    let cut = crate::split::work_dir().join("cut");
    let mut parts: Vec<_> = std::fs::read_dir(cut)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("split_"))
        })
        .collect();
    parts.sort();
    parts
}

pub fn report() -> Result<(), String> {
    let twiggy = cargo_bin_dir().join("twiggy");
    let current = capture(cmd(&twiggy).arg("--version")).is_some_and(|v| v.contains(VERSION));
    if !current {
        heading(&format!("installing twiggy {VERSION}"));
        run(
            "cargo install twiggy",
            cargo().args(["install", "twiggy", "--locked", "--version", VERSION]),
        )?;
    }
    let module = module();
    heading(&format!(
        "the module's 20 largest items (twiggy top {}, before wasm-opt)",
        module.display()
    ));
    run(
        "twiggy top",
        cmd(&twiggy).args(["top", "-n", "20"]).arg(&module),
    )?;
    by_crate(&twiggy, &module, "the first module")?;
    for part in parts() {
        let name = part.file_name().map(|n| n.to_string_lossy().into_owned());
        by_crate(
            &twiggy,
            &part,
            &format!("the split-off part {}", name.unwrap_or_default()),
        )?;
    }
    Ok(())
}

/// Every item's bytes added up by the crate its name starts with.
fn by_crate(twiggy: &Path, module: &Path, which: &str) -> Result<(), String> {
    let csv = capture(cmd(twiggy).args(["top", "--format", "csv"]).arg(module))
        .ok_or("twiggy top --format csv failed")?;
    let mut sums: BTreeMap<String, u64> = BTreeMap::new();
    for line in csv.lines().skip(1) {
        let (name, rest) = split_name(line);
        if name == NAMES {
            continue;
        }
        let bytes: u64 = rest
            .split(',')
            .next()
            .and_then(|b| b.parse().ok())
            .unwrap_or(0);
        *sums.entry(crate_of(&name)).or_default() += bytes;
    }
    let total: u64 = sums.values().sum();
    let mut rows: Vec<(String, u64)> = sums.into_iter().collect();
    rows.sort_by_key(|r| std::cmp::Reverse(r.1));
    heading(&format!(
        "{which}: bytes by crate (function names left out: they are not shipped)"
    ));
    for (name, bytes) in rows.iter().take(15) {
        let percent = *bytes as f64 * 100.0 / total.max(1) as f64;
        println!("{bytes:>10} {percent:>5.1}%  {name}");
    }
    println!("{total:>10} 100.0%  total");
    Ok(())
}

/// The first CSV field, unquoted, and the rest of the line after its comma.
fn split_name(line: &str) -> (String, &str) {
    let Some(quoted) = line.strip_prefix('"') else {
        return match line.split_once(',') {
            Some((name, rest)) => (name.to_string(), rest),
            None => (line.to_string(), ""),
        };
    };
    let mut name = String::new();
    let mut chars = quoted.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c != '"' {
            name.push(c);
        } else if chars.peek().map(|&(_, n)| n) == Some('"') {
            name.push('"');
            chars.next();
        } else {
            return (name, quoted[i + 1..].trim_start_matches(','));
        }
    }
    (name, "")
}

/// The crate of an item: the identifier before the first `::` in its name (`tachys` for
/// `<T as tachys::view::IntoAny>::into_any`, `core` for `core[c5930c85a12de822]::fmt`); items
/// without a path (data segments, tables, imports) by what they are.
fn crate_of(name: &str) -> String {
    if name.starts_with("data segment") {
        return "data segments".into();
    }
    let Some(at) = name.find("::") else {
        return "other (tables, imports, glue)".into();
    };
    let mut before = &name[..at];
    // A v0-mangled crate name carries its disambiguator: `core[c5930c85a12de822]`.
    if before.ends_with(']') {
        before = before.rfind('[').map_or(before, |i| &before[..i]);
    }
    let start = before
        .rfind(|c: char| !(c.is_alphanumeric() || c == '_'))
        .map_or(0, |i| i + 1);
    match &before[start..] {
        "" => "other (tables, imports, glue)".into(),
        krate => krate.to_string(),
    }
}
