//! The meeting page's header: conference, own role, flags, counts, connection, preferences and
//! leave, on one line at a desktop's width (two at most); at a phone's width one line of room,
//! role, connection, a menu with the rest, and leave. In compact mode, a bar with the counts,
//! the connection and leave.

use crate::i18n::{role_text, Text, Tr};
use crate::platform::session::LiveSession;
use crate::platform::stream::ConnState;
use crate::widgets::prefs::{DenseSwitch, PrefSwitches};
use huikong_core::page_texts::PageText;
use leptos::prelude::*;

#[component]
fn Flag(
    testid: &'static str,
    #[prop(into)] on: Signal<bool>,
    yes: Text,
    no: Text,
) -> impl IntoView {
    let tr = Tr::use_context();
    view! {
        <span class="flag" class:on=move || on.get() data-testid=testid
            data-state=move || if on.get() { "on" } else { "off" }>
            {move || if on.get() { tr.t(yes) } else { tr.t(no) }}
        </span>
    }
}

/// The header's counts, shared by the full header and the compact bar.
#[component]
fn Counts() -> impl IntoView {
    let tr = Tr::use_context();
    let store = expect_context::<LiveSession>().store;
    // Until the first list arrives a count is not known, and "0" would say everyone left.
    let known = store.synced();
    let n = move |k: bool, v: usize| match k {
        true => v.to_string(),
        false => tr.t(PageText::CountUnknown).to_owned(),
    };
    let count = Memo::new(move |_| n(known.get(), store.order().with(Vec::len)));
    let waiting = Memo::new(move |_| n(known.get(), store.waiting().with(Vec::len)));
    view! {
        <span class="count" data-testid="participant-count" data-count=move || count.get()>
            {move || tr.fmt(Text::ParticipantCount, &[("n", &count.get())])}
        </span>
        <span class="count" data-testid="waiting-count" data-count=move || waiting.get()
            class:warn=move || known.get() && store.waiting().with(|w| !w.is_empty())>
            {move || tr.fmt(Text::WaitingCount, &[("n", &waiting.get())])}
        </span>
    }
}

/// The event stream's state, shared by the full header and the compact bar.
#[component]
fn Connection() -> impl IntoView {
    let tr = Tr::use_context();
    let conn = expect_context::<LiveSession>().conn;
    let conn_text = move || match conn.get() {
        ConnState::Connecting => tr.t(Text::ConnConnecting),
        ConnState::Live => tr.t(Text::ConnLive),
        ConnState::Reconnecting => tr.t(Text::ConnReconnecting),
        ConnState::Lost => tr.t(Text::ConnLost),
        ConnState::Polled => tr.t(Text::ConnPolled),
    };
    let conn_code = move || conn.get().code();
    view! {
        <span class="conn" data-testid="connection-state" data-state=conn_code
            role="status" aria-label=move || format!("{}: {}", tr.t(Text::ConnectionLabel), conn_text())>
            <span class="dot" aria-hidden="true"></span>{conn_text}
        </span>
    }
}

#[component]
fn LeaveButton(
    #[prop(into)] leave: Callback<()>,
    #[prop(into)] leaving: Signal<bool>,
) -> impl IntoView {
    let tr = Tr::use_context();
    view! {
        <button type="button" class="danger" data-testid="leave"
            disabled=move || leaving.get() aria-busy=move || leaving.get().then_some("true")
            on:click=move |_| leave.run(())>
            {move || if leaving.get() { tr.t(Text::Leaving) } else { tr.t(Text::Leave) }}
        </button>
    }
}

/// The meeting page's header. In compact mode (`?compact=1`, a narrow iframe) there is no
/// header: a one-line bar keeps the counts, the connection and the way out.
#[component]
pub fn MeetingHeader(
    #[prop(into)] leave: Callback<()>,
    #[prop(into)] leaving: Signal<bool>,
    compact: bool,
) -> impl IntoView {
    let tr = Tr::use_context();
    let session = expect_context::<LiveSession>();
    if compact {
        return view! {
            <div class="compact-bar" data-testid="compact-bar">
                <div class="flags"><Counts/><Connection/></div>
                <LeaveButton leave=leave leaving=leaving/>
            </div>
        }
        .into_any();
    }
    let store = session.store;
    let s = session.clone();
    let my_role = Memo::new(move |_| s.my_role());
    let service = store.service();
    // The menu only folds at a phone's width; elsewhere its content sits in the line.
    let menu_open = RwSignal::new(false);
    view! {
        <header class="meeting-head" role="banner"
            on:keydown=move |ev| if ev.key() == "Escape" { menu_open.set(false) }>
            <div class="title-block">
                <h1 data-testid="conference-name">{session.conference_name.clone()}</h1>
                <span class="badge role" data-testid="my-role"
                    aria-label=move || format!("{}: {}", tr.t(Text::MyRole), tr.t(role_text(my_role.get())))>
                    {move || tr.t(role_text(my_role.get()))}
                </span>
            </div>
            <div class="head-menu" id="head-menu" class:open=move || menu_open.get()>
                <div class="flags">
                    // Defaults are not facts: the flags show once the platform has said them.
                    <Show when=move || service.with(|s| s.known)>
                    <Flag testid="flag-locked" on=Signal::derive(move || service.get().locked) yes=Text::FlagLocked no=Text::FlagUnlocked/>
                    <Flag testid="flag-guests-muted" on=Signal::derive(move || service.get().guests_muted) yes=Text::FlagGuestsMuted no=Text::FlagGuestsUnmuted/>
                    <Flag testid="flag-started" on=Signal::derive(move || service.get().started) yes=Text::FlagStarted no=Text::FlagNotStarted/>
                    </Show>
                    <Counts/>
                    <crate::venues::panel::VenueCount/>
                    <crate::picture::OnAirBadge/>
                </div>
                <div class="head-prefs">
                    <PrefSwitches/>
                    <DenseSwitch/>
                </div>
            </div>
            <Connection/>
            <button type="button" class="icon-button head-menu-toggle" data-testid="head-menu-toggle"
                aria-controls="head-menu" aria-expanded=move || menu_open.get().to_string()
                aria-label=tr.text(Text::HeadMenu)
                on:click=move |_| menu_open.update(|o| *o = !*o)>"☰"</button>
            <LeaveButton leave=leave leaving=leaving/>
        </header>
    }
    .into_any()
}
