//! `cargo xtask bench`'s browser side: one page (the console, the console with a venue list,
//! or the hand-written reference page) joined to a simulator the xtask started (release build, `large:N`, admin on), measured
//! in the page, the figures written as JSON for the xtask's table. Ignored: only the xtask,
//! which sets `HUIKONG_BENCH_*`, runs it. A benchmark: it asserts only that each step happened.

use crate::bench_js as js;
use crate::tab::Tab;
use crate::world::{HOST_PIN, ROOM, ROOM_ALIAS};
use huikong_test_support::harness::Env;
use serde::de::DeserializeOwned;
use serde_json::{json, Map, Value};
use std::time::Duration;

/// The name both pages join with.
const ME: &str = "Bench";
const UPDATES: usize = 30;

struct Setup {
    sim: String,
    page: String,
    size: usize,
    storm: Duration,
    out: String,
}

fn setup() -> Setup {
    let var = |k: &str| {
        std::env::var(k).unwrap_or_else(|_| panic!("{k} is not set: `cargo xtask bench` runs this"))
    };
    Setup {
        sim: var("HUIKONG_BENCH_SIM"),
        page: var("HUIKONG_BENCH_PAGE"),
        size: var("HUIKONG_BENCH_SIZE").parse().expect("a size"),
        storm: Duration::from_secs(var("HUIKONG_BENCH_STORM_SECS").parse().expect("seconds")),
        out: var("HUIKONG_BENCH_OUT"),
    }
}

/// Runs an asynchronous in-page script; a string answer is the script's failure.
async fn run<T: DeserializeOwned>(tab: &Tab, what: &str, script: &str, args: Vec<Value>) -> T {
    let v = tab
        .client()
        .execute_async(script, args)
        .await
        .unwrap_or_else(|e| panic!("{what}: {e}"));
    if let Some(failure) = v.as_str() {
        panic!("{what}: {failure}");
    }
    serde_json::from_value(v.clone()).unwrap_or_else(|e| panic!("{what} answered {v} ({e})"))
}

/// A hidden host session of the benchmark's own, whose commands the update figure times.
async fn own_token(http: &reqwest::Client, sim: &str) -> String {
    let v: Value = http
        .post(format!("{sim}/api/services/{ROOM_ALIAS}/new_session"))
        .header("pin", HOST_PIN)
        .json(&json!({ "display_name": "bench driver", "hideme": "yes" }))
        .send()
        .await
        .expect("new_session")
        .json()
        .await
        .expect("new_session's answer");
    v["result"]["token"].as_str().expect("a token").to_owned()
}

/// A venue list of `n` for the room as the bench finds it: nine in ten named as participants
/// (their addresses are not the participants', so each is matched the costliest way, by name
/// after the address and the alias fail), the rest absent. None is called automatically, so the
/// storm's leaves are not redialled: the figure is the list's cost on the roster's path.
async fn venue_list(http: &reqwest::Client, sim: &str, n: usize) -> String {
    let token = own_token(http, sim).await;
    let v: Value = http
        .get(format!("{sim}/api/services/{ROOM_ALIAS}/participants"))
        .header("token", token)
        .send()
        .await
        .expect("participants")
        .json()
        .await
        .expect("participants' answer");
    let names: Vec<&str> = v["result"]
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|p| p["display_name"].as_str())
        .collect();
    let present = (n * 9 / 10).min(names.len());
    let step = names.len() / present.max(1);
    let venues: Vec<Value> = (0..n)
        .map(|i| {
            let name = match i < present {
                true => names[i * step].to_owned(),
                false => format!("缺席会场 {i:04}"),
            };
            json!({
                "number": i + 1,
                "name": name,
                "address": format!("sip:venue-{i:04}@bench.huikong.local"),
                "auto_call": false,
            })
        })
        .collect();
    json!({ "venues": venues }).to_string()
}

async fn churn(http: &reqwest::Client, sim: &str, rate: f64) {
    let r = http
        .put(format!("{sim}/_admin/churn"))
        .json(&json!({ "rate": rate }))
        .send()
        .await
        .expect("PUT /_admin/churn");
    assert!(r.status().is_success(), "churn refused: {}", r.status());
}

/// The nearest-rank percentile of unsorted values.
fn percentile(values: &[f64], p: f64) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    if v.is_empty() {
        return 0.0;
    }
    let rank = (p / 100.0 * v.len() as f64).ceil() as usize;
    v[rank.clamp(1, v.len()) - 1]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a benchmark: `cargo xtask bench` runs it against a release simulator"]
async fn bench_one_page() {
    let s = setup();
    let env = Env::get();
    let extra = ["--enable-precise-memory-info", "--js-flags=--expose-gc"];
    let tab = Tab::open_with(&env, "bench", s.sim.clone(), &extra).await;
    let timeouts = fantoccini::wd::TimeoutConfiguration::new(
        Some(Duration::from_secs(300)),
        Some(Duration::from_secs(60)),
        Some(Duration::ZERO),
    );
    tab.client()
        .update_timeouts(timeouts)
        .await
        .expect("timeouts");
    let http = reqwest::Client::new();
    let mut f = Map::new();
    let path = if s.page == "reference" {
        "/reference/index.html?lang=en"
    } else {
        "/?lang=en"
    };
    if let Some(n) = s.page.strip_prefix("venues") {
        let list = venue_list(&http, &s.sim, n.parse().expect("venues<N>")).await;
        let store = format!(
            "try {{ localStorage.setItem('huikong.venues.{ROOM}', {}); }} catch (e) {{}}",
            serde_json::to_string(&list).expect("JSON")
        );
        tab.cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": store }),
        )
        .await;
    }
    tab.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": js::BEFORE_PAGE }),
    )
    .await;
    // The rows the host chose, not the default of a short window: the console starts dense
    // below 760 px, and the bench compares the same rows run to run.
    tab.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": "try { localStorage.setItem('huikong.dense', '0'); } catch (e) {}" }),
    )
    .await;
    tab.goto(path).await;
    tab.fill("join-conference", ROOM).await;
    tab.fill("join-pin", HOST_PIN).await;
    tab.fill("join-name", ME).await;
    let _: Option<()> = tab.js(js::HELPERS).await;
    // The full list: every participant of `large:N` and the page itself, give or take the
    // living scenario's comings and goings.
    let least = s.size * 98 / 100;
    let (join, sync): (f64, f64) = run(&tab, "join", js::JOIN, vec![json!(least)]).await;
    f.insert("join_ms".into(), json!(join));
    f.insert("sync_ms".into(), json!(sync));
    tokio::time::sleep(Duration::from_secs(2)).await;
    let (nodes, rows): (u64, u64) = tab.js(js::DOM).await;
    f.insert("dom_nodes".into(), json!(nodes));
    f.insert("dom_rows".into(), json!(rows));

    updates(&tab, &http, &s, &mut f).await;
    let all: String = tab
        .js("return document.querySelector('[data-testid=\"participant-row\"]').getAttribute('aria-setsize');")
        .await;
    let query = format!("{:04}", s.size - 10);
    let (narrow, clear): (f64, f64) =
        run(&tab, "search", js::SEARCH, vec![json!(query), json!(all)]).await;
    f.insert("search_ms".into(), json!(narrow));
    f.insert("clear_ms".into(), json!(clear));
    let sort: f64 = run(&tab, "sort", js::SORT, vec![]).await;
    f.insert("sort_ms".into(), json!(sort));
    let lang: f64 = run(&tab, "language", js::LANGUAGE, vec![]).await;
    f.insert("language_ms".into(), json!(lang));
    let (frames, dropped, worst, last, size): (u64, u64, f64, u64, u64) =
        run(&tab, "scroll", js::SCROLL, vec![]).await;
    assert_eq!(
        last, size,
        "scrolled to the bottom, the last row is in the page"
    );
    f.insert("scroll_frames".into(), json!(frames));
    f.insert("scroll_dropped".into(), json!(dropped));
    f.insert("scroll_worst_gap_ms".into(), json!(worst));

    storm(&tab, &http, &s, &mut f).await;
    let text = serde_json::to_string_pretty(&Value::Object(f)).expect("JSON");
    std::fs::write(&s.out, text).unwrap_or_else(|e| panic!("writing {}: {e}", s.out));
}

/// Mutes and unmutes rows in view, one at a time: p50 and p95 from command to painted row.
async fn updates(tab: &Tab, http: &reqwest::Client, s: &Setup, f: &mut Map<String, Value>) {
    let token = own_token(http, &s.sim).await;
    let base = format!("{}/api/services/{ROOM_ALIAS}/", s.sim);
    let targets: Vec<(String, String)> = tab
        .js(&format!(
            "return window.__bench.rows().filter(r => window.__bench.name(r) !== {me:?} && Number(r.getAttribute('aria-posinset')) <= 6).map(r => [r.dataset.uuid, r.dataset.muted]);",
            me = ME
        ))
        .await;
    assert!(!targets.is_empty(), "rows in view to change");
    let mut times = Vec::with_capacity(UPDATES);
    let mut muted: Vec<bool> = targets.iter().map(|t| t.1 == "true").collect();
    for i in 0..UPDATES {
        let k = i % targets.len();
        muted[k] = !muted[k];
        let args = vec![
            json!(token),
            json!(base),
            json!(targets[k].0),
            json!(muted[k]),
        ];
        times.push(run::<f64>(tab, "update", js::UPDATE, args).await);
    }
    f.insert("update_p50_ms".into(), json!(percentile(&times, 50.0)));
    f.insert("update_p95_ms".into(), json!(percentile(&times, 95.0)));
}

/// The churn at 500 changes a second for the storm's length: frame gaps, long tasks, heap.
async fn storm(tab: &Tab, http: &reqwest::Client, s: &Setup, f: &mut Map<String, Value>) {
    let _: Option<()> = tab.js(js::STORM_START).await;
    churn(http, &s.sim, 500.0).await;
    tokio::time::sleep(s.storm).await;
    churn(http, &s.sim, 0.0).await;
    // The last events drain and the leaves' newcomers come in.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let (gaps, long, heap0, heap1): (Vec<f64>, Vec<f64>, f64, f64) = tab.js(js::STORM_END).await;
    assert!(!gaps.is_empty(), "frames during the storm");
    f.insert("storm_secs".into(), json!(s.storm.as_secs()));
    f.insert("storm_gap_p95_ms".into(), json!(percentile(&gaps, 95.0)));
    f.insert("storm_long_tasks".into(), json!(long.len()));
    f.insert(
        "storm_long_task_max_ms".into(),
        json!(long.iter().copied().fold(0.0, f64::max)),
    );
    f.insert("heap_start_mib".into(), json!(heap0 / 1_048_576.0));
    f.insert("heap_end_mib".into(), json!(heap1 / 1_048_576.0));
}
