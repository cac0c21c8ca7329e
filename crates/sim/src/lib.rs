//! huikong-sim: a simulator of the platform's in-meeting management API (document v2.2.0 with
//! `NOTES.md`), built on the shared protocol types. Serves the REST commands, the event stream
//! and the slide picture, and can serve the built console too.

pub mod access;
pub mod admin;
pub mod commands;
pub mod conference;
pub mod config;
pub mod dial;
pub mod error;
pub mod events;
pub mod fault_layer;
pub mod fault_state;
pub mod faults;
pub mod http;
pub mod jpeg;
pub mod malformed;
pub mod participant_cmds;
pub mod replay;
pub mod rooms;
pub mod scenario;
pub mod screen;

pub use config::{Config, Scenario};
pub use faults::{FailureKind, Faults, FaultsJson};
pub use http::AppState;

use axum::http::{header, HeaderName, HeaderValue, Method};
use axum::middleware::from_fn_with_state;
use axum::routing::{get, post};
use axum::Router;
use std::net::SocketAddr;
use std::time::Instant;
use tokio::task::JoinHandle;
use tower_http::cors::{AllowOrigin, Any, CorsLayer};
use tower_http::services::{ServeDir, ServeFile};

fn cors(config: &Config) -> CorsLayer {
    // The admin endpoint's PUT, for a test page that drives the faults from a browser.
    let methods: &[Method] = if config.admin {
        &[Method::GET, Method::POST, Method::PUT, Method::OPTIONS]
    } else {
        &[Method::GET, Method::POST, Method::OPTIONS]
    };
    let origin = match config
        .allow_origin
        .as_deref()
        .and_then(|o| HeaderValue::from_str(o).ok())
    {
        Some(o) => AllowOrigin::list([o]),
        None => AllowOrigin::from(Any),
    };
    CorsLayer::new()
        .allow_origin(origin)
        .allow_methods(methods.to_vec())
        .allow_headers([
            HeaderName::from_static("token"),
            HeaderName::from_static("pin"),
            header::CONTENT_TYPE,
        ])
        .max_age(std::time::Duration::from_secs(600))
}

/// The simulator's routes over a state.
pub fn app(state: AppState) -> Router {
    // The conference and participant commands, behind the command faults.
    let commands = Router::new()
        .route("/api/services/{room}/dial", post(dial::dial))
        .route(
            "/api/services/{room}/service_status",
            get(commands::service_status),
        )
        .route("/api/services/{room}/lock", post(commands::lock))
        .route("/api/services/{room}/unlock", post(commands::unlock))
        .route(
            "/api/services/{room}/start_service",
            post(commands::start_service),
        )
        .route(
            "/api/services/{room}/muteguests",
            post(commands::muteguests),
        )
        .route(
            "/api/services/{room}/unmuteguests",
            post(commands::unmuteguests),
        )
        .route(
            "/api/services/{room}/disconnect",
            post(commands::disconnect),
        )
        .route("/api/services/{room}/message", post(commands::message))
        .route(
            "/api/services/{room}/participants",
            get(commands::participants),
        )
        .route(
            "/api/services/{room}/override_layout",
            post(commands::override_layout),
        )
        .route(
            "/api/services/{room}/presentation.jpeg",
            get(commands::presentation_jpeg),
        )
        .route(
            "/api/services/{room}/participants/{uuid}/{command}",
            post(participant_cmds::participant_command),
        )
        .route_layer(from_fn_with_state(state.clone(), fault_layer::commands));
    let refresh = Router::new()
        .route(
            "/api/services/{room}/refresh_session",
            post(access::refresh_session),
        )
        .route_layer(from_fn_with_state(state.clone(), fault_layer::refresh));
    let events = Router::new()
        .route("/api/services/{room}/events", get(events::events))
        .route_layer(from_fn_with_state(state.clone(), fault_layer::reconnects));
    let api = Router::new()
        .route("/api/v3/meet/checkJoin.shtml", post(access::check_join))
        .route(
            "/api/services/{room}/new_session",
            post(access::new_session),
        )
        .route(
            "/api/services/{room}/end_session",
            post(access::end_session),
        )
        .merge(commands)
        .merge(refresh)
        .merge(events)
        .route("/api/{*rest}", get(no_such_command).post(no_such_command))
        .merge(admin::routes(state.config().admin));
    let cors = cors(state.config());
    let router = match &state.config().dist {
        Some(dir) => api
            .fallback_service(ServeDir::new(dir).fallback(ServeFile::new(dir.join("index.html")))),
        None => api,
    };
    router.with_state(state).layer(cors)
}

async fn no_such_command() -> error::ApiError {
    error::ApiError::NoSuchCommand
}

/// A simulator serving in the background. Dropping it stops it.
pub struct Running {
    pub addr: SocketAddr,
    pub state: AppState,
    tasks: Vec<JoinHandle<()>>,
}

impl Running {
    /// `http://host:port`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Stops serving and every background task.
    pub fn stop(self) {}
}

impl Drop for Running {
    fn drop(&mut self) {
        for t in &self.tasks {
            t.abort();
        }
    }
}

/// Binds (port 0 picks a free port), fills the rooms, and serves in the background.
pub async fn spawn(config: Config) -> std::io::Result<Running> {
    let listener = tokio::net::TcpListener::bind(config.listen).await?;
    let addr = listener.local_addr()?;
    let living = config.scenario != Scenario::Empty;
    let sweep_every = config.sweep_interval;
    let scenario = config.scenario;
    let state = AppState::new(config, addr);
    scenario::populate(&mut state.world(), scenario);
    let router = app(state.clone());
    let mut tasks = vec![tokio::spawn(async move {
        // Serving ends only with an I/O error on the listener; the task then ends too.
        let _ = axum::serve(listener, router).await;
    })];
    let sweeper = state.clone();
    tasks.push(tokio::spawn(async move {
        let mut every = tokio::time::interval(sweep_every);
        loop {
            every.tick().await;
            sweeper.world().sweep(Instant::now());
        }
    }));
    tasks.push(tokio::spawn(fault_layer::drive(state.clone())));
    if living {
        tasks.push(tokio::spawn(scenario::run(state.clone(), scenario)));
    }
    Ok(Running { addr, state, tasks })
}
