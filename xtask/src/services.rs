//! Long-running services the demo and the browser tests need: simulators and chromedriver.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use crate::install::CHROMEDRIVER;
use crate::procs::Managed;
use crate::util::{cmd, tail, wait_http, xtask_dir};

pub struct Sim<'a> {
    pub binary: &'a Path,
    pub listen: String,
    pub scenario: &'a str,
    /// `None`: the simulator's default, the public cloud.
    pub profile: Option<&'a str>,
    pub dist: &'a Path,
    /// `--allow-origin`: `None` lets any origin call it.
    pub allow_origin: Option<&'a str>,
    /// Further flags (`--no-cors`, `--node-name HOST`, `--admin`).
    pub extra: &'a [String],
}

/// A running service with the file its output goes to (`None`: the terminal).
pub struct Service {
    pub process: Managed,
    pub log: Option<PathBuf>,
}

impl Service {
    fn spawn(
        name: &str,
        command: &mut std::process::Command,
        log: Option<PathBuf>,
    ) -> Result<Service, String> {
        if let Some(path) = &log {
            let file =
                File::create(path).map_err(|e| format!("cannot create {}: {e}", path.display()))?;
            let copy = file.try_clone().map_err(|e| e.to_string())?;
            command.stdout(Stdio::from(file)).stderr(Stdio::from(copy));
        }
        let process = Managed::spawn(name, command)?;
        Ok(Service { process, log })
    }

    /// Waits for `GET path` to answer 200; on failure the error carries the service's output.
    fn ready(mut self, addr: &str, path: &str, limit: Duration) -> Result<Service, String> {
        match wait_http(&mut self.process, addr, path, limit) {
            Ok(()) => Ok(self),
            Err(e) => Err(match &self.log {
                Some(log) => format!("{e}\n--- {} ---\n{}", log.display(), tail(log, 30)),
                None => e,
            }),
        }
    }
}

/// Starts `huikong-sim` and waits until it serves the console's page.
pub fn sim(sim: &Sim, log_to_file: bool) -> Result<Service, String> {
    let profile = sim.profile.unwrap_or("public");
    let name = format!("huikong-sim ({profile}, {})", sim.scenario);
    let mut command = cmd(sim.binary);
    command.args(["--listen", &sim.listen, "--scenario", sim.scenario]);
    if let Some(profile) = sim.profile {
        command.args(["--profile", profile]);
    }
    command.arg("--dist").arg(sim.dist);
    if let Some(origin) = sim.allow_origin {
        command.args(["--allow-origin", origin]);
    }
    command.args(sim.extra);
    // One log per simulator: a second one with flags of its own gets its port in the name.
    let log_name = match sim.extra.is_empty() {
        true => format!("sim-{profile}-{}.log", sim.scenario),
        false => format!(
            "sim-{profile}-{}-{}.log",
            sim.scenario,
            sim.listen.replace(':', "-")
        ),
    };
    let log = log_to_file.then(|| xtask_dir().join(log_name));
    Service::spawn(&name, &mut command, log)?.ready(&sim.listen, "/", Duration::from_secs(60))
}

/// Starts chromedriver on `port` and waits until it reports ready.
pub fn chromedriver(port: u16) -> Result<Service, String> {
    let mut command = cmd(CHROMEDRIVER);
    command.arg(format!("--port={port}"));
    let log = Some(xtask_dir().join("chromedriver.log"));
    Service::spawn("chromedriver", &mut command, log)?.ready(
        &format!("127.0.0.1:{port}"),
        "/status",
        Duration::from_secs(30),
    )
}
