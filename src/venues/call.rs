//! Calling venues: each through the command service's `dial`, at most
//! [`huikong_core::venues::calling::IN_FLIGHT`] ringing at once, each call followed until it is
//! answered, refused or not answered. A run can be stopped: what was not called yet is counted,
//! never called. A venue called from its row while a run goes joins that run's queue.

use super::Venues;
use crate::command::act::Act;
use crate::command::service::{Commands, Reply};
use crate::i18n::{Text, Tr};
use huikong_core::command::Action;
use huikong_core::venues::calling::IN_FLIGHT;
use huikong_core::venues::status::{Status, Why};
use huikong_core::venues::Venue;
use huikong_core::venues::VenueText;
use huikong_protocol::record::VenueEvent;
use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

/// What became of one venue's call: the meeting record's word for it.
pub use huikong_protocol::record::CallResult as Outcome;

/// A call's result in the host's language.
pub fn outcome_text(tr: Tr, o: &Outcome) -> String {
    match o {
        Outcome::Answered => tr.t(VenueText::VenueResultAnswered).to_owned(),
        Outcome::Refused => tr.t(VenueText::VenueResultRefused).to_owned(),
        Outcome::NoAnswer => tr.t(VenueText::VenueResultNoAnswer).to_owned(),
        Outcome::Failed(r) => tr.fmt(VenueText::VenueResultFailed, &[("reason", r)]),
        Outcome::NotSent => tr.t(VenueText::VenueResultNotSent).to_owned(),
    }
}

/// One venue's line of a run.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub key: String,
    pub name: String,
    /// `None` while waiting or ringing.
    pub outcome: Option<Outcome>,
}

/// Where a run stands.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Tally {
    pub lines: Vec<Line>,
    pub finished: bool,
    pub stopped: bool,
}

impl Tally {
    pub fn done(&self) -> usize {
        self.lines.iter().filter(|l| l.outcome.is_some()).count()
    }
    pub fn answered(&self) -> usize {
        self.count(|o| o.ok())
    }
    pub fn failed(&self) -> usize {
        self.count(|o| !o.ok() && *o != Outcome::NotSent)
    }
    pub fn not_sent(&self) -> usize {
        self.count(|o| *o == Outcome::NotSent)
    }
    fn count(&self, f: impl Fn(&Outcome) -> bool) -> usize {
        self.lines
            .iter()
            .filter(|l| l.outcome.as_ref().is_some_and(&f))
            .count()
    }
    fn settle(&mut self, key: &str, outcome: Outcome) {
        if let Some(l) = self
            .lines
            .iter_mut()
            .find(|l| l.key == key && l.outcome.is_none())
        {
            l.outcome = Some(outcome);
        }
    }
}

/// The calls of the venue list: the current (or last) run, shown until dismissed.
#[derive(Debug, Clone, Copy)]
pub struct CallRun {
    pub tally: RwSignal<Option<Tally>>,
    queue: StoredValue<Rc<RefCell<VecDeque<Venue>>>, LocalStorage>,
    workers: StoredValue<usize>,
    stopped: StoredValue<bool>,
}

impl CallRun {
    pub fn new() -> CallRun {
        CallRun {
            tally: RwSignal::new(None),
            queue: StoredValue::new_local(Rc::default()),
            workers: StoredValue::new(0),
            stopped: StoredValue::new(false),
        }
    }

    /// Whether a run is calling now (tracked).
    pub fn running(&self) -> bool {
        self.tally.with(|t| t.as_ref().is_some_and(|t| !t.finished))
    }

    pub fn running_now(&self) -> bool {
        self.tally
            .with_untracked(|t| t.as_ref().is_some_and(|t| !t.finished))
    }

    /// Stops calling: calls ringing go on ringing; the rest is not called.
    pub fn stop(&self) {
        self.stopped.set_value(true);
    }

    pub fn dismiss(&self) {
        if !self.running_now() {
            self.tally.set(None);
        }
    }

    /// Calls `targets` (added to the run going, if one is).
    pub fn call(&self, venues: Venues, cmds: &Commands, targets: Vec<Venue>) {
        let at = cmds.at_page();
        let label = cmds.tr().now(VenueText::VenueCallAbsent);
        if !cmds.offered(Action::Dial) {
            let t = cmds.tr().fmt_now(Text::NotOfferedX, &[("label", label)]);
            return at.status.push(false, t);
        }
        if cmds.blocked(Action::Dial).is_some() {
            let t = cmds.tr().fmt_now(Text::HostOnlyX, &[("label", label)]);
            return at.status.push(false, t);
        }
        let fresh = !self.running_now();
        if fresh {
            self.stopped.set_value(false);
            self.tally.set(Some(Tally::default()));
        }
        let lines: Vec<Line> = targets
            .iter()
            .map(|v| Line {
                key: v.key(),
                name: v.name.clone(),
                outcome: None,
            })
            .collect();
        self.tally.update(|t| {
            if let Some(t) = t {
                t.lines.extend(lines);
            }
        });
        let queue = self.queue.get_value();
        queue.borrow_mut().extend(targets);
        let more = IN_FLIGHT
            .saturating_sub(self.workers.get_value())
            .min(queue.borrow().len());
        for _ in 0..more {
            self.workers.update_value(|n| *n += 1);
            self.worker(venues, cmds.clone(), queue.clone());
        }
    }

    fn worker(&self, venues: Venues, cmds: Commands, queue: Rc<RefCell<VecDeque<Venue>>>) {
        let this = *self;
        leptos::task::spawn_local(async move {
            loop {
                if this.stopped.try_get_value() != Some(false) {
                    break;
                }
                let Some(venue) = queue.borrow_mut().pop_front() else {
                    break;
                };
                let outcome = call_one(venues, &cmds, &venue).await;
                let uuid = venues.uuid_of(&venue.key());
                let call = VenueEvent::Called {
                    call: outcome.clone(),
                };
                cmds.record_venue(&venue.name, uuid, call);
                this.tally.try_update(|t| {
                    if let Some(t) = t {
                        t.settle(&venue.key(), outcome);
                    }
                });
            }
            this.workers.try_update_value(|n| *n -= 1);
            if this.workers.try_get_value() != Some(0) {
                return;
            }
            let unsent: Vec<Venue> = queue.borrow_mut().drain(..).collect();
            this.tally.try_update(|t| {
                if let Some(t) = t {
                    for v in &unsent {
                        t.settle(&v.key(), Outcome::NotSent);
                    }
                    t.stopped = this.stopped.try_get_value() == Some(true);
                    t.finished = true;
                }
            });
        });
    }
}

impl Default for CallRun {
    fn default() -> Self {
        CallRun::new()
    }
}

/// Dials one venue and follows its call until it is settled (the platform drops an unanswered
/// call after 30 seconds; this gives up following after 45).
async fn call_one(venues: Venues, cmds: &Commands, venue: &Venue) -> Outcome {
    let key = venue.key();
    let sending = cmds.sending(&Act::Dial(venue.dial_request()));
    match sending.await {
        Ok(Reply::Dialled(uuids)) => {
            if let Some(u) = uuids.first() {
                venues.dialled(&key, u);
            }
        }
        Ok(_) => {}
        Err(e) => {
            let reason = e.message(cmds.tr());
            venues.dial_refused(&key, reason.clone());
            return Outcome::Failed(reason);
        }
    }
    for _ in 0..(45 * 4) {
        gloo_timers::future::TimeoutFuture::new(250).await;
        match venues.status_of(&key) {
            Some(Status::Online { .. }) => return Outcome::Answered,
            Some(Status::Failed { why, .. }) => {
                return match why {
                    Why::Refused => Outcome::Refused,
                    Why::NoAnswer => Outcome::NoAnswer,
                    Why::Platform(r) => Outcome::Failed(r),
                }
            }
            None => return Outcome::NotSent,
            _ => {}
        }
    }
    Outcome::NoAnswer
}
