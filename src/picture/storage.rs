//! The presets and the rotation's setup kept in this browser's localStorage, per conference
//! address, in the meeting plan's JSON forms. Neither holds a PIN or a token. A stored value
//! that does not read is ignored with a console warning.

use huikong_core::picture::preset::Preset;
use huikong_core::picture::rotation::Setup;

const PRESETS: &str = "huikong.presets.";
const ROTATION: &str = "huikong.rotation.";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn key(prefix: &str, room: &str) -> String {
    format!("{prefix}{}", room.trim().to_lowercase())
}

fn load<T: serde::de::DeserializeOwned>(prefix: &str, room: &str) -> Option<T> {
    let text = storage()?.get_item(&key(prefix, room)).ok().flatten()?;
    let read = serde_json::from_str(&text).ok();
    if read.is_none() {
        crate::host::browser::warn("a stored preset or rotation does not read; it is ignored");
    }
    read
}

fn save<T: serde::Serialize>(prefix: &str, room: &str, value: Option<&T>) {
    let Some(s) = storage() else { return };
    // A full or forbidden storage costs only what was to be kept.
    let _ = match value.and_then(|v| serde_json::to_string(v).ok()) {
        Some(text) => s.set_item(&key(prefix, room), &text),
        None => s.remove_item(&key(prefix, room)),
    };
}

pub fn load_presets(room: &str) -> Vec<Preset> {
    let list: Vec<Preset> = load(PRESETS, room).unwrap_or_default();
    list.into_iter().filter(|p| p.check().is_ok()).collect()
}

pub fn save_presets(room: &str, list: &[Preset]) {
    save(PRESETS, room, (!list.is_empty()).then_some(&list));
}

pub fn load_setup(room: &str) -> Option<Setup> {
    load::<Setup>(ROTATION, room).filter(|s| s.check().is_ok())
}

pub fn save_setup(room: &str, setup: &Setup) {
    save(ROTATION, room, Some(setup));
}
