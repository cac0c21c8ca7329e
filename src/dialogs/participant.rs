//! Every action on one participant, in a dialog opened from its row: its sections in tabs so
//! that it fits in the window, the outcome of what was sent from it shown and announced inside
//! it, and disconnect always in view at its foot. Disconnecting, changing the role and
//! transferring wait in the undo window, shown inside the dialog too: a modal dialog hides the
//! page's bar while it is open.

use crate::command::act::{Act, PersonAct};
use crate::command::button::{toggle, CmdButton};
use crate::command::outcome::LocalResult;
use crate::command::service::{At, Commands};
use crate::command::undo_bar::UndoBar;
use crate::dialogs::forms::{DtmfForm, RtmpForm};
use crate::dialogs::transfer::TransferForm;
use crate::dialogs::ActionsFor;
use crate::i18n::{Text, Tr};
use crate::platform::session::LiveSession;
use crate::state::access::{Forbidden, HOST_ONLY_REASON_ID};
use crate::state::status::Status;
use crate::state::undo::Undo;
use crate::widgets::dialog::Modal;
use crate::widgets::sections::{TabList, TabPanel, Tabs};
use huikong_core::command::Action;
use huikong_protocol::{RxPresentationPolicy, TransferRequest};
use leptos::prelude::*;
/// The dialog for whoever [`ActionsFor`] names; it closes when that participant leaves.
#[component]
pub fn ParticipantActionsHost() -> impl IntoView {
    let session = expect_context::<LiveSession>();
    let ActionsFor(which) = expect_context::<ActionsFor>();
    let store = session.store;
    Effect::new(move |_| {
        store.order().track();
        if let Some(u) = which.get() {
            if store.row(&u).is_none() {
                which.set(None);
            }
        }
    });
    move || {
        which.get().map(
            |uuid| view! { <ParticipantActions uuid=uuid on_close=move |()| which.set(None)/> },
        )
    }
}

#[component]
fn ParticipantActions(uuid: String, #[prop(into)] on_close: Callback<()>) -> impl IntoView {
    let tr = Tr::use_context();
    let session = expect_context::<LiveSession>();
    // Everything sent from this dialog reports here as well as in the page's stack.
    let status = expect_context::<Status>().scoped();
    provide_context(status);
    let Some(row) = session.store.row(&uuid) else {
        return ().into_any();
    };
    let p = row.p;
    let name = Memo::new(move |_| p.with(|p| p.shown_name().to_owned()));
    let undo = Undo::use_context().reporting_to(status);
    // The page's: the disconnect may be sent after this dialog has closed.
    let disconnecting = undo.outliving(|| RwSignal::new(false));
    let disconnect_waiting = RwSignal::new(None::<u64>);
    let disconnect_held = Memo::new(move |_| {
        disconnect_waiting
            .get()
            .is_some_and(|id| undo.is_pending(id))
    });
    let forbidden = Forbidden::use_context();
    let cmds = Commands::use_context();
    let supports = move |a: Action| cmds.offered(a);
    let mut sections = vec![("media", Text::SectionRoleMedia)];
    sections.extend(supports(Action::Transfer).then_some(("transfer", Text::SectionTransfer)));
    sections.extend(supports(Action::Dtmf).then_some(("dtmf", Text::SectionDtmf)));
    sections.extend(supports(Action::SubCall).then_some(("advanced", Text::SectionAdvanced)));
    let tabs = Tabs::new("media");

    let cmds = Commands::use_context();
    let u = uuid.clone();
    let disconnect = move |()| {
        let label = tr.fmt_now(Text::DisconnectX, &[("name", &name.get_untracked())]);
        let at = At {
            status,
            pending: disconnecting,
            held: Some(disconnect_waiting),
        };
        let act = Act::Person(PersonAct::Disconnect, u.clone());
        cmds.run_at(act, at, Some(label), |_| {});
    };
    // Its one protection is the undo window (the policy asks no confirmation as well).
    let click = move |_| {
        if !disconnect_held.get_untracked() {
            disconnect(());
        }
    };
    let named = move |k: Text| Signal::derive(move || tr.fmt(k, &[("name", &name.get())]));
    let (u_transfer, u_dtmf, u_rtmp) = (uuid.clone(), uuid.clone(), uuid.clone());

    view! {
        <Modal title=named(Text::ParticipantActions) on_close=on_close testid="participant-actions"
            class="actions-dialog">
            <LocalResult status=status/>
            <UndoBar local=true/>
            <TabList tabs=tabs label=Text::ActionSections sections=sections/>
            <div class="actions-scroll">
                <TabPanel tabs=tabs key="media"><RoleAndMedia uuid=uuid name=name/></TabPanel>
                {supports(Action::Transfer).then(move || { let uuid = u_transfer; view! {
                    <TabPanel tabs=tabs key="transfer"><OneTransfer uuid=uuid name=name/></TabPanel>
                }})}
                {supports(Action::Dtmf).then(move || { let uuid = u_dtmf; view! {
                    <TabPanel tabs=tabs key="dtmf"><DtmfForm uuid=uuid name=name/></TabPanel>
                }})}
                {supports(Action::SubCall).then(move || { let uuid = u_rtmp; view! {
                    <TabPanel tabs=tabs key="advanced"><RtmpForm uuid=uuid name=name/></TabPanel>
                }})}
            </div>
            <div class="button-row actions-foot">
                <button type="button" class="danger" data-testid="disconnect-participant"
                    disabled=move || disconnecting.get() || forbidden.get()
                    aria-busy=move || disconnecting.get().then_some("true")
                    aria-label=move || tr.fmt(Text::DisconnectX, &[("name", &name.get())])
                    aria-disabled=move || disconnect_held.get().then_some("true")
                    data-pending=move || disconnect_held.get().then_some("true")
                    aria-describedby=move || forbidden.get().then_some(HOST_ONLY_REASON_ID)
                    on:click=click>
                    {move || tr.fmt(Text::DisconnectX, &[("name", &name.get())])}
                    <span class="pending-note" hidden=move || !disconnect_held.get()>{tr.text(Text::UndoPendingNote)}</span>
                </button>
            </div>
        </Modal>
    }
    .into_any()
}

/// Role, mute, spotlight, receiving the presentation, and admitting from the waiting room.
/// Each toggle's label says what a click will do; none is also marked pressed.
#[component]
fn RoleAndMedia(uuid: String, name: Memo<String>) -> impl IntoView {
    let tr = Tr::use_context();
    let session = expect_context::<LiveSession>();
    let Some(row) = session.store.row(&uuid) else {
        return ().into_any();
    };
    let p = row.p;
    let denied =
        Memo::new(move |_| p.with(|p| p.rx_presentation_policy == RxPresentationPolicy::Deny));
    let is_chair = Memo::new(move |_| p.with(|p| p.role.is_host()));
    let waiting = Memo::new(move |_| p.with(|p| p.is_waiting()));
    let muted = Memo::new(move |_| p.with(|p| p.is_muted));
    let spotlit = Memo::new(move |_| p.with(|p| p.is_spotlit()));
    let cmds = Commands::use_context();
    let supports = move |a: Action| cmds.offered(a);
    let person = |p: PersonAct| Act::Person(p, uuid.clone());
    let mute = toggle(muted, person(PersonAct::Unmute), person(PersonAct::Mute));
    let spot = toggle(
        spotlit,
        person(PersonAct::SpotOff),
        person(PersonAct::SpotOn),
    );
    let rx = toggle(
        denied,
        person(PersonAct::AllowRx),
        person(PersonAct::DenyRx),
    );
    let role = toggle(
        is_chair,
        person(PersonAct::MakeGuest),
        person(PersonAct::MakeHost),
    );
    let admit = person(PersonAct::Admit);
    let flip = move |on: Memo<bool>, yes: Text, no: Text| {
        Signal::derive(move || tr.fmt(if on.get() { yes } else { no }, &[("name", &name.get())]))
    };

    view! {
        <div class="button-row wrap">
            <CmdButton act=mute label=flip(muted, Text::UnmuteX, Text::MuteX)/>
            {supports(Action::SpotlightOn).then(|| view! {
                <CmdButton act=spot.clone()
                    label=flip(spotlit, Text::UnspotlightX, Text::SpotlightX)/>
            })}
            {supports(Action::AllowPresentation).then(|| view! {
                <CmdButton testid="rx-toggle" act=rx.clone() label=flip(denied, Text::AllowRxX, Text::DenyRxX)/>
            })}
            {supports(Action::MakeHost).then(|| view! {
                <CmdButton testid="role-toggle" act=role.clone()
                label=flip(is_chair, Text::MakeGuestX, Text::MakeHostX)/>
            })}
            {move || (supports(Action::Admit) && waiting.get()).then(|| view! {
                <CmdButton class="primary" act={let a = admit.clone(); move || a.clone()}
                    label=Signal::derive(move || tr.fmt(Text::AdmitX, &[("name", &name.get())]))/>
            })}
        </div>
    }
    .into_any()
}

/// The transfer form for this one participant.
#[component]
fn OneTransfer(uuid: String, name: Memo<String>) -> impl IntoView {
    let tr = Tr::use_context();
    let cmds = Commands::use_context();
    let status = expect_context::<Status>();
    // The page's: the form defers the transfer, which may be sent after this dialog closed.
    let fallback = name.get_untracked();
    let (pending, send) = Undo::use_context().outliving(|| {
        let pending = RwSignal::new(false);
        let send = Callback::new(move |body: TransferRequest| {
            let who = name.try_get_untracked().unwrap_or_else(|| fallback.clone());
            let label = tr.fmt_now(Text::TransferX, &[("name", &who)]);
            let at = At {
                status,
                pending,
                held: None,
            };
            cmds.run_at(Act::Transfer(uuid.clone(), body), at, Some(label), |_| {});
        });
        (pending, send)
    });
    view! { <TransferForm name=name send=send pending=pending/> }
}
