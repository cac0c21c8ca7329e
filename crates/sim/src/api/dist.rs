//! The built console (`--dist`): its files; unknown paths get its `index.html` (the console
//! routes them).

use axum::Router;
use std::path::Path;
use tower_http::services::{ServeDir, ServeFile};

/// The console's files.
pub fn console(dir: &Path) -> Router {
    let files = ServeDir::new(dir).fallback(ServeFile::new(dir.join("index.html")));
    Router::new().fallback_service(files)
}
