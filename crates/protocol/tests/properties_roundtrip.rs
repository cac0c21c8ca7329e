//! Property tests: what the crate writes, it reads back unchanged (participants, events, request
//! bodies, session results, SSE frames).

use huikong_protocol::sse::{write_frame, SseFrame, SseParser};
use huikong_protocol::{
    ChatMessage, DialRequest, Event, LayoutView, NewSessionResult, Participant, PresentationStart,
    Role, RxPresentationPolicy, ServiceType, ServiceUpdate, StageEntry,
};
use proptest::prelude::*;

fn role() -> impl Strategy<Value = Role> {
    prop_oneof![Just(Role::Host), Just(Role::Guest)]
}

fn service_type() -> impl Strategy<Value = ServiceType> {
    prop_oneof![
        Just(ServiceType::Connecting),
        Just(ServiceType::WaitingRoom),
        Just(ServiceType::Ivr),
        Just(ServiceType::Conference),
        Just(ServiceType::Gateway),
        // Kept as text; the prefix keeps it from spelling a known type.
        "x_[a-z_]{0,10}".prop_map(ServiceType::Other),
    ]
}

/// UNIX seconds with a fraction that decimal text carries exactly.
fn seconds() -> impl Strategy<Value = f64> {
    (0u32..2_000_000_000, 0u32..8).prop_map(|(s, eighths)| s as f64 + eighths as f64 / 8.0)
}

prop_compose! {
    fn participant()(
        uuid in "[0-9a-f-]{1,36}",
        texts in prop::collection::vec(any::<String>(), 9),
        flags in prop::collection::vec(any::<bool>(), 8),
        role in role(),
        deny in any::<bool>(),
        service_type in service_type(),
        spotlight in prop_oneof![Just(0.0), seconds()],
        start_time in seconds(),
    ) -> Participant {
        Participant {
            api_url: format!("/participants/{uuid}"),
            uuid,
            call_direction: texts[0].clone(),
            display_name: texts[1].clone(),
            encryption: texts[2].clone(),
            has_media: flags[0],
            is_audio_only_call: flags[1],
            is_external: flags[2],
            is_muted: flags[3],
            is_presenting: flags[4],
            is_streaming_conference: flags[5],
            is_video_call: flags[6],
            local_alias: texts[3].clone(),
            overlay_text: texts[4].clone(),
            presentation_supported: flags[7],
            protocol: texts[5].clone(),
            role,
            rx_presentation_policy: if deny {
                RxPresentationPolicy::Deny
            } else {
                RxPresentationPolicy::Allow
            },
            service_type,
            spotlight,
            start_time,
            uri: texts[6].clone(),
            vendor: texts[7].clone() + &texts[8],
        }
    }
}

/// What identifies a body (a uuid): any text that is not blank, as the decoder requires.
fn identity() -> impl Strategy<Value = String> {
    any::<String>().prop_filter("an identity is not blank", |s| !s.trim().is_empty())
}

fn event() -> impl Strategy<Value = Event> {
    let text = || any::<String>();
    prop_oneof![
        (text(), text()).prop_map(|(presenter_name, presenter_uri)| {
            let start = PresentationStart {
                presenter_name,
                presenter_uri,
            };
            // A start that names nobody reads back as what it means.
            if start.is_revocation() {
                Event::PresentationRevoked
            } else {
                Event::PresentationStart(start)
            }
        }),
        Just(Event::PresentationStop),
        Just(Event::PresentationFrame),
        participant().prop_map(Event::ParticipantCreate),
        participant().prop_map(Event::ParticipantUpdate),
        identity().prop_map(|uuid| Event::ParticipantDelete { uuid }),
        Just(Event::ParticipantSyncBegin),
        Just(Event::ParticipantSyncEnd),
        (
            prop::option::of(any::<bool>()),
            prop::option::of(any::<bool>()),
            prop::option::of(any::<bool>())
        )
            .prop_map(|(locked, guests_muted, started)| {
                Event::ServiceUpdate(ServiceUpdate {
                    locked,
                    guests_muted,
                    started,
                })
            }),
        (text(), prop::collection::vec(text(), 0..5))
            .prop_map(|(view, participants)| Event::Layout(LayoutView { view, participants })),
        (text(), text(), text(), text()).prop_map(|(origin, mime_type, payload, uuid)| {
            Event::Message(ChatMessage {
                origin,
                mime_type,
                payload,
                uuid,
            })
        }),
        prop::collection::vec((any::<u32>(), identity(), 0u32..=100), 0..5).prop_map(|entries| {
            Event::Stage(
                entries
                    .into_iter()
                    .map(|(stage_index, participant_uuid, vad)| StageEntry {
                        stage_index,
                        participant_uuid,
                        vad,
                    })
                    .collect(),
            )
        }),
        (text(), text())
            .prop_map(|(call_uuid, reason)| Event::CallDisconnected { call_uuid, reason }),
        text().prop_map(|reason| Event::Disconnect { reason }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn participant_round_trips(p in participant()) {
        let text = serde_json::to_string(&p).unwrap();
        let back: Participant = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(&back, &p);
        // Also through the crate's own decoder and through a JSON value.
        let decoded: Participant = huikong_protocol::envelope::decode(&text).unwrap();
        prop_assert_eq!(&decoded, &p);
        let v = serde_json::to_value(&p).unwrap();
        prop_assert_eq!(&v["is_muted"], if p.is_muted { "YES" } else { "NO" });
        prop_assert_eq!(&v["role"], p.role.as_chair());
        prop_assert_eq!(serde_json::from_value::<Participant>(v).unwrap(), p);
    }

    #[test]
    fn event_round_trips(e in event()) {
        prop_assert_eq!(Event::decode(e.name(), &e.data()).unwrap(), e);
    }

    #[test]
    fn event_survives_the_wire(e in event(), id in any::<u64>(), chunk in 1usize..40) {
        let wire = write_frame(id, e.name(), &e.data());
        let mut p = SseParser::new();
        let mut frames = Vec::new();
        let chars: Vec<char> = wire.chars().collect();
        for piece in chars.chunks(chunk) {
            frames.extend(p.feed(&piece.iter().collect::<String>()));
        }
        prop_assert_eq!(frames.len(), 1);
        let f = &frames[0];
        prop_assert_eq!(f.id.clone(), Some(id.to_string()));
        prop_assert_eq!(Event::decode(&f.event, &f.data).unwrap(), e);
    }

    #[test]
    fn write_frame_round_trips_any_data(data in "[^\r]{0,80}", id in any::<u64>()) {
        let mut p = SseParser::new();
        let frames = p.feed(&write_frame(id, "message", &data));
        prop_assert_eq!(frames, vec![SseFrame { id: Some(id.to_string()), event: "message".into(), data }]);
    }

    #[test]
    fn dial_request_round_trips(
        destination in "[a-z0-9@.:/]{1,30}",
        protocol in prop::sample::select(huikong_protocol::DIAL_PROTOCOLS.to_vec()),
        role in role(),
        streaming in any::<bool>(),
        source_display_name in prop::option::of(any::<String>()),
    ) {
        let mut req = DialRequest::new(destination, protocol, role);
        req.streaming = streaming;
        req.source_display_name = source_display_name;
        prop_assert_eq!(req.validate(), Ok(()));
        let back: DialRequest =
            huikong_protocol::envelope::decode(&serde_json::to_string(&req).unwrap()).unwrap();
        prop_assert_eq!(back, req);
    }

    #[test]
    fn new_session_result_round_trips(
        token in "[A-Za-z0-9%/+]{1,60}",
        expires in 1u32..100_000,
        role in role(),
        chat in any::<bool>(),
    ) {
        let body = serde_json::json!({
            "token": token, "expires": expires.to_string(), "participant_uuid": "u",
            "role": role.as_session(), "chat_enabled": chat,
        });
        let r: NewSessionResult = serde_json::from_value(body.clone()).unwrap();
        prop_assert_eq!(r.expires, expires as f64);
        let again = serde_json::to_value(&r).unwrap();
        prop_assert_eq!(&again["expires"], &body["expires"]);
        prop_assert_eq!(&again["role"], &body["role"]);
        prop_assert_eq!(serde_json::from_value::<NewSessionResult>(again).unwrap(), r);
    }
}
