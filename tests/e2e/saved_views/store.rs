//! Saved views: kept over a reload and a new join, a corrupt stored value ignored, nothing but
//! filters and sort in storage; the "more filters" panel in English, on a phone, light and
//! dark, through axe-core.

use super::{click, set, wait_shown};
use crate::axe::{serious_violations, theme as set_theme, viewport, DESKTOP, PHONE};
use crate::ctx::{self, Ctx, Join, HOST_PIN, ROOM_ALIAS};
use fantoccini::key::Key;
use huikong_protocol::Profile;
use huikong_test_support::harness::eventually;
use huikong_test_support::page::testid_css;
use serde_json::{json, Value};
use std::collections::BTreeSet;

/// Everything in the page's localStorage.
async fn storage(t: &Ctx) -> serde_json::Map<String, Value> {
    t.page
        .js("return Object.fromEntries(Object.entries(localStorage));")
        .await
}

async fn stored_views(t: &Ctx) -> Value {
    let all = storage(t).await;
    let raw = all["huikong.views"]
        .as_str()
        .expect("views stored")
        .to_string();
    serde_json::from_str(&raw).expect("the stored views are JSON")
}

async fn value_of(t: &Ctx, testid: &str) -> String {
    t.page
        .js(&format!(
            "return document.querySelector('{}').value;",
            testid_css(testid).replace('\'', "\\'")
        ))
        .await
}

async fn wait_value(t: &Ctx, testid: &str, want: &str) {
    eventually(&format!("{testid} to read {want}"), || async {
        match value_of(t, testid).await {
            v if v == want => Ok(()),
            v => Err(v),
        }
    })
    .await
}

/// Waits until the "modified" mark beside the view is shown (or hidden).
async fn wait_modified(t: &Ctx, shown: bool) {
    let script = format!(
        "return !document.querySelector('{}').hidden;",
        testid_css("view-modified")
    );
    eventually(&format!("the view marked modified: {shown}"), || async {
        match t.page.js::<bool>(&script).await == shown {
            true => Ok(()),
            false => Err("not yet".to_string()),
        }
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn saved_views_survive_a_reload_and_a_new_join() {
    let t = ctx::start("views_saved", Profile::Public).await;
    t.add_host("Zhang Wei");
    let wang = t.add_guest("Wang Fang");
    let li = t.add_guest("Li Lei");
    let zh = Join {
        lang: "zh",
        ..Join::host()
    };
    t.join(&zh).await;
    let api = t.observer().await;
    for u in [&wang, &li] {
        api.command(&format!("participants/{u}/mute"), &json!({}))
            .await
            .expect("mute");
    }
    // A search, which a view does not keep, then the view's filters and sort.
    t.page.fill("participant-search", "Wang").await;
    t.page.select("filter-role", "guest").await;
    t.page.select("sort-by", "name").await;
    click(&t, "more-filters").await;
    click(&t, "filter-muted").await;
    wait_shown(&t, "muted guests named Wang", &set(&[&wang])).await;
    t.page.fill("view-name", "静音的访客").await;
    click(&t, "view-save").await;
    t.page.wait_text("view-said", "已保存视图").await;
    wait_value(&t, "view-select", "静音的访客").await;

    let all = storage(&t).await;
    let dump = serde_json::to_string(&all).unwrap();
    for secret in [HOST_PIN, "Wang", "Li Lei", "Zhang", ROOM_ALIAS, &wang] {
        assert!(!dump.contains(secret), "{secret:?} in localStorage: {dump}");
    }
    let views = stored_views(&t).await;
    let keys: BTreeSet<&str> = views
        .as_object()
        .unwrap()
        .keys()
        .map(|k| k.as_str())
        .collect();
    assert_eq!(keys, BTreeSet::from(["version", "views", "active"]));
    let saved = &views["views"][0];
    assert_eq!(saved["name"], "静音的访客");
    assert_eq!(
        saved["filters"],
        json!({"state": "all", "role": "guest", "protocol": "", "sort": "name", "muted": true,
               "presenting": false, "no_presentation": false, "on_stage": false,
               "waiting_over": 0, "joined_within": 0})
    );

    // Changed, the view says so; chosen again, it is as saved.
    t.page.select("sort-by", "join").await;
    wait_modified(&t, true).await;
    t.page.select("view-select", "").await;
    t.page.select("view-select", "静音的访客").await;
    wait_value(&t, "sort-by", "name").await;
    wait_modified(&t, false).await;

    // A reload, a join again: the view is chosen, its filters on, the search not kept; and a
    // muted guest who joins afterwards is shown by it.
    t.join(&zh).await;
    wait_value(&t, "view-select", "静音的访客").await;
    wait_value(&t, "filter-role", "guest").await;
    wait_value(&t, "sort-by", "name").await;
    wait_value(&t, "participant-search", "").await;
    t.page.wait_attr("more-filters", "data-count", "1").await;
    wait_shown(&t, "the view after a reload", &set(&[&li, &wang])).await;
    let late = t.add_guest("Zhou Min");
    api.command(&format!("participants/{late}/mute"), &json!({}))
        .await
        .expect("mute the newcomer");
    wait_shown(&t, "the view with a newcomer", &set(&[&li, &wang, &late])).await;
    assert!(t.page.row_uuids().await.len() == 3);

    // Renamed, then deleted: storage follows.
    click(&t, "more-filters").await;
    t.page.fill("view-name", "Muted").await;
    click(&t, "view-rename").await;
    wait_value(&t, "view-select", "Muted").await;
    assert_eq!(stored_views(&t).await["views"][0]["name"], "Muted");
    click(&t, "view-delete").await;
    wait_value(&t, "view-select", "").await;
    let views = stored_views(&t).await;
    assert_eq!(views["views"], json!([]));
    assert_eq!(views["active"], Value::Null);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn a_corrupt_stored_value_is_ignored_with_a_warning() {
    let t = ctx::start("views_corrupt", Profile::Public).await;
    let wang = t.add_guest("Wang Fang");
    t.page.goto("/?lang=en").await;
    let _: Value = t
        .page
        .js(r#"localStorage.setItem('huikong.views', '{"version":1,"views":[{"name":'); return null;"#)
        .await;
    // The log so far is not this page's: read it away.
    t.page.browser.console_log().await;
    t.join_host().await;
    t.wait_row(&wang).await;
    let names: Vec<String> = t
        .page
        .js("return Array.from(document.querySelectorAll('[data-testid=\"view-select\"] option')).map(o => o.value);")
        .await;
    assert_eq!(names, [""], "no view from a corrupt value");
    let log = t.page.browser.console_log().await;
    assert!(
        log.iter().any(|l| l.contains("saved views ignored")),
        "a warning in {log:?}"
    );
    // Saving writes a good value over it.
    click(&t, "more-filters").await;
    t.page.select("filter-state", "conference").await;
    t.page.fill("view-name", "In the meeting").await;
    click(&t, "view-save").await;
    wait_value(&t, "view-select", "In the meeting").await;
    assert_eq!(
        stored_views(&t).await["views"][0]["filters"]["state"],
        "conference"
    );
    // An older (or newer) shape is ignored the same way.
    let _: Value = t
        .page
        .js(r#"localStorage.setItem('huikong.views', '{"version":0,"views":[{"name":"old"}]}'); return null;"#)
        .await;
    t.join_host().await;
    t.wait_row(&wang).await;
    wait_value(&t, "view-select", "").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn more_filters_in_english_on_a_phone_light_and_dark_pass_axe() {
    let t = ctx::start("views_axe", Profile::Public).await;
    t.add_host("Zhang Wei");
    t.add_guest("Wang Fang");
    t.join_host().await;
    click(&t, "more-filters").await;
    t.page.fill("view-name", "Guests").await;
    click(&t, "view-save").await;
    t.page.wait_text("view-said", "View \"Guests\" saved").await;
    t.page
        .wait_text("more-filters-panel", "Muted by the host")
        .await;
    t.page
        .wait_text("more-filters-panel", "not keep the search text")
        .await;
    let mut serious = Vec::new();
    for size in [PHONE, DESKTOP] {
        viewport(&t.page, size).await;
        for theme in ["light", "dark"] {
            set_theme(&t.page, theme).await;
            serious.extend(serious_violations(&t.page, &format!("{size:?} {theme}")).await);
        }
    }
    assert!(serious.is_empty(), "{}", serious.join("\n"));
    // Every control in the panel has a name a screen reader reads.
    let unnamed: Vec<String> = t
        .page
        .js("return Array.from(document.querySelectorAll('#more-filters input, #more-filters select, #more-filters button, .filters select, .filters button'))
            .filter(e => !(e.labels && e.labels.length) && !e.textContent.trim() && !e.getAttribute('aria-label'))
            .map(e => e.outerHTML);")
        .await;
    assert!(unnamed.is_empty(), "{unnamed:?}");
    // At 1366 wide the bar is one line, in English (the longer texts) with a filter counted.
    viewport(&t.page, DESKTOP).await;
    click(&t, "filter-muted").await;
    t.page.wait_attr("more-filters", "data-count", "1").await;
    let boxes: Vec<(f64, f64)> = t
        .page
        .js(
            "return Array.from(document.querySelectorAll('.filters > *'))
            .map(e => e.getBoundingClientRect()).filter(r => r.width > 0)
            .map(r => [r.top + r.height / 2, r.width]);",
        )
        .await;
    let middles = boxes.iter().map(|b| b.0);
    let spread = middles.clone().fold(f64::MIN, f64::max) - middles.fold(f64::MAX, f64::min);
    assert!(
        spread < 8.0,
        "the filter bar wraps at 1366 (middle, width): {boxes:?}"
    );
    // Escape in the panel closes it and gives the focus back to its button.
    let name = t.page.testid("view-name").await;
    name.send_keys(&char::from(Key::Escape).to_string())
        .await
        .expect("Escape typed");
    t.page
        .wait_attr("more-filters", "aria-expanded", "false")
        .await;
    let focused: Option<String> = t
        .page
        .js("return document.activeElement && document.activeElement.dataset.testid;")
        .await;
    assert_eq!(focused.as_deref(), Some("more-filters"));
    click(&t, "more-filters").await;
    // On a phone the bar and the panel fit the width: nothing scrolls sideways.
    viewport(&t.page, PHONE).await;
    let wide: bool = t
        .page
        .js("return document.documentElement.scrollWidth > window.innerWidth;")
        .await;
    assert!(!wide, "the page scrolls sideways on a phone");
}
