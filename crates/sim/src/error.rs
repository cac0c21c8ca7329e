//! Every refusal the simulator gives, turned into the platform's failure envelope.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use huikong_protocol::Reply;
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
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::InvalidToken
            | ApiError::PinRequired { .. }
            | ApiError::InvalidPin
            | ApiError::NotPermitted => StatusCode::FORBIDDEN,
            ApiError::RoomNotFound
            | ApiError::ParticipantNotFound
            | ApiError::NoPresentation
            | ApiError::NoSuchCommand => StatusCode::NOT_FOUND,
            ApiError::IllegalValue => StatusCode::BAD_REQUEST,
            ApiError::Unsupported => StatusCode::NOT_IMPLEMENTED,
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

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status(), Json(Reply::failed(self.result()))).into_response()
    }
}

pub type ApiResult<T> = Result<T, ApiError>;

/// A success envelope around any serializable result.
pub fn success<T: serde::Serialize>(result: T) -> Response {
    Json(Reply::success(result)).into_response()
}
