//! Pure logic of the layout panel: where each tile of a layout sits on screen, who fills which
//! tile, and the ordering of the chosen actors. Kept apart from the views so it can be tested
//! without a page.

/// One tile of a layout, in grid cells (0-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tile {
    pub col: u16,
    pub row: u16,
    pub w: u16,
    pub h: u16,
    /// A main speaker's tile (large), rather than a thumbnail.
    pub main: bool,
}

impl Tile {
    /// The CSS grid placement of the tile.
    /// The tile's `grid-column` value.
    pub fn grid_column(&self) -> String {
        format!("{} / span {}", self.col + 1, self.w)
    }

    /// The tile's `grid-row` value.
    pub fn grid_row(&self) -> String {
        format!("{} / span {}", self.row + 1, self.h)
    }
}

/// A layout as a grid of `cols` x `rows` cells holding its tiles, main tiles first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grid {
    pub cols: u16,
    pub rows: u16,
    pub tiles: Vec<Tile>,
}

fn tile(col: u16, row: u16, w: u16, h: u16, main: bool) -> Tile {
    Tile {
        col,
        row,
        w,
        h,
        main,
    }
}

/// `count` thumbnails of `w` x 1 cells, `per_row` to a row, rows from `first_row` on.
fn thumbnails(count: u16, per_row: u16, w: u16, first_row: u16) -> impl Iterator<Item = Tile> {
    (0..count).map(move |i| tile((i % per_row) * w, first_row + i / per_row, w, 1, false))
}

/// The picture of one of the five layouts the platform takes (`huikong_protocol::LAYOUTS`):
/// the main speakers large on top, earlier speakers as thumbnails below, as the platform
/// describes them ("1:7 - 主讲人+至多 7 个以往的发言者").
pub fn layout_grid(view: &str) -> Option<Grid> {
    let grid = match view.trim() {
        "1:0" => Grid {
            cols: 1,
            rows: 1,
            tiles: vec![tile(0, 0, 1, 1, true)],
        },
        "4:0" => Grid {
            cols: 2,
            rows: 2,
            tiles: (0..4).map(|i| tile(i % 2, i / 2, 1, 1, true)).collect(),
        },
        "1:7" => Grid {
            cols: 14,
            rows: 4,
            tiles: std::iter::once(tile(2, 0, 10, 3, true))
                .chain(thumbnails(7, 7, 2, 3))
                .collect(),
        },
        "1:21" => Grid {
            cols: 14,
            rows: 6,
            tiles: std::iter::once(tile(2, 0, 10, 3, true))
                .chain(thumbnails(21, 7, 2, 3))
                .collect(),
        },
        "2:21" => Grid {
            cols: 14,
            rows: 6,
            tiles: [tile(0, 0, 7, 3, true), tile(7, 0, 7, 3, true)]
                .into_iter()
                .chain(thumbnails(21, 7, 2, 3))
                .collect(),
        },
        _ => return None,
    };
    Some(grid)
}

/// How many participants a layout shows, if it is one of the five.
pub fn capacity(view: &str) -> Option<usize> {
    layout_grid(view).map(|g| g.tiles.len())
}

/// The picture of a layout the console does not know (a newer platform may send one): a
/// near-square grid with a tile for each participant shown, at least one.
pub fn fallback_grid(shown: usize) -> Grid {
    let n = shown.max(1) as u16;
    let cols = (1..=n).find(|c| c * c >= n).unwrap_or(1);
    let rows = n.div_ceil(cols);
    Grid {
        cols,
        rows,
        tiles: (0..n)
            .map(|i| tile(i % cols, i / cols, 1, 1, i == 0))
            .collect(),
    }
}

/// The grid to draw for a `layout` event: the named layout, or a fallback sized to the list.
pub fn grid_for(view: &str, shown: usize) -> Grid {
    layout_grid(view).unwrap_or_else(|| fallback_grid(shown))
}

/// Who sits in which tile: the list in order (first speaker in the first main tile), `None`
/// for tiles left empty. Participants beyond the tiles are not on screen.
pub fn assign<T: Clone>(tiles: usize, shown: &[T]) -> Vec<Option<T>> {
    (0..tiles).map(|i| shown.get(i).cloned()).collect()
}

/// Adds an actor at the end, once.
pub fn add_actor(actors: &mut Vec<String>, uuid: &str) -> bool {
    if uuid.is_empty() || actors.iter().any(|a| a == uuid) {
        return false;
    }
    actors.push(uuid.to_owned());
    true
}

pub fn remove_actor(actors: &mut Vec<String>, uuid: &str) -> bool {
    let before = actors.len();
    actors.retain(|a| a != uuid);
    actors.len() != before
}

/// Moves an actor one place earlier (`up`) or later; false at either end or if absent.
pub fn move_actor(actors: &mut [String], uuid: &str, up: bool) -> bool {
    let Some(i) = actors.iter().position(|a| a == uuid) else {
        return false;
    };
    let j = if up {
        match i.checked_sub(1) {
            Some(j) => j,
            None => return false,
        }
    } else if i + 1 < actors.len() {
        i + 1
    } else {
        return false;
    };
    actors.swap(i, j);
    true
}

/// Drops actors who left the meeting, keeping the order of the rest.
pub fn prune_actors(actors: &mut Vec<String>, present: impl Fn(&str) -> bool) -> bool {
    let before = actors.len();
    actors.retain(|a| present(a));
    actors.len() != before
}
