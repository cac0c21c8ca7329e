//! A room's card: what the operator must see at a glance, the commands worth sending without
//! stepping in (each through the room's one command service, reported on the card), and the
//! way in. A room not joined yet has its PIN field instead.

use super::card_parts::{Facts, Mode};
use super::{Phase, Wall, WallRoom};
use crate::command::act::Act;
use crate::command::button::{toggle, CmdButton};
use crate::command::confirm::Confirmation;
use crate::command::outcome::LocalResult;
use crate::command::service::Commands;
use crate::i18n::{Text, Tr};
use crate::platform::session::{LiveSession, SessionState};
use crate::state::status::Status;
use huikong_core::command::Action;
use huikong_core::wall::WallText;
use leptos::prelude::*;

/// One card; `place` is its number in the cards' order (the key that opens it).
#[component]
pub fn Card(room: WallRoom, #[prop(into)] place: Signal<usize>) -> impl IntoView {
    let tr = Tr::use_context();
    let heading = format!("wall-card-h-{}", room.id);
    let title = room.title();
    let att = Memo::new(move |_| room.attention());
    view! {
        <article class="wall-card card" data-testid="wall-card" data-room=room.entry.with_value(|e| e.conference.clone())
            class:attention=move || att.get().needed() class:broken=move || att.get().broken
            aria-labelledby=heading.clone()>
            <h3 id=heading.clone()>
                <span class="badge wall-place" aria-hidden="true">{move || place.get()}</span>" "{title}
            </h3>
            <p class="wall-alert" data-testid="wall-alert" data-unseen=move || room.unseen.get()
                hidden=move || room.unseen.get() == 0>
                <span class="badge alert-count">{move || tr.fmt(WallText::Unseen, &[("n", &room.unseen.get().to_string())])}</span>
                " "{move || room.last_alert.get()}
            </p>
            {move || match room.live.get() {
                Some(live) => live.room.view(move || view! { <LiveCard room=room/> }).into_any(),
                None => view! { <IdleCard room=room/> }.into_any(),
            }}
        </article>
    }
}

/// A joined room: its facts, its commands and the way in. Rendered under the room.
#[component]
fn LiveCard(room: WallRoom) -> impl IntoView {
    let tr = Tr::use_context();
    let wall = Wall::use_context();
    let session = expect_context::<LiveSession>();
    // The card's own line for what its commands did: the room's status is its console's.
    let status = expect_context::<Status>().scoped();
    provide_context(status);
    let cmds = Commands::use_context();
    let service = session.store.service();
    let known = Signal::derive(move || service.get().known);
    let locked = Signal::derive(move || service.get().locked);
    let muted = Signal::derive(move || service.get().guests_muted);
    let waiting = session.store.waiting();
    let title = room.title();
    let named = move |t: Text| {
        let title = title.clone();
        Signal::derive(move || format!("{} · {title}", tr.t(t)))
    };
    let lock_label = {
        let (on, off) = (named(Text::UnlockConference), named(Text::LockConference));
        Signal::derive(move || if locked.get() { on.get() } else { off.get() })
    };
    let mute_label = {
        let (on, off) = (named(Text::UnmuteAllGuests), named(Text::MuteAllGuests));
        Signal::derive(move || if muted.get() { on.get() } else { off.get() })
    };
    // On the card the room is the card's: the buttons show the verb, their names say the room.
    let short = move |on: Signal<bool>, yes: Text, no: Text| {
        Signal::derive(move || tr.t(if on.get() { yes } else { no }).to_owned())
    };
    let (lock, mute, admit) = (
        cmds.offered(Action::Lock),
        cmds.offered(Action::MuteGuests),
        cmds.offered(Action::AdmitAll),
    );
    let state = session.state;
    let over = move || match state.get() {
        SessionState::Active => None,
        SessionState::Ended(r) | SessionState::Lost(r) => {
            Some(tr.fmt(WallText::Ended, &[("reason", &r)]))
        }
    };
    let name = room.title();
    // Back from the room: the focus returns to the button that opened it.
    let open_button = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if wall.returned.get() == Some(room.id) && wall.focused.get().is_none() {
            wall.returned.set(None);
            // After the frame that shows the cards again: a hidden button takes no focus.
            request_animation_frame(move || {
                if let Some(b) = open_button.get_untracked() {
                    let _ = b.focus();
                }
            });
        }
    });
    view! {
        <Mode room=room/>
        <Facts/>
        <p class="wall-over" role="alert" data-testid="wall-over" hidden=move || over().is_none()>{over}
            " "<button type="button" class="small" data-testid="wall-reconnect" on:click=move |_| wall.reconnect(room)>
                {tr.text(WallText::Reconnect)}</button></p>
        <div class="button-row">
            <button type="button" class="primary" data-testid="wall-open" node_ref=open_button disabled=move || state.get() != SessionState::Active
                aria-label=move || tr.fmt(WallText::Open, &[("room", &name)])
                on:click=move |_| wall.open(room.id)>
                {tr.text(WallText::OpenShort)}</button>
            <Show when=move || known.get() && state.get() == SessionState::Active>
                {lock.then(|| view! {
                    <CmdButton testid="wall-lock" act=toggle(locked, Act::Unlock, Act::Lock) label=lock_label
                        short=short(locked, Text::UnlockConference, Text::LockConference)/>
                })}
                {mute.then(|| view! {
                    <CmdButton testid="wall-mute-guests" act=toggle(muted, Act::UnmuteGuests, Act::MuteGuests) label=mute_label
                        short=short(muted, Text::UnmuteAllGuests, Text::MuteAllGuests)/>
                })}
            </Show>
            {admit.then(|| view! {
                <span hidden=move || waiting.with(Vec::is_empty)>
                    <CmdButton class="primary" testid="wall-admit-all" act=|| Act::AdmitAll label=named(Text::AdmitAll)
                        short=Signal::derive(move || tr.t(Text::AdmitAll).to_owned())/>
                </span>
            })}
            <LeaveOrRemove room=room/>
        </div>
        <LocalResult status=status/>
        <Confirmation/>
    }
}

/// Disconnect (releasing the token) and remove, named with the room.
#[component]
fn LeaveOrRemove(room: WallRoom) -> impl IntoView {
    let tr = Tr::use_context();
    let wall = Wall::use_context();
    let (a, b) = (room.title(), room.title());
    view! {
        <button type="button" data-testid="wall-disconnect" on:click=move |_| wall.disconnect(room)
            aria-label=move || tr.fmt(WallText::Disconnect, &[("room", &a)])>
            {tr.text(WallText::DisconnectShort)}</button>
        <button type="button" class="danger" data-testid="wall-remove" on:click=move |_| wall.remove(room)
            aria-label=move || tr.fmt(WallText::Remove, &[("room", &b)])>
            {tr.text(WallText::RemoveShort)}</button>
    }
}

/// A room not joined in this tab: its PIN (memory only) and Connect.
#[component]
fn IdleCard(room: WallRoom) -> impl IntoView {
    let tr = Tr::use_context();
    let wall = Wall::use_context();
    let pin = RwSignal::new(room.pin.get_value());
    let name = room.title();
    let field = format!("wall-pin-{}", room.id);
    let connect = move || wall.connect(room, pin.get_untracked());
    let failed = move || match room.phase.get() {
        Phase::Failed(why) => Some(why),
        _ => None,
    };
    view! {
        <p class="muted" data-testid="wall-state" data-state=move || match room.phase.get() {
            Phase::Joining => "joining", Phase::Failed(_) => "failed", _ => "idle" }>
            {move || match room.phase.get() {
                Phase::Joining => tr.t(WallText::Connecting),
                _ => tr.t(WallText::NotConnected),
            }}</p>
        <form class="wall-connect" on:submit=move |ev| { ev.prevent_default(); connect(); }>
            <label for=field.clone()>{move || tr.fmt(WallText::Pin, &[("room", &name)])}</label>
            <input id=field type="password" autocomplete="off" data-testid="wall-pin"
                prop:value=move || pin.get() on:input=move |ev| pin.set(event_target_value(&ev))/>
            <button type="submit" class="primary" data-testid="wall-connect"
                disabled=move || room.phase.get() == Phase::Joining>{tr.text(WallText::Connect)}</button>
        </form>
        <p class="error" role="alert" data-testid="wall-error" hidden=move || failed().is_none()>{failed}</p>
        <LeaveOrRemove room=room/>
    }
}
