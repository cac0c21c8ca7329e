//! Command status: the outcomes of the commands the host sent, newest first, and the runner
//! every command goes through (pending while in flight, then its outcome here). One list holds
//! them all; each outcome carries where it was sent from (an [`Origin`]), so the dialog or panel
//! that sent it can show its own latest one where the host is looking, while the page's
//! notification stack (`command::outcome`) shows every one still current.

use crate::i18n::{Text, Tr};
use leptos::prelude::*;
use std::future::Future;
use std::time::Duration;

/// How many outcomes the list keeps at most, newest first; older ones drop off the end.
const KEEP: usize = 30;

/// How long a success stays in the notification stack: long enough to read, short enough that
/// the stack holds what still needs the host (the failures, which stay until dismissed).
pub const SUCCESS_FADES_AFTER: Duration = Duration::from_secs(6);

/// A failure as the host reads it, in the page's language.
pub trait Failure {
    fn message(&self, tr: Tr) -> String;
}

/// Where a command was sent from: the page as a whole (0), or one dialog or panel, numbered
/// when it opened, so a dialog opened again does not show the last one's outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Origin(u64);

#[derive(Debug, Clone, PartialEq)]
pub struct StatusItem {
    pub id: u64,
    pub ok: bool,
    pub text: String,
    pub origin: Origin,
    /// Still in the notification stack: not dismissed, and not a success that has faded.
    pub current: bool,
}

#[derive(Debug, Clone, Copy)]
pub struct Status {
    items: RwSignal<Vec<StatusItem>>,
    next: StoredValue<u64>,
    /// The page's translator: results are worded in the language of the page, even when the
    /// row that started the command is gone.
    tr: Tr,
    /// Where outcomes pushed through this handle come from.
    origin: Origin,
}

impl Status {
    pub fn new(tr: Tr) -> Status {
        Status {
            items: RwSignal::new(Vec::new()),
            next: StoredValue::new(0),
            tr,
            origin: Origin(0),
        }
    }

    /// The same list seen from a dialog or panel: what is pushed through it is marked as coming
    /// from there. Provide it as context inside that dialog, and every command button and form
    /// in it reports there without knowing.
    pub fn scoped(&self) -> Status {
        Status {
            origin: Origin(self.next_id()),
            ..*self
        }
    }

    fn next_id(&self) -> u64 {
        self.next
            .try_update_value(|n| {
                *n += 1;
                *n
            })
            .unwrap_or_default()
    }

    pub fn tr(&self) -> Tr {
        self.tr
    }

    /// The outcomes still in the notification stack, newest first (tracked).
    pub fn items(&self) -> Vec<StatusItem> {
        self.items
            .with(|items| items.iter().filter(|i| i.current).cloned().collect())
    }

    /// The newest outcome sent from this handle's origin (tracked): what a dialog shows of its
    /// own commands, faded or dismissed in the stack or not.
    pub fn latest_here(&self) -> Option<StatusItem> {
        let origin = self.origin;
        self.items
            .with(|items| items.iter().find(|i| i.origin == origin).cloned())
    }

    pub fn push(&self, ok: bool, text: String) {
        let id = self.next_id();
        let origin = self.origin;
        self.items.try_update(|items| {
            items.insert(
                0,
                StatusItem {
                    id,
                    ok,
                    text,
                    origin,
                    current: true,
                },
            );
            items.truncate(KEEP);
        });
        if ok {
            let status = *self;
            set_timeout(move || status.dismiss(id), SUCCESS_FADES_AFTER);
        }
    }

    /// Takes an outcome out of the notification stack.
    pub fn dismiss(&self, id: u64) {
        self.items.try_update(|items| {
            if let Some(i) = items.iter_mut().find(|i| i.id == id) {
                i.current = false;
            }
        });
    }

    /// Takes every outcome out of the notification stack.
    pub fn dismiss_all(&self) {
        self.items
            .try_update(|items| items.iter_mut().for_each(|i| i.current = false));
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
    run_or(status, pending, label, fut, on_ok, |_| {});
}

/// As [`run`], and `on_err` gets the reason of a failure (after it is reported).
pub fn run_or<T: 'static, E: Failure + 'static>(
    status: Status,
    pending: RwSignal<bool>,
    label: String,
    fut: impl Future<Output = Result<T, E>> + 'static,
    on_ok: impl FnOnce(T) + 'static,
    on_err: impl FnOnce(String) + 'static,
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
            Err(e) => {
                let reason = e.message(tr);
                status.push(
                    false,
                    tr.fmt_now(Text::Failed, &[("label", &label), ("reason", &reason)]),
                );
                on_err(reason);
            }
        }
    });
}
