//! The one runner of [`Act`]s ([`Commands`]), shared by the palette, the page's shortcuts and
//! the list's row letters, so that a command behaves the same whichever way it is asked for:
//! offered only where the platform has it, refused with the reason to a guest, sent through the
//! undo window when it cannot be taken back, and reported in the status region like every
//! command.

use crate::command::acts::{fixed_text, layout_request, Act, PersonAct};
use crate::dialogs::ActionsFor;
use crate::i18n::{Text, Tr};
use crate::list::virtual_list::ScrollToParticipant;
use crate::panels::picture::layout_text;
use crate::panels::Dock;
use crate::platform::session::LiveSession;
use crate::platform::ApiError;
use crate::state::access::Forbidden;
use crate::state::status::{run, Status};
use crate::state::undo::Undo;
use crate::widgets::prefs::DenseRows;
use huikong_protocol::{Command, ParticipantCommand as PC, Role, RoleRequest};
use leptos::prelude::*;
use std::future::Future;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// The dialogs of the keyboard's own: the palette and the help. Provided by `KeyboardControl`.
#[derive(Debug, Clone, Copy)]
pub struct KeysUi {
    pub palette: RwSignal<bool>,
    pub help: RwSignal<bool>,
}

/// Runs [`Act`]s. Made where the meeting page's contexts are in reach (an event handler has
/// none), and cheap to clone into handlers.
#[derive(Clone)]
pub struct Commands {
    pub session: LiveSession,
    status: Status,
    tr: Tr,
    undo: Undo,
    forbidden: Forbidden,
    actions_for: Option<ActionsFor>,
    dock: Option<Dock>,
    dense: Option<DenseRows>,
    show: Option<ScrollToParticipant>,
    ui: Option<KeysUi>,
    leave: Option<Callback<()>>,
}

fn focus_css(css: &str) -> bool {
    let el = document().query_selector(css).ok().flatten();
    el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|e| e.focus().is_ok())
}

impl Commands {
    pub fn new(leave: Option<Callback<()>>) -> Commands {
        Commands {
            session: expect_context::<LiveSession>(),
            status: expect_context::<Status>(),
            tr: Tr::use_context(),
            undo: Undo::use_context(),
            forbidden: Forbidden::use_context(),
            actions_for: use_context::<ActionsFor>(),
            dock: Dock::use_context(),
            dense: use_context::<DenseRows>(),
            show: ScrollToParticipant::use_context(),
            ui: use_context::<KeysUi>(),
            leave,
        }
    }

    pub fn tr(&self) -> Tr {
        self.tr
    }

    /// Whether the deployment has it at all: what it lacks is not offered.
    pub fn offered(&self, act: &Act) -> bool {
        let s = &self.session;
        match act {
            Act::Person(p, _) => p.command().is_none_or(|c| s.supports_participant(c)),
            Act::AdmitAll => s.supports_participant(PC::Unlock),
            a => a.command().is_none_or(|c| s.supports(c)),
        }
    }

    /// Why this session may not do it now (a guest and a host's command), if so.
    pub fn blocked(&self, act: &Act) -> Option<&'static str> {
        (act.host_only() && self.forbidden.get_untracked())
            .then(|| self.tr.now(Text::HostOnlyReason))
    }

    /// The label of an act in the page's language now (a person's by their name).
    pub fn title(&self, act: &Act) -> String {
        let tr = self.tr;
        let named = |k: Text, u: &str| {
            let name = self
                .session
                .store
                .row(u)
                .map(|r| r.p.with_untracked(|p| p.shown_name().to_owned()));
            tr.fmt_now(k, &[("name", &name.unwrap_or_default())])
        };
        match act {
            Act::Person(p, u) => named(p.text(), u),
            Act::Panel(p) => tr.fmt_now(Text::OpenPanelX, &[("panel", tr.now(p.label()))]),
            Act::Layout(l) => {
                let name = layout_text(l).map_or(*l, |k| tr.now(k));
                tr.fmt_now(Text::SetLayoutX, &[("layout", name)])
            }
            a => tr.now(fixed_text(a)).to_owned(),
        }
    }

    /// Runs `act`, or says politely why not.
    pub fn run(&self, act: &Act) {
        let label = self.title(act);
        if !self.offered(act) {
            self.status.push(
                false,
                self.tr.fmt_now(Text::NotOfferedX, &[("label", &label)]),
            );
            return;
        }
        if self.blocked(act).is_some() {
            self.status.push(
                false,
                self.tr.fmt_now(Text::HostOnlyX, &[("label", &label)]),
            );
            return;
        }
        let api = self.session.api.clone();
        match act.clone() {
            Act::Lock => self.later(
                label,
                move || async move { api.command(Command::Lock).await },
            ),
            Act::MuteGuests => self.later(label, move || async move {
                api.command(Command::MuteGuests).await
            }),
            Act::Unlock | Act::UnmuteGuests | Act::Start => {
                let c = act.command().expect("a conference command");
                self.send(label, async move { api.command(c).await });
            }
            // The meeting's own button: its confirmation, and whatever guards it, stay one.
            Act::End => {
                let end = document()
                    .query_selector("[data-testid=\"end-meeting\"]")
                    .ok()
                    .flatten();
                if let Some(b) = end.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                    b.click();
                }
            }
            Act::AdmitAll => self.admit_all(label),
            Act::Panel(p) => {
                if let Some(dock) = self.dock {
                    dock.show(p);
                    focus_css(&format!("#dock-tab-{}", p.code()));
                }
            }
            Act::Layout(l) => self.send(label, async move {
                let req = layout_request(l);
                api.command_with::<_, serde_json::Value>(Command::OverrideLayout, &req)
                    .await
                    .map(|_| ())
            }),
            Act::Search => {
                focus_css("[data-testid=\"participant-search\"]");
            }
            Act::Dense => {
                if let Some(DenseRows(d)) = self.dense {
                    d.update(|d| *d = !*d);
                }
            }
            Act::Help => {
                if let Some(ui) = self.ui {
                    ui.help.set(true);
                }
            }
            Act::Leave => {
                if let Some(leave) = self.leave {
                    leave.run(());
                }
            }
            Act::Person(p, uuid) => self.person(p, uuid, label),
        }
    }

    fn person(&self, p: PersonAct, uuid: String, label: String) {
        let api = self.session.api.clone();
        match p {
            PersonAct::Show => {
                if let Some(s) = self.show {
                    s.show(&uuid);
                }
            }
            PersonAct::Actions => {
                if let Some(ActionsFor(a)) = self.actions_for {
                    a.set(Some(uuid));
                }
            }
            PersonAct::MakeHost | PersonAct::MakeGuest => {
                let role = if p == PersonAct::MakeHost {
                    Role::Host
                } else {
                    Role::Guest
                };
                self.later(label, move || async move {
                    api.participant_bool(&uuid, PC::Role, &RoleRequest { role })
                        .await
                });
            }
            PersonAct::Disconnect => self.later(label, move || async move {
                api.participant(&uuid, PC::Disconnect).await
            }),
            other => {
                let c = other.command().expect("a participant command");
                self.send(label, async move { api.participant(&uuid, c).await });
            }
        }
    }

    /// Sends at once, the outcome reported under `label`.
    fn send(&self, label: String, fut: impl Future<Output = Result<(), ApiError>> + 'static) {
        run(self.status, RwSignal::new(false), label, fut, |()| {});
    }

    /// What cannot be taken back waits in the undo window first.
    fn later<Fut>(&self, label: String, make: impl FnOnce() -> Fut + 'static)
    where
        Fut: Future<Output = Result<(), ApiError>> + 'static,
    {
        let status = self.status;
        let shown = label.clone();
        self.undo.defer(shown, move || {
            run(status, RwSignal::new(false), label, make(), |()| {});
        });
    }

    fn admit_all(&self, label: String) {
        let waiting = self.session.store.waiting().get_untracked();
        if waiting.is_empty() {
            self.status.push(
                false,
                self.tr.fmt_now(Text::NobodyWaitingX, &[("label", &label)]),
            );
            return;
        }
        let api = self.session.api.clone();
        // One by one, as the waiting room's own button: the first refusal stops the rest.
        self.send(label, async move {
            for u in waiting {
                api.participant(&u, PC::Unlock).await?;
            }
            Ok(())
        });
    }

    /// The toggles the shortcuts and row letters pick by the state now.
    pub fn lock_toggle(&self) -> Act {
        match self.session.store.service().with_untracked(|s| s.locked) {
            true => Act::Unlock,
            false => Act::Lock,
        }
    }

    pub fn guests_toggle(&self) -> Act {
        match self
            .session
            .store
            .service()
            .with_untracked(|s| s.guests_muted)
        {
            true => Act::UnmuteGuests,
            false => Act::MuteGuests,
        }
    }

    /// A participant's mute or spotlight toggle by their state now.
    pub fn person_toggle(&self, uuid: &str, spotlight: bool) -> Option<Act> {
        let row = self.session.store.row(uuid)?;
        let on = row.p.with_untracked(|p| {
            if spotlight {
                p.is_spotlit()
            } else {
                p.is_muted
            }
        });
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
        set_timeout(move || me.run(&act), Duration::ZERO);
    }
}
