//! For the fault tests: an event stream read frame by frame without decoding (malformed events
//! must reach the test, not panic the reader), and the admin endpoint.

use super::{ApiClient, Sim};
use huikong_protocol::sse::{SseFrame, SseParser};
use serde_json::Value;
use std::collections::VecDeque;
use std::time::Duration;

/// An event stream as raw SSE frames.
pub struct RawStream {
    res: reqwest::Response,
    parser: SseParser,
    /// Bytes of a character split across chunks.
    pending: Vec<u8>,
    queue: VecDeque<SseFrame>,
    pub closed: bool,
}

impl RawStream {
    async fn pull(&mut self, limit: Duration) {
        match tokio::time::timeout(limit, self.res.chunk()).await {
            Ok(Ok(Some(bytes))) => {
                self.pending.extend_from_slice(&bytes);
                let complete = match std::str::from_utf8(&self.pending) {
                    Ok(_) => self.pending.len(),
                    Err(e) => e.valid_up_to(),
                };
                let text = String::from_utf8_lossy(&self.pending[..complete]).into_owned();
                self.pending.drain(..complete);
                self.queue.extend(self.parser.feed(&text));
            }
            Ok(_) => self.closed = true,
            Err(_) => {}
        }
    }

    /// The next frame, if one comes within `limit`.
    pub async fn next_within(&mut self, limit: Duration) -> Option<SseFrame> {
        let deadline = tokio::time::Instant::now() + limit;
        loop {
            if let Some(f) = self.queue.pop_front() {
                return Some(f);
            }
            let left = deadline.saturating_duration_since(tokio::time::Instant::now());
            if self.closed || left.is_zero() {
                return None;
            }
            self.pull(left).await;
        }
    }

    /// Reads until the stream ends; panics if it is still open after `limit`.
    pub async fn until_closed(&mut self, limit: Duration) -> Vec<SseFrame> {
        let deadline = tokio::time::Instant::now() + limit;
        let mut seen = Vec::new();
        while !self.closed || !self.queue.is_empty() {
            let left = deadline.saturating_duration_since(tokio::time::Instant::now());
            assert!(!left.is_zero(), "the stream stayed open");
            if let Some(f) = self.next_within(left).await {
                seen.push(f);
            }
        }
        seen
    }
}

impl Sim {
    /// Opens a session's event stream; the HTTP status if it is refused.
    pub async fn raw_events(&self, s: &ApiClient) -> Result<RawStream, reqwest::Response> {
        let url = format!("{}?token={}", self.url(&s.room, "events"), s.token);
        let res = self
            .http
            .get(url)
            .send()
            .await
            .expect("the simulator answers");
        if res.status().as_u16() != 200 {
            return Err(res);
        }
        Ok(RawStream {
            res,
            parser: SseParser::new(),
            pending: Vec::new(),
            queue: VecDeque::new(),
            closed: false,
        })
    }

    pub fn admin_url(&self, path: &str) -> String {
        format!("{}/_admin/{path}", self.base)
    }

    /// `PUT /_admin/faults`: the status and the answer.
    pub async fn put_faults(&self, faults: Value) -> (u16, Value) {
        let res = self
            .http
            .put(self.admin_url("faults"))
            .json(&faults)
            .send()
            .await
            .expect("the simulator answers");
        let status = res.status().as_u16();
        (status, res.json().await.unwrap_or(Value::Null))
    }

    pub async fn get_faults(&self) -> Value {
        let res = self
            .http
            .get(self.admin_url("faults"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 200);
        res.json().await.expect("the faults as JSON")
    }

    /// `GET /_admin/state/{room}`.
    pub async fn admin_state(&self, room: &str) -> Value {
        let url = self.admin_url(&format!("state/{}", room.replace('@', "%40")));
        let res = self.http.get(url).send().await.unwrap();
        assert_eq!(res.status().as_u16(), 200);
        res.json().await.expect("the state as JSON")
    }

    /// `POST /_admin/drop-streams`: how many streams were closed.
    pub async fn drop_streams(&self) -> u64 {
        let res = self
            .http
            .post(self.admin_url("drop-streams"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 200);
        let body: Value = res.json().await.unwrap();
        body["dropped"].as_u64().expect("a count")
    }
}

/// The fault that answered a response, from its `x-huikong-fault` header.
pub fn fault_of(res: &reqwest::Response) -> Option<String> {
    res.headers()
        .get("x-huikong-fault")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}
