//! Installs what the build and the tests need, each only when it is missing, and only from
//! the package registries (crates.io, npm, Debian): nothing else is reachable here.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use crate::procs::run;
use crate::util::{binaryen_bin_dir, binaryen_dir, capture, cargo, cmd, heading, home, root};

pub const TRUNK_VERSION: &str = "0.21.14";
/// npm's binaryen major; Debian's binaryen 108 emits modules that crash Chromium.
pub const BINARYEN_VERSION: &str = "132";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// Tools for building the console with trunk.
pub fn build_tools() -> Result<(), String> {
    wasm_target()?;
    trunk()?;
    wasm_bindgen()?;
    binaryen()
}

/// Everything `cargo xtask test` runs.
pub fn test_tools() -> Result<(), String> {
    rust_components()?;
    build_tools()?;
    browser()?;
    axe_core().map(|_| ())
}

/// npm's axe-core, which the browser tests inject into the page to check its accessibility.
pub const AXE_CORE_VERSION: &str = "4.10.3";

/// Where axe-core is installed: its script is `node_modules/axe-core/axe.min.js` under it.
fn axe_core_dir() -> PathBuf {
    home().join(".cache/huikong/axe-core")
}

/// axe-core's script, installed from npm at [`AXE_CORE_VERSION`] when missing.
pub fn axe_core() -> Result<PathBuf, String> {
    let dir = axe_core_dir();
    let package = dir.join("node_modules/axe-core");
    let script = package.join("axe.min.js");
    let version = format!("\"version\": \"{AXE_CORE_VERSION}\"");
    let current = || {
        script.is_file()
            && std::fs::read_to_string(package.join("package.json"))
                .is_ok_and(|p| p.contains(&version))
    };
    if current() {
        return Ok(script);
    }
    node()?;
    heading(&format!("installing npm axe-core@{AXE_CORE_VERSION}"));
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    run(
        "npm install axe-core",
        cmd("npm")
            .arg("install")
            .arg("--prefix")
            .arg(&dir)
            .args(["--no-audit", "--no-fund", "--loglevel=error"])
            .arg(format!("axe-core@{AXE_CORE_VERSION}")),
    )?;
    if current() {
        Ok(script)
    } else {
        Err(format!(
            "{} is not axe-core {AXE_CORE_VERSION}",
            script.display()
        ))
    }
}

fn rust_components() -> Result<(), String> {
    let fmt = capture(cargo().args(["fmt", "--version"])).is_some();
    let clippy = capture(cargo().args(["clippy", "--version"])).is_some();
    if fmt && clippy {
        return Ok(());
    }
    heading("installing rustfmt and clippy");
    run(
        "rustup component add",
        cmd("rustup").args(["component", "add", "rustfmt", "clippy"]),
    )
}

fn wasm_target() -> Result<(), String> {
    let installed = capture(cmd("rustup").args(["target", "list", "--installed"]))
        .is_some_and(|list| list.lines().any(|l| l.trim() == WASM_TARGET));
    if installed {
        return Ok(());
    }
    heading(&format!("installing the {WASM_TARGET} target"));
    run(
        "rustup target add",
        cmd("rustup").args(["target", "add", WASM_TARGET]),
    )
}

fn trunk() -> Result<(), String> {
    let version = capture(cmd("trunk").arg("--version")).unwrap_or_default();
    if version.split_whitespace().nth(1) == Some(TRUNK_VERSION) {
        return Ok(());
    }
    heading(&format!("installing trunk {TRUNK_VERSION} (takes ~10 min)"));
    run(
        "cargo install trunk",
        cargo().args([
            "install",
            "trunk",
            "--locked",
            "--force",
            "--version",
            TRUNK_VERSION,
        ]),
    )
}

/// The wasm-bindgen version the console links against, read from Cargo.lock: the CLI must
/// match it exactly or the generated bindings do not fit the module.
pub fn wasm_bindgen_version() -> Result<String, String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\"" {
            if let Some(version) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = \""))
                .and_then(|v| v.strip_suffix('"'))
            {
                return Ok(version.to_string());
            }
        }
    }
    Err("Cargo.lock has no wasm-bindgen package".into())
}

fn wasm_bindgen() -> Result<(), String> {
    let wanted = wasm_bindgen_version()?;
    let reports = |tool: &str| {
        capture(cmd(tool).arg("--version"))
            .is_some_and(|out| out.split_whitespace().nth(1) == Some(wanted.as_str()))
    };
    if reports("wasm-bindgen") && reports("wasm-bindgen-test-runner") {
        return Ok(());
    }
    heading(&format!(
        "installing wasm-bindgen-cli {wanted} (takes a few minutes)"
    ));
    // Not --locked: the CLI's own lock file pins crates that no longer build.
    run(
        "cargo install wasm-bindgen-cli",
        cargo().args([
            "install",
            "wasm-bindgen-cli",
            "--force",
            "--version",
            &wanted,
        ]),
    )
}

fn binaryen() -> Result<(), String> {
    let wasm_opt = binaryen_bin_dir().join("wasm-opt");
    let tag = format!("(version_{BINARYEN_VERSION})");
    let current = || capture(cmd(&wasm_opt).arg("--version")).is_some_and(|v| v.contains(&tag));
    if current() {
        return Ok(());
    }
    node()?;
    heading(&format!(
        "installing wasm-opt from npm binaryen@{BINARYEN_VERSION}"
    ));
    let dir = binaryen_dir();
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    run(
        "npm install binaryen",
        cmd("npm")
            .arg("install")
            .arg("--prefix")
            .arg(&dir)
            .args(["--no-audit", "--no-fund", "--loglevel=error"])
            .arg(format!("binaryen@{BINARYEN_VERSION}")),
    )?;
    if current() {
        Ok(())
    } else {
        Err(format!("{} does not report {tag}", wasm_opt.display()))
    }
}

fn node() -> Result<(), String> {
    if capture(cmd("node").arg("--version")).is_some()
        && capture(cmd("npm").arg("--version")).is_some()
    {
        return Ok(());
    }
    apt_install(&["nodejs", "npm"])
}

/// Chromium and its driver for the browser tests, plus CJK fonts: the console is Chinese
/// first, and without them its screenshots show empty boxes.
fn browser() -> Result<(), String> {
    let mut missing = Vec::new();
    if !Path::new(CHROMIUM).exists() {
        missing.push("chromium");
    }
    if !Path::new(CHROMEDRIVER).exists() {
        missing.push("chromium-driver");
    }
    if capture(cmd("dpkg-query").args(["-W", "-f=${Status}", "fonts-noto-cjk"]))
        .is_none_or(|status| !status.contains("installed"))
    {
        missing.push("fonts-noto-cjk");
    }
    if missing.is_empty() {
        Ok(())
    } else {
        apt_install(&missing)
    }
}

static APT_UPDATED: AtomicBool = AtomicBool::new(false);

fn apt_install(packages: &[&str]) -> Result<(), String> {
    heading(&format!("installing {} with apt-get", packages.join(" ")));
    if !APT_UPDATED.swap(true, Ordering::SeqCst) {
        run("apt-get update", cmd("apt-get").args(["update", "-q"]))?;
    }
    run(
        "apt-get install",
        cmd("apt-get")
            .args(["install", "-y", "-q", "--no-install-recommends"])
            .args(packages)
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )
}

/// openssl, for the self-signed certificates (`crate::cert`).
pub fn openssl() -> Result<(), String> {
    match capture(cmd("openssl").arg("version")) {
        Some(_) => Ok(()),
        None => apt_install(&["openssl"]),
    }
}

/// gzip and brotli for the precompressed copies `cargo xtask dist` writes.
pub fn compressors() -> Result<(), String> {
    let missing: Vec<&str> = ["gzip", "brotli"]
        .into_iter()
        .filter(|tool| capture(cmd(tool).arg("--version")).is_none())
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        apt_install(&missing)
    }
}

/// Debian's nginx for the nginx test, with openssl (its certificate) and curl (its header
/// checks), and Debian's brotli module when the archive has it. Whether the module is loaded.
pub fn nginx() -> Result<bool, String> {
    let missing: Vec<&str> = [
        ("nginx", "-v"),
        ("openssl", "version"),
        ("curl", "--version"),
    ]
    .into_iter()
    .filter(|(tool, arg)| capture(cmd(tool).arg(arg)).is_none())
    .map(|(tool, _)| tool)
    .collect();
    if !missing.is_empty() {
        apt_install(&missing)?;
    }
    if !brotli_module() {
        if let Err(e) = apt_install(&["libnginx-mod-http-brotli-static"]) {
            println!("no brotli module for nginx ({e}): the block is tested without it");
        }
    }
    Ok(brotli_module())
}

/// Whether Debian's nginx loads the brotli module (its package enables itself there).
fn brotli_module() -> bool {
    std::fs::read_dir("/etc/nginx/modules-enabled").is_ok_and(|entries| {
        entries
            .flatten()
            .any(|e| e.file_name().to_string_lossy().contains("brotli"))
    })
}

/// Fetches every crate up front: trunk builds with cargo `--offline` (Trunk.toml).
pub fn crates() -> Result<(), String> {
    run("cargo fetch", cargo().arg("fetch"))
}
