//! Huikong (会控): the in-meeting control console, a Leptos single-page app. The library holds
//! everything; the binary mounts [`app::App`].

pub mod api;
pub mod app;
pub mod browser;
pub mod components;
pub mod config;
pub mod embed;
pub mod embed_bridge;
pub mod i18n;
pub mod panels;
pub mod session;
pub mod store;
pub mod stream;
pub mod util;

#[cfg(all(test, target_arch = "wasm32"))]
mod embed_tests;
#[cfg(all(test, target_arch = "wasm32"))]
mod web_tests;
