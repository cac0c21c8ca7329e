//! Chat: the history of `message` events (bounded by the store) and sending with `message`,
//! all as plain text. Own messages are marked; the newest stays in view unless the reader has
//! scrolled back.

use crate::command::act::Act;
use crate::command::service::{At, Commands};
use crate::i18n::{Text, Tr};
use crate::panels::clock_time;
use crate::platform::session::LiveSession;
use crate::state::status::Status;
use leptos::html;
use leptos::prelude::*;

/// How close to the bottom (pixels) still counts as reading the newest messages.
const PINNED_SLACK: i32 = 24;

#[derive(Debug, Clone, PartialEq)]
struct Line {
    seq: u64,
    at_ms: f64,
    origin: String,
    text: String,
    /// The MIME type when it is not plain text (the text is shown as text all the same).
    other_type: Option<String>,
    own: bool,
}

#[component]
pub fn ChatPanel() -> impl IntoView {
    let tr = Tr::use_context();
    let session = expect_context::<LiveSession>();
    // A failed send is shown under the form it came from, as well as in the page's stack.
    let status = expect_context::<Status>().scoped();
    let store = session.store;
    let me = session.me.clone();
    let lines = Memo::new(move |_| {
        store.chat().with(|chat| {
            chat.iter()
                .map(|l| {
                    let m = &l.message;
                    Line {
                        seq: l.seq,
                        at_ms: l.at_ms,
                        origin: m.origin.clone(),
                        text: m.payload.clone(),
                        other_type: (!m.mime_type.is_empty()
                            && !m.mime_type.eq_ignore_ascii_case("text/plain"))
                        .then(|| m.mime_type.clone()),
                        own: !me.is_empty() && m.uuid == me,
                    }
                })
                .collect::<Vec<Line>>()
        })
    });

    let log = NodeRef::<html::Div>::new();
    let pinned = StoredValue::new(true);
    let on_scroll = move |_| {
        if let Some(el) = log.get_untracked() {
            pinned.set_value(
                el.scroll_top() + el.client_height() >= el.scroll_height() - PINNED_SLACK,
            );
        }
    };
    Effect::new(move |_| {
        lines.track();
        if pinned.get_value() {
            // After the new line is drawn.
            request_animation_frame(move || {
                if let Some(el) = log.get_untracked() {
                    el.set_scroll_top(el.scroll_height());
                }
            });
        }
    });

    let sent = Memo::new(move |_| status.latest_here());
    let text = RwSignal::new(String::new());
    let pending = RwSignal::new(false);
    let cmds = Commands::use_context();
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = text.get_untracked();
        if t.trim().is_empty() {
            return;
        }
        // What is sent is what appears: the message shows up when the platform echoes it.
        pinned.set_value(true);
        let at = At {
            status,
            pending,
            held: None,
        };
        cmds.run_at(Act::Message(t), at, None, move |_| {
            text.try_set(String::new());
        });
    };

    view! {
        <section class="card chat-panel" data-testid="chat-panel" aria-labelledby="chat-h">
            <h2 id="chat-h">{tr.text(Text::ChatHeading)}</h2>
            // The log role sits on a box around the list: on the `<ol>` itself it would take the
            // list's semantics from its items.
            <div class="chat-log" role="log" aria-live="polite" tabindex="0" data-testid="chat-log"
                aria-labelledby="chat-h" node_ref=log on:scroll=on_scroll
                hidden=move || lines.with(Vec::is_empty)>
            <ol class="chat-lines">
                <For each=move || lines.get() key=|l| l.seq let:l>
                    <li class="chat-message" class:own=l.own data-testid="chat-message"
                        data-own=if l.own { "true" } else { "false" }>
                        <span class="chat-meta">
                            <span class="chat-origin">{l.origin.clone()}</span>
                            {l.own.then(|| view! { <span class="you">{tr.text(Text::You)}</span> })}
                            <time class="chat-time">{clock_time(l.at_ms)}</time>
                            {l.other_type.clone().map(|t| view! { <span class="badge">{t}</span> })}
                        </span>
                        <span class="chat-text">{l.text.clone()}</span>
                    </li>
                </For>
            </ol>
            </div>
            <p class="empty" hidden=move || !lines.with(Vec::is_empty)>{tr.text(Text::ChatEmpty)}</p>
            <form class="chat-form" on:submit=send>
                <label class="chat-label" for="chat-input">{tr.text(Text::ChatInput)}</label>
                <input type="text" id="chat-input" data-testid="chat-input" autocomplete="off"
                    bind:value=text/>
                <button type="submit" class="primary" data-testid="chat-send"
                    disabled=move || pending.get() || text.with(|t| t.trim().is_empty())
                    aria-busy=move || pending.get().then_some("true")>
                    {tr.text(Text::ChatSend)}
                    <span class="spinner" aria-hidden="true" hidden=move || !pending.get()></span>
                </button>
            </form>
            // Kept in its line when empty: the first outcome moves nothing.
            <p class="local-result" role="status" aria-live="polite" data-testid="local-result"
                data-outcome=move || sent.with(|l| l.as_ref().map(|i| if i.ok { "ok" } else { "error" }))>
                {move || sent.get().map(|i| i.text)}
            </p>
        </section>
    }
}
