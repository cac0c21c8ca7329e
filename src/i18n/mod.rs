//! The console's two languages: Simplified Chinese (default) and English. Every text is a [`Text`]
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

/// Every text is a variant of [`Text`]; its translations are two tables indexed by the
/// variant, so reading one is an array access rather than code per text (a `match` over every
/// (text, language) pair compiles to a jump table with a branch per text).
macro_rules! texts {
    ($($key:ident => $zh:literal, $en:literal;)*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Text { $($key),* }

        const ZH: &[&str] = &[$($zh),*];
        const EN: &[&str] = &[$($en),*];

        impl Text {
            pub const ALL: &'static [Text] = &[$(Text::$key),*];

            pub fn get(self, lang: Lang) -> &'static str {
                let table = match lang {
                    Lang::Zh => ZH,
                    Lang::En => EN,
                };
                table[self as usize]
            }
        }
    };
}

include!("texts.rs");

/// Fills `{name}`-style slots of a text in one pass over the template: a value is never read
/// again, so a display name or a platform reason that itself contains `{reason}` stays as it is.
pub fn fill(text: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let slot = after.find('}').and_then(|close| {
            args.iter()
                .find(|(k, _)| *k == &after[..close])
                .map(|a| (close, a.1))
        });
        match slot {
            Some((close, value)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

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
    pub fn t(self, k: Text) -> &'static str {
        k.get(self.lang.try_get().unwrap_or_default())
    }

    /// A text as a reactive view child or attribute value, `{tr.text(Text::Join)}`: one
    /// closure type for every text, so the renderer's code for a reactive text is compiled once
    /// instead of once for each of the hundred-odd places a text is shown.
    pub fn text(self, k: Text) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || self.t(k)
    }

    /// A text in the current language with its slots filled.
    pub fn fmt(self, k: Text, args: &[(&str, &str)]) -> String {
        fill(k.get(self.lang.try_get().unwrap_or_default()), args)
    }

    /// As [`Tr::t`] without subscribing: for texts made once, like a status message. A command
    /// can outlive the row that started it, and with it the row's translator: the language is
    /// then the default rather than a panic.
    pub fn now(self, k: Text) -> &'static str {
        k.get(self.lang.try_get_untracked().unwrap_or_default())
    }

    pub fn fmt_now(self, k: Text, args: &[(&str, &str)]) -> String {
        fill(
            k.get(self.lang.try_get_untracked().unwrap_or_default()),
            args,
        )
    }
}
