//! Feedback where the host looks: a failed transfer shown and announced inside the participant
//! dialog, in the page's language with the platform's words kept; results that move nothing on
//! the page; toggles whose name and pressed state agree; confirmations that give the focus
//! back; the participant dialog fitting a desktop and a phone window.

use crate::axe::{viewport, DESKTOP, PHONE};
use crate::ctx::{self, OTHER_ROOM};
use fantoccini::key::Key;
use huikong_protocol::Profile;
use huikong_sim::faults::{FailureKind, Faults};
use huikong_test_support::harness::eventually;
use huikong_test_support::page::{row_css, testid_css, Page};
use serde_json::{json, Value};

const DIALOG: &str = "participant-actions";

async fn js(page: &Page, script: &str) -> Value {
    page.js(script).await
}

/// The console joined in `lang` with Wang Fang in the meeting and her dialog open.
async fn dialog_open(test: &str, lang: &str) -> (ctx::Ctx, String) {
    let (t, wang) = ctx::with_wang(test, lang).await;
    t.open_actions(&wang).await;
    (t, wang)
}

/// Transfers Wang Fang as a guest, which checkJoin finds sound but the platform then refuses
/// (every command fails), confirming and sending it at once from the undo window; returns the
/// dialog's own result line once it reads `reason`.
async fn failed_transfer(t: &ctx::Ctx, tab: &str, confirm: &str, reason: &str) -> String {
    t.page.click_in(DIALOG, tab).await;
    t.page.fill("transfer-target", OTHER_ROOM).await;
    t.sim.state.faults().set(Faults {
        command_failure_rate: 1.0,
        command_failure_kinds: vec![FailureKind::Status500],
        ..Faults::default()
    });
    t.page
        .testid("transfer-form")
        .await
        .find(fantoccini::Locator::Css("button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    t.page.click_in("confirm-dialog", confirm).await;
    crate::undo::let_through_in(&t.page, DIALOG, confirm).await;
    let line = format!("{} {}", testid_css(DIALOG), testid_css("local-result"));
    t.page.wait_text_css(&line, reason).await
}

/// The dialog's result line is shown, is a status live region, and is in the accessibility
/// tree: inside the open modal dialog, not inert, not hidden.
async fn announced_in_dialog(page: &Page) {
    let css = format!("{} {}", testid_css(DIALOG), testid_css("local-result"));
    let el = page.css(&css).await;
    assert!(el.is_displayed().await.unwrap(), "the result is visible");
    let exposed = js(
        page,
        &format!(
            "const el = document.querySelector('{}');
             return el.getAttribute('role') === 'status'
                 && el.closest('dialog[open]') !== null
                 && el.closest('[inert], [aria-hidden=\"true\"]') === null;",
            css.replace('\'', "\\'")
        ),
    )
    .await;
    assert_eq!(
        exposed,
        json!(true),
        "the result is a live region the dialog exposes"
    );
    let role = computed(page, &el, "computedrole").await;
    assert_eq!(role, "status", "the accessibility tree has it as a status");
}

/// WebDriver's computed role or label of an element, from Chromium's accessibility tree.
async fn computed(page: &Page, el: &fantoccini::elements::Element, what: &str) -> String {
    let webdriver = std::env::var("HUIKONG_WEBDRIVER_URL").expect("the driver's URL");
    let session = page.client().session_id().await.unwrap().unwrap();
    let url = format!(
        "{webdriver}/session/{session}/element/{}/{what}",
        el.element_id()
    );
    let body: Value = reqwest::get(url).await.unwrap().json().await.unwrap();
    body["value"].as_str().unwrap_or_default().to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn a_failed_transfer_is_shown_and_announced_inside_the_dialog_in_english() {
    let (t, wang) = dialog_open("feedback_transfer_en", "en").await;
    let text = failed_transfer(
        &t,
        "Transfer",
        "Transfer Wang Fang",
        "Internal server error",
    )
    .await;
    assert!(text.contains("Transfer Wang Fang: failed"), "{text}");
    announced_in_dialog(&t.page).await;
    assert!(
        t.page.all_css(&row_css(&wang)).await.len() == 1,
        "nobody moved"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn a_failed_transfer_is_shown_and_announced_inside_the_dialog_in_chinese() {
    let (t, _) = dialog_open("feedback_transfer_zh", "zh").await;
    let text = failed_transfer(&t, "转移", "转移 Wang Fang", "Internal server error").await;
    assert!(text.contains("转移 Wang Fang：失败"), "{text}");
    announced_in_dialog(&t.page).await;
}

/// The boxes of everything above the participant list, and of the list's heading.
async fn boxes_above_the_list(page: &Page) -> Value {
    js(
        page,
        "const list = document.querySelector('#participants') || document.querySelector('[data-testid=\"participant-list\"]');
         const stop = list ? list.getBoundingClientRect().top + window.scrollY + 1 : Infinity;
         const out = [];
         document.querySelectorAll('main button, main h2, main input, main select').forEach(el => {
           const r = el.getBoundingClientRect();
           if (r.width > 0 && r.top + window.scrollY <= stop) out.push([el.tagName, el.textContent.trim().slice(0, 30), r.x, r.y, r.width, r.height]);
         });
         return out;",
    )
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn nothing_above_the_list_moves_when_results_arrive() {
    let t = ctx::start("feedback_no_shift", Profile::Public).await;
    t.add_host("Zhang Wei");
    let wang = t.add_guest("Wang Fang");
    t.join_host().await;
    t.page.wait_text_css(&row_css(&wang), "Wang Fang").await;
    let before = boxes_above_the_list(&t.page).await;
    assert!(before.as_array().is_some_and(|b| b.len() > 2), "{before}");

    // A success (muting from the row) and failures (a refused lock, twice).
    t.page.click("Mute Wang Fang").await;
    t.page.wait_status("Mute Wang Fang: done").await;
    t.sim.state.faults().set(Faults {
        command_failure_rate: 1.0,
        command_failure_kinds: vec![FailureKind::Status500],
        ..Faults::default()
    });
    for _ in 0..2 {
        t.page.click("Lock conference").await;
        t.page.wait_status("Lock conference: failed").await;
    }
    let shown = t
        .page
        .all_css(&format!("{} li", testid_css("command-status")))
        .await;
    assert!(shown.len() >= 2, "the failures stay: {}", shown.len());
    let after = boxes_above_the_list(&t.page).await;
    assert_eq!(before, after, "the page moved when results arrived");

    // Alt+Shift+N brings the focus to the results; a failure stays until dismissed.
    js(
        &t.page,
        "document.body.dispatchEvent(new KeyboardEvent('keydown', \
           { key: 'N', code: 'KeyN', altKey: true, shiftKey: true, bubbles: true })); return null;",
    )
    .await;
    let focused = js(
        &t.page,
        "return document.activeElement.dataset.testid || '';",
    )
    .await;
    assert_eq!(focused, json!("status-stack"));
    t.page.click("Dismiss all").await;
    t.page
        .wait_gone_css(&format!("{} li", testid_css("command-status")))
        .await;
}

/// Whether a button's accessible name and pressed state agree: a label that says what the
/// click will do is not also pressed.
async fn name_and_pressed(page: &Page, testid: &str) -> (String, Option<String>) {
    let el = page.testid(testid).await;
    let name = computed(page, &el, "computedlabel").await;
    (name, el.attr("aria-pressed").await.unwrap())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn a_toggles_name_and_pressed_state_agree() {
    let t = ctx::start("feedback_toggles", Profile::Public).await;
    t.add_host("Zhang Wei");
    t.join_host().await;
    assert_eq!(
        name_and_pressed(&t.page, "lock-toggle").await,
        ("Lock conference".to_string(), None)
    );
    t.page.click("Lock conference").await;
    t.page.wait_attr("flag-locked", "data-state", "on").await;
    eventually("the lock toggle to offer unlocking", || async {
        match name_and_pressed(&t.page, "lock-toggle").await {
            (n, None) if n == "Unlock conference" => Ok(()),
            other => Err(format!("{other:?}")),
        }
    })
    .await;
    assert_eq!(
        name_and_pressed(&t.page, "mute-guests-toggle").await,
        ("Mute all guests".to_string(), None)
    );
    let pressed_with_flipping_label = js(
        &t.page,
        "return Array.from(document.querySelectorAll('.controls [aria-pressed], dialog [aria-pressed]')).length;",
    )
    .await;
    assert_eq!(pressed_with_flipping_label, json!(0));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn a_confirmation_takes_the_focus_and_escape_gives_it_back() {
    let (t, wang) = ctx::with_wang("feedback_confirm", "en").await;
    t.page.testid("end-meeting").await.click().await.unwrap();
    t.page.testid("confirm-dialog").await;
    let focused = js(&t.page, "return document.activeElement.textContent.trim();").await;
    assert_eq!(
        focused,
        json!("Cancel"),
        "the focus starts on the safe answer"
    );
    t.page
        .client()
        .active_element()
        .await
        .unwrap()
        .send_keys(&char::from(Key::Escape).to_string())
        .await
        .unwrap();
    t.page.wait_gone_css(&testid_css("confirm-dialog")).await;
    let back = js(
        &t.page,
        "return document.activeElement.dataset.testid || '';",
    )
    .await;
    assert_eq!(back, json!("end-meeting"));
    assert_eq!(t.page.all_css(&row_css(&wang)).await.len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn a_disconnect_asks_once_through_its_undo_window() {
    let (t, _wang) = dialog_open("feedback_disconnect_once", "en").await;
    t.page.click_in(DIALOG, "Disconnect Wang Fang").await;
    let local = format!("{} {}", testid_css(DIALOG), testid_css("undo-bar-local"));
    t.page.wait_text_css(&local, "Disconnect Wang Fang").await;
    assert!(
        t.page
            .all_css(&testid_css("confirm-dialog"))
            .await
            .is_empty(),
        "no confirmation as well"
    );
}

/// The dialog, its close button and disconnect inside the window.
async fn fits(page: &Page, what: &str) {
    let r = js(
        page,
        "const d = document.querySelector('[data-testid=\"participant-actions\"]');
         const inside = el => { const r = el.getBoundingClientRect();
           return r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth && r.height > 0; };
         return [inside(d), inside(d.querySelector('.modal-head button')),
                 inside(d.querySelector('[data-testid=\"disconnect-participant\"]')),
                 window.innerWidth, window.innerHeight, d.getBoundingClientRect().height];",
    )
    .await;
    assert_eq!(
        &r.as_array().unwrap()[..3],
        &[json!(true), json!(true), json!(true)],
        "{what}: dialog, close, disconnect in the window: {r}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn the_participant_dialog_fits_a_desktop_and_a_phone_window() {
    let (t, _) = dialog_open("feedback_dialog_fits", "zh").await;
    for size in [DESKTOP, PHONE] {
        viewport(&t.page, size).await;
        for section in ["media", "transfer", "dtmf", "advanced"] {
            let tab = format!(
                "{} [role=tab][data-section=\"{section}\"]",
                testid_css(DIALOG)
            );
            t.page.css(&tab).await.click().await.unwrap();
            t.page.wait_attr_css(&tab, "aria-selected", "true").await;
            fits(&t.page, &format!("{}x{} {section}", size.0, size.1)).await;
        }
    }
}
