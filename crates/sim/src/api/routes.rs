//! The simulator's routes: the platform's API behind its faults, the admin endpoint, and the
//! built console when there is one.

use super::state::AppState;
use super::{access, admin, conference, dial, dist, events, participant};
use crate::config::Config;
use crate::faults::layer;
use crate::model::ApiError;
use axum::http::{header, HeaderName, HeaderValue, Method};
use axum::middleware::{from_fn_with_state, map_response};
use axum::response::Response;
use axum::routing::{get, post, MethodRouter};
use axum::Router;
use huikong_protocol::Command;
use tower_http::cors::{AllowOrigin, Any, CorsLayer};

/// The path of a command of a room.
fn at(command: Command) -> String {
    format!("/api/services/{{room}}/{}", command.path())
}

/// The simulator's routes over a state.
pub fn app(state: AppState) -> Router {
    let faults = state.faults().clone();
    let without_body = conference::WITHOUT_BODY
        .into_iter()
        .fold(Router::new(), |routes, c| {
            let handler: MethodRouter<AppState> = if c.is_get() {
                get(conference::command)
            } else {
                post(conference::command)
            };
            routes.route(&at(c), handler)
        });
    // The conference and participant commands, behind the command faults.
    let commands = without_body
        .route(&at(Command::Dial), post(dial::dial))
        .route(&at(Command::Message), post(conference::message))
        .route(
            &at(Command::OverrideLayout),
            post(conference::override_layout),
        )
        .route(
            &at(Command::PresentationJpeg),
            get(conference::presentation_jpeg),
        )
        .route(
            "/api/services/{room}/participants/{uuid}/{command}",
            post(participant::participant_command),
        )
        .route_layer(from_fn_with_state(faults.clone(), layer::commands));
    let refresh = Router::new()
        .route(&at(Command::RefreshSession), post(access::refresh_session))
        .route_layer(from_fn_with_state(faults.clone(), layer::refresh));
    let stream = Router::new()
        .route(&at(Command::Events), get(events::events))
        .route_layer(from_fn_with_state(faults, layer::reconnects));
    let api = Router::new()
        .route("/api/v3/meet/checkJoin.shtml", post(access::check_join))
        .route(&at(Command::NewSession), post(access::new_session))
        .route(&at(Command::EndSession), post(access::end_session))
        .merge(commands)
        .merge(refresh)
        .merge(stream)
        .route("/api/{*rest}", get(no_such_command).post(no_such_command))
        .merge(admin::routes(state.config().admin));
    let cors = (!state.config().no_cors).then(|| cors(state.config()));
    let timing = state.config().timing_allow_origin;
    let router = match &state.config().dist {
        Some(dir) => api.fallback_service(dist::console(dir)),
        None => api,
    };
    let router = router.with_state(state);
    // `--no-cors`: no layer at all, so no answer carries a CORS header and a preflight is
    // answered as any OPTIONS the routes do not take.
    let router = match cors {
        Some(cors) => router.layer(cors),
        None => router,
    };
    // Outermost, so that every answer carries it, a preflight's and the console's files too.
    if timing {
        router.layer(map_response(timing_allow_origin))
    } else {
        router
    }
}

/// `--timing-allow-origin`: without the header, a page on another origin reads a resource
/// timing with its details zeroed, `nextHopProtocol` (the HTTP version) among them.
async fn timing_allow_origin(mut res: Response) -> Response {
    res.headers_mut().insert(
        HeaderName::from_static("timing-allow-origin"),
        HeaderValue::from_static("*"),
    );
    res
}

async fn no_such_command() -> ApiError {
    ApiError::NoSuchCommand
}

fn cors(config: &Config) -> CorsLayer {
    // The admin endpoint's PUT, for a test page that drives the faults from a browser.
    let methods: &[Method] = if config.admin {
        &[Method::GET, Method::POST, Method::PUT, Method::OPTIONS]
    } else {
        &[Method::GET, Method::POST, Method::OPTIONS]
    };
    let origin = match config
        .allow_origin
        .as_deref()
        .and_then(|o| HeaderValue::from_str(o).ok())
    {
        Some(o) => AllowOrigin::list([o]),
        None => AllowOrigin::from(Any),
    };
    CorsLayer::new()
        .allow_origin(origin)
        .allow_methods(methods.to_vec())
        .allow_headers([
            HeaderName::from_static("token"),
            HeaderName::from_static("pin"),
            header::CONTENT_TYPE,
        ])
        .max_age(std::time::Duration::from_secs(600))
}
