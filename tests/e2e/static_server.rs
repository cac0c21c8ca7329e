//! A plain static web server for the hosting and embedding tests: files from a directory with
//! the content types nginx gives them (`application/wasm` included), a redirect to the trailing
//! slash of a directory, 404 for anything else. No fallback page, no CORS, no framing headers:
//! the console must work on the dullest server an intranet has.
//!
//! Standard library only, one thread per connection, each answered once and closed.

use std::io::{BufRead, BufReader, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// One answered request.
#[derive(Debug, Clone)]
pub struct Served {
    pub path: String,
    pub status: u16,
    pub content_type: String,
}

/// Serving in the background until dropped.
pub struct StaticServer {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    log: Arc<Mutex<Vec<Served>>>,
    accept: Option<JoinHandle<()>>,
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "wasm" => "application/wasm",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// The file or directory a URL path names under `root`; `None` for a path that would leave it.
fn local_path(root: &Path, url_path: &str) -> Option<PathBuf> {
    let rel = Path::new(url_path.trim_start_matches('/'));
    let inside = rel.components().all(|c| matches!(c, Component::Normal(_)));
    inside.then(|| root.join(rel))
}

struct Answer {
    status: u16,
    content_type: &'static str,
    location: Option<String>,
    body: Vec<u8>,
}

impl Answer {
    fn not_found() -> Answer {
        Answer {
            status: 404,
            content_type: "text/plain; charset=utf-8",
            location: None,
            body: b"not found\n".to_vec(),
        }
    }
}

fn answer(root: &Path, method: &str, url_path: &str) -> Answer {
    if method != "GET" && method != "HEAD" {
        return Answer {
            status: 405,
            ..Answer::not_found()
        };
    }
    let Some(mut file) = local_path(root, url_path) else {
        return Answer::not_found();
    };
    if file.is_dir() {
        if !url_path.ends_with('/') {
            // As nginx does: every URL in index.html is relative to the trailing slash.
            return Answer {
                status: 301,
                content_type: "text/plain; charset=utf-8",
                location: Some(format!("{url_path}/")),
                body: Vec::new(),
            };
        }
        file = file.join("index.html");
    }
    match std::fs::read(&file) {
        Ok(body) => Answer {
            status: 200,
            content_type: content_type(&file),
            location: None,
            body,
        },
        Err(_) => Answer::not_found(),
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        405 => "Method Not Allowed",
        _ => "Not Found",
    }
}

fn serve_one(stream: TcpStream, root: &Path, log: &Mutex<Vec<Served>>) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let mut reader = BufReader::new(&stream);
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).unwrap_or(0) == 0 {
        return;
    }
    // The headers are read and dropped: nothing here depends on them.
    loop {
        let mut line = String::new();
        match reader.read_line(&mut line) {
            Ok(0) | Err(_) => return,
            Ok(_) if line.trim_end().is_empty() => break,
            Ok(_) => {}
        }
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    let url_path = target.split(['?', '#']).next().unwrap_or("/");
    let a = answer(root, method, url_path);
    log.lock().unwrap_or_else(|e| e.into_inner()).push(Served {
        path: url_path.to_string(),
        status: a.status,
        content_type: a.content_type.to_string(),
    });
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\n\
         Cache-Control: no-cache\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n",
        a.status,
        reason(a.status),
        a.content_type,
        a.body.len()
    );
    if let Some(l) = &a.location {
        head.push_str(&format!("Location: {l}\r\n"));
    }
    head.push_str("\r\n");
    let mut out = &stream;
    let _ = out.write_all(head.as_bytes());
    if method != "HEAD" {
        let _ = out.write_all(&a.body);
    }
    let _ = out.flush();
    let _ = stream.shutdown(Shutdown::Write);
}

impl StaticServer {
    /// Serves `root` on a free port of 127.0.0.1.
    pub fn start(root: &Path) -> StaticServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a free port for the web server");
        let addr = listener.local_addr().expect("the web server's address");
        let stop = Arc::new(AtomicBool::new(false));
        let log = Arc::new(Mutex::new(Vec::new()));
        let (root, stopping, sink) = (root.to_path_buf(), stop.clone(), log.clone());
        let accept = std::thread::spawn(move || {
            for stream in listener.incoming() {
                if stopping.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let (root, sink) = (root.clone(), sink.clone());
                std::thread::spawn(move || serve_one(stream, &root, &sink));
            }
        });
        StaticServer {
            addr,
            stop,
            log,
            accept: Some(accept),
        }
    }

    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    /// `http://{host}:{port}`: `127.0.0.1` and `localhost` reach the same server as two origins.
    pub fn origin(&self, host: &str) -> String {
        format!("http://{host}:{}", self.port())
    }

    /// Every request answered so far.
    pub fn served(&self) -> Vec<Served> {
        self.log.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // The accept loop blocks: one more connection lets it see the flag.
        let _ = TcpStream::connect(self.addr);
        if let Some(t) = self.accept.take() {
            let _ = t.join();
        }
    }
}
