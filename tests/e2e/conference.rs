//! Conference commands: lock, mute all guests, start, end for everyone; and the session ending
//! at the platform's hand.

use crate::ctx::{self, in_conference, Join, CONSOLE};
use huikong_protocol::Profile;
use huikong_test_support::harness::eventually;
use huikong_test_support::page::row_css;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn lock_and_unlock_the_conference() {
    let t = ctx::start("lock_unlock", Profile::Public).await;
    t.add_host("Zhang Wei");
    t.join_host().await;
    let api = t.observer().await;
    t.page.wait_attr("flag-locked", "data-state", "off").await;

    t.page.click("Lock conference").await;
    t.page.wait_attr("flag-locked", "data-state", "on").await;
    assert!(api.status().await.locked);
    t.page.wait_status("Lock conference: done").await;

    t.page.click("Unlock conference").await;
    t.page.wait_attr("flag-locked", "data-state", "off").await;
    assert!(!api.status().await.locked);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn mute_and_unmute_all_guests() {
    let t = ctx::start("mute_guests", Profile::Public).await;
    let host = t.add_host("Zhang Wei");
    let guest = t.add_guest("Wang Fang");
    t.join_host().await;
    let api = t.observer().await;

    t.page.click("Mute all guests").await;
    t.page
        .wait_attr("flag-guests-muted", "data-state", "on")
        .await;
    t.page
        .wait_attr_css(&row_css(&guest), "data-muted", "true")
        .await;
    assert!(api.status().await.guests_muted);
    assert!(api.participant(&guest).await.unwrap().is_muted);
    assert!(
        !api.participant(&host).await.unwrap().is_muted,
        "hosts keep their voice"
    );
    t.page
        .wait_attr_css(&row_css(&host), "data-muted", "false")
        .await;

    t.page.click("Unmute all guests").await;
    t.page
        .wait_attr("flag-guests-muted", "data-state", "off")
        .await;
    t.page
        .wait_attr_css(&row_css(&guest), "data-muted", "false")
        .await;
    assert!(!api.status().await.guests_muted);
    assert!(!api.participant(&guest).await.unwrap().is_muted);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn start_the_meeting_lets_waiting_guests_in() {
    let t = ctx::start("start_meeting", Profile::Public).await;
    // Only guests with media, and the console (no media): nobody has started the meeting.
    let guest = t.add_guest("Wang Fang");
    t.join_host().await;
    let api = t.observer().await;
    t.page.wait_attr("flag-started", "data-state", "off").await;
    assert_eq!(api.status().await.started, Some(false));
    t.page
        .wait_attr_css(&row_css(&guest), "data-service-type", "waiting_room")
        .await;

    t.page.click("Start the meeting").await;
    t.page.wait_attr("flag-started", "data-state", "on").await;
    t.page
        .wait_attr_css(&row_css(&guest), "data-service-type", "conference")
        .await;
    assert_eq!(api.status().await.started, Some(true));
    assert!(in_conference(&api.participant(&guest).await.unwrap()));
    // A started meeting cannot be started again: the control is no longer offered.
    t.page
        .wait_gone_css(&huikong_test_support::page::testid_css("start-meeting"))
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn end_the_meeting_for_everyone_after_confirming() {
    let t = ctx::start("end_meeting", Profile::Public).await;
    let host = t.add_host("Zhang Wei");
    t.join_host().await;
    let api = t.observer().await;

    // Cancelling the confirmation ends nothing.
    t.page.click("End the meeting for everyone").await;
    t.page.click_in("confirm-dialog", "Cancel").await;
    t.page
        .wait_gone_css("[data-testid=\"confirm-dialog\"]")
        .await;
    assert!(api.participant(&host).await.is_some());

    t.page.click("End the meeting for everyone").await;
    t.page
        .click_in("confirm-dialog", "End the meeting for everyone")
        .await;
    crate::undo::let_through(&t.page, "End the meeting for everyone").await;
    t.page.wait_text("session-over-reason", "ended").await;
    // Every session ended with the conference, the observer's too: a new one sees an empty room.
    let fresh = t.observer().await;
    eventually("the room to be empty", || async {
        match fresh.participants().await.len() {
            0 => Ok(()),
            n => Err(format!("{n} still listed")),
        }
    })
    .await;
    assert!(api.status_result().await.is_err(), "the old session ended");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn a_disconnect_by_another_host_ends_the_session_and_rejoin_works() {
    let t = ctx::start("disconnected_rejoin", Profile::Public).await;
    t.add_host("Zhang Wei");
    let me = t.join_host().await;
    let api = t.observer().await;
    api.command(
        &format!("participants/{me}/disconnect"),
        &serde_json::json!({}),
    )
    .await
    .expect("disconnect as another session");
    t.page
        .wait_text(
            "session-over-reason",
            "API initiated participant disconnect",
        )
        .await;
    assert!(api.participant(&me).await.is_none());

    t.page.click("Rejoin").await;
    t.page
        .wait_attr("connection-state", "data-state", "live")
        .await;
    let again = t.console_uuid().await;
    assert_ne!(again, me, "a rejoin is a new session");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn the_join_form_comes_back_after_leaving_without_the_pin() {
    let t = ctx::start("back_to_join", Profile::Public).await;
    t.join(&Join::host()).await;
    t.page.click("Leave").await;
    let pin = t.page.testid("join-pin").await;
    assert_eq!(pin.prop("value").await.unwrap().as_deref(), Some(""));
    let name = t.page.testid("join-name").await;
    assert_eq!(name.prop("value").await.unwrap().as_deref(), Some(CONSOLE));
}
