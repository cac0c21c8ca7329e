//! Modal dialogs on the native `<dialog>` element: `showModal` gives the focus trap, Escape and
//! the inert background; closing hands focus back to where it was. [`ConfirmDialog`] is the one
//! confirmation of every action that removes someone or ends something.

use crate::i18n::{Text, Tr};
use leptos::html;
use leptos::prelude::*;
use send_wrapper::SendWrapper;

/// A modal dialog, open while it is mounted. `on_close` runs when the user closes it (Escape,
/// the close button); the parent then unmounts it.
#[component]
pub fn Modal(
    #[prop(into)] title: Signal<String>,
    #[prop(into)] on_close: Callback<()>,
    #[prop(optional)] testid: &'static str,
    /// A class beside `modal` (a dialog that lays out its body itself).
    #[prop(optional)]
    class: &'static str,
    children: Children,
) -> impl IntoView {
    let tr = Tr::use_context();
    let node = NodeRef::<html::Dialog>::new();
    let opener = SendWrapper::new(
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.active_element()),
    );
    Effect::new(move |_| {
        if let Some(d) = node.get() {
            if !d.open() {
                let _ = d.show_modal();
            }
        }
    });
    on_cleanup(move || {
        // A modal dialog makes the rest of the page inert: leave the modal state first, or the
        // opener cannot take the focus back.
        if let Some(d) = node.try_get_untracked().flatten() {
            d.close();
        }
        if let Some(el) = opener.take() {
            if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                let _ = el.focus();
            }
        }
    });
    let title_id = format!("dlg-{}", js_sys::Math::random().to_bits());
    let labelled_by = title_id.clone();
    view! {
        <dialog node_ref=node class=format!("modal {class}") aria-modal="true" aria-labelledby=labelled_by
            data-testid=testid
            on:cancel=move |ev: web_sys::Event| {
                ev.prevent_default();
                on_close.run(());
            }>
            <header class="modal-head">
                <h2 id=title_id>{move || title.get()}</h2>
                <button type="button" class="icon-button" aria-label=tr.text(Text::Close)
                    on:click=move |_| on_close.run(())>"×"</button>
            </header>
            <div class="modal-body">{children()}</div>
        </dialog>
    }
}

/// A yes/no confirmation. The focus starts on Cancel (the safe answer), Escape cancels, and
/// closing hands the focus back to the button that opened it. `on_confirm` runs when the user
/// confirms; either way it closes.
#[component]
pub fn ConfirmDialog(
    #[prop(into)] title: Signal<String>,
    #[prop(into)] question: Signal<String>,
    #[prop(into)] confirm_label: Signal<String>,
    #[prop(into)] on_confirm: Callback<()>,
    #[prop(into)] on_close: Callback<()>,
) -> impl IntoView {
    let tr = Tr::use_context();
    view! {
        <Modal title=title on_close=on_close testid="confirm-dialog">
            <p>{move || question.get()}</p>
            <div class="button-row">
                <button type="button" class="danger" data-testid="confirm-yes"
                    on:click=move |_| {
                        on_confirm.run(());
                        on_close.run(());
                    }>{move || confirm_label.get()}</button>
                <button type="button" autofocus on:click=move |_| on_close.run(())>{tr.text(Text::Cancel)}</button>
            </div>
        </Modal>
    }
}
