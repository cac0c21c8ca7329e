//! The platform's API over HTTP: the shared state, the extractors that check a request before
//! its handler runs, one file per group of handlers, the event stream, the admin endpoint, the
//! built console, and the routes that join them. Builds on the model and the faults.

pub mod access;
pub mod admin;
pub mod conference;
pub mod dial;
pub mod dist;
pub mod error;
pub mod events;
pub mod extract;
pub mod participant;
pub mod routes;
pub mod state;

pub use routes::app;
pub use state::AppState;
