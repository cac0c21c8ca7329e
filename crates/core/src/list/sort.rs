//! What the participant list sorts by, and how two participants compare: pure data and total
//! orders with no signal or browser in them, the lowest layer of the list (the filter and the
//! view build on it).

use std::cmp::Ordering;
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortBy {
    Speaking,
    Join,
    Name,
}

impl SortBy {
    /// The sort select's value for it.
    pub fn as_str(self) -> &'static str {
        match self {
            SortBy::Speaking => "speaking",
            SortBy::Join => "join",
            SortBy::Name => "name",
        }
    }

    /// The sort for a select's value; anything else sorts by join time.
    pub fn parse(s: &str) -> SortBy {
        match s {
            "speaking" => SortBy::Speaking,
            "name" => SortBy::Name,
            _ => SortBy::Join,
        }
    }
}

/// What the list sorts one participant by; only the fields its sort needs are filled.
#[derive(Debug, Clone, PartialEq)]
pub struct SortKey {
    pub speaking: bool,
    pub stage_index: u32,
    pub start: f64,
    /// In lower case, for the name sort.
    pub name: String,
    /// The place in arrival order: the last tie-breaker, unique, so every key has one place.
    pub arrival: u64,
}

/// How `a` and `b` compare under the sort `by`; ties broken by arrival, so never `Equal` for
/// two participants.
pub fn compare(by: SortBy, a: &SortKey, b: &SortKey) -> Ordering {
    match by {
        SortBy::Speaking => b
            .speaking
            .cmp(&a.speaking)
            .then(a.stage_index.cmp(&b.stage_index))
            .then(a.start.total_cmp(&b.start)),
        SortBy::Join => a.start.total_cmp(&b.start),
        SortBy::Name => a.name.cmp(&b.name),
    }
    .then(a.arrival.cmp(&b.arrival))
}

/// The spotlight order: uuid to its place (1 = first spotlit, the main position). Each spot is
/// (spotlight time, arrival, uuid): the arrival breaks ties of the same second as the platform
/// does. Sorted unstably on the whole key, so the console carries one sort routine the less.
pub fn spotlight_order(spots: &mut [(f64, u64, String)]) -> HashMap<String, usize> {
    spots.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    spots
        .iter()
        .enumerate()
        .map(|(i, (_, _, u))| (u.clone(), i + 1))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use huikong_protocol::Participant;

    #[test]
    fn spotlight_order_follows_request_time() {
        let mut v = vec![
            (30.0, 0, "c".to_string()),
            (10.0, 1, "a".to_string()),
            (20.0, 2, "b".to_string()),
        ];
        let o = spotlight_order(&mut v);
        assert_eq!((o["a"], o["b"], o["c"]), (1, 2, 3));
        // Two in the same second: the one who came first holds the earlier place.
        let mut v = vec![(10.0, 1, "a".to_string()), (10.0, 0, "z".to_string())];
        let o = spotlight_order(&mut v);
        assert_eq!((o["z"], o["a"]), (1, 2));
        let mut p = Participant::new("u1");
        assert_eq!(p.shown_name(), "u1");
        p.uri = "sip:x".into();
        assert_eq!(p.shown_name(), "sip:x");
    }
}
