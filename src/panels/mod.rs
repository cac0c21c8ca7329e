//! Side panels of the meeting page. Each reads the store and calls the API through the
//! `LiveSession` and `Status` contexts that the meeting page provides.

mod actors;
mod chat;
mod dial;
pub mod dial_back;
mod event_log;
pub mod geometry;
mod layout;
mod picture;
mod presentation;
pub mod record;
mod record_attendance;
mod record_timeline;
pub mod record_words;
mod stage;
#[cfg(all(test, target_arch = "wasm32"))]
mod tests;

use leptos::prelude::*;

/// `HH:MM:SS` of a wall-clock time.
pub fn hms(h: u32, m: u32, s: u32) -> String {
    format!("{h:02}:{m:02}:{s:02}")
}

/// The local time of day of a moment in milliseconds since the UNIX epoch.
pub fn clock_time(at_ms: f64) -> String {
    let d = js_sys::Date::new(&at_ms.into());
    hms(d.get_hours(), d.get_minutes(), d.get_seconds())
}

#[component]
pub fn Panels() -> impl IntoView {
    view! {
        <stage::StagePanel/>
        <presentation::PresentationPanel/>
        <chat::ChatPanel/>
        <layout::LayoutPanel/>
        <dial::DialPanel/>
        <event_log::EventLogPanel/>
    }
}
