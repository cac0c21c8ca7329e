//! What the console knows: the conference store the platform's events fill (read-only to
//! views), the outcomes of the commands sent, who may do what, and shared facts about
//! participants.

pub mod access;
pub mod clock;
pub mod reasons;
pub mod record;
pub mod roster;
pub mod status;
pub mod store;
pub mod undo;
