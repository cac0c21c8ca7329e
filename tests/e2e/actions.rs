//! The participant actions dialog: presentation policy, role, disconnect, transfer, DTMF and
//! the RTMP sub-call.

use crate::ctx::{self, OTHER_HOST_PIN, OTHER_ROOM};
use huikong_protocol::{Profile, Role, RxPresentationPolicy};
use huikong_test_support::api::Api;
use huikong_test_support::harness::{eventually, stays};
use huikong_test_support::page::{row_css, testid_css};
use std::time::Duration;

const DIALOG: &str = "participant-actions";

/// A started meeting with Wang Fang in it, the console joined as host and her actions open.
async fn with_actions_open(test: &str) -> (ctx::Ctx, Api, String) {
    let t = ctx::start(test, Profile::Public).await;
    t.add_host("Zhang Wei");
    let guest = t.add_guest("Wang Fang");
    t.join_host().await;
    let api = t.observer().await;
    t.page.click("More actions for Wang Fang").await;
    t.page.testid(DIALOG).await;
    (t, api, guest)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn deny_and_allow_receiving_the_presentation() {
    let (t, api, guest) = with_actions_open("rx_presentation").await;
    t.page
        .click_in(DIALOG, "Deny Wang Fang receiving presentation")
        .await;
    t.page
        .wait_text_css(&row_css(&guest), "Presentation blocked")
        .await;
    let p = api.participant(&guest).await.unwrap();
    assert_eq!(p.rx_presentation_policy, RxPresentationPolicy::Deny);

    t.page
        .click_in(DIALOG, "Allow Wang Fang to receive presentation")
        .await;
    eventually("the policy back to ALLOW", || async {
        match api
            .participant(&guest)
            .await
            .unwrap()
            .rx_presentation_policy
        {
            RxPresentationPolicy::Allow => Ok(()),
            p => Err(format!("{p:?}")),
        }
    })
    .await;
    t.page
        .click_in(DIALOG, "Deny Wang Fang receiving presentation")
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn make_a_guest_a_host_and_back() {
    let (t, api, guest) = with_actions_open("role_change").await;
    let row = row_css(&guest);
    t.page.click_in(DIALOG, "Make Wang Fang a host").await;
    t.page.wait_attr_css(&row, "data-role", "chair").await;
    assert_eq!(api.participant(&guest).await.unwrap().role, Role::Host);

    t.page.click_in(DIALOG, "Make Wang Fang a guest").await;
    t.page.wait_attr_css(&row, "data-role", "guest").await;
    assert_eq!(api.participant(&guest).await.unwrap().role, Role::Guest);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn disconnect_a_participant_through_the_undo_window() {
    let (t, api, guest) = with_actions_open("disconnect_one").await;
    t.page.click_in(DIALOG, "Disconnect Wang Fang").await;
    crate::undo::let_through_in(&t.page, DIALOG, "Disconnect Wang Fang").await;
    t.page.wait_gone_css(&row_css(&guest)).await;
    eventually("the simulator to drop Wang Fang", || async {
        match api.participant(&guest).await {
            None => Ok(()),
            Some(_) => Err("still listed".to_string()),
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn transfer_to_another_conference() {
    let (t, api, guest) = with_actions_open("transfer").await;
    let form = testid_css("transfer-form");
    t.page.click_in(DIALOG, "Transfer").await;
    t.page.fill("transfer-target", OTHER_ROOM).await;
    t.page.select("transfer-role", "chair").await;
    // As a host of the other room with a wrong PIN: checkJoin refuses it before anything is
    // asked or sent, and nobody moves (tests/e2e/transfer_check.rs has the other refusals).
    t.page.fill("transfer-pin", "000000").await;
    t.page.click_in("transfer-form", "Transfer").await;
    t.page
        .wait_text("transfer-check", "Not transferred: Wrong PIN.")
        .await;
    assert!(t
        .page
        .all_css(&testid_css("confirm-dialog"))
        .await
        .is_empty());
    assert!(api.participant(&guest).await.is_some());
    t.page.fill("transfer-pin", OTHER_HOST_PIN).await;
    t.page.click_in("transfer-form", "Transfer").await;
    t.page
        .wait_text("confirm-dialog", "Move Wang Fang to the conference 1062?")
        .await;
    t.page
        .wait_text("confirm-dialog", "Wang Fang will be a host in 培训会议室")
        .await;
    t.page
        .click_in("confirm-dialog", "Transfer Wang Fang")
        .await;
    crate::undo::let_through_in(&t.page, DIALOG, "Transfer Wang Fang").await;
    t.page.wait_gone_css(&row_css(&guest)).await;
    assert!(api.participant(&guest).await.is_none());
    let there = Api::open(
        &t.sim.url(),
        OTHER_ROOM,
        OTHER_HOST_PIN,
        "E2E observer 2",
        true,
    )
    .await
    .expect("a session on the other room");
    let moved = there.participant(&guest).await.expect("in the other room");
    assert_eq!(moved.role, Role::Host);
    assert!(
        t.page.all_css(&form).await.is_empty(),
        "the dialog went with the row"
    );
}

/// The DTMF strings the simulator received for `uuid`, in order.
fn dtmf_received(t: &ctx::Ctx, uuid: &str) -> Vec<String> {
    t.room(|r| r.member(uuid).map(|m| m.dtmf.clone()).unwrap_or_default())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn send_dtmf_from_the_keypad_and_refuse_bad_digits() {
    let (t, _api, guest) = with_actions_open("dtmf").await;
    t.page.click_in(DIALOG, "Keypad").await;
    for key in ["1", "2", "#"] {
        t.page.click_in("dtmf-form", key).await;
    }
    let digits = t.page.testid("dtmf-digits").await;
    assert_eq!(digits.prop("value").await.unwrap().as_deref(), Some("12#"));
    t.page.click_in("dtmf-form", "Send").await;
    t.page
        .wait_status("Send DTMF to Wang Fang (12#): done")
        .await;
    assert_eq!(dtmf_received(&t, &guest), ["12#"]);
    eventually("the digits to clear after sending", || async {
        let v = digits.prop("value").await.map_err(|e| e.to_string())?;
        match v.as_deref() {
            Some("") => Ok(()),
            other => Err(format!("{other:?}")),
        }
    })
    .await;

    // Typed digits go too, the letter tones among them.
    t.page.fill("dtmf-digits", "*0AB").await;
    t.page.click_in("dtmf-form", "Send").await;
    t.page
        .wait_status("Send DTMF to Wang Fang (*0AB): done")
        .await;
    assert_eq!(dtmf_received(&t, &guest), ["12#", "*0AB"]);

    t.page.fill("dtmf-digits", "12x").await;
    t.page
        .wait_attr("dtmf-digits", "aria-invalid", "true")
        .await;
    t.page.click_in("dtmf-form", "Send").await;
    stays(Duration::from_millis(500), "no bad digits sent", || async {
        match dtmf_received(&t, &guest) {
            d if d == ["12#", "*0AB"] => Ok(()),
            d => Err(format!("{d:?}")),
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn rtmp_sub_call_shows_its_urls_and_its_end() {
    let (t, _api, guest) = with_actions_open("rtmp").await;
    t.page.click_in(DIALOG, "Advanced").await;
    t.page.click_in("rtmp-form", "Create RTMP sub-call").await;
    let result = t.page.testid("rtmp-result").await;
    let call = result
        .attr("data-call-uuid")
        .await
        .unwrap()
        .expect("a call uuid");
    let url = t.page.testid("rtmp-url").await;
    let url = url.prop("value").await.unwrap().unwrap_or_default();
    assert!(
        url.starts_with("rtmp://127.0.0.1:") && url.ends_with(&call),
        "{url}"
    );
    let calls = t.room(|r| r.member(&guest).map(|m| m.calls.clone()));
    assert_eq!(
        calls,
        Some(vec![call.clone()]),
        "the simulator keeps the sub-call"
    );

    // The participant leaves: its sub-call ends, and the console says so.
    t.room(|r| r.leave(&guest));
    t.page.wait_status(&format!("Sub-call {call} ended")).await;
}
