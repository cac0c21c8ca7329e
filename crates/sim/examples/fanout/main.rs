//! How long one event takes to reach every open event stream of a crowded room.
//!
//! `cargo run --release -p huikong-sim --example fanout -- [--streams 2000] [--participants 1000]
//! [--events 100] [--churn RATE]`
//!
//! Starts a simulator in-process with the demo room filled (`large:N`, living), opens the event
//! streams as API sessions (each its own hidden session with the host PIN, so that opening them
//! adds nobody to the list), waits for every stream's full sync, then mutes and unmutes one
//! participant `--events` times through the REST API, one at a time, and times each from the
//! command being sent to its `participant_update` arriving on each stream. With `--churn`, the
//! churn starts once every stream is synced, and the events are timed amid its storm. Prints
//! the figures, ending with a `FIGURE fanout` line. A benchmark: it prints, it asserts nothing
//! of time.

mod client;

use client::{open_streams, percentile, Api, Report};
use huikong_sim::limits::raise_open_files;
use huikong_sim::{spawn, Config, Scenario};
use std::time::{Duration, Instant};

struct Options {
    streams: usize,
    participants: usize,
    events: usize,
    churn: f64,
}

fn options() -> Result<Options, String> {
    let mut o = Options {
        streams: 2000,
        participants: 1000,
        events: 100,
        churn: 0.0,
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
        let bad = || format!("bad {flag} {value:?}");
        match flag.as_str() {
            "--streams" => o.streams = value.parse().map_err(|_| bad())?,
            "--participants" => o.participants = value.parse().map_err(|_| bad())?,
            "--events" => o.events = value.parse().map_err(|_| bad())?,
            "--churn" => o.churn = value.parse().map_err(|_| bad())?,
            _ => return Err(format!("unknown argument {flag:?}")),
        }
    }
    if o.streams == 0 || o.events == 0 || o.participants == 0 {
        return Err("--streams, --participants and --events must be above 0".into());
    }
    Ok(o)
}

/// Each stream holds two sockets here (the client's end and the simulator's).
fn check_files(streams: usize) -> Result<(), String> {
    let needed = 2 * streams as u64 + 200;
    match raise_open_files() {
        Some(files) if files < needed => Err(format!(
            "{streams} streams need about {needed} open files in this process (both ends of \
             each), the hard limit allows {files}: raise it with `ulimit -Hn`"
        )),
        _ => Ok(()),
    }
}

#[tokio::main]
async fn main() -> Result<(), String> {
    let o = options()?;
    check_files(o.streams)?;
    let running = spawn(Config {
        listen: ([127, 0, 0, 1], 0).into(),
        scenario: Scenario::Large(o.participants),
        // The churn is set once the streams are synced; the admin endpoint's churn task is
        // what runs it.
        admin: true,
        // Long enough that no token lapses during a run.
        token_ttl: 3600,
        ..Config::default()
    })
    .await
    .map_err(|e| format!("cannot start the simulator: {e}"))?;
    let api = Api::new(running.url());
    // The participant whose mutes are timed: an API session, which nothing else changes.
    let host = api.session("fanout host", true).await?;
    let marker = api.session("fanout marker", false).await?;
    println!(
        "fanout: a room of {} participants (+1 marked), {} streams, {} events, churn {}/s",
        o.participants, o.streams, o.events, o.churn
    );

    let started = Instant::now();
    let (streams, mut arrivals) = open_streams(&api, o.streams, &marker.uuid).await?;
    let open = started.elapsed();
    println!(
        "fanout: {} streams opened and fully synced in {:.1} s",
        streams.len(),
        open.as_secs_f64()
    );

    running.state.set_churn_rate(o.churn);

    let mut to_all = Vec::with_capacity(o.events);
    let mut each = Vec::with_capacity(o.events * o.streams);
    let mut command = Vec::with_capacity(o.events);
    let mut open_now = o.streams;
    for k in 0..o.events {
        let verb = if k % 2 == 0 { "mute" } else { "unmute" };
        let sent = Instant::now();
        api.participant_command(&host.token, &marker.uuid, verb)
            .await?;
        command.push(sent.elapsed());
        let mut seen = vec![false; o.streams];
        let mut last = sent;
        let mut arrived = 0;
        while arrived < open_now {
            let report = tokio::time::timeout(Duration::from_secs(30), arrivals.recv())
                .await
                .map_err(|_| format!("event {k}: not every stream had it after 30 s"))?
                .ok_or("every stream ended")?;
            match report {
                Report::Arrived(stream, at) => {
                    if std::mem::replace(&mut seen[stream], true) {
                        return Err(format!("event {k}: stream {stream} had it twice"));
                    }
                    arrived += 1;
                    each.push(at.saturating_duration_since(sent));
                    last = last.max(at);
                }
                Report::Ended(stream) => {
                    open_now -= 1;
                    // It may have had this event before it ended.
                    arrived -= usize::from(seen[stream]);
                }
            }
        }
        if open_now == 0 {
            return Err("every stream was dropped".into());
        }
        to_all.push(last.saturating_duration_since(sent));
    }
    drop(streams);
    if open_now < o.streams {
        println!(
            "fanout: {} streams were dropped by the simulator, having fallen too far behind",
            o.streams - open_now
        );
    }

    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let line = |what: &str, v: &mut Vec<Duration>| {
        v.sort();
        println!(
            "fanout: {what}: p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms ({} samples)",
            ms(percentile(v, 50.0)),
            ms(percentile(v, 99.0)),
            ms(*v.last().unwrap_or(&Duration::ZERO)),
            v.len()
        );
    };
    line("command answered", &mut command);
    line("time to reach every stream", &mut to_all);
    line("arrival on one stream", &mut each);
    println!(
        "FIGURE fanout streams={} p50_ms={:.1} p99_ms={:.1}",
        o.streams,
        ms(percentile(&to_all, 50.0)),
        ms(percentile(&to_all, 99.0))
    );
    running.stop();
    Ok(())
}
