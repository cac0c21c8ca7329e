//! What every handler needs from a request, checked before it runs: the authorised caller of a
//! command, the participant a participant command is for, the room and role of a new session,
//! a JSON body, and the node's host. Each refuses as the platform does, in the platform's order:
//! the room, then the token, then the caller's right, then the deployment, then the body.

use super::state::AppState;
use crate::model::{ApiError, ApiResult, Caller};
use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Path, Request};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap};
use huikong_protocol::{Command, ParticipantCommand, Profile, Role};
use serde::de::DeserializeOwned;
use std::convert::Infallible;

/// A command of the path's room, called with a token that opens the room, by a caller allowed
/// to call it on this deployment. The command is the path's last segment.
pub struct Authorised {
    /// The room, by its position in the world.
    pub room: usize,
    pub caller: Caller,
    pub command: Command,
}

impl FromRequestParts<AppState> for Authorised {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, app: &AppState) -> ApiResult<Authorised> {
        let command = parts
            .uri
            .path()
            .rsplit('/')
            .next()
            .and_then(Command::from_path)
            .ok_or(ApiError::NoSuchCommand)?;
        let key = room_key(parts, app).await?;
        // EventSource and <img> cannot send headers: these two take the token from the query too.
        let token = match command {
            Command::Events | Command::PresentationJpeg => {
                token_of(&parts.headers, parts.uri.query())
            }
            _ => header_token(&parts.headers),
        };
        let (room, caller) = app.world().caller_in(&key, token.as_deref())?;
        if command.is_host_only() && !caller.role.is_host() {
            return Err(ApiError::NotPermitted);
        }
        if refused_by(app.config().profile, command) {
            return Err(ApiError::Unsupported);
        }
        Ok(Authorised {
            room,
            caller,
            command,
        })
    }
}

/// Whether the deployment refuses the command outright. The enterprise cloud answers
/// start_service with success and does nothing, so only override_layout is refused there
/// (docs/api-notes.md, "Enterprise cloud").
fn refused_by(profile: Profile, command: Command) -> bool {
    !profile.supports(command) && command != Command::StartService
}

/// The `{room}` of the path.
async fn room_key(parts: &mut Parts, app: &AppState) -> ApiResult<String> {
    let Path(params) = Path::<Vec<(String, String)>>::from_request_parts(parts, app)
        .await
        .map_err(|_| ApiError::RoomNotFound)?;
    params
        .into_iter()
        .find(|(name, _)| name == "room")
        .map(|(_, key)| key)
        .ok_or(ApiError::RoomNotFound)
}

/// A participant command (`participants/{uuid}/{command}`) from an authorised caller, for a
/// participant of the room. The token is checked before the command name is resolved: without
/// a valid token the answer is 403 "Invalid token" whatever the path, as for every command.
pub struct ParticipantCall {
    pub room: usize,
    pub caller: Caller,
    /// The participant the command is for.
    pub uuid: String,
    pub command: ParticipantCommand,
}

impl FromRequestParts<AppState> for ParticipantCall {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, app: &AppState) -> ApiResult<ParticipantCall> {
        let Path((key, uuid, name)) =
            Path::<(String, String, String)>::from_request_parts(parts, app)
                .await
                .map_err(|_| ApiError::RoomNotFound)?;
        let token = header_token(&parts.headers);
        let world = app.world();
        let (room, caller) = world.caller_in(&key, token.as_deref())?;
        let command = ParticipantCommand::from_path(&name).ok_or(ApiError::NoSuchCommand)?;
        if command.is_host_only() && !caller.role.is_host() {
            return Err(ApiError::NotPermitted);
        }
        if !app.config().profile.supports_participant(command) {
            return Err(ApiError::Unsupported);
        }
        if world.rooms[room].member(&uuid).is_none() {
            return Err(ApiError::ParticipantNotFound);
        }
        Ok(ParticipantCall {
            room,
            caller,
            uuid,
            command,
        })
    }
}

/// The room of new_session and the role its `pin` header opens it with.
pub struct PinEntry {
    pub room: usize,
    pub role: Role,
}

impl FromRequestParts<AppState> for PinEntry {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, app: &AppState) -> ApiResult<PinEntry> {
        let key = room_key(parts, app).await?;
        let pin = parts.headers.get("pin").and_then(|v| v.to_str().ok());
        let world = app.world();
        let room = world.find_room(&key)?;
        let role = world.rooms[room].info.role_for_pin(pin)?;
        Ok(PinEntry { room, role })
    }
}

/// A JSON body, whatever the content type says; anything else is an illegal value.
pub struct JsonBody<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for JsonBody<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> ApiResult<JsonBody<T>> {
        let body = Bytes::from_request(req, state)
            .await
            .map_err(|_| ApiError::IllegalValue)?;
        json(&body).map(JsonBody)
    }
}

/// A JSON value of a body already read; anything else is an illegal value.
pub fn json<T: DeserializeOwned>(body: &[u8]) -> ApiResult<T> {
    serde_json::from_slice(body).map_err(|_| ApiError::IllegalValue)
}

/// The conference node: `--node-name` when given, else the host:port the client reached the
/// simulator at.
pub struct NodeHost(pub String);

impl NodeHost {
    /// The host name without the port.
    pub fn name(&self) -> &str {
        let host = self.0.as_str();
        if host.starts_with('[') {
            return host
                .split(']')
                .next()
                .map_or(host, |h| &host[..h.len() + 1]);
        }
        host.rsplit_once(':').map_or(host, |(h, _)| h)
    }
}

impl FromRequestParts<AppState> for NodeHost {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, app: &AppState) -> Result<NodeHost, Infallible> {
        if let Some(name) = &app.config().node_name {
            return Ok(NodeHost(name.clone()));
        }
        // HTTP/1.1 names the host in `Host`; HTTP/2 in the request's authority.
        let host = parts
            .headers
            .get(header::HOST)
            .and_then(|v| v.to_str().ok())
            .filter(|h| !h.trim().is_empty())
            .map(str::to_owned)
            .or_else(|| parts.uri.authority().map(|a| a.to_string()))
            .unwrap_or_else(|| app.addr().to_string());
        Ok(NodeHost(host))
    }
}

fn header_token(headers: &HeaderMap) -> Option<String> {
    headers
        .get("token")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

/// The token from the `token` header, or else from `?token=`.
fn token_of(headers: &HeaderMap, query: Option<&str>) -> Option<String> {
    header_token(headers).or_else(|| {
        form_urlencoded::parse(query?.as_bytes())
            .find(|(k, _)| k == "token")
            .map(|(_, v)| v.into_owned())
    })
}
