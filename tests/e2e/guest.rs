//! A guest session: it sees the meeting, but every host-only control is disabled with the
//! reason, and nothing it could click changes the simulator.

use crate::ctx::{self, Join, CONSOLE};
use fantoccini::Locator;
use huikong_protocol::{Profile, Role};
use huikong_test_support::harness::stays;
use huikong_test_support::page::{button_xpath, row_css};
use std::time::Duration;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn a_guest_sees_the_meeting_with_host_controls_disabled() {
    let t = ctx::start("guest_session", Profile::Public).await;
    t.add_host("Zhang Wei");
    let other = t.add_guest("Wang Fang");
    t.join(&Join::guest()).await;
    // Said plainly, once, above the list: it can watch, not act, and how to run the meeting.
    t.page.wait_text("guest-notice", "guest PIN").await;
    t.page.wait_text("my-role", "Guest").await;
    let api = t.observer().await;
    let me = api
        .named(CONSOLE)
        .await
        .expect("the guest console is listed");
    assert_eq!(me.role, Role::Guest);
    t.wait_row(&other).await;

    for name in [
        "Lock conference",
        "Mute all guests",
        "End the meeting for everyone",
        "Mute Wang Fang",
        "Spotlight Wang Fang",
    ] {
        let b = t.page.button(name).await;
        assert!(
            !b.is_enabled().await.unwrap(),
            "{name} is disabled for a guest"
        );
        let described = b.attr("aria-describedby").await.unwrap();
        assert_eq!(
            described.as_deref(),
            Some("host-only-reason"),
            "{name} says why"
        );
    }
    for id in ["dial-submit", "layout-apply"] {
        let b = t.page.testid(id).await;
        assert!(
            !b.is_enabled().await.unwrap(),
            "{id} is disabled for a guest"
        );
        let described = b.attr("aria-describedby").await.unwrap();
        assert_eq!(
            described.as_deref(),
            Some("host-only-reason"),
            "{id} says why"
        );
    }
    // Chat is everyone's.
    t.page.open_panel("chat").await;
    t.page.fill("chat-input", "a guest's line").await;
    t.page.click("Send").await;
    t.page.wait_text("chat-log", "a guest's line").await;
    let reason = t.page.css("#host-only-reason").await;
    let text = reason
        .prop("textContent")
        .await
        .unwrap()
        .unwrap_or_default();
    assert!(text.contains("Only a host"), "{text}");

    // A click on a disabled control does nothing, at the page or the simulator.
    let lock = t
        .page
        .client()
        .find(Locator::XPath(&button_xpath("Lock conference")))
        .await;
    let _ = lock.unwrap().click().await;
    let mute = t
        .page
        .client()
        .find(Locator::XPath(&button_xpath("Mute Wang Fang")))
        .await;
    let _ = mute.unwrap().click().await;
    stays(
        Duration::from_millis(600),
        "the meeting unchanged",
        || async {
            let status = api.status().await;
            let wang = api.participant(&other).await.ok_or("Wang Fang left")?;
            match (status.locked, wang.is_muted) {
                (false, false) => Ok(()),
                s => Err(format!("locked, muted = {s:?}")),
            }
        },
    )
    .await;
    t.page
        .wait_attr_css(&row_css(&other), "data-muted", "false")
        .await;
    t.page.wait_attr("flag-locked", "data-state", "off").await;
}
