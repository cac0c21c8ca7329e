//! The extra rooms of an operator wall (`--rooms N --room-size M`): each opens with the demo
//! room's PINs, starts with its participants and lives by the churn; the admin endpoint reports
//! any of them; and `--timing-allow-origin`, which lets a console elsewhere read the HTTP
//! version of its requests.

mod common;

use common::*;
use huikong_protocol::{Participant, Profile, Role};
use huikong_sim::{extra_room_alias, Config, Scenario};
use serde_json::json;
use std::collections::BTreeMap;
use std::process::Command;
use std::time::{Duration, Instant};

fn wall(rooms: usize, size: usize) -> Config {
    Config {
        extra_rooms: rooms,
        extra_room_size: size,
        admin: true,
        ..Config::for_tests(Profile::Public)
    }
}

#[test]
fn extra_rooms_are_numbered_after_the_provisioned_ones() {
    assert_eq!(extra_room_alias(2), "room02@huikong.local");
    assert_eq!(extra_room_alias(12), "room12@huikong.local");
    let rooms = huikong_sim::model::provisioned_rooms_with(3);
    let ids: Vec<u32> = rooms.iter().map(|r| r.id).collect();
    assert_eq!(ids, [1061, 1062, 2001, 2002, 2003]);
    assert_eq!(rooms[3].name, "会议室 02");
    assert_eq!(
        (rooms[3].host_pin.as_str(), rooms[3].guest_pin.as_deref()),
        (HOST_PIN, Some(GUEST_PIN))
    );
}

#[tokio::test]
async fn an_extra_room_opens_as_host_and_lists_its_participants() {
    let sim = start_with(wall(3, 50)).await;
    let room = extra_room_alias(2);
    let joined = sim
        .check_join(&room, HOST_PIN, "值班员")
        .await
        .into_result()
        .expect("accepted");
    assert_eq!(joined.role_type, Some(Role::Host));
    assert_eq!(
        (joined.alias.as_str(), joined.sipkey.as_str()),
        (room.as_str(), "2002")
    );
    let by_id = sim
        .check_join("2003", GUEST_PIN, "值班员")
        .await
        .into_result();
    assert_eq!(by_id.expect("accepted").role_type, Some(Role::Guest));

    let host = sim.session(&room, Some(HOST_PIN), "值班员").await;
    let listed = sim.participants(&host).await;
    // The fifty it started with, and the session's own participant (it did not hide).
    assert_eq!(listed.len(), 51);
    assert!(listed.iter().any(|p| p.uuid == host.uuid));
    assert!(listed.iter().all(|p| p.local_alias == room));
    let guest = sim.session(&room, Some(GUEST_PIN), "来宾").await;
    assert_eq!(sim.participants(&guest).await.len(), 52);

    // Only three were provisioned, and the demo room stays as the scenario left it: empty.
    let r = sim
        .new_session_reply(&extra_room_alias(4), Some(HOST_PIN), json!({}))
        .await;
    r.fails(404, "Neither conference nor gateway found");
    let demo = sim.session_hidden(DEMO, Some(HOST_PIN), "观察", true).await;
    assert!(sim.participants(&demo).await.is_empty());
}

#[tokio::test]
async fn the_admin_state_reports_a_chosen_extra_room_by_alias_or_id() {
    let sim = start_with(wall(3, 5)).await;
    let state = sim.admin_state(&extra_room_alias(3)).await;
    assert_eq!(
        state["room"],
        json!({ "id": 2003, "alias": "room03@huikong.local", "name": "会议室 03" })
    );
    assert_eq!(state["participants"].as_array().map(Vec::len), Some(5));
    assert_eq!(state["service"]["started"], true, "a chair is in");
    let by_id = sim.admin_state("2001").await;
    assert_eq!(by_id["room"]["alias"], "room01@huikong.local");
    assert_eq!(sim.admin_state(DEMO).await["participants"], json!([]));
    let missing = sim.http.get(sim.admin_url("state/2004")).send().await;
    assert_eq!(missing.unwrap().status().as_u16(), 404);
}

/// A room's participants by uuid, as the admin endpoint reports them.
async fn roster(sim: &Sim, room: &str) -> BTreeMap<String, Participant> {
    let state = sim.admin_state(room).await;
    let listed: Vec<Participant> = serde_json::from_value(state["participants"].clone()).unwrap();
    listed.into_iter().map(|p| (p.uuid.clone(), p)).collect()
}

#[tokio::test]
async fn the_churn_changes_every_populated_extra_room() {
    let mut config = wall(2, 30);
    config.churn = 40.0;
    config.faults.seed = Some(11);
    let sim = start_with(config).await;
    let rooms = [extra_room_alias(1), extra_room_alias(2)];
    let mut before = Vec::new();
    for room in &rooms {
        before.push(roster(&sim, room).await);
    }
    for (room, before) in rooms.iter().zip(before) {
        let deadline = Instant::now() + WAIT;
        loop {
            let now = roster(&sim, room).await;
            if now != before {
                // About its size: a leave is made up for by a newcomer within two seconds.
                assert!((25..=30).contains(&now.len()), "{room}: {}", now.len());
                break;
            }
            assert!(Instant::now() < deadline, "the churn never changed {room}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

async fn timing_header(req: reqwest::RequestBuilder) -> Option<String> {
    let res = req.send().await.expect("the simulator answers");
    res.headers()
        .get("timing-allow-origin")
        .map(|v| v.to_str().unwrap().to_owned())
}

/// A command's failure, a preflight and checkJoin: the header on each, or on none.
async fn timing_headers(sim: &Sim) -> Vec<Option<String>> {
    let h = &sim.http;
    let reqs = [
        h.get(sim.url(DEMO, "participants")),
        h.request(reqwest::Method::OPTIONS, sim.url(DEMO, "new_session"))
            .header("origin", "http://console.example")
            .header("access-control-request-method", "POST"),
        h.post(format!("{}/api/v3/meet/checkJoin.shtml", sim.base))
            .json(&json!({ "joinAccount": DEMO, "joinPwd": HOST_PIN })),
    ];
    let mut out = Vec::new();
    for r in reqs {
        out.push(timing_header(r).await);
    }
    out
}

#[tokio::test]
async fn timing_allow_origin_is_sent_only_when_configured() {
    let sim = start(Profile::Public).await;
    assert_eq!(timing_headers(&sim).await, vec![None; 3]);
    let star = Some("*".to_owned());
    for no_cors in [false, true] {
        let sim = start_with(Config {
            timing_allow_origin: true,
            no_cors,
            ..Config::for_tests(Profile::Public)
        })
        .await;
        assert_eq!(
            timing_headers(&sim).await,
            vec![star.clone(); 3],
            "{no_cors}"
        );
    }
}

fn args(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

#[test]
fn the_flags_are_read_and_bad_ones_refused() {
    let c = Config::from_args(args(&[
        "--rooms",
        "20",
        "--room-size=200",
        "--timing-allow-origin",
    ]))
    .unwrap();
    assert_eq!((c.extra_rooms, c.extra_room_size), (20, 200));
    assert!(c.timing_allow_origin);
    let c = Config::from_args(Vec::new()).unwrap();
    assert_eq!((c.extra_rooms, c.extra_room_size), (0, 0));
    assert!(!c.timing_allow_origin);
    // Populated extra rooms are something for the churn to change beside an empty demo room.
    let ok = [
        "--scenario",
        "empty",
        "--rooms",
        "8",
        "--room-size",
        "10",
        "--churn",
        "5",
    ];
    assert_eq!(Config::from_args(args(&ok)).unwrap().churn, 5.0);
    for bad in [
        &["--rooms", "x"][..],
        &["--rooms", "-1"],
        &["--rooms", "1000"],
        &["--rooms"],
        &["--room-size", "many", "--rooms", "2"],
        &["--room-size", "10"],
        &["--timing-allow-origin=yes"],
        &["--scenario", "empty", "--rooms", "2", "--churn", "5"],
    ] {
        let e = Config::from_args(args(bad)).unwrap_err();
        assert!(!e.is_empty(), "{bad:?}");
    }
}

#[test]
fn help_names_the_new_flags() {
    let out = Command::new(env!("CARGO_BIN_EXE_huikong-sim"))
        .arg("--help")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    for words in ["--rooms N", "--room-size M", "--timing-allow-origin"] {
        assert!(text.contains(words), "--help has no {words:?}");
    }
}

#[tokio::test]
async fn a_large_demo_room_and_extra_rooms_live_side_by_side() {
    let sim = start_with(Config {
        scenario: Scenario::Large(20),
        scenario_tick: Duration::from_secs(3600),
        ..wall(2, 7)
    })
    .await;
    let mut sizes = Vec::new();
    for room in [DEMO.to_owned(), extra_room_alias(1), extra_room_alias(2)] {
        let state = sim.admin_state(&room).await;
        sizes.push(state["participants"].as_array().map_or(0, Vec::len));
    }
    assert_eq!(sizes, [20, 7, 7]);
}
