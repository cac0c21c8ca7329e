//! The meeting shell: the page, its header, the dock of panels, the conference controls, the
//! waiting room, alerts, the undo bar, those who recently left, and the notices of how current it all is.

pub mod alerts;
pub mod controls;
pub mod dock;
pub mod dock_unseen;
pub mod header;
pub mod notices;
pub mod page;
pub mod page_acts;
pub mod recently_left;
pub mod room;
pub mod room_back;
pub mod waiting_room;
