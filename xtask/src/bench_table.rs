//! `cargo xtask bench`'s figures: what each is, its target, the table (markdown, to paste into
//! the README as it is), the machine it ran on, and `results.json`.

use crate::install::CHROMIUM;
use crate::util::{capture, cmd};

/// The pages measured, in the table's column order: the console, then the plain-JS reference.
/// Here rather than in `bench.rs`, which runs them: the table is below the run that fills it.
pub const PAGES: [&str; 2] = ["console", "reference"];

/// One page's figures at one size, as the browser side wrote them.
pub struct Measured {
    pub page: String,
    pub size: usize,
    pub figures: Vec<(String, f64)>,
}

impl Measured {
    fn get(&self, key: &str) -> Option<f64> {
        if key == "heap_growth_pct" {
            let (start, end) = (self.get("heap_start_mib")?, self.get("heap_end_mib")?);
            return (start > 0.0).then(|| (end - start) / start * 100.0);
        }
        self.figures.iter().find(|(k, _)| k == key).map(|(_, v)| *v)
    }
}

pub struct Fanout {
    pub size: usize,
    pub streams: usize,
    pub p50: f64,
    pub p99: f64,
}

/// Every figure within this factor of the reference page's.
const RATIO: f64 = 1.3;

/// (key, what it is, the most it may be, whether the ratio to the reference applies)
const FIGURES: [(&str, &str, Option<f64>, bool); 17] = [
    (
        "join_ms",
        "Join click to the full list painted (ms)",
        Some(500.0),
        true,
    ),
    (
        "sync_ms",
        "`participant_sync_end` to the list painted (ms)",
        Some(100.0),
        true,
    ),
    (
        "dom_nodes",
        "DOM elements after the sync",
        Some(3000.0),
        true,
    ),
    ("dom_rows", "rows in the DOM after the sync", None, true),
    (
        "update_p50_ms",
        "one `participant_update` to its row painted, p50 (ms)",
        None,
        true,
    ),
    (
        "update_p95_ms",
        "one `participant_update` to its row painted, p95 (ms)",
        Some(16.0),
        true,
    ),
    (
        "storm_gap_p95_ms",
        "storm of 500 changes/s: frame gap p95 (ms)",
        Some(17.0),
        true,
    ),
    (
        "storm_long_tasks",
        "storm: long tasks (over 50 ms)",
        Some(0.0),
        true,
    ),
    (
        "storm_long_task_max_ms",
        "storm: longest task (ms)",
        Some(50.0),
        true,
    ),
    (
        "heap_start_mib",
        "storm: heap at the start, JS + WebAssembly memory (MiB)",
        None,
        true,
    ),
    (
        "heap_end_mib",
        "storm: heap at the end, JS + WebAssembly memory (MiB)",
        None,
        true,
    ),
    (
        "heap_growth_pct",
        "storm: heap growth, end against start (%)",
        Some(10.0),
        false,
    ),
    (
        "search_ms",
        "search narrowing to one row, painted (ms)",
        Some(50.0),
        true,
    ),
    (
        "clear_ms",
        "search cleared, whole list painted (ms)",
        Some(50.0),
        true,
    ),
    (
        "sort_ms",
        "sort changed to name, painted (ms)",
        Some(50.0),
        true,
    ),
    (
        "language_ms",
        "language switched, painted (ms)",
        Some(50.0),
        true,
    ),
    (
        "scroll_dropped",
        "scrolling top to bottom, a viewport a frame: frames dropped",
        None,
        true,
    ),
];

fn number(v: f64) -> String {
    if v.abs() >= 100.0 || v.fract() == 0.0 {
        group(v.round() as i64)
    } else {
        format!("{v:.1}")
    }
}

/// 12345 as "12,345", as the README writes numbers.
fn group(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 {
        format!("-{out}")
    } else {
        out
    }
}

/// The ratio cell and whether it is within [`RATIO`]; two zeros are even.
fn ratio(console: f64, reference: f64) -> (String, bool) {
    if reference <= 0.0 {
        return if console <= 0.0 {
            ("even".into(), true)
        } else {
            ("–".into(), false)
        };
    }
    let r = console / reference;
    (format!("{r:.2}x"), r <= RATIO)
}

fn row(m: (&str, &str, Option<f64>, bool), console: Option<f64>, reference: Option<f64>) -> String {
    let (_, what, most, compared) = m;
    let cell = |v: Option<f64>| v.map_or("–".into(), number);
    let target = most.map_or("–".into(), |t| format!("≤ {}", number(t)));
    let (ratio_cell, ratio_ok) = match (console, reference, compared) {
        (Some(c), Some(r), true) => ratio(c, r),
        _ => ("–".into(), true),
    };
    let target_ok = match (most, console) {
        (Some(t), Some(c)) => c <= t,
        _ => true,
    };
    let met = match (target_ok, ratio_ok) {
        (true, true) => "yes".to_string(),
        (false, true) => "**no**: over the target".into(),
        (true, false) => format!("**no**: over {RATIO}x the reference"),
        (false, false) => format!("**no**: over the target and {RATIO}x the reference"),
    };
    format!(
        "| {what} | {target} | {} | {} | {ratio_cell} | {met} |",
        cell(console),
        cell(reference)
    )
}

/// One table per size.
pub fn markdown(sizes: &[usize], measured: &[Measured], fanouts: &[Fanout]) -> String {
    let mut out = String::new();
    for &size in sizes {
        let of = |page: &str| measured.iter().find(|m| m.size == size && m.page == page);
        out.push_str(&format!("\n**{} participants**\n\n", group(size as i64)));
        out.push_str("| Figure | Target | Console | Reference | Ratio | Met? |\n");
        out.push_str("|---|---|---|---|---|---|\n");
        for f in FIGURES {
            let console = of(PAGES[0]).and_then(|m| m.get(f.0));
            let reference = of(PAGES[1]).and_then(|m| m.get(f.0));
            out.push_str(&row(f, console, reference));
            out.push('\n');
        }
        if let Some(fan) = fanouts.iter().find(|f| f.size == size) {
            let what = format!(
                "simulator: one event to all of {} open event streams, p50 / p99 (ms)",
                group(fan.streams as i64)
            );
            let met = if fan.p99 <= 50.0 {
                "yes"
            } else {
                "**no**: over the target"
            };
            out.push_str(&format!(
                "| {what} | p99 ≤ 50 | {} / {} (the simulator) | – | – | {met} |\n",
                number(fan.p50),
                number(fan.p99)
            ));
        }
    }
    out
}

/// The console at `size` with a venue list of `venues` against the console alone: the targets
/// only (the list is extra work the reference page does not do).
pub fn venues_markdown(size: usize, venues: usize, page: &str, measured: &[Measured]) -> String {
    let of = |p: &str| measured.iter().find(|m| m.size == size && m.page == p);
    let mut out = format!(
        "\n**{} participants with a venue list of {}**\n\n",
        group(size as i64),
        group(venues as i64)
    );
    out.push_str("| Figure | Target | With the list | Without | Met? |\n|---|---|---|---|---|\n");
    for (key, what, most, _) in FIGURES {
        let with = of(page).and_then(|m| m.get(key));
        let without = of(PAGES[0]).and_then(|m| m.get(key));
        let cell = |v: Option<f64>| v.map_or("–".into(), number);
        let (target, met) = match (most, with) {
            (Some(t), Some(w)) if w > t => (format!("≤ {}", number(t)), "**no**: over the target"),
            (Some(t), _) => (format!("≤ {}", number(t)), "yes"),
            (None, _) => ("–".into(), "–"),
        };
        out.push_str(&format!(
            "| {what} | {target} | {} | {} | {met} |\n",
            cell(with),
            cell(without)
        ));
    }
    out
}

/// A flat JSON object of numbers, as the browser side writes it (one `"key": value` a line).
pub fn parse_flat_json(text: &str) -> Vec<(String, f64)> {
    text.lines()
        .filter_map(|l| {
            let (k, v) = l.trim().trim_end_matches(',').split_once(':')?;
            Some((
                k.trim().trim_matches('"').to_string(),
                v.trim().parse().ok()?,
            ))
        })
        .collect()
}

/// Cores, CPU model, memory and Chromium's version.
pub fn machine() -> String {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find_map(|l| {
            l.strip_prefix("model name")?
                .split_once(':')
                .map(|x| x.1.trim())
        })
        .unwrap_or("unknown CPU")
        .to_string();
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let kib: f64 = meminfo
        .lines()
        .find_map(|l| {
            l.strip_prefix("MemTotal:")?
                .split_whitespace()
                .next()?
                .parse()
                .ok()
        })
        .unwrap_or(0.0);
    let chromium = capture(cmd(CHROMIUM).arg("--version"))
        .map(|v| v.trim().to_string())
        .unwrap_or_else(|| "Chromium (version unknown)".into());
    // The machine is shared: how busy it was says how far to trust the figures.
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let load: Vec<&str> = load.split_whitespace().take(3).collect();
    format!(
        "{cores} cores ({model}), {:.1} GiB of memory, {chromium}, headless at 1280x900; \
         load average at the end {}",
        kib / 1_048_576.0,
        load.join(" ")
    )
}

fn esc(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

/// `results.json`: the machine, the storm's length, and every figure by size and page.
pub fn json(
    sizes: &[usize],
    measured: &[Measured],
    fanouts: &[Fanout],
    machine: &str,
    storm: u64,
) -> String {
    let mut by_size = Vec::new();
    for &size in sizes {
        let mut parts = Vec::new();
        for m in measured.iter().filter(|m| m.size == size) {
            let figures: Vec<String> = m
                .figures
                .iter()
                .map(|(k, v)| format!("\"{}\": {v}", esc(k)))
                .collect();
            parts.push(format!("\"{}\": {{{}}}", esc(&m.page), figures.join(", ")));
        }
        if let Some(f) = fanouts.iter().find(|f| f.size == size) {
            parts.push(format!(
                "\"simulator\": {{\"fanout_streams\": {}, \"fanout_p50_ms\": {}, \"fanout_p99_ms\": {}}}",
                f.streams, f.p50, f.p99
            ));
        }
        by_size.push(format!("    \"{size}\": {{{}}}", parts.join(", ")));
    }
    format!(
        "{{\n  \"machine\": \"{}\",\n  \"storm_secs\": {storm},\n  \"sizes\": {{\n{}\n  }}\n}}\n",
        esc(machine),
        by_size.join(",\n")
    )
}

/// Where the benches write their logs and results (the target folder's `bench`).
pub fn bench_dir() -> std::path::PathBuf {
    let dir = crate::util::target_dir().join("bench");
    let _ = std::fs::create_dir_all(&dir);
    dir
}
