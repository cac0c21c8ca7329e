//! How current the console's picture is, and the fallback when the event stream delivers
//! nothing. A corporate proxy may buffer or block a long-lived response: the stream then opens
//! (or not) and never brings a list. After [`POLL_AFTER_MS`] without a live list the console
//! reads `participants` and `service_status` every [`POLL_EVERY_MS`] and applies them as a sync
//! would, while the stream keeps being retried; the stream's own sync ends the polling.

use super::Api;
use crate::host::browser::warn;
use gloo_timers::future::TimeoutFuture;
use huikong_protocol::{Command, Decoded, Event, ServiceStatus, ServiceUpdate};
use leptos::prelude::*;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// Without a live list for this long, the console starts polling.
pub const POLL_AFTER_MS: f64 = 5_000.0;
/// How often it polls: the figure the page states.
pub const POLL_EVERY_MS: f64 = 5_000.0;

/// How far the list, counts and flags on screen can be trusted.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Freshness {
    /// No list has arrived yet: nothing on screen is a fact.
    Unknown,
    /// The event stream is live and its list is in.
    Live,
    /// The stream was lost at `since_ms`: what is shown was true then.
    Stale { since_ms: f64 },
    /// The stream delivers nothing; the list was last read at `at_ms`.
    Polled { at_ms: f64 },
}

/// Where a reading goes: queued as the sync it stands for (the stream's queue, which owns the
/// store's writer).
pub type Apply = Rc<dyn Fn(Vec<Decoded>)>;

/// Reads the list and the flags once and queues them as the sync they stand for: the fallback's
/// reading, and the operator wall's for a room it polls.
pub(super) async fn poll_once(api: &Api, apply: &Apply, fresh: RwSignal<Freshness>) -> bool {
    let list = api.get::<serde_json::Value>(Command::Participants).await;
    let status = api.get::<ServiceStatus>(Command::ServiceStatus).await;
    let (Ok(list), Ok(status)) = (list, status) else {
        return false;
    };
    // The stream came back while this was read: its list is newer than this one.
    if fresh.try_get_untracked() == Some(Freshness::Live) {
        return false;
    }
    let Some(items) = list.as_array() else {
        warn("huikong: participants did not answer a list");
        return false;
    };
    let mut batch = vec![Decoded {
        event: Event::ParticipantSyncBegin,
        notes: Vec::new(),
    }];
    // Each item read as the event that would have carried it: the same tolerant decoding.
    for item in items {
        match Event::decode_reported("participant_create", &item.to_string()) {
            Ok(d) => batch.push(d),
            Err(e) => warn(&format!("huikong: skipped a malformed participant: {e}")),
        }
    }
    batch.push(Decoded {
        event: Event::ParticipantSyncEnd,
        notes: Vec::new(),
    });
    batch.push(Decoded {
        event: Event::ServiceUpdate(ServiceUpdate {
            locked: Some(status.locked),
            guests_muted: Some(status.guests_muted),
            started: status.started,
        }),
        notes: Vec::new(),
    });
    apply(batch);
    true
}

/// Polls while the list is not live, until the session stops; not while the operator wall polls
/// the room itself (`streaming` false), which paces its polls across the node.
pub(super) fn run(
    api: Api,
    apply: Apply,
    fresh: RwSignal<Freshness>,
    alive: Arc<AtomicBool>,
    streaming: Arc<AtomicBool>,
) {
    leptos::task::spawn_local(async move {
        let mut trouble_since = js_sys::Date::now();
        let mut last_poll = f64::NEG_INFINITY;
        while alive.load(Ordering::SeqCst) {
            TimeoutFuture::new(1_000).await;
            let now = js_sys::Date::now();
            if !streaming.load(Ordering::SeqCst) {
                trouble_since = now;
                continue;
            }
            match fresh.try_get_untracked() {
                None => return,
                Some(Freshness::Live) => {
                    trouble_since = now;
                    continue;
                }
                Some(_) => {}
            }
            if now - trouble_since >= POLL_AFTER_MS && now - last_poll >= POLL_EVERY_MS {
                last_poll = now;
                poll_once(&api, &apply, fresh).await;
            }
        }
    });
}
