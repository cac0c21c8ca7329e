//! Embedding: the example portal (examples/portal.html) on one origin drives the
//! console, served under a sub-path of another, by postMessage; a page at an origin the
//! console does not trust is ignored; and the URL parameters a portal links with.

use crate::ctx::{self, HOST_PIN, ROOM};
use crate::site::{self, Cors, Hosted};
use huikong_protocol::{Profile, Role};
use huikong_test_support::api::{waiting, Api};
use huikong_test_support::harness::{eventually, stays};
use huikong_test_support::page::{testid_css, Page};
use serde_json::json;
use std::time::Duration;

/// The name the portal joins with.
const PORTAL_NAME: &str = "Portal Host";

/// The console's config.json: the simulator as API server, the portal at `localhost` trusted.
fn trusting_localhost(o: &site::Origins) -> Option<String> {
    let portal = format!("http://localhost:{}", o.portal_port);
    Some(json!({ "api_server": o.sim, "embed_allowed_origins": [portal] }).to_string())
}

/// An attribute of the current document's `<html>`.
async fn root_attr(page: &Page, name: &str) -> Option<String> {
    let script = "return document.documentElement.getAttribute(arguments[0]);";
    let value = page
        .client()
        .execute(script, vec![json!(name)])
        .await
        .ok()?;
    value.as_str().map(str::to_owned)
}

async fn wait_root_attr(page: &Page, name: &str, want: &str) {
    eventually(&format!("<html {name}={want:?}>"), || async {
        match root_attr(page, name).await {
            Some(v) if v == want => Ok(()),
            other => Err(format!("it is {other:?}")),
        }
    })
    .await
}

/// Moves the session into the portal's frame (the console); [`leave_frame`] comes back.
async fn enter_console(page: &Page) {
    let frame = page.testid("portal-frame").await;
    frame
        .enter_frame()
        .await
        .expect("entering the console's frame");
}

async fn leave_frame(page: &Page) {
    page.client()
        .enter_parent_frame()
        .await
        .expect("back to the portal");
}

/// The text of the portal's element `testid`, now.
async fn portal_text(page: &Page, testid: &str) -> String {
    match page.all_css(&testid_css(testid)).await.into_iter().next() {
        Some(el) => el.text().await.unwrap_or_default(),
        None => String::new(),
    }
}

/// Waits until the portal's counts are the simulator's: everyone listed, and those waiting.
async fn counts_match(h: &Hosted, api: &Api) -> (usize, usize) {
    let page = &h.t.page;
    eventually("the portal's counts to be the simulator's", || async {
        let all = api.participants().await;
        let want = (all.len(), all.iter().filter(|p| waiting(p)).count());
        let shown = (
            portal_text(page, "portal-participants").await,
            portal_text(page, "portal-waiting").await,
        );
        match shown == (want.0.to_string(), want.1.to_string()) {
            true => Ok(want),
            false => Err(format!(
                "the portal shows {shown:?}, the simulator has {want:?}"
            )),
        }
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn the_example_portal_joins_follows_switches_language_and_leaves() {
    let h = site::start("embed_portal", Cors::TheConsole, trusting_localhost).await;
    let (t, page) = (&h.t, &h.t.page);
    t.add_host("Zhang Wei");
    let query = format!("conference={ROOM}&name=Portal%20Host&lang=en");
    h.open(&h.portal_url("localhost", &query)).await;
    page.wait_attr_css("body", "data-state", "ready").await;
    enter_console(page).await;
    wait_root_attr(page, "data-embed", "enabled").await;
    assert!(page.all_css("body.huikong-compact").await.len() == 1);
    leave_frame(page).await;

    page.fill("portal-pin", HOST_PIN).await;
    page.testid("portal-join").await.click().await.unwrap();
    page.wait_attr_css("body", "data-state", "joined").await;
    let api = t.observer().await;
    let me = eventually("the simulator to list the portal's console", || async {
        api.named(PORTAL_NAME).await.ok_or("not listed".to_string())
    })
    .await;
    assert_eq!(me.role, Role::Host);
    let events = portal_text(page, "portal-events").await;
    assert!(
        events.contains(&format!("\"participant_uuid\":\"{}\"", me.uuid)),
        "joined names the console's participant: {events}"
    );
    let (n, _) = counts_match(&h, &api).await;
    assert_eq!(n, 2, "Zhang Wei and the console");

    // Someone joins, then someone waits behind a lock: the portal follows both.
    t.add_guest("Wang Fang");
    counts_match(&h, &api).await;
    api.command("lock", &json!({}))
        .await
        .expect("lock as another session");
    t.add_guest("Liu Yang");
    let (n, w) = counts_match(&h, &api).await;
    assert_eq!((n, w), (4, 1));

    page.testid("portal-lang-zh").await.click().await.unwrap();
    enter_console(page).await;
    wait_root_attr(page, "lang", "zh-CN").await;
    page.wait_text("leave", "离开").await;
    page.testid("compact-bar").await;
    leave_frame(page).await;

    page.testid("portal-leave").await.click().await.unwrap();
    page.wait_attr_css("body", "data-state", "left").await;
    eventually("the simulator to drop the portal's console", || async {
        match api.named(PORTAL_NAME).await {
            None => Ok(()),
            Some(p) => Err(format!("{} still listed", p.uuid)),
        }
    })
    .await;
    assert_eq!(portal_text(page, "portal-participants").await, "–");
    let events = portal_text(page, "portal-events").await;
    assert!(
        !events.contains(HOST_PIN),
        "no message carries the PIN: {events}"
    );
    enter_console(page).await;
    page.testid("join-submit").await;
    // join, set_language, leave.
    wait_root_attr(page, "data-embed-received", "3").await;
    assert_eq!(
        root_attr(page, "data-embed-ignored").await.as_deref(),
        Some("0")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn a_portal_at_an_origin_not_allowed_is_ignored() {
    let h = site::start("embed_foreign", Cors::TheConsole, trusting_localhost).await;
    let (t, page) = (&h.t, &h.t.page);
    // The same portal, as 127.0.0.1: another origin than the trusted localhost.
    let query = format!("conference={ROOM}&name=Foreign%20Portal&lang=en");
    h.open(&h.portal_url("127.0.0.1", &query)).await;
    enter_console(page).await;
    wait_root_attr(page, "data-embed", "foreign").await;
    page.testid("join-submit").await;
    leave_frame(page).await;

    let post = "const f = document.querySelector('[data-testid=portal-frame]'); \
        f.contentWindow.postMessage({ type: 'join', conference: arguments[0], pin: arguments[1], \
        name: 'Foreign Portal' }, new URL(f.src).origin);";
    page.client()
        .execute(post, vec![json!(ROOM), json!(HOST_PIN)])
        .await
        .expect("the portal posts join");
    enter_console(page).await;
    wait_root_attr(page, "data-embed-ignored", "1").await;
    assert_eq!(
        root_attr(page, "data-embed-received").await.as_deref(),
        Some("0")
    );
    let api = t.observer().await;
    stays(Duration::from_secs(1), "no join", || async {
        match api.named("Foreign Portal").await {
            None => Ok(()),
            Some(p) => Err(format!("{} joined", p.uuid)),
        }
    })
    .await;
    assert!(page
        .all_css(&testid_css("connection-state"))
        .await
        .is_empty());
    leave_frame(page).await;
    // Nor did the console speak to it: no `ready` reached the portal.
    assert_eq!(
        page.css("body")
            .await
            .attr("data-state")
            .await
            .unwrap()
            .as_deref(),
        Some("loading")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn a_compact_link_has_no_header_on_either_page() {
    let t = ctx::start("embed_compact", Profile::Public).await;
    t.add_host("Zhang Wei");
    t.page
        .goto(&format!(
            "/?compact=1&lang=en&conference={ROOM}&name=Compact%20Console"
        ))
        .await;
    t.page.css("body.huikong-compact").await;
    t.page.testid("join-pin").await;
    assert!(t
        .page
        .all_css(&testid_css("product-title"))
        .await
        .is_empty());
    assert!(t.page.all_css(&testid_css("lang-switch")).await.is_empty());
    let conference = t.page.testid("join-conference").await;
    assert_eq!(
        conference.prop("value").await.unwrap().as_deref(),
        Some(ROOM)
    );
    t.page.fill("join-pin", HOST_PIN).await;
    t.page.testid("join-submit").await.click().await.unwrap();
    t.page
        .wait_attr("connection-state", "data-state", "live")
        .await;
    t.page.testid("compact-bar").await;
    for absent in ["conference-name", "my-role", "lang-switch", "theme-switch"] {
        assert!(
            t.page.all_css(&testid_css(absent)).await.is_empty(),
            "{absent} is shown"
        );
    }
    let api = t.observer().await;
    let me = eventually("the simulator to list the compact console", || async {
        api.named("Compact Console")
            .await
            .ok_or("not listed".to_string())
    })
    .await;
    assert_eq!(me.role, Role::Host);
    let n = api.participants().await.len().to_string();
    t.page
        .wait_attr("participant-count", "data-count", &n)
        .await;
    assert_eq!(
        root_attr(&t.page, "data-embed").await.as_deref(),
        Some("top")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn a_link_profile_wins_over_config_json() {
    let h = site::start("embed_profile", Cors::TheConsole, |o| {
        Some(json!({ "api_server": o.sim, "profile": "public", "language": "en" }).to_string())
    })
    .await;
    let t = &h.t;
    t.page
        .goto(&format!(
            "/?profile=enterprise&conference={ROOM}&name=Enterprise%20Console"
        ))
        .await;
    let profile = t.page.testid("join-profile").await;
    assert_eq!(
        profile.prop("value").await.unwrap().as_deref(),
        Some("enterprise")
    );
    t.page.fill("join-pin", HOST_PIN).await;
    t.page.testid("join-submit").await.click().await.unwrap();
    t.page
        .wait_attr("connection-state", "data-state", "live")
        .await;
    // Enterprise offers the lock, not the start of the meeting (public offers both).
    t.page.testid("lock-toggle").await;
    assert!(t
        .page
        .all_css(&testid_css("start-meeting"))
        .await
        .is_empty());
    let api = t.observer().await;
    eventually("the simulator to list the console", || async {
        api.named("Enterprise Console")
            .await
            .ok_or("not listed".to_string())
    })
    .await;
}
