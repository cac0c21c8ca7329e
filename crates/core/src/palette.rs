//! The command palette's matching: how a query splits into words, the text a command is found
//! by (its label in both languages, slots emptied), whether every word is found, and which
//! words a participant's name or address takes. Pure string work over the texts, so it is
//! tested natively; the console's `keyboard::palette_search` brings the acts and the store.

use crate::i18n::{fill, Lang, Text};

/// The most participant results listed; typing more narrows them.
pub const PEOPLE_CAP: usize = 50;

/// The words of a query, lower-cased.
pub fn words(query: &str) -> Vec<String> {
    query.split_whitespace().map(str::to_lowercase).collect()
}

/// Both languages' text of `k`, slots emptied, lower-cased.
pub fn both(k: Text) -> String {
    let strip = |l| fill(k.get(l), &[("name", ""), ("panel", ""), ("layout", "")]);
    format!("{} {}", strip(Lang::Zh), strip(Lang::En)).to_lowercase()
}

/// Whether every one of `words` (lower-cased) is in `hay` (lower-cased); true for none.
pub fn finds<W: AsRef<str>>(hay: &str, words: &[W]) -> bool {
    words.iter().all(|w| hay.contains(w.as_ref()))
}

/// `words` split into those found in a participant's `name` or `uri` (both lower-cased) and the
/// rest, each in the query's order. A participant is a result only when the first part is not
/// empty; the rest must then all be found in the action's text.
pub fn split_named<'w>(
    words: &'w [String],
    name: &str,
    uri: &str,
) -> (Vec<&'w String>, Vec<&'w String>) {
    words
        .iter()
        .partition(|w| name.contains(w.as_str()) || uri.contains(w.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_is_lower_cased_words() {
        assert_eq!(words("  Mute   张伟 "), vec!["mute", "张伟"]);
        assert!(words("   ").is_empty());
    }

    #[test]
    fn a_text_is_found_in_either_language_with_its_slots_emptied() {
        let hay = both(Text::MuteX);
        assert_eq!(hay, "静音  mute ");
        assert!(finds(&hay, &words("MUTE")));
        assert!(finds(&hay, &words("静音 mute")));
        assert!(!finds(&hay, &words("mute name")));
        assert!(finds(&hay, &words("")));
    }

    #[test]
    fn the_words_naming_a_participant_are_split_from_the_actions_words() {
        let w = words("静音 张 SIP:z");
        let (named, rest) = split_named(&w, "张伟", "sip:zw@example");
        assert_eq!(named, ["张", "sip:z"]);
        assert_eq!(rest, ["静音"]);
        let (named, rest) = split_named(&w, "alice", "sip:alice@example");
        assert!(named.is_empty());
        assert_eq!(rest.len(), 3);
    }
}
