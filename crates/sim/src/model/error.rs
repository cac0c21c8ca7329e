//! Every refusal the platform gives: its HTTP status and the `result` of its failure envelope
//! (docs/api-notes.md, "Errors"). The web layer turns one into a response.

use serde_json::{json, Value};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// Missing, unknown, expired, released, or another room's token.
    InvalidToken,
    /// new_session without a PIN the room needs.
    PinRequired {
        guest_pin_required: bool,
    },
    InvalidPin,
    /// A guest called a host-only command.
    NotPermitted,
    RoomNotFound,
    ParticipantNotFound,
    /// The body does not fit the command.
    IllegalValue,
    /// The deployment (enterprise cloud) does not offer the command.
    Unsupported,
    /// presentation.jpeg while nobody presents.
    NoPresentation,
    /// A path the API does not have.
    NoSuchCommand,
}

impl ApiError {
    /// The HTTP status code.
    pub fn status(&self) -> u16 {
        match self {
            ApiError::InvalidToken
            | ApiError::PinRequired { .. }
            | ApiError::InvalidPin
            | ApiError::NotPermitted => 403,
            ApiError::RoomNotFound
            | ApiError::ParticipantNotFound
            | ApiError::NoPresentation
            | ApiError::NoSuchCommand => 404,
            ApiError::IllegalValue => 400,
            ApiError::Unsupported => 501,
        }
    }

    /// The `result` of the failure envelope.
    pub fn result(&self) -> Value {
        match self {
            ApiError::InvalidToken => "Invalid token".into(),
            ApiError::PinRequired { guest_pin_required } => json!({
                "pin": "required",
                "guest_pin": if *guest_pin_required { "required" } else { "none" },
            }),
            ApiError::InvalidPin => "Invalid PIN".into(),
            ApiError::NotPermitted => "Not permitted".into(),
            ApiError::RoomNotFound => "Neither conference nor gateway found".into(),
            ApiError::ParticipantNotFound => "Participant not found".into(),
            ApiError::IllegalValue => "Illegal value".into(),
            ApiError::Unsupported => "Not supported on the enterprise cloud".into(),
            ApiError::NoPresentation => "No presentation".into(),
            ApiError::NoSuchCommand => "No such command".into(),
        }
    }
}

pub type ApiResult<T> = Result<T, ApiError>;
