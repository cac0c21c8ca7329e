//! docs/deploy.md's nginx configuration, as written there, on Debian's nginx: `cargo xtask test
//! nginx` reads the two server blocks from the doc, fills in free ports of 127.0.0.1, a
//! throwaway certificate and a web root holding the release build, starts nginx and the
//! simulator behind it, and runs these tests (ignored otherwise) with the addresses below.
//! Here: the console joins the demo room through nginx and a mute reaches the simulator, the
//! example portal drives it, and a portal at another origin is refused by `frame-ancestors`.
//! `nginx_headers` checks what each file is served with.

use crate::ctx::{CONSOLE, HOST_PIN, ROOM};
use huikong_test_support::api::Api;
use huikong_test_support::harness::{eventually, stays, Browser, Env};
use huikong_test_support::page::{testid_css, Page};
use std::path::PathBuf;
use std::time::Duration;

/// Where `cargo xtask test nginx` put everything.
pub struct Nginx {
    /// `https://127.0.0.1:port/tools/huikong/`: the console behind nginx.
    pub console: String,
    /// `https://127.0.0.1:port`: the simulator behind nginx, config.json's `api_server`.
    pub api: String,
    /// `http://127.0.0.1:port`: the simulator itself, for the test's own observer.
    pub sim: String,
    /// The example portal at the origin config.json and `frame-ancestors` allow.
    pub portal: String,
    /// The same page at another origin (127.0.0.1 instead of localhost).
    pub foreign_portal: String,
    /// The release build nginx serves a copy of.
    pub dist: PathBuf,
    /// Whether nginx has the brotli module loaded (the doc's `brotli_static on;` in force).
    pub brotli: bool,
}

fn var(name: &str) -> String {
    std::env::var(name)
        .unwrap_or_else(|_| panic!("{name} is not set: `cargo xtask test nginx` runs this test"))
}

impl Nginx {
    pub fn get() -> Nginx {
        Nginx {
            console: var("HUIKONG_NGINX_CONSOLE"),
            api: var("HUIKONG_NGINX_API"),
            sim: var("HUIKONG_NGINX_SIM"),
            portal: var("HUIKONG_NGINX_PORTAL"),
            foreign_portal: var("HUIKONG_NGINX_FOREIGN_PORTAL"),
            dist: PathBuf::from(var("HUIKONG_NGINX_DIST")),
            brotli: var("HUIKONG_NGINX_BROTLI") == "1",
        }
    }

    /// A browser that accepts the throwaway certificate, on the console behind nginx.
    async fn page(&self, test: &str) -> Page {
        let env = Env::get();
        let browser = Browser::open_with(&env, test, &["--ignore-certificate-errors"]).await;
        Page {
            browser,
            base: self.console.trim_end_matches('/').to_string(),
        }
    }

    async fn observer(&self) -> Api {
        Api::open(&self.sim, ROOM, HOST_PIN, "E2E observer", true)
            .await
            .unwrap_or_else(|e| panic!("the observer's new_session: {e}"))
    }

    /// The example portal (at `portal`) loading the console with `query`.
    fn portal_url(&self, portal: &str, query: &str) -> String {
        format!("{portal}?console={}&autoload=1&{query}", self.console)
    }
}

/// The value of the join form's field, once it has one.
async fn value_of(page: &Page, testid: &str) -> String {
    eventually(&format!("{testid} to have a value"), || async {
        let field = page.testid(testid).await;
        match field.prop("value").await.map_err(|e| e.to_string())? {
            Some(v) if !v.is_empty() => Ok(v),
            other => Err(format!("it holds {other:?}")),
        }
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs nginx: `cargo xtask test nginx` runs it"]
async fn the_console_behind_nginx_joins_and_a_mute_reaches_the_simulator() {
    let nginx = Nginx::get();
    let page = nginx.page("nginx_join").await;
    page.goto("/?lang=en").await;
    // config.json's API server: the simulator behind nginx, over TLS.
    assert_eq!(value_of(&page, "join-server").await, nginx.api);
    page.fill("join-conference", ROOM).await;
    page.fill("join-pin", HOST_PIN).await;
    page.fill("join-name", CONSOLE).await;
    page.testid("join-submit").await.click().await.unwrap();
    page.wait_attr("connection-state", "data-state", "live")
        .await;
    let api = nginx.observer().await;
    eventually("the simulator to list the console", || async {
        api.named(CONSOLE).await.ok_or("not listed".to_string())
    })
    .await;
    // A guest of the demo room's cast, who stays for the whole meeting.
    let guest = api.named("王芳").await.expect("王芳 in the demo room");
    let verb = if guest.is_muted { "Unmute" } else { "Mute" };
    page.click(&format!("{verb} 王芳")).await;
    eventually("the mute to reach the simulator", || async {
        let now = api.participant(&guest.uuid).await.ok_or("gone")?;
        match now.is_muted != guest.is_muted {
            true => Ok(()),
            false => Err(format!("is_muted still {}", now.is_muted)),
        }
    })
    .await;
    page.wait_status(&format!("{verb} 王芳: done")).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs nginx: `cargo xtask test nginx` runs it"]
async fn the_example_portal_drives_the_console_behind_nginx() {
    let nginx = Nginx::get();
    let page = nginx.page("nginx_portal").await;
    let url = nginx.portal_url(&nginx.portal, "conference=1061&name=Portal%20Host&lang=en");
    page.client().goto(&url).await.expect("the portal");
    page.wait_attr_css("body", "data-state", "ready").await;
    page.fill("portal-pin", HOST_PIN).await;
    page.testid("portal-join").await.click().await.unwrap();
    page.wait_attr_css("body", "data-state", "joined").await;
    let api = nginx.observer().await;
    eventually("the simulator to list the portal's console", || async {
        api.named("Portal Host")
            .await
            .ok_or("not listed".to_string())
    })
    .await;
    page.testid("portal-leave").await.click().await.unwrap();
    page.wait_attr_css("body", "data-state", "left").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs nginx: `cargo xtask test nginx` runs it"]
async fn a_portal_at_another_origin_is_refused_by_frame_ancestors() {
    let nginx = Nginx::get();
    let page = nginx.page("nginx_foreign").await;
    let url = nginx.portal_url(&nginx.foreign_portal, "conference=1061&lang=en");
    page.client().goto(&url).await.expect("the foreign portal");
    page.testid("portal-frame").await;
    let refused = eventually("the browser to refuse the frame", || async {
        let log = page.browser.console_log().await;
        log.into_iter()
            .find(|l| l.contains("frame-ancestors"))
            .ok_or("no refusal logged yet".to_string())
    })
    .await;
    assert!(
        refused.contains(nginx.console.trim_end_matches("tools/huikong/")),
        "the refusal names the console: {refused}"
    );
    // The console never started in the frame: no `ready` reached the portal.
    stays(
        Duration::from_secs(2),
        "the portal still loading",
        || async {
            let state = page.css("body").await.attr("data-state").await;
            match state.map_err(|e| e.to_string())?.as_deref() {
                Some("loading") => Ok(()),
                other => Err(format!("the portal is {other:?}")),
            }
        },
    )
    .await;
    let frame = page.testid("portal-frame").await;
    frame.enter_frame().await.expect("the frame");
    assert!(page.all_css(&testid_css("boot")).await.is_empty());
    assert!(page.all_css(&testid_css("join-submit")).await.is_empty());
}

/// A host who types an API server the hosting header's `connect-src` does not list is told
/// that the page's own policy refused it, not that the server refused the page (CORS).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs nginx: `cargo xtask test nginx` runs it"]
async fn an_api_server_outside_connect_src_is_named_as_the_pages_policy() {
    let nginx = Nginx::get();
    let page = nginx.page("nginx_csp").await;
    // The same simulator behind nginx under another name: another origin, not in connect-src
    // (https, so mixed content plays no part).
    let elsewhere = nginx.api.replace("127.0.0.1", "localhost");
    assert_ne!(elsewhere, nginx.api);
    for (lang, says) in [("en", "Content-Security-Policy"), ("zh", "内容安全策略")] {
        page.goto(&format!("/?lang={lang}")).await;
        value_of(&page, "join-server").await;
        page.fill("join-server", &elsewhere).await;
        page.fill("join-conference", ROOM).await;
        page.fill("join-pin", HOST_PIN).await;
        page.fill("join-name", CONSOLE).await;
        page.testid("join-submit").await.click().await.unwrap();
        let error = page.wait_text("join-error", says).await;
        assert!(error.contains(&elsewhere), "{error}");
        assert!(!error.contains("CORS"), "{error}");
    }
}
