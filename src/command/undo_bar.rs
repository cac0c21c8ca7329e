//! The undo window on screen: the bar of actions about to be sent, each with its countdown, an
//! Undo and a "do it now"; Ctrl/Cmd+Z undoes the newest; and the notice of what a leave
//! cancelled. A command's button that waits in the window is the command service's
//! (`command/button.rs`).

use crate::command::outcome::ResultsStack;
use crate::host::browser::now_s;
use crate::i18n::{Text, Tr};
use crate::state::undo::{CancelledOnLeave, Undo};
use huikong_core::keymap::KeyAct;
use leptos::ev;
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// Whether a key press is typing: in a field, where Ctrl+Z is the field's own undo.
pub fn typing(e: &web_sys::KeyboardEvent) -> bool {
    let Some(el) = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    matches!(el.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA") || el.is_content_editable()
}

/// The actions waiting to be sent, newest first. The page's bar is fixed (nothing moves when it
/// shows) and takes Ctrl/Cmd+Z; `local` is the same list inside a modal dialog, which hides
/// the page's bar from assistive technology and the pointer while it is open.
#[component]
pub fn UndoBar(#[prop(optional)] local: bool) -> impl IntoView {
    let tr = Tr::use_context();
    let undo = Undo::use_context();
    let items = Memo::new(move |_| undo.items());
    let now = RwSignal::new(now_s());
    // A new action counts down from a fresh look at the clock, not the last tick's.
    Effect::new(move |_| {
        items.track();
        now.set(now_s());
    });
    let tick = set_interval_with_handle(
        move || {
            if !items.with_untracked(Vec::is_empty) {
                now.set(now_s());
            }
        },
        Duration::from_millis(250),
    );
    // Where the focus was before it came to the bar, to give it back when the bar empties.
    let came_from = StoredValue::new_local(None::<web_sys::HtmlElement>);
    let list = NodeRef::<leptos::html::Ul>::new();
    let results = use_context::<ResultsStack>();
    let keys = (!local).then(|| {
        window_event_listener(ev::keydown, move |e| {
            let z = e.code() == "KeyZ" || e.key().eq_ignore_ascii_case("z");
            if z && (e.ctrl_key() || e.meta_key())
                && !e.shift_key()
                && !e.alt_key()
                && !typing(&e)
                && undo.undo_newest()
            {
                e.prevent_default();
            }
        })
    });
    on_cleanup(move || {
        if let Ok(t) = tick {
            t.clear();
        }
        if let Some(k) = keys {
            k.remove();
        }
    });
    let testid = if local { "undo-bar-local" } else { "undo-bar" };
    let after = move || {
        // The clicked button is gone: the next one waiting takes the focus, else where it was.
        set_timeout(
            move || {
                // The bar may be gone by now (its dialog closed): then nothing is focused here.
                let next = list
                    .try_get_untracked()
                    .flatten()
                    .and_then(|l| l.query_selector(".undo-item button").ok().flatten())
                    .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok());
                if next.is_some_and(|b| b.focus().is_ok()) {
                    return;
                }
                let back = came_from.try_get_value().flatten();
                let back = back.filter(|el| el.is_connected() && el.focus().is_ok());
                if back.is_none() {
                    if let Some(stack) = results.and_then(|r| r.0.try_get_untracked().flatten()) {
                        let _ = stack.focus();
                    }
                }
            },
            Duration::ZERO,
        )
    };
    // Said once, when an action starts waiting; emptied with the bar, so that the same action
    // asked again is said again.
    let said = move || {
        if items.with(Vec::is_empty) {
            return None;
        }
        undo.announced().map(|p| {
            let n = undo.seconds().to_string();
            tr.fmt(Text::UndoAnnounce, &[("n", &n), ("label", &p.label)])
        })
    };
    view! {
        // Outside the bar, which is not displayed while empty: a live region must be there
        // before what it says changes.
        <p class="visually-hidden" role="status" aria-live="polite" data-testid="undo-announce">{said}</p>
        <section class="undo-bar" class:local=local class:empty=move || items.with(Vec::is_empty)
            data-testid=testid aria-label=tr.text(Text::UndoBar)
            on:focusin=move |e: web_sys::FocusEvent| {
                let from = e.related_target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok());
                if let Some(from) = from.filter(|f| f.closest(".undo-bar").ok().flatten().is_none()) {
                    came_from.set_value(Some(from));
                }
            }>
            <ul class="undo-list" node_ref=list>
                <For each=move || items.get() key=|p| p.id let:p>
                    <UndoItem id=p.id label=p.label due=p.due now=now newest=Signal::derive(move || items.with(|i| i.first().map(|f| f.id) == Some(p.id)))
                        after=after/>
                </For>
            </ul>
            <p class="undo-hint" hidden=move || items.with(Vec::is_empty)>{tr.text(Text::UndoHint)}</p>
        </section>
    }
}

#[component]
fn UndoItem(
    id: u64,
    label: String,
    due: f64,
    now: RwSignal<f64>,
    #[prop(into)] newest: Signal<bool>,
    after: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let tr = Tr::use_context();
    let undo = Undo::use_context();
    // `now` may be a tick old when the item first shows: never more than the window itself.
    let most = f64::from(undo.seconds().max(1));
    let left = move || ((due - now.get()).ceil().clamp(1.0, most) as u64).to_string();
    let (l1, l2) = (label.clone(), label.clone());
    view! {
        <li class="undo-item" data-testid="undo-item" data-id=id.to_string()>
            <span class="undo-label">{label}</span>
            <span class="undo-countdown" data-testid="undo-countdown">
                {move || tr.fmt(Text::UndoCountdown, &[("n", &left())])}</span>
            <button type="button" class="primary small" data-testid="undo-button"
                aria-label=move || tr.fmt(Text::UndoX, &[("label", &l1)])
                aria-keyshortcuts=move || newest.get().then_some(KeyAct::Undo.aria())
                on:click=move |_| { undo.undo(id); after(); }>{tr.text(Text::UndoShort)}</button>
            <button type="button" class="small" data-testid="undo-now"
                aria-label=move || tr.fmt(Text::UndoNowX, &[("label", &l2)])
                on:click=move |_| { undo.send_now(id); after(); }>{tr.text(Text::UndoNowShort)}</button>
        </li>
    }
}

/// What the last leave cancelled, on the join page, until dismissed.
#[component]
pub fn CancelledNotice() -> impl IntoView {
    let tr = Tr::use_context();
    let Some(CancelledOnLeave(text)) = use_context::<CancelledOnLeave>() else {
        return ().into_any();
    };
    view! {
        <Show when=move || text.with(Option::is_some)>
            <div class="config-notice undo-cancelled" role="status" data-testid="undo-cancelled">
                <p>{move || text.get()}</p>
                <button type="button" class="icon-button" aria-label=tr.text(Text::Dismiss)
                    on:click=move |_| text.set(None)>"×"</button>
            </div>
        </Show>
    }
    .into_any()
}
