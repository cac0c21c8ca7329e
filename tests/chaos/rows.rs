//! The participant list compared field for field: what each row shows, read from the page by
//! scrolling through the list, against what the simulator holds, put the way a row puts it.

use crate::tab::Tab;
use huikong_protocol::Participant;
use serde::Deserialize;
use std::collections::HashMap;

/// What one row shows: its uuid, the name, the flags and state it carries as data attributes,
/// the protocol and address, and whether the presenting badge is up.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct RowView {
    pub uuid: String,
    pub name: String,
    pub muted: String,
    pub spotlight: String,
    pub role: String,
    pub service_type: String,
    pub protocol: String,
    pub uri: String,
    pub presenting: bool,
}

/// Reads every row of the list by scrolling its window through it, from the first row to the
/// last, in one asynchronous script: the list is virtualised, so the page holds only the rows
/// near the view at any time. Each step scrolls the row after the last one rendered to the top
/// of the view (at least a row further), so that a taller window reads more rows a step, and
/// waits two frames for the window to follow. The scroll position is put back afterwards.
const READ_ROWS: &str = r#"
const done = arguments[arguments.length - 1];
const seen = new Map();
const rows = () => document.querySelectorAll('[data-testid="participant-row"]');
const read = () => {
  for (const r of rows()) {
    const text = s => { const e = r.querySelector(s); return e ? e.textContent : ''; };
    const badge = r.querySelector('.cell.state > span.badge.info:not([data-testid])');
    seen.set(r.dataset.uuid || '', {
      uuid: r.dataset.uuid || '',
      name: text('[data-testid="participant-name"]'),
      muted: r.dataset.muted || '',
      spotlight: r.dataset.spotlight || '',
      role: r.dataset.role || '',
      service_type: r.dataset.serviceType || '',
      protocol: text('[data-testid="participant-protocol"]'),
      uri: text('.uri'),
      presenting: badge ? !badge.hidden : false,
    });
  }
};
const frames = () => new Promise(f => requestAnimationFrame(() => requestAnimationFrame(f)));
const vp = document.querySelector('[data-testid="participant-viewport"]');
(async () => {
  if (!vp) { read(); return done(Array.from(seen.values())); }
  const keep = vp.scrollTop;
  const first = vp.querySelector('[data-testid="participant-row"]');
  const rowH = first ? first.offsetHeight : 1;
  for (let top = 0; ; ) {
    vp.scrollTop = top;
    await frames();
    read();
    const places = Array.from(rows(), r => Number(r.getAttribute('aria-posinset')) || 0);
    const last = Math.max(0, ...places);
    const size = Number((rows()[0] || vp).getAttribute('aria-setsize')) || 0;
    if (last >= size || vp.scrollTop + vp.clientHeight >= vp.scrollHeight) break;
    top = Math.max(top + rowH, last * rowH);
  }
  vp.scrollTop = keep;
  await frames();
  done(Array.from(seen.values()));
})();
"#;

/// Every row the console's list holds now, read by scrolling through it.
pub async fn page_rows(tab: &Tab) -> Vec<RowView> {
    let v = tab
        .client()
        .execute_async(READ_ROWS, vec![])
        .await
        .unwrap_or_else(|e| panic!("reading the list failed: {e}"));
    serde_json::from_value(v.clone()).unwrap_or_else(|e| panic!("the list read as {v} ({e})"))
}

/// The uuids of the rows in the page now: the list's window, not the whole list.
pub async fn rendered_uuids(tab: &Tab) -> Vec<String> {
    tab.js("return Array.from(document.querySelectorAll('[data-testid=\"participant-row\"]')).map(r => r.dataset.uuid);")
        .await
}

pub fn sim_row(p: &Participant) -> RowView {
    RowView {
        uuid: p.uuid.clone(),
        name: p.shown_name().to_owned(),
        muted: p.is_muted.to_string(),
        spotlight: p.is_spotlit().to_string(),
        role: p.role.as_chair().to_string(),
        service_type: p.service_type.as_str().to_string(),
        protocol: p.protocol.clone(),
        uri: p.uri.clone(),
        presenting: p.is_presenting,
    }
}

pub fn sim_rows(ps: &[Participant]) -> Vec<RowView> {
    ps.iter().map(sim_row).collect()
}

/// Equal as sets of rows keyed by uuid (the console orders its list itself); `Err` names the
/// first differences.
pub fn compare(page: &[RowView], sim: &[RowView]) -> Result<(), String> {
    let shown: HashMap<&str, &RowView> = page.iter().map(|r| (r.uuid.as_str(), r)).collect();
    let held: HashMap<&str, &RowView> = sim.iter().map(|r| (r.uuid.as_str(), r)).collect();
    let mut diffs = Vec::new();
    if shown.len() != page.len() {
        diffs.push(format!(
            "the page shows {} rows for {} uuids",
            page.len(),
            shown.len()
        ));
    }
    for (uuid, want) in &held {
        match shown.get(uuid) {
            None => diffs.push(format!("missing {uuid} ({})", want.name)),
            Some(got) if got != want => diffs.push(format!("{uuid}: page {got:?} sim {want:?}")),
            Some(_) => {}
        }
    }
    for uuid in shown.keys().filter(|u| !held.contains_key(*u)) {
        diffs.push(format!("extra {uuid}"));
    }
    if diffs.is_empty() {
        return Ok(());
    }
    let n = diffs.len();
    diffs.truncate(3);
    Err(format!("{n} differences, first: {}", diffs.join("; ")))
}
