//! The list's new filters (muted by the host, presenting, on stage, not receiving the
//! presentation, waiting longer than, joined in the last) against the simulator's state, and
//! the time filters following the clock; saved views in `store`.

use crate::ctx::{self, Ctx, ROOM_ALIAS};
use huikong_protocol::{Participant, Profile, Role};
use huikong_sim::model::{new_uuid, unix_now};
use huikong_test_support::harness::{eventually, eventually_within};
use serde_json::json;
use std::collections::BTreeSet;
use std::time::Duration;

/// Saving, choosing, keeping and checking views.
mod store;

/// An endpoint that connected `ago` seconds before now (waiting if the room is locked).
fn arrive(t: &Ctx, name: &str, role: Role, ago: f64) -> String {
    let mut p = Participant::new(new_uuid());
    p.display_name = name.to_string();
    p.protocol = "h323".into();
    p.role = role;
    p.uri = format!("h323:{name}@e2e.local");
    p.local_alias = ROOM_ALIAS.to_string();
    p.start_time = (unix_now() - ago).floor();
    let uuid = p.uuid.clone();
    t.room(|r| r.join(p, false));
    uuid
}

pub(crate) fn set(uuids: &[&String]) -> BTreeSet<String> {
    uuids.iter().map(|u| u.to_string()).collect()
}

/// Waits until the list shows exactly `want`.
pub(crate) async fn wait_shown(t: &Ctx, what: &str, want: &BTreeSet<String>) {
    eventually(what, || async {
        let shown: BTreeSet<String> = t.page.row_uuids().await.into_iter().collect();
        match &shown == want {
            true => Ok(()),
            false => Err(format!("shown {shown:?}, want {want:?}")),
        }
    })
    .await
}

/// The simulator's participants that `keep` keeps.
fn sim_where(t: &Ctx, keep: impl Fn(&Participant) -> bool) -> BTreeSet<String> {
    t.room(|r| r.participants())
        .into_iter()
        .filter(|p| keep(p))
        .map(|p| p.uuid)
        .collect()
}

pub(crate) async fn click(t: &Ctx, testid: &str) {
    t.page.testid(testid).await.click().await.unwrap();
}

/// Turns a checkbox filter on, checks the list against the simulator, turns it off.
/// `total` is how many the list counts in all.
async fn check_flag(t: &Ctx, testid: &str, total: usize, keep: impl Fn(&Participant) -> bool) {
    click(t, testid).await;
    let want = sim_where(t, keep);
    assert!(!want.is_empty(), "{testid}: the test set someone up for it");
    wait_shown(t, testid, &want).await;
    t.page.wait_attr("more-filters", "data-count", "1").await;
    t.page
        .wait_text_css(
            ".participants .shown",
            &format!("Showing {} of {total}", want.len()),
        )
        .await;
    click(t, testid).await;
    t.page.wait_attr("more-filters", "data-count", "0").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn each_new_filter_shows_whom_the_simulator_says() {
    let t = ctx::start("views_filters", Profile::Public).await;
    t.add_host("Zhang Wei");
    let muted = t.add_guest("Wang Fang");
    let presenter = t.add_guest("Liu Yang");
    let deaf = t.add_guest("Chen Jing");
    let old = arrive(&t, "Old Timer", Role::Guest, 40.0 * 60.0);
    t.join_host().await;
    let api = t.observer().await;
    api.command("lock", &json!({})).await.expect("lock");
    let long_wait = arrive(&t, "Long Wait", Role::Guest, 12.0 * 60.0);
    let short_wait = arrive(&t, "Short Wait", Role::Guest, 20.0);
    api.command(&format!("participants/{muted}/mute"), &json!({}))
        .await
        .expect("mute");
    api.command(
        &format!("participants/{deaf}/denyrxpresentation"),
        &json!({}),
    )
    .await
    .expect("deny the presentation");
    t.room(|r| r.start_presentation(&presenter));
    t.room(|r| r.speak(Some(&presenter)));
    let everyone = sim_where(&t, |_| true);
    wait_shown(&t, "everyone", &everyone).await;

    click(&t, "more-filters").await;
    t.page
        .wait_attr("more-filters", "aria-expanded", "true")
        .await;
    check_flag(&t, "filter-muted", everyone.len(), |p| p.is_muted).await;
    check_flag(&t, "filter-presenting", everyone.len(), |p| p.is_presenting).await;
    check_flag(&t, "filter-no-presentation", everyone.len(), |p| {
        p.rx_presentation_policy == huikong_protocol::RxPresentationPolicy::Deny
    })
    .await;
    let on_stage: BTreeSet<String> = t.room(|r| {
        r.stage_entries()
            .into_iter()
            .map(|e| e.participant_uuid)
            .collect()
    });
    assert!(!on_stage.contains(&long_wait), "who waits is not on stage");
    check_flag(&t, "filter-on-stage", everyone.len(), |p| {
        on_stage.contains(&p.uuid)
    })
    .await;

    t.page.select("filter-waiting-over", "5").await;
    wait_shown(&t, "waiting over 5 min", &set(&[&long_wait])).await;
    t.page.select("filter-waiting-over", "0").await;
    t.page.select("filter-joined-within", "10").await;
    let recent = sim_where(&t, |p| p.uuid != old && p.uuid != long_wait);
    assert!(recent.contains(&short_wait));
    wait_shown(&t, "joined in the last 10 min", &recent).await;
    t.page.select("filter-joined-within", "0").await;

    // A flag filter follows a flag changing, though no roster fact changes.
    click(&t, "filter-muted").await;
    wait_shown(&t, "muted", &set(&[&muted])).await;
    api.command(&format!("participants/{deaf}/mute"), &json!({}))
        .await
        .expect("mute another");
    wait_shown(&t, "muted, another", &set(&[&muted, &deaf])).await;
    api.command(&format!("participants/{muted}/unmute"), &json!({}))
        .await
        .expect("unmute");
    wait_shown(&t, "muted, one unmuted", &set(&[&deaf])).await;
    assert!(!api.participant(&muted).await.unwrap().is_muted);
    // The presenter's filter too: the presentation moves to someone else.
    click(&t, "filter-muted").await;
    click(&t, "filter-presenting").await;
    wait_shown(&t, "presenting", &set(&[&presenter])).await;
    t.room(|r| r.start_presentation(&deaf));
    wait_shown(&t, "presenting, moved", &set(&[&deaf])).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn a_time_filter_follows_the_clock() {
    let t = ctx::start("views_clock", Profile::Public).await;
    t.add_host("Zhang Wei");
    let old = arrive(&t, "Old Timer", Role::Guest, 30.0 * 60.0);
    let almost = arrive(&t, "Almost A Minute", Role::Guest, 50.0);
    t.join_host().await;
    click(&t, "more-filters").await;
    t.page.select("filter-joined-within", "1").await;
    // Nobody changes meanwhile: only the clock moves them out of the last minute.
    eventually("the recent joiner shown", || async {
        let shown = t.page.row_uuids().await;
        match shown.contains(&almost) && !shown.contains(&old) {
            true => Ok(()),
            false => Err(format!("shown {shown:?}")),
        }
    })
    .await;
    eventually_within(Duration::from_secs(45), "a minute to pass", || async {
        match t.page.row_uuids().await.contains(&almost) {
            false => Ok(()),
            true => Err("still shown".to_string()),
        }
    })
    .await;

    // And into the waiting room's longer than a minute.
    t.page.select("filter-joined-within", "0").await;
    t.page.select("filter-waiting-over", "1").await;
    t.observer()
        .await
        .command("lock", &json!({}))
        .await
        .expect("lock");
    let waits = arrive(&t, "Waits", Role::Guest, 50.0);
    t.page
        .css(&format!(
            "[data-testid=\"waiting-entry\"][data-uuid=\"{waits}\"]"
        ))
        .await;
    assert!(!t.page.row_uuids().await.contains(&waits));
    eventually_within(Duration::from_secs(45), "a minute of waiting", || async {
        match t.page.row_uuids().await == [waits.clone()] {
            true => Ok(()),
            false => Err("not yet".to_string()),
        }
    })
    .await;
}
