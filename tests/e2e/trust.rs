//! State the host can trust: with the event stream refused from the start (as a proxy that
//! blocks long-lived responses does), the page says the list and flags are not known, offers no
//! Start on the strength of a default, then shows the list read by polling, equal to the
//! platform's and following it within the poll interval; a command whose request cannot reach
//! the platform says so in the host's language, not the browser's.

use crate::ctx::{self, CONSOLE};
use huikong_protocol::Profile;
use huikong_test_support::harness::eventually_within;
use huikong_test_support::page::testid_css;
use serde_json::json;
use std::collections::BTreeSet;
use std::time::Duration;

/// The page's own requests to `events` (and, once `window.__refuse` names it, any path
/// containing that) refused as a blocked network refuses them.
const REFUSE: &str = "
    window.__refuse = [];
    const fetch0 = window.fetch;
    window.fetch = function (input, init) {
        const url = typeof input === 'string' ? input : input.url;
        if (url.includes('/events') || window.__refuse.some((p) => url.includes(p))) {
            return Promise.reject(new TypeError('Failed to fetch'));
        }
        return fetch0.apply(this, arguments);
    };
";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn a_refused_stream_shows_not_known_then_the_polled_list_and_never_a_false_start() {
    let t = ctx::start("trust_polling", Profile::Public).await;
    // Guests only: the meeting has not started, so a known state offers Start.
    let wang = t.add_guest("王芳");
    t.page
        .browser
        .cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": REFUSE }),
        )
        .await;
    t.submit_join(&ctx::Join {
        lang: "zh",
        ..ctx::Join::host()
    })
    .await;
    t.page.wait_attr("freshness", "data-state", "unknown").await;
    t.page.wait_text("participant-count", "—").await;
    t.page.wait_text("flags-unknown", "会议状态未知").await;
    assert!(
        t.page
            .all_css(&testid_css("start-meeting"))
            .await
            .is_empty()
            && t.page.all_css(&testid_css("flag-started")).await.is_empty(),
        "no Start and no flag on the strength of a default"
    );
    t.page
        .wait_text_css(".participants .empty", "正在获取参会者列表")
        .await;

    // Polled: the list equals the platform's, and the state is said.
    t.page.wait_attr("freshness", "data-state", "polled").await;
    t.page
        .wait_text("freshness", "实时推送不可用，每 5 秒刷新")
        .await;
    let api = t.observer().await;
    let platform: BTreeSet<String> = api
        .participants()
        .await
        .into_iter()
        .map(|p| p.uuid)
        .collect();
    let shown: BTreeSet<String> = t.page.row_uuids().await.into_iter().collect();
    assert_eq!(shown, platform);
    assert!(shown.contains(&wang));
    t.page.wait_attr("flag-started", "data-state", "off").await;
    t.page.testid("start-meeting").await;

    // A change on the platform reaches the page within the poll interval.
    let li = t.add_guest("李雷");
    eventually_within(
        Duration::from_secs(12),
        "李雷 in the polled list",
        || async {
            match t.page.row_uuids().await.contains(&li) {
                true => Ok(()),
                false => Err("not yet".to_string()),
            }
        },
    )
    .await;
    t.page.wait_text("participant-count", "3").await;
    assert!(api.named(CONSOLE).await.is_some());

    // A command that cannot reach the platform says so in Chinese.
    let _: serde_json::Value = t
        .page
        .js("window.__refuse.push('/lock'); return null;")
        .await;
    t.page.click("锁定会议").await;
    let said = t
        .page
        .wait_status("网络错误：无法连接平台，请检查网络")
        .await;
    assert!(
        !said.contains("TypeError") && !said.contains("Failed to fetch"),
        "{said}"
    );
}
