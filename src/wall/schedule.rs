//! The wall's connection scheduler: every half second it weighs the joined rooms on each node
//! (`huikong_core::wall::schedule::plan`), stands streams down or up to match, and reads the
//! polled rooms one at a time per node, the longest overdue first, so two of the browser's six
//! HTTP/1.1 connections to a node always stay free for token refreshes and commands.

use super::{Wall, WallRoom};
use crate::host::browser::{next_hop_protocol, now_ms};
use gloo_timers::future::TimeoutFuture;
use huikong_core::wall::schedule::{
    next_due, plan, poll_interval_ms, Candidate, Delivery, Protocol,
};
use leptos::prelude::*;
use std::collections::HashSet;

const TICK_MS: u32 = 500;

/// Runs the scheduler for as long as the wall is up.
pub fn run(wall: Wall) {
    let busy = StoredValue::new_local(HashSet::<String>::new());
    let alive = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true));
    let a = alive.clone();
    on_cleanup(move || a.store(false, std::sync::atomic::Ordering::SeqCst));
    leptos::task::spawn_local(async move {
        while alive.load(std::sync::atomic::Ordering::SeqCst) {
            TimeoutFuture::new(TICK_MS).await;
            if wall.rooms.try_with_untracked(|_| ()).is_none() {
                return;
            }
            tick(wall, busy);
        }
    });
}

/// The joined rooms, with their node.
fn joined(wall: Wall) -> Vec<(WallRoom, String)> {
    wall.rooms.with_untracked(|rooms| {
        rooms
            .iter()
            .filter_map(|r| {
                // A session that is over holds no connection and needs none.
                let node = r.live.with_untracked(|l| {
                    l.as_ref()
                        .filter(|l| l.room.session.alive())
                        .map(|l| l.node.clone())
                })?;
                Some((*r, node))
            })
            .collect()
    })
}

fn tick(wall: Wall, busy: StoredValue<HashSet<String>, LocalStorage>) {
    let rooms = joined(wall);
    learn_protocols(wall, &rooms);
    let focused = wall.focused.get_untracked();
    let candidates: Vec<Candidate> = rooms
        .iter()
        .map(|(r, node)| Candidate {
            node: node.clone(),
            focused: focused == Some(r.id),
            attention: untrack(|| r.attention()).needed(),
        })
        .collect();
    let protocols = wall.protocols.get_untracked();
    let wanted = plan(&candidates, |n| {
        protocols.get(n).copied().unwrap_or(Protocol::Unknown)
    });
    let now = now_ms();
    for ((r, _), d) in rooms.iter().zip(&wanted) {
        if r.delivery.get_untracked() != *d {
            if let Some(live) = r.live.get_untracked() {
                live.room.session.set_streaming(*d == Delivery::Stream);
            }
            // What the stream showed was current: the first poll is an interval away. A stream
            // stood down before its list came in showed nothing: that room is read at once.
            if *d == Delivery::Poll {
                let synced = r.live.with_untracked(|l| {
                    l.as_ref()
                        .is_some_and(|l| l.room.session.store.synced().get_untracked())
                });
                r.polled_at.set(synced.then_some(now));
            }
            r.delivery.set(*d);
        }
    }
    let mut nodes: Vec<&String> = rooms.iter().map(|(_, n)| n).collect();
    nodes.sort_unstable();
    nodes.dedup();
    for node in nodes {
        let polled: Vec<WallRoom> = rooms
            .iter()
            .zip(&wanted)
            .filter(|((_, n), d)| n == node && **d == Delivery::Poll)
            .map(|((r, _), _)| *r)
            .collect();
        let every = poll_interval_ms(polled.len());
        for r in &polled {
            if r.poll_every.get_untracked() != every {
                r.poll_every.set(every);
            }
        }
        if busy.with_value(|b| b.contains(node.as_str())) {
            continue;
        }
        let last: Vec<Option<f64>> = polled.iter().map(|r| r.polled_at.get_untracked()).collect();
        if let Some(i) = next_due(&last, now, every) {
            poll(wall, polled[i], node.clone(), busy);
        }
    }
}

/// Reads one polled room; its node takes no other reading until this one is answered, and the
/// next one due there starts as soon as it is (not at the next tick: a wall just joined reads
/// its polled rooms back to back).
fn poll(
    wall: Wall,
    room: WallRoom,
    node: String,
    busy: StoredValue<HashSet<String>, LocalStorage>,
) {
    let Some(live) = room.live.get_untracked() else {
        return;
    };
    busy.update_value(|b| {
        b.insert(node.clone());
    });
    leptos::task::spawn_local(async move {
        live.room.session.poll().await;
        room.polled_at.try_set(Some(now_ms()));
        let freed = busy.try_update_value(|b| {
            b.remove(&node);
        });
        if freed.is_some() && wall.rooms.try_with_untracked(|_| ()).is_some() {
            tick(wall, busy);
        }
    });
}

/// Looks up what the browser speaks to each node it has not placed yet.
fn learn_protocols(wall: Wall, rooms: &[(WallRoom, String)]) {
    for (_, node) in rooms {
        let known = wall
            .protocols
            .with_untracked(|p| p.get(node).is_some_and(|p| *p != Protocol::Unknown));
        if known {
            continue;
        }
        let p = Protocol::from_next_hop(&next_hop_protocol(node));
        if wall.protocols.with_untracked(|m| m.get(node) != Some(&p)) {
            wall.protocols.update(|m| {
                m.insert(node.clone(), p);
            });
        }
    }
}
