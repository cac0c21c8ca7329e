//! Paths, commands and small network helpers shared by the xtask commands.

use std::ffi::OsString;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

use crate::procs::Managed;

/// The workspace root (the xtask crate sits one level below it). Cargo's run-time value wins
/// over the compile-time one: checkouts that share a target dir share the xtask binary.
pub fn root() -> PathBuf {
    let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    manifest_dir
        .parent()
        .expect("xtask lives inside the workspace")
        .to_path_buf()
}

pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"))
}

/// Scratch space for the xtask's own files (logs, generated config).
pub fn xtask_dir() -> PathBuf {
    let dir = target_dir().join("xtask");
    let _ = std::fs::create_dir_all(&dir);
    dir
}

pub fn home() -> PathBuf {
    std::env::var_os("HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/root"))
}

pub fn cargo_bin_dir() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| home().join(".cargo"))
        .join("bin")
}

/// Where npm's binaryen (wasm-opt) is installed; outside the checkout so it survives clones.
pub fn binaryen_dir() -> PathBuf {
    home().join(".cache/huikong/binaryen")
}

pub fn binaryen_bin_dir() -> PathBuf {
    binaryen_dir().join("node_modules/.bin")
}

/// PATH with the tools this project installs put first, so trunk finds the pinned
/// wasm-opt before any older system one.
pub fn tool_path() -> OsString {
    let mut dirs = vec![binaryen_bin_dir(), cargo_bin_dir()];
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(dirs).expect("PATH entries contain no separator")
}

/// A command run from the workspace root with the tool PATH and no stdin.
pub fn cmd(program: impl AsRef<std::ffi::OsStr>) -> Command {
    let mut cmd = Command::new(program);
    cmd.current_dir(root())
        .env("PATH", tool_path())
        .stdin(Stdio::null());
    cmd
}

pub fn cargo() -> Command {
    cmd(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// Stdout of a command that succeeded, `None` if it is missing or failed.
pub fn capture(cmd: &mut Command) -> Option<String> {
    let output = cmd.stderr(Stdio::null()).output().ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

pub fn heading(text: &str) {
    println!("\n==> {text}");
}

/// A port the OS had free a moment ago.
pub fn free_port() -> Result<u16, String> {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| format!("no free port: {e}"))
}

/// Status code of `GET path` on `addr` (host:port), speaking just enough HTTP/1.1.
pub fn http_status(addr: &str, path: &str) -> Option<u16> {
    let mut stream = TcpStream::connect(addr).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    let request = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).ok()?;
    let mut head = [0u8; 32];
    let mut len = 0;
    while len < 12 {
        match stream.read(&mut head[len..]).ok()? {
            0 => break,
            n => len += n,
        }
    }
    let line = std::str::from_utf8(&head[..len]).ok()?;
    line.strip_prefix("HTTP/1.")?.get(2..5)?.parse().ok()
}

/// Waits until `GET path` answers 200, failing early if the service exits.
pub fn wait_http(
    service: &mut Managed,
    addr: &str,
    path: &str,
    limit: Duration,
) -> Result<(), String> {
    let start = Instant::now();
    loop {
        if let Some(status) = service.exited() {
            return Err(format!(
                "{} exited before it was ready ({status})",
                service.name()
            ));
        }
        match http_status(addr, path) {
            Some(200) => return Ok(()),
            Some(code) if start.elapsed() > limit => {
                return Err(format!("{} answers {code} on {path}", service.name()))
            }
            _ if start.elapsed() > limit => {
                return Err(format!(
                    "{} did not answer on {addr} within {}s",
                    service.name(),
                    limit.as_secs()
                ))
            }
            _ => sleep(Duration::from_millis(200)),
        }
    }
}

/// The last lines of a log file, for reporting why a service failed.
pub fn tail(path: &Path, lines: usize) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let all: Vec<&str> = text.lines().collect();
    all[all.len().saturating_sub(lines)..].join("\n")
}
