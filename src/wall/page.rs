//! The wall page: the rooms as cards (those needing attention first), the form that adds a
//! room, one PIN field to join them all, the box that opens one by name, and, when the operator
//! steps in, that room's whole console in place with the way back.

use super::card::Card;
use super::{storage, Wall};
use crate::command::rooms::RoomSwitch;
use crate::i18n::Tr;
use crate::meeting::alerts::WallRaisesAlerts;
use crate::meeting::page::MeetingPage;
use huikong_core::wall::schedule::{Protocol, STREAMS_PER_NODE_H1};
use huikong_core::wall::{RoomEntry, WallText};
use leptos::prelude::*;

#[component]
pub fn WallPage(
    /// The rooms `config.json` names (JSON text), beside those saved here.
    configured: Option<String>,
    /// Leaves the wall (after every room is left).
    #[prop(into)]
    on_exit: Callback<()>,
) -> impl IntoView {
    let tr = Tr::use_context();
    let configured = configured
        .map(|json| {
            huikong_core::wall::parse_rooms(&json).unwrap_or_else(|e| {
                crate::host::browser::warn(&format!("huikong: config.json's wall_rooms: {e}"));
                Vec::new()
            })
        })
        .unwrap_or_default();
    let wall = Wall::new(storage::initial(&configured));
    provide_context(wall);
    provide_context(WallRaisesAlerts);
    provide_context(RoomSwitch {
        others: Signal::derive(move || {
            let shown = wall.focused.get();
            wall.rooms.with(|rooms| {
                rooms
                    .iter()
                    .filter(|r| Some(r.id) != shown && r.live.with(Option::is_some))
                    .map(|r| (r.id, r.title()))
                    .collect()
            })
        }),
        open: Callback::new(move |id| wall.open(id)),
        back: Callback::new(move |()| wall.back()),
    });
    super::alerts::provide_title(wall);
    super::schedule::run(wall);
    let jump = NodeRef::<leptos::html::Input>::new();
    super::keys::install(wall, jump);
    // Leaving the wall leaves every room first, releasing each token.
    let exit = Callback::new(move |()| {
        for r in wall.rooms.get_untracked() {
            wall.disconnect(r);
        }
        on_exit.run(());
    });
    follow_portal(wall, exit);
    let order = Memo::new(move |_| wall.card_order());
    let summary = move || {
        let n = wall.rooms.with(Vec::len);
        let att = order.with(|o| o.iter().filter(|r| r.attention().needed()).count());
        tr.fmt(
            WallText::Summary,
            &[("n", &n.to_string()), ("att", &att.to_string())],
        )
    };
    let stepped_in = move || wall.focused.get().is_some();
    view! {
        <div class="wall-page" data-testid="wall-page" hidden=stepped_in>
            <header class="wall-header">
                <h1>{tr.text(WallText::Title)}</h1>
                <p role="status" data-testid="wall-summary">{summary}</p>
                <Protocols/>
                <button type="button" data-testid="wall-exit" on:click=move |_| exit.run(())>{tr.text(crate::i18n::Text::Leave)}</button>
            </header>
            <main class="wall-main" id="main">
                <div class="wall-tools">
                    <AddRoom/>
                    <ConnectAll/>
                    <super::keys::JumpBox input=jump/>
                </div>
                <p class="muted" hidden=move || wall.rooms.with(|r| !r.is_empty())>{tr.text(WallText::Empty)}</p>
                <section aria-labelledby="wall-cards-h">
                    <h2 id="wall-cards-h" class="visually-hidden">{tr.text(WallText::Cards)}</h2>
                    <ul class="wall-grid" data-testid="wall-grid">
                        <For each=move || order.get() key=|r| r.id let:room>
                            <li><Card room=room place=Signal::derive(move || {
                                order.with(|o| o.iter().position(|r| r.id == room.id).map_or(0, |i| i + 1))
                            })/></li>
                        </For>
                    </ul>
                </section>
            </main>
        </div>
        {move || {
            let id = wall.focused.get()?;
            let room = wall.find(id)?;
            let live = room.live.get()?;
            let back = Callback::new(move |()| wall.back());
            let rejoin = Callback::new(move |()| wall.reconnect(room));
            let r = live.room.clone();
            Some(live.room.view(move || view! {
                <MeetingPage room=r on_leave=back on_rejoin=rejoin back=back/>
            }))
        }}
    }
}

/// Rooms a portal hands over: added for this page (not saved), and joined with the PIN it gave;
/// the portal's `leave` leaves the wall.
fn follow_portal(wall: Wall, exit: Callback<()>) {
    let Some(embed) = crate::embed::bridge::use_embed() else {
        return;
    };
    Effect::watch(
        move || embed.leave_requests.get(),
        move |_, _, _| exit.run(()),
        false,
    );
    Effect::new(move |_| {
        let Some(rooms) = embed.wall_request.get() else {
            return;
        };
        embed.wall_request.set(None);
        let rooms = huikong_core::wall::parse_portal_rooms(&rooms).unwrap_or_else(|e| {
            crate::host::browser::warn(&format!("huikong: the portal's wall rooms: {e}"));
            Vec::new()
        });
        for r in rooms {
            let key = r.entry.key();
            let found = wall.rooms.with_untracked(|x| {
                x.iter()
                    .find(|w| w.entry.with_value(|e| e.key() == key))
                    .copied()
            });
            let room = found.unwrap_or_else(|| wall.push(r.entry));
            if let Some(pin) = r.pin {
                wall.connect(room, pin);
            }
        }
    });
}

/// What the browser speaks to each node, and so how many rooms stream there.
#[component]
fn Protocols() -> impl IntoView {
    let tr = Tr::use_context();
    let wall = Wall::use_context();
    let lines = move || {
        let mut nodes: Vec<(String, Protocol)> = wall
            .protocols
            .with(|p| p.iter().map(|(n, p)| (n.clone(), *p)).collect());
        nodes.sort_by(|a, b| a.0.cmp(&b.0));
        nodes
            .into_iter()
            .map(|(node, p)| {
                let proto = match p {
                    Protocol::Http2 => tr.t(WallText::Http2).to_owned(),
                    Protocol::Http1 => {
                        tr.fmt(WallText::Http1, &[("n", &STREAMS_PER_NODE_H1.to_string())])
                    }
                    Protocol::Unknown => tr.t(WallText::ProtocolUnknown).to_owned(),
                };
                let code = match p {
                    Protocol::Http2 => "h2",
                    Protocol::Http1 => "http/1.1",
                    Protocol::Unknown => "unknown",
                };
                let text = tr.fmt(WallText::Protocol, &[("node", &node), ("proto", &proto)]);
                view! { <li data-testid="wall-protocol" data-protocol=code>{text}</li> }
            })
            .collect_view()
    };
    view! { <ul class="wall-protocols muted">{lines}</ul> }
}

/// Adds a room to the wall (and to this browser's saved list, without a PIN).
#[component]
fn AddRoom() -> impl IntoView {
    let tr = Tr::use_context();
    let wall = Wall::use_context();
    let (conference, name, server) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let error = RwSignal::new(None::<WallText>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let entry = RoomEntry {
            conference: conference.get_untracked().trim().to_owned(),
            name: name.get_untracked().trim().to_owned(),
            server: server.get_untracked().trim().to_owned(),
        };
        if entry.conference.is_empty() {
            return error.set(Some(WallText::ConferenceNeeded));
        }
        let key = entry.key();
        if wall
            .rooms
            .with_untracked(|r| r.iter().any(|x| x.entry.with_value(|e| e.key() == key)))
        {
            return error.set(Some(WallText::AddedAlready));
        }
        error.set(None);
        wall.push(entry);
        storage::save(&wall);
        conference.set(String::new());
        name.set(String::new());
    };
    let field = move |id: &'static str, label: WallText, value: RwSignal<String>| {
        view! {
            <label for=id>{tr.text(label)}</label>
            <input id=id data-testid=id prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                aria-invalid=move || (id == "wall-add-conference" && error.get().is_some()).then_some("true")
                aria-describedby=(id == "wall-add-conference").then_some("wall-add-error")/>
        }
    };
    view! {
        <details class="wall-add card" open=move || wall.rooms.with_untracked(Vec::is_empty)>
            <summary data-testid="wall-add-open">{tr.text(WallText::AddHeading)}</summary>
            <form on:submit=add>
                {field("wall-add-conference", WallText::Conference, conference)}
                {field("wall-add-name", WallText::Name, name)}
                {field("wall-add-server", WallText::Server, server)}
                <p id="wall-add-error" class="error" role="alert" data-testid="wall-add-error">
                    {move || error.get().map(|e| tr.t(e))}</p>
                <button type="submit" class="primary" data-testid="wall-add">{tr.text(WallText::Add)}</button>
            </form>
        </details>
    }
}

/// One host PIN for every room not joined yet: in memory only.
#[component]
fn ConnectAll() -> impl IntoView {
    let tr = Tr::use_context();
    let wall = Wall::use_context();
    let pin = RwSignal::new(String::new());
    view! {
        <form class="wall-pin-all" on:submit=move |ev| { ev.prevent_default(); wall.connect_all(pin.get_untracked()); }>
            <label for="wall-pin-all">{tr.text(WallText::PinAll)}</label>
            <input id="wall-pin-all" type="password" autocomplete="off" data-testid="wall-pin-all"
                prop:value=move || pin.get() on:input=move |ev| pin.set(event_target_value(&ev))/>
            <button type="submit" data-testid="wall-connect-all">{tr.text(WallText::ConnectAll)}</button>
        </form>
    }
}
