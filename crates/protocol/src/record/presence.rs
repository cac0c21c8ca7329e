//! Who is present and what changed, read from the events: the part of the record that turns the
//! stream (and its losses and resyncs) into timeline entries, attendance changes and alerts.

use super::alerts::{Alert, AlertKind};
use super::timeline::{CommandRecord, Entry, LeaveReason, Outcome, What};
use super::Departure;
use crate::event::Event;
use crate::participant::Participant;
use std::collections::HashMap;

pub(super) enum Attend {
    Join,
    Update,
    Leave,
}

/// What one input produced, for the record to file.
#[derive(Default)]
pub(super) struct Out {
    pub entries: Vec<Entry>,
    pub alerts: Vec<Alert>,
    pub departures: Vec<Departure>,
    pub arrivals: Vec<Participant>,
    pub attendance: Vec<(f64, Participant, Attend)>,
}

#[derive(Debug, Clone, Default)]
pub(super) struct Presence {
    known: HashMap<String, Participant>,
    /// The list a sync is building, and when it began.
    syncing: Option<(f64, HashMap<String, Participant>)>,
    first_list_seen: bool,
    lost_at: Option<f64>,
    /// Participants this console disconnected successfully, whose delete is still to come.
    removed_by_console: HashMap<String, f64>,
    /// `call_disconnected` reasons for calls that are participants, until their delete.
    call_reasons: HashMap<String, String>,
    presenter: Option<(String, String)>,
    /// The presentation running before a resync, until the stream restates it (or shows it did
    /// not: then it stopped during the loss).
    restating: Option<(f64, (String, String))>,
    locked: Option<bool>,
    guests_muted: Option<bool>,
    started: Option<bool>,
    view: Option<String>,
}

fn entry(at: f64, p: &Participant, what: What) -> Entry {
    Entry {
        seq: 0,
        at,
        uuid: Some(p.uuid.clone()),
        name: p.shown_name().to_owned(),
        what,
    }
}

/// One comparison for both of `Presence::sync_end`'s sorts: each closure would be a type of its
/// own and compile a second copy of the standard library's sort into the console. Uuids are
/// unique, so the unstable sort (a smaller routine than the stable one) gives one order.
fn by_uuid(a: &Participant, b: &Participant) -> std::cmp::Ordering {
    a.uuid.cmp(&b.uuid)
}

fn blank(at: f64, what: What) -> Entry {
    Entry {
        seq: 0,
        at,
        uuid: None,
        name: String::new(),
        what,
    }
}

impl Presence {
    /// The name a present participant is shown by.
    pub fn name_of(&self, uuid: &str) -> Option<String> {
        self.known.get(uuid).map(|p| p.shown_name().to_owned())
    }

    pub fn stream_lost(&mut self, at: f64) -> bool {
        if self.lost_at.is_some() {
            return false;
        }
        self.lost_at = Some(at);
        true
    }

    /// This console is sending a disconnect or a transfer of `uuid`: the platform's delete may
    /// come before the command's answer, and is still this console's doing.
    pub fn removing(&mut self, at: f64, uuid: &str) {
        if self.known.contains_key(uuid) {
            self.removed_by_console.insert(uuid.to_owned(), at);
        }
    }

    pub fn command(&mut self, c: &CommandRecord) {
        if c.outcome != Outcome::Done {
            // A removal that failed is not this console's doing after all.
            if matches!(
                c.command.as_str(),
                "participants/disconnect" | "participants/transfer"
            ) {
                for (uuid, _) in &c.targets {
                    self.removed_by_console.remove(uuid);
                }
            }
            return;
        }
        match c.command.as_str() {
            "participants/disconnect" | "participants/transfer" => {
                for (uuid, _) in &c.targets {
                    if self.known.contains_key(uuid) {
                        self.removed_by_console.insert(uuid.clone(), c.at);
                    }
                }
            }
            // Ending the conference removes everyone.
            "disconnect" => {
                for uuid in self.known.keys() {
                    self.removed_by_console.insert(uuid.clone(), c.at);
                }
            }
            _ => {}
        }
    }

    pub fn apply(&mut self, at: f64, event: &Event, out: &mut Out) {
        let settles_presentation = !matches!(
            event,
            Event::ParticipantSyncEnd
                | Event::ServiceUpdate(_)
                | Event::Layout(_)
                | Event::Stage(_)
                | Event::PresentationStart(_)
                | Event::PresentationFrame
        );
        if settles_presentation && self.syncing.is_none() {
            self.settle_restating(out);
        }
        match event {
            Event::ParticipantSyncBegin => {
                self.syncing = Some((at, HashMap::new()));
                if let Some(p) = self.presenter.take() {
                    self.restating = Some((self.lost_at.unwrap_or(at), p));
                }
            }
            Event::ParticipantSyncEnd => self.sync_end(at, out),
            Event::ParticipantCreate(p) | Event::ParticipantUpdate(p) => match &mut self.syncing {
                Some((_, list)) => {
                    list.insert(p.uuid.clone(), p.clone());
                }
                None => self.arrive_or_change(at, p, at, out),
            },
            Event::ParticipantDelete { uuid } => {
                if let Some((_, list)) = &mut self.syncing {
                    list.remove(uuid);
                }
                if let Some(p) = self.known.remove(uuid) {
                    let reason = if self.removed_by_console.remove(uuid).is_some() {
                        LeaveReason::RemovedByConsole
                    } else if let Some(r) = self.call_reasons.remove(uuid) {
                        LeaveReason::CallDisconnected(r)
                    } else {
                        LeaveReason::Left
                    };
                    self.call_reasons.remove(uuid);
                    self.depart(at, p, reason, out);
                }
            }
            Event::ServiceUpdate(u) => {
                if let Some(v) = u.locked {
                    if self.locked.replace(v).is_some_and(|old| old != v) {
                        out.entries.push(blank(at, What::Locked { locked: v }));
                    }
                }
                if let Some(v) = u.guests_muted {
                    if self.guests_muted.replace(v).is_some_and(|old| old != v) {
                        out.entries.push(blank(at, What::GuestsMuted { muted: v }));
                    }
                }
                if let Some(v) = u.started {
                    if v && self.started.replace(v) == Some(false) {
                        out.entries.push(blank(at, What::Started));
                    }
                    self.started = Some(v);
                }
            }
            Event::Layout(l) => {
                if self
                    .view
                    .replace(l.view.clone())
                    .is_some_and(|old| old != l.view)
                {
                    out.entries.push(blank(
                        at,
                        What::LayoutChanged {
                            view: l.view.clone(),
                        },
                    ));
                }
            }
            Event::PresentationStart(p) if p.is_revocation() => self.stop(at, true, out),
            Event::PresentationRevoked => self.stop(at, true, out),
            Event::PresentationStart(p) => {
                let who = (p.presenter_name.clone(), p.presenter_uri.clone());
                if self.restating.as_ref().is_some_and(|(_, r)| *r == who) {
                    // The stream restating the presentation that ran before it was lost.
                    self.restating = None;
                    self.presenter = Some(who);
                    return;
                }
                self.settle_restating(out);
                if self.presenter.as_ref() == Some(&who) {
                    return;
                }
                self.presenter = Some(who);
                let name = if p.presenter_name.trim().is_empty() {
                    p.presenter_uri.clone()
                } else {
                    p.presenter_name.clone()
                };
                let uuid = self
                    .known
                    .values()
                    .find(|k| k.display_name == p.presenter_name && k.uri == p.presenter_uri)
                    .map(|k| k.uuid.clone());
                out.entries.push(Entry {
                    seq: 0,
                    at,
                    uuid,
                    name: name.clone(),
                    what: What::PresentationStarted {
                        presenter: name.clone(),
                    },
                });
                out.alerts.push(Alert {
                    kind: AlertKind::Presenting,
                    at,
                    subject: name,
                    detail: String::new(),
                    venue: None,
                });
            }
            Event::PresentationStop => self.stop(at, false, out),
            Event::CallDisconnected { call_uuid, reason } => {
                let (uuid, name) = match self.known.get(call_uuid) {
                    Some(p) => {
                        self.call_reasons.insert(call_uuid.clone(), reason.clone());
                        (Some(p.uuid.clone()), p.shown_name().to_owned())
                    }
                    None => (None, String::new()),
                };
                out.entries.push(Entry {
                    seq: 0,
                    at,
                    uuid,
                    name,
                    what: What::CallEnded {
                        call_uuid: call_uuid.clone(),
                        reason: reason.clone(),
                    },
                });
            }
            Event::Disconnect { reason } => out.entries.push(blank(
                at,
                What::Ended {
                    reason: reason.clone(),
                },
            )),
            Event::PresentationFrame
            | Event::Message(_)
            | Event::Stage(_)
            | Event::Unknown { .. } => {}
        }
    }

    fn stop(&mut self, at: f64, revoked: bool, out: &mut Out) {
        self.restating = None;
        if self.presenter.take().is_some() {
            out.entries
                .push(blank(at, What::PresentationStopped { revoked }));
        }
    }

    /// The stream did not restate the presentation that ran before it was lost: it stopped
    /// while the console could not see it.
    fn settle_restating(&mut self, out: &mut Out) {
        if let Some((lost, _)) = self.restating.take() {
            out.entries
                .push(blank(lost, What::PresentationStopped { revoked: false }));
        }
    }

    /// A participant seen outside a sync (`joined_at`: when it arrived, if it is new).
    fn arrive_or_change(&mut self, at: f64, p: &Participant, joined_at: f64, out: &mut Out) {
        match self.known.insert(p.uuid.clone(), p.clone()) {
            Some(old) => self.changed(at, &old, p, out),
            None => self.arrive(at, joined_at, p, false, out),
        }
    }

    /// A participant seen for the first time at `at`; in the meeting since `joined_at` (earlier
    /// for one already there, or one that came while the stream was down). The timeline says
    /// when the console saw it, so it stays in the order things were seen.
    fn arrive(&mut self, at: f64, joined_at: f64, p: &Participant, present: bool, out: &mut Out) {
        out.entries.push(entry(
            at,
            p,
            What::Joined {
                present,
                rejoin: false,
            },
        ));
        if p.is_waiting() {
            self.waiting_alert(at, p, out);
        }
        out.arrivals.push(p.clone());
        out.attendance.push((joined_at, p.clone(), Attend::Join));
    }

    fn changed(&mut self, at: f64, old: &Participant, p: &Participant, out: &mut Out) {
        if old.role != p.role {
            out.entries
                .push(entry(at, p, What::RoleChanged { role: p.role }));
        }
        match (old.is_waiting(), p.is_waiting()) {
            (false, true) => self.waiting_alert(at, p, out),
            (true, false) => out.entries.push(entry(at, p, What::Admitted)),
            _ => {}
        }
        out.attendance.push((at, p.clone(), Attend::Update));
    }

    fn waiting_alert(&mut self, at: f64, p: &Participant, out: &mut Out) {
        out.entries.push(entry(at, p, What::EnteredWaitingRoom));
        out.alerts.push(Alert {
            kind: AlertKind::WaitingRoom,
            at,
            subject: p.shown_name().to_owned(),
            detail: String::new(),
            venue: None,
        });
    }

    fn depart(&mut self, at: f64, p: Participant, reason: LeaveReason, out: &mut Out) {
        out.entries.push(entry(
            at,
            &p,
            What::Left {
                reason: reason.clone(),
            },
        ));
        out.attendance.push((at, p.clone(), Attend::Leave));
        out.departures.push(Departure {
            participant: p,
            at,
            reason,
        });
    }

    /// The sync's list replaces what was known: compared with it, so only real differences
    /// become joins, leaves and changes.
    fn sync_end(&mut self, at: f64, out: &mut Out) {
        let Some((began, list)) = self.syncing.take() else {
            return;
        };
        let first = !self.first_list_seen;
        self.first_list_seen = true;
        let lost = self.lost_at.take().unwrap_or(began);
        let mut old = std::mem::take(&mut self.known);
        let (mut joined, mut left) = (0, 0);
        let mut gone: Vec<Participant> = Vec::new();
        for (uuid, p) in old.drain() {
            if !list.contains_key(&uuid) {
                gone.push(p);
            } else {
                self.known.insert(uuid, p);
            }
        }
        // Departures in a stable order (the map's is arbitrary).
        gone.sort_unstable_by(by_uuid);
        for p in gone {
            left += 1;
            self.removed_by_console.remove(&p.uuid);
            self.call_reasons.remove(&p.uuid);
            self.depart(lost, p, LeaveReason::DuringStreamLoss, out);
        }
        let mut list: Vec<Participant> = list.into_values().collect();
        list.sort_unstable_by(by_uuid);
        for p in list {
            if first {
                // Already there when the console joined: since when, the platform says.
                let since = if p.start_time > 0.0 && p.start_time <= at {
                    p.start_time
                } else {
                    at
                };
                self.known.insert(p.uuid.clone(), p.clone());
                self.arrive(at, since, &p, true, out);
            } else {
                if !self.known.contains_key(&p.uuid) {
                    joined += 1;
                }
                // Arrived while the stream was down: when, the platform says, if it can.
                let since = if p.start_time >= lost && p.start_time <= at {
                    p.start_time
                } else {
                    at
                };
                self.arrive_or_change(at, &p, since, out);
            }
        }
        if !first {
            out.entries.push(blank(
                at,
                What::Resynced {
                    joined,
                    left,
                    gap: (at - lost).max(0.0),
                },
            ));
        }
    }
}
