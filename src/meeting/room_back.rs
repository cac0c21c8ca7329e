//! The way from a room's console back to the operator wall: every room's session goes on.

use crate::i18n::Tr;
use huikong_core::wall::WallText;
use leptos::prelude::*;

/// A bar above the room's header, first in the tab order, so the way back is one Tab away.
#[component]
pub fn BackToWall(back: Callback<()>) -> impl IntoView {
    let tr = Tr::use_context();
    // Stepping in moves the focus here, so a keyboard user starts at the top of the room.
    let button = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(b) = button.get() {
            let _ = b.focus();
        }
    });
    view! {
        <nav class="wall-back" aria-label=tr.text(WallText::WallNav)>
            <button type="button" data-testid="wall-back" node_ref=button
                on:click=move |_| back.run(())>
                {tr.text(WallText::BackToWall)}</button>
            <span class="muted">{tr.text(WallText::BackToWallHint)}</span>
        </nav>
    }
}
