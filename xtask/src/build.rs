//! Builds the console (trunk) and the simulator (cargo).

use std::path::{Path, PathBuf};

use crate::install;
use crate::procs::run;
use crate::split;
use crate::util::{cargo, cmd, heading, target_dir};

/// The console as static files in `dist`. Release splits the module (split.rs) and runs
/// wasm-opt on each part; debug is one module, unoptimized, and shares its compiled
/// dependencies with the wasm-bindgen tests.
pub fn console(release: bool, dist: &Path) -> Result<(), String> {
    install::crates()?;
    if release {
        split::install()?;
    }
    let mode = if release { "release" } else { "debug" };
    heading(&format!(
        "building the console ({mode}) into {}",
        dist.display()
    ));
    let mut trunk = cmd("trunk");
    trunk.arg("build").arg("--dist").arg(dist);
    if release {
        trunk.args(["--release", "--features", "split"]);
    }
    run("trunk build", &mut trunk)?;
    if !dist.join("index.html").is_file() {
        return Err(format!("trunk left no index.html in {}", dist.display()));
    }
    if release {
        split::apply(dist)?;
    }
    Ok(())
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
