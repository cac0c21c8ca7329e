//! The participants the host has selected for a bulk action, by uuid.

use leptos::prelude::*;
use std::collections::HashSet;

/// The selection, provided by the participant list.
#[derive(Debug, Clone, Copy)]
pub struct Selection {
    uuids: RwSignal<HashSet<String>>,
}

impl Selection {
    pub fn provide() -> Selection {
        let s = Selection {
            uuids: RwSignal::new(HashSet::new()),
        };
        provide_context(s);
        s
    }

    pub fn use_context() -> Option<Selection> {
        use_context::<Selection>()
    }

    /// Whether `uuid` is selected (tracked).
    pub fn contains(&self, uuid: &str) -> bool {
        self.uuids.with(|s| s.contains(uuid))
    }

    /// Selects `uuid`, or takes it out of the selection.
    pub fn toggle(&self, uuid: &str) {
        self.uuids.update(|s| {
            if !s.remove(uuid) {
                s.insert(uuid.to_owned());
            }
        });
    }
}
