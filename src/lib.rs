//! Huikong (会控): the in-meeting control console, a Leptos single-page app. The library holds
//! everything; the binary mounts [`app::App`].

pub mod app;
pub mod components;
pub mod embed;
pub mod host;
pub mod i18n;
pub mod panels;
pub mod platform;
pub mod state;
pub mod util;

#[cfg(all(test, target_arch = "wasm32"))]
mod web_tests;
