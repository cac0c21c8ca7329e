//! Side panels of the meeting page. Each reads the store and calls the API through the
//! `Session` and `Status` contexts that the meeting page provides.

mod stage;

use leptos::prelude::*;

#[component]
pub fn Panels() -> impl IntoView {
    view! {
        <stage::StagePanel/>
    }
}
