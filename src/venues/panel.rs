//! The venue list's panel in the dock: the count online, the list's tools (add, import,
//! export, call the absent), the runs of calls, each venue's row, and the participants not on
//! the list.

use super::form::{Editing, VenueForm};
use super::import::ImportBox;
use super::results::CallResults;
use super::row::VenueRow;
use super::Venues;
use crate::command::service::Commands;
use crate::host::download::download;
use crate::i18n::Tr;
use crate::platform::session::LiveSession;
use huikong_core::venues::calling::absent_to_call;
use huikong_core::venues::VenueText;
use huikong_core::venues::{csv, json};
use leptos::prelude::*;

/// The header's count: "会场 12/15 在线", nothing without a list.
#[component]
pub fn VenueCount() -> impl IntoView {
    let tr = Tr::use_context();
    let venues = Venues::use_context();
    move || {
        let (online, total) = venues?.counts();
        (total > 0).then(|| {
            let text = tr.fmt(
                VenueText::VenuesCount,
                &[
                    ("online", &online.to_string()),
                    ("total", &total.to_string()),
                ],
            );
            view! { <span class="badge venue-count" data-testid="venue-count">{text}</span> }
        })
    }
}

#[component]
fn Tools(venues: Venues, editing: Editing, importing: RwSignal<bool>) -> impl IntoView {
    let tr = Tr::use_context();
    let cmds = Commands::use_context();
    let room = expect_context::<LiveSession>().room;
    let absent = Memo::new(move |_| {
        venues
            .list
            .with(|l| venues.statuses.with(|s| absent_to_call(l, s)))
    });
    let call_absent = move |_| {
        let targets = absent.get_untracked();
        if targets.is_empty() {
            return cmds
                .at_page()
                .status
                .push(false, tr.now(VenueText::VenueNoneAbsent).into());
        }
        let list = venues.list.get_untracked();
        let targets = targets
            .into_iter()
            .filter_map(|i| list.get(i).cloned())
            .collect();
        venues.calls.call(venues, &cmds, targets);
    };
    let base = format!("venues-{}", room.replace(['/', '\\', ' '], "_"));
    let (csv_name, json_name) = (format!("{base}.csv"), format!("{base}.json"));
    let export_csv = move |_| {
        let text = venues
            .list
            .with_untracked(|l| csv::export(l, tr.lang.get_untracked()));
        let _ = download(&csv_name, "text/csv;charset=utf-8", &text);
    };
    let export_json = move |_| {
        let text = venues.list.with_untracked(|l| json::export(l));
        let _ = download(&json_name, "application/json", &text);
    };
    let empty = move || venues.list.with(Vec::is_empty);
    view! {
        <div class="venue-tools" role="group" aria-label=move || tr.t(VenueText::VenuesHeading)>
            <button type="button" class="primary" data-testid="venue-call-absent"
                disabled=move || empty() || venues.calls.running()
                on:click=call_absent>
                {move || tr.fmt(VenueText::VenueCallAbsentN, &[("n", &absent.with(Vec::len).to_string())])}</button>
            <button type="button" on:click=move |_| editing.set(Some(None))>{tr.text(VenueText::VenueAdd)}</button>
            <button type="button" aria-expanded=move || importing.get().to_string()
                on:click=move |_| importing.update(|o| *o = !*o)>{tr.text(VenueText::VenueImport)}</button>
            <button type="button" data-testid="venue-export-csv" disabled=empty on:click=export_csv>{tr.text(VenueText::VenueExportCsv)}</button>
            <button type="button" data-testid="venue-export-json" disabled=empty on:click=export_json>{tr.text(VenueText::VenueExportJson)}</button>
            <label class="check"><input type="checkbox" data-testid="venue-redial-switch"
                prop:checked=move || venues.redial_on.get()
                on:change=move |ev| venues.set_redial(event_target_checked(&ev))/>
                {tr.text(VenueText::RedialSwitch)}</label>
        </div>
    }
}

#[component]
fn Outsiders(venues: Venues) -> impl IntoView {
    let tr = Tr::use_context();
    let store = expect_context::<LiveSession>().store;
    let names = Memo::new(move |_| {
        venues.outsiders.with(|o| {
            o.iter()
                .filter_map(|u| {
                    store
                        .row(u)
                        .map(|r| r.p.with_untracked(|p| p.shown_name().to_owned()))
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <Show when=move || !names.with(Vec::is_empty) && !venues.list.with(Vec::is_empty)>
            <details class="venue-outsiders" data-testid="venue-outsiders">
                <summary>{move || tr.fmt(VenueText::VenueOutsiders, &[("n", &names.with(Vec::len).to_string())])}</summary>
                <ul aria-label=move || tr.t(VenueText::VenueOutsidersHeading)>
                    {move || names.get().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
                </ul>
            </details>
        </Show>
    }
}

#[component]
pub fn VenuesPanel() -> impl IntoView {
    let tr = Tr::use_context();
    let Some(venues) = Venues::use_context() else {
        return ().into_any();
    };
    let editing: Editing = RwSignal::new(None);
    let importing = RwSignal::new(false);
    view! {
        <section class="card venues-panel" aria-labelledby="venues-h" data-testid="venues-panel">
            <h2 id="venues-h">{tr.text(VenueText::VenuesHeading)}</h2>
            <Tools venues=venues editing=editing importing=importing/>
            <Show when=move || importing.get()><ImportBox venues=venues open=importing/></Show>
            {move || editing.get().map(|at| view! { <VenueForm venues=venues editing=editing at=at/> })}
            <CallResults run=venues.calls/>
            <Show when=move || !venues.list.with(Vec::is_empty)
                fallback=move || view! { <p class="empty" data-testid="venues-empty">{tr.text(VenueText::VenuesEmpty)}</p> }>
                <table class="venues-table" data-testid="venues-table">
                    <thead><tr>
                        <th scope="col">{tr.text(VenueText::VenueNumber)}</th>
                        <th scope="col">{tr.text(VenueText::VenueName)}</th>
                        <th scope="col">{tr.text(VenueText::VenueAddress)}</th>
                        <th scope="col">{tr.text(VenueText::VenueStatus)}</th>
                        <th scope="col" title=move || tr.t(VenueText::VenueAuto)>{tr.text(VenueText::VenueAutoShort)}</th>
                        <th scope="col"><span class="visually-hidden">{tr.text(VenueText::VenueActions)}</span></th>
                    </tr></thead>
                    <tbody>
                        <For each=move || venues.list.get().into_iter().enumerate()
                            key=|(i, v)| (*i, v.clone())
                            children=move |(i, v)| view! { <VenueRow venues=venues index=i venue=v editing=editing/> }/>
                    </tbody>
                </table>
            </Show>
            <Outsiders venues=venues/>
        </section>
    }
    .into_any()
}
