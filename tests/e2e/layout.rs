//! Layout: pick a layout, its audience and its actors in order, apply it; the simulator keeps
//! the override and the current layout drawn on the page follows its `layout` event.

use crate::ctx;
use huikong_protocol::{Audience, Profile};
use huikong_test_support::harness::eventually;
use huikong_test_support::page::testid_css;

/// The uuids in the tiles of the picture `testid`, in order.
async fn tiles(t: &ctx::Ctx, testid: &str) -> Vec<String> {
    let css = format!("{} li[data-uuid]", testid_css(testid));
    let mut out = Vec::new();
    for li in t.page.all_css(&css).await {
        if let Ok(Some(u)) = li.attr("data-uuid").await {
            out.push(u);
        }
    }
    out
}

async fn add_actor(t: &ctx::Ctx, uuid: &str) {
    t.page.select("layout-actor-candidates", uuid).await;
    t.page.click("Add to the screen").await;
    t.page
        .css(&format!(
            "[data-testid=\"layout-actor\"][data-uuid=\"{uuid}\"]"
        ))
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn apply_a_layout_with_actors_for_hosts() {
    let t = ctx::start("layout_actors", Profile::Public).await;
    let zhang = t.add_host("Zhang Wei");
    let wang = t.add_guest("Wang Fang");
    let liu = t.add_guest("Liu Yang");
    t.join_host().await;
    t.page.open_panel("layout").await;
    t.page.wait_text("layout-current-view", "1:7").await;

    let option = "[data-testid=\"layout-option\"][data-layout=\"4:0\"]";
    t.page.css(option).await.click().await.unwrap();
    t.page.select("layout-audience", "hosts").await;
    add_actor(&t, &wang).await;
    add_actor(&t, &liu).await;
    t.page.click("Move Liu Yang up").await;
    eventually("the preview to seat Liu Yang first", || async {
        match tiles(&t, "layout-preview").await {
            v if v == [liu.clone(), wang.clone()] => Ok(()),
            v => Err(format!("{v:?}")),
        }
    })
    .await;
    // Only the named actors: no backfill by voice.
    t.page
        .testid("layout-vad-backfill")
        .await
        .click()
        .await
        .unwrap();
    t.page.click("Apply layout").await;
    t.page.wait_status("Apply layout 4:0 (Hosts): done").await;

    let (hosts, guests) = t.room(|r| {
        (
            r.screen.hosts_layout.clone(),
            r.screen.guests_layout.clone(),
        )
    });
    let hosts = hosts.expect("the hosts' layout is overridden");
    assert_eq!(hosts.audience, Audience::Hosts);
    assert_eq!((hosts.layout.as_str(), hosts.vad_backfill), ("4:0", false));
    assert_eq!(hosts.actors, vec![liu.clone(), wang.clone()]);
    assert!(guests.is_none(), "the guests' layout is left alone");

    // The console is a host: its current layout is the new one, with the actors in order.
    t.page.wait_text("layout-current-view", "4:0").await;
    eventually("the current layout to show the actors", || async {
        match tiles(&t, "layout-current").await {
            v if v == [liu.clone(), wang.clone()] => Ok(()),
            v => Err(format!("{v:?}")),
        }
    })
    .await;
    assert!(!tiles(&t, "layout-current").await.contains(&zhang));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn more_actors_than_places_are_flagged_and_removable() {
    let t = ctx::start("layout_capacity", Profile::Public).await;
    t.add_host("Zhang Wei");
    let wang = t.add_guest("Wang Fang");
    let liu = t.add_guest("Liu Yang");
    t.join_host().await;
    t.page.open_panel("layout").await;
    let option = "[data-testid=\"layout-option\"][data-layout=\"1:0\"]";
    t.page.css(option).await.click().await.unwrap();
    add_actor(&t, &wang).await;
    add_actor(&t, &liu).await;
    t.page.wait_text("layout-over-capacity", "at most 1").await;
    t.page.click("Remove Liu Yang").await;
    t.page
        .wait_gone_css(&format!(
            "[data-testid=\"layout-actor\"][data-uuid=\"{liu}\"]"
        ))
        .await;
    let warning = t.page.testid("layout-over-capacity").await;
    eventually("the warning to go", || async {
        match warning.is_displayed().await.unwrap_or(true) {
            false => Ok(()),
            true => Err("shown".to_string()),
        }
    })
    .await;
    t.page.click("Apply layout").await;
    t.page
        .wait_status("Apply layout 1:0 (Hosts and guests): done")
        .await;
    let (hosts, guests) = t.room(|r| {
        (
            r.screen.hosts_layout.clone(),
            r.screen.guests_layout.clone(),
        )
    });
    for l in [hosts.expect("hosts"), guests.expect("guests")] {
        assert_eq!(
            (l.layout.as_str(), l.actors.clone()),
            ("1:0", vec![wang.clone()])
        );
    }
}
