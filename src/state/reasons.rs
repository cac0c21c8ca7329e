//! The platform's refusal reasons in the host's language. The platform answers a refused call
//! with a short English reason ("Invalid PIN"); the known ones are translated here, in one
//! place, with the platform's own words kept after the translation, so a host can quote them
//! to support. A reason not listed is shown as it came.

use crate::i18n::{fill, Lang, Text};

/// The reasons the platform is known to send (docs/api-notes.md, "Errors"), with their texts.
const KNOWN: [(&str, Text); 12] = [
    ("Invalid PIN", Text::ReasonInvalidPin),
    ("PIN required", Text::ReasonPinRequired),
    ("Invalid token", Text::ReasonInvalidToken),
    (
        "Neither conference nor gateway found",
        Text::ReasonNoConference,
    ),
    ("Participant not found", Text::ReasonNoParticipant),
    ("Not permitted", Text::ReasonNotPermitted),
    ("Illegal value", Text::ReasonIllegalValue),
    (
        "Not supported on the enterprise cloud",
        Text::ReasonNotSupported,
    ),
    ("No presentation", Text::ReasonNoPresentation),
    ("No such command", Text::ReasonNoSuchCommand),
    ("Internal server error", Text::ReasonServerError),
    ("Service unavailable", Text::ReasonUnavailable),
];

/// The text for a reason the platform is known to send; `None` for any other. Case and the
/// surrounding blanks are not the platform's meaning, so they do not count.
pub fn known_reason(reason: &str) -> Option<Text> {
    let reason = reason.trim();
    KNOWN
        .iter()
        .find(|(r, _)| r.eq_ignore_ascii_case(reason))
        .map(|&(_, t)| t)
}

/// A platform reason as the host reads it: the translation with the platform's words after
/// it ("入会密码错误（Invalid PIN）"), or an unknown reason as it came.
pub fn platform_reason(lang: Lang, reason: &str) -> String {
    match known_reason(reason) {
        Some(t) => fill(
            Text::ReasonWithOriginal.get(lang),
            &[("text", t.get(lang)), ("original", reason.trim())],
        ),
        None => reason.to_owned(),
    }
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use super::*;
    use wasm_bindgen_test::*;

    #[wasm_bindgen_test]
    fn a_known_reason_is_translated_with_the_platforms_words_kept() {
        assert_eq!(
            platform_reason(Lang::Zh, "Invalid PIN"),
            "入会密码错误（Invalid PIN）"
        );
        assert_eq!(
            platform_reason(Lang::En, "Invalid PIN"),
            "Wrong PIN (platform: “Invalid PIN”)"
        );
        assert_eq!(
            platform_reason(Lang::Zh, "Neither conference nor gateway found"),
            "找不到该会议或网关（Neither conference nor gateway found）"
        );
    }

    #[wasm_bindgen_test]
    fn every_known_reason_has_its_own_text_in_both_languages() {
        for (reason, text) in KNOWN {
            assert_eq!(known_reason(reason), Some(text), "{reason}");
            for lang in [Lang::Zh, Lang::En] {
                let shown = platform_reason(lang, reason);
                assert!(shown.contains(reason), "{lang:?} {reason}: {shown}");
                assert_ne!(shown, reason, "{lang:?} {reason} untranslated");
            }
        }
        let texts: std::collections::BTreeSet<&str> =
            KNOWN.iter().map(|(_, t)| t.get(Lang::Zh)).collect();
        assert_eq!(texts.len(), KNOWN.len(), "two reasons share a text");
    }

    #[wasm_bindgen_test]
    fn case_and_blanks_do_not_matter_but_the_words_are_kept_as_sent() {
        assert_eq!(known_reason(" invalid pin\n"), Some(Text::ReasonInvalidPin));
        assert_eq!(
            platform_reason(Lang::Zh, "NOT PERMITTED"),
            "没有权限：只有主持人可以这样做（NOT PERMITTED）"
        );
    }

    #[wasm_bindgen_test]
    fn an_unknown_reason_is_shown_as_it_came() {
        assert_eq!(
            platform_reason(Lang::Zh, "Gateway on fire"),
            "Gateway on fire"
        );
        assert_eq!(platform_reason(Lang::En, ""), "");
        assert_eq!(known_reason("Invalid PIN, twice"), None);
    }
}
