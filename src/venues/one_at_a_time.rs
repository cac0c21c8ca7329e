//! One of roll call, broadcast and rotation at a time: each decides what everyone sees, so
//! starting one ends the one running (putting back what it changed) and says so. Each registers
//! how it ends; the broadcast and the rotation live in the picture feature, which depends on the
//! venue list, so they register here rather than be called from it.

use crate::state::status::Status;
use huikong_core::picture::PictureText;
use leptos::prelude::*;
use std::rc::Rc;

/// What is deciding the picture now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Running {
    RollCall,
    Broadcast,
    Rotation,
}

impl Running {
    fn ended(self) -> PictureText {
        match self {
            Running::RollCall => PictureText::KindRollCall,
            Running::Broadcast => PictureText::KindBroadcast,
            Running::Rotation => PictureText::KindRotation,
        }
    }

    fn started(self) -> PictureText {
        match self {
            Running::RollCall => PictureText::KindNewRollCall,
            Running::Broadcast => PictureText::KindNewBroadcast,
            Running::Rotation => PictureText::KindNewRotation,
        }
    }
}

/// Ends what it stands for, then runs what it is given (only once the end went through).
pub type Ender = Rc<dyn Fn(Box<dyn FnOnce()>)>;

/// Broadcasts the venue at this place of the list.
pub type Broadcaster = Rc<dyn Fn(usize)>;

#[derive(Clone, Copy)]
pub struct OneAtATime {
    pub now: RwSignal<Option<Running>>,
    enders: StoredValue<Vec<(Running, Ender)>, LocalStorage>,
    /// How a venue's row starts a broadcast, where the deployment can (registered by the
    /// picture feature, which the venue list does not import).
    broadcaster: StoredValue<Option<Broadcaster>, LocalStorage>,
    /// The key of the venue broadcast now.
    pub broadcast_key: RwSignal<Option<String>>,
}

impl OneAtATime {
    pub fn new() -> OneAtATime {
        OneAtATime {
            now: RwSignal::new(None),
            enders: StoredValue::new_local(Vec::new()),
            broadcaster: StoredValue::new_local(None),
            broadcast_key: RwSignal::new(None),
        }
    }

    pub fn set_broadcaster(&self, b: Broadcaster) {
        self.broadcaster.set_value(Some(b));
    }

    /// The row's broadcast, if the deployment has one.
    pub fn broadcaster(&self) -> Option<Broadcaster> {
        self.broadcaster.try_with_value(Clone::clone).flatten()
    }

    pub fn register(&self, kind: Running, ender: Ender) {
        self.enders.update_value(|e| {
            e.retain(|(k, _)| *k != kind);
            e.push((kind, ender));
        });
    }

    /// Runs `go`, which starts `kind`, once whatever else is running has ended; says so on the
    /// page's notification stack.
    pub fn begin(&self, kind: Running, status: Status, go: impl FnOnce() + 'static) {
        let running = self.now.get_untracked();
        let ender = running.filter(|r| *r != kind).and_then(|r| {
            self.enders
                .with_value(|e| e.iter().find(|(k, _)| *k == r).map(|(_, f)| f.clone()))
        });
        match (running, ender) {
            (Some(old), Some(end)) => end(Box::new(move || {
                let tr = status.tr();
                let text = tr.fmt_now(
                    PictureText::Replaced,
                    &[
                        ("old", tr.now(old.ended())),
                        ("new", tr.now(kind.started())),
                    ],
                );
                status.push(true, text);
                go();
            })),
            _ => go(),
        }
    }

    /// `kind` started (`on`) or ended.
    pub fn set(&self, kind: Running, on: bool) {
        if on {
            self.now.try_set(Some(kind));
        } else if self.now.try_get_untracked() == Some(Some(kind)) {
            self.now.try_set(None);
        }
    }
}

impl std::fmt::Debug for OneAtATime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OneAtATime")
            .field("now", &self.now)
            .finish()
    }
}

impl Default for OneAtATime {
    fn default() -> Self {
        OneAtATime::new()
    }
}
