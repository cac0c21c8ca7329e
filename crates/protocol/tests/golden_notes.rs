//! The readings `docs/api-notes.md` fixes where the document is silent: loose values, role spellings,
//! unknown fields and events, the failure replies, the paths and the deployment table.

use huikong_protocol::envelope::{decode, decode_reply, CommandOutcome};
use huikong_protocol::{
    ApiFailure, Command, DialRequest, Event, NewSessionResult, Participant, ParticipantCommand,
    Profile, RefreshSessionResult, Role, ServiceStatus,
};
use serde_json::Value;

#[test]
fn booleans_true_and_string_true() {
    for (result, want) in [
        ("true", true),
        ("\"true\"", true),
        ("'true'", true),
        ("false", false),
        ("\"false\"", false),
    ] {
        let body = format!(r#"{{"status": "success", "result": {result}}}"#);
        let got = decode_reply::<CommandOutcome>(200, &body).unwrap().0;
        assert_eq!(got, want, "{result}");
    }
    let s: ServiceStatus = decode(r#"{"guests_muted": "true", "locked": "false"}"#).unwrap();
    assert!(s.guests_muted);
    assert!(!s.locked);
    // A word that is no boolean is an error, not a silent false.
    assert!(
        decode_reply::<CommandOutcome>(200, r#"{"status": "success", "result": "maybe"}"#).is_err()
    );
}

#[test]
fn flags_yes_no_and_booleans_both_read() {
    let p: Participant = decode(
        r#"{"uuid": "u", "is_muted": true, "is_presenting": "YES", "has_media": "true",
            "is_video_call": "NO", "is_external": "no"}"#,
    )
    .unwrap();
    assert!(p.is_muted && p.is_presenting && p.has_media);
    assert!(!p.is_video_call && !p.is_external);
}

fn session(expires: &str) -> NewSessionResult {
    let body = format!(
        r#"{{"status": "success", "result": {{"token": "t", "expires": {expires},
            "participant_uuid": "u", "role": "HOST"}}}}"#
    );
    decode_reply(200, &body).unwrap()
}

#[test]
fn expires_string_or_number() {
    assert_eq!(session("\"120\"").expires, 120.0);
    assert_eq!(session("120").expires, 120.0);
    assert_eq!(session("120.0").expires, 120.0);
    let r: RefreshSessionResult = decode(r#"{"token": "t", "expires": 90}"#).unwrap();
    assert_eq!(r.expires, 90.0);
    assert_eq!(serde_json::to_value(&r).unwrap()["expires"], "90");
    assert!(decode::<RefreshSessionResult>(r#"{"token": "t", "expires": "soon"}"#).is_err());
}

#[test]
fn fractional_start_time() {
    let p: Participant = decode(r#"{"uuid": "u", "start_time": 1441720992.375}"#).unwrap();
    assert_eq!(p.start_time, 1441720992.375);
    let p: Participant = decode(r#"{"uuid": "u", "start_time": "1441720992.5"}"#).unwrap();
    assert_eq!(p.start_time, 1441720992.5);
    let p: Participant = decode(r#"{"uuid": "u", "spotlight": 1441721000.25}"#).unwrap();
    assert!(p.is_spotlit());
}

#[test]
fn role_from_every_spelling() {
    for (text, want) in [
        ("host", Role::Host),
        ("HOST", Role::Host),
        ("chair", Role::Host),
        ("guest", Role::Guest),
        ("GUEST", Role::Guest),
    ] {
        assert_eq!(Role::parse(text), Some(want), "{text}");
        let p: Participant = decode(&format!(r#"{{"uuid": "u", "role": "{text}"}}"#)).unwrap();
        assert_eq!(p.role, want, "participant role {text}");
        let s: NewSessionResult = decode(&format!(
            r#"{{"token": "t", "expires": "120", "participant_uuid": "u", "role": "{text}"}}"#
        ))
        .unwrap();
        assert_eq!(s.role, want, "session role {text}");
        let d: DialRequest = decode(&format!(
            r#"{{"role": "{text}", "destination": "d", "protocol": "sip"}}"#
        ))
        .unwrap();
        assert_eq!(d.role, want, "dial role {text}");
    }
    assert_eq!(Role::parse("owner"), None);
    // One odd role does not lose the whole participant: it reads as guest.
    let p: Participant = decode(r#"{"uuid": "u", "role": "owner"}"#).unwrap();
    assert_eq!(p.role, Role::Guest);
    // A command body with an unknown role is refused rather than guessed at.
    assert!(
        decode::<DialRequest>(r#"{"role": "owner", "destination": "d", "protocol": "sip"}"#)
            .is_err()
    );
}

#[test]
fn unknown_fields_are_ignored() {
    let p: Participant =
        decode(r#"{"uuid": "u", "display_name": "A", "is_conference": true, "buzz": {"x": [1]}}"#)
            .unwrap();
    assert_eq!(p.display_name, "A");
    let uuids: Vec<String> = decode_reply(
        200,
        r#"{"status": "success", "result": ["u1"], "took_ms": 3, "server": "mcu1"}"#,
    )
    .unwrap();
    assert_eq!(uuids, vec!["u1".to_string()]);
    let e = Event::decode(
        "layout",
        r#"{"view": "1:0", "participants": [], "extra": 1}"#,
    )
    .unwrap();
    assert_eq!(e.name(), "layout");
}

#[test]
fn unknown_event_names_are_kept() {
    let e = Event::decode("whiteboard_update", r#"{"url": "https://wb"}"#).unwrap();
    assert_eq!(
        e,
        Event::Unknown {
            name: "whiteboard_update".into(),
            data: r#"{"url": "https://wb"}"#.into(),
        }
    );
    assert_eq!(e.name(), "whiteboard_update");
    assert_eq!(e.data(), r#"{"url": "https://wb"}"#);
    // Even with data that is not JSON.
    let e = Event::decode("refer", "not json at all").unwrap();
    assert!(matches!(e, Event::Unknown { ref data, .. } if data == "not json at all"));
}

fn failure(status: u16, body: &str) -> ApiFailure {
    decode_reply::<Value>(status, body).unwrap_err()
}

#[test]
fn invalid_token_is_refused_403() {
    let f = failure(403, r#"{"status": "failed", "result": "Invalid token"}"#);
    assert_eq!(
        f,
        ApiFailure::Refused {
            http_status: 403,
            reason: "Invalid token".into()
        }
    );
    assert!(f.is_invalid_token());
    assert_eq!(f.http_status(), 403);
    assert_eq!(f.to_string(), "Invalid token");
}

#[test]
fn pin_required_objects() {
    let f = failure(
        403,
        r#"{"status": "failed", "result": {"pin": "required", "guest_pin": "none"}}"#,
    );
    assert_eq!(
        f,
        ApiFailure::PinRequired {
            guest_pin_required: false
        }
    );
    assert_eq!(f.http_status(), 403);
    assert!(!f.is_invalid_token());
    let f = failure(
        403,
        r#"{"status": "failed", "result": {"pin": "required", "guest_pin": "required"}}"#,
    );
    assert_eq!(
        f,
        ApiFailure::PinRequired {
            guest_pin_required: true
        }
    );
}

#[test]
fn other_refusals_carry_status_and_reason() {
    for (status, reason) in [
        (403, "Invalid PIN"),
        (403, "Not permitted"),
        (404, "Neither conference nor gateway found"),
        (404, "Participant not found"),
        (400, "Illegal value"),
    ] {
        let body = format!(r#"{{"status": "failed", "result": "{reason}"}}"#);
        let f = failure(status, &body);
        assert_eq!(
            f,
            ApiFailure::Refused {
                http_status: status,
                reason: reason.into()
            }
        );
        assert!(!f.is_invalid_token());
    }
}

#[test]
fn non_json_gateway_error_is_malformed() {
    let f = failure(502, "<html><body><h1>502 Bad Gateway</h1></body></html>");
    match &f {
        ApiFailure::Malformed {
            http_status,
            detail,
        } => {
            assert_eq!(*http_status, 502);
            assert!(detail.contains("HTTP 502"), "{detail}");
            assert!(detail.contains("502 Bad Gateway"), "{detail}");
        }
        other => panic!("not malformed: {other:?}"),
    }
    assert_eq!(f.http_status(), 502);
    assert!(matches!(
        failure(504, ""),
        ApiFailure::Malformed {
            http_status: 504,
            ..
        }
    ));
}

#[test]
fn status_and_http_code_must_both_say_success() {
    // A failed status under 200 is still a failure.
    assert_eq!(
        failure(200, r#"{"status": "failed", "result": "Illegal value"}"#),
        ApiFailure::Refused {
            http_status: 200,
            reason: "Illegal value".into()
        }
    );
    // A success body under a 5xx code is a failure too.
    assert!(matches!(
        failure(500, r#"{"status": "success", "result": true}"#),
        ApiFailure::Refused {
            http_status: 500,
            ..
        }
    ));
    assert_eq!(
        failure(500, r#"{"status": "failed", "result": null}"#).reason(),
        "HTTP 500"
    );
    // A success whose result does not fit the expected type is malformed, not a panic.
    let f = decode_reply::<Vec<String>>(200, r#"{"status": "success", "result": 7}"#).unwrap_err();
    assert!(
        matches!(
            f,
            ApiFailure::Malformed {
                http_status: 200,
                ..
            }
        ),
        "{f:?}"
    );
}

#[test]
fn conference_command_paths() {
    let paths = [
        "new_session",
        "refresh_session",
        "end_session",
        "dial",
        "service_status",
        "lock",
        "unlock",
        "start_service",
        "muteguests",
        "unmuteguests",
        "disconnect",
        "message",
        "participants",
        "override_layout",
        "events",
        "presentation.jpeg",
    ];
    for (cmd, path) in Command::ALL.into_iter().zip(paths) {
        assert_eq!(cmd.path(), path);
        assert_eq!(Command::from_path(path), Some(cmd));
    }
    let gets: Vec<_> = Command::ALL.into_iter().filter(|c| c.is_get()).collect();
    assert_eq!(
        gets,
        [
            Command::ServiceStatus,
            Command::Participants,
            Command::Events,
            Command::PresentationJpeg
        ]
    );
    assert!(Command::Dial.is_host_only());
    assert!(!Command::Message.is_host_only());
    assert!(!Command::NewSession.is_host_only());
}

#[test]
fn deployment_support_table() {
    assert!(Command::ALL
        .into_iter()
        .all(|c| Profile::Public.supports(c)));
    let e = Profile::Enterprise;
    assert!(!e.supports(Command::StartService));
    assert!(!e.supports(Command::OverrideLayout));
    assert!(e.supports(Command::Dial) && e.supports(Command::Participants));
    for unsupported in [
        ParticipantCommand::SpotlightOn,
        ParticipantCommand::SpotlightOff,
        ParticipantCommand::Unlock,
        ParticipantCommand::Role,
        ParticipantCommand::Transfer,
    ] {
        assert!(!e.supports_participant(unsupported), "{unsupported:?}");
        assert!(Profile::Public.supports_participant(unsupported));
    }
    assert!(e.supports_participant(ParticipantCommand::Mute));
    assert!(e.supports_participant(ParticipantCommand::Calls));
    assert!(!e.sends_event("participant_create"));
    assert!(!e.sends_event("presentation_frame"));
    assert!(e.sends_event("participant_update") && e.sends_event("stage"));
    assert_eq!(Profile::parse(" Enterprise "), Some(Profile::Enterprise));
    assert_eq!(Profile::parse("private"), None);
}

#[test]
fn participant_times_are_written_as_whole_seconds_like_the_document() {
    let mut p = huikong_protocol::Participant::new("50b956c8-9a63-4711-8630-3810f8666b04");
    p.start_time = 1441720992.0;
    let v = serde_json::to_value(&p).unwrap();
    assert_eq!(v["start_time"], serde_json::json!(1441720992));
    assert_eq!(v["spotlight"], serde_json::json!(0));
    p.start_time = 1441720992.5;
    let v = serde_json::to_value(&p).unwrap();
    assert_eq!(v["start_time"], serde_json::json!(1441720992.5));
}

#[test]
fn the_enterprise_cloud_dials_h323_and_sip_only() {
    use huikong_protocol::{Profile, DIAL_PROTOCOLS};
    assert_eq!(Profile::Public.dial_protocols(), &DIAL_PROTOCOLS[..]);
    assert_eq!(Profile::Enterprise.dial_protocols(), &["sip", "h323"][..]);
}
