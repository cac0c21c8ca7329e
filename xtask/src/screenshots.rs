//! `cargo xtask screenshots`: the README's pictures of the console, retaken by the browser
//! suite's `screenshots` test against a simulator with the living demo conference.

use crate::e2e::World;
use crate::install;
use crate::procs::run;
use crate::util::{cargo, heading, root, target_dir};

/// Where the pictures go, relative to the workspace root (the README links them from there).
pub const DIR: &str = "docs/screenshots";

pub fn main(args: &[String]) -> Result<(), String> {
    if !args.is_empty() {
        return Err(format!("screenshots takes no arguments, got {args:?}"));
    }
    // The browser tools and the CJK fonts: without them the Chinese pictures show boxes.
    install::test_tools()?;
    let out = root().join(DIR);
    std::fs::create_dir_all(&out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    // A directory of its own, so that an e2e run at the same time keeps its build.
    let world = World::start(&target_dir().join("screenshots-dist"))?;
    heading(&format!("taking the screenshots into {DIR}"));
    let mut command = cargo();
    command
        .args(["test", "-p", "huikong", "--test", "e2e", "screenshots::"])
        // `--include-ignored`: the test is meant to be ignored everywhere else.
        .args(["--", "--include-ignored", "--test-threads=1", "--nocapture"])
        .env("HUIKONG_SCREENSHOTS", &out);
    world.env(&mut command);
    let result = run("cargo test (screenshots)", &mut command);
    world.stop();
    result?;
    let mut taken: Vec<String> = std::fs::read_dir(&out)
        .map_err(|e| format!("cannot read {}: {e}", out.display()))?
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "png"))
        .map(|e| {
            let size = e.metadata().map(|m| m.len()).unwrap_or(0);
            format!(
                "  {DIR}/{} ({} KB)",
                e.file_name().to_string_lossy(),
                size / 1024
            )
        })
        .collect();
    taken.sort();
    println!("\n==> screenshots taken:\n{}", taken.join("\n"));
    Ok(())
}
