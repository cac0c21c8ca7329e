//! Helpers shared by the record tests: participants and the events a meeting sends.

#![allow(dead_code)]

use huikong_protocol::record::Record;
use huikong_protocol::{Event, Participant, ServiceType};

/// 2026-12-01T10:00:00Z, a round time to read failures by.
pub const T0: f64 = 1_796_119_200.0;

pub fn person(uuid: &str, name: &str, uri: &str) -> Participant {
    let mut p = Participant::new(uuid);
    p.display_name = name.into();
    p.uri = uri.into();
    p
}

pub fn waiting(uuid: &str, name: &str) -> Participant {
    let mut p = person(uuid, name, &format!("sip:{uuid}@example.com"));
    p.service_type = ServiceType::WaitingRoom;
    p
}

pub fn create(p: &Participant) -> Event {
    Event::ParticipantCreate(p.clone())
}

pub fn delete(uuid: &str) -> Event {
    Event::ParticipantDelete { uuid: uuid.into() }
}

/// Feeds a full sync of these participants at `at`.
pub fn sync(r: &mut Record, at: f64, people: &[Participant]) {
    r.event(at, &Event::ParticipantSyncBegin);
    for p in people {
        r.event(at, &Event::ParticipantCreate(p.clone()));
    }
    r.event(at, &Event::ParticipantSyncEnd);
}

/// A record that joined at T0 to find these participants.
pub fn joined(people: &[Participant]) -> Record {
    let mut r = Record::new();
    sync(&mut r, T0, people);
    r
}
