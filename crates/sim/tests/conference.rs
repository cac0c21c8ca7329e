//! Conference commands: service_status, lock/unlock, start_service, muteguests/unmuteguests,
//! disconnect, participants, and the host-only rule.

mod common;

use common::*;
use huikong_protocol::{Command, Event, Profile, ServiceStatus, ServiceType};
use serde_json::json;

fn started(e: &Event) -> bool {
    matches!(e, Event::ServiceUpdate(u) if u.started == Some(true))
}

#[tokio::test]
async fn service_status_reports_locked_guests_muted_and_started() {
    let sim = start(Profile::Public).await;
    let h = sim.host().await;
    let st: ServiceStatus = serde_json::from_value(
        sim.get(DEMO, "service_status", Some(&h.token))
            .await
            .ok()
            .clone(),
    )
    .unwrap();
    assert!(!st.locked && !st.guests_muted);
    assert_eq!(st.started, Some(false));
    sim.cmd(&h, "lock", json!({})).await.ok();
    sim.cmd(&h, "muteguests", json!({})).await.ok();
    let st: ServiceStatus = serde_json::from_value(
        sim.get(DEMO, "service_status", Some(&h.token))
            .await
            .ok()
            .clone(),
    )
    .unwrap();
    assert!(st.locked && st.guests_muted);
}

#[tokio::test]
async fn a_control_host_without_media_does_not_start_the_conference() {
    let sim = start(Profile::Public).await;
    let h = sim.host().await;
    let g = sim.guest("访客").await;
    let p = sim.participant(&h, &g.uuid).await.unwrap();
    assert_eq!(p.service_type, ServiceType::WaitingRoom);
    assert_eq!(
        sim.get(DEMO, "service_status", Some(&h.token)).await.ok()["started"],
        false
    );
}

#[tokio::test]
async fn start_service_lets_the_waiting_guests_in() {
    let sim = start(Profile::Public).await;
    let h = sim.host().await;
    let g = sim.guest("访客").await;
    let mut ev = sim.events(&h).await;
    ev.sync().await;
    assert_eq!(
        sim.cmd(&h, "start_service", json!({})).await.ok(),
        &json!(true)
    );
    ev.until("started", started).await;
    let p = ev
        .until("the guest's update", |e| about(e, &g.uuid).is_some())
        .await;
    assert_eq!(
        about(&p, &g.uuid).unwrap().service_type,
        ServiceType::Conference
    );
}

#[tokio::test]
async fn a_host_with_media_starts_the_conference() {
    let sim = start(Profile::Public).await;
    let h = sim.host().await;
    let g = sim.guest("访客").await;
    sim.dial_answered(&h, "chair@example.com", "chair").await;
    assert_eq!(
        sim.get(DEMO, "service_status", Some(&h.token)).await.ok()["started"],
        true
    );
    assert_eq!(
        sim.participant(&h, &g.uuid).await.unwrap().service_type,
        ServiceType::Conference
    );
}

#[tokio::test]
async fn enterprise_start_service_answers_success_without_effect() {
    let sim = start(Profile::Enterprise).await;
    let h = sim.host().await;
    let g = sim.guest("访客").await;
    assert_eq!(
        sim.cmd(&h, "start_service", json!({})).await.ok(),
        &json!(true)
    );
    assert_eq!(
        sim.get(DEMO, "service_status", Some(&h.token)).await.ok()["started"],
        false
    );
    assert_eq!(
        sim.participant(&h, &g.uuid).await.unwrap().service_type,
        ServiceType::WaitingRoom
    );
}

#[tokio::test]
async fn lock_sends_new_guests_to_the_waiting_room_until_a_host_admits_them() {
    let sim = start(Profile::Public).await;
    let h = sim.host().await;
    sim.cmd(&h, "start_service", json!({})).await.ok();
    let before = sim.guest("先到").await;
    let mut ev = sim.events(&h).await;
    ev.sync().await;
    assert_eq!(sim.cmd(&h, "lock", json!({})).await.ok(), &json!(true));
    ev.until(
        "locked",
        |e| matches!(e, Event::ServiceUpdate(u) if u.locked == Some(true)),
    )
    .await;
    let late = sim.guest("后到").await;
    let p = sim.participant(&h, &late.uuid).await.unwrap();
    assert_eq!(p.service_type, ServiceType::WaitingRoom);
    assert_eq!(
        sim.participant(&h, &before.uuid)
            .await
            .unwrap()
            .service_type,
        ServiceType::Conference
    );
    let host_endpoint = sim.session(DEMO, Some(HOST_PIN), "另一位主持人").await;
    assert_eq!(
        sim.participant(&h, &host_endpoint.uuid)
            .await
            .unwrap()
            .service_type,
        ServiceType::Conference
    );
    sim.pcmd(&h, &late.uuid, "unlock", json!({})).await.ok();
    let e = ev
        .until("the admitted guest", |e| {
            about(e, &late.uuid).is_some_and(|p| p.service_type == ServiceType::Conference)
        })
        .await;
    assert!(about(&e, &late.uuid).is_some());
}

#[tokio::test]
async fn unlock_lets_everyone_waiting_behind_the_lock_in() {
    let sim = start(Profile::Public).await;
    let h = sim.host().await;
    sim.cmd(&h, "start_service", json!({})).await.ok();
    sim.cmd(&h, "lock", json!({})).await.ok();
    let late = sim.guest("后到").await;
    assert_eq!(
        sim.participant(&h, &late.uuid).await.unwrap().service_type,
        ServiceType::WaitingRoom
    );
    sim.cmd(&h, "unlock", json!({})).await.ok();
    assert_eq!(
        sim.participant(&h, &late.uuid).await.unwrap().service_type,
        ServiceType::Conference
    );
    assert_eq!(
        sim.get(DEMO, "service_status", Some(&h.token)).await.ok()["locked"],
        false
    );
}

#[tokio::test]
async fn muteguests_mutes_every_guest_now_and_every_guest_who_joins_later() {
    let sim = start(Profile::Public).await;
    let h = sim.host().await;
    let chair = sim.dial_answered(&h, "chair@example.com", "chair").await;
    let guest = sim.dial_answered(&h, "guest@example.com", "guest").await;
    let mut ev = sim.events(&h).await;
    ev.sync().await;
    sim.cmd(&h, "muteguests", json!({})).await.ok();
    let e = ev
        .until("the guest muted", |e| about(e, &guest).is_some())
        .await;
    assert!(about(&e, &guest).unwrap().is_muted);
    ev.until(
        "guests_muted",
        |e| matches!(e, Event::ServiceUpdate(u) if u.guests_muted == Some(true)),
    )
    .await;
    assert!(!sim.participant(&h, &chair).await.unwrap().is_muted);
    let later = sim.dial_answered(&h, "later@example.com", "guest").await;
    assert!(sim.participant(&h, &later).await.unwrap().is_muted);
}

#[tokio::test]
async fn unmuteguests_unmutes_the_guests() {
    let sim = start(Profile::Public).await;
    let h = sim.host().await;
    let guest = sim.dial_answered(&h, "guest@example.com", "guest").await;
    sim.cmd(&h, "muteguests", json!({})).await.ok();
    assert_eq!(
        sim.cmd(&h, "unmuteguests", json!({})).await.ok(),
        &json!(true)
    );
    assert!(!sim.participant(&h, &guest).await.unwrap().is_muted);
    assert_eq!(
        sim.get(DEMO, "service_status", Some(&h.token)).await.ok()["guests_muted"],
        false
    );
}

#[tokio::test]
async fn enterprise_muteguests_spares_chairs_and_the_current_presenter() {
    let sim = start(Profile::Enterprise).await;
    let h = sim.host().await;
    let chair = sim.dial_answered(&h, "chair@example.com", "chair").await;
    let presenter = sim
        .dial_answered(&h, "presenter@example.com", "guest")
        .await;
    let listener = sim.dial_answered(&h, "listener@example.com", "guest").await;
    sim.running.state.world().rooms[0].start_presentation(&presenter);
    sim.cmd(&h, "muteguests", json!({})).await.ok();
    assert!(!sim.participant(&h, &chair).await.unwrap().is_muted);
    assert!(!sim.participant(&h, &presenter).await.unwrap().is_muted);
    assert!(sim.participant(&h, &listener).await.unwrap().is_muted);
    let later = sim.dial_answered(&h, "later@example.com", "guest").await;
    assert!(sim.participant(&h, &later).await.unwrap().is_muted);
}

#[tokio::test]
async fn conference_disconnect_sends_every_stream_disconnect_and_ends_the_conference() {
    let sim = start(Profile::Public).await;
    let h = sim.host().await;
    let g = sim.guest("访客").await;
    sim.dial_answered(&h, "endpoint@example.com", "chair").await;
    let mut hs = sim.events(&h).await;
    let mut gs = sim.events(&g).await;
    hs.sync().await;
    gs.sync().await;
    assert_eq!(
        sim.cmd(&h, "disconnect", json!({})).await.ok(),
        &json!(true)
    );
    for stream in [&mut hs, &mut gs] {
        let rest = stream.until_closed().await;
        assert!(
            matches!(rest.last(), Some(Event::Disconnect { .. })),
            "{rest:?}"
        );
    }
    sim.get(DEMO, "participants", Some(&h.token))
        .await
        .fails(403, "Invalid token");
    sim.get(DEMO, "participants", Some(&g.token))
        .await
        .fails(403, "Invalid token");
    let next = sim.host().await;
    assert_eq!(
        sim.participants(&next).await.len(),
        1,
        "only the new host is in the room"
    );
    assert_eq!(
        sim.get(DEMO, "service_status", Some(&next.token))
            .await
            .ok()["started"],
        false
    );
}

#[tokio::test]
async fn participants_lists_everyone_in_the_room() {
    let sim = start(Profile::Public).await;
    let h = sim.host().await;
    let g = sim.guest("访客").await;
    let d = sim.dial(&h, "room@example.com", "guest").await;
    let list = sim.participants(&g).await;
    let mut uuids: Vec<_> = list.iter().map(|p| p.uuid.clone()).collect();
    uuids.sort();
    let mut expected = vec![h.uuid.clone(), g.uuid.clone(), d];
    expected.sort();
    assert_eq!(uuids, expected);
}

#[tokio::test]
async fn a_guest_is_not_permitted_any_host_only_conference_command() {
    let sim = start(Profile::Public).await;
    let host = sim.host().await;
    let g = sim.guest("访客").await;
    for cmd in Command::ALL.into_iter().filter(|c| c.is_host_only()) {
        let r = if cmd.is_get() {
            sim.get(DEMO, cmd.path(), Some(&g.token)).await
        } else {
            sim.cmd(&g, cmd.path(), json!({})).await
        };
        r.fails(403, "Not permitted");
    }
    let st = sim.get(DEMO, "service_status", Some(&host.token)).await;
    let expected =
        json!({"guests_muted": false, "locked": false, "started": false, "whiteboard": false});
    assert_eq!(st.ok(), &expected);
    assert_eq!(
        sim.participants(&host).await.len(),
        2,
        "nobody was dialled or disconnected"
    );
}
