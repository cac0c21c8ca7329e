//! What the participant list shows, as functions of the store and the list's query: filters,
//! sort, the protocols on offer and the spotlight order. They read rows untracked and follow
//! `Store::roster_rev` instead, so a mute or a speaking change costs them nothing; and on a
//! revision they look again only at those the roster's journal says it touched, so a frame's
//! batch costs what changed, not the meeting's size. Only the signal wiring is here: what the
//! list keeps, how it sorts and the order it keeps are pure, in `huikong_core::list`.

use crate::state::clock::Clock;
use crate::state::store::Store;
use huikong_core::list::filter::{Basis, Flags, StateFilter, TimeFilters};
use huikong_core::list::sort::{spotlight_order, SortBy, SortKey};
use huikong_core::list::view::ListView;
use huikong_protocol::{Participant, Role};
use leptos::prelude::*;
use std::collections::{BTreeSet, HashMap, HashSet};

/// The list's search, filters and sort, as the user set them.
#[derive(Debug, Clone, Copy)]
pub struct ListQuery {
    pub search: RwSignal<String>,
    pub state: RwSignal<StateFilter>,
    pub role: RwSignal<Option<Role>>,
    /// A protocol in lower case; empty for all.
    pub protocol: RwSignal<String>,
    pub sort: RwSignal<SortBy>,
    /// Muted by the host, presenting, not receiving the presentation: all that are on.
    pub flags: RwSignal<Flags>,
    /// On the stage (the speaking one among them).
    pub on_stage: RwSignal<bool>,
    /// Waiting longer than, joined in the last: minutes, 0 for off.
    pub times: RwSignal<TimeFilters>,
}

impl ListQuery {
    pub fn new() -> ListQuery {
        ListQuery {
            search: RwSignal::new(String::new()),
            state: RwSignal::new(StateFilter::All),
            role: RwSignal::new(None),
            protocol: RwSignal::new(String::new()),
            sort: RwSignal::new(SortBy::Join),
            flags: RwSignal::new(Flags::default()),
            on_stage: RwSignal::new(false),
            times: RwSignal::new(TimeFilters::default()),
        }
    }

    /// How many of the filters under "more filters" are on (tracked).
    pub fn more_active(&self) -> usize {
        self.flags.get().count() + usize::from(self.on_stage.get()) + self.times.get().count()
    }
}

impl ListQuery {
    /// Shows everyone again: no search, no filter (the sort stays as chosen).
    pub fn clear(&self) {
        self.search.set(String::new());
        self.state.set(StateFilter::All);
        self.role.set(None);
        self.protocol.set(String::new());
        self.flags.set(Flags::default());
        self.on_stage.set(false);
        self.times.set(TimeFilters::default());
    }
}

impl Default for ListQuery {
    fn default() -> Self {
        ListQuery::new()
    }
}

/// Each spotlit participant's place in the spotlight order, provided to the rows.
#[derive(Debug, Clone, Copy)]
pub struct SpotlightOrder(pub Memo<HashMap<String, usize>>);

/// One fact of each participant who has it, kept by roster revision: after a frame's batch only
/// those it touched are looked at again (everyone after a sync), so a memo over it costs what
/// changed, not the meeting's size.
#[derive(Debug, Clone)]
pub struct RosterFacts<T> {
    rev: u64,
    facts: HashMap<String, T>,
}

impl<T> RosterFacts<T> {
    pub fn values(&self) -> impl Iterator<Item = &T> {
        self.facts.values()
    }
}

/// Follows `fact` (of a participant and their arrival place) for everyone in the meeting.
fn roster_facts<T>(
    store: Store,
    fact: impl Fn(&Participant, u64) -> Option<T> + Send + Sync + 'static,
) -> Memo<RosterFacts<T>>
where
    T: PartialEq + Send + Sync + 'static,
{
    Memo::new_owning(move |prev: Option<RosterFacts<T>>| {
        let rev = store.roster_rev().get();
        let of = |uuid: &str| {
            store
                .row(uuid)
                .and_then(|r| r.p.with_untracked(|p| fact(p, r.arrival)))
        };
        if let Some(mut known) = prev {
            if let Some(touched) = store.roster_touched_since(known.rev) {
                known.rev = rev;
                let mut changed = false;
                for uuid in touched {
                    let now = of(&uuid);
                    if known.facts.get(&uuid) != now.as_ref() {
                        changed = true;
                        match now {
                            Some(v) => known.facts.insert(uuid, v),
                            None => known.facts.remove(&uuid),
                        };
                    }
                }
                return (known, changed);
            }
        }
        let facts = store.order().with_untracked(|order| {
            order
                .iter()
                .filter_map(|u| of(u).map(|v| (u.clone(), v)))
                .collect()
        });
        (RosterFacts { rev, facts }, true)
    })
}

/// Provides the [`SpotlightOrder`] of everyone in the meeting.
pub fn provide_spotlight_order(store: Store) {
    let spotlit = roster_facts(store, |p, arrival| {
        p.is_spotlit()
            .then(|| (p.spotlight, arrival, p.uuid.clone()))
    });
    let spots = Memo::new(move |_| {
        let mut v: Vec<(f64, u64, String)> = spotlit.with(|s| s.values().cloned().collect());
        spotlight_order(&mut v)
    });
    provide_context(SpotlightOrder(spots));
}

/// The protocols of those in the meeting, for the protocol filter.
pub fn protocols(store: Store) -> Memo<BTreeSet<String>> {
    let each = roster_facts(store, |p, _| {
        (!p.protocol.is_empty()).then(|| p.protocol.to_lowercase())
    });
    Memo::new(move |_| {
        each.with(|e| {
            let names: BTreeSet<&String> = e.values().collect();
            names.into_iter().cloned().collect()
        })
    })
}

/// The participant's key if the list for `basis` keeps them; `None` when filtered out or gone.
fn key_for(store: Store, basis: &Basis, uuid: &str) -> Option<SortKey> {
    let row = store.row(uuid)?;
    row.p.with_untracked(|p| basis.key(p, row.arrival))
}

/// Who has every flag `flags` asks for. The flags change without a roster revision (a mute
/// re-renders one row, not the list), so while a flag filter is on this follows every row, and
/// the list repositions those who came in or went out of it; with none on it follows nothing.
fn flagged(store: Store, flags: RwSignal<Flags>) -> Memo<HashSet<String>> {
    Memo::new(move |_| {
        let f = flags.get();
        if !f.any() {
            return HashSet::new();
        }
        store.order().with(|order| {
            order
                .iter()
                .filter(|u| store.row(u).is_some_and(|r| r.p.with(|p| f.matches(p))))
                .cloned()
                .collect()
        })
    })
}

/// The uuids the list shows, in its order. A change of the query (or of the stage, under the
/// speaking sort or the stage filter; or the coarse clock's tick, under a time filter) sorts
/// everyone again; a roster revision, or a flag change under a flag filter, only repositions
/// those it touched.
pub fn visible(store: Store, query: ListQuery) -> Memo<ListView> {
    let ListQuery {
        search,
        state,
        role,
        protocol,
        sort,
        flags,
        on_stage,
        times,
    } = query;
    let clock = use_context::<Clock>();
    let flagged = flagged(store, flags);
    // Whom the list last saw flagged: the difference is who a flag change touched.
    let seen_flagged = StoredValue::new(HashSet::<String>::new());
    Memo::new_owning(move |prev: Option<ListView>| {
        let by = sort.get();
        let on_stage = on_stage.get();
        let times = times.get();
        let basis = Basis {
            search: search.with(|q| q.trim().to_lowercase()),
            state: state.get(),
            role: role.get(),
            protocol: protocol.get(),
            by,
            stage: if by == SortBy::Speaking || on_stage {
                store.stage().with(|s| {
                    s.iter()
                        .map(|e| (e.participant_uuid.clone(), e.stage_index, e.vad))
                        .collect()
                })
            } else {
                Vec::new()
            },
            flags: flags.get(),
            on_stage,
            times,
            // Only a time filter follows the clock, on its coarse tick.
            now: match (times.any(), clock) {
                (false, _) => 0.0,
                (true, Some(c)) => c.coarse.get(),
                (true, None) => crate::host::browser::now_s(),
            },
        };
        let rev = store.roster_rev().get();
        let flag_changes = flagged.with(|now| {
            seen_flagged
                .try_update_value(|seen| {
                    let changed: Vec<String> = seen.symmetric_difference(now).cloned().collect();
                    if !changed.is_empty() {
                        seen.clone_from(now);
                    }
                    changed
                })
                .unwrap_or_default()
        });
        if let Some(mut view) = prev.filter(|v| v.basis == basis) {
            if let Some(mut touched) = store.roster_touched_since(view.rev) {
                view.rev = rev;
                touched.extend(flag_changes);
                let mut changed = false;
                for uuid in touched {
                    let key = key_for(store, &view.basis, &uuid);
                    changed |= view.place(&uuid, key);
                }
                return (view, changed);
            }
        }
        let items = store.order().with_untracked(|order| {
            order
                .iter()
                .filter_map(|u| key_for(store, &basis, u).map(|k| (u.clone(), k)))
                .collect()
        });
        (ListView::new(basis, rev, items), true)
    })
}
