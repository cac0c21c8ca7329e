//! The admin endpoint under `/_admin/`, routed only when the simulator was started with it
//! (`--admin`): the faults and the churn at run time, and the simulator's own view of a room
//! for tests that compare a client's state with it. Its answers are plain JSON, not the platform's envelope;
//! a refusal is `{"error": "<reason>"}`.

use super::state::AppState;
use crate::config::check_churn_rate;
use crate::faults::Faults;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get, post};
use axum::{Json, Router};
use huikong_protocol::{DialRequest, LayoutOverride, LayoutView, Participant, StageEntry};
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::collections::BTreeMap;

fn refuse(status: StatusCode, reason: impl Into<String>) -> Response {
    (status, Json(json!({ "error": reason.into() }))).into_response()
}

/// The admin routes, or when the endpoint is off, 404 for all of `/_admin` like any path that
/// does not exist (even where a built console would answer unknown paths with its index).
pub fn routes(enabled: bool) -> Router<AppState> {
    if !enabled {
        let absent = || any(|| async { StatusCode::NOT_FOUND });
        return Router::new()
            .route("/_admin", absent())
            .route("/_admin/{*rest}", absent());
    }
    Router::new()
        .route("/_admin/faults", get(get_faults).put(put_faults))
        .route("/_admin/drop-streams", post(drop_streams))
        .route("/_admin/churn", get(get_churn).put(put_churn))
        .route("/_admin/state/{room}", get(room_state))
        .route("/_admin/drop/{room}/{uuid}", post(drop_participant))
        .route(
            "/_admin/{*rest}",
            any(|| async { refuse(StatusCode::NOT_FOUND, "no such admin path") }),
        )
}

/// `GET /_admin/faults`: the faults in force.
async fn get_faults(State(app): State<AppState>) -> Json<Faults> {
    Json(app.faults().get())
}

/// `PUT /_admin/faults`: replaces every fault (absent fields: no fault). 400 for a body that
/// is not the JSON form, or for a bad value; the faults in force then stay as they were.
async fn put_faults(State(app): State<AppState>, body: Bytes) -> Response {
    match serde_json::from_slice::<Faults>(&body) {
        Ok(faults) => {
            app.faults().set(faults);
            Json(app.faults().get()).into_response()
        }
        Err(e) => refuse(StatusCode::BAD_REQUEST, format!("bad faults: {e}")),
    }
}

/// `POST /_admin/drop-streams`: closes every open event stream now.
async fn drop_streams(State(app): State<AppState>) -> Response {
    let dropped = app.drop_all_streams();
    Json(json!({ "dropped": dropped })).into_response()
}

/// The churn's JSON form: participants changed per second in each room the churn changes
/// (the demo room and the populated extra rooms).
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ChurnRate {
    rate: f64,
}

/// `GET /_admin/churn`: the churn rate in force.
async fn get_churn(State(app): State<AppState>) -> Json<ChurnRate> {
    Json(ChurnRate {
        rate: app.churn_rate(),
    })
}

/// `PUT /_admin/churn` `{"rate": N}`: sets the churn rate (0 stops it). 400 for another body
/// or a rate out of range; the rate in force then stays as it was.
async fn put_churn(State(app): State<AppState>, body: Bytes) -> Response {
    let rate = serde_json::from_slice::<ChurnRate>(&body)
        .map_err(|e| format!("bad churn: {e}"))
        .and_then(|c| check_churn_rate(c.rate));
    match rate {
        Ok(rate) => {
            app.set_churn_rate(rate);
            Json(ChurnRate { rate }).into_response()
        }
        Err(e) => refuse(StatusCode::BAD_REQUEST, e),
    }
}

#[derive(Serialize)]
struct RoomId {
    id: u32,
    alias: String,
    name: String,
}

#[derive(Serialize)]
struct Service {
    locked: bool,
    guests_muted: bool,
    started: bool,
}

#[derive(Serialize)]
struct Layouts {
    hosts: LayoutView,
    guests: LayoutView,
    /// The override_layout in force for each audience (view, actors, backfill), if any.
    hosts_override: Option<LayoutOverride>,
    guests_override: Option<LayoutOverride>,
}

#[derive(Serialize)]
struct Presentation {
    presenter_uuid: String,
    presenter_name: String,
    presenter_uri: String,
    /// Frames since the presentation started.
    frame: u64,
}

#[derive(Serialize)]
struct RoomState {
    room: RoomId,
    /// In order of joining, as the `participants` command lists them.
    participants: Vec<Participant>,
    service: Service,
    /// What each audience sees.
    layout: Layouts,
    stage: Vec<StageEntry>,
    presentation: Option<Presentation>,
    /// Open event streams.
    streams: usize,
    /// By participant uuid, the DTMF strings sent to it, in order (only those sent any).
    dtmf: BTreeMap<String, Vec<String>>,
    /// By participant uuid, the request that dialled it (only dialled participants).
    dials: BTreeMap<String, DialRequest>,
}

/// `GET /_admin/state/{room}` (alias or numeric id): the room as the simulator holds it.
async fn room_state(State(app): State<AppState>, Path(room): Path<String>) -> Response {
    let world = app.world();
    let Ok(found) = world.find_room(&room) else {
        return refuse(StatusCode::NOT_FOUND, format!("no room {room:?}"));
    };
    let r = &world.rooms[found];
    let state = RoomState {
        room: RoomId {
            id: r.info.id,
            alias: r.info.alias.clone(),
            name: r.info.name.clone(),
        },
        participants: r.participants(),
        service: Service {
            locked: r.locked,
            guests_muted: r.guests_muted,
            started: r.started,
        },
        layout: Layouts {
            hosts: r.layout_view(true),
            guests: r.layout_view(false),
            hosts_override: r.screen.hosts_layout.clone(),
            guests_override: r.screen.guests_layout.clone(),
        },
        stage: r.stage_entries(),
        presentation: r.screen.presentation.as_ref().map(|s| Presentation {
            presenter_uuid: s.presenter.clone(),
            presenter_name: s.name.clone(),
            presenter_uri: s.uri.clone(),
            frame: s.frame,
        }),
        streams: r.bus.stream_count(),
        dtmf: r
            .members
            .iter()
            .filter(|m| !m.dtmf.is_empty())
            .map(|m| (m.p.uuid.clone(), m.dtmf.clone()))
            .collect(),
        dials: r
            .members
            .iter()
            .filter_map(|m| Some((m.p.uuid.clone(), m.dial.clone()?)))
            .collect(),
    };
    Json(state).into_response()
}

/// `POST /_admin/drop/{room}/{uuid}`: the participant's call drops, as a line or a far end
/// failing does: it leaves without anyone having disconnected it. 404 for an unknown room or
/// participant.
async fn drop_participant(
    State(app): State<AppState>,
    Path((room, uuid)): Path<(String, String)>,
) -> Response {
    let mut world = app.world();
    let Ok(found) = world.find_room(&room) else {
        return refuse(StatusCode::NOT_FOUND, format!("no room {room:?}"));
    };
    if world.rooms[found].member(&uuid).is_none() {
        return refuse(StatusCode::NOT_FOUND, format!("no participant {uuid:?}"));
    }
    world.remove_participant(found, &uuid, "Call dropped");
    Json(json!({ "dropped": uuid })).into_response()
}
