//! The REST client of one session: `{scheme}://{mcuHost}/api/services/{room}/` plus the token
//! header. Replies go through the protocol crate's `decode_reply`, with the HTTP status.

use crate::i18n::{Text, Tr};
use crate::state::reasons::platform_reason;
use crate::state::record::RecordWriter;
use crate::state::status::Failure;
use gloo_net::http::{Request, RequestBuilder};
use huikong_core::util::percent_encode;
use huikong_protocol::envelope::{decode_reply, CommandOutcome};
use huikong_protocol::{ApiFailure, Command, ParticipantCommand, RefreshSessionResult};
use leptos::prelude::GetUntracked;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::sync::{Arc, Mutex};
use wasm_bindgen::JsValue;

/// Why a call did not succeed.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// fetch itself failed: the server is unreachable or refused this origin (CORS).
    Network(String),
    /// The platform answered with a failure.
    Api(ApiFailure),
    /// The platform answered success with the result `false`.
    Rejected,
}

impl ApiError {
    /// The reason as shown to the host: a known platform reason in the page's language with the
    /// platform's own words kept beside it, any other as the platform gave it.
    pub fn message(&self, tr: Tr) -> String {
        match self {
            // The browser's own words ("TypeError: Failed to fetch") are no reason a host can
            // read, and are in the browser's language, not the host's.
            ApiError::Network(_) => tr.now(Text::NetworkError).to_owned(),
            // A gateway's or proxy's own error page is no reason a host can read: say which
            // HTTP status came back instead of quoting the page.
            ApiError::Api(ApiFailure::Malformed { http_status, .. })
                if !(200..300).contains(http_status) =>
            {
                tr.fmt_now(Text::HttpError, &[("status", &http_status.to_string())])
            }
            ApiError::Api(f) => {
                platform_reason(tr.lang.try_get_untracked().unwrap_or_default(), &f.reason())
            }
            ApiError::Rejected => tr.now(Text::RefusedFalse).to_owned(),
        }
    }

    pub fn is_invalid_token(&self) -> bool {
        matches!(self, ApiError::Api(f) if f.is_invalid_token())
    }
}

impl Failure for ApiError {
    fn message(&self, tr: Tr) -> String {
        ApiError::message(self, tr)
    }
}

/// Sends a request and decodes the reply envelope.
pub async fn send<T: DeserializeOwned>(
    req: Result<Request, gloo_net::Error>,
) -> Result<T, ApiError> {
    let req = req.map_err(|e| ApiError::Network(e.to_string()))?;
    let resp = req
        .send()
        .await
        .map_err(|e| ApiError::Network(e.to_string()))?;
    let status = resp.status();
    let body = resp
        .text()
        .await
        .map_err(|e| ApiError::Network(e.to_string()))?;
    decode_reply(status, &body).map_err(ApiError::Api)
}

#[derive(Debug, Clone)]
pub struct Api {
    /// Ends with `/`.
    base: String,
    /// In memory only: never storage, cookies, the URL of the page or the console.
    token: Arc<Mutex<String>>,
    /// Where each command and its outcome are recorded, once the meeting's record exists.
    record: Arc<Mutex<Option<RecordWriter>>>,
}

impl Api {
    pub fn new(base: String, token: String) -> Api {
        Api {
            base,
            token: Arc::new(Mutex::new(token)),
            record: Arc::new(Mutex::new(None)),
        }
    }

    /// Records this session's commands from now on (the live session's own record only).
    pub(in crate::platform) fn record_to(&self, w: RecordWriter) {
        if let Ok(mut r) = self.record.lock() {
            *r = Some(w);
        }
    }

    pub(super) fn recorder(&self) -> Option<RecordWriter> {
        self.record.lock().ok().and_then(|r| *r)
    }

    pub fn base(&self) -> &str {
        &self.base
    }

    /// Only the live session's refresh replaces the token, so it is the platform module's alone.
    pub(in crate::platform) fn set_token(&self, token: String) {
        if let Ok(mut t) = self.token.lock() {
            *t = token;
        }
    }

    fn token(&self) -> String {
        self.token.lock().map(|t| t.clone()).unwrap_or_default()
    }

    fn with_token(&self, b: RequestBuilder) -> RequestBuilder {
        b.header("token", &self.token())
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    fn participant_url(&self, uuid: &str, c: ParticipantCommand) -> String {
        format!(
            "{}participants/{}/{}",
            self.base,
            percent_encode(uuid),
            c.path()
        )
    }

    async fn post_empty<T: DeserializeOwned>(&self, url: &str) -> Result<T, ApiError> {
        send(self.with_token(Request::post(url)).build()).await
    }

    async fn post_json<B: Serialize, T: DeserializeOwned>(
        &self,
        url: &str,
        body: &B,
    ) -> Result<T, ApiError> {
        send(self.with_token(Request::post(url)).json(body)).await
    }

    /// A conference command without a body whose result is `true`/`false`.
    pub async fn command(&self, c: Command) -> Result<(), ApiError> {
        let r = async {
            let CommandOutcome(ok) = self.post_empty(&self.url(c.path())).await?;
            ok.then_some(()).ok_or(ApiError::Rejected)
        }
        .await;
        self.note_room(c, &(), &r);
        r
    }

    /// A conference command with a JSON body and a typed result.
    pub async fn command_with<B: Serialize, T: DeserializeOwned>(
        &self,
        c: Command,
        body: &B,
    ) -> Result<T, ApiError> {
        let r = self.post_json(&self.url(c.path()), body).await;
        self.note_room(c, body, &r);
        r
    }

    /// A GET command (`service_status`, `participants`).
    pub async fn get<T: DeserializeOwned>(&self, c: Command) -> Result<T, ApiError> {
        send(self.with_token(Request::get(&self.url(c.path()))).build()).await
    }

    /// A participant command without a body whose result is `true`/`false`.
    pub async fn participant(&self, uuid: &str, c: ParticipantCommand) -> Result<(), ApiError> {
        self.note_sending(uuid, c);
        let r = async {
            let CommandOutcome(ok) = self.post_empty(&self.participant_url(uuid, c)).await?;
            ok.then_some(()).ok_or(ApiError::Rejected)
        }
        .await;
        self.note_participant(uuid, c, &(), &r);
        r
    }

    /// A participant command with a JSON body whose result is `true`/`false`.
    pub async fn participant_bool<B: Serialize>(
        &self,
        uuid: &str,
        c: ParticipantCommand,
        body: &B,
    ) -> Result<(), ApiError> {
        self.note_sending(uuid, c);
        let r = async {
            let CommandOutcome(ok) = self.post_json(&self.participant_url(uuid, c), body).await?;
            ok.then_some(()).ok_or(ApiError::Rejected)
        }
        .await;
        self.note_participant(uuid, c, body, &r);
        r
    }

    /// A participant command with a JSON body and a typed result (`calls`).
    pub async fn participant_with<B: Serialize, T: DeserializeOwned>(
        &self,
        uuid: &str,
        c: ParticipantCommand,
        body: &B,
    ) -> Result<T, ApiError> {
        let r = self.post_json(&self.participant_url(uuid, c), body).await;
        self.note_participant(uuid, c, body, &r);
        r
    }

    pub(in crate::platform) async fn refresh(&self) -> Result<RefreshSessionResult, ApiError> {
        self.post_empty(&self.url(Command::RefreshSession.path()))
            .await
    }

    /// Releases the token. Its answer is ignored: the token is gone either way
    /// (docs/api-notes.md, "Tokens").
    pub async fn end_session(&self) {
        let req = self
            .with_token(Request::post(&self.url(Command::EndSession.path())))
            .build();
        if let Ok(req) = req {
            let _ = req.send().await;
        }
    }

    /// Releases the token from a closing page: a `fetch` with `keepalive`, which the browser
    /// completes after the page is gone.
    pub(in crate::platform) fn end_session_keepalive(&self) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let init = web_sys::RequestInit::new();
        init.set_method("POST");
        let _ = js_sys::Reflect::set(&init, &"keepalive".into(), &JsValue::TRUE);
        if let Ok(headers) = web_sys::Headers::new() {
            let _ = headers.set("token", &self.token());
            init.set_headers_headers(&headers);
        }
        let _ = window.fetch_with_str_and_init(&self.url(Command::EndSession.path()), &init);
    }

    /// Where the event stream is read, and the token to send in its `token` header. The stream
    /// is read with `fetch` rather than an EventSource, so the token never sits in a URL (a
    /// browser logs the URL of a failed EventSource, query and all).
    pub(in crate::platform) fn events_endpoint(&self) -> (String, String) {
        (self.url(Command::Events.path()), self.token())
    }

    /// The current presentation frame as JPEG bytes, fetched with the `token` header: a frame
    /// shown from these bytes puts the token in no URL, no `<img src>` and no log line.
    pub async fn presentation_jpeg(&self) -> Result<Vec<u8>, ApiError> {
        let resp = self
            .with_token(Request::get(&self.url(Command::PresentationJpeg.path())))
            .cache(web_sys::RequestCache::NoStore)
            .send()
            .await
            .map_err(|e| ApiError::Network(e.to_string()))?;
        if resp.ok() {
            return resp
                .binary()
                .await
                .map_err(|e| ApiError::Network(e.to_string()));
        }
        let body = resp
            .text()
            .await
            .map_err(|e| ApiError::Network(e.to_string()))?;
        match decode_reply::<serde_json::Value>(resp.status(), &body) {
            Err(f) => Err(ApiError::Api(f)),
            Ok(_) => Err(ApiError::Rejected),
        }
    }
}
