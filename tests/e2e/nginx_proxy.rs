//! docs/deploy.md's same-origin proxy, its block as written there, on Debian's nginx (`cargo
//! xtask test nginx` fills in the ports and starts everything; ignored otherwise). Behind it a
//! simulator that allows no other origin (`--no-cors`) and names itself as the conference node
//! (`--node-name`): the console calling it directly is told the platform refuses its origin;
//! the console under `platform_proxy` joins, mutes, follows the event stream through a drop
//! the simulator forces and shows the presentation; a node outside the pattern is refused with
//! 403 and never connected to; neither nginx log holds the token or the PIN.

use crate::ctx::{CONSOLE, HOST_PIN, ROOM};
use crate::nginx::Nginx;
use huikong_test_support::api::Api;
use huikong_test_support::harness::{eventually, eventually_within, Browser, Env};
use huikong_test_support::page::{testid_css, Page};
use std::net::TcpListener;
use std::process::Command;
use std::time::Duration;

/// What `cargo xtask test nginx` set up for the proxy.
struct Proxy {
    /// `https://127.0.0.1:port/tools/huikong/`: the console behind the proxy's block.
    console: String,
    /// `https://127.0.0.1:port`: the proxy's origin.
    origin: String,
    /// `http://127.0.0.1:port`: the platform without CORS, for the test's own calls.
    platform: String,
    /// `127.0.0.1:port`: the node it names, the one the block's pattern allows.
    node: String,
    /// nginx's log directory.
    logs: String,
}

fn var(name: &str) -> String {
    std::env::var(name)
        .unwrap_or_else(|_| panic!("{name} is not set: `cargo xtask test nginx` runs this test"))
}

impl Proxy {
    fn get() -> Proxy {
        let console = var("HUIKONG_NGINX_PROXY_CONSOLE");
        let origin = console.trim_end_matches("/tools/huikong/").to_string();
        Proxy {
            console,
            origin,
            platform: var("HUIKONG_NGINX_PLATFORM"),
            node: var("HUIKONG_NGINX_NODE"),
            logs: var("HUIKONG_NGINX_LOGS"),
        }
    }

    async fn observer(&self) -> Api {
        Api::open(&self.platform, ROOM, HOST_PIN, "E2E observer", true)
            .await
            .unwrap_or_else(|e| panic!("the observer's new_session: {e}"))
    }
}

/// A browser that accepts the throwaway certificate, on the console at `console`.
async fn page_at(console: &str, test: &str) -> Page {
    let env = Env::get();
    let browser = Browser::open_with(&env, test, &["--ignore-certificate-errors"]).await;
    Page {
        browser,
        base: console.trim_end_matches('/').to_string(),
    }
}

/// `curl` with `method` on `url`: the status and the body.
fn curl(method: &str, url: &str) -> (u16, String) {
    let out = Command::new("curl")
        .args(["-sS", "-k", "-X", method, "-o", "-", "-w", "\n%{http_code}"])
        .arg(url)
        .output()
        .expect("curl runs");
    assert!(out.status.success(), "curl {url}: {out:?}");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let (body, code) = text.rsplit_once('\n').unwrap_or(("", &text));
    (code.trim().parse().unwrap_or(0), body.to_string())
}

/// A header of `url`'s answer (curl's `-D`), in lower case name.
fn header(url: &str, name: &str) -> String {
    let out = Command::new("curl")
        .args(["-sS", "-k", "-o", "/dev/null", "-D", "-"])
        .arg(url)
        .output()
        .expect("curl runs");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.split_once(':'))
        .find(|(n, _)| n.trim().eq_ignore_ascii_case(name))
        .map(|(_, v)| v.trim().to_string())
        .unwrap_or_default()
}

async fn fill_join(page: &Page) {
    page.fill("join-conference", ROOM).await;
    page.fill("join-pin", HOST_PIN).await;
    page.fill("join-name", CONSOLE).await;
    page.testid("join-submit").await.click().await.unwrap();
}

/// The longest run of hexadecimal digits in `text`: a token is 64 of them.
fn longest_hex_run(text: &str) -> usize {
    let (mut best, mut run) = (0, 0);
    for c in text.chars() {
        run = if c.is_ascii_hexdigit() { run + 1 } else { 0 };
        best = best.max(run);
    }
    best
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs nginx: `cargo xtask test nginx` runs it"]
async fn calling_a_platform_without_cors_directly_fails_with_the_consoles_message() {
    let nginx = Nginx::get();
    let proxy = Proxy::get();
    let page = page_at(&nginx.console, "nginx_proxy_direct").await;
    page.goto("/?lang=en").await;
    page.wait_attr("join-route", "data-mode", "direct").await;
    page.wait_text("join-route", "Directly to the API server")
        .await;
    page.fill("join-server", &proxy.platform).await;
    fill_join(&page).await;
    let error = page
        .wait_text("join-error", "refuses requests from this page's origin")
        .await;
    assert!(error.contains(&proxy.platform), "{error}");
    assert!(error.contains("CORS"), "{error}");
    assert!(!error.contains("Content-Security-Policy"), "{error}");
    // And nobody joined.
    let api = proxy.observer().await;
    assert!(api.named(CONSOLE).await.is_none());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs nginx: `cargo xtask test nginx` runs it"]
async fn through_the_proxy_the_console_joins_mutes_follows_a_drop_and_shows_the_presentation() {
    let proxy = Proxy::get();
    // The page's header allows no server but its own.
    let csp = header(&proxy.console, "content-security-policy");
    assert!(csp.contains("connect-src 'self';"), "{csp}");
    let page = page_at(&proxy.console, "nginx_proxy_join").await;
    page.goto("/?lang=en").await;
    page.wait_attr("join-route", "data-mode", "proxy").await;
    let said = page.wait_text("join-route", "/platform/").await;
    assert!(said.contains("this site's proxy"), "{said}");
    assert!(page.all_css(&testid_css("join-server")).await.is_empty());
    fill_join(&page).await;
    page.wait_attr("connection-state", "data-state", "live")
        .await;
    let api = proxy.observer().await;
    eventually("the platform to list the console", || async {
        api.named(CONSOLE).await.ok_or("not listed".to_string())
    })
    .await;

    // A participant's mute, through the node's route.
    let guest = api.named("王芳").await.expect("王芳 in the demo room");
    let verb = if guest.is_muted { "Unmute" } else { "Mute" };
    page.click(&format!("{verb} 王芳")).await;
    eventually("the mute to reach the platform", || async {
        let now = api.participant(&guest.uuid).await.ok_or("gone")?;
        match now.is_muted != guest.is_muted {
            true => Ok(()),
            false => Err(format!("is_muted still {}", now.is_muted)),
        }
    })
    .await;
    page.wait_status(&format!("{verb} 王芳: done")).await;

    // The platform drops the event stream; the console reconnects through the proxy and
    // follows what happens after.
    let (status, dropped) = curl("POST", &format!("{}/_admin/drop-streams", proxy.platform));
    assert_eq!(status, 200, "{dropped}");
    let dropped: serde_json::Value = serde_json::from_str(&dropped).expect("JSON");
    assert!(dropped["dropped"].as_u64() >= Some(1), "{dropped}");
    let back = if guest.is_muted { "mute" } else { "unmute" };
    api.command(
        &format!("participants/{}/{back}", guest.uuid),
        &serde_json::json!({}),
    )
    .await
    .expect("a change after the drop");
    page.button(&format!("{verb} 王芳")).await;
    page.wait_attr("connection-state", "data-state", "live")
        .await;

    // The demo's presentation (half of every minute), fetched through the proxy with the token.
    page.open_panel("presentation").await;
    let src = eventually_within(
        Duration::from_secs(80),
        "a decoded presentation image",
        || async {
            let js = "const i = document.querySelector('[data-testid=presentation-thumbnail]'); \
                      return i && i.complete && i.naturalWidth > 0 ? i.src : '';";
            let src = page.client().execute(js, vec![]).await;
            match src.ok().and_then(|s| s.as_str().map(str::to_owned)) {
                Some(s) if !s.is_empty() => Ok(s),
                other => Err(format!("not yet: {other:?}")),
            }
        },
    )
    .await;
    assert!(src.starts_with("blob:"), "{src}");

    // What nginx logged of it all: the platform's calls, never a token or the PIN.
    let mut platform_log = String::new();
    for entry in std::fs::read_dir(&proxy.logs)
        .expect("nginx's logs")
        .flatten()
    {
        let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
        let name = entry.file_name().to_string_lossy().into_owned();
        assert!(!text.contains(HOST_PIN), "the PIN in {name}");
        assert!(
            longest_hex_run(&text) < 32,
            "something like a token in {name}"
        );
        if name.contains("platform") {
            platform_log.push_str(&text);
        }
    }
    assert!(
        platform_log.contains("POST /platform/api/v3/meet/checkJoin.shtml"),
        "{platform_log}"
    );
    let node_line = format!("node=\"{}\"", proxy.node);
    // The console's own mute (the observer's change after the drop went to the platform).
    let mute = format!("/{}", verb.to_lowercase());
    for call in ["new_session", "events", "presentation.jpeg", &mute] {
        assert!(
            platform_log
                .lines()
                .any(|l| l.contains(call) && l.contains(&node_line)),
            "no {call} through the node's route in {platform_log}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs nginx: `cargo xtask test nginx` runs it"]
async fn a_node_outside_the_pattern_is_refused_and_never_reached() {
    let proxy = Proxy::get();
    // A host that would answer: nothing may connect to it.
    let trap = TcpListener::bind("127.0.0.1:0").expect("a free port");
    trap.set_nonblocking(true).unwrap();
    let trap_node = trap.local_addr().unwrap().to_string();
    let (_, port) = proxy.node.rsplit_once(':').unwrap();
    for node in [
        trap_node.clone(),
        format!("localhost:{port}"),
        format!("{}.evil.example", proxy.node),
        format!("{}@{trap_node}", proxy.node),
        format!("x{}", proxy.node),
    ] {
        let url = format!(
            "{}/platform/node/{node}/api/services/{ROOM}/participants",
            proxy.origin
        );
        let (status, body) = curl("GET", &url);
        assert_eq!(status, 403, "{url}: {body}");
        assert!(body.contains("nginx"), "nginx's own refusal: {body}");
    }
    // The allowed node answers as the platform does: its JSON envelope (no token given, so a
    // refusal, but the platform's own).
    let url = format!(
        "{}/platform/node/{}/api/services/{ROOM}/participants",
        proxy.origin, proxy.node
    );
    let (status, body) = curl("GET", &url);
    assert!(!body.contains("nginx"), "{status}: {body}");
    assert!(
        serde_json::from_str::<serde_json::Value>(&body).is_ok(),
        "{status}: {body}"
    );
    // Nothing but the API under the proxy's path, and no way out of it.
    for path in [
        "/platform/",
        "/platform/node/".to_string().as_str(),
        &format!(
            "/platform/node/{}/api/services/../../../_admin/state/{ROOM}",
            proxy.node
        ),
        &format!("/platform/node/{}/_admin/state/{ROOM}", proxy.node),
    ] {
        let (status, body) = curl("GET", &format!("{}{path}", proxy.origin));
        assert!(
            status == 404 || status == 403 || status == 400,
            "{path}: {status} {body}"
        );
    }
    std::thread::sleep(Duration::from_millis(300));
    match trap.accept() {
        Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
        other => panic!("nginx connected to a node outside the pattern: {other:?}"),
    }
}
