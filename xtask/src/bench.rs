//! `cargo xtask bench`: the console against a hand-written plain-JS reference page
//! (`bench/reference/`), both in headless Chromium against the release simulator, at 1,000 and
//! 5,000 participants, and the console again at the largest size with a venue list of 500
//! (`--venues N`, 0 for none); and the simulator's fan-out to 2,000 event streams. Prints a markdown
//! table (figure | target | console | reference | ratio | met?) ready for the README, and
//! writes `target/bench/results.json`. The pages are measured in the page itself by the chaos
//! suite's ignored `bench` test (tests/chaos/bench.rs), one fresh simulator per page and size.
//! `--wall` runs only the operator wall's figures instead (`bench_wall.rs`).

use std::path::Path;
use std::time::{Duration, Instant};

use crate::bench_table::{self, bench_dir, Fanout, Measured, PAGES};
use crate::dist;
use crate::e2e;
use crate::install::{self, CHROMIUM};
use crate::procs::{run, Managed};
use crate::util::{cargo, cmd, free_port, heading, root, target_dir, wait_http};

/// Event streams the fan-out figure opens.
const STREAMS: usize = 2000;

struct Options {
    sizes: Vec<usize>,
    storm_secs: u64,
    fanout: bool,
    /// The venue list's length for the console's extra run at the largest size; 0 for none.
    venues: usize,
    /// Only the operator wall's runs (`bench_wall.rs`): they take minutes of their own.
    wall: bool,
}

fn options(args: &[String]) -> Result<Options, String> {
    let mut o = Options {
        sizes: vec![1000, 5000],
        storm_secs: 60,
        fanout: true,
        venues: 500,
        wall: false,
    };
    let mut args = args.iter();
    while let Some(flag) = args.next() {
        match flag.as_str() {
            "--no-fanout" => o.fanout = false,
            "--wall" => o.wall = true,
            "--sizes" | "--storm" | "--venues" => {
                let v = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
                let bad = || format!("bad {flag} {v:?}");
                if flag == "--venues" {
                    o.venues = v.parse().map_err(|_| bad())?;
                } else if flag == "--storm" {
                    o.storm_secs = v.parse().ok().filter(|s| *s > 0).ok_or_else(bad)?;
                } else {
                    o.sizes = v
                        .split(',')
                        .map(|s| s.trim().parse().ok().filter(|n| *n >= 100))
                        .collect::<Option<Vec<usize>>>()
                        .ok_or_else(bad)?;
                }
            }
            other => return Err(format!("unknown bench argument {other:?}")),
        }
    }
    Ok(o)
}

pub fn main(args: &[String]) -> Result<(), String> {
    let o = options(args)?;
    if o.wall {
        return crate::bench_wall::main();
    }
    let started = Instant::now();
    install::test_tools()?;
    let served = bench_dir().join("dist");
    console_and_reference(&served)?;
    heading("building the simulator and its fan-out benchmark (release)");
    run(
        "cargo build --release -p huikong-sim",
        cargo()
            .args(["build", "--release", "-p", "huikong-sim"])
            .args(["--bin", "huikong-sim", "--example", "fanout"]),
    )?;
    heading("building the browser side (the chaos suite's bench test)");
    run(
        "cargo test --no-run (chaos)",
        cargo().args(["test", "-p", "huikong", "--test", "chaos", "--no-run"]),
    )?;
    let world = e2e::World::with_dist(&served)?;
    let mut measured = Vec::new();
    let mut result = Ok(());
    let largest = o.sizes.iter().copied().max().unwrap_or(0);
    let with_venues = format!("venues{}", o.venues);
    'sizes: for &size in &o.sizes {
        let extra = (o.venues > 0 && size == largest).then_some(with_venues.as_str());
        for page in PAGES.into_iter().chain(extra) {
            heading(&format!("{page} at {size} participants"));
            match measure(&world, &served, page, size, o.storm_secs) {
                Ok(m) => measured.push(m),
                Err(e) => {
                    result = Err(format!("{page} at {size}: {e}"));
                    break 'sizes;
                }
            }
        }
    }
    world.stop();
    result?;
    let mut fanouts = Vec::new();
    if o.fanout {
        for &size in &o.sizes {
            fanouts.push(fanout(size)?);
        }
    }
    let took = started.elapsed();
    let mut table = bench_table::markdown(&o.sizes, &measured, &fanouts);
    if o.venues > 0 {
        table.push_str(&bench_table::venues_markdown(
            largest,
            o.venues,
            &with_venues,
            &measured,
        ));
    }
    heading(&format!(
        "the figures (a {} s storm; the run took {:.1} min)",
        o.storm_secs,
        took.as_secs_f64() / 60.0
    ));
    println!("{table}");
    let machine = bench_table::machine();
    println!("{machine}");
    let json = bench_table::json(&o.sizes, &measured, &fanouts, &machine, o.storm_secs);
    let out = bench_dir().join("results.json");
    std::fs::write(&out, json).map_err(|e| format!("writing {}: {e}", out.display()))?;
    println!("\nwritten: {}", out.display());
    Ok(())
}

/// The release console (as `cargo xtask dist` builds it, precompressed) with the reference
/// page beside it under `reference/`, so that both come from the simulator's one origin.
fn console_and_reference(served: &Path) -> Result<(), String> {
    let built = dist::test_dist();
    dist::release(&built)?;
    let _ = std::fs::remove_dir_all(served);
    copy_dir(&built, served)?;
    copy_dir(&root().join("bench/reference"), &served.join("reference"))
}

fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    let entries = std::fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        let dest = to.join(entry.file_name());
        if path.is_dir() {
            copy_dir(&path, &dest)?;
        } else {
            std::fs::copy(&path, &dest).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    Ok(())
}

/// A release simulator with the demo room filled with `size`, the admin endpoint on and
/// tokens long-lived, serving `served`.
fn simulator(served: &Path, size: usize) -> Result<(Managed, String), String> {
    let listen = format!("127.0.0.1:{}", free_port()?);
    let binary = target_dir().join("release/huikong-sim");
    let log = bench_dir().join(format!("sim-{size}.log"));
    let file = std::fs::File::create(&log).map_err(|e| format!("{}: {e}", log.display()))?;
    let copy = file.try_clone().map_err(|e| e.to_string())?;
    let mut command = cmd(&binary);
    command
        .args(["--listen", &listen, "--scenario", &format!("large:{size}")])
        .args(["--admin", "--token-ttl", "3600", "--dist"])
        .arg(served)
        .stdout(file)
        .stderr(copy);
    let mut sim = Managed::spawn("huikong-sim (release)", &mut command)?;
    wait_http(&mut sim, &listen, "/", Duration::from_secs(60))?;
    Ok((sim, format!("http://{listen}")))
}

fn measure(
    world: &e2e::World,
    served: &Path,
    page: &str,
    size: usize,
    storm_secs: u64,
) -> Result<Measured, String> {
    let (sim, url) = simulator(served, size)?;
    let out = bench_dir().join(format!("{page}-{size}.json"));
    let _ = std::fs::remove_file(&out);
    let mut command = cargo();
    command
        .args(["test", "-p", "huikong", "--test", "chaos", "bench::"])
        .args(["--", "--ignored", "--exact", "bench::bench_one_page"])
        .args(["--nocapture", "--test-threads=1"]);
    world.env(&mut command);
    command
        .env("HUIKONG_CHROME_BINARY", CHROMIUM)
        .env("HUIKONG_BENCH_SIM", &url)
        .env("HUIKONG_BENCH_PAGE", page)
        .env("HUIKONG_BENCH_SIZE", size.to_string())
        .env("HUIKONG_BENCH_STORM_SECS", storm_secs.to_string())
        .env("HUIKONG_BENCH_OUT", &out);
    let result = run(&format!("bench ({page}, {size})"), &mut command);
    sim.stop();
    result?;
    let text = std::fs::read_to_string(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    Ok(Measured {
        page: page.to_string(),
        size,
        figures: bench_table::parse_flat_json(&text),
    })
}

/// The fan-out example (release): `STREAMS` streams on a room of `size`, p50 and p99 of one
/// event's time to reach them all.
fn fanout(size: usize) -> Result<Fanout, String> {
    heading(&format!(
        "the simulator's fan-out: {STREAMS} event streams, a room of {size}"
    ));
    let binary = target_dir().join("release/examples/fanout");
    let output = cmd(&binary)
        .args(["--streams", &STREAMS.to_string()])
        .args(["--participants", &size.to_string(), "--events", "100"])
        .output()
        .map_err(|e| format!("{}: {e}", binary.display()))?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    print!("{stdout}");
    if !output.status.success() {
        return Err(format!(
            "fanout failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let line = stdout
        .lines()
        .find(|l| l.starts_with("FIGURE fanout"))
        .ok_or("fanout printed no FIGURE line")?;
    let field = |k: &str| -> Option<f64> {
        line.split_whitespace()
            .find_map(|w| w.strip_prefix(k)?.strip_prefix('=')?.parse().ok())
    };
    Ok(Fanout {
        size,
        streams: STREAMS,
        p50: field("p50_ms").ok_or("no p50 in the FIGURE line")?,
        p99: field("p99_ms").ok_or("no p99 in the FIGURE line")?,
    })
}
