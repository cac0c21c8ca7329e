//! The benchmark's in-page scripts. Every time is taken in the page with `performance.now()`:
//! a `MutationObserver` waits for the change to be in the DOM, then the next animation frame
//! and a message after it mark the change painted. The console and the reference page are
//! driven by the same scripts through the same `data-testid`s.

/// Run before the page's own scripts: keeps the console's WebAssembly memory (trunk's start
/// event carries the instance), whose participants the JS heap does not count.
pub const BEFORE_PAGE: &str = r#"
addEventListener('TrunkApplicationStarted', e => { window.__wasmMemory = e.detail.wasm.memory; });
"#;

/// Installs `window.__bench`: `when(cond, limit)` resolves with the painted time once `cond()`
/// holds; `afterPaint()` resolves after the next frame has been painted.
pub const HELPERS: &str = r#"
window.__bench = (() => {
  const afterPaint = () => new Promise(res => requestAnimationFrame(() => {
    const c = new MessageChannel();
    c.port1.onmessage = () => res(performance.now());
    c.port2.postMessage(0);
  }));
  const when = (cond, limit) => new Promise((res, rej) => {
    let done = false;
    const check = () => {
      if (done) return;
      let ok = false;
      try { ok = cond(); } catch (_) {}
      if (!ok) return;
      done = true; obs.disconnect(); clearTimeout(to);
      afterPaint().then(res);
    };
    const obs = new MutationObserver(check);
    obs.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
    const to = setTimeout(() => { done = true; obs.disconnect(); rej(new Error('timed out waiting for ' + cond)); }, limit);
    check();
  });
  const rows = () => Array.from(document.querySelectorAll('[data-testid="participant-row"]'));
  const name = r => { const e = r && r.querySelector('[data-testid="participant-name"]'); return e ? e.textContent : null; };
  return { afterPaint, when, rows, name };
})();
return null;
"#;

/// Clicks Join and waits for the whole list: `[join ms, sync-end-to-painted ms]`. Argument:
/// the least set size that counts as the full list.
pub const JOIN: &str = r#"
const [least, done] = arguments;
const B = window.__bench;
const marks = () => performance.getEntriesByName('huikong-sync-end');
const t0 = performance.now();
document.querySelector('[data-testid="join-submit"]').click();
B.when(() => {
  const r = document.querySelector('[data-testid="participant-row"]');
  return marks().length > 0 && r && Number(r.getAttribute('aria-setsize')) >= least;
}, 120000).then(t1 => done([t1 - t0, t1 - marks()[0].startTime]), e => done(String(e)));
"#;

/// One participant's mute changed by a command fetched from the page (a session of the
/// benchmark's own, not the page's): ms to its row painted. Arguments: token, the services
/// base URL, uuid, whether to mute.
pub const UPDATE: &str = r#"
const [token, base, uuid, mute, done] = arguments;
const sel = `[data-testid="participant-row"][data-uuid="${uuid}"]`;
const t0 = performance.now();
fetch(`${base}participants/${uuid}/${mute ? 'mute' : 'unmute'}`, { method: 'POST', headers: { token } })
  .catch(e => console.warn('bench command', e));
window.__bench.when(() => { const r = document.querySelector(sel); return r && r.dataset.muted === String(mute); }, 20000)
  .then(t1 => done(t1 - t0), e => done(String(e)));
"#;

/// Types into the search box (an `input` event, as typing fires) and waits for the list to
/// show only the one match: ms to painted. Then clears it and waits for the whole list again.
/// Arguments: the query, the full list's size. Answers `[narrow ms, clear ms]`.
pub const SEARCH: &str = r#"
const [q, all, done] = arguments;
const B = window.__bench;
const box = document.querySelector('[data-testid="participant-search"]');
const type = v => { box.value = v; box.dispatchEvent(new Event('input', { bubbles: true })); };
(async () => {
  let t0 = performance.now();
  type(q);
  const narrowed = await B.when(() => { const r = B.rows(); return r.length === 1 && B.name(r[0]).includes(q); }, 20000);
  const narrow = narrowed - t0;
  await B.afterPaint();
  t0 = performance.now();
  type('');
  const cleared = await B.when(() => { const r = B.rows(); return r.length > 1 && r[0].getAttribute('aria-setsize') === String(all); }, 20000);
  done([narrow, cleared - t0]);
})().catch(e => done(String(e)));
"#;

/// Sorts by name and waits for the rows in the page to be in name order (the console's sort:
/// lower case, code point order); then sorts by join time again and waits for the first row
/// to be back.
pub const SORT: &str = r#"
const done = arguments[arguments.length - 1];
const B = window.__bench;
const sel = document.querySelector('[data-testid="sort-by"]');
const pick = v => { sel.value = v; sel.dispatchEvent(new Event('change', { bubbles: true })); };
const byName = () => {
  const names = B.rows().map(r => B.name(r).toLowerCase());
  return names.length > 5 && names.every((n, i) => i === 0 || names[i - 1] <= n);
};
(async () => {
  const first = B.rows()[0].dataset.uuid;
  if (byName()) throw new Error('the list is in name order already');
  const t0 = performance.now();
  pick('name');
  const t1 = await B.when(byName, 20000);
  pick('join');
  await B.when(() => B.rows()[0].dataset.uuid === first, 20000);
  done(t1 - t0);
})().catch(e => done(String(e)));
"#;

/// Switches the language to Chinese and waits for the first row's mute button to say so.
pub const LANGUAGE: &str = r#"
const done = arguments[arguments.length - 1];
const B = window.__bench;
const sel = document.querySelector('[data-testid="lang-switch"]');
const t0 = performance.now();
sel.value = 'zh';
sel.dispatchEvent(new Event('change', { bubbles: true }));
B.when(() => {
  const b = B.rows()[0].querySelector('[data-testid="mute-toggle"]');
  return b && (b.textContent.trim() === '静音' || b.textContent.trim() === '取消静音');
}, 20000).then(t1 => done(t1 - t0), e => done(String(e)));
"#;

/// Scrolls the list from the top to the bottom a viewport a frame, noting each frame's gap;
/// answers `[frames, dropped, worst gap ms, last row's place, set size]`: a frame is dropped
/// for every 16.7 ms a gap has beyond one frame.
pub const SCROLL: &str = r#"
const done = arguments[arguments.length - 1];
const B = window.__bench;
const vp = document.querySelector('[data-testid="participant-viewport"]');
(async () => {
  vp.scrollTop = 0;
  await B.afterPaint();
  await B.afterPaint();
  const gaps = [];
  await new Promise(finish => {
    let last = null;
    const step = ts => {
      if (last !== null) gaps.push(ts - last);
      last = ts;
      if (vp.scrollTop + vp.clientHeight >= vp.scrollHeight - 1) return finish();
      vp.scrollTop += vp.clientHeight;
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
  await B.afterPaint();
  await B.afterPaint();
  const dropped = gaps.reduce((n, g) => n + Math.max(0, Math.round(g / (1000 / 60)) - 1), 0);
  const rows = B.rows();
  const last = rows.reduce((m, r) => Math.max(m, Number(r.getAttribute('aria-posinset'))), 0);
  const size = rows.length ? Number(rows[0].getAttribute('aria-setsize')) : 0;
  vp.scrollTop = 0;
  done([gaps.length, dropped, Math.max(0, ...gaps), last, size]);
})().catch(e => done(String(e)));
"#;

/// Starts watching frames and long tasks, after a garbage collection and a heap reading.
pub const STORM_START: &str = r#"
gc();
const wasm = () => window.__wasmMemory ? window.__wasmMemory.buffer.byteLength : 0;
const s = window.__storm = { gaps: [], long: [], heap0: performance.memory.usedJSHeapSize + wasm(), wasm, on: true };
let last = null;
const frame = ts => { if (last !== null) s.gaps.push(ts - last); last = ts; if (s.on) requestAnimationFrame(frame); };
requestAnimationFrame(frame);
s.obs = new PerformanceObserver(l => { for (const e of l.getEntries()) s.long.push(e.duration); });
s.obs.observe({ type: 'longtask', buffered: false });
return null;
"#;

/// Stops watching: `[frame gaps, long tasks' durations, heap at the start, heap at the end]`
/// (bytes, each after a garbage collection: the JS heap, plus the WebAssembly memory of a page
/// that has one, which only grows).
pub const STORM_END: &str = r#"
const s = window.__storm;
s.on = false;
s.obs.disconnect();
gc();
return [s.gaps, s.long, s.heap0, performance.memory.usedJSHeapSize + s.wasm()];
"#;

/// Elements in the page, and rows among them.
pub const DOM: &str = r#"
return [document.getElementsByTagName('*').length, document.querySelectorAll('[data-testid="participant-row"]').length];
"#;
