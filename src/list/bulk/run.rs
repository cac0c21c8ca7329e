//! The bulk runner: one platform command per participant, at most [`IN_FLIGHT`] at a time, its
//! progress and each participant's outcome kept as a [`Tally`]. A failure is kept with the
//! participant's name and the platform's reason; nobody counts as done whose command failed.
//! It can be stopped: what was not sent yet is then counted, never sent.

use crate::i18n::Tr;
use crate::state::status::Failure;
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

/// Commands in flight at once: enough to finish a meeting's worth quickly, few enough that
/// the platform (and the browser's six connections per host) are not flooded.
pub const IN_FLIGHT: usize = 8;

/// One participant a bulk action is for, named as the list showed them when it started.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    pub uuid: String,
    pub name: String,
}

/// A participant whose command failed, with the platform's reason in the host's language.
#[derive(Debug, Clone, PartialEq)]
pub struct Failed {
    pub target: Target,
    pub reason: String,
}

/// Where a bulk action stands. Pure, so it is tested without a browser.
#[derive(Debug, Clone, PartialEq)]
pub struct Tally {
    /// What runs ("静音 40 位参会者"), in the language of the page when it started.
    pub label: String,
    pub total: usize,
    pub done: usize,
    pub failed: Vec<Failed>,
    /// Gone from the meeting before their command was sent: nothing was sent for them.
    pub left: usize,
    /// Not sent because the host stopped the run.
    pub not_sent: usize,
    pub finished: bool,
}

impl Tally {
    pub fn new(label: String, total: usize) -> Tally {
        Tally {
            label,
            total,
            done: 0,
            failed: Vec::new(),
            left: 0,
            not_sent: 0,
            finished: false,
        }
    }

    /// How many have an outcome: done, failed, or gone before it was sent.
    pub fn settled(&self) -> usize {
        self.done + self.failed.len() + self.left
    }

    pub fn record<E>(
        &mut self,
        target: Target,
        outcome: Result<(), E>,
        reason: impl Fn(E) -> String,
    ) {
        match outcome {
            Ok(()) => self.done += 1,
            Err(e) => self.failed.push(Failed {
                target,
                reason: reason(e),
            }),
        }
    }

    /// The run is over; `unsent` were still queued when it stopped.
    pub fn finish(&mut self, unsent: usize) {
        self.not_sent = unsent;
        self.finished = true;
    }

    pub fn ok(&self) -> bool {
        self.failed.is_empty() && self.not_sent == 0
    }
}

/// Sends one participant's command.
pub type SendOne<E> = Rc<dyn Fn(String) -> Pin<Box<dyn Future<Output = Result<(), E>>>>>;

/// A bulk action to run.
pub struct Job<E> {
    pub label: String,
    pub targets: Vec<Target>,
    pub send: SendOne<E>,
    /// Whether a participant is still in the meeting when their turn comes.
    pub present: Rc<dyn Fn(&str) -> bool>,
    /// The page's translator, for the reasons.
    pub tr: Tr,
    /// Runs once, with the final tally.
    pub on_end: Box<dyn FnOnce(&Tally)>,
}

/// The participant list's bulk runs: the current (or last) one's tally, shown until dismissed.
#[derive(Debug, Clone, Copy)]
pub struct BulkRun {
    pub tally: RwSignal<Option<Tally>>,
    /// Numbers each run, so that a dismissed or replaced run's stragglers write nothing.
    run: StoredValue<u64>,
    stopped: StoredValue<bool>,
}

impl BulkRun {
    pub fn new() -> BulkRun {
        BulkRun {
            tally: RwSignal::new(None),
            run: StoredValue::new(0),
            stopped: StoredValue::new(false),
        }
    }

    /// Whether a run is sending now (tracked).
    pub fn running(&self) -> bool {
        self.tally.with(|t| t.as_ref().is_some_and(|t| !t.finished))
    }

    /// Whether a run is sending now, without subscribing (in a click's handler).
    pub fn running_now(&self) -> bool {
        self.tally
            .with_untracked(|t| t.as_ref().is_some_and(|t| !t.finished))
    }

    /// Stops sending: what is in flight ends, the rest is not sent.
    pub fn stop(&self) {
        self.stopped.set_value(true);
    }

    /// Takes the last run's result away; a run still sending goes on, unseen.
    pub fn dismiss(&self) {
        if !self.running_now() {
            self.tally.set(None);
        }
    }

    pub fn start<E: Failure + 'static>(&self, job: Job<E>) {
        let Some(id) = self.run.try_update_value(|n| {
            *n += 1;
            *n
        }) else {
            return;
        };
        self.stopped.set_value(false);
        self.tally
            .set(Some(Tally::new(job.label, job.targets.len())));
        let queue = Rc::new(RefCell::new(VecDeque::from(job.targets)));
        let workers = IN_FLIGHT.min(queue.borrow().len()).max(1);
        let alive = Rc::new(Cell::new(workers));
        let on_end = Rc::new(RefCell::new(Some(job.on_end)));
        let this = *self;
        for _ in 0..workers {
            let (queue, alive, on_end) = (queue.clone(), alive.clone(), on_end.clone());
            let (send, present, tr) = (job.send.clone(), job.present.clone(), job.tr);
            leptos::task::spawn_local(async move {
                loop {
                    if this.stopped.try_get_value() != Some(false)
                        || this.run.try_get_value() != Some(id)
                    {
                        break;
                    }
                    let Some(target) = queue.borrow_mut().pop_front() else {
                        break;
                    };
                    if !present(&target.uuid) {
                        this.tally.try_update(|t| {
                            if let Some(t) = t {
                                t.left += 1;
                            }
                        });
                        continue;
                    }
                    let outcome = send(target.uuid.clone()).await;
                    if this.run.try_get_value() != Some(id) {
                        break;
                    }
                    this.tally.try_update(|t| {
                        if let Some(t) = t {
                            t.record(target, outcome, |e| e.message(tr));
                        }
                    });
                }
                alive.set(alive.get() - 1);
                if alive.get() > 0 || this.run.try_get_value() != Some(id) {
                    return;
                }
                let unsent = queue.borrow().len();
                let finished = this.tally.try_update(|t| {
                    t.as_mut().map(|t| {
                        t.finish(unsent);
                        t.clone()
                    })
                });
                if let (Some(Some(tally)), Some(end)) = (finished, on_end.borrow_mut().take()) {
                    end(&tally);
                }
            });
        }
    }
}

impl Default for BulkRun {
    fn default() -> Self {
        BulkRun::new()
    }
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use super::*;
    use wasm_bindgen_test::*;

    fn who(n: &str) -> Target {
        Target {
            uuid: format!("u-{n}"),
            name: n.to_owned(),
        }
    }

    #[wasm_bindgen_test]
    fn a_failure_is_kept_with_its_name_and_reason_and_never_counted_done() {
        let mut t = Tally::new("静音 3 位参会者".into(), 3);
        t.record(who("张伟"), Ok::<(), &str>(()), str::to_owned);
        t.record(who("王芳"), Err("Service unavailable"), str::to_owned);
        t.left += 1;
        assert_eq!(t.settled(), 3);
        assert_eq!(t.done, 1);
        assert_eq!(
            t.failed,
            vec![Failed {
                target: who("王芳"),
                reason: "Service unavailable".into()
            }]
        );
        t.finish(0);
        assert!(t.finished && !t.ok());
    }

    #[wasm_bindgen_test]
    fn a_stopped_run_counts_what_it_did_not_send() {
        let mut t = Tally::new("mute".into(), 10);
        for i in 0..4 {
            t.record(who(&i.to_string()), Ok::<(), ()>(()), |()| String::new());
        }
        t.finish(6);
        assert_eq!((t.done, t.not_sent, t.settled()), (4, 6, 4));
        assert!(!t.ok());
        let mut clean = Tally::new("mute".into(), 1);
        clean.record(who("a"), Ok::<(), ()>(()), |()| String::new());
        clean.finish(0);
        assert!(clean.ok());
    }
}
