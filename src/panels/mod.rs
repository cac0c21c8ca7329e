//! Side panels of the meeting page, shown one at a time in the dock beside the list
//! (`meeting/dock.rs`). Each reads the store through the `LiveSession` context and sends its
//! commands through the command service (`command/service.rs`).

mod actors;
mod chat;
mod dial;
pub mod dial_back;
mod event_log;
pub mod geometry;
mod layout;
pub mod picture;
mod presentation;
mod presets;
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

pub use huikong_core::panel::PanelId;

/// The panel itself, for the dock to mount once.
pub fn panel_view(id: PanelId) -> AnyView {
    match id {
        PanelId::Speakers => view! { <stage::StagePanel/> }.into_any(),
        PanelId::Presentation => view! { <presentation::PresentationPanel/> }.into_any(),
        PanelId::Chat => view! { <chat::ChatPanel/> }.into_any(),
        PanelId::Layout => view! { <layout::LayoutPanel/> }.into_any(),
        PanelId::Dial => view! { <dial::DialPanel/> }.into_any(),
        PanelId::EventLog => view! { <event_log::EventLogPanel/> }.into_any(),
        PanelId::Record => view! { <record::RecordPanel/> }.into_any(),
        PanelId::Venues => view! { <crate::venues::panel::VenuesPanel/> }.into_any(),
    }
}

/// Which panel the dock shows, and on a phone whether it is open over the list. Provided by the
/// meeting page, so a view can bring a panel forward (a dial-back opens the dial form).
#[derive(Debug, Clone, Copy)]
pub struct Dock {
    pub selected: RwSignal<PanelId>,
    /// Only a phone's layout reads it: there a panel is a sheet over the list, or closed.
    pub open: RwSignal<bool>,
}

impl Dock {
    pub fn provide(first: PanelId) -> Dock {
        let dock = Dock {
            selected: RwSignal::new(first),
            open: RwSignal::new(false),
        };
        provide_context(dock);
        dock
    }

    pub fn use_context() -> Option<Dock> {
        use_context::<Dock>()
    }

    /// Shows `panel`, opening it over the list on a phone.
    pub fn show(&self, panel: PanelId) {
        self.selected.set(panel);
        self.open.set(true);
    }
}
