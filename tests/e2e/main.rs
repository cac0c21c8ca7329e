//! Browser end-to-end tests: the built console in headless Chromium, driven through
//! chromedriver, against a simulator of its own per test. Every test is `#[ignore]`d, so that a
//! bare `cargo test` reports it ignored and never passed: `cargo xtask test` builds the console,
//! starts chromedriver, sets the environment and runs them with `--include-ignored`, and a test
//! that cannot run there fails (`huikong_test_support::harness::Env::get`).
//! `nginx`, `nginx_headers`, `cold_load`, `split` and `screenshots` are ignored for a reason of
//! their own and run only in their own steps (the xtask skips them in the e2e step):
//! `cargo xtask test nginx`, `cargo xtask size`, `cargo xtask test size` and
//! `cargo xtask screenshots` run them with what they need (Debian's nginx, the release build).

mod ctx;
mod site;
mod static_server;

mod actions;
mod axe;
mod bulk;
mod chat;
mod cold_load;
mod conference;
mod dial;
mod embed;
mod enterprise;
mod feedback;
mod guest;
mod hosting;
mod http2;
mod i18n;
mod join;
mod keyboard;
mod large_meeting;
mod launch;
mod layout;
mod nginx;
mod nginx_headers;
mod nginx_proxy;
mod page_layout;
mod participants;
mod picture;
mod presentation;
mod record;
mod record_alerts;
mod resilience;
mod rotation;
mod runtime_config;
mod saved_views;
mod screenshots;
mod session;
mod split;
mod transfer_check;
mod trust;
mod undo;
mod undo_leave;
mod venues;
mod venues_redial;
mod venues_roll_call;
mod virtual_list;
mod waiting_room;
mod wall;
