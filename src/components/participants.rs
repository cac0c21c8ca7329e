//! The live participant list: search, filters, sort, and one keyed row per participant.

use crate::components::row::ParticipantRow;
use crate::i18n::{Text, Tr};
use crate::platform::session::LiveSession;
use crate::state::roster::shown_name;
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

/// What the list sorts by; `at` is the place in arrival order, the last tie-breaker.
struct SortKey {
    speaking: bool,
    stage_index: u32,
    start: f64,
    name: String,
    at: usize,
}

#[component]
pub fn ParticipantList() -> impl IntoView {
    let tr = Tr::use_context();
    let session = expect_context::<LiveSession>();
    let store = session.store;
    let search = RwSignal::new(String::new());
    let state_f = RwSignal::new(StateFilter::All);
    let role_f = RwSignal::new(None::<Role>);
    let proto_f = RwSignal::new(String::new());
    let sort = RwSignal::new(SortBy::Join);

    // The list's memos read rows untracked and follow `store.roster_rev()` instead: they recompute
    // only when something they sort, filter or rank by changes, not on every mute.
    let protocols = Memo::new(move |_| {
        store.roster_rev().track();
        store.order().with(|o| {
            o.iter()
                .filter_map(|u| store.row(u))
                .map(|r| r.p.with_untracked(|p| p.protocol.to_lowercase()))
                .filter(|p| !p.is_empty())
                .collect::<BTreeSet<_>>()
        })
    });
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
    provide_context(spots);

    let visible = Memo::new(move |_| {
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
                            shown_name(p).to_lowercase()
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
    });
    let total = Memo::new(move |_| store.order().with(Vec::len));

    view! {
        <section class="card participants" aria-labelledby="participants-h" id="participants">
            <h2 id="participants-h">{move || tr.t(Text::Participants)}
                <small class="shown" aria-live="polite">
                    {move || tr.fmt(Text::ShownOf, &[("shown", &visible.with(Vec::len).to_string()), ("total", &total.get().to_string())])}
                </small>
            </h2>
            <div class="filters">
                <label class="compact search"><span class="label-text">{move || tr.t(Text::Search)}</span>
                    <input type="search" data-testid="participant-search"
                        on:input=move |ev| search.set(event_target_value(&ev))/>
                </label>
                <label class="compact"><span class="label-text">{move || tr.t(Text::FilterState)}</span>
                    <select data-testid="filter-state" on:change=move |ev| state_f.set(match event_target_value(&ev).as_str() {
                        "conference" => StateFilter::Conference,
                        "waiting" => StateFilter::Waiting,
                        "connecting" => StateFilter::Connecting,
                        _ => StateFilter::All,
                    })>
                        <option value="all">{move || tr.t(Text::All)}</option>
                        <option value="conference">{move || tr.t(Text::StateInConference)}</option>
                        <option value="waiting">{move || tr.t(Text::StateWaiting)}</option>
                        <option value="connecting">{move || tr.t(Text::StateConnecting)}</option>
                    </select>
                </label>
                <label class="compact"><span class="label-text">{move || tr.t(Text::FilterRole)}</span>
                    <select data-testid="filter-role" on:change=move |ev| role_f.set(Role::parse(&event_target_value(&ev)))>
                        <option value="all">{move || tr.t(Text::All)}</option>
                        <option value="chair">{move || tr.t(Text::RoleHost)}</option>
                        <option value="guest">{move || tr.t(Text::RoleGuest)}</option>
                    </select>
                </label>
                <label class="compact"><span class="label-text">{move || tr.t(Text::FilterProtocol)}</span>
                    <select data-testid="filter-protocol" on:change=move |ev| proto_f.set(event_target_value(&ev))>
                        <option value="">{move || tr.t(Text::All)}</option>
                        <For each=move || protocols.get() key=|p| p.clone() let:p>
                            <option value=p.clone() selected=move || proto_f.get() == p>{p.clone()}</option>
                        </For>
                    </select>
                </label>
                <label class="compact"><span class="label-text">{move || tr.t(Text::SortBy)}</span>
                    <select data-testid="sort-by" on:change=move |ev| sort.set(match event_target_value(&ev).as_str() {
                        "speaking" => SortBy::Speaking,
                        "name" => SortBy::Name,
                        _ => SortBy::Join,
                    })>
                        <option value="join">{move || tr.t(Text::SortJoin)}</option>
                        <option value="speaking">{move || tr.t(Text::SortSpeaking)}</option>
                        <option value="name">{move || tr.t(Text::SortName)}</option>
                    </select>
                </label>
            </div>
            <ul class="plist" aria-labelledby="participants-h">
                <For each=move || visible.get() key=|u| u.clone() let:uuid>
                    <ParticipantRow uuid=uuid/>
                </For>
            </ul>
            <p class="empty" hidden=move || !visible.with(Vec::is_empty)>{move || tr.t(Text::NoParticipants)}</p>
        </section>
    }
}
