//! Redialling the dropped: a venue whose call drops is called again on config.json's schedule
//! (two seconds here) with a countdown; Cancel stops it; the global switch off, nothing is
//! redialled.

use crate::ctx::{self, Join, ROOM};
use crate::runtime_config::Dist;
use crate::venues::{demo_csv, import, row, status, venues_config};
use huikong_protocol::Profile;
use huikong_test_support::api::Api;
use std::time::Duration;

async fn drop_call(t: &ctx::Ctx, api: &Api, name: &str) {
    let uuid = api
        .named(name)
        .await
        .unwrap_or_else(|| panic!("{name} in"))
        .uuid;
    let url = format!("{}/_admin/drop/{ROOM}/{uuid}", t.sim.url());
    let r = reqwest::Client::new().post(&url).send().await.unwrap();
    assert!(r.status().is_success(), "{name} dropped");
}

/// A console joined in English with the demo's venue list imported, `config.json`'s redial
/// schedule `redial` (seconds, as JSON), and an observer; the console's files last as long as
/// the returned `Dist`, dropped last.
async fn with_the_demo_list(test: &str, redial: &str) -> (ctx::Ctx, Api, Dist) {
    let dist = Dist::with_config(test, Some(&format!(r#"{{"redial": {redial}}}"#)));
    let mut config = venues_config(Duration::from_millis(200), Profile::Public);
    config.dist = Some(dist.path());
    let t = ctx::start_with(test, config).await;
    t.join(&Join {
        lang: "en",
        ..Join::host()
    })
    .await;
    import(&t, "Import a list", &demo_csv(), "Import 21 venues").await;
    let api = t.observer().await;
    (t, api, dist)
}

fn countdown(n: u32) -> String {
    format!("{} [data-testid=\"venue-redial\"]", row(n))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn a_dropped_venue_is_redialled_on_schedule_unless_cancelled_or_switched_off() {
    let (t, api, _dist) = with_the_demo_list("venues_redial", "[2, 2, 2]").await;
    status(&t, 5, "online").await;

    // 深圳 drops: a countdown, then the call, answered.
    drop_call(&t, &api, "深圳分会场").await;
    status(&t, 5, "left").await;
    t.page.wait_text_css(&countdown(5), "Redial 1/3 in").await;
    t.page
        .wait_status("深圳分会场 dropped: redialling in 2 s (try 1 of 3)")
        .await;
    status(&t, 5, "online").await;
    t.page.wait_gone_css(&countdown(5)).await;
    let back = api.named("深圳分会场").await.expect("redialled");
    assert_eq!(back.call_direction, "out", "called by the console");

    // 郑州 drops, and the operator cancels.
    drop_call(&t, &api, "郑州分会场").await;
    t.page.wait_text_css(&countdown(14), "Redial 1/3").await;
    t.page.click("Cancel redialling 郑州分会场").await;
    t.page.wait_gone_css(&countdown(14)).await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    status(&t, 14, "left").await;
    assert!(api.named("郑州分会场").await.is_none(), "not redialled");

    // The global switch off: 青岛 drops and stays out.
    t.page
        .testid("venue-redial-switch")
        .await
        .click()
        .await
        .unwrap();
    drop_call(&t, &api, "青岛分会场").await;
    status(&t, 16, "left").await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert!(t.page.all_css(&countdown(16)).await.is_empty());
    assert!(api.named("青岛分会场").await.is_none(), "not redialled");
}

/// The timeline's entries of the venue list, oldest first.
async fn venue_entries(t: &ctx::Ctx) -> Vec<String> {
    t.page
        .js("return Array.from(document.querySelectorAll('[data-testid=\"record-entry\"][data-kind=\"venue\"]')).map(e => e.textContent.trim()).reverse();")
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn never_redialled_when_the_operator_disconnected_it_or_switched_it_off_and_recorded() {
    let (t, api, _dist) = with_the_demo_list("venues_redial_never", "[2]").await;
    status(&t, 14, "online").await;

    // The operator disconnects 郑州: it left, said why, and is not redialled.
    let more = t.page.button("More actions for 郑州分会场").await;
    t.page
        .client()
        .execute(
            "arguments[0].scrollIntoView({block: 'center'});",
            vec![serde_json::to_value(&more).unwrap()],
        )
        .await
        .unwrap();
    more.click().await.unwrap();
    t.page
        .click_in(crate::undo::DIALOG, "Disconnect 郑州分会场")
        .await;
    crate::undo::let_through_in(&t.page, crate::undo::DIALOG, "Disconnect 郑州分会场").await;
    status(&t, 14, "left").await;
    t.page
        .wait_text_css(&row(14), "disconnected by this console")
        .await;

    // 青岛's own switch off: it drops and stays out.
    t.page
        .css(&format!("{} [data-testid=\"venue-auto\"]", row(16)))
        .await
        .click()
        .await
        .unwrap();
    drop_call(&t, &api, "青岛分会场").await;
    status(&t, 16, "left").await;
    tokio::time::sleep(Duration::from_secs(4)).await;
    assert!(t.page.all_css(&countdown(14)).await.is_empty());
    assert!(t.page.all_css(&countdown(16)).await.is_empty());
    assert!(
        api.named("郑州分会场").await.is_none(),
        "郑州 not redialled"
    );
    assert!(
        api.named("青岛分会场").await.is_none(),
        "青岛 not redialled"
    );

    // 武汉 is busy: called, refused, redialled once, refused, given up; each step in the record
    // and the drops, the try and the give-up raised as alerts.
    t.page.click("Call 武汉分会场").await;
    // Each step within the harness's wait: a refusal may show only after the dial's grace.
    t.page.wait_status("Redialling 武汉分会场 (try 1)").await;
    t.page
        .wait_status("武汉分会场: gave up after 1 redial")
        .await;
    t.page.wait_text("alert-last", "武汉分会场: gave up").await;
    t.page.open_panel("record").await;
    let entries = venue_entries(&t).await;
    let expect = [
        "青岛分会场 dropped",
        "Venue 武汉分会场: Refused (busy)",
        "Redialling 武汉分会场 (try 1 of 1)",
        "Venue 武汉分会场: Refused (busy)",
        "武汉分会场: gave up after 1 redial",
    ];
    let found: Vec<&str> = expect
        .iter()
        .copied()
        .filter(|e| entries.iter().any(|x| x.contains(e)))
        .collect();
    assert_eq!(found, expect, "{entries:#?}");
    assert!(
        !entries.iter().any(|e| e.contains("郑州分会场 dropped")),
        "the operator's disconnect is no drop: {entries:#?}"
    );
}
