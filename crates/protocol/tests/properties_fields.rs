//! Property tests of field-by-field decoding: in the document's example of every event that has a
//! body (and of the structured replies), replacing any one field with a value of another JSON
//! type never loses the other fields. The replaced field is coerced or left at its default, any
//! note names it and no other, and only what identifies the body may refuse it, naming itself.

mod common;

use common::example;
use huikong_protocol::envelope::decode_reply_reported;
use huikong_protocol::lenient_json::lenient_json;
use huikong_protocol::{
    CallsResult, Event, FieldNote, JsonKind, NewSessionResult, RefreshSessionResult, ServiceStatus,
};
use proptest::prelude::*;
use serde::Serialize;
use serde_json::{json, Value};

/// Every event with a body: its name, the document's example, and the fields that identify it.
fn event_cases() -> Vec<(&'static str, Value, &'static [&'static str])> {
    let doc = |name: &str| lenient_json(&example(name)).expect("the example reads");
    let mut service_update = doc("event_service_update");
    // The document's example leaves out `started`; the platform sends it too.
    service_update["started"] = json!(true);
    vec![
        ("presentation_start", doc("event_presentation_start"), &[]),
        (
            "participant_create",
            doc("event_participant_create"),
            &["uuid"],
        ),
        (
            "participant_update",
            doc("event_participant_create"),
            &["uuid"],
        ),
        (
            "participant_delete",
            doc("event_participant_delete"),
            &["uuid"],
        ),
        ("service_update", service_update, &[]),
        ("layout", doc("event_layout"), &[]),
        ("message", doc("event_message"), &[]),
        ("stage", doc("event_stage"), &["participant_uuid"]),
        ("call_disconnected", doc("event_call_disconnected"), &[]),
        ("disconnect", doc("event_disconnect"), &[]),
    ]
}

/// A body decoded: re-encoded as the crate writes it, with the notes; or the reason it was refused.
type Outcome = Result<(Value, Vec<FieldNote>), String>;

/// Decodes an event body as the platform would send it.
fn decode_event(name: &str, body: &Value) -> Outcome {
    let d = Event::decode_reported(name, &body.to_string()).map_err(|e| e.0)?;
    let data = serde_json::from_str(&d.event.data()).expect("data() is JSON");
    Ok((data, d.notes))
}

/// Every structured reply: its example's `result`, how it decodes, and what identifies it.
type ReplyDecoder = fn(&Value) -> Outcome;

fn reply<T: huikong_protocol::fields::FromFields + Serialize>(result: &Value) -> Outcome {
    let body = json!({"status": "success", "result": result}).to_string();
    let (t, notes) = decode_reply_reported::<T>(200, &body).map_err(|e| e.reason())?;
    Ok((serde_json::to_value(t).expect("writes"), notes))
}

fn reply_cases() -> Vec<(Value, ReplyDecoder, &'static [&'static str])> {
    let result =
        |name: &str| lenient_json(&example(name)).expect("the example reads")["result"].clone();
    let mut status = result("service_status_response");
    status["started"] = json!(true);
    vec![
        (
            result("new_session_response"),
            reply::<NewSessionResult>,
            &["token", "participant_uuid", "expires"],
        ),
        (
            result("refresh_session_response"),
            reply::<RefreshSessionResult>,
            &["token", "expires"],
        ),
        (status, reply::<ServiceStatus>, &[]),
        (
            result("participant_calls_rtmp_response"),
            reply::<CallsResult>,
            &["call_uuid"],
        ),
    ]
}

/// Where a field sits: a key of the body, or a key of one entry of a list body (`stage`).
#[derive(Debug, Clone, PartialEq)]
struct Spot {
    entry: Option<usize>,
    key: String,
}

fn spots(body: &Value) -> Vec<Spot> {
    let keys = |v: &Value| -> Vec<String> {
        v.as_object()
            .map(|m| m.keys().cloned().collect())
            .unwrap_or_default()
    };
    match body {
        Value::Array(items) => items
            .iter()
            .enumerate()
            .flat_map(|(i, item)| {
                keys(item).into_iter().map(move |key| Spot {
                    entry: Some(i),
                    key,
                })
            })
            .collect(),
        other => keys(other)
            .into_iter()
            .map(|key| Spot { entry: None, key })
            .collect(),
    }
}

fn at<'a>(v: &'a Value, s: &Spot) -> &'a Value {
    match s.entry {
        Some(i) => &v[i][&s.key],
        None => &v[&s.key],
    }
}

fn at_mut<'a>(v: &'a mut Value, s: &Spot) -> &'a mut Value {
    match s.entry {
        Some(i) => &mut v[i][&s.key],
        None => &mut v[&s.key],
    }
}

/// The path a note gives for a spot: `key`, `key[2]` inside it, or `[1].key`.
fn names_spot(note: &FieldNote, s: &Spot) -> bool {
    let path = match s.entry {
        Some(i) => format!("[{i}].{}", s.key),
        None => s.key.clone(),
    };
    note.field == path || note.field.starts_with(&format!("{path}["))
}

/// JSON values of every kind, nested a little.
fn any_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        (-1.0e12f64..1.0e12).prop_map(Value::from),
        any::<String>().prop_map(Value::String),
        prop::sample::select(vec!["YES", "no", "true", "1", "0.5", "", " ", "-3", "1:0"])
            .prop_map(Value::from),
    ];
    leaf.prop_recursive(2, 12, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{0,8}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Replaces the field at `spot` with `value` (of another JSON kind) and checks the outcome.
fn check_replacement(
    decode: &dyn Fn(&Value) -> Outcome,
    body: &Value,
    identity: &[&str],
    spot: &Spot,
    value: Value,
) -> Result<(), TestCaseError> {
    let (baseline, clean) =
        decode(body).map_err(|e| TestCaseError::fail(format!("example: {e}")))?;
    prop_assert!(
        clean.is_empty(),
        "the example decodes without notes: {:?}",
        clean
    );
    let mut changed = body.clone();
    *at_mut(&mut changed, spot) = value.clone();
    match decode(&changed) {
        Ok((decoded, notes)) => {
            for other in spots(body).iter().filter(|s| *s != spot) {
                prop_assert_eq!(
                    at(&decoded, other),
                    at(&baseline, other),
                    "{:?} lost",
                    other
                );
            }
            for n in &notes {
                prop_assert!(names_spot(n, spot), "note {} is not about {:?}", n, spot);
            }
            // A list or an object is never a form of a single value: it is always noted.
            let structured = matches!(JsonKind::of(&value), JsonKind::List | JsonKind::Object);
            let list_field = at(body, spot).is_array();
            if structured && !list_field {
                prop_assert!(!notes.is_empty(), "{:?} replaced silently", spot);
            }
        }
        Err(e) => {
            prop_assert!(
                identity.contains(&spot.key.as_str()),
                "refused for {:?}: {}",
                spot,
                e
            );
            prop_assert!(
                e.contains(&spot.key),
                "the reason names {}: {}",
                spot.key,
                e
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn one_odd_event_field_never_loses_the_others(
        case in 0usize..10,
        pick in any::<prop::sample::Index>(),
        value in any_value(),
    ) {
        let (name, body, identity) = event_cases().swap_remove(case);
        let all = spots(&body);
        let spot = pick.get(&all);
        prop_assume!(JsonKind::of(&value) != JsonKind::of(at(&body, spot)));
        let decode = |b: &Value| decode_event(name, b);
        check_replacement(&decode, &body, identity, spot, value)?;
    }

    #[test]
    fn one_odd_reply_field_never_loses_the_others(
        case in 0usize..4,
        pick in any::<prop::sample::Index>(),
        value in any_value(),
    ) {
        let (body, decode, identity) = reply_cases().swap_remove(case);
        let all = spots(&body);
        let spot = pick.get(&all);
        prop_assume!(JsonKind::of(&value) != JsonKind::of(at(&body, spot)));
        check_replacement(&decode, &body, identity, spot, value)?;
    }
}

#[test]
fn every_event_with_a_body_is_covered() {
    let covered: Vec<&str> = event_cases().iter().map(|(n, _, _)| *n).collect();
    for name in huikong_protocol::EVENT_NAMES {
        let bodiless = Event::decode(name, "").is_ok();
        assert!(bodiless || covered.contains(&name), "{name} has no case");
    }
}

#[test]
fn identity_of_another_type_refuses_the_event_and_says_why() {
    for (name, body) in [
        (
            "participant_update",
            json!({"uuid": 12345, "display_name": "A"}),
        ),
        ("participant_delete", json!({"uuid": ["u"]})),
        (
            "stage",
            json!([{"participant_uuid": {"id": 1}, "vad": 100}]),
        ),
    ] {
        let err = Event::decode(name, &body.to_string()).unwrap_err();
        assert!(err.0.starts_with(name), "{err}");
        assert!(err.0.contains("uuid"), "{err}");
    }
}
