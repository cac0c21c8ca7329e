//! One Chromium session that also keeps the browser's console log (`goog:loggingPrefs` browser
//! ALL), which the e2e harness's sessions do not: the secrets and malformed-event proofs read it.

use fantoccini::{Client, ClientBuilder, Locator};
use huikong_test_support::harness::{eventually, eventually_within, Env, CHROME_FLAGS};
use huikong_test_support::page::testid_css;
use hyper_util::client::legacy::connect::HttpConnector;
use serde::de::DeserializeOwned;
use serde_json::{json, Map, Value};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Duration;

/// One line of the browser's console log.
#[derive(Debug, Clone)]
pub struct LogLine {
    pub level: String,
    pub message: String,
}

pub struct Tab {
    client: Option<Client>,
    webdriver: String,
    session: String,
    pub base: String,
    test: String,
    artifacts: PathBuf,
    profile_dir: PathBuf,
    /// chromedriver hands each log line out once: every line read so far.
    log: Mutex<Vec<LogLine>>,
}

impl Tab {
    pub async fn open(env: &Env, test: &str, base: String) -> Tab {
        Tab::open_with(env, test, base, &[]).await
    }

    /// A tab whose Chromium gets `extra` flags beside [`CHROME_FLAGS`] (the benchmark's
    /// precise heap figures and `gc()`).
    pub async fn open_with(env: &Env, test: &str, base: String, extra: &[&str]) -> Tab {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let profile_dir =
            std::env::temp_dir().join(format!("huikong-chaos-{}-{n}-{test}", std::process::id()));
        let _ = std::fs::remove_dir_all(&profile_dir);
        let _ = std::fs::create_dir_all(&profile_dir);
        let mut args: Vec<String> = CHROME_FLAGS.iter().map(|s| s.to_string()).collect();
        args.extend(extra.iter().map(|s| s.to_string()));
        args.push(format!("--user-data-dir={}", profile_dir.display()));
        let mut caps = Map::new();
        caps.insert("browserName".into(), json!("chrome"));
        caps.insert(
            "goog:chromeOptions".into(),
            json!({ "binary": env.chrome, "args": args }),
        );
        caps.insert("goog:loggingPrefs".into(), json!({ "browser": "ALL" }));
        let mut last = String::new();
        for _ in 0..3 {
            match ClientBuilder::new(HttpConnector::new())
                .capabilities(caps.clone())
                .connect(&env.webdriver)
                .await
            {
                Ok(client) => {
                    let session = client
                        .session_id()
                        .await
                        .ok()
                        .flatten()
                        .expect("a WebDriver session id");
                    return Tab {
                        client: Some(client),
                        webdriver: env.webdriver.trim_end_matches('/').to_string(),
                        session,
                        base,
                        test: test.to_string(),
                        artifacts: env.artifacts.clone(),
                        profile_dir,
                        log: Mutex::new(Vec::new()),
                    };
                }
                Err(e) => last = e.to_string(),
            }
            tokio::time::sleep(Duration::from_millis(500)).await;
        }
        panic!("no browser session from {}: {last}", env.webdriver);
    }

    /// Runs a DevTools command in the tab's page (chromedriver's `goog/cdp/execute`).
    pub async fn cdp(&self, command: &str, params: Value) -> Value {
        let url = format!(
            "{}/session/{}/goog/cdp/execute",
            self.webdriver, self.session
        );
        let reply: Value = reqwest::Client::new()
            .post(&url)
            .json(&json!({ "cmd": command, "params": params }))
            .send()
            .await
            .unwrap_or_else(|e| panic!("{command}: {e}"))
            .json()
            .await
            .unwrap_or_else(|e| panic!("{command} answered no JSON: {e}"));
        reply["value"].clone()
    }

    pub fn client(&self) -> &Client {
        self.client.as_ref().expect("the browser session is open")
    }

    pub async fn goto(&self, path: &str) {
        let url = format!("{}{}", self.base, path);
        self.client()
            .goto(&url)
            .await
            .unwrap_or_else(|e| panic!("cannot open {url}: {e}"));
    }

    /// Runs a script in the page and decodes what it returns.
    pub async fn js<T: DeserializeOwned>(&self, script: &str) -> T {
        let v = self
            .client()
            .execute(script, vec![])
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"));
        serde_json::from_value(v.clone())
            .unwrap_or_else(|e| panic!("script answered {v} ({e})\n{script}"))
    }

    pub async fn fill(&self, testid: &str, text: &str) {
        let field = eventually(&format!("the field {testid}"), || async {
            let found = self
                .client()
                .find_all(Locator::Css(&testid_css(testid)))
                .await;
            found
                .unwrap_or_default()
                .into_iter()
                .next()
                .ok_or_else(|| "absent".to_string())
        })
        .await;
        field.clear().await.expect("clearing a field");
        field.send_keys(text).await.expect("typing into a field");
    }

    /// Clicks the first element matching `css` once it is there and enabled.
    pub async fn click_css(&self, css: &str) {
        // Mid-page, so that no sticky header lies over it when the click lands.
        let centre = format!(
            "const e = document.querySelector({}); if (e) e.scrollIntoView({{block: 'center'}}); return null;",
            json!(css)
        );
        let _: Option<()> = self.js(&centre).await;
        self.click_locator(Locator::Css(css), css).await
    }

    async fn click_locator(&self, locator: Locator<'_>, what: &str) {
        let el = eventually(&format!("an enabled {what}"), || async {
            let found = self.client().find_all(locator).await.unwrap_or_default();
            for el in found {
                if el.is_enabled().await.unwrap_or(false) {
                    return Ok(el);
                }
            }
            Err("absent or disabled".to_string())
        })
        .await;
        el.click()
            .await
            .unwrap_or_else(|e| panic!("clicking {what}: {e}"));
    }

    /// The attribute `attr` of the first element matching `css`, if both are there.
    pub async fn attr(&self, css: &str, attr: &str) -> Option<String> {
        let script = format!(
            "const e = document.querySelector({}); return e ? e.getAttribute({}) : null;",
            json!(css),
            json!(attr)
        );
        self.js(&script).await
    }

    pub async fn wait_attr_within(&self, limit: Duration, testid: &str, attr: &str, value: &str) {
        let css = testid_css(testid);
        let what = format!("{css} with {attr}={value:?}");
        eventually_within(limit, &what, || async {
            match self.attr(&css, attr).await {
                Some(v) if v == value => Ok(()),
                other => Err(format!("{attr} is {other:?}")),
            }
        })
        .await
    }

    pub async fn wait_attr(&self, testid: &str, attr: &str, value: &str) {
        self.wait_attr_within(huikong_test_support::harness::WAIT, testid, attr, value)
            .await
    }

    /// The connection indicator's state (`live`, `reconnecting`, ...).
    pub async fn conn_state(&self) -> Option<String> {
        self.attr(&testid_css("connection-state"), "data-state")
            .await
    }

    /// Every line the browser has logged since the session started.
    pub async fn log(&self) -> Vec<LogLine> {
        let url = format!("{}/session/{}/se/log", self.webdriver, self.session);
        let answer: Value = reqwest::Client::new()
            .post(&url)
            .json(&json!({ "type": "browser" }))
            .send()
            .await
            .unwrap_or_else(|e| panic!("reading the browser log: {e}"))
            .json()
            .await
            .unwrap_or_else(|e| panic!("the browser log is not JSON: {e}"));
        let fresh: Vec<LogLine> = answer["value"]
            .as_array()
            .unwrap_or_else(|| panic!("chromedriver gave no browser log: {answer}"))
            .iter()
            .map(|e| LogLine {
                level: e["level"].as_str().unwrap_or_default().to_string(),
                message: e["message"].as_str().unwrap_or_default().to_string(),
            })
            .collect();
        let mut log = self.log.lock().expect("the log lock");
        log.extend(fresh);
        log.clone()
    }
}

impl Drop for Tab {
    fn drop(&mut self) {
        let Some(client) = self.client.take() else {
            return;
        };
        let failing = std::thread::panicking();
        let (dir, test) = (self.artifacts.clone(), self.test.clone());
        let finish = async move {
            if failing {
                let _ = std::fs::create_dir_all(&dir);
                if let Ok(png) = client.screenshot().await {
                    let _ = std::fs::write(dir.join(format!("chaos-{test}.png")), png);
                }
                if let Ok(html) = client.source().await {
                    let _ = std::fs::write(dir.join(format!("chaos-{test}.html")), html);
                }
                eprintln!("[{test}] artifacts saved in {}", dir.display());
            }
            let _ = client.close().await;
        };
        match tokio::runtime::Handle::try_current() {
            Ok(handle) => tokio::task::block_in_place(|| handle.block_on(finish)),
            Err(_) => eprintln!("[{}] no runtime to close the browser with", self.test),
        }
        let _ = std::fs::remove_dir_all(&self.profile_dir);
    }
}
