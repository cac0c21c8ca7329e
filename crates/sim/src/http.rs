//! The shared state behind the handlers and the small pieces every handler needs.

use crate::config::Config;
use crate::error::{ApiError, ApiResult};
use crate::fault_state::FaultState;
use crate::rooms::{Caller, World};
use axum::http::{header, HeaderMap};
use serde::de::DeserializeOwned;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

struct Shared {
    config: Config,
    addr: SocketAddr,
    world: Mutex<World>,
    faults: Arc<FaultState>,
}

/// The simulator: its configuration and the one lock over all rooms (transfer spans two).
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

impl AppState {
    /// The state of a simulator reachable at `addr`.
    pub fn new(config: Config, addr: SocketAddr) -> AppState {
        let mut world = World::new(config.profile, Duration::from_secs(config.token_ttl));
        let faults = Arc::new(FaultState::new(config.faults.clone()));
        world.attach_faults(&faults);
        AppState(Arc::new(Shared {
            config,
            addr,
            world: Mutex::new(world),
            faults,
        }))
    }

    pub fn config(&self) -> &Config {
        &self.0.config
    }

    pub fn addr(&self) -> SocketAddr {
        self.0.addr
    }

    /// The faults in force (they change at run time; `config().faults` are the initial ones).
    pub fn faults(&self) -> &Arc<FaultState> {
        &self.0.faults
    }

    /// The world, locked. Never held across an await.
    pub fn world(&self) -> MutexGuard<'_, World> {
        // A panic elsewhere must not take the whole simulator down with it.
        self.0.world.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Looks up the room and the caller, and checks that a guest calls no host-only command.
    pub fn authorize(
        &self,
        world: &World,
        room: &str,
        headers: &HeaderMap,
        host_only: bool,
    ) -> ApiResult<(usize, Caller)> {
        let ix = world.find_room(room)?;
        let caller = world.authenticate(ix, header_token(headers).as_deref())?;
        if host_only && !caller.role.is_host() {
            return Err(ApiError::NotPermitted);
        }
        Ok((ix, caller))
    }
}

fn header_token(headers: &HeaderMap) -> Option<String> {
    headers
        .get("token")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

/// The token from the `token` header, or else from `?token=` (EventSource and `<img>` cannot
/// send headers).
pub fn token_of(headers: &HeaderMap, query: Option<&str>) -> Option<String> {
    header_token(headers).or_else(|| {
        form_urlencoded::parse(query?.as_bytes())
            .find(|(k, _)| k == "token")
            .map(|(_, v)| v.into_owned())
    })
}

/// The `pin` header of new_session.
pub fn pin_of(headers: &HeaderMap) -> Option<String> {
    headers
        .get("pin")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

/// The host:port the client reached the simulator at, which is also the conference node.
pub fn host_of(headers: &HeaderMap, fallback: SocketAddr) -> String {
    headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .filter(|h| !h.trim().is_empty())
        .map(str::to_owned)
        .unwrap_or_else(|| fallback.to_string())
}

/// The host name without the port.
pub fn host_name(host: &str) -> &str {
    if host.starts_with('[') {
        return host
            .split(']')
            .next()
            .map_or(host, |h| &host[..h.len() + 1]);
    }
    host.rsplit_once(':').map_or(host, |(h, _)| h)
}

/// A JSON body, whatever the content type says; anything else is an illegal value.
pub fn json_body<T: DeserializeOwned>(body: &[u8]) -> ApiResult<T> {
    serde_json::from_slice(body).map_err(|_| ApiError::IllegalValue)
}
