//! A self-signed certificate for `localhost` and `127.0.0.1` (openssl, from Debian when
//! missing): the nginx test's, and the simulator's over TLS (`cargo xtask cert`), so that a
//! browser speaks HTTP/2 to it.

use std::path::{Path, PathBuf};

use crate::procs::run;
use crate::util::{cmd, heading, target_dir};

/// Writes `cert.pem` and `key.pem` into `dir`, valid for `days`.
pub fn self_signed(dir: &Path, days: u32) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
    run(
        "openssl req",
        cmd("openssl")
            .args(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days"])
            .arg(days.to_string())
            .args([
                "-subj",
                "/CN=localhost",
                "-addext",
                "subjectAltName=DNS:localhost,IP:127.0.0.1",
            ])
            .arg("-keyout")
            .arg(dir.join("key.pem"))
            .arg("-out")
            .arg(dir.join("cert.pem"))
            .stderr(std::process::Stdio::null()),
    )
}

/// The simulator's certificate (`target/tls/`), made when missing: its directory.
pub fn simulator() -> Result<PathBuf, String> {
    crate::install::openssl()?;
    let dir = target_dir().join("tls");
    if !dir.join("cert.pem").is_file() || !dir.join("key.pem").is_file() {
        heading("making the simulator's TLS certificate (target/tls/)");
        self_signed(&dir, 365)?;
    }
    Ok(dir)
}

/// `cargo xtask cert`: makes it, and says how to serve with it.
pub fn main() -> Result<(), String> {
    let dir = simulator()?;
    println!(
        "huikong-sim --tls-cert {0}/cert.pem --tls-key {0}/key.pem",
        dir.display()
    );
    Ok(())
}
