//! Saving, renaming and deleting views, with what a view keeps (and does not) said beside.

use crate::i18n::{Text, Tr};
use crate::list::saved_views::{SavedViews, MAX_NAME};
use leptos::prelude::*;

#[component]
pub fn SavedViewsForm(views: SavedViews) -> impl IntoView {
    let tr = Tr::use_context();
    let active = views.active;
    let name = RwSignal::new(active.get_untracked().unwrap_or_default());
    // Choosing a view puts its name in the field, ready for saving again or renaming.
    Effect::new(move |_| {
        if let Some(a) = active.get() {
            name.set(a);
        }
    });
    let said = RwSignal::new(String::new());
    let blank = move || name.with(|n| n.trim().is_empty());
    let save = move |_| {
        let n = name.get_untracked();
        said.set(match views.save(&n) {
            true => tr.fmt(Text::ViewSaved, &[("name", n.trim())]),
            false => tr.t(Text::ViewsFull).to_owned(),
        });
    };
    let rename = move |_| {
        let n = name.get_untracked();
        said.set(match views.rename(&n) {
            true => tr.fmt(Text::ViewSaved, &[("name", n.trim())]),
            false => tr.t(Text::ViewNameTaken).to_owned(),
        });
    };
    let delete = move |_| {
        if let Some(a) = active.get_untracked() {
            views.delete_active();
            said.set(tr.fmt(Text::ViewDeleted, &[("name", &a)]));
        }
    };
    view! {
        <fieldset class="saved-views" data-testid="saved-views">
            <legend>{tr.text(Text::SavedViews)}</legend>
            <div class="more-filters-row">
                <label class="compact"><span class="label-text">{tr.text(Text::ViewName)}</span>
                    <input type="text" data-testid="view-name" maxlength=MAX_NAME.to_string()
                        aria-describedby="saved-views-help"
                        prop:value=move || name.get()
                        on:input=move |ev| name.set(event_target_value(&ev))/>
                </label>
                <button type="button" class="small" data-testid="view-save" disabled=blank on:click=save>
                    {tr.text(Text::SaveView)}
                </button>
                <button type="button" class="small" data-testid="view-rename"
                    disabled=move || blank() || active.with(Option::is_none) on:click=rename>
                    {tr.text(Text::RenameView)}
                </button>
                <button type="button" class="small" data-testid="view-delete"
                    disabled=move || active.with(Option::is_none) on:click=delete>
                    {tr.text(Text::DeleteView)}
                </button>
                <span class="view-said" role="status" data-testid="view-said">{move || said.get()}</span>
            </div>
            <p class="hint" id="saved-views-help">{tr.text(Text::ViewsHelp)}</p>
        </fieldset>
    }
}
