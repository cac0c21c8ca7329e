//! The page's language as signals: [`Tr`] reads the texts of `huikong_core::i18n` (both
//! languages side by side) in the language chosen now; [`Tr::fmt`] fills their slots.

use leptos::prelude::*;

pub use huikong_core::i18n::{fill, role_text, Lang, Phrase, Text};

/// The chosen language, settable: provided by the app.
#[derive(Debug, Clone, Copy)]
pub struct LangCtl(pub RwSignal<Lang>);

/// The current language for reading texts, provided by the app as context.
#[derive(Debug, Clone, Copy)]
pub struct Tr {
    pub lang: Signal<Lang>,
}

impl Tr {
    pub fn use_context() -> Tr {
        expect_context::<Tr>()
    }

    /// A translator for one list row, provided to the row's children. Its texts subscribe to a
    /// memo of the row rather than to the app's language signal itself: the reactive graph pays
    /// for every subscriber of a signal when one of them re-runs, and two thousand rows hold
    /// tens of thousands of texts.
    pub fn provide_local() -> Tr {
        let parent = Tr::use_context().lang;
        let local = Tr {
            lang: Memo::new(move |_| parent.get()).into(),
        };
        provide_context(local);
        local
    }

    /// A text in the current language; reactive when called inside a view closure.
    pub fn t(self, k: impl Phrase) -> &'static str {
        k.get(self.lang.try_get().unwrap_or_default())
    }

    /// A text as a reactive view child or attribute value, `{tr.text(Text::Join)}`: one
    /// closure type for every text, so the renderer's code for a reactive text is compiled once
    /// instead of once for each of the hundred-odd places a text is shown.
    pub fn text<K: Phrase + Send + Sync>(
        self,
        k: K,
    ) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || self.t(k)
    }

    /// A text in the current language with its slots filled.
    pub fn fmt(self, k: impl Phrase, args: &[(&str, &str)]) -> String {
        fill(k.get(self.lang.try_get().unwrap_or_default()), args)
    }

    /// As [`Tr::t`] without subscribing: for texts made once, like a status message. A command
    /// can outlive the row that started it, and with it the row's translator: the language is
    /// then the default rather than a panic.
    pub fn now(self, k: impl Phrase) -> &'static str {
        k.get(self.lang.try_get_untracked().unwrap_or_default())
    }

    pub fn fmt_now(self, k: impl Phrase, args: &[(&str, &str)]) -> String {
        fill(
            k.get(self.lang.try_get_untracked().unwrap_or_default()),
            args,
        )
    }
}
