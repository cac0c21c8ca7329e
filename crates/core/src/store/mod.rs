//! The store's pure bookkeeping, kept beside the console's signals: which updates of a frame's
//! batch a later one supersedes ([`batch`]), and the roster's journal of whom each revision
//! touched ([`journal`]). Plain data over events and uuids, so both are tested natively.

pub mod batch;
pub mod journal;

pub use batch::superseded;
pub use journal::{RosterJournal, Touch};
