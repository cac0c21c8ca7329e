//! The page's one confirmation of an act whose policy asks everywhere (ending the meeting for
//! everyone): a button, a key or the palette asks the service, and this asks the host.

use crate::command::service::Commands;
use crate::i18n::{Text, Tr};
use crate::widgets::dialog::ConfirmDialog;
use huikong_core::command::Action;
use leptos::prelude::*;

/// The question each such act asks; an act without one of its own asks by its label.
fn question(tr: Tr, action: Action, label: &str) -> String {
    match action {
        Action::End => tr.t(Text::EndMeetingConfirm).to_owned(),
        _ => format!("{label}?"),
    }
}

/// Mounted once by the meeting page.
#[component]
pub fn Confirmation() -> impl IntoView {
    let tr = Tr::use_context();
    let cmds = Commands::use_context();
    let c = cmds.clone();
    let asking = Memo::new(move |_| c.asking().map(|a| (a.act.action(), a.label)));
    let (yes, no) = (cmds.clone(), cmds);
    view! {
        {move || asking.get().map(|(action, label)| {
            let title = Signal::stored(label.clone());
            let (yes, no) = (yes.clone(), no.clone());
            view! {
                <ConfirmDialog title=title
                    question=Signal::derive(move || question(tr, action, &label))
                    confirm_label=title
                    on_confirm=move |()| yes.answer(true)
                    on_close=move |()| no.answer(false)/>
            }
        })}
    }
}
