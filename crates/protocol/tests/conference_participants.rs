//! The conference state machine's participant list: syncs, creates, updates and deletes, as
//! the document and `docs/api-notes.md` ("Events and sync") describe them.

use huikong_protocol::{Change, Conference, Event, Participant, Role, ServiceType, StageEntry};

fn person(uuid: &str, name: &str) -> Participant {
    let mut p = Participant::new(uuid);
    p.display_name = name.into();
    p
}

fn stage(uuids: &[&str]) -> Event {
    Event::Stage(
        uuids
            .iter()
            .enumerate()
            .map(|(i, u)| StageEntry {
                stage_index: i as u32,
                participant_uuid: (*u).into(),
                vad: 0,
            })
            .collect(),
    )
}

/// A conference after a first sync of these participants.
fn synced(people: &[Participant]) -> Conference {
    let mut c = Conference::new();
    c.apply(&Event::ParticipantSyncBegin);
    for p in people {
        c.apply(&Event::ParticipantCreate(p.clone()));
    }
    assert_eq!(c.apply(&Event::ParticipantSyncEnd), Change::Participants);
    c
}

fn names(c: &Conference) -> Vec<&str> {
    c.participants()
        .values()
        .map(|p| p.display_name.as_str())
        .collect()
}

#[test]
fn sync_builds_the_list_only_at_its_end() {
    let mut c = Conference::new();
    assert_eq!(c.apply(&Event::ParticipantSyncBegin), Change::None);
    assert!(c.is_syncing());
    assert_eq!(
        c.apply(&Event::ParticipantCreate(person("a", "Alice"))),
        Change::None
    );
    assert!(c.participants().is_empty(), "not swapped in before the end");
    assert_eq!(c.apply(&Event::ParticipantSyncEnd), Change::Participants);
    assert!(!c.is_syncing());
    assert_eq!(names(&c), ["Alice"]);
}

#[test]
fn sync_replaces_the_whole_list() {
    let mut c = synced(&[person("a", "Alice"), person("b", "Bob")]);
    c.apply(&Event::ParticipantSyncBegin);
    c.apply(&Event::ParticipantCreate(person("b", "Bob")));
    c.apply(&Event::ParticipantCreate(person("c", "Carol")));
    // Until the end the old list stands.
    assert_eq!(names(&c), ["Alice", "Bob"]);
    c.apply(&Event::ParticipantSyncEnd);
    assert_eq!(names(&c), ["Bob", "Carol"]);
    assert!(
        c.participant("a").is_none(),
        "missing from the new sync: gone"
    );
}

#[test]
fn an_empty_sync_empties_the_list() {
    let mut c = synced(&[person("a", "Alice")]);
    c.apply(&Event::ParticipantSyncBegin);
    assert_eq!(c.apply(&Event::ParticipantSyncEnd), Change::Participants);
    assert!(c.participants().is_empty());
}

#[test]
fn sync_end_without_begin_changes_nothing() {
    let mut c = synced(&[person("a", "Alice")]);
    assert_eq!(c.apply(&Event::ParticipantSyncEnd), Change::None);
    assert_eq!(names(&c), ["Alice"]);
}

#[test]
fn sync_drops_the_departed_from_stage() {
    let mut c = synced(&[person("a", "Alice"), person("b", "Bob")]);
    c.apply(&stage(&["a", "b"]));
    c.apply(&Event::ParticipantSyncBegin);
    c.apply(&Event::ParticipantCreate(person("b", "Bob")));
    c.apply(&Event::ParticipantSyncEnd);
    let on_stage: Vec<_> = c
        .stage
        .iter()
        .map(|s| s.participant_uuid.as_str())
        .collect();
    assert_eq!(on_stage, ["b"]);
}

#[test]
fn events_during_a_sync_reach_the_new_list() {
    let mut c = synced(&[person("a", "Alice")]);
    c.apply(&Event::ParticipantSyncBegin);
    c.apply(&Event::ParticipantCreate(person("a", "Alice")));
    c.apply(&Event::ParticipantCreate(person("b", "Bob")));
    // An update and a delete that arrive mid-sync.
    let mut muted = person("a", "Alice");
    muted.is_muted = true;
    assert_eq!(c.apply(&Event::ParticipantUpdate(muted)), Change::None);
    c.apply(&Event::ParticipantDelete { uuid: "b".into() });
    c.apply(&Event::ParticipantSyncEnd);
    assert_eq!(names(&c), ["Alice"]);
    assert!(c.participant("a").unwrap().is_muted);
    assert!(c.participant("b").is_none());
}

#[test]
fn create_outside_a_sync_adds() {
    let mut c = synced(&[]);
    assert_eq!(
        c.apply(&Event::ParticipantCreate(person("a", "Alice"))),
        Change::Participant("a".into())
    );
    assert_eq!(names(&c), ["Alice"]);
}

#[test]
fn update_of_an_unknown_uuid_adds_it() {
    // The enterprise cloud sends no participant_create.
    let mut c = Conference::new();
    let change = c.apply(&Event::ParticipantUpdate(person("e", "Eve")));
    assert_eq!(change, Change::Participant("e".into()));
    assert_eq!(c.participant("e").unwrap().display_name, "Eve");
}

#[test]
fn update_replaces_the_whole_participant() {
    let mut first = person("a", "Alice");
    first.is_muted = true;
    first.spotlight = 1441721000.0;
    first.role = Role::Host;
    let mut c = synced(&[first]);
    // The update carries the whole participant: fields it gives as default are reset.
    let mut second = person("a", "Alice B.");
    second.service_type = ServiceType::WaitingRoom;
    let change = c.apply(&Event::ParticipantUpdate(second.clone()));
    assert_eq!(change, Change::Participant("a".into()));
    let now = c.participant("a").unwrap();
    assert_eq!(now, &second);
    assert!(!now.is_muted);
    assert!(!now.is_spotlit());
    assert_eq!(now.role, Role::Guest);
    assert_eq!(
        c.waiting().map(|p| p.uuid.as_str()).collect::<Vec<_>>(),
        ["a"]
    );
}

#[test]
fn delete_removes_and_leaves_the_stage() {
    let mut c = synced(&[person("a", "Alice"), person("b", "Bob")]);
    c.apply(&stage(&["a", "b"]));
    assert_eq!(c.vad("a"), Some(0));
    let change = c.apply(&Event::ParticipantDelete { uuid: "a".into() });
    assert_eq!(change, Change::ParticipantRemoved("a".into()));
    assert!(c.participant("a").is_none());
    assert_eq!(c.vad("a"), None);
    assert_eq!(c.stage.len(), 1);
    assert_eq!(c.stage[0].participant_uuid, "b");
}

#[test]
fn delete_of_an_unknown_uuid_changes_nothing() {
    let mut c = synced(&[person("a", "Alice")]);
    assert_eq!(
        c.apply(&Event::ParticipantDelete { uuid: "zz".into() }),
        Change::None
    );
    assert_eq!(names(&c), ["Alice"]);
}

#[test]
fn dial_lifecycle_connecting_then_conference() {
    // dial: the participant appears as connecting and becomes conference when answered.
    let mut c = synced(&[person("host", "Host")]);
    let mut callee = person("d", "bob@example.com");
    callee.service_type = ServiceType::Connecting;
    c.apply(&Event::ParticipantCreate(callee.clone()));
    assert_eq!(
        c.participant("d").unwrap().service_type,
        ServiceType::Connecting
    );
    callee.service_type = ServiceType::Conference;
    c.apply(&Event::ParticipantUpdate(callee));
    assert_eq!(
        c.participant("d").unwrap().service_type,
        ServiceType::Conference
    );
}
