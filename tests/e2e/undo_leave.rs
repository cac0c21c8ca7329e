//! Leaving during the undo window sends nothing and says what was cancelled: the host's own
//! leave (said on the join page), the page left (the browser may ask first), and the session
//! ended by the platform (said on the session-over card).

use crate::undo::{waiting, with_wang, PAST_THE_WINDOW};
use huikong_test_support::harness::stays;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn leaving_during_the_window_sends_nothing_and_says_so() {
    let (t, api, wang) = with_wang("undo_leave", "zh").await;
    t.page.click("锁定会议").await;
    t.page.click("静音所有访客").await;
    assert_eq!(waiting(&t.page).await, ["静音所有访客", "锁定会议"]);
    t.page.testid("leave").await.click().await.unwrap();
    t.page
        .wait_text(
            "undo-cancelled",
            "已取消 2 项待执行的操作，未发送：锁定会议，静音所有访客",
        )
        .await;
    t.page.testid("join-submit").await;
    stays(PAST_THE_WINDOW, "nothing sent", || async {
        let s = api.status().await;
        let muted = api.participant(&wang).await.is_some_and(|p| p.is_muted);
        match (s.locked, s.guests_muted, muted) {
            (false, false, false) => Ok(()),
            other => Err(format!("locked, guests muted, Wang muted: {other:?}")),
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn leaving_the_page_during_the_window_sends_nothing() {
    let (t, api, _) = with_wang("undo_navigate", "en").await;
    t.page.click("Lock conference").await;
    assert_eq!(waiting(&t.page).await, ["Lock conference"]);
    // The browser may ask first (beforeunload); a WebDriver navigation goes on regardless.
    t.page.goto("/?lang=en").await;
    t.page.testid("join-submit").await;
    stays(PAST_THE_WINDOW, "no lock sent", || async {
        match api.status().await.locked {
            false => Ok(()),
            true => Err("locked".to_string()),
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn a_session_ended_by_the_platform_cancels_what_waits_and_the_card_says_so() {
    let (t, api, _) = with_wang("undo_session_over", "en").await;
    let me = t.console_uuid().await;
    t.page.click("Lock conference").await;
    assert_eq!(waiting(&t.page).await, ["Lock conference"]);
    api.command(
        &format!("participants/{me}/disconnect"),
        &serde_json::json!({}),
    )
    .await
    .expect("disconnect the console as another session");
    t.page
        .wait_text(
            "session-over-cancelled",
            "Pending actions cancelled (1), nothing sent: Lock conference",
        )
        .await;
    stays(PAST_THE_WINDOW, "no lock sent", || async {
        match api.status().await.locked {
            false => Ok(()),
            true => Err("locked".to_string()),
        }
    })
    .await;
}
