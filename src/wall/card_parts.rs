//! What a card says of its room: how it is followed (streamed, or polled and how often), and
//! the facts an operator scans for (counts, venues, presenting, locked, what runs).

use super::WallRoom;
use crate::i18n::{Text, Tr};
use crate::platform::session::{LiveSession, SessionState};
use crate::platform::stream::ConnState;
use crate::venues::one_at_a_time::Running;
use crate::venues::Venues;
use huikong_core::wall::schedule::Delivery;
use huikong_core::wall::WallText;
use leptos::prelude::*;

/// Streamed or polled; the connection's state beside it.
#[component]
pub fn Mode(room: WallRoom) -> impl IntoView {
    let tr = Tr::use_context();
    let session = expect_context::<LiveSession>();
    let (conn, state) = (session.conn, session.state);
    // A session that is over is followed no more, whatever its stream last was.
    let over = move || state.get() != SessionState::Active;
    let mode = move || match room.delivery.get() {
        Delivery::Stream => "stream",
        Delivery::Poll => "poll",
    };
    let text = move || match (room.delivery.get(), conn.get()) {
        _ if over() => tr.t(WallText::NotConnected).to_owned(),
        (Delivery::Poll, _) => {
            let s = (room.poll_every.get() / 1000.0).round().max(1.0);
            tr.fmt(WallText::ModePoll, &[("s", &s.to_string())])
        }
        (Delivery::Stream, ConnState::Live) => tr.t(WallText::ModeStream).to_owned(),
        (Delivery::Stream, ConnState::Lost) => tr.t(Text::ConnLost).to_owned(),
        (Delivery::Stream, ConnState::Reconnecting) => tr.t(Text::ConnReconnecting).to_owned(),
        (Delivery::Stream, _) => tr.t(Text::ConnConnecting).to_owned(),
    };
    let conn_code = move || if over() { "over" } else { conn.get().code() };
    view! {
        <p class="wall-mode" data-testid="wall-mode" data-mode=mode data-conn=conn_code>
            <span class="dot" aria-hidden="true"></span>
            <span class="visually-hidden">{tr.text(WallText::ModeWhy)}": "</span>{text}
        </p>
    }
}

/// The room's counts and flags; a count is "—" until the platform has said it.
#[component]
pub fn Facts() -> impl IntoView {
    let tr = Tr::use_context();
    let store = expect_context::<LiveSession>().store;
    let venues = Venues::use_context();
    let known = store.synced();
    let count = Memo::new(move |_| known.get().then(|| store.order().with(Vec::len)));
    let waiting = Memo::new(move |_| known.get().then(|| store.waiting().with(Vec::len)));
    // Streaming and recording calls are participants too: counted as the roster changes.
    let streaming = Memo::new(move |_| {
        store.roster_rev().track();
        store
            .with_conf(|c| {
                c.participants()
                    .values()
                    .filter(|p| {
                        p.is_streaming_conference || p.protocol.eq_ignore_ascii_case("rtmp")
                    })
                    .count()
            })
            .unwrap_or(0)
    });
    let n = move |v: Option<usize>| v.map_or_else(|| "—".to_owned(), |v| v.to_string());
    let service = store.service();
    let presenting = Signal::derive(move || store.presentation().with(|p| p.active));
    let running = venues.map(|v| v.one.now);
    let run_text = move || {
        let t = match running?.get()? {
            Running::RollCall => WallText::RollCall,
            Running::Broadcast => WallText::Broadcast,
            Running::Rotation => WallText::Rotation,
        };
        Some(tr.t(t))
    };
    let venue_text = move || {
        let (on, of) = venues?.counts();
        (of > 0).then(|| {
            tr.fmt(
                WallText::VenuesOnline,
                &[("on", &on.to_string()), ("of", &of.to_string())],
            )
        })
    };
    view! {
        <ul class="wall-facts" data-testid="wall-facts">
            <li data-testid="wall-count" data-count=move || n(count.get())>
                {move || tr.fmt(WallText::Participants, &[("n", &n(count.get()))])}</li>
            <li data-testid="wall-waiting" data-count=move || n(waiting.get())
                class:warn=move || { waiting.get().unwrap_or(0) > 0 }>
                {move || tr.fmt(WallText::Waiting, &[("n", &n(waiting.get()))])}</li>
            <li data-testid="wall-venues" hidden=move || venue_text().is_none()>{venue_text}</li>
            <li data-testid="wall-presenting" hidden=move || !presenting.get()>{tr.text(WallText::Presenting)}</li>
            <li data-testid="wall-locked" data-state=move || if service.get().locked { "on" } else { "off" }
                hidden=move || !service.get().locked>{tr.text(WallText::Locked)}</li>
            <li data-testid="wall-running" hidden=move || run_text().is_none()>{run_text}</li>
            <li data-testid="wall-streaming" hidden=move || streaming.get() == 0>
                {move || tr.fmt(WallText::Streaming, &[("n", &streaming.get().to_string())])}</li>
        </ul>
    }
}
