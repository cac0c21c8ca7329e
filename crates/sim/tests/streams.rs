//! Many event streams at once: each gets the whole room in its sync, and every live event.
//! Correctness under numbers, not speed (the fanout example measures that).

mod common;

use common::*;
use futures_util::future::join_all;
use huikong_protocol::{Event, Profile};
use huikong_sim::{Config, Scenario};
use serde_json::json;
use std::collections::BTreeSet;
use std::time::Duration;

#[tokio::test]
async fn three_hundred_streams_opened_at_once_all_get_the_full_sync_and_the_next_event() {
    const STREAMS: usize = 300;
    const SIZE: usize = 200;
    let sim = start_with(Config {
        scenario: Scenario::Large(SIZE),
        scenario_tick: Duration::from_secs(3600),
        admin: true,
        ..Config::for_tests(Profile::Public)
    })
    .await;
    let host = sim
        .session_hidden(DEMO, Some(HOST_PIN), "主持人", true)
        .await;
    let everyone: BTreeSet<String> = sim
        .participants(&host)
        .await
        .into_iter()
        .map(|p| p.uuid)
        .collect();
    assert_eq!(everyone.len(), SIZE);

    // Every session first, then every stream at once, each read to the end of its sync.
    let names: Vec<String> = (0..STREAMS).map(|i| format!("读者 {i}")).collect();
    let sessions = join_all(
        names
            .iter()
            .map(|name| sim.session_hidden(DEMO, Some(HOST_PIN), name, true)),
    )
    .await;
    let mut streams = join_all(sessions.iter().map(|s| sim.events(s))).await;
    let synced = join_all(streams.iter_mut().map(|s| s.sync())).await;
    for (i, list) in synced.iter().enumerate() {
        let uuids: BTreeSet<String> = list.iter().map(|p| p.uuid.clone()).collect();
        assert_eq!(
            list.len(),
            SIZE,
            "stream {i} synced {} participants",
            list.len()
        );
        assert_eq!(uuids, everyone, "stream {i} synced another room");
    }
    assert_eq!(sim.admin_state(DEMO).await["streams"], STREAMS);

    let target = everyone.iter().next().unwrap().clone();
    sim.pcmd(&host, &target, "mute", json!({})).await.ok();
    let muted = |e: &Event| about(e, &target).is_some_and(|p| p.is_muted);
    join_all(streams.iter_mut().map(|s| s.until("the mute", muted))).await;
}
