//! The page's notices above the list: how far the screen can be trusted (nothing yet, out of
//! date since a time, or refreshed by polling because live updates do not arrive; silent while
//! live), and, for a console joined with a guest PIN, that it can watch but not act.

use crate::i18n::Tr;
use crate::panels::clock_time as clock;
use crate::platform::poll::{Freshness, POLL_EVERY_MS};
use crate::platform::session::LiveSession;
use huikong_core::page_texts::PageText;
use leptos::prelude::*;

#[component]
pub fn FreshnessNote() -> impl IntoView {
    let tr = Tr::use_context();
    let fresh = expect_context::<LiveSession>().fresh;
    let text = move || match fresh.get() {
        Freshness::Live => None,
        Freshness::Unknown => Some(tr.t(PageText::Unknown).to_owned()),
        Freshness::Stale { since_ms } => {
            Some(tr.fmt(PageText::Stale, &[("time", &clock(since_ms))]))
        }
        Freshness::Polled { at_ms } => {
            let s = (POLL_EVERY_MS / 1000.0).to_string();
            Some(tr.fmt(PageText::Polled, &[("s", &s), ("time", &clock(at_ms))]))
        }
    };
    let code = move || match fresh.get() {
        Freshness::Live => "live",
        Freshness::Unknown => "unknown",
        Freshness::Stale { .. } => "stale",
        Freshness::Polled { .. } => "polled",
    };
    view! {
        <p class="freshness" data-testid="freshness" data-state=code role="status"
            hidden=move || fresh.get() == Freshness::Live>{text}</p>
    }
}

/// A guest's console says so plainly, once, above the list: its controls are disabled, and
/// this says why and what to do.
#[component]
pub fn GuestNotice() -> impl IntoView {
    let tr = Tr::use_context();
    let session = expect_context::<LiveSession>();
    let guest = Memo::new(move |_| !session.is_host());
    view! {
        <Show when=move || guest.get()>
            <p class="guest-notice" data-testid="guest-notice" role="note">{tr.text(PageText::GuestNotice)}</p>
        </Show>
    }
}
