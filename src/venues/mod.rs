//! The venue list (会场名单) of the conference: the venues expected, each with its live status
//! against the roster, the participants no venue claims, and calling the absent. The pure parts
//! are `huikong_core::venues`; this holds them in signals, keeps the list in this browser
//! (`storage.rs`), and sends every call through the command service (`call.rs`).

pub mod call;
mod form;
pub mod import;
pub mod one_at_a_time;
pub mod panel;
pub mod redial;
mod results;
pub mod rollcall;
mod row;
mod storage;

use crate::platform::session::LiveSession;
use crate::state::clock::Clock;
use huikong_core::venues::address::match_roster;
use huikong_core::venues::status::{online_count, Change, Status, Tracker};
use huikong_core::venues::Venue;
use huikong_core::venues::VenueText;
use huikong_protocol::record::LeaveReason;
use leptos::prelude::*;

/// The venue list and what the console knows of each venue now; provided by the meeting page.
#[derive(Debug, Clone, Copy)]
pub struct Venues {
    pub list: RwSignal<Vec<Venue>>,
    /// Each venue's status, in the list's order.
    pub statuses: RwSignal<Vec<Status>>,
    /// The participants no venue claims (the console's own session aside).
    pub outsiders: RwSignal<Vec<String>>,
    tracker: StoredValue<Tracker>,
    room: StoredValue<String>,
    pub calls: call::CallRun,
    pub rollcall: rollcall::RollCall,
    /// Roll call, broadcast or rotation: one at a time.
    pub one: one_at_a_time::OneAtATime,
    redial: RwSignal<huikong_core::venues::redial::Redial>,
    /// The global redial switch.
    pub redial_on: RwSignal<bool>,
    /// Why each venue that left did, when the record says, by key.
    pub left_why: RwSignal<std::collections::HashMap<String, LeaveReason>>,
    delays: StoredValue<Vec<u32>>,
    cmds: StoredValue<Option<crate::command::service::Commands>, LocalStorage>,
}

impl Venues {
    /// Loads the conference's list and follows the roster: every roster change, and every
    /// second while a call is pending (a refused call may leave no trace in the roster).
    pub fn provide(session: &LiveSession) -> Venues {
        let room = session.room.clone();
        let one = one_at_a_time::OneAtATime::new();
        let venues = Venues {
            list: RwSignal::new(initial_list(&room)),
            statuses: RwSignal::new(Vec::new()),
            outsiders: RwSignal::new(Vec::new()),
            tracker: StoredValue::new(Tracker::new()),
            room: StoredValue::new(room),
            calls: call::CallRun::new(),
            rollcall: rollcall::RollCall::new(one),
            one,
            redial: RwSignal::new(Default::default()),
            redial_on: RwSignal::new(true),
            left_why: RwSignal::new(Default::default()),
            delays: StoredValue::new(
                use_context::<crate::host::config::RuntimeConfig>()
                    .and_then(|c| c.redial)
                    .unwrap_or_else(|| huikong_core::venues::redial::DEFAULT_DELAYS.to_vec()),
            ),
            cmds: StoredValue::new_local(None),
        };
        provide_context(venues);
        let store = session.store;
        let clock = use_context::<Clock>();
        Effect::new(move |_| {
            store.roster_rev().track();
            venues.list.track();
            let pending = venues
                .statuses
                .with_untracked(|s| s.iter().any(|s| matches!(s, Status::Calling { .. })))
                || venues.calls.running_now()
                || venues.redial.with(|r| !r.is_idle());
            if pending {
                if let Some(c) = clock {
                    c.fine.track();
                }
            } else if let Some(c) = clock {
                c.coarse.track();
            }
            let changes = venues.observe(store);
            venues.follow(changes, store);
            venues.redial_due();
        });
        venues
    }

    pub fn use_context() -> Option<Venues> {
        use_context::<Venues>()
    }

    /// Matches the list against the roster now and updates every status.
    fn observe(&self, store: crate::state::store::Store) -> Vec<Change> {
        let now = crate::host::browser::now_s();
        // Without a list there is nothing to match: a meeting of thousands pays nothing for it.
        if self.list.with_untracked(Vec::is_empty) {
            if self.statuses.with_untracked(|s| !s.is_empty()) {
                self.statuses.set(Vec::new());
            }
            if self.outsiders.with_untracked(|o| !o.is_empty()) {
                self.outsiders.set(Vec::new());
            }
            return Vec::new();
        }
        let Some((statuses, outsiders, changes)) = self.list.with_untracked(|list| {
            let (found, outsiders) =
                store.with_conf(|c| match_roster(list, c.participants().values()))?;
            let (statuses, changes) = self
                .tracker
                .try_update_value(|t| t.observe(list, &found, now))?;
            Some((statuses, outsiders, changes))
        }) else {
            return Vec::new();
        };
        if self.statuses.with_untracked(|s| *s != statuses) {
            self.statuses.set(statuses);
        }
        if self.outsiders.with_untracked(|o| *o != outsiders) {
            self.outsiders.set(outsiders);
        }
        changes
    }

    /// Replaces the list, keeps it in this browser.
    pub fn set_list(&self, mut list: Vec<Venue>) {
        huikong_core::venues::renumber(&mut list);
        let kept: Vec<String> = list.iter().map(Venue::key).collect();
        let gone: Vec<String> = self.list.with_untracked(|l| {
            l.iter()
                .map(Venue::key)
                .filter(|k| !kept.contains(k))
                .collect()
        });
        for k in gone {
            self.cancel_redial(&k);
        }
        self.room.with_value(|room| storage::save(room, &list));
        self.list.set(list);
    }

    /// Online and total (tracked): the header's "会场 12/15 在线".
    pub fn counts(&self) -> (usize, usize) {
        self.statuses.with(|s| online_count(s))
    }

    /// The status of the venue with this key now.
    pub fn status_of(&self, key: &str) -> Option<Status> {
        let at = self
            .list
            .with_untracked(|l| l.iter().position(|v| v.key() == key))?;
        self.statuses.with_untracked(|s| s.get(at).cloned())
    }

    /// The participant that stands for the venue `key` now, if one does.
    pub fn uuid_of(&self, key: &str) -> Option<String> {
        self.status_of(key)
            .and_then(|s| s.uuid().map(str::to_owned))
    }

    /// The per-venue switch: whether the venue is called when absent and redialled when it
    /// drops; turned off, its pending redial is cancelled.
    pub fn set_auto(&self, index: usize, on: bool) {
        let mut list = self.list.get_untracked();
        let Some(v) = list.get_mut(index) else { return };
        v.auto_call = on;
        if !on {
            self.cancel_redial(&v.key());
        }
        self.room.with_value(|room| storage::save(room, &list));
        self.list.set(list);
    }

    /// The console dialled the venue `key` and the platform answered with `uuid`.
    pub fn dialled(&self, key: &str, uuid: &str) {
        let now = crate::host::browser::now_s();
        self.tracker.update_value(|t| t.dialled(key, uuid, now));
        self.list.update(|_| {});
    }

    /// The platform refused to dial the venue `key`.
    pub fn dial_refused(&self, key: &str, reason: String) {
        let now = crate::host::browser::now_s();
        self.tracker
            .update_value(|t| drop(t.dial_refused(key, reason, now)));
        // Shown at once, not at the next roster change.
        self.list.update(|_| {});
    }
}

/// `HH:MM:SS` of a time in unix seconds, in the browser's time zone.
pub fn time_of(at_s: f64) -> String {
    let d = js_sys::Date::new(&(at_s * 1000.0).into());
    format!(
        "{:02}:{:02}:{:02}",
        d.get_hours(),
        d.get_minutes(),
        d.get_seconds()
    )
}

/// The list this browser keeps for the conference, else the administrator's from
/// `config.json` (said in the notification stack), else none.
fn initial_list(room: &str) -> Vec<Venue> {
    let kept = storage::load(room);
    if !kept.is_empty() {
        return kept;
    }
    let key = room.trim().to_lowercase();
    let Some(text) = use_context::<crate::host::config::RuntimeConfig>().and_then(|c| {
        c.venues
            .into_iter()
            .find(|(r, _)| *r == key)
            .map(|(_, t)| t)
    }) else {
        return Vec::new();
    };
    let parsed = huikong_core::venues::json::parse(&text);
    if !parsed.errors.is_empty() {
        crate::host::browser::warn("config.json's venue list for this conference does not read");
        return Vec::new();
    }
    if let Some(status) = use_context::<crate::state::status::Status>() {
        let n = parsed.venues.len().to_string();
        let text = status
            .tr()
            .fmt_now(VenueText::VenueFromConfig, &[("n", &n)]);
        status.push(true, text);
    }
    parsed.venues
}
