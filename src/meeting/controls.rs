//! Conference controls: lock, mute guests, start, end for everyone (confirmed first). A toggle's
//! label says what a click will do ("解锁会议" while locked); it is not also marked pressed.
//! Locking, muting all guests and ending the meeting wait in the undo window; their reverse
//! (unlocking, unmuting) is sent at once.

use crate::command::button::{conference_action, toggle, CmdButton};
use crate::i18n::{Text, Tr};
use crate::meeting::undo_bar::DeferredButton;
use crate::platform::session::LiveSession;
use crate::state::access::{Forbidden, HOST_ONLY_REASON_ID};
use crate::state::status::{run, Status};
use crate::state::undo::Undo;
use crate::widgets::dialog::ConfirmDialog;
use huikong_protocol::Command;
use leptos::prelude::*;

#[component]
pub fn ConferenceControls() -> impl IntoView {
    let tr = Tr::use_context();
    let session = expect_context::<LiveSession>();
    let status = expect_context::<Status>();
    let undo = Undo::use_context();
    let service = session.store.service();
    let locked = Signal::derive(move || service.get().locked);
    let muted = Signal::derive(move || service.get().guests_muted);
    let confirm_end = RwSignal::new(false);
    let ending = RwSignal::new(false);
    let end_waiting = RwSignal::new(None::<u64>);
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
        let label = tr.now(Text::EndMeeting).to_owned();
        let id = undo.defer_id(label.clone(), move || {
            run(
                status,
                ending,
                label,
                async move { api.command(Command::Disconnect).await },
                |()| {},
            )
        });
        end_waiting.set(id);
    };
    // Asked once already, and waiting in the undo window: a second click would only ask again.
    let end_held = Memo::new(move |_| end_waiting.get().is_some_and(|id| undo.is_pending(id)));

    view! {
        <section class="card controls" aria-labelledby="controls-h">
            <h2 id="controls-h">{tr.text(Text::ConferenceControls)}</h2>
            <div class="button-row">
                <Show when={let s = session.clone(); move || s.supports(Command::Lock)}>
                    <DeferredButton testid="lock-toggle" keys="l" waits=Signal::derive(move || !locked.get())
                        label=Signal::derive(move || tr.t(if locked.get() { Text::UnlockConference } else { Text::LockConference }).to_owned())
                        action=lock.clone()/>
                </Show>
                <Show when={let s = session.clone(); move || s.supports(Command::MuteGuests)}>
                    <DeferredButton testid="mute-guests-toggle" keys="g" waits=Signal::derive(move || !muted.get())
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
                    aria-label=tr.text(Text::EndMeeting)
                    aria-disabled=move || end_held.get().then_some("true")
                    data-pending=move || end_held.get().then_some("true")
                    title=move || if forbidden.get() { tr.t(Text::HostOnlyReason) } else { tr.t(Text::EndMeeting) }
                    aria-describedby=move || forbidden.get().then_some(HOST_ONLY_REASON_ID)
                    on:click=move |_| if !end_held.get_untracked() { confirm_end.set(true) }>
                    {tr.text(Text::EndMeeting)}
                    <span class="pending-note" hidden=move || !end_held.get()>{tr.text(Text::UndoPendingNote)}</span>
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
