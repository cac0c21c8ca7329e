//! Variants of the document's shapes that platforms of this API family send, captured from their
//! event streams: each decodes field by field, says what it coerced or dropped, and reaches the
//! state machine with its meaning intact.

use huikong_protocol::envelope::decode_reply_reported;
use huikong_protocol::{
    Change, Conference, Event, FieldNote, JsonKind, LayoutView, NewSessionResult, NoteKind,
    PresentationStart, Role, StageEntry,
};

const PEER: &str = "a0196175-b462-48a1-b95c-f322c3af57c1";

fn note(field: &str, kind: NoteKind) -> FieldNote {
    FieldNote {
        field: field.into(),
        kind,
    }
}

#[test]
fn direct_media_layout_names_its_one_participant_as_a_string() {
    let data = format!(r#"{{"view": "1:0", "participants": "{PEER}"}}"#);
    let d = Event::decode_reported("layout", &data).unwrap();
    assert_eq!(
        d.event,
        Event::Layout(LayoutView {
            view: "1:0".into(),
            participants: vec![PEER.into()],
        })
    );
    let coerced = note(
        "participants",
        NoteKind::Coerced {
            from: JsonKind::String,
            to: "a one-item list",
        },
    );
    assert_eq!(d.notes, vec![coerced]);
    assert_eq!(
        d.notes[0].to_string(),
        "participants: a string, read as a one-item list"
    );
    // The new view reaches the state.
    let mut c = Conference::new();
    assert_eq!(c.apply(&d.event), Change::Layout);
    assert_eq!(c.layout.view, "1:0");
    assert_eq!(c.layout.participants, vec![PEER.to_string()]);
}

fn presenting_bob() -> Conference {
    let mut c = Conference::new();
    let start = Event::PresentationStart(PresentationStart {
        presenter_name: "Bob".into(),
        presenter_uri: "bob@example.com".into(),
    });
    c.apply(&start);
    c.apply(&Event::PresentationFrame);
    assert!(c.presentation.active);
    c
}

#[test]
fn presentation_start_naming_nobody_is_a_revocation() {
    let data = r#"{"presenter_name": "", "presenter_uri": ""}"#;
    let d = Event::decode_reported("presentation_start", data).unwrap();
    assert_eq!(d.event, Event::PresentationRevoked);
    assert!(d.notes.is_empty());
    // Sent as what it came as, and read back as the same revocation.
    assert_eq!(d.event.name(), "presentation_start");
    assert_eq!(
        Event::decode("presentation_start", &d.event.data()).unwrap(),
        Event::PresentationRevoked
    );
    // It ends the running presentation, frames and all.
    let mut c = presenting_bob();
    assert_eq!(c.apply(&d.event), Change::Presentation);
    assert!(!c.presentation.active);
    assert_eq!(c.presentation.presenter_name, "");
    assert_eq!(c.presentation.frame, 0);
    // With none running, it starts none.
    let mut idle = Conference::new();
    assert_eq!(idle.apply(&d.event), Change::None);
    assert!(!idle.presentation.active);
}

#[test]
fn revocation_spellings() {
    for data in [
        "{}",
        r#"{"presenter_name": "  ", "presenter_uri": ""}"#,
        r#"{"presenter_name": null, "presenter_uri": null}"#,
    ] {
        let e = Event::decode("presentation_start", data).unwrap();
        assert_eq!(e, Event::PresentationRevoked, "{data}");
    }
    // One name is enough for a presentation.
    let e = Event::decode(
        "presentation_start",
        r#"{"presenter_uri": "bob@example.com"}"#,
    );
    assert!(matches!(e, Ok(Event::PresentationStart(_))));
    // Built by hand rather than decoded, a start naming nobody still ends the presentation.
    let mut c = presenting_bob();
    let nobody = Event::PresentationStart(PresentationStart {
        presenter_name: String::new(),
        presenter_uri: String::new(),
    });
    assert_eq!(c.apply(&nobody), Change::Presentation);
    assert!(!c.presentation.active);
}

#[test]
fn documented_coercions() {
    let data = r#"[{"participant_uuid": "a", "stage_index": "1", "vad": 99.6},
                   {"participant_uuid": "b", "stage_index": 0, "vad": true}]"#;
    let d = Event::decode_reported("stage", data).unwrap();
    assert_eq!(
        d.event,
        Event::Stage(vec![
            StageEntry {
                stage_index: 1,
                participant_uuid: "a".into(),
                vad: 100
            },
            StageEntry {
                stage_index: 0,
                participant_uuid: "b".into(),
                vad: 0
            },
        ])
    );
    let fields: Vec<String> = d.notes.iter().map(|n| n.to_string()).collect();
    assert_eq!(
        fields,
        [
            "[0].stage_index: a string, read as a whole number",
            "[0].vad: a number, read as a whole number",
            "[1].vad: a boolean, not a whole number: left at its default",
        ]
    );

    let data = r#"{"uuid": "u", "display_name": 42, "is_muted": 1, "role": "owner",
                   "start_time": "soon", "uri": ["x"]}"#;
    let d = Event::decode_reported("participant_update", data).unwrap();
    let Event::ParticipantUpdate(p) = &d.event else {
        panic!("not a participant_update: {:?}", d.event)
    };
    assert_eq!(p.display_name, "42");
    assert!(p.is_muted);
    assert_eq!(p.role, Role::Guest);
    assert_eq!(p.start_time, 0.0);
    assert_eq!(p.uri, "");
    let mut fields: Vec<&str> = d.notes.iter().map(|n| n.field.as_str()).collect();
    fields.sort_unstable();
    assert_eq!(
        fields,
        ["display_name", "is_muted", "role", "start_time", "uri"]
    );
    let dropped: Vec<&str> = d
        .notes
        .iter()
        .filter(|n| n.is_dropped())
        .map(|n| n.field.as_str())
        .collect();
    assert_eq!(dropped.len(), 3, "{dropped:?}");
}

#[test]
fn an_event_without_its_identity_is_refused_with_the_reason() {
    for (name, data, why) in [
        (
            "participant_create",
            r#"{"display_name": "幽灵"}"#,
            "no uuid",
        ),
        ("participant_delete", r#"{"uuid": "  "}"#, "uuid is blank"),
        (
            "stage",
            r#"[{"stage_index": 0, "vad": 100}]"#,
            "no [0].participant_uuid",
        ),
        // A body of the wrong shape has no fields to read.
        ("layout", r#""1:0""#, "the body is a string, not an object"),
        ("message", r#"["hi"]"#, "the body is a list, not an object"),
        (
            "service_update",
            r#"[{"locked": true}]"#,
            "the body is a list, not an object",
        ),
        (
            "stage",
            r#"{"participant_uuid": "x"}"#,
            "the body is an object, not a list",
        ),
    ] {
        let err = Event::decode_reported(name, data).unwrap_err();
        assert_eq!(err.0, format!("{name}: {why}"));
    }
}

#[test]
fn replies_are_read_field_by_field_too() {
    let body = r#"{"status": "success", "result": {"token": "t", "expires": "120",
        "participant_uuid": "u", "role": "superhost", "bandwidth_in": "512",
        "chat_enabled": "maybe", "version": {"pseudo_version": 7, "version_id": 3}}}"#;
    let (r, notes) = decode_reply_reported::<NewSessionResult>(200, body).unwrap();
    assert_eq!(r.token, "t");
    assert_eq!(r.expires, 120.0);
    // An unknown role spelling leaves the session a guest's.
    assert_eq!(r.role, Role::Guest);
    assert_eq!(r.bandwidth_in, Some(512));
    assert!(!r.chat_enabled);
    let version = r.version.expect("the version");
    assert_eq!(
        (version.pseudo_version.as_str(), version.version_id.as_str()),
        ("7", "3")
    );
    let fields: Vec<&str> = notes.iter().map(|n| n.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "version.pseudo_version",
            "role",
            "chat_enabled",
            "bandwidth_in"
        ]
    );
    // A token whose lifetime cannot be read is refused: a guess could let it lapse.
    let body = r#"{"status": "success", "result": {"token": "t", "expires": "soon",
        "participant_uuid": "u", "role": "HOST"}}"#;
    let err = decode_reply_reported::<NewSessionResult>(200, body).unwrap_err();
    assert!(err.reason().contains("expires"), "{err}");
}
