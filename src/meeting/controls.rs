//! Conference controls: lock, mute guests, start, end for everyone. A toggle's label says what
//! a click will do ("解锁会议" while locked); it is not also marked pressed. Each runs through the
//! command service, whose policy confirms the end and holds it in the undo window; a lock or
//! muting the guests is sent at once, undone by its opposite.

use crate::command::act::Act;
use crate::command::button::{toggle, CmdButton};
use crate::command::service::Commands;
use crate::i18n::{Text, Tr};
use huikong_core::command::Action;
use huikong_core::page_texts::PageText;
use leptos::prelude::*;

#[component]
pub fn ConferenceControls() -> impl IntoView {
    let tr = Tr::use_context();
    let cmds = Commands::use_context();
    let service = cmds.session().store.service();
    // Nothing is offered on the strength of flags the platform has not said yet.
    let known = Signal::derive(move || service.get().known);
    let locked = Signal::derive(move || service.get().locked);
    let muted = Signal::derive(move || service.get().guests_muted);
    let offered = |a: Action| cmds.offered(a);
    let (lock, mute, start) = (
        offered(Action::Lock),
        offered(Action::MuteGuests),
        offered(Action::Start),
    );
    let label = move |on: Signal<bool>, yes: Text, no: Text| {
        Signal::derive(move || tr.t(if on.get() { yes } else { no }).to_owned())
    };

    view! {
        <section class="card controls" aria-labelledby="controls-h">
            <h2 id="controls-h">{tr.text(Text::ConferenceControls)}</h2>
            <p class="note" data-testid="flags-unknown" hidden=move || known.get()>{tr.text(PageText::FlagsUnknown)}</p>
            <div class="button-row">
                <Show when=move || known.get()>
                {lock.then(|| view! {
                    <CmdButton testid="lock-toggle" act=toggle(locked, Act::Unlock, Act::Lock)
                        label=label(locked, Text::UnlockConference, Text::LockConference)/>
                })}
                {mute.then(|| view! {
                    <CmdButton testid="mute-guests-toggle" act=toggle(muted, Act::UnmuteGuests, Act::MuteGuests)
                        label=label(muted, Text::UnmuteAllGuests, Text::MuteAllGuests)/>
                })}
                </Show>
                // Offered until the meeting has started: starting it again would do nothing.
                <Show when=move || start && known.get() && !service.get().started>
                    <CmdButton testid="start-meeting" act=|| Act::Start
                        label=Signal::derive(move || tr.t(Text::StartMeeting).to_owned())/>
                </Show>
                <CmdButton class="danger" testid="end-meeting" act=|| Act::End
                    label=Signal::derive(move || tr.t(Text::EndMeeting).to_owned())/>
            </div>
        </section>
    }
}
