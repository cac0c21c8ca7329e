//! The attendance table: one row per person, durations counted to now (refreshed every second
//! while shown).

use super::record_words::duration;
use crate::host::browser::now_s;
use crate::i18n::{Text, Tr};
use crate::panels::clock_time;
use crate::state::record::MeetingRecord;
use huikong_core::record_texts::RecordText;
use leptos::prelude::*;

/// How many people the table shows; the export has everyone.
const SHOWN: usize = 500;

#[derive(Debug, Clone, PartialEq)]
struct Line {
    key: usize,
    name: String,
    uri: String,
    protocol: String,
    host: bool,
    first_join: f64,
    last_leave: Option<f64>,
    total: String,
    sessions: usize,
    waiting: String,
}

#[component]
pub fn AttendanceTable(record: MeetingRecord) -> impl IntoView {
    let tr = Tr::use_context();
    // Its own second hand, only while the table is shown.
    let tick = RwSignal::new(now_s());
    let timer =
        set_interval_with_handle(move || tick.set(now_s()), std::time::Duration::from_secs(1));
    on_cleanup(move || {
        if let Ok(h) = timer {
            h.clear();
        }
    });
    let lines = Memo::new(move |_| {
        let now = tick.get();
        record
            .with_untracked(|r| {
                let now = r.clock(now);
                let all = r.attendance();
                let lines: Vec<Line> = all
                    .iter()
                    .take(SHOWN)
                    .enumerate()
                    .map(|(key, p)| Line {
                        key,
                        name: p.display_name.clone(),
                        uri: p.uri.clone(),
                        protocol: p.protocol.clone(),
                        host: p.role.is_host(),
                        first_join: p.first_join(),
                        last_leave: p.last_leave(),
                        total: duration(p.total(now)),
                        sessions: p.sessions.len(),
                        waiting: duration(p.waiting(now)),
                    })
                    .collect();
                (lines, all.len())
            })
            .unwrap_or_default()
    });
    let more = move || {
        let (shown, all) = lines.with(|(l, n)| (l.len(), *n));
        (all > shown).then(|| {
            tr.fmt(
                RecordText::RecMorePeople,
                &[("shown", &shown.to_string()), ("all", &all.to_string())],
            )
        })
    };
    let col = move |t: RecordText| view! { <th scope="col">{move || tr.t(t)}</th> };
    view! {
        <div class="table-scroll">
        <table class="attendance" data-testid="attendance-table">
            <caption class="visually-hidden">{tr.text(RecordText::RecAttendance)}</caption>
            <thead><tr>
                {col(RecordText::RecColName)}{col(RecordText::RecColUri)}{col(RecordText::RecColProtocol)}
                {col(RecordText::RecColRole)}{col(RecordText::RecColFirstJoin)}{col(RecordText::RecColLastLeave)}
                {col(RecordText::RecColTotal)}{col(RecordText::RecColSessions)}{col(RecordText::RecColWaiting)}
            </tr></thead>
            <tbody>
                <For each=move || lines.get().0 key=|l| (l.key, l.total.clone(), l.sessions, l.last_leave.map(f64::to_bits)) let:l>
                    <tr data-testid="attendance-row" data-name=l.name.clone() data-sessions=l.sessions>
                        <td>{l.name.clone()}</td>
                        <td>{l.uri.clone()}</td>
                        <td>{l.protocol.clone()}</td>
                        <td>{move || tr.t(if l.host { Text::RoleHost } else { Text::RoleGuest })}</td>
                        <td>{clock_time(l.first_join * 1000.0)}</td>
                        <td>{match l.last_leave {
                            Some(t) => clock_time(t * 1000.0).into_any(),
                            None => view! { <span class="muted">{tr.text(RecordText::RecStillIn)}</span> }.into_any(),
                        }}</td>
                        <td data-testid="attendance-total">{l.total.clone()}</td>
                        <td>{l.sessions}{(l.sessions > 1).then(|| view! {
                            " " <span class="badge">{tr.text(RecordText::RecReconnected)}</span>
                        })}</td>
                        <td>{l.waiting.clone()}</td>
                    </tr>
                </For>
            </tbody>
        </table>
        </div>
        <p class="muted" hidden=move || more().is_none()>{more}</p>
    }
}
