//! The scenarios (a living demo, a large room, an empty one) and `replay` of a captured stream.

mod common;

use common::*;
use huikong_protocol::{Event, Profile, Role};
use huikong_sim::{Config, Scenario};
use std::collections::HashSet;
use std::time::{Duration, Instant};

fn with(scenario: Scenario, profile: Profile) -> Config {
    Config {
        scenario,
        ..Config::for_tests(profile)
    }
}

#[tokio::test]
async fn the_demo_room_has_a_dozen_participants_over_every_protocol_and_is_started() {
    let sim = start_with(Config {
        scenario_tick: Duration::from_secs(3600),
        ..with(Scenario::Demo, Profile::Public)
    })
    .await;
    let h = sim.session_hidden(DEMO, Some(HOST_PIN), "观察", true).await;
    let list = sim.participants(&h).await;
    assert!(
        (10..=14).contains(&list.len()),
        "{} participants",
        list.len()
    );
    let protocols: HashSet<_> = list.iter().map(|p| p.protocol.as_str()).collect();
    for proto in ["sip", "h323", "webrtc", "rtmp", "phone", "api"] {
        assert!(protocols.contains(proto), "no {proto} participant");
    }
    assert!(list.iter().any(|p| p.role == Role::Host && p.has_media));
    assert!(list.iter().any(|p| p.role == Role::Guest));
    assert!(list.iter().any(|p| p.is_audio_only_call));
    assert_eq!(
        sim.get(DEMO, "service_status", Some(&h.token)).await.ok()["started"],
        true
    );
    let other = sim.session(TRAINING, Some(TRAINING_HOST_PIN), "讲师").await;
    assert_eq!(
        sim.participants(&other).await.len(),
        1,
        "the training room is left alone"
    );
}

#[tokio::test]
async fn the_demo_lives_speakers_take_turns_someone_presents_and_people_chat() {
    let sim = start_with(with(Scenario::Demo, Profile::Public)).await;
    let h = sim.session_hidden(DEMO, Some(HOST_PIN), "观察", true).await;
    let mut ev = sim.events(&h).await;
    ev.sync().await;
    let (mut speaking, mut presenting, mut frames, mut chat) = (false, false, false, false);
    let deadline = Instant::now() + Duration::from_secs(10);
    while !(speaking && presenting && frames && chat) && Instant::now() < deadline {
        match ev.next_within(Duration::from_secs(1)).await {
            Some((_, Event::Stage(s))) => speaking |= s.iter().any(|e| e.vad == 100),
            Some((_, Event::PresentationStart(_))) => presenting = true,
            Some((_, Event::PresentationFrame)) => frames = true,
            Some((_, Event::Message(_))) => chat = true,
            _ => {}
        }
    }
    assert!(
        speaking && presenting && frames && chat,
        "speaking {speaking} presenting {presenting} frames {frames} chat {chat}"
    );
}

#[tokio::test]
async fn a_large_room_of_five_thousand_syncs_quickly() {
    let sim = start_with(Config {
        scenario_tick: Duration::from_secs(3600),
        ..with(Scenario::Large(5000), Profile::Public)
    })
    .await;
    let h = sim.session_hidden(DEMO, Some(HOST_PIN), "观察", true).await;
    let since = Instant::now();
    let mut ev = sim.events(&h).await;
    let synced = ev.sync().await;
    assert_eq!(synced.len(), 5000);
    assert!(
        since.elapsed() < Duration::from_secs(10),
        "sync took {:?}",
        since.elapsed()
    );
    let list = sim.participants(&h).await;
    assert_eq!(list.len(), 5000);
    let uuid = list[4321].uuid.clone();
    sim.pcmd(&h, &uuid, "mute", serde_json::json!({}))
        .await
        .ok();
    ev.until("the mute", |e| about(e, &uuid).is_some_and(|p| p.is_muted))
        .await;
}

#[tokio::test]
async fn the_empty_scenario_has_nobody_and_no_activity() {
    let sim = start(Profile::Public).await;
    let h = sim.session_hidden(DEMO, Some(HOST_PIN), "观察", true).await;
    let mut ev = sim.events(&h).await;
    assert!(ev.sync().await.is_empty());
    // The three state events that follow every sync, each waited for as long as it takes;
    // then nothing more for a while.
    let mut after_sync = vec![ev.next().await, ev.next().await, ev.next().await];
    assert!(
        matches!(
            after_sync[..],
            [Event::ServiceUpdate(_), Event::Layout(_), Event::Stage(_)]
        ),
        "only service_update, layout and stage: {after_sync:?}"
    );
    while let Some((_, e)) = ev.next_within(Duration::from_millis(300)).await {
        after_sync.push(e);
    }
    assert_eq!(
        after_sync.len(),
        3,
        "activity after the sync: {after_sync:?}"
    );
}

#[tokio::test]
async fn replay_of_a_captured_stream_rebuilds_the_conference() {
    let sim = start(Profile::Public).await;
    let h = sim.host().await;
    let mut ev = sim.events(&h).await;
    let a = sim.dial_answered(&h, "a@example.com", "chair").await;
    sim.cmd(&h, "lock", serde_json::json!({})).await.ok();
    sim.cmd(
        &h,
        "message",
        serde_json::json!({"type": "text/plain", "payload": "你好"}),
    )
    .await
    .ok();
    ev.until("the message", |e| matches!(e, Event::Message(_)))
        .await;
    let (state, problems) = huikong_sim::replay::replay(&ev.raw);
    assert!(problems.is_empty(), "{problems:?}");
    let uuids: HashSet<_> = state["participants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["uuid"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(uuids, HashSet::from([h.uuid.clone(), a.clone()]));
    assert_eq!(state["service"]["locked"], true);
    assert_eq!(state["service"]["started"], true);
    assert_eq!(state["chat"][0]["payload"], "你好");
    assert_eq!(state["ended"], serde_json::Value::Null);
}

#[tokio::test]
async fn after_a_host_ends_the_demo_meeting_a_new_one_gathers() {
    let sim = start_with(with(Scenario::Demo, Profile::Public)).await;
    let h = sim
        .session_hidden(DEMO, Some(HOST_PIN), "主持人", true)
        .await;
    sim.cmd(&h, "disconnect", serde_json::json!({})).await.ok();
    let watcher = sim.session_hidden(DEMO, Some(HOST_PIN), "观察", true).await;
    assert!(sim.participants(&watcher).await.len() <= 1, "everyone left");
    let deadline = Instant::now() + Duration::from_secs(5);
    while sim.participants(&watcher).await.len() < 10 {
        assert!(Instant::now() < deadline, "no new meeting gathered");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
