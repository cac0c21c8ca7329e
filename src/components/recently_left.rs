//! Those who left in the last 30 minutes, greyed under the participant list when asked for,
//! with when and why, and one click to dial them back: the dial form filled in with their
//! address and protocol, for the host to check and send.

use crate::components::Clock;
use crate::i18n::{Text, Tr};
use crate::panels::clock_time;
use crate::panels::record_words::leave_text;
use crate::platform::session::LiveSession;
use crate::state::access::Forbidden;
use huikong_protocol::{Command, Profile};
use leptos::prelude::*;

/// A dial-back request for the dial form: address, protocol. Provided by the meeting page.
#[derive(Debug, Clone, Copy)]
pub struct DialBack(RwSignal<Option<(String, String)>>);

impl DialBack {
    pub fn provide() {
        provide_context(DialBack(RwSignal::new(None)));
    }
}

/// For the dial form: runs `fill(address, protocol)` at each dial-back, the protocol only when
/// the deployment can dial with it; then brings the form into view.
pub fn on_dial_back(profile: Profile, fill: impl Fn(String, Option<String>) + 'static) {
    let Some(DialBack(request)) = use_context::<DialBack>() else {
        return;
    };
    Effect::watch(
        move || request.get(),
        move |r, _, _| {
            let Some((uri, protocol)) = r.clone() else {
                return;
            };
            let protocol = profile
                .dial_protocols()
                .contains(&protocol.as_str())
                .then_some(protocol);
            fill(uri, protocol);
            let field = web_sys::window().and_then(|w| w.document()).and_then(|d| {
                d.query_selector("[data-testid=\"dial-destination\"]")
                    .ok()
                    .flatten()
            });
            if let Some(field) = field {
                field.scroll_into_view();
                if let Ok(input) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(field) {
                    let _ = input.focus();
                }
            }
        },
        false,
    );
}

#[derive(Debug, Clone, PartialEq)]
struct Gone {
    key: String,
    name: String,
    at: f64,
    why: String,
    back: Option<(String, String)>,
}

#[component]
pub fn RecentlyLeft() -> impl IntoView {
    let tr = Tr::use_context();
    let session = expect_context::<LiveSession>();
    let record = session.store.record();
    let clock = expect_context::<Clock>();
    let forbidden = Forbidden::use_context();
    let can_dial = session.supports(Command::Dial);
    let dial_back = use_context::<DialBack>();
    let shown = RwSignal::new(false);
    let gone = Memo::new(move |_| {
        if !shown.get() {
            return Vec::new();
        }
        let now = clock.fine.get();
        record
            .with(|r| {
                r.recently_left(now)
                    .map(|d| Gone {
                        key: format!("{}@{}", d.participant.uuid, d.at),
                        name: d.participant.shown_name().to_owned(),
                        at: d.at,
                        why: leave_text(tr, d.participant.shown_name(), &d.reason),
                        back: d.dial_back().map(|(u, p)| (u.to_owned(), p.to_owned())),
                    })
                    .collect()
            })
            .unwrap_or_default()
    });
    view! {
        <section class="recently-left" aria-label=move || tr.t(Text::RecentlyLeft)>
            <label class="check"><input type="checkbox" data-testid="show-recently-left" bind:checked=shown/>
                {move || tr.t(Text::RecentlyLeftShow)}</label>
            <ul class="recently-left-list" data-testid="recently-left" hidden=move || !shown.get()>
                <For each=move || gone.get() key=|g| g.key.clone() let:g>
                    <li class="left-row muted" data-testid="left-row" data-name=g.name.clone()>
                        <time class="event-time">{clock_time(g.at * 1000.0)}</time>
                        <span class="left-why">{g.why.clone()}</span>
                        {g.back.clone().filter(|_| can_dial).map(|back| {
                            let name = g.name.clone();
                            view! {
                                <button type="button" class="small" disabled=move || forbidden.get()
                                    aria-label=move || tr.fmt(Text::DialBackX, &[("name", &name)])
                                    on:click=move |_| if let Some(DialBack(r)) = dial_back { r.set(Some(back.clone())) }>
                                    {move || tr.t(Text::DialBack)}</button>
                            }
                        })}
                    </li>
                </For>
            </ul>
            <p class="empty" hidden=move || !shown.get() || !gone.with(Vec::is_empty)>{move || tr.t(Text::RecentlyLeftNone)}</p>
        </section>
    }
}
