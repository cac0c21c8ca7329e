//! `huikong-sim [--listen ADDR] [--profile public|enterprise] [--token-ttl SECS]
//! [--scenario demo|empty|large:N] [--dist DIR] [--allow-origin ORIGIN]`, or
//! `huikong-sim replay FILE`.

use huikong_sim::rooms::provisioned_rooms;
use huikong_sim::{replay, spawn, Config};
use std::process::ExitCode;

const USAGE: &str = "usage: huikong-sim [--listen 127.0.0.1:8080] [--profile public|enterprise] \
[--token-ttl 120] [--scenario demo|empty|large:N] [--dist DIR] [--allow-origin ORIGIN]\n       \
huikong-sim replay FILE";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "--help" || a == "-h") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    if args.first().map(String::as_str) == Some("replay") {
        return match args.get(1) {
            Some(file) if args.len() == 2 => run_replay(file),
            _ => {
                eprintln!("{USAGE}");
                ExitCode::from(2)
            }
        };
    }
    let config = match Config::from_args(args) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("huikong-sim: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("huikong-sim: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(serve(config))
}

async fn serve(config: Config) -> ExitCode {
    let profile = config.profile;
    let scenario = config.scenario;
    let running = match spawn(config).await {
        Ok(r) => r,
        Err(e) => {
            eprintln!("huikong-sim: cannot listen: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!("huikong-sim listening on {}", running.url());
    println!("profile: {}, scenario: {scenario:?}", profile.as_str());
    println!(
        "checkJoin: POST {}/api/v3/meet/checkJoin.shtml",
        running.url()
    );
    for r in provisioned_rooms() {
        println!(
            "room {} / {} ({}): host PIN {}, guest PIN {}",
            r.id,
            r.alias,
            r.name,
            r.host_pin,
            r.guest_pin
                .as_deref()
                .unwrap_or("(none: join without a PIN)")
        );
    }
    // Serve until interrupted; the process exit ends every task.
    std::future::pending::<()>().await;
    drop(running);
    ExitCode::SUCCESS
}

fn run_replay(file: &str) -> ExitCode {
    let text = match std::fs::read_to_string(file) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("huikong-sim replay: cannot read {file}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let (state, problems) = replay::replay(&text);
    for p in &problems {
        eprintln!("huikong-sim replay: skipped {p}");
    }
    match serde_json::to_string_pretty(&state) {
        Ok(s) => {
            println!("{s}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("huikong-sim replay: {e}");
            ExitCode::FAILURE
        }
    }
}
