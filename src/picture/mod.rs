//! What everyone sees, run by the operator: broadcast (`broadcast.rs`), rotation
//! (`rotation.rs`, its bar and its form), picture presets (`presets.rs`) and the meeting plan
//! that carries them with the venue list (`plan.rs`). The pure parts are
//! `huikong_core::picture`; every request goes through the command service. One of roll call,
//! broadcast and rotation runs at a time (`crate::venues::one_at_a_time`).
//!
//! A host's console sees only the hosts' layout. So what an end puts back for the guests is
//! what this console last set for them (`LiveSession::last_layouts`), and a layout changed
//! elsewhere is seen when the hosts' view is not the one this console expects.

pub mod broadcast;
pub mod plan;
pub mod presets;
pub mod rotation;
mod rotation_bar;
pub mod rotation_form;
mod storage;

use crate::command::service::Commands;
use crate::platform::session::{LiveSession, SessionState};
use crate::venues::one_at_a_time::Running;
use crate::venues::Venues;
use huikong_core::picture::preset::Preset;
use huikong_core::picture::rotation::Setup;
use huikong_core::picture::{changed_elsewhere, Before};
use huikong_protocol::OverrideLayoutRequest;
use leptos::prelude::*;
use std::rc::Rc;

pub use rotation_bar::{OnAirBadge, RotationBar};

/// The hosts' view this console expects while a broadcast or a rotation runs, and whether the
/// platform's `layout` event has shown it yet.
#[derive(Debug, Clone, PartialEq)]
struct Expect {
    view: String,
    confirmed: bool,
}

/// Broadcast, rotation and presets of the conference; provided by the meeting page.
#[derive(Clone, Copy)]
pub struct Picture {
    pub broadcast: broadcast::Broadcast,
    pub rotation: rotation::Rotation,
    /// The conference's presets, kept in this browser.
    pub presets: RwSignal<Vec<Preset>>,
    /// The rotation as last set up, kept in this browser.
    pub setup: RwSignal<Setup>,
    pub venues: Venues,
    room: StoredValue<String>,
    expect: RwSignal<Option<Expect>>,
    cmds: StoredValue<Option<Commands>, LocalStorage>,
}

impl Picture {
    /// Provides it, once the venue list and the command service are.
    pub fn provide(session: &LiveSession, venues: Venues, cmds: &Commands) -> Picture {
        let room = session.room.clone();
        let picture = Picture {
            broadcast: broadcast::Broadcast::new(),
            rotation: rotation::Rotation::new(),
            presets: RwSignal::new(storage::load_presets(&room)),
            setup: RwSignal::new(storage::load_setup(&room).unwrap_or_default()),
            venues,
            room: StoredValue::new(room),
            expect: RwSignal::new(None),
            cmds: StoredValue::new_local(Some(cmds.clone())),
        };
        provide_context(picture);
        let c = cmds.clone();
        venues.one.register(
            Running::Broadcast,
            Rc::new(move |then| picture.broadcast.end_then(picture, &c, then)),
        );
        let c = cmds.clone();
        venues.one.register(
            Running::Rotation,
            Rc::new(move |then| picture.rotation.stop_then(picture, &c, then)),
        );
        if cmds.offered(huikong_core::command::Action::Broadcast) {
            let c = cmds.clone();
            venues
                .one
                .set_broadcaster(Rc::new(move |i| picture.broadcast.start(picture, &c, i)));
        }
        picture.watch_layout(session);
        picture.watch_session(session);
        picture
    }

    pub fn use_context() -> Option<Picture> {
        use_context::<Picture>()
    }

    fn commands(&self) -> Option<Commands> {
        self.cmds.try_get_value().flatten()
    }

    /// What each audience sees now, to be put back at the end.
    fn before(&self, session: &LiveSession) -> Before {
        let last = session.last_layouts.get_untracked();
        let hosts_view = session.store.layout().with_untracked(|l| l.view.clone());
        Before::find(last.hosts.as_ref(), last.guests.as_ref(), &hosts_view)
    }

    /// The hosts are to see `view` from now on (a step on its way): an event of another view is
    /// someone else's doing once this one has been seen.
    fn expect_hosts(&self, session: &LiveSession, view: String) {
        let seen = session.store.layout().with_untracked(|l| l.view == view);
        self.expect.set(Some(Expect {
            view,
            confirmed: seen,
        }));
    }

    fn expect_nothing(&self) {
        self.expect.try_set(None);
    }

    /// A broadcast or a rotation stops, without putting anything back, when another host sets
    /// the layout: theirs stands.
    fn watch_layout(&self, session: &LiveSession) {
        let this = *self;
        let layout = session.store.layout();
        Effect::new(move |_| {
            let seen = layout.with(|l| l.view.clone());
            let Some(mut e) = this.expect.get_untracked() else {
                return;
            };
            if !e.confirmed {
                if seen == e.view {
                    e.confirmed = true;
                    this.expect.set(Some(e));
                }
                return;
            }
            if changed_elsewhere(&e.view, e.confirmed, &seen)
                && !this.rotation.busy.get_untracked()
                && !this.broadcast.busy.get_untracked()
            {
                this.expect_nothing();
                this.rotation.halt(this, rotation::Halt::LayoutChanged);
                this.broadcast.halt(this);
            }
        });
    }

    /// A lost or ended session stops the rotation: it never restarts by itself.
    fn watch_session(&self, session: &LiveSession) {
        let this = *self;
        let state = session.state;
        Effect::new(move |_| {
            if state.with(|s| *s != SessionState::Active) {
                this.expect_nothing();
                this.rotation.halt(this, rotation::Halt::SessionLost);
                this.broadcast.halt(this);
            }
        });
    }

    /// The operator sets a layout by hand (the layout panel, a preset): a broadcast or a
    /// rotation running ends, and the audiences it showed that `req` does not set get back what
    /// they saw before, in the same request; says so.
    pub fn yield_to_manual(&self, req: &mut OverrideLayoutRequest) {
        let running = self
            .rotation
            .controls()
            .or_else(|| self.broadcast.controls());
        let Some((audiences, before)) = running else {
            return;
        };
        before.hand_over(audiences, req);
        self.expect_nothing();
        self.rotation.halt(*self, rotation::Halt::Manual);
        self.broadcast.halt(*self);
    }

    pub fn save_presets(&self, list: Vec<Preset>) {
        self.room.with_value(|r| storage::save_presets(r, &list));
        self.presets.set(list);
    }

    pub fn save_setup(&self, setup: Setup) {
        self.room.with_value(|r| storage::save_setup(r, &setup));
        self.setup.set(setup);
    }
}
