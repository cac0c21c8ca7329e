//! The simulator's background tasks: the sweep of expired tokens, the timed stream drops of the
//! faults, the living scenario and its churn.

use crate::api::AppState;
use crate::churn::{Churn, CHURN_TICK};
use crate::config::Scenario;
use crate::scenario;
use std::time::{Duration, Instant};

/// How often the drop faults are looked at.
pub const DROP_TICK: Duration = Duration::from_millis(50);

/// Ends the sessions whose tokens have all expired, every `every`.
pub async fn sweep(app: AppState, every: Duration) {
    let mut every = tokio::time::interval(every);
    loop {
        every.tick().await;
        app.world().sweep(Instant::now());
    }
}

/// The task behind the timed drop faults; it runs for the simulator's life and acts only when
/// they are set, so that they can be set at run time.
pub async fn drop_streams(app: AppState) {
    let mut every = tokio::time::interval(DROP_TICK);
    every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        every.tick().await;
        if app.faults().periodic_drop_due(Instant::now()) {
            app.drop_all_streams();
            continue;
        }
        let chance = app.faults().random_drop_chance(DROP_TICK);
        if chance > 0.0 {
            app.drop_some_streams(chance);
        }
    }
}

/// Runs the scenario until the simulator stops.
pub async fn live(app: AppState, scenario: Scenario) {
    let mut n: u64 = 0;
    let mut idle: u64 = 0;
    let mut every = tokio::time::interval(app.config().scenario_tick);
    loop {
        every.tick().await;
        n += 1;
        scenario::tick(&mut app.world(), scenario, n, &mut idle);
    }
}

/// The churn, at the rate in force each step; it takes the world's lock only while it has
/// something to do, so that it can run for the simulator's life and be set at run time.
pub async fn churn(app: AppState) {
    let mut churn = Churn::of_rooms(churned_rooms(&app), app.config().faults.seed);
    let mut every = tokio::time::interval(CHURN_TICK);
    every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut last = Instant::now();
    loop {
        every.tick().await;
        let now = Instant::now();
        let rate = app.churn_rate();
        if rate > 0.0 || churn.has_rejoins() {
            churn.step(&mut app.world(), rate, now - last, now);
        }
        last = now;
    }
}

/// The rooms the churn changes: the demo room, and the extra rooms when they were populated
/// (empty ones would give it nobody to change).
fn churned_rooms(app: &AppState) -> Vec<usize> {
    let extra = if app.config().extra_room_size > 0 {
        app.world().extra_rooms()
    } else {
        0..0
    };
    std::iter::once(scenario::DEMO_ROOM).chain(extra).collect()
}
