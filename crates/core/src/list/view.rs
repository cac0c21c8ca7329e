//! The participant list's order, kept between changes: sorted once when the query changes or a
//! sync replaces everyone, then on each frame's batch only the participants it touched are taken
//! out and put back where their key now places them (a binary search), or left out when the
//! filter no longer keeps them. Pure data over keys and uuids, so it is tested natively. The top
//! of the list's layers: builds on [`crate::list::filter`] and [`crate::list::sort`].

use crate::list::filter::Basis;
use crate::list::sort::{compare, SortKey};
use std::cmp::Ordering;
use std::collections::HashMap;

/// The uuids the list shows, in its order, with the key each was placed by.
#[derive(Debug, Clone)]
pub struct ListView {
    pub basis: Basis,
    /// The roster revision (`Store::roster_rev`) the list is up to date with.
    pub rev: u64,
    rows: Vec<(SortKey, String)>,
    keys: HashMap<String, SortKey>,
}

impl ListView {
    /// Everyone `items` holds (the filter already applied), sorted.
    pub fn new(basis: Basis, rev: u64, items: Vec<(String, SortKey)>) -> ListView {
        let by = basis.by;
        let mut rows: Vec<(SortKey, String)> = items.into_iter().map(|(u, k)| (k, u)).collect();
        rows.sort_unstable_by(|a, b| compare(by, &a.0, &b.0));
        let keys = rows.iter().map(|(k, u)| (u.clone(), k.clone())).collect();
        ListView {
            basis,
            rev,
            rows,
            keys,
        }
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The uuid at `index` in the list's order.
    pub fn get(&self, index: usize) -> Option<&str> {
        self.rows.get(index).map(|(_, u)| u.as_str())
    }

    /// The uuids from `first` to `end` (exclusive), clamped to the list.
    pub fn slice(&self, first: usize, end: usize) -> Vec<String> {
        let end = end.min(self.rows.len());
        self.rows[first.min(end)..end]
            .iter()
            .map(|(_, u)| u.clone())
            .collect()
    }

    /// Where `uuid` is in the list, if it is shown.
    pub fn position(&self, uuid: &str) -> Option<usize> {
        let key = self.keys.get(uuid)?;
        self.rows
            .binary_search_by(|(k, _)| compare(self.basis.by, k, key))
            .ok()
    }

    /// Puts `uuid` where `key` places it, or takes it out with `None` (filtered out, or left).
    /// Whether the list's order or membership changed.
    pub fn place(&mut self, uuid: &str, key: Option<SortKey>) -> bool {
        if self.keys.get(uuid) == key.as_ref() {
            return false;
        }
        let by = self.basis.by;
        let was = self.position(uuid);
        if let Some(i) = was {
            self.rows.remove(i);
            self.keys.remove(uuid);
        }
        let now = key.map(|key| {
            let at = self
                .rows
                .partition_point(|(k, _)| compare(by, k, &key) == Ordering::Less);
            self.keys.insert(uuid.to_owned(), key.clone());
            self.rows.insert(at, (key, uuid.to_owned()));
            at
        });
        was != now
    }
}

/// The list's order kept incrementally: after any sequence of placements it is what sorting
/// everyone again would give.
#[cfg(test)]
mod tests {
    use super::*;
    use crate::list::filter::tests::basis;
    use crate::list::sort::SortBy;

    fn key(start: f64, name: &str, arrival: u64) -> SortKey {
        SortKey {
            speaking: false,
            stage_index: u32::MAX,
            start,
            name: name.into(),
            arrival,
        }
    }

    fn uuids(v: &ListView) -> Vec<String> {
        v.slice(0, v.len())
    }

    #[test]
    fn a_moved_participant_goes_to_its_sorted_place_and_no_other_moves() {
        let items = vec![
            ("c".to_string(), key(3.0, "carol", 2)),
            ("a".to_string(), key(1.0, "alice", 0)),
            ("b".to_string(), key(2.0, "bob", 1)),
        ];
        let mut v = ListView::new(basis(SortBy::Join), 7, items);
        assert_eq!(uuids(&v), ["a", "b", "c"]);
        assert_eq!(v.position("b"), Some(1));
        // A later start moves a to the end.
        assert!(v.place("a", Some(key(4.0, "alice", 0))));
        assert_eq!(uuids(&v), ["b", "c", "a"]);
        // A name change under the join sort moves nobody: the list is unchanged.
        assert!(!v.place("b", Some(key(2.0, "bobby", 1))));
        assert!(!v.place("b", Some(key(2.0, "bobby", 1))));
        // Filtered out, then a newcomer, then someone who left.
        assert!(v.place("c", None));
        assert!(v.place("d", Some(key(2.0, "dave", 3))));
        assert_eq!(uuids(&v), ["b", "d", "a"]);
        assert!(!v.place("zz", None));
        assert_eq!(v.position("c"), None);
        assert_eq!(v.get(1), Some("d"));
        assert_eq!(v.slice(1, 99), ["d", "a"]);
    }

    #[test]
    fn placements_one_by_one_give_what_sorting_everyone_gives() {
        // A small deterministic generator, so a failure replays.
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        for by in [SortBy::Join, SortBy::Name, SortBy::Speaking] {
            let mut truth: Vec<Option<SortKey>> = vec![None; 60];
            let mut v = ListView::new(basis(by), 0, Vec::new());
            for _ in 0..2000 {
                let who = next(60) as usize;
                let k = (next(4) > 0).then(|| SortKey {
                    speaking: next(3) == 0,
                    stage_index: next(5) as u32,
                    start: next(10) as f64,
                    name: format!("n{}", next(10)),
                    arrival: who as u64,
                });
                v.place(&who.to_string(), k.clone());
                truth[who] = k;
            }
            let items = truth
                .iter()
                .enumerate()
                .filter_map(|(i, k)| k.clone().map(|k| (i.to_string(), k)))
                .collect();
            let again = ListView::new(basis(by), 0, items);
            assert_eq!(uuids(&v), uuids(&again), "{by:?}");
            for (i, u) in uuids(&v).iter().enumerate() {
                assert_eq!(v.position(u), Some(i));
            }
        }
    }
}
