//! The app: the join page until a session exists, then the meeting page.

use crate::api::join::{JoinParams, Joined};
use crate::components::join_page::{default_params, JoinPage};
use crate::components::meeting::MeetingPage;
use crate::components::prefs::provide_prefs;
use leptos::prelude::*;

#[derive(Debug, Clone)]
enum Page {
    Join { auto: bool },
    Meeting(Box<Joined>),
}

#[component]
pub fn App() -> impl IntoView {
    provide_prefs();
    let page = RwSignal::new(Page::Join { auto: false });
    // The last join's parameters, PIN included, in memory only: a rejoin reuses them.
    let last = RwSignal::new(None::<JoinParams>);

    let on_joined = move |j: Joined| {
        last.set(Some(j.params.clone()));
        page.set(Page::Meeting(Box::new(j)));
    };
    let on_leave = move |()| page.set(Page::Join { auto: false });
    let on_rejoin = move |()| page.set(Page::Join { auto: true });

    move || match page.get() {
        Page::Join { auto } => {
            let initial = last.get_untracked().unwrap_or_else(default_params);
            // Leaving forgets the PIN; a rejoin keeps it.
            let initial = if auto {
                initial
            } else {
                JoinParams {
                    pin: String::new(),
                    ..initial
                }
            };
            view! { <JoinPage initial=initial auto=auto on_joined=on_joined/> }.into_any()
        }
        Page::Meeting(j) => {
            view! { <MeetingPage joined=*j on_leave=on_leave on_rejoin=on_rejoin/> }.into_any()
        }
    }
}
