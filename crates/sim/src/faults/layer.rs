//! Where the faults act on requests: in front of the commands, of refresh_session and of
//! `events`. A command failed by a fault never reaches its handler, so it changes nothing.
//! (The timed stream drops act on the model from the simulator's background tasks.)

use super::settings::FailureKind;
use super::state::FaultState;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use huikong_protocol::Reply;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Names the fault that answered, so a test or a person reading a trace can tell it from the
/// simulator's own refusals.
pub const FAULT_HEADER: &str = "x-huikong-fault";

fn envelope(status: StatusCode, reason: &str, fault: &'static str) -> Response {
    (
        status,
        [(FAULT_HEADER, fault)],
        Json(Reply::failed(serde_json::Value::from(reason))),
    )
        .into_response()
}

/// 503 with `Retry-After` in whole seconds, at least one.
fn unavailable(left: Duration, fault: &'static str) -> Response {
    let mut res = envelope(
        StatusCode::SERVICE_UNAVAILABLE,
        "Service unavailable",
        fault,
    );
    let secs = left.as_secs() + u64::from(left.subsec_nanos() > 0);
    res.headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from(secs.max(1)));
    res
}

/// The page a proxy in front of the node answers with.
fn proxy_page(status: StatusCode, fault: &'static str) -> Response {
    let title = format!(
        "{} {}",
        status.as_u16(),
        status.canonical_reason().unwrap_or("Error")
    );
    let body = format!(
        "<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n<center><h1>{title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
    );
    (
        status,
        [
            (header::CONTENT_TYPE.as_str(), "text/html"),
            (FAULT_HEADER, fault),
        ],
        body,
    )
        .into_response()
}

async fn injected(kind: FailureKind, hold: Duration) -> Response {
    match kind {
        FailureKind::Status500 => envelope(
            StatusCode::INTERNAL_SERVER_ERROR,
            "Internal server error",
            kind.as_str(),
        ),
        FailureKind::Status502 => proxy_page(StatusCode::BAD_GATEWAY, kind.as_str()),
        FailureKind::Status503 => unavailable(Duration::from_secs(1), kind.as_str()),
        FailureKind::Timeout => {
            // A client that gives up first closes the connection, which cancels this wait.
            tokio::time::sleep(hold).await;
            proxy_page(StatusCode::GATEWAY_TIMEOUT, kind.as_str())
        }
    }
}

/// In front of every conference and participant command: slowness, then maybe a failure.
pub async fn commands(State(faults): State<Arc<FaultState>>, req: Request, next: Next) -> Response {
    let plan = faults.command_plan();
    if let Some(d) = plan.delay {
        tokio::time::sleep(d).await;
    }
    match plan.failure {
        Some(kind) => injected(kind, plan.hold).await,
        None => next.run(req).await,
    }
}

/// In front of refresh_session: 503 while refreshes are refused.
pub async fn refresh(State(faults): State<Arc<FaultState>>, req: Request, next: Next) -> Response {
    match faults.refresh_refused(Instant::now()) {
        Some(left) => unavailable(left, "refuse-refresh"),
        None => next.run(req).await,
    }
}

/// In front of `events`: 503 while reconnects are refused after a drop.
pub async fn reconnects(
    State(faults): State<Arc<FaultState>>,
    req: Request,
    next: Next,
) -> Response {
    match faults.reconnect_refused(Instant::now()) {
        Some(left) => unavailable(left, "refuse-reconnect"),
        None => next.run(req).await,
    }
}
