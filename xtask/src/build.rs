//! Builds the console (trunk) and the simulator (cargo).

use std::path::{Path, PathBuf};

use crate::install;
use crate::procs::run;
use crate::util::{cargo, cmd, heading, target_dir};

/// The console as static files in `dist`. Release runs wasm-opt; debug skips it and shares
/// its compiled dependencies with the wasm-bindgen tests.
pub fn console(release: bool, dist: &Path) -> Result<(), String> {
    install::crates()?;
    let mode = if release { "release" } else { "debug" };
    heading(&format!(
        "building the console ({mode}) into {}",
        dist.display()
    ));
    let mut trunk = cmd("trunk");
    trunk.arg("build").arg("--dist").arg(dist);
    if release {
        trunk.arg("--release");
    }
    run("trunk build", &mut trunk)?;
    if dist.join("index.html").is_file() {
        Ok(())
    } else {
        Err(format!("trunk left no index.html in {}", dist.display()))
    }
}

/// The simulator binary, in the dev profile that `cargo test` has already compiled.
pub fn sim() -> Result<PathBuf, String> {
    heading("building the simulator");
    run(
        "cargo build -p huikong-sim",
        cargo().args(["build", "-p", "huikong-sim", "--bin", "huikong-sim"]),
    )?;
    let binary = target_dir().join("debug/huikong-sim");
    if binary.is_file() {
        Ok(binary)
    } else {
        Err(format!("{} was not built", binary.display()))
    }
}
