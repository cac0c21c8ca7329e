//! Tabs that split a dialog into sections, so that it fits in the window: a `tablist` whose
//! arrows, Home and End move between the tabs (one tab stop for the whole list), and panels
//! that stay mounted while hidden, so a half-filled form survives a look at another section.

use crate::i18n::{Text, Tr};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The ids of one set of tabs: a tab's `{prefix}-tab-{key}`, its panel's `{prefix}-panel-{key}`.
#[derive(Debug, Clone, Copy)]
pub struct Tabs {
    prefix: StoredValue<String>,
    pub current: RwSignal<&'static str>,
}

impl Tabs {
    /// Tabs opening on `first`, with ids unique in the page.
    pub fn new(first: &'static str) -> Tabs {
        Tabs {
            prefix: StoredValue::new(format!("tabs-{}", js_sys::Math::random().to_bits())),
            current: RwSignal::new(first),
        }
    }

    fn tab_id(&self, key: &str) -> String {
        format!("{}-tab-{key}", self.prefix.get_value())
    }

    fn panel_id(&self, key: &str) -> String {
        format!("{}-panel-{key}", self.prefix.get_value())
    }

    /// Shows the section `key` and puts the focus on its tab.
    fn go(&self, key: &'static str) {
        self.current.set(key);
        let el = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&self.tab_id(key)))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(el) = el {
            let _ = el.focus();
        }
    }
}

/// The row of tabs, one per `(key, label)` in `sections`.
#[component]
pub fn TabList(tabs: Tabs, label: Text, sections: Vec<(&'static str, Text)>) -> impl IntoView {
    let tr = Tr::use_context();
    let keys: Vec<&'static str> = sections.iter().map(|s| s.0).collect();
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let Some(at) = keys.iter().position(|k| *k == tabs.current.get_untracked()) else {
            return;
        };
        let last = keys.len() - 1;
        let to = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" => (at + 1) % keys.len(),
            "ArrowLeft" | "ArrowUp" => (at + last) % keys.len(),
            "Home" => 0,
            "End" => last,
            _ => return,
        };
        ev.prevent_default();
        tabs.go(keys[to]);
    };
    view! {
        <div class="tab-list" role="tablist" aria-label=move || tr.t(label) on:keydown=on_key>
            {sections.into_iter().map(|(key, text)| {
                let on = move || tabs.current.get() == key;
                view! {
                    <button type="button" role="tab" id=tabs.tab_id(key) data-section=key
                        aria-controls=tabs.panel_id(key)
                        aria-selected=move || if on() { "true" } else { "false" }
                        tabindex=move || if on() { "0" } else { "-1" }
                        on:click=move |_| tabs.current.set(key)>{move || tr.t(text)}</button>
                }
            }).collect_view()}
        </div>
    }
}

/// The panel of the tab `key`, hidden while another is chosen.
#[component]
pub fn TabPanel(tabs: Tabs, key: &'static str, children: Children) -> impl IntoView {
    view! {
        <div role="tabpanel" class="tab-panel" id=tabs.panel_id(key) aria-labelledby=tabs.tab_id(key)
            data-section=key hidden=move || tabs.current.get() != key>
            {children()}
        </div>
    }
}
