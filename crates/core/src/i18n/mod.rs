//! The console's two languages: Simplified Chinese (default) and English. Every text is a [`Text`]
//! with both translations side by side, so none can miss one. `{name}`, `{reason}`, `{n}` and
//! the like are filled by [`fill`].

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

/// A role's name.
pub fn role_text(role: huikong_protocol::Role) -> Text {
    match role {
        huikong_protocol::Role::Host => Text::RoleHost,
        huikong_protocol::Role::Guest => Text::RoleGuest,
    }
}
