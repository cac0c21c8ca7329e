//! Dial out: an answered call rings then joins, a busy one ends at once, an unanswered one
//! rings then ends. The simulator's call durations are stretched so that ringing is seen.

use crate::ctx;
use huikong_protocol::{DialRequest, Profile, Role, ServiceType};
use huikong_sim::Config;
use huikong_test_support::harness::eventually;
use huikong_test_support::page::row_css;
use std::time::Duration;

/// A started meeting, the console joined as host, with calls that ring for 1.5 s.
async fn dialling(test: &str) -> ctx::Ctx {
    let mut config = Config::for_tests(Profile::Public);
    config.dial_answer = Duration::from_millis(1500);
    config.dial_no_answer = Duration::from_millis(1500);
    let t = ctx::start_with(test, config).await;
    t.add_host("Zhang Wei");
    t.join_host().await;
    t.page.open_panel("dial").await;
    t.page
        .testid("dial-more-toggle")
        .await
        .click()
        .await
        .unwrap();
    t
}

/// Dials `destination` from the panel; returns the uuid the platform answered with.
async fn dial(t: &ctx::Ctx, destination: &str, name: &str) -> String {
    t.page.fill("dial-destination", destination).await;
    t.page.fill("dial-remote-display-name", name).await;
    t.page.testid("dial-submit").await.click().await.unwrap();
    let css = format!("[data-destination=\"{destination}\"] [data-testid=\"dial-call\"]");
    let call = t.page.css(&css).await;
    call.attr("data-uuid")
        .await
        .unwrap()
        .expect("the dialled uuid")
}

fn call_css(uuid: &str) -> String {
    format!("[data-testid=\"dial-call\"][data-uuid=\"{uuid}\"]")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn an_answered_call_rings_then_joins() {
    let t = dialling("dial_answer").await;
    let api = t.observer().await;
    t.page.select("dial-protocol", "h323").await;
    t.page.select("dial-role", "chair").await;
    let uuid = dial(&t, "10.1.2.30", "Far End").await;
    t.page
        .wait_attr_css(&call_css(&uuid), "data-state", "connecting")
        .await;
    let p = api.participant(&uuid).await.expect("listed while ringing");
    assert_eq!(p.service_type, ServiceType::Connecting);
    assert_eq!((p.protocol.as_str(), p.role), ("h323", Role::Host));
    assert_eq!(
        (p.display_name.as_str(), p.call_direction.as_str()),
        ("Far End", "out")
    );

    t.page
        .wait_attr_css(&call_css(&uuid), "data-state", "conference")
        .await;
    t.page
        .wait_attr_css(&row_css(&uuid), "data-service-type", "conference")
        .await;
    t.page.wait_text_css(&row_css(&uuid), "Far End").await;
    let p = api.participant(&uuid).await.expect("in the meeting");
    assert_eq!(p.service_type, ServiceType::Conference);
    t.page.wait_status("Dial 10.1.2.30: done").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn every_optional_field_reaches_the_platform_as_filled_in() {
    let t = dialling("dial_every_field").await;
    t.page.select("dial-protocol", "sip").await;
    t.page.select("dial-role", "chair").await;
    t.page.select("dial-call-type", "video-only").await;
    t.page.testid("dial-streaming").await.click().await.unwrap();
    t.page
        .fill("dial-presentation-url", "rtmp://cdn.e2e.local/live/slides")
        .await;
    t.page.fill("dial-dtmf", "1234#").await;
    t.page.fill("dial-source-display-name", "会控 E2E").await;
    t.page.fill("dial-source", "sip:console@e2e.local").await;
    t.page
        .select("dial-keep-alive", "keep_conference_alive_if_multiple")
        .await;
    let uuid = dial(&t, "room@e2e.local", "远端会议室").await;

    let mut want = DialRequest::new("room@e2e.local", "sip", Role::Host);
    want.call_type = Some("video-only".into());
    want.streaming = true;
    want.presentation_url = Some("rtmp://cdn.e2e.local/live/slides".into());
    want.dtmf_sequence = Some("1234#".into());
    want.source_display_name = Some("会控 E2E".into());
    want.source = Some("sip:console@e2e.local".into());
    want.keep_conference_alive = Some("keep_conference_alive_if_multiple".into());
    want.remote_display_name = Some("远端会议室".into());
    // The uuid is shown once the platform answered, so its record is already kept.
    let got = t.room(|r| r.member(&uuid).and_then(|m| m.dial.clone()));
    assert_eq!(got, Some(want));
    t.page.wait_text_css(&row_css(&uuid), "远端会议室").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn a_busy_destination_ends_at_once() {
    let t = dialling("dial_busy").await;
    let uuid = dial(&t, "busy@e2e.local", "Busy End").await;
    t.page
        .wait_attr_css(&call_css(&uuid), "data-state", "ended")
        .await;
    assert!(t.page.all_css(&row_css(&uuid)).await.is_empty());
    assert!(t.observer().await.participant(&uuid).await.is_none());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn an_unanswered_call_rings_then_ends() {
    let t = dialling("dial_no_answer").await;
    let api = t.observer().await;
    let uuid = dial(&t, "noanswer@e2e.local", "Silent End").await;
    t.page
        .wait_attr_css(&call_css(&uuid), "data-state", "connecting")
        .await;
    assert!(api.participant(&uuid).await.is_some(), "ringing");
    t.page
        .wait_attr_css(&call_css(&uuid), "data-state", "ended")
        .await;
    t.page.wait_gone_css(&row_css(&uuid)).await;
    eventually("the simulator to drop the call", || async {
        match api.participant(&uuid).await {
            None => Ok(()),
            Some(p) => Err(format!("still {:?}", p.service_type)),
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn a_bad_dial_is_refused_before_the_platform() {
    let t = dialling("dial_invalid").await;
    let before = t.observer().await.participants().await.len();
    t.page.fill("dial-destination", "room@e2e.local").await;
    t.page.fill("dial-dtmf", "12x").await;
    t.page.testid("dial-submit").await.click().await.unwrap();
    t.page.wait_text("dial-error", "Cannot dial").await;
    assert!(t
        .page
        .all_css("[data-testid=\"dial-call\"]")
        .await
        .is_empty());
    assert_eq!(t.observer().await.participants().await.len(), before);
}
