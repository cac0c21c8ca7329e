//! The participants the host has selected for a bulk action, by uuid. The list registers its
//! order (filtered and sorted, mounted or not), so "select all shown" and a shift-click range
//! work on what the filter shows at any size, not on the rows the virtual list has mounted.

use crate::state::store::Store;
use huikong_core::list::view::ListView;
use leptos::prelude::*;
use std::collections::HashSet;

/// The selection, provided by the participant list, fresh for each meeting page.
#[derive(Debug, Clone, Copy)]
pub struct Selection {
    uuids: RwSignal<HashSet<String>>,
    /// The last row clicked: a shift-click selects from it to the one clicked.
    anchor: StoredValue<Option<String>>,
    /// The list's order, as the participant list shows it.
    shown: StoredValue<Option<Memo<ListView>>>,
}

/// The uuids from `from` to `to`, both included, in the list's order; `None` when either is
/// not shown.
pub fn range_between(view: &ListView, from: &str, to: &str) -> Option<Vec<String>> {
    let (a, b) = (view.position(from)?, view.position(to)?);
    Some(view.slice(a.min(b), a.max(b) + 1))
}

impl Selection {
    pub fn provide() -> Selection {
        let s = Selection {
            uuids: RwSignal::new(HashSet::new()),
            anchor: StoredValue::new(None),
            shown: StoredValue::new(None),
        };
        provide_context(s);
        s
    }

    pub fn use_context() -> Option<Selection> {
        use_context::<Selection>()
    }

    /// Whether `uuid` is selected (tracked).
    pub fn contains(&self, uuid: &str) -> bool {
        self.uuids.with(|s| s.contains(uuid))
    }

    /// Whether `uuid` is selected, without subscribing.
    pub fn contains_untracked(&self, uuid: &str) -> bool {
        self.uuids.with_untracked(|s| s.contains(uuid))
    }

    /// Selects `uuid`, or takes it out of the selection.
    pub fn toggle(&self, uuid: &str) {
        self.anchor.set_value(Some(uuid.to_owned()));
        self.uuids.update(|s| {
            if !s.remove(uuid) {
                s.insert(uuid.to_owned());
            }
        });
    }

    /// A click on a row's checkbox: with Shift, everything from the last row clicked to this
    /// one is selected (as it is shown now); without, or with no earlier row still shown, it
    /// toggles this one.
    pub fn click(&self, uuid: &str, shift: bool) {
        let anchor = self.anchor.get_value();
        let range = shift
            .then(|| {
                let view = self.shown.get_value()?;
                let from = anchor?;
                view.try_with_untracked(|v| range_between(v, &from, uuid))
                    .flatten()
            })
            .flatten();
        match range {
            Some(range) => {
                self.anchor.set_value(Some(uuid.to_owned()));
                self.uuids.update(|s| s.extend(range));
            }
            None => self.toggle(uuid),
        }
    }

    /// Adds `uuids` to the selection.
    pub fn select_all(&self, uuids: impl IntoIterator<Item = String>) {
        self.uuids.update(|s| s.extend(uuids));
    }

    /// Selects everyone the list's search and filters show now, mounted or not.
    pub fn select_all_shown(&self) {
        if let Some(view) = self.shown.get_value() {
            let all = view.with_untracked(|v| v.slice(0, v.len()));
            self.select_all(all);
        }
    }

    /// How many the list's search and filters show (tracked).
    pub fn shown_len(&self) -> usize {
        self.shown.get_value().map_or(0, |v| v.with(ListView::len))
    }

    /// Empties the selection.
    pub fn clear(&self) {
        self.anchor.set_value(None);
        self.uuids.update(HashSet::clear);
    }

    /// How many are selected (tracked).
    pub fn len(&self) -> usize {
        self.uuids.with(HashSet::len)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The selected uuids now, in no particular order (untracked).
    pub fn uuids(&self) -> Vec<String> {
        self.uuids.with_untracked(|s| s.iter().cloned().collect())
    }

    /// Registers the list's order, for "select all shown" and shift-click ranges.
    pub fn show(&self, visible: Memo<ListView>) {
        self.shown.set_value(Some(visible));
    }

    /// Keeps the selection to those still in the meeting: whoever the platform reports gone
    /// drops out. A resync swaps the whole list in at its end (the store keeps the old one
    /// until then), so only a finished sync's list is compared, and those in both stay.
    pub fn follow(&self, store: Store) {
        let uuids = self.uuids;
        Effect::new(move |seen: Option<u64>| {
            let rev = store.roster_rev().get();
            if store.with_conf(|c| c.is_syncing()).unwrap_or(true) {
                return seen.unwrap_or(rev);
            }
            let touched = seen.and_then(|s| store.roster_touched_since(s));
            let gone: Vec<String> = uuids.with_untracked(|sel| match touched {
                Some(t) => t
                    .into_iter()
                    .filter(|u| sel.contains(u) && store.row(u).is_none())
                    .collect(),
                None => sel
                    .iter()
                    .filter(|u| store.row(u).is_none())
                    .cloned()
                    .collect(),
            });
            if !gone.is_empty() {
                uuids.update(|s| {
                    for u in &gone {
                        s.remove(u);
                    }
                });
            }
            rev
        });
    }
}
