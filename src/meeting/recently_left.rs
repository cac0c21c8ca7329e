//! Those who left in the last 30 minutes, greyed under the participant list when asked for,
//! with when and why, and one click to dial them back: the dial form filled in with their
//! address and protocol, for the host to check and send.

use crate::i18n::{Text, Tr};
use crate::panels::clock_time;
use crate::panels::dial_back::DialBack;
use crate::panels::record_words::leave_text;
use crate::platform::session::LiveSession;
use crate::state::access::Forbidden;
use crate::state::clock::Clock;
use huikong_core::record_texts::RecordText;
use huikong_protocol::Command;
use leptos::prelude::*;

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
        <section class="recently-left" aria-label=tr.text(RecordText::RecentlyLeft)>
            <label class="check"><input type="checkbox" data-testid="show-recently-left" bind:checked=shown/>
                {tr.text(RecordText::RecentlyLeftShow)}</label>
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
                                    on:click=move |_| if let Some(d) = dial_back { d.request(back.clone()) }>
                                    {tr.text(Text::DialBack)}</button>
                            }
                        })}
                    </li>
                </For>
            </ul>
            <p class="empty" hidden=move || !shown.get() || !gone.with(Vec::is_empty)>{tr.text(RecordText::RecentlyLeftNone)}</p>
        </section>
    }
}
