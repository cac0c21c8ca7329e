//! The README's screenshots (`cargo xtask screenshots`): the console against the simulator's
//! living demo conference, saved as PNGs into the directory `HUIKONG_SCREENSHOTS` names. Not
//! a check of its own, so ignored but for that command.

use crate::ctx::{self, Ctx};
use huikong_protocol::Profile;
use huikong_sim::{Config, Scenario};
use huikong_test_support::harness::{eventually, eventually_within, Env};
use huikong_test_support::page::testid_css;
use serde_json::{json, Value};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The page's size in CSS pixels, and the device's pixels per CSS pixel.
struct Viewport {
    width: u32,
    height: u32,
    scale: f64,
    mobile: bool,
}

const DESKTOP: Viewport = Viewport {
    width: 1400,
    height: 1000,
    scale: 1.0,
    mobile: false,
};
const JOIN: Viewport = Viewport {
    width: 1100,
    height: 760,
    scale: 1.0,
    mobile: false,
};
/// A phone of the iPhone 12 to 15 class.
const PHONE: Viewport = Viewport {
    width: 390,
    height: 844,
    scale: 2.0,
    mobile: true,
};

/// A Chrome DevTools command through chromedriver, in the page's own browser session.
async fn cdp(t: &Ctx, webdriver: &str, cmd: &str, params: Value) -> Value {
    let id = t
        .page
        .client()
        .session_id()
        .await
        .expect("a session id")
        .expect("an open session");
    let reply = reqwest::Client::new()
        .post(format!("{webdriver}/session/{id}/goog/cdp/execute"))
        .json(&json!({ "cmd": cmd, "params": params }))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{cmd}: {e}"));
    assert!(reply.status().is_success(), "{cmd}: {}", reply.status());
    let body: Value = reply.json().await.unwrap_or_else(|e| panic!("{cmd}: {e}"));
    body["value"].clone()
}

/// Standard base64, as DevTools sends pictures.
fn base64_decode(text: &str) -> Vec<u8> {
    let value = |c: u8| -> u32 {
        match c {
            b'A'..=b'Z' => u32::from(c - b'A'),
            b'a'..=b'z' => u32::from(c - b'a') + 26,
            b'0'..=b'9' => u32::from(c - b'0') + 52,
            b'+' => 62,
            b'/' => 63,
            _ => panic!("{:?} is not base64", char::from(c)),
        }
    };
    let digits: Vec<u8> = text.bytes().filter(|&c| c != b'=').collect();
    let mut out = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0, |n, (i, &c)| n | value(c) << (18 - 6 * i));
        let bytes = n.to_be_bytes();
        out.extend_from_slice(&bytes[1..chunk.len()]);
    }
    out
}

/// The part of the viewport an element covers (the page scrolled to its top), taken by
/// DevTools: chromedriver's own element screenshot misplaces it under an emulated viewport.
async fn element_png(t: &Ctx, webdriver: &str, element: &fantoccini::elements::Element) -> Vec<u8> {
    let rect = t
        .page
        .client()
        .execute(
            "const r = arguments[0].getBoundingClientRect();
             return [r.left, r.top, r.width, r.height];",
            vec![serde_json::to_value(element).expect("an element as JSON")],
        )
        .await
        .expect("the element's place on the page");
    let clip = json!({
        "x": rect[0], "y": rect[1], "width": rect[2], "height": rect[3], "scale": 1,
    });
    let shot = cdp(
        t,
        webdriver,
        "Page.captureScreenshot",
        json!({ "format": "png", "clip": clip }),
    )
    .await;
    base64_decode(shot["data"].as_str().expect("a picture"))
}

/// Gives the page exactly this viewport (the window's own size depends on the platform).
async fn resize(t: &Ctx, webdriver: &str, v: &Viewport) {
    let params = json!({
        "width": v.width,
        "height": v.height,
        "deviceScaleFactor": v.scale,
        "mobile": v.mobile,
    });
    cdp(t, webdriver, "Emulation.setDeviceMetricsOverride", params).await;
}

async fn scroll_top(t: &Ctx) {
    t.page
        .client()
        .execute("window.scrollTo(0, 0);", vec![])
        .await
        .expect("scrolling to the top");
}

/// Lets the page settle (fonts, a transition, the next events) before a picture.
async fn settle() {
    tokio::time::sleep(Duration::from_millis(800)).await;
}

fn save(dir: &Path, name: &str, png: Vec<u8>) {
    let path = dir.join(name);
    std::fs::write(&path, &png).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
    let _ = writeln!(
        std::io::stderr(),
        "saved {} ({} KB)",
        path.display(),
        png.len() / 1024
    );
}

/// No focus ring on the control used last: the picture shows the page at rest.
async fn blur(t: &Ctx) {
    t.page
        .client()
        .execute(
            "document.activeElement && document.activeElement.blur();",
            vec![],
        )
        .await
        .expect("blurring the focused element");
}

/// One panel of the dock alone, in a viewport of `base`'s width tall enough for the whole panel
/// (the page is the window's height, the dock scrolling on its own), so none of it is cut off.
async fn panel_png(
    t: &Ctx,
    webdriver: &str,
    base: &Viewport,
    testid: &str,
    dir: &Path,
    name: &str,
) {
    let height = t
        .page
        .client()
        .execute(
            "const d = document.querySelector('.dock-panels');
             return Math.ceil(d.getBoundingClientRect().top + d.scrollHeight + 32);",
            vec![],
        )
        .await
        .expect("the dock's height");
    let whole = Viewport {
        height: (height.as_u64().expect("a height") as u32).max(base.height),
        ..*base
    };
    resize(t, webdriver, &whole).await;
    scroll_top(t).await;
    blur(t).await;
    settle().await;
    let panel = t.page.css(&testid_css(testid)).await;
    save(dir, name, element_png(t, webdriver, &panel).await);
}

async fn page_png(t: &Ctx, dir: &Path, name: &str) {
    blur(t).await;
    settle().await;
    let png = t.page.client().screenshot().await.expect("a screenshot");
    save(dir, name, png);
}

/// Waits until the demo conference is listed in full (a dozen, give or take a newcomer).
async fn wait_for_the_meeting(t: &Ctx) {
    eventually("the demo conference listed", || async {
        match t.page.row_uuids().await.len() {
            n if n >= 10 => Ok(()),
            n => Err(format!("{n} rows")),
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "not a check: `cargo xtask screenshots` runs it"]
async fn screenshots_of_the_console() {
    let dir = std::env::var_os("HUIKONG_SCREENSHOTS")
        .map(PathBuf::from)
        .expect("HUIKONG_SCREENSHOTS names the directory: `cargo xtask screenshots` sets it");
    let config = Config {
        scenario: Scenario::Demo,
        // The demo's own pace, not the tests' compressed one.
        scenario_tick: Duration::from_secs(1),
        ..Config::for_tests(Profile::Public)
    };
    let t = ctx::start_with("screenshots", config).await;
    let webdriver = Env::get().webdriver;
    std::fs::create_dir_all(&dir).expect("the screenshot directory");

    // The join page, in the default language, filled in as a person would before joining.
    resize(&t, &webdriver, &JOIN).await;
    t.page.goto("/").await;
    t.page.fill("join-conference", ctx::ROOM_ALIAS).await;
    t.page.fill("join-pin", ctx::HOST_PIN).await;
    t.page.fill("join-name", "会控台 · 王磊").await;
    page_png(&t, &dir, "join.png").await;

    // The live meeting, in Chinese and in English.
    resize(&t, &webdriver, &DESKTOP).await;
    t.page.testid("join-submit").await.click().await.unwrap();
    t.page
        .wait_attr("connection-state", "data-state", "live")
        .await;
    wait_for_the_meeting(&t).await;
    // The demo presents from its tenth second for half a minute: wait for the first slide.
    eventually_within(
        Duration::from_secs(30),
        "the demo's presentation",
        || async {
            match t
                .page
                .all_css(&testid_css("presentation-thumbnail"))
                .await
                .len()
            {
                0 => Err("no slide yet".to_string()),
                _ => Ok(()),
            }
        },
    )
    .await;
    // The slide in the dock beside the list.
    t.page.open_panel("presentation").await;
    scroll_top(&t).await;
    page_png(&t, &dir, "meeting.png").await;
    t.page.select("lang-switch", "en").await;
    scroll_top(&t).await;
    page_png(&t, &dir, "meeting-en.png").await;
    t.page.select("lang-switch", "zh").await;

    // The layout picker with a layout chosen: the panel alone, in a viewport as tall as it.
    t.page.open_panel("layout").await;
    let option = "[data-testid=\"layout-option\"][data-layout=\"1:7\"]";
    t.page.css(option).await.click().await.unwrap();
    // Two actors named for the screen, so the preview shows them seated.
    let candidates = t
        .page
        .client()
        .execute(
            "return Array.from(document.querySelector('[data-testid=\"layout-actor-candidates\"]')
                .options).map(o => o.value).filter(v => v);",
            vec![],
        )
        .await
        .expect("the actor candidates");
    let candidates: Vec<String> = serde_json::from_value(candidates).expect("a list of uuids");
    for uuid in candidates.iter().take(2) {
        t.page.select("layout-actor-candidates", uuid).await;
        t.page.click("添加到画面").await;
        t.page
            .css(&format!(
                "[data-testid=\"layout-actor\"][data-uuid=\"{uuid}\"]"
            ))
            .await;
    }
    panel_png(&t, &webdriver, &DESKTOP, "layout-panel", &dir, "layout.png").await;
    resize(&t, &webdriver, &DESKTOP).await;
    t.page.open_panel("chat").await;

    // The dark theme.
    t.page.select("theme-switch", "dark").await;
    scroll_top(&t).await;
    page_png(&t, &dir, "dark.png").await;
    t.page.select("theme-switch", "light").await;

    // A phone's width: the list with one line of header above and the panels' bar below; then
    // the chat opened from the bar as a sheet over the list.
    resize(&t, &webdriver, &PHONE).await;
    scroll_top(&t).await;
    page_png(&t, &dir, "phone.png").await;
    t.page.open_panel("chat").await;
    page_png(&t, &dir, "phone-chat.png").await;
    t.page.testid("dock-back").await.click().await.unwrap();

    // The meeting record: attendance and timeline of the minutes so far, the panel alone, in a
    // viewport as tall as it (as the layout picker).
    resize(&t, &webdriver, &DESKTOP).await;
    t.page.open_panel("record").await;
    t.page.css("[data-testid=\"attendance-row\"]").await;
    panel_png(&t, &webdriver, &DESKTOP, "record-panel", &dir, "record.png").await;
    drop(t);

    // A meeting of venues with a rotation running for hosts and guests: the bar above the list,
    // the word in the header, the layout panel with the current picture, presets and the form.
    let (v, _api) =
        crate::picture::with_the_demo_list("screenshots_venues", "zh", Profile::Public).await;
    resize(&v, &webdriver, &DESKTOP).await;
    v.page.open_panel("layout").await;
    v.page
        .css("[data-testid=\"rotation-mode\"] input[value=\"pages\"]")
        .await
        .click()
        .await
        .unwrap();
    v.page.select("rotation-view", "1:7").await;
    v.page.select("rotation-audience", "both").await;
    v.page.click("开始轮询").await;
    v.page.wait_text("layout-current-view", "1:7").await;
    v.page.wait_text("rotation-next", "秒后").await;
    scroll_top(&v).await;
    page_png(&v, &dir, "rotation.png").await;
    drop(v);

    // The operator wall: eight meetings by name, four streamed and four polled, one with a guest
    // knocking (its card first).
    let w = ctx::start_with(
        "screenshots_wall",
        Config {
            extra_rooms: 8,
            extra_room_size: 12,
            ..Config::for_tests(Profile::Public)
        },
    )
    .await;
    resize(&w, &webdriver, &DESKTOP).await;
    w.page.goto("/?wall=1").await;
    let names = [
        "全员大会",
        "华东区周会",
        "新员工培训",
        "董事会",
        "产品评审",
        "销售培训",
        "技术分享",
        "客服例会",
    ];
    for (i, name) in names.iter().enumerate() {
        w.page
            .fill("wall-add-conference", &huikong_sim::extra_room_alias(i + 1))
            .await;
        w.page.fill("wall-add-name", name).await;
        w.page.testid("wall-add").await.click().await.unwrap();
    }
    w.page.fill("wall-pin-all", ctx::HOST_PIN).await;
    w.page
        .testid("wall-connect-all")
        .await
        .click()
        .await
        .unwrap();
    eventually("every room followed", || async {
        let n = w
            .page
            .all_css(
                "[data-testid=wall-mode][data-conn=live], [data-testid=wall-mode][data-mode=poll]",
            )
            .await
            .len();
        (n == names.len())
            .then_some(())
            .ok_or(format!("{n} followed"))
    })
    .await;
    {
        let mut world = w.sim.state.world();
        let ix = world
            .find_room(&huikong_sim::extra_room_alias(4))
            .expect("room 4");
        world.rooms[ix].locked = true;
        let mut p = huikong_protocol::Participant::new(huikong_sim::model::new_uuid());
        p.display_name = "李娜".into();
        p.protocol = "sip".into();
        p.uri = "sip:lina@e2e.local".into();
        world.rooms[ix].join(p, false);
    }
    w.page
        .wait_attr_css(
            ".wall-grid > li:first-child [data-testid=wall-waiting]",
            "data-count",
            "1",
        )
        .await;
    w.page.testid("wall-add-open").await.click().await.unwrap();
    scroll_top(&w).await;
    page_png(&w, &dir, "wall.png").await;
}
