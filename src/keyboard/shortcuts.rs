//! The page's keyboard shortcuts, and the palette and help they open. Ctrl+K (⌘K) opens the
//! palette from anywhere, a field included; the single keys never fire while typing in a field,
//! with Ctrl, Alt or ⌘ held, or while a dialog is open (Shift only for `?`). The list's row
//! letters are the list's own (`virtual_list.rs`).

use crate::command::acts::Act;
use crate::command::runner::{Commands, KeysUi};
use crate::keyboard::help::HelpDialog;
use crate::keyboard::palette::Palette;
use crate::panels::PanelId;
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Where text goes, or a key picks a value: a checkbox, a radio button or a push button is none
/// of these, so the shortcuts still work from one.
const FIELDS: &str = "input:not([type=checkbox]):not([type=radio]):not([type=button]):not([type=submit]):not([type=reset]), \
    select, textarea, [contenteditable]:not([contenteditable=\"false\"])";

/// Whether the key was typed in a field, a select or an editable element.
pub fn in_field(ev: &web_sys::KeyboardEvent) -> bool {
    let target = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    target.is_some_and(|t| t.closest(FIELDS).ok().flatten().is_some())
}

/// Whether a modal dialog is open: its keys are its own.
fn dialog_open() -> bool {
    document()
        .query_selector("dialog[open]")
        .ok()
        .flatten()
        .is_some()
}

/// The act a single key asks for, if any (the key as `KeyboardEvent.key` names it).
pub fn single_key(key: &str, cmds: &Commands) -> Option<Act> {
    Some(match key {
        "?" => Act::Help,
        "/" => Act::Search,
        "l" => cmds.lock_toggle(),
        "g" => cmds.guests_toggle(),
        "a" => Act::AdmitAll,
        "d" => Act::Dense,
        n => {
            let i = n.parse::<usize>().ok()?.checked_sub(1)?;
            Act::Panel(*PanelId::ALL.get(i)?)
        }
    })
}

/// Whether the palette's chord: Ctrl+K, or ⌘K on a Mac.
pub fn is_palette_chord(ev: &web_sys::KeyboardEvent) -> bool {
    (ev.ctrl_key() || ev.meta_key()) && !ev.alt_key() && ev.key().eq_ignore_ascii_case("k")
}

/// Mounted once by the meeting page: the shortcuts, the palette and the help.
#[component]
pub fn KeyboardControl(#[prop(into)] leave: Callback<()>) -> impl IntoView {
    let ui = KeysUi {
        palette: RwSignal::new(false),
        help: RwSignal::new(false),
    };
    provide_context(ui);
    let cmds = Commands::new(Some(leave));
    let c = cmds.clone();
    let listener = window_event_listener(ev::keydown, move |e| {
        if e.default_prevented() {
            return;
        }
        if is_palette_chord(&e) {
            e.prevent_default();
            if !dialog_open() {
                ui.palette.set(true);
            }
            return;
        }
        if e.ctrl_key() || e.alt_key() || e.meta_key() || in_field(&e) || dialog_open() {
            return;
        }
        if let Some(act) = single_key(&e.key(), &c) {
            e.prevent_default();
            c.run(&act);
        }
    });
    on_cleanup(move || listener.remove());
    let c = cmds.clone();
    view! {
        <Show when=move || ui.palette.get()>
            <Palette cmds=c.clone() on_close=move |()| ui.palette.set(false)/>
        </Show>
        <Show when=move || ui.help.get()>
            <HelpDialog on_close=move |()| ui.help.set(false)/>
        </Show>
    }
}
