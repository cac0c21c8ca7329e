//! The REST envelope: `{"status": "success"|"failed", "result": ...}`.

use crate::field_note::FieldNote;
use crate::fields::{self, FromFields};
use crate::DecodeError;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Success,
    #[serde(alias = "failure", alias = "error")]
    Failed,
}

/// A reply as sent on the wire.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reply<T> {
    pub status: Status,
    pub result: T,
}

impl<T> Reply<T> {
    pub fn success(result: T) -> Self {
        Reply {
            status: Status::Success,
            result,
        }
    }
}

impl Reply<Value> {
    pub fn failed(reason: impl Into<Value>) -> Self {
        Reply {
            status: Status::Failed,
            result: reason.into(),
        }
    }
}

/// Why the platform refused a call, as a client sees it.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiFailure {
    /// new_session needs a PIN: `{"pin": "required", "guest_pin": "none"|"required"}`.
    PinRequired { guest_pin_required: bool },
    /// Any refusal with the platform's reason text (`Invalid token`, `Invalid PIN`, ...).
    Refused { http_status: u16, reason: String },
    /// The body was not the envelope at all.
    Malformed { http_status: u16, detail: String },
}

impl ApiFailure {
    pub fn reason(&self) -> String {
        match self {
            ApiFailure::PinRequired { .. } => "PIN required".into(),
            ApiFailure::Refused { reason, .. } => reason.clone(),
            ApiFailure::Malformed { detail, .. } => detail.clone(),
        }
    }

    pub fn http_status(&self) -> u16 {
        match self {
            ApiFailure::PinRequired { .. } => 403,
            ApiFailure::Refused { http_status, .. } | ApiFailure::Malformed { http_status, .. } => {
                *http_status
            }
        }
    }

    /// The token is gone (expired, released, or never valid here).
    pub fn is_invalid_token(&self) -> bool {
        matches!(self, ApiFailure::Refused { reason, .. } if reason == "Invalid token")
    }
}

impl std::fmt::Display for ApiFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.reason())
    }
}

/// Decodes a reply body into `T`, or into the failure it reports. `http_status` is the HTTP code
/// the reply came with: a non-2xx code is a failure even if the body says otherwise. A body that
/// is not strict JSON gets one repaired try ([`crate::lenient_json`]).
pub fn decode_reply<T: DeserializeOwned>(http_status: u16, body: &str) -> Result<T, ApiFailure> {
    let result = reply_result(http_status, body)?;
    serde_json::from_value(result).map_err(|e| unexpected(http_status, e))
}

/// Like [`decode_reply`] for a result read field by field ([`crate::fields`]), with the notes
/// on the fields that were coerced or left at their defaults.
pub fn decode_reply_reported<T: FromFields>(
    http_status: u16,
    body: &str,
) -> Result<(T, Vec<FieldNote>), ApiFailure> {
    let result = reply_result(http_status, body)?;
    let mut notes = Vec::new();
    let t = fields::read(result, "", &mut notes).map_err(|e| unexpected(http_status, e))?;
    Ok((t, notes))
}

/// The `result` of a successful reply, or the failure the reply reports.
fn reply_result(http_status: u16, body: &str) -> Result<Value, ApiFailure> {
    let reply: Reply<Value> = crate::lenient_json::decode_str(body).map_err(|e| {
        let snippet: String = body.chars().take(80).collect();
        ApiFailure::Malformed {
            http_status,
            detail: format!("HTTP {http_status}: not an API reply ({e}): {snippet}"),
        }
    })?;
    let ok = (200..300).contains(&http_status);
    if reply.status == Status::Failed || !ok {
        return Err(failure_of(http_status, reply.result));
    }
    Ok(reply.result)
}

fn unexpected(http_status: u16, e: impl std::fmt::Display) -> ApiFailure {
    ApiFailure::Malformed {
        http_status,
        detail: format!("unexpected result: {e}"),
    }
}

fn failure_of(http_status: u16, result: Value) -> ApiFailure {
    if let Value::Object(map) = &result {
        if map.get("pin").and_then(Value::as_str) == Some("required") {
            let guest = map.get("guest_pin").and_then(Value::as_str) == Some("required");
            return ApiFailure::PinRequired {
                guest_pin_required: guest,
            };
        }
    }
    let reason = match result {
        Value::String(s) => s,
        Value::Null => format!("HTTP {http_status}"),
        other => other.to_string(),
    };
    ApiFailure::Refused {
        http_status,
        reason,
    }
}

/// The boolean `result` of a command: `true`, `"true"` or `'true'`. It is the whole result, not
/// a field of one, so a word that is no boolean is an error rather than a default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub struct CommandOutcome(#[serde(deserialize_with = "crate::loose_values::bool")] pub bool);

/// Decodes any JSON text into `T`, turning errors into [`DecodeError`]. Text that is not strict
/// JSON gets one repaired try ([`crate::lenient_json`]).
pub fn decode<T: DeserializeOwned>(body: &str) -> Result<T, DecodeError> {
    crate::lenient_json::decode_str(body).map_err(DecodeError::from)
}
