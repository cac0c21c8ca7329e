//! Every action on one participant, in a dialog opened from its row.

use crate::components::cmd::CmdButton;
use crate::components::dialog::{ConfirmDialog, Modal};
use crate::components::forms::{DtmfForm, RtmpForm, TransferForm};
use crate::components::participants::shown_name;
use crate::components::status::{run, Status};
use crate::components::ActionsFor;
use crate::i18n::{Tr, K};
use crate::platform::session::Session;
use huikong_protocol::{ParticipantCommand as PC, Role, RoleRequest, RxPresentationPolicy};
use leptos::prelude::*;

/// The dialog for whoever [`ActionsFor`] names; it closes when that participant leaves.
#[component]
pub fn ParticipantActionsHost() -> impl IntoView {
    let session = expect_context::<Session>();
    let ActionsFor(which) = expect_context::<ActionsFor>();
    let store = session.store;
    Effect::new(move |_| {
        store.order.track();
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
    let session = expect_context::<Session>();
    let status = expect_context::<Status>();
    let Some(row) = session.store.row(&uuid) else {
        return ().into_any();
    };
    let p = row.p;
    let name = Memo::new(move |_| p.with(shown_name));
    let denied =
        Memo::new(move |_| p.with(|p| p.rx_presentation_policy == RxPresentationPolicy::Deny));
    let is_host = Memo::new(move |_| p.with(|p| p.role.is_host()));
    let waiting = Memo::new(move |_| p.with(|p| p.is_waiting()));
    let muted = Memo::new(move |_| p.with(|p| p.is_muted));
    let spotlit = Memo::new(move |_| p.with(|p| p.is_spotlit()));
    let confirm = RwSignal::new(false);
    let disconnecting = RwSignal::new(false);
    let s = session.clone();
    let host_me = Memo::new(move |_| s.is_host());
    let profile = session.profile;
    let supports = move |c: PC| profile.supports_participant(c);

    let api = session.api.clone();
    let u = uuid.clone();
    let cmd = move |c: fn(bool) -> PC, flag: Memo<bool>| {
        let (api, u) = (api.clone(), u.clone());
        move || {
            let (api, u) = (api.clone(), u.clone());
            async move { api.participant(&u, c(flag.get_untracked())).await }
        }
    };
    let mute = cmd(|m| if m { PC::Unmute } else { PC::Mute }, muted);
    let spot = cmd(
        |s| if s { PC::SpotlightOff } else { PC::SpotlightOn },
        spotlit,
    );
    let rx = cmd(
        |d| {
            if d {
                PC::AllowRxPresentation
            } else {
                PC::DenyRxPresentation
            }
        },
        denied,
    );
    let admit = cmd(|_| PC::Unlock, waiting);
    let api = session.api.clone();
    let u = uuid.clone();
    let role = move || {
        let (api, u) = (api.clone(), u.clone());
        let role = if is_host.get_untracked() {
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
        let label = tr.fmt_now(K::DisconnectX, &[("name", &name.get_untracked())]);
        run(
            status,
            disconnecting,
            label,
            async move { api.participant(&u, PC::Disconnect).await },
            |()| {},
        );
    };
    let named = move |k: K| Signal::derive(move || tr.fmt(k, &[("name", &name.get())]));

    view! {
        <Modal title=named(K::ParticipantActions) on_close=on_close testid="participant-actions">
            <div class="button-row wrap">
                <CmdButton pressed=muted action=mute
                    label=Signal::derive(move || tr.fmt(if muted.get() { K::UnmuteX } else { K::MuteX }, &[("name", &name.get())]))/>
                {supports(PC::SpotlightOn).then(|| view! {
                    <CmdButton pressed=spotlit action=spot.clone()
                        label=Signal::derive(move || tr.fmt(if spotlit.get() { K::UnspotlightX } else { K::SpotlightX }, &[("name", &name.get())]))/>
                })}
                {supports(PC::AllowRxPresentation).then(|| view! {
                    <CmdButton testid="rx-toggle" action=rx.clone()
                        label=Signal::derive(move || tr.fmt(if denied.get() { K::AllowRxX } else { K::DenyRxX }, &[("name", &name.get())]))/>
                })}
                {supports(PC::Role).then(|| view! {
                    <CmdButton testid="role-toggle" action=role.clone()
                        label=Signal::derive(move || tr.fmt(if is_host.get() { K::MakeGuestX } else { K::MakeHostX }, &[("name", &name.get())]))/>
                })}
                {move || (supports(PC::Unlock) && waiting.get()).then(|| view! {
                    <CmdButton class="primary" action=admit.clone()
                        label=Signal::derive(move || tr.fmt(K::AdmitX, &[("name", &name.get())]))/>
                })}
            </div>
            {supports(PC::Transfer).then(|| view! { <TransferForm uuid=uuid.clone() name=name/> })}
            {supports(PC::Dtmf).then(|| view! { <DtmfForm uuid=uuid.clone() name=name/> })}
            {supports(PC::Calls).then(|| view! { <RtmpForm uuid=uuid.clone() name=name/> })}
            <div class="button-row">
                <button type="button" class="danger" data-testid="disconnect-participant"
                    disabled=move || disconnecting.get() || !host_me.get()
                    aria-busy=move || disconnecting.get().then_some("true")
                    aria-describedby=move || (!host_me.get()).then_some(crate::components::cmd::HOST_ONLY_REASON_ID)
                    on:click=move |_| confirm.set(true)>
                    {move || tr.fmt(K::DisconnectX, &[("name", &name.get())])}
                </button>
            </div>
            <Show when=move || confirm.get()>
                <ConfirmDialog title=named(K::DisconnectX) question=named(K::DisconnectConfirm)
                    confirm_label=named(K::DisconnectX) on_confirm=disconnect.clone()
                    on_close=move |()| confirm.set(false)/>
            </Show>
        </Modal>
    }
    .into_any()
}
