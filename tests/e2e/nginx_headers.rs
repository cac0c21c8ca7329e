//! What docs/deploy.md's nginx block serves each file of the console with (its table), asked
//! with curl as a browser would ask, with and without compression: the types, the cache
//! policy, the security headers on every file, `Vary`, and the precompressed copies from
//! `cargo xtask dist` sent byte for byte. And the redirect to the trailing slash keeps the
//! query string. `cargo xtask test nginx` runs these (see `nginx`).

use crate::nginx::Nginx;
use std::collections::BTreeMap;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

/// One answer: the status, the headers (names in lower case), the body as sent.
struct Answer {
    status: u16,
    headers: BTreeMap<String, String>,
    body: Vec<u8>,
}

impl Answer {
    fn header(&self, name: &str) -> &str {
        self.headers.get(name).map_or("", String::as_str)
    }
}

/// `GET url` with `accept_encoding` (none if empty), the body left encoded.
fn get(url: &str, accept_encoding: &str) -> Answer {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let file = std::env::temp_dir().join(format!("huikong-nginx-{}-{n}", std::process::id()));
    let mut curl = Command::new("curl");
    curl.args(["-sS", "-k", "-D", "-", "-o"]).arg(&file);
    if !accept_encoding.is_empty() {
        curl.args(["-H", &format!("Accept-Encoding: {accept_encoding}")]);
    }
    let out = curl.arg(url).output().expect("curl runs");
    assert!(out.status.success(), "curl {url}: {out:?}");
    let head = String::from_utf8_lossy(&out.stdout).into_owned();
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status line from {url}: {head}"));
    let mut headers = BTreeMap::new();
    for (name, value) in lines.filter_map(|l| l.split_once(':')) {
        let (name, value) = (name.trim().to_ascii_lowercase(), value.trim().to_string());
        let joined = match headers.remove(&name) {
            Some(before) => format!("{before}, {value}"),
            None => value,
        };
        headers.insert(name, joined);
    }
    let body = std::fs::read(&file).unwrap_or_default();
    let _ = std::fs::remove_file(&file);
    Answer {
        status,
        headers,
        body,
    }
}

/// The headers every file of the console gets, whatever its kind.
fn check_security(url: &str, a: &Answer, nginx: &Nginx) {
    let csp = a.header("content-security-policy");
    for part in [
        "default-src 'none'",
        "script-src 'self' 'wasm-unsafe-eval'",
        &format!("connect-src 'self' {}", nginx.api),
        &format!("frame-ancestors 'self' {}", origin(&nginx.portal)),
    ] {
        assert!(csp.contains(part), "{url}: no `{part}` in the CSP {csp:?}");
    }
    assert_eq!(a.header("x-content-type-options"), "nosniff", "{url}");
    assert_eq!(
        a.header("referrer-policy"),
        "strict-origin-when-cross-origin",
        "{url}"
    );
}

fn origin(url: &str) -> &str {
    let after_scheme = url.find("://").map_or(0, |i| i + 3);
    url[after_scheme..]
        .find('/')
        .map_or(url, |i| &url[..after_scheme + i])
}

/// (file in dist, its URL path under the console, type, immutable).
fn files(nginx: &Nginx) -> Vec<(String, String, &'static str, bool)> {
    let mut out = vec![
        ("index.html".into(), String::new(), "text/html", false),
        ("index.html".into(), "index.html".into(), "text/html", false),
        (
            "boot.js".into(),
            "boot.js".into(),
            "application/javascript",
            false,
        ),
        (
            "tick.js".into(),
            "tick.js".into(),
            "application/javascript",
            false,
        ),
    ];
    for entry in std::fs::read_dir(&nginx.dist)
        .expect("the release build")
        .flatten()
    {
        let name = entry.file_name().to_string_lossy().into_owned();
        let kind = match name.rsplit('.').next() {
            Some("wasm") => "application/wasm",
            Some("css") => "text/css",
            Some("js") if name != "boot.js" && name != "tick.js" => "application/javascript",
            _ => continue,
        };
        out.push((name.clone(), name, kind, true));
    }
    assert!(out.len() >= 7, "the build's hashed files: {out:?}");
    out
}

#[test]
#[ignore = "needs nginx: `cargo xtask test nginx` runs it"]
fn every_file_gets_the_promised_headers_and_its_precompressed_copy() {
    let nginx = Nginx::get();
    for (file, path, kind, immutable) in files(&nginx) {
        let url = format!("{}{path}", nginx.console);
        let cache = match immutable {
            true => "public, max-age=31536000, immutable",
            false => "no-cache",
        };
        let raw = std::fs::read(nginx.dist.join(&file)).expect("the built file");
        let br = if nginx.brotli { "br" } else { "gzip" };
        for (asked, sent) in [("", ""), ("gzip", "gzip"), ("gzip, br", br)] {
            let a = get(&url, asked);
            assert_eq!(a.status, 200, "{url} ({asked})");
            assert_eq!(a.header("content-type"), kind, "{url}");
            assert_eq!(a.header("cache-control"), cache, "{url}");
            check_security(&url, &a, &nginx);
            assert_eq!(
                a.header("content-encoding"),
                sent,
                "{url} asked with {asked:?}"
            );
            let want = match sent {
                "" => raw.clone(),
                enc => std::fs::read(nginx.dist.join(format!("{file}.{}", ext(enc))))
                    .expect("the compressed copy"),
            };
            assert!(
                a.body == want,
                "{url} ({asked}): not the file's {sent:?} copy"
            );
            if !sent.is_empty() {
                assert!(
                    a.header("vary").contains("Accept-Encoding"),
                    "{url}: compressed without `Vary: Accept-Encoding`"
                );
            }
        }
    }
}

fn ext(encoding: &str) -> &'static str {
    if encoding == "br" {
        "br"
    } else {
        "gz"
    }
}

#[test]
#[ignore = "needs nginx: `cargo xtask test nginx` runs it"]
fn config_json_is_revalidated_and_compressed_on_the_fly() {
    let nginx = Nginx::get();
    let url = format!("{}config.json", nginx.console);
    let plain = get(&url, "");
    assert_eq!(plain.status, 200);
    assert_eq!(plain.header("content-type"), "application/json");
    assert_eq!(plain.header("cache-control"), "no-cache");
    check_security(&url, &plain, &nginx);
    let config: serde_json::Value = serde_json::from_slice(&plain.body).expect("JSON");
    assert_eq!(config["api_server"], nginx.api.as_str(), "the edited file");
    let gz = get(&url, "gzip");
    assert_eq!(gz.header("content-encoding"), "gzip");
    assert!(gz.header("vary").contains("Accept-Encoding"));
}

#[test]
#[ignore = "needs nginx: `cargo xtask test nginx` runs it"]
fn the_redirect_to_the_trailing_slash_keeps_the_query_string() {
    let nginx = Nginx::get();
    let query = "conference=1061&name=Admin&autojoin=1";
    let bare = nginx.console.trim_end_matches('/');
    let a = get(&format!("{bare}?{query}"), "");
    assert_eq!(a.status, 301);
    assert!(
        a.header("location")
            .ends_with(&format!("/tools/huikong/?{query}")),
        "Location: {:?}",
        a.header("location")
    );
    let plain = get(bare, "");
    assert!(plain.header("location").ends_with("/tools/huikong/"));
}
