//! Every action on one participant, in a dialog opened from its row: its sections in tabs so
//! that it fits in the window, the outcome of what was sent from it shown and announced inside
//! it, and disconnect always in view at its foot. Disconnecting, changing the role and
//! transferring wait in the undo window, shown inside the dialog too: a modal dialog hides the
//! page's bar while it is open.

use crate::command::button::{participant_action, toggle, CmdButton};
use crate::command::outcome::LocalResult;
use crate::dialogs::forms::{DtmfForm, RtmpForm};
use crate::dialogs::transfer::TransferForm;
use crate::dialogs::ActionsFor;
use crate::i18n::{Text, Tr};
use crate::meeting::undo_bar::{DeferredButton, UndoBar};
use crate::platform::session::LiveSession;
use crate::state::access::{Forbidden, HOST_ONLY_REASON_ID};
use crate::state::status::{run, Status};
use crate::state::undo::Undo;
use crate::widgets::dialog::{ConfirmDialog, Modal};
use crate::widgets::sections::{TabList, TabPanel, Tabs};
use huikong_protocol::{
    ParticipantCommand as PC, Role, RoleRequest, RxPresentationPolicy, TransferRequest,
};
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
    let confirm = RwSignal::new(false);
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
    let supports = {
        let profile = session.profile;
        move |c: PC| profile.supports_participant(c)
    };
    let mut sections = vec![("media", Text::SectionRoleMedia)];
    sections.extend(supports(PC::Transfer).then_some(("transfer", Text::SectionTransfer)));
    sections.extend(supports(PC::Dtmf).then_some(("dtmf", Text::SectionDtmf)));
    sections.extend(supports(PC::Calls).then_some(("advanced", Text::SectionAdvanced)));
    let tabs = Tabs::new("media");

    let api = session.api.clone();
    let u = uuid.clone();
    let disconnect = move |()| {
        let (api, u) = (api.clone(), u.clone());
        let label = tr.fmt_now(Text::DisconnectX, &[("name", &name.get_untracked())]);
        let id = undo.defer_id(label.clone(), move || {
            run(
                status,
                disconnecting,
                label,
                async move { api.participant(&u, PC::Disconnect).await },
                |()| {},
            )
        });
        disconnect_waiting.set(id);
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
                {supports(PC::Transfer).then(move || { let uuid = u_transfer; view! {
                    <TabPanel tabs=tabs key="transfer"><OneTransfer uuid=uuid name=name/></TabPanel>
                }})}
                {supports(PC::Dtmf).then(move || { let uuid = u_dtmf; view! {
                    <TabPanel tabs=tabs key="dtmf"><DtmfForm uuid=uuid name=name/></TabPanel>
                }})}
                {supports(PC::Calls).then(move || { let uuid = u_rtmp; view! {
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
                    on:click=move |_| if !disconnect_held.get_untracked() { confirm.set(true) }>
                    {move || tr.fmt(Text::DisconnectX, &[("name", &name.get())])}
                    <span class="pending-note" hidden=move || !disconnect_held.get()>{tr.text(Text::UndoPendingNote)}</span>
                </button>
            </div>
            <Show when=move || confirm.get()>
                <ConfirmDialog title=named(Text::DisconnectX) question=named(Text::DisconnectConfirm)
                    confirm_label=named(Text::DisconnectX) on_confirm=disconnect.clone()
                    on_close=move |()| confirm.set(false)/>
            </Show>
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
    let profile = session.profile;
    let supports = move |c: PC| profile.supports_participant(c);

    let action = |pick| participant_action(&session.api, &uuid, pick);
    let mute = action(toggle(muted, PC::Unmute, PC::Mute));
    let spot = action(toggle(spotlit, PC::SpotlightOff, PC::SpotlightOn));
    let rx = action(toggle(
        denied,
        PC::AllowRxPresentation,
        PC::DenyRxPresentation,
    ));
    let admit = participant_action(&session.api, &uuid, || PC::Unlock);
    let api = session.api.clone();
    let u = uuid.clone();
    let role = move || {
        let (api, u) = (api.clone(), u.clone());
        let role = if is_chair.get_untracked() {
            Role::Guest
        } else {
            Role::Host
        };
        async move {
            api.participant_bool(&u, PC::Role, &RoleRequest { role })
                .await
        }
    };
    let flip = move |on: Memo<bool>, yes: Text, no: Text| {
        Signal::derive(move || tr.fmt(if on.get() { yes } else { no }, &[("name", &name.get())]))
    };

    view! {
        <div class="button-row wrap">
            <CmdButton action=mute label=flip(muted, Text::UnmuteX, Text::MuteX)/>
            {supports(PC::SpotlightOn).then(|| view! {
                <CmdButton action=spot.clone()
                    label=flip(spotlit, Text::UnspotlightX, Text::SpotlightX)/>
            })}
            {supports(PC::AllowRxPresentation).then(|| view! {
                <CmdButton testid="rx-toggle" action=rx.clone() label=flip(denied, Text::AllowRxX, Text::DenyRxX)/>
            })}
            {supports(PC::Role).then(|| view! {
                <DeferredButton testid="role-toggle" action=role.clone() waits=true
                label=flip(is_chair, Text::MakeGuestX, Text::MakeHostX)/>
            })}
            {move || (supports(PC::Unlock) && waiting.get()).then(|| view! {
                <CmdButton class="primary" action=admit.clone()
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
    let api = expect_context::<LiveSession>().api;
    let status = expect_context::<Status>();
    // The page's: the form defers the transfer, which may be sent after this dialog closed.
    let fallback = name.get_untracked();
    let (pending, send) = Undo::use_context().outliving(|| {
        let pending = RwSignal::new(false);
        let send = Callback::new(move |body: TransferRequest| {
            let (api, u) = (api.clone(), uuid.clone());
            let who = name.try_get_untracked().unwrap_or_else(|| fallback.clone());
            let label = tr.fmt_now(Text::TransferX, &[("name", &who)]);
            run(
                status,
                pending,
                label,
                async move { api.participant_bool(&u, PC::Transfer, &body).await },
                |()| {},
            );
        });
        (pending, send)
    });
    view! { <TransferForm name=name send=send pending=pending/> }
}
