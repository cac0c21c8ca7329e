//! Conference controls: lock, mute guests, start, end for everyone (confirmed first). A toggle's
//! label says what a click will do ("解锁会议" while locked); it is not also marked pressed.

use crate::components::cmd::{conference_action, toggle, CmdButton};
use crate::components::dialog::ConfirmDialog;
use crate::i18n::{Text, Tr};
use crate::platform::session::LiveSession;
use crate::state::access::{Forbidden, HOST_ONLY_REASON_ID};
use crate::state::status::{run, Status};
use huikong_protocol::Command;
use leptos::prelude::*;

#[component]
pub fn ConferenceControls() -> impl IntoView {
    let tr = Tr::use_context();
    let session = expect_context::<LiveSession>();
    let status = expect_context::<Status>();
    let service = session.store.service();
    let locked = Signal::derive(move || service.get().locked);
    let muted = Signal::derive(move || service.get().guests_muted);
    let confirm_end = RwSignal::new(false);
    let ending = RwSignal::new(false);
    let forbidden = Forbidden::use_context();
    let lock = conference_action(&session.api, toggle(locked, Command::Unlock, Command::Lock));
    let mute = conference_action(
        &session.api,
        toggle(muted, Command::UnmuteGuests, Command::MuteGuests),
    );
    let start = conference_action(&session.api, || Command::StartService);
    let api = session.api.clone();
    let end = move |()| {
        let api = api.clone();
        run(
            status,
            ending,
            tr.now(Text::EndMeeting).to_owned(),
            async move { api.command(Command::Disconnect).await },
            |()| {},
        );
    };

    view! {
        <section class="card controls" aria-labelledby="controls-h">
            <h2 id="controls-h">{tr.text(Text::ConferenceControls)}</h2>
            <div class="button-row">
                <Show when={let s = session.clone(); move || s.supports(Command::Lock)}>
                    <CmdButton testid="lock-toggle"
                        label=Signal::derive(move || tr.t(if locked.get() { Text::UnlockConference } else { Text::LockConference }).to_owned())
                        action=lock.clone()/>
                </Show>
                <Show when={let s = session.clone(); move || s.supports(Command::MuteGuests)}>
                    <CmdButton testid="mute-guests-toggle"
                        label=Signal::derive(move || tr.t(if muted.get() { Text::UnmuteAllGuests } else { Text::MuteAllGuests }).to_owned())
                        action=mute.clone()/>
                </Show>
                // Offered until the meeting has started: starting it again would do nothing.
                <Show when={let s = session.clone(); move || s.supports(Command::StartService) && !service.get().started}>
                    <CmdButton testid="start-meeting"
                        label=Signal::derive(move || tr.t(Text::StartMeeting).to_owned())
                        action=start.clone()/>
                </Show>
                <button type="button" class="danger" data-testid="end-meeting"
                    disabled=move || ending.get() || forbidden.get()
                    aria-busy=move || ending.get().then_some("true")
                    title=move || if forbidden.get() { tr.t(Text::HostOnlyReason) } else { tr.t(Text::EndMeeting) }
                    aria-describedby=move || forbidden.get().then_some(HOST_ONLY_REASON_ID)
                    on:click=move |_| confirm_end.set(true)>
                    {tr.text(Text::EndMeeting)}
                </button>
            </div>
            <Show when=move || confirm_end.get()>
                <ConfirmDialog
                    title=Signal::derive(move || tr.t(Text::EndMeeting).to_owned())
                    question=Signal::derive(move || tr.t(Text::EndMeetingConfirm).to_owned())
                    confirm_label=Signal::derive(move || tr.t(Text::EndMeeting).to_owned())
                    on_confirm=end.clone()
                    on_close=move |()| confirm_end.set(false)/>
            </Show>
        </section>
    }
}
