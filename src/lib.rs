//! Huikong (会控): the in-meeting control console, a Leptos single-page app. The library holds
//! everything; the binary mounts [`app::App`].
//!
//! Data flows one way. [`platform`] talks to the platform: it joins, keeps the token alive and
//! reads the event stream, whose events only it applies to the store in [`state`]. Views (the
//! features: [`list`], [`dialogs`], [`panels`], [`keyboard`], the [`meeting`] shell, the
//! [`join`] page, on the [`widgets`]) get the store's read side and run every command through
//! the one command service in [`command`], whose policy is data (`huikong_core::command`); a
//! command changes nothing until the platform's event says so. [`embed`] speaks with a portal
//! that frames the console, [`host`] reads the deployment's `config.json` and the browser
//! around the page, and [`i18n`] holds the texts in both languages; the pure helpers are
//! `huikong_core`'s.

pub mod app;
pub mod command;
pub mod dialogs;
pub mod embed;
pub mod host;
pub mod i18n;
pub mod join;
pub mod keyboard;
pub mod list;
pub mod meeting;
pub mod panels;
pub mod picture;
pub mod platform;
pub mod state;
pub mod venues;
pub mod wall;
pub mod widgets;
