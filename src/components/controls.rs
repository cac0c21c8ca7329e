//! Conference controls: lock, mute guests, start, end for everyone.

use crate::components::cmd::CmdButton;
use crate::components::dialog::ConfirmDialog;
use crate::components::status::{run, Status};
use crate::i18n::{Tr, K};
use crate::platform::session::Session;
use huikong_protocol::Command;
use leptos::prelude::*;

#[component]
pub fn ConferenceControls() -> impl IntoView {
    let tr = Tr::use_context();
    let session = expect_context::<Session>();
    let status = expect_context::<Status>();
    let service = session.store.service;
    let locked = Signal::derive(move || service.get().locked);
    let muted = Signal::derive(move || service.get().guests_muted);
    let confirm_end = RwSignal::new(false);
    let ending = RwSignal::new(false);
    let s = session.clone();
    let is_host = Memo::new(move |_| s.is_host());

    let api = session.api.clone();
    let lock = move || {
        let api = api.clone();
        async move {
            let c = if locked.get_untracked() {
                Command::Unlock
            } else {
                Command::Lock
            };
            api.command(c).await
        }
    };
    let api = session.api.clone();
    let mute = move || {
        let api = api.clone();
        async move {
            let c = if muted.get_untracked() {
                Command::UnmuteGuests
            } else {
                Command::MuteGuests
            };
            api.command(c).await
        }
    };
    let api = session.api.clone();
    let start = move || {
        let api = api.clone();
        async move { api.command(Command::StartService).await }
    };
    let api = session.api.clone();
    let end = move |()| {
        let api = api.clone();
        run(
            status,
            ending,
            tr.now(K::EndMeeting).to_owned(),
            async move { api.command(Command::Disconnect).await },
            |()| {},
        );
    };

    view! {
        <section class="card controls" aria-labelledby="controls-h">
            <h2 id="controls-h">{move || tr.t(K::ConferenceControls)}</h2>
            <div class="button-row">
                <Show when={let s = session.clone(); move || s.supports(Command::Lock)}>
                    <CmdButton testid="lock-toggle" pressed=locked
                        label=Signal::derive(move || tr.t(if locked.get() { K::UnlockConference } else { K::LockConference }).to_owned())
                        action=lock.clone()/>
                </Show>
                <Show when={let s = session.clone(); move || s.supports(Command::MuteGuests)}>
                    <CmdButton testid="mute-guests-toggle" pressed=muted
                        label=Signal::derive(move || tr.t(if muted.get() { K::UnmuteAllGuests } else { K::MuteAllGuests }).to_owned())
                        action=mute.clone()/>
                </Show>
                // Offered until the meeting has started: starting it again would do nothing.
                <Show when={let s = session.clone(); move || s.supports(Command::StartService) && !service.get().started}>
                    <CmdButton testid="start-meeting"
                        label=Signal::derive(move || tr.t(K::StartMeeting).to_owned())
                        action=start.clone()/>
                </Show>
                <button type="button" class="danger" data-testid="end-meeting"
                    disabled=move || ending.get() || !is_host.get()
                    aria-busy=move || ending.get().then_some("true")
                    title=move || if is_host.get() { tr.t(K::EndMeeting) } else { tr.t(K::HostOnlyReason) }
                    aria-describedby=move || (!is_host.get()).then_some(crate::components::cmd::HOST_ONLY_REASON_ID)
                    on:click=move |_| confirm_end.set(true)>
                    {move || tr.t(K::EndMeeting)}
                </button>
            </div>
            <Show when=move || confirm_end.get()>
                <ConfirmDialog
                    title=Signal::derive(move || tr.t(K::EndMeeting).to_owned())
                    question=Signal::derive(move || tr.t(K::EndMeetingConfirm).to_owned())
                    confirm_label=Signal::derive(move || tr.t(K::EndMeeting).to_owned())
                    on_confirm=end.clone()
                    on_close=move |()| confirm_end.set(false)/>
            </Show>
        </section>
    }
}
