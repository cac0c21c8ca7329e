//! The one command path: every action a host can take, its policy, and the service that runs
//! it for every surface (row button, dialog, header, bulk bar, palette, key), with its pending
//! state, its result where the host acted, the undo window and the record.

pub mod acts;
pub mod button;
pub mod outcome;
pub mod runner;
