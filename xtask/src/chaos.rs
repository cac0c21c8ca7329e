//! `cargo xtask chaos`: the resilience proofs' long forms, each printing its figures: the
//! decoder and state machine soaked with ten million hostile inputs, the simulator's
//! authorisation matrix, and the console in Chromium under faults (a thousand token refreshes,
//! and refreshes during a storm of 500 changes a second in a meeting of 5,000; a hundred forced
//! stream drops in a meeting of 500, and twenty in a meeting of 5,000 under churn; failing
//! commands, malformed events, hostile content, secrets). The short forms run inside `cargo xtask test` as its `chaos`
//! step.

use crate::build;
use crate::e2e;
use crate::install::{self, CHROMIUM};
use crate::procs::run;
use crate::services;
use crate::util::{cargo, free_port, heading, target_dir};

/// Inputs of the full soak (ten million) and of the short one in `cargo xtask test`.
const SOAK_FULL: &str = "10000000";
const SOAK_SHORT: &str = "200000";

/// `cargo xtask chaos [soak|matrix|browser]...`: every part unless some are named.
pub fn main(only: &[String]) -> Result<(), String> {
    const PARTS: [&str; 3] = ["soak", "matrix", "browser"];
    if let Some(bad) = only.iter().find(|o| !PARTS.contains(&o.as_str())) {
        return Err(format!(
            "unknown chaos part `{bad}`: use soak, matrix or browser"
        ));
    }
    let wants = |p: &str| only.is_empty() || only.iter().any(|o| o == p);
    install::test_tools()?;
    let mut failed = Vec::new();
    if wants("soak") {
        heading("bad input: the protocol crate soaked (10,000,000 inputs)");
        if let Err(e) = soak(SOAK_FULL) {
            failed.push(format!("soak: {e}"));
        }
    }
    if wants("matrix") {
        heading("the simulator's authorisation matrix");
        if let Err(e) = matrix() {
            failed.push(format!("matrix: {e}"));
        }
    }
    if wants("browser") {
        heading("the console under faults, in Chromium (full counts)");
        if let Err(e) = browser(true) {
            failed.push(format!("browser: {e}"));
        }
    }
    if failed.is_empty() {
        println!("\n==> every chaos proof held");
        Ok(())
    } else {
        Err(failed.join("; "))
    }
}

/// The soak in release: ten million inputs take minutes there, hours in debug.
fn soak(inputs: &str) -> Result<(), String> {
    run(
        "soak",
        cargo().args([
            "run",
            "--release",
            "-p",
            "huikong-protocol",
            "--example",
            "soak",
            "--",
            inputs,
        ]),
    )
}

fn matrix() -> Result<(), String> {
    run(
        "authorisation matrix",
        cargo().args([
            "test",
            "-p",
            "huikong-sim",
            "--test",
            "authorisation_matrix",
            "--",
            "--nocapture",
        ]),
    )
}

/// The browser proofs: the console built into its own directory (a parallel e2e run keeps
/// its own), chromedriver, and the `chaos` test binary one test at a time, so that the timings
/// are not shared with another browser.
fn browser(full: bool) -> Result<(), String> {
    let dist = target_dir().join("chaos-dist");
    // The long runs measure what hosts get: the release build.
    build::console(full, &dist)?;
    let artifacts = target_dir().join("e2e-artifacts");
    let _ = std::fs::create_dir_all(&artifacts);
    let port = free_port()?;
    let driver = services::chromedriver(port)?;
    let mut command = cargo();
    command
        .args(["test", "-p", "huikong", "--test", "chaos", "--"])
        .args(["--test-threads=1", "--nocapture"])
        .args(e2e::suite_args("chaos"))
        .env("HUIKONG_WEBDRIVER_URL", format!("http://127.0.0.1:{port}"))
        .env("HUIKONG_DIST", &dist)
        .env("HUIKONG_E2E_ARTIFACTS", &artifacts)
        .env("HUIKONG_CHROME_BINARY", CHROMIUM)
        .env("HUIKONG_CHAOS", if full { "full" } else { "short" });
    let result = run("cargo test (chaos)", &mut command);
    driver.process.stop();
    result.map_err(|e| format!("{e} (screenshots: {})", artifacts.display()))
}

/// The `chaos` step of `cargo xtask test`: the short soak and the browser proofs' short forms
/// (the authorisation matrix already runs among the native tests).
pub fn step() -> Result<Option<String>, String> {
    heading("bad input: the protocol crate soaked (200,000 inputs)");
    soak(SOAK_SHORT)?;
    browser(false)?;
    Ok(None)
}
