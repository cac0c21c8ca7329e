//! The list's search box and its filter and sort selects, over a [`ListQuery`].

use crate::components::list_query::{protocols, ListQuery, SortBy, StateFilter};
use crate::i18n::{Text, Tr};
use crate::platform::session::LiveSession;
use huikong_protocol::Role;
use leptos::prelude::*;

/// The search box and the filter and sort selects.
#[component]
pub fn ListFilters(query: ListQuery) -> impl IntoView {
    let tr = Tr::use_context();
    let store = expect_context::<LiveSession>().store;
    let protocols = protocols(store);
    let ListQuery {
        search,
        state: state_f,
        role: role_f,
        protocol: proto_f,
        sort,
    } = query;
    view! {
            <div class="filters">
                <label class="compact search"><span class="label-text">{tr.text(Text::Search)}</span>
                    <input type="search" data-testid="participant-search"
                        prop:value=move || search.get()
                        on:input=move |ev| search.set(event_target_value(&ev))/>
                </label>
                <label class="compact"><span class="label-text">{tr.text(Text::FilterState)}</span>
                    <select data-testid="filter-state" prop:value=move || state_f.get().as_str() on:change=move |ev| state_f.set(match event_target_value(&ev).as_str() {
                        "conference" => StateFilter::Conference,
                        "waiting" => StateFilter::Waiting,
                        "connecting" => StateFilter::Connecting,
                        _ => StateFilter::All,
                    })>
                        <option value="all">{tr.text(Text::All)}</option>
                        <option value="conference">{tr.text(Text::StateInConference)}</option>
                        <option value="waiting">{tr.text(Text::StateWaiting)}</option>
                        <option value="connecting">{tr.text(Text::StateConnecting)}</option>
                    </select>
                </label>
                <label class="compact"><span class="label-text">{tr.text(Text::FilterRole)}</span>
                    <select data-testid="filter-role" prop:value=move || role_f.get().map_or("all", |r| r.as_chair()) on:change=move |ev| role_f.set(Role::parse(&event_target_value(&ev)))>
                        <option value="all">{tr.text(Text::All)}</option>
                        <option value="chair">{tr.text(Text::RoleHost)}</option>
                        <option value="guest">{tr.text(Text::RoleGuest)}</option>
                    </select>
                </label>
                <label class="compact"><span class="label-text">{tr.text(Text::FilterProtocol)}</span>
                    <select data-testid="filter-protocol" prop:value=move || proto_f.get() on:change=move |ev| proto_f.set(event_target_value(&ev))>
                        <option value="">{tr.text(Text::All)}</option>
                        <For each=move || protocols.get() key=|p| p.clone() let:p>
                            <option value=p.clone() selected=move || proto_f.get() == p>{p.clone()}</option>
                        </For>
                    </select>
                </label>
                <label class="compact"><span class="label-text">{tr.text(Text::SortBy)}</span>
                    <select data-testid="sort-by" on:change=move |ev| sort.set(match event_target_value(&ev).as_str() {
                        "speaking" => SortBy::Speaking,
                        "name" => SortBy::Name,
                        _ => SortBy::Join,
                    })>
                        <option value="join">{tr.text(Text::SortJoin)}</option>
                        <option value="speaking">{tr.text(Text::SortSpeaking)}</option>
                        <option value="name">{tr.text(Text::SortName)}</option>
                    </select>
                </label>
            </div>
    }
}
