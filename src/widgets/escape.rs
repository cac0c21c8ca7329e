//! Esc ends what a bar runs (a roll call, a broadcast, a rotation) while it runs; a dialog's Esc
//! stays its own, and a key another handler took is left alone.

use leptos::prelude::*;

/// Runs `end` on Esc while `on()`, until the calling component is cleaned up.
pub fn on_escape(on: impl Fn() -> bool + 'static, end: impl Fn() + 'static) {
    let listener = window_event_listener(leptos::ev::keydown, move |e| {
        let open_dialog = document()
            .query_selector("dialog[open]")
            .ok()
            .flatten()
            .is_some();
        if e.key() == "Escape" && !e.default_prevented() && !open_dialog && on() {
            e.prevent_default();
            end();
        }
    });
    on_cleanup(move || listener.remove());
}
