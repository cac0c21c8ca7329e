//! The virtualised list's arithmetic: which rows are rendered, where a scroll to a row goes,
//! where a key moves the focus. Numbers in, numbers out (the console reads the scroll position,
//! the viewport and the row height from the DOM and passes them), so it is tested natively.

/// Rows rendered above and below the viewport, so a quick scroll shows rows, not a gap.
pub const OVERSCAN: usize = 10;

/// The rows `first..end` (0-based, `end` exclusive) to render for a viewport `height` pixels
/// tall scrolled to `top`, out of `len` rows of `row` pixels each.
pub fn window_range(top: f64, height: f64, row: f64, len: usize) -> (usize, usize) {
    if len == 0 || row <= 0.0 {
        return (0, 0);
    }
    let first_seen = (top.max(0.0) / row).floor() as usize;
    let last_seen = ((top.max(0.0) + height.max(0.0)) / row).ceil() as usize;
    let first = first_seen.saturating_sub(OVERSCAN).min(len);
    let end = (last_seen + OVERSCAN).min(len).max(first);
    (first, end)
}

/// The scroll position that brings row `index` fully into a viewport `height` tall now at `top`.
pub fn scroll_for(index: usize, top: f64, height: f64, row: f64) -> f64 {
    let row_top = index as f64 * row;
    if row_top < top {
        row_top
    } else if row_top + row > top + height {
        (row_top + row - height).max(0.0)
    } else {
        top
    }
}

/// Where a key moves the focus from row `at` in a list of `len` with `page` rows in view.
pub fn key_target(key: &str, at: Option<usize>, len: usize, page: usize) -> Option<usize> {
    if len == 0 {
        return None;
    }
    let last = len - 1;
    let at = match (key, at) {
        ("ArrowDown" | "ArrowUp" | "PageDown" | "PageUp", None) => return Some(0),
        (_, Some(a)) => a.min(last),
        (_, None) => 0,
    };
    Some(match key {
        "ArrowDown" => (at + 1).min(last),
        "ArrowUp" => at.saturating_sub(1),
        "PageDown" => (at + page.max(1)).min(last),
        "PageUp" => at.saturating_sub(page.max(1)),
        "Home" => 0,
        "End" => last,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
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

    #[test]
    fn scrolling_to_a_row_moves_only_as_far_as_needed() {
        // In view already: stay.
        assert_eq!(scroll_for(3, 0.0, 500.0, 50.0), 0.0);
        // Below: the row's bottom edge meets the view's.
        assert_eq!(scroll_for(20, 0.0, 500.0, 50.0), 550.0);
        // Above: the row's top edge meets the view's.
        assert_eq!(scroll_for(2, 1000.0, 500.0, 50.0), 100.0);
    }

    #[test]
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
}
