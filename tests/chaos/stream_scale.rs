//! Stream at scale: forced drops (`POST /_admin/drop-streams`) in a meeting of 5,000 under
//! churn (the short form: 300). The churn goes on through each drop and its gap, so the resync
//! must bring in whatever changed meanwhile; then it stops, and the console's list must equal
//! the simulator's field for field. The time to resync (from the drop to the sync's end in the
//! console's store, by the page's own `huikong-sync-end` mark) is reported apart from the time
//! to read and compare 5,000 rows by scrolling. The window is tall, so each scroll step of the
//! read takes in about a hundred rows.

use crate::world;
use crate::{figure, median_worst, Scale};
use huikong_protocol::Profile;
use huikong_sim::{Config, Scenario};
use huikong_test_support::harness::eventually_within;
use std::time::{Duration, Instant};

/// How long the churn runs before each drop.
const CHURN_BEFORE: Duration = Duration::from_millis(1500);
/// A leave's newcomer joins within two seconds: after that, the room holds still.
const NEWCOMERS_IN: Duration = Duration::from_millis(2500);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn forced_drops_in_a_meeting_of_5000_under_churn_resync_field_for_field() {
    let scale = Scale::get();
    let size = scale.pick(300, 5000);
    let drops: usize = scale.pick(3, 20);
    let rate = scale.pick(50.0, 100.0);
    let config = Config {
        scenario: Scenario::Large(size),
        // The churn is the only life in the room, so that a still room is a stopped churn.
        scenario_tick: Duration::from_secs(3600),
        ..Config::for_tests(Profile::Public)
    };
    let w = world::start("stream_scale", config).await;
    w.tab
        .client()
        .set_window_size(1280, 8000)
        .await
        .expect("a tall window");
    // A page of 5,000 under churn can be busy for longer than WebDriver's 30 s for a script.
    let timeouts = fantoccini::wd::TimeoutConfiguration::new(
        Some(Duration::from_secs(300)),
        Some(Duration::from_secs(60)),
        Some(Duration::ZERO),
    );
    w.tab
        .client()
        .update_timeouts(timeouts)
        .await
        .expect("script timeouts");
    w.join().await;
    let first = w.settle(Duration::from_secs(180)).await;
    let mut resyncs = Vec::with_capacity(drops);
    let mut reads = Vec::with_capacity(drops);
    let mut rows = first;
    for i in 0..drops {
        w.sim.state.set_churn_rate(rate);
        tokio::time::sleep(CHURN_BEFORE).await;
        let (t0, marks): (f64, usize) = w
            .tab
            .js("return [performance.now(), performance.getEntriesByName('huikong-sync-end').length];")
            .await;
        assert!(
            w.drop_streams().await >= 1,
            "drop {i}: the console's stream was open"
        );
        let script = format!(
            "const m = performance.getEntriesByName('huikong-sync-end'); return m.length > {marks} ? m[m.length - 1].startTime - {t0} : null;"
        );
        let resync: f64 = eventually_within(Duration::from_secs(120), "the resync", || async {
            let at: Option<f64> = w.tab.js(&script).await;
            at.ok_or_else(|| "no new sync end yet".to_string())
        })
        .await;
        resyncs.push(resync);
        w.sim.state.set_churn_rate(0.0);
        tokio::time::sleep(NEWCOMERS_IN).await;
        let read = Instant::now();
        rows = w.settle(Duration::from_secs(180)).await;
        reads.push(read.elapsed().as_secs_f64() * 1000.0);
    }
    assert_eq!(w.tab.conn_state().await.as_deref(), Some("live"));
    let (median, worst) = median_worst(&mut resyncs);
    let (read_median, read_worst) = median_worst(&mut reads);
    figure(
        "stream_scale",
        &format!(
            "{drops} forced drops in a meeting of {size} under a churn of {rate}/s ({first} rows at the start, {rows} at the end, {} form): after every drop the console's list equalled the simulator's field for field; time to resync (drop to the sync's end in the store) median {median:.0} ms, worst {worst:.0} ms; reading and comparing the list afterwards median {read_median:.0} ms, worst {read_worst:.0} ms",
            scale.name()
        ),
    );
}
