//! Saved views: the list's filters and sort under a name, kept in localStorage and chosen again
//! later. A view never holds the search text: a search is for a participant's name or address,
//! which is participant data, and storage holds none (nor a token or a PIN). A stored value
//! that does not read (corrupt, or from another version) is ignored with a console warning.

pub mod form;

use crate::host::browser;
use crate::list::query::ListQuery;
use crate::widgets::prefs;
use huikong_core::list::filter::{Flags, StateFilter, TimeFilters};
use huikong_core::list::sort::SortBy;
use huikong_protocol::Role;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The storage key, apart from every other preference.
pub const KEY_VIEWS: &str = "huikong.views";
/// The stored shape's version; another one is ignored, not guessed at.
const VERSION: u32 = 1;
/// Bounds, so a stored value stays small.
pub const MAX_VIEWS: usize = 30;
pub const MAX_NAME: usize = 40;

/// The filters and sort of a view, as plain codes (the select values), so a stored value
/// reads the same after the enums grow. Everything a [`ListQuery`] holds but its search.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ViewFilters {
    pub state: String,
    pub role: String,
    pub protocol: String,
    pub sort: String,
    pub muted: bool,
    pub presenting: bool,
    pub no_presentation: bool,
    pub on_stage: bool,
    pub waiting_over: u32,
    pub joined_within: u32,
}

impl ViewFilters {
    /// What `query` has now (tracked).
    pub fn of(query: &ListQuery) -> ViewFilters {
        let flags = query.flags.get();
        let times = query.times.get();
        ViewFilters {
            state: query.state.get().as_str().to_owned(),
            role: query.role.get().map_or("", |r| r.as_chair()).to_owned(),
            protocol: query.protocol.get(),
            sort: query.sort.get().as_str().to_owned(),
            muted: flags.muted,
            presenting: flags.presenting,
            no_presentation: flags.no_presentation,
            on_stage: query.on_stage.get(),
            waiting_over: times.waiting_over,
            joined_within: times.joined_within,
        }
    }

    /// The same filters in the codes the selects use: an unknown code reads as its default,
    /// so a view is not "modified" merely for having been read.
    fn normalized(self) -> ViewFilters {
        ViewFilters {
            state: StateFilter::parse(&self.state).as_str().to_owned(),
            role: Role::parse(&self.role)
                .map_or("", |r| r.as_chair())
                .to_owned(),
            protocol: self.protocol.to_lowercase(),
            sort: SortBy::parse(&self.sort).as_str().to_owned(),
            ..self
        }
    }

    /// Sets `query` to this view; the search stays as typed.
    pub fn apply(&self, query: &ListQuery) {
        query.state.set(StateFilter::parse(&self.state));
        query.role.set(Role::parse(&self.role));
        query.protocol.set(self.protocol.to_lowercase());
        query.sort.set(SortBy::parse(&self.sort));
        query.flags.set(Flags {
            muted: self.muted,
            presenting: self.presenting,
            no_presentation: self.no_presentation,
        });
        query.on_stage.set(self.on_stage);
        query.times.set(TimeFilters {
            waiting_over: self.waiting_over,
            joined_within: self.joined_within,
        });
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedView {
    pub name: String,
    #[serde(default)]
    pub filters: ViewFilters,
}

/// What localStorage holds under [`KEY_VIEWS`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct StoredViews {
    pub version: u32,
    pub views: Vec<SavedView>,
    /// The view chosen last, chosen again on the next visit.
    pub active: Option<String>,
}

impl StoredViews {
    /// Reads a stored value; an error says why it is ignored.
    pub fn parse(raw: &str) -> Result<StoredViews, String> {
        let stored: StoredViews = serde_json::from_str(raw).map_err(|e| e.to_string())?;
        if stored.version != VERSION {
            return Err(format!("version {} is not {VERSION}", stored.version));
        }
        let mut views: Vec<SavedView> = Vec::new();
        for mut v in stored.views.into_iter().take(MAX_VIEWS) {
            v.name = clean_name(&v.name);
            v.filters = v.filters.normalized();
            if !v.name.is_empty() && !views.iter().any(|w| w.name == v.name) {
                views.push(v);
            }
        }
        let active = stored.active.filter(|a| views.iter().any(|v| &v.name == a));
        Ok(StoredViews {
            version: VERSION,
            views,
            active,
        })
    }
}

/// A view's name as kept: trimmed, on one line, bounded.
pub fn clean_name(name: &str) -> String {
    let one_line: String = name
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    one_line.trim().chars().take(MAX_NAME).collect()
}

/// The saved views and the one chosen, for the list's filter bar.
#[derive(Debug, Clone, Copy)]
pub struct SavedViews {
    pub views: RwSignal<Vec<SavedView>>,
    /// The chosen view's name.
    pub active: RwSignal<Option<String>>,
    query: ListQuery,
}

impl SavedViews {
    /// Reads the stored views and applies the one chosen last.
    pub fn load(query: ListQuery) -> SavedViews {
        let stored = match prefs::remembered(KEY_VIEWS) {
            None => StoredViews::default(),
            Some(raw) => StoredViews::parse(&raw).unwrap_or_else(|why| {
                browser::warn(&format!("saved views ignored: {why}"));
                StoredViews::default()
            }),
        };
        let active = stored
            .active
            .as_ref()
            .and_then(|a| stored.views.iter().find(|v| &v.name == a));
        if let Some(v) = active {
            v.filters.apply(&query);
        }
        SavedViews {
            views: RwSignal::new(stored.views),
            active: RwSignal::new(stored.active),
            query,
        }
    }

    fn persist(&self) {
        let stored = StoredViews {
            version: VERSION,
            views: self.views.get_untracked(),
            active: self.active.get_untracked(),
        };
        if let Ok(json) = serde_json::to_string(&stored) {
            prefs::remember(KEY_VIEWS, &json);
        }
    }

    /// Chooses a view by name (its filters and sort applied), or none (the filters stay).
    pub fn choose(&self, name: Option<String>) {
        let view = name.as_ref().and_then(|n| {
            self.views
                .with_untracked(|vs| vs.iter().find(|v| &v.name == n).cloned())
        });
        if let Some(v) = &view {
            v.filters.apply(&self.query);
        }
        self.active.set(view.map(|v| v.name));
        self.persist();
    }

    /// Saves the current filters and sort under `name`, replacing a view of that name; it
    /// becomes the chosen one. False when the name is empty or there are too many views.
    pub fn save(&self, name: &str) -> bool {
        let name = clean_name(name);
        if name.is_empty() {
            return false;
        }
        let filters = untrack(|| ViewFilters::of(&self.query));
        let mut saved = false;
        self.views.update(|vs| {
            if let Some(v) = vs.iter_mut().find(|v| v.name == name) {
                v.filters = filters;
                saved = true;
            } else if vs.len() < MAX_VIEWS {
                vs.push(SavedView {
                    name: name.clone(),
                    filters,
                });
                saved = true;
            }
        });
        if saved {
            self.active.set(Some(name));
            self.persist();
        }
        saved
    }

    /// Renames the chosen view. False when none is chosen, or the name is empty or taken.
    pub fn rename(&self, to: &str) -> bool {
        let to = clean_name(to);
        let Some(from) = self.active.get_untracked() else {
            return false;
        };
        let taken = self
            .views
            .with_untracked(|vs| vs.iter().any(|v| v.name == to));
        if to.is_empty() || taken {
            return false;
        }
        self.views.update(|vs| {
            if let Some(v) = vs.iter_mut().find(|v| v.name == from) {
                v.name = to.clone();
            }
        });
        self.active.set(Some(to));
        self.persist();
        true
    }

    /// Deletes the chosen view; the filters stay as they are.
    pub fn delete_active(&self) {
        let Some(name) = self.active.get_untracked() else {
            return;
        };
        self.views.update(|vs| vs.retain(|v| v.name != name));
        self.active.set(None);
        self.persist();
    }

    /// Whether the filters or sort differ from the chosen view's (tracked); false with none.
    pub fn modified(&self) -> bool {
        let Some(name) = self.active.get() else {
            return false;
        };
        let now = ViewFilters::of(&self.query);
        self.views
            .with(|vs| vs.iter().find(|v| v.name == name).map(|v| v.filters != now))
            .unwrap_or(false)
    }
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests;
