//! Redialling the dropped (断线重呼): a listed venue that leaves without the console having
//! disconnected or transferred it, or whose call fails, is called again after each delay of the
//! schedule in turn (10, 30 and 60 seconds by default: at most three tries), then given up.
//! A venue that comes back, or that the operator cancels or removes, is not redialled.

use std::collections::HashMap;

/// The default schedule, in seconds.
pub const DEFAULT_DELAYS: [u32; 3] = [10, 30, 60];
/// At most this many tries, each at most this many seconds later (`config.json`'s `redial`).
pub const MAX_TRIES: usize = 10;
pub const MAX_DELAY: u32 = 3600;

/// A try waiting for its time.
#[derive(Debug, Clone, PartialEq)]
pub struct Pending {
    /// 1-based.
    pub attempt: usize,
    pub of: usize,
    /// Unix seconds.
    pub due: f64,
}

/// What a loss led to.
#[derive(Debug, Clone, PartialEq)]
pub enum Next {
    Scheduled(Pending),
    /// Every try failed.
    GaveUp {
        tries: usize,
    },
}

/// The venues waiting to be redialled and the tries each has had, by key.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Redial {
    pending: HashMap<String, Pending>,
    tries: HashMap<String, usize>,
}

impl Redial {
    /// The venue `key` dropped, or its call failed: its next try, or the end of them.
    pub fn lost(&mut self, key: &str, now: f64, delays: &[u32]) -> Option<Next> {
        if delays.is_empty() {
            return None;
        }
        let tried = self.tries.get(key).copied().unwrap_or(0);
        if tried >= delays.len() {
            self.tries.remove(key);
            self.pending.remove(key);
            return Some(Next::GaveUp { tries: tried });
        }
        let p = Pending {
            attempt: tried + 1,
            of: delays.len(),
            due: now + f64::from(delays[tried]),
        };
        self.pending.insert(key.to_owned(), p.clone());
        Some(Next::Scheduled(p))
    }

    /// The venue is back: nothing waits for it, and its tries start again.
    pub fn back(&mut self, key: &str) -> bool {
        self.tries.remove(key);
        self.pending.remove(key).is_some()
    }

    /// The operator cancelled it (or removed the venue): same as back.
    pub fn cancel(&mut self, key: &str) -> bool {
        self.back(key)
    }

    /// Cancels everything (the global switch turned off).
    pub fn clear(&mut self) {
        self.pending.clear();
        self.tries.clear();
    }

    /// The tries due at `now`, taken off the waiting list and counted.
    pub fn due(&mut self, now: f64) -> Vec<(String, usize)> {
        let mut due: Vec<(String, usize)> = self
            .pending
            .iter()
            .filter(|(_, p)| p.due <= now)
            .map(|(k, p)| (k.clone(), p.attempt))
            .collect();
        due.sort();
        for (k, attempt) in &due {
            self.pending.remove(k);
            self.tries.insert(k.clone(), *attempt);
        }
        due
    }

    pub fn pending(&self, key: &str) -> Option<&Pending> {
        self.pending.get(key)
    }

    /// Whether a try is due at `now`.
    pub fn any_due(&self, now: f64) -> bool {
        self.pending.values().any(|p| p.due <= now)
    }

    pub fn is_idle(&self) -> bool {
        self.pending.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dropped_venue_is_tried_after_each_delay_then_given_up() {
        let mut r = Redial::default();
        let d = DEFAULT_DELAYS;
        assert_eq!(
            r.lost("a", 100.0, &d),
            Some(Next::Scheduled(Pending {
                attempt: 1,
                of: 3,
                due: 110.0
            }))
        );
        assert!(r.due(109.0).is_empty());
        assert_eq!(r.due(110.0), [("a".to_owned(), 1)]);
        assert!(r.is_idle(), "taken off while it rings");
        let Some(Next::Scheduled(p)) = r.lost("a", 140.0, &d) else {
            panic!("a second try")
        };
        assert_eq!((p.attempt, p.due), (2, 170.0));
        r.due(170.0);
        let Some(Next::Scheduled(p)) = r.lost("a", 200.0, &d) else {
            panic!("a third try")
        };
        assert_eq!((p.attempt, p.due), (3, 260.0));
        r.due(260.0);
        assert_eq!(r.lost("a", 300.0, &d), Some(Next::GaveUp { tries: 3 }));
        assert_eq!(r.lost("a", 400.0, &[]), None, "off: nothing");
    }

    #[test]
    fn a_venue_that_comes_back_or_is_cancelled_is_not_redialled_and_starts_again() {
        let mut r = Redial::default();
        r.lost("a", 0.0, &DEFAULT_DELAYS);
        r.due(10.0);
        r.lost("a", 20.0, &DEFAULT_DELAYS);
        assert!(r.back("a"));
        assert!(r.due(1000.0).is_empty());
        let Some(Next::Scheduled(p)) = r.lost("a", 2000.0, &DEFAULT_DELAYS) else {
            panic!()
        };
        assert_eq!(p.attempt, 1, "the tries start again");
        assert!(r.cancel("a"));
        assert!(r.due(5000.0).is_empty());
    }
}
