//! Browser-side logic checked in headless Chromium (`cargo test --target wasm32-unknown-unknown`).

use crate::i18n::{fill, Lang, Text};
use crate::platform::join::{classify_check_join_failure, classify_session_failure, JoinError};
use crate::platform::stream::{state_after_failures, ConnState, LOST_AFTER};
use crate::state::store::StoreWriter;
use crate::util::*;
use huikong_protocol::{
    ApiFailure, ChatMessage, Event, Participant, ServiceType, StageEntry, CHAT_HISTORY_LIMIT,
};
use leptos::prelude::GetUntracked;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn under_the_proxy_every_node_call_names_its_node_on_this_site() {
    let proxy = "https://intranet.example/platform";
    assert_eq!(
        node_services_base(
            Some(proxy),
            "https://api.example",
            "node-1.mcu.example",
            "zjvmr@myvmr.cn"
        )
        .unwrap(),
        "https://intranet.example/platform/node/node-1.mcu.example/api/services/zjvmr%40myvmr.cn/"
    );
    assert_eq!(
        check_join_url(proxy),
        "https://intranet.example/platform/api/v3/meet/checkJoin.shtml"
    );
    assert_eq!(
        node_services_base(None, "https://api.example", "node-1.mcu.example", "1061").unwrap(),
        services_base("https://api.example", "node-1.mcu.example", "1061")
    );
    assert!(node_services_base(Some(proxy), "", "evil.example/x", "1061").is_err());
}

#[wasm_bindgen_test]
fn services_base_uses_the_api_servers_scheme_and_encodes_the_room() {
    assert_eq!(
        services_base("https://api.example.cn", "mcu.example.cn", "zjvmr@myvmr.cn"),
        "https://mcu.example.cn/api/services/zjvmr%40myvmr.cn/"
    );
    assert_eq!(
        services_base("http://127.0.0.1:8090", "127.0.0.1:8090", "1061"),
        "http://127.0.0.1:8090/api/services/1061/"
    );
    assert_eq!(
        services_base("http://a", "https://node:8443/", " room "),
        "https://node:8443/api/services/room/"
    );
}

#[wasm_bindgen_test]
fn server_addresses_are_normalized() {
    assert_eq!(
        normalize_server(" https://Api.example/ ", "http:").unwrap(),
        "https://Api.example"
    );
    assert_eq!(
        normalize_server("api.example:8080", "http:").unwrap(),
        "http://api.example:8080"
    );
    assert!(normalize_server("", "http:").is_err());
    assert!(normalize_server("ftp://x", "http:").is_err());
    assert!(normalize_server("http://a b", "http:").is_err());
    assert_eq!(
        check_join_url("http://x:1/"),
        "http://x:1/api/v3/meet/checkJoin.shtml"
    );
}

#[wasm_bindgen_test]
fn tokens_and_rooms_are_percent_encoded() {
    assert_eq!(percent_encode("a+b/c%2B d=="), "a%2Bb%2Fc%252B%20d%3D%3D");
    assert_eq!(percent_encode("会"), "%E4%BC%9A");
    assert_eq!(percent_encode("Az09-_.~"), "Az09-_.~");
}

#[wasm_bindgen_test]
fn the_room_is_the_alias_then_the_id_then_what_was_typed() {
    assert_eq!(room_of("demo@x", "1061", "typed"), "demo@x");
    assert_eq!(room_of(" ", "1061", "typed"), "1061");
    assert_eq!(room_of("", "", " typed "), "typed");
}

#[wasm_bindgen_test]
fn backoff_grows_to_its_cap_with_bounded_jitter() {
    assert_eq!(backoff_ms(0, 500, 30_000, 0.0), 250);
    assert_eq!(backoff_ms(0, 500, 30_000, 1.0), 500);
    assert_eq!(backoff_ms(3, 500, 30_000, 1.0), 4000);
    assert_eq!(backoff_ms(30, 500, 30_000, 1.0), 30_000);
    for attempt in 0..40 {
        for j in [0.0, 0.3, 0.999] {
            let b = backoff_ms(attempt, 500, 30_000, j);
            assert!((250..=30_000).contains(&b), "{attempt} {j} {b}");
            assert!(backoff_ms(attempt + 1, 500, 30_000, j) >= b);
        }
    }
}

#[wasm_bindgen_test]
fn refresh_comes_at_a_third_of_the_token_life() {
    assert_eq!(refresh_after_ms(120.0), 40_000);
    assert_eq!(refresh_after_ms(3.0), 1000);
    assert_eq!(refresh_after_ms(0.3), 100);
    assert_eq!(refresh_after_ms(0.01), MIN_REFRESH_MS);
    assert_eq!(refresh_after_ms(0.0), 40_000);
    assert_eq!(refresh_after_ms(f64::NAN), 40_000);
}

#[wasm_bindgen_test]
fn a_failed_refresh_is_retried_at_a_pace_scaled_to_the_token_life() {
    assert_eq!(refresh_retry_pace(120.0), (1000, 1.0));
    assert_eq!(refresh_retry_pace(1.5), (250, 0.5));
    assert_eq!(refresh_retry_pace(0.0), (1000, 1.0));
}

#[wasm_bindgen_test]
fn elapsed_times() {
    assert_eq!(format_elapsed(5.7), "0:05");
    assert_eq!(format_elapsed(754.0), "12:34");
    assert_eq!(format_elapsed(3723.0), "1:02:03");
    assert_eq!(format_elapsed(-3.0), "0:00");
}

#[wasm_bindgen_test]
fn every_text_has_both_languages_with_the_same_slots() {
    let slots = |s: &str| {
        let mut v: Vec<String> = s
            .split('{')
            .skip(1)
            .filter_map(|p| p.split_once('}').map(|(k, _)| k.to_owned()))
            .collect();
        v.sort();
        v
    };
    for k in Text::ALL {
        let (zh, en) = (k.get(Lang::Zh), k.get(Lang::En));
        assert!(!zh.trim().is_empty() && !en.trim().is_empty(), "{k:?}");
        assert_eq!(slots(zh), slots(en), "{k:?}");
    }
    assert_eq!(
        fill("Mute {name}", &[("name", "<b>A</b>")]),
        "Mute <b>A</b>"
    );
    assert_eq!(Lang::parse("EN"), Some(Lang::En));
    assert_eq!(Lang::parse("zh-CN"), Some(Lang::Zh));
}

#[wasm_bindgen_test]
fn join_failures_get_their_own_kind() {
    assert_eq!(
        classify_check_join_failure("404", "会议室不存在", "9", true),
        JoinError::UnknownConference("9".into())
    );
    assert_eq!(
        classify_check_join_failure("403", "Wrong meeting password", "1", true),
        JoinError::WrongPin
    );
    assert_eq!(
        classify_check_join_failure("403", "Wrong meeting password", "1", false),
        JoinError::PinRequired
    );
    assert!(matches!(
        classify_check_join_failure("500", "busy", "1", true),
        JoinError::CheckJoinRefused(_)
    ));
    let pin = ApiFailure::PinRequired {
        guest_pin_required: true,
    };
    assert_eq!(
        classify_session_failure(&pin, false, "1"),
        JoinError::PinRequired
    );
    assert_eq!(
        classify_session_failure(&pin, true, "1"),
        JoinError::WrongPin
    );
    let refused = |s: u16, r: &str| ApiFailure::Refused {
        http_status: s,
        reason: r.into(),
    };
    assert_eq!(
        classify_session_failure(&refused(403, "Invalid PIN"), true, "1"),
        JoinError::WrongPin
    );
    assert_eq!(
        classify_session_failure(
            &refused(404, "Neither conference nor gateway found"),
            true,
            "x"
        ),
        JoinError::UnknownConference("x".into())
    );
}

#[wasm_bindgen_test]
fn the_indicator_says_lost_after_repeated_failures() {
    assert_eq!(state_after_failures(0), ConnState::Connecting);
    assert_eq!(state_after_failures(1), ConnState::Reconnecting);
    assert_eq!(state_after_failures(LOST_AFTER), ConnState::Lost);
}

fn person(uuid: &str, name: &str) -> Participant {
    let mut p = Participant::new(uuid);
    p.display_name = name.into();
    p
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
fn slots_are_filled_once_and_values_are_never_read_as_slots() {
    use crate::i18n::fill;
    assert_eq!(
        fill(
            "{label}: failed ({reason})",
            &[("label", "Mute {reason}"), ("reason", "403")]
        ),
        "Mute {reason}: failed (403)"
    );
    assert_eq!(fill("{a}{b}{a}", &[("a", "1"), ("b", "{a}")]), "1{a}1");
    assert_eq!(fill("{unknown} {", &[("a", "1")]), "{unknown} {");
    assert_eq!(fill("会议 {n} 人", &[("n", "3")]), "会议 3 人");
}

#[wasm_bindgen_test]
fn a_stream_chunk_is_decoded_up_to_an_incomplete_character_only() {
    use crate::util::complete_utf8_prefix;
    let zh = "会".as_bytes();
    assert_eq!(complete_utf8_prefix(b"data: x\n"), 8);
    assert_eq!(complete_utf8_prefix(&zh[..2]), 0);
    let mut bytes = b"a\xffb".to_vec();
    assert_eq!(
        complete_utf8_prefix(&bytes),
        3,
        "an invalid byte mid-chunk holds nothing back"
    );
    bytes.extend_from_slice(&zh[..1]);
    assert_eq!(complete_utf8_prefix(&bytes), 3, "the incomplete tail waits");
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
    assert!(log.iter().any(|e| e.revoked), "{log:?}");
}
