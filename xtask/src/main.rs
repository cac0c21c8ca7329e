//! `cargo xtask demo` and `cargo xtask test`: the project's two set-up commands, and the
//! smaller ones beside them.
//!
//! Only `std`: the tooling must build in seconds on a fresh machine, before anything else.

mod bench;
mod bench_table;
mod bench_wall;
mod build;
mod cert;
mod chaos;
mod demo;
mod dist;
mod e2e;
mod install;
mod nginx;
mod procs;
mod screenshots;
mod services;
mod size;
mod split;
mod targets;
mod test;
mod twiggy;
mod util;

use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  demo [--listen ADDR]   install what is missing, build the console in release and serve it
                         with the simulator (default ADDR 127.0.0.1:8080)
  test                   install what is missing, then run fmt, clippy, the native tests,
                         the wasm-bindgen tests in headless Chromium, the browser
                         end-to-end tests, the release build against size-budget.txt,
                         docs/deploy.md's nginx block on Debian's nginx, then the short
                         forms of the chaos proofs
  test STEP...           only the named steps: fmt, clippy, native, wasm, e2e, size, nginx,
                         chaos
  chaos [PART...]        the resilience proofs' long forms with their figures: soak (10 million hostile
                         inputs), matrix (the simulator's authorisation), browser (the console
                         under faults: token refreshes, also during a storm of 500
                         changes/s in a meeting of 5,000, stream drops in meetings of 500
                         and of 5,000 under churn, failing commands, malformed events,
                         hostile content, secrets)
  dist                   build the release console into dist/, with a .gz and a .br copy of
                         every file but config.json, and their checksums beside it in
                         dist.sha256sums (`sha256sum -c` in a copy's directory checks it)
  size                   the release console's files (raw, gzip, brotli), the module's
                         largest items (twiggy, installed when missing), the gzipped sizes
                         against size-budget.txt, and the cold load to an interactive join
                         page (median of 10) with and without preloading
  bench [--sizes N,N] [--storm SECS] [--no-fanout]
                         the console and a hand-written plain-JS reference page
                         (bench/reference/) in headless Chromium against the release
                         simulator at 1,000 and 5,000 participants (or --sizes), measured
                         in the page: sync, one update, a 500/s storm (--storm, default 60 s),
                         search, sort, language, scrolling, DOM size; the simulator's
                         fan-out to 2,000 streams; a markdown table and
                         target/bench/results.json
  bench --wall           only the operator wall (/?wall=1) against the release simulator:
                         20 rooms of 200 and 8 of 1,000, each over HTTP/1.1 and over
                         TLS with HTTP/2; every card shown after the PIN, the JS heap
                         after a GC, the main thread's busy share idle and under a churn
                         of 2/s a room, stepping into a room and back; a markdown table
                         and target/bench/wall.json
  screenshots            retake the README's screenshots of the console (docs/screenshots/)
                         with the browser suite against the living demo conference
  cert                   make the simulator's self-signed TLS certificate (target/tls/) and
                         print the flags that serve HTTP/2 with it
  e2e-env                build the console and start chromedriver for the browser tests
                         (each starts its own simulator), plus one demo simulator serving
                         the console to look at by hand; print the environment and keep
                         them running";

fn main() -> ExitCode {
    procs::install_signal_handlers();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("demo") => demo::main(&args[1..]),
        Some("test") => test::main(&args[1..]),
        Some("chaos") => chaos::main(&args[1..]),
        Some("dist") => dist::main(&args[1..]),
        Some("size") => size::main(&args[1..]),
        Some("bench") => bench::main(&args[1..]),
        Some("screenshots") => screenshots::main(&args[1..]),
        Some("cert") if args.len() == 1 => cert::main(),
        Some("e2e-env") if args.len() == 1 => e2e::serve(),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        _ => Err(format!("unknown arguments {args:?}\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: error: {message}");
            ExitCode::FAILURE
        }
    }
}
