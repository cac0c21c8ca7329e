//! Bulk actions on the selected participants: which actions there are, whom each is for, and
//! sending them through the runner, one platform command per participant, the same calls a
//! row and the participant dialog make. What cannot be taken back (disconnect, transfer, a
//! role) waits in the undo window, once for the whole bulk.

pub mod bar;
pub mod result;
pub mod run;
pub mod select;

use crate::command::act::{Act, PersonAct};
use crate::command::service::Commands;
use crate::i18n::{Text, Tr};
use crate::list::bulk::run::{BulkRun, Job, SendOne, Tally, Target};
use crate::list::selection::Selection;
use crate::platform::session::LiveSession;
use crate::platform::ApiError;
use crate::state::status::Status;
use huikong_core::command::Action;
use huikong_core::list::bulk_texts::BulkText;
use huikong_protocol::{Participant, TransferRequest};
use leptos::prelude::*;
use std::rc::Rc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BulkAction {
    Mute,
    Unmute,
    SpotlightOff,
    MakeHost,
    MakeGuest,
    Admit,
    Disconnect,
    Transfer,
}

impl BulkAction {
    /// Whose policy it follows (offered only where the platform has it; whether it waits).
    pub fn action(self) -> Action {
        match self {
            BulkAction::Mute => Action::Mute,
            BulkAction::Unmute => Action::Unmute,
            BulkAction::SpotlightOff => Action::SpotlightOff,
            BulkAction::MakeHost => Action::MakeHost,
            BulkAction::MakeGuest => Action::MakeGuest,
            BulkAction::Admit => Action::Admit,
            BulkAction::Disconnect => Action::Disconnect,
            BulkAction::Transfer => Action::Transfer,
        }
    }

    /// The act for one participant (a transfer with its request).
    fn act(self, uuid: String, transfer: Option<&TransferRequest>) -> Option<Act> {
        let person = |p| Some(Act::Person(p, uuid.clone()));
        match self {
            BulkAction::Mute => person(PersonAct::Mute),
            BulkAction::Unmute => person(PersonAct::Unmute),
            BulkAction::SpotlightOff => person(PersonAct::SpotOff),
            BulkAction::MakeHost => person(PersonAct::MakeHost),
            BulkAction::MakeGuest => person(PersonAct::MakeGuest),
            BulkAction::Admit => person(PersonAct::Admit),
            BulkAction::Disconnect => person(PersonAct::Disconnect),
            BulkAction::Transfer => Some(Act::Transfer(uuid.clone(), transfer?.clone())),
        }
    }

    /// The bar's button.
    pub fn button(self) -> BulkText {
        match self {
            BulkAction::Mute => BulkText::BulkMute,
            BulkAction::Unmute => BulkText::BulkUnmute,
            BulkAction::SpotlightOff => BulkText::BulkSpotlightOff,
            BulkAction::MakeHost => BulkText::BulkMakeHost,
            BulkAction::MakeGuest => BulkText::BulkMakeGuest,
            BulkAction::Admit => BulkText::BulkAdmit,
            BulkAction::Disconnect => BulkText::BulkDisconnect,
            BulkAction::Transfer => BulkText::BulkTransfer,
        }
    }

    /// Whether it is sent for `p`: admitting only those waiting, and never the console's own
    /// participant out of the meeting or out of its host role, which would end the host's
    /// control of the meeting from a bulk selection.
    pub fn applies(self, p: &Participant, me: &str) -> bool {
        match self {
            BulkAction::Admit => p.is_waiting(),
            BulkAction::Disconnect | BulkAction::Transfer | BulkAction::MakeGuest => p.uuid != me,
            _ => true,
        }
    }
}

fn how_many_text(n: usize) -> Text {
    if n == 1 {
        Text::OneParticipant
    } else {
        Text::NParticipants
    }
}

/// "40 位参会者" / "40 participants", once.
pub fn how_many(tr: Tr, n: usize) -> String {
    tr.fmt_now(how_many_text(n), &[("n", &n.to_string())])
}

/// The same, following the page's language (inside a view).
pub fn how_many_shown(tr: Tr, n: usize) -> String {
    tr.fmt(how_many_text(n), &[("n", &n.to_string())])
}

/// Runs bulk actions on the selection, from the list that provides it.
#[derive(Clone)]
pub struct Bulk {
    pub selection: Selection,
    pub run: BulkRun,
    /// The last action run, for "retry failed".
    pub last: StoredValue<Option<BulkAction>>,
    session: LiveSession,
    status: Status,
    cmds: Commands,
}

impl Bulk {
    pub fn new(selection: Selection, run: BulkRun) -> Bulk {
        Bulk {
            selection,
            run,
            last: StoredValue::new(None),
            session: expect_context::<LiveSession>(),
            status: expect_context::<Status>(),
            cmds: Commands::use_context(),
        }
    }

    pub fn supports(&self, a: BulkAction) -> bool {
        self.cmds.offered(a.action())
    }

    /// Those of `uuids` the action is for, in the order they arrived, with their names now.
    pub fn targets_in(&self, a: BulkAction, uuids: Vec<String>) -> Vec<Target> {
        let store = self.session.store;
        let me = self.session.me.as_str();
        let mut found: Vec<(u64, Target)> = uuids
            .into_iter()
            .filter_map(|uuid| {
                let row = store.row(&uuid)?;
                let (applies, name) = row
                    .p
                    .try_with_untracked(|p| (a.applies(p, me), p.shown_name().to_owned()))?;
                applies.then_some((row.arrival, Target { uuid, name }))
            })
            .collect();
        // Arrivals are never reused, so an unstable sort gives one order.
        found.sort_unstable_by_key(|(arrival, _)| *arrival);
        found.into_iter().map(|(_, t)| t).collect()
    }

    /// Those selected now whom the action is for.
    pub fn targets(&self, a: BulkAction) -> Vec<Target> {
        self.targets_in(a, self.selection.uuids())
    }

    /// Sends `a` to the selected participants it is for (`transfer` carries the transfer's
    /// request): through the undo window when it waits there.
    pub fn perform(&self, a: BulkAction, transfer: Option<TransferRequest>) {
        let targets = self.targets(a);
        self.perform_for(a, targets, transfer);
    }

    /// Sends `a` to `targets`.
    pub fn perform_for(
        &self,
        a: BulkAction,
        targets: Vec<Target>,
        transfer: Option<TransferRequest>,
    ) {
        if targets.is_empty() || self.run.running_now() {
            return;
        }
        self.last.set_value(Some(a));
        let tr = self.status.tr();
        let label = tr.fmt_now(
            a.action().policy().label,
            &[("name", &how_many(tr, targets.len()))],
        );
        let cmds = self.cmds.clone();
        let send: SendOne<ApiError> = Rc::new(move |uuid: String| {
            let sending = a.act(uuid, transfer.as_ref()).map(|act| cmds.sending(&act));
            Box::pin(async move {
                match sending {
                    Some(s) => s.await.map(|_| ()),
                    None => Err(ApiError::Rejected),
                }
            })
        });
        let store = self.session.store;
        let (status, run) = (self.status, self.run);
        let job = Job {
            label: label.clone(),
            targets,
            send,
            present: Rc::new(move |uuid: &str| store.row(uuid).is_some()),
            tr,
            on_end: Box::new(move |t: &Tally| status.push(t.ok(), summary(tr, t))),
        };
        let go = move || run.start(job);
        // What cannot be taken back in bulk (a disconnect, a transfer, a role) waits in the
        // undo window, once for the whole run.
        self.cmds.hold(a.action(), true, label, self.status, go);
    }
}

/// One line for the whole run: "静音 40 位参会者：38 人完成，2 人失败".
pub fn summary(tr: Tr, t: &Tally) -> String {
    let n = |k: BulkText, n: usize| tr.fmt_now(k, &[("n", &n.to_string())]);
    let mut parts = vec![n(BulkText::BulkDoneN, t.done)];
    if !t.failed.is_empty() {
        parts.push(n(BulkText::BulkFailedN, t.failed.len()));
    }
    if t.left > 0 {
        parts.push(n(BulkText::BulkLeftN, t.left));
    }
    if t.not_sent > 0 {
        parts.push(n(BulkText::BulkNotSentN, t.not_sent));
    }
    tr.fmt_now(
        BulkText::BulkSummary,
        &[
            ("label", &t.label),
            ("parts", &parts.join(tr.now(Text::ListSeparator))),
        ],
    )
}
