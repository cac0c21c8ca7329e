//! Cold load: from the start of navigation to an interactive join page, with an empty cache, the
//! built console served by a simulator of its own; ten loads per case, the median printed as
//! `FIGURE` lines, with when the release build's meeting part was in (asked for once the join
//! page is up). The cases: the build as it is and a copy without its preload links, each on
//! loopback and over a link throttled to 10 Mbit/s with 40 ms of latency (where preloading
//! counts). A measurement, not a check: `cargo xtask size` runs it against the release build.

use huikong_protocol::Profile;
use huikong_sim::Config;
use huikong_test_support::harness::{eventually_within, Browser, Env};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

const LOADS: usize = 10;

/// Installed before the page's own scripts (DevTools, so the page's CSP does not apply): notes
/// `performance.now()`, which counts from the start of navigation, when the join button is
/// there and enabled. The console mounts its view with its handlers, so that is interactive.
const WATCH: &str = r#"
new MutationObserver((_, observer) => {
  const submit = document.querySelector('[data-testid="join-submit"]');
  if (submit && !submit.disabled) {
    window.__huikongJoinReady = performance.now();
    observer.disconnect();
  }
}).observe(document, { childList: true, subtree: true, attributes: true });
"#;

/// The modules asked for before the join page was interactive (the release build's meeting
/// part is asked for after it, so it is not among them), the bytes moved by then, and when
/// each step of the load ended: the page, its stylesheets, the module, and `config.json`,
/// which the module asks for as soon as it starts.
const READ: &str = r#"
const ready = window.__huikongJoinReady;
if (ready === undefined) return null;
const all = performance.getEntriesByType('resource').filter(e => e.name.endsWith('.wasm'));
const wasm = all.filter(e => e.startTime < ready);
const later = all.filter(e => e.startTime >= ready);
const paint = performance.getEntriesByName('first-contentful-paint')[0];
const resources = performance.getEntriesByType('resource');
// The join page's own: the meeting page's are asked for with its module (src/app/styles.rs).
const later_css = new Set([...document.querySelectorAll('link[data-meeting-style]')]
  .map(l => l.href));
const css = resources.filter(e => e.name.endsWith('.css') && !later_css.has(e.name));
const config = resources.find(e => e.name.endsWith('/config.json'));
// Bytes over the wire (headers and compressed bodies), the page itself included.
const moved = [...performance.getEntriesByType('navigation'),
  ...performance.getEntriesByType('resource')]
  .filter(e => e.responseEnd <= ready)
  .reduce((sum, e) => sum + e.transferSize, 0);
return {
  ready,
  moved,
  wasm_fetches: wasm.length,
  wasm_start: wasm.length ? wasm[0].startTime : -1,
  wasm_end: wasm.length ? wasm[0].responseEnd : -1,
  first_paint: paint ? paint.startTime : -1,
  later_fetches: later.length,
  html_end: performance.getEntriesByType('navigation')[0].responseEnd,
  css_end: css.length ? Math.max(...css.map(e => e.responseEnd)) : -1,
  config_start: config ? config.startTime : -1,
  config_end: config ? config.responseEnd : -1,
};
"#;

/// When the `arguments[0]` module parts fetched after the join page were all in (-1 if there
/// are none), and the bytes moved by then: null until then (a fetch is listed once it completes).
const LATER: &str = r#"
const ready = window.__huikongJoinReady;
const later = performance.getEntriesByType('resource')
  .filter(e => e.name.endsWith('.wasm') && e.startTime >= ready);
if (later.length < arguments[0]) return null;
const moved = [...performance.getEntriesByType('navigation'),
  ...performance.getEntriesByType('resource')]
  .reduce((sum, e) => sum + e.transferSize, 0);
return { meeting: later.length ? Math.max(...later.map(e => e.responseEnd)) : -1, moved_all: moved };
"#;

/// The module parts split off the first one (xtask/src/split.rs): `.wasm` but not `_bg.wasm`.
fn later_parts(dist: &Path) -> usize {
    std::fs::read_dir(dist)
        .expect("the built console")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".wasm") && !n.ends_with("_bg.wasm"))
        .count()
}

fn figure(text: &str) {
    let _ = writeln!(std::io::stderr(), "FIGURE [cold_load] {text}");
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

/// A copy of the built console whose `index.html` has no `<link rel="preload">` or
/// `rel="modulepreload"`: the module is then found only when boot.js asks for it.
fn without_preload(dist: &Path) -> (PathBuf, usize) {
    let dir = std::env::temp_dir().join(format!("huikong-cold-load-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a temporary dist");
    for entry in std::fs::read_dir(dist)
        .expect("the built console")
        .flatten()
    {
        if entry.path().is_file() {
            std::fs::copy(entry.path(), dir.join(entry.file_name())).expect("copying");
        }
    }
    let html = std::fs::read_to_string(dist.join("index.html")).expect("index.html");
    let (mut out, mut rest, mut removed) = (String::new(), html.as_str(), 0);
    while let Some(at) = rest.find("<link rel=\"") {
        let end = at + rest[at..].find('>').expect("a closed tag") + 1;
        let tag = &rest[at..end];
        out.push_str(&rest[..at]);
        if tag.contains("rel=\"preload\"") || tag.contains("rel=\"modulepreload\"") {
            removed += 1;
        } else {
            out.push_str(tag);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    // The compressed copies of index.html would still carry the links.
    for ext in ["gz", "br"] {
        let _ = std::fs::remove_file(dir.join(format!("index.html.{ext}")));
    }
    std::fs::write(dir.join("index.html"), out).expect("writing index.html");
    (dir, removed)
}

/// Ten cold loads of the console in `dist`.
async fn measure(env: &Env, dist: &Path, throttled: bool) -> Measured {
    let mut config = Config::for_tests(Profile::Public);
    config.dist = Some(dist.to_path_buf());
    let sim = huikong_sim::spawn(config).await.expect("the simulator");
    let browser = Browser::open(env, "cold_load").await;
    browser.cdp("Network.enable", json!({})).await;
    if throttled {
        let link = json!({ "offline": false, "latency": 40,
            "downloadThroughput": 1_250_000, "uploadThroughput": 1_250_000 });
        browser.cdp("Network.emulateNetworkConditions", link).await;
    }
    browser
        .cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": WATCH }),
        )
        .await;
    let parts = later_parts(dist);
    let mut samples: BTreeMap<&'static str, Vec<f64>> = BTreeMap::new();
    for _ in 0..LOADS {
        let client = browser.client();
        client.goto("about:blank").await.expect("a blank page");
        browser.cdp("Network.clearBrowserCache", json!({})).await;
        client
            .goto(&format!("{}/?lang=en", sim.url()))
            .await
            .expect("the console");
        let seen: Value = eventually_within(Duration::from_secs(30), "the join page", || async {
            match client.execute(READ, vec![]).await {
                Ok(Value::Null) => Err("not interactive yet".to_string()),
                Ok(v) => Ok(v),
                Err(e) => Err(e.to_string()),
            }
        })
        .await;
        assert_eq!(
            seen["wasm_fetches"], 1,
            "one module before the join page: {seen}"
        );
        keep(&mut samples, &seen, &READ_KEYS);
        // The meeting part, asked for once the join page is up: in before the next load.
        let at: Value = eventually_within(Duration::from_secs(30), "the meeting part", || async {
            match client.execute(LATER, vec![json!(parts)]).await {
                Ok(Value::Null) => Err("still coming".to_string()),
                Ok(v) => Ok(v),
                Err(e) => Err(e.to_string()),
            }
        })
        .await;
        keep(&mut samples, &at, &["meeting", "moved_all"]);
    }
    drop(browser);
    samples
        .into_iter()
        .map(|(key, values)| (key, median(values)))
        .collect()
}

/// What READ gives of each load: times in ms from the start of navigation (-1 for a step a
/// build does not have), and `moved` in bytes.
const READ_KEYS: [&str; 9] = [
    "ready",
    "moved",
    "wasm_start",
    "wasm_end",
    "first_paint",
    "html_end",
    "css_end",
    "config_start",
    "config_end",
];

/// Adds one load's `keys` from `seen` to the samples.
fn keep(samples: &mut BTreeMap<&'static str, Vec<f64>>, seen: &Value, keys: &[&'static str]) {
    for key in keys {
        let value = seen[*key]
            .as_f64()
            .unwrap_or_else(|| panic!("{key} in {seen}"));
        samples.entry(key).or_default().push(value);
    }
}

/// The medians of one case, by READ's and LATER's keys.
type Measured = BTreeMap<&'static str, f64>;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a measurement: `cargo xtask size` runs it against the release build"]
async fn cold_load_to_an_interactive_join_page() {
    let env = Env::get();
    let (bare, removed) = without_preload(&env.dist);
    assert!(removed > 0, "the build has preload links to compare with");
    for (link, throttled) in [("loopback", false), ("10 Mbit/s, 40 ms", true)] {
        for (case, dist) in [("preload on", env.dist.as_path()), ("preload off", &bare)] {
            let m = measure(&env, dist, throttled).await;
            figure(&format!(
                "{link}, {case}: interactive join page {:.0} ms (median of {LOADS}), \
                 module requested at {:.0} ms, first contentful paint {:.0} ms, \
                 meeting part in at {:.0} ms; bytes moved {:.0} by the join page, {:.0} with \
                 the meeting part",
                m["ready"],
                m["wasm_start"],
                m["first_paint"],
                m["meeting"],
                m["moved"],
                m["moved_all"]
            ));
            figure(&format!(
                "{link}, {case}, where the time goes (medians, ms): page in {:.0}, \
                 the join page's stylesheets in {:.0}, first paint {:.0}, module in {:.0}, \
                 module started (config.json asked) {:.0}, config.json in {:.0}, \
                 join page interactive {:.0}",
                m["html_end"],
                m["css_end"],
                m["first_paint"],
                m["wasm_end"],
                m["config_start"],
                m["config_end"],
                m["ready"]
            ));
        }
    }
    let _ = std::fs::remove_dir_all(&bare);
}
