//! The page's keyboard shortcuts, and the palette and help they open. Ctrl+K (⌘K) opens the
//! palette from anywhere, a field included; the single keys never fire while typing in a field,
//! with Ctrl, Alt or ⌘ held, or while a dialog is open (Shift only for `?`). The list's row
//! letters are the list's own (`virtual_list.rs`).

use crate::command::act::Act;
use crate::command::service::Commands;
use crate::keyboard::help::HelpDialog;
use crate::keyboard::palette::Palette;
use huikong_core::keymap::{lookup, KeyAct, Scope};
use huikong_core::panel::PanelId;
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

/// The dialogs of the keyboard's own: the palette and the help. Provided by the meeting page
/// (`meeting/page_acts.rs`), which opens the help when asked.
#[derive(Debug, Clone, Copy)]
pub struct KeysUi {
    pub palette: RwSignal<bool>,
    pub help: RwSignal<bool>,
}

/// Whether a modal dialog is open: its keys are its own. (The check reads the page's state,
/// it presses nothing.)
fn dialog_open() -> bool {
    document()
        .query_selector("dialog[open]")
        .ok()
        .flatten()
        .is_some()
}

/// The act a single key of the page asks for, if any (the key as `KeyboardEvent.key` names
/// it), by the key map.
pub fn single_key(key: &str, cmds: &Commands) -> Option<Act> {
    let (what, i) = lookup(Scope::Page, key)?;
    Some(match what {
        KeyAct::Help => Act::Help,
        KeyAct::Search => Act::Search,
        KeyAct::Lock => cmds.lock_toggle(),
        KeyAct::Guests => cmds.guests_toggle(),
        KeyAct::AdmitAll => Act::AdmitAll,
        KeyAct::Dense => Act::Dense,
        KeyAct::Tab => Act::Panel(*PanelId::ALL.get(i)?),
        KeyAct::RotationPause => Act::RotationPause,
        _ => return None,
    })
}

/// Whether the palette's chord: Ctrl+K, or ⌘K on a Mac.
pub fn is_palette_chord(ev: &web_sys::KeyboardEvent) -> bool {
    (ev.ctrl_key() || ev.meta_key()) && !ev.alt_key() && ev.key().eq_ignore_ascii_case("k")
}

/// Alt+1 to Alt+9: the conference's picture preset of that number, by the key's place on the
/// keyboard (Alt changes the character it types on a Mac).
fn preset_chord(ev: &web_sys::KeyboardEvent, pic: Option<crate::picture::Picture>) -> Option<Act> {
    if !ev.alt_key() || ev.ctrl_key() || ev.meta_key() || ev.shift_key() {
        return None;
    }
    let n: usize = ev.code().strip_prefix("Digit")?.parse().ok()?;
    let index = n.checked_sub(1)?;
    let pic = pic?;
    let name = pic
        .presets
        .with_untracked(|p| p.get(index).map(|p| p.name.clone()))?;
    Some(Act::PresetOf(index, name))
}

/// Mounted once by the meeting page: the shortcuts, the palette and the help.
#[component]
pub fn KeyboardControl() -> impl IntoView {
    let ui = expect_context::<KeysUi>();
    let cmds = Commands::use_context();
    let pic = crate::picture::Picture::use_context();
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
        if let Some(act) = preset_chord(&e, pic) {
            if !in_field(&e) && !dialog_open() {
                e.prevent_default();
                c.run(act);
            }
            return;
        }
        if e.ctrl_key() || e.alt_key() || e.meta_key() || in_field(&e) || dialog_open() {
            return;
        }
        if let Some(act) = single_key(&e.key(), &c) {
            e.prevent_default();
            c.run(act);
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
