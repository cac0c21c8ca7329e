//! The selection's line above the list: select everyone the search and filters show (mounted
//! or not), clear, and the count, announced politely. Always in place, so that it moves no row.

use crate::i18n::{Text, Tr};
use crate::list::selection::Selection;
use leptos::prelude::*;

#[component]
pub fn SelectionLine(selection: Selection) -> impl IntoView {
    let tr = Tr::use_context();
    let count = Memo::new(move |_| selection.len());
    let shown = Memo::new(move |_| selection.shown_len());
    view! {
        <div class="selection-line" data-testid="selection-line">
            <button type="button" class="small" data-testid="select-all-shown"
                disabled=move || shown.get() == 0
                on:click=move |_| selection.select_all_shown()>{tr.text(Text::SelectAllShown)}</button>
            <button type="button" class="small" data-testid="clear-selection"
                disabled=move || count.get() == 0
                on:click=move |_| selection.clear()>{tr.text(Text::ClearSelection)}</button>
            <span class="selected-count" role="status" aria-live="polite" data-testid="selected-count"
                data-count=move || count.get().to_string()>
                {move || tr.fmt(Text::SelectedN, &[("n", &count.get().to_string())])}
            </span>
        </div>
    }
}
