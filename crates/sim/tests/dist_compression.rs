//! The built console served precompressed: the `.br` or `.gz` beside a file when the browser
//! accepts it (brotli first), the file itself otherwise, always with its own content type and
//! `Vary: Accept-Encoding`; hashed assets cached for a year, everything else revalidated.

mod common;

use common::*;
use huikong_protocol::Profile;
use huikong_sim::Config;
use std::path::PathBuf;

const SCRIPT: &str = "x-0123456789abcdef.js";
const STYLE: &str = "style-fedcba9876543210.css";
const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// A dist directory: a hashed script with both compressed twins, a hashed style sheet with
/// none, `index.html` with a gzip twin, and `config.json`. The compressed files hold marker
/// bytes, so a test can tell which one was sent.
struct Dist {
    dir: PathBuf,
}

impl Dist {
    fn new() -> Dist {
        let dir = std::env::temp_dir().join(format!(
            "huikong-sim-compressed-{}-{}",
            std::process::id(),
            fastrand::u64(..)
        ));
        std::fs::create_dir_all(&dir).unwrap();
        for (name, body) in [
            (SCRIPT.to_owned(), "console.log('plain')".to_owned()),
            (format!("{SCRIPT}.br"), "BROTLI BYTES".to_owned()),
            (format!("{SCRIPT}.gz"), "GZIP BYTES".to_owned()),
            (STYLE.to_owned(), "body { margin: 0 }".to_owned()),
            ("index.html".to_owned(), "<html>console</html>".to_owned()),
            ("index.html.gz".to_owned(), "GZIP INDEX".to_owned()),
            ("config.json".to_owned(), "{}".to_owned()),
        ] {
            std::fs::write(dir.join(name), body).unwrap();
        }
        Dist { dir }
    }
}

impl Drop for Dist {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

async fn serving(dist: &Dist) -> Sim {
    start_with(Config {
        dist: Some(dist.dir.clone()),
        ..Config::for_tests(Profile::Public)
    })
    .await
}

/// What one GET answered.
struct Got {
    encoding: Option<String>,
    content_type: String,
    vary: String,
    cache: String,
    body: String,
}

async fn get(sim: &Sim, path: &str, accept: Option<&str>) -> Got {
    let mut req = sim.http.get(format!("{}{path}", sim.base));
    if let Some(a) = accept {
        req = req.header("accept-encoding", a);
    }
    let res = req.send().await.unwrap();
    assert_eq!(res.status(), 200, "GET {path}");
    let header = |name: &str| {
        res.headers()
            .get(name)
            .map(|v| v.to_str().unwrap().to_owned())
    };
    Got {
        encoding: header("content-encoding"),
        content_type: header("content-type").unwrap_or_default(),
        vary: header("vary").unwrap_or_default().to_ascii_lowercase(),
        cache: header("cache-control").unwrap_or_default(),
        body: res.text().await.unwrap(),
    }
}

#[tokio::test]
async fn brotli_is_preferred_then_gzip_then_the_file_itself() {
    let dist = Dist::new();
    let sim = serving(&dist).await;
    let path = format!("/{SCRIPT}");
    let plain = get(&sim, &path, None).await;
    assert_eq!(plain.encoding, None);
    assert_eq!(plain.body, "console.log('plain')");
    assert!(
        plain.content_type.contains("javascript"),
        "{}",
        plain.content_type
    );
    for (accept, encoding, body) in [
        ("gzip, deflate, br", Some("br"), "BROTLI BYTES"),
        ("br", Some("br"), "BROTLI BYTES"),
        ("gzip", Some("gzip"), "GZIP BYTES"),
        ("gzip;q=1, br;q=0.5", Some("gzip"), "GZIP BYTES"),
        ("identity", None, "console.log('plain')"),
        ("zstd", None, "console.log('plain')"),
    ] {
        let got = get(&sim, &path, Some(accept)).await;
        assert_eq!(got.encoding.as_deref(), encoding, "{accept}");
        assert_eq!(got.body, body, "{accept}");
        // The compressed file keeps the type of what it compresses.
        assert_eq!(got.content_type, plain.content_type, "{accept}");
        assert!(
            got.vary.contains("accept-encoding"),
            "{accept}: {}",
            got.vary
        );
        assert_eq!(got.cache, IMMUTABLE, "{accept}");
    }
}

#[tokio::test]
async fn a_file_without_compressed_twins_is_served_as_it_is() {
    let dist = Dist::new();
    let sim = serving(&dist).await;
    let got = get(&sim, &format!("/{STYLE}"), Some("br, gzip")).await;
    assert_eq!(got.encoding, None);
    assert_eq!(got.body, "body { margin: 0 }");
    assert!(
        got.content_type.starts_with("text/css"),
        "{}",
        got.content_type
    );
    assert!(got.vary.contains("accept-encoding"));
    assert_eq!(got.cache, IMMUTABLE);
}

#[tokio::test]
async fn the_page_and_its_config_revalidate() {
    let dist = Dist::new();
    let sim = serving(&dist).await;
    for path in ["/", "/index.html", "/config.json", "/some/console/route"] {
        let got = get(&sim, path, None).await;
        assert_eq!(got.cache, "no-cache", "{path}");
        assert!(got.vary.contains("accept-encoding"), "{path}");
    }
    // The page comes compressed too, whether asked by name or by a route of the console.
    for path in ["/", "/index.html", "/some/console/route"] {
        let got = get(&sim, path, Some("gzip")).await;
        assert_eq!(got.encoding.as_deref(), Some("gzip"), "{path}");
        assert_eq!(got.body, "GZIP INDEX", "{path}");
        assert!(got.content_type.starts_with("text/html"), "{path}");
        assert_eq!(got.cache, "no-cache", "{path}");
    }
}

#[tokio::test]
async fn a_missing_hashed_asset_gets_the_page_without_a_long_cache() {
    let dist = Dist::new();
    let sim = serving(&dist).await;
    let got = get(&sim, "/huikong-00112233445566ff.js", None).await;
    assert_eq!(got.body, "<html>console</html>");
    assert_eq!(got.cache, "no-cache");
}

#[tokio::test]
async fn the_api_is_not_given_the_assets_cache_headers() {
    let dist = Dist::new();
    let sim = serving(&dist).await;
    let res = sim
        .http
        .post(sim.url(DEMO, "new_session"))
        .header("pin", HOST_PIN)
        .json(&serde_json::json!({ "display_name": "会控台" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.headers().get("cache-control").is_none());
}
