//! Browser end-to-end tests: the built console in headless Chromium, driven through
//! chromedriver, against a simulator of its own per test. `cargo xtask test` builds the console,
//! starts chromedriver and sets the environment; without it every test says it is skipped.

mod api;
mod ctx;
mod harness;
mod page;
mod site;
mod static_server;

mod actions;
mod chat;
mod conference;
mod dial;
mod embed;
mod enterprise;
mod guest;
mod hosting;
mod i18n;
mod join;
mod launch;
mod layout;
mod participants;
mod presentation;
mod record;
mod record_alerts;
mod resilience;
mod runtime_config;
mod screenshots;
mod session;
mod waiting_room;
