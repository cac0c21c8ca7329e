//! The bar of actions for the selection, at the foot of the list's card (sticky, so it is in
//! view without moving the rows under the pointer). Only what the platform offers is shown;
//! disconnect is confirmed naming how many; transfer asks through the transfer form.

use crate::command::undo_bar::UndoBar;
use crate::dialogs::transfer::TransferForm;
use crate::i18n::{Text, Tr};
use crate::list::bulk::{how_many_shown, Bulk, BulkAction};
use crate::platform::session::LiveSession;
use crate::state::access::{Forbidden, HOST_ONLY_REASON_ID};
use crate::widgets::dialog::{ConfirmDialog, Modal};
use huikong_core::list::bulk_texts::BulkText;
use huikong_protocol::TransferRequest;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// Sent at once on a click.
const DIRECT: [BulkAction; 5] = [
    BulkAction::Mute,
    BulkAction::Unmute,
    BulkAction::SpotlightOff,
    BulkAction::MakeHost,
    BulkAction::MakeGuest,
];

/// A toolbar's keys: the arrows, Home and End move the focus between its buttons (each stays a
/// Tab stop too).
fn arrows(ev: web_sys::KeyboardEvent) {
    use wasm_bindgen::JsCast;
    let step: isize = match ev.key().as_str() {
        "ArrowRight" | "ArrowDown" => 1,
        "ArrowLeft" | "ArrowUp" => -1,
        "Home" => isize::MIN,
        "End" => isize::MAX,
        _ => return,
    };
    let (Some(bar), Some(now)) = (ev.current_target(), ev.target()) else {
        return;
    };
    let Ok(bar) = bar.dyn_into::<web_sys::Element>() else {
        return;
    };
    // The bar's buttons, and those one level down (admit sits in a span of its own).
    let mut buttons: Vec<web_sys::HtmlElement> = Vec::new();
    let mut next = bar.first_element_child();
    while let Some(el) = next {
        next = el.next_element_sibling();
        let inner = el.first_element_child();
        for b in [Some(el), inner].into_iter().flatten() {
            if b.tag_name() == "BUTTON" && !b.has_attribute("disabled") {
                if let Ok(b) = b.dyn_into::<web_sys::HtmlElement>() {
                    if b.offset_parent().is_some() {
                        buttons.push(b);
                    }
                }
            }
        }
    }
    let Some(at) = buttons
        .iter()
        .position(|b| JsValue::from(b) == JsValue::from(&now))
    else {
        return;
    };
    let last = buttons.len() as isize - 1;
    let to = match step {
        isize::MIN => 0,
        isize::MAX => last,
        s => (at as isize + s).clamp(0, last),
    };
    ev.prevent_default();
    let _ = buttons[to as usize].focus();
}

#[component]
pub fn BulkBar(bulk: Bulk) -> impl IntoView {
    let tr = Tr::use_context();
    let store = expect_context::<LiveSession>().store;
    let forbidden = Forbidden::use_context();
    let selection = bulk.selection;
    let run = bulk.run;
    let count = Memo::new(move |_| selection.len());
    // Admit is offered while some of the selected wait, and sent for those only.
    let waiting = Memo::new(move |_| {
        store
            .waiting()
            .with(|w| w.iter().filter(|u| selection.contains(u)).count())
    });
    let running = Memo::new(move |_| run.running());
    let busy = Signal::derive(move || running.get() || forbidden.get());
    // How many the dialog is for (the console's own participant is never disconnected or
    // transferred in bulk), while it is open.
    let confirm = RwSignal::new(None::<usize>);
    let transfer = RwSignal::new(None::<usize>);
    let session = bulk.clone();
    let offered = move |a: BulkAction| session.supports(a);

    let button = {
        let bulk = bulk.clone();
        move |a: BulkAction| {
            let bulk = bulk.clone();
            view! {
                <button type="button" class="small" data-action=format!("{a:?}").to_lowercase()
                    disabled=move || busy.get()
                    aria-describedby=move || forbidden.get().then_some(HOST_ONLY_REASON_ID)
                    on:click=move |_| bulk.perform(a, None)>{tr.text(a.button())}</button>
            }
        }
    };
    let direct: Vec<_> = DIRECT
        .into_iter()
        .filter(|a| offered(*a))
        .map(button.clone())
        .collect();
    let admit = offered(BulkAction::Admit).then(|| {
        let b = button(BulkAction::Admit);
        view! { <span class="bulk-admit" hidden=move || waiting.get() == 0>{b}</span> }
    });
    let disconnect = bulk.clone();
    let send_transfer = {
        let bulk = bulk.clone();
        Callback::new(move |req: TransferRequest| {
            bulk.perform(BulkAction::Transfer, Some(req));
        })
    };
    // The transfer waits in the undo window with its dialog open (its bar shows it there); the
    // dialog closes once the run starts.
    Effect::new(move |_| {
        if running.get() {
            transfer.set(None);
        }
    });
    let open = {
        let bulk = bulk.clone();
        move |a: BulkAction, dialog: RwSignal<Option<usize>>| {
            let n = bulk.targets(a).len();
            dialog.set((n > 0).then_some(n));
        }
    };
    let open_transfer = open.clone();
    let them = move |dialog: RwSignal<Option<usize>>| {
        Signal::derive(move || how_many_shown(tr, dialog.get().unwrap_or_default()))
    };
    let named = move |k: Text, dialog| {
        let them = them(dialog);
        Signal::derive(move || tr.fmt(k, &[("name", &them.get())]))
    };

    view! {
        <div class="bulk-bar" role="toolbar" aria-label=tr.text(BulkText::BulkBar) data-testid="bulk-bar"
            hidden=move || count.get() == 0 on:keydown=arrows>
            <span class="bulk-count" aria-hidden="true">{move || tr.fmt(Text::SelectedN, &[("n", &count.get().to_string())])}</span>
            {direct}
            {admit}
            {offered(BulkAction::Transfer).then(|| view! {
                <button type="button" class="small" data-action="transfer" aria-haspopup="dialog"
                    disabled=move || busy.get() on:click=move |_| open_transfer(BulkAction::Transfer, transfer)>{tr.text(BulkText::BulkTransfer)}</button>
            })}
            <button type="button" class="small danger" data-action="disconnect" aria-haspopup="dialog"
                disabled=move || busy.get() on:click=move |_| open(BulkAction::Disconnect, confirm)>{tr.text(BulkText::BulkDisconnect)}</button>
        </div>
        <Show when=move || confirm.with(Option::is_some)>
            <ConfirmDialog title=named(Text::DisconnectX, confirm)
                question=Signal::derive(move || tr.fmt(BulkText::BulkDisconnectConfirm, &[("n", &confirm.get().unwrap_or_default().to_string())]))
                confirm_label=named(Text::DisconnectX, confirm)
                on_confirm={
                    let bulk = disconnect.clone();
                    move |()| bulk.perform(BulkAction::Disconnect, None)
                }
                on_close=move |()| confirm.set(None)/>
        </Show>
        <Show when=move || transfer.with(Option::is_some)>
            <Modal title=named(Text::TransferX, transfer) on_close=move |()| transfer.set(None) testid="bulk-transfer">
                <TransferForm name=them(transfer) send=send_transfer pending=running/>
                // The command service holds the transfer in the undo window; the modal hides
                // the page's bar, so the window shows here too.
                <UndoBar local=true/>
            </Modal>
        </Show>
    }
}
