//! Redialling the dropped on the console: a listed venue called automatically (its switch) that
//! leaves without this console having disconnected or transferred it, or whose call fails, is
//! called again on `config.json`'s schedule (`redial`, 10 s, 30 s and 60 s by default) while the
//! global switch is on; each try and the give-up are said in the notification stack (a give-up
//! stays until dismissed) and each try's dial is in the meeting record. The row shows the
//! countdown with Cancel.

use super::Venues;
use crate::command::service::Commands;
use crate::i18n::Tr;
use crate::state::store::Store;
use huikong_core::venues::redial::Next;
use huikong_core::venues::status::Change;
use huikong_core::venues::VenueText;
use huikong_protocol::record::timeline::LeaveReason;
use huikong_protocol::record::VenueEvent;
use leptos::prelude::*;

/// Why a participant left as the meeting record has it, when it says.
pub fn leave_reason(store: Store, uuid: &str, now: f64) -> Option<LeaveReason> {
    store
        .record()
        .with_untracked(|r| {
            r.recently_left(now)
                .find(|d| d.participant.uuid == uuid)
                .map(|d| d.reason.clone())
        })
        .flatten()
}

/// Whether this console disconnected or transferred the participant (the record notes it as
/// the command is sent, so a leave that comes before the command's answer counts).
fn removed_by_console(store: Store, uuid: &str, now: f64) -> bool {
    leave_reason(store, uuid, now) == Some(LeaveReason::RemovedByConsole)
}

impl Venues {
    /// What the roster's changes mean for the redials.
    pub(super) fn follow(&self, changes: Vec<Change>, store: Store) {
        let now = crate::host::browser::now_s();
        let Some(cmds) = self.cmds.get_value() else {
            return;
        };
        let tr = cmds.tr();
        for change in changes {
            let (key, dropped) = match &change {
                Change::Came { key } => {
                    self.redial.update(|r| {
                        r.back(key);
                    });
                    self.left_why.update(|w| {
                        w.remove(key);
                    });
                    continue;
                }
                Change::Left { key, uuid } => {
                    let reason = leave_reason(store, uuid, now);
                    if let Some(r) = reason.clone() {
                        self.left_why.update(|w| {
                            w.insert(key.clone(), r);
                        });
                    }
                    if removed_by_console(store, uuid, now) {
                        continue;
                    }
                    let reason = match reason {
                        Some(LeaveReason::CallDisconnected(r)) => Some(r),
                        _ => None,
                    };
                    let name = self.name_of(key);
                    cmds.record_venue(&name, Some(uuid.clone()), VenueEvent::Dropped { reason });
                    (key, true)
                }
                Change::Failed { key, .. } => (key, false),
            };
            let venue = self
                .list
                .with_untracked(|l| l.iter().find(|v| v.key() == *key).cloned());
            let Some(venue) = venue.filter(|v| v.auto_call) else {
                continue;
            };
            if !self.redial_on.get_untracked() {
                continue;
            }
            let delays = self.delays.get_value();
            let mut next = None;
            self.redial.update(|r| next = r.lost(key, now, &delays));
            let status = cmds.at_page().status;
            match next {
                Some(Next::Scheduled(p)) => {
                    let text = if dropped {
                        VenueText::RedialScheduled
                    } else {
                        VenueText::RedialFailed
                    };
                    let s = ((p.due - now).round() as i64).to_string();
                    let (n, of) = (p.attempt.to_string(), p.of.to_string());
                    let args = [
                        ("name", venue.name.as_str()),
                        ("s", &s),
                        ("n", &n),
                        ("of", &of),
                    ];
                    status.push(false, tr.fmt_now(text, &args));
                }
                Some(Next::GaveUp { tries }) => {
                    cmds.record_venue(&venue.name, None, VenueEvent::GaveUp { tries });
                    let n = tries.to_string();
                    let args = [("name", venue.name.as_str()), ("n", n.as_str())];
                    status.push(false, tr.fmt_now(VenueText::RedialGaveUp, &args));
                }
                None => {}
            }
        }
    }

    /// Dials the venues whose try is due.
    pub(super) fn redial_due(&self) {
        let now = crate::host::browser::now_s();
        if !self.redial.with_untracked(|r| r.any_due(now)) {
            return;
        }
        let Some(cmds) = self.cmds.get_value() else {
            return;
        };
        let mut due = Vec::new();
        self.redial.update(|r| due = r.due(now));
        for (key, attempt) in due {
            let venue = self
                .list
                .with_untracked(|l| l.iter().find(|v| v.key() == key).cloned());
            let Some(venue) = venue else { continue };
            let of = self.delays.with_value(Vec::len);
            cmds.record_venue(&venue.name, None, VenueEvent::RedialTry { attempt, of });
            let n = attempt.to_string();
            let text = cmds
                .tr()
                .fmt_now(VenueText::RedialTry, &[("name", &venue.name), ("n", &n)]);
            cmds.at_page().status.push(true, text);
            self.calls.call(*self, &cmds, vec![venue]);
        }
    }

    fn name_of(&self, key: &str) -> String {
        self.list.with_untracked(|l| {
            l.iter()
                .find(|v| v.key() == key)
                .map(|v| v.name.clone())
                .unwrap_or_default()
        })
    }

    /// The operator's Cancel, or the venue removed.
    pub fn cancel_redial(&self, key: &str) {
        self.redial.update(|r| {
            r.cancel(key);
        });
    }

    /// The global switch.
    pub fn set_redial(&self, on: bool) {
        self.redial_on.set(on);
        if !on {
            self.redial.update(|r| r.clear());
        }
    }

    /// The command service, once the page has provided it.
    pub fn set_commands(&self, cmds: Commands) {
        let rollcall = self.rollcall;
        let c = cmds.clone();
        self.one.register(
            super::one_at_a_time::Running::RollCall,
            std::rc::Rc::new(move |then| rollcall.end_then(&c, then)),
        );
        self.cmds.set_value(Some(cmds));
    }
}

/// A venue's countdown to its next try, with Cancel.
#[component]
pub fn RedialCountdown(venues: Venues, key: String, name: String) -> impl IntoView {
    let tr = Tr::use_context();
    let clock = use_context::<crate::state::clock::Clock>();
    let k = key.clone();
    let pending = Memo::new(move |_| venues.redial.with(|r| r.pending(&k).cloned()));
    let label = tr.fmt_now(VenueText::RedialCancelX, &[("name", &name)]);
    view! {
        <Show when=move || pending.with(Option::is_some)>
            <span class="venue-redial" data-testid="venue-redial" role="timer">
                {move || pending.get().map(|p| {
                    let now = clock.map_or_else(crate::host::browser::now_s, |c| c.fine.get());
                    let s = (p.due - now).ceil().max(0.0) as i64;
                    tr.fmt(VenueText::RedialIn, &[("n", &p.attempt.to_string()), ("of", &p.of.to_string()), ("s", &s.to_string())])
                })}
                <button type="button" aria-label=label.clone() title=label.clone()
                    on:click={let k = key.clone(); move |_| venues.cancel_redial(&k)}>{tr.text(VenueText::VenueCancel)}</button>
            </span>
        </Show>
    }
}
