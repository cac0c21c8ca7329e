//! The command status region (role="status", aria-live): the outcomes `state::status` keeps.

use crate::i18n::{Text, Tr};
use crate::state::status::Status;
use leptos::prelude::*;

#[component]
pub fn StatusRegion(status: Status) -> impl IntoView {
    let tr = Tr::use_context();
    view! {
        <section class="status-region" aria-label=move || tr.t(Text::StatusRegion)>
            <ul role="status" aria-live="polite" data-testid="command-status">
                <For each=move || status.items() key=|i| i.id let:item>
                    <li class=if item.ok { "status-item ok" } else { "status-item err" }
                        data-outcome=if item.ok { "ok" } else { "error" }>
                        <span class="status-text">{item.text.clone()}</span>
                        <button type="button" class="icon-button"
                            aria-label=move || tr.t(Text::Dismiss)
                            on:click=move |_| status.dismiss(item.id)>"×"</button>
                    </li>
                </For>
            </ul>
        </section>
    }
}
