//! Every action on one participant, in a dialog opened from its row.

use crate::components::cmd::{participant_action, toggle, CmdButton};
use crate::components::dialog::{ConfirmDialog, Modal};
use crate::components::forms::{DtmfForm, RtmpForm, TransferForm};
use crate::components::ActionsFor;
use crate::i18n::{Text, Tr};
use crate::platform::session::LiveSession;
use crate::state::access::{Forbidden, HOST_ONLY_REASON_ID};
use crate::state::status::{run, Status};
use huikong_protocol::{ParticipantCommand as PC, Role, RoleRequest, RxPresentationPolicy};
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
    let status = expect_context::<Status>();
    let Some(row) = session.store.row(&uuid) else {
        return ().into_any();
    };
    let p = row.p;
    let name = Memo::new(move |_| p.with(|p| p.shown_name().to_owned()));
    let denied =
        Memo::new(move |_| p.with(|p| p.rx_presentation_policy == RxPresentationPolicy::Deny));
    let is_chair = Memo::new(move |_| p.with(|p| p.role.is_host()));
    let waiting = Memo::new(move |_| p.with(|p| p.is_waiting()));
    let muted = Memo::new(move |_| p.with(|p| p.is_muted));
    let spotlit = Memo::new(move |_| p.with(|p| p.is_spotlit()));
    let confirm = RwSignal::new(false);
    let disconnecting = RwSignal::new(false);
    let forbidden = Forbidden::use_context();
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
    let api = session.api.clone();
    let u = uuid.clone();
    let disconnect = move |()| {
        let (api, u) = (api.clone(), u.clone());
        let label = tr.fmt_now(Text::DisconnectX, &[("name", &name.get_untracked())]);
        run(
            status,
            disconnecting,
            label,
            async move { api.participant(&u, PC::Disconnect).await },
            |()| {},
        );
    };
    let named = move |k: Text| Signal::derive(move || tr.fmt(k, &[("name", &name.get())]));

    view! {
        <Modal title=named(Text::ParticipantActions) on_close=on_close testid="participant-actions">
            <div class="button-row wrap">
                <CmdButton pressed=muted action=mute
                    label=Signal::derive(move || tr.fmt(if muted.get() { Text::UnmuteX } else { Text::MuteX }, &[("name", &name.get())]))/>
                {supports(PC::SpotlightOn).then(|| view! {
                    <CmdButton pressed=spotlit action=spot.clone()
                        label=Signal::derive(move || tr.fmt(if spotlit.get() { Text::UnspotlightX } else { Text::SpotlightX }, &[("name", &name.get())]))/>
                })}
                {supports(PC::AllowRxPresentation).then(|| view! {
                    <CmdButton testid="rx-toggle" action=rx.clone()
                        label=Signal::derive(move || tr.fmt(if denied.get() { Text::AllowRxX } else { Text::DenyRxX }, &[("name", &name.get())]))/>
                })}
                {supports(PC::Role).then(|| view! {
                    <CmdButton testid="role-toggle" action=role.clone()
                        label=Signal::derive(move || tr.fmt(if is_chair.get() { Text::MakeGuestX } else { Text::MakeHostX }, &[("name", &name.get())]))/>
                })}
                {move || (supports(PC::Unlock) && waiting.get()).then(|| view! {
                    <CmdButton class="primary" action=admit.clone()
                        label=Signal::derive(move || tr.fmt(Text::AdmitX, &[("name", &name.get())]))/>
                })}
            </div>
            {supports(PC::Transfer).then(|| view! { <TransferForm uuid=uuid.clone() name=name/> })}
            {supports(PC::Dtmf).then(|| view! { <DtmfForm uuid=uuid.clone() name=name/> })}
            {supports(PC::Calls).then(|| view! { <RtmpForm uuid=uuid.clone() name=name/> })}
            <div class="button-row">
                <button type="button" class="danger" data-testid="disconnect-participant"
                    disabled=move || disconnecting.get() || forbidden.get()
                    aria-busy=move || disconnecting.get().then_some("true")
                    aria-describedby=move || forbidden.get().then_some(HOST_ONLY_REASON_ID)
                    on:click=move |_| confirm.set(true)>
                    {move || tr.fmt(Text::DisconnectX, &[("name", &name.get())])}
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
