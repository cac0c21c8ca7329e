//! What the palette offers where not everything is: the enterprise cloud (in English, at a
//! phone's width, with axe over the palette and the help) and a guest's console.

use super::{ask, chord, options, press, type_here, wait_focus};
use crate::axe::{serious_violations_in, theme, viewport, PHONE};
use crate::ctx::{self, Ctx, Join, CONSOLE};
use fantoccini::key::Key;
use huikong_protocol::Profile;
use huikong_test_support::page::testid_css;

/// The serious and critical axe violations inside the element `testid`.
async fn axe_in(t: &Ctx, testid: &str) -> Vec<String> {
    let scope = format!("[data-testid=\"{testid}\"]");
    serious_violations_in(&t.page, testid, Some(&scope)).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn the_enterprise_palette_lacks_what_the_cloud_lacks_in_english_at_a_phone_width() {
    let t = ctx::start("keyboard_enterprise", Profile::Enterprise).await;
    t.add_host("Chen Jing");
    let wang = t.add_guest("Wang Fang");
    t.page.goto("/?lang=en").await;
    t.page.select("join-profile", "enterprise").await;
    t.page.fill("join-conference", ctx::ROOM).await;
    t.page.fill("join-pin", ctx::HOST_PIN).await;
    t.page.fill("join-name", CONSOLE).await;
    press(&t, &char::from(Key::Enter).to_string()).await;
    t.page
        .wait_attr("connection-state", "data-state", "live")
        .await;
    t.wait_row(&wang).await;
    viewport(&t.page, PHONE).await;

    // Chinese words find the English labels; spotlight, admit and roles are not offered here.
    ask(&t, "静音 wang", "Mute Wang Fang").await;
    press(&t, &char::from(Key::Escape).to_string()).await;
    ask(&t, "wang", "Show Wang Fang in the list").await;
    let all = options(&t).await;
    for absent in [
        "Spotlight Wang Fang",
        "Make Wang Fang a host",
        "Admit Wang Fang",
    ] {
        assert!(
            !all.iter().any(|o| o == absent),
            "{absent} offered: {all:?}"
        );
    }
    assert!(all.iter().any(|o| o == "Disconnect Wang Fang"), "{all:?}");
    let mut serious = Vec::new();
    for name in ["light", "dark"] {
        theme(&t.page, name).await;
        serious.extend(axe_in(&t, "palette").await);
    }
    press(&t, &char::from(Key::Escape).to_string()).await;
    t.page.wait_gone_css(&testid_css("palette")).await;

    // The layout panel, but no layout to set, and no start: the enterprise cloud has neither.
    ask(&t, "layout", "Open panel: Layout").await;
    let all = options(&t).await;
    assert!(!all.iter().any(|o| o.starts_with("Set layout")), "{all:?}");
    press(&t, &char::from(Key::Escape).to_string()).await;
    t.page.wait_gone_css(&testid_css("palette")).await;
    chord(&t, Key::Control, 'k').await;
    wait_focus(&t, "palette-input").await;
    type_here(&t, "start").await;
    t.page.wait_text("palette-count", "No matches").await;
    press(&t, &char::from(Key::Escape).to_string()).await;
    t.page.wait_gone_css(&testid_css("palette")).await;

    press(&t, "?").await;
    t.page
        .wait_text("shortcut-help", "Keyboard shortcuts")
        .await;
    for name in ["light", "dark"] {
        theme(&t.page, name).await;
        serious.extend(axe_in(&t, "shortcut-help").await);
    }
    assert!(serious.is_empty(), "{}", serious.join("\n"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn a_guest_sees_the_hosts_commands_disabled_with_the_reason() {
    let t = ctx::start("keyboard_guest", Profile::Public).await;
    t.add_host("Chen Jing");
    t.join(&Join::guest()).await;
    ask(&t, "lock", "Lock conference").await;
    let disabled: Option<String> = t
        .page
        .js("return document.querySelector('[data-testid=palette-option]').getAttribute('aria-disabled');")
        .await;
    assert_eq!(disabled.as_deref(), Some("true"));
    t.page
        .wait_text("palette-results", "Only a host can do this")
        .await;
    // Enter on it runs nothing, and the palette stays.
    press(&t, &char::from(Key::Enter).to_string()).await;
    t.page.testid("palette").await;
    press(&t, &char::from(Key::Escape).to_string()).await;
    t.page.wait_gone_css(&testid_css("palette")).await;
    // The shortcut says why, and sends nothing.
    press(&t, "l").await;
    t.page.wait_status("only a host can do this").await;
    assert!(!t.observer().await.status().await.locked);
}
