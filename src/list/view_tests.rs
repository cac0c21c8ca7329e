//! The list's order kept incrementally: after any sequence of placements it is what sorting
//! everyone again would give.

use super::{Basis, ListView, SortKey};
use crate::list::filter::{Flags, TimeFilters};
use crate::list::query::{SortBy, StateFilter};
use huikong_protocol::{Participant, RxPresentationPolicy, ServiceType};
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
        flags: Flags::default(),
        on_stage: false,
        times: TimeFilters::default(),
        now: 0.0,
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

/// Now, for the time filters: some UNIX time well after the participants below joined.
const NOW: f64 = 1_700_000_000.0;

fn person(uuid: &str, joined_ago: f64) -> Participant {
    let mut p = Participant::new(uuid);
    p.display_name = uuid.to_uppercase();
    p.start_time = NOW - joined_ago;
    p
}

fn kept<'a>(b: &Basis, people: &'a [Participant]) -> Vec<&'a str> {
    people
        .iter()
        .filter(|p| b.keeps(p))
        .map(|p| p.uuid.as_str())
        .collect()
}

#[wasm_bindgen_test]
fn each_flag_filter_keeps_those_with_the_flag_and_several_keep_those_with_all() {
    let mut muted = person("muted", 60.0);
    muted.is_muted = true;
    let mut presenter = person("presenter", 60.0);
    presenter.is_presenting = true;
    let mut deaf = person("deaf", 60.0);
    deaf.rx_presentation_policy = RxPresentationPolicy::Deny;
    deaf.is_muted = true;
    let plain = person("plain", 60.0);
    let people = [muted, presenter, deaf, plain];
    let mut b = basis(SortBy::Join);
    assert_eq!(kept(&b, &people), ["muted", "presenter", "deaf", "plain"]);
    b.flags = Flags {
        muted: true,
        ..Flags::default()
    };
    assert_eq!(kept(&b, &people), ["muted", "deaf"]);
    b.flags = Flags {
        presenting: true,
        ..Flags::default()
    };
    assert_eq!(kept(&b, &people), ["presenter"]);
    b.flags = Flags {
        no_presentation: true,
        ..Flags::default()
    };
    assert_eq!(kept(&b, &people), ["deaf"]);
    b.flags = Flags {
        muted: true,
        no_presentation: true,
        presenting: false,
    };
    assert_eq!(b.flags.count(), 2);
    assert_eq!(kept(&b, &people), ["deaf"]);
    // With the search as well: both must hold.
    b.search = "mut".into();
    assert!(kept(&b, &people).is_empty());
}

#[wasm_bindgen_test]
fn the_stage_filter_keeps_those_on_the_stage() {
    let people = [person("a", 1.0), person("b", 1.0), person("c", 1.0)];
    let mut b = basis(SortBy::Join);
    b.on_stage = true;
    b.stage = vec![("c".into(), 0, 100), ("a".into(), 1, 0)];
    assert_eq!(kept(&b, &people), ["a", "c"]);
    b.stage.clear();
    assert!(kept(&b, &people).is_empty());
}

#[wasm_bindgen_test]
fn the_time_filters_measure_from_the_clock_they_are_given() {
    let mut long_wait = person("long-wait", 11.0 * 60.0);
    long_wait.service_type = ServiceType::WaitingRoom;
    let mut short_wait = person("short-wait", 4.0 * 60.0);
    short_wait.service_type = ServiceType::Ivr;
    let old = person("old", 45.0 * 60.0);
    let recent = person("recent", 30.0);
    let mut unknown = person("unknown", 0.0);
    unknown.start_time = 0.0;
    let people = [long_wait, short_wait, old, recent, unknown];
    let mut b = basis(SortBy::Join);
    b.now = NOW;
    b.times = TimeFilters {
        waiting_over: 5,
        joined_within: 0,
    };
    assert_eq!(kept(&b, &people), ["long-wait"]);
    b.times.waiting_over = 1;
    assert_eq!(kept(&b, &people), ["long-wait", "short-wait"]);
    b.times = TimeFilters {
        waiting_over: 0,
        joined_within: 5,
    };
    assert_eq!(kept(&b, &people), ["short-wait", "recent"]);
    // A minute later the one who joined 30 s ago is past a one-minute window.
    b.times.joined_within = 1;
    assert_eq!(kept(&b, &people), ["recent"]);
    b.now = NOW + 60.0;
    assert!(kept(&b, &people).is_empty());
    // Someone who joined after the clock's last tick counts as just joined, not waiting long.
    b.now = NOW - 120.0;
    assert_eq!(kept(&b, &people), ["recent"]);
    assert_eq!(b.times.count(), 1);
}
