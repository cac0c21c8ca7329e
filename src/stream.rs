//! The event stream: an EventSource on `events?token=`. Every event is decoded by the protocol
//! crate and applied to the store at once, in arrival order. On an error the console closes the
//! source itself and reopens it with the current token (the browser's own retry would reuse the
//! first token), after a backoff with jitter; the sync that follows replaces the list.

use crate::api::Api;
use crate::browser::{random, warn};
use crate::store::Store;
use crate::util::backoff_ms;
use futures_channel::mpsc::{unbounded, UnboundedSender};
use futures_util::StreamExt;
use gloo_timers::future::TimeoutFuture;
use huikong_protocol::{Change, Command, Event, ServiceStatus, ServiceUpdate};
use leptos::prelude::*;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The event names of the document; `message` also receives events sent without a name.
pub const EVENT_NAMES: [&str; 14] = [
    "presentation_start",
    "presentation_stop",
    "presentation_frame",
    "participant_create",
    "participant_update",
    "participant_delete",
    "participant_sync_begin",
    "participant_sync_end",
    "service_update",
    "layout",
    "message",
    "stage",
    "call_disconnected",
    "disconnect",
];

/// After this many failed attempts in a row the indicator says "lost" (retries go on).
pub const LOST_AFTER: u32 = 5;
const BACKOFF_BASE_MS: u32 = 500;
const BACKOFF_CAP_MS: u32 = 30_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConnState {
    Connecting,
    Live,
    Reconnecting,
    Lost,
}

/// What the connection state is after `failures` failed attempts in a row.
pub fn state_after_failures(failures: u32) -> ConnState {
    match failures {
        0 => ConnState::Connecting,
        n if n >= LOST_AFTER => ConnState::Lost,
        _ => ConnState::Reconnecting,
    }
}

enum Msg {
    Opened(u64),
    Failed(u64),
    Stop,
}

/// Stops the stream from outside its task.
#[derive(Debug, Clone)]
pub struct StreamStop {
    alive: Arc<AtomicBool>,
    tx: Arc<Mutex<Option<UnboundedSender<Msg>>>>,
}

impl std::fmt::Debug for Msg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Msg")
    }
}

impl StreamStop {
    pub fn stop(&self) {
        self.alive.store(false, Ordering::SeqCst);
        if let Ok(mut tx) = self.tx.lock() {
            if let Some(tx) = tx.take() {
                let _ = tx.unbounded_send(Msg::Stop);
            }
        }
    }

    fn alive(&self) -> bool {
        self.alive.load(Ordering::SeqCst)
    }
}

type Listener = Closure<dyn FnMut(web_sys::MessageEvent)>;

/// One open EventSource with its listeners; closing it removes them.
struct Source {
    es: web_sys::EventSource,
    listeners: Vec<(&'static str, Listener)>,
    on_open: Closure<dyn FnMut(web_sys::Event)>,
    on_error: Closure<dyn FnMut(web_sys::Event)>,
}

impl Source {
    fn open(
        url: &str,
        gen: u64,
        tx: &UnboundedSender<Msg>,
        store: Store,
        on_change: &Rc<dyn Fn(Change)>,
    ) -> Result<Source, JsValue> {
        let es = web_sys::EventSource::new(url)?;
        let mut listeners = Vec::with_capacity(EVENT_NAMES.len());
        for name in EVENT_NAMES {
            let on_change = on_change.clone();
            let cb: Listener = Closure::new(move |e: web_sys::MessageEvent| {
                let data = e.data().as_string().unwrap_or_default();
                match Event::decode(name, &data) {
                    Ok(ev) => on_change(store.apply(&ev)),
                    Err(err) => warn(&format!("huikong: skipped a malformed {name} event: {err}")),
                }
            });
            es.add_event_listener_with_callback(name, cb.as_ref().unchecked_ref())?;
            listeners.push((name, cb));
        }
        let t = tx.clone();
        let on_open = Closure::new(move |_: web_sys::Event| {
            let _ = t.unbounded_send(Msg::Opened(gen));
        });
        let t = tx.clone();
        let on_error = Closure::new(move |_: web_sys::Event| {
            let _ = t.unbounded_send(Msg::Failed(gen));
        });
        es.add_event_listener_with_callback("open", on_open.as_ref().unchecked_ref())?;
        es.add_event_listener_with_callback("error", on_error.as_ref().unchecked_ref())?;
        Ok(Source {
            es,
            listeners,
            on_open,
            on_error,
        })
    }
}

impl Drop for Source {
    fn drop(&mut self) {
        self.es.close();
        for (name, cb) in &self.listeners {
            let _ = self
                .es
                .remove_event_listener_with_callback(name, cb.as_ref().unchecked_ref());
        }
        let _ = self
            .es
            .remove_event_listener_with_callback("open", self.on_open.as_ref().unchecked_ref());
        let _ = self
            .es
            .remove_event_listener_with_callback("error", self.on_error.as_ref().unchecked_ref());
    }
}

/// Reads the service flags once the stream is open: `service_update` only says what changes.
/// The answer enters the store as the event it stands for.
fn refresh_service(api: Api, store: Store) {
    leptos::task::spawn_local(async move {
        match api.get::<ServiceStatus>(Command::ServiceStatus).await {
            Ok(s) => {
                store.apply(&Event::ServiceUpdate(ServiceUpdate {
                    locked: Some(s.locked),
                    guests_muted: Some(s.guests_muted),
                    started: s.started,
                }));
            }
            Err(e) => warn(&format!("huikong: service_status failed: {}", describe(&e))),
        }
    });
}

fn describe(e: &crate::api::ApiError) -> String {
    match e {
        crate::api::ApiError::Network(m) => m.clone(),
        crate::api::ApiError::Api(f) => f.reason(),
        crate::api::ApiError::Rejected => "false".into(),
    }
}

/// Starts the stream; it runs until [`StreamStop::stop`] or until the platform ends the session.
pub fn start(
    api: Api,
    store: Store,
    conn: RwSignal<ConnState>,
    on_change: Rc<dyn Fn(Change)>,
) -> StreamStop {
    let (tx, mut rx) = unbounded::<Msg>();
    let stop = StreamStop {
        alive: Arc::new(AtomicBool::new(true)),
        tx: Arc::new(Mutex::new(Some(tx.clone()))),
    };
    let ctl = stop.clone();
    leptos::task::spawn_local(async move {
        let mut failures: u32 = 0;
        let mut gen: u64 = 0;
        while ctl.alive() {
            gen += 1;
            conn.try_set(state_after_failures(failures));
            let source = match Source::open(&api.events_url(), gen, &tx, store, &on_change) {
                Ok(s) => Some(s),
                Err(_) => {
                    let _ = tx.unbounded_send(Msg::Failed(gen));
                    None
                }
            };
            // Wait for this source's failure, or a stop.
            loop {
                match rx.next().await {
                    Some(Msg::Opened(g)) if g == gen => {
                        failures = 0;
                        conn.try_set(ConnState::Live);
                        refresh_service(api.clone(), store);
                    }
                    Some(Msg::Failed(g)) if g == gen => break,
                    Some(Msg::Stop) | None => {
                        drop(source);
                        return;
                    }
                    Some(_) => {}
                }
            }
            drop(source);
            if store.ended.try_get_untracked().flatten().is_some() || !ctl.alive() {
                break;
            }
            failures += 1;
            conn.try_set(state_after_failures(failures));
            TimeoutFuture::new(backoff_ms(
                failures - 1,
                BACKOFF_BASE_MS,
                BACKOFF_CAP_MS,
                random(),
            ))
            .await;
        }
    });
    stop
}
