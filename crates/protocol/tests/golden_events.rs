//! The document's examples for the events of `GET events`, decoded through `Event::decode`.

mod common;

use common::example;
use huikong_protocol::{
    ChatMessage, Event, LayoutView, Participant, PresentationStart, Role, RxPresentationPolicy,
    ServiceType, ServiceUpdate, StageEntry,
};

fn decode(name: &str, example_name: &str) -> Event {
    Event::decode(name, &example(example_name))
        .unwrap_or_else(|e| panic!("{name} does not decode: {e}"))
}

/// Encoding an event and decoding it again gives the same event.
fn assert_round_trip(e: &Event) {
    assert_eq!(&Event::decode(e.name(), &e.data()).unwrap(), e);
}

#[test]
fn presentation_start_example() {
    let e = decode("presentation_start", "event_presentation_start");
    assert_eq!(
        e,
        Event::PresentationStart(PresentationStart {
            presenter_name: "Bob".into(),
            presenter_uri: "bob@example.com".into(),
        })
    );
    assert_round_trip(&e);
}

#[test]
fn presentation_stop_example() {
    // "消息体实例: 无": no body. Any data, or none, is the same event.
    for data in ["", "{}", "null"] {
        assert_eq!(
            Event::decode("presentation_stop", data).unwrap(),
            Event::PresentationStop
        );
    }
    assert_eq!(Event::PresentationStop.data(), "{}");
    assert_round_trip(&Event::PresentationStop);
}

#[test]
fn presentation_frame_example() {
    for data in ["", "{}"] {
        assert_eq!(
            Event::decode("presentation_frame", data).unwrap(),
            Event::PresentationFrame
        );
    }
    assert_round_trip(&Event::PresentationFrame);
}

fn assert_is_alice(p: &Participant) {
    assert_eq!(
        p.api_url,
        "/participants/50b956c8-9a63-4711-8630-3810f8666b04"
    );
    assert_eq!(p.call_direction, "in");
    assert_eq!(p.display_name, "Alice");
    assert_eq!(p.encryption, "On");
    assert!(!p.has_media);
    assert!(!p.is_audio_only_call);
    assert!(!p.is_external);
    assert!(!p.is_muted);
    assert!(!p.is_presenting);
    assert!(!p.is_streaming_conference);
    assert!(p.is_video_call);
    assert_eq!(p.local_alias, "meet.alice");
    assert_eq!(p.overlay_text, "Alice");
    assert!(!p.presentation_supported);
    assert_eq!(p.protocol, "api");
    assert_eq!(p.role, Role::Host);
    assert_eq!(p.rx_presentation_policy, RxPresentationPolicy::Allow);
    assert_eq!(p.service_type, ServiceType::Conference);
    assert_eq!(p.spotlight, 0.0);
    assert!(!p.is_spotlit());
    assert_eq!(p.start_time, 1441720992.0);
    assert_eq!(p.uri, "CloudConnect_10.44.21.35");
    assert_eq!(p.uuid, "50b956c8-9a63-4711-8630-3810f8666b04");
    // The document breaks the vendor line inside the string; the break is kept as text.
    assert_eq!(
        p.vendor,
        "CloudConnect/2.0.0-25227.0.0 (Windows NT 6.1; WOW64) nwjs/0.12.2\nChrome/41.0.2272.76"
    );
}

#[test]
fn participant_create_example() {
    // One member per line, no commas, and a line break inside the vendor string.
    match decode("participant_create", "event_participant_create") {
        Event::ParticipantCreate(p) => {
            assert_is_alice(&p);
            assert_round_trip(&Event::ParticipantCreate(p));
        }
        other => panic!("not a participant_create: {other:?}"),
    }
}

#[test]
fn participant_update_example() {
    // "同 participant_create": the same body.
    match decode("participant_update", "event_participant_create") {
        Event::ParticipantUpdate(p) => {
            assert_is_alice(&p);
            assert_round_trip(&Event::ParticipantUpdate(p));
        }
        other => panic!("not a participant_update: {other:?}"),
    }
}

#[test]
fn participant_serializes_the_documents_spellings() {
    let Event::ParticipantCreate(mut p) = decode("participant_create", "event_participant_create")
    else {
        panic!("not a participant_create")
    };
    let v = serde_json::to_value(&p).unwrap();
    for flag in [
        "is_audio_only_call",
        "is_muted",
        "is_presenting",
        "presentation_supported",
    ] {
        assert_eq!(v[flag], "NO", "{flag}");
    }
    assert_eq!(v["is_video_call"], "YES");
    assert_eq!(v["has_media"], false);
    assert_eq!(v["is_external"], false);
    assert_eq!(v["role"], "chair");
    assert_eq!(v["rx_presentation_policy"], "ALLOW");
    assert_eq!(v["service_type"], "conference");
    p.is_muted = true;
    p.role = Role::Guest;
    p.rx_presentation_policy = RxPresentationPolicy::Deny;
    p.service_type = ServiceType::WaitingRoom;
    let v = serde_json::to_value(&p).unwrap();
    assert_eq!(v["is_muted"], "YES");
    assert_eq!(v["role"], "guest");
    assert_eq!(v["rx_presentation_policy"], "DENY");
    assert_eq!(v["service_type"], "waiting_room");
    assert!(p.is_waiting());
}

#[test]
fn participant_delete_example() {
    let e = decode("participant_delete", "event_participant_delete");
    assert_eq!(
        e,
        Event::ParticipantDelete {
            uuid: "65b4af2f-657a-4081-98a8-b17667628ce3".into()
        }
    );
    assert_round_trip(&e);
}

#[test]
fn participant_sync_events_have_no_body() {
    assert_eq!(
        Event::decode("participant_sync_begin", "").unwrap(),
        Event::ParticipantSyncBegin
    );
    assert_eq!(
        Event::decode("participant_sync_end", "{}").unwrap(),
        Event::ParticipantSyncEnd
    );
}

#[test]
fn service_update_example() {
    let e = decode("service_update", "event_service_update");
    assert_eq!(
        e,
        Event::ServiceUpdate(ServiceUpdate {
            locked: Some(false),
            guests_muted: Some(false),
            started: None,
        })
    );
    assert_round_trip(&e);
    // The table writes `Service_update`.
    assert_eq!(
        Event::decode("Service_update", &example("event_service_update")).unwrap(),
        e
    );
}

#[test]
fn layout_example() {
    let e = decode("layout", "event_layout");
    assert_eq!(
        e,
        Event::Layout(LayoutView {
            view: "1:7".into(),
            participants: vec![
                "a0196175-b462-48a1-b95c-f322c3af57c1".into(),
                "65b4af2f-657a-4081-98a8-b17667628ce3".into(),
            ],
        })
    );
    assert_round_trip(&e);
}

#[test]
fn message_example() {
    let want = Event::Message(ChatMessage {
        origin: "Alice".into(),
        mime_type: "text/plain".into(),
        payload: "Hello World".into(),
        uuid: "eca55900-274d-498c-beba-2169aad9ce1f".into(),
    });
    // The event table writes `Message`; the platform sends `message`.
    assert_eq!(decode("message", "event_message"), want);
    assert_eq!(decode("Message", "event_message"), want);
    assert_eq!(want.name(), "message");
    assert_round_trip(&want);
}

#[test]
fn stage_example() {
    let want = Event::Stage(vec![
        StageEntry {
            stage_index: 0,
            participant_uuid: "a0196175-b462-48a1-b95c-f322c3af57c1".into(),
            vad: 0,
        },
        StageEntry {
            stage_index: 1,
            participant_uuid: "65b4af2f-657a-4081-98a8-b17667628ce3".into(),
            vad: 0,
        },
    ]);
    assert_eq!(decode("stage", "event_stage"), want);
    assert_eq!(decode("Stage", "event_stage"), want);
    assert_round_trip(&want);
    if let Event::Stage(entries) = &want {
        assert!(entries.iter().all(|s| !s.is_speaking()));
    }
}

#[test]
fn call_disconnected_example() {
    // No opening brace, and fullwidth colons after the keys.
    let e = decode("call_disconnected", "event_call_disconnected");
    assert_eq!(
        e,
        Event::CallDisconnected {
            call_uuid: "50ed679d-c622-4c0e-b251-e217f2aa030b".into(),
            reason: "API initiated participant disconnect".into(),
        }
    );
    assert_round_trip(&e);
}

#[test]
fn call_disconnected_typographic_original() {
    let original = "“call_uuid”： “50ed679d-c622-4c0e-b251-e217f2aa030b” ,\n\
                    “reason”： “API initiated participant disconnect” }";
    assert_eq!(
        Event::decode("call_disconnected", original).unwrap(),
        decode("call_disconnected", "event_call_disconnected")
    );
}

#[test]
fn disconnect_example() {
    let want = Event::Disconnect {
        reason: "API initiated participant disconnect".into(),
    };
    assert_eq!(decode("disconnect", "event_disconnect"), want);
    assert_eq!(decode("Disconnect", "event_disconnect"), want);
    assert_round_trip(&want);
    // A disconnect without a usable body still ends the session.
    for data in ["", "null", "{}", "[1]", "{\"reason\": [5]}", "<html>"] {
        assert_eq!(
            Event::decode("disconnect", data).unwrap(),
            Event::Disconnect {
                reason: String::new()
            },
            "{data}"
        );
    }
    // A number where the reason's text belongs is read as its text.
    assert_eq!(
        Event::decode("disconnect", "{\"reason\": 5}").unwrap(),
        Event::Disconnect { reason: "5".into() }
    );
    assert_eq!(
        Event::decode("disconnect", "\"conference ended\"").unwrap(),
        Event::Disconnect {
            reason: "conference ended".into()
        }
    );
}
