//! Participant commands under `/api/services/{room}/participants/{uuid}/`.

use crate::error::{success, ApiError, ApiResult};
use crate::http::{host_name, host_of, json_body, AppState};
use crate::rooms::{new_uuid, unix_now, World};
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use huikong_protocol::{
    validate_dtmf, CallsRequest, CallsResult, DtmfRequest, ParticipantCommand, RoleRequest,
    RxPresentationPolicy, TransferRequest,
};

pub async fn participant_command(
    State(app): State<AppState>,
    Path((room, uuid, command)): Path<(String, String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<Response> {
    let mut world = app.world();
    // The token is checked before the command name is resolved: without a valid token the
    // answer is 403 "Invalid token" whatever the path, as for every other command.
    let (ix, caller) = app.authorize(&world, &room, &headers, false)?;
    let cmd = ParticipantCommand::from_path(&command).ok_or(ApiError::NoSuchCommand)?;
    if cmd.is_host_only() && !caller.role.is_host() {
        return Err(ApiError::NotPermitted);
    }
    if !app.config().profile.supports_participant(cmd) {
        return Err(ApiError::Unsupported);
    }
    if world.rooms[ix].member(&uuid).is_none() {
        return Err(ApiError::ParticipantNotFound);
    }
    let host = host_of(&headers, app.addr());
    run(&mut world, ix, &uuid, cmd, &body, &host)
}

fn run(
    world: &mut World,
    ix: usize,
    uuid: &str,
    cmd: ParticipantCommand,
    body: &[u8],
    host: &str,
) -> ApiResult<Response> {
    use ParticipantCommand::*;
    let room = &mut world.rooms[ix];
    match cmd {
        Disconnect => world.remove_participant(ix, uuid, "API initiated participant disconnect"),
        Mute | Unmute => {
            let muted = cmd == Mute;
            room.update(uuid, |m| m.p.is_muted = muted);
        }
        AllowRxPresentation | DenyRxPresentation => {
            let policy = if cmd == AllowRxPresentation {
                RxPresentationPolicy::Allow
            } else {
                RxPresentationPolicy::Deny
            };
            room.update(uuid, |m| m.p.rx_presentation_policy = policy);
        }
        SpotlightOn | SpotlightOff => {
            let at = if cmd == SpotlightOn {
                unix_now().floor()
            } else {
                0.0
            };
            room.update(uuid, |m| m.p.spotlight = at);
            room.refresh_screen();
        }
        Unlock => {
            room.admit(uuid);
        }
        Dtmf => {
            let req: DtmfRequest = json_body(body)?;
            validate_dtmf(&req.digits).map_err(|_| ApiError::IllegalValue)?;
            if let Some(m) = room.member_mut(uuid) {
                m.dtmf.push(req.digits);
            }
        }
        Calls => {
            let req: CallsRequest = json_body(body)?;
            let result = calls(&req, host)?;
            room.update(uuid, |m| m.calls.push(result.call_uuid.clone()));
            return Ok(success(result));
        }
        Role => {
            let req: RoleRequest = json_body(body)?;
            world.set_role(ix, uuid, req.role);
        }
        Transfer => {
            let req: TransferRequest = json_body(body)?;
            let to = world.find_room(&req.conference_alias)?;
            if !world.rooms[to]
                .info
                .pin_admits(req.role, req.pin.as_deref())
            {
                return Err(ApiError::InvalidPin);
            }
            world.transfer(ix, uuid, to, req.role)?;
        }
    }
    Ok(success(true))
}

/// A sub-call: RTMP answers with its URLs on this node; WebRTC answers the offer's SDP.
fn calls(req: &CallsRequest, host: &str) -> ApiResult<CallsResult> {
    let call_uuid = new_uuid();
    let name = host_name(host);
    if req.is_rtmp() {
        return Ok(CallsResult {
            url: Some(format!("rtmp://{name}:40002/zjcloud/{call_uuid}")),
            secure_url: Some(format!("rtmps://{name}:40003/zjcloud/{call_uuid}")),
            sdp: None,
            call_uuid,
        });
    }
    if !req.call_type.eq_ignore_ascii_case("webrtc") {
        return Err(ApiError::IllegalValue);
    }
    let offer = req
        .sdp
        .as_deref()
        .filter(|s| s.contains("m="))
        .ok_or(ApiError::IllegalValue)?;
    Ok(CallsResult {
        sdp: Some(sdp_answer(offer, name)),
        url: None,
        secure_url: None,
        call_uuid,
    })
}

/// An SDP answer that accepts every media line of the offer with its first format.
fn sdp_answer(offer: &str, host: &str) -> String {
    let session = fastrand::u32(..);
    let mut out = format!(
        "v=0\r\no=huikong-sim {session} 1 IN IP4 {host}\r\ns=-\r\nc=IN IP4 {host}\r\nt=0 0\r\n"
    );
    for (i, line) in offer.lines().filter(|l| l.starts_with("m=")).enumerate() {
        let mut parts = line.trim_start_matches("m=").split_whitespace();
        let media = parts.next().unwrap_or("audio");
        let proto = parts.nth(1).unwrap_or("UDP/TLS/RTP/SAVPF");
        let format = parts.next().unwrap_or("0");
        out.push_str(&format!(
            "m={media} {} {proto} {format}\r\na=mid:{i}\r\na=sendrecv\r\n",
            40000 + 2 * i
        ));
    }
    out
}
