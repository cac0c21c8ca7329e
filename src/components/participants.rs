//! The live participant list: search, filters, sort, and one keyed row per participant.

use crate::components::row::ParticipantRow;
use crate::i18n::{Tr, K};
use crate::session::Session;
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

/// The name to show for a participant: its display name, else what else identifies it.
pub fn shown_name(p: &Participant) -> String {
    [&p.display_name, &p.overlay_text, &p.uri, &p.uuid]
        .into_iter()
        .find(|s| !s.trim().is_empty())
        .cloned()
        .unwrap_or_default()
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

/// The spotlight order: uuid to its place (1 = first spotlit, the main position).
pub fn spotlight_order(spots: &mut [(f64, String)]) -> HashMap<String, usize> {
    spots.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
    spots
        .iter()
        .enumerate()
        .map(|(i, (_, u))| (u.clone(), i + 1))
        .collect()
}

#[component]
pub fn ParticipantList() -> impl IntoView {
    let tr = Tr::use_context();
    let session = expect_context::<Session>();
    let store = session.store;
    let search = RwSignal::new(String::new());
    let state_f = RwSignal::new(StateFilter::All);
    let role_f = RwSignal::new(None::<Role>);
    let proto_f = RwSignal::new(String::new());
    let sort = RwSignal::new(SortBy::Join);

    let protocols = Memo::new(move |_| {
        store.order.with(|o| {
            o.iter()
                .filter_map(|u| store.row(u))
                .map(|r| r.p.with(|p| p.protocol.to_lowercase()))
                .filter(|p| !p.is_empty())
                .collect::<BTreeSet<_>>()
        })
    });
    let spots = Memo::new(move |_| {
        let mut v: Vec<(f64, String)> = store.order.with(|o| {
            o.iter()
                .filter_map(|u| store.row(u))
                .filter_map(|r| {
                    r.p.with(|p| p.is_spotlit().then(|| (p.spotlight, p.uuid.clone())))
                })
                .collect()
        });
        spotlight_order(&mut v)
    });
    provide_context(spots);

    let visible = Memo::new(move |_| {
        let q = search.get();
        let (sf, rf, pf, by) = (state_f.get(), role_f.get(), proto_f.get(), sort.get());
        let stage: HashMap<String, (u32, u32)> = store.stage.with(|s| {
            s.iter()
                .map(|e| (e.participant_uuid.clone(), (e.stage_index, e.vad)))
                .collect()
        });
        let mut rows: Vec<(bool, u32, f64, String, String)> = store.order.with(|o| {
            o.iter()
                .filter_map(|u| store.row(u))
                .filter_map(|r| {
                    r.p.with(|p| {
                        let keep = state_matches(sf, p)
                            && rf.is_none_or(|r| r == p.role)
                            && (pf.is_empty() || p.protocol.eq_ignore_ascii_case(&pf))
                            && matches_search(
                                &q,
                                &[&p.display_name, &p.uri, &p.local_alias, &p.overlay_text],
                            );
                        keep.then(|| {
                            let (idx, vad) = stage.get(&p.uuid).copied().unwrap_or((u32::MAX, 0));
                            (
                                vad > 0,
                                idx,
                                p.start_time,
                                shown_name(p).to_lowercase(),
                                p.uuid.clone(),
                            )
                        })
                    })
                })
                .collect()
        });
        match by {
            SortBy::Speaking => rows.sort_by(|a, b| {
                b.0.cmp(&a.0)
                    .then(a.1.cmp(&b.1))
                    .then(a.2.total_cmp(&b.2))
                    .then(a.4.cmp(&b.4))
            }),
            SortBy::Join => rows.sort_by(|a, b| a.2.total_cmp(&b.2).then(a.4.cmp(&b.4))),
            SortBy::Name => rows.sort_by(|a, b| a.3.cmp(&b.3).then(a.4.cmp(&b.4))),
        }
        rows.into_iter().map(|r| r.4).collect::<Vec<String>>()
    });
    let total = Memo::new(move |_| store.order.with(Vec::len));

    view! {
        <section class="card participants" aria-labelledby="participants-h" id="participants">
            <h2 id="participants-h">{move || tr.t(K::Participants)}
                <small class="shown" aria-live="polite">
                    {move || tr.fmt(K::ShownOf, &[("shown", &visible.with(Vec::len).to_string()), ("total", &total.get().to_string())])}
                </small>
            </h2>
            <div class="filters">
                <input type="search" data-testid="participant-search"
                    aria-label=move || tr.t(K::Search) placeholder=move || tr.t(K::Search)
                    on:input=move |ev| search.set(event_target_value(&ev))/>
                <label class="compact"><span class="label-text">{move || tr.t(K::FilterState)}</span>
                    <select data-testid="filter-state" on:change=move |ev| state_f.set(match event_target_value(&ev).as_str() {
                        "conference" => StateFilter::Conference,
                        "waiting" => StateFilter::Waiting,
                        "connecting" => StateFilter::Connecting,
                        _ => StateFilter::All,
                    })>
                        <option value="all">{move || tr.t(K::All)}</option>
                        <option value="conference">{move || tr.t(K::StateInConference)}</option>
                        <option value="waiting">{move || tr.t(K::StateWaiting)}</option>
                        <option value="connecting">{move || tr.t(K::StateConnecting)}</option>
                    </select>
                </label>
                <label class="compact"><span class="label-text">{move || tr.t(K::FilterRole)}</span>
                    <select data-testid="filter-role" on:change=move |ev| role_f.set(Role::parse(&event_target_value(&ev)))>
                        <option value="all">{move || tr.t(K::All)}</option>
                        <option value="chair">{move || tr.t(K::RoleHost)}</option>
                        <option value="guest">{move || tr.t(K::RoleGuest)}</option>
                    </select>
                </label>
                <label class="compact"><span class="label-text">{move || tr.t(K::FilterProtocol)}</span>
                    <select data-testid="filter-protocol" on:change=move |ev| proto_f.set(event_target_value(&ev))>
                        <option value="">{move || tr.t(K::All)}</option>
                        <For each=move || protocols.get() key=|p| p.clone() let:p>
                            <option value=p.clone() selected=move || proto_f.get() == p>{p.clone()}</option>
                        </For>
                    </select>
                </label>
                <label class="compact"><span class="label-text">{move || tr.t(K::SortBy)}</span>
                    <select data-testid="sort-by" on:change=move |ev| sort.set(match event_target_value(&ev).as_str() {
                        "speaking" => SortBy::Speaking,
                        "name" => SortBy::Name,
                        _ => SortBy::Join,
                    })>
                        <option value="join">{move || tr.t(K::SortJoin)}</option>
                        <option value="speaking">{move || tr.t(K::SortSpeaking)}</option>
                        <option value="name">{move || tr.t(K::SortName)}</option>
                    </select>
                </label>
            </div>
            <table class="plist">
                <thead>
                    <tr>
                        <th scope="col">{move || tr.t(K::Name)}</th>
                        <th scope="col">{move || tr.t(K::State)}</th>
                        <th scope="col">{move || tr.t(K::Media)}</th>
                        <th scope="col">{move || tr.t(K::Actions)}</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || visible.get() key=|u| u.clone() let:uuid>
                        <ParticipantRow uuid=uuid/>
                    </For>
                </tbody>
            </table>
            <p class="empty" hidden=move || !visible.with(Vec::is_empty)>{move || tr.t(K::NoParticipants)}</p>
        </section>
    }
}
