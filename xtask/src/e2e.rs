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

/// Every test of the browser suites (`tests/e2e*`, `tests/chaos`) is `#[ignore]`d (with
/// `tests::IGNORED`), so that a bare `cargo test` reports it ignored, never passed: the xtask
/// runs them with `--include-ignored`, in a world where one that cannot reach its browser fails.
///
/// Modules of the browser suites whose tests are ignored for a reason of their own and run only
/// in their own steps, against what they need: (suite, module, the command that runs them).
/// The suites' own steps skip them.
pub const OWN_STEPS: [(&str, &str, &str); 8] = [
    ("e2e", "nginx", "cargo xtask test nginx"),
    ("e2e", "nginx_headers", "cargo xtask test nginx"),
    ("e2e", "nginx_proxy", "cargo xtask test nginx"),
    ("e2e", "cold_load", "cargo xtask size"),
    ("e2e", "split", "cargo xtask test size"),
    ("e2e", "screenshots", "cargo xtask screenshots"),
    ("chaos", "bench", "cargo xtask bench"),
    ("chaos", "bench_wall", "cargo xtask bench --wall"),
];

/// The test binary's arguments that run every browser test of `suite` (`e2e`, `chaos`): the
/// ignored ones included, those of [`OWN_STEPS`] skipped.
pub fn suite_args(suite: &str) -> Vec<String> {
    let mut args = vec!["--include-ignored".to_string()];
    for (_, module, _) in OWN_STEPS.iter().filter(|s| s.0 == suite) {
        args.push("--skip".into());
        args.push(format!("{module}::"));
    }
    args
}

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
        let tls = crate::cert::simulator()?;
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
                ("HUIKONG_TLS_DIR", tls.display().to_string()),
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
            extra: &[],
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
    command
        .args([
            "test",
            "-p",
            "huikong",
            "--test",
            "e2e*",
            "--",
            TEST_THREADS,
        ])
        .args(suite_args("e2e"));
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
    println!(
        "cargo test -p huikong --test 'e2e*' -- {TEST_THREADS} {}\n",
        suite_args("e2e").join(" ")
    );
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

#[cfg(test)]
mod tests {
    use super::OWN_STEPS;
    use crate::targets::e2e_targets;
    use crate::util::root;
    use std::path::{Path, PathBuf};

    /// The reason every browser test is ignored with, unless its module is one of `OWN_STEPS`.
    const IGNORED: &str = "browser test: run by cargo xtask test";

    /// Every `.rs` file under `dir`, with its module path inside the suite (`bulk::reach`).
    fn modules(dir: &Path, prefix: &str, out: &mut Vec<(String, PathBuf)>) {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .flatten()
            .map(|e| e.path())
            .collect();
        entries.sort();
        for path in entries {
            let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
            let module = match (prefix, stem) {
                (p, "main" | "mod") => p.to_string(),
                ("", s) => s.to_string(),
                (p, s) => format!("{p}::{s}"),
            };
            if path.is_dir() {
                modules(&path, &module, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push((module, path));
            }
        }
    }

    /// The `#[ignore = "…"]` reason of each test function of `text` (`None`: not ignored), with
    /// the function's line.
    fn tests_of(text: &str) -> Vec<(usize, Option<String>)> {
        let lines: Vec<&str> = text.lines().collect();
        let mut found = Vec::new();
        for (n, line) in lines.iter().enumerate() {
            let t = line.trim();
            if !(t == "#[test]" || t.starts_with("#[tokio::test")) {
                continue;
            }
            // The attributes around it, up to the function.
            let mut around = Vec::new();
            let mut before = n;
            while before > 0 && lines[before - 1].trim().starts_with("#[") {
                before -= 1;
                around.push(lines[before].trim());
            }
            let mut after = n + 1;
            while after < lines.len() && lines[after].trim().starts_with("#[") {
                around.push(lines[after].trim());
                after += 1;
            }
            let reason = around.iter().find_map(|a| {
                let rest = a.strip_prefix("#[ignore")?;
                let quoted = rest.split('"').nth(1).unwrap_or("");
                Some(quoted.to_string())
            });
            found.push((n + 1, reason));
        }
        found
    }

    /// A browser test that cannot run must never report `ok`: a bare `cargo test` reports every
    /// one ignored, `e2e::step` and `chaos::step` run them with `--include-ignored`, and only the
    /// modules of `OWN_STEPS` are ignored for another reason (and skipped there).
    #[test]
    fn every_browser_test_is_ignored_outside_the_xtask() {
        let mut checked = 0;
        let mut own_found = Vec::new();
        let targets = e2e_targets();
        assert!(targets.iter().any(|t| t == "e2e"), "{targets:?}");
        assert!(targets.iter().any(|t| t == "chaos"), "{targets:?}");
        for suite in &targets {
            let dir = root().join("tests").join(suite);
            let mut files = Vec::new();
            if dir.is_dir() {
                modules(&dir, "", &mut files);
            } else {
                files.push((String::new(), root().join(format!("tests/{suite}.rs"))));
            }
            for (module, path) in files {
                let text = std::fs::read_to_string(&path).unwrap();
                let top = module.split("::").next().unwrap_or("");
                let own = OWN_STEPS.iter().find(|(s, m, _)| s == suite && *m == top);
                if own.is_some() {
                    own_found.push((suite.clone(), top.to_string()));
                }
                for (line, reason) in tests_of(&text) {
                    checked += 1;
                    let at = format!("{}:{line}", path.display());
                    let reason = reason.unwrap_or_else(|| {
                        panic!("{at}: a browser test without #[ignore = \"{IGNORED}\"]: a bare `cargo test` would report it passed without a browser")
                    });
                    if own.is_none() {
                        assert_eq!(
                            reason, IGNORED,
                            "{at}: ignored for another reason, so `cargo xtask test` would not run it; \
                             use the common reason, or give its module a step in e2e::OWN_STEPS"
                        );
                    }
                }
            }
        }
        for (suite, module, _) in OWN_STEPS {
            assert!(
                own_found.iter().any(|(s, m)| s == suite && m == module),
                "e2e::OWN_STEPS names {suite}::{module}, which is not a module of tests/{suite}"
            );
        }
        assert!(checked > 100, "only {checked} browser tests found");
    }

    #[test]
    fn the_suites_skip_only_their_own_steps_modules() {
        assert_eq!(
            super::suite_args("chaos"),
            [
                "--include-ignored",
                "--skip",
                "bench::",
                "--skip",
                "bench_wall::"
            ]
        );
        let e2e = super::suite_args("e2e");
        assert_eq!(e2e[0], "--include-ignored");
        assert!(
            e2e.windows(2).any(|w| w == ["--skip", "nginx::"]),
            "{e2e:?}"
        );
    }
}
