//! How far the screen can be trusted, said above the list: nothing yet, out of date since a
//! time, or refreshed by polling because live updates do not arrive. Silent while live.

use crate::i18n::Tr;
use crate::panels::clock_time as clock;
use crate::platform::poll::{Freshness, POLL_EVERY_MS};
use crate::platform::session::LiveSession;
use huikong_core::freshness::FreshText;
use leptos::prelude::*;

#[component]
pub fn FreshnessNote() -> impl IntoView {
    let tr = Tr::use_context();
    let fresh = expect_context::<LiveSession>().fresh;
    let text = move || match fresh.get() {
        Freshness::Live => None,
        Freshness::Unknown => Some(tr.t(FreshText::Unknown).to_owned()),
        Freshness::Stale { since_ms } => {
            Some(tr.fmt(FreshText::Stale, &[("time", &clock(since_ms))]))
        }
        Freshness::Polled { at_ms } => {
            let s = (POLL_EVERY_MS / 1000.0).to_string();
            Some(tr.fmt(FreshText::Polled, &[("s", &s), ("time", &clock(at_ms))]))
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
