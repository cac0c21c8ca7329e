//! The one button every command goes through: disabled and busy while in flight, disabled with
//! the reason for a guest when the command is the host's, its outcome in the status region.
//! A toggle made of it says in its label what the click will do; it is never marked pressed too
//! ("解锁会议, pressed" would say two things at once).

use crate::i18n::{Text, Tr};
use crate::platform::{Api, ApiError};
use crate::state::access::{Forbidden, HOST_ONLY_REASON_ID};
use crate::state::status::{run, Status};
use huikong_protocol::{Command, ParticipantCommand};
use leptos::prelude::*;
use std::future::Future;

/// Picks one of two commands by a flag's state when the button is clicked: `on` while the flag
/// is set (unmute a muted participant), else `off`.
pub fn toggle<C: Copy + Send + Sync + 'static>(
    flag: impl GetUntracked<Value = bool> + Clone + Send + Sync + 'static,
    on: C,
    off: C,
) -> impl Fn() -> C + Clone + Send + Sync + 'static {
    move || if flag.get_untracked() { on } else { off }
}

/// The action of a [`CmdButton`] that sends a participant command, chosen by `pick` at the
/// click (a [`toggle`], or a fixed command).
pub fn participant_action(
    api: &Api,
    uuid: &str,
    pick: impl Fn() -> ParticipantCommand + Clone + Send + Sync + 'static,
) -> impl Fn() -> std::pin::Pin<Box<dyn Future<Output = Result<(), ApiError>>>>
       + Clone
       + Send
       + Sync
       + 'static {
    let (api, uuid) = (api.clone(), uuid.to_owned());
    move || {
        let (api, uuid, c) = (api.clone(), uuid.clone(), pick());
        Box::pin(async move { api.participant(&uuid, c).await })
    }
}

/// The action of a [`CmdButton`] that sends a conference command without a body.
pub fn conference_action(
    api: &Api,
    pick: impl Fn() -> Command + Clone + Send + Sync + 'static,
) -> impl Fn() -> std::pin::Pin<Box<dyn Future<Output = Result<(), ApiError>>>>
       + Clone
       + Send
       + Sync
       + 'static {
    let api = api.clone();
    move || {
        let (api, c) = (api.clone(), pick());
        Box::pin(async move { api.command(c).await })
    }
}

#[component]
pub fn CmdButton<F, Fut>(
    /// The accessible name, and the label in the status region.
    #[prop(into)]
    label: Signal<String>,
    /// Shown instead of the label, which stays the accessible name: a short word in a row
    /// whose label also names the participant.
    #[prop(optional, into)]
    short: Option<Signal<String>>,
    #[prop(optional)] class: &'static str,
    #[prop(optional)] testid: &'static str,
    /// The page's shortcut for it, if any (`aria-keyshortcuts`).
    #[prop(optional)]
    keys: &'static str,
    /// Whether only a host may run it (every participant command, most conference commands).
    #[prop(default = true)]
    host_only: bool,
    action: F,
) -> impl IntoView
where
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<(), ApiError>> + 'static,
{
    let tr = Tr::use_context();
    let status = expect_context::<Status>();
    let pending = RwSignal::new(false);
    let guest = Forbidden::use_context();
    let forbidden = Signal::derive(move || host_only && guest.get());
    let on_click = move |_| {
        if forbidden.get_untracked() {
            return;
        }
        run(status, pending, label.get_untracked(), action(), |()| {});
    };
    view! {
        <button type="button" class=format!("cmd {class}")
            data-testid=(!testid.is_empty()).then_some(testid)
            aria-keyshortcuts=(!keys.is_empty()).then_some(keys)
            disabled=move || pending.get() || forbidden.get()
            aria-busy=move || pending.get().then_some("true")
            aria-label=move || short.is_some().then(|| label.get())
            title=move || if forbidden.get() { tr.t(Text::HostOnlyReason).to_owned() } else { label.get() }
            aria-describedby=move || forbidden.get().then_some(HOST_ONLY_REASON_ID)
            on:click=on_click>
            <span aria-hidden=short.is_some().then_some("true")>
                {move || short.map(|s| s.get()).unwrap_or_else(|| label.get())}
            </span>
            <span class="spinner" aria-hidden="true" hidden=move || !pending.get()></span>
        </button>
    }
}
