//! Rotation (轮询) against the simulator's `venues` scenario, each step checked on the layout in
//! force as `/_admin/state` shows it: the whole screen one venue at a time with its skips, its
//! pause and resume at the same venue and its stop; one pane cycling beside a kept venue; a
//! picture paged through the list; the stop, with an alert, when another host sets the layout or
//! the session ends;
//! a hidden page keeping the interval for over a minute; axe on the form and the bar.

use crate::ctx;
use crate::picture::{hosts_view, keys, override_is, state, uuid, with_the_demo_list, SH, SZ};
use fantoccini::key::Key;
use fantoccini::Locator;
use huikong_protocol::Profile;
use huikong_test_support::harness::eventually;
use serde_json::{json, Value};
use std::time::{Duration, Instant};

/// Ticks (or unticks) the venue named in one of the form's venue lists.
async fn pick(t: &ctx::Ctx, list: &str, name: &str) {
    let xpath = format!("//fieldset[@data-testid='{list}']//label[contains(., '{name}')]/input");
    t.page
        .client()
        .find(Locator::XPath(&xpath))
        .await
        .unwrap_or_else(|e| panic!("{name} in {list}: {e}"))
        .click()
        .await
        .unwrap();
}

async fn mode(t: &ctx::Ctx, code: &str) {
    t.page
        .css(&format!(
            "[data-testid=\"rotation-mode\"] input[value=\"{code}\"]"
        ))
        .await
        .click()
        .await
        .unwrap();
}

async fn interval(t: &ctx::Ctx, s: &str) {
    let input = t.page.testid("rotation-interval").await;
    input.clear().await.unwrap();
    input.send_keys(s).await.unwrap();
}

async fn open_venue_choice(t: &ctx::Ctx) {
    t.page
        .css(".rotation-choose > summary")
        .await
        .click()
        .await
        .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn whole_screen_rotation_skips_pauses_resumes_at_the_same_venue_and_stops() {
    let (t, api) = with_the_demo_list("rotation_whole", "en", Profile::Public).await;
    let (sh, sz) = (uuid(&api, SH).await, uuid(&api, SZ).await);
    let hosts_view = hosts_view(&t).await;
    // A broadcast on: the rotation will end it first, and say so.
    t.page.click("Broadcast 深圳分会场").await;
    t.page
        .wait_text("broadcast-now", "Broadcasting 深圳分会场")
        .await;
    t.page.open_panel("layout").await;
    // A wrong interval is said beside the field, and nothing starts.
    interval(&t, "5").await;
    t.page
        .wait_text("rotation-problem", "10–3600 seconds")
        .await;
    interval(&t, "10").await;
    t.page
        .testid("rotation-skip-audio")
        .await
        .click()
        .await
        .unwrap();
    open_venue_choice(&t).await;
    // 广州 is absent and 天津 audio only: both skipped.
    for n in ["上海分会场", "广州分会场", "天津分会场", "深圳分会场"] {
        pick(&t, "rotation-venues", n).await;
    }
    t.page.click("Start the rotation").await;
    t.page
        .wait_status("The broadcast ended for a rotation")
        .await;
    t.page
        .wait_gone_css("[data-testid=\"broadcast-bar\"]")
        .await;
    override_is(&t, "guests", Some(("1:0", &[&sh]))).await;
    override_is(&t, "hosts", None).await;
    t.page.wait_text("rotation-now", "Showing 上海分会场").await;
    t.page
        .wait_text("rotation-next", "Next: 深圳分会场 in")
        .await;
    t.page.wait_text("on-air", "Rotating").await;

    // On its own, after the interval.
    let shown = Instant::now();
    override_is(&t, "guests", Some(("1:0", &[&sz]))).await;
    let took = shown.elapsed();
    assert!(took >= Duration::from_secs(8), "a step after {took:?}");
    t.page
        .wait_text("rotation-next", "Next: 上海分会场 in")
        .await;

    // p pauses: the picture stays past the interval; resumed, it goes on from 深圳.
    t.page.testid("rotation-now").await.click().await.unwrap();
    keys(&t, "p").await;
    t.page
        .wait_attr("rotation-bar", "data-paused", "true")
        .await;
    t.page
        .wait_text("rotation-now", "Paused on 深圳分会场")
        .await;
    t.page.wait_text("on-air", "Rotation paused").await;
    tokio::time::sleep(Duration::from_secs(12)).await;
    override_is(&t, "guests", Some(("1:0", &[&sz]))).await;
    t.page.click("Resume").await;
    t.page
        .wait_attr("rotation-bar", "data-paused", "false")
        .await;
    // What was left of the interval at the pause (under 10 s), then 上海.
    tokio::time::sleep(Duration::from_secs(4)).await;
    override_is(&t, "guests", Some(("1:0", &[&sh]))).await;

    // Esc stops it: the guests' picture as it was.
    t.page.testid("rotation-now").await.click().await.unwrap();
    keys(&t, &char::from(Key::Escape).to_string()).await;
    t.page.wait_gone_css("[data-testid=\"rotation-bar\"]").await;
    override_is(&t, "guests", Some((&hosts_view, &[]))).await;
    t.page.wait_gone_css("[data-testid=\"on-air\"]").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn one_pane_cycles_beside_a_kept_venue_and_pages_go_through_the_list() {
    let (t, api) = with_the_demo_list("rotation_panes", "zh", Profile::Public).await;
    let mut u = std::collections::HashMap::new();
    for n in [
        "总部主会场",
        "北京分会场",
        "上海分会场",
        "深圳分会场",
        "杭州分会场",
        "南京分会场",
        "西安分会场",
        "苏州分会场",
    ] {
        u.insert(n, uuid(&api, n).await);
    }
    let id = |n: &str| u[n].as_str();
    t.page.open_panel("layout").await;
    mode(&t, "pane").await;
    t.page.select("rotation-view", "1:7").await;
    pick(&t, "rotation-fixed", "总部主会场").await;
    open_venue_choice(&t).await;
    pick(&t, "rotation-venues", "北京分会场").await;
    pick(&t, "rotation-venues", "上海分会场").await;
    t.page.select("rotation-audience", "both").await;
    t.page.click("开始轮询").await;
    for a in ["hosts", "guests"] {
        override_is(&t, a, Some(("1:7", &[id("总部主会场"), id("北京分会场")]))).await;
    }
    let s = state(&t).await;
    assert_eq!(s["layout"]["guests_override"]["vad_backfill"], json!(true));
    t.page.click("下一个会场").await;
    override_is(
        &t,
        "guests",
        Some(("1:7", &[id("总部主会场"), id("上海分会场")])),
    )
    .await;
    t.page.click("下一个会场").await;
    override_is(
        &t,
        "hosts",
        Some(("1:7", &[id("总部主会场"), id("北京分会场")])),
    )
    .await;
    t.page.click("停止轮询").await;
    t.page.wait_gone_css("[data-testid=\"rotation-bar\"]").await;
    override_is(&t, "hosts", Some(("1:7", &[]))).await;

    // Pages of 4:0 through the whole list (the audio-only 天津 skipped), for the guests.
    mode(&t, "pages").await;
    t.page.select("rotation-view", "4:0").await;
    pick(&t, "rotation-venues", "北京分会场").await;
    pick(&t, "rotation-venues", "上海分会场").await;
    t.page.select("rotation-audience", "guests").await;
    t.page
        .testid("rotation-skip-audio")
        .await
        .click()
        .await
        .unwrap();
    t.page.click("开始轮询").await;
    let page1 = ["总部主会场", "北京分会场", "上海分会场", "深圳分会场"].map(id);
    override_is(&t, "guests", Some(("4:0", &page1))).await;
    assert_eq!(
        state(&t).await["layout"]["guests_override"]["vad_backfill"],
        json!(false)
    );
    t.page.click("下一个会场").await;
    let page2 = ["杭州分会场", "南京分会场", "西安分会场", "苏州分会场"].map(id);
    override_is(&t, "guests", Some(("4:0", &page2))).await;
    t.page.click("停止轮询").await;
    t.page.wait_gone_css("[data-testid=\"rotation-bar\"]").await;
    override_is(&t, "guests", Some(("1:7", &[]))).await;

    // A layout set by hand ends it: the guests, which it does not set, get their picture back
    // in the same request.
    t.page.click("开始轮询").await;
    override_is(&t, "guests", Some(("4:0", &page1))).await;
    let option = "[data-testid=\"layout-option\"][data-layout=\"2:21\"]";
    t.page.css(option).await.click().await.unwrap();
    t.page.select("layout-audience", "hosts").await;
    t.page.click("应用布局").await;
    t.page.wait_status("轮询已停止").await;
    t.page.wait_gone_css("[data-testid=\"rotation-bar\"]").await;
    override_is(&t, "hosts", Some(("2:21", &[]))).await;
    override_is(&t, "guests", Some(("1:7", &[]))).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn a_layout_set_by_another_host_stops_the_rotation_with_an_alert_and_it_stays_stopped() {
    let (t, api) = with_the_demo_list("rotation_elsewhere", "en", Profile::Public).await;
    let hq = uuid(&api, "总部主会场").await;
    t.page.open_panel("layout").await;
    t.page.select("rotation-audience", "both").await;
    t.page.click("Start the rotation").await;
    override_is(&t, "hosts", Some(("1:0", &[&hq]))).await;
    t.page.wait_text("layout-current-view", "1:0").await;
    // axe on the running rotation's bar and the form.
    let found = crate::axe::serious_violations(&t.page, "the rotation running").await;
    assert!(found.is_empty(), "{found:#?}");

    let body = json!({"layouts": [
        {"audience": "hosts", "layout": "2:21", "actors": [], "vad_backfill": true},
        {"audience": "guests", "layout": "2:21", "actors": [], "vad_backfill": true},
    ]});
    // Its answer is the participant list, not the boolean `command` reads: checked below on
    // the platform instead.
    let _ = api.command("override_layout", &body).await;
    override_is(&t, "hosts", Some(("2:21", &[]))).await;
    t.page.wait_gone_css("[data-testid=\"rotation-bar\"]").await;
    t.page
        .wait_text(
            "alert-last",
            "Rotation stopped: the layout was changed elsewhere",
        )
        .await;
    // Theirs stands, and the rotation does not come back.
    tokio::time::sleep(Duration::from_secs(12)).await;
    override_is(&t, "guests", Some(("2:21", &[]))).await;
    assert!(t
        .page
        .all_css("[data-testid=\"rotation-bar\"]")
        .await
        .is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn the_session_s_end_stops_the_rotation_with_an_alert() {
    let (t, _api) = with_the_demo_list("rotation_session", "en", Profile::Public).await;
    t.page.open_panel("layout").await;
    interval(&t, "10").await;
    t.page.click("Start the rotation").await;
    t.page.wait_text("rotation-now", "Showing").await;
    // The platform disconnects the console's own participant: its session is over.
    let me = t.console_uuid().await;
    reqwest::Client::new()
        .post(format!("{}/_admin/drop/{}/{me}", t.sim.url(), ctx::ROOM))
        .send()
        .await
        .unwrap();
    t.page.testid("session-over").await;
    t.page
        .wait_text(
            "alert-last",
            "Rotation stopped: the session with the platform was lost",
        )
        .await;
    t.page.wait_gone_css("[data-testid=\"rotation-bar\"]").await;
    // No step after it.
    let shown = state(&t).await["layout"]["guests_override"].clone();
    tokio::time::sleep(Duration::from_secs(12)).await;
    assert_eq!(state(&t).await["layout"]["guests_override"], shown);
}

/// Hides the console's tab behind a new one for `secs`, sampling the guests' override; returns
/// the times (from the start) at which its actors changed, how long the page was hidden, and
/// how many times a page timer of one second fired meanwhile (the browser's throttling).
async fn hidden_for(t: &ctx::Ctx, secs: u64) -> (Vec<f64>, f64, u64) {
    let c = t.page.client();
    c.execute(
        "window.__pageTicks = 0; setInterval(() => { window.__pageTicks += 1; }, 1000);
         window.__hidden = 0; window.__since = null;
         document.addEventListener('visibilitychange', () => {
           if (document.visibilityState === 'hidden') window.__since = Date.now();
           else if (window.__since !== null) { window.__hidden += Date.now() - window.__since; window.__since = null; }
         });",
        vec![],
    )
    .await
    .unwrap();
    let console = c.window().await.unwrap();
    let other = c.new_window(true).await.unwrap();
    c.switch_to_window(other.handle.clone()).await.unwrap();
    c.goto(&format!("{}/_admin/state/{}", t.sim.url(), ctx::ROOM))
        .await
        .unwrap();
    let start = Instant::now();
    let mut changes = Vec::new();
    let mut last = Value::Null;
    while start.elapsed() < Duration::from_secs(secs) {
        let actors = state(t).await["layout"]["guests_override"]["actors"].clone();
        if actors != last {
            changes.push(start.elapsed().as_secs_f64());
            last = actors;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    c.close_window().await.unwrap();
    c.switch_to_window(console).await.unwrap();
    let hidden: f64 = t
        .page
        .js("return window.__hidden + (window.__since === null ? 0 : Date.now() - window.__since);")
        .await;
    let page_ticks: u64 = t.page.js("return window.__pageTicks;").await;
    (changes, hidden / 1000.0, page_ticks)
}

/// How long the page stays hidden: 75 s in the suite; the long form
/// (`HUIKONG_ROTATION_HIDDEN_S=400`) passes the five minutes after which Chrome slows a hidden
/// page's own timers to once a minute.
fn hidden_secs() -> u64 {
    std::env::var("HUIKONG_ROTATION_HIDDEN_S")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(75)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn a_hidden_page_keeps_the_rotation_s_interval_for_over_a_minute() {
    let (t, _api) = with_the_demo_list("rotation_hidden", "en", Profile::Public).await;
    t.page.open_panel("layout").await;
    interval(&t, "10").await;
    t.page.click("Start the rotation").await;
    t.page.wait_text("rotation-now", "Showing").await;
    t.page
        .wait_attr("rotation-bar", "data-source", "worker")
        .await;
    let (changes, hidden, page_ticks) = hidden_for(&t, hidden_secs()).await;
    println!(
        "FIGURE rotation hidden {hidden:.1} s: steps at {changes:?}; a page timer of 1 s fired {page_ticks} times"
    );
    assert!(hidden >= 60.0, "the page was hidden for only {hidden:.1} s");
    let gaps: Vec<f64> = changes.windows(2).map(|w| w[1] - w[0]).collect();
    assert!(changes.len() >= 7, "steps at {changes:?}");
    assert!(
        gaps.iter().all(|g| *g <= 13.0),
        "the interval kept while hidden: gaps {gaps:?}"
    );
    // Back in view, it goes on.
    t.page.wait_text("rotation-now", "Showing").await;
    eventually("the rotation still on", || async {
        let bars = t.page.all_css("[data-testid=\"rotation-bar\"]").await;
        if bars.is_empty() {
            Err("gone".to_owned())
        } else {
            Ok(())
        }
    })
    .await;
}
