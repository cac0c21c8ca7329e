//! Which participants changed in what the list filters, sorts or ranks by, revision by revision,
//! so that a view can reposition those few instead of recomputing all of them. Pure: the writer
//! records, views ask.

use std::collections::{HashSet, VecDeque};

/// How many touches the journal keeps; a view further behind recomputes everything.
const KEEP: usize = 4096;

/// One participant touched, or everyone (a sync replaced the list).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Touch {
    One(String),
    All,
}

/// The touches of recent roster revisions, oldest first.
#[derive(Debug, Clone, Default)]
pub struct RosterJournal {
    entries: VecDeque<(u64, Touch)>,
    /// Revisions up to this one are no longer fully known.
    forgotten: u64,
}

impl RosterJournal {
    /// Notes a touch that revision `rev` brings.
    pub fn record(&mut self, rev: u64, touch: Touch) {
        if touch == Touch::All {
            // Everything before an `All` says nothing more than it.
            self.entries.clear();
        }
        self.entries.push_back((rev, touch));
        while self.entries.len() > KEEP {
            if let Some((old, _)) = self.entries.pop_front() {
                self.forgotten = self.forgotten.max(old);
            }
        }
    }

    /// The participants touched after revision `seen`, each once, in the order first touched;
    /// `None` when everyone must be looked at again: a sync came, or the journal no longer
    /// reaches back to `seen`.
    pub fn since(&self, seen: u64) -> Option<Vec<String>> {
        if seen < self.forgotten {
            return None;
        }
        let mut once = HashSet::new();
        let mut touched = Vec::new();
        for (rev, touch) in &self.entries {
            if *rev <= seen {
                continue;
            }
            match touch {
                Touch::All => return None,
                Touch::One(uuid) => {
                    if once.insert(uuid.as_str()) {
                        touched.push(uuid.clone());
                    }
                }
            }
        }
        Some(touched)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(u: &str) -> Touch {
        Touch::One(u.into())
    }

    #[test]
    fn a_view_learns_who_changed_since_the_revision_it_saw() {
        let mut j = RosterJournal::default();
        j.record(1, one("a"));
        j.record(2, one("b"));
        j.record(2, one("a"));
        j.record(3, one("c"));
        assert_eq!(j.since(0), Some(vec!["a".into(), "b".into(), "c".into()]));
        assert_eq!(j.since(1), Some(vec!["b".into(), "a".into(), "c".into()]));
        assert_eq!(j.since(3), Some(vec![]));
    }

    #[test]
    fn a_sync_or_a_view_too_far_behind_means_everyone() {
        let mut j = RosterJournal::default();
        j.record(1, one("a"));
        j.record(2, Touch::All);
        j.record(3, one("b"));
        assert_eq!(j.since(1), None);
        assert_eq!(j.since(2), Some(vec!["b".into()]));
        for n in 0..KEEP as u64 + 10 {
            j.record(4 + n, one("x"));
        }
        assert_eq!(j.since(3), None);
        assert_eq!(j.since(4 + KEEP as u64 + 9), Some(vec![]));
    }
}
