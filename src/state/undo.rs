//! The undo window: what cannot be taken back (disconnecting, ending the meeting, transferring,
//! and in bulk disconnecting or changing roles, as the command policy says) waits here a few
//! seconds before it is sent, so the host can still undo it. Undoing sends nothing. Several actions may wait at once,
//! newest first; each has its own timer. Leaving the session or the page cancels them all:
//! nothing is sent for a meeting the host has left.

use crate::i18n::{Text, Tr};
use crate::state::status::Status;
use leptos::prelude::*;
use std::time::Duration;

pub use crate::host::config::{DEFAULT_SECONDS, MAX_SECONDS};

/// One action in its window, as the bar shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Pending {
    pub id: u64,
    /// The action in the host's language ("断开 张伟").
    pub label: String,
    /// When it is sent, in wall-clock seconds ([`crate::host::browser::now_s`]).
    pub due: f64,
}

/// What is sent when the window closes, and the timer that closes it.
struct Waiting {
    id: u64,
    send: Box<dyn FnOnce()>,
    /// Where its undo is reported: the dialog it came from, or the page.
    status: Option<Status>,
    timer: Option<TimeoutHandle>,
}

/// The page's undo window, provided by the meeting page.
#[derive(Debug, Clone, Copy)]
pub struct Undo {
    seconds: u32,
    /// Newest first.
    queue: RwSignal<Vec<Pending>>,
    waiting: StoredValue<Vec<Waiting>, LocalStorage>,
    next: StoredValue<u64>,
    /// The latest action put in the window, said once by the bar's live region.
    announced: RwSignal<Option<Pending>>,
    status: Option<Status>,
    /// The meeting page's owner: what an action sends once its window closes must outlive the
    /// dialog it was started from.
    owner: StoredValue<Option<Owner>>,
}

impl std::fmt::Debug for Waiting {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Waiting({})", self.id)
    }
}

impl Undo {
    /// `seconds` is the window's length; 0 turns it off (everything is sent at once).
    pub fn provide(seconds: u32) {
        let undo = Undo {
            seconds: seconds.min(MAX_SECONDS),
            queue: RwSignal::new(Vec::new()),
            waiting: StoredValue::new_local(Vec::new()),
            next: StoredValue::new(0),
            announced: RwSignal::new(None),
            status: use_context::<Status>(),
            owner: StoredValue::new(Owner::current()),
        };
        provide_context(undo);
        // Leaving the page sends nothing; while something waits, the browser asks first.
        let ask = window_event_listener(leptos::ev::beforeunload, move |e| {
            if undo.has_pending() {
                e.prevent_default();
                e.set_return_value("");
            }
        });
        let gone = window_event_listener(leptos::ev::pagehide, move |_| {
            undo.cancel_all();
        });
        on_cleanup(move || {
            ask.remove();
            gone.remove();
            undo.cancel_all();
        });
    }

    pub fn use_context() -> Undo {
        expect_context::<Undo>()
    }

    /// The window's length in seconds; 0 when it is off.
    pub fn seconds(&self) -> u32 {
        self.seconds
    }

    /// Runs `send` when the window closes unless the host undoes it first; at once when the
    /// window is off. `label` names the action in the host's language ("断开 张伟").
    pub fn defer(&self, label: String, send: impl FnOnce() + 'static) {
        self.defer_id(label, send);
    }

    /// [`Undo::defer`], giving the action's id ([`Undo::is_pending`]); `None` when it was sent
    /// at once.
    pub fn defer_id(&self, label: String, send: impl FnOnce() + 'static) -> Option<u64> {
        if self.seconds == 0 {
            send();
            return None;
        }
        let id = self.next.try_update_value(|n| {
            *n += 1;
            *n
        })?;
        let undo = *self;
        let timer = set_timeout_with_handle(
            move || undo.send_now(id),
            Duration::from_secs(u64::from(self.seconds)),
        )
        .ok();
        self.waiting.try_update_value(|w| {
            w.push(Waiting {
                id,
                send: Box::new(send),
                status: self.status,
                timer,
            })
        });
        let pending = Pending {
            id,
            label,
            due: crate::host::browser::now_s() + f64::from(self.seconds),
        };
        self.queue.try_update(|q| q.insert(0, pending.clone()));
        self.announced.try_set(Some(pending));
        Some(id)
    }

    /// The same window, reporting undos to `status`: a dialog's own [`Status::scoped`], where
    /// the host looks while the dialog hides the page.
    pub fn reporting_to(self, status: Status) -> Undo {
        Undo {
            status: Some(status),
            ..self
        }
    }

    /// Takes an action out of the window, its timer cleared: what it would have sent.
    fn take(&self, id: u64) -> Option<(Pending, Waiting)> {
        let mut waiting = self
            .waiting
            .try_update_value(|w| w.iter().position(|x| x.id == id).map(|i| w.remove(i)))
            .flatten()?;
        if let Some(t) = waiting.timer.take() {
            t.clear();
        }
        let pending = self
            .queue
            .try_update(|q| q.iter().position(|p| p.id == id).map(|i| q.remove(i)))
            .flatten()?;
        Some((pending, waiting))
    }

    /// Sends an action now: its window closed, or the host did not want to wait.
    pub fn send_now(&self, id: u64) {
        if let Some((_, waiting)) = self.take(id) {
            (waiting.send)();
        }
    }

    /// Undoes an action: nothing is sent, and the host is told. False if it was not waiting.
    pub fn undo(&self, id: u64) -> bool {
        let Some((pending, Waiting { status, .. })) = self.take(id) else {
            return false;
        };
        if let Some(status) = status {
            let text = status
                .tr()
                .fmt_now(Text::UndoDone, &[("label", &pending.label)]);
            status.push(true, text);
        }
        true
    }

    /// Undoes the newest action still waiting (Ctrl/Cmd+Z). False if none was.
    pub fn undo_newest(&self) -> bool {
        match self.queue.with_untracked(|q| q.first().map(|p| p.id)) {
            Some(id) => self.undo(id),
            None => false,
        }
    }

    /// Cancels every action still waiting, sending nothing: the labels, oldest first, for
    /// the host to be told what was not done.
    pub fn cancel_all(&self) -> Vec<String> {
        let ids: Vec<u64> = self
            .queue
            .try_with_untracked(|q| q.iter().rev().map(|p| p.id).collect())
            .unwrap_or_default();
        ids.into_iter()
            .filter_map(|id| self.take(id).map(|(p, ..)| p.label))
            .collect()
    }

    /// The actions waiting, newest first (tracked).
    pub fn items(&self) -> Vec<Pending> {
        self.queue.get()
    }

    /// Whether anything is waiting (untracked).
    pub fn has_pending(&self) -> bool {
        self.queue
            .try_with_untracked(|q| !q.is_empty())
            .unwrap_or(false)
    }

    /// Whether the action `id` still waits (tracked).
    pub fn is_pending(&self, id: u64) -> bool {
        self.queue.with(|q| q.iter().any(|p| p.id == id))
    }

    /// The latest action put in the window (tracked), for the bar to say once.
    pub fn announced(&self) -> Option<Pending> {
        self.announced.get()
    }

    /// Runs `make` under the meeting page's owner: a signal or callback made there lives as
    /// long as the page, not as long as the dialog an action was started from.
    pub fn outliving<T>(&self, make: impl FnOnce() -> T) -> T {
        match self.owner.try_get_value().flatten() {
            Some(owner) => owner.with(make),
            None => make(),
        }
    }
}

/// The list of actions a leave cancelled, in the host's language ("断开 张伟，锁定会议").
pub fn cancelled_text(tr: Tr, labels: &[String]) -> String {
    let list = labels.join(tr.now(Text::ListSeparator));
    tr.fmt_now(
        Text::UndoCancelledOnLeave,
        &[("n", &labels.len().to_string()), ("list", &list)],
    )
}

/// What the last leave cancelled, kept by the app above the meeting page so that the join page
/// can say it once the meeting page is gone.
#[derive(Debug, Clone, Copy)]
pub struct CancelledOnLeave(pub RwSignal<Option<String>>);

impl CancelledOnLeave {
    pub fn provide() {
        provide_context(CancelledOnLeave(RwSignal::new(None)));
    }
}
