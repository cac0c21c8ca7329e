//! The operator wall (多会议监控): many meetings on one screen, each with its own session,
//! token refresh and stream or poll, and the way into any of them without joining again.
//! `rooms.rs` keeps the list and joins; `schedule.rs` decides which rooms stream on each node;
//! `alerts.rs` raises every room's alerts where one meeting's would go; `card.rs` and
//! `page.rs` draw it; `keys.rs` opens a room by its place.

pub mod alerts;
pub mod card;
pub mod card_parts;
pub mod keys;
pub mod page;
pub mod rooms;
pub mod schedule;
pub mod storage;

use crate::meeting::room::Room;
use huikong_core::wall::schedule::{Delivery, Protocol};
use huikong_core::wall::{Attention, RoomEntry};
use leptos::prelude::*;
use std::collections::HashMap;

/// Where a room on the wall is in joining.
#[derive(Debug, Clone, PartialEq)]
pub enum Phase {
    /// Not joined in this tab (no PIN yet, or left).
    Idle,
    Joining,
    Joined,
    /// The join failed, with the reason in the operator's language.
    Failed(String),
}

/// One room on the wall: its entry, the PIN typed for it in this tab (memory only), and, once
/// joined, its live [`Room`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WallRoom {
    pub id: u32,
    pub entry: StoredValue<RoomEntry>,
    /// In memory only: never storage, logs, URLs or exports.
    pub pin: StoredValue<String>,
    pub phase: RwSignal<Phase>,
    pub live: RwSignal<Option<LiveRoom>>,
    /// Alerts raised since the operator last looked at the room.
    pub unseen: RwSignal<u32>,
    /// The latest alert, as a sentence.
    pub last_alert: RwSignal<Option<String>>,
    /// Streamed or polled, as the scheduler decided.
    pub delivery: RwSignal<Delivery>,
    /// When a polled room was last read (ms since the epoch).
    pub polled_at: RwSignal<Option<f64>>,
    /// The poll interval of its node now (ms).
    pub poll_every: RwSignal<f64>,
}

/// A joined room, with the node its session was granted on.
#[derive(Clone)]
pub struct LiveRoom {
    pub room: Room,
    /// The origin of the node (`scheme://host:port`): what the browser counts connections by.
    pub node: String,
}

impl std::fmt::Debug for LiveRoom {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.node)
    }
}

impl WallRoom {
    pub fn title(&self) -> String {
        self.entry.with_value(|e| e.title().to_owned())
    }

    /// How much the card asks for the operator's eye now (reactive).
    pub fn attention(&self) -> Attention {
        let unseen = self.unseen.get();
        let failed = matches!(self.phase.get(), Phase::Failed(_));
        let Some(live) = self.live.get() else {
            return Attention {
                broken: failed,
                unseen,
                ..Attention::default()
            };
        };
        let s = &live.room.session;
        let broken = s.state.get() != crate::platform::session::SessionState::Active
            || s.conn.get() == crate::platform::stream::ConnState::Lost;
        let store = s.store;
        let waiting = match store.synced().get() {
            true => store.waiting().with(Vec::len),
            false => 0,
        };
        let (online, total) = live.room.venues.counts();
        Attention {
            broken,
            unseen,
            waiting,
            venues_missing: total.saturating_sub(online),
        }
    }
}

/// The wall: its rooms in the list's order, the one being looked at, and what each node
/// speaks.
#[derive(Debug, Clone, Copy)]
pub struct Wall {
    pub rooms: RwSignal<Vec<WallRoom>>,
    /// The room whose console is shown, if any.
    pub focused: RwSignal<Option<u32>>,
    /// The room the operator just came back from: its card takes the focus.
    pub returned: RwSignal<Option<u32>>,
    /// By node origin, what the browser was seen to speak to it.
    pub protocols: RwSignal<HashMap<String, Protocol>>,
    /// The owner the rooms' sessions live under: the wall page's, so they outlive any view.
    owner: StoredValue<Owner>,
    next_id: StoredValue<u32>,
}

impl Wall {
    /// The wall of the page being built, with `entries` as its rooms.
    pub fn new(entries: Vec<RoomEntry>) -> Wall {
        let wall = Wall {
            rooms: RwSignal::new(Vec::new()),
            focused: RwSignal::new(None),
            returned: RwSignal::new(None),
            protocols: RwSignal::new(HashMap::new()),
            owner: StoredValue::new(Owner::current().expect("the wall page's owner")),
            next_id: StoredValue::new(1),
        };
        for e in entries {
            wall.push(e);
        }
        wall
    }

    pub fn use_context() -> Wall {
        expect_context::<Wall>()
    }

    /// Adds a room to the list (not joined).
    pub fn push(&self, entry: RoomEntry) -> WallRoom {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        let room = WallRoom {
            id,
            entry: StoredValue::new(entry),
            pin: StoredValue::new(String::new()),
            phase: RwSignal::new(Phase::Idle),
            live: RwSignal::new(None),
            unseen: RwSignal::new(0),
            last_alert: RwSignal::new(None),
            delivery: RwSignal::new(Delivery::Stream),
            polled_at: RwSignal::new(None),
            poll_every: RwSignal::new(0.0),
        };
        self.rooms.update(|r| r.push(room));
        room
    }

    pub fn find(&self, id: u32) -> Option<WallRoom> {
        self.rooms
            .with_untracked(|r| r.iter().find(|x| x.id == id).copied())
    }

    /// The room at `place` (1-based) in the cards' order now.
    pub fn at_place(&self, place: usize) -> Option<WallRoom> {
        let order = self.card_order_untracked();
        order.get(place.checked_sub(1)?).copied()
    }

    /// The rooms in the cards' order: needing attention first, then the list's order.
    pub fn card_order(&self) -> Vec<WallRoom> {
        let rooms = self.rooms.get();
        let att: Vec<Attention> = rooms.iter().map(WallRoom::attention).collect();
        huikong_core::wall::card_order(&att)
            .into_iter()
            .map(|i| rooms[i])
            .collect()
    }

    fn card_order_untracked(&self) -> Vec<WallRoom> {
        untrack(|| self.card_order())
    }

    /// Shows the room's console in place: its alerts count as seen.
    pub fn open(&self, id: u32) {
        if let Some(r) = self.find(id) {
            if r.live.with_untracked(Option::is_some) {
                r.unseen.set(0);
                self.focused.set(Some(id));
            }
        }
    }

    /// Back to the cards; every session goes on.
    pub fn back(&self) {
        if let Some(r) = self.focused.get_untracked().and_then(|id| self.find(id)) {
            r.unseen.set(0);
            self.returned.set(Some(r.id));
        }
        self.focused.set(None);
    }

    pub(crate) fn owner(&self) -> Owner {
        self.owner.get_value()
    }
}
