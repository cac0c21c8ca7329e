//! Tells a connection the page's own Content-Security-Policy refused from one the server
//! refused (CORS). A `fetch` fails the same way in both cases; only the first is reported to the
//! page, as a `securitypolicyviolation` event naming the blocked address.

use std::cell::RefCell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::SecurityPolicyViolationEvent;

/// The most recent refusals kept: enough for the join page's few requests.
const KEPT: usize = 16;

thread_local! {
    static REFUSED: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// Starts noting the addresses the page's policy refuses to connect to; once, at start-up.
pub fn watch() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let on_violation =
        Closure::<dyn Fn(SecurityPolicyViolationEvent)>::new(|e: SecurityPolicyViolationEvent| {
            if e.effective_directive() == "connect-src" {
                REFUSED.with_borrow_mut(|r| {
                    if r.len() >= KEPT {
                        r.remove(0);
                    }
                    r.push(e.blocked_uri());
                });
            }
        });
    let _ = window.add_event_listener_with_callback(
        "securitypolicyviolation",
        on_violation.as_ref().unchecked_ref(),
    );
    // Listens for the page's whole life.
    on_violation.forget();
}

/// Whether the page's policy refused a connection to `server` (an origin, `http://host:port`).
/// The browser names the blocked address in full or as its origin; either starts with it.
pub fn refused(server: &str) -> bool {
    REFUSED.with_borrow(|r| r.iter().any(|uri| uri.starts_with(server)))
}
