//! The live participant list: search, filters, sort, one keyed row per participant, and the
//! selection with its bulk actions.

use crate::i18n::{Text, Tr};
use crate::list::bulk::bar::BulkBar;
use crate::list::bulk::result::BulkResult;
use crate::list::bulk::run::BulkRun;
use crate::list::bulk::select::SelectionLine;
use crate::list::bulk::Bulk;
use crate::list::filters::{ListFilters, ListSearch};
use crate::list::query::{provide_spotlight_order, visible, ListQuery};
use crate::list::selection::Selection;
use crate::list::virtual_list::VirtualRows;
use crate::platform::session::LiveSession;
use huikong_core::list::view::ListView;
use huikong_core::page_texts::PageText;
use leptos::prelude::*;

#[component]
pub fn ParticipantList() -> impl IntoView {
    let tr = Tr::use_context();
    let store = expect_context::<LiveSession>().store;
    let query = ListQuery::new();
    provide_spotlight_order(store);
    let visible = visible(store, query);
    let total = Memo::new(move |_| store.order().with(Vec::len));
    // A new one for each meeting page: a context found above could be a page left before
    // (a rejoin), whose signals are gone.
    let selection = Selection::provide();
    selection.show(visible);
    selection.follow(store);
    let bulk = Bulk::new(selection, BulkRun::new());

    view! {
        <section class="card participants" aria-labelledby="participants-h" id="participants">
            // The count beside the heading, not in it: the heading's name stays "参会者".
            <div class="list-head">
            <div class="heading-line">
                <h2 id="participants-h">{tr.text(Text::Participants)}</h2>
                <p class="shown" aria-live="polite">
                    {move || tr.fmt(Text::ShownOf, &[("shown", &visible.with(ListView::len).to_string()), ("total", &total.get().to_string())])}
                </p>
                <ListSearch query=query/>
            </div>
            <ListFilters query=query/>
            <SelectionLine selection=selection/>
            </div>
            <VirtualRows visible=visible on_hidden=Callback::new(move |()| query.clear())/>
            // Until the first list arrives, an empty list is not known to be empty.
            <p class="empty" hidden=move || !visible.with(ListView::is_empty)>
                {move || match store.synced().get() {
                    true => tr.t(Text::NoParticipants),
                    false => tr.t(PageText::Loading),
                }}</p>
            <div class="bulk-foot">
                <BulkResult bulk=bulk.clone()/>
                <BulkBar bulk=bulk/>
            </div>
        </section>
    }
}
