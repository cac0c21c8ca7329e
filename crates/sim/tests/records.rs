//! The simulator's own records of what clients sent where no event reports it: the DTMF sent
//! to each participant and the request that dialled each one, kept on the member for
//! in-process tests and listed by `GET /_admin/state/{room}` beside, not inside, the
//! participants.

mod common;

use common::*;
use huikong_protocol::{DialRequest, Participant, Profile, Role};
use huikong_sim::Config;
use serde_json::{json, Value};

async fn start_admin() -> Sim {
    start_with(Config {
        admin: true,
        ..Config::for_tests(Profile::Public)
    })
    .await
}

/// The member's records, read from the world as an in-process test does.
fn records(sim: &Sim, uuid: &str) -> (Vec<String>, Option<DialRequest>) {
    let world = sim.running.state.world();
    let room = world.find_room(DEMO).unwrap();
    let m = world.rooms[room].member(uuid).expect("a member");
    (m.dtmf.clone(), m.dial.clone())
}

/// The admin state's participants still decode as the platform's participants, with no
/// field of the records among them.
fn assert_platform_shape(state: &Value) {
    let listed = state["participants"].as_array().expect("a list");
    for p in listed {
        let obj = p.as_object().unwrap();
        assert!(
            !obj.contains_key("dtmf") && !obj.contains_key("dial"),
            "{p}"
        );
        let back: Participant = serde_json::from_value(p.clone()).unwrap();
        assert_eq!(&serde_json::to_value(&back).unwrap(), p);
    }
}

#[tokio::test]
async fn the_dtmf_sent_to_a_participant_is_kept_in_order_and_refusals_are_not() {
    let sim = start_admin().await;
    let h = sim.host().await;
    let a = sim.dial_answered(&h, "a@example.com", "guest").await;
    let b = sim.dial_answered(&h, "b@example.com", "guest").await;
    for digits in ["12#", "0*9", "ABCD"] {
        sim.pcmd(&h, &a, "dtmf", json!({ "digits": digits }))
            .await
            .ok();
    }
    sim.pcmd(&h, &a, "dtmf", json!({"digits": "12x"}))
        .await
        .fails(400, "Illegal value");

    assert_eq!(records(&sim, &a).0, ["12#", "0*9", "ABCD"]);
    assert!(records(&sim, &b).0.is_empty());
    let state = sim.admin_state(DEMO).await;
    assert_eq!(state["dtmf"], json!({ a.clone(): ["12#", "0*9", "ABCD"] }));
    assert_platform_shape(&state);

    // The records go with the participant.
    sim.pcmd(&h, &a, "disconnect", json!({})).await.ok();
    assert_eq!(sim.admin_state(DEMO).await["dtmf"], json!({}));
}

#[tokio::test]
async fn the_request_that_dialled_a_participant_is_kept_field_for_field() {
    let sim = start_admin().await;
    let h = sim.host().await;
    let body = json!({
        "role": "chair",
        "destination": "room@example.com",
        "protocol": "sip",
        "presentation_url": "rtmp://cdn.example.com/live/slides",
        "streaming": "yes",
        "dtmf_sequence": "1234#",
        "source_display_name": "会控",
        "source": "sip:console@example.com",
        "call_type": "video-only",
        "keep_conference_alive": "keep_conference_alive_never",
        "remote_display_name": "远端会议室",
    });
    let uuid = sim.cmd(&h, "dial", body).await.ok()[0]
        .as_str()
        .unwrap()
        .to_owned();
    let plain = sim.dial_answered(&h, "plain@example.com", "guest").await;

    let mut want = DialRequest::new("room@example.com", "sip", Role::Host);
    want.presentation_url = Some("rtmp://cdn.example.com/live/slides".into());
    want.streaming = true;
    want.dtmf_sequence = Some("1234#".into());
    want.source_display_name = Some("会控".into());
    want.source = Some("sip:console@example.com".into());
    want.call_type = Some("video-only".into());
    want.keep_conference_alive = Some("keep_conference_alive_never".into());
    want.remote_display_name = Some("远端会议室".into());
    assert_eq!(records(&sim, &uuid).1.as_ref(), Some(&want));
    let plain_want = DialRequest::new("plain@example.com", "sip", Role::Guest);
    assert_eq!(records(&sim, &plain).1.as_ref(), Some(&plain_want));

    let state = sim.admin_state(DEMO).await;
    let dials: std::collections::BTreeMap<String, DialRequest> =
        serde_json::from_value(state["dials"].clone()).unwrap();
    assert_eq!(dials.len(), 2, "only dialled participants: not the console");
    assert_eq!(dials[&uuid], want);
    assert_eq!(state["dials"][&uuid]["streaming"], "yes");
    assert_eq!(dials[&plain], plain_want);
    assert_platform_shape(&state);

    // Kept once the call is answered.
    let deadline = std::time::Instant::now() + WAIT;
    while std::time::Instant::now() < deadline {
        let p = sim.participant(&h, &uuid).await.expect("listed");
        if p.service_type.as_str() != "connecting" {
            assert_eq!(records(&sim, &uuid).1.as_ref(), Some(&want));
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("room@example.com never answered");
}

#[tokio::test]
async fn a_session_joined_through_the_api_has_no_dial_record() {
    let sim = start_admin().await;
    let h = sim.host().await;
    let g = sim.guest("访客").await;
    assert_eq!(records(&sim, &h.uuid), (vec![], None));
    assert_eq!(records(&sim, &g.uuid), (vec![], None));
    assert_eq!(sim.admin_state(DEMO).await["dials"], json!({}));
}
