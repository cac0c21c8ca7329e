//! The wall's list in this browser's localStorage: conferences, names and servers, never a PIN
//! ([`RoomEntry`] has no field for one).

use super::Wall;
use huikong_core::wall::{dedup, parse_rooms, rooms_json, RoomEntry};
use leptos::prelude::*;

const KEY: &str = "huikong.wall.rooms";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The saved list; an unreadable one is left alone and reads as empty.
pub fn saved() -> Vec<RoomEntry> {
    storage()
        .and_then(|s| s.get_item(KEY).ok().flatten())
        .and_then(|json| parse_rooms(&json).ok())
        .unwrap_or_default()
}

/// The wall's first list: what was saved here, then the deployment's rooms not among them.
pub fn initial(configured: &[RoomEntry]) -> Vec<RoomEntry> {
    let mut rooms = saved();
    rooms.extend(configured.iter().cloned());
    dedup(rooms)
}

/// Saves the list as it is now; a full or forbidden storage only costs the remembering.
pub fn save(wall: &Wall) {
    let rooms: Vec<RoomEntry> = wall
        .rooms
        .with_untracked(|r| r.iter().map(|x| x.entry.get_value()).collect());
    if let Some(s) = storage() {
        let _ = s.set_item(KEY, &rooms_json(&rooms));
    }
}
