//! The meeting page, laid out for a live meeting: a compact header; the participant list as the
//! main area, with the controls and the waiting room above it; the other panels in the dock
//! beside it (a bottom bar at a phone's width); and what a portal embedding it is told.

use crate::command::confirm::Confirmation;
use crate::command::outcome::StatusRegion;
use crate::command::undo_bar::UndoBar;
use crate::dialogs::participant::ParticipantActionsHost;
use crate::embed::bridge::use_embed;
use crate::i18n::{Text, Tr};
use crate::keyboard::shortcuts::KeyboardControl;
use crate::list::participants::ParticipantList;
use crate::meeting::controls::ConferenceControls;
use crate::meeting::dock::PanelDock;
use crate::meeting::header::MeetingHeader;
use crate::meeting::room::Room;
use crate::meeting::waiting_room::WaitingRoom;
use crate::meeting::{alerts::AlertBar, recently_left::RecentlyLeft};
use crate::platform::session::{LiveSession, SessionState};
use crate::state::access::HOST_ONLY_REASON_ID;
use crate::state::undo::CancelledOnLeave;
use crate::widgets::prefs::DenseRows;
use leptos::prelude::*;

/// The notice shown once the session is over, with the way back in.
#[component]
fn SessionOver(
    /// What the session's end cancelled in the undo window.
    cancelled: RwSignal<Option<String>>,
    #[prop(into)] on_rejoin: Callback<()>,
    #[prop(into)] on_back: Callback<()>,
) -> impl IntoView {
    let tr = Tr::use_context();
    let session = expect_context::<LiveSession>();
    let state = session.state;
    let text = move || match state.get() {
        SessionState::Active => None,
        SessionState::Ended(r) => {
            let r = if r.trim().is_empty() {
                tr.t(Text::ReasonUnknown).to_owned()
            } else {
                r
            };
            Some(tr.fmt(Text::SessionEnded, &[("reason", &r)]))
        }
        SessionState::Lost(r) => Some(tr.fmt(Text::SessionLost, &[("reason", &r)])),
    };
    view! {
        <Show when=move || state.get() != SessionState::Active>
            <div class="session-over card" role="alert" data-testid="session-over">
                <p data-testid="session-over-reason">{text}</p>
                <p data-testid="session-over-cancelled" hidden=move || cancelled.with(Option::is_none)>
                    {move || cancelled.get()}</p>
                <div class="button-row">
                    <button type="button" class="primary" data-testid="rejoin" on:click=move |_| on_rejoin.run(())>
                        {tr.text(Text::Rejoin)}</button>
                    <button type="button" data-testid="back-to-join" on:click=move |_| on_back.run(())>
                        {tr.text(Text::BackToJoin)}</button>
                </div>
            </div>
        </Show>
    }
}

/// A room's console, rendered under the room (`Room::view`), so it reads the room's contexts.
/// `back` is the operator wall's way back to its cards, when the room is one of the wall's.
#[component]
pub fn MeetingPage(
    room: Room,
    #[prop(into)] on_leave: Callback<()>,
    #[prop(into)] on_rejoin: Callback<()>,
    #[prop(optional)] back: Option<Callback<()>>,
) -> impl IntoView {
    let tr = Tr::use_context();
    let Room {
        session,
        status,
        leave,
        leaving,
        cancelled,
        ..
    } = room;
    // A notice of an earlier leave is old news once the host is back in a meeting.
    if let Some(CancelledOnLeave(n)) = use_context::<CancelledOnLeave>() {
        n.set(None);
    }
    let DenseRows(dense) = expect_context::<DenseRows>();
    let s = session.clone();
    let over = Memo::new(move |_| s.state.get() != SessionState::Active);
    let compact = use_embed().is_some_and(|e| e.compact);

    view! {
        <a class="skip-link" href="#participants">{tr.text(Text::SkipToList)}</a>
        <div class="meeting-page">
            {back.map(|back| view! { <super::room_back::BackToWall back=back/> })}
            <MeetingHeader leave=leave leaving=leaving compact=compact/>
            <SessionOver cancelled=cancelled on_rejoin=on_rejoin on_back=on_leave/>
            <StatusRegion status=status/>
            <UndoBar/>
            <main class="meeting" id="main" class:over=move || over.get() inert=move || over.get()>
                // In the main landmark, as everything is: the disabled controls point at it.
                <p id=HOST_ONLY_REASON_ID class="visually-hidden">{tr.text(Text::HostOnlyReason)}</p>
                <div class="main-col" class:dense=move || dense.get() data-testid="main-col">
                    <super::notices::GuestNotice/>
                    <super::notices::FreshnessNote/>
                    <div class="top-strip" data-testid="top-strip">
                        <AlertBar/>
                        <ConferenceControls/>
                        <WaitingRoom/>
                    </div>
                    <crate::venues::rollcall::RollCallBar/>
                    <crate::picture::broadcast::BroadcastBar/>
                    <crate::picture::RotationBar/>
                    <ParticipantList/>
                    <RecentlyLeft/>
                </div>
                <PanelDock/>
            </main>
        </div>
        <ParticipantActionsHost/>
        <Confirmation/>
        <KeyboardControl/>
    }
}
