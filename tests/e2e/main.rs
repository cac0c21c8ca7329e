//! Browser end-to-end tests: the built console in headless Chromium, driven through
//! chromedriver, against a simulator of its own per test. `cargo xtask test` builds the console,
//! starts chromedriver and sets the environment, and with it `HUIKONG_BROWSER_TESTS_REQUIRED`:
//! a test that cannot run there fails. Only a bare `cargo test` skips them, saying so.
//! `nginx`, `cold_load` and `split` are ignored unless asked for: `cargo xtask test nginx`,
//! `cargo xtask size` and `cargo xtask test size` run them with what they need (Debian's nginx,
//! the release build).

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
mod i18n;
mod join;
mod keyboard;
mod large_meeting;
mod launch;
mod layout;
mod nginx;
mod nginx_headers;
mod page_layout;
mod participants;
mod presentation;
mod record;
mod record_alerts;
mod resilience;
mod runtime_config;
mod saved_views;
mod screenshots;
mod session;
mod split;
mod transfer_check;
mod undo;
mod undo_leave;
mod virtual_list;
mod waiting_room;
