//! The resilience proofs on the console's side: the built console in headless Chromium against an
//! in-process simulator that injects faults, each test printing its figures. `cargo xtask test`
//! runs the short form; `cargo xtask chaos` sets `HUIKONG_CHAOS=full` for the long runs.
//! Every proof is `#[ignore]`d, so that a bare `cargo test` reports it ignored and never passed;
//! the xtask runs them with `--include-ignored` (all but `bench` and `bench_wall`, which
//! `cargo xtask bench` runs), and one that cannot reach its browser or built console fails.

mod bench_js;
mod rows;
mod tab;
mod world;

mod bench;
mod bench_wall;
mod commands;
mod hostile;
mod malformed;
mod scale;
mod secrets;
mod stream;
mod stream_scale;
mod token;
mod token_storm;

/// How long each proof runs: the short form by default, the full counts with
/// `HUIKONG_CHAOS=full`.
#[derive(Debug, Clone, Copy)]
pub struct Scale {
    pub full: bool,
}

impl Scale {
    pub fn get() -> Scale {
        Scale {
            full: std::env::var("HUIKONG_CHAOS").is_ok_and(|v| v == "full"),
        }
    }

    /// `short` in the short form, `full` in the long one.
    pub fn pick<T>(self, short: T, full: T) -> T {
        if self.full {
            full
        } else {
            short
        }
    }

    pub fn name(self) -> &'static str {
        self.pick("short", "full")
    }
}

/// One figure line, straight to stderr so it shows without `--nocapture`, and marked so that
/// `cargo xtask chaos` can gather the lines for its summary.
pub fn figure(test: &str, text: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "FIGURE [{test}] {text}");
}

/// Median and worst of durations in milliseconds (sorted in place).
pub fn median_worst(ms: &mut [f64]) -> (f64, f64) {
    if ms.is_empty() {
        return (0.0, 0.0);
    }
    ms.sort_by(f64::total_cmp);
    let n = ms.len();
    let median = if n % 2 == 1 {
        ms[n / 2]
    } else {
        (ms[n / 2 - 1] + ms[n / 2]) / 2.0
    };
    (median, ms[n - 1])
}
