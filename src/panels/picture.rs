//! A layout drawn as a CSS grid, one box per tile, with the names of whoever sits in them as
//! text (never markup).

use crate::panels::geometry::{assign, grid_for, layout_grid};
use leptos::prelude::*;

/// The texts that describe each of the five layouts.
pub use huikong_core::panel::layout_text;

// Styles are set through the CSSOM (`style:` directives), never a `style` attribute: the
// Content-Security-Policy (`style-src 'self'`) refuses inline style attributes.
fn repeat(n: u16) -> String {
    format!("repeat({n},1fr)")
}

/// A small picture of an empty layout, for the picker: decorative, its option names it.
#[component]
pub fn LayoutThumb(view: &'static str) -> impl IntoView {
    let grid = layout_grid(view);
    grid.map(|g| {
        view! {
            <div class="layout-pic thumb" aria-hidden="true"
                style:grid-template-columns=repeat(g.cols) style:grid-template-rows=repeat(g.rows)>
                {g.tiles.iter().map(|t| view! {
                    <span class="tile" class:main=t.main
                        style:grid-column=t.grid_column() style:grid-row=t.grid_row()></span>
                }).collect_view()}
            </div>
        }
    })
}

/// One person in a tile: uuid and the name shown.
pub type Seat = (String, String);

/// A layout with names in its tiles, as a list a screen reader reads in order. `people` fill
/// the tiles in order; a tile left over shows `empty_text`.
#[component]
pub fn LayoutPicture(
    #[prop(into)] view: Signal<String>,
    #[prop(into)] people: Signal<Vec<Seat>>,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] empty_text: Signal<String>,
    #[prop(optional)] testid: &'static str,
) -> impl IntoView {
    let drawn = Memo::new(move |_| {
        let people = people.get();
        let grid = grid_for(&view.get(), people.len());
        let seats = assign(grid.tiles.len(), &people);
        (grid, seats)
    });
    view! {
        <ol class="layout-pic named" data-testid=(!testid.is_empty()).then_some(testid)
            data-layout=move || view.get()
            aria-label=move || label.get()
            style:grid-template-columns=move || drawn.with(|(g, _)| repeat(g.cols))
            style:grid-template-rows=move || drawn.with(|(g, _)| repeat(g.rows))>
            {move || {
                let (grid, seats) = drawn.get();
                let empty = empty_text.get();
                grid.tiles.iter().zip(seats).enumerate().map(|(i, (t, seat))| {
                    let main = t.main;
                    match seat {
                        Some((uuid, name)) => {
                            let title = name.clone();
                            view! {
                                <li class="tile" class:main=main data-uuid=uuid
                                    style:grid-column=t.grid_column() style:grid-row=t.grid_row()
                                    data-index=i title=title>
                                    <span class="tile-name">{name}</span>
                                </li>
                            }.into_any()
                        }
                        None => view! {
                            <li class="tile empty" class:main=main data-index=i
                                style:grid-column=t.grid_column() style:grid-row=t.grid_row()
                                title=empty.clone()>
                                <span class="visually-hidden">{empty.clone()}</span>
                            </li>
                        }.into_any(),
                    }
                }).collect_view()
            }}
        </ol>
    }
}
