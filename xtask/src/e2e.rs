//! The browser end-to-end tests' world: the console built, simulators serving it, and
//! chromedriver, all found by the suite through environment variables.

use std::path::PathBuf;

use crate::build;
use crate::install::CHROMIUM;
use crate::procs::run;
use crate::services::{self, Service, Sim, CHROME_ARGS};
use crate::targets::e2e_targets;
use crate::util::{cargo, free_port, heading, target_dir};

pub struct World {
    services: Vec<Service>,
    /// The variables `tests/e2e*.rs` read.
    pub vars: Vec<(&'static str, String)>,
}

impl World {
    pub fn start() -> Result<World, String> {
        // Debug: a fraction of the release build time on two cores, and its dependencies are
        // already compiled by the wasm-bindgen tests.
        let dist = target_dir().join("e2e-dist");
        build::console(false, &dist)?;
        let binary = build::sim()?;
        let artifacts = target_dir().join("e2e-artifacts");
        let _ = std::fs::create_dir_all(&artifacts);
        heading("starting the simulators and chromedriver");
        let mut world = World {
            services: Vec::new(),
            vars: vec![
                ("HUIKONG_SIM_BIN", binary.display().to_string()),
                ("HUIKONG_DIST", dist.display().to_string()),
                ("HUIKONG_E2E_ARTIFACTS", artifacts.display().to_string()),
                ("HUIKONG_CHROME_BINARY", CHROMIUM.to_string()),
                ("HUIKONG_CHROME_ARGS", CHROME_ARGS.join(" ")),
            ],
        };
        let instances = [
            ("HUIKONG_SIM_URL", "demo", None),
            ("HUIKONG_SIM_ENTERPRISE_URL", "empty", Some("enterprise")),
        ];
        for (var, scenario, profile) in instances {
            let listen = format!("127.0.0.1:{}", free_port()?);
            let sim = Sim {
                binary: &binary,
                listen: listen.clone(),
                scenario,
                profile,
                dist: &dist,
            };
            world.services.push(services::sim(&sim, true)?);
            world.vars.push((var, format!("http://{listen}")));
        }
        let port = free_port()?;
        world.services.push(services::chromedriver(port)?);
        world
            .vars
            .push(("HUIKONG_WEBDRIVER_URL", format!("http://127.0.0.1:{port}")));
        Ok(world)
    }

    pub fn logs(&self) -> Vec<PathBuf> {
        self.services.iter().filter_map(|s| s.log.clone()).collect()
    }

    pub fn print(&self) {
        for (name, value) in &self.vars {
            println!("export {name}='{value}'");
        }
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
    let world = World::start()?;
    world.print();
    let mut command = cargo();
    command.args(["test", "-p", "huikong", "--test", "e2e*"]);
    command.envs(world.vars.iter().map(|(k, v)| (*k, v.as_str())));
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

/// `cargo xtask e2e-env`: the same world, kept running so the suite can be run by hand.
pub fn serve() -> Result<(), String> {
    let world = World::start()?;
    println!("\nThe e2e world is up; in another shell:\n");
    world.print();
    println!("cargo test -p huikong --test 'e2e*'\n\nPress Ctrl-C to stop.");
    let mut world = world;
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
