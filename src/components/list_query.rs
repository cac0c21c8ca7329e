//! What the participant list shows, as functions of the store and the list's query: filters,
//! sort, the protocols on offer and the spotlight order. They read rows untracked and follow
//! `Store::roster_rev` instead, so a mute or a speaking change costs them nothing; and on a
//! revision they look again only at those the roster's journal says it touched, so a frame's
//! batch costs what changed, not the meeting's size.

use crate::components::list_view::{Basis, ListView, SortKey};
use crate::state::store::Store;
use huikong_protocol::{Participant, Role, ServiceType};
use leptos::prelude::*;
use std::collections::{BTreeSet, HashMap};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StateFilter {
    All,
    Conference,
    Waiting,
    Connecting,
}

impl StateFilter {
    /// The filter select's value for it.
    pub fn as_str(self) -> &'static str {
        match self {
            StateFilter::All => "all",
            StateFilter::Conference => "conference",
            StateFilter::Waiting => "waiting",
            StateFilter::Connecting => "connecting",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortBy {
    Speaking,
    Join,
    Name,
}

/// The list's search, filters and sort, as the user set them.
#[derive(Debug, Clone, Copy)]
pub struct ListQuery {
    pub search: RwSignal<String>,
    pub state: RwSignal<StateFilter>,
    pub role: RwSignal<Option<Role>>,
    /// A protocol in lower case; empty for all.
    pub protocol: RwSignal<String>,
    pub sort: RwSignal<SortBy>,
}

impl ListQuery {
    pub fn new() -> ListQuery {
        ListQuery {
            search: RwSignal::new(String::new()),
            state: RwSignal::new(StateFilter::All),
            role: RwSignal::new(None),
            protocol: RwSignal::new(String::new()),
            sort: RwSignal::new(SortBy::Join),
        }
    }
}

impl ListQuery {
    /// Shows everyone again: no search, no filter (the sort stays as chosen).
    pub fn clear(&self) {
        self.search.set(String::new());
        self.state.set(StateFilter::All);
        self.role.set(None);
        self.protocol.set(String::new());
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

fn state_matches(f: StateFilter, p: &Participant) -> bool {
    match f {
        StateFilter::All => true,
        StateFilter::Conference => matches!(
            p.service_type,
            ServiceType::Conference | ServiceType::Gateway
        ),
        StateFilter::Waiting => p.is_waiting(),
        StateFilter::Connecting => p.service_type == ServiceType::Connecting,
    }
}

/// The spotlight order: uuid to its place (1 = first spotlit, the main position). `spots`
/// come in arrival order, which breaks ties of the same second as the platform does.
pub fn spotlight_order(spots: &mut [(f64, String)]) -> HashMap<String, usize> {
    // A stable sort: equal times keep their arrival order.
    spots.sort_by(|a, b| a.0.total_cmp(&b.0));
    spots
        .iter()
        .enumerate()
        .map(|(i, (_, u))| (u.clone(), i + 1))
        .collect()
}

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
            .then(|| (arrival, p.spotlight, p.uuid.clone()))
    });
    let spots = Memo::new(move |_| {
        let mut v: Vec<(u64, f64, String)> = spotlit.with(|s| s.values().cloned().collect());
        // Arrival order first: the spotlight sort is stable, so it breaks ties of one second.
        v.sort_by_key(|s| s.0);
        let mut v: Vec<(f64, String)> = v.into_iter().map(|(_, t, u)| (t, u)).collect();
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
    row.p.with_untracked(|p| {
        let keep = state_matches(basis.state, p)
            && basis.role.is_none_or(|r| r == p.role)
            && (basis.protocol.is_empty() || p.protocol.eq_ignore_ascii_case(&basis.protocol))
            && (basis.search.is_empty()
                || [&p.display_name, &p.uri, &p.local_alias, &p.overlay_text]
                    .iter()
                    .any(|f| f.to_lowercase().contains(&basis.search)));
        keep.then(|| {
            let (stage_index, vad) = basis
                .stage
                .iter()
                .find(|(u, _, _)| u == uuid)
                .map_or((u32::MAX, 0), |(_, i, v)| (*i, *v));
            SortKey {
                speaking: vad > 0,
                stage_index,
                start: p.start_time,
                name: if basis.by == SortBy::Name {
                    p.shown_name().to_lowercase()
                } else {
                    String::new()
                },
                arrival: row.arrival,
            }
        })
    })
}

/// The uuids the list shows, in its order. A change of the query (or of the stage, under the
/// speaking sort) sorts everyone again; a roster revision only repositions those it touched.
pub fn visible(store: Store, query: ListQuery) -> Memo<ListView> {
    let ListQuery {
        search,
        state,
        role,
        protocol,
        sort,
    } = query;
    Memo::new_owning(move |prev: Option<ListView>| {
        let by = sort.get();
        let basis = Basis {
            search: search.with(|q| q.trim().to_lowercase()),
            state: state.get(),
            role: role.get(),
            protocol: protocol.get(),
            by,
            stage: if by == SortBy::Speaking {
                store.stage().with(|s| {
                    s.iter()
                        .map(|e| (e.participant_uuid.clone(), e.stage_index, e.vad))
                        .collect()
                })
            } else {
                Vec::new()
            },
        };
        let rev = store.roster_rev().get();
        if let Some(mut view) = prev.filter(|v| v.basis == basis) {
            if let Some(touched) = store.roster_touched_since(view.rev) {
                view.rev = rev;
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
