//! Hostile content: display names, overlay text, URIs, chat messages and their senders, dialled
//! names and destinations, sub-call and session disconnect reasons carrying the usual XSS
//! vectors. Each would bump `window.__xss` or leave a `data-xss` element if the console ever
//! treated it as markup; every one must show as the very text it is.

use crate::world::{self, World, HOST_PIN, ROOM};
use crate::{figure, Scale};
use huikong_protocol::{DialRequest, Event, MessageRequest, Profile, Role};
use huikong_sim::Config;
use huikong_test_support::api::Api;
use std::time::Duration;

/// The usual vectors: script elements, event handlers, `javascript:` URLs, attribute and tag
/// break-outs, template and entity tricks.
pub const PAYLOADS: [&str; 20] = [
    "<script>window.__xss++</script>",
    "<img src=x data-xss onerror=\"window.__xss++\">",
    "<svg data-xss onload=window.__xss++>",
    "\"><img src=x data-xss onerror=window.__xss++>",
    "'><script>window.__xss++</script>",
    "javascript:window.__xss++",
    "<iframe data-xss src=\"javascript:parent.__xss++\"></iframe>",
    "<body data-xss onload=window.__xss++>",
    "<details data-xss open ontoggle=window.__xss++>",
    "<input data-xss autofocus onfocus=window.__xss++>",
    "<video data-xss><source onerror=\"window.__xss++\"></video>",
    "<math><mtext><table><mglyph><style><img data-xss src=x onerror=window.__xss++>",
    "{{constructor.constructor('window.__xss++')()}}",
    "${window.__xss++}",
    "<a data-xss href=\"javascript:window.__xss++\">click</a>",
    "<object data-xss data=\"javascript:window.__xss++\"></object>",
    "&lt;script&gt;window.__xss++&lt;/script&gt;",
    "</textarea></title><script>window.__xss++</script>",
    "<marquee data-xss onstart=window.__xss++>x</marquee>",
    "<div data-xss style=\"background:url(javascript:window.__xss++)\">",
];

/// Whether some element matching `css` has exactly (or, with `part`, contains) `text`.
async fn shown(w: &World, css: &str, text: &str, part: bool) -> bool {
    let script = format!(
        "return Array.from(document.querySelectorAll({})).some(e => {});",
        serde_json::json!(css),
        if part {
            format!("e.textContent.includes({})", serde_json::json!(text))
        } else {
            format!("e.textContent === {}", serde_json::json!(text))
        }
    );
    w.tab.js(&script).await
}

async fn wait_shown(w: &World, css: &str, text: &str, part: bool) {
    huikong_test_support::harness::eventually(
        &format!("{text:?} shown as text in {css}"),
        || async {
            match shown(w, css, text, part).await {
                true => Ok(()),
                false => Err("not there".to_string()),
            }
        },
    )
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn hostile_content_is_shown_as_text_and_never_run() {
    let _ = Scale::get();
    let w = world::start("hostile", Config::for_tests(Profile::Public)).await;
    w.add("Zhang Wei", Role::Host);
    let me = w.join().await;
    let _: Option<()> = w.tab.js("window.__xss = 0; return null;").await;
    let base = w.sim.url();
    // A hidden host session whose own name is hostile: it chats and dials.
    let sender = Api::open(&base, ROOM, HOST_PIN, PAYLOADS[1], true)
        .await
        .expect("a hidden host session");
    let mut sessions = Vec::new();
    let mut places = 0;
    for (i, p) in PAYLOADS.iter().enumerate() {
        match i % 4 {
            // A REST client joins under the name.
            0 => sessions.push(
                Api::open(&base, ROOM, HOST_PIN, p, false)
                    .await
                    .expect("a session with a hostile name"),
            ),
            // An endpoint with no name of its own: its overlay text and URI are shown.
            1 => {
                let uuid = w.add("", Role::Guest);
                w.room(|r| {
                    r.update(&uuid, |m| {
                        m.p.overlay_text = p.to_string();
                        m.p.uri = p.to_string();
                    })
                });
            }
            // A dialled endpoint with a hostile name and destination.
            2 => {
                let mut req = DialRequest::new(format!("sip:{p}"), "sip", Role::Guest);
                req.remote_display_name = Some(p.to_string());
                sender
                    .post::<serde_json::Value>("dial", &req)
                    .await
                    .unwrap_or_else(|e| panic!("dial {p:?}: {e}"));
            }
            _ => {
                let uuid = w.add(p, Role::Guest);
                w.room(|r| r.update(&uuid, |m| m.p.uri = format!("sip:{p}")));
            }
        }
        sender
            .command("message", &MessageRequest::text(*p))
            .await
            .unwrap_or_else(|e| panic!("message {p:?}: {e}"));
        wait_shown(&w, "[data-testid=\"chat-message\"] .chat-text", p, false).await;
        places += 1;
        // A sub-call of the console ends with the payload for its id and its reason.
        w.room(|r| {
            r.bus.emit(&Event::CallDisconnected {
                call_uuid: p.to_string(),
                reason: p.to_string(),
            })
        });
        wait_shown(&w, "[data-testid=\"command-status\"] .status-text", p, true).await;
        places += 1;
    }
    wait_shown(&w, ".chat-origin", PAYLOADS[1], false).await;
    // Every name, overlay text and URI, field for field in the list.
    let rows = w.settle(Duration::from_secs(20)).await;
    places += rows;
    let last = PAYLOADS[PAYLOADS.len() - 1];
    w.sim.state.world().end_session(&me, last);
    wait_shown(&w, "[data-testid=\"session-over-reason\"]", last, true).await;
    places += 1;

    let trap: f64 = w.tab.js("return Number(window.__xss);").await;
    let injected: usize = w
        .tab
        .js("return document.querySelectorAll('[data-xss]').length;")
        .await;
    let refused: Vec<String> = w
        .tab
        .log()
        .await
        .into_iter()
        .map(|l| l.message)
        .filter(|m| {
            m.contains("Refused to execute")
                || m.contains("Refused to run")
                || m.contains("Refused to load the script")
                || m.contains("Refused to frame")
        })
        .collect();
    figure(
        "hostile",
        &format!(
            "{} XSS payloads as display names (REST sessions, endpoints, dialled calls), overlay text, URIs and destinations, chat messages and their sender, sub-call ids and reasons, and a session's disconnect reason: shown literally at {places} places ({rows} list rows field for field); window.__xss = {trap}, injected elements {injected}, script refusals in the browser log {}",
            PAYLOADS.len(),
            refused.len()
        ),
    );
    assert_eq!(trap, 0.0, "a payload ran");
    assert_eq!(injected, 0, "a payload became markup");
    assert!(refused.is_empty(), "markup reached the CSP: {refused:?}");
    drop(sessions);
}
