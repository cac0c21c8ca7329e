//! The store follows the state machine row by row, keeps the chat bounded and says how the
//! event log read an odd event; a frame's batch leaves it as the same events applied one by one
//! would, and the roster journal names whom it touched.

use super::{Store, StoreWriter};
use huikong_protocol::{
    ChatMessage, Decoded, Event, Participant, ServiceType, StageEntry, CHAT_HISTORY_LIMIT,
};
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

#[wasm_bindgen_test]
fn the_store_follows_the_state_machine_row_by_row() {
    let writer = StoreWriter::new();
    let store = writer.store();
    writer.apply(&Event::ParticipantSyncBegin);
    writer.apply(&Event::ParticipantCreate(person("a", "Alice")));
    writer.apply(&Event::ParticipantCreate(person("b", "Bob")));
    assert!(
        store.row("a").is_none(),
        "a sync is applied only at its end"
    );
    writer.apply(&Event::ParticipantSyncEnd);
    assert_eq!(store.order().get_untracked(), vec!["a", "b"]);
    let alice = store.row("a").unwrap();

    let mut waiting = person("c", "Carol");
    waiting.service_type = ServiceType::WaitingRoom;
    writer.apply(&Event::ParticipantUpdate(waiting.clone()));
    assert_eq!(store.waiting().get_untracked(), vec!["c"]);
    waiting.service_type = ServiceType::Conference;
    writer.apply(&Event::ParticipantUpdate(waiting));
    assert!(store.waiting().get_untracked().is_empty());

    writer.apply(&Event::Stage(vec![StageEntry {
        stage_index: 0,
        participant_uuid: "b".into(),
        vad: 100,
    }]));
    assert_eq!(store.row("b").unwrap().vad.get_untracked(), Some(100));
    assert_eq!(alice.vad.get_untracked(), None);

    // A resync keeps the rows of those who stay and drops those who left.
    writer.apply(&Event::ParticipantSyncBegin);
    writer.apply(&Event::ParticipantCreate(person("a", "Alice B.")));
    writer.apply(&Event::ParticipantSyncEnd);
    assert_eq!(store.order().get_untracked(), vec!["a"]);
    assert_eq!(alice.p.get_untracked().display_name, "Alice B.");
    assert!(store.row("b").is_none());
    assert!(store.stage().get_untracked().is_empty());

    writer.apply(&Event::ParticipantDelete { uuid: "a".into() });
    assert!(store.order().get_untracked().is_empty());
    writer.apply(&Event::Disconnect {
        reason: "bye".into(),
    });
    assert_eq!(store.ended().get_untracked().as_deref(), Some("bye"));
    assert!(store
        .log()
        .get_untracked()
        .iter()
        .any(|e| e.name == "participant_sync_end"));
}

#[wasm_bindgen_test]
fn the_chat_keeps_each_message_with_its_arrival_and_stays_bounded() {
    let writer = StoreWriter::new();
    let store = writer.store();
    let message = |n: usize| {
        Event::Message(ChatMessage {
            origin: format!("p{n}"),
            uuid: format!("u{n}"),
            mime_type: "text/plain".into(),
            payload: format!("m{n}"),
        })
    };
    for n in 0..CHAT_HISTORY_LIMIT + 3 {
        writer.apply(&message(n));
    }
    let chat = store.chat().get_untracked();
    assert_eq!(chat.len(), CHAT_HISTORY_LIMIT);
    // The oldest three went, each line still carries its own message and key.
    assert_eq!(chat.front().map(|l| l.message.payload.as_str()), Some("m3"));
    assert_eq!(chat.front().map(|l| l.seq), Some(3));
    let last = chat.back().unwrap();
    assert_eq!(last.message.origin, format!("p{}", CHAT_HISTORY_LIMIT + 2));
    assert_eq!(last.seq, (CHAT_HISTORY_LIMIT + 2) as u64);
    assert!(chat.iter().all(|l| l.at_ms > 0.0));
}

#[wasm_bindgen_test]
fn the_event_log_says_what_a_variant_event_was_read_as() {
    let writer = StoreWriter::new();
    let store = writer.store();
    // A layout naming its one participant as a string instead of a list: read, and noted.
    let layout = Event::decode_reported("layout", r#"{"view": "1:0", "participants": "p-1"}"#)
        .expect("a variant layout is read");
    writer.apply_decoded(&layout);
    assert_eq!(store.layout().get_untracked().participants, vec!["p-1"]);
    // A presentation_start naming no presenter: a revocation, logged as one.
    let started = Event::decode_reported(
        "presentation_start",
        r#"{"presenter_name": "Bob", "presenter_uri": "sip:bob@x"}"#,
    )
    .unwrap();
    writer.apply_decoded(&started);
    let revoked = Event::decode_reported(
        "presentation_start",
        r#"{"presenter_name": "", "presenter_uri": ""}"#,
    )
    .unwrap();
    writer.apply_decoded(&revoked);
    assert!(!store.presentation().get_untracked().active);
    let log = store.log().get_untracked();
    let layout_entry = log.iter().find(|e| e.name == "layout").unwrap();
    assert_eq!(layout_entry.notes.len(), 1);
    assert_eq!(layout_entry.notes[0].field, "participants");
    assert!(
        log.iter()
            .any(|e| e.said == huikong_core::event_words::Said::Revoked),
        "{log:?}"
    );
}

#[wasm_bindgen_test]
fn the_event_log_words_a_change_and_folds_a_run_of_frames() {
    use huikong_core::event_words::{Said, Trait};
    let writer = StoreWriter::new();
    let store = writer.store();
    let mut p = huikong_protocol::Participant::new("w");
    p.display_name = "王芳".into();
    writer.apply(&Event::ParticipantCreate(p.clone()));
    p.is_muted = true;
    writer.apply(&Event::ParticipantUpdate(p));
    for _ in 0..3 {
        writer.apply(&Event::PresentationFrame);
    }
    writer.apply(&Event::ParticipantDelete { uuid: "w".into() });
    let log = store.log().get_untracked();
    let said: Vec<(String, u32)> = log.iter().map(|e| (e.name.clone(), e.count)).collect();
    assert_eq!(
        said,
        [
            ("participant_create".to_string(), 1),
            ("participant_update".to_string(), 1),
            ("presentation_frame".to_string(), 3),
            ("participant_delete".to_string(), 1),
        ]
    );
    assert_eq!(
        log[1].said,
        Said::Changed("王芳".into(), vec![Trait::Muted(true)])
    );
    assert_eq!(log[3].said, Said::Left(Some("王芳".into())));
}
