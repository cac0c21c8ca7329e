//! The command palette (Ctrl+K, ⌘K on a Mac): a modal dialog holding a WAI-ARIA combobox. The
//! focus stays in its field; the arrow keys move the active result (`aria-activedescendant`),
//! Enter runs it, Escape closes, and the focus goes back to where it was, or to where the
//! command takes it (a panel's tab, a participant's row).

pub mod search;

use crate::command::service::Commands;
use crate::i18n::Text;
use crate::keyboard::palette::search::{search, Found};
use crate::widgets::dialog::Modal;
use leptos::html;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::time::Duration;
use wasm_bindgen::{JsCast, JsValue};

#[cfg(all(test, target_arch = "wasm32"))]
mod tests;

const LIST_ID: &str = "palette-results";

fn option_id(i: usize) -> String {
    format!("palette-option-{i}")
}

/// Where the active result moves with a key, among `len`; wraps around.
pub fn move_active(key: &str, at: usize, len: usize) -> Option<usize> {
    let last = len.checked_sub(1)?;
    match key {
        "ArrowDown" => Some(if at >= last { 0 } else { at + 1 }),
        "ArrowUp" => Some(if at == 0 { last } else { at - 1 }),
        "PageDown" => Some((at + 10).min(last)),
        "PageUp" => Some(at.saturating_sub(10)),
        _ => None,
    }
}

/// Keeps the active result in view inside the list's own scroll box.
fn reveal(list: &web_sys::HtmlElement, i: usize) {
    let Some(el) = list
        .query_selector(&format!("#{}", option_id(i)))
        .ok()
        .flatten()
    else {
        return;
    };
    let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() else {
        return;
    };
    let (top, h) = (el.offset_top(), el.offset_height());
    let (scroll, view) = (list.scroll_top(), list.client_height());
    if top < scroll {
        list.set_scroll_top(top);
    } else if top + h > scroll + view {
        list.set_scroll_top(top + h - view);
    }
}

/// Gives the focus back to the field the palette was opened from once the dialog is gone.
/// The dialog hands the focus back while the page is still inert under it, and a text field
/// focused then takes no typing (Chromium): focusing it again afterwards does. Only when the
/// focus is still there: a command that moved it elsewhere keeps it there.
fn refocus_field_later() {
    let opener = document()
        .active_element()
        .filter(|e| e.matches("input, textarea").unwrap_or(false))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    let opener = SendWrapper::new(opener);
    on_cleanup(move || {
        let Some(el) = opener.take() else { return };
        set_timeout(
            move || {
                let here = document().active_element().map(JsValue::from);
                if here == Some(JsValue::from(el.clone())) {
                    let _ = el.blur();
                    let _ = el.focus();
                }
            },
            Duration::ZERO,
        );
    });
}

#[component]
pub fn Palette(cmds: Commands, #[prop(into)] on_close: Callback<()>) -> impl IntoView {
    let tr = cmds.tr();
    refocus_field_later();
    let query = RwSignal::new(String::new());
    let active = RwSignal::new(0usize);
    let list = NodeRef::<html::Ul>::new();
    let store = cmds.session().store;
    let c = cmds.clone();
    let found = Memo::new(move |_| {
        // What the results depend on besides the query: who is there, and the meeting's flags.
        store.order().track();
        store.service().track();
        store.waiting().track();
        tr.lang.track();
        search(&c, &query.get())
    });
    Effect::watch(move || query.get(), move |_, _, _| active.set(0), false);
    Effect::new(move |_| {
        let i = active.get();
        if let Some(l) = list.get() {
            reveal(&l, i);
        }
    });
    let len = move || found.with(|f| f.entries.len());
    // Fewer results than before: the active one stays among them.
    Effect::new(move |_| {
        let n = len();
        if n > 0 && active.get_untracked() >= n {
            active.set(n - 1);
        }
    });
    let choose = Callback::new(move |i: usize| {
        let Some(e) = found.with_untracked(|f| f.entries.get(i).cloned()) else {
            return;
        };
        if e.blocked.is_some() {
            return;
        }
        on_close.run(());
        cmds.run_soon(e.act);
    });
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let key = ev.key();
        if key == "Enter" {
            ev.prevent_default();
            choose.run(active.get_untracked());
        } else if let Some(i) = move_active(&key, active.get_untracked(), len()) {
            ev.prevent_default();
            active.set(i);
        }
    };
    let count = move || {
        found.with(
            |Found { entries, matched }| match (entries.len(), *matched) {
                (0, _) => tr.t(Text::PaletteNone).to_owned(),
                (n, m) if m > n => tr.fmt(Text::PaletteMore, &[("n", &m.to_string())]),
                (n, _) => tr.fmt(Text::PaletteCount, &[("n", &n.to_string())]),
            },
        )
    };

    view! {
        <Modal title=Signal::derive(move || tr.t(Text::PaletteTitle).to_owned()) on_close=on_close
            testid="palette" class="palette-dialog">
            <input type="text" class="palette-input" data-testid="palette-input" role="combobox"
                autofocus autocomplete="off" spellcheck="false"
                aria-label=tr.text(Text::PaletteInput) placeholder=tr.text(Text::PaletteInput)
                aria-expanded="true" aria-autocomplete="list" aria-controls=LIST_ID
                aria-activedescendant=move || (len() > 0).then(|| option_id(active.get()))
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))
                on:keydown=on_key/>
            <p class="palette-count" role="status" data-testid="palette-count">{count}</p>
            <ul role="listbox" id=LIST_ID class="palette-results" node_ref=list
                aria-label=tr.text(Text::PaletteResults) data-testid="palette-results">
                {move || found.with(|f| f.entries.iter().enumerate().map(|(i, e)| {
                    let keys = e.keys;
                    view! {
                        <li role="option" id=option_id(i) data-testid="palette-option"
                            class:active=move || active.get() == i
                            aria-selected=move || (active.get() == i).to_string()
                            aria-disabled=e.blocked.is_some().then_some("true")
                            aria-keyshortcuts=keys
                            on:click=move |_| choose.run(i)>
                            <span class="palette-title">{e.title.clone()}</span>
                            {e.blocked.map(|why| view! { <small class="palette-why">{why}</small> })}
                            {keys.map(|k| view! { <kbd aria-hidden="true">{k}</kbd> })}
                        </li>
                    }
                }).collect_view())}
            </ul>
        </Modal>
    }
}
