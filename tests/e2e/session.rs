//! The session over time: the token kept alive past its lifetime, and the theme preference.

use crate::ctx::{self, CONSOLE};
use huikong_protocol::Profile;
use huikong_sim::Config;
use huikong_test_support::harness::stays;
use std::time::Duration;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn the_session_outlives_its_token_by_refreshing_it() {
    let mut config = Config::for_tests(Profile::Public);
    // Tokens live 3 s: without refresh_session the simulator would end the session. (The
    // console refreshes at a third of the lifetime; 3 s leaves a loaded 2-core machine room for a
    // stalled refresh. The chaos token proof runs a 1 s lifetime on its own.)
    config.token_ttl = 3;
    let t = ctx::start_with("token_refresh", config).await;
    let me = t.join_host().await;
    stays(Duration::from_secs(7), "the console's session", || async {
        let state = t.page.testid("connection-state").await;
        let live = state.attr("data-state").await.map_err(|e| e.to_string())?;
        let over = t.page.all_css("[data-testid=\"session-over\"]").await;
        // Read from the simulator's room itself: an observer's own 3 s token could lapse on a
        // loaded machine between its request and its use, which says nothing of the console.
        let listed = t.room(|r| r.participants().into_iter().find(|p| p.uuid == me));
        match (listed, live.as_deref(), over.is_empty()) {
            (Some(p), Some("live"), true) if p.display_name == CONSOLE => Ok(()),
            (p, live, no_notice) => Err(format!(
                "listed {:?}, stream {live:?}, no end notice {no_notice}",
                p.map(|p| p.uuid)
            )),
        }
    })
    .await;
}

async fn theme(t: &ctx::Ctx) -> Option<String> {
    let js = "return document.documentElement.getAttribute('data-theme');";
    let v = t.page.client().execute(js, vec![]).await.ok()?;
    v.as_str().map(str::to_owned)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn the_theme_switch_applies_and_is_remembered() {
    let t = ctx::start("theme", Profile::Public).await;
    t.page.goto("/?lang=en").await;
    t.page.testid("theme-switch").await;
    assert_eq!(theme(&t).await, None, "the system theme by default");
    t.page.select("theme-switch", "dark").await;
    huikong_test_support::harness::eventually("data-theme=dark", || async {
        match theme(&t).await.as_deref() {
            Some("dark") => Ok(()),
            other => Err(format!("{other:?}")),
        }
    })
    .await;
    t.page.goto("/?lang=en").await;
    t.page.testid("theme-switch").await;
    assert_eq!(theme(&t).await.as_deref(), Some("dark"));
}

/// Closing the tab releases the session ("Leaving, and closing the tab, release the
/// session (`end_session`, with `fetch` keepalive on unload)"): the console's participant leaves
/// the simulator's list at once, long before its two-minute token would have expired.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn closing_the_tab_releases_the_session() {
    let t = ctx::start("close_tab", Profile::Public).await;
    let me = t.join_host().await;
    // Navigating away unloads the page as closing its tab does: `pagehide` fires.
    t.page
        .client()
        .goto("about:blank")
        .await
        .expect("navigate away");
    let api = t.observer().await;
    huikong_test_support::harness::eventually_within(
        Duration::from_secs(5),
        "the console's participant to leave",
        || async {
            match api.participant(&me).await {
                None => Ok(()),
                Some(p) => Err(format!("{} is still listed", p.display_name)),
            }
        },
    )
    .await;
}
