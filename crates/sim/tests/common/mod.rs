//! Speaks to an in-process simulator over real HTTP and SSE.
// Each test file uses its own part of these helpers.
#![allow(dead_code)]

pub mod faults;

use huikong_protocol::sse::SseParser;
use huikong_protocol::{Event, Participant, Profile};
use huikong_sim::{spawn, Config, Running};
use serde_json::{json, Value};
use std::collections::VecDeque;
use std::time::Duration;

pub const DEMO: &str = "demo@huikong.local";
pub const DEMO_ID: &str = "1061";
pub const TRAINING: &str = "training@huikong.local";
pub const HOST_PIN: &str = "123456";
pub const GUEST_PIN: &str = "654321";
pub const TRAINING_HOST_PIN: &str = "112233";

pub async fn start(profile: Profile) -> Sim {
    start_with(Config::for_tests(profile)).await
}

pub async fn start_with(config: Config) -> Sim {
    let running = spawn(config)
        .await
        .expect("the simulator binds a free port");
    Sim {
        base: running.url(),
        http: reqwest::Client::new(),
        running,
    }
}

pub struct Sim {
    pub running: Running,
    pub base: String,
    pub http: reqwest::Client,
}

/// A reply: the HTTP status and the JSON body (`Value::Null` if the body was not JSON).
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub body: Value,
}

impl Reply {
    pub fn result(&self) -> &Value {
        &self.body["result"]
    }

    /// Asserts a success envelope and returns its result.
    pub fn ok(&self) -> &Value {
        assert_eq!(self.status, 200, "expected success, got {self:?}");
        assert_eq!(self.body["status"], "success", "{self:?}");
        self.result()
    }

    /// Asserts a failure envelope with this HTTP status and reason.
    pub fn fails(&self, status: u16, reason: &str) {
        assert_eq!(self.status, status, "{self:?}");
        assert_eq!(self.body["status"], "failed", "{self:?}");
        assert_eq!(self.body["result"], reason, "{self:?}");
    }
}

/// An API client: the session new_session opened for it, with its token.
#[derive(Debug, Clone)]
pub struct ApiClient {
    pub room: String,
    pub token: String,
    pub uuid: String,
    pub result: Value,
}

fn url_room(room: &str) -> String {
    room.replace('@', "%40")
}

impl Sim {
    pub fn url(&self, room: &str, path: &str) -> String {
        format!("{}/api/services/{}/{}", self.base, url_room(room), path)
    }

    async fn reply(res: reqwest::Response) -> Reply {
        let status = res.status().as_u16();
        let text = res.text().await.expect("a body");
        Reply {
            status,
            body: serde_json::from_str(&text).unwrap_or(Value::Null),
        }
    }

    pub async fn post_raw(&self, url: &str, headers: &[(&str, &str)], body: String) -> Reply {
        let mut req = self.http.post(url).body(body);
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        Self::reply(req.send().await.expect("the simulator answers")).await
    }

    /// checkJoin as the join page asks it, answered with its own envelope (HTTP 200 either way).
    pub async fn check_join(
        &self,
        account: &str,
        pwd: &str,
        name: &str,
    ) -> huikong_protocol::CheckJoinResponse {
        let url = format!("{}/api/v3/meet/checkJoin.shtml", self.base);
        let body = json!({ "joinAccount": account, "joinPwd": pwd, "participantName": name });
        let r = self
            .post_raw(
                &url,
                &[("content-type", "application/json")],
                body.to_string(),
            )
            .await;
        assert_eq!(r.status, 200);
        serde_json::from_value(r.body).expect("checkJoin's own envelope")
    }

    /// POST a command with a token (or none) and a JSON body.
    pub async fn post(&self, room: &str, path: &str, token: Option<&str>, body: Value) -> Reply {
        let mut headers = vec![("content-type", "application/json")];
        if let Some(t) = token {
            headers.push(("token", t));
        }
        self.post_raw(&self.url(room, path), &headers, body.to_string())
            .await
    }

    pub async fn get(&self, room: &str, path: &str, token: Option<&str>) -> Reply {
        let mut req = self.http.get(self.url(room, path));
        if let Some(t) = token {
            req = req.header("token", t);
        }
        Self::reply(req.send().await.expect("the simulator answers")).await
    }

    pub async fn new_session_reply(&self, room: &str, pin: Option<&str>, body: Value) -> Reply {
        let mut headers = vec![("content-type", "application/json")];
        if let Some(p) = pin {
            headers.push(("pin", p));
        }
        self.post_raw(&self.url(room, "new_session"), &headers, body.to_string())
            .await
    }

    pub async fn session(&self, room: &str, pin: Option<&str>, name: &str) -> ApiClient {
        self.session_hidden(room, pin, name, false).await
    }

    pub async fn session_hidden(
        &self,
        room: &str,
        pin: Option<&str>,
        name: &str,
        hide: bool,
    ) -> ApiClient {
        let body = json!({ "display_name": name, "hideme": if hide { "yes" } else { "no" } });
        let r = self.new_session_reply(room, pin, body).await;
        let result = r.ok().clone();
        ApiClient {
            room: room.to_owned(),
            token: result["token"].as_str().expect("a token").to_owned(),
            uuid: result["participant_uuid"]
                .as_str()
                .expect("a uuid")
                .to_owned(),
            result,
        }
    }

    pub async fn host(&self) -> ApiClient {
        self.session(DEMO, Some(HOST_PIN), "主持人").await
    }

    pub async fn guest(&self, name: &str) -> ApiClient {
        self.session(DEMO, Some(GUEST_PIN), name).await
    }

    /// A command by a session in its own room.
    pub async fn cmd(&self, s: &ApiClient, path: &str, body: Value) -> Reply {
        self.post(&s.room, path, Some(&s.token), body).await
    }

    pub async fn pcmd(&self, s: &ApiClient, uuid: &str, path: &str, body: Value) -> Reply {
        self.post(
            &s.room,
            &format!("participants/{uuid}/{path}"),
            Some(&s.token),
            body,
        )
        .await
    }

    pub async fn participants(&self, s: &ApiClient) -> Vec<Participant> {
        let r = self.get(&s.room, "participants", Some(&s.token)).await;
        serde_json::from_value(r.ok().clone()).expect("a participant list")
    }

    pub async fn participant(&self, s: &ApiClient, uuid: &str) -> Option<Participant> {
        self.participants(s)
            .await
            .into_iter()
            .find(|p| p.uuid == uuid)
    }

    /// Dials a destination as a guest (or chair) endpoint with media; returns its uuid.
    pub async fn dial(&self, s: &ApiClient, destination: &str, role: &str) -> String {
        let body = json!({ "role": role, "destination": destination, "protocol": "sip" });
        let r = self.cmd(s, "dial", body).await;
        r.ok()[0].as_str().expect("a uuid").to_owned()
    }

    /// Dials and waits until the endpoint answered.
    pub async fn dial_answered(&self, s: &ApiClient, destination: &str, role: &str) -> String {
        let uuid = self.dial(s, destination, role).await;
        let deadline = std::time::Instant::now() + WAIT;
        while std::time::Instant::now() < deadline {
            if let Some(p) = self.participant(s, &uuid).await {
                if p.service_type.as_str() != "connecting" {
                    return uuid;
                }
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("{destination} never answered");
    }

    /// Refreshes the session's token every 300 ms until the returned guard drops.
    pub fn keep_refreshing(&self, s: &ApiClient) -> Refresher {
        let http = self.http.clone();
        let url = self.url(&s.room, "refresh_session");
        let mut token = s.token.clone();
        Refresher(tokio::spawn(async move {
            loop {
                tokio::time::sleep(Duration::from_millis(300)).await;
                let res = http.post(&url).header("token", &token).send().await;
                let Ok(res) = res else { return };
                let Ok(body) = res.json::<Value>().await else {
                    return;
                };
                match body["result"]["token"].as_str() {
                    Some(t) => token = t.to_owned(),
                    None => return,
                }
            }
        }))
    }

    pub async fn events(&self, s: &ApiClient) -> Stream {
        self.events_url(&format!(
            "{}?token={}",
            self.url(&s.room, "events"),
            s.token
        ))
        .await
    }

    pub async fn events_url(&self, url: &str) -> Stream {
        let res = self.http.get(url).send().await.expect("the stream opens");
        assert_eq!(
            res.status().as_u16(),
            200,
            "events answered {}",
            res.status()
        );
        Stream {
            res,
            parser: SseParser::new(),
            queue: VecDeque::new(),
            raw: String::new(),
            closed: false,
        }
    }
}

pub struct Refresher(tokio::task::JoinHandle<()>);

impl Drop for Refresher {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// An open event stream.
pub struct Stream {
    res: reqwest::Response,
    parser: SseParser,
    queue: VecDeque<(u64, Event)>,
    /// Everything received, comments included.
    pub raw: String,
    pub closed: bool,
}

pub const WAIT: Duration = Duration::from_secs(5);

impl Stream {
    /// Reads one chunk, if one comes within `limit`; marks the stream closed at its end.
    async fn pull(&mut self, limit: Duration) {
        match tokio::time::timeout(limit, self.res.chunk()).await {
            Ok(Ok(Some(bytes))) => {
                let text = String::from_utf8_lossy(&bytes).into_owned();
                self.raw.push_str(&text);
                for f in self.parser.feed(&text) {
                    let id =
                        f.id.as_deref()
                            .and_then(|i| i.parse().ok())
                            .expect("every event has an id");
                    let e = Event::decode(&f.event, &f.data).expect("every event decodes");
                    self.queue.push_back((id, e));
                }
            }
            Ok(_) => self.closed = true,
            Err(_) => {}
        }
    }

    /// The next event with its id, if one comes within `limit`.
    pub async fn next_within(&mut self, limit: Duration) -> Option<(u64, Event)> {
        let deadline = tokio::time::Instant::now() + limit;
        loop {
            if let Some(e) = self.queue.pop_front() {
                return Some(e);
            }
            let left = deadline.saturating_duration_since(tokio::time::Instant::now());
            if self.closed || left.is_zero() {
                return None;
            }
            self.pull(left).await;
        }
    }

    pub async fn next(&mut self) -> Event {
        self.next_within(WAIT).await.expect("an event").1
    }

    /// Skips events until one matches; panics after `WAIT`.
    pub async fn until(&mut self, what: &str, pred: impl Fn(&Event) -> bool) -> Event {
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            let left = deadline.saturating_duration_since(tokio::time::Instant::now());
            match self.next_within(left).await {
                Some((_, e)) if pred(&e) => return e,
                Some(_) => {}
                None => panic!("no {what} (stream closed: {})", self.closed),
            }
        }
    }

    /// Reads the initial sync up to and including its end; returns the synced participants.
    pub async fn sync(&mut self) -> Vec<Participant> {
        assert_eq!(self.next().await, Event::ParticipantSyncBegin);
        let mut list = Vec::new();
        loop {
            match self.next().await {
                Event::ParticipantCreate(p) | Event::ParticipantUpdate(p) => list.push(p),
                Event::ParticipantSyncEnd => return list,
                other => panic!("unexpected {other:?} in the sync"),
            }
        }
    }

    /// Waits for the stream to end; returns the events that came before.
    pub async fn until_closed(&mut self) -> Vec<Event> {
        let mut seen = Vec::new();
        let deadline = tokio::time::Instant::now() + WAIT;
        while !self.closed {
            let left = deadline.saturating_duration_since(tokio::time::Instant::now());
            assert!(!left.is_zero(), "the stream stayed open; saw {seen:?}");
            if let Some((_, e)) = self.next_within(left).await {
                seen.push(e);
            }
        }
        while let Some((_, e)) = self.queue.pop_front() {
            seen.push(e);
        }
        seen
    }
}

/// A participant update or create for this uuid.
pub fn about<'a>(e: &'a Event, uuid: &str) -> Option<&'a Participant> {
    match e {
        Event::ParticipantCreate(p) | Event::ParticipantUpdate(p) if p.uuid == uuid => Some(p),
        _ => None,
    }
}
