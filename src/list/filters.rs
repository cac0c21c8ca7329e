//! The list's search box and filter bar over a [`ListQuery`]: the search on the heading line,
//! then the state, role, protocol and sort selects, the saved view, and the rest of the filters under a disclosure that counts the
//! ones on, so the bar stays one line on a desktop.

use crate::i18n::{Text, Tr};
use crate::list::more_filters::MoreFilters;
use crate::list::query::{protocols, ListQuery};
use crate::list::saved_views::SavedViews;
use crate::platform::session::LiveSession;
use huikong_core::keymap::KeyAct;
use huikong_core::list::filter::StateFilter;
use huikong_core::list::sort::SortBy;
use huikong_protocol::Role;
use leptos::html;
use leptos::prelude::*;

/// The participant search box, for `/` and the palette to focus: made by the meeting page,
/// bound here.
#[derive(Debug, Clone, Copy)]
pub struct SearchBox(pub NodeRef<html::Input>);

/// The search box, on the list's heading line: the whole of the line's width left by the
/// heading, so a name or an address fits however many filters the bar holds.
#[component]
pub fn ListSearch(query: ListQuery) -> impl IntoView {
    let tr = Tr::use_context();
    let search_box = use_context::<SearchBox>().map_or_else(NodeRef::new, |b| b.0);
    let search = query.search;
    view! {
        <label class="compact search"><span class="label-text">{tr.text(Text::Search)}</span>
            <input type="search" data-testid="participant-search" node_ref=search_box
                aria-keyshortcuts=KeyAct::Search.aria() placeholder=move || tr.t(Text::Search)
                prop:value=move || search.get()
                on:input=move |ev| search.set(event_target_value(&ev))/>
        </label>
    }
}

/// The filter and sort selects, the view, and "more filters".
#[component]
pub fn ListFilters(query: ListQuery) -> impl IntoView {
    let tr = Tr::use_context();
    let store = expect_context::<LiveSession>().store;
    let protocols = protocols(store);
    let views = SavedViews::load(query);
    let open = RwSignal::new(false);
    let toggle = NodeRef::<leptos::html::Button>::new();
    let ListQuery {
        state: state_f,
        role: role_f,
        protocol: proto_f,
        sort,
        ..
    } = query;
    let more = Memo::new(move |_| query.more_active());
    view! {
        <div class="filters">
            <label class="compact"><span class="label-text">{tr.text(Text::FilterState)}</span>
                <select data-testid="filter-state" prop:value=move || state_f.get().as_str()
                    on:change=move |ev| state_f.set(StateFilter::parse(&event_target_value(&ev)))>
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
                <select data-testid="sort-by" prop:value=move || sort.get().as_str()
                    on:change=move |ev| sort.set(SortBy::parse(&event_target_value(&ev)))>
                    <option value="join" selected=move || sort.get() == SortBy::Join>{tr.text(Text::SortJoin)}</option>
                    <option value="speaking" selected=move || sort.get() == SortBy::Speaking>{tr.text(Text::SortSpeaking)}</option>
                    <option value="name" selected=move || sort.get() == SortBy::Name>{tr.text(Text::SortName)}</option>
                </select>
            </label>
            <ViewSelect views=views/>
            <button type="button" class="small more-filters-toggle" data-testid="more-filters" node_ref=toggle
                aria-controls="more-filters" aria-expanded=move || open.get().to_string()
                data-count=move || more.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)>
                {move || match more.get() {
                    0 => tr.t(Text::MoreFilters).to_owned(),
                    n => tr.fmt(Text::MoreFiltersN, &[("n", &n.to_string())]),
                }}
            </button>
        </div>
        <MoreFilters query=query views=views open=open toggle=toggle/>
    }
}

/// The saved view's select, marking the chosen one "modified" once the filters differ.
#[component]
fn ViewSelect(views: SavedViews) -> impl IntoView {
    let tr = Tr::use_context();
    let active = views.active;
    let modified = Memo::new(move |_| views.modified());
    view! {
        // "Modified" is a dot beside the label to the eye (like an editor's unsaved tab) and
        // words in the select's name, so the bar stays one line.
        <label class="compact view-select">
            <span class="label-text">{tr.text(Text::ViewLabel)}
                <span class="view-modified" data-testid="view-modified" hidden=move || !modified.get()
                    title=move || tr.t(Text::ViewModified)>
                    <span aria-hidden="true">"•"</span>
                    <span class="visually-hidden">{move || format!(" ({})", tr.t(Text::ViewModified))}</span>
                </span>
            </span>
            <select data-testid="view-select" prop:value=move || active.get().unwrap_or_default()
                on:change=move |ev| {
                    let name = event_target_value(&ev);
                    views.choose((!name.is_empty()).then_some(name));
                }>
                <option value="" selected=move || active.with(Option::is_none)>{tr.text(Text::ViewNone)}</option>
                <For each=move || views.views.get() key=|v| v.name.clone() let:v>
                    {
                        let name = v.name.clone();
                        let is = move || active.with(|a| a.as_deref() == Some(name.as_str()));
                        view! { <option value=v.name.clone() selected=is>{v.name.clone()}</option> }
                    }
                </For>
            </select>
        </label>
    }
}
