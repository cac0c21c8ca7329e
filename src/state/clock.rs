//! The page's clocks for durations shown in the list, the waiting room and the record.

use leptos::prelude::*;

/// Wall-clock seconds for durations: `fine` ticks every second (the waiting room, a short
/// list), `coarse` every fifteen (the whole participant list, shown in minutes).
#[derive(Debug, Clone, Copy)]
pub struct Clock {
    pub fine: RwSignal<f64>,
    pub coarse: RwSignal<f64>,
}
