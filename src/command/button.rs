//! The one button every command goes through: it runs its [`Act`] through the command service,
//! so it is disabled with the reason for a guest when the act is the host's, busy while in
//! flight, and, while its act waits in the undo window, says so and does nothing more. A toggle
//! says in its label what the click will do; it is never marked pressed too ("解锁会议,
//! pressed" would say two things at once). The act is chosen at the click ([`toggle`]).

use crate::command::act::Act;
use crate::command::service::{At, Commands};
use crate::i18n::{Text, Tr};
use crate::state::access::{Forbidden, HOST_ONLY_REASON_ID};
use crate::state::status::Status;
use crate::state::undo::Undo;
use huikong_core::keymap::Scope;
use leptos::prelude::*;

/// Picks one of two acts by a flag's state when the button is clicked: `on` while the flag is
/// set (unmute a muted participant), else `off`.
pub fn toggle(
    flag: impl GetUntracked<Value = bool> + Clone + Send + Sync + 'static,
    on: Act,
    off: Act,
) -> impl Fn() -> Act + Clone + Send + Sync + 'static {
    move || {
        if flag.get_untracked() {
            on.clone()
        } else {
            off.clone()
        }
    }
}

#[component]
pub fn CmdButton<F>(
    /// The accessible name, and the label in the status region and the undo window.
    #[prop(into)]
    label: Signal<String>,
    /// Shown instead of the label, which stays the accessible name: a short word in a row
    /// whose label also names the participant.
    #[prop(optional, into)]
    short: Option<Signal<String>>,
    #[prop(optional)] class: &'static str,
    #[prop(optional)] testid: &'static str,
    act: F,
) -> impl IntoView
where
    F: Fn() -> Act + Send + Sync + 'static,
{
    let tr = Tr::use_context();
    let cmds = Commands::use_context();
    let status = expect_context::<Status>();
    let guest = Forbidden::use_context();
    let first = act().action().policy();
    let forbidden = Signal::derive(move || first.host_only && guest.get());
    // The page's key for it (a row's keys belong to the focused row, not to its buttons).
    let keys = first
        .key
        .map(|k| k.binding())
        .filter(|b| b.scope == Scope::Page && !b.aria.is_empty())
        .map(|b| b.aria);
    // An act that may wait in the undo window is sent after this button's dialog may have
    // closed: its busy flag is the page's, and the button notes the window's id meanwhile.
    // Only such a button gets the reactive attributes that show it waiting: a row's buttons,
    // thousands made as the list scrolls, carry none.
    let (pending, held, is_held) = if first.waits(false) {
        let undo = Undo::use_context();
        let held = RwSignal::new(None::<u64>);
        let is_held = Memo::new(move |_| held.get().is_some_and(|id| undo.is_pending(id)));
        (
            undo.outliving(|| RwSignal::new(false)),
            Some(held),
            Some(is_held),
        )
    } else {
        (RwSignal::new(false), None, None)
    };
    let held_now = move || is_held.is_some_and(|h| h.get());
    let on_click = move |_| {
        if forbidden.get_untracked() || pending.get_untracked() {
            return;
        }
        if is_held.is_some_and(|h| h.get_untracked()) {
            return;
        }
        let at = At {
            status,
            pending,
            held,
        };
        cmds.run_at(act(), at, Some(label.get_untracked()), |_| {});
    };
    view! {
        <button type="button" class=format!("cmd {class}")
            data-testid=(!testid.is_empty()).then_some(testid)
            aria-keyshortcuts=keys
            disabled=move || pending.get() || forbidden.get()
            aria-busy=move || pending.get().then_some("true")
            aria-disabled=is_held.map(|h| move || h.get().then_some("true"))
            data-pending=is_held.map(|h| move || h.get().then_some("true"))
            aria-label=move || (short.is_some() || is_held.is_some()).then(|| label.get())
            title=move || if forbidden.get() { tr.t(Text::HostOnlyReason).to_owned() } else { label.get() }
            aria-describedby=move || forbidden.get().then_some(HOST_ONLY_REASON_ID)
            on:click=on_click>
            <span aria-hidden=short.is_some().then_some("true")>
                {move || short.map(|s| s.get()).unwrap_or_else(|| label.get())}
            </span>
            {is_held.map(|_| view! {
                <span class="pending-note" hidden=move || !held_now()>{tr.text(Text::UndoPendingNote)}</span>
            })}
            <span class="spinner" aria-hidden="true" hidden=move || !pending.get()></span>
        </button>
    }
}
