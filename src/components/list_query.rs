//! What the participant list shows, as functions of the store and the list's query: filters,
//! sort, the protocols on offer and the spotlight order. The list reads rows untracked and
//! follows `Store::roster_rev` instead, so these recompute only when something they sort,
//! filter or rank by changes, not on every mute.

use crate::state::store::Store;
use crate::util::matches_search;
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

/// Provides the [`SpotlightOrder`] of everyone in the meeting.
pub fn provide_spotlight_order(store: Store) {
    let spots = Memo::new(move |_| {
        store.roster_rev().track();
        let mut v: Vec<(f64, String)> = store.order().with(|o| {
            o.iter()
                .filter_map(|u| store.row(u))
                .filter_map(|r| {
                    r.p.with_untracked(|p| p.is_spotlit().then(|| (p.spotlight, p.uuid.clone())))
                })
                .collect()
        });
        spotlight_order(&mut v)
    });
    provide_context(SpotlightOrder(spots));
}

/// The protocols of those in the meeting, for the protocol filter.
pub fn protocols(store: Store) -> Memo<BTreeSet<String>> {
    Memo::new(move |_| {
        store.roster_rev().track();
        store.order().with(|o| {
            o.iter()
                .filter_map(|u| store.row(u))
                .map(|r| r.p.with_untracked(|p| p.protocol.to_lowercase()))
                .filter(|p| !p.is_empty())
                .collect::<BTreeSet<_>>()
        })
    })
}

/// What the list sorts by; `at` is the place in arrival order, the last tie-breaker.
struct SortKey {
    speaking: bool,
    stage_index: u32,
    start: f64,
    name: String,
    at: usize,
}

/// The uuids the list shows, in its order.
pub fn visible(store: Store, query: ListQuery) -> Memo<Vec<String>> {
    let ListQuery {
        search,
        state: state_f,
        role: role_f,
        protocol: proto_f,
        sort,
    } = query;
    Memo::new(move |_| {
        let q = search.get();
        let (sf, rf, pf, by) = (state_f.get(), role_f.get(), proto_f.get(), sort.get());
        // Speaking order only matters to the speaking sort: other sorts ignore stage events.
        let stage: HashMap<String, (u32, u32)> = if by == SortBy::Speaking {
            store.stage().with(|s| {
                s.iter()
                    .map(|e| (e.participant_uuid.clone(), (e.stage_index, e.vad)))
                    .collect()
            })
        } else {
            HashMap::new()
        };
        store.roster_rev().track();
        let order = store.order().read();
        let mut rows: Vec<SortKey> = Vec::with_capacity(order.len());
        for (i, u) in order.iter().enumerate() {
            let Some(r) = store.row(u) else { continue };
            let key = r.p.with_untracked(|p| {
                let keep = state_matches(sf, p)
                    && rf.is_none_or(|r| r == p.role)
                    && (pf.is_empty() || p.protocol.eq_ignore_ascii_case(&pf))
                    && matches_search(
                        &q,
                        &[&p.display_name, &p.uri, &p.local_alias, &p.overlay_text],
                    );
                keep.then(|| {
                    let (stage_index, vad) = stage.get(&p.uuid).copied().unwrap_or((u32::MAX, 0));
                    SortKey {
                        speaking: vad > 0,
                        stage_index,
                        start: p.start_time,
                        name: if by == SortBy::Name {
                            p.shown_name().to_lowercase()
                        } else {
                            String::new()
                        },
                        at: i,
                    }
                })
            });
            rows.extend(key);
        }
        match by {
            SortBy::Speaking => rows.sort_by(|a, b| {
                b.speaking
                    .cmp(&a.speaking)
                    .then(a.stage_index.cmp(&b.stage_index))
                    .then(a.start.total_cmp(&b.start))
                    .then(a.at.cmp(&b.at))
            }),
            SortBy::Join => rows.sort_by(|a, b| a.start.total_cmp(&b.start).then(a.at.cmp(&b.at))),
            SortBy::Name => rows.sort_by(|a, b| a.name.cmp(&b.name).then(a.at.cmp(&b.at))),
        }
        rows.into_iter()
            .map(|r| order[r.at].clone())
            .collect::<Vec<String>>()
    })
}
