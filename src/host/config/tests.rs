//! `config.json`'s reading, field by field.

use super::*;
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
fn undo_seconds_defaults_to_five_and_zero_turns_it_off() {
    let l = parse_config("{}", "https:");
    assert_eq!(l.config.undo_seconds(), 5);
    assert!(l.issues.is_empty());
    let l = parse_config(r#"{"undo_seconds": 0}"#, "https:");
    assert_eq!(l.config.undo_seconds(), 0);
    let l = parse_config(r#"{"undo_seconds": 12}"#, "https:");
    assert_eq!((l.config.undo_seconds(), l.issues.len()), (12, 0));
}

#[wasm_bindgen_test]
fn platform_proxy_is_off_by_default_and_a_path_on_this_site() {
    assert_eq!(parse_config("{}", "https:").config.platform_proxy, None);
    let l = parse_config(r#"{"platform_proxy": ""}"#, "https:");
    assert_eq!((l.config.platform_proxy, l.issues.len()), (None, 0));
    let l = parse_config(r#"{"platform_proxy": "/platform"}"#, "https:");
    assert_eq!(l.config.platform_proxy.as_deref(), Some("/platform/"));
    assert!(l.issues.is_empty());
    for bad in [
        r#""https://api.example/""#,
        r#""//evil/""#,
        "true",
        r#""/a/../b""#,
    ] {
        let l = parse_config(
            &format!(r#"{{"platform_proxy": {bad}, "language": "en"}}"#),
            "https:",
        );
        assert_eq!(l.config.platform_proxy, None, "{bad}");
        assert_eq!(l.config.language, Some(Lang::En), "{bad}");
        match l.issues.as_slice() {
            [ConfigIssue::Field { field, .. }] => assert_eq!(field, "platform_proxy", "{bad}"),
            other => panic!("{bad}: {other:?}"),
        }
    }
}

#[wasm_bindgen_test]
fn venue_lists_are_kept_by_conference_address() {
    let l = parse_config(
        r#"{"venues": {"Demo@Huikong.local": [{"name": "总部", "address": "sip:hq@x"}]}}"#,
        "https:",
    );
    assert_eq!(l.config.venues.len(), 1);
    assert_eq!(l.config.venues[0].0, "demo@huikong.local");
    let l = parse_config(r#"{"venues": [1]}"#, "https:");
    assert_eq!((l.config.venues.len(), l.issues.len()), (0, 1));
}

#[wasm_bindgen_test]
fn redial_is_a_schedule_false_or_the_default() {
    assert_eq!(parse_config("{}", "https:").config.redial, None);
    let l = parse_config(r#"{"redial": [1, 2]}"#, "https:");
    assert_eq!((l.config.redial, l.issues.len()), (Some(vec![1, 2]), 0));
    let l = parse_config(r#"{"redial": false}"#, "https:");
    assert_eq!(l.config.redial, Some(vec![]));
    let l = parse_config(r#"{"redial": [0]}"#, "https:");
    assert_eq!((l.config.redial, l.issues.len()), (None, 1));
}

#[wasm_bindgen_test]
fn a_bad_undo_seconds_is_said_and_takes_the_default() {
    for bad in [r#""5""#, "-1", "2.5", "61", "true", "[5]"] {
        let l = parse_config(
            &format!(r#"{{"undo_seconds": {bad}, "language": "en"}}"#),
            "https:",
        );
        assert_eq!(l.config.undo_seconds(), 5, "{bad}");
        assert_eq!(
            l.config.language,
            Some(Lang::En),
            "{bad}: the rest still applies"
        );
        match l.issues.as_slice() {
            [ConfigIssue::Field { field, .. }] => assert_eq!(field, "undo_seconds", "{bad}"),
            other => panic!("{bad}: {other:?}"),
        }
    }
}

#[wasm_bindgen_test]
fn the_wall_s_rooms_are_read_without_pins_and_a_bad_list_is_reported() {
    let l = parse_config(
        r#"{"wall_rooms": [{"conference": "a@x", "name": "早会", "pin": "1"}, {"conference": ""}]}"#,
        "https:",
    );
    let rooms = huikong_core::wall::parse_rooms(l.config.wall_rooms.as_deref().unwrap()).unwrap();
    assert_eq!(rooms.len(), 1);
    assert_eq!(rooms[0].title(), "早会");
    let l = parse_config(r#"{"wall_rooms": 3}"#, "https:");
    assert_eq!((l.config.wall_rooms, l.issues.len()), (None, 1));
}
