//! axe-core (npm, injected by the harness) over the join page and the meeting page, light and
//! dark, desktop (1366x768) and phone (390x844), with chat messages and a waiting guest: no
//! serious or critical violation; the rest is printed.

use crate::ctx::{self, Join};
use huikong_protocol::Profile;
use huikong_test_support::harness::{axe_core_script, eventually};
use huikong_test_support::page::{row_css, testid_css, Page};
use serde::Deserialize;
use serde_json::json;

#[derive(Debug, Deserialize)]
struct Violation {
    id: String,
    impact: Option<String>,
    help: String,
    nodes: Vec<String>,
}

/// Runs axe-core over the element `arguments[0]` names (a CSS selector), or the whole document.
const RUN_AXE: &str = r#"
const done = arguments[arguments.length - 1];
const scope = arguments[0] ? document.querySelector(arguments[0]) : document;
axe.run(scope, { resultTypes: ['violations'] })
  .then(r => done(r.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ')),
  }))))
  .catch(e => done([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }]));
"#;

pub const DESKTOP: (u32, u32) = (1366, 768);
pub const PHONE: (u32, u32) = (390, 844);

/// The page's viewport set to exactly `width` x `height` CSS pixels.
pub async fn viewport(page: &Page, (width, height): (u32, u32)) {
    page.browser
        .cdp(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600 }),
        )
        .await;
}

/// The page in the `light` or `dark` theme.
pub async fn theme(page: &Page, theme: &str) {
    let set = format!("document.documentElement.dataset.theme = '{theme}'; return null;");
    page.client()
        .execute(&set, vec![])
        .await
        .expect("theme set");
}

/// The serious and critical violations of the page as it is now; the others are printed.
pub async fn serious_violations(page: &Page, what: &str) -> Vec<String> {
    serious_violations_in(page, what, None).await
}

/// The serious and critical violations inside the element `scope` (a CSS selector) or, with
/// `None`, the whole page; the others are printed. axe-core is injected on first use.
pub async fn serious_violations_in(page: &Page, what: &str, scope: Option<&str>) -> Vec<String> {
    let loaded = page
        .client()
        .execute("return typeof window.axe !== 'undefined';", vec![])
        .await
        .expect("a script runs");
    if loaded != json!(true) {
        let script = format!("{}\nreturn null;", axe_core_script());
        page.client()
            .execute(&script, vec![])
            .await
            .expect("axe-core injected");
    }
    let found = page
        .client()
        .execute_async(RUN_AXE, vec![json!(scope)])
        .await
        .expect("axe-core ran");
    let found: Vec<Violation> = serde_json::from_value(found).expect("axe-core's violations");
    let mut serious = Vec::new();
    for v in found {
        let line = format!(
            "{what}: {} ({}) {}: {:?}",
            v.id,
            v.impact.as_deref().unwrap_or("?"),
            v.help,
            v.nodes
        );
        match v.impact.as_deref() {
            Some("serious" | "critical") => serious.push(line),
            _ => eprintln!("axe, not serious: {line}"),
        }
    }
    serious
}

/// Every combination of size and theme of the page as it is.
async fn check_everywhere(page: &Page, what: &str) -> Vec<String> {
    let mut serious = Vec::new();
    for size in [DESKTOP, PHONE] {
        for t in ["light", "dark"] {
            viewport(page, size).await;
            theme(page, t).await;
            let label = format!("{what} {}x{} {t}", size.0, size.1);
            serious.extend(serious_violations(page, &label).await);
        }
    }
    serious
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn the_join_page_has_no_serious_violation() {
    let t = ctx::start("axe_join", Profile::Public).await;
    let mut serious = Vec::new();
    for lang in ["zh", "en"] {
        t.page.goto(&format!("/?lang={lang}")).await;
        t.page.testid("join-submit").await;
        serious.extend(check_everywhere(&t.page, &format!("join page ({lang})")).await);
    }
    assert!(serious.is_empty(), "{}", serious.join("\n"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn the_meeting_page_has_no_serious_violation() {
    let t = ctx::start("axe_meeting", Profile::Public).await;
    t.add_host("Zhang Wei");
    let wang = t.add_guest("Wang Fang");
    t.join(&Join {
        lang: "zh",
        ..Join::host()
    })
    .await;
    let api = t.observer().await;
    api.command("lock", &json!({}))
        .await
        .expect("lock as another session");
    t.add_guest("Li Lei");
    api.say("你好 from the observer").await;
    // The chat's messages are checked where they are shown: its tab open.
    t.page.open_panel("chat").await;
    t.page.fill("chat-input", "Hello from the console").await;
    t.page.testid("chat-send").await.click().await.unwrap();
    let own = format!("{}[data-own=\"true\"]", testid_css("chat-message"));
    t.page.wait_text_css(&own, "Hello from the console").await;
    eventually("someone waiting", || async {
        match t.page.all_css(&testid_css("waiting-entry")).await.len() {
            0 => Err("nobody yet".to_string()),
            _ => Ok(()),
        }
    })
    .await;
    let mut serious = check_everywhere(&t.page, "meeting page").await;

    viewport(&t.page, DESKTOP).await;
    let more = format!("{} {}", row_css(&wang), testid_css("more-actions"));
    t.page.css(&more).await.click().await.unwrap();
    t.page.testid("participant-actions").await;
    serious.extend(check_everywhere(&t.page, "participant dialog").await);
    assert!(serious.is_empty(), "{}", serious.join("\n"));
}
