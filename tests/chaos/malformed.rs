//! Malformed events in a live stream (bad JSON, unknown names, missing fields, wrong types, a
//! megabyte of junk) are logged and skipped: the connection stays live, the list still equals
//! the simulator's, and a command still works.

use crate::world;
use crate::{figure, Scale};
use huikong_protocol::{Profile, Role};
use huikong_sim::{Config, Scenario};
use huikong_test_support::page::row_css;
use serde_json::json;
use std::time::{Duration, Instant};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn malformed_events_are_logged_and_skipped() {
    let scale = Scale::get();
    let span = Duration::from_secs(scale.pick(6, 40));
    let config = Config {
        scenario: Scenario::Large(60),
        scenario_tick: Duration::from_millis(100),
        ..Config::for_tests(Profile::Public)
    };
    let w = world::start("malformed", config).await;
    let me = w.join().await;
    w.settle(Duration::from_secs(30)).await;
    w.set_faults(json!({ "malformed_events_rate": 0.3, "seed": 6 }))
        .await;
    let start = Instant::now();
    let mut looks = 0;
    while start.elapsed() < span {
        tokio::time::sleep(Duration::from_millis(250)).await;
        assert_eq!(
            w.tab.conn_state().await.as_deref(),
            Some("live"),
            "the stream stayed up under malformed events"
        );
        looks += 1;
    }
    w.set_faults(json!({})).await;
    let rows = w.settle(Duration::from_secs(30)).await;

    // A command still works, on a row in the page (the list renders the rows near the view).
    let rendered = crate::rows::rendered_uuids(&w.tab).await;
    let guest = w
        .participants()
        .await
        .into_iter()
        .find(|p| {
            p.uuid != me && p.role == Role::Guest && !p.is_muted && rendered.contains(&p.uuid)
        })
        .expect("an unmuted guest")
        .uuid;
    w.tab
        .click_css(&format!(
            "{} [data-testid=\"mute-toggle\"]",
            row_css(&guest)
        ))
        .await;
    huikong_test_support::harness::eventually("the mute to take effect", || async {
        let muted = w
            .participants()
            .await
            .into_iter()
            .any(|p| p.uuid == guest && p.is_muted);
        let shown = w.tab.attr(&row_css(&guest), "data-muted").await;
        match (muted, shown.as_deref()) {
            (true, Some("true")) => Ok(()),
            s => Err(format!("muted in the simulator, on the page: {s:?}")),
        }
    })
    .await;

    let skipped: Vec<String> = w
        .tab
        .log()
        .await
        .into_iter()
        .map(|l| l.message)
        .filter(|m| m.contains("skipped a malformed"))
        .collect();
    let mut kinds: Vec<String> = skipped
        .iter()
        .filter_map(|m| {
            let rest = m.split("skipped a malformed ").nth(1)?;
            Some(rest.split_whitespace().next()?.to_string())
        })
        .collect();
    kinds.sort();
    kinds.dedup();
    figure(
        "malformed",
        &format!(
            "{:.0}s of a living meeting with 30% of live events followed by a malformed one: {} malformed events logged and skipped (under {}), the connection live at all {looks} looks, the list equal to the simulator's afterwards ({rows} rows), a mute afterwards took effect",
            span.as_secs_f64(),
            skipped.len(),
            kinds.join(", ")
        ),
    );
    assert!(!skipped.is_empty(), "no malformed event was logged");
}
