//! The release build's module in two parts (xtask/src/split.rs): the meeting part is fetched
//! while the join page waits for the user, the meeting page works from it, and a meeting part
//! that cannot be fetched is said with a retry rather than a broken console. Debug builds are
//! one module, so these run against the release build only: `cargo xtask test size` runs them.

use crate::ctx::{self, Join};
use huikong_protocol::Profile;
use huikong_test_support::harness::{eventually, Env};
use huikong_test_support::page::row_css;
use serde_json::json;
use std::path::Path;

/// The meeting part's file name in `dist`; the build must have one.
fn meeting_part(dist: &Path) -> String {
    std::fs::read_dir(dist)
        .expect("the built console")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|n| n.starts_with("huikong-meeting_page-") && n.ends_with(".wasm"))
        .unwrap_or_else(|| panic!("{} is not a split release build", dist.display()))
}

/// Whether the page has fetched the meeting part (Resource Timing, so from the browser's side).
const FETCHED: &str = "return performance.getEntriesByType('resource')
    .some(e => e.name.includes('huikong-meeting_page-') && e.responseEnd > 0);";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the split release build: `cargo xtask test size` runs it"]
async fn the_meeting_part_comes_before_the_join_and_a_mute_works_from_it() {
    let env = Env::get();
    meeting_part(&env.dist);
    let t = ctx::start("split_prefetch", Profile::Public).await;
    let guest = t.add_guest("Wang Fang");
    t.page.goto("/?lang=en").await;
    eventually("the meeting part fetched with the join page up", || async {
        let fetched: bool = t.page.js(FETCHED).await;
        fetched.then_some(()).ok_or("not fetched".to_string())
    })
    .await;
    t.join_host().await;
    t.page.click("Mute Wang Fang").await;
    t.page
        .wait_attr_css(&row_css(&guest), "data-muted", "true")
        .await;
    t.page.wait_status("Mute Wang Fang: done").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the split release build: `cargo xtask test size` runs it"]
async fn a_meeting_part_that_cannot_be_fetched_says_so_and_a_retry_loads_it() {
    let env = Env::get();
    meeting_part(&env.dist);
    let t = ctx::start("split_failed", Profile::Public).await;
    // The network drops the meeting part's requests, the early one and the join's.
    let browser = &t.page.browser;
    browser.cdp("Network.enable", json!({})).await;
    let blocked = json!({ "urls": ["*huikong-meeting_page-*"] });
    browser.cdp("Network.setBlockedURLs", blocked).await;
    t.submit_join(&Join::host()).await;
    let notice = t
        .page
        .wait_text("meeting-load-failed", "could not be loaded")
        .await;
    assert!(notice.contains("You have joined"), "{notice}");
    let role = t.page.testid("meeting-load-failed").await;
    assert_eq!(role.attr("role").await.unwrap().as_deref(), Some("alert"));

    browser
        .cdp("Network.setBlockedURLs", json!({ "urls": [] }))
        .await;
    t.page
        .testid("meeting-load-retry")
        .await
        .click()
        .await
        .unwrap();
    t.page
        .wait_attr("connection-state", "data-state", "live")
        .await;
    let log = t.page.browser.console_log().await;
    assert!(
        !log.iter().any(|l| l.contains("panicked")),
        "no panic: {log:?}"
    );
}
