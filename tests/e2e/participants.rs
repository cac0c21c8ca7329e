//! The live participant list and the controls on each row.

use crate::ctx::{self, CONSOLE};
use huikong_protocol::{Profile, Role};
use huikong_test_support::harness::eventually;
use huikong_test_support::page::row_css;
use std::collections::BTreeSet;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn the_list_follows_the_simulator_as_people_come_and_go() {
    let t = ctx::start("list_follows_sim", Profile::Public).await;
    let host = t.add_host("Zhang Wei");
    let h323 = t.add("Wang Fang", Role::Guest, "h323");
    let webrtc = t.add("Liu Yang", Role::Guest, "webrtc");
    let me = t.join_host().await;
    let api = t.observer().await;
    let same = || async {
        let sim: BTreeSet<String> = api
            .participants()
            .await
            .into_iter()
            .map(|p| p.uuid)
            .collect();
        let page: BTreeSet<String> = t.page.row_uuids().await.into_iter().collect();
        match sim == page {
            true => Ok(sim),
            false => Err(format!("sim lists {sim:?}, page shows {page:?}")),
        }
    };
    let listed = eventually("the page to list what the simulator lists", same).await;
    assert_eq!(
        listed,
        BTreeSet::from([host.clone(), h323.clone(), webrtc, me])
    );
    t.page
        .wait_attr("participant-count", "data-count", "4")
        .await;
    let row = row_css(&h323);
    t.page.wait_text_css(&row, "Wang Fang").await;
    t.page.wait_text_css(&row, "h323").await;
    t.page.wait_attr_css(&row, "data-role", "guest").await;
    t.page
        .wait_attr_css(&row_css(&host), "data-role", "chair")
        .await;

    // Someone leaves, someone arrives: the list follows without a reload.
    t.room(|r| r.leave(&h323));
    let late = t.add_guest("Chen Jing");
    t.page.wait_gone_css(&row).await;
    t.wait_row(&late).await;
    let listed = eventually("the page to follow the simulator", same).await;
    assert!(!listed.contains(&h323) && listed.contains(&late));
    t.page
        .wait_attr("participant-count", "data-count", "4")
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn mute_and_unmute_one_participant() {
    let t = ctx::start("mute_one", Profile::Public).await;
    t.add_host("Zhang Wei");
    let guest = t.add_guest("Wang Fang");
    t.join_host().await;
    let api = t.observer().await;
    let row = row_css(&guest);

    t.page.click("Mute Wang Fang").await;
    t.page.wait_attr_css(&row, "data-muted", "true").await;
    assert!(api.participant(&guest).await.unwrap().is_muted);
    t.page.wait_status("Mute Wang Fang: done").await;

    t.page.click("Unmute Wang Fang").await;
    t.page.wait_attr_css(&row, "data-muted", "false").await;
    assert!(!api.participant(&guest).await.unwrap().is_muted);
    t.page.wait_status("Unmute Wang Fang: done").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn a_mute_made_elsewhere_shows_on_the_row() {
    let t = ctx::start("mute_elsewhere", Profile::Public).await;
    t.add_host("Zhang Wei");
    let guest = t.add_guest("Wang Fang");
    t.join_host().await;
    let api = t.observer().await;
    api.command(
        &format!("participants/{guest}/mute"),
        &serde_json::json!({}),
    )
    .await
    .expect("mute as another session");
    t.page
        .wait_attr_css(&row_css(&guest), "data-muted", "true")
        .await;
    t.page.button("Unmute Wang Fang").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn spotlight_on_and_off() {
    let t = ctx::start("spotlight", Profile::Public).await;
    t.add_host("Zhang Wei");
    let guest = t.add_guest("Wang Fang");
    t.join_host().await;
    let api = t.observer().await;
    let row = row_css(&guest);

    t.page.click("Spotlight Wang Fang").await;
    t.page.wait_attr_css(&row, "data-spotlight", "true").await;
    t.page.wait_text_css(&row, "Spotlight 1").await;
    assert!(api.participant(&guest).await.unwrap().spotlight > 0.0);

    t.page.click("Remove spotlight from Wang Fang").await;
    t.page.wait_attr_css(&row, "data-spotlight", "false").await;
    assert_eq!(api.participant(&guest).await.unwrap().spotlight, 0.0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn who_speaks_shows_live() {
    let t = ctx::start("speaking", Profile::Public).await;
    t.add_host("Zhang Wei");
    let guest = t.add_guest("Wang Fang");
    t.join_host().await;
    t.wait_row(&guest).await;
    t.room(|r| r.speak(Some(&guest)));
    t.page.wait_text("speaking-now", "Wang Fang").await;
    let badge = format!("{} [data-testid=\"speaking\"]", row_css(&guest));
    eventually("the speaking badge", || async {
        let el = t
            .page
            .all_css(&badge)
            .await
            .into_iter()
            .next()
            .ok_or("no badge")?;
        match el.is_displayed().await.unwrap_or(false) {
            true => Ok(()),
            false => Err("hidden".to_string()),
        }
    })
    .await;
    t.room(|r| r.speak(None));
    t.page.wait_text("speaking-now", "Nobody is speaking").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn search_filters_the_list() {
    let t = ctx::start("search", Profile::Public).await;
    let host = t.add_host("Zhang Wei");
    let guest = t.add_guest("Wang Fang");
    let me = t.join_host().await;
    t.wait_row(&guest).await;
    t.page.fill("participant-search", "wang").await;
    eventually("only the match to show", || async {
        match t.page.row_uuids().await {
            rows if rows == vec![guest.clone()] => Ok(()),
            rows => Err(format!("rows {rows:?}")),
        }
    })
    .await;
    t.page.fill("participant-search", "").await;
    t.page.select("filter-role", "chair").await;
    eventually("only hosts to show", || async {
        let rows: BTreeSet<String> = t.page.row_uuids().await.into_iter().collect();
        match rows == BTreeSet::from([host.clone(), me.clone()]) {
            true => Ok(()),
            false => Err(format!("rows {rows:?}")),
        }
    })
    .await;
    assert!(t.observer().await.named(CONSOLE).await.is_some());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn filter_by_state_and_protocol_and_sort_by_name() {
    let t = ctx::start("filters_sort", Profile::Public).await;
    let host = t.add_host("Zhang Wei");
    let h323 = t.add("Wang Fang", Role::Guest, "h323");
    let me = t.join_host().await;
    let api = t.observer().await;
    api.command("lock", &serde_json::json!({})).await.unwrap();
    let waiting = t.add("Bai Lu", Role::Guest, "webrtc");
    t.wait_row(&waiting).await;
    let shows = |want: Vec<String>| {
        let page = &t.page;
        async move {
            eventually(&format!("the rows {want:?}"), || async {
                match page.row_uuids().await {
                    rows if rows == want => Ok(()),
                    rows => Err(format!("rows {rows:?}")),
                }
            })
            .await
        }
    };
    t.page.select("filter-state", "waiting").await;
    shows(vec![waiting.clone()]).await;
    t.page.select("filter-state", "all").await;
    t.page.select("filter-protocol", "h323").await;
    shows(vec![h323.clone()]).await;
    t.page.select("filter-protocol", "").await;
    // By name: Bai Lu, E2E Console, Wang Fang, Zhang Wei.
    t.page.select("sort-by", "name").await;
    shows(vec![waiting, me, h323, host]).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn a_presenter_is_marked_while_presenting() {
    let t = ctx::start("presenting_badge", Profile::Public).await;
    t.add_host("Zhang Wei");
    let guest = t.add_guest("Wang Fang");
    t.join_host().await;
    t.wait_row(&guest).await;
    let badge = format!(
        "//*[@data-testid='participant-row' and @data-uuid='{guest}']//*[@data-testid='presenting-icon' and @aria-label='Presenting']"
    );
    let presenting = || async {
        for b in t.page.all_xpath(&badge).await {
            if b.is_displayed().await.unwrap_or(false) {
                return true;
            }
        }
        false
    };
    assert!(!presenting().await);
    assert!(t.room(|r| r.start_presentation(&guest)));
    eventually("the Presenting badge", || async {
        presenting()
            .await
            .then_some(())
            .ok_or("not shown".to_string())
    })
    .await;
    assert!(
        t.observer()
            .await
            .participant(&guest)
            .await
            .unwrap()
            .is_presenting
    );
    t.room(|r| r.stop_presentation());
    eventually("the Presenting badge to go", || async {
        (!presenting().await)
            .then_some(())
            .ok_or("still shown".to_string())
    })
    .await;
}
