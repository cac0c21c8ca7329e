//! Roll call (点名) against the simulator's `venues` scenario: each step checked on the
//! platform's layout (its override in force) and mute states; Next and Previous skip the venues
//! not online; a refused step leaves the roll call on the last good one; End (Esc) puts the
//! layout and the mutes back. On the enterprise cloud it is audio only. Keyboard only.

use crate::ctx::{self, Join, ROOM};
use crate::picture::{state, uuid};
use crate::venues::{demo_csv, import, row, status, venues_config};
use fantoccini::key::Key;
use huikong_protocol::Profile;
use huikong_test_support::api::Api;
use huikong_test_support::harness::eventually;
use serde_json::{json, Value};
use std::time::Duration;

/// Waits until the platform shows `who` alone, full screen, to hosts and guests.
async fn shown_alone(t: &ctx::Ctx, who: &str) {
    eventually(&format!("{who} alone on screen"), || async {
        let s = state(t).await;
        for a in ["hosts_override", "guests_override"] {
            let o = &s["layout"][a];
            if o["layout"] != "1:0" || o["actors"] != json!([who]) {
                return Err(format!("{a}: {o}"));
            }
        }
        Ok(())
    })
    .await;
}

/// Waits until the platform's mute states are these (uuid, muted).
async fn mutes(api: &Api, expected: &[(&str, bool)]) {
    eventually("the mute states", || async {
        for (u, muted) in expected {
            let p = api.participant(u).await.ok_or("gone")?;
            if p.is_muted != *muted {
                return Err(format!("{} muted: {}", p.display_name, p.is_muted));
            }
        }
        Ok(())
    })
    .await;
}

async fn keys(t: &ctx::Ctx, text: &str) {
    let el = t.page.client().active_element().await.expect("a focus");
    el.send_keys(text).await.expect("keys");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn roll_call_steps_through_the_online_venues_and_puts_everything_back() {
    let t = ctx::start_with(
        "roll_call",
        venues_config(Duration::from_millis(200), Profile::Public),
    )
    .await;
    t.join(&Join {
        lang: "en",
        ..Join::host()
    })
    .await;
    import(&t, "Import a list", &demo_csv(), "Import 21 venues").await;
    status(&t, 3, "online").await;
    let api = t.observer().await;
    let (hq, sh, sz) = (
        uuid(&api, "总部主会场").await,
        uuid(&api, "上海分会场").await,
        uuid(&api, "深圳分会场").await,
    );
    let xian = uuid(&api, "西安分会场").await;
    let view_before = state(&t).await["layout"]["guests"]["view"].clone();
    assert!(!api.status().await.guests_muted);

    // From the palette: "点名 3".
    let ctrl_k = format!("{}k", char::from(Key::Control));
    t.page
        .testid("tab-venues")
        .await
        .send_keys(&ctrl_k)
        .await
        .unwrap();
    t.page.testid("palette").await;
    keys(&t, "点名 3").await;
    t.page.wait_text("palette", "Roll call 3 上海分会场").await;
    keys(&t, &char::from(Key::Enter).to_string()).await;
    t.page
        .wait_text("roll-call-now", "Roll call: 上海分会场")
        .await;
    shown_alone(&t, &sh).await;
    assert!(api.status().await.guests_muted, "the guests are muted");
    mutes(&api, &[(&sh, false), (&sz, true), (&hq, false)]).await;

    // Next skips the absent 广州 (4): 深圳 (5).
    t.page.click("Next venue").await;
    t.page
        .wait_text("roll-call-now", "Roll call: 深圳分会场")
        .await;
    shown_alone(&t, &sz).await;
    mutes(&api, &[(&sz, false), (&sh, true), (&hq, false)]).await;
    t.page.click("Previous venue").await;
    t.page
        .wait_text("roll-call-now", "Roll call: 上海分会场")
        .await;
    shown_alone(&t, &sh).await;
    mutes(&api, &[(&sh, false), (&sz, true)]).await;

    // A key on a focused venue: r on 西安 (11).
    t.page.css(&row(11)).await.send_keys("r").await.unwrap();
    t.page
        .wait_text("roll-call-now", "Roll call: 西安分会场")
        .await;
    shown_alone(&t, &xian).await;

    // A refused step is reported; the roll call stays on the last good step.
    let faults = format!("{}/_admin/faults", t.sim.url());
    let http = reqwest::Client::new();
    http.put(&faults)
        .json(&json!({"command_failure_rate": 1.0, "command_failure_kinds": ["503"]}))
        .send()
        .await
        .unwrap();
    t.page.click("Next venue").await;
    t.page.wait_status("Roll call 天津分会场: failed").await;
    t.page
        .wait_text("roll-call-now", "Roll call: 西安分会场")
        .await;
    http.put(&faults).json(&json!({})).send().await.unwrap();

    // End with Esc: the layout as it was, the guests unmuted as they were.
    t.page.testid("roll-call-now").await.click().await.unwrap();
    keys(&t, &char::from(Key::Escape).to_string()).await;
    t.page
        .wait_gone_css("[data-testid=\"roll-call-bar\"]")
        .await;
    eventually("the layout put back", || async {
        let s = state(&t).await;
        let o = &s["layout"]["guests_override"];
        match (o["layout"] == view_before, o["actors"] == json!([])) {
            (true, true) => Ok(()),
            _ => Err(format!("{o}")),
        }
    })
    .await;
    assert!(!api.status().await.guests_muted);
    mutes(
        &api,
        &[(&sh, false), (&sz, false), (&xian, false), (&hq, false)],
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn on_the_enterprise_cloud_roll_call_is_audio_only() {
    let t = ctx::start_with(
        "roll_call_ent",
        venues_config(Duration::from_millis(200), Profile::Enterprise),
    )
    .await;
    t.page.goto("/?lang=zh").await;
    t.page.select("join-profile", "enterprise").await;
    t.page.fill("join-conference", ROOM).await;
    t.page.fill("join-pin", ctx::HOST_PIN).await;
    t.page.fill("join-name", ctx::CONSOLE).await;
    t.page.testid("join-submit").await.click().await.unwrap();
    t.page
        .wait_attr("connection-state", "data-state", "live")
        .await;
    import(&t, "导入名单", &demo_csv(), "导入 21 个会场").await;
    status(&t, 2, "online").await;
    let api = t.observer().await;
    let (bj, sh) = (
        uuid(&api, "北京分会场").await,
        uuid(&api, "上海分会场").await,
    );
    t.page.click("点名 北京分会场").await;
    t.page
        .wait_text("roll-call-now", "正在点名：北京分会场")
        .await;
    t.page.wait_text("roll-call-audio-only", "仅音频点名").await;
    mutes(&api, &[(&bj, false), (&sh, true)]).await;
    assert!(api.status().await.guests_muted);
    let s = state(&t).await;
    assert_eq!(
        s["layout"]["guests_override"],
        Value::Null,
        "no layout is set"
    );
    t.page.click("结束点名").await;
    t.page
        .wait_gone_css("[data-testid=\"roll-call-bar\"]")
        .await;
    mutes(&api, &[(&bj, false), (&sh, false)]).await;
    // Broadcast, rotation and presets are absent, with the reason.
    assert!(t
        .page
        .all_css("[data-testid=\"venue-broadcast\"]")
        .await
        .is_empty());
    t.page.open_panel("layout").await;
    t.page
        .wait_text("picture-unsupported", "广播、轮询和多画面预案不可用")
        .await;
    for absent in ["presets", "rotation-form"] {
        assert!(t
            .page
            .all_css(&format!("[data-testid=\"{absent}\"]"))
            .await
            .is_empty());
    }
}
