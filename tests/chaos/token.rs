//! Token: a thousand refreshes in a row at a 3-second lifetime, compressed three times (1 s, so
//! the console refreshes every 333 ms; five or ten times left too little slack on a loaded
//! two-core machine, where a timer plus a refresh's round trip took up to half a second). The simulator's side is watched throughout: every
//! refresh moves the session's expiry, and the console's participant must never leave.

use crate::world::{self, World};
use crate::{figure, Scale};
use huikong_protocol::{Profile, Role};
use huikong_sim::{AppState, Config};
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// What the watcher saw.
#[derive(Debug, Default)]
pub struct Watch {
    pub refreshes: u32,
    /// Looks at which the session or its participant was gone.
    pub absent: u32,
    /// The least time a token had left when the next one replaced it.
    pub closest: Option<Duration>,
    /// The longest time between two refreshes.
    pub longest: Option<Duration>,
    pub looks: u64,
}

/// Polls the simulator every millisecond until `stop`.
pub fn watch(
    state: AppState,
    me: String,
    stop: Arc<AtomicBool>,
    count: Arc<AtomicU32>,
) -> std::thread::JoinHandle<Watch> {
    std::thread::spawn(move || {
        let mut w = Watch::default();
        let mut last: Option<Instant> = None;
        let mut last_at: Option<Instant> = None;
        while !stop.load(Ordering::SeqCst) {
            {
                let world = state.world();
                let now = Instant::now();
                let listed = world
                    .find_room(world::ROOM)
                    .ok()
                    .is_some_and(|ix| world.rooms[ix].member(&me).is_some());
                match world.session(&me) {
                    Some(s) if listed => {
                        if let Some(prev) = last.filter(|p| *p != s.expires) {
                            w.refreshes += 1;
                            count.store(w.refreshes, Ordering::SeqCst);
                            let left = prev.saturating_duration_since(now);
                            w.closest = Some(w.closest.map_or(left, |c| c.min(left)));
                            if let Some(at) = last_at {
                                let gap = now - at;
                                w.longest = Some(w.longest.map_or(gap, |g| g.max(gap)));
                            }
                            last_at = Some(now);
                        }
                        last = Some(s.expires);
                    }
                    _ => w.absent += 1,
                }
                w.looks += 1;
            }
            std::thread::sleep(Duration::from_millis(1));
        }
        w
    })
}

async fn status_texts(w: &World) -> Vec<String> {
    w.tab
        .js("return Array.from(document.querySelectorAll('[data-testid=\"command-status\"] .status-text')).map(e => e.textContent);")
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn a_thousand_refreshes_never_let_the_token_lapse() {
    let scale = Scale::get();
    let wanted: u32 = scale.pick(100, 1000);
    let ttl = Duration::from_millis(1000);
    let w = world::start("token", Config::for_tests(Profile::Public)).await;
    w.sim.state.world().token_ttl = ttl;
    let guest = w.add("Zhang Wei", Role::Guest);
    w.add("Li Na", Role::Host);
    let me = w.join().await;
    let stop = Arc::new(AtomicBool::new(false));
    let count = Arc::new(AtomicU32::new(0));
    let watcher = watch(w.sim.state.clone(), me.clone(), stop.clone(), count.clone());

    // Requests go on meanwhile: a command every few seconds, and a dropped stream that must
    // reconnect with the token of the moment.
    let start = Instant::now();
    let limit = Duration::from_millis(u64::from(wanted) * 1000 + 30_000);
    let mut commands = 0;
    let mut drops = 0;
    let mut tick = 0u32;
    loop {
        tokio::time::sleep(Duration::from_millis(500)).await;
        tick += 1;
        let lost = w.sim.state.world().session(&me).is_none()
            || w.tab
                .attr("[data-testid=\"session-over\"]", "role")
                .await
                .is_some();
        if lost {
            break;
        }
        let state = w.tab.conn_state().await;
        if tick.is_multiple_of(6) {
            let css = format!(
                "{} [data-testid=\"mute-toggle\"]",
                huikong_test_support::page::row_css(&guest)
            );
            w.tab.click_css(&css).await;
            commands += 1;
        }
        if tick % 12 == 6 && state.as_deref() == Some("live") {
            assert!(w.drop_streams().await >= 1);
            drops += 1;
        }
        if count.load(Ordering::SeqCst) >= wanted || start.elapsed() > limit {
            break;
        }
    }
    stop.store(true, Ordering::SeqCst);
    let seen = watcher.join().expect("the watcher");
    let over: Option<String> = w
        .tab
        .js("const e = document.querySelector('[data-testid=\"session-over-reason\"]'); return e ? e.textContent : null;")
        .await;
    if over.is_none() {
        w.tab
            .wait_attr("connection-state", "data-state", "live")
            .await;
        huikong_test_support::harness::eventually("every command to have taken effect", || async {
            let muted = w
                .participants()
                .await
                .into_iter()
                .find(|p| p.uuid == guest)
                .map(|p| p.is_muted);
            match muted == Some(commands % 2 == 1) {
                true => Ok(()),
                false => Err(format!("muted {muted:?} after {commands} toggles")),
            }
        })
        .await;
    }
    let statuses = status_texts(&w).await;
    let refused: Vec<String> = w
        .tab
        .log()
        .await
        .into_iter()
        .map(|l| l.message)
        .filter(|m| m.contains("status of 403") || m.contains("Invalid token"))
        .collect();
    let failed: Vec<&String> = statuses.iter().filter(|t| t.contains("failed")).collect();
    let gap = seen.longest.map_or(0, |g| g.as_millis());
    figure(
        "token",
        &format!(
            "{} refreshes in {:.1}s at a 1s lifetime (a 3s lifetime compressed 3x), {} looks at the simulator: session or participant absent {} times; closest a token came to lapsing: {} ms, longest between two refreshes: {gap} ms; session ended: {over:?}; {} commands (failures shown: {}), {} stream reconnects; 403 / Invalid token in the browser log: {}",
            seen.refreshes,
            start.elapsed().as_secs_f64(),
            seen.looks,
            seen.absent,
            seen.closest.map_or(0, |c| c.as_millis()),
            commands,
            failed.len(),
            drops,
            refused.len()
        ),
    );
    assert!(
        seen.refreshes >= wanted,
        "only {} refreshes",
        seen.refreshes
    );
    assert_eq!(seen.absent, 0, "the console's participant dropped out");
    assert!(refused.is_empty(), "refused requests: {refused:?}");
    assert!(failed.is_empty(), "failed commands: {failed:?}");
    assert!(seen.closest.is_some_and(|c| c > Duration::ZERO));
}
