//! Huikong's pure console logic, shared by the console (`src/`) and tested natively with a
//! plain `cargo test`: no Leptos, no web-sys, no I/O.

pub mod attendance;
pub mod command;
pub mod event_words;
pub mod i18n;
pub mod keymap;
pub mod keymap_texts;
pub mod list;
pub mod page_texts;
pub mod palette;
pub mod panel;
pub mod picture;
pub mod proxy;
pub mod record_texts;
pub mod search;
pub mod store;
pub mod util;
pub mod venues;
pub mod wall;
