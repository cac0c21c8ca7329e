//! Talking to the platform: the REST client, the join sequence, the event stream, and the live
//! session that keeps a token alive and feeds the store. The only writer of the store.

pub mod client;
mod frame_queue;
pub mod join;
pub mod poll;
mod recording;
pub mod request;
pub mod session;
pub mod stream;
#[cfg(all(test, target_arch = "wasm32"))]
mod tests;

pub use client::{Api, ApiError};
