//! The meeting record panel: the timeline, the attendance table and its export as CSV or JSON.
//! Closed by default: its views exist (and follow the meeting) only while it is open.

use super::record_attendance::AttendanceTable;
use super::record_timeline::Timeline;
use crate::host::browser::now_s;
use crate::host::download::download;
use crate::i18n::Tr;
use crate::panels::clock_time;
use crate::platform::session::LiveSession;
use crate::state::status::Status;
use huikong_core::attendance::{columns, AttendanceText};
use huikong_core::i18n::Lang;
use huikong_core::record_texts::RecordText;
use huikong_protocol::record::{file_name, CsvWords, ExportMeta};
use leptos::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Format {
    Csv,
    Json,
}

/// A unix time as the host's local `YYYY-MM-DD HH:MM:SS`, which spreadsheets read as a time.
fn local_time(at_s: f64) -> String {
    let d = js_sys::Date::new(&(at_s * 1000.0).into());
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes(),
        d.get_seconds()
    )
}

/// The CSV in the host's language and time zone.
fn csv_words(lang: Lang, time: &dyn Fn(f64) -> String) -> CsvWords<'_> {
    let t = |k: AttendanceText| k.get(lang);
    CsvWords {
        columns: columns(lang),
        yes: t(AttendanceText::Yes),
        no: t(AttendanceText::No),
        host: t(AttendanceText::Host),
        guest: t(AttendanceText::Guest),
        time,
    }
}

#[component]
fn ExportButtons() -> impl IntoView {
    let tr = Tr::use_context();
    let session = expect_context::<LiveSession>();
    let status = expect_context::<Status>();
    let record = session.store.record();
    let conference = session.conference_name.clone();
    let export = StoredValue::new(move |format: Format| {
        let now = now_s();
        let lang = tr.lang.get_untracked();
        let made = record.with_untracked(|r| {
            let meta = ExportMeta {
                conference: conference.clone(),
                covers_from: r.began().unwrap_or(now),
                exported_at: now,
            };
            match format {
                Format::Csv => (
                    file_name(&conference, now, "csv"),
                    "text/csv;charset=utf-8",
                    r.to_csv(&csv_words(lang, &local_time), now),
                ),
                Format::Json => (
                    file_name(&conference, now, "json"),
                    "application/json",
                    r.to_json(&meta, now),
                ),
            }
        });
        if let Some((name, mime, text)) = made {
            if let Err(e) = download(&name, mime, &text) {
                status.push(
                    false,
                    tr.fmt_now(RecordText::RecExportFailed, &[("reason", &e)]),
                );
            }
        }
    });
    view! {
        <div class="button-row">
            <button type="button" data-testid="export-csv" on:click=move |_| export.with_value(|f| f(Format::Csv))>
                {tr.text(RecordText::RecExportCsv)}</button>
            <button type="button" data-testid="export-json" on:click=move |_| export.with_value(|f| f(Format::Json))>
                {tr.text(RecordText::RecExportJson)}</button>
        </div>
    }
}

#[component]
pub fn RecordPanel() -> impl IntoView {
    let tr = Tr::use_context();
    let record = expect_context::<LiveSession>().store.record();
    // Its tables are made the first time its tab is shown, and kept (with their filters) like
    // every panel: it opens onto them, and a meeting that never looks at them never draws them.
    let dock = super::Dock::use_context();
    let open = Memo::new(move |seen: Option<&bool>| {
        seen.copied().unwrap_or(false)
            || dock.is_none_or(|d| d.selected.get() == super::PanelId::Record)
    });
    let began = Memo::new(move |_| record.with(|r| r.began()).flatten());
    let covers = move || {
        began.get().map(|t| {
            tr.fmt(
                RecordText::RecCoversFrom,
                &[("time", &clock_time(t * 1000.0))],
            )
        })
    };
    view! {
        <section class="card record-panel" data-testid="record-panel" aria-labelledby="record-h">
            <h2 id="record-h">{tr.text(RecordText::RecHeading)}</h2>
            <Show when=move || open.get()>
                    <p class="muted" data-testid="record-covers">{covers}</p>
                    <h3>{tr.text(RecordText::RecAttendance)}</h3>
                    <ExportButtons/>
                    <AttendanceTable record=record/>
                    <h3>{tr.text(RecordText::RecTimeline)}</h3>
                    <Timeline record=record/>
            </Show>
        </section>
    }
}
