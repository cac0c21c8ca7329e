//! The browser side of every test: where chromedriver and the built console are, one fresh
//! Chromium session per test, polling waits, and the screenshot and HTML of a failing test.

use fantoccini::{Client, ClientBuilder};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Map, Value};
use std::future::Future;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Flags every session starts Chromium with: headless, and nothing that reaches the network.
/// The chaos proofs start their sessions with the same ones.
pub const CHROME_FLAGS: [&str; 10] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--window-size=1280,900",
];

/// How long a wait polls before the test fails, unless a wait says otherwise.
pub const WAIT: Duration = Duration::from_secs(10);
/// Between two looks at the page or the simulator.
const POLL: Duration = Duration::from_millis(50);

/// Where the suite's outside pieces are, from the environment `cargo xtask test` sets.
#[derive(Debug, Clone)]
pub struct Env {
    pub webdriver: String,
    pub dist: PathBuf,
    pub artifacts: PathBuf,
    pub chrome: String,
    /// The simulator's TLS certificate (`cert.pem`, `key.pem`), from `HUIKONG_TLS_DIR`.
    pub tls: Option<PathBuf>,
}

/// The workspace root: this crate is `crates/test-support` in it.
fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .expect("the workspace root")
        .to_path_buf()
}

impl Env {
    /// The environment `cargo xtask` sets. Every browser test is `#[ignore]`d, so that a bare
    /// `cargo test` reports it ignored rather than passed; `cargo xtask test` runs them with
    /// `--include-ignored`. One that runs without this environment anyway (asked for by hand
    /// outside the xtask) fails here and says why: it never passes without having run.
    pub fn get() -> Env {
        Env::find().unwrap_or_else(|why| {
            panic!("this browser test cannot run: {why} (`cargo xtask test` runs the browser tests with what they need; `cargo xtask e2e-env` sets it up for running them by hand)")
        })
    }

    fn find() -> Result<Env, String> {
        let webdriver = std::env::var("HUIKONG_WEBDRIVER_URL").map_err(|_| {
            "HUIKONG_WEBDRIVER_URL is not set (run the browser tests with `cargo xtask test`)"
                .to_string()
        })?;
        let dist = std::env::var_os("HUIKONG_DIST")
            .map(PathBuf::from)
            .unwrap_or_else(|| workspace().join("dist"));
        if !dist.join("index.html").is_file() {
            return Err(format!(
                "no built console at {} (set HUIKONG_DIST or run `trunk build`)",
                dist.display()
            ));
        }
        let artifacts = std::env::var_os("HUIKONG_E2E_ARTIFACTS")
            .map(PathBuf::from)
            .unwrap_or_else(|| workspace().join("target/e2e-artifacts"));
        let chrome =
            std::env::var("HUIKONG_CHROME_BINARY").unwrap_or_else(|_| "/usr/bin/chromium".into());
        let tls = std::env::var_os("HUIKONG_TLS_DIR").map(PathBuf::from);
        Ok(Env {
            webdriver,
            dist,
            artifacts,
            chrome,
            tls,
        })
    }
}

/// A fresh, empty Chromium profile directory, removed with the session.
fn user_data_dir(test: &str) -> PathBuf {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("huikong-e2e-{}-{n}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::create_dir_all(&dir);
    dir
}

fn capabilities(env: &Env, profile_dir: &Path, extra: &[&str]) -> Map<String, Value> {
    let mut args: Vec<String> = CHROME_FLAGS.iter().map(|s| s.to_string()).collect();
    args.extend(extra.iter().map(|s| s.to_string()));
    args.push(format!("--user-data-dir={}", profile_dir.display()));
    let mut caps = Map::new();
    caps.insert("browserName".into(), json!("chrome"));
    caps.insert(
        "goog:chromeOptions".into(),
        json!({ "binary": env.chrome, "args": args }),
    );
    // The page's console, read at the end of each test: a panic of the app fails the test.
    caps.insert("goog:loggingPrefs".into(), json!({ "browser": "ALL" }));
    caps
}

/// One Chromium session. Dropping it closes the browser; if the test is failing, it first
/// saves `<artifacts>/<test>.png`, `.html` and `.log` (the page's console). A test whose page
/// panicked (the app's panic hook writes `panicked at` to the console) fails here.
pub struct Browser {
    client: Option<Client>,
    webdriver: String,
    test: String,
    artifacts: PathBuf,
    profile_dir: PathBuf,
}

impl Browser {
    pub async fn open(env: &Env, test: &str) -> Browser {
        Browser::open_with(env, test, &[]).await
    }

    /// A session whose Chromium gets `extra` flags beside [`CHROME_FLAGS`] (the nginx test's
    /// `--ignore-certificate-errors`, for its throwaway certificate).
    pub async fn open_with(env: &Env, test: &str, extra: &[&str]) -> Browser {
        let profile_dir = user_data_dir(test);
        let mut last = String::new();
        // chromedriver occasionally fails to start a browser on a loaded machine: try again.
        for _ in 0..3 {
            let connected = ClientBuilder::new(HttpConnector::new())
                .capabilities(capabilities(env, &profile_dir, extra))
                .connect(&env.webdriver)
                .await;
            match connected {
                Ok(client) => {
                    return Browser {
                        client: Some(client),
                        webdriver: env.webdriver.clone(),
                        test: test.to_string(),
                        artifacts: env.artifacts.clone(),
                        profile_dir,
                    };
                }
                Err(e) => last = e.to_string(),
            }
            tokio::time::sleep(Duration::from_millis(500)).await;
        }
        panic!("no browser session from {}: {last}", env.webdriver);
    }

    pub fn client(&self) -> &Client {
        self.client.as_ref().expect("the browser session is open")
    }

    /// Runs a DevTools command in the session's page (chromedriver's `goog/cdp/execute`):
    /// what WebDriver has no command for (the cache, network throttling, a script before the
    /// page's own).
    pub async fn cdp(&self, command: &str, params: Value) -> Value {
        let id = self
            .client()
            .session_id()
            .await
            .ok()
            .flatten()
            .expect("the session's id");
        let reply = reqwest::Client::new()
            .post(format!("{}/session/{id}/goog/cdp/execute", self.webdriver))
            .json(&json!({ "cmd": command, "params": params }))
            .send()
            .await
            .unwrap_or_else(|e| panic!("{command}: {e}"));
        let status = reply.status();
        let body: Value = reply.json().await.unwrap_or_default();
        assert!(status.is_success(), "{command} refused ({status}): {body}");
        body["value"].clone()
    }

    /// The page's console messages since the last look (chromedriver's log endpoint).
    pub async fn console_log(&self) -> Vec<String> {
        Browser::read_console_log(self.client(), &self.webdriver).await
    }

    async fn read_console_log(client: &Client, webdriver: &str) -> Vec<String> {
        let Ok(Some(id)) = client.session_id().await else {
            return Vec::new();
        };
        let sent = reqwest::Client::new()
            .post(format!("{webdriver}/session/{id}/se/log"))
            .json(&json!({ "type": "browser" }))
            .send()
            .await;
        let Ok(reply) = sent else {
            return Vec::new();
        };
        let body: Value = reply.json().await.unwrap_or_default();
        let entries = body["value"].as_array().cloned().unwrap_or_default();
        entries
            .iter()
            .map(|e| {
                let level = e["level"].as_str().unwrap_or("?");
                let message = e["message"].as_str().unwrap_or_default();
                format!("{level} {message}")
            })
            .collect()
    }

    async fn save_artifacts(client: &Client, dir: &Path, test: &str, log: &[String]) {
        let _ = std::fs::create_dir_all(dir);
        let _ = std::fs::write(dir.join(format!("{test}.log")), log.join("\n"));
        match client.screenshot().await {
            Ok(png) => {
                let _ = std::fs::write(dir.join(format!("{test}.png")), png);
            }
            Err(e) => eprintln!("[{test}] no screenshot: {e}"),
        }
        match client.source().await {
            Ok(html) => {
                let _ = std::fs::write(dir.join(format!("{test}.html")), html);
            }
            Err(e) => eprintln!("[{test}] no page source: {e}"),
        }
        eprintln!("[{test}] artifacts saved in {}", dir.display());
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let Some(client) = self.client.take() else {
            return;
        };
        let failing = std::thread::panicking();
        let (dir, test) = (self.artifacts.clone(), self.test.clone());
        let webdriver = self.webdriver.clone();
        let finish = async move {
            let log = Browser::read_console_log(&client, &webdriver).await;
            let panic = log.iter().find(|l| l.contains("panicked at")).cloned();
            if failing || panic.is_some() {
                Browser::save_artifacts(&client, &dir, &test, &log).await;
            }
            let _ = client.close().await;
            panic
        };
        // Drop cannot await: leave the runtime's context and drive the futures on it. The
        // tests run on a multi-threaded runtime, whose workers keep the session's task going.
        let panic = match tokio::runtime::Handle::try_current() {
            Ok(handle) => tokio::task::block_in_place(|| handle.block_on(finish)),
            Err(_) => {
                eprintln!("[{}] no runtime to close the browser with", self.test);
                None
            }
        };
        let _ = std::fs::remove_dir_all(&self.profile_dir);
        if let (Some(p), false) = (panic, failing) {
            panic!("the console panicked in the browser: {p}");
        }
    }
}

/// Polls `check` until it gives `Ok`, or fails the test after `limit` with the last reason it
/// gave for not being ready yet.
pub async fn eventually_within<T, F, Fut>(limit: Duration, what: &str, mut check: F) -> T
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, String>>,
{
    let start = Instant::now();
    loop {
        match check().await {
            Ok(v) => return v,
            Err(why) if start.elapsed() >= limit => {
                panic!("timed out after {limit:?} waiting for {what}: {why}")
            }
            Err(_) => tokio::time::sleep(POLL).await,
        }
    }
}

/// [`eventually_within`] the default [`WAIT`].
pub async fn eventually<T, F, Fut>(what: &str, check: F) -> T
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, String>>,
{
    eventually_within(WAIT, what, check).await
}

/// Holds `check` true for `span`, polling: a state that must not change (a refused command).
pub async fn stays<F, Fut>(span: Duration, what: &str, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<(), String>>,
{
    let start = Instant::now();
    while start.elapsed() < span {
        if let Err(why) = check().await {
            panic!("{what} did not hold: {why}");
        }
        tokio::time::sleep(POLL).await;
    }
}

/// axe-core's script, read from `HUIKONG_AXE_CORE` (`cargo xtask test e2e` installs it from npm
/// and sets it), for the accessibility checks to inject into a page.
pub fn axe_core_script() -> String {
    let path = std::env::var_os("HUIKONG_AXE_CORE")
        .expect("HUIKONG_AXE_CORE is not set: run the browser tests with `cargo xtask test e2e`");
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "cannot read axe-core at {}: {e}",
            Path::new(&path).display()
        )
    })
}
