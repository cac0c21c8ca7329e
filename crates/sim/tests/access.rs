//! checkJoin and the access-control commands: new_session, refresh_session, end_session, and
//! what makes a token invalid.

mod common;

use common::*;
use huikong_protocol::{Event, NewSessionResult, Profile, RefreshSessionResult, Role, ServiceType};
use huikong_sim::Config;
use serde_json::json;
use std::time::Duration;

#[tokio::test]
async fn check_join_with_the_host_password_names_the_node_and_the_host_role() {
    let sim = start(Profile::Public).await;
    let r = sim
        .check_join(DEMO_ID, HOST_PIN, "Jiang")
        .await
        .into_result()
        .expect("accepted");
    assert_eq!(r.role_type, Some(Role::Host));
    assert_eq!(
        r.mcu_host,
        sim.running.addr.to_string(),
        "mcuHost is the host the request came to"
    );
    assert_eq!(r.alias, DEMO);
    assert_eq!(r.sipkey, DEMO_ID);
    assert_eq!(r.participant_name, "Jiang");
    assert!(!r.conference_name.is_empty());
}

#[tokio::test]
async fn check_join_with_the_guest_password_or_none_where_there_is_no_guest_pin_is_a_guest() {
    let sim = start(Profile::Public).await;
    let r = sim
        .check_join(DEMO, GUEST_PIN, "Jiang")
        .await
        .into_result()
        .expect("accepted");
    assert_eq!(r.role_type, Some(Role::Guest));
    let r = sim
        .check_join(TRAINING, "", "Jiang")
        .await
        .into_result()
        .expect("accepted");
    assert_eq!(r.role_type, Some(Role::Guest));
}

#[tokio::test]
async fn check_join_refuses_an_unknown_account_with_404_and_a_wrong_password_with_403() {
    let sim = start(Profile::Public).await;
    let unknown = sim
        .check_join("nobody@huikong.local", HOST_PIN, "Jiang")
        .await;
    assert_eq!(unknown.code, "404");
    assert!(unknown.msg.as_deref().is_some_and(|m| !m.is_empty()));
    let wrong = sim.check_join(DEMO, "000000", "Jiang").await;
    assert_eq!(wrong.code, "403");
    assert!(wrong.clone().into_result().is_err());
}

#[tokio::test]
async fn new_session_with_the_host_pin_opens_a_host_session_with_every_public_field() {
    let sim = start(Profile::Public).await;
    let s = sim.host().await;
    let r: NewSessionResult = serde_json::from_value(s.result.clone()).expect("a NewSessionResult");
    assert_eq!(r.role, Role::Host);
    assert_eq!(s.result["role"], "HOST");
    assert_eq!(s.result["expires"], "120");
    assert_eq!(r.display_name, "主持人");
    for field in [
        "allow_1080p",
        "bandwidth_in",
        "bandwidth_out",
        "call_type",
        "fecc_enabled",
        "guests_can_present",
        "owner",
        "rtmp_enabled",
        "rtsp_enabled",
        "version",
        "stun",
    ] {
        assert!(!s.result[field].is_null(), "{field} missing");
    }
}

#[tokio::test]
async fn new_session_on_the_enterprise_cloud_leaves_out_the_public_only_fields() {
    let sim = start(Profile::Enterprise).await;
    let s = sim.guest("访客").await;
    assert_eq!(s.result["role"], "GUEST");
    for field in [
        "allow_1080p",
        "bandwidth_in",
        "bandwidth_out",
        "call_type",
        "fecc_enabled",
        "guests_can_present",
        "owner",
        "rtmp_enabled",
        "rtsp_enabled",
    ] {
        assert!(s.result[field].is_null(), "{field} should be absent");
    }
    assert!(!s.result["token"].is_null() && !s.result["current_service_type"].is_null());
}

#[tokio::test]
async fn new_session_addresses_the_room_by_alias_or_by_id() {
    let sim = start(Profile::Public).await;
    sim.session(DEMO, Some(HOST_PIN), "by alias").await;
    sim.session(DEMO_ID, Some(HOST_PIN), "by id").await;
    let r = sim
        .new_session_reply(
            "nobody@huikong.local",
            Some(HOST_PIN),
            json!({"display_name": "x"}),
        )
        .await;
    r.fails(404, "Neither conference nor gateway found");
}

#[tokio::test]
async fn new_session_without_a_pin_where_a_guest_pin_exists_says_pin_required() {
    let sim = start(Profile::Public).await;
    let r = sim
        .new_session_reply(DEMO, None, json!({"display_name": "x"}))
        .await;
    assert_eq!(r.status, 403);
    assert_eq!(r.body["status"], "failed");
    assert_eq!(r.result()["pin"], "required");
    assert_eq!(r.result()["guest_pin"], "required");
}

#[tokio::test]
async fn new_session_with_a_wrong_pin_is_invalid_pin() {
    let sim = start(Profile::Public).await;
    let r = sim
        .new_session_reply(DEMO, Some("999999"), json!({"display_name": "x"}))
        .await;
    r.fails(403, "Invalid PIN");
    let r = sim
        .new_session_reply(TRAINING, Some("999999"), json!({"display_name": "x"}))
        .await;
    r.fails(403, "Invalid PIN");
}

#[tokio::test]
async fn new_session_without_a_pin_where_there_is_no_guest_pin_is_a_guest() {
    let sim = start(Profile::Public).await;
    let s = sim.session(TRAINING, None, "旁听").await;
    assert_eq!(s.result["role"], "GUEST");
    let h = sim.session(TRAINING, Some(TRAINING_HOST_PIN), "讲师").await;
    assert_eq!(h.result["role"], "HOST");
}

#[tokio::test]
async fn new_session_with_a_body_that_does_not_fit_is_illegal_value() {
    let sim = start(Profile::Public).await;
    let url = sim.url(DEMO, "new_session");
    let pin = ("pin", HOST_PIN);
    sim.post_raw(&url, &[pin], "not json".into())
        .await
        .fails(400, "Illegal value");
    sim.post_raw(&url, &[pin], "{\"hideme\": \"no\"}".into())
        .await
        .fails(400, "Illegal value");
    sim.post_raw(&url, &[pin, ("content-type", "text/plain")], "[1,2]".into())
        .await
        .fails(400, "Illegal value");
}

#[tokio::test]
async fn the_session_participant_joins_as_an_api_client_without_media() {
    let sim = start(Profile::Public).await;
    let s = sim.host().await;
    let p = sim.participant(&s, &s.uuid).await.expect("listed");
    assert_eq!(p.protocol, "api");
    assert!(!p.has_media);
    assert_eq!(p.call_direction, "in");
    assert_eq!(p.role, Role::Host);
    assert_eq!(p.display_name, "主持人");
}

#[tokio::test]
async fn hideme_keeps_the_session_out_of_the_participant_list() {
    let sim = start(Profile::Public).await;
    let hidden = sim.session_hidden(DEMO, Some(HOST_PIN), "隐身", true).await;
    assert!(sim.participants(&hidden).await.is_empty());
    sim.cmd(&hidden, "lock", json!({})).await.ok();
}

#[tokio::test]
async fn refresh_session_gives_a_new_token_and_the_old_one_stays_valid() {
    let sim = start(Profile::Public).await;
    let s = sim.host().await;
    let r = sim.cmd(&s, "refresh_session", json!({})).await;
    assert_eq!(r.result()["expires"], "120");
    assert_eq!(r.result()["role"], "HOST");
    let fresh: RefreshSessionResult =
        serde_json::from_value(r.ok().clone()).expect("a refresh result");
    assert_ne!(fresh.token, s.token);
    sim.get(DEMO, "service_status", Some(&fresh.token))
        .await
        .ok();
    sim.get(DEMO, "service_status", Some(&s.token)).await.ok();
}

#[tokio::test]
async fn end_session_releases_the_token_and_the_participant_leaves() {
    let sim = start(Profile::Public).await;
    let host = sim.host().await;
    let guest = sim.guest("访客").await;
    let mut ev = sim.events(&host).await;
    ev.sync().await;
    sim.cmd(&guest, "end_session", json!({})).await.ok();
    ev.until("the guest's delete", |e| {
        *e == Event::ParticipantDelete {
            uuid: guest.uuid.clone(),
        }
    })
    .await;
    sim.get(DEMO, "participants", Some(&guest.token))
        .await
        .fails(403, "Invalid token");
}

#[tokio::test]
async fn a_released_session_stream_gets_disconnect_and_closes() {
    let sim = start(Profile::Public).await;
    let s = sim.host().await;
    let mut ev = sim.events(&s).await;
    ev.sync().await;
    sim.cmd(&s, "end_session", json!({})).await.ok();
    let rest = ev.until_closed().await;
    assert!(
        matches!(rest.last(), Some(Event::Disconnect { .. })),
        "{rest:?}"
    );
}

#[tokio::test]
async fn a_token_expires_unrefreshed_the_participant_leaves_and_its_stream_closes() {
    let sim = start_with(Config {
        token_ttl: 1,
        ..Config::for_tests(Profile::Public)
    })
    .await;
    let watcher = sim.host().await;
    let _alive = sim.keep_refreshing(&watcher);
    let short = sim.guest("短暂").await;
    assert_eq!(short.result["expires"], "1");
    let mut watch = sim.events(&watcher).await;
    let mut own = sim.events(&short).await;
    own.sync().await;
    watch.sync().await;
    let rest = own.until_closed().await;
    assert!(
        matches!(rest.last(), Some(Event::Disconnect { .. })),
        "{rest:?}"
    );
    watch
        .until("the expired guest's delete", |e| {
            *e == Event::ParticipantDelete {
                uuid: short.uuid.clone(),
            }
        })
        .await;
    sim.get(DEMO, "participants", Some(&short.token))
        .await
        .fails(403, "Invalid token");
    let late = sim.host().await;
    assert!(sim.participant(&late, &short.uuid).await.is_none());
}

#[tokio::test]
async fn an_event_stream_outlives_the_refreshes_of_its_token() {
    // Refreshed every 300 ms against a life of 2 s: a refresh may come late on a loaded
    // machine without the token running out.
    const TTL: u64 = 2;
    let sim = start_with(Config {
        token_ttl: TTL,
        ..Config::for_tests(Profile::Public)
    })
    .await;
    let s = sim.host().await;
    let issued = std::time::Instant::now();
    let mut ev = sim.events(&s).await;
    ev.sync().await;
    let mut token = s.token.clone();
    // Past the life of the first token, which the stream was opened with.
    while issued.elapsed() < Duration::from_millis(TTL * 1000 + 300) {
        tokio::time::sleep(Duration::from_millis(300)).await;
        let r = sim
            .post(DEMO, "refresh_session", Some(&token), json!({}))
            .await;
        token = r.ok()["token"].as_str().unwrap().to_owned();
    }
    sim.post(DEMO, "lock", Some(&token), json!({})).await.ok();
    ev.until(
        "service_update locked",
        |e| matches!(e, Event::ServiceUpdate(u) if u.locked == Some(true)),
    )
    .await;
}

#[tokio::test]
async fn a_missing_or_unknown_token_is_invalid() {
    let sim = start(Profile::Public).await;
    sim.get(DEMO, "participants", None)
        .await
        .fails(403, "Invalid token");
    sim.get(DEMO, "participants", Some("made-up"))
        .await
        .fails(403, "Invalid token");
    sim.post(DEMO, "refresh_session", None, json!({}))
        .await
        .fails(403, "Invalid token");
    sim.post(DEMO, "end_session", Some("made-up"), json!({}))
        .await
        .fails(403, "Invalid token");
}

#[tokio::test]
async fn a_token_of_one_room_is_invalid_in_another() {
    let sim = start(Profile::Public).await;
    let s = sim.host().await;
    sim.get(TRAINING, "participants", Some(&s.token))
        .await
        .fails(403, "Invalid token");
    sim.get(DEMO_ID, "participants", Some(&s.token)).await.ok();
}

#[tokio::test]
async fn a_guest_joining_before_the_conference_started_waits() {
    let sim = start(Profile::Public).await;
    let g = sim.guest("早到的访客").await;
    let t: ServiceType = serde_json::from_value(g.result["current_service_type"].clone()).unwrap();
    assert_eq!(t, ServiceType::WaitingRoom);
    let h = sim.host().await;
    assert_eq!(h.result["current_service_type"], "conference");
}
