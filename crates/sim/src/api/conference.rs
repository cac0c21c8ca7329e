//! Conference commands under `/api/services/{room}/`: those without a body share one handler
//! that dispatches on the command, as participant commands do; message and override_layout
//! take their body, presentation.jpeg answers a picture.

use super::error::success;
use super::extract::{Authorised, JsonBody};
use super::state::AppState;
use crate::model::{slide_jpeg, ApiError, ApiResult, Room, World};
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use huikong_protocol::{
    ChatMessage, Command, Event, MessageRequest, OverrideLayoutRequest, Profile, ServiceStatus,
};

/// The conference commands without a body.
pub const WITHOUT_BODY: [Command; 8] = [
    Command::ServiceStatus,
    Command::Participants,
    Command::Lock,
    Command::Unlock,
    Command::StartService,
    Command::MuteGuests,
    Command::UnmuteGuests,
    Command::Disconnect,
];

/// Any of [`WITHOUT_BODY`].
pub async fn command(State(app): State<AppState>, call: Authorised) -> ApiResult<Response> {
    let mut world = app.world_for(call.room, &call.caller)?;
    Ok(run(
        &mut world,
        call.room,
        call.command,
        app.config().profile,
    ))
}

fn run(world: &mut World, room: usize, command: Command, profile: Profile) -> Response {
    let switch = |world: &mut World, change: fn(&mut Room)| {
        change(&mut world.rooms[room]);
        success(true)
    };
    match command {
        Command::ServiceStatus => success(service_status(&world.rooms[room], profile)),
        Command::Participants => success(world.rooms[room].participants()),
        Command::Lock => switch(world, |r| r.set_locked(true)),
        Command::Unlock => switch(world, |r| r.set_locked(false)),
        // The enterprise cloud answers success and does nothing (docs/api-notes.md,
        // "Enterprise cloud").
        Command::StartService if !profile.supports(command) => success(true),
        Command::StartService => switch(world, Room::start),
        Command::MuteGuests => switch(world, |r| r.mute_guests(true)),
        Command::UnmuteGuests => switch(world, |r| r.mute_guests(false)),
        // Everyone, the caller included, leaves; the conference ends.
        Command::Disconnect => {
            world.end_conference(room);
            success(true)
        }
        // Routed to their own handlers; reaching here would be a routing mistake.
        _ => ApiError::NoSuchCommand.into_response(),
    }
}

fn service_status(r: &Room, profile: Profile) -> ServiceStatus {
    let enterprise = profile == Profile::Enterprise;
    ServiceStatus {
        guests_muted: r.guests_muted,
        locked: r.locked,
        started: Some(r.started),
        whiteboard: Some(false),
        wb_url: None,
        live_status: enterprise.then_some(false.into()),
        record_status: enterprise.then_some(false.into()),
    }
}

/// message: a chat line to everyone, from the caller.
pub async fn message(
    State(app): State<AppState>,
    call: Authorised,
    JsonBody(req): JsonBody<MessageRequest>,
) -> ApiResult<Response> {
    if req.payload.is_empty() {
        return Err(ApiError::IllegalValue);
    }
    let mut world = app.world_for(call.room, &call.caller)?;
    world.rooms[call.room]
        .bus
        .emit(&Event::Message(ChatMessage {
            origin: call.caller.display_name,
            mime_type: req.mime_type,
            payload: req.payload,
            uuid: call.caller.session,
        }));
    Ok(success(true))
}

/// override_layout: answers the participants.
pub async fn override_layout(
    State(app): State<AppState>,
    call: Authorised,
    JsonBody(req): JsonBody<OverrideLayoutRequest>,
) -> ApiResult<Response> {
    req.validate().map_err(|_| ApiError::IllegalValue)?;
    let mut world = app.world_for(call.room, &call.caller)?;
    let r = &mut world.rooms[call.room];
    r.override_layout(req.layouts);
    Ok(success(r.participants()))
}

/// presentation.jpeg (token in the header or `?token=`): the current slide.
pub async fn presentation_jpeg(
    State(app): State<AppState>,
    call: Authorised,
) -> ApiResult<Response> {
    let slide = app.world_for(call.room, &call.caller)?.rooms[call.room]
        .screen
        .presentation
        .clone()
        .ok_or(ApiError::NoPresentation)?;
    let body = slide_jpeg::render(&slide.presenter, slide.frame);
    let headers = [
        (header::CONTENT_TYPE, "image/jpeg"),
        (header::CACHE_CONTROL, "no-store"),
    ];
    Ok((headers, body).into_response())
}
