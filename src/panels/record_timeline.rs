//! The record's timeline, newest first, filtered by kind and by person.

use super::record_words::{entry_text, kind_label};
use crate::i18n::Tr;
use crate::panels::clock_time;
use crate::state::record::MeetingRecord;
use huikong_core::record_texts::RecordText;
use huikong_protocol::record::{Entry, Filter, Kind};
use leptos::prelude::*;

/// How many entries the view shows; the record keeps (and exports) far more.
const SHOWN: usize = 200;

/// The filter's choice of person: their display name and every uuid they had.
fn people(record: MeetingRecord) -> Vec<(String, Vec<String>)> {
    record
        .with_untracked(|r| {
            r.attendance()
                .iter()
                .map(|p| {
                    let name = if p.display_name.trim().is_empty() {
                        p.uri.clone()
                    } else {
                        p.display_name.clone()
                    };
                    (name, p.sessions.iter().map(|s| s.uuid.clone()).collect())
                })
                .collect()
        })
        .unwrap_or_default()
}

#[component]
pub fn Timeline(record: MeetingRecord) -> impl IntoView {
    let tr = Tr::use_context();
    let kind = RwSignal::new(String::new());
    let person = RwSignal::new(String::new());
    // The choice of people changes only when someone new arrives or rejoins, not with every
    // event.
    let sessions = Memo::new(move |_| {
        record
            .with(|r| {
                r.attendance()
                    .iter()
                    .map(|p| p.sessions.len())
                    .sum::<usize>()
            })
            .unwrap_or_default()
    });
    let choices = Memo::new(move |_| {
        sessions.track();
        people(record)
    });
    let entries = Memo::new(move |_| {
        let k = kind.get();
        let hidden = match Kind::ALL.iter().find(|x| x.as_str() == k) {
            Some(only) => Kind::ALL.into_iter().filter(|x| x != only).collect(),
            None => Vec::new(),
        };
        let participants = person
            .get()
            .parse::<usize>()
            .ok()
            .and_then(|i| choices.with_untracked(|c| c.get(i).map(|(_, u)| u.clone())))
            .unwrap_or_default();
        let filter = Filter {
            hidden,
            participants,
        };
        record
            .with(|r| {
                r.timeline()
                    .newest(&filter, SHOWN)
                    .into_iter()
                    .cloned()
                    .collect::<Vec<Entry>>()
            })
            .unwrap_or_default()
    });
    view! {
        <div class="record-filters">
            <label class="field">{tr.text(RecordText::RecFilterKind)}
                <select data-testid="record-kind-filter"
                    on:change=move |ev| kind.set(event_target_value(&ev))>
                    <option value="">{tr.text(RecordText::RecAllKinds)}</option>
                    {Kind::ALL.into_iter().filter(|k| *k != Kind::Summary).map(|k| view! {
                        <option value=k.as_str()>{move || kind_label(tr, k)}</option>
                    }).collect_view()}
                </select></label>
            <label class="field">{tr.text(RecordText::RecFilterPerson)}
                <select data-testid="record-person-filter"
                    on:change=move |ev| person.set(event_target_value(&ev))>
                    <option value="">{tr.text(RecordText::RecEveryone)}</option>
                    {move || choices.get().into_iter().enumerate().map(|(i, (name, _))| view! {
                        <option value=i.to_string() selected=move || person.get() == i.to_string()>{name}</option>
                    }).collect_view()}
                </select></label>
        </div>
        <ol class="record-timeline" data-testid="record-timeline" tabindex="0"
            aria-label=tr.text(RecordText::RecTimeline)>
            <For each=move || entries.get() key=|e| e.seq let:e>
                {let (kind, uuid, at) = (e.kind().as_str(), e.uuid.clone().unwrap_or_default(), e.at);
                view! {
                <li class="record-entry" data-testid="record-entry" data-kind=kind data-uuid=uuid>
                    <time class="event-time">{clock_time(at * 1000.0)}</time>
                    <span class="record-text">{move || entry_text(tr, &e)}</span>
                </li>
                }}
            </For>
        </ol>
        <p class="empty" hidden=move || !entries.with(Vec::is_empty)>{tr.text(RecordText::RecEmpty)}</p>
    }
}
