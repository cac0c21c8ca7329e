//! One joined meeting's live state, apart from any page that shows it: the session with its
//! token refresh and stream, its status line, undo window, dock, venue list, picture and command
//! service. The single console makes one and shows it; the operator wall keeps one per room and
//! shows any of them in place, so stepping in and back never joins again.

use crate::command::outcome::ResultsStack;
use crate::command::service::Commands;
use crate::dialogs::ActionsFor;
use crate::embed::bridge::Embed;
use crate::embed::messages::Outbound;
use crate::host::browser::now_s;
use crate::host::config::RuntimeConfig;
use crate::i18n::Tr;
use crate::list::virtual_list::ScrollToParticipant;
use crate::meeting::page_acts::provide_page_acts;
use crate::panels::dial_back::DialBack;
use crate::panels::{Dock, PanelId};
use crate::platform::join::Joined;
use crate::platform::session::{LiveSession, SessionState};
use crate::state::access::Forbidden;
use crate::state::clock::Clock;
use crate::state::status::Status;
use crate::state::undo::{cancelled_text, CancelledOnLeave, Undo};
use crate::widgets::prefs::saved_dock_tab;
use leptos::prelude::*;
use leptos::tachys::reactive_graph::OwnedView;
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

/// A joined meeting, owned by whoever started it (the console's meeting page, or the wall):
/// cleaning that owner up ends its session.
#[derive(Clone)]
pub struct Room {
    /// The reactive owner of everything the room runs; its views are rendered under children
    /// of it, so they find the room's contexts and leave them running when they go.
    owner: Owner,
    pub session: LiveSession,
    pub status: Status,
    pub venues: crate::venues::Venues,
    /// Leaves: what waits in the undo window is dropped, then the token is released.
    pub leave: Callback<()>,
    pub leaving: RwSignal<bool>,
    /// What the session's end cancelled in the undo window, for the notice.
    pub cancelled: RwSignal<Option<String>>,
}

impl Room {
    /// Starts the room's session and everything that runs with it, under a child of `parent`;
    /// `on_left` runs once the host has left and the token is released.
    pub fn start(parent: &Owner, joined: &Joined, on_left: Callback<()>) -> Room {
        let owner = parent.child();
        owner.clone().with(move || {
            let tr = Tr::use_context();
            let status = Status::new(tr);
            provide_context(status);
            let session = LiveSession::start(joined, status, tr);
            provide_context(session.clone());
            let s = session.clone();
            Forbidden::provide(move || s.is_host());
            provide_clock();
            provide_context(ActionsFor(RwSignal::new(None)));
            ScrollToParticipant::provide();
            DialBack::provide();
            // config.json's window; the meeting is where actions wait.
            Undo::provide(
                use_context::<RuntimeConfig>()
                    .map_or(crate::state::undo::DEFAULT_SECONDS, |c| c.undo_seconds()),
            );
            let undo = Undo::use_context();
            Dock::provide(
                saved_dock_tab()
                    .and_then(|c| PanelId::parse(&c))
                    .unwrap_or(PanelId::Speakers),
            );
            let cancelled = cancel_on_end(&session, undo, tr);
            let leaving = RwSignal::new(false);
            let leave = leave_callback(&session, undo, leaving, tr, on_left);
            provide_context(ResultsStack(NodeRef::new()));
            let venues = crate::venues::Venues::provide(&session);
            let cmds = Commands::provide();
            venues.set_commands(cmds.clone());
            crate::picture::Picture::provide(&session, venues, &cmds);
            provide_page_acts(&cmds, leave);
            Room {
                owner,
                session,
                status,
                venues,
                leave,
                leaving,
                cancelled,
            }
        })
    }

    /// A view of the room: built under a child of its owner, so it reads the room's contexts;
    /// dropping the view cleans up only what the view made.
    pub fn view<V: IntoView>(&self, f: impl FnOnce() -> V) -> OwnedView<V> {
        let owner = self.owner.child();
        let view = owner.with(f);
        OwnedView::new_with_owner(view, owner)
    }

    /// Runs `f` under the room's owner: what it makes runs as long as the room.
    pub fn within<T>(&self, f: impl FnOnce() -> T) -> T {
        self.owner.with(f)
    }

    /// Ends everything the room runs: the stream, the refresh, the timers (the token is
    /// released by [`Room::leave`] first, or lapses on the platform).
    pub fn dispose(&self) {
        self.owner.cleanup();
    }

    /// Tells an embedding portal how the meeting goes: counts as they change, and the end of
    /// the session. Only the single console does: the wall speaks for many meetings.
    pub fn report_to_portal(&self, embed: Embed) {
        self.owner.with(|| report_to_portal(embed, &self.session));
    }
}

/// The session ended or was lost: whatever waited is not sent, and the notice says so.
fn cancel_on_end(session: &LiveSession, undo: Undo, tr: Tr) -> RwSignal<Option<String>> {
    let state = session.state;
    let over = Memo::new(move |_| state.get() != SessionState::Active);
    let cancelled = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        if over.get() {
            let labels = undo.cancel_all();
            if !labels.is_empty() {
                cancelled.set(Some(cancelled_text(tr, &labels)));
            }
        }
    });
    cancelled
}

/// Leaving releases the token first, whoever asks: the user, or the portal's `leave`.
fn leave_callback(
    session: &LiveSession,
    undo: Undo,
    leaving: RwSignal<bool>,
    tr: Tr,
    on_left: Callback<()>,
) -> Callback<()> {
    let left_behind = use_context::<CancelledOnLeave>();
    let s = session.clone();
    Callback::new(move |()| {
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
            // The page may be gone already (the session ended meanwhile).
            let _ = on_left.try_run(());
        });
    })
}

/// Counts once the first sync is in (a portal would otherwise flash a zero), and the end.
fn report_to_portal(embed: Embed, session: &LiveSession) {
    let store = session.store;
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
