//! Conference commands that reach every screen: message (chat) and override_layout.

mod common;

use common::*;
use huikong_protocol::{Event, Profile};
use serde_json::json;

#[tokio::test]
async fn message_reaches_everyone_with_the_sender_name_and_uuid() {
    let sim = start(Profile::Public).await;
    let h = sim.host().await;
    let g = sim.guest("小王").await;
    let mut ev = sim.events(&h).await;
    ev.sync().await;
    let r = sim
        .cmd(
            &g,
            "message",
            json!({"type": "text/plain", "payload": "Hello World"}),
        )
        .await;
    assert_eq!(r.ok(), &json!(true));
    let Event::Message(m) = ev
        .until("message", |e| matches!(e, Event::Message(_)))
        .await
    else {
        unreachable!()
    };
    assert_eq!(m.origin, "小王");
    assert_eq!(m.uuid, g.uuid);
    assert_eq!(m.payload, "Hello World");
    assert_eq!(m.mime_type, "text/plain");
}

#[tokio::test]
async fn message_without_a_payload_is_illegal_value() {
    let sim = start(Profile::Public).await;
    let h = sim.host().await;
    sim.cmd(&h, "message", json!({"type": "text/plain"}))
        .await
        .fails(400, "Illegal value");
}

#[tokio::test]
async fn override_layout_emits_a_layout_with_actors_first_and_returns_the_participants() {
    let sim = start(Profile::Public).await;
    let h = sim.host().await;
    let a = sim.dial_answered(&h, "a@example.com", "chair").await;
    let b = sim.dial_answered(&h, "b@example.com", "guest").await;
    let mut ev = sim.events(&h).await;
    ev.sync().await;
    let body = json!({"layouts": [
        {"audience": "hosts", "actors": [b], "vad_backfill": true, "layout": "4:0", "plus_n": "off", "actors_overlay_text": "auto"},
        {"audience": "", "actors": [], "vad_backfill": true, "layout": "1:0", "plus_n": "auto", "actors_overlay_text": "auto"}
    ]});
    let r = sim.cmd(&h, "override_layout", body).await;
    assert_eq!(r.ok().as_array().unwrap().len(), 3);
    let Event::Layout(l) = ev
        .until(
            "layout 4:0",
            |e| matches!(e, Event::Layout(l) if l.view == "4:0"),
        )
        .await
    else {
        unreachable!()
    };
    assert_eq!(
        l.participants,
        vec![b.clone(), a.clone()],
        "the actor first, then the stage"
    );
}

#[tokio::test]
async fn override_layout_refuses_a_layout_outside_the_five() {
    let sim = start(Profile::Public).await;
    let h = sim.host().await;
    let body = json!({"layouts": [{"audience": "hosts", "actors": [], "vad_backfill": true, "layout": "3:3"}]});
    sim.cmd(&h, "override_layout", body)
        .await
        .fails(400, "Illegal value");
    sim.cmd(&h, "override_layout", json!({"layouts": []}))
        .await
        .fails(400, "Illegal value");
    sim.cmd(&h, "override_layout", json!({"view": "1:0"}))
        .await
        .fails(400, "Illegal value");
}

#[tokio::test]
async fn enterprise_refuses_override_layout_as_unsupported() {
    let sim = start(Profile::Enterprise).await;
    let h = sim.host().await;
    let body = json!({"layouts": [{"audience": "hosts", "actors": [], "vad_backfill": true, "layout": "1:0"}]});
    let r = sim.cmd(&h, "override_layout", body).await;
    assert_eq!(r.status, 501);
    assert_eq!(r.body["status"], "failed");
    assert!(r.result().as_str().unwrap().contains("enterprise"));
}
