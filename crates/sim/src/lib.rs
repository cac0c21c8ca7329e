//! huikong-sim: a simulator of the platform's in-meeting management API (document v2.2.0, read
//! as docs/api-notes.md describes), built on the shared protocol types. Serves the REST
//! commands, the event stream and the slide picture, and can serve the built console too.
//!
//! Layers, each using only those before it: `model` (the platform, no HTTP), `faults` (what may
//! go wrong, and the middleware that makes it), `api` (the HTTP face), then the background
//! tasks and `spawn`.

pub mod api;
pub mod background;
pub mod churn;
pub mod config;
pub mod faults;
pub mod limits;
pub mod model;
pub mod replay;
pub mod scenario;
pub mod tls;
pub mod venues;

pub use api::{app, AppState};
pub use config::{Config, Scenario};
pub use faults::{FailureKind, Faults};
pub use model::extra_room_alias;

use axum::serve::ListenerExt;
use std::net::SocketAddr;
use tokio::task::JoinHandle;

/// A simulator serving in the background. Dropping it stops it.
pub struct Running {
    pub addr: SocketAddr,
    pub state: AppState,
    tasks: Vec<JoinHandle<()>>,
    tls: bool,
}

impl Running {
    /// `http://host:port`, or `https://localhost:port` over TLS (the name its certificate has).
    pub fn url(&self) -> String {
        if self.tls {
            format!("https://localhost:{}", self.addr.port())
        } else {
            format!("http://{}", self.addr)
        }
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
    // The admin endpoint may set a churn at run time.
    let churning = config.churn > 0.0 || config.admin;
    let sweep_every = config.sweep_interval;
    let scenario = config.scenario;
    let room_size = config.extra_room_size;
    let tls = config.tls.as_ref().map(tls::server_config).transpose()?;
    let secure = tls.is_some();
    let state = AppState::new(config, addr);
    {
        let mut world = state.world();
        scenario::populate(&mut world, scenario);
        scenario::populate_extra_rooms(&mut world, room_size);
    }
    let router = app(state.clone());
    let serving = match tls {
        Some(tls) => tokio::spawn(tls::serve(listener, router, tls)),
        None => tokio::spawn(async move {
            // An event goes out the moment it happens, not held back until the previous one's
            // acknowledgement (Nagle's algorithm against a delayed ACK costs up to 40 ms).
            let listener = listener.tap_io(|tcp| {
                let _ = tcp.set_nodelay(true);
            });
            // Serving ends only with an I/O error on the listener; the task then ends too.
            let _ = axum::serve(listener, router).await;
        }),
    };
    let mut tasks = vec![
        serving,
        tokio::spawn(background::sweep(state.clone(), sweep_every)),
        tokio::spawn(background::drop_streams(state.clone())),
    ];
    if living {
        tasks.push(tokio::spawn(background::live(state.clone(), scenario)));
    }
    if churning {
        tasks.push(tokio::spawn(background::churn(state.clone())));
    }
    Ok(Running {
        addr,
        state,
        tasks,
        tls: secure,
    })
}
