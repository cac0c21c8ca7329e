//! A clock that keeps its pace in a hidden tab: a dedicated worker's timer (`tick.js`, served
//! beside the page, so the Content-Security-Policy's `script-src 'self'` allows it). Browsers
//! slow a hidden page's own timers (Chrome: once a minute after five minutes hidden); a worker's
//! are not. Where the worker cannot start, the page's own timer stands in, and says so.

use gloo_timers::callback::Interval;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;

/// Where the ticks come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Worker,
    /// The page's own timer: slowed in a hidden tab.
    Page,
}

impl Source {
    pub fn code(self) -> &'static str {
        match self {
            Source::Worker => "worker",
            Source::Page => "page",
        }
    }
}

/// Each holds what must live as long as the ticks: the handler, the timer.
enum Inner {
    Worker {
        worker: web_sys::Worker,
        _handler: Closure<dyn FnMut(web_sys::MessageEvent)>,
    },
    Page {
        _interval: Interval,
    },
}

/// Calls its function every `period_ms` until stopped or dropped.
pub struct Ticker {
    inner: Inner,
}

impl Ticker {
    pub fn start(period_ms: u32, on_tick: impl Fn() + 'static) -> Ticker {
        let on_tick = std::rc::Rc::new(on_tick);
        let f = on_tick.clone();
        let handler = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |_| f());
        match web_sys::Worker::new("./tick.js") {
            Ok(w) => {
                w.set_onmessage(Some(handler.as_ref().unchecked_ref()));
                let _ = w.post_message(&JsValue::from(period_ms));
                Ticker {
                    inner: Inner::Worker {
                        worker: w,
                        _handler: handler,
                    },
                }
            }
            Err(_) => {
                crate::host::browser::warn(
                    "the tick worker did not start: the page's timer stands in",
                );
                Ticker {
                    inner: Inner::Page {
                        _interval: Interval::new(period_ms, move || on_tick()),
                    },
                }
            }
        }
    }

    pub fn source(&self) -> Source {
        match self.inner {
            Inner::Worker { .. } => Source::Worker,
            Inner::Page { .. } => Source::Page,
        }
    }
}

impl Drop for Ticker {
    fn drop(&mut self) {
        if let Inner::Worker { worker, .. } = &self.inner {
            worker.set_onmessage(None);
            worker.terminate();
        }
    }
}

/// A ticker held by reactive code: stopped when replaced, cleared, or when its owner is
/// cleaned up.
#[derive(Clone, Copy)]
pub struct TickerSlot(StoredValue<Option<SendWrapper<Ticker>>>);

impl TickerSlot {
    pub fn new() -> TickerSlot {
        let slot = TickerSlot(StoredValue::new(None));
        on_cleanup(move || slot.clear());
        slot
    }

    pub fn set(&self, t: Ticker) {
        self.0.try_set_value(Some(SendWrapper::new(t)));
    }

    pub fn clear(&self) {
        self.0.try_set_value(None);
    }

    pub fn source(&self) -> Option<Source> {
        self.0
            .try_with_value(|t| t.as_ref().map(|t| t.source()))
            .flatten()
    }
}

impl Default for TickerSlot {
    fn default() -> Self {
        TickerSlot::new()
    }
}
