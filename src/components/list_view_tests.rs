//! The list's order kept incrementally: after any sequence of placements it is what sorting
//! everyone again would give.

use super::{Basis, ListView, SortKey};
use crate::components::list_query::{SortBy, StateFilter};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn basis(by: SortBy) -> Basis {
    Basis {
        search: String::new(),
        state: StateFilter::All,
        role: None,
        protocol: String::new(),
        by,
        stage: Vec::new(),
    }
}

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

#[wasm_bindgen_test]
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

#[wasm_bindgen_test]
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
