//! Each venue's live status against the roster: online, calling, absent, failed (refused or
//! not answered, with the time) or left (with the time). What was seen before is remembered
//! here, per venue, so a venue that drops reads "left at 10:42", not "absent".

use super::address::Found;
use super::Venue;
use std::collections::HashMap;

/// A dialled participant gone within this many seconds of the dial was refused (busy,
/// rejected); one gone later was not answered (the platform gives up after 30 seconds).
pub const REFUSED_WITHIN: f64 = 3.0;

/// Seconds a dial's participant may take to appear: after that, with nothing seen, the call
/// counts as refused.
pub const DIAL_GRACE: f64 = 3.0;

/// Why a call failed.
#[derive(Debug, Clone, PartialEq)]
pub enum Why {
    /// The far end refused (busy) or the call ended at once.
    Refused,
    NoAnswer,
    /// The platform refused the dial itself, with its reason in the host's language.
    Platform(String),
}

/// Where a venue stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    /// In the meeting; `by_name` when matched only by the display name.
    Online {
        uuid: String,
        by_name: bool,
    },
    /// Ringing.
    Calling {
        uuid: String,
    },
    Absent,
    /// Unix seconds of the failure.
    Failed {
        at: f64,
        why: Why,
    },
    /// Unix seconds of the leave.
    Left {
        at: f64,
    },
}

impl Status {
    pub fn is_online(&self) -> bool {
        matches!(self, Status::Online { .. })
    }
    /// Neither in the meeting nor being called: what "call the absent" calls.
    pub fn is_absent(&self) -> bool {
        matches!(
            self,
            Status::Absent | Status::Failed { .. } | Status::Left { .. }
        )
    }
    pub fn uuid(&self) -> Option<&str> {
        match self {
            Status::Online { uuid, .. } | Status::Calling { uuid } => Some(uuid),
            _ => None,
        }
    }
    /// A stable code for styles and tests.
    pub fn code(&self) -> &'static str {
        match self {
            Status::Online { .. } => "online",
            Status::Calling { .. } => "calling",
            Status::Absent => "absent",
            Status::Failed { .. } => "failed",
            Status::Left { .. } => "left",
        }
    }
}

/// What changed for a venue at an observation: for the record and the alerts.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    Came {
        key: String,
    },
    /// The participant that left.
    Left {
        key: String,
        uuid: String,
    },
    Failed {
        key: String,
        why: Why,
    },
}

#[derive(Debug, Clone, Default)]
struct Memory {
    status: Option<Status>,
    /// The uuid of this console's dial and when it was answered with it.
    dial: Option<(String, f64)>,
    /// When the venue was first seen ringing.
    ringing_since: Option<f64>,
}

/// The venues' remembered statuses, keyed by their normalised address.
#[derive(Debug, Clone, Default)]
pub struct Tracker {
    memory: HashMap<String, Memory>,
}

impl Tracker {
    pub fn new() -> Tracker {
        Tracker::default()
    }

    /// This console dialled the venue `key` and the platform answered with `uuid`: an earlier
    /// failure or leave is forgotten, and the call is followed from here.
    pub fn dialled(&mut self, key: &str, uuid: &str, now: f64) {
        let m = self.memory.entry(key.to_owned()).or_default();
        m.dial = Some((uuid.to_owned(), now));
        m.ringing_since = None;
        if !matches!(
            m.status,
            Some(Status::Online { .. } | Status::Calling { .. })
        ) {
            m.status = Some(Status::Absent);
        }
    }

    /// The platform refused to dial the venue `key`.
    pub fn dial_refused(&mut self, key: &str, reason: String, now: f64) -> Change {
        let m = self.memory.entry(key.to_owned()).or_default();
        let why = Why::Platform(reason);
        m.dial = None;
        m.status = Some(Status::Failed {
            at: now,
            why: why.clone(),
        });
        Change::Failed {
            key: key.to_owned(),
            why,
        }
    }

    /// The venues' statuses now, given each venue's participant (`found`, in the venues'
    /// order), with what changed since the last observation.
    pub fn observe(
        &mut self,
        venues: &[Venue],
        found: &[Option<Found>],
        now: f64,
    ) -> (Vec<Status>, Vec<Change>) {
        let mut changes = Vec::new();
        let statuses = venues
            .iter()
            .zip(found)
            .map(|(v, f)| {
                let key = v.key();
                let m = self.memory.entry(key.clone()).or_default();
                let was_here = matches!(
                    m.status,
                    Some(Status::Online { .. } | Status::Calling { .. })
                );
                let status = match f {
                    Some(f) if f.ringing => {
                        m.ringing_since.get_or_insert(now);
                        Status::Calling {
                            uuid: f.uuid.clone(),
                        }
                    }
                    Some(f) => {
                        if !matches!(m.status, Some(Status::Online { .. })) {
                            changes.push(Change::Came { key: key.clone() });
                        }
                        m.dial = None;
                        m.ringing_since = None;
                        Status::Online {
                            uuid: f.uuid.clone(),
                            by_name: f.by == super::address::MatchedBy::Name,
                        }
                    }
                    None => gone(m, was_here, now, &key, &mut changes),
                };
                m.status = Some(status.clone());
                status
            })
            .collect();
        (statuses, changes)
    }
}

fn gone(m: &mut Memory, was_here: bool, now: f64, key: &str, changes: &mut Vec<Change>) -> Status {
    let ringing_since = m.ringing_since.take();
    let failed = |why: Why, changes: &mut Vec<Change>| {
        changes.push(Change::Failed {
            key: key.to_owned(),
            why: why.clone(),
        });
        Status::Failed { at: now, why }
    };
    match (&m.status, ringing_since, m.dial.clone()) {
        // Rang and went: refused at once, or not answered.
        (Some(Status::Calling { .. }), since, dial) => {
            m.dial = None;
            let start = dial.map(|d| d.1).or(since).unwrap_or(now);
            let why = if now - start < REFUSED_WITHIN {
                Why::Refused
            } else {
                Why::NoAnswer
            };
            failed(why, changes)
        }
        (Some(Status::Online { uuid, .. }), _, _) if was_here => {
            changes.push(Change::Left {
                key: key.to_owned(),
                uuid: uuid.clone(),
            });
            Status::Left { at: now }
        }
        // Dialled, never seen: gone before the roster showed it, or never created.
        (_, _, Some((_, at))) if now - at >= DIAL_GRACE => {
            m.dial = None;
            failed(Why::Refused, changes)
        }
        (Some(s), _, _) if !matches!(s, Status::Online { .. } | Status::Calling { .. }) => {
            s.clone()
        }
        _ => Status::Absent,
    }
}

/// How many venues are online, of how many.
pub fn online_count(statuses: &[Status]) -> (usize, usize) {
    (
        statuses.iter().filter(|s| s.is_online()).count(),
        statuses.len(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::venues::address::MatchedBy;

    fn venue(address: &str) -> Venue {
        let mut v = Venue::blank(1);
        v.name = address.into();
        v.address = address.into();
        v
    }

    fn at(uuid: &str, ringing: bool) -> Option<Found> {
        Some(Found {
            uuid: uuid.into(),
            by: MatchedBy::Address,
            ringing,
        })
    }

    #[test]
    fn a_venue_that_leaves_reads_left_with_the_time() {
        let vs = [venue("sip:a@x")];
        let mut t = Tracker::new();
        let (s, c) = t.observe(&vs, &[None], 10.0);
        assert_eq!((s[0].clone(), c.len()), (Status::Absent, 0));
        let (s, c) = t.observe(&vs, &[at("u", false)], 11.0);
        assert!(s[0].is_online());
        assert_eq!(c, [Change::Came { key: "a@x".into() }]);
        let (s, c) = t.observe(&vs, &[None], 20.0);
        assert_eq!(s[0], Status::Left { at: 20.0 });
        assert_eq!(
            c,
            [Change::Left {
                key: "a@x".into(),
                uuid: "u".into()
            }]
        );
        let (s, c) = t.observe(&vs, &[None], 30.0);
        assert_eq!((s[0].clone(), c.len()), (Status::Left { at: 20.0 }, 0));
    }

    #[test]
    fn a_call_refused_at_once_and_one_not_answered_are_told_apart() {
        let vs = [venue("busy@x"), venue("noanswer@x")];
        let mut t = Tracker::new();
        t.dialled("busy@x", "b", 100.0);
        t.dialled("noanswer@x", "n", 100.0);
        let (s, _) = t.observe(&vs, &[None, at("n", true)], 100.5);
        assert_eq!(s[0], Status::Absent, "still within the grace");
        assert_eq!(s[1], Status::Calling { uuid: "n".into() });
        let (s, c) = t.observe(&vs, &[None, at("n", true)], 104.0);
        assert_eq!(
            s[0],
            Status::Failed {
                at: 104.0,
                why: Why::Refused
            }
        );
        assert_eq!(c.len(), 1);
        let (s, _) = t.observe(&vs, &[None, None], 130.0);
        assert_eq!(
            s[1],
            Status::Failed {
                at: 130.0,
                why: Why::NoAnswer
            }
        );
    }

    #[test]
    fn a_ringing_call_gone_at_once_was_refused_and_an_answered_one_is_online() {
        let vs = [venue("a@x")];
        let mut t = Tracker::new();
        t.dialled("a@x", "u", 0.0);
        t.observe(&vs, &[at("u", true)], 0.2);
        let (s, _) = t.observe(&vs, &[None], 0.5);
        assert!(matches!(
            s[0],
            Status::Failed {
                why: Why::Refused,
                ..
            }
        ));
        t.dialled("a@x", "v", 10.0);
        t.observe(&vs, &[at("v", true)], 10.2);
        let (s, _) = t.observe(&vs, &[at("v", false)], 12.0);
        assert!(s[0].is_online());
        assert_eq!(online_count(&s), (1, 1));
    }

    #[test]
    fn a_refused_dial_is_kept_with_the_platform_s_reason() {
        let vs = [venue("a@x")];
        let mut t = Tracker::new();
        t.dial_refused("a@x", "Not permitted".into(), 5.0);
        let (s, _) = t.observe(&vs, &[None], 6.0);
        assert_eq!(
            s[0],
            Status::Failed {
                at: 5.0,
                why: Why::Platform("Not permitted".into())
            }
        );
        assert!(s[0].is_absent());
    }
}
