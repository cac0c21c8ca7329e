//! The browser end-to-end tests' world: the console built and chromedriver, found by the suite
//! through environment variables. Every test starts its own simulator in-process, serving the
//! built console, so no test shares a room with another.

use std::path::{Path, PathBuf};

use crate::build;
use crate::install::{self, CHROMIUM};
use crate::procs::run;
use crate::services::{self, Service, Sim};
use crate::targets::e2e_targets;
use crate::util::{cargo, free_port, heading, target_dir};

/// Under the xtask a browser test whose driver or build is missing fails rather than skips
/// (`huikong_test_support::harness` reads it).
pub const REQUIRED: (&str, &str) = ("HUIKONG_BROWSER_TESTS_REQUIRED", "1");

/// Browser tests at once: two Chromiums fit the two cores without timing out their waits.
pub const TEST_THREADS: &str = "--test-threads=2";

pub struct World {
    services: Vec<Service>,
    /// The variables `tests/e2e*.rs` read.
    pub vars: Vec<(&'static str, String)>,
    /// The demo simulator `e2e-env` starts for a look by hand: no test uses it.
    demo: Option<String>,
}

impl World {
    /// The console built (debug) into `dist`, and chromedriver.
    pub fn start(dist: &Path) -> Result<World, String> {
        // Debug: a fraction of the release build time on two cores, and its dependencies are
        // already compiled by the wasm-bindgen tests.
        build::console(false, dist)?;
        World::with_dist(dist)
    }

    /// Chromedriver for a console already built into `dist`.
    pub fn with_dist(dist: &Path) -> Result<World, String> {
        let artifacts = target_dir().join("e2e-artifacts");
        let _ = std::fs::create_dir_all(&artifacts);
        heading("starting chromedriver");
        let axe = install::axe_core()?;
        let port = free_port()?;
        let driver = services::chromedriver(port)?;
        Ok(World {
            services: vec![driver],
            vars: vec![
                ("HUIKONG_WEBDRIVER_URL", format!("http://127.0.0.1:{port}")),
                ("HUIKONG_DIST", dist.display().to_string()),
                ("HUIKONG_E2E_ARTIFACTS", artifacts.display().to_string()),
                ("HUIKONG_CHROME_BINARY", CHROMIUM.to_string()),
                ("HUIKONG_AXE_CORE", axe.display().to_string()),
                (REQUIRED.0, REQUIRED.1.to_string()),
            ],
            demo: None,
        })
    }

    /// Adds a simulator with the living demo conference, serving the console, on a free port.
    fn start_demo(&mut self, dist: &Path) -> Result<(), String> {
        let binary = build::sim()?;
        let listen = format!("127.0.0.1:{}", free_port()?);
        let sim = Sim {
            binary: &binary,
            listen: listen.clone(),
            scenario: "demo",
            profile: None,
            dist,
            allow_origin: None,
        };
        self.services.push(services::sim(&sim, true)?);
        self.demo = Some(format!("http://{listen}/"));
        Ok(())
    }

    pub fn logs(&self) -> Vec<PathBuf> {
        self.services.iter().filter_map(|s| s.log.clone()).collect()
    }

    pub fn print(&self) {
        for (name, value) in &self.vars {
            println!("export {name}='{value}'");
        }
    }

    /// Sets the variables on a command that runs the suite.
    pub fn env(&self, command: &mut std::process::Command) {
        command.envs(self.vars.iter().map(|(k, v)| (*k, v.as_str())));
    }

    pub fn stop(self) {
        for service in self.services.into_iter().rev() {
            service.process.stop();
        }
    }
}

/// The `cargo xtask test` step.
pub fn step() -> Result<Option<String>, String> {
    if e2e_targets().is_empty() {
        return Ok(Some("no tests/e2e*.rs yet".into()));
    }
    let world = World::start(&target_dir().join("e2e-dist"))?;
    world.print();
    let mut command = cargo();
    command.args([
        "test",
        "-p",
        "huikong",
        "--test",
        "e2e*",
        "--",
        TEST_THREADS,
    ]);
    world.env(&mut command);
    let result = run("cargo test (e2e)", &mut command);
    let logs = world.logs();
    world.stop();
    result.map(|()| None).map_err(|e| {
        let logs: Vec<String> = logs.iter().map(|l| l.display().to_string()).collect();
        format!(
            "{e} (service logs: {}; screenshots: {})",
            logs.join(", "),
            target_dir().join("e2e-artifacts").display()
        )
    })
}

/// `cargo xtask e2e-env`: the same world kept running so the suite can be run by hand, plus a
/// demo simulator serving the console to look at in a browser (the tests start their own).
pub fn serve() -> Result<(), String> {
    let dist = target_dir().join("e2e-dist");
    let mut world = World::start(&dist)?;
    if let Err(e) = world.start_demo(&dist) {
        world.stop();
        return Err(e);
    }
    println!("\nThe e2e world is up; in another shell:\n");
    world.print();
    println!("cargo test -p huikong --test 'e2e*' -- {TEST_THREADS}\n");
    if let Some(url) = &world.demo {
        println!("A demo conference serving the same console, to look at by hand: {url}");
        println!("(room 1061, host PIN 123456; the tests do not use it)\n");
    }
    println!("Press Ctrl-C to stop.");
    loop {
        std::thread::sleep(std::time::Duration::from_secs(1));
        for service in &mut world.services {
            if let Some(status) = service.process.exited() {
                let name = service.process.name().to_string();
                world.stop();
                return Err(format!("{name} stopped ({status})"));
            }
        }
    }
}
