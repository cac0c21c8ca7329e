//! The document's examples for the participant commands (disconnect, mute/unmute,
//! allow/denyrxpresentation, spotlighton/off, unlock, role, transfer, calls).

mod common;

use common::{example, keys, strict};
use huikong_protocol::envelope::{decode, decode_reply, CommandOutcome};
use huikong_protocol::{
    CallsRequest, CallsResult, DtmfRequest, ParticipantCommand, Role, RoleRequest, TransferRequest,
};

fn outcome_of(name: &str) -> bool {
    decode_reply::<CommandOutcome>(200, &example(name))
        .unwrap()
        .0
}

#[test]
fn participant_disconnect_response_example() {
    assert!(outcome_of("participant_disconnect_response"));
}

#[test]
fn participant_mute_response_example() {
    assert!(outcome_of("participant_mute_response"));
}

#[test]
fn participant_rxpresentation_response_example() {
    assert!(outcome_of("participant_rxpresentation_response"));
}

#[test]
fn participant_spotlight_response_example() {
    assert!(outcome_of("participant_spotlight_response"));
}

#[test]
fn participant_unlock_response_example() {
    // Plain double quotes around the members, single quotes around the result.
    assert!(outcome_of("participant_unlock_response"));
}

#[test]
fn participant_role_request_example() {
    let text = example("participant_role_request");
    let req: RoleRequest = decode(&text).unwrap();
    assert_eq!(req.role, Role::Host);
    let back = serde_json::to_value(&req).unwrap();
    assert_eq!(keys(&back), keys(&strict(&text)));
    assert_eq!(back, strict(&text));
    let guest = RoleRequest { role: Role::Guest };
    assert_eq!(serde_json::to_value(guest).unwrap()["role"], "guest");
}

#[test]
fn participant_role_response_example() {
    assert!(outcome_of("participant_role_response"));
}

#[test]
fn participant_transfer_request_example() {
    let text = example("participant_transfer_request");
    let req: TransferRequest = decode(&text).unwrap();
    assert_eq!(req.role, Role::Guest);
    assert_eq!(req.conference_alias, "meet@example.com");
    assert_eq!(req.pin.as_deref(), Some("1234"));
    let back = serde_json::to_value(&req).unwrap();
    assert_eq!(keys(&back), keys(&strict(&text)));
    assert_eq!(back, strict(&text));
}

#[test]
fn participant_transfer_request_typographic_original() {
    let original = "{“role”: “guest”, “conference_alias”: “meet@example.com”, “pin”: “1234”}";
    let req: TransferRequest = decode(original).unwrap();
    assert_eq!(
        req,
        decode(&example("participant_transfer_request")).unwrap()
    );
}

#[test]
fn participant_transfer_without_pin_leaves_it_out() {
    let req = TransferRequest {
        role: Role::Host,
        conference_alias: "1062".into(),
        pin: None,
    };
    assert_eq!(
        serde_json::to_value(&req).unwrap(),
        serde_json::json!({"role": "chair", "conference_alias": "1062"})
    );
}

#[test]
fn participant_transfer_response_example() {
    assert!(outcome_of("participant_transfer_response"));
}

#[test]
fn participant_calls_request_example() {
    let text = example("participant_calls_request");
    let req: CallsRequest = decode(&text).unwrap();
    assert_eq!(req.call_type, "WEBRTC");
    assert_eq!(req.sdp.as_deref(), Some("..."));
    assert!(!req.is_rtmp());
    assert_eq!(req.streaming, None);
    let back = serde_json::to_value(&req).unwrap();
    assert_eq!(keys(&back), keys(&strict(&text)));
    assert_eq!(back, strict(&text));
}

#[test]
fn participant_calls_rtmp_request_shape() {
    let req = CallsRequest::rtmp(true);
    assert!(req.is_rtmp());
    assert_eq!(
        serde_json::to_value(&req).unwrap(),
        serde_json::json!({"call_type": "RTMP", "streaming": true})
    );
    // The document's table gives `streaming` as true/false; a string form reads too.
    let back: CallsRequest = decode(r#"{"call_type": "rtmp", "streaming": "false"}"#).unwrap();
    assert_eq!(back.streaming, Some(false));
    assert!(back.is_rtmp());
}

#[test]
fn participant_calls_webrtc_response_example() {
    let r: CallsResult = decode_reply(200, &example("participant_calls_webrtc_response")).unwrap();
    assert_eq!(r.call_uuid, "50ed679d-c622-4c0e-b251-e217f2aa030b");
    assert_eq!(r.sdp.as_deref(), Some("..."));
    assert_eq!(r.url, None);
    assert_eq!(r.secure_url, None);
}

#[test]
fn participant_calls_rtmp_response_example() {
    let r: CallsResult = decode_reply(200, &example("participant_calls_rtmp_response")).unwrap();
    assert_eq!(r.call_uuid, "50ed679d-c622-4c0e-b251-e217f2aa030b");
    assert_eq!(r.sdp, None);
    assert_eq!(
        r.url.as_deref(),
        Some("rtmp://10.0.0.1:40002/zjcloud/50ed679d-c622-4c0e-b251-e217f2aa030b")
    );
    assert_eq!(
        r.secure_url.as_deref(),
        Some("rtmps://hostname.mcuHost:40003/zjcloud/50ed679d-c622-4c0e-b251-e217f2aa030b")
    );
}

#[test]
fn dtmf_body_and_digits() {
    // `{"digits": "1234#"}`, digits from `0-9 * # A-D`.
    let req: DtmfRequest = decode(r#"{"digits": "1234#"}"#).unwrap();
    assert_eq!(req.digits, "1234#");
    assert_eq!(huikong_protocol::validate_dtmf("0123456789*#ABCD"), Ok(()));
    assert!(huikong_protocol::validate_dtmf("12e").is_err());
    assert!(huikong_protocol::validate_dtmf("").is_err());
}

#[test]
fn participant_command_paths_round_trip() {
    let paths = [
        "disconnect",
        "mute",
        "unmute",
        "allowrxpresentation",
        "denyrxpresentation",
        "spotlighton",
        "spotlightoff",
        "unlock",
        "dtmf",
        "calls",
        "role",
        "transfer",
    ];
    for (cmd, path) in ParticipantCommand::ALL.into_iter().zip(paths) {
        assert_eq!(cmd.path(), path);
        assert_eq!(ParticipantCommand::from_path(path), Some(cmd));
        assert!(cmd.is_host_only());
    }
    assert_eq!(ParticipantCommand::from_path("kick"), None);
}
