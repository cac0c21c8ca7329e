//! `cargo xtask bench --wall`: the operator wall in headless Chromium against the release
//! simulator, 20 rooms of 200 participants and 8 of 1,000, each over plain HTTP (HTTP/1.1: four
//! rooms a node stream, the rest are polled) and over TLS with HTTP/2 (every room streams), one
//! fresh simulator a run. The page is measured by the chaos suite's ignored `bench_wall` test
//! (tests/chaos/bench_wall.rs); this prints a markdown table, one column a run, and writes
//! `target/bench/wall.json`.

use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::thread::sleep;
use std::time::{Duration, Instant};

use crate::bench_table::{self, bench_dir};
use crate::dist;
use crate::e2e;
use crate::install::{self, CHROMIUM};
use crate::procs::{run, Managed};
use crate::util::{cargo, cmd, free_port, heading, target_dir, wait_http};

/// (rooms, participants in each), in the table's column order.
const WALLS: [(usize, usize); 2] = [(20, 200), (8, 1000)];
/// Each CPU window's length: long enough that the wall's half-second scheduler and the polls'
/// intervals (several seconds) average out.
const CPU_SECS: u64 = 20;

/// One run's figures, as the browser side wrote them: the raw JSON value of each.
struct Run {
    rooms: usize,
    size: usize,
    h2: bool,
    figures: Vec<(String, String)>,
}

impl Run {
    fn label(&self) -> String {
        let proto = if self.h2 { "h2" } else { "h1" };
        format!("{}×{} {proto}", self.rooms, self.size)
    }

    fn raw(&self, key: &str) -> Option<&str> {
        self.figures
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    fn num(&self, key: &str) -> Option<f64> {
        self.raw(key)?.parse().ok()
    }

    fn text(&self, key: &str) -> Option<&str> {
        Some(self.raw(key)?.trim_matches('"'))
    }
}

pub fn main() -> Result<(), String> {
    let started = Instant::now();
    let load_start = load();
    install::test_tools()?;
    // The release console as `cargo xtask dist` builds it, shared with the other release steps.
    let served = dist::test_dist();
    dist::release(&served)?;
    heading("building the simulator (release)");
    run(
        "cargo build --release -p huikong-sim",
        cargo().args([
            "build",
            "--release",
            "-p",
            "huikong-sim",
            "--bin",
            "huikong-sim",
        ]),
    )?;
    let suite = chaos_binary()?;
    let tls = crate::cert::simulator()?;
    let world = e2e::World::with_dist(&served)?;
    let mut runs = Vec::new();
    let mut result = Ok(());
    'walls: for (rooms, size) in WALLS {
        for h2 in [false, true] {
            let proto = if h2 { "TLS, HTTP/2" } else { "plain HTTP/1.1" };
            // Another process busy beside a run shows in its CPU figures: say how busy.
            heading(&format!(
                "the wall: {rooms} rooms of {size} participants, {proto} (load average {})",
                load()
            ));
            let tls = h2.then_some(tls.as_path());
            match measure(&world, &suite, &served, tls, rooms, size) {
                Ok(figures) => runs.push(Run {
                    rooms,
                    size,
                    h2,
                    figures,
                }),
                Err(e) => {
                    result = Err(format!("the wall, {rooms}×{size} {proto}: {e}"));
                    break 'walls;
                }
            }
        }
    }
    world.stop();
    result?;
    let took = started.elapsed();
    heading(&format!(
        "the wall's figures (the run took {:.1} min; load average at the start {load_start})",
        took.as_secs_f64() / 60.0
    ));
    println!("{}", markdown(&runs));
    let machine = bench_table::machine();
    println!("{machine}");
    let out = bench_dir().join("wall.json");
    let text = json(&runs, &machine, &load_start);
    std::fs::write(&out, text).map_err(|e| format!("writing {}: {e}", out.display()))?;
    println!("\nwritten: {}", out.display());
    Ok(())
}

/// The 1-, 5- and 15-minute load averages: a busy machine inflates the CPU figures.
fn load() -> String {
    let text = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    text.split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A release simulator with `rooms` extra rooms of `size` (and an empty demo room, which the
/// wall does not watch), the admin endpoint on for the churn, tokens long-lived so that no
/// refresh falls in a window, serving `served`; over TLS with the certificate in `tls`.
fn simulator(
    served: &Path,
    tls: Option<&Path>,
    rooms: usize,
    size: usize,
) -> Result<(Managed, String), String> {
    let listen = format!("127.0.0.1:{}", free_port()?);
    let binary = target_dir().join("release/huikong-sim");
    let proto = if tls.is_some() { "h2" } else { "h1" };
    let log = bench_dir().join(format!("sim-wall-{rooms}x{size}-{proto}.log"));
    let file = std::fs::File::create(&log).map_err(|e| format!("{}: {e}", log.display()))?;
    let copy = file.try_clone().map_err(|e| e.to_string())?;
    let mut command = cmd(&binary);
    command
        .args(["--listen", &listen, "--scenario", "empty"])
        .args([
            "--rooms",
            &rooms.to_string(),
            "--room-size",
            &size.to_string(),
        ])
        .args(["--admin", "--token-ttl", "3600", "--dist"])
        .arg(served)
        .stdout(file)
        .stderr(copy);
    if let Some(dir) = tls {
        command
            .arg("--tls-cert")
            .arg(dir.join("cert.pem"))
            .arg("--tls-key")
            .arg(dir.join("key.pem"));
    }
    let mut sim = Managed::spawn("huikong-sim (release)", &mut command)?;
    let limit = Duration::from_secs(60);
    if tls.is_none() {
        wait_http(&mut sim, &listen, "/", limit)?;
        return Ok((sim, format!("http://{listen}")));
    }
    // The plain-HTTP probe cannot speak TLS: the port accepting is the simulator ready.
    let start = Instant::now();
    while TcpStream::connect(&listen).is_err() {
        if let Some(status) = sim.exited() {
            return Err(format!(
                "the simulator exited before it was ready ({status})"
            ));
        }
        if start.elapsed() > limit {
            return Err(format!("the simulator did not listen on {listen} in 60 s"));
        }
        sleep(Duration::from_millis(200));
    }
    Ok((sim, format!("https://{listen}")))
}

/// The chaos suite's test binary, built once here: the four runs start this one build, so
/// that the sources edited meanwhile neither rebuild it between runs (a compile beside a run
/// would load the CPU being measured) nor change what is measured.
fn chaos_binary() -> Result<PathBuf, String> {
    heading("building the browser side (the chaos suite's bench_wall test)");
    let output = cargo()
        .args(["test", "-p", "huikong", "--test", "chaos", "--no-run"])
        .arg("--message-format=json-render-diagnostics")
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cargo test --no-run (chaos): {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "cargo test --no-run (chaos) failed ({})",
            output.status
        ));
    }
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter(|l| l.contains("\"name\":\"chaos\""))
        .find_map(|l| {
            let path = l.split("\"executable\":\"").nth(1)?.split('"').next()?;
            Some(PathBuf::from(path))
        })
        .ok_or_else(|| "cargo named no chaos test binary".into())
}

fn measure(
    world: &e2e::World,
    suite: &Path,
    served: &Path,
    tls: Option<&Path>,
    rooms: usize,
    size: usize,
) -> Result<Vec<(String, String)>, String> {
    let (sim, url) = simulator(served, tls, rooms, size)?;
    let proto = if tls.is_some() { "h2" } else { "h1" };
    let out = bench_dir().join(format!("wall-{rooms}x{size}-{proto}.json"));
    let _ = std::fs::remove_file(&out);
    let mut command = cmd(suite);
    command
        .args(["--ignored", "--exact", "bench_wall::bench_wall_page"])
        .args(["--nocapture", "--test-threads=1"]);
    world.env(&mut command);
    command
        .env("HUIKONG_CHROME_BINARY", CHROMIUM)
        .env("HUIKONG_BENCH_SIM", &url)
        .env("HUIKONG_BENCH_ROOMS", rooms.to_string())
        .env("HUIKONG_BENCH_SIZE", size.to_string())
        .env("HUIKONG_BENCH_TLS", if tls.is_some() { "1" } else { "0" })
        .env("HUIKONG_BENCH_CPU_SECS", CPU_SECS.to_string())
        .env("HUIKONG_BENCH_OUT", &out);
    let result = run(
        &format!("bench_wall ({rooms}×{size}, {proto})"),
        &mut command,
    );
    sim.stop();
    result?;
    let text = std::fs::read_to_string(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    Ok(flat_json(&text))
}

/// A flat JSON object as the browser side writes it (one `"key": value` a line), each value
/// as it is written: a number, or a string with its quotes.
fn flat_json(text: &str) -> Vec<(String, String)> {
    text.lines()
        .filter_map(|l| {
            let (k, v) = l.trim().trim_end_matches(',').split_once(':')?;
            let k = k.trim().trim_matches('"');
            (!k.is_empty()).then(|| (k.to_string(), v.trim().to_string()))
        })
        .collect()
}

/// 12345 as "12,345", as the README writes numbers.
fn group(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn number(v: f64) -> String {
    if v.abs() >= 100.0 {
        group(v.round() as usize)
    } else {
        format!("{v:.1}")
    }
}

/// The table's rows: what each says, and its cell from one run.
type Cell = fn(&Run) -> Option<String>;
const ROWS: [(&str, Cell); 10] = [
    (
        "PIN submitted to every card showing its count and mode (ms)",
        |r| r.num("shown_ms").map(number),
    ),
    ("JS heap after a forced GC, every card shown (MiB)", |r| {
        r.num("heap_js_mib").map(number)
    }),
    ("WebAssembly memory then (MiB)", |r| {
        r.num("wasm_mib").map(number)
    }),
    ("Main thread busy, idle, 20 s (%)", |r| {
        r.num("cpu_idle_pct").map(number)
    }),
    (
        "Main thread busy, churn of 2/s in every room, 20 s (%)",
        |r| r.num("cpu_churn_pct").map(number),
    ),
    (
        "Key 1 to the room's list painted and live, median of 5 (ms)",
        |r| r.num("step_in_ms").map(number),
    ),
    ("Alt+W to the wall shown again, median of 5 (ms)", |r| {
        r.num("step_out_ms").map(number)
    }),
    ("Cards streamed / polled at the end", |r| {
        Some(format!("{} / {}", r.raw("streamed")?, r.raw("polled")?))
    }),
    ("Sessions lapsed / joins failed at the end", |r| {
        Some(format!("{} / {}", r.raw("lapsed")?, r.raw("failed")?))
    }),
    ("nextHopProtocol (the page / its API calls)", |r| {
        Some(format!(
            "{} / {}",
            r.text("next_hop_page")?,
            r.text("next_hop_api")?
        ))
    }),
];

fn markdown(runs: &[Run]) -> String {
    let labels: Vec<String> = runs.iter().map(Run::label).collect();
    let mut out = format!("\n| Figure | {} |\n", labels.join(" | "));
    out.push_str(&format!("|---|{}\n", "---|".repeat(runs.len())));
    for (what, cell) in ROWS {
        let cells: Vec<String> = runs
            .iter()
            .map(|r| cell(r).unwrap_or_else(|| "–".into()))
            .collect();
        out.push_str(&format!("| {what} | {} |\n", cells.join(" | ")));
    }
    out
}

fn esc(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

/// `wall.json`: the machine, the load at the start, and every figure by run.
fn json(runs: &[Run], machine: &str, load_start: &str) -> String {
    let by_run: Vec<String> = runs
        .iter()
        .map(|r| {
            let figures: Vec<String> = r
                .figures
                .iter()
                .map(|(k, v)| format!("\"{}\": {v}", esc(k)))
                .collect();
            format!("    \"{}\": {{{}}}", esc(&r.label()), figures.join(", "))
        })
        .collect();
    format!(
        "{{\n  \"machine\": \"{}\",\n  \"load_at_start\": \"{}\",\n  \"runs\": {{\n{}\n  }}\n}}\n",
        esc(machine),
        esc(load_start),
        by_run.join(",\n")
    )
}
