//! Multi-select and bulk actions: the selection (a row's box, shift-click ranges, "select all
//! shown" under a filter at any size), the bar's actions checked on the simulator, the runner's
//! failures listed with their reasons, leavers dropping out, the selection surviving a stream
//! drop, the enterprise cloud offering only what it has, a phone's width, and axe-core.

// Who the bar acts on and where: disconnect, the enterprise cloud, a phone and axe-core.
mod reach;

use crate::ctx::{self, Ctx, Join};
use huikong_protocol::Profile;
use huikong_sim::faults::Faults;
use huikong_sim::{Config, Scenario};
use huikong_test_support::harness::{eventually, eventually_within};
use huikong_test_support::page::{row_css, testid_css};
use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

/// A bulk run's end, the undo window included where the action waits in it.
const RUN_LIMIT: Duration = Duration::from_secs(60);

fn box_css(uuid: &str) -> String {
    format!("{} {}", row_css(uuid), testid_css("select-participant"))
}

/// A click on a row's box, brought to the middle of the screen first: the bar at the foot of
/// the list (and a phone's panel bar) stay over the rows at the bottom of the screen.
async fn tick(t: &Ctx, uuid: &str) {
    let el = t.page.css(&box_css(uuid)).await;
    let script = format!(
        "document.querySelector('{}').scrollIntoView({{ block: 'center' }}); return null;",
        box_css(uuid).replace('\'', "\\'")
    );
    let _: Option<()> = t.page.js(&script).await;
    el.click().await.unwrap();
}

/// A shift-click on a row's box, as a pointer with Shift held sends it.
async fn shift_tick(t: &Ctx, uuid: &str) {
    let script = format!(
        "document.querySelector('{}').dispatchEvent(new MouseEvent('click', {{ bubbles: true, cancelable: true, shiftKey: true }})); return null;",
        box_css(uuid).replace('\'', "\\'")
    );
    let _: Option<()> = t.page.js(&script).await;
}

async fn wait_selected(t: &Ctx, n: usize) {
    t.page
        .wait_attr("selected-count", "data-count", &n.to_string())
        .await;
}

/// Searches the list for "Guest", then selects all `n` it shows.
async fn select_guests(t: &Ctx, n: usize) {
    t.page.fill("participant-search", "Guest").await;
    t.page
        .wait_text_css(".participants .shown", &format!("Showing {n} of"))
        .await;
    select_all_shown(t, n).await;
}

async fn select_all_shown(t: &Ctx, n: usize) {
    t.page
        .testid("select-all-shown")
        .await
        .click()
        .await
        .unwrap();
    wait_selected(t, n).await;
}

async fn bar(t: &Ctx, action: &str) {
    let css = format!(
        "{} button[data-action=\"{action}\"]",
        testid_css("bulk-bar")
    );
    t.page.css(&css).await.click().await.unwrap();
}

/// Waits for the run to end; its failures by uuid, as the page lists them.
async fn finished(t: &Ctx) -> BTreeMap<String, String> {
    let result = testid_css("bulk-result");
    eventually_within(RUN_LIMIT, "the bulk run to end", || async {
        let state: Option<String> = t.page.js(&format!(
            "const r = document.querySelector('{result}'); return r && !r.hidden ? r.dataset.state : null;"
        )).await;
        match state.as_deref() {
            Some("done") => Ok(()),
            s => Err(format!("state {s:?}")),
        }
    })
    .await;
    let pairs: Vec<(String, String)> = t.page.js("return Array.from(document.querySelectorAll('[data-testid=bulk-failures] li')).map(li => [li.dataset.uuid, li.textContent.trim()]);").await;
    pairs.into_iter().collect()
}

async fn summary(t: &Ctx) -> String {
    t.page
        .testid("bulk-summary")
        .await
        .text()
        .await
        .unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn a_bulk_mute_of_40_at_a_10_percent_failure_rate_lists_every_failure() {
    let t = ctx::start("bulk_mute_40", Profile::Public).await;
    t.add_host("Zhang Wei");
    let guests: BTreeMap<String, String> = (1..=40)
        .map(|i| {
            let name = format!("Guest {i:02}");
            (t.add_guest(&name), name)
        })
        .collect();
    t.join_host().await;
    select_guests(&t, 40).await;

    t.sim.state.faults().set(Faults {
        command_failure_rate: 0.1,
        command_timeout: Duration::from_secs(2),
        seed: Some(4),
        ..Faults::default()
    });
    bar(&t, "mute").await;
    let failed = finished(&t).await;
    t.sim.state.faults().set(Faults::default());

    let sim: BTreeMap<String, bool> = t
        .observer()
        .await
        .participants()
        .await
        .into_iter()
        .map(|p| (p.uuid, p.is_muted))
        .collect();
    assert!(!failed.is_empty(), "a 10% failure rate failed none of 40");
    for (uuid, name) in &guests {
        match failed.get(uuid) {
            // Listed with the name and the platform's reason, and not muted on the platform.
            Some(line) => {
                let reason = line
                    .strip_prefix(&format!("{name}: "))
                    .unwrap_or_else(|| panic!("{line:?} names {name}"));
                assert!(!reason.trim().is_empty(), "{line:?} gives a reason");
                assert_eq!(sim.get(uuid), Some(&false), "{name} failed yet is muted");
            }
            None => assert_eq!(sim.get(uuid), Some(&true), "{name} is not muted"),
        }
    }
    let text = summary(&t).await;
    let done = 40 - failed.len();
    assert!(
        text.contains(&format!("{done} done"))
            && text.contains(&format!("{} failed", failed.len())),
        "the summary reads {text:?}"
    );
    t.page
        .wait_status(&format!("Mute 40 participants: {done} done"))
        .await;
    t.page.wait_text("bulk-announce", "failed").await;

    // Retry the failed ones, now that the platform answers.
    t.page.testid("bulk-retry").await.click().await.unwrap();
    assert!(finished(&t).await.is_empty());
    let api = t.observer().await;
    for uuid in failed.keys() {
        assert!(api.participant(uuid).await.unwrap().is_muted);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn a_stopped_run_sends_no_more_and_says_how_many_were_not_sent() {
    let t = ctx::start("bulk_stop", Profile::Public).await;
    t.add_host("Zhang Wei");
    let guests: Vec<String> = (1..=20)
        .map(|i| t.add_guest(&format!("Guest {i:02}")))
        .collect();
    t.join_host().await;
    select_guests(&t, 20).await;
    t.sim.state.faults().set(Faults {
        slow_commands: Some(Duration::from_millis(1500)),
        ..Faults::default()
    });
    bar(&t, "mute").await;
    t.page.wait_text("bulk-progress", "of 20").await;
    t.page
        .wait_text("bulk-announce", "Mute 20 participants: sending")
        .await;
    t.page.testid("bulk-stop").await.click().await.unwrap();
    assert!(finished(&t).await.is_empty());
    // The Stop button is gone: its focus went to the result's own button.
    eventually("the focus on Dismiss", || async {
        let on: Option<String> = t
            .page
            .js("return document.activeElement && document.activeElement.dataset.testid || null;")
            .await;
        (on.as_deref() == Some("bulk-dismiss"))
            .then_some(())
            .ok_or(format!("{on:?}"))
    })
    .await;
    t.sim.state.faults().set(Faults::default());
    let text = summary(&t).await;
    let muted = {
        let api = t.observer().await;
        let all = api.participants().await;
        all.iter()
            .filter(|p| p.is_muted && guests.contains(&p.uuid))
            .count()
    };
    assert!(muted < 20, "a stop sent everything");
    assert!(
        text.contains(&format!("{muted} done"))
            && text.contains(&format!("{} not sent (stopped)", 20 - muted)),
        "{muted} muted on the platform; the summary reads {text:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn select_all_shown_under_a_filter_at_2000_reaches_rows_never_mounted() {
    let config = Config {
        scenario: Scenario::Large(2000),
        scenario_tick: Duration::from_secs(3600),
        ..Config::for_tests(Profile::Public)
    };
    let t = ctx::start_with("bulk_large", config).await;
    t.join(&Join {
        lang: "zh",
        ..Join::host()
    })
    .await;
    let api = t.observer().await;
    let matching: BTreeSet<String> = api
        .participants()
        .await
        .into_iter()
        .filter(|p| p.display_name.contains("李娜"))
        .map(|p| p.uuid)
        .collect();
    assert!(matching.len() > 100, "{} match", matching.len());
    eventually_within(Duration::from_secs(60), "the whole list", || async {
        let shown: String = t
            .page
            .js("return document.querySelector('.participants .shown').textContent;")
            .await;
        shown.contains("2001").then_some(()).ok_or(shown)
    })
    .await;
    t.page.fill("participant-search", "李娜").await;
    let n = matching.len();
    t.page
        .wait_attr_css(
            &testid_css("participant-row"),
            "aria-setsize",
            &n.to_string(),
        )
        .await;
    select_all_shown(&t, n).await;
    let mounted = t.page.row_uuids().await.len();
    assert!(
        mounted < n,
        "{mounted} rows mounted of {n}: none left unmounted"
    );

    bar(&t, "mute").await;
    assert!(finished(&t).await.is_empty());
    let text = summary(&t).await;
    assert!(
        text.contains(&format!("{n} 人完成")),
        "the summary reads {text:?}"
    );
    let muted: BTreeSet<String> = api
        .participants()
        .await
        .into_iter()
        .filter(|p| p.is_muted)
        .map(|p| p.uuid)
        .collect();
    assert!(matching.is_subset(&muted), "some shown were not muted");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn shift_click_selects_a_range_and_a_leaver_drops_out() {
    let t = ctx::start("bulk_range", Profile::Public).await;
    t.add_host("Zhang Wei");
    for i in 1..=6 {
        t.add_guest(&format!("Guest {i}"));
    }
    t.join_host().await;
    let rows = eventually("eight rows", || async {
        let rows = t.page.row_uuids().await;
        (rows.len() == 8)
            .then_some(rows.clone())
            .ok_or(format!("{rows:?}"))
    })
    .await;
    tick(&t, &rows[1]).await;
    shift_tick(&t, &rows[4]).await;
    wait_selected(&t, 4).await;
    for (i, u) in rows.iter().enumerate() {
        let want = (1..=4).contains(&i).to_string();
        t.page
            .wait_attr_css(&row_css(u), "data-selected", &want)
            .await;
    }
    // A plain click takes one out again.
    tick(&t, &rows[4]).await;
    wait_selected(&t, 3).await;

    t.room(|r| r.leave(&rows[2]));
    t.page.wait_gone_css(&row_css(&rows[2])).await;
    wait_selected(&t, 2).await;
    t.page
        .testid("clear-selection")
        .await
        .click()
        .await
        .unwrap();
    wait_selected(&t, 0).await;
    eventually("the bar to go", || async {
        let hidden: bool = t
            .page
            .js("return document.querySelector('[data-testid=bulk-bar]').hidden;")
            .await;
        hidden.then_some(()).ok_or("shown".to_string())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn the_selection_survives_a_stream_drop() {
    let t = ctx::start("bulk_stream_drop", Profile::Public).await;
    t.add_host("Zhang Wei");
    let a = t.add_guest("Wang Fang");
    let b = t.add_guest("Li Lei");
    let c = t.add_guest("Chen Jing");
    t.join_host().await;
    for u in [&a, &b, &c] {
        tick(&t, u).await;
    }
    wait_selected(&t, 3).await;
    t.sim.state.faults().set(Faults {
        refuse_reconnects_for: Some(Duration::from_millis(1500)),
        ..Faults::default()
    });
    assert!(t.sim.state.drop_all_streams() >= 1);
    t.page
        .wait_attr("connection-state", "data-state", "reconnecting")
        .await;
    // Someone leaves while the stream is down: the resync tells, with no delete event.
    t.room(|r| r.leave(&c));
    t.page
        .wait_attr("connection-state", "data-state", "live")
        .await;
    t.page.wait_gone_css(&row_css(&c)).await;
    wait_selected(&t, 2).await;
    for u in [&a, &b] {
        t.page
            .wait_attr_css(&row_css(u), "data-selected", "true")
            .await;
    }
    bar(&t, "mute").await;
    assert!(finished(&t).await.is_empty());
    let api = t.observer().await;
    for u in [&a, &b] {
        assert!(api.participant(u).await.unwrap().is_muted);
    }
}
