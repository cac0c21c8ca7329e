//! A meeting of 2,000, the short correctness form of `cargo xtask bench` (which times these
//! things; this only checks them): the page keeps a bounded window of rows, a change made on
//! the simulator reaches its row, and the list scrolls to a far row, which follows changes too.
//! No timing is asserted.

use crate::ctx::{self, Ctx};
use huikong_protocol::Profile;
use huikong_sim::{Config, Scenario};
use huikong_test_support::harness::{eventually, eventually_within};
use huikong_test_support::page::{row_css, testid_css};
use std::time::Duration;

/// Participants besides the console.
const SIZE: usize = 2000;
/// More rows in the page than this and the list is not bounded.
const MOST_ROWS: usize = 100;

async fn js<T: serde::de::DeserializeOwned>(t: &Ctx, script: &str) -> T {
    t.page.js(script).await
}

async fn rendered(t: &Ctx) -> Vec<(String, usize)> {
    js(t, "return Array.from(document.querySelectorAll('[data-testid=participant-row]')).map(r => [r.dataset.uuid, Number(r.getAttribute('aria-posinset'))]);").await
}

/// Flips a participant's mute on the simulator, as the platform would, and waits for its row.
async fn flip_and_follow(t: &Ctx, uuid: &str) {
    let muted = t.room(|r| {
        let mut now = false;
        r.update(uuid, |m| {
            m.p.is_muted = !m.p.is_muted;
            now = m.p.is_muted;
        });
        now
    });
    t.page
        .wait_attr_css(&row_css(uuid), "data-muted", &muted.to_string())
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn a_meeting_of_2000_stays_bounded_follows_updates_and_scrolls_to_far_rows() {
    let config = Config {
        scenario: Scenario::Large(SIZE),
        // A quiet meeting: every change is the test's own.
        scenario_tick: Duration::from_secs(3600),
        ..Config::for_tests(Profile::Public)
    };
    let t = ctx::start_with("large_meeting", config).await;
    let me = t.join_host().await;
    let all = SIZE + 1;
    eventually_within(Duration::from_secs(60), "the whole list", || async {
        let size: Option<String> = js(&t, "const r = document.querySelector('[data-testid=participant-row]'); return r && r.getAttribute('aria-setsize');").await;
        (size == Some(all.to_string()))
            .then_some(())
            .ok_or(format!("set size {size:?}"))
    })
    .await;
    let top = rendered(&t).await;
    assert!(
        (5..=MOST_ROWS).contains(&top.len()),
        "{} rows in the page for a meeting of {all}",
        top.len()
    );

    // An update made on the simulator reaches its row.
    let near = top
        .iter()
        .find(|(u, _)| *u != me)
        .map(|(u, _)| u.clone())
        .expect("a row besides the console's");
    flip_and_follow(&t, &near).await;

    // Scrolled to the bottom, the last rows are in the page and still only a window of them.
    let _: Option<()> = js(&t, "const v = document.querySelector('[data-testid=participant-viewport]'); v.scrollTop = v.scrollHeight; return null;").await;
    let far = eventually("the last row in the page", || async {
        let rows = rendered(&t).await;
        rows.iter()
            .find(|(_, place)| *place == all)
            .map(|(u, _)| u.clone())
            .ok_or(format!("places {:?}", rows.iter().map(|r| r.1).max()))
    })
    .await;
    assert!(rendered(&t).await.len() <= MOST_ROWS);
    assert!(
        t.page.all_css(&row_css(&near)).await.is_empty(),
        "the top row left the window"
    );
    let far = if far == me {
        // The console joined last; the row above it is a participant of the meeting.
        let rows = rendered(&t).await;
        rows.into_iter()
            .find(|(_, place)| *place == all - 1)
            .map(|(u, _)| u)
            .expect("the row above the last")
    } else {
        far
    };
    flip_and_follow(&t, &far).await;

    // A far participant found by search is one row, and clearing the search brings back all.
    let number = format!("{:04}", SIZE - 5);
    t.page.fill("participant-search", &number).await;
    eventually("the search to narrow the list to one row", || async {
        match rendered(&t).await.len() {
            1 => Ok(()),
            n => Err(format!("{n} rows")),
        }
    })
    .await;
    t.page
        .wait_text_css(&testid_css("participant-name"), &number)
        .await;
    t.page.fill("participant-search", "").await;
    t.page
        .wait_attr_css(
            &testid_css("participant-row"),
            "aria-setsize",
            &all.to_string(),
        )
        .await;
    assert!(rendered(&t).await.len() <= MOST_ROWS);
}
