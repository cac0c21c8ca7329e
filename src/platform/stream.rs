//! The event stream: `events` read with `fetch`, the token in its header, parsed as server-sent
//! events by the protocol crate. Every event is decoded as it arrives and applied to the store
//! once per animation frame (`frame_queue.rs`). When the stream ends or fails
//! the console reopens it with the current token, after a backoff with jitter; the sync that
//! follows replaces the list.

use super::frame_queue::{dispatch, Pending, Queue};
use super::poll::Freshness;
use crate::host::browser::{random, warn};
use crate::platform::Api;
use crate::state::store::StoreWriter;
use futures_channel::mpsc::{unbounded, UnboundedSender};
use futures_util::StreamExt;
use gloo_timers::future::TimeoutFuture;
use huikong_core::util::backoff_ms;
use huikong_protocol::sse::SseParser;
use huikong_protocol::{Change, Command, Decoded, Event, ServiceStatus, ServiceUpdate};
use leptos::prelude::*;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

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
    /// No stream, by choice: the operator wall reads this room by polling, to leave the
    /// browser's connections to the node for the rooms it streams, refreshes and commands.
    Polled,
}

impl ConnState {
    /// The state as the page's `data-state` names it.
    pub fn code(self) -> &'static str {
        match self {
            ConnState::Connecting => "connecting",
            ConnState::Live => "live",
            ConnState::Reconnecting => "reconnecting",
            ConnState::Lost => "lost",
            ConnState::Polled => "polled",
        }
    }
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
    /// The wall polls this room now: close the stream and open none until `Resume`.
    Pause,
    Resume,
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

    /// Streams (`true`) or stands down for polling (`false`); the stream follows at once.
    pub fn set_streaming(&self, on: bool) {
        if let Ok(tx) = self.tx.lock() {
            if let Some(tx) = tx.as_ref() {
                let _ = tx.unbounded_send(if on { Msg::Resume } else { Msg::Pause });
            }
        }
    }
}

fn js_err(e: JsValue) -> String {
    e.as_string().unwrap_or_else(|| format!("{e:?}"))
}

/// Reads one stream until it ends. `Ok` when the server closed it, `Err` when it could not
/// be opened or broke.
async fn read(
    url: String,
    token: String,
    signal: web_sys::AbortSignal,
    gen: u64,
    tx: &UnboundedSender<Msg>,
    queue: &Pending,
) -> Result<(), String> {
    let resp = gloo_net::http::Request::get(&url)
        .header("token", &token)
        .header("Accept", "text/event-stream")
        .abort_signal(Some(&signal))
        .send()
        .await
        .map_err(|e| e.to_string())?;
    if !resp.ok() {
        return Err(format!("HTTP {}", resp.status()));
    }
    let body = resp.body().ok_or("a stream without a body")?;
    let reader = body.get_reader();
    let read_fn: js_sys::Function = js_sys::Reflect::get(&reader, &"read".into())
        .map_err(js_err)?
        .dyn_into()
        .map_err(js_err)?;
    let _ = tx.unbounded_send(Msg::Opened(gen));
    let mut parser = SseParser::new();
    let mut pending: Vec<u8> = Vec::new();
    loop {
        let promise: js_sys::Promise = read_fn
            .call0(&reader)
            .map_err(js_err)?
            .dyn_into()
            .map_err(js_err)?;
        let chunk = JsFuture::from(promise).await.map_err(js_err)?;
        let done = js_sys::Reflect::get(&chunk, &"done".into()).map_err(js_err)?;
        if done.as_bool() == Some(true) {
            return Ok(());
        }
        let value = js_sys::Reflect::get(&chunk, &"value".into()).map_err(js_err)?;
        pending.extend(js_sys::Uint8Array::new(&value).to_vec());
        // A chunk may end inside a character: keep its first bytes for the next one.
        let cut = huikong_core::util::complete_utf8_prefix(&pending);
        let text = String::from_utf8_lossy(&pending[..cut]).into_owned();
        pending.drain(..cut);
        for frame in parser.feed(&text) {
            dispatch(&frame.event, &frame.data, queue);
        }
    }
}

/// One open stream: a `fetch` of `events` with the token in its `token` header, read as it
/// arrives. An EventSource could carry the token only in its URL, and a browser writes the URL
/// of every failed request to the console log. Dropping it aborts the request.
struct Source {
    abort: JsValue,
}

impl Source {
    fn open(
        api: &Api,
        gen: u64,
        tx: &UnboundedSender<Msg>,
        pending: &Pending,
    ) -> Result<Source, JsValue> {
        let ctor: js_sys::Function =
            js_sys::Reflect::get(&js_sys::global(), &"AbortController".into())?.dyn_into()?;
        let abort = js_sys::Reflect::construct(&ctor, &js_sys::Array::new())?;
        let signal: web_sys::AbortSignal =
            js_sys::Reflect::get(&abort, &"signal".into())?.unchecked_into();
        let (url, token) = api.events_endpoint();
        let tx = tx.clone();
        let pending = pending.clone();
        leptos::task::spawn_local(async move {
            // Why it ended stays unlogged: a failed request's description may name its URL.
            let _ = read(url, token, signal, gen, &tx, &pending).await;
            // What it said before it ended counts now: a `disconnect` decides whether to
            // reconnect.
            pending.flush(None);
            let _ = tx.unbounded_send(Msg::Failed(gen));
        });
        Ok(Source { abort })
    }
}

impl Drop for Source {
    fn drop(&mut self) {
        if let Ok(f) = js_sys::Reflect::get(&self.abort, &"abort".into()) {
            if let Ok(f) = f.dyn_into::<js_sys::Function>() {
                let _ = f.call0(&self.abort);
            }
        }
    }
}

/// Reads the service flags once the stream is open: `service_update` only says what changes.
/// The answer enters the store as the event it stands for, queued behind the events that came
/// before it.
fn refresh_service(api: Api, pending: Pending) {
    leptos::task::spawn_local(async move {
        match api.get::<ServiceStatus>(Command::ServiceStatus).await {
            Ok(s) => pending.push(Decoded {
                event: Event::ServiceUpdate(ServiceUpdate {
                    locked: Some(s.locked),
                    guests_muted: Some(s.guests_muted),
                    started: s.started,
                }),
                notes: Vec::new(),
            }),
            Err(e) => warn(&format!("huikong: service_status failed: {}", describe(&e))),
        }
    });
}

fn describe(e: &crate::platform::ApiError) -> String {
    match e {
        crate::platform::ApiError::Network(m) => m.clone(),
        crate::platform::ApiError::Api(f) => f.reason(),
        crate::platform::ApiError::Rejected => "false".into(),
    }
}

/// Starts the stream; it runs until [`StreamStop::stop`] or until the platform ends the session.
/// Returns its handle and where a polled reading goes (queued as the sync it stands for).
pub fn start(
    api: Api,
    store: StoreWriter,
    conn: WriteSignal<ConnState>,
    fresh: RwSignal<Freshness>,
    on_change: Rc<dyn Fn(Change)>,
) -> (StreamStop, super::poll::Apply) {
    let (tx, mut rx) = unbounded::<Msg>();
    let stop = StreamStop {
        alive: Arc::new(AtomicBool::new(true)),
        tx: Arc::new(Mutex::new(Some(tx.clone()))),
    };
    let ctl = stop.clone();
    let pending = Queue::new(fresh, store, on_change, stop.alive.clone());
    let polled = pending.clone();
    let apply: super::poll::Apply = Rc::new(move |batch| polled.push_polled(batch));
    let streaming = Arc::new(AtomicBool::new(true));
    super::poll::run(
        api.clone(),
        apply.clone(),
        fresh,
        stop.alive.clone(),
        streaming.clone(),
    );
    leptos::task::spawn_local(async move {
        let mut live = false;
        let mut failures: u32 = 0;
        let mut gen: u64 = 0;
        while ctl.alive() {
            if !streaming.load(Ordering::SeqCst) {
                conn.try_set(ConnState::Polled);
                loop {
                    match rx.next().await {
                        Some(Msg::Resume) => break,
                        Some(Msg::Stop) | None => return,
                        Some(_) => {}
                    }
                }
                streaming.store(true, Ordering::SeqCst);
                failures = 0;
                continue;
            }
            gen += 1;
            conn.try_set(state_after_failures(failures));
            let source = match Source::open(&api, gen, &tx, &pending) {
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
                        live = true;
                        conn.try_set(ConnState::Live);
                        refresh_service(api.clone(), pending.clone());
                    }
                    Some(Msg::Failed(g)) if g == gen => break,
                    Some(Msg::Pause) => {
                        streaming.store(false, Ordering::SeqCst);
                        break;
                    }
                    Some(Msg::Stop) | None => {
                        drop(source);
                        return;
                    }
                    Some(_) => {}
                }
            }
            drop(source);
            // Stood down on purpose: nothing is lost, and what is shown was true until now.
            if !streaming.load(Ordering::SeqCst) {
                live = false;
                if fresh.try_get_untracked() == Some(Freshness::Live) {
                    let since_ms = js_sys::Date::now();
                    fresh.try_set(Freshness::Stale { since_ms });
                }
                continue;
            }
            if store
                .store()
                .ended()
                .try_get_untracked()
                .flatten()
                .is_some()
                || !ctl.alive()
            {
                break;
            }
            // A stream that was live is lost; a retry that never opened loses nothing more.
            if std::mem::take(&mut live) {
                store.record().stream_lost();
            }
            if fresh.try_get_untracked() == Some(Freshness::Live) {
                let since_ms = js_sys::Date::now();
                fresh.try_set(Freshness::Stale { since_ms });
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
    (stop, apply)
}
