//! The admin endpoint: absent unless enabled; when enabled, the faults read and replaced with
//! validation, streams dropped on demand, and the simulator's own view of a room.

mod common;

use common::*;
use huikong_protocol::{Conference, Event, LayoutView, Participant, Profile, StageEntry};
use huikong_sim::Config;
use serde_json::{json, Value};
use std::collections::BTreeMap;

async fn start_admin(admin: bool) -> Sim {
    start_with(Config {
        admin,
        ..Config::for_tests(Profile::Public)
    })
    .await
}

/// Every admin request, answered with its status.
async fn admin_statuses(sim: &Sim) -> Vec<u16> {
    let h = &sim.http;
    let reqs = [
        h.get(sim.admin_url("faults")),
        h.put(sim.admin_url("faults")).json(&json!({})),
        h.post(sim.admin_url("drop-streams")),
        h.get(sim.admin_url("state/1061")),
        h.get(format!("{}/_admin", sim.base)),
        h.get(sim.admin_url("anything/else")),
    ];
    let mut out = Vec::new();
    for r in reqs {
        out.push(r.send().await.unwrap().status().as_u16());
    }
    out
}

#[tokio::test]
async fn without_admin_every_admin_path_is_404_even_beside_a_served_console() {
    let sim = start_admin(false).await;
    assert_eq!(admin_statuses(&sim).await, vec![404; 6]);

    let dist = std::env::temp_dir().join(format!("huikong-admin-{}", std::process::id()));
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(dist.join("index.html"), "<html>console</html>").unwrap();
    let sim = start_with(Config {
        dist: Some(dist.clone()),
        ..Config::for_tests(Profile::Public)
    })
    .await;
    let page = sim
        .http
        .get(format!("{}/join", sim.base))
        .send()
        .await
        .unwrap();
    assert_eq!(
        page.status().as_u16(),
        200,
        "the console answers unknown paths"
    );
    assert_eq!(admin_statuses(&sim).await, vec![404; 6]);
    let _ = std::fs::remove_dir_all(dist);
}

#[tokio::test]
async fn faults_are_read_and_replaced_and_bad_values_refused_with_the_old_ones_kept() {
    let sim = start_admin(true).await;
    let initial = sim.get_faults().await;
    let mut expected = json!({
        "drop_streams_every_secs": null,
        "drop_streams_random": 0.0,
        "refuse_reconnects_secs": null,
        "command_failure_rate": 0.0,
        "command_failure_kinds": ["500", "502", "503", "timeout"],
        "command_timeout_secs": 30.0,
        "slow_commands_secs": null,
        "refuse_refresh_secs": null,
        "malformed_events_rate": 0.0,
        "seed": initial["seed"].clone(),
    });
    assert_eq!(initial, expected);
    assert!(initial["seed"].is_u64(), "the seed in use is shown");

    let wanted = json!({
        "drop_streams_every_secs": 12.5,
        "command_failure_rate": 0.25,
        "command_failure_kinds": ["502", "timeout"],
        "command_timeout_secs": 5,
        "slow_commands_secs": 0.2,
        "malformed_events_rate": 0.1,
        "seed": 99,
    });
    let (status, answer) = sim.put_faults(wanted.clone()).await;
    assert_eq!(status, 200, "{answer}");
    for (k, v) in wanted.as_object().unwrap() {
        expected[k] = v.clone();
    }
    expected["command_timeout_secs"] = json!(5.0);
    assert_eq!(answer, expected);
    assert_eq!(sim.get_faults().await, expected);

    for bad in [
        json!({ "command_failure_rate": 2 }),
        json!({ "drop_streams_random": -1 }),
        json!({ "slow_commands_secs": 0 }),
        json!({ "refuse_reconnects_secs": "soon" }),
        json!({ "command_failure_kinds": ["418"] }),
        json!({ "command_failure_kinds": [] }),
        json!({ "fail_everything": true }),
        json!([1, 2]),
    ] {
        let (status, answer) = sim.put_faults(bad.clone()).await;
        assert_eq!(status, 400, "{bad} was accepted");
        assert!(
            answer["error"].as_str().is_some_and(|e| !e.is_empty()),
            "{answer}"
        );
    }
    let not_json = sim
        .http
        .put(sim.admin_url("faults"))
        .body("rate=1")
        .send()
        .await
        .unwrap();
    assert_eq!(not_json.status().as_u16(), 400);
    assert_eq!(sim.get_faults().await, expected, "refusals change nothing");

    // An empty object clears every fault.
    let (status, cleared) = sim.put_faults(json!({})).await;
    assert_eq!(status, 200);
    assert_eq!(cleared["command_failure_rate"], 0.0);
    assert_eq!(cleared["drop_streams_every_secs"], Value::Null);
    let statuses = admin_statuses(&sim).await;
    assert_eq!(&statuses[..4], &[200, 200, 200, 200]);
    assert_eq!(&statuses[4..], &[404, 404]);
}

#[tokio::test]
async fn drop_streams_closes_every_open_stream_and_says_how_many() {
    let sim = start_admin(true).await;
    let host = sim.host().await;
    let guest = sim.session(TRAINING, None, "学员").await;
    let mut a = sim.events(&host).await;
    let mut b = sim.events(&guest).await;
    a.sync().await;
    b.sync().await;
    assert_eq!(sim.admin_state(DEMO).await["streams"], 1);
    assert_eq!(sim.drop_streams().await, 2);
    a.until_closed().await;
    b.until_closed().await;
    assert_eq!(sim.admin_state(DEMO).await["streams"], 0);
    assert_eq!(sim.drop_streams().await, 0);
    // Without the reconnect fault, a reconnect is accepted at once.
    sim.events(&host).await.sync().await;
}

#[tokio::test]
async fn the_room_state_matches_what_a_client_builds_from_the_events_field_for_field() {
    let sim = start_admin(true).await;
    let host = sim.host().await;
    let mut stream = sim.events(&host).await;
    let mut conference = Conference::new();
    let ep1 = sim
        .dial_answered(&host, "sip:alice@example.com", "guest")
        .await;
    let ep2 = sim
        .dial_answered(&host, "sip:bob@example.com", "chair")
        .await;
    let waiting = sim.guest("候场").await;
    sim.cmd(&host, "lock", json!({})).await.ok();
    sim.cmd(&host, "muteguests", json!({})).await.ok();
    sim.pcmd(&host, &ep2, "spotlighton", json!({})).await.ok();
    sim.pcmd(&host, &ep1, "mute", json!({})).await.ok();
    let marker = json!({ "type": "text/plain", "payload": "marker" });
    sim.cmd(&host, "message", marker).await.ok();
    loop {
        let e = stream.next().await;
        conference.apply(&e);
        if matches!(&e, Event::Message(m) if m.payload == "marker") {
            break;
        }
    }

    for key in [DEMO, DEMO_ID] {
        let state = sim.admin_state(key).await;
        assert_eq!(state["room"]["id"], 1061);
        assert_eq!(state["room"]["alias"], DEMO);
        let listed: Vec<Participant> =
            serde_json::from_value(state["participants"].clone()).unwrap();
        let by_uuid: BTreeMap<String, Participant> =
            listed.iter().map(|p| (p.uuid.clone(), p.clone())).collect();
        assert_eq!(&by_uuid, conference.participants());
        assert_eq!(
            listed,
            sim.participants(&host).await,
            "as `participants` lists them"
        );
        assert!(by_uuid.contains_key(&waiting.uuid));
        assert_eq!(
            state["service"],
            json!({
                "locked": conference.service.locked,
                "guests_muted": conference.service.guests_muted,
                "started": conference.service.started,
            })
        );
        assert_eq!(
            state["service"],
            json!({"locked": true, "guests_muted": true, "started": true})
        );
        let hosts: LayoutView = serde_json::from_value(state["layout"]["hosts"].clone()).unwrap();
        assert_eq!(hosts, conference.layout);
        assert_eq!(hosts.participants.first(), Some(&ep2), "the spotlit first");
        let stage: Vec<StageEntry> = serde_json::from_value(state["stage"].clone()).unwrap();
        assert_eq!(stage, conference.stage);
        assert_eq!(state["presentation"], Value::Null);
        assert!(!conference.presentation.active);
        assert_eq!(state["streams"], 1);
    }
    let res = sim
        .http
        .get(sim.admin_url("state/nowhere"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 404);
}
