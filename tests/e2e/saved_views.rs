//! The list's new filters (muted by the host, presenting, on stage, not receiving the
//! presentation, waiting longer than, joined in the last) against the simulator's state, the
//! time filters following the clock, and saved views: kept over a reload and a new join, a
//! corrupt stored value ignored, nothing but filters and sort in storage.

use crate::axe::{viewport, DESKTOP, PHONE};
use crate::ctx::{self, Ctx, Join, HOST_PIN, ROOM_ALIAS};
use crate::harness::{axe_core_script, eventually, eventually_within};
use crate::page::testid_css;
use huikong_protocol::{Participant, Profile, Role};
use huikong_sim::model::{new_uuid, unix_now};
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::time::Duration;

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

fn set(uuids: &[&String]) -> BTreeSet<String> {
    uuids.iter().map(|u| u.to_string()).collect()
}

/// Waits until the list shows exactly `want`.
async fn wait_shown(t: &Ctx, what: &str, want: &BTreeSet<String>) {
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

async fn click(t: &Ctx, testid: &str) {
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
async fn each_new_filter_shows_whom_the_simulator_says() {
    let Some(t) = ctx::start("views_filters", Profile::Public).await else {
        return;
    };
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
async fn a_time_filter_follows_the_clock() {
    let Some(t) = ctx::start("views_clock", Profile::Public).await else {
        return;
    };
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

/// Everything in the page's localStorage.
async fn storage(t: &Ctx) -> serde_json::Map<String, Value> {
    t.page
        .js("return Object.fromEntries(Object.entries(localStorage));")
        .await
}

async fn stored_views(t: &Ctx) -> Value {
    let all = storage(t).await;
    let raw = all["huikong.views"]
        .as_str()
        .expect("views stored")
        .to_string();
    serde_json::from_str(&raw).expect("the stored views are JSON")
}

async fn value_of(t: &Ctx, testid: &str) -> String {
    t.page
        .js(&format!(
            "return document.querySelector('{}').value;",
            testid_css(testid).replace('\'', "\\'")
        ))
        .await
}

async fn wait_value(t: &Ctx, testid: &str, want: &str) {
    eventually(&format!("{testid} to read {want}"), || async {
        match value_of(t, testid).await {
            v if v == want => Ok(()),
            v => Err(v),
        }
    })
    .await
}

/// Waits until the "modified" mark beside the view is shown (or hidden).
async fn wait_modified(t: &Ctx, shown: bool) {
    let script = format!(
        "return !document.querySelector('{}').hidden;",
        testid_css("view-modified")
    );
    eventually(&format!("the view marked modified: {shown}"), || async {
        match t.page.js::<bool>(&script).await == shown {
            true => Ok(()),
            false => Err("not yet".to_string()),
        }
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn saved_views_survive_a_reload_and_a_new_join() {
    let Some(t) = ctx::start("views_saved", Profile::Public).await else {
        return;
    };
    t.add_host("Zhang Wei");
    let wang = t.add_guest("Wang Fang");
    let li = t.add_guest("Li Lei");
    let zh = Join {
        lang: "zh",
        ..Join::host()
    };
    t.join(&zh).await;
    let api = t.observer().await;
    for u in [&wang, &li] {
        api.command(&format!("participants/{u}/mute"), &json!({}))
            .await
            .expect("mute");
    }
    // A search, which a view does not keep, then the view's filters and sort.
    t.page.fill("participant-search", "Wang").await;
    t.page.select("filter-role", "guest").await;
    t.page.select("sort-by", "name").await;
    click(&t, "more-filters").await;
    click(&t, "filter-muted").await;
    wait_shown(&t, "muted guests named Wang", &set(&[&wang])).await;
    t.page.fill("view-name", "静音的访客").await;
    click(&t, "view-save").await;
    t.page.wait_text("view-said", "已保存视图").await;
    wait_value(&t, "view-select", "静音的访客").await;

    let all = storage(&t).await;
    let dump = serde_json::to_string(&all).unwrap();
    for secret in [HOST_PIN, "Wang", "Li Lei", "Zhang", ROOM_ALIAS, &wang] {
        assert!(!dump.contains(secret), "{secret:?} in localStorage: {dump}");
    }
    let views = stored_views(&t).await;
    let keys: BTreeSet<&str> = views
        .as_object()
        .unwrap()
        .keys()
        .map(|k| k.as_str())
        .collect();
    assert_eq!(keys, BTreeSet::from(["version", "views", "active"]));
    let saved = &views["views"][0];
    assert_eq!(saved["name"], "静音的访客");
    assert_eq!(
        saved["filters"],
        json!({"state": "all", "role": "guest", "protocol": "", "sort": "name", "muted": true,
               "presenting": false, "no_presentation": false, "on_stage": false,
               "waiting_over": 0, "joined_within": 0})
    );

    // Changed, the view says so; chosen again, it is as saved.
    t.page.select("sort-by", "join").await;
    wait_modified(&t, true).await;
    t.page.select("view-select", "").await;
    t.page.select("view-select", "静音的访客").await;
    wait_value(&t, "sort-by", "name").await;
    wait_modified(&t, false).await;

    // A reload, a join again: the view is chosen, its filters on, the search not kept; and a
    // muted guest who joins afterwards is shown by it.
    t.join(&zh).await;
    wait_value(&t, "view-select", "静音的访客").await;
    wait_value(&t, "filter-role", "guest").await;
    wait_value(&t, "sort-by", "name").await;
    wait_value(&t, "participant-search", "").await;
    t.page.wait_attr("more-filters", "data-count", "1").await;
    wait_shown(&t, "the view after a reload", &set(&[&li, &wang])).await;
    let late = t.add_guest("Zhou Min");
    api.command(&format!("participants/{late}/mute"), &json!({}))
        .await
        .expect("mute the newcomer");
    wait_shown(&t, "the view with a newcomer", &set(&[&li, &wang, &late])).await;
    assert!(t.page.row_uuids().await.len() == 3);

    // Renamed, then deleted: storage follows.
    click(&t, "more-filters").await;
    t.page.fill("view-name", "Muted").await;
    click(&t, "view-rename").await;
    wait_value(&t, "view-select", "Muted").await;
    assert_eq!(stored_views(&t).await["views"][0]["name"], "Muted");
    click(&t, "view-delete").await;
    wait_value(&t, "view-select", "").await;
    let views = stored_views(&t).await;
    assert_eq!(views["views"], json!([]));
    assert_eq!(views["active"], Value::Null);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_corrupt_stored_value_is_ignored_with_a_warning() {
    let Some(t) = ctx::start("views_corrupt", Profile::Public).await else {
        return;
    };
    let wang = t.add_guest("Wang Fang");
    t.page.goto("/?lang=en").await;
    let _: Value = t
        .page
        .js(r#"localStorage.setItem('huikong.views', '{"version":1,"views":[{"name":'); return null;"#)
        .await;
    // The log so far is not this page's: read it away.
    t.page.browser.console_log().await;
    t.join_host().await;
    t.wait_row(&wang).await;
    let names: Vec<String> = t
        .page
        .js("return Array.from(document.querySelectorAll('[data-testid=\"view-select\"] option')).map(o => o.value);")
        .await;
    assert_eq!(names, [""], "no view from a corrupt value");
    let log = t.page.browser.console_log().await;
    assert!(
        log.iter().any(|l| l.contains("saved views ignored")),
        "a warning in {log:?}"
    );
    // Saving writes a good value over it.
    click(&t, "more-filters").await;
    t.page.select("filter-state", "conference").await;
    t.page.fill("view-name", "In the meeting").await;
    click(&t, "view-save").await;
    wait_value(&t, "view-select", "In the meeting").await;
    assert_eq!(
        stored_views(&t).await["views"][0]["filters"]["state"],
        "conference"
    );
    // An older (or newer) shape is ignored the same way.
    let _: Value = t
        .page
        .js(r#"localStorage.setItem('huikong.views', '{"version":0,"views":[{"name":"old"}]}'); return null;"#)
        .await;
    t.join_host().await;
    t.wait_row(&wang).await;
    wait_value(&t, "view-select", "").await;
}

/// The serious and critical axe-core violations of the page as it is.
async fn serious_violations(t: &Ctx) -> Vec<Value> {
    let script = format!("{}\nreturn null;", axe_core_script());
    t.page
        .client()
        .execute(&script, vec![])
        .await
        .expect("axe-core injected");
    let run = "const done = arguments[arguments.length - 1];
        axe.run(document, { resultTypes: ['violations'] })
          .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => ({ id: v.id, help: v.help, nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ')) }))))
          .catch(e => done([{ id: 'axe-error', help: String(e) }]));";
    let found = t
        .page
        .client()
        .execute_async(run, vec![])
        .await
        .expect("axe-core ran");
    serde_json::from_value(found).expect("violations")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn more_filters_in_english_on_a_phone_light_and_dark_pass_axe() {
    let Some(t) = ctx::start("views_axe", Profile::Public).await else {
        return;
    };
    t.add_host("Zhang Wei");
    t.add_guest("Wang Fang");
    t.join_host().await;
    click(&t, "more-filters").await;
    t.page.fill("view-name", "Guests").await;
    click(&t, "view-save").await;
    t.page.wait_text("view-said", "View \"Guests\" saved").await;
    t.page
        .wait_text("more-filters-panel", "Muted by the host")
        .await;
    t.page
        .wait_text("more-filters-panel", "not keep the search text")
        .await;
    let mut serious = Vec::new();
    for size in [PHONE, DESKTOP] {
        viewport(&t.page, size).await;
        for theme in ["light", "dark"] {
            let _: Value = t
                .page
                .js(&format!(
                    "document.documentElement.dataset.theme = '{theme}'; return null;"
                ))
                .await;
            for v in serious_violations(&t).await {
                serious.push(format!("{size:?} {theme}: {v}"));
            }
        }
    }
    assert!(serious.is_empty(), "{}", serious.join("\n"));
    // Every control in the panel has a name a screen reader reads.
    let unnamed: Vec<String> = t
        .page
        .js("return Array.from(document.querySelectorAll('#more-filters input, #more-filters select, #more-filters button, .filters select, .filters button'))
            .filter(e => !(e.labels && e.labels.length) && !e.textContent.trim() && !e.getAttribute('aria-label'))
            .map(e => e.outerHTML);")
        .await;
    assert!(unnamed.is_empty(), "{unnamed:?}");
    // At 1366 wide the bar is one line, in English (the longer texts) with a filter counted.
    viewport(&t.page, DESKTOP).await;
    click(&t, "filter-muted").await;
    t.page.wait_attr("more-filters", "data-count", "1").await;
    let boxes: Vec<(f64, f64)> = t
        .page
        .js(
            "return Array.from(document.querySelectorAll('.filters > *'))
            .map(e => e.getBoundingClientRect()).filter(r => r.width > 0)
            .map(r => [r.top + r.height / 2, r.width]);",
        )
        .await;
    let middles = boxes.iter().map(|b| b.0);
    let spread = middles.clone().fold(f64::MIN, f64::max) - middles.fold(f64::MAX, f64::min);
    assert!(
        spread < 8.0,
        "the filter bar wraps at 1366 (middle, width): {boxes:?}"
    );
    // On a phone the bar and the panel fit the width: nothing scrolls sideways.
    viewport(&t.page, PHONE).await;
    let wide: bool = t
        .page
        .js("return document.documentElement.scrollWidth > window.innerWidth;")
        .await;
    assert!(!wide, "the page scrolls sideways on a phone");
}
