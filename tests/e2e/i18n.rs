//! Languages: Chinese by default, English with `?lang=en` or the switch, remembered.

use crate::ctx::{self, Join, CONSOLE, HOST_PIN, ROOM};
use huikong_protocol::Profile;
use huikong_test_support::harness::eventually;

async fn html_lang(t: &ctx::Ctx) -> String {
    let v = t
        .page
        .client()
        .execute("return document.documentElement.lang;", vec![])
        .await;
    v.ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn chinese_by_default_and_the_switch_changes_every_text() {
    let t = ctx::start("language_switch", Profile::Public).await;
    t.page.goto("/").await;
    t.page.wait_text("join-submit", "加入").await;
    assert_eq!(html_lang(&t).await, "zh-CN");

    t.page.select("lang-switch", "en").await;
    t.page.wait_text("join-submit", "Join").await;
    eventually("<html lang=en>", || async {
        match html_lang(&t).await.as_str() {
            "en" => Ok(()),
            other => Err(other.to_string()),
        }
    })
    .await;

    // The choice is remembered across a reload.
    t.page.goto("/").await;
    t.page.wait_text("join-submit", "Join").await;

    // Back to Chinese, then into the meeting: the controls speak Chinese, and work.
    t.page.select("lang-switch", "zh").await;
    t.page.wait_text("join-submit", "加入").await;
    t.page.fill("join-conference", ROOM).await;
    t.page.fill("join-pin", HOST_PIN).await;
    t.page.fill("join-name", CONSOLE).await;
    t.page.testid("join-submit").await.click().await.unwrap();
    t.page
        .wait_attr("connection-state", "data-state", "live")
        .await;
    t.page.wait_text("connection-state", "实时").await;
    let api = t.observer().await;
    t.page.click("锁定会议").await;
    t.page.wait_attr("flag-locked", "data-state", "on").await;
    t.page.wait_text("flag-locked", "已锁会").await;
    assert!(api.status().await.locked);

    // Switching in the meeting renames the controls in place.
    t.page.select("lang-switch", "en").await;
    t.page.click("Unlock conference").await;
    t.page.wait_text("flag-locked", "Unlocked").await;
    assert!(!api.status().await.locked);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn lang_parameter_wins_over_the_remembered_choice() {
    let t = ctx::start("language_param", Profile::Public).await;
    t.join(&Join::host()).await;
    t.page.wait_text("connection-state", "Live").await;
    t.page.goto("/?lang=zh").await;
    t.page.wait_text("join-submit", "加入").await;
}
