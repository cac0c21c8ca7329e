//! Conference commands under `/api/services/{room}/`.

use crate::conference::Room;
use crate::error::{success, ApiError, ApiResult};
use crate::http::{json_body, token_of, AppState};
use crate::jpeg;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};
use huikong_protocol::{
    ChatMessage, Command, Event, MessageRequest, OverrideLayoutRequest, Profile, ServiceStatus,
};

type RoomPath = Path<String>;

pub async fn service_status(
    State(app): State<AppState>,
    Path(room): RoomPath,
    headers: HeaderMap,
) -> ApiResult<Response> {
    let world = app.world();
    let (ix, _) = app.authorize(
        &world,
        &room,
        &headers,
        Command::ServiceStatus.is_host_only(),
    )?;
    let r = &world.rooms[ix];
    let enterprise = app.config().profile == Profile::Enterprise;
    Ok(success(ServiceStatus {
        guests_muted: r.guests_muted,
        locked: r.locked,
        started: Some(r.started),
        whiteboard: Some(false),
        wb_url: None,
        live_status: enterprise.then_some(false.into()),
        record_status: enterprise.then_some(false.into()),
    }))
}

/// A command without a body that changes the room and answers `true`: lock, unlock,
/// start_service, muteguests, unmuteguests.
async fn switch(
    app: AppState,
    room: String,
    headers: HeaderMap,
    cmd: Command,
    change: impl FnOnce(&mut Room),
) -> ApiResult<Response> {
    let mut world = app.world();
    let (ix, _) = app.authorize(&world, &room, &headers, cmd.is_host_only())?;
    change(&mut world.rooms[ix]);
    Ok(success(true))
}

pub async fn lock(
    State(app): State<AppState>,
    Path(room): RoomPath,
    headers: HeaderMap,
) -> ApiResult<Response> {
    switch(app, room, headers, Command::Lock, |r| r.set_locked(true)).await
}

pub async fn unlock(
    State(app): State<AppState>,
    Path(room): RoomPath,
    headers: HeaderMap,
) -> ApiResult<Response> {
    switch(app, room, headers, Command::Unlock, |r| r.set_locked(false)).await
}

/// start_service. The enterprise cloud answers success and does nothing (its table: "先返回200 OK").
pub async fn start_service(
    State(app): State<AppState>,
    Path(room): RoomPath,
    headers: HeaderMap,
) -> ApiResult<Response> {
    let takes_effect = app.config().profile.supports(Command::StartService);
    switch(app, room, headers, Command::StartService, |r| {
        if takes_effect {
            r.start();
        }
    })
    .await
}

pub async fn muteguests(
    State(app): State<AppState>,
    Path(room): RoomPath,
    headers: HeaderMap,
) -> ApiResult<Response> {
    switch(app, room, headers, Command::MuteGuests, |r| {
        r.mute_guests(true)
    })
    .await
}

pub async fn unmuteguests(
    State(app): State<AppState>,
    Path(room): RoomPath,
    headers: HeaderMap,
) -> ApiResult<Response> {
    switch(app, room, headers, Command::UnmuteGuests, |r| {
        r.mute_guests(false)
    })
    .await
}

/// Conference disconnect: everyone, the caller included, leaves; the conference ends.
pub async fn disconnect(
    State(app): State<AppState>,
    Path(room): RoomPath,
    headers: HeaderMap,
) -> ApiResult<Response> {
    let mut world = app.world();
    let (ix, _) = app.authorize(&world, &room, &headers, Command::Disconnect.is_host_only())?;
    world.end_conference(ix);
    Ok(success(true))
}

/// message: a chat line to everyone, from the caller.
pub async fn message(
    State(app): State<AppState>,
    Path(room): RoomPath,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<Response> {
    let mut world = app.world();
    let (ix, caller) = app.authorize(&world, &room, &headers, Command::Message.is_host_only())?;
    let req: MessageRequest = json_body(&body)?;
    if req.payload.is_empty() {
        return Err(ApiError::IllegalValue);
    }
    world.rooms[ix].bus.emit(&Event::Message(ChatMessage {
        origin: caller.display_name,
        mime_type: req.mime_type,
        payload: req.payload,
        uuid: caller.session,
    }));
    Ok(success(true))
}

pub async fn participants(
    State(app): State<AppState>,
    Path(room): RoomPath,
    headers: HeaderMap,
) -> ApiResult<Response> {
    let world = app.world();
    let (ix, _) = app.authorize(
        &world,
        &room,
        &headers,
        Command::Participants.is_host_only(),
    )?;
    Ok(success(world.rooms[ix].participants()))
}

pub async fn override_layout(
    State(app): State<AppState>,
    Path(room): RoomPath,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<Response> {
    let mut world = app.world();
    let (ix, _) = app.authorize(
        &world,
        &room,
        &headers,
        Command::OverrideLayout.is_host_only(),
    )?;
    if !app.config().profile.supports(Command::OverrideLayout) {
        return Err(ApiError::Unsupported);
    }
    let req: OverrideLayoutRequest = json_body(&body)?;
    req.validate().map_err(|_| ApiError::IllegalValue)?;
    let r = &mut world.rooms[ix];
    r.override_layout(req.layouts);
    Ok(success(r.participants()))
}

/// presentation.jpeg (token in the header or `?token=`): the current slide.
pub async fn presentation_jpeg(
    State(app): State<AppState>,
    Path(room): RoomPath,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> ApiResult<Response> {
    let (presenter, frame) = {
        let world = app.world();
        let ix = world.find_room(&room)?;
        world.authenticate(ix, token_of(&headers, query.as_deref()).as_deref())?;
        let slide = world.rooms[ix]
            .screen
            .presentation
            .clone()
            .ok_or(ApiError::NoPresentation)?;
        (slide.presenter, slide.frame)
    };
    let body = jpeg::render(&presenter, frame);
    Ok((
        [
            (header::CONTENT_TYPE, "image/jpeg"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response())
}
