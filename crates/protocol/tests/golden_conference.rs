//! The document's examples for the conference commands (dial, service_status, lock/unlock,
//! start_service, muteguests, disconnect, message, participants, override_layout).

mod common;

use common::{example, keys, strict};
use huikong_protocol::envelope::{decode, decode_reply, CommandOutcome};
use huikong_protocol::{
    ApiFailure, Audience, DialRequest, LayoutOverride, MessageRequest, OverrideLayoutRequest,
    Participant, Role, ServiceStatus, ServiceType,
};

#[test]
fn dial_request_example() {
    let text = example("dial_request");
    let req: DialRequest = decode(&text).unwrap();
    assert_eq!(req.role, Role::Guest);
    assert_eq!(req.destination, "bob@example.com");
    assert_eq!(req.protocol, "sip");
    assert_eq!(req.source_display_name.as_deref(), Some("Alice"));
    assert!(!req.streaming);
    assert_eq!(req.presentation_url, None);
    assert_eq!(req.call_type, None);
    assert_eq!(req.validate(), Ok(()));
    let back = serde_json::to_value(&req).unwrap();
    assert_eq!(keys(&back), keys(&strict(&text)));
    assert_eq!(back, strict(&text));
}

#[test]
fn dial_request_rtmp_streaming_encodes_yes() {
    let mut req = DialRequest::new("rtmp://live.example.com/app/key", "rtmp", Role::Guest);
    req.streaming = true;
    req.call_type = Some("video".into());
    req.keep_conference_alive = Some("keep_conference_alive_never".into());
    let v = serde_json::to_value(&req).unwrap();
    assert_eq!(v["streaming"], "yes");
    assert_eq!(v["role"], "guest");
    let back: DialRequest = serde_json::from_value(v).unwrap();
    assert_eq!(back, req);
    assert_eq!(back.validate(), Ok(()));
    req.protocol = "telnet".into();
    assert!(req.validate().is_err());
}

#[test]
fn dial_response_example() {
    let uuids: Vec<String> = decode_reply(200, &example("dial_response")).unwrap();
    assert_eq!(
        uuids,
        vec!["977fcd1c-8e3c-4dcf-af45-e536b77af088".to_string()]
    );
}

#[test]
fn dial_response_typographic_original() {
    let original =
        "{ “status” : “success” , “result” : [ “977fcd1c-8e3c-4dcf-af45-e536b77af088” ] }";
    let uuids: Vec<String> = decode_reply(200, original).unwrap();
    assert_eq!(
        uuids,
        vec!["977fcd1c-8e3c-4dcf-af45-e536b77af088".to_string()]
    );
}

#[test]
fn service_status_response_example() {
    let s: ServiceStatus = decode_reply(200, &example("service_status_response")).unwrap();
    assert!(!s.guests_muted);
    assert!(!s.locked);
    assert_eq!(s.started, None);
    assert_eq!(s.whiteboard, None);
}

#[test]
fn service_status_enterprise_fields() {
    let s: ServiceStatus = decode_reply(
        200,
        r#"{"status": "success", "result": {"guests_muted": "true", "locked": true,
            "started": true, "whiteboard": false, "Live_status": "off", "Record_status": 1}}"#,
    )
    .unwrap();
    assert!(s.guests_muted && s.locked);
    assert_eq!(s.started, Some(true));
    assert_eq!(s.whiteboard, Some(false));
    assert_eq!(s.live_status, Some(serde_json::json!("off")));
    assert_eq!(s.record_status, Some(serde_json::json!(1)));
}

/// The `'true'` result of a command, as the examples write it.
fn outcome_of(name: &str) -> bool {
    decode_reply::<CommandOutcome>(200, &example(name))
        .unwrap()
        .0
}

#[test]
fn lock_unlock_response_example() {
    assert!(outcome_of("lock_unlock_response"));
}

#[test]
fn lock_unlock_response_typographic_original() {
    let original = "{“status”: “success”, “result”: ‘true’}";
    assert!(decode_reply::<CommandOutcome>(200, original).unwrap().0);
}

#[test]
fn start_service_response_example() {
    assert!(outcome_of("start_service_response"));
}

#[test]
fn muteguests_response_example() {
    assert!(outcome_of("muteguests_response"));
}

#[test]
fn disconnect_response_example() {
    assert!(outcome_of("disconnect_response"));
}

#[test]
fn command_outcome_false() {
    // "操作成功，result 返回 true，否则返回 false": false in any of the spellings.
    for body in [
        r#"{"status": "success", "result": false}"#,
        r#"{"status": "success", "result": "false"}"#,
        r#"{"status": "success", "result": 'false'}"#,
    ] {
        assert!(
            !decode_reply::<CommandOutcome>(200, body).unwrap().0,
            "{body}"
        );
    }
}

#[test]
fn message_request_example() {
    let text = example("message_request");
    let req: MessageRequest = decode(&text).unwrap();
    assert_eq!(req.mime_type, "text/plain");
    assert_eq!(req.payload, "Hello World");
    assert_eq!(req, MessageRequest::text("Hello World"));
    let back = serde_json::to_value(&req).unwrap();
    assert_eq!(keys(&back), keys(&strict(&text)));
    assert_eq!(back, strict(&text));
}

#[test]
fn message_response_example() {
    assert!(outcome_of("message_response"));
}

/// The document elides the list as `[...]` and points to participant_create for each entry:
/// the elision filled with the participant_create example (verbatim, commas missing and all).
fn filled_participant_list(name: &str) -> String {
    example(name).replace("...", &example("event_participant_create"))
}

#[test]
fn participants_response_example() {
    // As printed, `[...]` is an elision, not a value: a malformed reply, never a panic.
    let err = decode_reply::<Vec<Participant>>(200, &example("participants_response")).unwrap_err();
    assert!(
        matches!(
            err,
            ApiFailure::Malformed {
                http_status: 200,
                ..
            }
        ),
        "{err:?}"
    );
    let list: Vec<Participant> =
        decode_reply(200, &filled_participant_list("participants_response")).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].uuid, "50b956c8-9a63-4711-8630-3810f8666b04");
    assert_eq!(list[0].display_name, "Alice");
    assert_eq!(list[0].role, Role::Host);
    assert_eq!(list[0].service_type, ServiceType::Conference);
}

#[test]
fn override_layout_request_example() {
    let text = example("override_layout_request");
    let req: OverrideLayoutRequest = decode(&text).unwrap();
    assert_eq!(req.layouts.len(), 2);
    let hosts = &req.layouts[0];
    assert_eq!(hosts.audience, Audience::Hosts);
    assert!(hosts.actors.is_empty());
    assert!(hosts.vad_backfill);
    assert_eq!(hosts.layout, "2:21");
    assert_eq!(hosts.plus_n, "auto");
    assert_eq!(hosts.actors_overlay_text, "auto");
    let guests = &req.layouts[1];
    assert_eq!(guests.audience, Audience::Guests);
    assert_eq!(guests.layout, "2:21");
    assert_eq!(
        *guests,
        LayoutOverride::new(Audience::Guests, "2:21", vec![], true)
    );
    assert_eq!(req.validate(), Ok(()));
    let back = serde_json::to_value(&req).unwrap();
    let original = strict(&text);
    assert_eq!(keys(&back), keys(&original));
    assert_eq!(
        keys(&back["layouts"][0]),
        keys(&original["layouts"][0]),
        "layout entry keys"
    );
    assert_eq!(back, original);
}

#[test]
fn override_layout_schematic_example() {
    // `{'layouts':[layout1, layout2]}` names its entries rather than giving them: it does not
    // decode as is, and with the full example's two entries in their place it is that body.
    let schematic = example("override_layout_request_schematic");
    assert!(decode::<OverrideLayoutRequest>(&schematic).is_err());
    let full = strict(&example("override_layout_request"));
    let filled = schematic
        .replace("layout1", &full["layouts"][0].to_string())
        .replace("layout2", &full["layouts"][1].to_string());
    let req: OverrideLayoutRequest = decode(&filled).unwrap();
    assert_eq!(serde_json::to_value(&req).unwrap(), full);
}

#[test]
fn override_layout_actors_turn_plus_n_off() {
    let o = LayoutOverride::new(Audience::Hosts, "1:7", vec!["u1".into()], false);
    assert_eq!(o.plus_n, "off");
    let v = serde_json::to_value(&o).unwrap();
    assert_eq!(v["audience"], "hosts");
    assert_eq!(v["actors"], serde_json::json!(["u1"]));
    let bad = OverrideLayoutRequest {
        layouts: vec![LayoutOverride::new(Audience::Guests, "3:3", vec![], true)],
    };
    assert!(bad.validate().is_err());
    assert!(OverrideLayoutRequest { layouts: vec![] }
        .validate()
        .is_err());
}

#[test]
fn override_layout_response_example() {
    let err =
        decode_reply::<Vec<Participant>>(200, &example("override_layout_response")).unwrap_err();
    assert!(matches!(err, ApiFailure::Malformed { .. }), "{err:?}");
    let list: Vec<Participant> =
        decode_reply(200, &filled_participant_list("override_layout_response")).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].display_name, "Alice");
}
