//! `--churn RATE`: the room changes about RATE participants a second in every way the churn
//! knows, keeps about its size, and a stream that follows it ends where the simulator is.
//! Windows are generous: these check what happens, not how fast.

mod common;

use common::*;
use huikong_protocol::{Conference, Event, Participant, Profile};
use huikong_sim::{Config, Scenario};
use serde_json::{json, Value};
use std::collections::{BTreeMap, HashMap};
use std::time::{Duration, Instant};

/// A large room whose own life is paused (one tick an hour), so that every change is the
/// churn's.
fn churning(size: usize, rate: f64) -> Config {
    let mut config = Config {
        scenario: Scenario::Large(size),
        scenario_tick: Duration::from_secs(3600),
        churn: rate,
        admin: true,
        ..Config::for_tests(Profile::Public)
    };
    config.faults.seed = Some(7);
    config
}

/// What changed between two versions of a participant, in the churn's words.
fn kinds(before: &Participant, after: &Participant) -> Vec<&'static str> {
    let mut found = Vec::new();
    if before.is_muted != after.is_muted {
        found.push("mute");
    }
    if before.spotlight != after.spotlight {
        found.push("spotlight");
    }
    if before.role != after.role {
        found.push("role");
    }
    found
}

#[tokio::test]
async fn the_churn_changes_about_its_rate_in_every_way_and_the_room_keeps_its_size() {
    const SIZE: usize = 200;
    const RATE: f64 = 250.0;
    let sim = start_with(churning(SIZE, RATE)).await;
    let watcher = sim.session_hidden(DEMO, Some(HOST_PIN), "观察", true).await;
    let mut stream = sim.events(&watcher).await;
    let mut known: HashMap<String, Participant> = stream
        .sync()
        .await
        .into_iter()
        .map(|p| (p.uuid.clone(), p))
        .collect();
    let start = known.len();
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    let (mut smallest, mut largest) = (start, start);
    let window = Duration::from_secs(4);
    let began = Instant::now();
    // The window, and then until a newcomer has joined after a leave (at most 10 s in all).
    while began.elapsed() < window
        || (!seen.contains_key("join") && began.elapsed() < Duration::from_secs(10))
    {
        let Some((_, e)) = stream.next_within(Duration::from_millis(500)).await else {
            continue;
        };
        let counting = began.elapsed() < window;
        let mut note = |kind| {
            if counting {
                *seen.entry(kind).or_default() += 1;
            }
        };
        match e {
            Event::ParticipantUpdate(p) => {
                if let Some(before) = known.get(&p.uuid) {
                    kinds(before, &p).into_iter().for_each(&mut note);
                }
                known.insert(p.uuid.clone(), p);
            }
            Event::ParticipantCreate(p) => {
                // Newcomers are always noted: the loop waits for one.
                *seen.entry("join").or_default() += 1;
                known.insert(p.uuid.clone(), p);
            }
            Event::ParticipantDelete { uuid } => {
                note("leave");
                known.remove(&uuid);
            }
            Event::Stage(_) => note("stage"),
            _ => {}
        }
        smallest = smallest.min(known.len());
        largest = largest.max(known.len());
    }
    for kind in ["mute", "spotlight", "role", "stage", "leave", "join"] {
        assert!(
            seen.get(kind).is_some_and(|n| *n > 0),
            "no {kind}: {seen:?}"
        );
    }
    // Each change brings about one of these; a busy machine may fall behind, never ahead.
    let changes: usize = ["mute", "spotlight", "role", "stage", "leave"]
        .iter()
        .filter_map(|k| seen.get(k))
        .sum();
    let expected = RATE * window.as_secs_f64();
    assert!(
        (expected * 0.3..=expected * 1.3).contains(&(changes as f64)),
        "{changes} changes in {window:?} at {RATE}/s: {seen:?}"
    );
    assert!(
        largest <= start && smallest + 30 >= start,
        "the room of {start} went from {smallest} to {largest}"
    );
}

async fn put_churn(sim: &Sim, body: Value) -> (u16, Value) {
    let res = sim
        .http
        .put(sim.admin_url("churn"))
        .json(&body)
        .send()
        .await
        .unwrap();
    (res.status().as_u16(), res.json().await.unwrap())
}

#[tokio::test]
async fn a_stream_that_follows_the_churn_ends_where_the_simulator_is() {
    const SIZE: usize = 100;
    let sim = start_with(churning(SIZE, 200.0)).await;
    let host = sim.session_hidden(DEMO, Some(HOST_PIN), "观察", true).await;
    let mut stream = sim.events(&host).await;
    let mut conference = Conference::new();
    let until = Instant::now() + Duration::from_secs(2);
    while Instant::now() < until {
        if let Some((_, e)) = stream.next_within(Duration::from_millis(200)).await {
            conference.apply(&e);
        }
    }
    assert_eq!(put_churn(&sim, json!({ "rate": 0 })).await.0, 200);
    // The newcomers still owed join within two seconds of their leaves.
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let state = sim.admin_state(DEMO).await;
        if state["participants"].as_array().map(Vec::len) == Some(SIZE) {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the room never came back to {SIZE}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let marker = json!({ "type": "text/plain", "payload": "marker" });
    sim.cmd(&host, "message", marker).await.ok();
    loop {
        let e = stream.next().await;
        conference.apply(&e);
        if matches!(&e, Event::Message(m) if m.payload == "marker") {
            break;
        }
    }
    let state = sim.admin_state(DEMO).await;
    let listed: Vec<Participant> = serde_json::from_value(state["participants"].clone()).unwrap();
    let by_uuid: BTreeMap<String, Participant> =
        listed.into_iter().map(|p| (p.uuid.clone(), p)).collect();
    assert_eq!(&by_uuid, conference.participants());
    assert_eq!(
        state["stage"],
        serde_json::to_value(&conference.stage).unwrap()
    );
    assert_eq!(
        state["layout"]["hosts"],
        serde_json::to_value(&conference.layout).unwrap()
    );
    assert_eq!(state["service"]["started"], conference.service.started);
}

#[tokio::test]
async fn the_admin_endpoint_reads_and_sets_the_churn_and_refuses_bad_rates() {
    let sim = start_with(churning(20, 5.0)).await;
    let rate = sim
        .http
        .get(sim.admin_url("churn"))
        .send()
        .await
        .unwrap()
        .json::<Value>()
        .await
        .unwrap();
    assert_eq!(rate, json!({ "rate": 5.0 }));
    assert_eq!(
        put_churn(&sim, json!({ "rate": 12.5 })).await,
        (200, json!({ "rate": 12.5 }))
    );
    for bad in [
        json!({ "rate": -1 }),
        json!({ "rate": 1e9 }),
        json!({ "rate": "fast" }),
        json!({ "speed": 3 }),
    ] {
        let (status, body) = put_churn(&sim, bad.clone()).await;
        assert_eq!(status, 400, "{bad}");
        assert!(body["error"].as_str().is_some_and(|e| !e.is_empty()));
    }
    let (_, now) = put_churn(&sim, json!({ "rate": 0 })).await;
    assert_eq!(now, json!({ "rate": 0.0 }));
}
