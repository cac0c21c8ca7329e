//! `dial`: a uuid at once, a ringing participant, then answered, refused or unanswered.

mod common;

use common::*;
use huikong_protocol::{Event, Profile, Role, ServiceType};
use huikong_sim::Config;
use serde_json::json;
use std::time::{Duration, Instant};

#[tokio::test]
async fn dial_answers_a_uuid_at_once_and_the_participant_rings_then_joins() {
    let sim = start(Profile::Public).await;
    let h = sim.host().await;
    let mut ev = sim.events(&h).await;
    ev.sync().await;
    let body = json!({"role": "chair", "destination": "bob@example.com", "protocol": "h323",
        "remote_display_name": "Bob 的会议室", "source_display_name": "Alice"});
    let r = sim.cmd(&h, "dial", body).await;
    let uuids = r.ok().as_array().unwrap();
    assert_eq!(uuids.len(), 1);
    let uuid = uuids[0].as_str().unwrap().to_owned();
    let Event::ParticipantCreate(p) = ev.until("the create", |e| about(e, &uuid).is_some()).await
    else {
        panic!("the first event about a dialled participant is its create")
    };
    assert_eq!(p.service_type, ServiceType::Connecting);
    assert_eq!(p.call_direction, "out");
    assert_eq!(p.display_name, "Bob 的会议室");
    assert_eq!(p.protocol, "h323");
    assert_eq!(p.role, Role::Host);
    let answered = ev
        .until("answered", |e| {
            about(e, &uuid).is_some_and(|p| p.service_type == ServiceType::Conference)
        })
        .await;
    assert!(matches!(answered, Event::ParticipantUpdate(_)));
}

#[tokio::test]
async fn without_remote_display_name_the_destination_is_the_name() {
    let sim = start(Profile::Public).await;
    let h = sim.host().await;
    let uuid = sim.dial(&h, "+8613700137000", "guest").await;
    assert_eq!(
        sim.participant(&h, &uuid).await.unwrap().display_name,
        "+8613700137000"
    );
}

#[tokio::test]
async fn a_busy_destination_is_deleted_right_after_the_create() {
    let sim = start(Profile::Public).await;
    let h = sim.host().await;
    let mut ev = sim.events(&h).await;
    ev.sync().await;
    let uuid = sim.dial(&h, "busy@example.com", "guest").await;
    let create = ev.until("create", |e| about(e, &uuid).is_some()).await;
    assert!(matches!(create, Event::ParticipantCreate(_)));
    ev.until("delete", |e| {
        *e == Event::ParticipantDelete { uuid: uuid.clone() }
    })
    .await;
    assert!(sim.participant(&h, &uuid).await.is_none());
}

#[tokio::test]
async fn an_unanswered_destination_is_deleted_after_the_no_answer_time() {
    // A no-answer time of seconds: the call is surely still ringing when it is looked at.
    const NO_ANSWER: Duration = Duration::from_secs(2);
    let sim = start_with(Config {
        dial_no_answer: NO_ANSWER,
        ..Config::for_tests(Profile::Public)
    })
    .await;
    let h = sim.host().await;
    let mut ev = sim.events(&h).await;
    ev.sync().await;
    let since = Instant::now();
    let uuid = sim.dial(&h, "noanswer@example.com", "guest").await;
    let other = sim.dial(&h, "answers@example.com", "guest").await;
    // Once a call dialled after it has been answered, the answer time has passed for both.
    ev.until("the other call answered", |e| {
        assert!(
            about(e, &uuid).is_none_or(|p| p.service_type == ServiceType::Connecting),
            "noanswer answered: {e:?}"
        );
        about(e, &other).is_some_and(|p| p.service_type != ServiceType::Connecting)
    })
    .await;
    let p = sim
        .participant(&h, &uuid)
        .await
        .expect("still ringing after the answer time");
    assert_eq!(p.service_type, ServiceType::Connecting);
    ev.until("delete", |e| {
        assert!(
            about(e, &uuid).is_none_or(|p| p.service_type == ServiceType::Connecting),
            "noanswer answered: {e:?}"
        );
        *e == Event::ParticipantDelete { uuid: uuid.clone() }
    })
    .await;
    let waited = since.elapsed();
    assert!(
        waited >= NO_ANSWER,
        "deleted after {waited:?}, before the no-answer time"
    );
}

#[tokio::test]
async fn dial_refuses_a_body_that_does_not_fit() {
    let sim = start(Profile::Public).await;
    let h = sim.host().await;
    for bad in [
        json!({"role": "guest", "destination": "bob@example.com", "protocol": "carrier-pigeon"}),
        json!({"role": "guest", "destination": "", "protocol": "sip"}),
        json!({"role": "emperor", "destination": "bob@example.com", "protocol": "sip"}),
        json!({"destination": "bob@example.com"}),
        json!({"role": "guest", "destination": "bob@example.com", "protocol": "sip", "call_type": "smell"}),
    ] {
        sim.cmd(&h, "dial", bad).await.fails(400, "Illegal value");
    }
    let url = sim.url(DEMO, "dial");
    let r = sim
        .post_raw(&url, &[("token", &h.token)], "destination=bob".into())
        .await;
    r.fails(400, "Illegal value");
    assert!(sim.participants(&h).await.len() == 1, "nothing was dialled");
}

#[tokio::test]
async fn the_enterprise_cloud_dials_too() {
    let sim = start(Profile::Enterprise).await;
    let h = sim.host().await;
    let uuid = sim.dial_answered(&h, "room@example.com", "guest").await;
    assert_eq!(
        sim.participant(&h, &uuid).await.unwrap().call_direction,
        "out"
    );
}

/// The document's table, on the enterprise cloud's dial: "视通目前可以呼叫H323和sip".
#[tokio::test]
async fn the_enterprise_cloud_dials_h323_and_sip_only() {
    let sim = start(Profile::Enterprise).await;
    let h = sim.host().await;
    for protocol in ["rtmp", "mssip", "rtsp", "phone", "auto"] {
        let body = json!({"role": "guest", "destination": "bob@example.com", "protocol": protocol});
        sim.cmd(&h, "dial", body)
            .await
            .fails(501, "Not supported on the enterprise cloud");
    }
    assert_eq!(sim.participants(&h).await.len(), 1, "nothing was dialled");
    for protocol in ["sip", "h323"] {
        let body = json!({"role": "guest", "destination": "bob@example.com", "protocol": protocol});
        sim.cmd(&h, "dial", body).await.ok();
    }
    assert_eq!(sim.participants(&h).await.len(), 3);
}
