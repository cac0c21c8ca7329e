//! The benchmark's clients: REST calls, and event streams read as raw bytes off bare
//! connections, so that thousands of readers cost little more than the bytes they receive;
//! each reports when the marked participant's event comes by.

use futures_util::stream::{self, StreamExt, TryStreamExt};
use serde_json::{json, Value};
use std::io::ErrorKind;
use std::time::{Duration, Instant};
use tokio::net::TcpStream;
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
    let (tcp, body) = get_events(api, &s.token)
        .await
        .map_err(|e| format!("events: {e}"))?;
    let (synced, on_sync) = oneshot::channel();
    // Only participant events carry an api_url: a chat line from it names its uuid too.
    let marker = format!("\"api_url\":\"/participants/{marker}\"").into_bytes();
    let reader = tokio::spawn(read(tcp, body, i, marker, synced, arrivals));
    Ok((reader, on_sync))
}

/// `GET events` over a bare connection: the response's head is checked, the body is left to
/// be read as bytes (each event is one chunk of the chunked body, so the chunk sizes between
/// them never split what is looked for). Returns the connection and the body read so far.
async fn get_events(api: &Api, token: &str) -> std::io::Result<(TcpStream, Vec<u8>)> {
    let host = api.base.trim_start_matches("http://");
    let tcp = TcpStream::connect(host).await?;
    tcp.set_nodelay(true)?;
    let request = format!(
        "GET /api/services/{ROOM}/events HTTP/1.1\r\nHost: {host}\r\ntoken: {token}\r\n\
         Accept: text/event-stream\r\n\r\n"
    );
    let mut sent = 0;
    while sent < request.len() {
        tcp.writable().await?;
        match tcp.try_write(&request.as_bytes()[sent..]) {
            Ok(n) => sent += n,
            Err(e) if e.kind() == ErrorKind::WouldBlock => {}
            Err(e) => return Err(e),
        }
    }
    let mut head = Vec::new();
    let end = loop {
        if let Some(at) = find(&head, b"\r\n\r\n") {
            break at + 4;
        }
        if read_some(&tcp, &mut head).await? == 0 {
            return Err(ErrorKind::UnexpectedEof.into());
        }
    };
    if !head.starts_with(b"HTTP/1.1 200") {
        let status = String::from_utf8_lossy(&head[..head.len().min(40)]).into_owned();
        return Err(std::io::Error::other(status));
    }
    Ok((tcp, head.split_off(end)))
}

/// Appends what the connection has (waiting for something); 0 at its end.
async fn read_some(tcp: &TcpStream, buf: &mut Vec<u8>) -> std::io::Result<usize> {
    let mut chunk = [0u8; 16 * 1024];
    loop {
        tcp.readable().await?;
        match tcp.try_read(&mut chunk) {
            Ok(n) => {
                buf.extend_from_slice(&chunk[..n]);
                return Ok(n);
            }
            Err(e) if e.kind() == ErrorKind::WouldBlock => {}
            Err(e) => return Err(e),
        }
    }
}

/// Reads a stream's bytes: says when the sync has ended, then reports each marker after it.
/// A needle split between two reads is found in the tail kept from the first.
async fn read(
    tcp: TcpStream,
    mut buf: Vec<u8>,
    i: usize,
    marker: Vec<u8>,
    synced: oneshot::Sender<()>,
    arrivals: mpsc::UnboundedSender<Report>,
) {
    const SYNC_END: &[u8] = b"event: participant_sync_end";
    let keep = marker.len().max(SYNC_END.len()) - 1;
    let mut synced = Some(synced);
    loop {
        let at = Instant::now();
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
        if !matches!(read_some(&tcp, &mut buf).await, Ok(n) if n > 0) {
            break;
        }
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
