//! The platform's in-meeting management API (document v2.2.0, read as `docs/api-notes.md`
//! says) as typed Rust.
//!
//! Decoding is tolerant where the platform is inconsistent (booleans as `true` or `"true"`, flags
//! as `YES`/`NO`, `expires` as string or number, three spellings of a role) and never panics:
//! every decoder returns a `Result`. Event bodies and replies are read field by field
//! ([`fields`]): a field of an unexpected type is coerced or left at its default and reported as
//! a [`FieldNote`], and only a body without what identifies it is refused. The [`Conference`]
//! state machine turns events into state and is shared by the console, the simulator and the
//! tests.

pub mod access;
pub mod command;
pub mod conference;
pub mod envelope;
pub mod event;
mod event_bodies;
pub mod field_note;
pub mod fields;
pub mod lenient_json;
pub mod loose_values;
pub mod participant;
pub mod profile;
pub mod record;
pub mod request;
pub mod results;
pub mod role;
pub mod sse;
pub mod utc;

pub use access::*;

pub use command::{Command, ParticipantCommand};
pub use conference::{Change, Conference, Presentation, ServiceState, CHAT_HISTORY_LIMIT};
pub use envelope::{ApiFailure, Reply, Status};
pub use event::{
    ChatMessage, Decoded, Event, LayoutView, PresentationStart, ServiceUpdate, StageEntry,
    EVENT_NAMES,
};
pub use field_note::{FieldNote, JsonKind, NoteKind};
pub use participant::{Participant, RxPresentationPolicy, ServiceType};
pub use profile::Profile;
pub use request::*;
pub use results::{CallsResult, ServiceStatus};
pub use role::Role;

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
