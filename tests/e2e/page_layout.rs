//! The meeting page laid out for a live meeting: every panel of the dock is one tab away and
//! keeps what was typed or chosen in it while another is shown; the tabs follow the arrow keys;
//! a hidden panel's tab counts what arrived there; dense rows are shorter and remembered; the
//! dial form shows its common fields first and lists a dial by name and address; at a phone's
//! width the header is one line and the panels open from a bottom bar over the list.

use crate::ctx::{self, Ctx};
use fantoccini::key::Key;
use huikong_protocol::Profile;
use huikong_test_support::harness::eventually;
use huikong_test_support::page::testid_css;
use serde_json::{json, Value};

const PANELS: [&str; 8] = [
    "speakers",
    "presentation",
    "chat",
    "layout",
    "dial",
    "events",
    "record",
    "venues",
];

async fn js(t: &Ctx, script: &str) -> Value {
    t.page.js(script).await
}

async fn displayed(t: &Ctx, testid: &str) -> bool {
    let el = t.page.testid(testid).await;
    el.is_displayed().await.unwrap_or(false)
}

async fn value(t: &Ctx, testid: &str) -> Option<String> {
    let el = t.page.testid(testid).await;
    el.prop("value").await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn every_panel_is_a_tab_away_and_keeps_its_state() {
    let t = ctx::start("dock_state", Profile::Public).await;
    t.add_host("Zhang Wei");
    t.add_guest("Wang Fang");
    t.join_host().await;
    // One panel on screen at a time, the others mounted but hidden.
    for code in PANELS {
        t.page.open_panel(code).await;
        t.page
            .wait_attr(&format!("tab-{code}"), "aria-selected", "true")
            .await;
        for other in PANELS.iter().filter(|o| **o != code) {
            assert!(
                !displayed(&t, &format!("panel-{other}")).await,
                "{other} shown beside {code}"
            );
        }
    }
    // Something typed or chosen in each, then every other panel shown in between.
    t.page.open_panel("chat").await;
    t.page.fill("chat-input", "a draft").await;
    t.page.open_panel("dial").await;
    t.page.fill("dial-destination", "sip:far@e2e.local").await;
    t.page.open_panel("layout").await;
    let option = "[data-testid=\"layout-option\"][data-layout=\"4:0\"]";
    t.page.css(option).await.click().await.unwrap();
    t.page.open_panel("events").await;
    t.page
        .testid("event-log-hide-frequent")
        .await
        .click()
        .await
        .unwrap();
    let hide = t.page.testid("event-log-hide-frequent").await;
    let hiding = hide.prop("checked").await.unwrap();
    t.page.open_panel("record").await;
    t.page.select("record-kind-filter", "command").await;
    for code in PANELS {
        t.page.open_panel(code).await;
    }
    t.page.open_panel("chat").await;
    assert_eq!(value(&t, "chat-input").await.as_deref(), Some("a draft"));
    t.page.open_panel("dial").await;
    assert_eq!(
        value(&t, "dial-destination").await.as_deref(),
        Some("sip:far@e2e.local")
    );
    t.page.open_panel("layout").await;
    let chosen = t.page.css(option).await.prop("checked").await.unwrap();
    assert_eq!(chosen.as_deref(), Some("true"), "the layout picked");
    t.page.open_panel("events").await;
    let hide = t.page.testid("event-log-hide-frequent").await;
    assert_eq!(hide.prop("checked").await.unwrap(), hiding);
    t.page.open_panel("record").await;
    assert_eq!(
        value(&t, "record-kind-filter").await.as_deref(),
        Some("command")
    );
    // The tab shown last is remembered (its name only).
    let saved = js(&t, "return localStorage.getItem('huikong.dock-tab');").await;
    assert_eq!(saved, json!("record"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn the_tabs_follow_the_arrow_keys() {
    let t = ctx::start("dock_keys", Profile::Public).await;
    t.add_host("Zhang Wei");
    t.join_host().await;
    t.page.open_panel("speakers").await;
    let t = &t;
    let press = |key: Key| async move {
        let focused = t.page.client().active_element().await.unwrap();
        focused
            .send_keys(&char::from(key).to_string())
            .await
            .unwrap();
    };
    let expect = |code: &'static str| async move {
        t.page
            .wait_attr(&format!("tab-{code}"), "aria-selected", "true")
            .await;
        let focused = t.page.client().active_element().await.unwrap();
        let id = focused.attr("data-testid").await.unwrap();
        assert_eq!(id.as_deref(), Some(format!("tab-{code}").as_str()));
        assert!(displayed(t, &format!("panel-{code}")).await);
    };
    press(Key::Right).await;
    expect("presentation").await;
    press(Key::End).await;
    expect("venues").await;
    press(Key::Right).await;
    expect("speakers").await;
    press(Key::Left).await;
    expect("venues").await;
    press(Key::Home).await;
    expect("speakers").await;
    // Only the selected tab is in the Tab order.
    let in_order = js(
        t,
        "return Array.from(document.querySelectorAll('[role=tab]')).filter(t => t.tabIndex === 0).length;",
    )
    .await;
    assert_eq!(in_order, json!(1));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn a_hidden_panel_counts_what_arrived_until_it_is_shown() {
    let t = ctx::start("dock_badges", Profile::Public).await;
    t.add_host("Zhang Wei");
    let guest = t.add_guest("Wang Fang");
    t.join_host().await;
    t.page.open_panel("layout").await;
    let api = t.observer().await;
    api.say("one").await;
    api.say("two").await;
    t.page.wait_attr("tab-chat", "data-unseen", "2").await;
    t.page
        .wait_attr("tab-chat", "aria-label", "Chat, 2 new messages")
        .await;
    assert!(t.room(|r| r.start_presentation(&guest)));
    t.page
        .wait_attr("tab-presentation", "data-unseen", "1")
        .await;
    t.page
        .wait_attr("tab-presentation", "aria-label", "Slides, 1 new")
        .await;

    t.page.open_panel("chat").await;
    t.page.wait_attr("tab-chat", "data-unseen", "0").await;
    let label = t.page.testid("tab-chat").await.attr("aria-label").await;
    assert_eq!(label.unwrap(), None, "named by its text again");
    // What arrives in the panel on screen is seen.
    api.say("three").await;
    t.page.wait_text("chat-log", "three").await;
    assert_eq!(
        t.page
            .testid("tab-chat")
            .await
            .attr("data-unseen")
            .await
            .unwrap()
            .as_deref(),
        Some("0")
    );
    t.page.open_panel("presentation").await;
    t.page
        .wait_attr("tab-presentation", "data-unseen", "0")
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn dense_rows_are_shorter_and_remembered() {
    let t = ctx::start("dense_rows", Profile::Public).await;
    t.add_host("Zhang Wei");
    let guest = t.add_guest("Wang Fang");
    t.join_host().await;
    t.wait_row(&guest).await;
    // Until the host chooses, the rows are dense exactly when the screen is short.
    let short = js(
        &t,
        "return window.innerHeight < 900 && window.innerWidth > 960;",
    )
    .await
        == json!(true);
    let starts_dense = !t
        .page
        .all_css("[data-testid=\"main-col\"].dense")
        .await
        .is_empty();
    assert_eq!(
        starts_dense, short,
        "dense by default on a short screen only"
    );
    if starts_dense {
        t.page.testid("dense-switch").await.click().await.unwrap();
        t.page.css("[data-testid=\"main-col\"]:not(.dense)").await;
        let saved = js(&t, "return localStorage.getItem('huikong.dense');").await;
        assert_eq!(saved, json!("0"), "the choice is remembered");
    }
    let height = "return document.querySelector('[data-testid=participant-row]').offsetHeight;";
    let normal = js(&t, height).await.as_f64().unwrap();
    t.page.testid("dense-switch").await.click().await.unwrap();
    t.page.css("[data-testid=\"main-col\"].dense").await;
    let dense = js(&t, height).await.as_f64().unwrap();
    assert!(dense < normal * 0.6, "dense {dense} px against {normal} px");
    // The list places its rows at the new height: the second row right under the first.
    let spacer = "return document.querySelector('.plist-spacer').offsetHeight;";
    eventually("the list measured at the dense height", || async {
        let rows = t.page.row_uuids().await.len() as f64;
        let h = js(&t, spacer).await.as_f64().unwrap_or(0.0);
        match (h - rows * dense).abs() < 1.0 {
            true => Ok(()),
            false => Err(format!("spacer {h} px for {rows} rows of {dense}")),
        }
    })
    .await;
    let saved = js(&t, "return localStorage.getItem('huikong.dense');").await;
    assert_eq!(saved, json!("1"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn the_dial_form_shows_its_common_fields_and_lists_a_dial_by_name() {
    let t = ctx::start("dial_form_layout", Profile::Public).await;
    t.add_host("Zhang Wei");
    t.join_host().await;
    t.page.open_panel("dial").await;
    for shown in [
        "dial-destination",
        "dial-remote-display-name",
        "dial-protocol",
    ] {
        assert!(displayed(&t, shown).await, "{shown} shown at once");
    }
    assert!(
        !displayed(&t, "dial-dtmf").await,
        "the rest under More options"
    );
    t.page.wait_text("dial-more-toggle", "More options").await;
    t.page
        .testid("dial-more-toggle")
        .await
        .click()
        .await
        .unwrap();
    assert!(displayed(&t, "dial-dtmf").await);
    t.page.fill("dial-destination", "sip:lobby@e2e.local").await;
    t.page
        .fill("dial-remote-display-name", "Lobby screen")
        .await;
    t.page.testid("dial-submit").await.click().await.unwrap();
    let entry = "[data-destination=\"sip:lobby@e2e.local\"]";
    let call = t
        .page
        .css(&format!("{entry} [data-testid=\"dial-call\"]"))
        .await;
    let uuid = call.attr("data-uuid").await.unwrap().expect("a uuid");
    let text = t.page.wait_text_css(entry, "Lobby screen").await;
    assert!(text.contains("sip:lobby@e2e.local"), "{text}");
    assert!(!text.contains(&uuid), "no uuid shown: {text}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn at_a_phone_s_width_the_panels_open_from_a_bottom_bar() {
    let t = ctx::start("phone_layout", Profile::Public).await;
    t.add_host("Zhang Wei");
    for i in 0..12 {
        t.add_guest(&format!("Guest {i}"));
    }
    t.join_host().await;
    let phone = json!({ "width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": true });
    t.page
        .browser
        .cdp("Emulation.setDeviceMetricsOverride", phone)
        .await;
    let t = &t;
    // Top, bottom and height of the first element `css`, and the window's height.
    let rect = |css: String| async move {
        let script = format!(
            "const r = document.querySelector({}).getBoundingClientRect(); \
             return [r.top, r.bottom, r.height, window.innerHeight];",
            json!(css)
        );
        let v = js(t, &script).await;
        let v: Vec<f64> = serde_json::from_value(v).unwrap();
        v
    };
    // The header on one line, the tabs a bar at the bottom, no panel over the list.
    eventually("the phone's layout", || async {
        let head = js(
            t,
            "return document.querySelector('.meeting-head').offsetHeight;",
        )
        .await;
        let bar = rect(testid_css("dock-tabs")).await;
        match (head.as_f64().unwrap_or(99.0), bar) {
            (h, b) if h <= 56.0 && (b[1] - b[3]).abs() < 1.0 => Ok(()),
            (h, b) => Err(format!("header {h} px, bar {b:?}")),
        }
    })
    .await;
    assert!(!displayed(t, "flag-locked").await, "flags in the menu");
    t.page
        .testid("head-menu-toggle")
        .await
        .click()
        .await
        .unwrap();
    assert!(displayed(t, "flag-locked").await, "the menu open");
    t.page
        .testid("head-menu-toggle")
        .await
        .click()
        .await
        .unwrap();
    for code in PANELS {
        assert!(!displayed(t, &format!("panel-{code}")).await, "{code}");
    }
    // Nothing of the page is hidden behind the bar when scrolled to its end.
    js(
        t,
        "window.scrollTo(0, document.documentElement.scrollHeight); return null;",
    )
    .await;
    let bar = rect(testid_css("dock-tabs")).await;
    let end = rect(testid_css("main-col")).await;
    assert!(
        end[1] <= bar[0] + 1.0,
        "the page ends at {} under the bar at {}",
        end[1],
        bar[0]
    );
    // A panel opens as a sheet over the list, and closes again.
    t.page.open_panel("chat").await;
    let sheet = rect(".dock-panels".to_string()).await;
    assert!(sheet[1] <= bar[0] + 1.0, "the sheet ends above the bar");
    // The header stays in view over an open sheet: leave and the connection's state.
    let head = rect(".meeting-head".to_string()).await;
    assert!(
        sheet[0] >= head[1] - 1.0,
        "the sheet starts at {} under the header's {}",
        sheet[0],
        head[1]
    );
    for id in ["leave", "connection-state"] {
        let on_top = js(
            t,
            &format!("const e = document.querySelector('[data-testid=\"{id}\"]'); const r = e.getBoundingClientRect(); return e.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));"),
        )
        .await;
        assert_eq!(on_top, json!(true), "{id} in view over the sheet");
    }
    t.page.fill("chat-input", "typed on a phone").await;
    t.page.testid("dock-back").await.click().await.unwrap();
    eventually("the sheet closed", || async {
        match displayed(t, "panel-chat").await {
            false => Ok(()),
            true => Err("still open".to_string()),
        }
    })
    .await;
    t.page.open_panel("chat").await;
    assert_eq!(
        value(t, "chat-input").await.as_deref(),
        Some("typed on a phone")
    );
}

/// The rows wholly visible in the list's own scroll box.
const VISIBLE_ROWS: &str = "const box = document.querySelector('.plist-viewport').getBoundingClientRect();
    const bottom = Math.min(box.bottom, window.innerHeight);
    return Array.from(document.querySelectorAll('[data-testid=participant-row]'))
        .filter((r) => { const b = r.getBoundingClientRect(); return b.top >= box.top - 1 && b.bottom <= bottom + 1; })
        .length;";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn the_list_comes_first_a_laptop_shows_12_rows_a_full_hd_screen_24() {
    let t = ctx::start("rows_visible", Profile::Public).await;
    t.add_host("Zhang Wei");
    for n in 0..40 {
        t.add_guest(&format!(
            "访客 {n:02} wang.fang.{n}@branch-office.example.com"
        ));
    }
    for (size, least) in [((1366, 768), 12), ((1920, 1080), 24)] {
        crate::axe::viewport(&t.page, size).await;
        t.join(&ctx::Join {
            lang: "zh",
            ..ctx::Join::host()
        })
        .await;
        let rows = eventually("the rows painted", || async {
            let n = js(&t, VISIBLE_ROWS).await.as_u64().unwrap_or(0);
            match n >= least {
                true => Ok(n),
                false => Err(format!("{n} rows visible at {size:?}")),
            }
        })
        .await;
        eprintln!("FIGURE [rows_visible] {}x{}: {rows} rows", size.0, size.1);
        // A long name is cut with an ellipsis, and whole on hover and to a screen reader.
        let name = t.page.css("[data-testid=participant-name]").await;
        let title = name.attr("title").await.unwrap().unwrap_or_default();
        assert_eq!(title, name.text().await.unwrap());
        t.page.testid("leave").await.click().await.unwrap();
        t.page.testid("join-submit").await;
    }
}
