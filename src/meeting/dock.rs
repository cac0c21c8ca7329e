//! The dock beside the participant list: the other panels as WAI-ARIA tabs (arrow keys, Home and
//! End move between tabs and show them). Every panel stays mounted and is only hidden, so a chat
//! draft, the dial form or a filter survive switching; a tab whose panel is hidden shows a badge
//! when something new arrives there. At a phone's or a tablet's width the tabs are a bar at the
//! bottom of the screen and a panel opens as a sheet over the list, with a way back.

use crate::i18n::{Text, Tr};
use crate::meeting::dock_unseen::Unseen;
use crate::panels::{Dock, PanelId};
use crate::widgets::prefs::save_dock_tab;
use huikong_core::keymap::tab_key;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The width (style/dock.css) at or below which the tabs are a bottom bar and a panel a sheet.
const BAR_PX: f64 = 960.0;

fn is_narrow() -> bool {
    web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .is_some_and(|w| w <= BAR_PX)
}

fn tab_id(p: PanelId) -> String {
    format!("dock-tab-{}", p.code())
}

fn panel_id(p: PanelId) -> String {
    format!("dock-panel-{}", p.code())
}

/// Moves the focus to the dock's tab of `p` (a key or the palette opened it).
pub fn focus_tab(p: PanelId) {
    let tab = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(&tab_id(p)))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(tab) = tab {
        let _ = tab.focus();
    }
}

/// The tab a key moves to from tab `at` of `len`, if the key is the tab list's.
pub fn tab_key_target(key: &str, at: usize, len: usize) -> Option<usize> {
    let last = len.checked_sub(1)?;
    match key {
        "ArrowRight" => Some(if at >= last { 0 } else { at + 1 }),
        "ArrowLeft" => Some(if at == 0 { last } else { at - 1 }),
        "Home" => Some(0),
        "End" => Some(last),
        _ => None,
    }
}

/// One tab: its label, and a badge with its accessible name when something new waits.
#[component]
fn DockTab(panel: PanelId, dock: Dock, unseen: Unseen) -> impl IntoView {
    let tr = Tr::use_context();
    let selected = move || dock.selected.get() == panel;
    let n = Memo::new(move |_| unseen.count(panel));
    let name = move || {
        let n = n.get();
        (n > 0).then(|| {
            let k = match panel {
                PanelId::Chat => Text::DockUnseenMessages,
                _ => Text::DockUnseen,
            };
            tr.fmt(k, &[("panel", tr.t(panel.label())), ("n", &n.to_string())])
        })
    };
    view! {
        <button type="button" role="tab" class="dock-tab" id=tab_id(panel)
            aria-keyshortcuts=PanelId::ALL.iter().position(|p| *p == panel).and_then(tab_key)
            data-testid=format!("tab-{}", panel.code()) data-unseen=move || n.get().to_string()
            aria-controls=panel_id(panel) aria-selected=move || selected().to_string()
            tabindex=move || if selected() { "0" } else { "-1" }
            aria-label=name on:click=move |_| dock.show(panel)>
            <span class="tab-label">{move || tr.t(panel.label())}</span>
            <span class="tab-badge" aria-hidden="true" hidden=move || n.get() == 0>
                // Empty when nothing is new: a tab's text is its name alone.
                {move || match n.get() {
                    0 => String::new(),
                    n if n > 99 => "99+".to_owned(),
                    n => n.to_string(),
                }}
            </span>
        </button>
    }
}

#[component]
pub fn PanelDock() -> impl IntoView {
    let tr = Tr::use_context();
    let dock = Dock::use_context().expect("the meeting page provides the dock");
    let narrow = RwSignal::new(is_narrow());
    let resize = window_event_listener(leptos::ev::resize, move |_| {
        let now = is_narrow();
        // Narrowed (a phone turned, a window made small): the list first, no sheet over it.
        if now && !narrow.get_untracked() {
            dock.open.set(false);
        }
        narrow.set(now);
    });
    on_cleanup(move || resize.remove());
    // With the bottom bar a panel is on screen only while its sheet is open.
    let shown = Memo::new(move |_| (!narrow.get() || dock.open.get()).then(|| dock.selected.get()));
    let unseen = Unseen::track(shown);
    Effect::new(move |_| save_dock_tab(dock.selected.get().code()));

    let on_key = move |ev: web_sys::KeyboardEvent| {
        let at = PanelId::ALL
            .iter()
            .position(|p| *p == dock.selected.get_untracked())
            .unwrap_or(0);
        if let Some(i) = tab_key_target(&ev.key(), at, PanelId::ALL.len()) {
            ev.prevent_default();
            dock.show(PanelId::ALL[i]);
            focus_tab(PanelId::ALL[i]);
        }
    };
    let close = move || {
        dock.open.set(false);
        focus_tab(dock.selected.get_untracked());
    };
    // A name in a panel that shows its row in the list closes the sheet over the list.
    let on_click = move |ev: web_sys::MouseEvent| {
        let target = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        if target.is_some_and(|t| t.closest(".name-link").ok().flatten().is_some()) {
            dock.open.set(false);
        }
    };
    let on_panel_key = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" && narrow.get_untracked() && dock.open.get_untracked() {
            close();
        }
    };

    view! {
        <section class="dock" data-testid="dock" class:open=move || dock.open.get()
            aria-label=tr.text(Text::DockLabel)>
            <div role="tablist" class="dock-tabs" data-testid="dock-tabs"
                aria-label=tr.text(Text::DockLabel) on:keydown=on_key>
                {PanelId::ALL.into_iter().map(|p| view! { <DockTab panel=p dock=dock unseen=unseen/> }).collect_view()}
            </div>
            <div class="dock-panels" on:click=on_click on:keydown=on_panel_key>
                <div class="dock-sheet-head">
                    <button type="button" data-testid="dock-back" on:click=move |_| close()>
                        {tr.text(Text::DockBack)}</button>
                </div>
                {PanelId::ALL.into_iter().map(|p| view! {
                    <div role="tabpanel" class="dock-panel" id=panel_id(p) aria-labelledby=tab_id(p)
                        data-testid=format!("panel-{}", p.code()) hidden=move || dock.selected.get() != p>
                        {crate::panels::panel_view(p)}
                    </div>
                }).collect_view()}
            </div>
        </section>
    }
}
