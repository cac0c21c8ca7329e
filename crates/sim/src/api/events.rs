//! `GET events`: the room's event stream as server-sent events (token in the header or
//! `?token=`), a full sync first, then live events (docs/api-notes.md, "Events and sync").

use super::extract::Authorised;
use super::state::AppState;
use crate::model::ApiResult;
use axum::extract::State;
use axum::response::sse::{self, KeepAlive, Sse};
use futures_util::stream::{Stream, StreamExt};
use std::convert::Infallible;

pub async fn events(
    State(app): State<AppState>,
    call: Authorised,
) -> ApiResult<Sse<impl Stream<Item = Result<sse::Event, Infallible>>>> {
    let frames = {
        let mut world = app.world_for(call.room, &call.caller)?;
        let r = &mut world.rooms[call.room];
        let initial = r.sync_events(call.caller.role);
        r.bus
            .subscribe(&call.caller.session, call.caller.role, initial)
    };
    let stream = frames.map(|f| {
        Ok(sse::Event::default()
            .id(f.id.to_string())
            .event(f.name.as_str())
            .data(&*f.data))
    });
    Ok(Sse::new(stream).keep_alive(KeepAlive::new().interval(app.config().keep_alive)))
}
