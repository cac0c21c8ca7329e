//! Whether the list keeps a participant: the search and every filter, and the key it sorts the
//! kept ones by, as pure functions of the participant and the list's [`Basis`] (no signal, no
//! clock read: the time filters measure from the `now` the basis carries), so they are tested
//! natively. Builds on [`crate::list::sort`] only.

use crate::list::sort::{SortBy, SortKey};
use crate::search::fields_contain;
use huikong_protocol::{Participant, Role, RxPresentationPolicy, ServiceType};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StateFilter {
    All,
    Conference,
    Waiting,
    Connecting,
}

impl StateFilter {
    /// The filter select's value for it.
    pub fn as_str(self) -> &'static str {
        match self {
            StateFilter::All => "all",
            StateFilter::Conference => "conference",
            StateFilter::Waiting => "waiting",
            StateFilter::Connecting => "connecting",
        }
    }

    /// The filter for a select's value; anything else shows all.
    pub fn parse(s: &str) -> StateFilter {
        match s {
            "conference" => StateFilter::Conference,
            "waiting" => StateFilter::Waiting,
            "connecting" => StateFilter::Connecting,
            _ => StateFilter::All,
        }
    }

    /// Whether `p` is in this state.
    pub fn matches(self, p: &Participant) -> bool {
        match self {
            StateFilter::All => true,
            StateFilter::Conference => matches!(
                p.service_type,
                ServiceType::Conference | ServiceType::Gateway
            ),
            StateFilter::Waiting => p.is_waiting(),
            StateFilter::Connecting => p.service_type == ServiceType::Connecting,
        }
    }
}

/// The filters on a participant's flags, which change without a roster revision. Each one on
/// keeps only those with the flag; several on keep those with all of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Flags {
    /// Muted by the host (the platform's `is_muted`; a mute on the endpoint itself is not
    /// reported).
    pub muted: bool,
    pub presenting: bool,
    /// `rx_presentation_policy` DENY: not sent the presentation.
    pub no_presentation: bool,
}

impl Flags {
    pub fn any(self) -> bool {
        self.count() > 0
    }

    pub fn count(self) -> usize {
        [self.muted, self.presenting, self.no_presentation]
            .into_iter()
            .filter(|on| *on)
            .count()
    }

    pub fn matches(self, p: &Participant) -> bool {
        (!self.muted || p.is_muted)
            && (!self.presenting || p.is_presenting)
            && (!self.no_presentation || p.rx_presentation_policy == RxPresentationPolicy::Deny)
    }
}

/// The filters on how long ago someone arrived, in minutes; 0 is off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TimeFilters {
    /// Waiting for a host longer than this.
    pub waiting_over: u32,
    /// Joined no longer ago than this.
    pub joined_within: u32,
}

impl TimeFilters {
    /// The minutes offered for either, besides off.
    pub const CHOICES: [u32; 7] = [1, 2, 5, 10, 15, 30, 60];

    pub fn any(self) -> bool {
        self.count() > 0
    }

    pub fn count(self) -> usize {
        usize::from(self.waiting_over > 0) + usize::from(self.joined_within > 0)
    }

    /// Whether `p` passes both at `now` (UNIX seconds). `start_time` is when the participant
    /// connected: for someone waiting, when they began to wait. Unknown (0) passes neither.
    pub fn matches(self, p: &Participant, now: f64) -> bool {
        let ago = now - p.start_time;
        let known = p.start_time > 0.0;
        (self.waiting_over == 0
            || (known && p.is_waiting() && ago > f64::from(self.waiting_over) * 60.0))
            && (self.joined_within == 0 || (known && ago <= f64::from(self.joined_within) * 60.0))
    }
}

/// What the list was computed for: when any of it changes, everyone is looked at again.
#[derive(Debug, Clone, PartialEq)]
pub struct Basis {
    /// Trimmed and in lower case.
    pub search: String,
    pub state: StateFilter,
    pub role: Option<Role>,
    /// In lower case; empty for all.
    pub protocol: String,
    pub by: SortBy,
    /// `(uuid, stage index, vad)` of those on stage, for the speaking sort and the stage
    /// filter only (empty otherwise, so stage events cost the list nothing).
    pub stage: Vec<(String, u32, u32)>,
    pub flags: Flags,
    /// Only those on the stage.
    pub on_stage: bool,
    pub times: TimeFilters,
    /// UNIX seconds the time filters measure from: the coarse clock's last tick while one is
    /// on, 0 otherwise (so the tick does not make the list sort everyone again).
    pub now: f64,
}

impl Basis {
    /// Whether the list for this basis shows `p`.
    pub fn keeps(&self, p: &Participant) -> bool {
        self.state.matches(p)
            && self.role.is_none_or(|r| r == p.role)
            && (self.protocol.is_empty() || p.protocol.eq_ignore_ascii_case(&self.protocol))
            && self.flags.matches(p)
            && (!self.on_stage || self.stage.iter().any(|(u, _, _)| *u == p.uuid))
            && self.times.matches(p, self.now)
            && (self.search.is_empty()
                || fields_contain(
                    &self.search,
                    &[&p.display_name, &p.uri, &p.local_alias, &p.overlay_text],
                ))
    }

    /// The key the list sorts `p` (the `arrival`-th to come) by, if it keeps them; `None` when
    /// filtered out.
    pub fn key(&self, p: &Participant, arrival: u64) -> Option<SortKey> {
        self.keeps(p).then(|| {
            let (stage_index, vad) = self
                .stage
                .iter()
                .find(|(u, _, _)| *u == p.uuid)
                .map_or((u32::MAX, 0), |(_, i, v)| (*i, *v));
            SortKey {
                speaking: vad > 0,
                stage_index,
                start: p.start_time,
                name: if self.by == SortBy::Name {
                    p.shown_name().to_lowercase()
                } else {
                    String::new()
                },
                arrival,
            }
        })
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A basis with no filter on, sorted `by`.
    pub(crate) fn basis(by: SortBy) -> Basis {
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

    #[test]
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

    #[test]
    fn the_stage_filter_keeps_those_on_the_stage() {
        let people = [person("a", 1.0), person("b", 1.0), person("c", 1.0)];
        let mut b = basis(SortBy::Join);
        b.on_stage = true;
        b.stage = vec![("c".into(), 0, 100), ("a".into(), 1, 0)];
        assert_eq!(kept(&b, &people), ["a", "c"]);
        b.stage.clear();
        assert!(kept(&b, &people).is_empty());
    }

    #[test]
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

    #[test]
    fn the_key_carries_the_stage_place_and_the_name_only_for_the_sorts_that_need_them() {
        let mut alice = person("a", 60.0);
        alice.display_name = "Alice".into();
        let mut b = basis(SortBy::Join);
        b.stage = vec![("a".into(), 2, 40)];
        let k = b.key(&alice, 7).expect("kept");
        assert_eq!(
            k,
            SortKey {
                speaking: true,
                stage_index: 2,
                start: NOW - 60.0,
                name: String::new(),
                arrival: 7,
            }
        );
        b.by = SortBy::Name;
        b.stage.clear();
        let k = b.key(&alice, 7).expect("kept");
        assert_eq!(
            (k.speaking, k.stage_index, k.name.as_str()),
            (false, u32::MAX, "alice")
        );
        b.search = "bob".into();
        assert_eq!(b.key(&alice, 7), None);
    }

    #[test]
    fn the_selects_values_read_back_and_anything_else_is_the_default() {
        for s in [
            StateFilter::All,
            StateFilter::Conference,
            StateFilter::Waiting,
            StateFilter::Connecting,
        ] {
            assert_eq!(StateFilter::parse(s.as_str()), s);
        }
        for s in [SortBy::Speaking, SortBy::Join, SortBy::Name] {
            assert_eq!(SortBy::parse(s.as_str()), s);
        }
        assert_eq!(StateFilter::parse("x"), StateFilter::All);
        assert_eq!(SortBy::parse("x"), SortBy::Join);
    }
}
