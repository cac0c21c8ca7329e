//! Broadcast (广播) and picture presets (多画面预案) against the simulator's `venues` scenario,
//! each checked on the layout in force as `/_admin/state` shows it: a broadcast shows one venue
//! to the guests and leaves the hosts free unless the chair's view is on, moves to another
//! venue, gives way to a roll call and takes over from one (saying so), and its end puts back
//! what the guests saw. Presets are saved from the layout picker, applied by click, key and
//! palette, and carried with the venues and the rotation in one meeting plan file.

use crate::ctx::{self, Join, ROOM};
use crate::venues::{demo_csv, import, row, status, venues_config};
use fantoccini::key::Key;
use huikong_protocol::Profile;
use huikong_test_support::api::Api;
use huikong_test_support::harness::eventually;
use serde_json::{json, Value};
use std::time::Duration;

pub async fn state(t: &ctx::Ctx) -> Value {
    reqwest::get(format!("{}/_admin/state/{ROOM}", t.sim.url()))
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

pub async fn uuid(api: &Api, name: &str) -> String {
    api.named(name)
        .await
        .unwrap_or_else(|| panic!("{name} in"))
        .uuid
}

/// Waits until the override in force for `audience` (`hosts` or `guests`) is `view` with these
/// actors; `None` for no override at all.
pub async fn override_is(t: &ctx::Ctx, audience: &str, expected: Option<(&str, &[&str])>) {
    eventually(
        &format!("the {audience}' override {expected:?}"),
        || async {
            let s = state(t).await;
            let o = &s["layout"][format!("{audience}_override")];
            let ok = match expected {
                None => o.is_null(),
                Some((view, actors)) => o["layout"] == view && o["actors"] == json!(actors),
            };
            if ok {
                Ok(())
            } else {
                Err(format!("{o}"))
            }
        },
    )
    .await;
}

/// The two venues the broadcast and the rotation tests show.
pub const SH: &str = "上海分会场";
pub const SZ: &str = "深圳分会场";

/// The hosts' view in force now.
pub async fn hosts_view(t: &ctx::Ctx) -> String {
    state(t).await["layout"]["hosts"]["view"]
        .as_str()
        .expect("the hosts' view")
        .to_owned()
}

/// Keys typed on the page itself (the focus on no field), as `keys` types them.
async fn page_keys(t: &ctx::Ctx, text: &str) {
    t.page
        .testid("connection-state")
        .await
        .click()
        .await
        .unwrap();
    keys(t, text).await;
}

pub async fn keys(t: &ctx::Ctx, text: &str) {
    let el = t.page.client().active_element().await.expect("a focus");
    el.send_keys(text).await.expect("keys");
}

pub async fn with_the_demo_list(test: &str, lang: &str, profile: Profile) -> (ctx::Ctx, Api) {
    let t = ctx::start_with(test, venues_config(Duration::from_millis(200), profile)).await;
    t.join(&Join {
        lang,
        ..Join::host()
    })
    .await;
    let (button, done) = match lang {
        "en" => ("Import a list", "Import 21 venues"),
        _ => ("导入名单", "导入 21 个会场"),
    };
    import(&t, button, &demo_csv(), done).await;
    for n in [1, 2, 3, 5, 6] {
        status(&t, n, "online").await;
    }
    let api = t.observer().await;
    (t, api)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn a_broadcast_shows_one_venue_to_the_guests_gives_way_and_puts_the_picture_back() {
    let (t, api) = with_the_demo_list("broadcast", "en", Profile::Public).await;
    let (sh, sz) = (uuid(&api, SH).await, uuid(&api, SZ).await);
    let hosts_view = hosts_view(&t).await;

    // From the palette, "broadcast 3": the guests see 上海 alone; the hosts watch freely.
    page_keys(&t, &format!("{}k", char::from(Key::Control))).await;
    t.page.testid("palette").await;
    keys(&t, "broadcast 3").await;
    t.page.wait_text("palette", "Broadcast 3 上海分会场").await;
    keys(&t, &char::from(Key::Enter).to_string()).await;
    override_is(&t, "guests", Some(("1:0", &[&sh]))).await;
    t.page
        .wait_text("broadcast-now", "Broadcasting 上海分会场")
        .await;
    t.page.wait_text("on-air", "Broadcasting 上海分会场").await;
    override_is(&t, "hosts", None).await;
    let found = crate::axe::serious_violations(&t.page, "a broadcast on").await;
    assert!(found.is_empty(), "{found:#?}");

    // The chair's view: the hosts too; off again, the hosts' picture as it was.
    t.page
        .testid("broadcast-chair")
        .await
        .click()
        .await
        .unwrap();
    override_is(&t, "hosts", Some(("1:0", &[&sh]))).await;
    t.page
        .testid("broadcast-chair")
        .await
        .click()
        .await
        .unwrap();
    override_is(&t, "hosts", Some((&hosts_view, &[]))).await;

    // b on a focused venue moves the broadcast.
    t.page.css(&row(5)).await.send_keys("b").await.unwrap();
    override_is(&t, "guests", Some(("1:0", &[&sz]))).await;
    t.page
        .wait_text("broadcast-now", "Broadcasting 深圳分会场")
        .await;

    // A roll call ends the broadcast first, and says so; a broadcast then ends the roll call.
    t.page.css(&row(3)).await.send_keys("r").await.unwrap();
    t.page
        .wait_status("The broadcast ended for a roll call")
        .await;
    t.page
        .wait_text("roll-call-now", "Roll call: 上海分会场")
        .await;
    t.page
        .wait_gone_css("[data-testid=\"broadcast-bar\"]")
        .await;
    t.page.wait_text("on-air", "Roll call").await;
    t.page.click("Broadcast 深圳分会场").await;
    t.page
        .wait_status("The roll call ended for a broadcast")
        .await;
    t.page
        .wait_gone_css("[data-testid=\"roll-call-bar\"]")
        .await;
    override_is(&t, "guests", Some(("1:0", &[&sz]))).await;
    assert!(
        !api.status().await.guests_muted,
        "the roll call's mutes put back"
    );

    // The button on the venue's row says it is on the air.
    t.page
        .wait_attr_css(
            &format!("{} [data-testid=\"venue-broadcast\"]", row(5)),
            "aria-pressed",
            "true",
        )
        .await;
    // Esc ends it: the guests see what they saw before, by voice.
    t.page.testid("broadcast-now").await.click().await.unwrap();
    keys(&t, &char::from(Key::Escape).to_string()).await;
    t.page
        .wait_gone_css("[data-testid=\"broadcast-bar\"]")
        .await;
    t.page.wait_gone_css("[data-testid=\"on-air\"]").await;
    override_is(&t, "guests", Some((&hosts_view, &[]))).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn presets_are_saved_applied_by_click_key_and_palette_and_travel_in_a_meeting_plan() {
    let (t, api) = with_the_demo_list("presets", "zh", Profile::Public).await;
    let (bj, sh, hq) = (
        uuid(&api, "北京分会场").await,
        uuid(&api, "上海分会场").await,
        uuid(&api, "总部主会场").await,
    );
    t.page.open_panel("layout").await;
    let option = "[data-testid=\"layout-option\"][data-layout=\"4:0\"]";
    t.page.css(option).await.click().await.unwrap();
    t.page.select("layout-audience", "guests").await;
    for u in [&bj, &sh] {
        t.page.select("layout-actor-candidates", u).await;
        t.page
            .testid("layout-actor-add")
            .await
            .click()
            .await
            .unwrap();
        t.page
            .css(&format!(
                "[data-testid=\"layout-actor\"][data-uuid=\"{u}\"]"
            ))
            .await;
    }
    // A preset needs a name, said beside the field.
    t.page.testid("preset-save").await.click().await.unwrap();
    t.page.wait_text("preset-error", "请输入预案名称").await;
    t.page.fill("preset-name", "京沪二分屏").await;
    t.page.testid("preset-save").await.click().await.unwrap();
    t.page.wait_status("已保存预案 京沪二分屏").await;
    t.page
        .wait_text_css("[data-testid=\"preset\"]", "京沪二分屏")
        .await;
    // Drawn as the picture it sets, its positions named.
    t.page
        .wait_text_css("[data-testid=\"preset\"] .layout-pic", "北京分会场")
        .await;
    // A second one for the hosts: 1:0 with the head office.
    let option = "[data-testid=\"layout-option\"][data-layout=\"1:0\"]";
    t.page.css(option).await.click().await.unwrap();
    t.page.select("layout-audience", "hosts").await;
    t.page.click("移除 北京分会场").await;
    t.page.click("移除 上海分会场").await;
    t.page.select("layout-actor-candidates", &hq).await;
    t.page
        .testid("layout-actor-add")
        .await
        .click()
        .await
        .unwrap();
    t.page.fill("preset-name", "主会场全屏").await;
    t.page.testid("preset-save").await.click().await.unwrap();
    t.page.wait_status("已保存预案 主会场全屏").await;

    // One click.
    t.page.click("应用多画面预案 京沪二分屏").await;
    override_is(&t, "guests", Some(("4:0", &[&bj, &sh]))).await;
    override_is(&t, "hosts", None).await;
    // Alt+2 on the page.
    page_keys(&t, &format!("{}2", char::from(Key::Alt))).await;
    override_is(&t, "hosts", Some(("1:0", &[&hq]))).await;
    // The palette.
    let ctrl_k = format!("{}k", char::from(Key::Control));
    keys(&t, &ctrl_k).await;
    t.page.testid("palette").await;
    keys(&t, "预案 京沪").await;
    t.page
        .wait_text("palette", "应用多画面预案 京沪二分屏")
        .await;
    keys(&t, &char::from(Key::Enter).to_string()).await;
    t.page.wait_status("应用多画面预案 京沪二分屏：成功").await;

    // A venue not in the meeting is left to the voice, and named (not redialled here).
    t.page.open_panel("venues").await;
    t.page
        .testid("venue-redial-switch")
        .await
        .click()
        .await
        .unwrap();
    t.page.open_panel("layout").await;
    t.room(|r| {
        let u = r
            .members
            .iter()
            .find(|m| m.p.display_name == "北京分会场")
            .map(|m| m.p.uuid.clone())
            .expect("北京");
        r.leave(&u);
    });
    status(&t, 2, "left").await;
    t.page.click("应用多画面预案 京沪二分屏").await;
    t.page.wait_status("不在会中、由语音填补：北京分会场").await;
    override_is(&t, "guests", Some(("4:0", &[&sh]))).await;

    // Saved again under its name for the hosts (the picker still holds 1:0 with the head
    // office): the hosts and the guests each get their own picture, drawn both.
    t.page.fill("preset-name", "京沪二分屏").await;
    t.page.testid("preset-save").await.click().await.unwrap();
    eventually("both pictures drawn", || async {
        let n = t
            .page
            .all_css("[data-testid=\"preset\"][data-name=\"京沪二分屏\"] .layout-pic")
            .await
            .len();
        if n == 2 {
            Ok(())
        } else {
            Err(format!("{n} pictures"))
        }
    })
    .await;
    t.page.click("应用多画面预案 京沪二分屏").await;
    override_is(&t, "hosts", Some(("1:0", &[&hq]))).await;
    override_is(&t, "guests", Some(("4:0", &[&sh]))).await;
    let found = crate::axe::serious_violations(&t.page, "the presets drawn").await;
    assert!(found.is_empty(), "{found:#?}");

    // The meeting plan: venues, presets and the rotation in one file, and back.
    let (name, bytes) = crate::record::download(&t.page, "plan-export").await;
    assert!(
        name.starts_with("plan-") && name.ends_with(".json"),
        "{name}"
    );
    let text = String::from_utf8(bytes).expect("UTF-8");
    let plan: Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(plan["venues"].as_array().map(Vec::len), Some(21));
    assert_eq!(plan["presets"][0]["name"], "京沪二分屏");
    assert_eq!(
        plan["presets"][0]["guests"]["seats"],
        json!([{"venue": "beijing@venues.huikong.local"}, {"venue": "10.20.0.3"}])
    );
    assert_eq!(plan["presets"][0]["hosts"]["view"], "1:0");
    assert!(plan["rotation"]["interval_s"].is_number());
    assert!(!text.contains(ctx::HOST_PIN), "no PIN in the plan");
    t.page.click("删除预案 京沪二分屏").await;
    t.page.click("删除预案 主会场全屏").await;
    t.page.wait_gone_css("[data-testid=\"preset\"]").await;
    let mut edited = plan.clone();
    edited["rotation"]["interval_s"] = json!(42);
    import_plan(&t, &serde_json::to_string(&edited).unwrap()).await;
    t.page
        .wait_status("已导入会议预案：21 个会场、2 个预案、轮询设置")
        .await;
    t.page
        .wait_text_css("[data-testid=\"preset\"]", "京沪二分屏")
        .await;
    eventually("the imported rotation in its form", || async {
        let v: String = t
            .page
            .js("return document.querySelector('[data-testid=rotation-interval]').value")
            .await;
        if v == "42" {
            Ok(())
        } else {
            Err(v)
        }
    })
    .await;
    // A plan that does not read says why, beside the file chooser.
    import_plan(&t, r#"{"presets": [{"name": ""}]}"#).await;
    t.page.wait_text("plan-error", "第 1 个预案无法使用").await;
}

/// Chooses a meeting plan file of this text.
async fn import_plan(t: &ctx::Ctx, text: &str) {
    let path = std::env::temp_dir().join(format!("huikong-plan-{}.json", std::process::id()));
    std::fs::write(&path, text).unwrap();
    t.page
        .testid("plan-import")
        .await
        .send_keys(&path.display().to_string())
        .await
        .unwrap();
}
