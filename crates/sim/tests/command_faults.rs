//! The command faults: a fraction of commands fail (500, 502, 503, or held until a 504) and
//! change nothing; slow commands; the session commands and `events` are outside them.

mod common;

use common::faults::fault_of;
use common::*;
use huikong_protocol::{Event, Profile};
use huikong_sim::{Config, FailureKind, Faults};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, Instant};

async fn start_faulty(faults: Faults) -> Sim {
    start_with(Config {
        faults,
        admin: true,
        ..Config::for_tests(Profile::Public)
    })
    .await
}

async fn send(sim: &Sim, s: &ApiClient, path: &str, body: Value) -> reqwest::Response {
    sim.http
        .post(sim.url(&s.room, path))
        .header("token", &s.token)
        .json(&body)
        .send()
        .await
        .expect("the simulator answers")
}

#[tokio::test]
async fn a_fraction_of_commands_fail_as_set_and_failed_ones_change_nothing() {
    let sim = start_faulty(Faults {
        command_failure_rate: 0.3,
        command_failure_kinds: vec![
            FailureKind::Status500,
            FailureKind::Status502,
            FailureKind::Status503,
        ],
        seed: Some(7),
        ..Faults::default()
    })
    .await;
    let host = sim.host().await;
    let guest = sim.dial_answered_or_retry(&host).await;
    let mut stream = sim.events(&host).await;
    stream.sync().await;

    const TOTAL: usize = 200;
    let mut by_status: BTreeMap<u16, usize> = BTreeMap::new();
    let mut sent_ok = BTreeSet::new();
    let (mut locked, mut muted) = (false, false);
    for i in 0..TOTAL {
        let (path, body) = match i % 4 {
            0 => ("lock".to_owned(), json!({})),
            1 => ("unlock".to_owned(), json!({})),
            2 => (
                "message".to_owned(),
                json!({ "type": "text/plain", "payload": format!("m{i}") }),
            ),
            _ if i % 8 == 3 => (format!("participants/{guest}/mute"), json!({})),
            _ => (format!("participants/{guest}/unmute"), json!({})),
        };
        let res = send(&sim, &host, &path, body).await;
        let status = res.status().as_u16();
        *by_status.entry(status).or_default() += 1;
        match status {
            200 => {
                assert_eq!(fault_of(&res), None);
                match i % 4 {
                    0 => locked = true,
                    1 => locked = false,
                    2 => {
                        sent_ok.insert(format!("m{i}"));
                    }
                    _ => muted = path.ends_with("/mute"),
                }
            }
            500 => {
                assert_eq!(fault_of(&res).as_deref(), Some("500"));
                let body: Value = res.json().await.unwrap();
                assert_eq!(
                    body,
                    json!({"status": "failed", "result": "Internal server error"})
                );
            }
            502 => {
                assert_eq!(fault_of(&res).as_deref(), Some("502"));
                assert_eq!(res.headers()["content-type"], "text/html");
                assert!(res.text().await.unwrap().contains("502 Bad Gateway"));
            }
            503 => {
                assert_eq!(fault_of(&res).as_deref(), Some("503"));
                assert!(res.headers().contains_key("retry-after"));
                let body: Value = res.json().await.unwrap();
                assert_eq!(body["result"], "Service unavailable");
            }
            other => panic!("command {i} answered {other}"),
        }
        // The simulator's own state moved only with the commands that succeeded.
        let state = sim.admin_state(DEMO).await;
        assert_eq!(state["service"]["locked"], locked, "after command {i}");
        let g = state["participants"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["uuid"] == guest.as_str())
            .expect("the guest stays");
        assert_eq!(g["is_muted"], if muted { "YES" } else { "NO" }, "after {i}");
    }
    let failed = TOTAL - by_status[&200];
    println!("{TOTAL} commands at a failure rate of 0.3 (seed 7): {by_status:?}, {failed} failed");
    assert!((40..=80).contains(&failed), "{failed} of {TOTAL} failed");
    for status in [500, 502, 503] {
        assert!(
            by_status.get(&status).is_some_and(|n| *n > 0),
            "no {status}"
        );
    }

    // Only the messages that succeeded reached the stream.
    let (status, _) = sim.put_faults(json!({})).await;
    assert_eq!(status, 200);
    sim.cmd(
        &host,
        "message",
        json!({"type": "text/plain", "payload": "end"}),
    )
    .await
    .ok();
    let mut seen = BTreeSet::new();
    loop {
        if let Event::Message(m) = stream.next().await {
            if m.payload == "end" {
                break;
            }
            seen.insert(m.payload);
        }
    }
    assert_eq!(seen, sent_ok);
}

#[tokio::test]
async fn the_timeout_kind_holds_the_request_then_answers_504_and_changes_nothing() {
    let sim = start_faulty(Faults {
        command_failure_rate: 1.0,
        command_failure_kinds: vec![FailureKind::Timeout],
        command_timeout: Duration::from_millis(800),
        ..Faults::default()
    })
    .await;
    let host = sim.host().await;
    let impatient = reqwest::Client::builder()
        .timeout(Duration::from_millis(250))
        .build()
        .unwrap();
    let gave_up = impatient
        .post(sim.url(DEMO, "lock"))
        .header("token", &host.token)
        .send()
        .await
        .expect_err("no answer in time");
    assert!(gave_up.is_timeout());

    let asked = Instant::now();
    let res = send(&sim, &host, "lock", json!({})).await;
    assert!(asked.elapsed() >= Duration::from_millis(800));
    assert_eq!(res.status().as_u16(), 504);
    assert_eq!(fault_of(&res).as_deref(), Some("timeout"));
    assert_eq!(sim.admin_state(DEMO).await["service"]["locked"], false);
}

#[tokio::test]
async fn slow_commands_answer_late_but_do_their_work() {
    let sim = start_faulty(Faults {
        slow_commands: Some(Duration::from_millis(400)),
        ..Faults::default()
    })
    .await;
    let host = sim.host().await;
    let asked = Instant::now();
    sim.cmd(&host, "lock", json!({})).await.ok();
    let took = asked.elapsed();
    println!("lock with 400 ms of added latency took {took:?}");
    assert!(took >= Duration::from_millis(400));
    assert_eq!(sim.admin_state(DEMO).await["service"]["locked"], true);
}

#[tokio::test]
async fn session_commands_and_events_are_outside_the_command_faults() {
    let sim = start_faulty(Faults {
        command_failure_rate: 1.0,
        command_failure_kinds: vec![FailureKind::Status500],
        ..Faults::default()
    })
    .await;
    let host = sim.host().await;
    let r = sim.cmd(&host, "refresh_session", json!({})).await;
    assert_eq!(r.status, 200);
    let mut stream = sim.events(&host).await;
    stream.sync().await;
    assert_eq!(sim.cmd(&host, "lock", json!({})).await.status, 500);
    assert_eq!(
        sim.get(DEMO, "participants", Some(&host.token))
            .await
            .status,
        500
    );
    sim.cmd(&host, "end_session", json!({})).await.ok();
}

impl Sim {
    /// A dialled endpoint that answered, dialling again while the faults refuse.
    async fn dial_answered_or_retry(&self, host: &ApiClient) -> String {
        for _ in 0..20 {
            let r = self
                .cmd(
                    host,
                    "dial",
                    json!({ "role": "guest", "destination": "sip:a@b", "protocol": "sip" }),
                )
                .await;
            if r.status != 200 {
                continue;
            }
            let uuid = r.ok()[0].as_str().unwrap().to_owned();
            let deadline = Instant::now() + WAIT;
            while Instant::now() < deadline {
                let state = self.admin_state(DEMO).await;
                let answered = state["participants"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|p| p["uuid"] == uuid.as_str() && p["service_type"] != "connecting");
                if answered {
                    return uuid;
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
        panic!("no dial got through");
    }
}
