//! The participant list's order, kept between changes: sorted once when the query changes or a
//! sync replaces everyone, then on each frame's batch only the participants it touched are taken
//! out and put back where their key now places them (a binary search), or left out when the
//! filter no longer keeps them. Pure, so it is tested without a browser.

use crate::list::filter::{Flags, TimeFilters};
use crate::list::query::{SortBy, StateFilter};
use huikong_protocol::Role;
use std::cmp::Ordering;
use std::collections::HashMap;

/// What the list was computed for: when any of it changes, everyone is looked at again.
#[derive(Debug, Clone, PartialEq)]
pub struct Basis {
    /// Trimmed and in lower case.
    pub search: String,
    pub state: StateFilter,
    pub role: Option<Role>,
    /// In lower case; empty for all.
    pub protocol: String,
    pub by: SortBy,
    /// `(uuid, stage index, vad)` of those on stage, for the speaking sort and the stage
    /// filter only (empty otherwise, so stage events cost the list nothing).
    pub stage: Vec<(String, u32, u32)>,
    pub flags: Flags,
    /// Only those on the stage.
    pub on_stage: bool,
    pub times: TimeFilters,
    /// UNIX seconds the time filters measure from: the coarse clock's last tick while one is
    /// on, 0 otherwise (so the tick does not make the list sort everyone again).
    pub now: f64,
}

/// What the list sorts one participant by; only the fields its sort needs are filled.
#[derive(Debug, Clone, PartialEq)]
pub struct SortKey {
    pub speaking: bool,
    pub stage_index: u32,
    pub start: f64,
    /// In lower case, for the name sort.
    pub name: String,
    /// The place in arrival order: the last tie-breaker, unique, so every key has one place.
    pub arrival: u64,
}

fn compare(by: SortBy, a: &SortKey, b: &SortKey) -> Ordering {
    match by {
        SortBy::Speaking => b
            .speaking
            .cmp(&a.speaking)
            .then(a.stage_index.cmp(&b.stage_index))
            .then(a.start.total_cmp(&b.start)),
        SortBy::Join => a.start.total_cmp(&b.start),
        SortBy::Name => a.name.cmp(&b.name),
    }
    .then(a.arrival.cmp(&b.arrival))
}

/// The uuids the list shows, in its order, with the key each was placed by.
#[derive(Debug, Clone)]
pub struct ListView {
    pub basis: Basis,
    /// The roster revision (`Store::roster_rev`) the list is up to date with.
    pub rev: u64,
    rows: Vec<(SortKey, String)>,
    keys: HashMap<String, SortKey>,
}

impl ListView {
    /// Everyone `items` holds (the filter already applied), sorted.
    pub fn new(basis: Basis, rev: u64, items: Vec<(String, SortKey)>) -> ListView {
        let by = basis.by;
        let mut rows: Vec<(SortKey, String)> = items.into_iter().map(|(u, k)| (k, u)).collect();
        rows.sort_unstable_by(|a, b| compare(by, &a.0, &b.0));
        let keys = rows.iter().map(|(k, u)| (u.clone(), k.clone())).collect();
        ListView {
            basis,
            rev,
            rows,
            keys,
        }
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The uuid at `index` in the list's order.
    pub fn get(&self, index: usize) -> Option<&str> {
        self.rows.get(index).map(|(_, u)| u.as_str())
    }

    /// The uuids from `first` to `end` (exclusive), clamped to the list.
    pub fn slice(&self, first: usize, end: usize) -> Vec<String> {
        let end = end.min(self.rows.len());
        self.rows[first.min(end)..end]
            .iter()
            .map(|(_, u)| u.clone())
            .collect()
    }

    /// Where `uuid` is in the list, if it is shown.
    pub fn position(&self, uuid: &str) -> Option<usize> {
        let key = self.keys.get(uuid)?;
        self.rows
            .binary_search_by(|(k, _)| compare(self.basis.by, k, key))
            .ok()
    }

    /// Puts `uuid` where `key` places it, or takes it out with `None` (filtered out, or left).
    /// Whether the list's order or membership changed.
    pub fn place(&mut self, uuid: &str, key: Option<SortKey>) -> bool {
        if self.keys.get(uuid) == key.as_ref() {
            return false;
        }
        let by = self.basis.by;
        let was = self.position(uuid);
        if let Some(i) = was {
            self.rows.remove(i);
            self.keys.remove(uuid);
        }
        let now = key.map(|key| {
            let at = self
                .rows
                .partition_point(|(k, _)| compare(by, k, &key) == Ordering::Less);
            self.keys.insert(uuid.to_owned(), key.clone());
            self.rows.insert(at, (key, uuid.to_owned()));
            at
        });
        was != now
    }
}

#[cfg(all(test, target_arch = "wasm32"))]
#[path = "view_tests.rs"]
mod tests;
