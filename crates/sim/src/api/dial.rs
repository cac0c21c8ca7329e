//! `dial`: a call out from the room. The new participant rings (`connecting`), then answers
//! after a while, or is dropped at once (`busy` destinations) or after the no-answer timeout
//! (`noanswer` destinations).

use super::error::success;
use super::extract::{Authorised, JsonBody};
use super::state::AppState;
use crate::model::dial_out::{callee, dialled, Callee};
use crate::model::{ApiError, ApiResult};
use axum::extract::State;
use axum::response::Response;
use huikong_protocol::DialRequest;

pub async fn dial(
    State(app): State<AppState>,
    call: Authorised,
    JsonBody(req): JsonBody<DialRequest>,
) -> ApiResult<Response> {
    req.validate().map_err(|_| ApiError::IllegalValue)?;
    let profile = app.config().profile;
    if !profile.dial_protocols().contains(&req.protocol.as_str()) {
        return Err(ApiError::Unsupported);
    }
    let outcome = callee(&req.destination);
    let uuid = {
        let mut world = app.world_for(call.room, &call.caller)?;
        let r = &mut world.rooms[call.room];
        let p = dialled(&req, &r.info.alias);
        let uuid = p.uuid.clone();
        r.join(p, true);
        if let Some(m) = r.member_mut(&uuid) {
            m.dial = Some(req);
        }
        if let Callee::Busy = outcome {
            world.remove_participant(call.room, &uuid, "Call rejected: busy");
        }
        uuid
    };
    match outcome {
        Callee::Busy => {}
        Callee::Answers => ring(app, call.room, uuid.clone(), true),
        Callee::NoAnswer => ring(app, call.room, uuid.clone(), false),
    }
    Ok(success(vec![uuid]))
}

/// The dialled participant rings a while, then answers, or else is dropped.
fn ring(app: AppState, room: usize, uuid: String, answers: bool) {
    let wait = if answers {
        app.config().dial_answer
    } else {
        app.config().dial_no_answer
    };
    tokio::spawn(async move {
        tokio::time::sleep(wait).await;
        let mut world = app.world();
        let r = &mut world.rooms[room];
        // The call may have been hung up, or the conference ended, while it rang.
        if !r.member(&uuid).is_some_and(|m| m.ringing) {
            return;
        }
        if answers {
            r.answer(&uuid);
        } else {
            world.remove_participant(room, &uuid, "No answer");
        }
    });
}
