//! What happened to a venue of the operator's list (会场名单) as the console's venue list saw it:
//! a call's outcome, a drop, a redial's try and its give-up. The venue list is the console's, not
//! the platform's, so these entries come from the console, not from the event stream.

use serde::Serialize;

/// What became of a call the console placed to a venue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "result", content = "reason", rename_all = "snake_case")]
pub enum CallResult {
    Answered,
    /// The far end refused it (busy).
    Refused,
    /// Not answered in time.
    NoAnswer,
    /// The platform refused the dial, with its reason.
    Failed(String),
    /// Never placed: the operator stopped the run first.
    NotSent,
}

impl CallResult {
    pub fn ok(&self) -> bool {
        *self == CallResult::Answered
    }

    pub fn code(&self) -> &'static str {
        match self {
            CallResult::Answered => "answered",
            CallResult::Refused => "refused",
            CallResult::NoAnswer => "no-answer",
            CallResult::Failed(_) => "failed",
            CallResult::NotSent => "not-sent",
        }
    }
}

/// One thing that happened to a venue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "venue_event", rename_all = "snake_case")]
pub enum VenueEvent {
    /// A call the console placed ended so.
    Called { call: CallResult },
    /// The venue left without this console disconnecting or transferring it, for the platform's
    /// reason when it gave one.
    Dropped { reason: Option<String> },
    /// The redial's try `attempt` of `of` is being dialled.
    RedialTry { attempt: usize, of: usize },
    /// Every redial failed: the venue is no longer called.
    GaveUp { tries: usize },
    /// The rotation showing this venue stopped by itself.
    RotationStopped { why: RotationStop },
}

/// Why a rotation stopped without the operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RotationStop {
    /// Another host set the layout.
    LayoutChanged,
    /// The console's session with the platform was lost or ended.
    SessionLost,
}

impl VenueEvent {
    /// Whether an operator looking elsewhere must hear of it.
    pub fn alerts(&self) -> bool {
        !matches!(self, VenueEvent::Called { .. })
    }

    /// The event's name for a machine (an embedding portal's alert).
    pub fn code(&self) -> &'static str {
        match self {
            VenueEvent::Called { .. } => "called",
            VenueEvent::Dropped { .. } => "dropped",
            VenueEvent::RedialTry { .. } => "redial",
            VenueEvent::GaveUp { .. } => "gave_up",
            VenueEvent::RotationStopped { .. } => "rotation_stopped",
        }
    }
}
