//! The filters under "more filters": the participant's flags, the stage, how long ago someone
//! arrived; and beside them the saved views' form.

use crate::i18n::{Text, Tr};
use crate::list::query::ListQuery;
use crate::list::saved_views::form::SavedViewsForm;
use crate::list::saved_views::SavedViews;
use huikong_core::list::filter::{Flags, TimeFilters};
use leptos::prelude::*;

/// A checkbox over one flag filter.
#[component]
fn FlagCheck(
    testid: &'static str,
    text: Text,
    on: Signal<bool>,
    set: Callback<bool>,
) -> impl IntoView {
    let tr = Tr::use_context();
    view! {
        <label class="check">
            <input type="checkbox" data-testid=testid prop:checked=move || on.get()
                on:change=move |ev| set.run(event_target_checked(&ev))/>
            {tr.text(text)}
        </label>
    }
}

/// A select of minutes (or off) for one time filter.
#[component]
fn MinutesSelect(
    testid: &'static str,
    text: Text,
    minutes: Signal<u32>,
    set: Callback<u32>,
) -> impl IntoView {
    let tr = Tr::use_context();
    view! {
        <label class="compact"><span class="label-text">{tr.text(text)}</span>
            <select data-testid=testid prop:value=move || minutes.get().to_string()
                on:change=move |ev| set.run(event_target_value(&ev).parse().unwrap_or(0))>
                <option value="0" selected=move || minutes.get() == 0>{tr.text(Text::AnyTime)}</option>
                {TimeFilters::CHOICES.into_iter().map(|n| view! {
                    <option value=n.to_string() selected=move || minutes.get() == n>
                        {move || tr.fmt(Text::MinutesN, &[("n", &n.to_string())])}
                    </option>
                }).collect_view()}
            </select>
        </label>
    }
}

/// A flag filter's state and setter, over the query's flags.
fn flag(
    flags: RwSignal<Flags>,
    get: fn(&Flags) -> bool,
    put: fn(&mut Flags, bool),
) -> (Signal<bool>, Callback<bool>) {
    (
        Signal::derive(move || flags.with(get)),
        Callback::new(move |on| flags.update(|f| put(f, on))),
    )
}

/// The panel the "more filters" button (`toggle`) discloses; Escape in it closes it and puts
/// the focus back on the button.
#[component]
pub fn MoreFilters(
    query: ListQuery,
    views: SavedViews,
    open: RwSignal<bool>,
    toggle: NodeRef<leptos::html::Button>,
) -> impl IntoView {
    let tr = Tr::use_context();
    let (muted, set_muted) = flag(query.flags, |f| f.muted, |f, on| f.muted = on);
    let (presenting, set_presenting) =
        flag(query.flags, |f| f.presenting, |f, on| f.presenting = on);
    let (no_pres, set_no_pres) = flag(
        query.flags,
        |f| f.no_presentation,
        |f, on| f.no_presentation = on,
    );
    let on_stage = query.on_stage;
    let times = query.times;
    view! {
        <div id="more-filters" class="more-filters" data-testid="more-filters-panel" role="group"
            aria-label=move || tr.t(Text::MoreFilters) hidden=move || !open.get()
            on:keydown=move |ev| {
                if ev.key() == "Escape" {
                    ev.stop_propagation();
                    open.set(false);
                    if let Some(b) = toggle.get_untracked() {
                        let _ = b.focus();
                    }
                }
            }>
            <div class="more-filters-row">
                <FlagCheck testid="filter-muted" text=Text::FilterMutedByHost on=muted set=set_muted/>
                <FlagCheck testid="filter-presenting" text=Text::FilterPresenting on=presenting set=set_presenting/>
                <FlagCheck testid="filter-on-stage" text=Text::FilterOnStage on=on_stage.into()
                    set=Callback::new(move |on| on_stage.set(on))/>
                <FlagCheck testid="filter-no-presentation" text=Text::FilterNoPresentation on=no_pres set=set_no_pres/>
                <MinutesSelect testid="filter-waiting-over" text=Text::FilterWaitingOver
                    minutes=Signal::derive(move || times.with(|t| t.waiting_over))
                    set=Callback::new(move |n| times.update(|t| t.waiting_over = n))/>
                <MinutesSelect testid="filter-joined-within" text=Text::FilterJoinedWithin
                    minutes=Signal::derive(move || times.with(|t| t.joined_within))
                    set=Callback::new(move |n| times.update(|t| t.joined_within = n))/>
            </div>
            <SavedViewsForm views=views/>
        </div>
    }
}
