//! Where command outcomes are shown: the page's notification stack, fixed in a corner so that
//! nothing in the page moves when an outcome arrives (successes fade, failures stay until
//! dismissed, Alt+Shift+N brings the focus to it), and the line inside a dialog or panel that
//! shows the outcome of what was sent from there, announced there: a modal dialog hides the
//! rest of the page, stack included, from assistive technology.

use crate::i18n::{Text, Tr};
use crate::state::status::Status;
use huikong_core::keymap::KeyAct;
use leptos::ev;
use leptos::html;
use leptos::prelude::*;

/// The notification stack: every outcome still current, newest first.
/// The page's notification stack, provided by the meeting page: the undo bar hands the focus
/// to it when it empties and the focus has nowhere to go back to.
#[derive(Debug, Clone, Copy)]
pub struct ResultsStack(pub NodeRef<html::Section>);

#[component]
pub fn StatusRegion(status: Status) -> impl IntoView {
    let tr = Tr::use_context();
    let stack = use_context::<ResultsStack>().map_or_else(NodeRef::new, |r| r.0);
    let shortcut = window_event_listener(ev::keydown, move |e| {
        if e.alt_key() && e.shift_key() && e.code() == "KeyN" {
            if let Some(el) = stack.get_untracked() {
                e.prevent_default();
                let _ = el.focus();
            }
        }
    });
    on_cleanup(move || shortcut.remove());
    let items = Memo::new(move |_| status.items());
    let empty = move || items.with(Vec::is_empty);
    view! {
        <section class="status-stack" class:empty=empty tabindex="-1" node_ref=stack
            data-testid="status-stack" aria-labelledby="status-stack-h" aria-keyshortcuts=KeyAct::Results.aria()>
            <h2 id="status-stack-h" class="visually-hidden">{tr.text(Text::StatusRegion)}</h2>
            <div role="status" aria-live="polite" data-testid="command-status">
                <ul class="status-list">
                    <For each=move || items.get() key=|i| i.id let:item>
                        <li class=if item.ok { "status-item ok" } else { "status-item err" }
                            data-outcome=if item.ok { "ok" } else { "error" }>
                            <span class="status-text">{item.text.clone()}</span>
                            <button type="button" class="icon-button"
                                aria-label=tr.text(Text::Dismiss)
                                on:click=move |_| status.dismiss(item.id)>"×"</button>
                        </li>
                    </For>
                </ul>
            </div>
            <p class="status-foot" hidden=empty>
                <span class="status-hint">{tr.text(Text::ResultsShortcutHint)}</span>
                <button type="button" class="small" data-testid="dismiss-all"
                    hidden=move || items.with(|i| i.len() < 2)
                    on:click=move |_| status.dismiss_all()>{tr.text(Text::DismissAll)}</button>
            </p>
        </section>
    }
}

/// The newest outcome of what was sent from this dialog or panel (`status` is its
/// [`Status::scoped`] handle), in a live region of its own. It keeps its line's height when
/// empty, so the first outcome moves nothing.
#[component]
pub fn LocalResult(status: Status) -> impl IntoView {
    let latest = Memo::new(move |_| status.latest_here());
    view! {
        <p class="local-result" role="status" aria-live="polite" data-testid="local-result"
            data-outcome=move || latest.with(|l| l.as_ref().map(|i| if i.ok { "ok" } else { "error" }))>
            {move || latest.get().map(|i| i.text)}
        </p>
    }
}
