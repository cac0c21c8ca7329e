//! `cargo xtask test`: every check CI runs, in order, with a summary of which step failed.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::build;
use crate::install::{self, CHROMEDRIVER, CHROMIUM};
use crate::procs::run;
use crate::services::{self, Sim, CHROME_ARGS};
use crate::util::{capture, cargo, cargo_bin_dir, free_port, heading, root, target_dir};

const WASM: &str = "wasm32-unknown-unknown";

enum Outcome {
    Passed,
    Skipped(String),
    Failed(String),
}

/// A step either ran (`Ok(None)`), had nothing to run (`Ok(Some(why))`), or failed.
type StepResult = Result<Option<String>, String>;
type Step = (&'static str, fn() -> StepResult);

pub fn main() -> Result<(), String> {
    install::test_tools()?;
    let steps: [Step; 6] = [
        ("cargo fmt --check", fmt),
        ("clippy, native crates", clippy_native),
        ("clippy, console on wasm32", clippy_wasm),
        ("native tests", native_tests),
        ("wasm-bindgen tests in headless Chromium", wasm_tests),
        ("browser end-to-end tests", e2e_tests),
    ];
    let mut report = Vec::new();
    for (name, step) in steps {
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
    if !e2e_targets().is_empty() {
        // The browser tests are native code in the console package.
        run(
            "cargo clippy (e2e tests)",
            cargo().args([
                "clippy", "-p", "huikong", "--test", "e2e*", "--", "-D", "warnings",
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

fn native_tests() -> StepResult {
    let nextest = capture(cargo().args(["nextest", "--version"])).is_some();
    if nextest {
        run(
            "cargo nextest",
            cargo().args([
                "nextest",
                "run",
                "--workspace",
                "--exclude",
                "huikong",
                "--no-tests",
                "warn",
            ]),
        )?;
        // nextest does not run doc tests.
        run(
            "cargo test --doc",
            cargo().args([
                "test",
                "--workspace",
                "--exclude",
                "huikong",
                "--exclude",
                "xtask",
                "--doc",
            ]),
        )?;
    } else {
        run(
            "cargo test",
            cargo().args(["test", "--workspace", "--exclude", "huikong"]),
        )?;
    }
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
            let is_test =
                (path.extension()? == "rs" && path.is_file()) || path.join("main.rs").is_file();
            is_test.then_some(name)
        })
        .collect();
    names.sort();
    names
}

/// `tests/e2e*.rs` drive a real browser from native code; every other test file runs in wasm.
fn e2e_targets() -> Vec<String> {
    console_tests()
        .into_iter()
        .filter(|n| n.starts_with("e2e"))
        .collect()
}

fn wasm_target_args() -> Vec<String> {
    let mut args = vec!["--bins".to_string()];
    if root().join("src/lib.rs").is_file() {
        args.push("--lib".into());
    }
    for name in console_tests()
        .into_iter()
        .filter(|n| !n.starts_with("e2e"))
    {
        args.push("--test".into());
        args.push(name);
    }
    args
}

fn e2e_tests() -> StepResult {
    if e2e_targets().is_empty() {
        return Ok(Some("no tests/e2e*.rs yet".into()));
    }
    // Debug: a fraction of the release build time on two cores, and its dependencies are
    // already compiled by the wasm-bindgen tests.
    let dist = target_dir().join("e2e-dist");
    build::console(false, &dist)?;
    let binary = build::sim()?;
    heading("starting the simulators and chromedriver");
    let public_addr = format!("127.0.0.1:{}", free_port()?);
    let public = services::sim(&sim(&binary, &public_addr, "demo", None, &dist), true)?;
    let enterprise_addr = format!("127.0.0.1:{}", free_port()?);
    let enterprise = services::sim(
        &sim(
            &binary,
            &enterprise_addr,
            "empty",
            Some("enterprise"),
            &dist,
        ),
        true,
    )?;
    let driver_port = free_port()?;
    let driver = services::chromedriver(driver_port)?;
    let artifacts = target_dir().join("e2e-artifacts");
    let _ = std::fs::create_dir_all(&artifacts);
    println!(
        "public simulator http://{public_addr}/, enterprise simulator http://{enterprise_addr}/"
    );
    let result = run(
        "cargo test (e2e)",
        e2e_command(&binary, &dist, &artifacts)
            .env("HUIKONG_SIM_URL", format!("http://{public_addr}"))
            .env(
                "HUIKONG_SIM_ENTERPRISE_URL",
                format!("http://{enterprise_addr}"),
            )
            .env(
                "HUIKONG_WEBDRIVER_URL",
                format!("http://127.0.0.1:{driver_port}"),
            ),
    );
    let logs: Vec<PathBuf> = [&public, &enterprise, &driver]
        .iter()
        .filter_map(|s| s.log.clone())
        .collect();
    driver.process.stop();
    enterprise.process.stop();
    public.process.stop();
    result.map_err(|e| {
        let logs: Vec<String> = logs.iter().map(|l| l.display().to_string()).collect();
        format!(
            "{e} (service logs: {}; artifacts: {})",
            logs.join(", "),
            artifacts.display()
        )
    })?;
    Ok(None)
}

fn sim<'a>(
    binary: &'a Path,
    listen: &str,
    scenario: &'a str,
    profile: Option<&'a str>,
    dist: &'a Path,
) -> Sim<'a> {
    Sim {
        binary,
        listen: listen.to_string(),
        scenario,
        profile,
        dist,
    }
}

/// The e2e run, with what the suite needs to start extra simulators of its own.
fn e2e_command(binary: &Path, dist: &Path, artifacts: &Path) -> Command {
    let mut command = cargo();
    command
        .args(["test", "-p", "huikong", "--test", "e2e*"])
        .env("HUIKONG_SIM_BIN", binary)
        .env("HUIKONG_DIST", dist)
        .env("HUIKONG_E2E_ARTIFACTS", artifacts)
        .env("HUIKONG_CHROME_BINARY", CHROMIUM)
        .env("HUIKONG_CHROME_ARGS", CHROME_ARGS.join(" "));
    command
}
