//! The virtualised list's arithmetic: which rows are rendered, where a scroll to a row goes,
//! where a key moves the focus.

use super::{key_target, scroll_for, window_range, OVERSCAN};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn the_window_is_the_rows_in_view_plus_the_overscan_and_never_past_the_list() {
    // 10 rows of 50 px in view at the top of 5,000.
    assert_eq!(window_range(0.0, 500.0, 50.0, 5000), (0, 10 + OVERSCAN));
    // Scrolled to row 1,000: 10 rows of overscan each side.
    assert_eq!(
        window_range(50_000.0, 500.0, 50.0, 5000),
        (1000 - OVERSCAN, 1010 + OVERSCAN)
    );
    // At the end, the window stops at the last row.
    assert_eq!(
        window_range(249_500.0, 500.0, 50.0, 5000),
        (4990 - OVERSCAN, 5000)
    );
    // A short list is rendered whole; an empty one not at all.
    assert_eq!(window_range(0.0, 800.0, 50.0, 3), (0, 3));
    assert_eq!(window_range(0.0, 800.0, 50.0, 0), (0, 0));
    // A scroll position left over from a longer list does not produce a reversed range.
    let (first, end) = window_range(90_000.0, 500.0, 50.0, 10);
    assert!(first <= end && end <= 10);
}

#[wasm_bindgen_test]
fn scrolling_to_a_row_moves_only_as_far_as_needed() {
    // In view already: stay.
    assert_eq!(scroll_for(3, 0.0, 500.0, 50.0), 0.0);
    // Below: the row's bottom edge meets the view's.
    assert_eq!(scroll_for(20, 0.0, 500.0, 50.0), 550.0);
    // Above: the row's top edge meets the view's.
    assert_eq!(scroll_for(2, 1000.0, 500.0, 50.0), 100.0);
}

#[wasm_bindgen_test]
fn keys_move_the_focus_within_the_list() {
    assert_eq!(key_target("ArrowDown", Some(4), 10, 5), Some(5));
    assert_eq!(key_target("ArrowDown", Some(9), 10, 5), Some(9));
    assert_eq!(key_target("ArrowUp", Some(0), 10, 5), Some(0));
    assert_eq!(key_target("PageDown", Some(2), 10, 5), Some(7));
    assert_eq!(key_target("PageDown", Some(8), 10, 5), Some(9));
    assert_eq!(key_target("PageUp", Some(3), 10, 5), Some(0));
    assert_eq!(key_target("Home", Some(7), 10, 5), Some(0));
    assert_eq!(key_target("End", Some(1), 10, 5), Some(9));
    // From the list itself (no row focused yet) the arrows go to the first row.
    assert_eq!(key_target("ArrowDown", None, 10, 5), Some(0));
    // Other keys, and an empty list, are not the list's.
    assert_eq!(key_target("Enter", Some(1), 10, 5), None);
    assert_eq!(key_target("ArrowDown", None, 0, 5), None);
}
