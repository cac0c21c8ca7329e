//! Leaving during the undo window sends nothing and says what was cancelled: the host's own
//! leave (said on the join page), the page left (the browser may ask first), and the session
//! ended by the platform (said on the session-over card).

use crate::undo::{ask_to_disconnect, still_there, waiting, with_wang, DIALOG, PAST_THE_WINDOW};
use huikong_test_support::harness::stays;

/// Ends the meeting for everyone, confirmed: it then waits in the window.
async fn end_for_everyone(t: &crate::ctx::Ctx, label: &str) {
    t.page.click(label).await;
    t.page.click_in("confirm-dialog", label).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn leaving_during_the_window_sends_nothing_and_says_so() {
    let (t, api, wang) = with_wang("undo_leave", "zh").await;
    t.page.click("更多操作 Wang Fang").await;
    t.page.click_in(DIALOG, "断开 Wang Fang").await;
    t.page.click_in(DIALOG, "关闭").await;
    end_for_everyone(&t, "结束会议").await;
    assert_eq!(waiting(&t.page).await, ["结束会议", "断开 Wang Fang"]);
    t.page.testid("leave").await.click().await.unwrap();
    t.page
        .wait_text(
            "undo-cancelled",
            "已取消 2 项待执行的操作，未发送：断开 Wang Fang，结束会议",
        )
        .await;
    t.page.testid("join-submit").await;
    stays(PAST_THE_WINDOW, "nothing sent", || async {
        let on = api.status_result().await.is_ok();
        match (on, still_there(&api, &wang).await) {
            (true, Ok(())) => Ok(()),
            other => Err(format!("meeting on, Wang Fang there: {other:?}")),
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn leaving_the_page_during_the_window_sends_nothing() {
    let (t, api, wang) = with_wang("undo_navigate", "en").await;
    ask_to_disconnect(&t).await;
    t.page.click_in(DIALOG, "Close").await;
    assert_eq!(waiting(&t.page).await, ["Disconnect Wang Fang"]);
    // The browser may ask first (beforeunload); a WebDriver navigation goes on regardless.
    t.page.goto("/?lang=en").await;
    t.page.testid("join-submit").await;
    stays(PAST_THE_WINDOW, "no disconnect sent", || async {
        still_there(&api, &wang).await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn a_session_ended_by_the_platform_cancels_what_waits_and_the_card_says_so() {
    let (t, api, wang) = with_wang("undo_session_over", "en").await;
    let me = t.console_uuid().await;
    ask_to_disconnect(&t).await;
    t.page.click_in(DIALOG, "Close").await;
    assert_eq!(waiting(&t.page).await, ["Disconnect Wang Fang"]);
    api.command(
        &format!("participants/{me}/disconnect"),
        &serde_json::json!({}),
    )
    .await
    .expect("disconnect the console as another session");
    t.page
        .wait_text(
            "session-over-cancelled",
            "Pending actions cancelled (1), nothing sent: Disconnect Wang Fang",
        )
        .await;
    stays(PAST_THE_WINDOW, "no disconnect sent", || async {
        still_there(&api, &wang).await
    })
    .await;
}
