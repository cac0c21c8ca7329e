//! `huikong-sim [--listen ADDR] [--profile public|enterprise] [--token-ttl SECS]
//! [--scenario demo|empty|venues|large:N] [--churn RATE] [--dist DIR] [--allow-origin ORIGIN]
//! [--no-cors] [--node-name HOST[:PORT]] [--tls-cert PEM --tls-key PEM] [--rooms N
//! [--room-size M]] [--timing-allow-origin] [fault flags] [--admin]`,
//! or `huikong-sim replay FILE`. `--help` lists every flag.

use huikong_sim::limits::raise_open_files;
use huikong_sim::model::{extra_room, provisioned_rooms};
use huikong_sim::{replay, spawn, Config};
use std::process::ExitCode;

const USAGE: &str = "usage: huikong-sim [--listen 127.0.0.1:8080] [--profile public|enterprise] \
[--token-ttl 120] [--scenario demo|empty|venues|large:N] [--churn RATE] [--dist DIR] \
[--allow-origin ORIGIN | --no-cors] [--node-name HOST[:PORT]] [--tls-cert PEM --tls-key PEM]
[--rooms N [--room-size M]] [--timing-allow-origin] [FAULTS] [--admin] [--seed N]
       huikong-sim replay FILE

  --no-cors                   send no CORS header at all, as a platform that answers only its
                              own pages (a console elsewhere needs a same-origin proxy)
  --node-name HOST[:PORT]     the conference node checkJoin names (mcuHost), instead of the
                              host the request was addressed to
  --tls-cert PEM --tls-key PEM
                              serve over TLS with this certificate, HTTP/2 or HTTP/1.1 as
                              the client's ALPN asks (`cargo xtask cert` makes one for
                              localhost and 127.0.0.1)
  --rooms N                   provision N more rooms (at most 999), for an operator wall:
                              room i is id 2000+i, roomNN@huikong.local (room01, room02, ...),
                              host PIN 123456, guest PIN 654321
  --room-size M               each of those rooms starts with M participants (default 0:
                              empty); --churn changes every populated one as the demo room
  --timing-allow-origin       answer with Timing-Allow-Origin: *, so that a console on another
                              origin reads the HTTP version (nextHopProtocol) of its requests

  --churn RATE                change RATE participants of the demo room a second (fractions
                              allowed, 0 = off; needs demo or large:N, or --room-size; each
                              populated extra room changes as many), spread evenly over
                              each second: mute or unmute, spotlight on or off, a turn to
                              speak (the stage), chair or guest, and about 1 in 100 a leave
                              that a newcomer's join makes up for a second or two later

Each open event stream holds a file; the simulator raises its open-file soft limit to the
hard limit at start. Where the hard limit is below what you need (2,000 streams want about
2,100), raise it first (`ulimit -Hn 8192` as root, or the system's limits configuration).

Faults (none by default; durations may have fractions):
  --drop-streams-every SECS   close every open event stream this often
  --drop-streams-random P     chance per second that any one event stream is closed (0..1)
  --refuse-reconnects SECS    after any drop, answer new event streams 503 for this long
  --fail-commands FRACTION    fail this fraction of conference and participant commands (0..1)
  --fail-kinds LIST           how they fail, among 500,502,503,timeout (default: all four);
                              500/503 with the failure envelope, 502 with a proxy's HTML page,
                              timeout holds the request, then 504
  --timeout-hold SECS         how long a timeout failure holds its request (default 30)
  --slow-commands MS          add this latency to every conference and participant command
  --refuse-refresh SECS       answer refresh_session 503 for this long from the start
  --malformed-events FRACTION follow this fraction of live events with a malformed one (invalid
                              JSON, unknown name, missing or wrongly typed field, ~1 MB payload)
  --seed N                    seed of the fault decisions and the churn's choices, to repeat
                              a run (default: random)
  --admin                     serve the admin endpoint: GET/PUT /_admin/faults,
                              GET/PUT /_admin/churn ({\"rate\": N}),
                              POST /_admin/drop-streams, GET /_admin/state/{room},
                              POST /_admin/drop/{room}/{uuid} (a call dropped)
Commands are every /api/services/{room}/ path but new_session, refresh_session, end_session
and events. Injected answers carry an x-huikong-fault header naming the fault.";

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

/// Streams a simulator should hold at least, with room to spare for its other files.
const STREAMS_WANTED: u64 = 2_000;

async fn serve(config: Config) -> ExitCode {
    let profile = config.profile;
    let scenario = config.scenario;
    let admin = config.admin;
    let churn = config.churn;
    let (extra_rooms, room_size) = (config.extra_rooms, config.extra_room_size);
    if let Some(files) = raise_open_files().filter(|n| *n < STREAMS_WANTED + 100) {
        eprintln!(
            "huikong-sim: at most {files} open files (the hard limit): fewer than \
             {STREAMS_WANTED} event streams fit; raise it with `ulimit -Hn`"
        );
    }
    let running = match spawn(config).await {
        Ok(r) => r,
        Err(e) => {
            eprintln!("huikong-sim: cannot listen: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!("huikong-sim listening on {}", running.url());
    println!("profile: {}, scenario: {scenario:?}", profile.as_str());
    if churn > 0.0 {
        let extra = if room_size > 0 {
            " and each extra room"
        } else {
            ""
        };
        println!("churn: {churn} participants a second in the demo room{extra}");
    }
    let faults = running.state.faults().get();
    if faults.any() {
        let json = serde_json::to_string(&faults).unwrap_or_default();
        println!("faults: {json}");
    }
    if admin {
        println!("admin: {}/_admin/faults", running.url());
    }
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
    if extra_rooms > 0 {
        // One line, not one a room: a wall of rooms would bury the rest.
        let (first, last) = (extra_room(1), extra_room(extra_rooms));
        println!(
            "rooms {}..{} / {} .. {} ({room_size} participants each): host PIN {}, guest PIN {}",
            first.id,
            last.id,
            first.alias,
            last.alias,
            first.host_pin,
            first.guest_pin.as_deref().unwrap_or("(none)")
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
    let report = replay::replay_report(&text);
    for line in report.lines() {
        eprintln!("huikong-sim replay: {line}");
    }
    match serde_json::to_string_pretty(&report.state) {
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
