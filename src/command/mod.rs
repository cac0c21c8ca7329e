//! The one command path: every action a host can take as a value ([`act::Act`]) whose policy
//! is data (`huikong_core::command`), and the service that runs it for every surface (row
//! button, dialog, header, bulk bar, palette, key) with its pending state, its confirmation,
//! the undo window, its result where the host acted, and the record.

pub mod act;
pub mod button;
pub mod confirm;
pub mod outcome;
pub mod rooms;
pub mod service;
pub mod undo_bar;
