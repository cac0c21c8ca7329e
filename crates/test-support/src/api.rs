//! The simulator seen through its REST API by another session, as any second client of the
//! platform would see it: what the console did is checked here, not only on the page.

use huikong_protocol::envelope::{decode_reply, CommandOutcome};
use huikong_protocol::sse::SseParser;
use huikong_protocol::{
    ApiFailure, Event, MessageRequest, NewSessionRequest, NewSessionResult, Participant,
    ServiceStatus, ServiceType,
};
use serde::de::DeserializeOwned;
use std::sync::{Arc, Mutex};

/// A session of its own on one room of a simulator.
pub struct Api {
    http: reqwest::Client,
    base: String,
    room: String,
    token: String,
}

async fn reply<T: DeserializeOwned>(
    sent: Result<reqwest::Response, reqwest::Error>,
) -> Result<T, ApiFailure> {
    let response = sent.map_err(|e| ApiFailure::Malformed {
        http_status: 0,
        detail: e.to_string(),
    })?;
    let status = response.status().as_u16();
    let body = response.text().await.unwrap_or_default();
    decode_reply(status, &body)
}

impl Api {
    /// Opens a session on `room` with `pin`; `hideme` keeps it out of the participant list.
    pub async fn open(
        base: &str,
        room: &str,
        pin: &str,
        name: &str,
        hideme: bool,
    ) -> Result<Api, ApiFailure> {
        let http = reqwest::Client::new();
        let sent = http
            .post(format!("{base}/api/services/{room}/new_session"))
            .header("pin", pin)
            .json(&NewSessionRequest {
                display_name: name.into(),
                hideme,
            })
            .send()
            .await;
        let session: NewSessionResult = reply(sent).await?;
        Ok(Api {
            http,
            base: base.to_string(),
            room: room.to_string(),
            token: session.token,
        })
    }

    fn url(&self, path: &str) -> String {
        format!("{}/api/services/{}/{path}", self.base, self.room)
    }

    pub async fn get<T: DeserializeOwned>(&self, path: &str) -> Result<T, ApiFailure> {
        let sent = self
            .http
            .get(self.url(path))
            .header("token", &self.token)
            .send()
            .await;
        reply(sent).await
    }

    pub async fn post<T: DeserializeOwned>(
        &self,
        path: &str,
        body: &impl serde::Serialize,
    ) -> Result<T, ApiFailure> {
        let sent = self
            .http
            .post(self.url(path))
            .header("token", &self.token)
            .json(body)
            .send()
            .await;
        reply(sent).await
    }

    /// A command whose result is the platform's `true`.
    pub async fn command(&self, path: &str, body: &impl serde::Serialize) -> Result<(), String> {
        match self.post::<CommandOutcome>(path, body).await {
            Ok(CommandOutcome(true)) => Ok(()),
            Ok(CommandOutcome(false)) => Err(format!("{path} answered false")),
            Err(e) => Err(format!("{path}: {e}")),
        }
    }

    pub async fn participants(&self) -> Vec<Participant> {
        self.get("participants")
            .await
            .unwrap_or_else(|e| panic!("participants as another session: {e}"))
    }

    pub async fn participant(&self, uuid: &str) -> Option<Participant> {
        self.participants()
            .await
            .into_iter()
            .find(|p| p.uuid == uuid)
    }

    /// The participant named `name`, if one is in the room.
    pub async fn named(&self, name: &str) -> Option<Participant> {
        self.participants()
            .await
            .into_iter()
            .find(|p| p.display_name == name)
    }

    pub async fn status(&self) -> ServiceStatus {
        self.status_result()
            .await
            .unwrap_or_else(|e| panic!("service_status as another session: {e}"))
    }

    /// service_status, or why this session may not read it (a session that has ended).
    pub async fn status_result(&self) -> Result<ServiceStatus, ApiFailure> {
        self.get("service_status").await
    }

    /// Sends a chat line to everyone.
    pub async fn say(&self, text: &str) {
        self.command("message", &MessageRequest::text(text))
            .await
            .unwrap_or_else(|e| panic!("message as another session: {e}"));
    }

    /// Starts reading this session's event stream in the background.
    pub async fn tap(&self) -> Tap {
        let response = self
            .http
            .get(self.url("events"))
            .header("token", &self.token)
            .send()
            .await
            .expect("the event stream answers");
        assert!(
            response.status().is_success(),
            "events: {}",
            response.status()
        );
        let seen = Arc::new(Mutex::new(Vec::new()));
        let sink = seen.clone();
        let task = tokio::spawn(async move {
            let mut response = response;
            let mut parser = SseParser::new();
            while let Ok(Some(chunk)) = response.chunk().await {
                for frame in parser.feed(&String::from_utf8_lossy(&chunk)) {
                    if let Ok(e) = Event::decode(&frame.event, &frame.data) {
                        sink.lock().unwrap_or_else(|e| e.into_inner()).push(e);
                    }
                }
            }
        });
        Tap { seen, task }
    }
}

/// The events one session has received so far.
pub struct Tap {
    seen: Arc<Mutex<Vec<Event>>>,
    task: tokio::task::JoinHandle<()>,
}

impl Tap {
    pub fn events(&self) -> Vec<Event> {
        self.seen.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// The chat lines received: (origin, payload).
    pub fn messages(&self) -> Vec<(String, String)> {
        self.events()
            .into_iter()
            .filter_map(|e| match e {
                Event::Message(m) => Some((m.origin, m.payload)),
                _ => None,
            })
            .collect()
    }
}

impl Drop for Tap {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// Whether a participant waits for a host.
pub fn waiting(p: &Participant) -> bool {
    p.service_type == ServiceType::WaitingRoom
}
