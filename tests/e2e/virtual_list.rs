//! The virtualised participant list: in a meeting of hundreds only a window of rows is in the
//! page, yet every participant can be reached by scrolling, by keyboard and from a name shown
//! elsewhere, and each row tells a screen reader its place in the whole list.

use crate::ctx::{self, Ctx};
use fantoccini::key::Key;
use huikong_protocol::Profile;
use huikong_sim::{Config, Scenario};
use huikong_test_support::harness::eventually;
use huikong_test_support::page::{row_css, testid_css};
use std::time::Duration;

/// Participants in the meeting besides the console.
const SIZE: usize = 600;
/// More rendered rows than this means the list is not virtualised.
const MOST_ROWS: usize = 100;

async fn large_meeting(test: &str) -> Ctx {
    let config = Config {
        scenario: Scenario::Large(SIZE),
        // A quiet meeting: every change is the test's own.
        scenario_tick: Duration::from_secs(3600),
        ..Config::for_tests(Profile::Public)
    };
    let t = ctx::start_with(test, config).await;
    t.join_host().await;
    let all = (SIZE + 1).to_string();
    t.page
        .wait_attr_css(&testid_css("participant-row"), "aria-setsize", &all)
        .await;
    t
}

async fn js<T: serde::de::DeserializeOwned>(t: &Ctx, script: &str) -> T {
    t.page.js(script).await
}

async fn rendered_rows(t: &Ctx) -> usize {
    t.page.all_css(&testid_css("participant-row")).await.len()
}

/// The focused row's place in the list, once the focus is on a row at `place`.
async fn wait_focus_at(t: &Ctx, place: usize) -> String {
    let want = place.to_string();
    eventually(&format!("the focus on row {place}"), || async {
        let (at, uuid): (Option<String>, Option<String>) = js(
            t,
            "const e = document.activeElement; return [e && e.getAttribute('aria-posinset'), e && e.dataset.uuid];",
        )
        .await;
        match (at, uuid) {
            (Some(at), Some(uuid)) if at == want => Ok(uuid),
            other => Err(format!("focus on {other:?}")),
        }
    })
    .await
}

async fn press(t: &Ctx, key: Key) {
    let focused = t
        .page
        .client()
        .active_element()
        .await
        .expect("a focused element");
    focused
        .send_keys(&char::from(key).to_string())
        .await
        .expect("pressing a key");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn a_long_list_keeps_a_window_of_rows_and_the_keyboard_reaches_every_one() {
    let t = large_meeting("virtual_keyboard").await;
    let all = SIZE + 1;
    let shown = rendered_rows(&t).await;
    assert!(
        (5..=MOST_ROWS).contains(&shown),
        "{shown} rows rendered of {all}"
    );
    let first = t.page.testid("participant-row").await;
    assert_eq!(
        first.attr("aria-posinset").await.unwrap().as_deref(),
        Some("1")
    );
    let _: Option<()> = js(
        &t,
        "document.querySelector('[data-testid=participant-row]').focus(); return null;",
    )
    .await;
    wait_focus_at(&t, 1).await;

    press(&t, Key::Down).await;
    wait_focus_at(&t, 2).await;
    press(&t, Key::Up).await;
    wait_focus_at(&t, 1).await;
    press(&t, Key::PageDown).await;
    // The list moves the focus in the next animation frame: wait for it.
    eventually("PageDown to move the focus past row 2", || async {
        let paged: Option<String> = js(
            &t,
            "return document.activeElement.getAttribute('aria-posinset');",
        )
        .await;
        match paged.and_then(|p| p.parse::<usize>().ok()) {
            Some(p) if p > 2 => Ok(p),
            other => Err(format!("the focus is on row {other:?}")),
        }
    })
    .await;

    // The far end: the last row is rendered, focused and can be acted on.
    press(&t, Key::End).await;
    let last = wait_focus_at(&t, all).await;
    assert!(rendered_rows(&t).await <= MOST_ROWS);
    let mute = format!("{} [data-testid=\"mute-toggle\"]", row_css(&last));
    t.page
        .css(&mute)
        .await
        .click()
        .await
        .expect("clicking mute on the last row");
    t.page
        .wait_attr_css(&row_css(&last), "data-muted", "true")
        .await;
    let api = t.observer().await;
    assert!(api.participant(&last).await.unwrap().is_muted);

    // The mute button is disabled while its command runs, which drops the focus: back to the
    // row, as a keyboard user would come back to it.
    let refocus = format!(
        "document.querySelector({}).focus(); return null;",
        serde_json::json!(row_css(&last))
    );
    let _: Option<()> = js(&t, &refocus).await;
    wait_focus_at(&t, all).await;
    press(&t, Key::Home).await;
    wait_focus_at(&t, 1).await;
    t.page.wait_gone_css(&row_css(&last)).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn a_name_in_the_waiting_room_shows_its_row_even_when_filtered_out() {
    let t = large_meeting("virtual_show_in_list").await;
    let api = t.observer().await;
    api.command("lock", &serde_json::json!({}))
        .await
        .expect("lock as another session");
    let late = t.add_guest("Late Comer");
    // The newcomer is last in the list, far below the rendered window, and the search hides
    // them too.
    t.page.fill("participant-search", "0001").await;
    eventually("the search to narrow the list", || async {
        match rendered_rows(&t).await {
            1 => Ok(()),
            n => Err(format!("{n} rows")),
        }
    })
    .await;
    let name = format!("[data-testid=\"show-in-list\"][data-uuid=\"{late}\"]");
    t.page
        .css(&name)
        .await
        .click()
        .await
        .expect("clicking the name");
    let place = wait_focus_at(&t, SIZE + 2).await;
    assert_eq!(place, late);
    t.page
        .wait_attr_css(&row_css(&late), "aria-setsize", &(SIZE + 2).to_string())
        .await;
    let search = t.page.testid("participant-search").await;
    assert_eq!(search.prop("value").await.unwrap().as_deref(), Some(""));
    assert!(rendered_rows(&t).await <= MOST_ROWS);
}
