//! The command status region (role="status", aria-live) and the runner every command goes
//! through: the button shows it is pending, then the region shows the platform's answer.

use crate::i18n::{Tr, K};
use crate::platform::ApiError;
use leptos::prelude::*;
use std::future::Future;

/// How many results the region keeps, newest first.
const KEEP: usize = 5;

#[derive(Debug, Clone, PartialEq)]
pub struct StatusItem {
    pub id: u64,
    pub ok: bool,
    pub text: String,
}

#[derive(Debug, Clone, Copy)]
pub struct Status {
    items: RwSignal<Vec<StatusItem>>,
    next: StoredValue<u64>,
    /// The page's translator: results are worded in the language of the page, even when the
    /// row that started the command is gone.
    tr: Tr,
}

impl Status {
    pub fn new(tr: Tr) -> Status {
        Status {
            items: RwSignal::new(Vec::new()),
            next: StoredValue::new(0),
            tr,
        }
    }

    pub fn tr(&self) -> Tr {
        self.tr
    }

    pub fn push(&self, ok: bool, text: String) {
        let Some(id) = self.next.try_update_value(|n| {
            *n += 1;
            *n
        }) else {
            return;
        };
        self.items.try_update(|items| {
            items.insert(0, StatusItem { id, ok, text });
            items.truncate(KEEP);
        });
    }

    pub fn dismiss(&self, id: u64) {
        self.items.update(|items| items.retain(|i| i.id != id));
    }
}

/// Runs a command: `pending` is true while it is in flight, then the outcome is reported under
/// `label`. `on_ok` gets the result (the RTMP URLs, say). State is left to the platform's events.
pub fn run<T: 'static>(
    status: Status,
    pending: RwSignal<bool>,
    label: String,
    fut: impl Future<Output = Result<T, ApiError>> + 'static,
    on_ok: impl FnOnce(T) + 'static,
) {
    if pending.get_untracked() {
        return;
    }
    pending.set(true);
    let tr = status.tr;
    leptos::task::spawn_local(async move {
        let outcome = fut.await;
        pending.try_set(false);
        match outcome {
            Ok(v) => {
                status.push(true, tr.fmt_now(K::Done, &[("label", &label)]));
                on_ok(v);
            }
            Err(e) => status.push(
                false,
                tr.fmt_now(K::Failed, &[("label", &label), ("reason", &e.message(tr))]),
            ),
        }
    });
}

#[component]
pub fn StatusRegion(status: Status) -> impl IntoView {
    let tr = Tr::use_context();
    view! {
        <section class="status-region" aria-label=move || tr.t(K::StatusRegion)>
            <ul role="status" aria-live="polite" data-testid="command-status">
                <For each=move || status.items.get() key=|i| i.id let:item>
                    <li class=if item.ok { "status-item ok" } else { "status-item err" }
                        data-outcome=if item.ok { "ok" } else { "error" }>
                        <span class="status-text">{item.text.clone()}</span>
                        <button type="button" class="icon-button"
                            aria-label=move || tr.t(K::Dismiss)
                            on:click=move |_| status.dismiss(item.id)>"×"</button>
                    </li>
                </For>
            </ul>
        </section>
    }
}
