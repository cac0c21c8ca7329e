//! The undo window, for real (the built console's `config.json` keeps the default 5 seconds):
//! an undone disconnect leaves the participant on the platform; one let through is sent when
//! the window closes, even with its dialog closed; Ctrl+Z; ending the meeting still confirms
//! first; `undo_seconds: 0` sends at once. Leaving during the window: `undo_leave.rs`.
//!
//! The other tests go through the window without waiting it out: they press the action's
//! "Do it now" ([`let_through`]), which sends it as the window's end would.

use crate::axe::{serious_violations_in, theme};
use crate::axe::{viewport, PHONE};
use crate::ctx;
use fantoccini::Locator;
use huikong_test_support::api::Api;
use huikong_test_support::harness::{eventually, eventually_within, stays};
use huikong_test_support::page::{row_css, testid_css, Page};
use std::time::Duration;

pub const DIALOG: &str = "participant-actions";
/// Longer than the default window of 5 seconds.
pub const PAST_THE_WINDOW: Duration = Duration::from_secs(6);

/// The "Do it now" of the action labelled `label` in the bar inside the elements `scopes`
/// (`data-testid`s, outermost first), by its label whatever the page's language.
fn do_now_xpath(scopes: &[&str], label: &str) -> String {
    let scope: String = scopes
        .iter()
        .map(|s| format!("//*[@data-testid='{s}']"))
        .collect();
    format!(
        "{scope}//li[@data-testid='undo-item'][normalize-space(span[@class='undo-label'])='{label}']//button[@data-testid='undo-now']"
    )
}

async fn click_do_now(page: &Page, scopes: &[&str], label: &str) {
    let xpath = do_now_xpath(scopes, label);
    let button = eventually(&format!("{label:?} waiting in {scopes:?}"), || async {
        let found = page.client().find_all(Locator::XPath(&xpath)).await;
        found
            .unwrap_or_default()
            .into_iter()
            .next()
            .ok_or_else(|| "not waiting".to_string())
    })
    .await;
    button.click().await.expect("clicking do it now");
}

/// Sends the action `label` waiting in the page's undo bar now.
pub async fn let_through(page: &Page, label: &str) {
    click_do_now(page, &["undo-bar"], label).await
}

/// Sends the action `label` waiting in the undo bar inside the dialog `scope` now.
pub async fn let_through_in(page: &Page, scope: &str, label: &str) {
    click_do_now(page, &[scope, "undo-bar-local"], label).await
}

/// The labels waiting in the page's bar, newest first.
pub async fn waiting(page: &Page) -> Vec<String> {
    page.js("return Array.from(document.querySelectorAll('[data-testid=\"undo-bar\"] .undo-label')).map(e => e.textContent.trim());")
        .await
}

pub async fn still_there(api: &Api, uuid: &str) -> Result<(), String> {
    match api.participant(uuid).await {
        Some(_) => Ok(()),
        None => Err("gone from the platform".into()),
    }
}

/// A meeting with Wang Fang (`ctx::with_wang`) and an observer of the platform's state.
pub async fn with_wang(test: &str, lang: &str) -> (ctx::Ctx, Api, String) {
    let (t, wang) = ctx::with_wang(test, lang).await;
    let api = t.observer().await;
    (t, api, wang)
}

pub async fn ask_to_disconnect(t: &ctx::Ctx) {
    t.page.click("More actions for Wang Fang").await;
    t.page.click_in(DIALOG, "Disconnect Wang Fang").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn an_undone_disconnect_leaves_the_participant_on_the_platform() {
    let (t, api, wang) = with_wang("undo_disconnect", "en").await;
    ask_to_disconnect(&t).await;
    // The dialog shows the window itself: the modal dialog hides the page's bar.
    let local = format!("{} {}", testid_css(DIALOG), testid_css("undo-bar-local"));
    t.page.wait_text_css(&local, "Disconnect Wang Fang").await;
    t.page
        .wait_text_css(
            &format!("{} {}", testid_css(DIALOG), testid_css("undo-announce")),
            "Disconnect Wang Fang in 5 s · Undo",
        )
        .await;
    t.page
        .wait_attr("disconnect-participant", "data-pending", "true")
        .await;
    t.page.click_in(DIALOG, "Undo: Disconnect Wang Fang").await;
    t.page
        .wait_text_css(
            &format!("{} {}", testid_css(DIALOG), testid_css("local-result")),
            "Undone: Disconnect Wang Fang",
        )
        .await;
    // The Undo button is gone: the focus goes back to where it came from.
    eventually("the focus back on disconnect", || async {
        let at: String = t
            .page
            .js("return document.activeElement.dataset.testid || document.activeElement.tagName;")
            .await;
        match at.as_str() {
            "disconnect-participant" => Ok(()),
            _ => Err(at),
        }
    })
    .await;
    stays(PAST_THE_WINDOW, "Wang Fang on the platform", || {
        still_there(&api, &wang)
    })
    .await;
    assert_eq!(t.page.all_css(&row_css(&wang)).await.len(), 1);
    assert!(t.page.all_css(&testid_css("undo-item")).await.is_empty());
}

/// The serious and critical axe violations inside `css`, light and dark.
async fn axe_violations(page: &Page, css: &str) -> Vec<String> {
    let mut out = Vec::new();
    for t in ["light", "dark"] {
        theme(page, t).await;
        out.extend(serious_violations_in(page, t, Some(css)).await);
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn a_disconnect_let_through_is_sent_when_the_window_closes_dialog_closed_or_not() {
    let (t, api, wang) = with_wang("undo_let_through", "en").await;
    ask_to_disconnect(&t).await;
    still_there(&api, &wang).await.expect("not sent at once");
    // The dialog closed, the page's bar shows what waits.
    t.page.click_in(DIALOG, "Close").await;
    t.page.wait_text("undo-bar", "Disconnect Wang Fang").await;
    eventually_within(Duration::from_secs(8), "Wang Fang disconnected", || async {
        match still_there(&api, &wang).await {
            Ok(()) => Err("still listed".to_string()),
            Err(_) => Ok(()),
        }
    })
    .await;
    t.page.wait_status("Disconnect Wang Fang: done").await;
    t.page.wait_gone_css(&row_css(&wang)).await;
    t.page.css("[data-testid=\"undo-bar\"].empty").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn ctrl_z_undoes_the_newest_but_not_while_typing_at_a_phones_width() {
    let (t, api, wang) = with_wang("undo_ctrl_z", "en").await;
    viewport(&t.page, PHONE).await;
    // Two actions that cannot be taken back wait together: a disconnect, then the end.
    ask_to_disconnect(&t).await;
    t.page.click_in(DIALOG, "Close").await;
    t.page.click("End the meeting for everyone").await;
    t.page
        .click_in("confirm-dialog", "End the meeting for everyone")
        .await;
    assert_eq!(
        waiting(&t.page).await,
        ["End the meeting for everyone", "Disconnect Wang Fang"]
    );
    // On a phone the bar sits at the top, clear of the results at the bottom.
    let top: f64 = t
        .page
        .js("return document.querySelector('[data-testid=\"undo-bar\"]').getBoundingClientRect().top;")
        .await;
    assert!(top < 60.0, "the bar's top at {top}");
    let ctrl_z = |target: &str| {
        format!(
            "{target}.dispatchEvent(new KeyboardEvent('keydown', \
               {{ key: 'z', code: 'KeyZ', ctrlKey: true, bubbles: true, cancelable: true }})); return null;"
        )
    };
    let search = "document.querySelector('[data-testid=\"participant-search\"]')";
    let _: serde_json::Value = t.page.js(&ctrl_z(search)).await;
    assert_eq!(waiting(&t.page).await.len(), 2, "typing's own Ctrl+Z");
    let _: serde_json::Value = t.page.js(&ctrl_z("document.body")).await;
    t.page
        .wait_status("Undone: End the meeting for everyone")
        .await;
    assert_eq!(waiting(&t.page).await, ["Disconnect Wang Fang"]);
    let_through(&t.page, "Disconnect Wang Fang").await;
    eventually("Wang Fang disconnected", || async {
        match still_there(&api, &wang).await {
            Ok(()) => Err("still listed".to_string()),
            Err(_) => Ok(()),
        }
    })
    .await;
    // The undone end sent nothing: the meeting goes on.
    assert!(t.page.all_css(&testid_css("session-over")).await.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn ending_the_meeting_confirms_then_waits() {
    let (t, api, wang) = with_wang("undo_end", "en").await;
    t.page.click("End the meeting for everyone").await;
    t.page
        .click_in("confirm-dialog", "End the meeting for everyone")
        .await;
    t.page
        .wait_text("undo-bar", "End the meeting for everyone")
        .await;
    t.page
        .wait_attr("end-meeting", "data-pending", "true")
        .await;
    stays(Duration::from_secs(3), "the meeting still on", || {
        still_there(&api, &wang)
    })
    .await;
    eventually_within(Duration::from_secs(8), "the meeting over", || async {
        match t.page.all_css(&testid_css("session-over")).await.len() {
            0 => Err("still on".to_string()),
            _ => Ok(()),
        }
    })
    .await;
    t.page.wait_text("session-over-reason", "ended").await;
}

async fn start_with_config(test: &str, config: &str) -> (crate::runtime_config::Dist, ctx::Ctx) {
    crate::runtime_config::start(test, Some(config)).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn the_bar_counts_down_passes_axe_and_its_undo_gives_the_focus_back() {
    // A long window, for the checks to take their time inside it.
    let (_dist, t) = start_with_config("undo_axe", r#"{"undo_seconds": 60}"#).await;
    t.add_host("Zhang Wei");
    t.join_host().await;
    let api = t.observer().await;
    t.page.click("End the meeting for everyone").await;
    t.page
        .click_in("confirm-dialog", "End the meeting for everyone")
        .await;
    let count = t.page.wait_text("undo-countdown", " s").await;
    assert!(
        count.starts_with("in 60 s") || count.starts_with("in 59 s"),
        "{count}"
    );
    t.page
        .wait_text(
            "undo-announce",
            "End the meeting for everyone in 60 s · Undo",
        )
        .await;
    let undo = t
        .page
        .css("[data-testid=\"undo-bar\"] [data-testid=\"undo-button\"]")
        .await;
    assert_eq!(
        undo.attr("aria-keyshortcuts").await.unwrap().as_deref(),
        Some("Control+Z Meta+Z")
    );
    let violations = axe_violations(&t.page, "[data-testid=\"undo-bar\"]").await;
    assert!(violations.is_empty(), "{violations:?}");
    t.page.click("Undo: End the meeting for everyone").await;
    t.page
        .wait_status("Undone: End the meeting for everyone")
        .await;
    eventually("the focus back on the end", || async {
        let at: String = t
            .page
            .js("return document.activeElement.dataset.testid || document.activeElement.tagName;")
            .await;
        match at.as_str() {
            "end-meeting" => Ok(()),
            _ => Err(at),
        }
    })
    .await;
    assert!(t.page.all_css(&testid_css("session-over")).await.is_empty());
    assert!(api.status_result().await.is_ok(), "the meeting goes on");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn undo_seconds_zero_sends_at_once_and_a_bad_value_is_said() {
    let (_dist, t) = start_with_config("undo_off", r#"{"undo_seconds": 0}"#).await;
    t.add_host("Zhang Wei");
    t.join_host().await;
    t.page.click("End the meeting for everyone").await;
    t.page
        .click_in("confirm-dialog", "End the meeting for everyone")
        .await;
    assert!(t.page.all_css(&testid_css("undo-item")).await.is_empty());
    t.page.wait_text("session-over-reason", "ended").await;
    drop(t);

    let (_dist, t) = start_with_config("undo_bad", r#"{"undo_seconds": -1}"#).await;
    t.page.goto("/?lang=en").await;
    let notice = t.page.wait_text("config-notice", "undo_seconds").await;
    assert_eq!(
        t.page
            .testid("config-notice")
            .await
            .attr("data-state")
            .await
            .unwrap(),
        Some("invalid".into()),
        "{notice}"
    );
    t.add_host("Zhang Wei");
    t.join_host().await;
    t.page.click("End the meeting for everyone").await;
    t.page
        .click_in("confirm-dialog", "End the meeting for everyone")
        .await;
    assert_eq!(
        waiting(&t.page).await,
        ["End the meeting for everyone"],
        "the default window"
    );
    let_through(&t.page, "End the meeting for everyone").await;
    t.page.wait_text("session-over-reason", "ended").await;
}
