//! Joining: success as host (listed, or hidden), and each way a join fails.

use crate::ctx::{self, Join, CONSOLE, HOST_PIN, OTHER_HOST_PIN, OTHER_ROOM, ROOM};
use huikong_protocol::{Profile, Role};
use huikong_test_support::api::Api;
use huikong_test_support::harness::eventually;
use huikong_test_support::page::row_css;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn join_as_host_shows_the_live_meeting_and_the_sim_lists_the_console() {
    let t = ctx::start("join_as_host", Profile::Public).await;
    let uuid = t.join_host().await;
    let me = t.observer().await.participant(&uuid).await.expect("listed");
    assert_eq!(me.role, Role::Host);
    assert_eq!(me.protocol, "api");
    t.page.wait_text("conference-name", "演示会议室").await;
    t.page.wait_text("my-role", "Host").await;
    t.wait_row(&uuid).await;
    t.page
        .wait_attr("participant-count", "data-count", "1")
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn join_hidden_is_live_but_not_listed() {
    let t = ctx::start("join_hidden", Profile::Public).await;
    let endpoint = t.add_host("Zhang Wei");
    t.join(&Join {
        hideme: true,
        ..Join::host()
    })
    .await;
    t.wait_row(&endpoint).await;
    let api = t.observer().await;
    assert!(
        api.named(CONSOLE).await.is_none(),
        "a hidden console is not listed"
    );
    assert_eq!(t.page.row_uuids().await, vec![endpoint]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn join_with_a_wrong_pin_says_so_and_opens_no_session() {
    let t = ctx::start("join_wrong_pin", Profile::Public).await;
    t.submit_join(&Join {
        pin: "000000",
        ..Join::host()
    })
    .await;
    t.page.wait_text("join-error", "Wrong PIN").await;
    assert!(t
        .page
        .all_css("[data-testid=\"connection-state\"]")
        .await
        .is_empty());
    let api = t.observer().await;
    assert!(api.named(CONSOLE).await.is_none());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn join_an_unknown_conference_names_it() {
    let t = ctx::start("join_unknown_conference", Profile::Public).await;
    t.submit_join(&Join {
        conference: "nosuchroom@huikong.local",
        ..Join::host()
    })
    .await;
    t.page
        .wait_text("join-error", "No such conference: nosuchroom@huikong.local")
        .await;
    assert!(t.observer().await.named(CONSOLE).await.is_none());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn join_an_unreachable_server_says_it_is_unreachable() {
    let t = ctx::start("join_unreachable", Profile::Public).await;
    // A port that was free a moment ago: nothing listens there.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port");
    t.page.goto("/?lang=en").await;
    t.page
        .fill("join-server", &format!("http://127.0.0.1:{port}"))
        .await;
    t.page.fill("join-conference", ROOM).await;
    t.page.fill("join-pin", HOST_PIN).await;
    t.page.fill("join-name", CONSOLE).await;
    t.page.testid("join-submit").await.click().await.unwrap();
    let text = t
        .page
        .wait_text("join-error", "Cannot reach the server")
        .await;
    assert!(text.contains(&format!("127.0.0.1:{port}")), "{text}");
    // The form stays usable for another try.
    let submit = t.page.testid("join-submit").await;
    assert!(submit.is_enabled().await.unwrap());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn leave_ends_the_session_at_the_simulator() {
    let t = ctx::start("leave", Profile::Public).await;
    let uuid = t.join_host().await;
    t.page.click("Leave").await;
    t.page.testid("join-submit").await;
    let api = t.observer().await;
    eventually("the simulator to drop the console", || async {
        match api.participant(&uuid).await {
            None => Ok(()),
            Some(_) => Err("still listed".to_string()),
        }
    })
    .await;
    // The row is gone with the meeting page.
    t.page.wait_gone_css(&row_css(&uuid)).await;
    let again = Api::open(&t.sim.url(), ROOM, HOST_PIN, "E2E other", true).await;
    assert!(again.is_ok(), "the room still takes new sessions");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn join_without_a_pin_where_one_is_needed_asks_for_it() {
    let t = ctx::start("join_pin_required", Profile::Public).await;
    t.submit_join(&Join {
        pin: "",
        ..Join::host()
    })
    .await;
    t.page
        .wait_text("join-error", "This conference requires a PIN.")
        .await;
    assert!(t.observer().await.named(CONSOLE).await.is_none());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn join_without_a_name_is_stopped_before_the_server() {
    let t = ctx::start("join_no_name", Profile::Public).await;
    t.submit_join(&Join {
        name: "",
        ..Join::host()
    })
    .await;
    t.page.wait_text("join-error", "Enter a display name").await;
    let api = t.observer().await;
    assert!(api.participants().await.is_empty(), "no session was opened");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn each_error_is_said_beside_its_field_and_the_form_explains_itself() {
    let t = ctx::start("join_fields", Profile::Public).await;
    t.submit_join(&Join {
        conference: "",
        name: "",
        lang: "zh",
        ..Join::host()
    })
    .await;
    // Both empty fields at once, each under its own field and marked invalid.
    let under = |id: &str| format!("#{id}-error");
    t.page
        .wait_text_css(&under("join-conference"), "会议")
        .await;
    t.page.wait_text_css(&under("join-name"), "名称").await;
    for id in ["join-conference", "join-name"] {
        let field = t.page.testid(id).await;
        assert_eq!(
            field.attr("aria-invalid").await.unwrap().as_deref(),
            Some("true")
        );
        let described = field
            .attr("aria-describedby")
            .await
            .unwrap()
            .unwrap_or_default();
        assert!(described.contains(&format!("{id}-error")), "{described}");
    }
    // Examples in the fields, and what the deployment type and the PINs mean.
    let example = t
        .page
        .testid("join-conference")
        .await
        .attr("placeholder")
        .await
        .unwrap();
    assert!(example.unwrap_or_default().contains("1061"));
    t.page.wait_text("join-profile-hint", "企业专属云").await;
    t.page
        .wait_text_css("#join-pin-hint", "访客 PIN 只能查看")
        .await;

    // A wrong PIN is said under the PIN.
    t.page.fill("join-conference", ROOM).await;
    t.page.fill("join-name", CONSOLE).await;
    t.page.fill("join-pin", "000000").await;
    t.page.testid("join-submit").await.click().await.unwrap();
    t.page
        .wait_text_css(&under("join-pin"), "入会密码错误")
        .await;
    assert!(t.page.all_css(&under("join-name")).await[0]
        .text()
        .await
        .unwrap()
        .is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn join_an_open_room_without_a_pin_as_guest() {
    let t = ctx::start("join_open_room", Profile::Public).await;
    t.join(&Join {
        conference: OTHER_ROOM,
        pin: "",
        ..Join::host()
    })
    .await;
    t.page.wait_text("my-role", "Guest").await;
    t.page.wait_text("conference-name", "培训会议室").await;
    let api = Api::open(
        &t.sim.url(),
        OTHER_ROOM,
        OTHER_HOST_PIN,
        "E2E observer",
        true,
    )
    .await
    .expect("a session on the open room");
    let me = eventually("the open room to list the console", || async {
        api.named(CONSOLE)
            .await
            .ok_or_else(|| "not listed".to_string())
    })
    .await;
    assert_eq!(me.role, Role::Guest);
}

/// The meeting page's stylesheets (`data-meeting-style`): how many there are, how many are on
/// and loaded, how many the page asked for, and how many of those it asked for before its
/// module was in (the join page's first paint must not wait for them).
const MEETING_STYLES: &str = r#"
const links = [...document.querySelectorAll('link[data-meeting-style]')];
const entries = performance.getEntriesByType('resource');
const module = entries.find(e => e.name.endsWith('.wasm'));
const asked = entries.filter(e => links.some(l => l.href === e.name));
return {
  links: links.length,
  loaded: links.filter(l => !l.disabled && l.sheet).length,
  asked: asked.length,
  asked_before_module: asked.filter(e => e.startTime < module.responseEnd).length,
};
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn the_meeting_pages_stylesheets_wait_for_the_module_and_are_in_for_the_meeting() {
    let t = ctx::start("join_meeting_styles", Profile::Public).await;
    t.join_host().await;
    let seen: serde_json::Value = t.page.js(MEETING_STYLES).await;
    assert!(seen["links"].as_u64() > Some(0), "{seen}");
    assert_eq!(seen["loaded"], seen["links"], "all on and loaded: {seen}");
    assert_eq!(seen["asked"], seen["links"], "each fetched once: {seen}");
    assert_eq!(
        seen["asked_before_module"], 0,
        "none before the module: {seen}"
    );
}
