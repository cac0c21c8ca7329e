//! The waiting room: who waits and for how long; admit one or all, or turn one away.

use crate::command::act::{Act, PersonAct};
use crate::command::button::CmdButton;
use crate::command::service::Commands;
use crate::i18n::{Text, Tr};
use crate::list::virtual_list::NameInList;
use crate::platform::session::LiveSession;
use crate::state::access::Forbidden;
use crate::state::clock::Clock;
use huikong_core::command::Action;
use huikong_core::util::format_elapsed;
use leptos::prelude::*;

#[component]
fn WaitingEntry(uuid: String) -> impl IntoView {
    let tr = Tr::provide_local();
    let session = expect_context::<LiveSession>();
    Forbidden::provide_local();
    let clock = expect_context::<Clock>();
    let Some(row) = session.store.row(&uuid) else {
        return ().into_any();
    };
    let p = row.p;
    let name = Memo::new(move |_| p.with(|p| p.shown_name().to_owned()));
    let admit = Act::Person(PersonAct::Admit, uuid.clone());
    let reject = Act::Person(PersonAct::Reject, uuid.clone());
    let cmds = Commands::use_context();
    let (can_admit, can_reject) = (cmds.offered(Action::Admit), cmds.offered(Action::Reject));
    view! {
        <li data-testid="waiting-entry" data-uuid=uuid.clone()>
            <span class="pname"><NameInList uuid=uuid.clone()>{move || name.get()}</NameInList></span>
            <span class="elapsed">
                {move || {
                    let start = p.with(|p| p.start_time);
                    (start > 0.0).then(|| tr.fmt(Text::WaitingFor, &[("t", &format_elapsed(clock.fine.get() - start))]))
                }}
            </span>
            {can_admit.then(|| view! {
                <CmdButton class="small primary" testid="admit"
                    short=Signal::derive(move || tr.t(Text::Admit).to_owned())
                    label=Signal::derive(move || tr.fmt(Text::AdmitX, &[("name", &name.get())]))
                    act=move || admit.clone()/>
            })}
            {can_reject.then(|| view! {
                <CmdButton class="small" testid="reject"
                    short=Signal::derive(move || tr.t(Text::Reject).to_owned())
                    label=Signal::derive(move || tr.fmt(Text::RejectX, &[("name", &name.get())]))
                    act=move || reject.clone()/>
            })}
        </li>
    }
    .into_any()
}

#[component]
pub fn WaitingRoom() -> impl IntoView {
    let tr = Tr::use_context();
    let session = expect_context::<LiveSession>();
    let store = session.store;
    let waiting = store.waiting();
    let can_admit = Commands::use_context().offered(Action::AdmitAll);
    view! {
        <section class="card waiting-room" data-testid="waiting-room" aria-labelledby="waiting-h">
            // The count is a badge to the eye and words to assistive technology, never run
            // into the heading's name ("等候室0").
            <h2 id="waiting-h">{tr.text(Text::WaitingRoom)}
                <span class="count" aria-hidden="true">{move || waiting.with(Vec::len)}</span>
                <span class="visually-hidden">{move || tr.fmt(Text::WaitingCountSr, &[("n", &waiting.with(Vec::len).to_string())])}</span></h2>
            <p class="empty" hidden=move || !waiting.with(Vec::is_empty)>{tr.text(Text::NobodyWaiting)}</p>
            <ul class="waiting-list">
                <For each=move || waiting.get() key=|u| u.clone() let:uuid>
                    <WaitingEntry uuid=uuid/>
                </For>
            </ul>
            {can_admit.then(|| view! {
                <div class="button-row" hidden=move || waiting.with(Vec::is_empty)>
                    <CmdButton class="primary" testid="admit-all" act=|| Act::AdmitAll
                        label=Signal::derive(move || tr.t(Text::AdmitAll).to_owned())/>
                </div>
            })}
        </section>
    }
}
