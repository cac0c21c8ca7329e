//! What arrived in a panel of the dock while it was not shown, for the badge on its tab: chat
//! messages, and presentations that started. (Speaking turns and events come many a minute in
//! a live meeting: a count of them would never be zero, so it would say nothing.)

use crate::panels::PanelId;
use crate::platform::session::LiveSession;
use leptos::prelude::*;

#[derive(Debug, Clone, Copy)]
pub struct Unseen {
    chat: Memo<usize>,
    presentations: Memo<usize>,
}

impl Unseen {
    /// Counts what arrives in each panel while `shown` (the panel on screen, if any) is another.
    pub fn track(shown: Memo<Option<PanelId>>) -> Unseen {
        let store = expect_context::<LiveSession>().store;
        // The newest message's number (numbers start at 0, so none is `None`).
        let chat_mark = Memo::new(move |_| store.chat().with(|c| c.back().map(|l| l.seq)));
        // Presentations started since joining: the store keeps only whether one is on now.
        let started = RwSignal::new(0usize);
        Effect::new(move |was: Option<bool>| {
            let on = store.presentation().with(|p| p.active);
            if on && was == Some(false) {
                started.update(|n| *n += 1);
            }
            on
        });
        let seen_chat = RwSignal::new(chat_mark.get_untracked());
        let seen_started = RwSignal::new(0usize);
        // The panel on screen has seen everything, and keeps seeing what arrives.
        Effect::new(move |_| match shown.get() {
            Some(PanelId::Chat) => seen_chat.set(chat_mark.get()),
            Some(PanelId::Presentation) => seen_started.set(started.get()),
            _ => {}
        });
        let chat = Memo::new(move |_| {
            let seen = seen_chat.get();
            store
                .chat()
                .with(|c| c.iter().rev().take_while(|l| Some(l.seq) > seen).count())
        });
        let presentations = Memo::new(move |_| started.get().saturating_sub(seen_started.get()));
        Unseen {
            chat,
            presentations,
        }
    }

    /// How many new things wait in `panel`.
    pub fn count(&self, panel: PanelId) -> usize {
        match panel {
            PanelId::Chat => self.chat.get(),
            PanelId::Presentation => self.presentations.get(),
            _ => 0,
        }
    }
}
