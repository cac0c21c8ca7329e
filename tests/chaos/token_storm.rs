//! Token during a storm: refreshes at a 3 s lifetime (one a second) while the churn changes
//! a meeting of 5,000 at 500 participants a second (the short form: 200 at 100/s), so that the
//! refresh timers compete with a main thread busy with events. The simulator's side is watched
//! throughout (tests/chaos/token.rs): the console's session and participant must never be
//! absent, and afterwards its list must equal the simulator's.

use crate::token::watch;
use crate::world;
use crate::{figure, Scale};
use huikong_protocol::Profile;
use huikong_sim::{Config, Scenario};
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// A 3 s lifetime: a refresh every second, with two seconds of slack for a main thread busy
/// with the storm (the token proof's 1 s leaves a third of a second on a quiet page).
const LIFETIME: Duration = Duration::from_secs(3);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn refreshes_during_a_storm_never_let_the_token_lapse() {
    let scale = Scale::get();
    let size = scale.pick(200, 5000);
    let rate = scale.pick(100.0, 500.0);
    let wanted: u32 = scale.pick(20, 180);
    let config = Config {
        scenario: Scenario::Large(size),
        scenario_tick: Duration::from_secs(3600),
        ..Config::for_tests(Profile::Public)
    };
    let w = world::start("token_storm", config).await;
    // Short from the join on: the console paces its refreshes by the lifetime it was granted.
    w.sim.state.world().token_ttl = LIFETIME;
    let me = w.join().await;
    w.settle(Duration::from_secs(180)).await;
    let stop = Arc::new(AtomicBool::new(false));
    let count = Arc::new(AtomicU32::new(0));
    let watcher = watch(w.sim.state.clone(), me.clone(), stop.clone(), count.clone());
    w.sim.state.set_churn_rate(rate);
    let start = Instant::now();
    let limit = Duration::from_millis(u64::from(wanted) * 1500 + 30_000);
    while count.load(Ordering::SeqCst) < wanted && start.elapsed() < limit {
        tokio::time::sleep(Duration::from_millis(500)).await;
        if w.sim.state.world().session(&me).is_none() {
            break;
        }
    }
    let stormed = start.elapsed();
    w.sim.state.set_churn_rate(0.0);
    stop.store(true, Ordering::SeqCst);
    let seen = watcher.join().expect("the watcher");
    let log = w.tab.log().await;
    // What the console had to say, for a list that does not come to equal the simulator's.
    for line in log
        .iter()
        .filter(|l| l.level != "DEBUG" && l.level != "INFO")
        .take(20)
    {
        eprintln!(
            "[token_storm] browser {}: {:.300}",
            line.level, line.message
        );
    }
    let refused: Vec<String> = log
        .into_iter()
        .map(|l| l.message)
        .filter(|m| m.contains("status of 403") || m.contains("Invalid token"))
        .collect();
    figure(
        "token_storm",
        &format!(
            "{} refreshes in {:.1} s at a 3 s lifetime during a churn of {rate}/s in a meeting of {size} ({} form), {} looks at the simulator: session or participant absent {} times; closest a token came to lapsing: {} ms, longest between two refreshes: {} ms; 403 / Invalid token in the browser log: {}",
            seen.refreshes,
            stormed.as_secs_f64(),
            scale.name(),
            seen.looks,
            seen.absent,
            seen.closest.map_or(0, |c| c.as_millis()),
            seen.longest.map_or(0, |c| c.as_millis()),
            refused.len()
        ),
    );
    // The leaves' newcomers come in within two seconds; then the room holds still.
    tokio::time::sleep(Duration::from_millis(2500)).await;
    let rows = w.settle(Duration::from_secs(180)).await;
    figure(
        "token_storm",
        &format!("afterwards the console's list equalled the simulator's ({rows} rows)"),
    );
    assert!(
        seen.refreshes >= wanted,
        "only {} refreshes",
        seen.refreshes
    );
    assert_eq!(seen.absent, 0, "the console's participant dropped out");
    assert!(refused.is_empty(), "refused requests: {refused:?}");
    assert!(seen.closest.is_some_and(|c| c > Duration::ZERO));
}
