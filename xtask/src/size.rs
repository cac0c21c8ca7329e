//! `cargo xtask size`: what the release console weighs (raw, gzip, brotli per file and in
//! total), what the bytes of its module are (twiggy.rs), and how long a cold load takes to an
//! interactive join page. The `size` step of `cargo xtask test` checks the gzipped sizes
//! against the budget in `size-budget.txt`.

use std::path::Path;

use crate::dist::{self, is_compressed, CONFIG};
use crate::e2e::World;
use crate::install;
use crate::procs::run;
use crate::util::{cargo, heading, root};

const BUDGET: &str = "size-budget.txt";
/// How far over its budget a kind may grow before the step fails.
const TOLERANCE_PERCENT: u64 = 5;

/// One shipped file: its name, kind (wasm, js, css, html) and sizes.
struct Sized {
    name: String,
    kind: &'static str,
    raw: u64,
    gz: u64,
    br: u64,
}

/// The first module (`huikong-<hash>_bg.wasm`) is `wasm`: the join page waits for it. The
/// parts split off it (split.rs) are `lazy-wasm`: fetched once the join page is up.
fn kind_of(name: &str) -> &'static str {
    match name.rsplit('.').next() {
        Some("wasm") if name.ends_with("_bg.wasm") => "wasm",
        Some("wasm") => "lazy-wasm",
        Some("js") => "js",
        Some("css") => "css",
        Some("html") => "html",
        _ => "other",
    }
}

fn len(path: &Path) -> Result<u64, String> {
    std::fs::metadata(path)
        .map(|m| m.len())
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// Every file of the build but `config.json` (the deployment's), with its compressed copies.
fn measure(dist: &Path) -> Result<Vec<Sized>, String> {
    let mut out = Vec::new();
    for name in dist::files_of(dist)? {
        if name == CONFIG || is_compressed(&name) {
            continue;
        }
        let file = dist.join(&name);
        out.push(Sized {
            kind: kind_of(&name),
            raw: len(&file)?,
            gz: len(&file.with_file_name(format!("{name}.gz")))?,
            br: len(&file.with_file_name(format!("{name}.br")))?,
            name,
        });
    }
    Ok(out)
}

fn print_table(files: &[Sized]) {
    println!(
        "{:<40} {:>10} {:>10} {:>10}",
        "file", "raw", "gzip", "brotli"
    );
    for f in files {
        println!("{:<40} {:>10} {:>10} {:>10}", f.name, f.raw, f.gz, f.br);
    }
    let total = |pick: fn(&Sized) -> u64| files.iter().map(pick).sum::<u64>();
    println!(
        "{:<40} {:>10} {:>10} {:>10}",
        "total",
        total(|f| f.raw),
        total(|f| f.gz),
        total(|f| f.br)
    );
}

/// `kind bytes` lines of the budget file (`#` starts a comment).
fn read_budget() -> Result<Vec<(String, u64)>, String> {
    let path = root().join(BUDGET);
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut budget = Vec::new();
    for line in text
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
    {
        if line.is_empty() {
            continue;
        }
        let mut words = line.split_whitespace();
        let (Some(kind), Some(bytes), None) = (words.next(), words.next(), words.next()) else {
            return Err(format!("{BUDGET}: `{line}` is not `KIND BYTES`"));
        };
        let bytes = bytes
            .parse()
            .map_err(|_| format!("{BUDGET}: `{bytes}` is not a number of bytes"))?;
        budget.push((kind.to_string(), bytes));
    }
    Ok(budget)
}

/// Every kind over its budget by more than the tolerance, naming its files; a kind shipped
/// without a budget fails too, so a new kind of file is a deliberate edit as well.
fn check_budget(files: &[Sized], budget: &[(String, u64)]) -> Result<(), String> {
    let mut over = Vec::new();
    let mut kinds: Vec<&str> = files.iter().map(|f| f.kind).collect();
    kinds.sort();
    kinds.dedup();
    for kind in kinds {
        let of_kind: Vec<&Sized> = files.iter().filter(|f| f.kind == kind).collect();
        let gz: u64 = of_kind.iter().map(|f| f.gz).sum();
        let names: Vec<String> = of_kind
            .iter()
            .map(|f| format!("{} ({} B gzipped)", f.name, f.gz))
            .collect();
        let Some((_, limit)) = budget.iter().find(|(k, _)| k == kind) else {
            over.push(format!(
                "{kind} has no budget in {BUDGET}: {}",
                names.join(", ")
            ));
            continue;
        };
        let allowed = limit + limit * TOLERANCE_PERCENT / 100;
        println!(
            "  {kind:<5} {gz:>8} B gzipped, budget {limit} B (+{TOLERANCE_PERCENT}%: {allowed} B)"
        );
        if gz > allowed {
            over.push(format!(
                "{kind}: {gz} B gzipped is more than {TOLERANCE_PERCENT}% over the budget of \
                 {limit} B in {BUDGET}: {}",
                names.join(", ")
            ));
        }
    }
    if over.is_empty() {
        Ok(())
    } else {
        Err(over.join("; "))
    }
}

/// The `size` step of `cargo xtask test`: the release build against the budget, and its
/// split module in the browser (tests/e2e/split.rs: the debug build the e2e step uses is one
/// module).
pub fn step() -> Result<Option<String>, String> {
    let dist = dist::test_dist();
    dist::release(&dist)?;
    let files = measure(&dist)?;
    print_table(&files);
    heading(&format!("gzipped sizes against {BUDGET}"));
    check_budget(&files, &read_budget()?)?;
    heading("the split module in the browser");
    browser_tests(&dist, "split::", &[crate::e2e::TEST_THREADS])?;
    Ok(None)
}

/// The browser suite's ignored tests matching `filter` against the build in `dist`.
fn browser_tests(dist: &Path, filter: &str, args: &[&str]) -> Result<(), String> {
    install::test_tools()?;
    let world = World::with_dist(dist)?;
    let mut command = cargo();
    command
        .args(["test", "-p", "huikong", "--test", "e2e", filter])
        .args(["--", "--ignored"])
        .args(args);
    world.env(&mut command);
    let result = run(&format!("cargo test ({filter})"), &mut command);
    world.stop();
    result
}

/// `cargo xtask size`: the table, the module's biggest items, the budget, the cold load.
pub fn main(args: &[String]) -> Result<(), String> {
    if !args.is_empty() {
        return Err(format!("size takes no arguments, got {args:?}"));
    }
    install::test_tools()?;
    let dist = dist::test_dist();
    dist::release(&dist)?;
    heading("the release console's files (bytes)");
    let files = measure(&dist)?;
    print_table(&files);
    crate::twiggy::report()?;
    heading(&format!("gzipped sizes against {BUDGET}"));
    let budget = check_budget(&files, &read_budget()?);
    cold_load(&dist)?;
    budget
}

/// The cold-load measurement: the browser suite's ignored `cold_load` test, which prints
/// `FIGURE` lines, against this release build, with and without its preload links.
fn cold_load(dist: &Path) -> Result<(), String> {
    heading("cold load to an interactive join page (median of 10)");
    browser_tests(dist, "cold_load::", &["--test-threads=1", "--nocapture"])
}
