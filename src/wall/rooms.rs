//! Joining the wall's rooms and leaving them: each join is the single console's own (checkJoin,
//! then new_session), with the PIN typed in this tab; each joined room is a [`Room`] owned by
//! the wall, so its session outlives every view of it.

use super::{LiveRoom, Phase, Wall, WallRoom};
use crate::embed::messages::LaunchParams;
use crate::host::config::RuntimeConfig;
use crate::i18n::Tr;
use crate::join::page::default_params;
use crate::meeting::room::Room;
use crate::platform::join::{join, JoinParams};
use huikong_core::wall::schedule::{origin_of, Delivery};
use leptos::prelude::*;

/// What a wall's join asks: the deployment's server, profile and proxy unless the room names
/// its own server; the console hidden from the room's list, since it watches many.
fn params(entry: &huikong_core::wall::RoomEntry, pin: String) -> JoinParams {
    let config = use_context::<RuntimeConfig>().unwrap_or_default();
    let launch = use_context::<LaunchParams>().unwrap_or_default();
    let d = default_params(&config, &launch);
    let server = match entry.server.trim() {
        "" => d.server.clone(),
        s => s.to_owned(),
    };
    let name = match d.name.trim() {
        "" => Tr::use_context()
            .now(huikong_core::wall::WallText::ConsoleName)
            .to_owned(),
        n => n.to_owned(),
    };
    JoinParams {
        server,
        conference: entry.conference.trim().to_owned(),
        pin,
        name,
        hideme: true,
        ..d
    }
}

impl Wall {
    /// Joins `room` with `pin` (kept in memory for a rejoin); a failure is the card's to say.
    /// Called from a control's handler, which runs under no owner: the wall's gives the
    /// contexts.
    pub fn connect(&self, room: WallRoom, pin: String) {
        self.owner().with(|| self.connect_here(room, pin));
    }

    fn connect_here(&self, room: WallRoom, pin: String) {
        if matches!(room.phase.get_untracked(), Phase::Joining | Phase::Joined) {
            return;
        }
        room.pin.set_value(pin.clone());
        room.phase.set(Phase::Joining);
        let p = room.entry.with_value(|e| params(e, pin));
        let tr = Tr::use_context();
        let wall = *self;
        leptos::task::spawn_local(async move {
            match join(p).await {
                Ok(joined) => {
                    // The room was removed while it joined: its session is no one's.
                    if wall.find(room.id).is_none() {
                        joined.end_session().await;
                        return;
                    }
                    let node = origin_of(joined.api_base());
                    let stream = wall.starts_streamed(&node);
                    let on_left = Callback::new(move |()| wall.forget(room));
                    let live = Room::start(&wall.owner(), &joined, on_left);
                    live.session.set_streaming(stream);
                    room.delivery.set(match stream {
                        true => Delivery::Stream,
                        false => Delivery::Poll,
                    });
                    super::alerts::follow(wall, room, &live);
                    room.live.set(Some(LiveRoom { room: live, node }));
                    room.phase.set(Phase::Joined);
                }
                Err(e) => {
                    room.phase.try_set(Phase::Failed(e.message(tr)));
                }
            }
        });
    }

    /// Joins every room not joined yet with one PIN, one after another, so the node sees no
    /// burst of joins.
    pub fn connect_all(&self, pin: String) {
        let rooms: Vec<WallRoom> = self.rooms.get_untracked();
        for r in rooms {
            if matches!(r.phase.get_untracked(), Phase::Idle | Phase::Failed(_)) {
                self.connect(r, pin.clone());
            }
        }
    }

    /// Whether a room joining on `node` streams from the start: over HTTP/2, or while the
    /// node's HTTP/1.1 budget has room.
    fn starts_streamed(&self, node: &str) -> bool {
        if self
            .protocols
            .with_untracked(|p| p.get(node).is_some_and(|p| p.multiplexed()))
        {
            return true;
        }
        let streams = self.rooms.with_untracked(|rooms| {
            rooms
                .iter()
                .filter(|r| r.delivery.get_untracked() == Delivery::Stream)
                .filter(|r| {
                    r.live
                        .with_untracked(|l| l.as_ref().is_some_and(|l| l.node == node))
                })
                .count()
        });
        streams < huikong_core::wall::schedule::STREAMS_PER_NODE_H1
    }

    /// Leaves the room: the token is released, then the room is forgotten (not removed).
    pub fn disconnect(&self, room: WallRoom) {
        match room.live.get_untracked() {
            Some(live) => live.room.leave.run(()),
            None => room.phase.set(Phase::Idle),
        }
    }

    /// What was left behind once the room's session is released: its views go back to the
    /// cards, and everything it ran stops.
    fn forget(&self, room: WallRoom) {
        if self.focused.get_untracked() == Some(room.id) {
            self.focused.set(None);
        }
        if let Some(live) = room.live.try_get_untracked().flatten() {
            room.live.set(None);
            live.room.dispose();
        }
        room.phase.try_set(Phase::Idle);
        room.unseen.try_set(0);
        room.last_alert.try_set(None);
    }

    /// Removes the room from the wall, leaving it first if joined.
    pub fn remove(&self, room: WallRoom) {
        if room.live.with_untracked(Option::is_some) {
            self.disconnect(room);
        }
        self.rooms.update(|r| r.retain(|x| x.id != room.id));
        super::storage::save(self);
    }
}

impl Wall {
    /// Joins the room again with the PIN typed for it in this tab, after its session ended.
    pub fn reconnect(&self, room: WallRoom) {
        self.forget(room);
        self.connect(room, room.pin.get_value());
    }
}
