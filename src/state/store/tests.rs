//! A frame's batch leaves the store as the same events applied one by one would, and the roster
//! journal names whom it touched.

use super::{Store, StoreWriter};
use huikong_protocol::{Decoded, Event, Participant, ServiceType, StageEntry};
use leptos::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn person(uuid: &str, name: &str) -> Participant {
    let mut p = Participant::new(uuid);
    p.display_name = name.into();
    p
}

fn decoded(event: Event) -> Decoded {
    Decoded {
        event,
        notes: Vec::new(),
    }
}

/// Everything a view can read of the store: order, rows, waiting, stage, the event log's
/// names, the record's timeline length.
type Seen = (
    Vec<String>,
    Vec<Participant>,
    Vec<String>,
    Vec<StageEntry>,
    Vec<String>,
    usize,
);

fn seen(store: Store) -> Seen {
    let order = store.order().get_untracked();
    let rows = order
        .iter()
        .map(|u| store.row(u).unwrap().p.get_untracked())
        .collect();
    let log = store
        .log()
        .get_untracked()
        .iter()
        .map(|e| e.name.clone())
        .collect();
    let timeline = store
        .record()
        .with_untracked(|r| r.timeline().len())
        .unwrap_or(0);
    (
        order,
        rows,
        store.waiting().get_untracked(),
        store.stage().get_untracked(),
        log,
        timeline,
    )
}

fn script() -> Vec<Event> {
    let mut waiting = person("c", "Carol");
    waiting.service_type = ServiceType::WaitingRoom;
    let mut muted = person("a", "Alice");
    muted.is_muted = true;
    vec![
        Event::ParticipantSyncBegin,
        Event::ParticipantCreate(person("a", "Alice")),
        Event::ParticipantCreate(person("b", "Bob")),
        Event::ParticipantUpdate(person("b", "Bobby")),
        Event::ParticipantUpdate(person("b", "Robert")),
        Event::ParticipantSyncEnd,
        Event::ParticipantUpdate(muted.clone()),
        Event::ParticipantUpdate(person("a", "Alice")),
        Event::ParticipantUpdate(muted),
        Event::ParticipantUpdate(waiting.clone()),
        Event::Stage(vec![StageEntry {
            stage_index: 0,
            participant_uuid: "b".into(),
            vad: 80,
        }]),
        Event::ParticipantUpdate(person("b", "Rob")),
        Event::ParticipantDelete { uuid: "b".into() },
        Event::ParticipantUpdate(person("b", "Rob again")),
        Event::ParticipantUpdate(person("d", "Dan")),
        Event::ParticipantDelete { uuid: "d".into() },
        Event::ParticipantSyncBegin,
        Event::ParticipantCreate(person("a", "Alice")),
        Event::ParticipantCreate(waiting),
        Event::ParticipantSyncEnd,
        Event::ParticipantUpdate(person("e", "Eve")),
        Event::ParticipantUpdate(person("e", "Eve B.")),
    ]
}

#[wasm_bindgen_test]
fn a_batch_leaves_the_store_as_its_events_one_by_one_would() {
    let events = script();
    let one_by_one = StoreWriter::new();
    for ev in &events {
        one_by_one.apply_decoded(&decoded(ev.clone()));
    }
    // The same events in batches of every size, cut anywhere.
    for size in [1, 2, 3, 5, events.len()] {
        let batched = StoreWriter::new();
        for chunk in events.chunks(size) {
            let batch: Vec<Decoded> = chunk.iter().cloned().map(decoded).collect();
            assert_eq!(batched.apply_batch(&batch).len(), batch.len());
        }
        assert_eq!(
            seen(batched.store()),
            seen(one_by_one.store()),
            "batches of {size}"
        );
    }
}

#[wasm_bindgen_test]
fn a_batch_is_one_roster_revision_naming_whom_it_touched() {
    let writer = StoreWriter::new();
    let store = writer.store();
    let batch: Vec<Decoded> = [
        Event::ParticipantSyncBegin,
        Event::ParticipantCreate(person("a", "Alice")),
        Event::ParticipantCreate(person("b", "Bob")),
        Event::ParticipantSyncEnd,
    ]
    .into_iter()
    .map(decoded)
    .collect();
    writer.apply_batch(&batch);
    let synced = store.roster_rev().get_untracked();
    assert_eq!(synced, 1);
    assert_eq!(
        store.roster_touched_since(0),
        None,
        "a sync touches everyone"
    );

    let mut muted = person("a", "Alice");
    muted.is_muted = true;
    let batch: Vec<Decoded> = [
        // A mute is no roster fact: nobody to reposition, no revision.
        Event::ParticipantUpdate(muted),
    ]
    .into_iter()
    .map(decoded)
    .collect();
    writer.apply_batch(&batch);
    assert_eq!(store.roster_rev().get_untracked(), synced);

    let batch: Vec<Decoded> = [
        Event::ParticipantUpdate(person("b", "Bobby")),
        Event::ParticipantUpdate(person("c", "Carol")),
        Event::ParticipantDelete { uuid: "a".into() },
    ]
    .into_iter()
    .map(decoded)
    .collect();
    writer.apply_batch(&batch);
    assert_eq!(store.roster_rev().get_untracked(), synced + 1);
    assert_eq!(
        store.roster_touched_since(synced),
        Some(vec!["b".to_string(), "c".to_string(), "a".to_string()])
    );
    // Newcomers keep arriving after everyone before them.
    let (b, c) = (store.row("b").unwrap(), store.row("c").unwrap());
    assert!(b.arrival < c.arrival);
}
