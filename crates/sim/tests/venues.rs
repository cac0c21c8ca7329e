//! The `venues` scenario: the venues the demo's list expects, over SIP, H.323, the phone and
//! RTSP, some absent; a participant's call dropped by the admin endpoint; the override in force
//! readable in the room's state.

mod common;

use common::*;
use huikong_protocol::{Event, Profile, Role};
use huikong_sim::{Config, Scenario};
use serde_json::json;
use std::collections::HashSet;
use std::time::Duration;

fn venues() -> Config {
    Config {
        scenario: Scenario::Venues,
        scenario_tick: Duration::from_secs(3600),
        admin: true,
        ..Config::for_tests(Profile::Public)
    }
}

#[tokio::test]
async fn the_venues_are_in_as_dialled_with_one_host_and_one_outsider() {
    let sim = start_with(venues()).await;
    let h = sim.session_hidden(DEMO, Some(HOST_PIN), "观察", true).await;
    let list = sim.participants(&h).await;
    let names: HashSet<&str> = list.iter().map(|p| p.display_name.as_str()).collect();
    assert!(names.contains("总部主会场") && names.contains("临时来宾"));
    assert!(!names.contains("广州分会场"), "the absent are not in");
    assert!(!names.contains("武汉分会场"));
    let protocols: HashSet<&str> = list.iter().map(|p| p.protocol.as_str()).collect();
    for proto in ["sip", "h323", "phone", "rtsp"] {
        assert!(protocols.contains(proto), "no {proto} venue");
    }
    let hosts: Vec<&str> = list
        .iter()
        .filter(|p| p.role == Role::Host && p.has_media)
        .map(|p| p.display_name.as_str())
        .collect();
    assert_eq!(hosts, ["总部主会场"]);
}

#[tokio::test]
async fn a_dropped_call_leaves_without_a_disconnect_and_the_override_is_readable() {
    let sim = start_with(venues()).await;
    let h = sim.session_hidden(DEMO, Some(HOST_PIN), "观察", true).await;
    let list = sim.participants(&h).await;
    let sz = list
        .iter()
        .find(|p| p.display_name == "深圳分会场")
        .unwrap()
        .uuid
        .clone();
    let mut ev = sim.events(&h).await;
    ev.sync().await;
    let url = sim.admin_url(&format!("drop/{DEMO_ID}/{sz}"));
    let r = sim.http.post(&url).send().await.unwrap();
    assert_eq!(r.status().as_u16(), 200);
    ev.until(
        "the venue's delete",
        |e| matches!(e, Event::ParticipantDelete { uuid } if *uuid == sz),
    )
    .await;
    let again = sim.http.post(&url).send().await.unwrap();
    assert_eq!(again.status().as_u16(), 404);

    let hq = list
        .iter()
        .find(|p| p.display_name == "西安分会场")
        .unwrap()
        .uuid
        .clone();
    let body = json!({"layouts": [
        {"audience": "hosts", "layout": "1:0", "actors": [hq], "vad_backfill": false},
        {"audience": "guests", "layout": "1:0", "actors": [hq], "vad_backfill": false}
    ]});
    sim.cmd(&h, "override_layout", body).await.ok();
    let state: serde_json::Value = sim
        .http
        .get(sim.admin_url(&format!("state/{DEMO_ID}")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    for audience in ["hosts_override", "guests_override"] {
        assert_eq!(state["layout"][audience]["layout"], "1:0");
        assert_eq!(state["layout"][audience]["actors"], json!([hq]));
    }
    assert_eq!(state["layout"]["guests"]["participants"], json!([hq]));
}
