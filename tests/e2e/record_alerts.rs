//! The meeting record's alerts and recently left: the waiting-room alert in the title and at a
//! portal, alert kinds switched off, no notification permission asked without a click; and, in
//! Chinese on the enterprise cloud, someone who left dialled back.

use crate::ctx::{self, Join, HOST_PIN, ROOM};
use crate::record::{cell, click_centred, export_csv, row_of};
use crate::site::{self, Cors};
use huikong_protocol::Profile;
use huikong_test_support::harness::{eventually, stays};
use huikong_test_support::page::{testid_css, Page};
use serde_json::json;
use std::time::Duration;

async fn js(page: &Page, script: &str) -> serde_json::Value {
    page.js(script).await
}

async fn title(page: &Page) -> String {
    page.client().title().await.unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn a_waiting_guest_shows_in_the_title_and_no_permission_is_asked_without_a_click() {
    let t = ctx::start("record_alert_title", Profile::Public).await;
    t.add_host("Zhang Wei");
    t.join_host().await;
    let asked = "window.__asked = 0;
        const ask = Notification.requestPermission.bind(Notification);
        Notification.requestPermission = () => { window.__asked += 1; return ask(); };";
    t.page.client().execute(asked, vec![]).await.unwrap();
    let api = t.observer().await;
    api.command("lock", &json!({})).await.expect("lock");
    t.add_guest("Wang Fang");
    t.page.wait_attr("alert-bar", "data-unseen", "1").await;
    eventually("the title to count the alert", || async {
        let now = title(&t.page).await;
        now.starts_with("(1) ").then_some(()).ok_or(now)
    })
    .await;
    t.page
        .wait_text("alert-last", "Wang Fang is waiting in the waiting room")
        .await;
    assert_eq!(js(&t.page, "return window.__asked;").await, json!(0));
    assert_eq!(
        js(&t.page, "return Notification.permission;").await,
        json!("default")
    );

    t.page.click("Mark as seen").await;
    eventually("the title without a count", || async {
        let now = title(&t.page).await;
        (!now.starts_with('(')).then_some(()).ok_or(now)
    })
    .await;
    // Waiting-room alerts switched off: the next guest waiting counts no more.
    click_centred(&t.page, "alert-kinds").await;
    t.page
        .css("[data-testid=\"alert-kind\"][data-kind=\"waiting_room\"]")
        .await
        .click()
        .await
        .unwrap_or_else(|_| panic!("the waiting-room switch is shown"));
    t.add_guest("Liu Yang");
    stays(
        Duration::from_millis(1500),
        "no count for a muted kind",
        || async {
            let v = t.page.testid("alert-bar").await.attr("data-unseen").await;
            match v.map_err(|e| e.to_string())?.as_deref() {
                Some("0") => Ok(()),
                other => Err(format!("data-unseen {other:?}")),
            }
        },
    )
    .await;
    t.page.click("Enable notifications").await;
    eventually("the click to ask", || async {
        match js(&t.page, "return window.__asked;").await {
            v if v == json!(1) => Ok(()),
            v => Err(v.to_string()),
        }
    })
    .await;
    assert!(t.page.all_css(&testid_css("alert-bar")).await.len() == 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn the_waiting_room_alert_reaches_the_portal() {
    let trusting = |o: &site::Origins| {
        let portal = format!("http://localhost:{}", o.portal_port);
        Some(json!({ "api_server": o.sim, "embed_allowed_origins": [portal] }).to_string())
    };
    let h = site::start("record_alert_portal", Cors::TheConsole, trusting).await;
    let (t, page) = (&h.t, &h.t.page);
    t.add_host("Zhang Wei");
    let query = format!("conference={ROOM}&name=Portal%20Host&lang=en");
    h.open(&h.portal_url("localhost", &query)).await;
    page.wait_attr_css("body", "data-state", "ready").await;
    page.fill("portal-pin", HOST_PIN).await;
    page.testid("portal-join").await.click().await.unwrap();
    page.wait_attr_css("body", "data-state", "joined").await;
    let api = t.observer().await;
    api.command("lock", &json!({})).await.expect("lock");
    t.add_guest("Wang Fang");
    let events = eventually("the portal to get the alert", || async {
        let text = match page
            .all_css(&testid_css("portal-events"))
            .await
            .into_iter()
            .next()
        {
            Some(el) => el.text().await.unwrap_or_default(),
            None => String::new(),
        };
        let alert = text
            .lines()
            .find(|l| l.contains("\"type\":\"alert\""))
            .map(str::to_owned);
        alert.ok_or_else(|| format!("no alert among {text}"))
    })
    .await;
    assert!(
        events.contains("\"kind\":\"waiting_room\"") && events.contains("Wang Fang"),
        "{events}"
    );
    assert!(!events.contains(HOST_PIN), "no alert carries the PIN");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn in_chinese_on_the_enterprise_cloud_someone_who_left_is_dialled_back() {
    let t = ctx::start("record_zh_enterprise", Profile::Enterprise).await;
    t.add_host("Zhang Wei");
    let wang = t.add_guest("王芳");
    t.join(&Join {
        lang: "zh",
        ..Join::host()
    })
    .await;
    t.wait_row(&wang).await;
    t.room(|r| r.leave(&wang));
    t.page
        .wait_gone_css(&huikong_test_support::page::row_css(&wang))
        .await;

    t.page
        .testid("show-recently-left")
        .await
        .click()
        .await
        .unwrap();
    t.page
        .wait_text_css(
            "[data-testid=\"left-row\"][data-name=\"王芳\"]",
            "王芳 离会",
        )
        .await;
    t.page.click("回拨 王芳").await;
    let field = t.page.testid("dial-destination").await;
    let filled = eventually("the dial form to be filled", || async {
        let v = field.prop("value").await.map_err(|e| e.to_string())?;
        v.filter(|v| !v.is_empty()).ok_or("empty".to_string())
    })
    .await;
    assert_eq!(filled, "sip:王芳@e2e.local");

    let (_, header, rows) = export_csv(&t).await;
    assert_eq!(header[0], "名称");
    let w = row_of(&header, &rows, "王芳");
    assert_eq!(cell(&header, w, "present"), "否");
    assert_eq!(cell(&header, w, "sessions"), "1");
    t.page
        .wait_text_css(
            "[data-testid=\"record-entry\"][data-kind=\"leave\"]",
            "王芳 离会",
        )
        .await;
    t.page.wait_text("attendance-table", "会中时长").await;
}
