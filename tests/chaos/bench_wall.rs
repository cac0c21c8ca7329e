//! `cargo xtask bench --wall`'s browser side: the operator wall (`/?wall=1`) with every extra
//! room of a release simulator the xtask started (`--rooms N --room-size M`, admin on, plain
//! HTTP/1.1 or TLS offering HTTP/2), joined with one PIN and measured in the page; the figures
//! are written as JSON for the xtask's table. Ignored: only the xtask, which sets
//! `HUIKONG_BENCH_*`, runs it. A benchmark: it asserts only that each step happened, within a
//! limit generous enough that only a page that never gets there fails.

use crate::bench_js as js;
use crate::tab::Tab;
use crate::world::HOST_PIN;
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use huikong_sim::extra_room_alias;
use serde_json::{json, Map, Value};
use std::time::Duration;

/// The most any one wait may take, in the page (ms).
const LIMIT_MS: u64 = 120_000;
/// Rounds of stepping into the first room and back.
const ROUNDS: usize = 5;
/// Participants changed a second in every room during the busy window.
const CHURN: f64 = 2.0;
/// WebDriver's Alt key.
const ALT: char = '\u{e00a}';

struct Setup {
    sim: String,
    rooms: usize,
    size: usize,
    /// The simulator serves TLS with the self-signed certificate `cargo xtask` makes.
    tls: bool,
    /// How long each CPU window lasts.
    window: Duration,
    out: String,
}

fn setup() -> Setup {
    let var = |k: &str| {
        std::env::var(k)
            .unwrap_or_else(|_| panic!("{k} is not set: `cargo xtask bench --wall` runs this"))
    };
    Setup {
        sim: var("HUIKONG_BENCH_SIM"),
        rooms: var("HUIKONG_BENCH_ROOMS").parse().expect("a room count"),
        size: var("HUIKONG_BENCH_SIZE").parse().expect("a room size"),
        tls: var("HUIKONG_BENCH_TLS") == "1",
        window: Duration::from_secs(var("HUIKONG_BENCH_CPU_SECS").parse().expect("seconds")),
        out: var("HUIKONG_BENCH_OUT"),
    }
}

/// Runs an in-page script (asynchronous when `done` is its last argument); a string answer is
/// the script's failure.
async fn run(tab: &Tab, what: &str, script: &str, args: Vec<Value>, asynchronous: bool) -> Value {
    let c = tab.client();
    let v = match asynchronous {
        true => c.execute_async(script, args).await,
        false => c.execute(script, args).await,
    };
    let v = v.unwrap_or_else(|e| panic!("{what}: {e}"));
    if let Some(failure) = v.as_str() {
        panic!("{what}: {failure}");
    }
    v
}

/// Clicks Connect all (the PIN typed in its field) and waits until every one of the `n` cards
/// shows a count and how it is followed: ms from the click to painted.
const SHOWN: &str = r#"
const [n, limit, done] = arguments;
const B = window.__bench;
const ready = () => {
  const cards = document.querySelectorAll('[data-testid="wall-card"]');
  if (cards.length !== n) return false;
  for (const c of cards) {
    const k = c.querySelector('[data-testid="wall-count"]');
    const m = c.querySelector('[data-testid="wall-mode"]');
    if (!k || !/^[0-9]+$/.test(k.dataset.count || '')) return false;
    if (!m || !(m.dataset.mode === 'poll' || (m.dataset.mode === 'stream' && m.dataset.conn === 'live'))) return false;
  }
  return true;
};
const t0 = performance.now();
document.querySelector('[data-testid="wall-connect-all"]').click();
B.when(ready, limit).then(t1 => done(t1 - t0), e => done(String(e)));
"#;

/// Waits for the wall's `n` cards, not joined yet.
const CARDS: &str = r#"
const [n, limit, done] = arguments;
window.__bench.when(() => document.querySelectorAll('[data-testid="wall-card"]').length === n, limit)
  .then(() => done(null), e => done(String(e)));
"#;

/// Arms one step: a capturing listener notes when its key goes down (before the wall's own
/// listener, on the window too, sees it), and a watcher resolves once the step is painted.
/// Arguments: `in` or `out`, the least list size that counts as the room's whole list, the
/// limit. In: Back is there, the meeting live and its list painted; out: the cards shown.
const ARM: &str = r#"
const [kind, least, limit] = arguments;
const B = window.__bench;
const s = window.__step = { t0: null };
const ours = kind === 'in' ? e => e.key === '1' : e => e.altKey && e.code === 'KeyW';
s.key = e => { if (s.t0 === null && ours(e)) s.t0 = performance.now(); };
addEventListener('keydown', s.key, { capture: true });
const inside = () => {
  const c = document.querySelector('[data-testid="connection-state"]');
  const r = document.querySelector('[data-testid="participant-row"]');
  return s.t0 !== null && !!document.querySelector('[data-testid="wall-back"]')
    && !!c && c.dataset.state === 'live' && !!r && Number(r.getAttribute('aria-setsize')) >= least;
};
const outside = () => {
  const w = document.querySelector('[data-testid="wall-page"]');
  return s.t0 !== null && !!w && !w.hidden && !document.querySelector('[data-testid="wall-back"]');
};
s.painted = B.when(kind === 'in' ? inside : outside, limit)
  .finally(() => removeEventListener('keydown', s.key, { capture: true }));
// Neither the meeting's search box nor the PIN field may take the digit as typing.
if (kind === 'in' && document.activeElement && document.activeElement.matches('input, textarea, select')) document.activeElement.blur();
return null;
"#;

/// The armed step's time, from its key to painted (ms).
const STEPPED: &str = r#"
const done = arguments[arguments.length - 1];
const s = window.__step;
s.painted.then(t1 => done(t1 - s.t0), e => done(String(e)));
"#;

/// The cards' modes at the end: `[streamed live, polled, every mode seen, lapsed, failed]`.
const MODES: &str = r#"
const modes = [...document.querySelectorAll('[data-testid="wall-card"]')].map(c => {
  const m = c.querySelector('[data-testid="wall-mode"]');
  return m ? m.dataset.mode + '/' + m.dataset.conn : 'none';
});
const seen = {};
for (const m of modes) seen[m] = (seen[m] || 0) + 1;
return [modes.filter(m => m === 'stream/live').length, modes.filter(m => m.startsWith('poll/')).length,
  Object.entries(seen).map(([m, n]) => `${m}:${n}`).sort().join(' '),
  document.querySelectorAll('[data-testid="wall-over"]:not([hidden])').length,
  document.querySelectorAll('[data-testid="wall-state"][data-state="failed"]').length];
"#;

/// What HTTP the page spoke: the document's `nextHopProtocol`, every one its API requests
/// show, and what the wall read for its node.
const PROTOCOL: &str = r#"
const nav = performance.getEntriesByType('navigation')[0];
const api = new Set(performance.getEntriesByType('resource').filter(e => e.name.includes('/api/')).map(e => e.nextHopProtocol).filter(Boolean));
const wall = [...document.querySelectorAll('[data-testid="wall-protocol"]')].map(e => e.dataset.protocol);
return [nav ? nav.nextHopProtocol : '', [...api].sort().join(','), wall.join(',')];
"#;

/// Sets the churn from the page: the simulator's TLS certificate is one only the browser is
/// told to accept, and the admin endpoint shares the page's origin.
const CHURN_SET: &str = r#"
const [rate, done] = arguments;
fetch('/_admin/churn', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ rate }) })
  .then(r => done(r.ok ? null : `churn refused: ${r.status}`), e => done(String(e)));
"#;

async fn churn(tab: &Tab, rate: f64) {
    run(tab, "churn", CHURN_SET, vec![json!(rate)], true).await;
}

/// Presses `keys` together (the first held while the next go down), released in reverse:
/// WebDriver's actions go to whatever has the focus, as a keyboard's would.
async fn press(tab: &Tab, keys: &[char]) {
    let mut a = KeyActions::new("keyboard".into());
    for k in keys {
        a = a.then(KeyAction::Down { value: *k });
    }
    for k in keys.iter().rev() {
        a = a.then(KeyAction::Up { value: *k });
    }
    tab.client()
        .perform_actions(a)
        .await
        .unwrap_or_else(|e| panic!("pressing {keys:?}: {e}"));
}

/// The page's `Performance.getMetrics` value named `name`.
fn metric(v: &Value, name: &str) -> f64 {
    v["metrics"]
        .as_array()
        .and_then(|m| m.iter().find(|x| x["name"] == name))
        .and_then(|x| x["value"].as_f64())
        .unwrap_or_else(|| panic!("no {name} in the page's metrics: {v}"))
}

/// The main thread's busy share (%) and the script's share of it over `window`: the tasks'
/// time against the time that passed, as the page's own metrics count both.
async fn busy(tab: &Tab, window: Duration) -> (f64, f64) {
    let before = tab.cdp("Performance.getMetrics", json!({})).await;
    tokio::time::sleep(window).await;
    let after = tab.cdp("Performance.getMetrics", json!({})).await;
    let delta = |k: &str| metric(&after, k) - metric(&before, k);
    let elapsed = delta("Timestamp");
    assert!(elapsed > 0.0, "no time passed in the page's metrics");
    (
        delta("TaskDuration") / elapsed * 100.0,
        delta("ScriptDuration") / elapsed * 100.0,
    )
}

/// Bytes of the JS heap after a garbage collection DevTools forces, and of the WebAssembly
/// memory (where the console keeps its rooms; it only grows), as MiB.
async fn heap(tab: &Tab) -> (f64, f64) {
    tab.cdp("HeapProfiler.collectGarbage", json!({})).await;
    let usage = tab.cdp("Runtime.getHeapUsage", json!({})).await;
    let js = usage["usedSize"]
        .as_f64()
        .unwrap_or_else(|| panic!("Runtime.getHeapUsage answered {usage}"));
    let wasm: f64 = tab
        .js("return window.__wasmMemory ? window.__wasmMemory.buffer.byteLength : 0;")
        .await;
    (js / 1_048_576.0, wasm / 1_048_576.0)
}

/// One step, from its key to painted (ms).
async fn step(tab: &Tab, kind: &str, least: usize, keys: &[char]) -> f64 {
    let args = vec![json!(kind), json!(least), json!(LIMIT_MS)];
    run(tab, kind, ARM, args, false).await;
    press(tab, keys).await;
    let v = run(tab, kind, STEPPED, vec![], true).await;
    v.as_f64().unwrap_or_else(|| panic!("{kind} answered {v}"))
}

fn median(v: &[f64]) -> f64 {
    let mut v = v.to_vec();
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => 0.0,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a benchmark: `cargo xtask bench` runs it against a release simulator"]
async fn bench_wall_page() {
    let s = setup();
    let env = huikong_test_support::harness::Env::get();
    // The certificate is the self-signed one `cargo xtask cert` makes.
    let extra: &[&str] = match s.tls {
        true => &["--ignore-certificate-errors"],
        false => &[],
    };
    let tab = Tab::open_with(&env, "bench_wall", s.sim.clone(), extra).await;
    let timeouts = fantoccini::wd::TimeoutConfiguration::new(
        Some(Duration::from_secs(300)),
        Some(Duration::from_secs(60)),
        Some(Duration::ZERO),
    );
    tab.client()
        .update_timeouts(timeouts)
        .await
        .expect("timeouts");
    // The wall's list as an operator's browser keeps it: every extra room, no PIN.
    let rooms: Vec<Value> = (1..=s.rooms)
        .map(|i| json!({ "conference": extra_room_alias(i), "name": "", "server": "" }))
        .collect();
    let store = format!(
        "try {{ localStorage.setItem('huikong.wall.rooms', {}); }} catch (e) {{}}",
        serde_json::to_string(&Value::Array(rooms).to_string()).expect("JSON")
    );
    for source in [store.as_str(), js::BEFORE_PAGE] {
        tab.cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": source }),
        )
        .await;
    }
    tab.goto("/?wall=1&lang=en").await;
    let _: Option<()> = tab.js(js::HELPERS).await;
    let (n, limit) = (json!(s.rooms), json!(LIMIT_MS));
    run(
        &tab,
        "the cards",
        CARDS,
        vec![n.clone(), limit.clone()],
        true,
    )
    .await;
    tab.fill("wall-pin-all", HOST_PIN).await;
    let mut f = Map::new();
    let shown = run(&tab, "every card shown", SHOWN, vec![n, limit], true).await;
    f.insert("shown_ms".into(), shown);
    // The last paints and the first polls' answers settle before the heap is read.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let (js_mib, wasm_mib) = heap(&tab).await;
    f.insert("heap_js_mib".into(), json!(js_mib));
    f.insert("wasm_mib".into(), json!(wasm_mib));

    tab.cdp("Performance.enable", json!({})).await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    let (idle, idle_script) = busy(&tab, s.window).await;
    f.insert("cpu_idle_pct".into(), json!(idle));
    f.insert("cpu_idle_script_pct".into(), json!(idle_script));
    churn(&tab, CHURN).await;
    // The first changes reach every room before the window opens.
    tokio::time::sleep(Duration::from_secs(1)).await;
    let (churned, churned_script) = busy(&tab, s.window).await;
    churn(&tab, 0.0).await;
    f.insert("cpu_churn_pct".into(), json!(churned));
    f.insert("cpu_churn_script_pct".into(), json!(churned_script));
    f.insert("churn_per_room".into(), json!(CHURN));
    f.insert("cpu_secs".into(), json!(s.window.as_secs()));
    // The churn's last events drain, and a leave's newcomer comes in.
    tokio::time::sleep(Duration::from_secs(3)).await;

    // The room's whole list, give or take the churn's comings and goings.
    let least = s.size * 95 / 100;
    let (mut ins, mut outs) = (Vec::new(), Vec::new());
    for _ in 0..ROUNDS {
        ins.push(step(&tab, "in", least, &['1']).await);
        tokio::time::sleep(Duration::from_secs(1)).await;
        outs.push(step(&tab, "out", least, &[ALT, 'w']).await);
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
    f.insert("step_in_ms".into(), json!(median(&ins)));
    f.insert("step_out_ms".into(), json!(median(&outs)));
    let worst = |v: &[f64]| v.iter().copied().fold(0.0, f64::max);
    f.insert("step_in_max_ms".into(), json!(worst(&ins)));
    f.insert("step_out_max_ms".into(), json!(worst(&outs)));

    // The scheduler stands the last room's stream down on its next tick.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let (streamed, polled, modes, lapsed, failed): (u64, u64, String, u64, u64) =
        tab.js(MODES).await;
    let (page, api, wall): (String, String, String) = tab.js(PROTOCOL).await;
    for (k, v) in [
        ("streamed", json!(streamed)),
        ("polled", json!(polled)),
        ("modes", json!(modes)),
        ("lapsed", json!(lapsed)),
        ("failed", json!(failed)),
        ("next_hop_page", json!(page)),
        ("next_hop_api", json!(api)),
        ("wall_protocol", json!(wall)),
    ] {
        f.insert(k.into(), v);
    }
    let figures = Value::Object(f);
    eprintln!("[bench_wall] {figures}");
    let text = serde_json::to_string_pretty(&figures).expect("JSON");
    std::fs::write(&s.out, text).unwrap_or_else(|e| panic!("writing {}: {e}", s.out));
}
