//! Static hosting: the built console under a sub-path of a plain web server, the
//! platform's API server on another origin and its CORS, and what `config.json` sets there.

use crate::ctx::{self, CONSOLE, HOST_PIN, ROOM};
use crate::site::{self, Cors, CONSOLE_PATH};
use huikong_test_support::api::Api;
use huikong_test_support::harness::eventually;
use serde_json::json;
use std::collections::BTreeSet;

/// The value of the join form's field `testid`, once it reads `want`.
async fn wait_value(t: &ctx::Ctx, testid: &str, want: &str) {
    eventually(&format!("{testid} to hold {want:?}"), || async {
        let field = t
            .page
            .all_css(&huikong_test_support::page::testid_css(testid))
            .await;
        let field = field.into_iter().next().ok_or("absent")?;
        let now = field.prop("value").await.map_err(|e| e.to_string())?;
        match now.as_deref() == Some(want) {
            true => Ok(()),
            false => Err(format!("it holds {now:?}")),
        }
    })
    .await
}

/// Fills the join form (its API server as it stands) and submits it.
async fn submit_host_join(t: &ctx::Ctx) {
    t.page.fill("join-conference", ROOM).await;
    t.page.fill("join-pin", HOST_PIN).await;
    t.page.fill("join-name", CONSOLE).await;
    t.page.testid("join-submit").await.click().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn the_console_under_a_sub_path_joins_a_cross_origin_api_server() {
    let h = site::start("hosting_sub_path", Cors::TheConsole, |o| {
        Some(json!({ "api_server": o.sim, "language": "en" }).to_string())
    })
    .await;
    let t = &h.t;
    t.add_host("Zhang Wei");
    t.page.goto("/").await;
    // config.json's API server, not the page's own origin.
    wait_value(t, "join-server", &t.sim.url()).await;
    submit_host_join(t).await;
    t.page
        .wait_attr("connection-state", "data-state", "live")
        .await;
    let me = t.console_uuid().await;
    t.add_guest("Wang Fang");
    let api = t.observer().await;
    eventually("the list to be the simulator's", || async {
        let sim: BTreeSet<String> = api
            .participants()
            .await
            .into_iter()
            .map(|p| p.uuid)
            .collect();
        let shown: BTreeSet<String> = t.page.row_uuids().await.into_iter().collect();
        match sim == shown && sim.contains(&me) && sim.len() == 3 {
            true => Ok(()),
            false => Err(format!("shown {shown:?}, the simulator has {sim:?}")),
        }
    })
    .await;

    // Everything the page loaded came from the console's own directory, with its type.
    let served = h.console.served();
    let wrong: Vec<_> = served
        .iter()
        .filter(|s| s.status != 200 || !s.path.starts_with(CONSOLE_PATH))
        .collect();
    assert!(
        wrong.is_empty(),
        "requests outside the console or failed: {wrong:?}"
    );
    let types: Vec<(&str, &str)> = served
        .iter()
        .map(|s| (s.path.as_str(), s.content_type.as_str()))
        .collect();
    for (suffix, want) in [
        ("/config.json", "application/json"),
        ("/boot.js", "text/javascript; charset=utf-8"),
        ("_bg.wasm", "application/wasm"),
    ] {
        assert!(
            types
                .iter()
                .any(|(p, ty)| p.ends_with(suffix) && *ty == want),
            "no {suffix} served as {want}: {types:?}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn an_api_server_refusing_the_console_origin_is_said_on_the_join_page() {
    let other = "http://portal.example".to_string();
    let h = site::start("hosting_cors_refused", Cors::Only(other), |o| {
        Some(json!({ "api_server": o.sim, "language": "en" }).to_string())
    })
    .await;
    let t = &h.t;
    t.page.goto("/").await;
    wait_value(t, "join-server", &t.sim.url()).await;
    submit_host_join(t).await;
    let origin = h.console_origin();
    let text = t
        .page
        .wait_text("join-error", "refuses requests from this page's origin")
        .await;
    assert!(
        text.contains(&origin) && text.contains("CORS"),
        "the message names the page's origin and CORS: {text:?}"
    );
    // The server was up all along: only the browser refused to let the console read it.
    let api = Api::open(&t.sim.url(), ROOM, HOST_PIN, "E2E observer", true)
        .await
        .expect("the simulator answers another client");
    assert!(
        api.named(CONSOLE).await.is_none(),
        "the console did not join"
    );
    assert!(t
        .page
        .all_css("[data-testid=\"connection-state\"]")
        .await
        .is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn a_config_setting_that_makes_no_sense_is_said_and_the_others_apply() {
    let h = site::start("hosting_config_invalid", Cors::TheConsole, |o| {
        let config = json!({
            "api_server": o.sim,
            "language": "en",
            "profile": "galactic",
            "embed_allowed_origins": ["http://portal.example/intranet"],
        });
        Some(config.to_string())
    })
    .await;
    let t = &h.t;
    t.page.goto("/").await;
    t.page
        .wait_attr("config-notice", "data-state", "invalid")
        .await;
    let notice = t.page.wait_text("config-notice", "profile").await;
    assert!(notice.contains("embed_allowed_origins"), "{notice:?}");
    // The language and the API server still apply; the profile takes its default.
    t.page.wait_text("join-submit", "Join").await;
    wait_value(t, "join-server", &t.sim.url()).await;
    wait_value(t, "join-profile", "public").await;
    submit_host_join(t).await;
    t.page
        .wait_attr("connection-state", "data-state", "live")
        .await;
    t.console_uuid().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn without_config_json_a_plain_server_answers_404_and_the_page_origin_is_the_api_server() {
    let h = site::start("hosting_config_404", Cors::TheConsole, |_| None).await;
    let t = &h.t;
    t.page.goto("/?lang=en").await;
    t.page
        .wait_attr("config-notice", "data-state", "missing")
        .await;
    t.page.wait_text("config-notice", "HTTP 404").await;
    wait_value(t, "join-server", &h.console_origin()).await;
    let asked = h.console.served();
    assert!(
        asked
            .iter()
            .any(|s| s.path == format!("{CONSOLE_PATH}config.json") && s.status == 404),
        "config.json asked for beside index.html: {asked:?}"
    );
}
