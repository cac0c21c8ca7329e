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

/// A text in both languages: [`Text`], the shared table, and the tables a feature keeps for
/// itself (the venue list's), so that only the module that shows them carries them.
pub trait Phrase: Copy + 'static {
    fn get(self, lang: Lang) -> &'static str;
}

/// Every text is a variant of an enum (`Text`, or a feature's own); its translations are two
/// tables indexed by the variant, so reading one is an array access rather than code per text
/// (a `match` over every (text, language) pair compiles to a jump table with a branch per text).
macro_rules! texts {
    ($name:ident; $($key:ident => $zh:literal, $en:literal;)*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name { $($key),* }

        impl $name {
            const ZH: &'static [&'static str] = &[$($zh),*];
            const EN: &'static [&'static str] = &[$($en),*];
            pub const ALL: &'static [$name] = &[$($name::$key),*];

            pub fn get(self, lang: $crate::i18n::Lang) -> &'static str {
                let table = match lang {
                    $crate::i18n::Lang::Zh => Self::ZH,
                    $crate::i18n::Lang::En => Self::EN,
                };
                table[self as usize]
            }
        }

        impl $crate::i18n::Phrase for $name {
            fn get(self, lang: $crate::i18n::Lang) -> &'static str {
                $name::get(self, lang)
            }
        }
    };
}
pub(crate) use texts;

include!("texts.rs");

/// English plurals: `{s}` and `{es}` are the ending of the noun before them, empty when the
/// text's `{n}` is 1 ("1 new alert", "2 new alerts"). A text without `n` keeps the slot.
fn plural(key: &str, args: &[(&str, &str)]) -> Option<&'static str> {
    let one = args
        .iter()
        .find(|(k, _)| *k == "n")
        .map(|(_, v)| *v == "1")?;
    match (key, one) {
        ("s" | "es", true) => Some(""),
        ("s", false) => Some("s"),
        ("es", false) => Some("es"),
        _ => None,
    }
}

/// Fills `{name}`-style slots of a text in one pass over the template: a value is never read
/// again, so a display name or a platform reason that itself contains `{reason}` stays as it is.
pub fn fill(text: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let slot = after.find('}').and_then(|close| {
            let key = &after[..close];
            args.iter()
                .find(|(k, _)| *k == key)
                .map(|a| (close, a.1))
                .or_else(|| plural(key, args).map(|p| (close, p)))
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

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Every text of a table has both languages, with the same `{slots}` in each.
    pub(crate) fn both_languages_with_the_same_slots<P: Phrase + std::fmt::Debug>(all: &[P]) {
        let slots = |s: &str| {
            let mut v: Vec<String> = s
                .split('{')
                .skip(1)
                .filter_map(|p| p.split_once('}').map(|(k, _)| k.to_owned()))
                .collect();
            // The plural endings are English's alone.
            v.retain(|k| k != "s" && k != "es");
            v.sort();
            v
        };
        for k in all {
            let (zh, en) = (k.get(Lang::Zh), k.get(Lang::En));
            assert!(!zh.trim().is_empty() && !en.trim().is_empty(), "{k:?}");
            assert_eq!(slots(zh), slots(en), "{k:?}");
        }
    }

    #[test]
    fn every_text_has_both_languages_with_the_same_slots() {
        both_languages_with_the_same_slots(Text::ALL);
        assert_eq!(
            fill("Mute {name}", &[("name", "<b>A</b>")]),
            "Mute <b>A</b>"
        );
        assert_eq!(Lang::parse("EN"), Some(Lang::En));
        assert_eq!(Lang::parse("zh-CN"), Some(Lang::Zh));
    }

    #[test]
    fn slots_are_filled_once_and_values_are_never_read_as_slots() {
        use crate::i18n::fill;
        assert_eq!(
            fill(
                "{label}: failed ({reason})",
                &[("label", "Mute {reason}"), ("reason", "403")]
            ),
            "Mute {reason}: failed (403)"
        );
        assert_eq!(fill("{a}{b}{a}", &[("a", "1"), ("b", "{a}")]), "1{a}1");
        assert_eq!(fill("{unknown} {", &[("a", "1")]), "{unknown} {");
        assert_eq!(fill("会议 {n} 人", &[("n", "3")]), "会议 3 人");
        assert_eq!(fill("{n} new alert{s}", &[("n", "1")]), "1 new alert");
        assert_eq!(fill("{n} new alert{s}", &[("n", "2")]), "2 new alerts");
        assert_eq!(fill("{n} match{es}", &[("n", "0")]), "0 matches");
        assert_eq!(fill("a{s}", &[]), "a{s}");
    }
}
