//! Secrets: neither the token nor the PIN ever lands in localStorage, sessionStorage, cookies,
//! the browser's console log or the page's URL, through a join, refreshes, a refused reconnect,
//! a failing command and the session's end; and the built page carries a Content Security
//! Policy that allows no inline or foreign script.

use crate::world::{self, World, HOST_PIN};
use crate::{figure, Scale};
use huikong_protocol::{Profile, Role};
use huikong_sim::Config;
use huikong_test_support::harness::Env;
use huikong_test_support::page::row_css;
use serde::Deserialize;
use serde_json::json;
use std::time::Duration;

#[derive(Debug, Deserialize)]
struct Stored {
    local: Vec<(String, String)>,
    session: Vec<(String, String)>,
    cookies: String,
    url: String,
}

const READ_STORED: &str = r#"
const all = s => Array.from({ length: s.length }, (_, i) => [s.key(i), s.getItem(s.key(i))]);
return { local: all(localStorage), session: all(sessionStorage), cookies: document.cookie,
         url: location.href };
"#;

/// A token as the simulator makes them: 64 hex digits. Any run that long counts.
fn has_token(s: &str) -> bool {
    let mut run = 0;
    for c in s.chars() {
        run = if c.is_ascii_hexdigit() { run + 1 } else { 0 };
        if run >= 64 {
            return true;
        }
    }
    s.contains("token=")
}

fn leaks(s: &str) -> bool {
    has_token(s) || s.contains(HOST_PIN)
}

/// Everything the page keeps or shows outside itself, once; `Err` names a leak.
async fn look(w: &World, moment: &str, seen: &mut usize) -> Result<(), String> {
    let stored: Stored = w.tab.js(READ_STORED).await;
    let mut places: Vec<(String, String)> = Vec::new();
    for (k, v) in &stored.local {
        places.push((format!("localStorage {k}"), format!("{k}={v}")));
    }
    for (k, v) in &stored.session {
        places.push((format!("sessionStorage {k}"), format!("{k}={v}")));
    }
    places.push(("cookies".into(), stored.cookies.clone()));
    places.push(("the page's URL".into(), stored.url.clone()));
    for line in w.tab.log().await {
        places.push((format!("the console log ({})", line.level), line.message));
    }
    *seen = places.len();
    match places.iter().find(|(_, v)| leaks(v)) {
        Some((where_, v)) => Err(format!("{moment}: a secret in {where_}: {v}")),
        None => Ok(()),
    }
}

/// The built page's CSP: present, and allowing neither inline script nor any origin's.
fn csp_of(env: &Env) -> String {
    let path = env.dist.join("index.html");
    let html = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let lower = html.to_ascii_lowercase();
    let at = lower
        .find("http-equiv=\"content-security-policy\"")
        .unwrap_or_else(|| panic!("{} carries no Content-Security-Policy", path.display()));
    let tag_start = lower[..at].rfind('<').expect("the meta tag's start");
    let tag_end = at + lower[at..].find('>').expect("the meta tag's end");
    let tag = &html[tag_start..tag_end];
    let content = tag
        .split("content=\"")
        .nth(1)
        .and_then(|c| c.split('"').next())
        .expect("the policy's content");
    let directive = |name: &str| {
        content
            .split(';')
            .map(str::trim)
            .find(|d| d.split_whitespace().next() == Some(name))
            .map(|d| d.to_string())
    };
    let script = directive("script-src")
        .or_else(|| directive("default-src"))
        .expect("a script-src or default-src directive");
    for bad in [
        "'unsafe-inline'",
        "*",
        "http:",
        "https:",
        "data:",
        "'unsafe-eval'",
    ] {
        assert!(
            !script.split_whitespace().any(|s| s == bad),
            "the policy allows {bad} for scripts: {script}"
        );
    }
    assert!(directive("object-src").is_some() || script.contains("'none'"));
    script
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn neither_token_nor_pin_leaves_memory() {
    let _ = Scale::get();
    let w = world::start("secrets", Config::for_tests(Profile::Public)).await;
    let script_policy = csp_of(&Env::get());
    // Refreshes every half second.
    w.sim.state.world().token_ttl = Duration::from_millis(1500);
    let guest = w.add("Zhang Wei", Role::Guest);
    let me = w.join().await;
    let mut lines = 0;
    let mut looks = 0;
    look(&w, "after joining", &mut lines).await.unwrap();
    looks += 1;
    tokio::time::sleep(Duration::from_secs(2)).await;
    look(&w, "after refreshes", &mut lines).await.unwrap();
    looks += 1;

    // A dropped stream whose reconnects are refused for a while: failed EventSource requests
    // carry the token in their URL, and the browser reports failed requests.
    w.set_faults(json!({ "refuse_reconnects_secs": 1.5 })).await;
    assert!(w.drop_streams().await >= 1);
    w.tab
        .wait_attr("connection-state", "data-state", "reconnecting")
        .await;
    w.tab
        .wait_attr_within(
            Duration::from_secs(20),
            "connection-state",
            "data-state",
            "live",
        )
        .await;
    look(&w, "after a refused reconnect", &mut lines)
        .await
        .unwrap();
    looks += 1;

    // Failing commands of every kind.
    for kind in ["500", "502", "503"] {
        w.set_faults(json!({ "command_failure_rate": 1.0, "command_failure_kinds": [kind] }))
            .await;
        w.tab
            .click_css(&format!(
                "{} [data-testid=\"mute-toggle\"]",
                row_css(&guest)
            ))
            .await;
        huikong_test_support::harness::eventually("the failure shown", || async {
            let n: usize = w
                .tab
                .js("return document.querySelectorAll('[data-testid=\"command-status\"] li[data-outcome=\"error\"]').length;")
                .await;
            if n > 0 {
                Ok(())
            } else {
                Err("none yet".to_string())
            }
        })
        .await;
        let _: Option<()> = w
            .tab
            .js("document.querySelectorAll('[data-testid=\"command-status\"] li button').forEach(b => b.click()); return null;")
            .await;
    }
    w.set_faults(json!({})).await;
    look(&w, "after failed commands", &mut lines).await.unwrap();
    looks += 1;

    // The platform ends the session; then the token is gone from the platform too.
    w.sim.state.world().end_session(&me, "Ended by the test");
    w.tab.wait_attr("session-over", "role", "alert").await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    look(&w, "after the session ended", &mut lines)
        .await
        .unwrap();
    looks += 1;
    figure(
        "secrets",
        &format!(
            "token (64 hex digits or token=) and PIN found 0 times in localStorage, sessionStorage, cookies, the page's URL and the browser console log (ALL levels; {lines} entries at the last of {looks} looks: after joining, refreshes, a refused reconnect, failed commands, the session's end); built index.html CSP scripts: {script_policy:?}"
        ),
    );
}
