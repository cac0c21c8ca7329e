//! The waiting room: who waits and for how long; admit one or all.

use crate::components::cmd::CmdButton;
use crate::components::participants::shown_name;
use crate::components::Clock;
use crate::i18n::{Tr, K};
use crate::platform::session::Session;
use crate::util::format_elapsed;
use huikong_protocol::ParticipantCommand as PC;
use leptos::prelude::*;

#[component]
fn WaitingEntry(uuid: String) -> impl IntoView {
    let tr = Tr::provide_local();
    let session = expect_context::<Session>();
    crate::components::cmd::provide_forbidden(&session);
    let clock = expect_context::<Clock>();
    let Some(row) = session.store.row(&uuid) else {
        return ().into_any();
    };
    let p = row.p;
    let name = Memo::new(move |_| p.with(shown_name));
    let api = session.api.clone();
    let u = uuid.clone();
    let admit = move || {
        let (api, u) = (api.clone(), u.clone());
        async move { api.participant(&u, PC::Unlock).await }
    };
    let can_admit = session.supports_participant(PC::Unlock);
    view! {
        <li data-testid="waiting-entry" data-uuid=uuid.clone()>
            <span class="pname">{move || name.get()}</span>
            <span class="elapsed">
                {move || {
                    let start = p.with(|p| p.start_time);
                    (start > 0.0).then(|| tr.fmt(K::WaitingFor, &[("t", &format_elapsed(clock.fine.get() - start))]))
                }}
            </span>
            {can_admit.then(|| view! {
                <CmdButton class="small primary" testid="admit"
                    short=Signal::derive(move || tr.t(K::Admit).to_owned())
                    label=Signal::derive(move || tr.fmt(K::AdmitX, &[("name", &name.get())]))
                    action=admit.clone()/>
            })}
        </li>
    }
    .into_any()
}

#[component]
pub fn WaitingRoom() -> impl IntoView {
    let tr = Tr::use_context();
    let session = expect_context::<Session>();
    let store = session.store;
    let waiting = store.waiting;
    let can_admit = session.supports_participant(PC::Unlock);
    let api = session.api.clone();
    let admit_all = move || {
        let api = api.clone();
        let uuids = waiting.get_untracked();
        async move {
            // One by one, so the first refusal stops the rest and is reported.
            for u in uuids {
                api.participant(&u, PC::Unlock).await?;
            }
            Ok(())
        }
    };
    view! {
        <section class="card waiting-room" data-testid="waiting-room" aria-labelledby="waiting-h">
            <h2 id="waiting-h">{move || tr.t(K::WaitingRoom)}
                <span class="count">{move || waiting.with(Vec::len)}</span></h2>
            <p class="empty" hidden=move || !waiting.with(Vec::is_empty)>{move || tr.t(K::NobodyWaiting)}</p>
            <ul class="waiting-list">
                <For each=move || waiting.get() key=|u| u.clone() let:uuid>
                    <WaitingEntry uuid=uuid/>
                </For>
            </ul>
            {can_admit.then(|| view! {
                <div class="button-row" hidden=move || waiting.with(Vec::is_empty)>
                    <CmdButton class="primary" testid="admit-all"
                        label=Signal::derive(move || tr.t(K::AdmitAll).to_owned())
                        action=admit_all.clone()/>
                </div>
            })}
        </section>
    }
}
