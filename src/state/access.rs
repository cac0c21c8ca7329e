//! Who may do what: whether the host-only controls are forbidden to this session, provided once
//! by the meeting page and read by every control that is the host's.

use leptos::prelude::*;

/// The id of the hidden text that explains why host-only controls are disabled.
pub const HOST_ONLY_REASON_ID: &str = "host-only-reason";

/// Whether the host-only controls are forbidden to this session (a guest, or a host whom
/// another host made a guest).
#[derive(Debug, Clone, Copy)]
pub struct Forbidden(Memo<bool>);

impl Forbidden {
    /// Provides the page's: `is_host` says whether this session is a host now (reactive).
    pub fn provide(is_host: impl Fn() -> bool + Send + Sync + 'static) -> Forbidden {
        let f = Forbidden(Memo::new(move |_| !is_host()));
        provide_context(f);
        f
    }

    pub fn use_context() -> Forbidden {
        expect_context::<Forbidden>()
    }

    /// A list row's own memo of the page's, provided to the row's children, for the reason of
    /// `Tr::provide_local`: thousands of rows must not all subscribe to one memo.
    pub fn provide_local() -> Forbidden {
        let parent = Forbidden::use_context().0;
        let local = Forbidden(Memo::new(move |_| parent.get()));
        provide_context(local);
        local
    }

    /// Whether forbidden (tracked).
    pub fn get(self) -> bool {
        self.0.get()
    }

    pub fn get_untracked(self) -> bool {
        self.0.get_untracked()
    }
}
