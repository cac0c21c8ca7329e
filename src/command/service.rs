//! The one command service: every surface (a row's button, a dialog, the header, the bulk bar,
//! the palette, a key) runs an [`Act`] through it, so each command is offered only where the
//! deployment has it, refused with the reason to a guest, confirmed and held in the undo window
//! as its policy says (`huikong_core::command`), pending while in flight, and reported where
//! the host acted; the session's client records it in the meeting record. What the page does
//! itself (a panel, the search, the help) goes to the meeting page's handler.

use crate::command::act::{Act, PersonAct};
use crate::i18n::{Text, Tr};
/// What the platform answered that a view uses (a dial's participants, a sub-call's URLs).
pub use crate::platform::request::Reply;
use crate::platform::request::Request;
use crate::platform::session::LiveSession;
use crate::platform::ApiError;
use crate::state::access::Forbidden;
use crate::state::status::{run_or, Status};
use crate::state::undo::Undo;
use huikong_core::command::{Action, Confirm, Needs};
use huikong_core::panel::layout_text;
use huikong_protocol::ParticipantCommand as PC;
use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

/// Where the host acted: the status that shows the outcome there, the control's busy flag, and
/// where to note the undo window's id while the act waits in it (the button then says so).
#[derive(Debug, Clone, Copy)]
pub struct At {
    pub status: Status,
    pub pending: RwSignal<bool>,
    pub held: Option<RwSignal<Option<u64>>>,
}

/// An act that asks first, waiting for the host's answer in the page's one confirmation
/// (`command/confirm.rs`).
#[derive(Debug, Clone)]
pub struct Asking {
    pub act: Act,
    pub label: String,
    pub at: At,
}

/// A request on its way, for a runner of many (the bulk actions).
pub type Sending = Pin<Box<dyn Future<Output = Result<Reply, ApiError>>>>;

/// The service, provided by the meeting page; cheap to clone into handlers (every command
/// button of every row holds one, so a clone is a count, not a copy of the session).
#[derive(Clone)]
pub struct Commands(Arc<Inner>);

struct Inner {
    session: LiveSession,
    status: Status,
    tr: Tr,
    undo: Undo,
    forbidden: Forbidden,
    asking: RwSignal<Option<Asking>>,
    /// What the meeting page does itself when asked: open a panel, focus the search, show a
    /// participant, the help, leave. Set by the meeting page once its parts exist.
    page: StoredValue<Option<Callback<Act>>>,
}

impl Commands {
    /// Made by the meeting page once its session, status, undo window and access are provided.
    pub fn provide() -> Commands {
        let cmds = Commands(Arc::new(Inner {
            session: expect_context::<LiveSession>(),
            status: expect_context::<Status>(),
            tr: Tr::use_context(),
            undo: Undo::use_context(),
            forbidden: Forbidden::use_context(),
            asking: RwSignal::new(None),
            page: StoredValue::new(None),
        }));
        provide_context(cmds.clone());
        cmds
    }

    pub fn use_context() -> Commands {
        expect_context::<Commands>()
    }

    /// The meeting page's handler of what it does itself.
    pub fn set_page_acts(&self, page: Callback<Act>) {
        self.0.page.set_value(Some(page));
    }

    pub fn tr(&self) -> Tr {
        self.0.tr
    }

    pub fn session(&self) -> &LiveSession {
        &self.0.session
    }

    /// Puts what happened to a venue of the list into the meeting record (a drop, a redial and
    /// a give-up also raise an alert).
    pub fn record_venue(
        &self,
        name: &str,
        uuid: Option<String>,
        event: huikong_protocol::record::VenueEvent,
    ) {
        self.0.session.record_venue(name, uuid, event);
    }

    /// The page's own place: its notification stack, no control busy.
    pub fn at_page(&self) -> At {
        At {
            status: self.0.status,
            pending: RwSignal::new(false),
            held: None,
        }
    }

    /// Whether the deployment has it at all: what it lacks is not offered.
    pub fn offered(&self, action: Action) -> bool {
        match action.policy().needs {
            Needs::Nothing => true,
            Needs::Conference(c) => self.0.session.supports(c),
            Needs::Participant(c) => self.0.session.supports_participant(c),
        }
    }

    /// Why this session may not do it now (a guest, and a host's command), if so.
    pub fn blocked(&self, action: Action) -> Option<&'static str> {
        (action.policy().host_only && self.0.forbidden.get_untracked())
            .then(|| self.0.tr.now(Text::HostOnlyReason))
    }

    /// The label of an act in the page's language now (a person's by their name).
    pub fn title(&self, act: &Act) -> String {
        let tr = self.0.tr;
        let label = act.action().policy().label;
        if let Some(u) = act.uuid() {
            return tr.fmt_now(label, &[("name", &self.name(u))]);
        }
        match act {
            Act::Panel(p) => tr.fmt_now(label, &[("panel", tr.now(p.label()))]),
            Act::RollCallOf(n, name) | Act::BroadcastOf(n, name) => {
                tr.fmt_now(label, &[("name", &format!("{n} {name}"))])
            }
            Act::RollCallStep(name, _)
            | Act::Broadcast(name, _)
            | Act::RotationStep(name, _)
            | Act::Preset(name, _)
            | Act::PresetOf(_, name)
            | Act::RoomOf(_, name) => tr.fmt_now(label, &[("name", name)]),

            Act::Layout(l) => {
                let name = layout_text(l).map_or(*l, |k| tr.now(k));
                tr.fmt_now(label, &[("layout", name)])
            }
            _ => tr.now(label).to_owned(),
        }
    }

    fn name(&self, uuid: &str) -> String {
        let row = self.0.session.store.row(uuid);
        row.and_then(|r| r.p.try_with_untracked(|p| p.shown_name().to_owned()))
            .unwrap_or_default()
    }

    /// Runs `act` from the page (a key, the palette), or says politely why not.
    pub fn run(&self, act: Act) {
        self.run_at(act, self.at_page(), None, |_| {});
    }

    /// Runs `act` from where the host acted, reported there under `label` (the act's title
    /// when `None`); `then` gets the platform's answer when it succeeded.
    pub fn run_at(
        &self,
        act: Act,
        at: At,
        label: Option<String>,
        then: impl FnOnce(Reply) + 'static,
    ) {
        self.run_at_or(act, at, label, then, |_| {});
    }

    /// As [`Commands::run_at`], and `failed` gets the reason when the platform refused it or
    /// it could not be sent (not when it was not offered or is not this session's to send).
    pub fn run_at_or(
        &self,
        act: Act,
        at: At,
        label: Option<String>,
        then: impl FnOnce(Reply) + 'static,
        failed: impl FnOnce(String) + 'static,
    ) {
        let label = label.unwrap_or_else(|| self.title(&act));
        let policy = act.action().policy();
        if !self.offered(act.action()) {
            let text = self.0.tr.fmt_now(Text::NotOfferedX, &[("label", &label)]);
            at.status.push(false, text);
            return;
        }
        if self.blocked(act.action()).is_some() {
            let text = self.0.tr.fmt_now(Text::HostOnlyX, &[("label", &label)]);
            at.status.push(false, text);
            return;
        }
        if act.request().is_none() && act != Act::AdmitAll && act.steps().is_none() {
            if let Some(page) = self.0.page.try_get_value().flatten() {
                page.run(act);
            }
            return;
        }
        if act == Act::AdmitAll && !self.anyone_waiting(&at, &label) {
            return;
        }
        if policy.confirm == Confirm::Always {
            self.0.asking.set(Some(Asking { act, label, at }));
            return;
        }
        self.hold_and_send(act, at, label, then, failed);
    }

    /// The act the confirmation asks about now (tracked), for the page's one confirmation.
    pub fn asking(&self) -> Option<Asking> {
        self.0.asking.get()
    }

    /// The host's answer: yes sends it on (through the undo window as its policy says).
    pub fn answer(&self, yes: bool) {
        let Some(Asking { act, label, at }) = self.0.asking.get_untracked() else {
            return;
        };
        self.0.asking.set(None);
        if yes {
            self.hold_and_send(act, at, label, |_| {}, |_| {});
        }
    }

    /// Confirmed (or needing no confirmation): into the undo window if it waits there, else
    /// sent now.
    fn hold_and_send(
        &self,
        act: Act,
        at: At,
        label: String,
        then: impl FnOnce(Reply) + 'static,
        failed: impl FnOnce(String) + 'static,
    ) {
        let waits = act.action().policy().waits(false);
        let me = self.clone();
        let shown = label.clone();
        let send = move || {
            let fut = me.sending(&act);
            run_or(at.status, at.pending, label, fut, then, failed);
        };
        if waits {
            let id = self.0.undo.reporting_to(at.status).defer_id(shown, send);
            if let Some(held) = at.held {
                held.try_set(id);
            }
        } else {
            send();
        }
    }

    /// Holds `go` in the undo window when `action` waits there (in bulk when `bulk`), else runs
    /// it now: the bulk runner's start, with its own label ("断开 40 位参会者").
    pub fn hold(
        &self,
        action: Action,
        bulk: bool,
        label: String,
        status: Status,
        go: impl FnOnce() + 'static,
    ) {
        if action.policy().waits(bulk) {
            self.0.undo.reporting_to(status).defer(label, go);
        } else {
            go();
        }
    }

    /// The platform request of `act` on its way. Admitting everyone waiting is one request
    /// each, one by one, as the waiting room's button: the first refusal stops the rest.
    pub fn sending(&self, act: &Act) -> Sending {
        let session = self.0.session.clone();
        if let Some(steps) = act.steps() {
            let steps = steps.to_vec();
            return Box::pin(async move {
                for r in steps {
                    session.send(r).await?;
                }
                Ok(Reply::Done)
            });
        }
        match act.request() {
            Some(request) => Box::pin(async move { session.send(request).await }),
            None if *act == Act::AdmitAll => {
                let waiting = self.0.session.store.waiting().get_untracked();
                Box::pin(async move {
                    for u in waiting {
                        session.send(Request::Participant(u, PC::Unlock)).await?;
                    }
                    Ok(Reply::Done)
                })
            }
            None => Box::pin(async { Ok(Reply::Done) }),
        }
    }

    /// Whether admitting all has anyone to admit, said when not.
    fn anyone_waiting(&self, at: &At, label: &str) -> bool {
        let any = !self.0.session.store.waiting().with_untracked(Vec::is_empty);
        if !any {
            let text = self.0.tr.fmt_now(Text::NobodyWaitingX, &[("label", label)]);
            at.status.push(false, text);
        }
        any
    }

    /// The lock toggle by the state now.
    pub fn lock_toggle(&self) -> Act {
        match self.0.session.store.service().with_untracked(|s| s.locked) {
            true => Act::Unlock,
            false => Act::Lock,
        }
    }

    /// Muting all guests, or unmuting them, by the state now.
    pub fn guests_toggle(&self) -> Act {
        let muted = self
            .0
            .session
            .store
            .service()
            .with_untracked(|s| s.guests_muted);
        match muted {
            true => Act::UnmuteGuests,
            false => Act::MuteGuests,
        }
    }

    /// A participant's mute or spotlight toggle by their state now.
    pub fn person_toggle(&self, uuid: &str, spotlight: bool) -> Option<Act> {
        let row = self.0.session.store.row(uuid)?;
        let on = row.p.try_with_untracked(|p| {
            if spotlight {
                p.is_spotlit()
            } else {
                p.is_muted
            }
        })?;
        let p = match (spotlight, on) {
            (false, false) => PersonAct::Mute,
            (false, true) => PersonAct::Unmute,
            (true, false) => PersonAct::SpotOn,
            (true, true) => PersonAct::SpotOff,
        };
        Some(Act::Person(p, uuid.to_owned()))
    }

    /// Runs an act after the current event: a dialog closing first hands the focus back, and
    /// the act may then move it (a panel's tab, a participant's row).
    pub fn run_soon(&self, act: Act) {
        let me = self.clone();
        set_timeout(move || me.run(act), Duration::ZERO);
    }
}
