//! The participant list's rows, virtualised: only the rows near the viewport (plus an overscan)
//! are in the DOM, at any meeting size. A spacer as tall as every row gives the scrollbar its
//! real length; the window of rows is moved down it with a transform. Rows have one height (set
//! per width in the style sheet, read back from a rendered row), so a row's place is its index
//! times that height and no row needs measuring. The arithmetic of the window, the scroll and
//! the keys is pure, in `huikong_core::list::window`.

use crate::command::act::{Act, PersonAct};
use crate::command::service::Commands;
use crate::i18n::{Text, Tr};
use crate::list::row::ParticipantRow;
use crate::list::selection::Selection;
use crate::widgets::prefs::DenseRows;
use huikong_core::keymap::{aria_all, lookup, KeyAct, Scope};
use huikong_core::list::view::ListView;
use huikong_core::list::window::{key_target, scroll_for, window_range};
use leptos::html;
use leptos::prelude::*;
use std::collections::HashMap;
use wasm_bindgen::JsCast;

/// The row height before one is measured (the style sheet's desktop height at 16 px).
const FALLBACK_ROW_PX: f64 = 88.0;

/// Asks the participant list to show a participant: scroll to their row and focus it. Other
/// views (speaking order, layout actors, waiting room) call [`ScrollToParticipant::show`].
#[derive(Debug, Clone, Copy)]
pub struct ScrollToParticipant(RwSignal<Option<String>>);

impl ScrollToParticipant {
    pub fn provide() {
        provide_context(ScrollToParticipant(RwSignal::new(None)));
    }

    pub fn use_context() -> Option<ScrollToParticipant> {
        use_context::<ScrollToParticipant>()
    }

    pub fn show(&self, uuid: &str) {
        self.0.set(Some(uuid.to_owned()));
    }
}

fn viewport_height() -> f64 {
    window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(800.0)
}

/// Focuses the rendered row of `uuid` inside the list's box.
fn focus_row(list: &web_sys::Element, uuid: &str) {
    let css = format!("li[data-uuid=\"{}\"]", uuid.replace(['"', '\\'], ""));
    let row = list.query_selector(&css).ok().flatten();
    if let Some(row) = row.and_then(|r| r.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = row.focus();
    }
}

/// A focused row's own letters (m mute, s spotlight, Delete disconnect, Enter its actions,
/// x or Space its selection): the act for `key` on `uuid`, or `None` when the key is not one.
/// Disconnect goes through the undo window with no confirmation of its own: the window is the
/// issue's safety for it, and a key meant for speed that asked every time would not be one.
fn row_letter(cmds: &Commands, key: &str, uuid: &str) -> Option<Act> {
    match lookup(Scope::Row, key)?.0 {
        KeyAct::RowMute => cmds.person_toggle(uuid, false),
        KeyAct::RowSpotlight => cmds.person_toggle(uuid, true),
        KeyAct::RowDisconnect => Some(Act::Person(PersonAct::Disconnect, uuid.to_owned())),
        KeyAct::RowActions => Some(Act::Person(PersonAct::Actions, uuid.to_owned())),
        _ => None,
    }
}

/// The list of `visible` uuids, in order, as a virtualised `<ul>`.
#[component]
pub fn VirtualRows(
    visible: Memo<ListView>,
    /// Called when a participant asked for is filtered out: clear the search and filters.
    on_hidden: Callback<()>,
) -> impl IntoView {
    let viewport = NodeRef::<html::Div>::new();
    let tr = Tr::use_context();
    let cmds = Commands::use_context();
    let selection = Selection::use_context();
    let top = RwSignal::new(0.0);
    // The window covers the browser's viewport height: the list's box is never taller.
    let height = RwSignal::new(viewport_height());
    let row_px = RwSignal::new(FALLBACK_ROW_PX);
    let len = Memo::new(move |_| visible.with(ListView::len));
    let range = Memo::new(move |_| window_range(top.get(), height.get(), row_px.get(), len.get()));
    let rows = Memo::new(move |_| {
        let (first, end) = range.get();
        visible.with(|v| v.slice(first, end))
    });
    // Each rendered row's place in the whole list (1-based), for `aria-posinset`.
    let places = Memo::new(move |_| {
        let first = range.get().0;
        rows.with(|r| {
            r.iter()
                .enumerate()
                .map(|(i, u)| (u.clone(), first + i + 1))
                .collect::<HashMap<String, usize>>()
        })
    });

    // Read the row height back from a rendered row, once, and again when the width or the
    // density changes (a phone's rows are taller, dense ones shorter).
    let measure = move || {
        let Some(el) = viewport.get_untracked() else {
            return;
        };
        let first = el
            .query_selector(".plist > li")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(h) = first.map(|e| e.offset_height() as f64).filter(|h| *h > 0.0) {
            if (h - row_px.get_untracked()).abs() > 0.5 {
                row_px.set(h);
            }
        }
    };
    Effect::new(move |measured: Option<bool>| {
        let some = rows.with(|r| !r.is_empty());
        if measured != Some(true) && some {
            request_animation_frame(measure);
            return true;
        }
        measured.unwrap_or(false)
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| {
        height.set(viewport_height());
        measure();
    });
    on_cleanup(move || resize.remove());
    // The dense rows switch changes the row height: measure once the rows are drawn anew.
    if let Some(DenseRows(dense)) = use_context::<DenseRows>() {
        Effect::watch(
            move || dense.get(),
            move |_, _, _| request_animation_frame(measure),
            false,
        );
    }

    // Scroll so that row `index` is in view, then focus it once it is rendered.
    let go_to = move |index: usize| {
        let Some(el) = viewport.get_untracked() else {
            return;
        };
        let Some(uuid) = visible.with_untracked(|v| v.get(index).map(str::to_owned)) else {
            return;
        };
        let now = el.scroll_top() as f64;
        let want = scroll_for(
            index,
            now,
            el.client_height() as f64,
            row_px.get_untracked(),
        );
        // The window follows at once; the box's scroll position is set again once the spacer
        // has its new height (a list just unfiltered is still short now, and would clamp it).
        top.set(want);
        el.set_scroll_top(want as i32);
        request_animation_frame(move || {
            if (el.scroll_top() as f64 - want).abs() < 1.0 {
                focus_row(&el, &uuid);
                return;
            }
            // Clamped: the window moves again with the scroll event of the next frame, and
            // rows moved in the DOM lose the focus, so the focus waits for that frame.
            el.set_scroll_top(want as i32);
            request_animation_frame(move || focus_row(&el, &uuid));
        });
    };

    if let Some(ScrollToParticipant(asked)) = ScrollToParticipant::use_context() {
        Effect::new(move |_| {
            let Some(uuid) = asked.get() else { return };
            asked.update_untracked(|a| *a = None);
            let mut at = visible.with_untracked(|v| v.position(&uuid));
            if at.is_none() {
                on_hidden.run(());
                at = visible.with_untracked(|v| v.position(&uuid));
            }
            if let Some(i) = at {
                go_to(i);
            }
        });
    }

    let on_key = move |ev: web_sys::KeyboardEvent| {
        let target = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        // Keys typed into a field, or with a modifier, are not the list's. A row's checkbox is
        // not a field: the arrows move on from it as from the row.
        if target.as_ref().is_some_and(|t| {
            t.closest("input:not([type=checkbox]), select, textarea")
                .ok()
                .flatten()
                .is_some()
        }) || ev.alt_key()
        {
            return;
        }
        if ev.ctrl_key() || ev.meta_key() {
            // Ctrl/⌘A selects everyone the list shows, mounted or not, not the page's text.
            if let (true, Some(s)) = (ev.key().eq_ignore_ascii_case("a"), selection) {
                ev.prevent_default();
                s.select_all_shown();
            }
            return;
        }
        let row = target
            .clone()
            .and_then(|t| t.closest("li[data-uuid]").ok().flatten());
        // The row's letters only on the row itself: Enter on a button in it is the button's.
        let own = target.filter(|t| t.matches("li[data-uuid]").unwrap_or(false));
        if let Some(uuid) = own.and_then(|r| r.get_attribute("data-uuid")) {
            let key = ev.key();
            if let Some(act) = row_letter(&cmds, &key, &uuid) {
                ev.prevent_default();
                cmds.run(act);
                return;
            }
            if key == "x" || key == " " {
                ev.prevent_default();
                if let Some(s) = selection {
                    s.toggle(&uuid);
                }
                return;
            }
        }
        let at = row
            .and_then(|r| r.get_attribute("data-uuid"))
            .and_then(|u| visible.with_untracked(|v| v.position(&u)));
        let page = (height.get_untracked().min(
            viewport
                .get_untracked()
                .map_or(0.0, |e| e.client_height() as f64),
        ) / row_px.get_untracked())
        .floor() as usize;
        if let Some(i) = key_target(&ev.key(), at, len.get_untracked(), page.saturating_sub(1)) {
            ev.prevent_default();
            go_to(i);
        }
    };

    view! {
        <div class="plist-viewport" node_ref=viewport data-testid="participant-viewport"
            on:scroll=move |_| {
                if let Some(el) = viewport.get_untracked() {
                    top.set(el.scroll_top() as f64);
                }
            }
            on:keydown=on_key>
            <div class="plist-spacer" style:height=move || format!("{}px", len.get() as f64 * row_px.get())>
                <ul class="plist" aria-labelledby="participants-h" tabindex="0"
                    aria-describedby="row-keys-hint" aria-keyshortcuts=aria_all(Scope::Row)
                    style:transform=move || format!("translateY({}px)", range.get().0 as f64 * row_px.get())>
                    <For each=move || rows.get() key=|u| u.clone() let:uuid>
                        {
                            let u = uuid.clone();
                            let place = Signal::derive(move || places.with(|p| p.get(&u).copied().unwrap_or(0)));
                            view! { <ParticipantRow uuid=uuid place=place set_size=len.into()/> }
                        }
                    </For>
                </ul>
            </div>
        </div>
        <p id="row-keys-hint" class="visually-hidden">{tr.text(Text::RowKeysHint)}</p>
    }
}

/// A participant's name shown elsewhere (speaking order, layout actors, waiting room) as a
/// button that shows them in the participant list.
#[component]
pub fn NameInList(uuid: String, children: Children) -> impl IntoView {
    let show = ScrollToParticipant::use_context();
    view! {
        <button type="button" class="name-link" data-testid="show-in-list" data-uuid=uuid.clone()
            on:click=move |_| if let Some(s) = show { s.show(&uuid) }>{children()}</button>
    }
}
