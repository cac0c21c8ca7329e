//! The benchmark's clients: REST calls, and event streams read as raw bytes, so that thousands
//! of readers cost little more than the bytes they receive; each reports when the marked
//! participant's uuid comes by.

use futures_util::stream::{self, StreamExt, TryStreamExt};
use serde_json::{json, Value};
use std::time::{Duration, Instant};
use tokio::sync::{mpsc, oneshot};
use tokio::task::JoinHandle;

const ROOM: &str = "1061";
const HOST_PIN: &str = "123456";
/// Streams being opened at once: enough to be quick, few enough for the listen backlog.
const OPENING: usize = 64;

pub struct Api {
    base: String,
    http: reqwest::Client,
}

pub struct Session {
    pub token: String,
    pub uuid: String,
}

impl Api {
    pub fn new(base: String) -> Api {
        Api {
            base,
            http: reqwest::Client::new(),
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}/api/services/{ROOM}/{path}", self.base)
    }

    /// A host session; `hidden` keeps it out of the participant list.
    pub async fn session(&self, name: &str, hidden: bool) -> Result<Session, String> {
        let body = json!({ "display_name": name, "hideme": if hidden { "yes" } else { "no" } });
        let res = self
            .http
            .post(self.url("new_session"))
            .header("pin", HOST_PIN)
            .json(&body)
            .send()
            .await
            .map_err(|e| format!("new_session: {e}"))?;
        let v: Value = res.json().await.map_err(|e| format!("new_session: {e}"))?;
        let field = |k: &str| {
            v["result"][k]
                .as_str()
                .map(str::to_owned)
                .ok_or_else(|| format!("new_session answered {v}"))
        };
        Ok(Session {
            token: field("token")?,
            uuid: field("participant_uuid")?,
        })
    }

    /// A participant command such as `mute`; an error unless it succeeded.
    pub async fn participant_command(
        &self,
        token: &str,
        uuid: &str,
        command: &str,
    ) -> Result<(), String> {
        let res = self
            .http
            .post(self.url(&format!("participants/{uuid}/{command}")))
            .header("token", token)
            .send()
            .await
            .map_err(|e| format!("{command}: {e}"))?;
        let v: Value = res.json().await.map_err(|e| format!("{command}: {e}"))?;
        match v["status"].as_str() {
            Some("success") => Ok(()),
            _ => Err(format!("{command} answered {v}")),
        }
    }
}

/// The readers of the open streams; dropping it closes them.
pub struct Streams(Vec<JoinHandle<()>>);

impl Streams {
    pub fn len(&self) -> usize {
        self.0.len()
    }
}

impl Drop for Streams {
    fn drop(&mut self) {
        for r in &self.0 {
            r.abort();
        }
    }
}

/// What a stream's reader reports.
pub enum Report {
    /// The marked participant's event came by, at this time.
    Arrived(usize, Instant),
    /// The stream ended (the simulator drops a stream that falls too far behind).
    Ended(usize),
}

/// Opens `n` streams, each on its own hidden session, and waits until every one has had its
/// full sync. Then each reports every time `marker` comes by, and its end.
pub async fn open_streams(
    api: &Api,
    n: usize,
    marker: &str,
) -> Result<(Streams, mpsc::UnboundedReceiver<Report>), String> {
    let (arrivals, arrived) = mpsc::unbounded_channel();
    let opened: Vec<(JoinHandle<()>, oneshot::Receiver<()>)> = stream::iter(0..n)
        .map(|i| open_one(api, i, marker, arrivals.clone()))
        .buffer_unordered(OPENING)
        .try_collect()
        .await?;
    let (readers, synced): (Vec<_>, Vec<_>) = opened.into_iter().unzip();
    let readers = Streams(readers);
    for s in synced {
        tokio::time::timeout(Duration::from_secs(300), s)
            .await
            .map_err(|_| "a stream had no full sync after 300 s")?
            .map_err(|_| "a stream ended before its sync ended")?;
    }
    Ok((readers, arrived))
}

async fn open_one(
    api: &Api,
    i: usize,
    marker: &str,
    arrivals: mpsc::UnboundedSender<Report>,
) -> Result<(JoinHandle<()>, oneshot::Receiver<()>), String> {
    let s = api.session(&format!("reader {i:04}"), true).await?;
    let res = api
        .http
        .get(api.url("events"))
        .header("token", &s.token)
        .send()
        .await
        .map_err(|e| format!("events: {e}"))?;
    if !res.status().is_success() {
        return Err(format!("events answered {}", res.status()));
    }
    let (synced, on_sync) = oneshot::channel();
    // Only participant events carry an api_url: a chat line from it names its uuid too.
    let marker = format!("\"api_url\":\"/participants/{marker}\"").into_bytes();
    let reader = tokio::spawn(read(res, i, marker, synced, arrivals));
    Ok((reader, on_sync))
}

/// Reads a stream's bytes: says when the sync has ended, then reports each marker after it.
/// A needle split between two reads is found in the tail kept from the first.
async fn read(
    mut res: reqwest::Response,
    i: usize,
    marker: Vec<u8>,
    synced: oneshot::Sender<()>,
    arrivals: mpsc::UnboundedSender<Report>,
) {
    const SYNC_END: &[u8] = b"event: participant_sync_end";
    let keep = marker.len().max(SYNC_END.len()) - 1;
    let mut synced = Some(synced);
    let mut buf: Vec<u8> = Vec::new();
    while let Ok(Some(chunk)) = res.chunk().await {
        let at = Instant::now();
        buf.extend_from_slice(&chunk);
        let mut from = 0;
        if synced.is_some() {
            match find(&buf, SYNC_END) {
                Some(end) => {
                    let _ = synced.take().map(|s| s.send(()));
                    from = end;
                }
                None => from = buf.len(),
            }
        }
        for _ in 0..count(&buf[from..], &marker) {
            let _ = arrivals.send(Report::Arrived(i, at));
        }
        let cut = buf.len().saturating_sub(keep);
        buf.drain(..cut);
    }
    let _ = arrivals.send(Report::Ended(i));
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}

fn count(hay: &[u8], needle: &[u8]) -> usize {
    memchr::memmem::find_iter(hay, needle).count()
}

/// The nearest-rank percentile of sorted values.
pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = (p / 100.0 * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}
