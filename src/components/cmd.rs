//! The one button every command goes through: disabled and busy while in flight, disabled with
//! the reason for a guest when the command is the host's, its outcome in the status region.

use crate::components::status::{run, Status};
use crate::i18n::{Tr, K};
use crate::platform::session::Session;
use crate::platform::ApiError;
use leptos::prelude::*;
use std::future::Future;

/// The id of the hidden text that explains why host-only controls are disabled.
pub const HOST_ONLY_REASON_ID: &str = "host-only-reason";

/// Whether the host-only controls below are forbidden to this session: one memo per list row,
/// for the same reason as [`Tr::provide_local`].
#[derive(Debug, Clone, Copy)]
pub struct Forbidden(pub Memo<bool>);

pub fn provide_forbidden(session: &Session) {
    let s = session.clone();
    provide_context(Forbidden(Memo::new(move |_| !s.is_host())));
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
    /// Whether only a host may run it (every participant command, most conference commands).
    #[prop(default = true)]
    host_only: bool,
    /// Whether the button is pressed (`aria-pressed`), for toggles shown as one button.
    #[prop(optional, into)]
    pressed: Option<Signal<bool>>,
    action: F,
) -> impl IntoView
where
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<(), ApiError>> + 'static,
{
    let tr = Tr::use_context();
    let session = expect_context::<Session>();
    let status = expect_context::<Status>();
    let pending = RwSignal::new(false);
    let guest = match use_context::<Forbidden>() {
        Some(Forbidden(f)) => f,
        None => {
            let s = session.clone();
            Memo::new(move |_| !s.is_host())
        }
    };
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
            disabled=move || pending.get() || forbidden.get()
            aria-busy=move || pending.get().then_some("true")
            aria-pressed=move || pressed.map(|p| if p.get() { "true" } else { "false" })
            aria-label=move || short.is_some().then(|| label.get())
            title=move || if forbidden.get() { tr.t(K::HostOnlyReason).to_owned() } else { label.get() }
            aria-describedby=move || forbidden.get().then_some(HOST_ONLY_REASON_ID)
            on:click=on_click>
            <span aria-hidden=short.is_some().then_some("true")>
                {move || short.map(|s| s.get()).unwrap_or_else(|| label.get())}
            </span>
            <span class="spinner" aria-hidden="true" hidden=move || !pending.get()></span>
        </button>
    }
}
