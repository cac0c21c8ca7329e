//! The keyboard's help, opened with `?` or from the palette: every shortcut, in the page's
//! language, the page's first and the focused row's after.

use crate::i18n::{Text, Tr};
use crate::widgets::dialog::Modal;
use leptos::prelude::*;

/// The page's shortcuts: the keys as shown, and what they do.
pub const ANYWHERE: [(&str, Text); 10] = [
    ("Ctrl+K / ⌘K", Text::KeyPalette),
    ("?", Text::KeyHelp),
    ("/", Text::KeySearch),
    ("l", Text::KeyLock),
    ("g", Text::KeyGuests),
    ("a", Text::KeyAdmitAll),
    ("d", Text::KeyDense),
    ("1 – 7", Text::KeyTabs),
    ("Ctrl+Z / ⌘Z", Text::KeyUndo),
    ("Alt+Shift+N", Text::KeyResults),
];

/// The focused participant row's keys.
pub const ON_ROW: [(&str, Text); 7] = [
    ("↑ ↓ PageUp PageDown Home End", Text::KeyRowMove),
    ("m", Text::KeyRowMute),
    ("s", Text::KeyRowSpot),
    ("Delete", Text::KeyRowDisconnect),
    ("Enter", Text::KeyRowActions),
    ("x / Space", Text::KeyRowSelect),
    ("Ctrl+A / ⌘A", Text::KeyRowSelectAll),
];

#[component]
fn KeyTable(caption: Text, keys: &'static [(&'static str, Text)]) -> impl IntoView {
    let tr = Tr::use_context();
    view! {
        <table class="keys-table" data-testid="shortcut-table">
            <caption>{tr.text(caption)}</caption>
            <thead><tr><th scope="col">{tr.text(Text::HelpKey)}</th><th scope="col">{tr.text(Text::HelpAction)}</th></tr></thead>
            <tbody>
                {keys.iter().map(|(k, what)| view! {
                    <tr data-testid="shortcut"><td><kbd>{*k}</kbd></td><td>{tr.text(*what)}</td></tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

#[component]
pub fn HelpDialog(#[prop(into)] on_close: Callback<()>) -> impl IntoView {
    let tr = Tr::use_context();
    view! {
        <Modal title=Signal::derive(move || tr.t(Text::HelpTitle).to_owned()) on_close=on_close
            testid="shortcut-help" class="help-dialog">
            // Scrolled by the keyboard too: the tables hold nothing focusable themselves.
            <div class="keys-scroll" tabindex="0" role="region" aria-label=tr.text(Text::HelpTitle)>
                <KeyTable caption=Text::HelpAnywhere keys=&ANYWHERE/>
                <KeyTable caption=Text::HelpOnRow keys=&ON_ROW/>
            </div>
        </Modal>
    }
}
