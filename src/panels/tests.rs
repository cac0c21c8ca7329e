//! The side panels' pure logic, in headless Chromium: layout geometry, who sits where, actor
//! ordering, the bodies of `override_layout` and `dial`, times, the event log's filter.

use super::dial::DialFields;
use super::event_log::is_frequent;
use super::geometry::*;
use super::hms;
use super::layout::{override_request, AudienceChoice};
use huikong_protocol::{Audience, Role, LAYOUTS};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn covered(g: &Grid) -> Vec<Vec<u8>> {
    let mut cells = vec![vec![0u8; g.cols as usize]; g.rows as usize];
    for t in &g.tiles {
        for r in t.row..t.row + t.h {
            for c in t.col..t.col + t.w {
                cells[r as usize][c as usize] += 1;
            }
        }
    }
    cells
}

#[wasm_bindgen_test]
fn each_layout_has_its_tiles_main_first_inside_the_grid_without_overlap() {
    let expected = [
        ("1:0", 1, 1),
        ("4:0", 4, 4),
        ("1:7", 8, 1),
        ("1:21", 22, 1),
        ("2:21", 23, 2),
    ];
    for (view, tiles, mains) in expected {
        let g = layout_grid(view).unwrap();
        assert_eq!(g.tiles.len(), tiles, "{view}");
        assert_eq!(g.tiles.iter().filter(|t| t.main).count(), mains, "{view}");
        let first_thumb = g.tiles.iter().position(|t| !t.main).unwrap_or(tiles);
        assert!(
            g.tiles[first_thumb..].iter().all(|t| !t.main),
            "{view}: mains first"
        );
        for t in &g.tiles {
            assert!(t.w > 0 && t.h > 0, "{view}");
            assert!(
                t.col + t.w <= g.cols && t.row + t.h <= g.rows,
                "{view}: {t:?}"
            );
        }
        let cells = covered(&g);
        assert!(
            cells.iter().flatten().all(|&n| n <= 1),
            "{view}: tiles overlap"
        );
        assert_eq!(capacity(view), Some(tiles));
    }
    assert_eq!(LAYOUTS.len(), expected.len());
    assert!(LAYOUTS.iter().all(|l| layout_grid(l).is_some()));
}

#[wasm_bindgen_test]
fn main_tiles_are_larger_than_thumbnails() {
    for view in ["1:7", "1:21", "2:21"] {
        let g = layout_grid(view).unwrap();
        let area = |t: &Tile| t.w * t.h;
        let smallest_main = g.tiles.iter().filter(|t| t.main).map(area).min().unwrap();
        let largest_thumb = g.tiles.iter().filter(|t| !t.main).map(area).max().unwrap();
        assert!(smallest_main > largest_thumb * 4, "{view}");
    }
    let g = layout_grid("1:7").unwrap();
    assert_eq!(
        (g.tiles[0].grid_column(), g.tiles[0].grid_row()),
        ("3 / span 10".to_owned(), "1 / span 3".to_owned())
    );
    assert_eq!(
        (g.tiles[7].grid_column(), g.tiles[7].grid_row()),
        ("13 / span 2".to_owned(), "4 / span 1".to_owned())
    );
}

#[wasm_bindgen_test]
fn an_unknown_layout_gets_a_square_grid_with_a_tile_per_participant() {
    assert_eq!(layout_grid("3:3"), None);
    assert_eq!(capacity("3:3"), None);
    let g = grid_for("3:3", 5);
    assert_eq!((g.cols, g.rows, g.tiles.len()), (3, 2, 5));
    assert!(g.tiles[0].main && !g.tiles[1].main);
    let g = grid_for("", 0);
    assert_eq!((g.cols, g.rows, g.tiles.len()), (1, 1, 1));
    assert_eq!(grid_for(" 4:0 ", 9).tiles.len(), 4);
}

#[wasm_bindgen_test]
fn participants_fill_tiles_in_order_and_extra_ones_are_off_screen() {
    let people = ["a", "b", "c"];
    assert_eq!(
        assign(4, &people),
        vec![Some("a"), Some("b"), Some("c"), None]
    );
    assert_eq!(assign(2, &people), vec![Some("a"), Some("b")]);
    assert_eq!(assign::<&str>(1, &[]), vec![None]);
}

fn v(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

#[wasm_bindgen_test]
fn actors_are_added_once_moved_within_bounds_and_removed() {
    let mut a = Vec::new();
    assert!(add_actor(&mut a, "x"));
    assert!(add_actor(&mut a, "y"));
    assert!(add_actor(&mut a, "z"));
    assert!(!add_actor(&mut a, "y"), "no duplicates");
    assert!(!add_actor(&mut a, ""), "no empty uuid");
    assert_eq!(a, v(&["x", "y", "z"]));
    assert!(move_actor(&mut a, "z", true));
    assert_eq!(a, v(&["x", "z", "y"]));
    assert!(move_actor(&mut a, "x", false));
    assert_eq!(a, v(&["z", "x", "y"]));
    assert!(!move_actor(&mut a, "z", true), "first cannot go up");
    assert!(!move_actor(&mut a, "y", false), "last cannot go down");
    assert!(!move_actor(&mut a, "w", true), "absent");
    assert_eq!(a, v(&["z", "x", "y"]));
    assert!(remove_actor(&mut a, "x"));
    assert!(!remove_actor(&mut a, "x"));
    assert_eq!(a, v(&["z", "y"]));
    assert!(prune_actors(&mut a, |u| u == "y"));
    assert_eq!(a, v(&["y"]));
    assert!(!prune_actors(&mut a, |_| true));
}

#[wasm_bindgen_test]
fn layout_override_body_per_audience_with_plus_n_as_the_platform_takes_it() {
    let actors = v(&["u1", "u2"]);
    let req = override_request(AudienceChoice::Both, "2:21", &actors, false).unwrap();
    assert_eq!(req.layouts.len(), 2);
    assert_eq!(req.layouts[0].audience, Audience::Hosts);
    assert_eq!(req.layouts[1].audience, Audience::Guests);
    let json = serde_json::to_value(&req).unwrap();
    assert_eq!(json["layouts"][0]["audience"], "hosts");
    assert_eq!(json["layouts"][1]["audience"], "");
    assert_eq!(
        json["layouts"][0]["actors"],
        serde_json::json!(["u1", "u2"])
    );
    assert_eq!(json["layouts"][0]["plus_n"], "off");
    assert_eq!(json["layouts"][0]["vad_backfill"], false);
    assert_eq!(json["layouts"][0]["layout"], "2:21");
    assert_eq!(json["layouts"][0]["actors_overlay_text"], "auto");

    let req = override_request(AudienceChoice::Guests, "1:0", &[], true).unwrap();
    assert_eq!(req.layouts.len(), 1);
    assert_eq!(req.layouts[0].audience, Audience::Guests);
    assert_eq!(req.layouts[0].plus_n, "auto");
    assert!(override_request(AudienceChoice::Hosts, "3:3", &[], true).is_err());
    assert_eq!(AudienceChoice::parse("hosts"), AudienceChoice::Hosts);
    assert_eq!(AudienceChoice::parse("guests"), AudienceChoice::Guests);
    assert_eq!(AudienceChoice::parse("both"), AudienceChoice::Both);
}

fn fields(destination: &str, protocol: &str) -> DialFields {
    DialFields {
        destination: destination.into(),
        protocol: protocol.into(),
        role: "guest".into(),
        ..DialFields::default()
    }
}

#[wasm_bindgen_test]
fn dial_body_leaves_out_empty_optional_fields() {
    let req = fields(" bob@example.com ", "sip").request().unwrap();
    assert_eq!(
        serde_json::to_value(&req).unwrap(),
        serde_json::json!({"role": "guest", "destination": "bob@example.com", "protocol": "sip"})
    );
}

#[wasm_bindgen_test]
fn dial_body_carries_every_field_given() {
    let f = DialFields {
        destination: "rtmp://live.example/app/key".into(),
        protocol: "rtmp".into(),
        role: "chair".into(),
        call_type: "video-only".into(),
        streaming: true,
        presentation_url: "rtmp://live.example/app/slides".into(),
        dtmf: "12#a".into(),
        source_display_name: "Board room".into(),
        source: "1061".into(),
        remote_display_name: "Live stream".into(),
        keep_alive: "keep_conference_alive_never".into(),
    };
    let req = f.request().unwrap();
    assert_eq!(req.role, Role::Host);
    let json = serde_json::to_value(&req).unwrap();
    assert_eq!(json["role"], "chair");
    assert_eq!(json["streaming"], "yes");
    assert_eq!(json["call_type"], "video-only");
    assert_eq!(json["presentation_url"], "rtmp://live.example/app/slides");
    assert_eq!(json["dtmf_sequence"], "12#A");
    assert_eq!(json["source_display_name"], "Board room");
    assert_eq!(json["source"], "1061");
    assert_eq!(json["remote_display_name"], "Live stream");
    assert_eq!(json["keep_conference_alive"], "keep_conference_alive_never");
}

#[wasm_bindgen_test]
fn dial_refuses_what_the_platform_would_refuse() {
    assert!(fields("  ", "sip").request().is_err());
    assert!(fields("bob", "skype").request().is_err());
    let mut f = fields("bob", "h323");
    f.dtmf = "12x".into();
    assert!(f.request().is_err());
    let mut f = fields("bob", "auto");
    f.call_type = "hologram".into();
    assert!(f.request().is_err());
}

#[wasm_bindgen_test]
fn times_and_the_event_log_filter() {
    assert_eq!(hms(9, 5, 3), "09:05:03");
    assert_eq!(hms(23, 59, 59), "23:59:59");
    assert_eq!(super::clock_time(0.0).len(), 8);
    assert!(is_frequent("stage") && is_frequent("presentation_frame"));
    assert!(!is_frequent("message") && !is_frequent("participant_create"));
}
