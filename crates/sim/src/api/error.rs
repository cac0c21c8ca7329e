//! The platform's refusals and successes as HTTP responses (docs/api-notes.md, "Envelope and
//! values").

use crate::model::ApiError;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use huikong_protocol::Reply;

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status =
            StatusCode::from_u16(self.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        (status, Json(Reply::failed(self.result()))).into_response()
    }
}

/// A success envelope around any serializable result.
pub fn success<T: serde::Serialize>(result: T) -> Response {
    Json(Reply::success(result)).into_response()
}
