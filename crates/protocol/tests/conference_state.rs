//! The conference state machine beyond the participant list: service state, layout, stage,
//! presentation, chat, sub-calls, disconnect and unknown events.

use huikong_protocol::{
    Change, ChatMessage, Conference, Event, LayoutView, Participant, PresentationStart,
    ServiceState, ServiceUpdate, StageEntry, CHAT_HISTORY_LIMIT,
};

fn entry(index: u32, uuid: &str, vad: u32) -> StageEntry {
    StageEntry {
        stage_index: index,
        participant_uuid: uuid.into(),
        vad,
    }
}

fn start(name: &str, uri: &str) -> Event {
    Event::PresentationStart(PresentationStart {
        presenter_name: name.into(),
        presenter_uri: uri.into(),
    })
}

fn chat(n: usize) -> Event {
    Event::Message(ChatMessage {
        origin: "Alice".into(),
        mime_type: "text/plain".into(),
        payload: format!("message {n}"),
        uuid: "a".into(),
    })
}

#[test]
fn service_update_changes_only_the_fields_it_names() {
    let mut c = Conference::new();
    assert!(
        !c.service.known,
        "the flags are not known before the platform says them"
    );
    let all = ServiceUpdate {
        locked: Some(true),
        guests_muted: Some(true),
        started: Some(true),
    };
    assert_eq!(c.apply(&Event::ServiceUpdate(all)), Change::Service);
    let only_lock = ServiceUpdate {
        locked: Some(false),
        ..ServiceUpdate::default()
    };
    assert_eq!(c.apply(&Event::ServiceUpdate(only_lock)), Change::Service);
    assert_eq!(
        c.service,
        ServiceState {
            locked: false,
            guests_muted: true,
            started: true,
            known: true,
        }
    );
    // The document's example names locked and guests_muted, not started.
    let doc = Event::decode(
        "service_update",
        r#"{ "locked": false, "guests_muted": false }"#,
    )
    .unwrap();
    c.apply(&doc);
    assert_eq!(
        c.service,
        ServiceState {
            locked: false,
            guests_muted: false,
            started: true,
            known: true,
        }
    );
}

#[test]
fn layout_replaces_the_view() {
    let mut c = Conference::new();
    let first = LayoutView {
        view: "1:7".into(),
        participants: vec!["a".into(), "b".into()],
    };
    assert_eq!(c.apply(&Event::Layout(first)), Change::Layout);
    let second = LayoutView {
        view: "1:0".into(),
        participants: vec!["c".into()],
    };
    c.apply(&Event::Layout(second.clone()));
    assert_eq!(c.layout, second);
}

#[test]
fn stage_is_ordered_by_stage_index() {
    let mut c = Conference::new();
    let change = c.apply(&Event::Stage(vec![
        entry(2, "c", 0),
        entry(0, "a", 100),
        entry(1, "b", 0),
    ]));
    assert_eq!(change, Change::Stage);
    let order: Vec<_> = c
        .stage
        .iter()
        .map(|s| s.participant_uuid.as_str())
        .collect();
    assert_eq!(order, ["a", "b", "c"]);
    assert_eq!(c.vad("a"), Some(100));
    assert!(c.stage[0].is_speaking());
    // A new stage replaces the old one entirely.
    c.apply(&Event::Stage(vec![entry(0, "b", 40)]));
    assert_eq!(c.stage, vec![entry(0, "b", 40)]);
    assert_eq!(c.vad("a"), None);
}

#[test]
fn presentation_start_frames_and_stop() {
    let mut c = Conference::new();
    assert!(!c.presentation.active);
    assert_eq!(
        c.apply(&start("Bob", "bob@example.com")),
        Change::Presentation
    );
    assert!(c.presentation.active);
    assert_eq!(c.presentation.presenter_name, "Bob");
    assert_eq!(c.presentation.presenter_uri, "bob@example.com");
    assert_eq!(c.presentation.frame, 0);
    for n in 1..=3 {
        assert_eq!(c.apply(&Event::PresentationFrame), Change::Presentation);
        assert_eq!(c.presentation.frame, n);
    }
    assert_eq!(c.apply(&Event::PresentationStop), Change::Presentation);
    assert!(!c.presentation.active);
    assert_eq!(c.presentation.presenter_name, "");
    assert_eq!(c.presentation.frame, 0);
}

#[test]
fn late_joiner_gets_a_start_without_a_stop() {
    // A client that joins mid-presentation sees only a start: that is enough to show it.
    let mut c = Conference::new();
    c.apply(&Event::ParticipantSyncBegin);
    c.apply(&Event::ParticipantCreate(Participant::new("b")));
    c.apply(&Event::ParticipantSyncEnd);
    c.apply(&start("Bob", "bob@example.com"));
    c.apply(&Event::PresentationFrame);
    assert!(c.presentation.active);
    assert_eq!(c.presentation.frame, 1);
}

#[test]
fn a_resync_forgets_a_presentation_that_stopped_while_the_stream_was_down() {
    // The stop was sent while this client's stream was down; the new stream's sync sends no
    // presentation_start, because nothing is presented any more.
    let mut c = Conference::new();
    c.apply(&start("Bob", "bob@example.com"));
    assert_eq!(c.apply(&Event::ParticipantSyncBegin), Change::Presentation);
    c.apply(&Event::ParticipantSyncEnd);
    assert!(!c.presentation.active);
    assert_eq!(c.presentation.presenter_name, "");
}

#[test]
fn a_resync_keeps_a_running_presentation_through_its_restated_start() {
    let mut c = Conference::new();
    c.apply(&start("Bob", "bob@example.com"));
    c.apply(&Event::ParticipantSyncBegin);
    c.apply(&Event::ParticipantSyncEnd);
    c.apply(&start("Bob", "bob@example.com"));
    assert!(c.presentation.active);
    assert_eq!(c.presentation.presenter_name, "Bob");
}

#[test]
fn a_second_start_replaces_the_presenter() {
    let mut c = Conference::new();
    c.apply(&start("Bob", "bob@example.com"));
    c.apply(&Event::PresentationFrame);
    c.apply(&Event::PresentationFrame);
    c.apply(&start("Carol", "carol@example.com"));
    assert!(c.presentation.active);
    assert_eq!(c.presentation.presenter_name, "Carol");
    assert_eq!(c.presentation.presenter_uri, "carol@example.com");
    assert_eq!(c.presentation.frame, 0, "frames count from the new start");
}

/// A message is reported, not kept: each reader keeps the history it needs (the console's is
/// bounded by `CHAT_HISTORY_LIMIT`, checked in its own tests), so the state stays the same size
/// however long the meeting chats.
#[test]
fn a_message_is_reported_and_changes_no_state() {
    let mut c = Conference::new();
    let before = format!("{c:?}");
    for n in 0..CHAT_HISTORY_LIMIT + 25 {
        assert_eq!(c.apply(&chat(n)), Change::Chat);
    }
    assert_eq!(format!("{c:?}"), before);
}

#[test]
fn call_disconnected_is_reported_and_changes_no_state() {
    let mut c = Conference::new();
    c.apply(&Event::ParticipantCreate(Participant::new("a")));
    let before = format!("{c:?}");
    let change = c.apply(&Event::CallDisconnected {
        call_uuid: "50ed679d".into(),
        reason: "API initiated participant disconnect".into(),
    });
    assert_eq!(
        change,
        Change::CallDisconnected {
            call_uuid: "50ed679d".into(),
            reason: "API initiated participant disconnect".into()
        }
    );
    assert_eq!(format!("{c:?}"), before);
}

#[test]
fn disconnect_ends_the_session_with_its_reason() {
    let mut c = Conference::new();
    assert_eq!(c.ended, None);
    let change = c.apply(&Event::Disconnect {
        reason: "API initiated participant disconnect".into(),
    });
    assert_eq!(
        change,
        Change::Ended("API initiated participant disconnect".into())
    );
    assert_eq!(
        c.ended.as_deref(),
        Some("API initiated participant disconnect")
    );
    // A disconnect without a reason still ends it.
    let mut c = Conference::new();
    c.apply(&Event::decode("disconnect", "").unwrap());
    assert_eq!(c.ended.as_deref(), Some(""));
}

#[test]
fn unknown_events_change_nothing() {
    let mut c = Conference::new();
    c.apply(&Event::ParticipantCreate(Participant::new("a")));
    c.apply(&start("Bob", "bob@example.com"));
    let before = format!("{c:?}");
    let unknown = Event::decode("whiteboard_update", r#"{"url": "x"}"#).unwrap();
    assert_eq!(c.apply(&unknown), Change::None);
    assert_eq!(format!("{c:?}"), before);
}

#[test]
fn a_whole_stream_from_the_documents_examples() {
    // The event stream a console would see, decoded from the document's own bodies.
    let frames = [
        ("participant_sync_begin", ""),
        (
            "participant_create",
            r#"{"uuid": "a", "display_name": "Alice", "role": "chair"}"#,
        ),
        (
            "participant_create",
            r#"{"uuid": "b", "display_name": "Bob", "is_muted": "YES"}"#,
        ),
        ("participant_sync_end", ""),
        (
            "Stage",
            r#"[{"stage_index": 0, "participant_uuid": "a", "vad": 100}]"#,
        ),
        (
            "presentation_start",
            r#"{"presenter_name": "Bob", "presenter_uri": "bob@example.com"}"#,
        ),
        ("presentation_frame", ""),
        (
            "Message",
            r#"{"origin": "Alice", "type": "text/plain", "payload": "Hi", "uuid": "a"}"#,
        ),
        ("participant_delete", r#"{ "uuid" : "b" }"#),
        ("service_update", r#"{"locked": 'true'}"#),
    ];
    let mut c = Conference::new();
    let changes: Vec<Change> = frames
        .iter()
        .map(|(name, data)| c.apply(&Event::decode(name, data).unwrap()))
        .collect();
    assert_eq!(
        changes,
        [
            Change::None,
            Change::None,
            Change::None,
            Change::Participants,
            Change::Stage,
            Change::Presentation,
            Change::Presentation,
            Change::Chat,
            Change::ParticipantRemoved("b".into()),
            Change::Service,
        ]
    );
    assert_eq!(c.participants().len(), 1);
    assert!(c.participant("a").unwrap().role.is_host());
    assert_eq!(c.vad("a"), Some(100));
    assert_eq!(c.presentation.frame, 1);
    assert!(c.service.locked);
}
