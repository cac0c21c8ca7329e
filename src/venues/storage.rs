//! The venue list kept in this browser's localStorage, one per conference address, in the
//! JSON form of the export. A venue holds no PIN and no token. A stored value that does not
//! read is ignored with a console warning.

use huikong_core::venues::{json, Venue};

const PREFIX: &str = "huikong.venues.";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn key(room: &str) -> String {
    format!("{PREFIX}{}", room.trim().to_lowercase())
}

pub fn load(room: &str) -> Vec<Venue> {
    let Some(text) = storage().and_then(|s| s.get_item(&key(room)).ok().flatten()) else {
        return Vec::new();
    };
    let parsed = json::parse(&text);
    if !parsed.errors.is_empty() {
        crate::host::browser::warn("the stored venue list does not read; it is ignored");
        return Vec::new();
    }
    parsed.venues
}

pub fn save(room: &str, venues: &[Venue]) {
    let Some(s) = storage() else { return };
    // A full or forbidden storage costs only the kept list.
    let _ = if venues.is_empty() {
        s.remove_item(&key(room))
    } else {
        s.set_item(&key(room), &json::export(venues))
    };
}
