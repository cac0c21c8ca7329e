//! The console's two languages: Simplified Chinese (default) and English. Every text is a [`K`]
//! with both translations side by side, so none can miss one. `{name}`, `{reason}`, `{n}` and
//! the like are filled by [`Tr::fmt`].

use leptos::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "zh" | "zh-cn" | "zh-hans" | "cn" => Some(Lang::Zh),
            "en" | "en-us" | "en-gb" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// The `lang` attribute of the document.
    pub fn html_lang(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }
}

macro_rules! texts {
    ($($key:ident => $zh:literal, $en:literal;)*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum K { $($key),* }

        impl K {
            pub const ALL: &'static [K] = &[$(K::$key),*];

            pub fn get(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((K::$key, Lang::Zh) => $zh, (K::$key, Lang::En) => $en,)*
                }
            }
        }
    };
}

include!("i18n_texts.rs");

/// Fills `{name}`-style slots of a text.
pub fn fill(text: &str, args: &[(&str, &str)]) -> String {
    let mut out = text.to_owned();
    for (k, v) in args {
        out = out.replace(&format!("{{{k}}}"), v);
    }
    out
}

/// The current language, provided by the app as context.
#[derive(Debug, Clone, Copy)]
pub struct Tr {
    pub lang: RwSignal<Lang>,
}

impl Tr {
    pub fn use_context() -> Tr {
        expect_context::<Tr>()
    }

    /// A text in the current language; reactive when called inside a view closure.
    pub fn t(self, k: K) -> &'static str {
        k.get(self.lang.get())
    }

    /// A text in the current language with its slots filled.
    pub fn fmt(self, k: K, args: &[(&str, &str)]) -> String {
        fill(k.get(self.lang.get()), args)
    }

    /// As [`Tr::t`] without subscribing: for texts made once, like a status message.
    pub fn now(self, k: K) -> &'static str {
        k.get(self.lang.get_untracked())
    }

    pub fn fmt_now(self, k: K, args: &[(&str, &str)]) -> String {
        fill(k.get(self.lang.get_untracked()), args)
    }
}
