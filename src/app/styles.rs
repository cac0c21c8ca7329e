//! The meeting page's stylesheets. index.html marks them `disabled` with `data-meeting-style`,
//! so the browser neither fetches them nor holds the join page's first paint for them. They
//! are turned on with the meeting part's prefetch, and the meeting page waits for them, so it
//! never paints unstyled.

use futures_util::future::{select, Either};
use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use web_sys::HtmlLinkElement;

const SELECTOR: &str = "link[data-meeting-style]";
/// A stylesheet that neither loads nor fails in this long does not hold the meeting page:
/// unstyled beats not there.
const PATIENCE_MS: u32 = 5_000;

fn links() -> Vec<HtmlLinkElement> {
    let Some(list) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector_all(SELECTOR).ok())
    else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| node.dyn_into().ok())
        .collect()
}

/// Turns the stylesheets on: the browser fetches them now.
pub fn enable() {
    for link in links() {
        link.set_disabled(false);
    }
}

/// Resolves once every meeting stylesheet is in, has failed, or has taken too long.
pub async fn loaded() {
    for link in links() {
        link.set_disabled(false);
        if link.sheet().is_some() {
            continue;
        }
        // Both events are dispatched in a later task, so none can slip by before these listen.
        let settled = js_sys::Promise::new(&mut |resolve, _| {
            let _ = link.add_event_listener_with_callback("load", &resolve);
            let _ = link.add_event_listener_with_callback("error", &resolve);
        });
        let settled = wasm_bindgen_futures::JsFuture::from(settled);
        if let Either::Right(_) = select(settled, TimeoutFuture::new(PATIENCE_MS)).await {
            web_sys::console::warn_1(&format!("huikong: {} is late", link.href()).into());
        }
    }
}
