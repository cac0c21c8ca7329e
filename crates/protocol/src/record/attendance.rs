//! Attendance: one row per person, with each of their sessions. A person is a display name and
//! an address; the same pair arriving again under a new uuid is a rejoin (a second session), not
//! a new person.

use crate::participant::Participant;
use crate::role::Role;
use serde::Serialize;
use std::collections::HashMap;

/// Who a participant is across rejoins: display name and address, trimmed, whitespace collapsed
/// and lowercased (a rejoin from another client may differ in case).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PersonKey {
    pub name: String,
    pub uri: String,
}

impl PersonKey {
    pub fn of(p: &Participant) -> Self {
        fn norm(s: &str) -> String {
            s.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        }
        // A participant without a name or address is known only by its uuid.
        let (name, uri) = (norm(&p.display_name), norm(&p.uri));
        if name.is_empty() && uri.is_empty() {
            PersonKey {
                name: String::new(),
                uri: p.uuid.clone(),
            }
        } else {
            PersonKey { name, uri }
        }
    }
}

/// One stay of one person, from arriving to leaving.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Session {
    pub uuid: String,
    /// Unix seconds.
    pub joined: f64,
    pub left: Option<f64>,
    /// Seconds spent waiting (waiting room, PIN prompt) in closed stretches.
    pub waiting: f64,
    /// Seconds spent outside the meeting proper (waiting, or a dial-out still ringing).
    outside: f64,
    /// Since when it is outside the meeting now, and whether that is waiting.
    #[serde(skip)]
    outside_since: Option<(f64, bool)>,
}

impl Session {
    fn open(uuid: &str, at: f64, p: &Participant) -> Self {
        let mut s = Session {
            uuid: uuid.to_owned(),
            joined: at,
            left: None,
            waiting: 0.0,
            outside: 0.0,
            outside_since: None,
        };
        s.place(at, p);
        s
    }

    /// Notes where the participant is now: in the meeting, waiting, or ringing.
    fn place(&mut self, at: f64, p: &Participant) {
        let now_outside = outside(p);
        match (self.outside_since, now_outside) {
            (None, Some(w)) => self.outside_since = Some((at, w)),
            (Some((since, w)), now) if now != Some(w) => {
                self.close_outside(since, w, at);
                self.outside_since = now.map(|w| (at, w));
            }
            _ => {}
        }
    }

    fn close_outside(&mut self, since: f64, waiting: bool, at: f64) {
        let d = (at - since).max(0.0);
        self.outside += d;
        if waiting {
            self.waiting += d;
        }
    }

    fn close(&mut self, at: f64) {
        let at = at.max(self.joined);
        if let Some((since, w)) = self.outside_since.take() {
            self.close_outside(since, w, at);
        }
        self.left = Some(at);
    }

    /// Seconds in the meeting proper, an open session counted to `now`.
    pub fn in_meeting(&self, now: f64) -> f64 {
        let end = self.left.unwrap_or(now).max(self.joined);
        let open_outside = self
            .outside_since
            .map_or(0.0, |(since, _)| (end - since).max(0.0));
        (end - self.joined - self.outside - open_outside).max(0.0)
    }

    /// Seconds waiting, an open stretch counted to `now`.
    pub fn waiting_to(&self, now: f64) -> f64 {
        let end = self.left.unwrap_or(now);
        self.waiting
            + match self.outside_since {
                Some((since, true)) => (end - since).max(0.0),
                _ => 0.0,
            }
    }
}

/// Outside the meeting proper: `Some(true)` waiting, `Some(false)` ringing, `None` in it.
fn outside(p: &Participant) -> Option<bool> {
    if p.is_waiting() {
        Some(true)
    } else if p.service_type == crate::ServiceType::Connecting {
        Some(false)
    } else {
        None
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Person {
    pub display_name: String,
    pub uri: String,
    /// As last seen.
    pub protocol: String,
    pub role: Role,
    pub sessions: Vec<Session>,
}

impl Person {
    pub fn first_join(&self) -> f64 {
        self.sessions.first().map_or(0.0, |s| s.joined)
    }

    /// When they last left; `None` while still in the meeting.
    pub fn last_leave(&self) -> Option<f64> {
        self.sessions.last().and_then(|s| s.left)
    }

    pub fn present(&self) -> bool {
        self.sessions.last().is_some_and(|s| s.left.is_none())
    }

    /// Seconds in the meeting over all sessions, an open one counted to `now`.
    pub fn total(&self, now: f64) -> f64 {
        self.sessions.iter().map(|s| s.in_meeting(now)).sum()
    }

    pub fn waiting(&self, now: f64) -> f64 {
        self.sessions.iter().map(|s| s.waiting_to(now)).sum()
    }

    /// Came back after leaving: more than one session.
    pub fn reconnected(&self) -> bool {
        self.sessions.len() > 1
    }
}

#[derive(Debug, Clone, Default)]
pub struct Attendance {
    people: Vec<Person>,
    by_key: HashMap<PersonKey, usize>,
    /// The person of each participant present now.
    by_uuid: HashMap<String, usize>,
}

impl Attendance {
    /// A participant arrives at `at`; true if it is a known person coming back.
    pub fn join(&mut self, at: f64, p: &Participant) -> bool {
        if self.by_uuid.contains_key(&p.uuid) {
            self.update(at, p);
            return false;
        }
        let key = PersonKey::of(p);
        let (i, rejoin) = match self.by_key.get(&key) {
            Some(&i) => (i, true),
            None => {
                self.people.push(Person {
                    display_name: p.display_name.clone(),
                    uri: p.uri.clone(),
                    protocol: p.protocol.clone(),
                    role: p.role,
                    sessions: Vec::new(),
                });
                self.by_key.insert(key, self.people.len() - 1);
                (self.people.len() - 1, false)
            }
        };
        let person = &mut self.people[i];
        // The same person twice at once (two devices) is still one person; close nothing.
        person.sessions.push(Session::open(&p.uuid, at, p));
        person.protocol = p.protocol.clone();
        person.role = p.role;
        self.by_uuid.insert(p.uuid.clone(), i);
        rejoin
    }

    pub fn update(&mut self, at: f64, p: &Participant) {
        let Some(&i) = self.by_uuid.get(&p.uuid) else {
            return;
        };
        let person = &mut self.people[i];
        person.protocol = p.protocol.clone();
        person.role = p.role;
        if let Some(s) = person.sessions.iter_mut().rev().find(|s| s.uuid == p.uuid) {
            s.place(at, p);
        }
    }

    pub fn leave(&mut self, at: f64, uuid: &str) {
        let Some(i) = self.by_uuid.remove(uuid) else {
            return;
        };
        if let Some(s) = self.people[i]
            .sessions
            .iter_mut()
            .rev()
            .find(|s| s.uuid == uuid && s.left.is_none())
        {
            s.close(at);
        }
    }

    /// Everyone seen, in order of first arrival.
    pub fn people(&self) -> &[Person] {
        &self.people
    }
}
