//! Command status: the outcomes of the commands the host sent, newest first, and the runner
//! every command goes through (pending while in flight, then its outcome here). The region that
//! shows them is `components::status`.

use crate::i18n::{Text, Tr};
use leptos::prelude::*;
use std::future::Future;

/// How many results the region keeps, newest first.
const KEEP: usize = 5;

/// A failure as the host reads it, in the page's language.
pub trait Failure {
    fn message(&self, tr: Tr) -> String;
}

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

    /// The outcomes shown now, newest first (tracked).
    pub fn items(&self) -> Vec<StatusItem> {
        self.items.get()
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
pub fn run<T: 'static, E: Failure + 'static>(
    status: Status,
    pending: RwSignal<bool>,
    label: String,
    fut: impl Future<Output = Result<T, E>> + 'static,
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
                status.push(true, tr.fmt_now(Text::Done, &[("label", &label)]));
                on_ok(v);
            }
            Err(e) => status.push(
                false,
                tr.fmt_now(
                    Text::Failed,
                    &[("label", &label), ("reason", &e.message(tr))],
                ),
            ),
        }
    });
}
