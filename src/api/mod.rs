//! Talking to the platform: the REST client and the join sequence.

pub mod client;
pub mod join;

pub use client::{Api, ApiError};
