//! Starting from a link: conference, name and language from the URL, joined at once; a PIN in
//! the URL is never used. And the event log of the meeting page.

use crate::ctx::{self, OTHER_HOST_PIN, OTHER_ROOM};
use huikong_protocol::{Profile, Role};
use huikong_test_support::api::Api;
use huikong_test_support::harness::eventually;
use huikong_test_support::page::testid_css;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn a_link_joins_at_once() {
    let t = ctx::start("launch_autojoin", Profile::Public).await;
    let path = format!("/?lang=en&conference={OTHER_ROOM}&name=Linked%20Console&autojoin=1");
    t.page.goto(&path).await;
    t.page
        .wait_attr("connection-state", "data-state", "live")
        .await;
    t.page.wait_text("my-role", "Guest").await;
    let api = Api::open(
        &t.sim.url(),
        OTHER_ROOM,
        OTHER_HOST_PIN,
        "E2E observer",
        true,
    )
    .await
    .expect("a session on the open room");
    let me = eventually("the simulator to list the linked console", || async {
        api.named("Linked Console")
            .await
            .ok_or_else(|| "not listed".to_string())
    })
    .await;
    assert_eq!(me.role, Role::Guest);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn a_pin_in_the_link_is_wiped_and_not_used() {
    let t = ctx::start("launch_pin_wiped", Profile::Public).await;
    let path = format!(
        "/?lang=en&conference={}&name=Linked%20Console&pin={}&autojoin=1",
        ctx::ROOM,
        ctx::HOST_PIN
    );
    t.page.goto(&path).await;
    t.page
        .wait_text("join-error", "This conference requires a PIN.")
        .await;
    let url = t.page.client().current_url().await.unwrap();
    assert!(
        !url.as_str().contains(ctx::HOST_PIN),
        "the PIN is gone from {url}"
    );
    let pin = t.page.testid("join-pin").await;
    assert_eq!(pin.prop("value").await.unwrap().as_deref(), Some(""));
    assert!(t.observer().await.named("Linked Console").await.is_none());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn the_event_log_records_what_the_platform_sent() {
    let t = ctx::start("event_log", Profile::Public).await;
    t.add_host("Zhang Wei");
    t.join_host().await;
    let guest = t.add_guest("Wang Fang");
    t.wait_row(&guest).await;
    t.room(|r| r.leave(&guest));
    let log = testid_css("event-log");
    for event in ["participant_create", "participant_delete", "service_update"] {
        t.page.css(&format!("{log} [data-event=\"{event}\"]")).await;
    }
    // Each in words of what it changed.
    t.page.open_panel("events").await;
    t.page
        .wait_text_css(
            &format!("{log} [data-event=\"participant_delete\"]"),
            "Wang Fang left",
        )
        .await;
    t.page
        .wait_text_css(
            &format!("{log} [data-event=\"participant_create\"]"),
            "Wang Fang joined",
        )
        .await;
}

/// Someone who joins and leaves at once (a busy callee, a wrong number) must leave the console
/// working: the departed row must never read its participant's signals after they are gone
/// (that once panicked the app about one run in three).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn a_participant_who_comes_and_goes_at_once_leaves_the_console_working() {
    let t = ctx::start("come_and_go", Profile::Public).await;
    t.add_host("Zhang Wei");
    t.join_host().await;
    for round in 0..5 {
        let guest = t.add_guest(&format!("Brief {round}"));
        t.room(|r| r.leave(&guest));
        let later = t.add_guest(&format!("Later {round}"));
        t.wait_row(&later).await;
        assert!(!t.page.row_uuids().await.contains(&guest), "round {round}");
    }
}
