//! The meeting record: a timeline of what this console did and what the platform said happened,
//! the attendance it adds up to, who left recently, and the alerts an operator must not miss.
//!
//! Pure like [`crate::Conference`]: fed the same events (in arrival order, with the time they
//! arrived), the commands the console sent with their outcome, and the moments the stream was
//! lost; time is always passed in (unix seconds). A resync is compared with what was known, so
//! a stream drop invents no leaves and joins: those present before and after stay one session,
//! those missing left "during the stream loss" at the time of the loss, new ones joined.

pub mod alerts;
pub mod attendance;
pub mod export;
mod presence;
pub mod timeline;
pub mod venue;

pub use alerts::{Alert, AlertKind, Alerts};
pub use attendance::{Attendance, Person, PersonKey, Session};
pub use export::{file_name, CsvWords, ExportMeta};
pub use timeline::{
    CommandRecord, Entry, Filter, Kind, LeaveReason, Outcome, Summary, Timeline, What,
};
pub use venue::{CallResult, RotationStop, VenueEvent};

use crate::event::Event;
use crate::participant::Participant;
use std::collections::{HashSet, VecDeque};

/// How long a participant who left stays in the "recently left" list: 30 minutes.
pub const RECENTLY_LEFT_SECS: f64 = 30.0 * 60.0;

/// Someone who left, as they were when they left.
#[derive(Debug, Clone, PartialEq)]
pub struct Departure {
    pub participant: Participant,
    /// Unix seconds.
    pub at: f64,
    pub reason: LeaveReason,
}

impl Departure {
    /// The address and protocol to dial them back with, if they have an address.
    pub fn dial_back(&self) -> Option<(&str, &str)> {
        let uri = self.participant.uri.trim();
        (!uri.is_empty()).then_some((uri, self.participant.protocol.as_str()))
    }
}

#[derive(Debug, Clone, Default)]
pub struct Record {
    timeline: Timeline,
    attendance: Attendance,
    recently_left: VecDeque<Departure>,
    alerts: Alerts,
    presence: presence::Presence,
    /// The first full list's time: the console's own join, from which the record covers.
    began: Option<f64>,
    ended: Option<f64>,
}

impl Record {
    pub fn new() -> Self {
        Self::default()
    }

    /// A record whose timeline keeps at most `limit` entries, folding the oldest `fold`.
    pub fn with_timeline_limits(limit: usize, fold: usize) -> Self {
        Record {
            timeline: Timeline::with_limits(limit, fold),
            ..Self::default()
        }
    }

    /// One event as it arrived at `at`; returns the alerts it raised.
    pub fn event(&mut self, at: f64, event: &Event) -> Vec<Alert> {
        let mut out = presence::Out::default();
        self.presence.apply(at, event, &mut out);
        if matches!(event, Event::ParticipantSyncEnd) && self.began.is_none() {
            self.began = Some(at);
        }
        if let Event::Disconnect { .. } = event {
            self.ended = Some(at);
        }
        self.take(out)
    }

    /// This console is about to disconnect or transfer `uuid`: a leave before the command's
    /// answer is still "removed by this console".
    pub fn removing(&mut self, at: f64, uuid: &str) {
        self.presence.removing(at, uuid);
    }

    /// A command this console sent, once its outcome is known. A target given without a name
    /// gets the one it has in the meeting.
    pub fn command(&mut self, mut command: CommandRecord) -> Vec<Alert> {
        let mut out = presence::Out::default();
        for (uuid, name) in &mut command.targets {
            if name.is_empty() {
                if let Some(shown) = self.presence.name_of(uuid) {
                    *name = shown;
                }
            }
        }
        self.presence.command(&command);
        if let Outcome::Failed(reason) = &command.outcome {
            out.alerts.push(Alert {
                kind: AlertKind::CommandFailed,
                at: command.at,
                subject: command.command.clone(),
                detail: reason.clone(),
                venue: None,
            });
        }
        let (at, name, uuid) = match command.targets.as_slice() {
            [(uuid, name)] => (command.at, name.clone(), Some(uuid.clone())),
            _ => (command.at, String::new(), None),
        };
        out.entries.push(Entry {
            seq: 0,
            at,
            uuid,
            name,
            what: What::Command(command),
        });
        self.take(out)
    }

    /// Something happened at `at` to the venue `name` of the console's list (its participant
    /// `uuid`, when it has one); a drop, a redial and a give-up raise an alert.
    pub fn venue(
        &mut self,
        at: f64,
        name: &str,
        uuid: Option<String>,
        event: VenueEvent,
    ) -> Vec<Alert> {
        let mut out = presence::Out::default();
        if event.alerts() {
            out.alerts.push(Alert {
                kind: AlertKind::Venue,
                at,
                subject: name.to_owned(),
                detail: event.code().to_owned(),
                venue: Some(event.clone()),
            });
        }
        out.entries.push(Entry {
            seq: 0,
            at,
            uuid,
            name: name.to_owned(),
            what: What::Venue(event),
        });
        self.take(out)
    }

    /// The event stream was lost at `at` (the resync that follows is compared with what was
    /// known).
    pub fn stream_lost(&mut self, at: f64) -> Vec<Alert> {
        let mut out = presence::Out::default();
        if self.presence.stream_lost(at) {
            out.entries.push(Entry {
                seq: 0,
                at,
                uuid: None,
                name: String::new(),
                what: What::StreamLost,
            });
            out.alerts.push(Alert {
                kind: AlertKind::StreamLost,
                at,
                subject: String::new(),
                detail: String::new(),
                venue: None,
            });
        }
        self.take(out)
    }

    fn take(&mut self, mut out: presence::Out) -> Vec<Alert> {
        let mut rejoined = HashSet::new();
        for (at, p, how) in &out.attendance {
            match how {
                presence::Attend::Join => {
                    if self.attendance.join(*at, p) {
                        rejoined.insert(p.uuid.as_str());
                    }
                }
                presence::Attend::Update => self.attendance.update(*at, p),
                presence::Attend::Leave => self.attendance.leave(*at, &p.uuid),
            }
        }
        for mut e in out.entries.drain(..) {
            if let What::Joined { rejoin, .. } = &mut e.what {
                *rejoin = e.uuid.as_deref().is_some_and(|u| rejoined.contains(u));
            }
            self.timeline.push(e);
        }
        for d in out.departures {
            let cutoff = d.at - RECENTLY_LEFT_SECS;
            while self.recently_left.front().is_some_and(|f| f.at < cutoff) {
                self.recently_left.pop_front();
            }
            self.recently_left.push_back(d);
        }
        if !out.arrivals.is_empty() && !self.recently_left.is_empty() {
            // Back again: no longer "recently left".
            let back: HashSet<PersonKey> = out.arrivals.iter().map(PersonKey::of).collect();
            self.recently_left
                .retain(|d| !back.contains(&PersonKey::of(&d.participant)));
        }
        for a in &out.alerts {
            self.alerts.raise(a.clone());
        }
        out.alerts
    }

    pub fn timeline(&self) -> &Timeline {
        &self.timeline
    }

    /// Everyone seen since the console joined, in order of first arrival.
    pub fn attendance(&self) -> &[Person] {
        self.attendance.people()
    }

    /// Those who left in the 30 minutes before `now`, most recent first.
    pub fn recently_left(&self, now: f64) -> impl Iterator<Item = &Departure> {
        self.recently_left
            .iter()
            .rev()
            .take_while(move |d| d.at >= now - RECENTLY_LEFT_SECS)
    }

    pub fn alerts(&self) -> &Alerts {
        &self.alerts
    }

    /// The operator looked: the unseen count goes back to zero.
    pub fn alerts_seen(&mut self) {
        self.alerts.seen()
    }

    /// When the console joined (its first full list), from which the record covers.
    pub fn began(&self) -> Option<f64> {
        self.began
    }

    /// The clock for durations: `now`, or when the platform ended this console's session
    /// (nothing was seen after it).
    pub fn clock(&self, now: f64) -> f64 {
        self.ended.map_or(now, |e| e.min(now))
    }

    /// The attendance as CSV (see [`export::to_csv`]).
    pub fn to_csv(&self, words: &CsvWords, now: f64) -> String {
        export::to_csv(self.attendance(), words, self.clock(now))
    }

    /// The attendance as JSON (see [`export::to_json`]).
    pub fn to_json(&self, meta: &ExportMeta, now: f64) -> String {
        export::to_json(self.attendance(), meta, self.clock(now))
    }
}
