//! The built console (`--dist`): its files, precompressed when the browser accepts it, with
//! caching that fits how each is named. `cargo xtask dist` writes `.br` and `.gz` beside every
//! asset; brotli is preferred, and a file without a compressed twin is served as it is. Assets
//! whose names carry a content hash never change, so they are cached for a year; everything
//! else (`index.html`, `config.json`, any path the console routes itself) is revalidated.

use axum::extract::{Request, State};
use axum::http::header::{CACHE_CONTROL, VARY};
use axum::http::HeaderValue;
use axum::middleware::{from_fn_with_state, Next};
use axum::response::Response;
use axum::Router;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tower_http::services::{ServeDir, ServeFile};

const IMMUTABLE: &str = "public, max-age=31536000, immutable";
const REVALIDATE: &str = "no-cache";

/// The console's files; unknown paths get its `index.html` (the console routes them).
pub fn console(dir: &Path) -> Router {
    let index = ServeFile::new(dir.join("index.html"))
        .precompressed_br()
        .precompressed_gzip();
    let files = ServeDir::new(dir)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(index);
    Router::new()
        .fallback_service(files)
        .layer(from_fn_with_state(Arc::new(dir.to_owned()), caching))
}

/// Sets `Cache-Control` by what was served, and `Vary` since any file may come compressed.
async fn caching(State(dir): State<Arc<PathBuf>>, req: Request, next: Next) -> Response {
    let name = req.uri().path().rsplit('/').next().unwrap_or("").to_owned();
    // A hashed name that does not exist is answered with index.html, which must not stick.
    let relative = req.uri().path().trim_start_matches('/');
    let inside = !relative.split('/').any(|part| part == "..");
    let hashed =
        is_hashed(&name) && inside && tokio::fs::metadata(dir.join(relative)).await.is_ok();
    let mut res = next.run(req).await;
    let policy = if hashed { IMMUTABLE } else { REVALIDATE };
    let headers = res.headers_mut();
    headers.insert(CACHE_CONTROL, HeaderValue::from_static(policy));
    headers.insert(VARY, HeaderValue::from_static("accept-encoding"));
    res
}

/// Whether a file name carries a content hash as trunk writes it: `name-<hex>.ext`, or
/// `name-<hex>_bg.wasm`, with at least 12 hex digits.
pub fn is_hashed(name: &str) -> bool {
    name.match_indices('-').any(|(at, _)| {
        let rest = &name[at + 1..];
        let digits = rest.bytes().take_while(u8::is_ascii_hexdigit).count();
        digits >= 12 && matches!(rest.as_bytes().get(digits), Some(b'.' | b'_'))
    })
}

#[cfg(test)]
mod tests {
    use super::is_hashed;

    #[test]
    fn trunk_names_are_hashed_and_fixed_names_are_not() {
        for name in [
            "huikong-1a2b3c4d5e6f7a8b.js",
            "huikong-1a2b3c4d5e6f7a8b_bg.wasm",
            "style-0123456789abcdef.css",
        ] {
            assert!(is_hashed(name), "{name}");
        }
        for name in [
            "index.html",
            "config.json",
            "",
            "huikong-console.js",
            "x-0123.js",
            "x-0123456789abcdef",
        ] {
            assert!(!is_hashed(name), "{name}");
        }
    }
}
