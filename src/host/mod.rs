//! Where the console runs: the deployment's `config.json` and the browser around the page.

pub mod attention;
pub mod browser;
pub mod config;
pub mod csp;
pub mod download;
pub mod ticker;
