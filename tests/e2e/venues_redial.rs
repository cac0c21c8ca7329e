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

fn countdown(n: u32) -> String {
    format!("{} [data-testid=\"venue-redial\"]", row(n))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn a_dropped_venue_is_redialled_on_schedule_unless_cancelled_or_switched_off() {
    let dist = Dist::with_config("venues_redial", Some(r#"{"redial": [2, 2, 2]}"#));
    let mut config = venues_config(Duration::from_millis(200), Profile::Public);
    config.dist = Some(dist.path());
    let t = ctx::start_with("venues_redial", config).await;
    t.join(&Join {
        lang: "en",
        ..Join::host()
    })
    .await;
    import(&t, "Import a list", &demo_csv(), "Import 21 venues").await;
    status(&t, 5, "online").await;
    let api = t.observer().await;

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
