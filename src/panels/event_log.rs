//! The event log: the store's recent events with their times, newest first, each in words of
//! what it changed ("王芳 已静音"), the platform's event name beside it in small type. A run of
//! frames or speaker changes is one line with a count; they can also be hidden.

use crate::i18n::{Text, Tr};
use crate::panels::clock_time;
use crate::platform::session::LiveSession;
use huikong_core::event_words::Said;
use huikong_protocol::{FieldNote, NoteKind};
use leptos::prelude::*;

/// Events that arrive so often they drown the others.
pub fn is_frequent(name: &str) -> bool {
    matches!(name, "stage" | "presentation_frame" | "layout")
}

#[component]
pub fn EventLogPanel() -> impl IntoView {
    let tr = Tr::use_context();
    let store = expect_context::<LiveSession>().store;
    let hide_frequent = RwSignal::new(false);
    let entries = Memo::new(move |_| {
        let hide = hide_frequent.get();
        store.log().with(|l| {
            l.iter()
                .rev()
                .filter(|e| !(hide && is_frequent(&e.name)))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="card event-log-panel" aria-labelledby="event-log-h">
            <h2 id="event-log-h">{tr.text(Text::EventLogHeading)}</h2>
            <label class="check"><input type="checkbox" data-testid="event-log-hide-frequent"
                bind:checked=hide_frequent/>{tr.text(Text::EventLogHideFrequent)}</label>
            <ol class="event-log" data-testid="event-log" tabindex="0" aria-labelledby="event-log-h">
                <For each=move || entries.get() key=|e| (e.seq, e.count) let:e>
                    <li class="event-log-entry" data-testid="event-log-entry" data-event=e.name.clone()
                        data-count=e.count>
                        <time class="event-time">{clock_time(e.at_ms)}</time>
                        <span class="event-detail" data-testid="event-log-words">{
                            let (said, count) = (e.said.clone(), e.count);
                            move || {
                                let lang = tr.lang.get();
                                let mut words = said.words(lang);
                                if count > 1 {
                                    words.push_str(&Said::times(count, lang));
                                }
                                words
                            }
                        }</span>
                        <code class="event-name">{e.name.clone()}</code>
                        {(!e.notes.is_empty()).then(|| view! {
                            <ul class="event-notes">
                                {e.notes.iter().map(|n| view! {
                                    <li data-testid="event-log-note">{note_text(tr, n)}</li>
                                }).collect_view()}
                            </ul>
                        })}
                    </li>
                </For>
            </ol>
            <p class="empty" hidden=move || !entries.with(Vec::is_empty)>{tr.text(Text::EventLogEmpty)}</p>
        </section>
    }
}

/// A field the decoder coerced or dropped, in the host's language. The JSON kinds and the
/// expected type stay as the decoder names them: they are technical terms.
fn note_text(tr: Tr, note: &FieldNote) -> String {
    match &note.kind {
        NoteKind::Coerced { from, to } => tr.fmt(
            Text::EventLogNoteCoerced,
            &[
                ("field", &note.field),
                ("from", &from.to_string()),
                ("to", to),
            ],
        ),
        NoteKind::Dropped { found, expected } => tr.fmt(
            Text::EventLogNoteDropped,
            &[
                ("field", &note.field),
                ("found", &found.to_string()),
                ("expected", expected),
            ],
        ),
    }
}
