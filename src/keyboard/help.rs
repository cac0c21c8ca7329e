//! The keyboard's help, opened with `?` or from the palette: every shortcut, in the page's
//! language, the page's first and the focused row's after, read from the one key map.

use crate::i18n::{Text, Tr};
use crate::widgets::dialog::Modal;
use huikong_core::keymap::{bindings, Scope};
use leptos::prelude::*;

#[component]
fn KeyTable(caption: Text, scope: Scope) -> impl IntoView {
    let tr = Tr::use_context();
    view! {
        <table class="keys-table" data-testid="shortcut-table">
            <caption>{tr.text(caption)}</caption>
            <thead><tr><th scope="col">{tr.text(Text::HelpKey)}</th><th scope="col">{tr.text(Text::HelpAction)}</th></tr></thead>
            <tbody>
                {bindings(scope).map(|b| view! {
                    <tr data-testid="shortcut"><td><kbd>{b.shown}</kbd></td><td>{tr.text(b.what)}</td></tr>
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
                <KeyTable caption=Text::HelpAnywhere scope=Scope::Page/>
                <KeyTable caption=Text::HelpOnRow scope=Scope::Row/>
                <KeyTable caption=Text::HelpOnVenue scope=Scope::Venue/>
            </div>
        </Modal>
    }
}
