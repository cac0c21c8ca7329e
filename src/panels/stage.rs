//! Who speaks now, and the speaking order from `stage`.

use crate::i18n::{Text, Tr};
use crate::list::virtual_list::NameInList;
use crate::platform::session::LiveSession;
use leptos::prelude::*;

#[component]
pub fn StagePanel() -> impl IntoView {
    let tr = Tr::use_context();
    let session = expect_context::<LiveSession>();
    let store = session.store;
    let entries = Memo::new(move |_| {
        store.order().track();
        store.stage().with(|s| {
            s.iter()
                .filter_map(|e| {
                    let row = store.row(&e.participant_uuid)?;
                    Some((
                        e.participant_uuid.clone(),
                        row.p.with(|p| p.shown_name().to_owned()),
                        e.vad,
                    ))
                })
                .collect::<Vec<_>>()
        })
    });
    let speaking = Memo::new(move |_| {
        entries.with(|e| {
            e.iter()
                .filter(|(_, _, v)| *v > 0)
                .map(|(_, n, _)| n.clone())
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="card stage" data-testid="stage-panel" aria-labelledby="stage-h">
            <h2 id="stage-h">{tr.text(Text::SpeakingNow)}</h2>
            <p class="speaking-now" data-testid="speaking-now" aria-live="polite">
                {move || {
                    let s = speaking.get();
                    if s.is_empty() { tr.t(Text::NobodySpeaking).to_owned() } else { s.join(", ") }
                }}
            </p>
            <h3>{tr.text(Text::StageOrder)}</h3>
            <ol class="stage-order">
                <For each=move || entries.get() key=|e| (e.0.clone(), e.1.clone(), e.2) let:e>
                    <li class:speaking={e.2 > 0} data-uuid=e.0.clone()><NameInList uuid=e.0.clone()>{e.1.clone()}</NameInList></li>
                </For>
            </ol>
        </section>
    }
}
