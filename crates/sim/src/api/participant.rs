//! Participant commands under `/api/services/{room}/participants/{uuid}/`: one handler that
//! dispatches on the command; each command reads the body it needs.

use super::error::success;
use super::extract::{json, NodeHost, ParticipantCall};
use super::state::AppState;
use crate::model::{sub_calls, ApiError, ApiResult, World};
use axum::body::Bytes;
use axum::extract::State;
use axum::response::Response;
use huikong_protocol::{
    validate_dtmf, CallsRequest, DtmfRequest, ParticipantCommand, RoleRequest,
    RxPresentationPolicy, TransferRequest,
};

pub async fn participant_command(
    State(app): State<AppState>,
    call: ParticipantCall,
    host: NodeHost,
    body: Bytes,
) -> ApiResult<Response> {
    let mut world = app.world_for(call.room, &call.caller)?;
    // It may have left since the call was checked.
    if world.rooms[call.room].member(&call.uuid).is_none() {
        return Err(ApiError::ParticipantNotFound);
    }
    run(&mut world, &call, &body, &host)
}

fn run(
    world: &mut World,
    call: &ParticipantCall,
    body: &[u8],
    host: &NodeHost,
) -> ApiResult<Response> {
    use ParticipantCommand::*;
    let (cmd, uuid) = (call.command, call.uuid.as_str());
    let room = &mut world.rooms[call.room];
    match cmd {
        Disconnect => {
            world.remove_participant(call.room, uuid, "API initiated participant disconnect")
        }
        Mute | Unmute => {
            room.set_muted(uuid, cmd == Mute);
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
            room.set_spotlight(uuid, cmd == SpotlightOn);
        }
        Unlock => {
            room.admit(uuid);
        }
        Dtmf => {
            let req: DtmfRequest = json(body)?;
            validate_dtmf(&req.digits).map_err(|_| ApiError::IllegalValue)?;
            if let Some(m) = room.member_mut(uuid) {
                m.dtmf.push(req.digits);
            }
        }
        Calls => {
            let req: CallsRequest = json(body)?;
            let result = sub_calls::answer(&req, host.name())?;
            room.update(uuid, |m| m.calls.push(result.call_uuid.clone()));
            return Ok(success(result));
        }
        Role => {
            let req: RoleRequest = json(body)?;
            world.set_role(call.room, uuid, req.role);
        }
        Transfer => {
            let req: TransferRequest = json(body)?;
            let to = world.find_room(&req.conference_alias)?;
            if !world.rooms[to]
                .info
                .pin_admits(req.role, req.pin.as_deref())
            {
                return Err(ApiError::InvalidPin);
            }
            world.transfer(call.room, uuid, to, req.role)?;
        }
    }
    Ok(success(true))
}
