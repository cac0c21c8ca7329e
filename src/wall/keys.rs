//! The wall's keys: 1–9 open the room at that place, Ctrl+K (or /) goes to the box that opens a
//! room by name, Alt+W goes back from a room to the wall. Digits are the room's own (its dock's
//! tabs) once it is open, so they act only on the wall.

use super::Wall;
use crate::i18n::Tr;
use huikong_core::wall::WallText;
use leptos::prelude::*;

fn typing(e: &web_sys::KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || el.is_content_editable()
        })
}

/// Listens on the window for as long as the wall is up.
pub fn install(wall: Wall, jump: NodeRef<leptos::html::Input>) {
    let handle = window_event_listener(leptos::ev::keydown, move |e| {
        let open = wall.focused.get_untracked().is_some();
        if e.alt_key() && !e.ctrl_key() && e.code() == "KeyW" {
            if open {
                e.prevent_default();
                wall.back();
            }
            return;
        }
        if open || e.alt_key() || e.meta_key() {
            return;
        }
        if (e.ctrl_key() && e.key().eq_ignore_ascii_case("k"))
            || (!e.ctrl_key() && e.key() == "/" && !typing(&e))
        {
            if let Some(input) = jump.get_untracked() {
                e.prevent_default();
                let _ = input.focus();
            }
            return;
        }
        if e.ctrl_key() || typing(&e) {
            return;
        }
        if let Some(n) = e
            .key()
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=9).contains(n))
        {
            if let Some(room) = wall.at_place(n) {
                e.prevent_default();
                wall.open(room.id);
            }
        }
    });
    on_cleanup(move || handle.remove());
}

/// Opens a room by its name or address: the first match, as the operator types.
#[component]
pub fn JumpBox(input: NodeRef<leptos::html::Input>) -> impl IntoView {
    let tr = Tr::use_context();
    let wall = Wall::use_context();
    let text = RwSignal::new(String::new());
    let missing = RwSignal::new(false);
    let go = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let q = text.get_untracked().trim().to_lowercase();
        let found = wall.rooms.get_untracked().into_iter().find(|r| {
            r.live.with_untracked(Option::is_some)
                && r.entry.with_value(|e| {
                    e.title().to_lowercase().contains(&q)
                        || e.conference.to_lowercase().contains(&q)
                })
        });
        missing.set(found.is_none());
        if let Some(r) = found {
            text.set(String::new());
            wall.open(r.id);
        }
    };
    view! {
        <form class="wall-jump" role="search" on:submit=go>
            <label for="wall-jump">{tr.text(WallText::Jump)}</label>
            <input id="wall-jump" type="search" list="wall-jump-rooms" node_ref=input data-testid="wall-jump"
                aria-keyshortcuts="Control+K" aria-describedby="wall-jump-hint"
                prop:value=move || text.get() on:input=move |ev| { missing.set(false); text.set(event_target_value(&ev)); }/>
            <datalist id="wall-jump-rooms">
                {move || wall.rooms.get().into_iter().map(|r| view! { <option value=r.title()></option> }).collect_view()}
            </datalist>
            <p id="wall-jump-hint" class="muted">{tr.text(WallText::JumpHint)}</p>
            <p class="error" role="alert" data-testid="wall-jump-error">
                {move || missing.get().then(|| tr.t(WallText::NoMatch))}</p>
        </form>
    }
}
