//! The bar's reach: a confirmed disconnect (through the undo window, never the console's own
//! participant), the enterprise cloud offering only what it has, and the bar on a phone in
//! English, light and dark, checked by axe-core.

use super::{bar, finished, summary, tick, wait_selected, RUN_LIMIT};
use crate::axe::{serious_violations, viewport, DESKTOP, PHONE};
use crate::ctx::{self, OTHER_ROOM};
use fantoccini::key::Key;
use huikong_protocol::Profile;
use huikong_test_support::harness::eventually_within;
use huikong_test_support::page::testid_css;
use serde_json::json;
use std::collections::BTreeSet;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn a_confirmed_bulk_disconnect_reaches_the_platform_but_not_the_console() {
    let t = ctx::start("bulk_disconnect", Profile::Public).await;
    let host = t.add_host("Zhang Wei");
    let a = t.add_guest("Wang Fang");
    let b = t.add_guest("Li Lei");
    let me = t.join_host().await;
    for u in [&a, &b, &me] {
        t.wait_row(u).await;
    }
    tick(&t, &a).await;
    tick(&t, &b).await;
    tick(&t, &me).await;
    wait_selected(&t, 3).await;
    bar(&t, "disconnect").await;
    // Two: the console's own participant is never disconnected in bulk.
    t.page
        .wait_text("confirm-dialog", "Disconnect the 2 selected participants")
        .await;
    t.page.testid("confirm-yes").await.click().await.unwrap();
    let api = t.observer().await;
    // Through the undo window, however long it is.
    eventually_within(RUN_LIMIT, "the two to leave the platform", || async {
        let now: BTreeSet<String> = api
            .participants()
            .await
            .into_iter()
            .map(|p| p.uuid)
            .collect();
        match now.contains(&a) || now.contains(&b) {
            false => Ok(now),
            true => Err(format!("still there: {now:?}")),
        }
    })
    .await;
    assert!(api.participant(&me).await.is_some(), "the console stayed");
    assert!(
        api.participant(&host).await.is_some(),
        "an unselected host stayed"
    );
    wait_selected(&t, 1).await;
    assert!(finished(&t).await.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn the_enterprise_cloud_offers_only_what_it_supports() {
    let t = ctx::start("bulk_enterprise", Profile::Enterprise).await;
    t.add_host("Zhang Wei");
    let guest = t.add_guest("Wang Fang");
    t.page.goto("/?lang=en").await;
    t.page.select("join-profile", "enterprise").await;
    t.page.fill("join-conference", ctx::ROOM).await;
    t.page.fill("join-pin", ctx::HOST_PIN).await;
    t.page.fill("join-name", ctx::CONSOLE).await;
    t.page.testid("join-submit").await.click().await.unwrap();
    t.page
        .wait_attr("connection-state", "data-state", "live")
        .await;
    tick(&t, &guest).await;
    wait_selected(&t, 1).await;
    let offered: BTreeSet<String> = t.page.js("return Array.from(document.querySelectorAll('[data-testid=bulk-bar] button[data-action]')).map(b => b.dataset.action);").await;
    let want: BTreeSet<String> = ["mute", "unmute", "disconnect"].map(String::from).into();
    assert_eq!(offered, want);
    // The arrows move along the toolbar.
    let first = t
        .page
        .css(&format!(
            "{} button[data-action=\"mute\"]",
            testid_css("bulk-bar")
        ))
        .await;
    let _: Option<()> = t.page.js("document.querySelector('[data-testid=bulk-bar] button[data-action=mute]').focus(); return null;").await;
    for (key, want) in [
        (Key::Right, "unmute"),
        (Key::End, "disconnect"),
        (Key::Home, "mute"),
    ] {
        let on = t
            .page
            .client()
            .active_element()
            .await
            .unwrap_or(first.clone());
        on.send_keys(&char::from(key).to_string()).await.unwrap();
        let now: Option<String> = t
            .page
            .js("return document.activeElement.dataset.action || null;")
            .await;
        assert_eq!(now.as_deref(), Some(want));
    }
    bar(&t, "mute").await;
    assert!(finished(&t).await.is_empty());
    assert!(
        t.observer()
            .await
            .participant(&guest)
            .await
            .unwrap()
            .is_muted
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn on_a_phone_in_english_the_bar_fits_and_is_accessible() {
    let t = ctx::start("bulk_phone", Profile::Public).await;
    t.add_host("Zhang Wei");
    let a = t.add_guest("Wang Fang");
    let b = t.add_guest("Li Lei");
    let api = t.observer().await;
    api.command("lock", &json!({})).await.expect("lock");
    let waiting = t.add_guest("Bai Lu");
    t.join_host().await;
    viewport(&t.page, PHONE).await;
    for u in [&a, &b, &waiting] {
        tick(&t, u).await;
    }
    wait_selected(&t, 3).await;
    // Admit is offered while one of the selected waits.
    t.page
        .css(&format!(
            "{} button[data-action=\"admit\"]",
            testid_css("bulk-bar")
        ))
        .await;
    let fits: bool = t.page.js("const b = document.querySelector('[data-testid=bulk-bar]').getBoundingClientRect(); return b.width > 0 && b.right <= window.innerWidth;").await;
    assert!(fits, "the bar is wider than a phone");
    let mut found = Vec::new();
    for theme in ["light", "dark"] {
        let _: Option<()> = t
            .page
            .js(&format!(
                "document.documentElement.dataset.theme = '{theme}'; return null;"
            ))
            .await;
        found.extend(serious_violations(&t.page, &format!("bar, phone, {theme}")).await);
    }
    bar(&t, "admit").await;
    assert!(finished(&t).await.is_empty());
    assert!(summary(&t).await.contains("Admit 1 participant: 1 done"));
    viewport(&t.page, DESKTOP).await;
    found.extend(serious_violations(&t.page, "result, desktop, dark").await);
    assert!(found.is_empty(), "{}", found.join("\n"));
    let p = api.participant(&waiting).await.unwrap();
    assert!(ctx::in_conference(&p), "Bai Lu was admitted");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn a_bulk_transfer_is_checked_held_once_and_moves_everyone_selected() {
    let t = ctx::start("bulk_transfer", Profile::Public).await;
    t.add_host("Zhang Wei");
    let a = t.add_guest("Wang Fang");
    let b = t.add_guest("Li Lei");
    t.join_host().await;
    for u in [&a, &b] {
        t.wait_row(u).await;
        tick(&t, u).await;
    }
    wait_selected(&t, 2).await;
    bar(&t, "transfer").await;
    let form = format!(
        "{} {}",
        testid_css("bulk-transfer"),
        testid_css("transfer-form")
    );
    t.page.css(&form).await;
    t.page.fill("transfer-target", OTHER_ROOM).await;
    t.page.select("transfer-role", "guest").await;
    t.page.click_in("transfer-form", "Transfer").await;
    // checkJoin said what they will become before anything is confirmed.
    t.page
        .wait_text("transfer-check", "will be a guest in")
        .await;
    t.page.testid("confirm-yes").await.click().await.unwrap();
    // Held once, in the form's window (inside the dialog): one entry, not two.
    let local = format!(
        "{} {}",
        testid_css("bulk-transfer"),
        testid_css("undo-bar-local")
    );
    t.page.wait_text_css(&local, "2").await;
    let held: usize = t
        .page
        .js("return document.querySelectorAll('[data-testid=\"bulk-transfer\"] [data-testid=\"undo-bar-local\"] .undo-label').length;")
        .await;
    assert_eq!(held, 1, "the bulk transfer waits once");
    let in_other = |uuid: &str| {
        let world = t.sim.state.world();
        let ix = world.find_room(OTHER_ROOM).expect("the other room");
        world.rooms[ix].member(uuid).is_some()
    };
    eventually_within(RUN_LIMIT, "both in the other room", || async {
        match (in_other(&a), in_other(&b)) {
            (true, true) => Ok(()),
            other => Err(format!("moved: {other:?}")),
        }
    })
    .await;
    let text = summary(&t).await;
    assert!(text.contains('2'), "the result counts both: {text}");
}
