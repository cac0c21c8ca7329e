//! Property tests: no input makes a decoder panic, and the lenient fallback agrees with strict
//! parsing wherever strict parsing succeeds.

use huikong_protocol::envelope::{decode_reply, CommandOutcome};
use huikong_protocol::lenient_json::{lenient_json, repair_json};
use huikong_protocol::sse::{parse_all, SseParser};
use huikong_protocol::{Event, NewSessionResult, Participant, ServiceStatus};
use proptest::prelude::*;
use serde_json::Value;

/// The document's names, the capitalised spellings it also uses, and one it does not list.
fn event_names() -> Vec<&'static str> {
    let mut names = huikong_protocol::EVENT_NAMES.to_vec();
    names.extend(["Message", "Stage", "Disconnect", "no_such_event"]);
    names
}

/// Runs every decoder of the crate on `text`. Each must return, not panic.
fn decode_everything(text: &str) {
    for name in event_names() {
        let decoded = Event::decode(name, text);
        match name {
            "no_such_event" => assert!(matches!(decoded, Ok(Event::Unknown { .. }))),
            // Events without a body, and disconnect, decode from any data at all.
            "presentation_stop" => assert_eq!(decoded, Ok(Event::PresentationStop)),
            "presentation_frame" => assert_eq!(decoded, Ok(Event::PresentationFrame)),
            "participant_sync_begin" => assert_eq!(decoded, Ok(Event::ParticipantSyncBegin)),
            "participant_sync_end" => assert_eq!(decoded, Ok(Event::ParticipantSyncEnd)),
            "disconnect" | "Disconnect" => {
                assert!(matches!(decoded, Ok(Event::Disconnect { .. })))
            }
            _ => {}
        }
    }
    for status in [200, 403, 502] {
        let _ = decode_reply::<Value>(status, text);
        let _ = decode_reply::<CommandOutcome>(status, text);
        let _ = decode_reply::<Vec<Participant>>(status, text);
        let _ = decode_reply::<NewSessionResult>(status, text);
        let _ = decode_reply::<ServiceStatus>(status, text);
    }
    let _ = huikong_protocol::envelope::decode::<Participant>(text);
    let _ = lenient_json(text);
    let _ = parse_all(text);
}

/// Text made of the characters the repair treats specially, so that its paths are exercised
/// far more often than by arbitrary Unicode.
fn json_ish() -> impl Strategy<Value = String> {
    let alphabet = vec![
        '{', '}', '[', ']', ':', ',', '"', '\'', '“', '”', '‘', '’', '„', '：', '，', '\\', '\n',
        '\r', ' ', '\t', 'a', 'u', '1', '-', '.', 'e', 't', 'r', 'n', 'l', '\u{0}', '\u{feff}',
    ];
    prop::collection::vec(prop::sample::select(alphabet), 0..160)
        .prop_map(|cs| cs.into_iter().collect())
}

/// Arbitrary JSON values, nested a few levels.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        (-1.0e9f64..1.0e9).prop_map(Value::from),
        any::<String>().prop_map(Value::String),
        "[a-zA-Z_“”‘’' ]{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{0,10}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Objects shaped like event bodies, with fields that sometimes are the ones decoders read.
fn body_like() -> impl Strategy<Value = Value> {
    let key = prop::sample::select(vec![
        "uuid",
        "role",
        "is_muted",
        "start_time",
        "spotlight",
        "service_type",
        "locked",
        "guests_muted",
        "view",
        "participants",
        "stage_index",
        "participant_uuid",
        "vad",
        "reason",
        "call_uuid",
        "presenter_name",
        "status",
        "result",
        "token",
        "expires",
        "pin",
        "guest_pin",
    ]);
    prop::collection::btree_map(key, json_value(), 0..8)
        .prop_map(|m| Value::Object(m.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn arbitrary_strings_never_panic(text in any::<String>()) {
        decode_everything(&text);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        decode_everything(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn json_ish_text_never_panics(text in json_ish()) {
        decode_everything(&text);
        // Whatever the repair makes of it is either JSON or rejected; it never grows wildly.
        if let Some(r) = repair_json(&text) {
            prop_assert!(r.len() <= 8 * text.len() + 8);
        }
    }

    #[test]
    fn arbitrary_json_values_never_panic(v in json_value()) {
        decode_everything(&v.to_string());
        let reply = serde_json::json!({"status": "success", "result": v.clone()});
        decode_everything(&reply.to_string());
        let failed = serde_json::json!({"status": "failed", "result": v});
        let _ = decode_reply::<Value>(403, &failed.to_string());
    }

    #[test]
    fn body_shaped_values_never_panic(v in body_like()) {
        decode_everything(&v.to_string());
        decode_everything(&serde_json::to_string_pretty(&v).unwrap());
    }

    #[test]
    fn lenient_agrees_with_strict_on_json(v in json_value()) {
        for text in [v.to_string(), serde_json::to_string_pretty(&v).unwrap()] {
            let strict: Value = serde_json::from_str(&text).unwrap();
            prop_assert_eq!(lenient_json(&text), Some(strict));
        }
    }

    #[test]
    fn document_style_objects_repair_to_the_object(
        members in prop::collection::btree_map(
            "[a-z_]{1,10}",
            prop_oneof![
                "[a-zA-Z0-9 ./@:-]{0,16}".prop_map(Value::String),
                any::<bool>().prop_map(Value::Bool),
                (0u32..2_000_000_000).prop_map(Value::from),
            ],
            1..8,
        ),
        typographic in any::<bool>(),
        brace_lost in any::<bool>(),
    ) {
        // The participant_create and call_disconnected habits: one member a line, no commas,
        // typographic quotes, no opening brace.
        let (open, close) = if typographic { ('“', '”') } else { ('"', '"') };
        let lines: Vec<String> = members
            .iter()
            .map(|(k, v)| match v {
                Value::String(s) => format!("{open}{k}{close}: {open}{s}{close}  "),
                other => format!("{open}{k}{close}: {other}"),
            })
            .collect();
        let text = format!("{}{}}}", if brace_lost { "" } else { "{" }, lines.join("\n"));
        let want = Value::Object(members.into_iter().collect());
        prop_assert_eq!(lenient_json(&text), Some(want));
    }

    #[test]
    fn sse_parser_never_panics_on_any_split(text in any::<String>(), cut in 0usize..64) {
        let mut p = SseParser::new();
        let at = (0..=cut.min(text.len())).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
        let (head, tail) = text.split_at(at);
        let mut frames = p.feed(head);
        frames.extend(p.feed(tail));
        // Split or whole, the stream reads the same.
        let mut whole = SseParser::new();
        prop_assert_eq!(frames, whole.feed(&text));
    }
}

#[test]
fn deep_nesting_never_panics() {
    for depth in [1usize, 127, 128, 129, 1_000, 20_000] {
        for (open, close) in [("[", "]"), ("{\"a\":", "}"), ("{'a' ", "}")] {
            let unclosed = open.repeat(depth);
            let closed = format!("{unclosed}1{}", close.repeat(depth));
            let mismatched = format!("{unclosed}{}", "]}".repeat(depth));
            for text in [&unclosed, &closed, &mismatched] {
                decode_everything(text);
            }
        }
    }
    // Within serde_json's nesting limit the repaired text parses; beyond it, the answer is
    // `None`, not a crash.
    assert_eq!(
        lenient_json(&"[".repeat(100)).map(|v| v.is_array()),
        Some(true)
    );
    assert_eq!(lenient_json(&"[".repeat(5_000)), None);
}

#[test]
fn repair_is_linear_in_time() {
    // Shapes that would be quadratic with a naive closer search or repeated inserts.
    let n = 200_000;
    let texts = [
        format!("{}{}", "{".repeat(n), "]".repeat(n)),
        format!("{}{}", "[".repeat(n), "}".repeat(n)),
        "\"k\": 1\n".repeat(n / 8),
        "'a' ".repeat(n / 4),
    ];
    let started = std::time::Instant::now();
    for t in &texts {
        let _ = repair_json(t);
        let _ = lenient_json(t);
    }
    assert!(
        started.elapsed() < std::time::Duration::from_secs(5),
        "took {:?}",
        started.elapsed()
    );
}
