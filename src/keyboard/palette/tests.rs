//! The palette's pure parts: where the arrows move the active result, how a query splits into
//! words, and that every shortcut a result shows is one the help lists.

use super::move_active;
use crate::command::act::Act;
use crate::keyboard::palette::search::{shortcut, words};
use crate::panels::PanelId;
use huikong_core::keymap::{bindings, Scope};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn the_arrows_wrap_and_the_pages_stop_at_the_ends() {
    assert_eq!(move_active("ArrowDown", 0, 3), Some(1));
    assert_eq!(move_active("ArrowDown", 2, 3), Some(0));
    assert_eq!(move_active("ArrowUp", 0, 3), Some(2));
    assert_eq!(move_active("PageDown", 5, 12), Some(11));
    assert_eq!(move_active("PageUp", 5, 12), Some(0));
    assert_eq!(move_active("ArrowDown", 0, 0), None);
    assert_eq!(move_active("a", 0, 3), None);
}

#[wasm_bindgen_test]
fn a_query_is_lower_cased_words() {
    assert_eq!(words("  Mute   张伟 "), vec!["mute", "张伟"]);
    assert!(words("   ").is_empty());
}

#[wasm_bindgen_test]
fn every_shortcut_shown_is_in_the_help() {
    let mut acts = vec![
        Act::Lock,
        Act::Unlock,
        Act::MuteGuests,
        Act::UnmuteGuests,
        Act::AdmitAll,
        Act::Search,
        Act::Dense,
        Act::Help,
    ];
    acts.extend(PanelId::ALL.into_iter().map(Act::Panel));
    for act in acts {
        let key = shortcut(&act).expect("a shortcut");
        let listed = bindings(Scope::Page).any(|b| b.shown == key || b.keys.contains(&key));
        assert!(listed, "{act:?}'s {key} is not in the help");
    }
    assert_eq!(shortcut(&Act::Panel(PanelId::Record)), Some("7"));
    assert_eq!(shortcut(&Act::End), None);
}
