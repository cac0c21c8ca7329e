//! Scale: a meeting of 2,000 ("2,000 participants stay smooth: keyed rows, one
//! participant's update touches one row"). A benchmark, not a timed test: it asserts only that
//! the page follows the simulator, and prints the figures — time to the first full list, how
//! long one participant's change takes to reach its row, main-thread long tasks meanwhile, and
//! the page's JS heap and DOM size. The short form uses 500 participants.

use crate::world;
use crate::{figure, median_worst, Scale};
use huikong_protocol::{Profile, Role};
use huikong_sim::{Config, Scenario};
use std::time::{Duration, Instant};

const UPDATES: usize = 20;
/// More rows in the page than this and the list is not virtualised.
const MOST_ROWS: usize = 100;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn a_meeting_of_2000_loads_and_each_update_touches_its_row() {
    let scale = Scale::get();
    let size = scale.pick(500, 2000);
    let config = Config {
        scenario: Scenario::Large(size),
        // The living meeting stays quiet, so that every change measured is the test's own.
        scenario_tick: Duration::from_secs(3600),
        ..Config::for_tests(Profile::Public)
    };
    let w = world::start("scale", config).await;
    let t0 = Instant::now();
    let me = w.join().await;
    let rows = w.settle(Duration::from_secs(120)).await;
    let first_list = t0.elapsed();

    w.tab
        .js::<serde_json::Value>(
            "window.__longtasks = []; new PerformanceObserver(l => { for (const e of l.getEntries()) window.__longtasks.push(e.duration); }).observe({ type: 'longtask', buffered: false }); return null;",
        )
        .await;
    // The list is virtualised: the page holds the rows near the view, far fewer than the
    // meeting, and each says its place in the whole list.
    let (rendered, set_size): (Vec<String>, Option<String>) = w
        .tab
        .js("const r = Array.from(document.querySelectorAll('[data-testid=participant-row]')); return [r.map(e => e.dataset.uuid), r.length ? r[0].getAttribute('aria-setsize') : null];")
        .await;
    assert!(
        rendered.len() <= MOST_ROWS,
        "{} rows in the page for a meeting of {rows}",
        rendered.len()
    );
    assert_eq!(set_size, Some(rows.to_string()), "the rows' aria-setsize");
    // Changes to rows in the page's window: a change to a row out of it has no row to reach.
    let guests: Vec<String> = w
        .participants()
        .await
        .into_iter()
        .filter(|p| p.uuid != me && p.role == Role::Guest && rendered.contains(&p.uuid))
        .map(|p| p.uuid)
        .take(UPDATES)
        .collect();
    let mut latencies = Vec::with_capacity(UPDATES);
    for uuid in &guests {
        let muted = w.room(|r| {
            let mut now = false;
            r.update(uuid, |m| {
                m.p.is_muted = !m.p.is_muted;
                now = m.p.is_muted;
            });
            now
        });
        let t = Instant::now();
        let script = format!(
            "const r = document.querySelector('[data-testid=participant-row][data-uuid=\"{uuid}\"]'); return r ? r.dataset.muted : null;"
        );
        huikong_test_support::harness::eventually_within(
            Duration::from_secs(30),
            "the row to follow",
            || async {
                let shown: Option<String> = w.tab.js(&script).await;
                (shown.as_deref() == Some(if muted { "true" } else { "false" }))
                    .then_some(())
                    .ok_or_else(|| format!("row shows muted={shown:?}"))
            },
        )
        .await;
        latencies.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    w.settle(Duration::from_secs(30)).await;
    let (long_count, long_total, heap_mb, nodes): (usize, f64, f64, usize) = w
        .tab
        .js::<(usize, f64, f64, usize)>(
            "const l = window.__longtasks || []; return [l.length, l.reduce((a, b) => a + b, 0), (performance.memory ? performance.memory.usedJSHeapSize : 0) / 1048576, document.getElementsByTagName('*').length];",
        )
        .await;
    let (median, worst) = median_worst(&mut latencies);
    figure(
        "scale",
        &format!(
            "{size} participants ({rows} rows with the console, {} form): first full list {:.1} s after Join; one participant's change reached its row in median {median:.0} ms, worst {worst:.0} ms over {} changes (as seen through WebDriver polling); {long_count} long tasks totalling {long_total:.0} ms meanwhile; JS heap {heap_mb:.1} MiB, {nodes} DOM elements",
            scale.name(),
            first_list.as_secs_f64(),
            latencies.len()
        ),
    );
}
