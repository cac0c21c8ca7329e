//! Transferring a participant to another conference. The PIN field says what the chosen role
//! needs (as host, the target's host PIN always; as guest, its guest PIN when it has one).
//! Before anything is asked, the platform's own checkJoin checks the target: that it exists,
//! and which role the PIN given opens it with. The form says what the participant will become
//! ("将成为 培训会议室 的访客") and refuses a host transfer that the PIN only opens as a guest.
//! Then the host confirms, and the caller sends it through the command service (one participant
//! from its dialog, or many from the bulk bar), whose policy holds it in the undo window.

use crate::i18n::{Text, Tr};
use crate::platform::join::{check_join_at, JoinError};
use crate::platform::session::LiveSession;
use crate::state::access::Forbidden;
use crate::widgets::dialog::ConfirmDialog;
use huikong_protocol::{Role, TransferRequest};
use leptos::prelude::*;

/// What checkJoin said of the target, for the request it checked.
#[derive(Debug, Clone, PartialEq)]
enum Verdict {
    /// The participant will join `room` (its display name) as `role`.
    Will {
        room: String,
        role: Role,
    },
    /// Asked as host, but the PIN only opens `room` to guests.
    OnlyGuest {
        room: String,
    },
    Refused(JoinError),
}

impl Verdict {
    fn message(&self, tr: Tr, name: &str) -> String {
        match self {
            Verdict::Will { room, role } => {
                let k = if role.is_host() {
                    Text::TransferWillBeHost
                } else {
                    Text::TransferWillBeGuest
                };
                tr.fmt(k, &[("name", name), ("room", room)])
            }
            Verdict::OnlyGuest { room } => tr.fmt(Text::TransferPinOnlyGuest, &[("room", room)]),
            Verdict::Refused(e) => tr.fmt(Text::TransferCheckFailed, &[("reason", &e.message(tr))]),
        }
    }
}

/// Reads checkJoin's answer for a transfer asking for `asked`.
fn verdict(
    asked: Role,
    target: &str,
    r: Result<huikong_protocol::CheckJoinResults, JoinError>,
) -> Verdict {
    match r {
        Err(e) => Verdict::Refused(e),
        Ok(c) => {
            let room = match c.conference_name.trim() {
                "" => target.to_owned(),
                n => n.to_owned(),
            };
            let granted = c.role_type.unwrap_or(Role::Guest);
            if asked.is_host() && !granted.is_host() {
                Verdict::OnlyGuest { room }
            } else {
                Verdict::Will { room, role: asked }
            }
        }
    }
}

/// `name` says whom it transfers (a participant's name, or "3 位参会者"); `send` gets the
/// request once checkJoin found it sound and the host confirmed it;
/// `pending` is true while a transfer is in flight.
#[component]
pub fn TransferForm(
    #[prop(into)] name: Signal<String>,
    send: Callback<TransferRequest>,
    #[prop(into)] pending: Signal<bool>,
) -> impl IntoView {
    let tr = Tr::use_context();
    let forbidden = Forbidden::use_context();
    let server = expect_context::<LiveSession>().server;
    let target = RwSignal::new(String::new());
    let role = RwSignal::new(Role::Guest);
    let pin = RwSignal::new(String::new());
    let confirm = RwSignal::new(false);
    let checking = RwSignal::new(false);
    let checked = RwSignal::new(None::<(TransferRequest, Verdict)>);
    let as_host = Memo::new(move |_| role.get() == Role::Host);
    // A change to the form makes the last check stale.
    Effect::watch(
        move || (target.get(), role.get(), pin.get()),
        move |_, _, _| checked.set(None),
        false,
    );
    let check = move || {
        let req = TransferRequest {
            role: role.get_untracked(),
            conference_alias: target.get_untracked().trim().to_owned(),
            pin: Some(pin.get_untracked()).filter(|p| !p.is_empty()),
        };
        let (server, who) = (server.clone(), name.get_untracked());
        checking.set(true);
        checked.set(None);
        leptos::task::spawn_local(async move {
            let pin = req.pin.clone().unwrap_or_default();
            let answer = check_join_at(&server, &req.conference_alias, &pin, &who).await;
            let v = verdict(req.role, &req.conference_alias, answer);
            checking.try_set(false);
            let go = matches!(v, Verdict::Will { .. });
            checked.try_set(Some((req, v)));
            if go {
                confirm.try_set(true);
            }
        });
    };
    let transfer = move |()| {
        let Some((req, _)) = checked.get_untracked() else {
            return;
        };
        // The caller sends it through the command service, whose policy holds a transfer in
        // the undo window.
        let _ = send.try_run(req);
    };
    let said = move || checked.with(|c| c.as_ref().map(|(_, v)| v.message(tr, &name.get())));
    let refused =
        move || checked.with(|c| matches!(c, Some((_, v)) if !matches!(v, Verdict::Will { .. })));
    let named = move |k: Text| {
        Signal::derive(move || tr.fmt(k, &[("name", &name.get()), ("target", target.get().trim())]))
    };
    let question = Signal::derive(move || {
        format!(
            "{} {}",
            named(Text::TransferConfirm).get(),
            said().unwrap_or_default()
        )
    });
    view! {
        <form class="subform" data-testid="transfer-form" on:submit=move |ev| {
            ev.prevent_default();
            if !checking.get_untracked() {
                check();
            }
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
            <p class="transfer-check" role="status" data-testid="transfer-check"
                data-outcome=move || checked.with(|c| c.as_ref().map(|_| if refused() { "error" } else { "ok" }))>
                {move || if checking.get() { Some(tr.t(Text::TransferChecking).to_owned()) } else { said() }}
            </p>
            <button type="submit" class="primary"
                disabled=move || pending.get() || forbidden.get() || target.with(|t| t.trim().is_empty())
                aria-busy=move || (pending.get() || checking.get()).then_some("true")>{tr.text(Text::TransferSubmit)}</button>
        </form>
        <Show when=move || confirm.get()>
            <ConfirmDialog title=named(Text::TransferX) question=question
                confirm_label=named(Text::TransferX) on_confirm=transfer
                on_close=move |()| confirm.set(false)/>
        </Show>
    }
}
