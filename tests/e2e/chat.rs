//! Chat both ways: a line from another session appears; a line sent from the console reaches
//! the other session through the platform.

use crate::ctx::{self, CONSOLE};
use huikong_protocol::Profile;
use huikong_test_support::harness::eventually;
use huikong_test_support::page::testid_css;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn chat_in_both_directions() {
    let t = ctx::start("chat", Profile::Public).await;
    t.add_host("Zhang Wei");
    t.join_host().await;
    t.page.open_panel("chat").await;
    let api = t.observer().await;
    let tap = api.tap().await;
    let messages = format!("{} [data-testid=\"chat-message\"]", testid_css("chat-log"));

    api.say("你好 from the observer").await;
    let line = t
        .page
        .wait_text_css(&messages, "你好 from the observer")
        .await;
    assert!(line.contains("E2E observer"), "the sender is named: {line}");
    t.page.wait_attr_css(&messages, "data-own", "false").await;

    t.page.fill("chat-input", "Hello from the console").await;
    t.page.click("Send").await;
    eventually(
        "the other session to receive the console's line",
        || async {
            let got = tap.messages();
            match got
                .iter()
                .any(|(from, text)| from == CONSOLE && text == "Hello from the console")
            {
                true => Ok(()),
                false => Err(format!("received {got:?}")),
            }
        },
    )
    .await;
    let own = format!("{messages}[data-own=\"true\"]");
    t.page.wait_text_css(&own, "Hello from the console").await;
    let input = t.page.testid("chat-input").await;
    assert_eq!(
        input.prop("value").await.unwrap().as_deref(),
        Some(""),
        "sent and cleared"
    );
    // An empty line cannot be sent.
    assert!(!t.page.testid("chat-send").await.is_enabled().await.unwrap());
}
