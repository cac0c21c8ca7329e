//! Transferring a participant to another conference. The PIN field says what the chosen role
//! needs (as host, the target's host PIN always; as guest, its guest PIN when it has one), and
//! the transfer is confirmed first: the person leaves this meeting. The form asks; the caller
//! sends (one participant from its dialog, or many from the bulk bar).

use crate::components::dialog::ConfirmDialog;
use crate::i18n::{Text, Tr};
use crate::state::access::Forbidden;
use huikong_protocol::{Role, TransferRequest};
use leptos::prelude::*;

/// `name` says whom it transfers (a participant's name, or "3 位参会者"); `send` gets the
/// request once the host confirmed it; `pending` is true while a transfer is in flight.
#[component]
pub fn TransferForm(
    #[prop(into)] name: Signal<String>,
    send: Callback<TransferRequest>,
    #[prop(into)] pending: Signal<bool>,
) -> impl IntoView {
    let tr = Tr::use_context();
    let forbidden = Forbidden::use_context();
    let target = RwSignal::new(String::new());
    let role = RwSignal::new(Role::Guest);
    let pin = RwSignal::new(String::new());
    let confirm = RwSignal::new(false);
    let as_host = Memo::new(move |_| role.get() == Role::Host);
    let transfer = move |()| {
        send.run(TransferRequest {
            role: role.get_untracked(),
            conference_alias: target.get_untracked().trim().to_owned(),
            pin: Some(pin.get_untracked()).filter(|p| !p.is_empty()),
        })
    };
    let named = move |k: Text| {
        Signal::derive(move || tr.fmt(k, &[("name", &name.get()), ("target", target.get().trim())]))
    };
    view! {
        <form class="subform" data-testid="transfer-form" on:submit=move |ev| {
            ev.prevent_default();
            confirm.set(true);
        }>
            <h3>{move || tr.fmt(Text::TransferX, &[("name", &name.get())])}</h3>
            <label>{tr.text(Text::TransferTarget)}
                <input type="text" required data-testid="transfer-target" bind:value=target/></label>
            <label>{tr.text(Text::TransferRole)}
                <select data-testid="transfer-role" on:change=move |ev| role.set(Role::parse(&event_target_value(&ev)).unwrap_or_default())>
                    <option value="guest">{tr.text(Text::RoleGuest)}</option>
                    <option value="chair">{tr.text(Text::RoleHost)}</option>
                </select></label>
            <label>{move || tr.t(if as_host.get() { Text::TransferPinHost } else { Text::TransferPinGuest })}
                <input type="password" autocomplete="off" data-testid="transfer-pin"
                    required=move || as_host.get() bind:value=pin/></label>
            <button type="submit" class="primary"
                disabled=move || pending.get() || forbidden.get() || target.with(|t| t.trim().is_empty())
                aria-busy=move || pending.get().then_some("true")>{tr.text(Text::TransferSubmit)}</button>
        </form>
        <Show when=move || confirm.get()>
            <ConfirmDialog title=named(Text::TransferX) question=named(Text::TransferConfirm)
                confirm_label=named(Text::TransferX) on_confirm=transfer
                on_close=move |()| confirm.set(false)/>
        </Show>
    }
}
