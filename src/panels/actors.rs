//! Picking and ordering the actors of a layout override: find a participant by name, add them,
//! move them up and down. The order is the order of the tiles.

use crate::i18n::{Text, Tr};
use crate::list::virtual_list::NameInList;
use crate::panels::geometry::{add_actor, move_actor, prune_actors, remove_actor};
use crate::platform::session::LiveSession;
use crate::state::store::Store;
use huikong_core::search::matches_search;
use leptos::html;
use leptos::prelude::*;

/// How many participants the candidate list offers at once; a search narrows it.
const CANDIDATES: usize = 200;

/// A participant's name as shown, or the start of the uuid if they are not listed.
pub fn name_of(store: Store, uuid: &str) -> String {
    match store.row(uuid) {
        Some(row) => row.p.with(|p| p.shown_name().to_owned()),
        None => uuid.chars().take(8).collect(),
    }
}

#[component]
pub fn ActorPicker(actors: RwSignal<Vec<String>>) -> impl IntoView {
    let tr = Tr::use_context();
    let session = expect_context::<LiveSession>();
    let store = session.store;
    let search = RwSignal::new(String::new());
    let picked = RwSignal::new(String::new());

    // Someone who left cannot be an actor any more.
    Effect::new(move |_| {
        store.order().track();
        let gone = actors.with_untracked(|a| a.iter().any(|u| store.row(u).is_none()));
        if gone {
            actors.update(|a| {
                prune_actors(a, |u| store.row(u).is_some());
            });
        }
    });

    // Names are read untracked: a list of thousands must not recount on every update of one.
    let candidates = Memo::new(move |_| {
        let s = search.get();
        let chosen = actors.get();
        store.roster_rev().track();
        store.order().with(|order| {
            order
                .iter()
                .filter(|u| !chosen.contains(u))
                .filter_map(|u| {
                    let row = store.row(u)?;
                    row.p.with_untracked(|p| {
                        let name = p.shown_name().to_owned();
                        (p.has_media && matches_search(&s, &[&name, &p.uri]))
                            .then(|| (u.clone(), name))
                    })
                })
                .take(CANDIDATES)
                .collect::<Vec<_>>()
        })
    });
    // Keep the selection on an offered participant, so Add adds what the list shows.
    Effect::new(move |_| {
        candidates.with(|c| {
            let p = picked.get_untracked();
            if !c.iter().any(|(u, _)| *u == p) {
                picked.set(c.first().map(|(u, _)| u.clone()).unwrap_or_default());
            }
        });
    });
    let add = move || {
        let p = picked.get_untracked();
        actors.update(|a| {
            add_actor(a, &p);
        });
    };
    view! {
        <fieldset class="actors" data-testid="layout-actors">
            <legend>{tr.text(Text::LayoutActors)}</legend>
            <p class="hint"><small>{tr.text(Text::LayoutActorsHint)}</small></p>
            <div class="actor-add">
                <label>{tr.text(Text::ActorSearch)}
                    <input type="search" data-testid="layout-actor-search" autocomplete="off"
                        bind:value=search
                        on:keydown=move |ev: web_sys::KeyboardEvent| {
                            if ev.key() == "Enter" {
                                ev.prevent_default();
                                add();
                            }
                        }/></label>
                <label>{tr.text(Text::ActorCandidate)}
                    <select data-testid="layout-actor-candidates"
                        prop:value=move || picked.get()
                        on:change=move |ev| picked.set(event_target_value(&ev))>
                        <For each=move || candidates.get() key=|c| c.clone() let:c>
                            <option value=c.0.clone()>{c.1.clone()}</option>
                        </For>
                    </select></label>
                <button type="button" class="small" data-testid="layout-actor-add"
                    disabled=move || picked.with(String::is_empty)
                    on:click=move |_| add()>{tr.text(Text::ActorAdd)}</button>
            </div>
            <p class="empty" hidden=move || !candidates.with(Vec::is_empty)>
                {tr.text(Text::ActorNoCandidates)}</p>
            <ol class="actor-list" data-testid="layout-actor-list">
                <For each=move || actors.get() key=|u| u.clone() let:uuid>
                    <ActorItem uuid=uuid actors=actors/>
                </For>
            </ol>
        </fieldset>
    }
}

/// One chosen actor with its order buttons. Keyed by uuid, so a move moves this element and
/// the focus can follow the button that was pressed.
#[component]
fn ActorItem(uuid: String, actors: RwSignal<Vec<String>>) -> impl IntoView {
    let tr = Tr::use_context();
    let store = expect_context::<LiveSession>().store;
    let name = {
        let u = uuid.clone();
        Memo::new(move |_| {
            store.order().track();
            name_of(store, &u)
        })
    };
    let first = {
        let u = uuid.clone();
        Memo::new(move |_| actors.with(|a| a.first() == Some(&u)))
    };
    let last = {
        let u = uuid.clone();
        Memo::new(move |_| actors.with(|a| a.last() == Some(&u)))
    };
    let up_ref = NodeRef::<html::Button>::new();
    let down_ref = NodeRef::<html::Button>::new();
    let shift = {
        let u = uuid.clone();
        move |up: bool| {
            actors.update(|a| {
                move_actor(a, &u, up);
            });
            // Moving the element takes the focus away from it: give it back once the list is
            // redrawn, to the other button when this one has become disabled.
            set_timeout(
                move || {
                    // The row may be gone by now (its actor removed): then nothing to focus.
                    let Some(at_end) = (if up {
                        first.try_get_untracked()
                    } else {
                        last.try_get_untracked()
                    }) else {
                        return;
                    };
                    let target = if up != at_end { up_ref } else { down_ref };
                    if let Some(b) = target.try_get_untracked().flatten() {
                        let _ = b.focus();
                    }
                },
                std::time::Duration::ZERO,
            );
        }
    };
    let shift_up = shift.clone();
    let u = uuid.clone();
    view! {
        <li data-testid="layout-actor" data-uuid=uuid>
            <span class="actor-name"><NameInList uuid=uuid.clone()>{move || name.get()}</NameInList></span>
            <span class="actor-buttons">
                <button type="button" class="icon-button" data-testid="layout-actor-up" node_ref=up_ref
                    disabled=move || first.get()
                    aria-label=move || tr.fmt(Text::ActorUpX, &[("name", &name.get())])
                    on:click=move |_| shift_up(true)>"↑"</button>
                <button type="button" class="icon-button" data-testid="layout-actor-down" node_ref=down_ref
                    disabled=move || last.get()
                    aria-label=move || tr.fmt(Text::ActorDownX, &[("name", &name.get())])
                    on:click=move |_| shift(false)>"↓"</button>
                <button type="button" class="icon-button" data-testid="layout-actor-remove"
                    aria-label=move || tr.fmt(Text::ActorRemoveX, &[("name", &name.get())])
                    on:click=move |_| actors.update(|a| { remove_actor(a, &u); })>"×"</button>
            </span>
        </li>
    }
}
