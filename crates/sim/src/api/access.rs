//! checkJoin and the access-control commands: new_session, refresh_session, end_session.

use super::error::success;
use super::extract::{Authorised, JsonBody, NodeHost, PinEntry};
use super::state::AppState;
use crate::model::{unix_now, ApiError, ApiResult, RoomInfo};
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::Json;
use huikong_protocol::utc::UtcTime;
use huikong_protocol::{
    CheckJoinRequest, CheckJoinResponse, CheckJoinResults, NewSessionRequest, NewSessionResult,
    NodeVersion, Profile, RefreshSessionResult, Role, ServiceType,
};
use serde_json::json;

fn time_stamp() -> String {
    // The platform writes local time as "2017-05-24 15:41:30"; UTC keeps this dependency-free.
    let t = UtcTime::from_unix(unix_now() as i64);
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}:{:02}",
        t.year, t.month, t.day, t.hour, t.minute, t.second
    )
}

fn check_join_failure(code: &str, msg: &str) -> Response {
    Json(CheckJoinResponse {
        code: code.into(),
        time_stamp: time_stamp(),
        msg: Some(msg.into()),
        results: None,
    })
    .into_response()
}

/// `POST /api/v3/meet/checkJoin.shtml`: checks the join credentials and names the node.
/// It answers in its own envelope, refusals included.
pub async fn check_join(
    State(app): State<AppState>,
    NodeHost(host): NodeHost,
    body: Result<JsonBody<CheckJoinRequest>, ApiError>,
) -> Response {
    let Ok(JsonBody(req)) = body else {
        return check_join_failure(
            "400",
            "请求参数错误：需要 joinAccount 和 participantName / Bad request: joinAccount and participantName are required",
        );
    };
    let info: RoomInfo = {
        let world = app.world();
        match world.find_room(&req.join_account) {
            Ok(room) => world.rooms[room].info.clone(),
            Err(_) => {
                return check_join_failure(
                    "404",
                    "会议室不存在 / No meeting room with this number or address",
                )
            }
        }
    };
    let pwd = req.join_pwd.trim();
    let role = if pwd == info.host_pin {
        Role::Host
    } else if info.guest_pin.as_deref().unwrap_or("") == pwd {
        Role::Guest
    } else {
        return check_join_failure("403", "入会密码错误 / Wrong meeting password");
    };
    let public = app.config().profile == Profile::Public;
    Json(CheckJoinResponse {
        code: "200".into(),
        time_stamp: time_stamp(),
        msg: None,
        results: Some(CheckJoinResults {
            is_dot: false,
            sipkey: info.id.to_string(),
            alias: info.alias.clone(),
            password: req.join_pwd.clone(),
            participant_name: req.participant_name.clone(),
            role_type: Some(role),
            mcu_host: host,
            company_id: "1".into(),
            is_record: public,
            is_live: public,
            conference_name: info.name.clone(),
            allow_guest: true,
        }),
    })
    .into_response()
}

/// `POST new_session`: a token for a display name, with the role the `pin` header opens.
pub async fn new_session(
    State(app): State<AppState>,
    entry: PinEntry,
    host: NodeHost,
    JsonBody(req): JsonBody<NewSessionRequest>,
) -> ApiResult<Response> {
    let name = req.display_name.trim();
    if name.is_empty() {
        return Err(ApiError::IllegalValue);
    }
    let mut world = app.world();
    let (uuid, token) = world.open_session(entry.room, entry.role, name, req.hideme);
    let current = world.session_service_type(entry.room, &uuid, entry.role);
    let public = app.config().profile == Profile::Public;
    let result = NewSessionResult {
        token,
        expires: world.token_ttl.as_secs_f64(),
        participant_uuid: uuid,
        version: Some(NodeVersion {
            pseudo_version: "22112.0.0".into(),
            version_id: "3".into(),
        }),
        role: entry.role,
        chat_enabled: true,
        service_type: ServiceType::Conference,
        stun: Some(json!([{ "url": format!("stun:{}:3478", host.name()) }])),
        display_name: name.to_owned(),
        analytics_enabled: false,
        current_service_type: current,
        allow_1080p: public.then_some(true),
        bandwidth_in: public.then_some(1280),
        bandwidth_out: public.then_some(1280),
        call_type: public.then(|| "video".into()),
        fecc_enabled: public.then_some(true),
        guests_can_present: public.then_some(true),
        owner: public.then(|| app.addr().ip().to_string()),
        rtmp_enabled: public.then_some(true),
        rtsp_enabled: public.then_some(true),
    };
    Ok(success(result))
}

/// `POST refresh_session`: a new token; the old one lives out its own time.
pub async fn refresh_session(State(app): State<AppState>, call: Authorised) -> ApiResult<Response> {
    let mut world = app.world_for(call.room, &call.caller)?;
    let token = world.refresh(&call.caller);
    Ok(success(RefreshSessionResult {
        token,
        expires: world.token_ttl.as_secs_f64(),
        role: Some(call.caller.role),
    }))
}

/// `POST end_session`: releases the session; its participant leaves.
pub async fn end_session(State(app): State<AppState>, call: Authorised) -> ApiResult<Response> {
    let mut world = app.world_for(call.room, &call.caller)?;
    world.end_session(&call.caller.session, "Session ended by the client");
    Ok(success(true))
}
