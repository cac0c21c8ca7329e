//! The stream's events between the network and the store: each decoded as it arrives, queued,
//! and applied once per animation frame, a frame's events as one batch in arrival order (a
//! hidden tab has no frames: a timer stands in). The poller's readings enter the same queue, as
//! the sync they stand for.

use super::poll::Freshness;
use crate::host::browser::warn;
use crate::state::store::StoreWriter;
use huikong_protocol::{Change, Decoded, Event, EVENT_NAMES};
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// Decodes one event and queues it for the next frame; an event the console does not listen to
/// is ignored, as an EventSource without a listener for it would.
pub(super) fn dispatch(name: &str, data: &str, pending: &Pending) {
    if !EVENT_NAMES.contains(&name) {
        return;
    }
    match Event::decode_reported(name, data) {
        Ok(decoded) => pending.push(decoded),
        Err(err) => warn(&format!("huikong: skipped a malformed {name} event: {err}")),
    }
}

/// When no animation frame comes (a hidden tab), the queue is applied after this long.
const FALLBACK_MS: u64 = 100;

/// The events decoded since the last frame, shared by the stream's readers (one at a time, in
/// order), applied by whichever comes first of the next animation frame and a timer.
pub(super) struct Queue {
    events: RefCell<Vec<Decoded>>,
    /// The queued sync is the poller's, not the stream's: it makes the list polled, not live.
    polled: Cell<bool>,
    fresh: RwSignal<Freshness>,
    /// The flush asked for, if any: a frame and a timer race for it, and only its own counts.
    armed: Cell<Option<u64>>,
    asked: Cell<u64>,
    store: StoreWriter,
    on_change: Rc<dyn Fn(Change)>,
    alive: Arc<AtomicBool>,
}

pub(super) type Pending = Rc<Queue>;

impl Queue {
    pub(super) fn new(
        fresh: RwSignal<Freshness>,
        store: StoreWriter,
        on_change: Rc<dyn Fn(Change)>,
        alive: Arc<AtomicBool>,
    ) -> Pending {
        Rc::new(Queue {
            events: RefCell::new(Vec::new()),
            polled: Cell::new(false),
            fresh,
            armed: Cell::new(None),
            asked: Cell::new(0),
            store,
            on_change,
            alive,
        })
    }

    /// The poller's reading, applied as the stream's sync would be.
    pub(super) fn push_polled(self: &Rc<Self>, batch: Vec<Decoded>) {
        // A sync the stream has begun and not ended (queued, or applied) is never cut in two:
        // the reading is dropped, and the stream's own list is the one to wait for.
        let queued = self
            .events
            .borrow()
            .iter()
            .rev()
            .find_map(|d| match d.event {
                Event::ParticipantSyncBegin => Some(true),
                Event::ParticipantSyncEnd => Some(false),
                _ => None,
            });
        let syncing = queued.unwrap_or_else(|| {
            self.store
                .store()
                .with_conf(|c| c.is_syncing())
                .unwrap_or(false)
        });
        if syncing {
            return;
        }
        self.polled.set(true);
        for d in batch {
            self.push(d);
        }
    }

    pub(super) fn push(self: &Rc<Self>, decoded: Decoded) {
        self.events.borrow_mut().push(decoded);
        if self.armed.get().is_some() {
            return;
        }
        let ask = self.asked.get() + 1;
        self.asked.set(ask);
        self.armed.set(Some(ask));
        let (by_frame, by_timer) = (self.clone(), self.clone());
        request_animation_frame(move || by_frame.flush(Some(ask)));
        set_timeout(
            move || by_timer.flush(Some(ask)),
            Duration::from_millis(FALLBACK_MS),
        );
    }

    /// Applies every queued event as one batch: for the flush `ask`, or at once with `None`.
    pub(super) fn flush(&self, ask: Option<u64>) {
        if ask.is_some() && self.armed.get() != ask {
            return;
        }
        self.armed.set(None);
        let batch = std::mem::take(&mut *self.events.borrow_mut());
        // A stopped stream's session is over: what it still held is dropped, as an aborted
        // request's unread events would be.
        if batch.is_empty() || !self.alive.load(Ordering::SeqCst) {
            return;
        }
        let synced = batch.iter().any(|d| d.event == Event::ParticipantSyncEnd);
        for change in self.store.apply_batch(&batch) {
            (self.on_change)(change);
        }
        if synced {
            mark_sync_end();
            let now = js_sys::Date::now();
            let f = match self.polled.replace(false) {
                true => Freshness::Polled { at_ms: now },
                false => Freshness::Live,
            };
            self.fresh.try_set(f);
        }
    }
}

/// A User Timing mark when a sync's end has reached the store: `cargo xtask bench` measures from
/// it to the list painted, and a profiler shows it on its timeline.
fn mark_sync_end() {
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        let _ = perf.mark("huikong-sync-end");
    }
}
