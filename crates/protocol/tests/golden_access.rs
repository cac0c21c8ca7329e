//! The document's examples for checkJoin and the access-control commands (new_session,
//! refresh_session), decoded through the crate's public decoders.

mod common;

use common::{example, examples, keys, strict};
use huikong_protocol::envelope::{decode, decode_reply};
use huikong_protocol::{
    CheckJoinRequest, CheckJoinResponse, CheckJoinResults, NewSessionRequest, NewSessionResult,
    RefreshSessionResult, Role, ServiceType,
};
use serde_json::json;

/// The fixture holds every example of the document, each once, none empty.
#[test]
fn fixture_holds_every_example() {
    let all = examples();
    assert_eq!(all.len(), 38, "examples in doc_examples.txt");
    let mut names: Vec<&str> = all.iter().map(|(n, _)| *n).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), all.len(), "an example name occurs twice");
    for (name, text) in &all {
        assert!(!text.trim().is_empty(), "example {name} is empty");
    }
}

/// The document writes `xxxx` for every value; this is the example with realistic values in
/// their place (types as the response table gives them), its layout otherwise kept.
fn check_join_with_values() -> String {
    let text = example("check_join_response")
        .replace("\"isDot\": xxxx", "\"isDot\": false")
        .replace("\"sipkey\": \"xxxx\"", "\"sipkey\": \"1061\"")
        .replace(
            "\"alias\": \"xxx@xxx.com\"",
            "\"alias\": \"zjvmr@myvmr.cn\"",
        )
        .replace("\"password\": \"xxxx\"", "\"password\": \"123456\"")
        .replace(
            "\"participantName\": \"xxxx\"",
            "\"participantName\": \"Jiang\"",
        )
        .replace("\"roleType\": \"xxxx\"", "\"roleType\": \"host\"")
        .replace(
            "\"mcuHost\": \"xxx.xxx.cn\"",
            "\"mcuHost\": \"mcu1.myvmr.cn\"",
        )
        .replace("\"companyId\": xxx", "\"companyId\": 1024")
        .replace("\"isRecord\": xxxx", "\"isRecord\": true")
        .replace("\"isLive\": xxxx", "\"isLive\": false");
    assert!(!text.contains("xxx"), "a stand-in is left: {text}");
    text
}

#[test]
fn check_join_response_example() {
    let response: CheckJoinResponse = decode(&check_join_with_values()).expect("decodes");
    assert_eq!(response.code, "200");
    assert_eq!(response.time_stamp, "2017-05-24 15:41:30");
    assert_eq!(response.msg, None);
    let r = response.into_result().expect("code 200 is success");
    assert!(!r.is_dot);
    assert_eq!(r.sipkey, "1061");
    assert_eq!(r.alias, "zjvmr@myvmr.cn");
    assert_eq!(r.password, "123456");
    assert_eq!(r.participant_name, "Jiang");
    assert_eq!(r.role_type, Some(Role::Host));
    assert_eq!(r.mcu_host, "mcu1.myvmr.cn");
    assert_eq!(r.company_id, "1024");
    assert!(r.is_record);
    assert!(!r.is_live);
    // Absent from the example: conferenceName empty, allowGuest defaults to yes.
    assert_eq!(r.conference_name, "");
    assert!(r.allow_guest);
}

#[test]
fn check_join_stand_ins_are_not_values() {
    // Bare `xxxx` is no JSON value, and the lenient reader does not invent one.
    let err = decode::<CheckJoinResponse>(&example("check_join_response")).unwrap_err();
    assert!(!err.0.is_empty());
}

#[test]
fn check_join_failure_carries_msg() {
    let r: CheckJoinResponse =
        decode(r#"{"code": "401", "timeStamp": "2017-05-24 15:41:30", "msg": "密码错误"}"#)
            .unwrap();
    assert_eq!(r.into_result(), Err("密码错误".to_string()));
    let r: CheckJoinResponse = decode(r#"{"code": 500}"#).unwrap();
    assert_eq!(r.into_result(), Err("checkJoin code 500".to_string()));
}

#[test]
fn check_join_request_uses_camel_case_keys() {
    let req = CheckJoinRequest {
        join_account: "1061".into(),
        join_pwd: "123456".into(),
        participant_name: "Jiang".into(),
    };
    assert_eq!(
        serde_json::to_value(&req).unwrap(),
        json!({"joinAccount": "1061", "joinPwd": "123456", "participantName": "Jiang"})
    );
}

#[test]
fn check_join_role_type_encodes_host_guest() {
    let text = check_join_with_values();
    let mut r = decode::<CheckJoinResponse>(&text)
        .unwrap()
        .into_result()
        .unwrap();
    let v = serde_json::to_value(&r).unwrap();
    assert_eq!(v["roleType"], "host");
    assert_eq!(v["allowGuest"], "yes");
    r.role_type = Some(Role::Guest);
    assert_eq!(serde_json::to_value(&r).unwrap()["roleType"], "guest");
    // A point-to-point call has no role: the empty string, which reads back as none.
    r.role_type = None;
    let v = serde_json::to_value(&r).unwrap();
    assert_eq!(v["roleType"], "");
    let back: CheckJoinResults = serde_json::from_value(v).unwrap();
    assert_eq!(back.role_type, None);
}

#[test]
fn new_session_request_example() {
    let text = example("new_session_request");
    let req: NewSessionRequest = decode(&text).unwrap();
    assert_eq!(req.display_name, "jiang");
    assert!(!req.hideme);
    let back = serde_json::to_value(&req).unwrap();
    assert_eq!(keys(&back), keys(&strict(&text)));
    assert_eq!(back, strict(&text));
    let hidden = NewSessionRequest {
        display_name: "jiang".into(),
        hideme: true,
    };
    assert_eq!(serde_json::to_value(&hidden).unwrap()["hideme"], "yes");
}

#[test]
fn new_session_request_typographic_original() {
    // The document's own bytes, with an opening ” where “ belongs.
    let req: NewSessionRequest = decode("{“display_name”:”jiang”, “hideme”: “no”}").unwrap();
    assert_eq!(req.display_name, "jiang");
    assert!(!req.hideme);
}

#[test]
fn new_session_response_example() {
    let r: NewSessionResult = decode_reply(200, &example("new_session_response")).unwrap();
    assert!(r.token.starts_with("JGyCszPq/CnFVz7Pe/259Wpgf"));
    assert!(r.token.ends_with("rtiq4%3D"));
    assert_eq!(r.expires, 120.0);
    assert_eq!(r.participant_uuid, "11ecc456-808a-485c-96fc-fcdaded72f3e");
    let version = r.version.as_ref().expect("version");
    assert_eq!(version.pseudo_version, "22112.0.0");
    assert_eq!(version.version_id, "3");
    assert_eq!(r.role, Role::Host);
    assert!(r.chat_enabled);
    assert_eq!(r.service_type, ServiceType::Conference);
    assert_eq!(r.stun, None);
    assert_eq!(r.display_name, "xx");
    assert!(!r.analytics_enabled);
    assert_eq!(r.current_service_type, ServiceType::Conference);
    assert_eq!(r.allow_1080p, Some(true));
    assert_eq!(r.bandwidth_in, Some(512));
    assert_eq!(r.bandwidth_out, Some(512));
    assert_eq!(r.call_type.as_deref(), Some("video"));
    assert_eq!(r.fecc_enabled, Some(true));
    assert_eq!(r.guests_can_present, Some(true));
    assert_eq!(r.owner.as_deref(), Some("120.132.87.97"));
    assert_eq!(r.rtmp_enabled, Some(true));
    assert_eq!(r.rtsp_enabled, Some(true));
}

#[test]
fn new_session_result_encodes_role_and_expires_as_the_document() {
    let text = example("new_session_response");
    let mut r: NewSessionResult = decode_reply(200, &text).unwrap();
    let v = serde_json::to_value(&r).unwrap();
    assert_eq!(v["role"], "HOST");
    assert_eq!(v["expires"], "120");
    // Every key of the example comes back.
    assert_eq!(keys(&v), keys(&strict(&text)["result"]));
    r.role = Role::Guest;
    assert_eq!(serde_json::to_value(&r).unwrap()["role"], "GUEST");
    // The enterprise cloud leaves the public-only fields out; they stay out.
    let enterprise: NewSessionResult = decode_reply(
        200,
        r#"{"status": "success", "result": {"token": "t", "expires": 120,
            "participant_uuid": "u", "role": "GUEST"}}"#,
    )
    .unwrap();
    let v = serde_json::to_value(&enterprise).unwrap();
    assert_eq!(v["expires"], "120");
    assert_eq!(v["role"], "GUEST");
    assert!(v.get("allow_1080p").is_none() && v.get("owner").is_none());
}

#[test]
fn refresh_session_response_example() {
    let r: RefreshSessionResult = decode_reply(200, &example("refresh_session_response")).unwrap();
    assert_eq!(r.token, "SE9TVAltZ...etc...jQ4YTVmMzM3MDMwNDFlNjI%3D");
    assert_eq!(r.expires, 120.0);
    assert_eq!(r.role, None);
    let v = serde_json::to_value(&r).unwrap();
    assert_eq!(
        v,
        json!({"token": "SE9TVAltZ...etc...jQ4YTVmMzM3MDMwNDFlNjI%3D", "expires": "120"})
    );
}

#[test]
fn refresh_session_role_field() {
    // The response table lists `Role` (capitalised); both spellings of the key are read.
    for key in ["Role", "role"] {
        let body = format!(
            r#"{{"status": "success", "result": {{"token": "t", "expires": "120", "{key}": "GUEST"}}}}"#
        );
        let r: RefreshSessionResult = decode_reply(200, &body).unwrap();
        assert_eq!(r.role, Some(Role::Guest));
        assert_eq!(serde_json::to_value(&r).unwrap()["role"], "GUEST");
    }
}
