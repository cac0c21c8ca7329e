//! A run of calls on screen: its progress while it calls, with Stop, then each venue's result
//! in the host's language until dismissed.

use super::call::{CallRun, Tally};
use crate::i18n::Tr;
use huikong_core::venues::VenueText;
use leptos::prelude::*;

fn summary(tr: Tr, t: &Tally) -> String {
    let n = |v: usize| v.to_string();
    if !t.finished {
        return tr.fmt(
            VenueText::VenueCallProgress,
            &[("done", &n(t.done())), ("total", &n(t.lines.len()))],
        );
    }
    let (ok, failed) = (n(t.answered()), n(t.failed()));
    if t.stopped {
        tr.fmt(
            VenueText::VenueCallStopped,
            &[
                ("ok", &ok),
                ("failed", &failed),
                ("unsent", &n(t.not_sent())),
            ],
        )
    } else {
        tr.fmt(
            VenueText::VenueCallDone,
            &[("ok", &ok), ("failed", &failed)],
        )
    }
}

#[component]
pub fn CallResults(run: CallRun) -> impl IntoView {
    let tr = Tr::use_context();
    view! {
        <Show when=move || run.tally.with(Option::is_some)>
            <section class="venue-results" data-testid="venue-call-results" aria-labelledby="venue-results-h">
                <h3 id="venue-results-h">{tr.text(VenueText::VenueResults)}</h3>
                <p role="status" data-testid="venue-call-summary"
                    data-finished=move || run.tally.with(|t| t.as_ref().is_some_and(|t| t.finished).to_string())>
                    {move || run.tally.with(|t| t.as_ref().map(|t| summary(tr, t)))}</p>
                <ul>
                    {move || run.tally.with(|t| t.as_ref().map(|t| t.lines.clone()).unwrap_or_default())
                        .into_iter().map(|l| {
                            let code = l.outcome.as_ref().map_or("calling", |o| o.code());
                            let text = l.outcome.as_ref().map_or_else(|| tr.t(VenueText::VenueCalling).to_owned(), |o| super::call::outcome_text(tr, o));
                            view! { <li data-testid="venue-call-line" data-outcome=code>
                                <span class="venue-name">{l.name}</span>" — "{text}</li> }
                        }).collect_view()}
                </ul>
                <Show when=move || run.running()
                    fallback=move || view! { <button type="button" on:click=move |_| run.dismiss()>{tr.text(VenueText::VenueCallDismiss)}</button> }>
                    <button type="button" data-testid="venue-call-stop" on:click=move |_| run.stop()>{tr.text(VenueText::VenueCallStop)}</button>
                </Show>
            </section>
        </Show>
    }
}
