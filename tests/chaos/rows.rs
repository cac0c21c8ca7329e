//! The participant list compared field for field: what each row shows, read from the page in
//! one script, against what the simulator holds, put the way a row puts it.

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

const READ_ROWS: &str = r#"
return Array.from(document.querySelectorAll('[data-testid="participant-row"]')).map(r => {
  const text = s => { const e = r.querySelector(s); return e ? e.textContent : ''; };
  const badge = r.querySelector('.cell.state > span.badge.info:not([data-testid])');
  return {
    uuid: r.dataset.uuid || '',
    name: text('[data-testid="participant-name"]'),
    muted: r.dataset.muted || '',
    spotlight: r.dataset.spotlight || '',
    role: r.dataset.role || '',
    service_type: r.dataset.serviceType || '',
    protocol: text('[data-testid="participant-protocol"]'),
    uri: text('.uri'),
    presenting: badge ? !badge.hidden : false,
  };
});
"#;

/// Every row the console shows now.
pub async fn page_rows(tab: &Tab) -> Vec<RowView> {
    tab.js(READ_ROWS).await
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
