//! The waiting room: who waits behind a lock, admitted one by one or all at once.

use crate::ctx::{self, in_conference};
use huikong_protocol::Profile;
use huikong_test_support::api::{waiting, Api};
use huikong_test_support::page::{row_css, testid_css};

/// Locks the room as another host and brings in guests who then wait.
async fn locked_with_waiting(t: &ctx::Ctx, names: &[&str]) -> (Api, Vec<String>) {
    let api = t.observer().await;
    api.command("lock", &serde_json::json!({}))
        .await
        .expect("lock as another session");
    let uuids: Vec<String> = names.iter().map(|n| t.add_guest(n)).collect();
    for u in &uuids {
        assert!(waiting(&api.participant(u).await.unwrap()), "{u} waits");
    }
    (api, uuids)
}

fn entry_css(uuid: &str) -> String {
    format!("[data-testid=\"waiting-entry\"][data-uuid=\"{uuid}\"]")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn admit_one_waiting_guest() {
    let t = ctx::start("admit_one", Profile::Public).await;
    t.add_host("Zhang Wei");
    t.join_host().await;
    let (api, uuids) = locked_with_waiting(&t, &["Wang Fang", "Liu Yang"]).await;
    let (wang, liu) = (&uuids[0], &uuids[1]);
    t.page.css(&entry_css(wang)).await;
    t.page.wait_attr("waiting-count", "data-count", "2").await;
    // A knock: the count in the warning colour, and the sound, off, offered once.
    t.page.css("[data-testid=\"waiting-count\"].warn").await;
    t.page.click("Turn the sound on?").await;
    let sound = t.page.testid("alerts-sound").await;
    assert_eq!(
        sound.prop("checked").await.unwrap().as_deref(),
        Some("true")
    );

    t.page.click_in("waiting-room", "Admit Wang Fang").await;
    t.page.wait_gone_css(&entry_css(wang)).await;
    t.page
        .wait_attr_css(&row_css(wang), "data-service-type", "conference")
        .await;
    t.page.wait_attr("waiting-count", "data-count", "1").await;
    assert!(in_conference(&api.participant(wang).await.unwrap()));
    assert!(
        waiting(&api.participant(liu).await.unwrap()),
        "the other still waits"
    );
    assert!(api.status().await.locked, "admitting one keeps the lock");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn admit_from_the_participant_row() {
    let t = ctx::start("admit_row", Profile::Public).await;
    t.add_host("Zhang Wei");
    t.join_host().await;
    let (api, uuids) = locked_with_waiting(&t, &["Wang Fang"]).await;
    let row = row_css(&uuids[0]);
    t.page
        .wait_attr_css(&row, "data-service-type", "waiting_room")
        .await;
    t.page.click_in("participant-row", "Admit Wang Fang").await;
    t.page
        .wait_attr_css(&row, "data-service-type", "conference")
        .await;
    assert!(in_conference(&api.participant(&uuids[0]).await.unwrap()));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn admit_everyone_waiting() {
    let t = ctx::start("admit_all", Profile::Public).await;
    t.add_host("Zhang Wei");
    t.join_host().await;
    let (api, uuids) = locked_with_waiting(&t, &["Wang Fang", "Liu Yang", "Chen Jing"]).await;
    t.page.wait_attr("waiting-count", "data-count", "3").await;
    t.page.click("Admit all").await;
    t.page.wait_attr("waiting-count", "data-count", "0").await;
    t.page
        .wait_gone_css(&format!(
            "{} [data-testid=\"waiting-entry\"]",
            testid_css("waiting-room")
        ))
        .await;
    for u in &uuids {
        assert!(in_conference(&api.participant(u).await.unwrap()));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn reject_beside_admit_turns_a_guest_away_on_the_platform() {
    let t = ctx::start("reject_one", Profile::Public).await;
    t.add_host("Zhang Wei");
    t.join(&ctx::Join {
        lang: "zh",
        ..ctx::Join::host()
    })
    .await;
    let (api, uuids) = locked_with_waiting(&t, &["王芳", "刘洋"]).await;
    let (wang, liu) = (&uuids[0], &uuids[1]);
    t.page.css(&entry_css(wang)).await;
    // One protection: the undo window, no confirmation.
    t.page.click_in("waiting-room", "拒绝 王芳").await;
    assert!(t
        .page
        .all_css(&testid_css("confirm-dialog"))
        .await
        .is_empty());
    crate::undo::let_through(&t.page, "拒绝 王芳").await;
    t.page.wait_gone_css(&entry_css(wang)).await;
    huikong_test_support::harness::eventually("王芳 gone from the platform", || async {
        match api.participant(wang).await {
            None => Ok(()),
            Some(_) => Err("still there".to_string()),
        }
    })
    .await;
    assert!(
        waiting(&api.participant(liu).await.unwrap()),
        "the other still waits"
    );
    t.page.wait_attr("waiting-count", "data-count", "1").await;
}
