//! The platform's in-meeting management API (document v2.2.0 with `NOTES.md`) as typed Rust.
//!
//! Decoding is tolerant where the platform is inconsistent (booleans as `true` or `"true"`, flags
//! as `YES`/`NO`, `expires` as string or number, three spellings of a role) and never panics:
//! every decoder returns a `Result`. The [`Conference`] state machine turns events into state and
//! is shared by the console, the simulator and the tests.

pub mod command;
pub mod conference;
pub mod envelope;
pub mod event;
pub mod flex;
mod lenient;
pub mod participant;
pub mod profile;
pub mod request;
pub mod role;
pub mod session;
pub mod sse;

pub use command::{Command, ParticipantCommand};
pub use conference::{Change, Conference, Presentation, ServiceState, CHAT_HISTORY_LIMIT};
pub use envelope::{ApiFailure, Reply, Status};
pub use event::{
    ChatMessage, Event, LayoutView, PresentationStart, ServiceUpdate, StageEntry, EVENT_NAMES,
};
pub use participant::{Participant, RxPresentationPolicy, ServiceType};
pub use profile::Profile;
pub use request::*;
pub use role::Role;
pub use session::*;

/// Why a body could not be decoded. Carries the reason as text: decoding never panics.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError(pub String);

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DecodeError {}

impl From<serde_json::Error> for DecodeError {
    fn from(e: serde_json::Error) -> Self {
        DecodeError(e.to_string())
    }
}
