//! A bulk run's progress ("12 / 40") and, once it ends, its result: how many were done, and each
//! failure with the participant's name and the platform's reason, kept until dismissed. A
//! screen reader hears it start and end, not every step.

use crate::i18n::Tr;
use crate::list::bulk::run::Tally;
use crate::list::bulk::{summary, Bulk, BulkAction};
use huikong_core::list::bulk_texts::BulkText;
use leptos::html;
use leptos::prelude::*;

#[component]
pub fn BulkResult(bulk: Bulk) -> impl IntoView {
    let tr = Tr::use_context();
    let run = bulk.run;
    let last = bulk.last;
    let tally = run.tally;
    let running = Memo::new(move |_| run.running());
    let shown = move || tally.with(Option::is_some);
    let of = move |f: fn(&Tally) -> usize| move || tally.with(|t| t.as_ref().map_or(0, f));
    // Said on start and on end: the live region holds one line, changed twice per run.
    let said = Memo::new(move |_| {
        tally.with(|t| {
            t.as_ref().map(|t| match t.finished {
                false => tr.fmt(BulkText::BulkStarted, &[("label", &t.label)]),
                true => summary(tr, t),
            })
        })
    });
    let failures = Memo::new(move |_| {
        tally.with(|t| t.as_ref().map(|t| t.failed.clone()).unwrap_or_default())
    });
    // The Stop button goes once the run ends: the focus it had moves to the result's own button.
    let stopped_here = StoredValue::new(false);
    let dismiss = NodeRef::<html::Button>::new();
    Effect::watch(
        move || running.get(),
        move |now, _, _| {
            if !*now && stopped_here.get_value() {
                stopped_here.set_value(false);
                request_animation_frame(move || {
                    if let Some(b) = dismiss.get_untracked() {
                        let _ = b.focus();
                    }
                });
            }
        },
        false,
    );
    let retry = move |_| {
        let Some(a) = last.get_value() else { return };
        let again: Vec<String> = failures
            .get_untracked()
            .into_iter()
            .map(|f| f.target.uuid)
            .collect();
        let targets = bulk.targets_in(a, again);
        // A transfer's request (its PIN) is not kept: it is asked again.
        if a != BulkAction::Transfer {
            bulk.perform_for(a, targets, None);
        }
    };

    view! {
        <p class="visually-hidden" role="status" aria-live="polite" data-testid="bulk-announce">{move || said.get()}</p>
        <div class="bulk-result" data-testid="bulk-result" hidden=move || !shown()
            data-state=move || if running.get() { "running" } else { "done" }>
            <div class="bulk-progress-line">
                <span class="bulk-label">{move || tally.with(|t| t.as_ref().map(|t| t.label.clone()))}</span>
                <progress max=of(|t| t.total.max(1)) value=of(Tally::settled) aria-hidden="true"></progress>
                <span data-testid="bulk-progress">
                    {move || tr.fmt(BulkText::BulkProgress, &[("done", &of(Tally::settled)().to_string()), ("total", &of(|t| t.total)().to_string())])}
                </span>
                <button type="button" class="small" data-testid="bulk-stop" hidden=move || !running.get()
                    aria-label=tr.text(BulkText::BulkStopLabel) on:click=move |_| {
                        stopped_here.set_value(true);
                        run.stop();
                    }>{tr.text(BulkText::BulkStop)}</button>
            </div>
            <p class="bulk-summary" data-testid="bulk-summary" hidden=move || running.get()>
                {move || tally.with(|t| t.as_ref().filter(|t| t.finished).map(|t| summary(tr, t)))}
            </p>
            <ul class="bulk-failures" data-testid="bulk-failures" hidden=move || failures.with(Vec::is_empty)>
                <For each=move || failures.get() key=|f| f.target.uuid.clone() let:f>
                    <li data-uuid=f.target.uuid.clone()>
                        {move || tr.fmt(BulkText::BulkFailure, &[("name", &f.target.name), ("reason", &f.reason)])}
                    </li>
                </For>
            </ul>
            <div class="button-row" hidden=move || running.get()>
                <button type="button" class="small" data-testid="bulk-retry"
                    hidden=move || failures.with(Vec::is_empty) || last.get_value() == Some(BulkAction::Transfer)
                    on:click=retry>{tr.text(BulkText::BulkRetry)}</button>
                <button type="button" class="small" data-testid="bulk-dismiss" node_ref=dismiss
                    on:click=move |_| run.dismiss()>{tr.text(BulkText::BulkDismiss)}</button>
            </div>
        </div>
    }
}
