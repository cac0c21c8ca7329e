//! config.json, the URL parameters and the postMessage protocol, checked in headless Chromium.

use crate::embed::messages::{join_error_code, parse_inbound, Inbound, LaunchParams, Outbound};
use crate::host::config::{normalize_origin, parse_config, ConfigIssue};
use crate::i18n::Lang;
use crate::platform::join::{JoinError, JoinParams};
use huikong_protocol::{Profile, Role};
use serde_json::json;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn a_full_config_sets_every_default() {
    let l = parse_config(
        r#"{"api_server":"api.example.cn/","profile":"enterprise","language":"en",
            "title":" Intranet Meetings ","embed_allowed_origins":["https://Portal.Example:443/"],
            "future_field":1}"#,
        "https:",
    );
    assert!(l.issues.is_empty(), "{:?}", l.issues);
    assert_eq!(
        l.config.api_server.as_deref(),
        Some("https://api.example.cn")
    );
    assert_eq!(l.config.profile, Some(Profile::Enterprise));
    assert_eq!(l.config.language, Some(Lang::En));
    assert_eq!(l.config.title.as_deref(), Some("Intranet Meetings"));
    assert_eq!(
        l.config.embed_allowed_origins,
        vec!["https://portal.example"]
    );
}

#[wasm_bindgen_test]
fn the_shipped_config_equals_the_built_in_defaults() {
    let l = parse_config(include_str!("../../config.json"), "https:");
    assert!(l.issues.is_empty(), "{:?}", l.issues);
    let c = l.config;
    // The same choices as when nothing is set: the page's origin, public cloud, Chinese, the
    // built-in title, no embedding messages.
    assert_eq!(c.api_server, None);
    assert_eq!(c.profile.unwrap_or_default(), Profile::default());
    assert_eq!(c.language.unwrap_or_default(), Lang::default());
    assert_eq!(c.title, None);
    assert!(c.embed_allowed_origins.is_empty());
}

#[wasm_bindgen_test]
fn a_broken_config_falls_back_entirely() {
    for text in ["{not json", "[1,2]", "\"text\"", ""] {
        let l = parse_config(text, "https:");
        assert_eq!(l.config, Default::default(), "{text}");
        assert!(
            matches!(l.issues.as_slice(), [ConfigIssue::Broken(_)]),
            "{text}: {:?}",
            l.issues
        );
        assert_eq!(l.issues[0].code(), "broken");
    }
}

#[wasm_bindgen_test]
fn a_bad_field_costs_only_that_field() {
    let l = parse_config(
        r#"{"api_server":"ftp://x","profile":"private","language":"fr","title":5,
            "embed_allowed_origins":["*","https://ok.example","https://a.example/path",7]}"#,
        "https:",
    );
    assert_eq!(l.config.api_server, None);
    assert_eq!(l.config.profile, None);
    assert_eq!(l.config.language, None);
    assert_eq!(l.config.title, None);
    assert_eq!(l.config.embed_allowed_origins, vec!["https://ok.example"]);
    let fields: Vec<&str> = l
        .issues
        .iter()
        .map(|i| match i {
            ConfigIssue::Field { field, .. } => field.as_str(),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        fields,
        [
            "api_server",
            "profile",
            "language",
            "title",
            "embed_allowed_origins",
            "embed_allowed_origins",
            "embed_allowed_origins"
        ]
    );
    let l = parse_config(r#"{"embed_allowed_origins":"https://a.example"}"#, "https:");
    assert_eq!(l.issues[0].code(), "invalid");
}

#[wasm_bindgen_test]
fn origins_are_written_as_a_browser_writes_them() {
    assert_eq!(
        normalize_origin("HTTPS://Portal.Example/").unwrap(),
        "https://portal.example"
    );
    assert_eq!(normalize_origin("http://h:80").unwrap(), "http://h");
    assert_eq!(normalize_origin("http://h:8080").unwrap(), "http://h:8080");
    assert_eq!(normalize_origin("https://h:80").unwrap(), "https://h:80");
    for bad in [
        "*",
        "null",
        "portal.example",
        "https://*.example",
        "https://a/b",
        "file:///x",
        "",
    ] {
        assert!(normalize_origin(bad).is_err(), "{bad}");
    }
}

#[wasm_bindgen_test]
fn url_parameters_prefill_and_never_read_a_pin() {
    let p = LaunchParams::from_pairs([
        ("conference", " 1061 "),
        ("name", "Alice"),
        ("lang", "en"),
        ("profile", "enterprise"),
        ("autojoin", ""),
        ("compact", "1"),
        ("pin", "123456"),
    ]);
    assert_eq!(p.conference.as_deref(), Some("1061"));
    assert_eq!(p.name.as_deref(), Some("Alice"));
    assert_eq!(p.lang, Some(Lang::En));
    assert_eq!(p.profile, Some(Profile::Enterprise));
    assert!(p.autojoin && p.compact && p.had_pin);
    let p = LaunchParams::from_pairs([("autojoin", "0"), ("compact", "no"), ("lang", "xx")]);
    assert!(!p.autojoin && !p.compact && !p.had_pin);
    assert_eq!(p.lang, None);
}

#[wasm_bindgen_test]
fn a_join_message_fills_what_it_gives() {
    let Ok(Inbound::Join(req)) =
        parse_inbound(r#"{"type":"join","conference":"1061","pin":"123456","name":"Portal"}"#)
    else {
        panic!("not a join");
    };
    let base = JoinParams {
        server: "https://api.example".into(),
        hideme: true,
        profile: Profile::Enterprise,
        ..JoinParams::default()
    };
    let p = req.merge_into(base).unwrap();
    assert_eq!(p.server, "https://api.example");
    assert_eq!(
        (p.conference.as_str(), p.pin.as_str(), p.name.as_str()),
        ("1061", "123456", "Portal")
    );
    assert!(p.hideme);
    assert_eq!(p.profile, Profile::Enterprise);
    let Ok(Inbound::Join(req)) = parse_inbound(r#"{"type":"join","profile":"cloud"}"#) else {
        panic!("not a join");
    };
    assert!(req.merge_into(JoinParams::default()).is_err());
}

#[wasm_bindgen_test]
fn other_messages_and_bad_ones() {
    assert!(matches!(
        parse_inbound(r#"{"type":"leave"}"#),
        Ok(Inbound::Leave)
    ));
    assert!(matches!(
        parse_inbound(r#"{"type":"set_language","language":"en"}"#),
        Ok(Inbound::SetLanguage(Lang::En))
    ));
    let Ok(Inbound::Wall(text)) = parse_inbound(
        r#"{"type":"wall","rooms":[{"conference":"room01@x","name":"早会","pin":"123456"},{"conference":"room02@x"}]}"#,
    ) else {
        panic!("a wall message");
    };
    let rooms = huikong_core::wall::parse_portal_rooms(&text).unwrap();
    assert_eq!(rooms.len(), 2);
    assert_eq!(rooms[0].pin.as_deref(), Some("123456"));
    assert_eq!(rooms[1].pin, None);
    assert!(
        !format!("{rooms:?}").contains("123456"),
        "a PIN never printed"
    );
    for bad in [
        "42",
        "not json",
        r#"{"no":"type"}"#,
        r#"{"type":"reboot"}"#,
        r#"{"type":"set_language","language":"fr"}"#,
        r#"{"type":"join","pin":5}"#,
        r#"{"type":"join","session":{"room":"demo"}}"#,
        r#"{"type":"wall","rooms":{"conference":"a"}}"#,
    ] {
        assert!(parse_inbound(bad).is_err(), "{bad}");
    }
}

#[wasm_bindgen_test]
fn a_ready_made_session_becomes_a_joined_session() {
    let msg = json!({"type": "join", "session": {
        "api_base": "http://127.0.0.1:8098", "room": "demo@huikong.local",
        "token": "T", "expires": "120", "role": "HOST", "participant_uuid": "u-1",
        "display_name": "Portal", "conference_name": "演示会议室"}});
    let Ok(Inbound::JoinSession(s)) = parse_inbound(&msg.to_string()) else {
        panic!("not a session");
    };
    let j = s.into_joined("https:", Profile::Public, None).unwrap();
    assert_eq!(
        j.api_base(),
        "http://127.0.0.1:8098/api/services/demo%40huikong.local/"
    );
    assert_eq!(j.room, "demo@huikong.local");
    assert_eq!(j.check.conference_name, "演示会议室");
    assert_eq!(j.granted.role, Role::Host);
    assert_eq!(j.granted.expires, 120.0);
    assert_eq!(j.params.server, "http://127.0.0.1:8098");
    assert!(j.params.pin.is_empty());

    let msg = json!({"type": "join", "session": {
        "api_base": "https://node.example/api/services/r1", "room": "r1",
        "token": "T", "expires": 60, "role": "GUEST", "participant_uuid": "u-2", "profile": "enterprise"}});
    let Ok(Inbound::JoinSession(s)) = parse_inbound(&msg.to_string()) else {
        panic!("not a session");
    };
    let j = s.into_joined("https:", Profile::Public, None).unwrap();
    assert_eq!(j.api_base(), "https://node.example/api/services/r1/");
    assert_eq!(j.params.profile, Profile::Enterprise);

    // A blank token is refused: by the decoder (a session without a token is no session) or,
    // failing that, when the session would be used.
    let msg = json!({"type": "join", "session": {
        "api_base": "https://n", "room": "r", "token": "", "expires": 60, "role": "HOST",
        "participant_uuid": "u"}});
    let refused = match parse_inbound(&msg.to_string()) {
        Ok(Inbound::JoinSession(s)) => s.into_joined("https:", Profile::Public, None).is_err(),
        _ => true,
    };
    assert!(refused, "a session with a blank token was accepted");
}

#[wasm_bindgen_test]
fn outgoing_messages_have_their_documented_shapes() {
    assert_eq!(
        Outbound::ParticipantCount(15).to_json(),
        json!({"source": "huikong", "version": 1, "type": "participant_count", "count": 15})
    );
    assert_eq!(
        Outbound::SessionLost {
            kind: "ended",
            reason: "bye".into()
        }
        .to_json(),
        json!({"source": "huikong", "version": 1, "type": "session_lost", "kind": "ended", "reason": "bye"})
    );
    assert_eq!(
        Outbound::Ready {
            state: "join",
            language: Lang::Zh,
            profile: Profile::Public,
            compact: true
        }
        .to_json(),
        json!({"source": "huikong", "version": 1, "type": "ready", "state": "join",
               "language": "zh", "profile": "public", "compact": true})
    );
    assert_eq!(
        Outbound::error("busy", "m".into(), Some("join")).to_json(),
        json!({"source": "huikong", "version": 1, "type": "error", "code": "busy", "message": "m", "request": "join"})
    );
    assert_eq!(
        Outbound::Alert {
            kind: "command_failed",
            subject: "lock".into(),
            detail: "Service unavailable".into(),
            unseen: 2,
            conference: None,
        }
        .to_json(),
        json!({"source": "huikong", "version": 1, "type": "alert", "kind": "command_failed",
               "subject": "lock", "detail": "Service unavailable", "unseen": 2})
    );
    assert_eq!(join_error_code(&JoinError::WrongPin), "wrong_pin");
    assert_eq!(join_error_code(&JoinError::PinRequired), "pin_required");
}

#[wasm_bindgen_test]
fn under_the_proxy_a_portals_session_reaches_its_node_through_this_site() {
    let proxy = Some("https://intranet.example/platform");
    let msg = json!({"type": "join", "session": {
        "api_base": "https://node-2.mcu.example:8443", "room": "demo@huikong.local",
        "token": "T", "expires": 120, "role": "HOST", "participant_uuid": "u-1"}});
    let Ok(Inbound::JoinSession(s)) = parse_inbound(&msg.to_string()) else {
        panic!("not a session");
    };
    let j = s.into_joined("https:", Profile::Public, proxy).unwrap();
    assert_eq!(
        j.api_base(),
        "https://intranet.example/platform/node/node-2.mcu.example:8443/api/services/demo%40huikong.local/"
    );
    assert_eq!(j.params.server, "https://intranet.example/platform");
    assert_eq!(j.params.proxy.as_deref(), proxy);

    let msg = json!({"type": "join", "session": {
        "api_base": "https://node.example/api/services/r1", "room": "r1",
        "token": "T", "expires": 60, "role": "GUEST", "participant_uuid": "u-2"}});
    let Ok(Inbound::JoinSession(s)) = parse_inbound(&msg.to_string()) else {
        panic!("not a session");
    };
    let j = s.into_joined("https:", Profile::Public, proxy).unwrap();
    assert_eq!(
        j.api_base(),
        "https://intranet.example/platform/node/node.example/api/services/r1/"
    );
}
