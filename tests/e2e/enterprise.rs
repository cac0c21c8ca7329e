//! The enterprise cloud: the console offers only what that deployment supports, and its
//! participant list works from `participant_update` alone (it sends no `participant_create`).

use crate::ctx::{self, CONSOLE};
use huikong_protocol::Profile;
use huikong_test_support::harness::eventually;
use huikong_test_support::page::row_css;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn enterprise_offers_what_it_supports_and_the_commands_work() {
    let t = ctx::start("enterprise", Profile::Enterprise).await;
    let host = t.add_host("Zhang Wei");
    let guest = t.add_guest("Wang Fang");
    t.page.goto("/?lang=en").await;
    t.page.select("join-profile", "enterprise").await;
    t.page.fill("join-conference", ctx::ROOM).await;
    t.page.fill("join-pin", ctx::HOST_PIN).await;
    t.page.fill("join-name", CONSOLE).await;
    t.page.testid("join-submit").await.click().await.unwrap();
    t.page
        .wait_attr("connection-state", "data-state", "live")
        .await;
    let me = t.console_uuid().await;
    let api = t.observer().await;

    // The list is complete although the stream announces newcomers as updates.
    for u in [&host, &guest, &me] {
        t.wait_row(u).await;
    }
    let late = t.add_guest("Chen Jing");
    t.wait_row(&late).await;

    // Offered: lock, mute guests, mute one. Not offered: start, spotlight, admit, role.
    t.page.button("Lock conference").await;
    t.page.button("Mute all guests").await;
    let names = t.page.button_names().await;
    for absent in ["Start the meeting", "Spotlight Wang Fang"] {
        assert!(
            !names.iter().any(|n| n == absent),
            "{absent} offered: {names:?}"
        );
    }
    t.page.open_panel("layout").await;
    t.page
        .wait_text("layout-unsupported", "does not support changing the layout")
        .await;
    assert!(t
        .page
        .all_css("[data-testid=\"layout-apply\"]")
        .await
        .is_empty());
    // The enterprise cloud calls out over H.323 and SIP only: the dial form offers just those.
    let mut offered = Vec::new();
    for option in t
        .page
        .all_css("[data-testid=\"dial-protocol\"] option")
        .await
    {
        offered.push(option.prop("value").await.unwrap().unwrap_or_default());
    }
    assert_eq!(offered, ["sip", "h323"]);

    t.page.click("More actions for Wang Fang").await;
    t.page.testid("participant-actions").await;
    let names = t.page.button_names().await;
    for absent in [
        "Make Wang Fang a host",
        "Deny Wang Fang receiving presentation",
    ] {
        assert!(
            !names.iter().any(|n| n == absent),
            "{absent} offered: {names:?}"
        );
    }
    assert!(t
        .page
        .all_css("[data-testid=\"transfer-form\"]")
        .await
        .is_empty());
    t.page.click_in("participant-actions", "Close").await;

    t.page.click("Mute Wang Fang").await;
    t.page
        .wait_attr_css(&row_css(&guest), "data-muted", "true")
        .await;
    assert!(api.participant(&guest).await.unwrap().is_muted);
    t.page.click("Lock conference").await;
    t.page.wait_attr("flag-locked", "data-state", "on").await;
    eventually("the simulator to lock", || async {
        match api.status().await.locked {
            true => Ok(()),
            false => Err("unlocked".to_string()),
        }
    })
    .await;
}
