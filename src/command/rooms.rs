//! The operator wall's rooms as the keys and the palette of a room's console see them: the wall
//! provides this, so the command layer below it can offer "open another meeting" and "back to
//! the wall" without importing it.

use leptos::prelude::*;

/// Provided by the wall; absent in the single console.
#[derive(Debug, Clone, Copy)]
pub struct RoomSwitch {
    /// Every joined room but the one shown: its id on the wall and its title.
    pub others: Signal<Vec<(u32, String)>>,
    pub open: Callback<u32>,
    pub back: Callback<()>,
}

impl RoomSwitch {
    pub fn use_context() -> Option<RoomSwitch> {
        use_context::<RoomSwitch>()
    }
}
