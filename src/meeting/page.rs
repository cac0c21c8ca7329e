//! The meeting page, laid out for a live meeting: a compact header; the participant list as the
//! main area, with the controls and the waiting room above it; the other panels in the dock
//! beside it (a bottom bar at a phone's width); and what a portal embedding it is told.

use crate::command::confirm::Confirmation;
use crate::command::outcome::{ResultsStack, StatusRegion};
use crate::command::service::Commands;
use crate::command::undo_bar::UndoBar;
use crate::dialogs::participant::ParticipantActionsHost;
use crate::dialogs::ActionsFor;
use crate::embed::bridge::{use_embed, Embed};
use crate::embed::messages::Outbound;
use crate::host::browser::now_s;
use crate::host::config::RuntimeConfig;
use crate::i18n::{Text, Tr};
use crate::keyboard::shortcuts::KeyboardControl;
use crate::list::participants::ParticipantList;
use crate::list::virtual_list::ScrollToParticipant;
use crate::meeting::controls::ConferenceControls;
use crate::meeting::dock::PanelDock;
use crate::meeting::header::MeetingHeader;
use crate::meeting::page_acts::provide_page_acts;
use crate::meeting::waiting_room::WaitingRoom;
use crate::meeting::{alerts::AlertBar, recently_left::RecentlyLeft};
use crate::panels::dial_back::DialBack;
use crate::panels::{Dock, PanelId};
use crate::platform::join::Joined;
use crate::platform::session::{LiveSession, SessionState};
use crate::state::access::{Forbidden, HOST_ONLY_REASON_ID};
use crate::state::clock::Clock;
use crate::state::status::Status;
use crate::state::undo::{cancelled_text, CancelledOnLeave, Undo};
use crate::widgets::prefs::{saved_dock_tab, DenseRows};
use leptos::prelude::*;
use std::time::Duration;

fn provide_clock() {
    let clock = Clock {
        fine: RwSignal::new(now_s()),
        coarse: RwSignal::new(now_s()),
    };
    let fine = set_interval_with_handle(move || clock.fine.set(now_s()), Duration::from_secs(1));
    let coarse =
        set_interval_with_handle(move || clock.coarse.set(now_s()), Duration::from_secs(15));
    on_cleanup(move || {
        if let Ok(h) = fine {
            h.clear();
        }
        if let Ok(h) = coarse {
            h.clear();
        }
    });
    provide_context(clock);
}

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

/// Tells the portal how the meeting goes: counts as they change, and the end of the session.
fn report_to_portal(embed: Embed, session: &LiveSession) {
    let store = session.store;
    // Counts only once the first sync is in: a portal would otherwise flash a zero.
    let count = Memo::new(move |_| store.synced().get().then(|| store.order().with(Vec::len)));
    let waiting = Memo::new(move |_| store.synced().get().then(|| store.waiting().with(Vec::len)));
    Effect::new(move |_| {
        if let Some(n) = count.get() {
            embed.send(&Outbound::ParticipantCount(n));
        }
    });
    Effect::new(move |_| {
        if let Some(n) = waiting.get() {
            embed.send(&Outbound::WaitingCount(n));
        }
    });
    let state = session.state;
    Effect::new(move |_| {
        let msg = match state.get() {
            SessionState::Active => return,
            SessionState::Ended(reason) => Outbound::SessionLost {
                kind: "ended",
                reason,
            },
            SessionState::Lost(reason) => Outbound::SessionLost {
                kind: "lost",
                reason,
            },
        };
        embed.send(&msg);
    });
}

#[component]
pub fn MeetingPage(
    joined: Joined,
    #[prop(into)] on_leave: Callback<()>,
    #[prop(into)] on_rejoin: Callback<()>,
) -> impl IntoView {
    let tr = Tr::use_context();
    let status = Status::new(tr);
    provide_context(status);
    let session = LiveSession::start(&joined, status, tr);
    provide_context(session.clone());
    let s = session.clone();
    Forbidden::provide(move || s.is_host());
    provide_clock();
    provide_context(ActionsFor(RwSignal::new(None)));
    ScrollToParticipant::provide();
    DialBack::provide();
    // config.json's window; the meeting page is where actions wait.
    Undo::provide(
        use_context::<RuntimeConfig>()
            .map_or(crate::state::undo::DEFAULT_SECONDS, |c| c.undo_seconds()),
    );
    let undo = Undo::use_context();
    let left_behind = use_context::<CancelledOnLeave>();
    // A notice of an earlier leave is old news once the host is back in a meeting.
    if let Some(CancelledOnLeave(n)) = left_behind {
        n.set(None);
    }
    Dock::provide(
        saved_dock_tab()
            .and_then(|c| PanelId::parse(&c))
            .unwrap_or(PanelId::Speakers),
    );
    let DenseRows(dense) = expect_context::<DenseRows>();
    let s = session.clone();
    let over = Memo::new(move |_| s.state.get() != SessionState::Active);
    // The session ended or was lost: whatever waited is not sent, and the card says so.
    let cancelled = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        if over.get() {
            let labels = undo.cancel_all();
            if !labels.is_empty() {
                cancelled.set(Some(cancelled_text(tr, &labels)));
            }
        }
    });

    // Leaving releases the token first, whoever asks: the user, or the portal's `leave`.
    let leaving = RwSignal::new(false);
    let s = session.clone();
    let leave = Callback::new(move |()| {
        if leaving.get_untracked() {
            return;
        }
        leaving.set(true);
        // Nothing waiting in the undo window is sent for a meeting the host has left.
        let labels = undo.cancel_all();
        if let (false, Some(CancelledOnLeave(n))) = (labels.is_empty(), left_behind) {
            n.set(Some(cancelled_text(tr, &labels)));
        }
        let s = s.clone();
        leptos::task::spawn_local(async move {
            s.leave().await;
            // The meeting page may be gone already (the session ended meanwhile).
            let _ = on_leave.try_run(());
        });
    });
    let embed = use_embed();
    if let Some(embed) = embed {
        report_to_portal(embed, &session);
        Effect::watch(
            move || embed.leave_requests.get(),
            move |_, _, _| leave.run(()),
            false,
        );
    }
    let compact = embed.is_some_and(|e| e.compact);
    provide_context(ResultsStack(NodeRef::new()));
    let venues = crate::venues::Venues::provide(&session);
    let cmds = Commands::provide();
    venues.set_commands(cmds.clone());
    crate::picture::Picture::provide(&session, venues, &cmds);
    provide_page_acts(&cmds, leave);

    view! {
        <a class="skip-link" href="#participants">{tr.text(Text::SkipToList)}</a>
        <div class="meeting-page">
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
