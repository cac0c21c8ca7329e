//! `cargo xtask test`: every check CI runs, in order, with a summary of which step failed.

use std::time::{Duration, Instant};

use crate::chaos;
use crate::e2e;
use crate::install::{self, CHROMEDRIVER};
use crate::nginx;
use crate::procs::run;
use crate::size;
use crate::targets::{e2e_targets, wasm_target_args};
use crate::util::{cargo, cargo_bin_dir, heading, root};

const WASM: &str = "wasm32-unknown-unknown";

enum Outcome {
    Passed,
    Skipped(String),
    Failed(String),
}

/// A step either ran (`Ok(None)`), had nothing to run (`Ok(Some(why))`), or failed.
type StepResult = Result<Option<String>, String>;
/// (selector for `cargo xtask test NAME...`, title, the step)
type Step = (&'static str, &'static str, fn() -> StepResult);

const STEPS: [Step; 9] = [
    ("fmt", "cargo fmt --check", fmt),
    ("clippy", "clippy, native crates", clippy_native),
    ("clippy", "clippy, console on wasm32", clippy_wasm),
    ("native", "native tests", native_tests),
    (
        "wasm",
        "wasm-bindgen tests in headless Chromium",
        wasm_tests,
    ),
    ("e2e", "browser end-to-end tests", e2e::step),
    (
        "size",
        "the release build against size-budget.txt, and its split module in the browser",
        size::step,
    ),
    (
        "nginx",
        "docs/deploy.md's nginx block on Debian's nginx",
        nginx::step,
    ),
    ("chaos", "chaos proofs, short forms", chaos::step),
];

/// Runs every step, or only those named (fmt, clippy, native, wasm, e2e, size, nginx, chaos).
pub fn main(only: &[String]) -> Result<(), String> {
    if let Some(unknown) = only
        .iter()
        .find(|o| !STEPS.iter().any(|s| s.0 == o.as_str()))
    {
        return Err(format!(
            "unknown step `{unknown}`: use fmt, clippy, native, wasm, e2e, size, nginx or chaos"
        ));
    }
    install::test_tools()?;
    let steps = STEPS
        .iter()
        .filter(|s| only.is_empty() || only.iter().any(|o| o == s.0));
    let mut report = Vec::new();
    for &(_, name, step) in steps {
        heading(name);
        let start = Instant::now();
        let outcome = match step() {
            Ok(None) => Outcome::Passed,
            Ok(Some(why)) => Outcome::Skipped(why),
            Err(e) => Outcome::Failed(e),
        };
        if let Outcome::Failed(e) = &outcome {
            eprintln!("xtask: step `{name}` failed: {e}");
        }
        report.push((name, outcome, start.elapsed()));
    }
    summarize(&report)
}

fn summarize(report: &[(&str, Outcome, Duration)]) -> Result<(), String> {
    println!("\n==> summary of cargo xtask test");
    let mut failed = Vec::new();
    for (name, outcome, took) in report {
        let secs = took.as_secs();
        match outcome {
            Outcome::Passed => println!("  ok       {name} ({secs}s)"),
            Outcome::Skipped(why) => println!("  skipped  {name}: {why}"),
            Outcome::Failed(e) => {
                println!("  FAILED   {name} ({secs}s): {e}");
                failed.push(*name);
            }
        }
    }
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!("failed steps: {}", failed.join(", ")))
    }
}

fn fmt() -> StepResult {
    run("cargo fmt", cargo().args(["fmt", "--all", "--check"])).map(|()| None)
}

fn clippy_native() -> StepResult {
    run(
        "cargo clippy",
        cargo().args([
            "clippy",
            "--workspace",
            "--exclude",
            "huikong",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]),
    )?;
    // The browser tests are native code in the console package.
    for target in e2e_targets() {
        run(
            &format!("cargo clippy ({target} tests)"),
            cargo().args([
                "clippy", "-p", "huikong", "--test", &target, "--", "-D", "warnings",
            ]),
        )?;
    }
    Ok(None)
}

fn clippy_wasm() -> StepResult {
    run(
        "cargo clippy (wasm32)",
        cargo().args([
            "clippy", "-p", "huikong", "--target", WASM, "--", "-D", "warnings",
        ]),
    )?;
    // The test profile lints the `#[cfg(test)]` code and the wasm-bindgen test files too.
    run(
        "cargo clippy (wasm32 tests)",
        cargo()
            .args([
                "clippy",
                "-p",
                "huikong",
                "--target",
                WASM,
                "--profile",
                "test",
            ])
            .args(wasm_target_args())
            .args(["--", "-D", "warnings"]),
    )?;
    Ok(None)
}

/// Plain `cargo test`: measured against nextest here, it is as fast (the suites are dominated by
/// a few long tests), needs nothing installed, and runs the doc tests too.
fn native_tests() -> StepResult {
    run(
        "cargo test",
        cargo().args(["test", "--workspace", "--exclude", "huikong"]),
    )?;
    Ok(None)
}

fn wasm_tests() -> StepResult {
    let runner = cargo_bin_dir().join("wasm-bindgen-test-runner");
    run(
        "cargo test (wasm32)",
        cargo()
            .args(["test", "-p", "huikong", "--target", WASM])
            .args(wasm_target_args())
            .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER", &runner)
            .env("CHROMEDRIVER", CHROMEDRIVER)
            .env(
                "WASM_BINDGEN_TEST_WEBDRIVER_JSON",
                root().join("webdriver.json"),
            )
            .env("WASM_BINDGEN_TEST_TIMEOUT", "120"),
    )?;
    Ok(None)
}
